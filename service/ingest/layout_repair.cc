#include "service/ingest/layout_repair.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "service/core/chars.h"
#include "service/core/utf8.h"

namespace reportfacts::ingest {
namespace {

// Lines at each edge of a page where furniture is looked for.
constexpr size_t kEdgeLines = 2;
// Longest line, in code points, taken as a running header or footer.
constexpr size_t kMaxFurnitureLength = 80;
// Longest page number read (four digits).
constexpr size_t kMaxPageDigits = 4;

bool IsWide(char32_t c) {
  return IsCjk(c) || (c >= 0x2E80 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x2018 && c <= 0x201D) ||
         c == U'—' || c == U'…' || c == U'·';
}

// IsChineseText: a Han character or a Chinese (wide) mark.
bool IsChineseText(char32_t c) { return IsWide(c) && !IsBlank(c); }

std::u32string_view Trim(std::u32string_view line) {
  size_t begin = 0;
  size_t end = line.size();
  while (begin < end && IsBlank(line[begin])) ++begin;
  while (end > begin && IsBlank(line[end - 1])) --end;
  return line.substr(begin, end - begin);
}

// SkipDigits returns the index after the digits starting at `i`, or npos
// when there are none or more than kMaxPageDigits.
size_t SkipDigits(std::u32string_view s, size_t i) {
  const size_t start = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == start || i - start > kMaxPageDigits)
    return std::u32string_view::npos;
  return i;
}

size_t SkipBlanks(std::u32string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

bool IsPageDash(char32_t c) { return IsDash(c) || c == U'～' || c == U'~'; }

// FurnitureKey is the line with blanks dropped and digits made 0: a
// running header that carries its page number recurs under one key.
std::u32string FurnitureKey(std::u32string_view line) {
  std::u32string key;
  for (char32_t c : line) {
    if (IsBlank(c)) continue;
    key.push_back(IsDigit(c) ? U'0' : c);
  }
  return key;
}

bool IsChineseNumeral(char32_t c) {
  static constexpr std::u32string_view kNumerals =
      U"一二三四五六七八九十百零〇";
  return kNumerals.find(c) != std::u32string_view::npos;
}

struct Line {
  int64_t begin;  // code points into the extracted text
  int64_t end;    // exclusive, before the '\n'
  size_t page;
  bool dropped = false;
  bool spaced_title = false;
  double font_size = 0;  // 0: unknown
};

// A size PDF text can report that is no real point size (NaN, negative,
// or beyond any page) counts as unknown, so later arithmetic stays in range.
constexpr double kMaxFontSize = 10000;
double PlausibleFontSize(double size) {
  return std::isfinite(size) && size > 0 && size <= kMaxFontSize ? size : 0;
}

// SameFontSize: sizes within a tenth of each other, or one unknown.
bool SameFontSize(double a, double b) {
  if (a <= 0 || b <= 0) return true;
  return std::max(a, b) <= 1.1 * std::min(a, b);
}

}  // namespace

void OffsetMap::Copy(int64_t repaired, int64_t extracted) {
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    if (extracted - last.extracted == repaired - last.repaired) return;
  }
  runs_.push_back({repaired, extracted});
}

void OffsetMap::Truncate(int64_t repaired_size) {
  while (!runs_.empty() && runs_.back().repaired >= repaired_size) {
    runs_.pop_back();
  }
}

void OffsetMap::Finish(int64_t repaired_size, int64_t extracted_size) {
  repaired_size_ = repaired_size;
  extracted_size_ = extracted_size;
}

int64_t OffsetMap::ToExtracted(int64_t repaired) const {
  if (repaired >= repaired_size_) return extracted_size_;
  if (repaired <= 0 || runs_.empty()) {
    return runs_.empty() ? 0 : runs_.front().extracted + repaired;
  }
  auto it = std::upper_bound(
      runs_.begin(), runs_.end(), repaired,
      [](int64_t r, const Run& run) { return r < run.repaired; });
  --it;
  return it->extracted + (repaired - it->repaired);
}

int64_t OffsetMap::ToRepaired(int64_t extracted) const {
  if (runs_.empty() || extracted >= extracted_size_) return repaired_size_;
  auto it = std::upper_bound(
      runs_.begin(), runs_.end(), extracted,
      [](int64_t e, const Run& run) { return e < run.extracted; });
  if (it == runs_.begin()) return 0;
  const auto next = it;
  --it;
  const int64_t run_end = next == runs_.end() ? repaired_size_ : next->repaired;
  const int64_t r = it->repaired + (extracted - it->extracted);
  return r < run_end ? r : run_end;
}

bool IsPageNumberLine(std::u32string_view raw) {
  const std::u32string_view s = Trim(raw);
  if (s.empty()) return false;
  constexpr size_t npos = std::u32string_view::npos;
  // 12, 4/20
  if (IsDigit(s[0])) {
    size_t i = SkipDigits(s, 0);
    if (i == npos) return false;
    if (i == s.size()) return true;
    i = SkipBlanks(s, i);
    if (i < s.size() && (s[i] == U'/' || s[i] == U'／')) {
      i = SkipDigits(s, SkipBlanks(s, i + 1));
      return i == s.size();
    }
    return false;
  }
  // - 3 -, — 12 —
  if (IsPageDash(s[0])) {
    size_t i = 0;
    while (i < s.size() && IsPageDash(s[i])) ++i;
    i = SkipDigits(s, SkipBlanks(s, i));
    if (i == npos) return false;
    i = SkipBlanks(s, i);
    if (i == s.size() || !IsPageDash(s[i])) return false;
    while (i < s.size() && IsPageDash(s[i])) ++i;
    return i == s.size();
  }
  // 第3页, 第3页 共20页, 第3页/共20页
  if (s[0] == U'第') {
    size_t i = SkipDigits(s, SkipBlanks(s, 1));
    if (i == npos) return false;
    i = SkipBlanks(s, i);
    if (i == s.size() || s[i] != U'页') return false;
    i = SkipBlanks(s, i + 1);
    if (i == s.size()) return true;
    if (s[i] == U'/' || s[i] == U'，' || s[i] == U',' || s[i] == U'／') {
      i = SkipBlanks(s, i + 1);
    }
    if (i == s.size() || s[i] != U'共') return false;
    i = SkipDigits(s, SkipBlanks(s, i + 1));
    if (i == npos) return false;
    i = SkipBlanks(s, i);
    return i + 1 == s.size() && s[i] == U'页';
  }
  // Page 4, Page 4 of 20
  static constexpr std::u32string_view kPage = U"page";
  if (s.size() > kPage.size()) {
    for (size_t k = 0; k < kPage.size(); ++k) {
      const char32_t c = s[k] >= U'A' && s[k] <= U'Z' ? s[k] + 32 : s[k];
      if (c != kPage[k]) return false;
    }
    size_t i = SkipBlanks(s, kPage.size());
    if (i == kPage.size()) return false;  // "Pages" or "Page4x"
    i = SkipDigits(s, i);
    if (i == npos) return false;
    if (i == s.size()) return true;
    i = SkipBlanks(s, i);
    if (s.substr(i, 2) == U"of" || s.substr(i, 2) == U"OF") {
      i = SkipDigits(s, SkipBlanks(s, i + 2));
    } else if (s[i] == U'/') {
      i = SkipDigits(s, SkipBlanks(s, i + 1));
    } else {
      return false;
    }
    return i == s.size();
  }
  return false;
}

bool IsLetterSpacedTitle(std::u32string_view raw) {
  const std::u32string_view s = Trim(raw);
  if (s.size() < 7 || s.size() % 2 == 0) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i % 2 == 0 ? !IsCjk(s[i]) : (s[i] != U' ' && s[i] != U'\u3000')) {
      return false;
    }
  }
  return true;
}

bool StartsListItem(std::u32string_view raw) {
  const std::u32string_view s = Trim(raw);
  if (s.empty()) return false;
  static constexpr std::u32string_view kBullets = U"●○■□◆◇▲△★☆•·▪►→√※";
  if (kBullets.find(s[0]) != std::u32string_view::npos) return true;
  if (s[0] >= U'①' && s[0] <= U'⑳') return true;
  if (s[0] >= U'⑴' && s[0] <= U'⒇') return true;
  if (s[0] == U'-' && s.size() > 1 && IsBlank(s[1])) return true;
  // (一) （1）
  if (s[0] == U'(' || s[0] == U'（') {
    size_t i = 1;
    while (i < s.size() && i < 4 && (IsChineseNumeral(s[i]) || IsDigit(s[i]))) {
      ++i;
    }
    return i > 1 && i < s.size() && (s[i] == U')' || s[i] == U'）');
  }
  // 一、 十二、
  if (IsChineseNumeral(s[0])) {
    size_t i = 0;
    while (i < s.size() && i < 3 && IsChineseNumeral(s[i])) ++i;
    return i < s.size() && (s[i] == U'、' || s[i] == U'．');
  }
  // 1. 1、 1．but not 12.5
  if (IsDigit(s[0])) {
    size_t i = 0;
    while (i < s.size() && i < 3 && IsDigit(s[i])) ++i;
    if (i == s.size()) return false;
    if (s[i] == U'、' || s[i] == U'）' || s[i] == U')') return true;
    if (s[i] == U'.' || s[i] == U'．') {
      return i + 1 == s.size() || !IsDigit(s[i + 1]);
    }
  }
  return false;
}

int DisplayWidth(std::u32string_view line) {
  int width = 0;
  for (char32_t c : line) width += IsWide(c) ? 2 : 1;
  return width;
}

bool JoinsAcross(std::u32string_view before_raw,
                 std::u32string_view after_raw) {
  const std::u32string_view before = Trim(before_raw);
  const std::u32string_view after = Trim(after_raw);
  if (before.empty() || after.empty()) return false;
  if (StartsListItem(after)) return false;
  const char32_t last = before.back();
  const char32_t first = after.front();
  if (IsSentenceEnd(last) || last == U'：' || last == U':' || last == U'…') {
    return false;
  }
  // 。” and 。） end a sentence too.
  if ((IsCloseQuote(last) || IsCloseBracket(last)) && before.size() > 1 &&
      IsSentenceEnd(before[before.size() - 2])) {
    return false;
  }
  if (IsDigit(last) && IsDigit(first)) return false;
  const auto in_sentence = [](char32_t c) {
    return IsChineseText(c) || IsDigit(c) || IsLatin(c) || IsPunctuation(c);
  };
  if (!in_sentence(last) || !in_sentence(first)) return false;
  return IsChineseText(last) || IsChineseText(first);
}

RepairedText RepairLayout(const PageText& extracted) {
  const std::u32string text = DecodeUtf8(extracted.text);
  const std::vector<int64_t>& starts = extracted.page_starts;
  const int64_t size = static_cast<int64_t>(text.size());
  const size_t pages = std::max<size_t>(starts.size(), 1);

  // Split into lines, each with its page.
  std::vector<Line> lines;
  size_t page = 0;
  for (int64_t begin = 0; begin < size;) {
    int64_t end = begin;
    while (end < size && text[static_cast<size_t>(end)] != U'\n') ++end;
    while (page + 1 < starts.size() && starts[page + 1] <= begin) ++page;
    lines.push_back({begin, end, page});
    begin = end + 1;
  }
  if (extracted.line_font_sizes != nullptr &&
      extracted.line_font_sizes->size() == lines.size()) {
    for (size_t i = 0; i < lines.size(); ++i) {
      lines[i].font_size = PlausibleFontSize((*extracted.line_font_sizes)[i]);
    }
  }
  const auto view = [&](const Line& line) {
    return std::u32string_view(text).substr(
        static_cast<size_t>(line.begin),
        static_cast<size_t>(line.end - line.begin));
  };
  const auto blank = [&](const Line& line) { return Trim(view(line)).empty(); };

  // The edge lines of each page: the first and last kEdgeLines non-blank.
  std::vector<size_t> edges;
  for (size_t i = 0; i < lines.size();) {
    size_t j = i;
    while (j < lines.size() && lines[j].page == lines[i].page) ++j;
    std::vector<size_t> content;
    for (size_t k = i; k < j; ++k) {
      if (!blank(lines[k])) content.push_back(k);
    }
    for (size_t n = 0; n < content.size(); ++n) {
      if (n < kEdgeLines || n + kEdgeLines >= content.size()) {
        edges.push_back(content[n]);
      }
    }
    i = j;
  }

  // Running headers and footers: an edge key on more than half the pages
  // (on both pages of a two-page document).
  if (pages >= 2) {
    std::map<std::u32string, std::vector<size_t>> by_key;
    for (size_t index : edges) {
      const std::u32string_view content = Trim(view(lines[index]));
      if (content.size() > kMaxFurnitureLength) continue;
      by_key[FurnitureKey(content)].push_back(index);
    }
    for (const auto& [key, indices] : by_key) {
      size_t distinct_pages = 0;
      size_t last_page = SIZE_MAX;
      for (size_t index : indices) {
        if (lines[index].page != last_page) ++distinct_pages;
        last_page = lines[index].page;
      }
      if (distinct_pages * 2 > pages) {
        for (size_t index : indices) lines[index].dropped = true;
      }
    }
  }
  for (size_t index : edges) {
    if (IsPageNumberLine(view(lines[index]))) lines[index].dropped = true;
  }
  for (Line& line : lines) {
    if (!line.dropped) line.spaced_title = IsLetterSpacedTitle(view(line));
  }

  // The usual full line of each font size (a title's larger characters
  // fill a line sooner): the 90th percentile of the kept lines' widths.
  std::map<int, std::vector<int>> widths_by_size;
  const auto size_key = [](double size) {
    return static_cast<int>(size * 2 + 0.5);  // half points
  };
  for (const Line& line : lines) {
    if (!line.dropped && !blank(line)) {
      widths_by_size[size_key(line.font_size)].push_back(
          DisplayWidth(Trim(view(line))));
    }
  }
  std::map<int, int> full_widths;
  for (auto& [size, widths] : widths_by_size) {
    const size_t k = widths.size() * 9 / 10;
    std::nth_element(widths.begin(), widths.begin() + k, widths.end());
    full_widths[size] = widths[k];
  }
  // The body's size: the one most lines are set in.
  int body_size = 0;
  size_t body_lines = 0;
  for (const auto& [size, widths] : widths_by_size) {
    if (widths.size() > body_lines) {
      body_size = size;
      body_lines = widths.size();
    }
  }
  // Too narrow a column to tell a full line from a short one.
  constexpr int kMinFullWidth = 12;
  const auto fills_column = [&](const Line& line) {
    const int full = full_widths[size_key(line.font_size)];
    return full >= kMinFullWidth &&
           DisplayWidth(Trim(view(line))) * 5 >= full * 4;
  };

  RepairedText result;
  std::u32string out;
  out.reserve(text.size());
  const auto copy = [&](int64_t from, int64_t to) {
    for (int64_t e = from; e < to; ++e) {
      result.map.Copy(static_cast<int64_t>(out.size()), e);
      out.push_back(text[static_cast<size_t>(e)]);
    }
  };
  const Line* previous = nullptr;  // the last kept line, its '\n' pending
  for (const Line& line : lines) {
    if (line.dropped) continue;
    const std::u32string_view content = view(line);
    int64_t begin = line.begin;
    if (previous != nullptr) {
      const std::u32string_view before = view(*previous);
      const std::u32string_view next = Trim(content);
      // In the body, the next line continues the sentence when it fills
      // the column too or ends with a mark; a short line ending in a word
      // (a name under a full line) stands alone. A title, set in another
      // size, ends in a word.
      const bool continues =
          !next.empty() && (size_key(line.font_size) != body_size ||
                            fills_column(line) || IsPunctuation(next.back()));
      if (!previous->spaced_title && !line.spaced_title &&
          SameFontSize(previous->font_size, line.font_size) && continues &&
          fills_column(*previous) && JoinsAcross(before, content)) {
        // Joined: the blanks either side of the break go too.
        while (!out.empty() && IsBlank(out.back())) out.pop_back();
        result.map.Truncate(static_cast<int64_t>(out.size()));
        while (begin < line.end && IsBlank(text[static_cast<size_t>(begin)])) {
          ++begin;
        }
      } else {
        copy(previous->end, previous->end + 1);  // its '\n'
      }
    }
    if (line.spaced_title) {
      for (int64_t e = begin; e < line.end; ++e) {
        if (!IsBlank(text[static_cast<size_t>(e)])) copy(e, e + 1);
      }
    } else {
      copy(begin, line.end);
    }
    previous = &line;
  }
  if (previous != nullptr && previous->end < size) {
    copy(previous->end, previous->end + 1);
  }
  result.map.Finish(static_cast<int64_t>(out.size()), size);
  result.page_starts.reserve(starts.size());
  for (int64_t start : starts) {
    result.page_starts.push_back(result.map.ToRepaired(start));
  }
  result.text = EncodeUtf8(out);
  return result;
}

}  // namespace reportfacts::ingest
