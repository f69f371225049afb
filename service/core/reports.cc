#include "service/core/reports.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "service/core/chars.h"
#include "service/core/committee.h"
#include "service/core/credits.h"
#include "service/core/document.h"
#include "service/core/han_numerals.h"
#include "service/core/lexicon.h"
#include "service/core/page_furniture.h"
#include "service/core/session_year.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr size_t kMaxTitle = 30;            // longest newspaper title line
constexpr size_t kMaxHeadline = 40;         // longest news or web headline
constexpr size_t kMaxSubtitle = 40;         // longest subtitle after the dashes
constexpr size_t kTitleLookback = 3;        // non-blank lines before a subtitle
constexpr size_t kFormalTitleLines = 4;     // lines of a formal report's title
constexpr size_t kMaxFormalTitleLine = 48;  // a title page's line, unbroken
constexpr size_t kShortTitle = 18;          // a headline, not a second deck
constexpr size_t kBylineLookahead = 2;      // text lines after a head
constexpr size_t kHeadlineLookahead = 8;    // furniture lines before a headline
constexpr size_t kCommitteeScan = 2000;     // text searched for the committee
constexpr size_t kLeadScan = 3000;          // text searched for a year marker
constexpr size_t kMaxMeetingLine = 60;  // "（…在…会议上）" over two lines
constexpr size_t kMaxSpeakerLine = 20;  // "政协副主席 王明"
constexpr int kLastPlenaryMonth = 3;    // yearly sessions sit by March

std::u32string_view Content(std::u32string_view text, const TextLine& l) {
  return text.substr(l.content_begin, l.content_end - l.content_begin);
}

// Has tells whether s holds one of `chars`. The marks asked about lie
// outside the Han blocks, which most of a line is: a Han character is
// passed over with one test, unless `chars` holds one.
// A line this long is searched once per mark, by the vectorised search.
constexpr size_t kSearchPerMark = 12;

bool Has(std::u32string_view s, std::u32string_view chars) {
  if (s.size() >= kSearchPerMark) {
    for (char32_t c : chars) {
      if (FindCodePoint(s, c, 0) < s.size()) return true;
    }
    return false;
  }
  const auto han = [](char32_t c) { return c >= 0x3400 && c < 0xFF00; };
  const bool any_han = std::any_of(chars.begin(), chars.end(), han);
  for (char32_t c : s) {
    if (!any_han && han(c)) continue;
    if (chars.find(c) != std::u32string_view::npos) return true;
  }
  return false;
}

bool StartsWith(std::u32string_view s, std::u32string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

std::u32string_view Trim(std::u32string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

size_t CountOf(std::u32string_view s, std::u32string_view chars) {
  size_t n = 0;
  for (char32_t c : s) {
    if (chars.find(c) != std::u32string_view::npos) ++n;
  }
  return n;
}

// ---- Shape rules: each reads one kind of line. ----

// OpensWithAYear: s opens with four digits and 年 (2024年…), as a subtitle
// naming the year it reviews may.
bool OpensWithAYear(std::u32string_view s) {
  if (s.size() < 5) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return s[4] == U'年';
}

// SubtitleText reads a newspaper subtitle "——某市政协2021年工作综述":
// the text after the dashes, or empty when the line is none.
std::u32string_view SubtitleText(std::u32string_view line) {
  size_t dashes = 0;
  while (dashes < line.size() && IsDash(line[dashes])) ++dashes;
  if (dashes == 0 || (dashes == 1 && line[0] == U'-')) return {};
  std::u32string_view rest = line.substr(dashes);
  while (!rest.empty() && IsBlank(rest.front())) rest.remove_prefix(1);
  if (rest.size() < 4 || rest.size() > kMaxSubtitle) return {};
  if (Has(rest, U"，。；！？,;!?")) return {};
  if (!IsCjk(rest.front()) && !OpensWithAYear(rest) &&
      !IsOpenQuote(rest.front()) && rest.front() != U'《') {
    return {};
  }
  return rest;
}

// IsTitleCandidate reads a newspaper title line: short, no sentence, not
// a caption, a bracketed note or a lead-in ending in a colon.
bool IsTitleCandidate(std::u32string_view line) {
  if (line.size() < 2 || line.size() > kMaxTitle) return false;
  if (Has(line, U"。；;▲")) return false;
  const char32_t first = line.front(), last = line.back();
  if (IsDash(first) || first == U'□' || first == U'(' || first == U'（' ||
      first == U'【' || first == U'▲' || first == U'△' || first == U'图') {
    return false;
  }
  if (last == U'：' || last == U':' || last == U'，' || last == U',') {
    return false;
  }
  if (IsSectionNumbered(line)) return false;
  return ClassifyFurniture(line) == Furniture::kNone;
}

bool HasInnerBreak(std::u32string_view line) {
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    if (IsBlank(line[i]) || line[i] == U'，' || line[i] == U',' ||
        line[i] == U'！' || line[i] == U'、') {
      return true;
    }
  }
  return false;
}

// InlineSubtitleAt reads "title——subtitle" on one line: the offset of the
// dashes, or 0 when the line is not of that shape.
size_t InlineSubtitleAt(std::u32string_view line) {
  if (line.size() > kMaxTitle + kMaxSubtitle) return 0;
  for (size_t i = 2; i + 1 < line.size() && i <= kShortTitle; ++i) {
    if (!IsDash(line[i]) || !IsDash(line[i + 1])) continue;
    const std::u32string_view title = Trim(line.substr(0, i));
    if (title.size() < 2 || !IsTitleCandidate(title)) return 0;
    return SubtitleText(line.substr(i)).empty() ? 0 : i;
  }
  return 0;
}

// IsMeetingText reads the line under a formal report's title that says
// where it was given: "——在政协某市第七届委员会第五次会议上",
// "（2024年1月10日在政协…会议上）".
bool IsMeetingText(std::u32string_view s) {
  s = Trim(s);
  while (!s.empty() && (IsDash(s.front()) || IsOpenBracket(s.front()) ||
                        IsBlank(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (IsCloseBracket(s.back()) || IsBlank(s.back()))) {
    s.remove_suffix(1);
  }
  if (s.size() < 6 || s.size() > kMaxMeetingLine) return false;
  // The ending first: it rules out nearly every line in a few tests.
  if (!EndsWith(s, U"上") && !EndsWith(s, U"上的报告") &&
      !EndsWith(s, U"上的讲话") && !EndsWith(s, U"上的发言")) {
    return false;
  }
  if (Has(s, U"，。；,;")) return false;
  const size_t at = s.find(U'在');
  if (at == std::u32string_view::npos || at > 16) return false;
  return s.find(U'会', at) != std::u32string_view::npos;
}

// IsFormalTitleLine reads one line of a formal report's title page
// ("中国人民政治协商会议", "某某县委员会常务委员会", "工 作 报 告").
bool IsFormalTitleLine(std::u32string_view line) {
  if (line.size() < 2 || line.size() > kMaxFormalTitleLine) return false;
  for (char32_t c : line) {
    if (IsClauseBreak(c) || IsListSeparator(c)) return false;
  }
  if (IsDash(line.front()) || IsOpenBracket(line.front())) return false;
  return ClassifyFurniture(line) == Furniture::kNone;
}

// SpacedLetters: every blank-separated token is one character, as a title
// page spaces its words out ("工 作 报 告").
bool IsSpacedLetters(std::u32string_view line) {
  size_t tokens = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (IsBlank(line[i])) continue;
    if (i + 1 < line.size() && !IsBlank(line[i + 1])) return false;
    ++tokens;
  }
  return tokens >= 2;
}

// TitleText is a title line as stored: spaced letters closed up.
std::u32string TitleText(std::u32string_view line) {
  if (!IsSpacedLetters(line)) return std::u32string(line);
  std::u32string out;
  for (char32_t c : line) {
    if (!IsBlank(c)) out += c;
  }
  return out;
}

// HeadlineSpan strips what a page prints around a headline: table pipes,
// a PDF page header ("Page 4 - "), a 标题 label. Returns [begin, end) in
// `line`.
std::pair<size_t, size_t> HeadlineSpan(std::u32string_view line) {
  size_t b = 0, e = line.size();
  const auto is_edge = [](char32_t c) {
    return IsBlank(c) || c == U'|' || c == U'｜';
  };
  while (b < e && is_edge(line[b])) ++b;
  while (e > b && is_edge(line[e - 1])) --e;
  // A page header: a run without Chinese ending in a dash or a pipe.
  for (size_t k = b; k < e && k - b < 16 && !IsCjk(line[k]); ++k) {
    if ((IsDash(line[k]) || line[k] == U'|') && k > b) {
      size_t next = k + 1;
      while (next < e && IsBlank(line[next])) ++next;
      if (next < e && IsCjk(line[next])) b = next;
      break;
    }
  }
  for (std::u32string_view label :
       {std::u32string_view(U"标题"), std::u32string_view(U"题目")}) {
    const std::u32string_view rest = line.substr(b, e - b);
    if (StartsWith(rest, label) && rest.size() > label.size() + 1 &&
        (rest[label.size()] == U':' || rest[label.size()] == U'：')) {
      b += label.size() + 1;
      while (b < e && IsBlank(line[b])) ++b;
    }
  }
  return {b, e};
}

// IsHeadline reads a news or web headline, or a yearbook heading: a short
// line that is no sentence (no 。or ；, at most one comma), does not end
// like a lead-in, and is not a bracketed note or a caption.
bool IsHeadline(std::u32string_view line) {
  if (line.size() < 2 || line.size() > kMaxHeadline) return false;
  if (Has(line, U"。；;▲")) return false;
  if (CountOf(line, U"，,") > 1) return false;
  const char32_t first = line.front(), last = line.back();
  if (IsDash(first) || first == U'□' || first == U'(' || first == U'（' ||
      first == U'▲' || first == U'△') {
    return false;
  }
  if (last == U'：' || last == U':' || last == U'，' || last == U',' ||
      last == U'、') {
    return false;
  }
  if (IsSectionNumbered(line)) return false;
  bool cjk = false;
  for (char32_t c : line) cjk = cjk || IsCjk(c);
  return cjk && ClassifyFurniture(line) == Furniture::kNone;
}

// NamesACommitteeAlone: a line that is a committee's name and nothing
// more (某县政协, 政协某市委员会), which a web page may set over its
// headline.
bool NamesACommitteeAlone(std::u32string_view line) {
  line = Trim(line);
  if (line.size() < 4 || line.size() > 16) return false;
  for (char32_t c : line) {
    if (!IsCjk(c)) return false;
  }
  return EndsWith(line, U"政协") || EndsWith(line, U"政協") ||
         (StartsWith(line, U"政协") && EndsWith(line, U"委员会")) ||
         (StartsWith(line, U"政協") && EndsWith(line, U"委員會"));
}

// YearbookHeading reads a heading in 【】 alone on its line: the text inside.
std::pair<size_t, size_t> YearbookHeading(std::u32string_view line) {
  if (line.size() < 4 || line.front() != U'【' || line.back() != U'】') {
    return {0, 0};
  }
  const std::u32string_view inner = line.substr(1, line.size() - 2);
  if (inner.find(U'】') != std::u32string_view::npos || Has(inner, U"，。；")) {
    return {0, 0};
  }
  return {1, line.size() - 1};
}

// LabelFollows: a page label starts at line[at] ("浏览：", "编辑:"), the end
// of the value before it.
bool LabelFollows(std::u32string_view line, size_t at) {
  constexpr size_t kLongestLabel = 4;
  for (size_t k = at; k < line.size() && k - at <= kLongestLabel; ++k) {
    if ((line[k] == U'：' || line[k] == U':') && k > at) return true;
    if (!IsCjk(line[k])) return false;
  }
  return false;
}

// DatelineYear reads a line that is no sentence but holds a date in digits
// with dashes or slashes, as a post's header prints it ("原创 某某政协
// 2023-06-12 18:30 发表于浙江"): the year, else nullopt.
std::optional<int> DatelineYear(std::u32string_view line) {
  if (line.size() > kMaxHeadline + kMaxSubtitle) return std::nullopt;
  // No such date without a dash or a slash, which most lines lack.
  if (FindCodePoint(line, U'-', 0) == line.size() &&
      FindCodePoint(line, U'/', 0) == line.size()) {
    return std::nullopt;
  }
  if (Has(line, U"。，；,;")) return std::nullopt;
  for (size_t i = 0; i + 10 <= line.size(); ++i) {
    if (i > 0 && IsDigit(line[i - 1])) continue;
    int year = 0;
    size_t j = i;
    while (j < i + 4 && IsDigit(line[j]))
      year = year * 10 + DigitValue(line[j++]);
    if (j != i + 4 || year < 1900 || year > 2099) continue;
    const char32_t mark = line[j];
    if (mark != U'-' && mark != U'/') continue;
    // MM-DD or M-D after the year, the same mark between.
    size_t k = j + 1;
    const size_t month = k;
    while (k < line.size() && k - month < 2 && IsDigit(line[k])) ++k;
    if (k == month || k >= line.size() || line[k] != mark) continue;
    if (k + 1 < line.size() && IsDigit(line[k + 1])) return year;
  }
  return std::nullopt;
}

// ---- The year the report reviews. ----

struct YearMention {
  int year = 0;
  size_t begin = 0;
  size_t end = 0;  // after 年
};

// YearAt reads four digits at s[i] followed by 年 (blanks between allowed),
// Arabic or numerals (二〇二三年, a formal title's way).
std::optional<YearMention> YearAt(std::u32string_view s, size_t i) {
  if (HanDigitValue(s[i]) > 0) {
    if (const std::optional<HanYear> han = ReadHanYear(s, i)) {
      return YearMention{han->year, i, han->end};
    }
    return std::nullopt;
  }
  if (i > 0 && IsDigit(s[i - 1])) return std::nullopt;
  int year = 0;
  size_t j = i;
  while (j < s.size() && IsDigit(s[j]) && j - i < 5) {
    year = year * 10 + DigitValue(s[j]);
    ++j;
  }
  if (j - i != 4 || year < 1900 || year > 2099) return std::nullopt;
  while (j < s.size() && IsBlank(s[j])) ++j;
  if (j >= s.size() || s[j] != U'年') return std::nullopt;
  return YearMention{year, i, j + 1};
}

// IsRangeEnd: a year that ends or starts a range ("2004年~2010年",
// "2022—2024年", "2021至2023年") names no single year.
bool InRange(std::u32string_view s, const YearMention& m) {
  size_t before = m.begin;
  while (before > 0 && IsBlank(s[before - 1])) --before;
  if (before > 0 && IsRangeMark(s[before - 1])) return true;
  // 至 or 到 after a year or date ends a range; after 截 it is "until".
  if (before > 1 && (s[before - 1] == U'至' || s[before - 1] == U'到') &&
      (IsDigit(s[before - 2]) || s[before - 2] == U'年' ||
       s[before - 2] == U'日' || s[before - 2] == U'月')) {
    return true;
  }
  return m.end < s.size() && (IsRangeMark(s[m.end]) || s[m.end] == U'至');
}

// IsYearCountNumeral: the Chinese numerals that count years in a review.
constexpr bool IsYearCountNumeral(char32_t c) {
  switch (c) {
    case U'两':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
      return true;
    default:
      return false;
  }
}

// MultiYearAt reads a review of several years: "五年来", "5年来", "三年以来",
// "过去五年".
bool MultiYearAt(std::u32string_view s, size_t i) {
  size_t j = i;
  if (IsDigit(s[i])) {
    if (i > 0 && IsDigit(s[i - 1])) return false;
    int n = 0;
    while (j < s.size() && IsDigit(s[j]) && j - i < 2) {
      n = n * 10 + DigitValue(s[j]);
      ++j;
    }
    if (n < 2 || n > 10) return false;
  } else if (IsYearCountNumeral(s[i])) {
    ++j;
  } else {
    return false;
  }
  const std::u32string_view rest = s.substr(j);
  // 过去五年, 过去的五年: the years behind the text.
  const std::u32string_view before = s.substr(0, i);
  const bool past = EndsWith(before, U"过去") || EndsWith(before, U"過去") ||
                    EndsWith(before, U"过去的") || EndsWith(before, U"過去的");
  return StartsWith(rest, U"年来") || StartsWith(rest, U"年以来") ||
         StartsWith(rest, U"年來") || (past && StartsWith(rest, U"年"));
}

// HeadsTheYearsWork: a section heading over the year's work, as formal
// reports open their review ("2024年工作回顾", "一、2024年主要工作" on a
// line of its own). The plan's heading ("2025年主要工作任务") goes on.
bool HeadsTheYearsWork(std::u32string_view rest) {
  if (StartsWith(rest, U"工作回顾") || StartsWith(rest, U"工作回顧")) {
    return true;
  }
  for (std::u32string_view heading :
       {U"主要工作", U"工作总结", U"工作總結", U"工作情况", U"工作情況"}) {
    if (StartsWith(rest, heading)) {
      const size_t after = heading.size();
      return after == rest.size() || IsLineBreak(rest[after]) ||
             StartsWith(rest.substr(after), U"回顾") ||
             StartsWith(rest.substr(after), U"回顧");
    }
  }
  return false;
}

// CommitteeActsIn: the year is the time of what the committee did, with
// the committee as subject right after it ("2024年县政协共征集…", "2024年
// 全年"). Its name is read from a level word to 政协 a few characters on.
bool CommitteeActsIn(std::u32string_view rest) {
  if (StartsWith(rest, U"全年")) return true;
  // (Only the next few characters: a lead is scanned year by year.)
  const std::u32string_view near = rest.substr(0, 6);
  const size_t found = std::min(near.find(U"政协"), near.find(U"政協"));
  if (found == std::u32string_view::npos || found > 3) return false;
  // Only a level (市, 县, 区, 省, 州) or nothing stands before it: not a
  // number's own words (2024年市政协委员).
  for (size_t i = 0; i < found; ++i) {
    if (std::u32string_view(U"市县区省州旗縣區全").find(rest[i]) ==
        std::u32string_view::npos) {
      return false;
    }
  }
  const std::u32string_view after = rest.substr(found + 2);
  // The committee acts: a member or body of it (委员, 常委会) is no subject.
  return !(StartsWith(after, U"委员") || StartsWith(after, U"委員") ||
           StartsWith(after, U"常委") || StartsWith(after, U"主席"));
}

// OpensTheYear: what follows a year at `end` (just after 年) makes it the
// topic of what comes: "2024年，", "2024年度，", "2023年是…之年", or a
// heading over the year's work.
bool OpensTheYear(std::u32string_view s, size_t end) {
  if (end < s.size() && s[end] == U'度') ++end;
  if (end >= s.size()) return false;
  return s[end] == U'，' || s[end] == U',' ||
         (s[end] == U'是' && s[end - 1] == U'年') ||
         HeadsTheYearsWork(s.substr(end)) || CommitteeActsIn(s.substr(end));
}

// PrecededByFounding: a year something was founded in ("成立于1956年，",
// "始建于1987年，") is history, not the year reviewed.
bool PrecededByFounding(std::u32string_view s, size_t i) {
  while (i > 0 && IsBlank(s[i - 1])) --i;
  if (i < 2 || s[i - 1] != U'于') return false;
  return std::u32string_view(U"立建始办").find(s[i - 2]) !=
         std::u32string_view::npos;
}

// PrecededByReview: a year that is summed up ("总结2023年工作", "回顾
// 2023年") is the one reviewed.
bool PrecededByReview(std::u32string_view s, size_t i) {
  while (i > 0 && IsBlank(s[i - 1])) --i;
  if (i > 0 && s[i - 1] == U'了') --i;  // 总结了2023年
  if (i < 2) return false;
  const std::u32string_view w = s.substr(i - 2, 2);
  return w == U"总结" || w == U"回顾";
}

bool PrecededByUntil(std::u32string_view s, size_t i) {
  while (i > 0 && IsBlank(s[i - 1])) --i;
  if (i < 2) return false;
  const std::u32string_view w = s.substr(i - 2, 2);
  return w == U"截至" || w == U"截止";
}

enum class YearFound { kNone, kYear, kMultiYear };

// HeadingYear: the first single year a subtitle or title names
// ("2024年工作综述", "２０２４年"); a multi-year review ("五年来", a range
// "2021—2025年") says there is none.
YearFound HeadingYear(std::u32string_view s, int* year) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (MultiYearAt(s, i)) return YearFound::kMultiYear;
    if (!IsDigit(s[i]) && HanDigitValue(s[i]) <= 0) continue;
    auto m = YearAt(s, i);
    if (!m) continue;
    // A heading over a range of years (2021—2025年) reviews several.
    if (InRange(s, *m)) return YearFound::kMultiYear;
    *year = m->year;
    return YearFound::kYear;
  }
  return YearFound::kNone;
}

// LeadYear: the first year marker of the text, in text order: "2024年，",
// "2023年是…", "总结2023年工作", "截至2024年底", "今年以来"/"今年，" (the
// publication year), "去年，"/"去年底"/ "过去一年" (the year before it); a
// multi-year review ends the search. A report given at a meeting counts from
// the meeting's year
// (`published` is then that year), and its "一年来" is the year before.
YearFound LeadYear(std::u32string_view s, std::optional<int> published,
                   bool at_meeting, int* year) {
  s = s.substr(0, std::min(s.size(), kLeadScan));
  // Every marker starts with a digit, a year-count numeral or the first
  // character of a relative year: one table probe passes over the rest.
  static const CharSet* const kMarkerFirst = [] {
    auto* first = new CharSet();
    for (char32_t c = U'0'; c <= U'9'; ++c) first->insert(c);
    for (char32_t c = U'０'; c <= U'９'; ++c) first->insert(c);
    // The year-count numerals are among the Han numerals.
    for (char32_t c :
         std::u32string_view(U"〇零一二三四五六七八九十百千万两")) {
      if (IsYearCountNumeral(c)) first->insert(c);
    }
    for (char32_t c : {U'今', U'去', U'过', U'一'}) first->insert(c);
    return first;
  }();
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (!kMarkerFirst->contains(c)) continue;
    if (MultiYearAt(s, i)) return YearFound::kMultiYear;
    std::optional<YearMention> m;
    if (IsDigit(c) || HanDigitValue(c) > 0) m = YearAt(s, i);
    if (IsDigit(c) || m) {
      if (!m || InRange(s, *m)) continue;
      if ((OpensTheYear(s, m->end) && !PrecededByFounding(s, i)) ||
          PrecededByUntil(s, i) || PrecededByReview(s, i)) {
        *year = m->year;
        return YearFound::kYear;
      }
      i = m->end - 1;
      continue;
    }
    if (!published) continue;
    const std::u32string_view rest = s.substr(i);
    if (StartsWith(rest, U"今年以来") || StartsWith(rest, U"今年，") ||
        StartsWith(rest, U"今年,") || StartsWith(rest, U"今年是")) {
      *year = *published;
      return YearFound::kYear;
    }
    if (StartsWith(rest, U"去年，") || StartsWith(rest, U"去年,") ||
        StartsWith(rest, U"去年底") || StartsWith(rest, U"过去一年") ||
        StartsWith(rest, U"过去的一年") ||
        (at_meeting && StartsWith(rest, U"一年来"))) {
      *year = *published - 1;
      return YearFound::kYear;
    }
  }
  return YearFound::kNone;
}

// ---- The committee. ----

// A mirror site puts pinyin after characters ("政协(xié)"); committees are
// read without it, so that names read whole.

// GlossEnd is the index of the bracket closing a pinyin gloss that opens
// at s[i] (提(ti)案), or 0.
size_t GlossEnd(std::u32string_view s, size_t i) {
  if (!IsOpenBracket(s[i]) || i == 0 || !IsCjk(s[i - 1])) return 0;
  size_t j = i + 1;
  while (j < s.size() && j - i <= 8 &&
         ((s[j] >= U'a' && s[j] <= U'z') || (s[j] >= 0xC0 && s[j] <= 0x24F) ||
          (s[j] >= 0x1E00 && s[j] <= 0x1EFF))) {
    ++j;
  }
  return j > i + 1 && j < s.size() && IsCloseBracket(s[j]) ? j : 0;
}

// StripPinyinGlosses gives `s` without its glosses, in *out, and tells
// whether it had any: most texts have none, and are read as they are
// (the brackets are found by a fast search, nothing is copied).
bool StripPinyinGlosses(std::u32string_view s, std::u32string* out) {
  size_t first = s.size();
  for (const char32_t open : {U'(', U'（'}) {
    for (size_t i = FindCodePoint(s, open, 0); i < first;
         i = FindCodePoint(s, open, i + 1)) {
      if (GlossEnd(s, i) != 0) {
        first = i;
        break;
      }
    }
  }
  if (first == s.size()) return false;
  out->assign(s.substr(0, first));
  for (size_t i = first; i < s.size(); ++i) {
    if (const size_t close = GlossEnd(s, i)) {
      i = close;
      continue;
    }
    *out += s[i];
  }
  return true;
}

// SetCommittee sets the report's committee from the first one `text`
// names. The head is searched before the text and the text's first
// committee wins: later ones are mostly others in passing (全国政协 adopting
// a report, a visiting 省政协 leader).
bool SetCommittee(std::u32string_view text, const Gazetteer& gazetteer,
                  const PeopleLexicon& lexicon, Report* report) {
  std::u32string stripped;
  if (StripPinyinGlosses(text, &stripped)) text = stripped;
  const std::optional<Committee> c =
      FindCommittee(text, gazetteer, PlaceHint{},
                    ShortNameWords{&lexicon.common_words, &lexicon.surnames,
                                   lexicon.dictionary});
  if (!c) return false;
  report->organization = EncodeUtf8(c->organization);
  report->city = EncodeUtf8(c->city);
  report->province = EncodeUtf8(c->province);
  return true;
}

// IsDateNote reads a bracketed date alone under a formal report's title,
// the day it was given: "（2024年1月8日）", "(二〇二四年一月)".
bool IsDateNote(std::u32string_view line) {
  line = Trim(line);
  if (line.size() < 4 || !IsOpenBracket(line.front()) ||
      !IsCloseBracket(line.back())) {
    return false;
  }
  const std::u32string_view inner = Trim(line.substr(1, line.size() - 2));
  if (inner.empty()) return false;
  const std::optional<YearMention> year = YearAt(inner, 0);
  if (!year || year->begin != 0) return false;
  size_t at = year->end;
  for (char32_t unit : {U'月', U'日'}) {
    size_t after = 0;
    if (at >= inner.size()) break;
    if (!SmallNumeral(inner, at, &after) &&
        !ReadHanCount(inner, at, 31, &after)) {
      return false;
    }
    if (after >= inner.size() || inner[after] != unit) return false;
    at = after + 1;
  }
  return at == inner.size() && at > year->end;
}

// ---- Heads. ----

// IsCongressText: `s` names a people's congress (人大常委会, 人民代表大会;
// not a bare 人大, which 老年人大学 holds) and no CPPCC committee.
bool IsCongressText(std::u32string_view s) {
  bool congress = false;
  for (std::u32string_view w :
       {U"人大常委会", U"人大常务委员会", U"人民代表大会"}) {
    congress = congress || s.find(w) != std::u32string_view::npos;
  }
  return congress && s.find(U"政协") == std::u32string_view::npos &&
         s.find(U"政治协商") == std::u32string_view::npos;
}

// Head is where a report starts and what stands above its text.
struct Head {
  size_t title_begin = 0;  // code point where the title starts
  std::u32string title;    // as stored: lines joined, spaced letters closed
  std::u32string subtitle;
  size_t last_line = 0;   // index of the head's last line in `lines`
  bool has_head = false;  // false: the text opens with its body
  std::optional<size_t> speaker_line;
  std::u32string speaker;           // the name under a meeting line
  std::optional<int> meeting_year;  // "（2024年1月8日在…会议上）"
  std::u32string meeting;           // that line's text (joined if run over)
  // Given at a yearly plenary session early in the year (not a new term's
  // first): the report reviews the year before the meeting.
  bool reviews_year_before_meeting = false;
};

// IsCongressHead: the head is a people's congress's (宜宾市人大常委会召开
// 会议), not a CPPCC committee's.
bool IsCongressHead(const Head& head) {
  std::u32string heading = head.subtitle;
  heading += U'\n';
  heading += head.title;
  return IsCongressText(heading);
}

class ReportReader {
 public:
  ReportReader(std::u32string_view text, const std::vector<TextLine>& lines,
               const Gazetteer& gazetteer, const PeopleLexicon& lexicon)
      : text_(text), lines_(lines), gazetteer_(gazetteer), lexicon_(lexicon) {
    furniture_.reserve(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      furniture_.push_back(lines[i].blank()
                               ? Furniture::kNone
                               : ClassifyFurniture(Content(text, lines[i])));
      if (!lines[i].blank()) filled_.push_back(i);
      if (!published_ && furniture_.back() != Furniture::kNone) {
        published_ = PublicationYear(Content(text, lines[i]));
      }
      if (!published_ && !lines[i].blank()) {
        published_ = DatelineYear(Content(text, lines[i]));
      }
    }
  }

  std::vector<Report> Read();

 private:
  std::u32string_view Line(size_t i) const { return Content(text_, lines_[i]); }
  bool IsFurnitureLine(size_t i) const {
    return furniture_[i] != Furniture::kNone;
  }
  std::vector<Head> FindHeads() const;
  bool StartsAnotherReport(const Head& head) const;
  bool MeetingHead(size_t k, size_t floor, Head* head, size_t* next_k) const;
  bool NewspaperHead(size_t k, size_t floor, Head* head) const;
  Head FirstHeadline() const;
  bool SpeakerAt(size_t k, bool need_role, std::u32string* name) const;
  std::optional<size_t> SpeakerAfter(size_t k, std::u32string* name) const;
  Report Fill(const Head& head, int64_t end, const Report* previous) const;
  void FillAuthors(const Head& head, int64_t end, Report* r) const;
  void AppendLeadText(size_t from_line, int64_t end, std::u32string* out) const;

  std::u32string_view text_;
  const std::vector<TextLine>& lines_;
  const Gazetteer& gazetteer_;
  const PeopleLexicon& lexicon_;
  std::vector<Furniture> furniture_;  // per line
  std::vector<size_t> filled_;        // indices of non-blank lines
  std::optional<int> published_;      // the page's publication year
};

// SpeakerAt reads filled line k as a speaker's: a name alone ("王明",
// "王 明") or after a role ("政协副主席 王明"); with `need_role` only the
// latter. Sets *name.
bool ReportReader::SpeakerAt(size_t k, bool need_role,
                             std::u32string* name) const {
  if (k >= filled_.size()) return false;
  const size_t i = filled_[k];
  const std::u32string_view line = Line(i);
  if (line.size() > kMaxSpeakerLine || IsFurnitureLine(i)) return false;
  // Tokens from the end: a last token of two or more characters is the
  // name; a run of one-character tokens is a name written spaced out.
  std::vector<std::u32string_view> tokens;
  for (size_t p = 0; p < line.size();) {
    if (IsBlank(line[p])) {
      ++p;
      continue;
    }
    size_t q = p;
    while (q < line.size() && !IsBlank(line[q])) ++q;
    tokens.push_back(line.substr(p, q - p));
    p = q;
  }
  if (tokens.empty()) return false;
  name->clear();
  size_t first = tokens.size() - 1;
  if (tokens.back().size() > 1) {
    *name = std::u32string(tokens.back());
  } else {
    while (first > 0 && tokens[first - 1].size() == 1) --first;
    for (size_t t = first; t < tokens.size(); ++t) name->append(tokens[t]);
  }
  for (char32_t c : *name) {
    if (!IsCjk(c)) return false;
  }
  const std::u32string_view n(*name);
  if (n.size() < 2 || n.size() > 4 ||
      (!lexicon_.surnames.Contains(n.substr(0, 1)) &&
       !lexicon_.surnames.Contains(n.substr(0, 2)))) {
    return false;
  }
  if (need_role) {
    // The token before the name ends in a role word (县政协主席).
    if (first == 0) return false;
    const std::u32string_view role = tokens[first - 1];
    return lexicon_.titles.LongestEndingAt(role, role.size()) > 0;
  }
  return true;
}

// SpeakerAfter reads the speaker under a meeting line (filled line k).
std::optional<size_t> ReportReader::SpeakerAfter(size_t k,
                                                 std::u32string* name) const {
  if (!SpeakerAt(k + 1, /*need_role=*/false, name)) return std::nullopt;
  return filled_[k + 1];
}

// MeetingHead: a formal report, its title lines joined above a meeting line
// (which may run over two lines), the speaker under it.
bool ReportReader::MeetingHead(size_t k, size_t floor, Head* head,
                               size_t* next_k) const {
  size_t last = k;
  const std::u32string_view line = Line(filled_[k]);
  std::u32string joined;  // a meeting line run over two lines
  std::u32string_view meeting = line;
  if (!IsMeetingText(line) && !IsDateNote(line)) {
    if (k + 1 >= filled_.size() || line.empty() ||
        !(IsOpenBracket(line.front()) || IsDash(line.front())) ||
        Has(line, U")）")) {
      return false;
    }
    joined = std::u32string(line);
    joined += Line(filled_[k + 1]);
    meeting = joined;
    if (!IsMeetingText(meeting)) return false;
    last = k + 1;
  }
  // The speaker may stand above the meeting line, with a role
  // ("县政协主席 王明").
  std::u32string speaker_above;
  size_t title_end = k;
  if (k > floor && SpeakerAt(k - 1, /*need_role=*/true, &speaker_above)) {
    title_end = k - 1;
  }
  size_t first = title_end;
  while (first > floor && title_end - first < kFormalTitleLines &&
         IsFormalTitleLine(Line(filled_[first - 1]))) {
    --first;
  }
  if (first == title_end) return false;
  head->has_head = true;
  head->title_begin = lines_[filled_[first]].content_begin;
  head->title.clear();
  for (size_t j = first; j < title_end; ++j) {
    head->title += TitleText(Line(filled_[j]));
  }
  head->subtitle.clear();
  head->meeting = std::u32string(meeting);
  head->meeting_year.reset();
  head->reviews_year_before_meeting = false;
  // A date note alone under the title leaves the session to a title that
  // is itself the meeting line (在…第三次会议上的报告).
  std::optional<int> session = PlenarySession(meeting);
  if (!session) session = PlenarySession(head->title);
  // The meeting's date: in its line, or in a date note of its own under it
  // or under the speaker ("（2024年1月8日）").
  const auto read_date = [&](std::u32string_view dated) {
    for (size_t i = 0; i < dated.size(); ++i) {
      if (auto m = YearAt(dated, i)) {
        head->meeting_year = m->year;
        size_t after = 0;
        const std::optional<int> month = SmallNumeral(dated, m->end, &after);
        head->reviews_year_before_meeting =
            month && *month >= 1 && *month <= kLastPlenaryMonth &&
            after < dated.size() && dated[after] == U'月' && session &&
            *session > 1;
        return;
      }
    }
  };
  read_date(meeting);
  const auto date_note_at = [&](size_t j) {
    return j < filled_.size() && j < k + 4 && IsDateNote(Line(filled_[j]));
  };
  if (title_end < k) {
    head->speaker_line = filled_[title_end];
    head->speaker = std::move(speaker_above);
    if (!head->meeting_year && date_note_at(last + 1)) {
      read_date(Line(filled_[++last]));
    }
    head->last_line = filled_[last];
    *next_k = last;
    return true;
  }
  if (!head->meeting_year && date_note_at(last + 1)) {
    read_date(Line(filled_[++last]));
  }
  head->speaker_line = SpeakerAfter(last, &head->speaker);
  size_t end_k = head->speaker_line ? last + 1 : last;
  if (head->speaker_line && !head->meeting_year && date_note_at(end_k + 1)) {
    read_date(Line(filled_[++end_k]));
  }
  head->last_line = filled_[end_k];
  *next_k = end_k;
  return true;
}

// NewspaperHead: a "——" subtitle (or "title——subtitle") with its title in
// the few lines above it; of several candidates a title with an inner break
// wins, else a short one, else the nearest.
bool ReportReader::NewspaperHead(size_t k, size_t floor, Head* head) const {
  const TextLine& l = lines_[filled_[k]];
  const std::u32string_view line = Line(filled_[k]);
  if (const size_t dashes = InlineSubtitleAt(line)) {
    head->has_head = true;
    head->title_begin = l.content_begin;
    head->title = std::u32string(Trim(line.substr(0, dashes)));
    head->subtitle = std::u32string(SubtitleText(line.substr(dashes)));
    head->last_line = filled_[k];
    return true;
  }
  const std::u32string_view sub = SubtitleText(line);
  if (sub.empty()) return false;
  std::vector<size_t> candidates;  // nearest first
  for (size_t j = k; j > floor && k - j < kTitleLookback; --j) {
    if (!IsTitleCandidate(Line(filled_[j - 1]))) break;
    candidates.push_back(j - 1);
  }
  if (candidates.empty()) return false;
  size_t chosen = candidates.front();
  if (candidates.size() > 1) {
    bool found = false;
    for (size_t c : candidates) {
      if (HasInnerBreak(Line(filled_[c]))) {
        chosen = c;
        found = true;
        break;
      }
    }
    for (size_t c : candidates) {
      if (found) break;
      if (Line(filled_[c]).size() <= kShortTitle) {
        chosen = c;
        found = true;
      }
    }
  }
  head->has_head = true;
  head->title_begin = lines_[filled_[chosen]].content_begin;
  head->title = std::u32string(Line(filled_[chosen]));
  head->subtitle = std::u32string(sub);
  head->last_line = filled_[k];
  return true;
}

std::vector<Head> ReportReader::FindHeads() const {
  std::vector<Head> heads;
  size_t floor = 0;  // first filled index a new title may use
  for (size_t k = 0; k < filled_.size(); ++k) {
    if (IsFurnitureLine(filled_[k])) continue;
    Head head;
    size_t next_k = k;
    if (MeetingHead(k, floor, &head, &next_k)) {
      heads.push_back(std::move(head));
      k = next_k;
      floor = k + 1;
    } else if (NewspaperHead(k, floor, &head) &&
               (heads.empty() || StartsAnotherReport(head))) {
      heads.push_back(std::move(head));
      floor = k + 1;
    }
  }
  return heads;
}

// StartsAnotherReport: a later "title ——subtitle" pair is a new report
// where the subtitle names a committee or a year ("——某县政协2023年工作综述")
// or a byline follows it; else it is a section of the report before
// ("坚持政治引领 ——深化学习教育").
bool ReportReader::StartsAnotherReport(const Head& head) const {
  const std::u32string_view sub = head.subtitle;
  if (sub.find(U"政协") != std::u32string_view::npos ||
      sub.find(U"政協") != std::u32string_view::npos ||
      sub.find(U"委员会") != std::u32string_view::npos ||
      sub.find(U"委員會") != std::u32string_view::npos) {
    return true;
  }
  int year = 0;
  if (HeadingYear(sub, &year) != YearFound::kNone) return true;
  for (size_t i = head.last_line + 1;
       i < lines_.size() && i <= head.last_line + kBylineLookahead; ++i) {
    if (lines_[i].blank() || IsFurnitureLine(i)) continue;
    const TextLine& l = lines_[i];
    return !ParseCreditLine(text_, l.content_begin, l.content_end, lexicon_)
                .empty();
  }
  return false;
}

// FirstHeadline: the headline of a text with no subtitle: the first line
// that is neither furniture nor a byline, if it is a headline or a 【】
// heading; else the text has no title.
Head ReportReader::FirstHeadline() const {
  Head head;
  size_t furniture = 0;
  for (size_t k = 0; k < filled_.size(); ++k) {
    const size_t i = filled_[k];
    if (furniture_[i] == Furniture::kArticleEnd) break;
    if (IsFurnitureLine(i)) {
      if (++furniture > kHeadlineLookahead) break;
      continue;
    }
    const TextLine& l = lines_[i];
    const std::u32string_view line = Line(i);
    if (DatelineYear(line)) {  // a post's header: account, date, place
      if (++furniture > kHeadlineLookahead) break;
      continue;
    }
    if (!ParseCreditLine(text_, l.content_begin, l.content_end, lexicon_)
             .empty()) {
      break;  // a byline first: a news item without headline
    }
    auto [b, e] = YearbookHeading(line);
    if (b == e) std::tie(b, e) = HeadlineSpan(line);
    const std::u32string_view title = line.substr(b, e - b);
    if (!IsHeadline(title)) break;
    head.has_head = true;
    head.title_begin = l.content_begin + b;
    head.title = TitleText(title);
    head.last_line = i;
    // A line naming the committee alone over the headline is its first
    // part (某县政协 / 推进某项工作): the two are one title.
    if (k + 1 < filled_.size() && NamesACommitteeAlone(title)) {
      const size_t next = filled_[k + 1];
      const std::u32string_view rest = Line(next);
      if (!IsFurnitureLine(next) && !DatelineYear(rest) && IsHeadline(rest) &&
          title.size() + rest.size() <= kMaxHeadline &&
          ParseCreditLine(text_, lines_[next].content_begin,
                          lines_[next].content_end, lexicon_)
              .empty()) {
        head.title += TitleText(rest);
        head.last_line = next;
      }
    }
    break;
  }
  return head;
}

// AppendLeadText appends the report's text from `from_line` for the
// committee search, at most kCommitteeScan code points, up to where other
// articles begin. Its source and catalogue lines stay in: where the text
// names its committee only by level (区政协), the publisher's line (某县融
// 媒体中心, 《某市志》) names the place. (Appended in place: the text is
// kilobytes, copied once.)
void ReportReader::AppendLeadText(size_t from_line, int64_t end,
                                  std::u32string* out) const {
  const size_t base = out->size();
  for (size_t i = from_line;
       i < lines_.size() && out->size() - base < kCommitteeScan; ++i) {
    if (static_cast<int64_t>(lines_[i].begin) >= end) break;
    if (furniture_[i] == Furniture::kArticleEnd) break;
    if (lines_[i].blank()) continue;
    *out += Line(i);
    *out += U'\n';
  }
  if (out->size() - base > kCommitteeScan) out->resize(base + kCommitteeScan);
}

void ReportReader::FillAuthors(const Head& head, int64_t end, Report* r) const {
  const auto take = [r](const std::vector<CreditName>& names) {
    for (const CreditName& c : names) r->authors.push_back({c.name, c.role});
    return !names.empty();
  };
  if (head.speaker_line) {
    r->authors.push_back({EncodeUtf8(head.speaker), "报告人"});
    return;
  }
  // A formal report's title (…工作报告, 关于…的报告) with no meeting line:
  // a role and a name on the line right under it are the speaker's.
  if (head.has_head && EndsWith(head.title, U"报告")) {
    const size_t k = static_cast<size_t>(
        std::upper_bound(filled_.begin(), filled_.end(), head.last_line) -
        filled_.begin());
    std::u32string speaker;
    if (k < filled_.size() &&
        static_cast<int64_t>(lines_[filled_[k]].begin) < end &&
        SpeakerAt(k, /*need_role=*/true, &speaker)) {
      r->authors.push_back({EncodeUtf8(speaker), "报告人"});
      return;
    }
  }
  const size_t first = head.has_head ? head.last_line + 1 : 0;
  // The byline under the head: a line of its own, a 作者 label, or a
  // bracket at the start of the first text line.
  size_t seen = 0;
  for (size_t i = first; i < lines_.size() && seen < kBylineLookahead; ++i) {
    if (static_cast<int64_t>(lines_[i].begin) >= end) break;
    if (lines_[i].blank()) continue;
    const TextLine& l = lines_[i];
    const std::u32string_view line = Line(i);
    if (furniture_[i] == Furniture::kArticleEnd) break;
    if (IsFurnitureLine(i)) {
      const size_t value = LabelValue(line, U"作者");
      if (value != std::u32string_view::npos) {
        size_t stop = value;
        while (stop < line.size() && line[stop] != U'|' &&
               !(IsBlank(line[stop]) && stop + 1 < line.size() &&
                 IsBlank(line[stop + 1])) &&
               !(IsBlank(line[stop]) && LabelFollows(line, stop + 1))) {
          ++stop;
        }
        // The label is a marker: parse from it.
        const size_t label = line.rfind(U"作者", value);
        if (take(ParseCreditLine(text_, l.content_begin + label,
                                 l.content_begin + stop, lexicon_))) {
          return;
        }
      }
      continue;
    }
    ++seen;
    if (take(
            ParseCreditLine(text_, l.content_begin, l.content_end, lexicon_))) {
      return;
    }
    if (take(
            ParseLeadCredit(text_, l.content_begin, l.content_end, lexicon_))) {
      return;
    }
    // Under a head the body has begun; a text without one may open with a
    // summary line before its dateline.
    if (head.has_head && Has(line, U"。，,")) break;
  }
  // Else the last credit of the report names its authors: a credit line
  // ("(文 李轲 图 郑斌)") or a bracket ending a line ("…（记者 王明）"),
  // with the credit lines right before it (文字：… then 图片：… on the
  // next line).
  std::vector<CreditName> last;
  bool line_before_credits = false;
  for (size_t i = first; i < lines_.size(); ++i) {
    if (static_cast<int64_t>(lines_[i].begin) >= end) break;
    if (lines_[i].blank()) continue;
    if (furniture_[i] == Furniture::kArticleEnd) break;
    const TextLine& l = lines_[i];
    auto names =
        ParseCreditLine(text_, l.content_begin, l.content_end, lexicon_);
    const bool credit_line = !names.empty();
    if (names.empty()) {
      names =
          ParseTrailingCredit(text_, l.content_begin, l.content_end, lexicon_);
    }
    if (!names.empty()) {
      if (!(credit_line && line_before_credits)) last.clear();
      last.insert(last.end(), std::make_move_iterator(names.begin()),
                  std::make_move_iterator(names.end()));
    }
    line_before_credits = credit_line;
  }
  take(last);
}

Report ReportReader::Fill(const Head& head, int64_t end,
                          const Report* previous) const {
  Report r;
  r.begin = static_cast<int64_t>(head.title_begin);
  r.end = end;
  r.title = EncodeUtf8(head.title);
  r.subtitle = EncodeUtf8(head.subtitle);
  const size_t body_line = head.has_head ? head.last_line + 1 : 0;
  const size_t body_begin =
      body_line < lines_.size() ? lines_[body_line].begin : text_.size();
  const std::u32string_view body = text_.substr(
      std::min<size_t>(body_begin, end),
      static_cast<size_t>(end) - std::min<size_t>(body_begin, end));

  // The subtitle, the title, then the text: one search, so that a place
  // the text names settles a committee the head names without one
  // (鼓楼区政协 in the title, 福州市 in the text).
  // The meeting line comes after the title: a formal report's title may
  // leave its committee to the line under it (在政协某某县第十届委员会
  // 第四次会议上).
  std::u32string committee_text;
  // (Room for the lead text too: it grows the string once, if at all.)
  committee_text.reserve(head.subtitle.size() + head.title.size() +
                         head.meeting.size() + kCommitteeScan + 64);
  committee_text += head.subtitle;
  committee_text += U'\n';
  committee_text += head.title;
  committee_text += U'\n';
  committee_text += head.meeting;
  committee_text += U'\n';
  AppendLeadText(body_line, end, &committee_text);
  // Last, the first report's page header above its title: a post's
  // account line or a source label may be all that names the committee
  // (原创 某某政协 2023-06-12).
  if (previous == nullptr && head.has_head) {
    for (size_t i = 0; i < lines_.size() && lines_[i].end <= head.title_begin;
         ++i) {
      if (lines_[i].blank()) continue;
      const std::u32string_view line = Line(i);
      if (furniture_[i] == Furniture::kLabel ||
          furniture_[i] == Furniture::kDateline || DatelineYear(line)) {
        committee_text += line;
        committee_text += U'\n';
      }
    }
  }
  // A people's congress's report (市人大常委会… in its head) has no CPPCC
  // committee of its own: the 政协 it names are others (GUIDE §1).
  if (!IsCongressHead(head)) {
    SetCommittee(committee_text, gazetteer_, lexicon_, &r);
  }

  std::u32string heading = head.subtitle;
  heading += U'\n';
  heading += head.title;
  int year = 0;
  YearFound found = HeadingYear(heading, &year);
  if (found == YearFound::kNone) {
    found = head.meeting_year
                ? LeadYear(body, head.meeting_year, /*at_meeting=*/true, &year)
                : LeadYear(body, published_, /*at_meeting=*/false, &year);
  }
  if (found == YearFound::kYear) {
    r.year = year;
  } else if (found == YearFound::kNone) {
    if (head.reviews_year_before_meeting) {
      r.year = *head.meeting_year - 1;
    } else if (previous) {
      r.year = previous->year;  // a page's reports share their year
    } else if (published_) {
      r.year = published_;
    } else {
      // A news item on a national session names its year by the session.
      r.year = NationalSessionYear(body.substr(0, kLeadScan));
    }
  }
  FillAuthors(head, end, &r);
  return r;
}

std::vector<Report> ReportReader::Read() {
  std::vector<Head> heads = FindHeads();
  if (heads.empty()) heads.push_back(FirstHeadline());
  std::vector<Report> reports;
  for (size_t h = 0; h < heads.size(); ++h) {
    const int64_t end = h + 1 < heads.size()
                            ? static_cast<int64_t>(heads[h + 1].title_begin)
                            : static_cast<int64_t>(text_.size());
    reports.push_back(
        Fill(heads[h], end, reports.empty() ? nullptr : &reports.back()));
  }
  return reports;
}

}  // namespace

std::optional<int> ReviewYear(std::u32string_view heading,
                              std::u32string_view body,
                              std::optional<int> published) {
  int year = 0;
  YearFound found = HeadingYear(heading, &year);
  if (found == YearFound::kNone) {
    found = LeadYear(body, published, /*at_meeting=*/false, &year);
  }
  if (found == YearFound::kYear) return year;
  if (found == YearFound::kMultiYear) return std::nullopt;
  return published;
}

std::vector<Report> SplitReports(std::u32string_view text,
                                 const std::vector<TextLine>& lines,
                                 const Gazetteer& gazetteer,
                                 const PeopleLexicon& lexicon) {
  return ReportReader(text, lines, gazetteer, lexicon).Read();
}

}  // namespace reportfacts
