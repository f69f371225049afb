#include "service/core/page_furniture.h"

#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "service/core/chars.h"

namespace reportfacts {
namespace {

// The words are the genre's page furniture, not any page's: the labels
// Chinese news and government sites print above and below an article, and
// the fields of a library catalogue record.

// A label is a short word before a colon or blank; it ends with one of these.
constexpr std::array<std::u32string_view, 44> kLabelEndings = {
    U"来源",   U"时间",   U"日期",   U"作者",   U"编辑",   U"责编",   U"审核",
    U"编审",   U"终审",   U"一审",   U"二审",   U"三审",   U"校对",   U"排版",
    U"监制",   U"统筹",   U"浏览",   U"浏览量", U"阅读",   U"阅读量", U"点击",
    U"点击量", U"点击数", U"访问量", U"次数",   U"字号",   U"分享到", U"链接",
    U"网址",   U"出处",   U"摘要",   U"关键词", U"关键字", U"分类号", U"唯一号",
    U"页数",   U"类型",   U"名称",   U"栏目",   U"位置",   U"标签",   U"字体",
    U"发布",   U"稿源"};

// Words that fill a line of buttons.
constexpr std::array<std::u32string_view, 40> kButtonWords = {
    U"分享到",   U"分享",     U"打印", U"打印本页", U"打印此页",
    U"关闭",     U"关闭窗口", U"收藏", U"返回顶部", U"回到顶部",
    U"回到目录", U"返回目录", U"返回", U"查看原文", U"阅读原文",
    U"大",       U"中",       U"小",   U"字号",     U"默认",
    U"扫一扫",   U"微信",     U"微博", U"点赞",     U"评论",
    U"举报",     U"图片",     U"视频", U"上一篇",   U"下一篇",
    U"责任编辑", U"版权所有", U"纠错", U"复制链接", U"二维码",
    U"手机看",   U"转发",     U"在看", U"来源",     U"编辑"};

// Words after which the page shows other articles.
constexpr std::array<std::u32string_view, 11> kArticleEndWords = {
    U"新闻推荐", U"相关文章", U"相关新闻", U"相关阅读",
    U"推荐阅读", U"热门推荐", U"友情链接", U"延伸阅读",
    U"猜你喜欢", U"热点推荐", U"更多新闻"};

// Words that open a breadcrumb trail.
constexpr std::array<std::u32string_view, 7> kBreadcrumbStarts = {
    U"首页",     U"当前位置", U"您的位置", U"您现在的位置",
    U"所在位置", U"主页",     U"网站首页"};

template <size_t N>
constexpr size_t LongestOf(const std::array<std::u32string_view, N>& words) {
  size_t longest = 0;
  for (std::u32string_view w : words) longest = std::max(longest, w.size());
  return longest;
}

// In<kWords>(s) tells whether s is one of kWords.
template <const auto& kWords>
bool In(std::u32string_view s) {
  // Most strings asked about are longer than every word: one comparison.
  constexpr size_t kLongest = LongestOf(kWords);
  if (s.size() > kLongest) return false;
  for (std::u32string_view w : kWords) {
    if (w == s) return true;
  }
  return false;
}

template <size_t N>
bool EndsWithAny(const std::array<std::u32string_view, N>& words,
                 std::u32string_view s) {
  for (std::u32string_view w : words) {
    if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) {
      return true;
    }
  }
  return false;
}

bool StartsWith(std::u32string_view s, std::u32string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::u32string_view Trim(std::u32string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

bool IsColon(char32_t c) { return c == U':' || c == U'：'; }

bool IsMenuSeparator(char32_t c) {
  return IsBlank(c) || c == U'|' || c == U'｜' || c == U'丨' || c == U'/' ||
         c == U'【' || c == U'】' || c == U'[' || c == U']' || c == U'·' ||
         IsColon(c);
}

bool IsCrumbSeparator(char32_t c) {
  return c == U'>' || c == U'＞' || c == U'›' || c == U'»' || c == U'→' ||
         c == U'〉';
}

// ForEachToken calls `f` on every run of characters between separators;
// it stops and returns false as soon as `f` does.
template <typename Sep, typename F>
bool ForEachToken(std::u32string_view s, Sep is_separator, F f) {
  size_t i = 0;
  while (i < s.size()) {
    if (is_separator(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !is_separator(s[j])) ++j;
    if (!f(s.substr(i, j - i))) return false;
    i = j;
  }
  return true;
}

// DateAt reads a full date starting at s[i]: 2024-08-02, 2024/8/2,
// 2024.08.02 or 2024年8月2日, in ASCII or full-width digits. Returns the
// year and sets *end past the date.
std::optional<int> DateAt(std::u32string_view s, size_t i, size_t* end) {
  int year = 0;
  size_t j = i;
  while (j < s.size() && j - i < 4 && IsDigit(s[j])) {
    year = year * 10 + DigitValue(s[j]);
    ++j;
  }
  if (j - i != 4 || (j < s.size() && IsDigit(s[j]))) return std::nullopt;
  if (year < 1900 || year > 2099 || j >= s.size()) return std::nullopt;
  const char32_t sep = s[j];
  if (sep != U'-' && sep != U'/' && sep != U'.' && sep != U'年') {
    return std::nullopt;
  }
  size_t k = j + 1;
  size_t month_digits = 0;
  while (k < s.size() && IsDigit(s[k]) && month_digits < 2) {
    ++k;
    ++month_digits;
  }
  if (month_digits == 0) return std::nullopt;
  if (sep == U'年') {
    if (k >= s.size() || s[k] != U'月') return std::nullopt;
    ++k;
  } else if (k >= s.size() || s[k] != sep) {
    return std::nullopt;
  } else {
    ++k;
  }
  size_t day_digits = 0;
  while (k < s.size() && IsDigit(s[k]) && day_digits < 2) {
    ++k;
    ++day_digits;
  }
  if (day_digits == 0) return std::nullopt;
  if (sep == U'年' && k < s.size() && s[k] == U'日') ++k;
  *end = k;
  return year;
}

// Credit labels, which may stand before a name with only a blank between:
// "编辑 王明", "二审 李华".
constexpr std::array<std::u32string_view, 16> kCreditLabels = {
    U"来源", U"作者", U"编辑", U"责编", U"审核", U"编审", U"终审", U"一审",
    U"二审", U"三审", U"校对", U"排版", U"监制", U"统筹", U"审校", U"审签"};

// LabelLine: "来源：新华社", "发布时间: 2024-08-02", "编辑 王明", "分享到:".
// A headline may end in a label's word ("成果发布"), so without a colon
// only a credit label before a blank, or a label word alone, counts.
bool IsLabelLine(std::u32string_view s) {
  // A label word has at most eight characters: the search for its end
  // stops at the ninth.
  constexpr size_t kLongestLabel = 8;
  size_t j = 0;
  while (j < s.size() && j <= kLongestLabel && !IsBlank(s[j]) &&
         !IsColon(s[j])) {
    ++j;
  }
  if (j == 0 || j > kLongestLabel) return false;
  const std::u32string_view word = s.substr(0, j);
  if (j < s.size() && IsColon(s[j])) return EndsWithAny(kLabelEndings, word);
  if (j == s.size()) return In<kLabelEndings>(word);
  return word.size() <= 4 && EndsWithAny(kCreditLabels, word);
}

// DatelineLine: a line that opens with a full date and holds nothing of a
// sentence after it (a time, a source): "2022年08月19日 19:05 | 来源：…".
bool IsDatelineLine(std::u32string_view s) {
  size_t end = 0;
  if (!DateAt(s, 0, &end)) return false;
  for (size_t k = end; k < s.size(); ++k) {
    if (IsSentenceEnd(s[k]) || s[k] == U'，' || s[k] == U',') return false;
  }
  return s.size() - end <= 40;
}

// NavigationLine: a menu of five or more short items, most of two or more
// characters ("首 页 政协动态 协商建言 委员声音 …"); a line opening with 首页
// needs three. Spaced letters of a title ("工 作 报 告") are no menu.
bool IsNavigationLine(std::u32string_view s) {
  size_t items = 0, words = 0;
  bool ok = ForEachToken(s, IsMenuSeparator, [&](std::u32string_view t) {
    if (t.size() > 8) return false;
    for (char32_t c : t) {
      if (IsPunctuation(c)) return false;
    }
    ++items;
    if (t.size() >= 2) ++words;
    return true;
  });
  if (!ok) return false;
  const bool home = StartsWith(s, U"首页") || StartsWith(s, U"首 页");
  return words >= 3 && (items >= 5 || (home && items >= 3));
}

// BreadcrumbLine: "首页 > 新闻中心 > 正文", "当前位置：首页>协商".
bool IsBreadcrumbLine(std::u32string_view s) {
  size_t separators = 0;
  for (char32_t c : s) {
    if (IsCrumbSeparator(c)) ++separators;
  }
  if (separators == 0) return false;
  for (std::u32string_view start : kBreadcrumbStarts) {
    if (StartsWith(s, start)) return true;
  }
  if (separators < 2) return false;
  // Every step is short and no sentence.
  return ForEachToken(s, IsCrumbSeparator, [](std::u32string_view t) {
    t = Trim(t);
    if (t.size() > 10) return false;
    for (char32_t c : t) {
      if (IsClauseBreak(c)) return false;
    }
    return true;
  });
}

// LineShape is what one pass over a line tells the classifiers, so that
// each passes over a line that cannot be of its kind without reading it.
struct LineShape {
  bool cjk = false;
  bool menu_separator = false;   // IsMenuSeparator
  bool crumb_separator = false;  // IsCrumbSeparator
  bool copyright = false;  // a first character of 版权所有, Copyright, ©, ICP备
};

// AddToShape adds one character outside the main Han block.
inline void AddToShape(char32_t c, LineShape* shape) {
  shape->cjk |= IsCjk(c);
  shape->menu_separator |= IsMenuSeparator(c);
  shape->crumb_separator |= IsCrumbSeparator(c);
  shape->copyright |= c == U'C' || c == U'©' || c == U'I';
}

LineShape ShapeOf(std::u32string_view s) {
  // Most characters are Han of the main block; among them only 丨 is a
  // separator and only 版 opens a copyright word.
  LineShape shape;
  size_t i = 0;
#if defined(__SSE2__)
  // Four code points a step: the main block and those two characters are
  // found by comparisons of the whole vector, and only the code points
  // outside the block are looked at one by one.
  __m128i main_block = _mm_setzero_si128();
  __m128i bar_or_ban = _mm_setzero_si128();
  for (; i + 4 <= s.size(); i += 4) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i in_main =
        _mm_and_si128(_mm_cmpgt_epi32(v, _mm_set1_epi32(0x4DFF)),
                      _mm_cmplt_epi32(v, _mm_set1_epi32(0xA000)));
    main_block = _mm_or_si128(main_block, in_main);
    bar_or_ban = _mm_or_si128(
        bar_or_ban, _mm_or_si128(_mm_cmpeq_epi32(v, _mm_set1_epi32(U'丨')),
                                 _mm_cmpeq_epi32(v, _mm_set1_epi32(U'版'))));
    const unsigned outside =
        ~static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(in_main))) &
        0xF;
    for (unsigned rest = outside; rest != 0; rest &= rest - 1) {
      AddToShape(s[i + static_cast<size_t>(__builtin_ctz(rest))], &shape);
    }
  }
  shape.cjk |= _mm_movemask_epi8(main_block) != 0;
  if (_mm_movemask_epi8(bar_or_ban) != 0) {
    // Which of the two: rare enough to look again.
    for (size_t k = 0; k < i; ++k) {
      shape.menu_separator |= s[k] == U'丨';
      shape.copyright |= s[k] == U'版';
    }
  }
#endif
  for (; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (c >= 0x4E00 && c <= 0x9FFF) {
      shape.cjk = true;
      shape.menu_separator |= c == U'丨';
      shape.copyright |= c == U'版';
      continue;
    }
    AddToShape(c, &shape);
  }
  return shape;
}

// ButtonLine: nothing but buttons and counters ("分享到：", "打印 | 关闭",
// "回到目录 | 返回顶部"), or a copyright line.
bool IsButtonLine(std::u32string_view s, const LineShape& shape) {
  if (shape.copyright && (s.find(U"版权所有") != std::u32string_view::npos ||
                          s.find(U"Copyright") != std::u32string_view::npos ||
                          s.find(U"©") != std::u32string_view::npos ||
                          s.find(U"ICP备") != std::u32string_view::npos)) {
    return true;
  }
  size_t buttons = 0;
  const auto button_or_counter = [&](std::u32string_view t) {
    if (In<kButtonWords>(t)) {
      ++buttons;
      return true;
    }
    // A counter beside a button: "473", "473次".
    size_t k = 0;
    while (k < t.size() && IsDigit(t[k])) ++k;
    return k > 0 && (k == t.size() || (k + 1 == t.size() && t[k] == U'次'));
  };
  // Without a separator the (trimmed) line is one token.
  const bool ok = shape.menu_separator
                      ? ForEachToken(s, IsMenuSeparator, button_or_counter)
                      : button_or_counter(s);
  return ok && buttons > 0;
}

// ProseParagraph: a line of more than a few dozen characters that holds a
// sentence end is body text: furniture is labels, menus and counters, not
// sentences. Checking this first keeps the classifiers off the long lines
// that make up most of a document.
constexpr size_t kLongestFurniture = 48;
bool IsProseParagraph(std::u32string_view s) {
  if (s.size() <= kLongestFurniture) return false;
  size_t i = 0;
#if defined(__SSE2__)
  // Four code points a step, each compared with every sentence mark, with
  // no branch on the text until one is found (a branch per character
  // would be mispredicted at every comma).
  const auto is = [](__m128i v, char32_t c) {
    return _mm_cmpeq_epi32(v, _mm_set1_epi32(static_cast<int>(c)));
  };
  for (; i + 4 <= s.size(); i += 4) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i ends =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(is(v, U'。'), is(v, U'！')),
                                  _mm_or_si128(is(v, U'!'), is(v, U'？'))),
                     _mm_or_si128(_mm_or_si128(is(v, U'?'), is(v, U'；')),
                                  _mm_or_si128(is(v, U';'), is(v, U'｡'))));
    if (_mm_movemask_epi8(ends) != 0) return true;
  }
#endif
  for (; i < s.size(); ++i) {
    if (IsSentenceEnd(s[i])) return true;
  }
  return false;
}

bool IsArticleEndLine(std::u32string_view s) {
  while (!s.empty() && (IsColon(s.back()) || IsPunctuation(s.back()))) {
    s.remove_suffix(1);
  }
  return In<kArticleEndWords>(Trim(s));
}

}  // namespace

Furniture ClassifyFurniture(std::u32string_view line) {
  line = Trim(line);
  if (line.empty()) return Furniture::kNone;
  if (IsProseParagraph(line)) return Furniture::kNone;
  const LineShape shape = ShapeOf(line);
  if (!shape.cjk) return Furniture::kNoText;
  if (IsArticleEndLine(line)) return Furniture::kArticleEnd;
  if (shape.crumb_separator && IsBreadcrumbLine(line)) {
    return Furniture::kBreadcrumb;
  }
  if (IsLabelLine(line)) return Furniture::kLabel;
  if (IsDatelineLine(line)) return Furniture::kDateline;
  if (IsButtonLine(line, shape)) return Furniture::kButtons;
  // A menu has several items: without a separator the line is one.
  if (shape.menu_separator && IsNavigationLine(line)) {
    return Furniture::kNavigation;
  }
  return Furniture::kNone;
}

std::optional<int> PublicationYear(std::u32string_view line) {
  line = Trim(line);
  const Furniture kind = ClassifyFurniture(line);
  if (kind != Furniture::kLabel && kind != Furniture::kDateline) {
    return std::nullopt;
  }
  for (size_t i = 0; i < line.size(); ++i) {
    if (!IsDigit(line[i]) || (i > 0 && IsDigit(line[i - 1]))) continue;
    size_t end = 0;
    if (auto year = DateAt(line, i, &end)) return year;
  }
  return std::nullopt;
}

size_t LabelValue(std::u32string_view line, std::u32string_view label) {
  for (size_t at = line.find(label); at != std::u32string_view::npos;
       at = line.find(label, at + 1)) {
    const bool starts = at == 0 || IsBlank(line[at - 1]) ||
                        line[at - 1] == U'|' || line[at - 1] == U'｜';
    size_t k = at + label.size();
    if (!starts || k >= line.size() || !IsColon(line[k])) continue;
    ++k;
    while (k < line.size() && IsBlank(line[k])) ++k;
    return k;
  }
  return std::u32string_view::npos;
}

}  // namespace reportfacts
