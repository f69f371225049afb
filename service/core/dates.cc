#include "service/core/dates.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "service/core/chars.h"
#include "service/core/han_numerals.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// How far after a lead date the first year of the prose may still give it
// its year (a lead line such as "1月11日，…开幕。…2021年，…").
constexpr size_t kLookahead = 150;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2099;
constexpr size_t kMaxBlanks = 2;
// Dates in numerals (二〇二四年一月十五日) stand where formal documents print
// them: under a report's title (the day it was given) and at its
// signature. Only these stretches of each report are searched.
constexpr size_t kHanDateHead = 400;
constexpr size_t kHanDateTail = 200;

// The relative years, a closed class of the language: the character before
// 年, its offset from the year of writing, and whether a report uses it to
// name the year it reviews (去年 in a review written the next year, 今年 in
// one written during the year).
struct RelativeYear {
  char32_t word;
  int offset;
  bool names_reviewed_year;
};
constexpr RelativeYear kRelativeYears[] = {
    {U'今', 0, true}, {U'去', -1, true}, {U'前', -2, false}, {U'明', 1, false}};

const RelativeYear* RelativeYearAt(std::u32string_view text, size_t i) {
  if (i + 1 >= text.size() || text[i + 1] != U'年') return nullptr;
  for (const RelativeYear& r : kRelativeYears) {
    if (text[i] == r.word) return &r;
  }
  return nullptr;
}

bool At(std::u32string_view text, size_t i, char32_t c) {
  return i < text.size() && text[i] == c;
}

bool IsDayMark(std::u32string_view text, size_t i) {
  return At(text, i, U'日') || At(text, i, U'号');
}

// TokenIndex finds the plain integer token that begins at a position.
class TokenIndex {
 public:
  explicit TokenIndex(const std::vector<NumberToken>& tokens)
      : tokens_(tokens) {}

  // IntAt reads an integer of at most `max_digits` digits starting at pos.
  bool IntAt(size_t pos, int max_digits, int* value, size_t* end) const {
    // Lookups mostly move forward by a token or two: try there first.
    size_t at = std::min(hint_, tokens_.size());
    while (at < tokens_.size() && tokens_[at].begin < pos && at < hint_ + 2) {
      ++at;
    }
    auto it = tokens_.begin() + static_cast<std::ptrdiff_t>(at);
    if (it == tokens_.end() || it->begin != pos) {
      it = std::lower_bound(
          tokens_.begin(), tokens_.end(), pos,
          [](const NumberToken& t, size_t p) { return t.begin < p; });
    }
    hint_ = static_cast<size_t>(it - tokens_.begin());
    if (it == tokens_.end() || it->begin != pos || !it->readable() ||
        !it->IsInteger() || it->has_separator ||
        it->integer_digits > max_digits) {
      return false;
    }
    *value = static_cast<int>(it->negative ? -it->value : it->value);
    *end = it->end;
    return true;
  }

 private:
  const std::vector<NumberToken>& tokens_;
  mutable size_t hint_ = 0;
};

// SkipBlanks passes the few blanks PDF text puts between a date's numbers
// and marks (2024 年 3 月 5 日).
size_t SkipBlanks(std::u32string_view text, size_t pos) {
  for (size_t n = 0; pos < text.size() && IsBlank(text[pos]) && n < kMaxBlanks;
       ++n) {
    ++pos;
  }
  return pos;
}

// MarkEnd returns the position after `mark` at pos (blanks before it
// allowed), or 0.
size_t MarkEnd(std::u32string_view text, size_t pos, char32_t mark) {
  pos = SkipBlanks(text, pos);
  return At(text, pos, mark) ? pos + 1 : 0;
}

// DayMarkEnd is MarkEnd for 日 or 号.
size_t DayMarkEnd(std::u32string_view text, size_t pos) {
  pos = SkipBlanks(text, pos);
  return IsDayMark(text, pos) ? pos + 1 : 0;
}

// RangeConnector returns the position after a range word at i (至, 到, a
// dash or tilde, ——) and the blanks after it, or 0.
size_t RangeConnector(std::u32string_view text, size_t i) {
  i = SkipBlanks(text, i);
  if (i >= text.size()) return 0;
  if (text[i] == U'至' || text[i] == U'到') return SkipBlanks(text, i + 1);
  if (IsRangeMark(text[i])) {
    size_t j = i + 1;
    if (j < text.size() && IsRangeMark(text[j])) ++j;  // ——
    return SkipBlanks(text, j);
  }
  return 0;
}

// AfterPartOfDay returns the position after a part of the day at i (上午,
// 下午, 晚上: closed words of the language), or i.
size_t AfterPartOfDay(std::u32string_view text, size_t i) {
  i = SkipBlanks(text, i);
  for (const std::u32string_view part :
       {U"上午", U"下午", U"中午", U"晚上", U"早上", U"凌晨", U"傍晚", U"晚间",
        U"夜间", U"早晨"}) {
    if (text.substr(i, part.size()) == part) return i + part.size();
  }
  return i;
}

// AfterPartOfMonth returns the position after a part of a month at i (上旬,
// 中旬, 下旬, 初, 中, 底, 末: closed words of the language), or i.
size_t AfterPartOfMonth(std::u32string_view text, size_t i) {
  i = SkipBlanks(text, i);
  for (const std::u32string_view part :
       {U"上旬", U"中旬", U"下旬", U"中下旬", U"上中旬", U"初", U"中", U"底",
        U"末"}) {
    if (text.substr(i, part.size()) == part) return i + part.size();
  }
  return i;
}

// Point is one end of a date; year 0 means "not written".
struct Point {
  int year = 0;
  const RelativeYear* relative = nullptr;
  int month = 0;
  int day = 0;
  size_t end = 0;
};

// ReadYearPrefix reads "YYYY年" or a relative year (今年) at i and returns
// the position after it, or i.
size_t ReadYearPrefix(std::u32string_view text, const TokenIndex& tokens,
                      size_t i, Point* p) {
  int value;
  size_t end, mark;
  if (tokens.IntAt(i, 4, &value, &end) && end - i == 4 &&
      (mark = MarkEnd(text, end, U'年')) != 0 && value >= kMinYear &&
      value <= kMaxYear) {
    p->year = value;
    return SkipBlanks(text, mark);
  }
  if (const RelativeYear* r = RelativeYearAt(text, i)) {
    p->relative = r;
    return i + 2;
  }
  return i;
}

// ReadMonthDay reads "M月[D日]" at pos into p.
bool ReadMonthDay(std::u32string_view text, const TokenIndex& tokens,
                  size_t pos, Point* p) {
  int month, day;
  size_t end, day_end, mark;
  if (!tokens.IntAt(pos, 2, &month, &end) ||
      (mark = MarkEnd(text, end, U'月')) == 0 || month < 1 || month > 12) {
    return false;
  }
  p->month = month;
  p->end = mark;
  if (tokens.IntAt(SkipBlanks(text, mark), 2, &day, &day_end) && day >= 1 &&
      (mark = DayMarkEnd(text, day_end)) != 0) {
    p->day = day;
    p->end = mark;
  }
  return true;
}

// Shape is a date as written, before its year is resolved.
struct Shape {
  Point start;
  Point finish;
  size_t end = 0;
};

// ReadShape reads a date or date range starting at i.
std::optional<Shape> ReadShape(std::u32string_view text,
                               const TokenIndex& tokens, size_t i) {
  Shape s;
  const size_t p = ReadYearPrefix(text, tokens, i, &s.start);
  if (ReadMonthDay(text, tokens, p, &s.start)) {
    s.finish = s.start;
    s.end = s.start.end;
    int d1, d2;
    size_t e1, e2;
    // 9月11—13日: a day range before 日.
    if (s.start.day == 0 &&
        tokens.IntAt(SkipBlanks(text, s.end), 2, &d1, &e1)) {
      if (const size_t after = RangeConnector(text, e1)) {
        size_t mark;
        if (tokens.IntAt(after, 2, &d2, &e2) && d1 >= 1 && d2 >= 1 &&
            (mark = DayMarkEnd(text, e2)) != 0) {
          s.start.day = d1;
          s.finish.day = d2;
          s.end = mark;
        }
      }
      return s;
    }
    // A second point: 至2024年11月, —29日, 到4月1日, 至今年3月; after a day
    // a part of it may stand before the range word (9日下午至10日), and
    // after a month a part of the month (9月下旬至10月).
    if (const size_t after = RangeConnector(
            text, s.start.day != 0 ? AfterPartOfDay(text, s.end)
                                   : AfterPartOfMonth(text, s.end))) {
      Point second;
      const size_t q = ReadYearPrefix(text, tokens, after, &second);
      if (ReadMonthDay(text, tokens, q, &second)) {
        if ((second.day == 0) == (s.start.day == 0)) {
          s.finish = second;
          s.end = second.end;
        }
      } else if (q == after && s.start.day != 0 &&
                 tokens.IntAt(after, 2, &d2, &e2) && d2 >= 1) {
        if (const size_t mark = DayMarkEnd(text, e2)) {
          s.finish.day = d2;
          s.end = mark;
        }
      }
    }
    return s;
  }
  // 2024年3—5月, 今年5—7月, 3至5月: a month range before 月.
  int m1, m2;
  size_t e1, e2;
  if (tokens.IntAt(p, 2, &m1, &e1)) {
    if (const size_t after = RangeConnector(text, e1)) {
      size_t mark;
      if (tokens.IntAt(after, 2, &m2, &e2) && m1 >= 1 && m1 < m2 && m2 <= 12 &&
          (mark = MarkEnd(text, e2, U'月')) != 0) {
        s.start.month = m1;
        s.finish = s.start;
        s.finish.month = m2;
        s.end = mark;
        return s;
      }
    }
  }
  return std::nullopt;
}

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// AppendPadded appends `value` as printf's %0<width>d writes it (the sign
// counts in the width): by hand, since snprintf cost more than the rest of
// a date.
void AppendPadded(int value, int width, std::string* out) {
  int64_t v = value;
  if (v < 0) {
    out->push_back('-');
    v = -v;
    --width;
  }
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  for (int k = n; k < width; ++k) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

std::string Iso(int year, int month, int day) {
  // Every date of a report: four digits, then two, written at once.
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 &&
      day <= 99) {
    char iso[10] = {static_cast<char>('0' + year / 1000),
                    static_cast<char>('0' + year / 100 % 10),
                    static_cast<char>('0' + year / 10 % 10),
                    static_cast<char>('0' + year % 10),
                    '-',
                    static_cast<char>('0' + month / 10),
                    static_cast<char>('0' + month % 10),
                    '-',
                    static_cast<char>('0' + day / 10),
                    static_cast<char>('0' + day % 10)};
    return std::string(iso, day > 0 ? 10 : 7);
  }
  std::string out;
  out.reserve(10);
  AppendPadded(year, 4, &out);
  out.push_back('-');
  AppendPadded(month, 2, &out);
  if (day > 0) {
    out.push_back('-');
    AppendPadded(day, 2, &out);
  }
  return out;
}

bool IsProsePunct(char32_t c) {
  return c == U'，' || c == U'。' || c == U',' || c == U'；' || c == U';';
}

// InProse tells whether the line holding `pos` reads as prose (it has
// sentence punctuation), so headlines, subtitles and datelines do not set
// years.
bool InProse(std::u32string_view text, size_t pos) {
  for (size_t i = pos; i < text.size() && !IsLineBreak(text[i]); ++i) {
    if (IsProsePunct(text[i])) return true;
  }
  for (size_t i = pos; i > 0 && !IsLineBreak(text[i - 1]); --i) {
    if (IsProsePunct(text[i - 1])) return true;
  }
  return false;
}

// YearMention is a "YYYY年" in prose that sets the year for later dates.
// `reviewed` marks the form a summary opens its review of a year with:
// "2022年，", "2022年底", "2022年全年".
struct YearMention {
  size_t pos;
  int year;
  bool reviewed;
};

// Dateline is a full date outside prose: the page's publication date
// (2024-04-09, 2022年08月19日 19:05).
struct Dateline {
  size_t pos;
  int year;
  int month;
  int day;
};

bool StartsWith(std::u32string_view text, size_t pos, std::u32string_view w) {
  return pos <= text.size() && text.substr(pos, w.size()) == w;
}

void FindYears(std::u32string_view text, const std::vector<NumberToken>& tokens,
               std::vector<YearMention>* years,
               std::vector<Dateline>* datelines) {
  const TokenIndex index(tokens);
  for (size_t k = 0; k < tokens.size(); ++k) {
    const NumberToken& t = tokens[k];
    if (!t.readable() || !t.IsInteger() || t.has_separator ||
        t.integer_digits != 4 || t.value < kMinYear || t.value > kMaxYear) {
      continue;
    }
    const int year = static_cast<int>(t.value);
    const size_t next = t.end;
    // An ISO dateline: 2024-04-09 or 2024/04/09.
    if (next < text.size() && (text[next] == U'-' || text[next] == U'/')) {
      int month, day;
      size_t e1, e2;
      if (index.IntAt(next + 1, 2, &month, &e1) && At(text, e1, text[next]) &&
          index.IntAt(e1 + 1, 2, &day, &e2) && IsValidDate(year, month, day) &&
          !InProse(text, t.begin)) {
        datelines->push_back({t.begin, year, month, day});
      }
      continue;
    }
    const size_t year_mark = MarkEnd(text, next, U'年');
    if (year_mark == 0) continue;
    // 2024—2026年 on either side is a year range, not a point in time. (After
    // a month, 2008年3月至2023年10月, the later year is one of the prose.)
    if (k > 0 && t.begin > 0 &&
        (IsRangeMark(text[t.begin - 1]) || text[t.begin - 1] == U'至') &&
        tokens[k - 1].end + 2 >= t.begin && tokens[k - 1].integer_digits == 4) {
      continue;
    }
    if (!InProse(text, next)) {
      Point p;
      if (ReadMonthDay(text, index, SkipBlanks(text, year_mark), &p) &&
          p.day != 0 && IsValidDate(year, p.month, p.day)) {
        datelines->push_back({t.begin, year, p.month, p.day});
      }
      continue;
    }
    const size_t after = year_mark;
    const bool reviewed = (after < text.size() && IsClauseBreak(text[after])) ||
                          StartsWith(text, after, U"底") ||
                          StartsWith(text, after, U"全年");
    years->push_back({t.begin, year, reviewed});
  }
}

int ReferenceYear(std::string_view reference_date) {
  if (reference_date.size() < 4) return 0;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (reference_date[i] < '0' || reference_date[i] > '9') return 0;
    year = year * 10 + (reference_date[i] - '0');
  }
  return year;
}

// Before says whether (y1, m1, d1) is earlier than (y2, m2, d2); a missing
// day compares as the whole month.
bool Before(int y1, int m1, int d1, int y2, int m2, int d2) {
  if (y1 != y2) return y1 < y2;
  if (m1 != m2) return m1 < m2;
  return d1 != 0 && d2 != 0 && d1 < d2;
}

// YearContext resolves the years of dates that do not write their own.
class YearContext {
 public:
  YearContext(std::u32string_view text, const std::vector<NumberToken>& tokens,
              const std::vector<Report>& reports, std::string_view reference)
      : text_(text),
        reports_(reports),
        reference_year_(ReferenceYear(reference)) {
    FindYears(text, tokens, &years_, &datelines_);
  }

  // ForDate is the year of a date without a year, `month` and `day` (0 when
  // not written) at `pos` in report r.
  int ForDate(size_t pos, int r, int month, int day) {
    const YearMention* before = PreviousYear(pos, r);
    if (before) return before->year;
    const std::optional<int> report_year = ReportYear(r);
    if (const Dateline* published = Publication(r)) {
      // A review of last year told early in this one: a day later in the
      // calendar than the telling has not come yet this year, so it is
      // the reviewed year's (截至12月底 in a report given in January).
      if (report_year && *report_year + 1 == published->year &&
          Before(published->year, published->month, published->day,
                 published->year, month, day)) {
        return *report_year;
      }
      return published->year;
    }
    if (const YearMention* next = NextYear(pos, r)) {
      // A lead date before a review of its report's year: the review is
      // told at the start of the next year.
      if (next->reviewed && (!report_year || *report_year == next->year)) {
        return next->year + 1;
      }
      if (next->pos <= pos + kLookahead) return next->year;
      // Without a report year the year the report's text names stands in
      // for it, as the report's year is itself read from the text.
      if (!report_year && !reference_year_) return next->year;
    }
    if (report_year) return *report_year;
    return reference_year_;
  }

  // Writing is the year the text of report r was written, for 今年/去年.
  int Writing(size_t pos, int r) {
    if (const Dateline* published = Publication(r)) return published->year;
    if (const std::optional<int> year = ReportYear(r)) {
      const RelativeYear* anchor = FirstRelativeYear(r);
      return anchor ? *year - anchor->offset : *year;
    }
    if (reference_year_) return reference_year_;
    if (const YearMention* before = PreviousYear(pos, r)) return before->year;
    if (const YearMention* next = NextYear(pos, r)) {
      if (next->pos <= pos + kLookahead) return next->year;
    }
    return 0;
  }

 private:
  size_t ReportBegin(int r) const {
    return reports_.empty() ? 0 : static_cast<size_t>(reports_[r].begin);
  }
  size_t ReportEnd(int r) const {
    return reports_.empty() ? text_.size()
                            : static_cast<size_t>(reports_[r].end);
  }
  std::optional<int> ReportYear(int r) const {
    if (reports_.empty()) return std::nullopt;
    return reports_[r].year;
  }

  // PreviousYear is the last prose year before pos in the report.
  const YearMention* PreviousYear(size_t pos, int r) const {
    auto it = std::lower_bound(
        years_.begin(), years_.end(), pos,
        [](const YearMention& y, size_t p) { return y.pos < p; });
    if (it == years_.begin()) return nullptr;
    --it;
    return it->pos >= ReportBegin(r) ? &*it : nullptr;
  }
  // NextYear is the first prose year at or after pos in the report.
  const YearMention* NextYear(size_t pos, int r) const {
    auto it = std::lower_bound(
        years_.begin(), years_.end(), pos,
        [](const YearMention& y, size_t p) { return y.pos < p; });
    if (it == years_.end() || it->pos >= ReportEnd(r)) return nullptr;
    return &*it;
  }
  // Publication: the first dateline in the report, else the last one
  // before it; null when the page shows none.
  const Dateline* Publication(int r) const {
    const Dateline* found = nullptr;
    for (const Dateline& d : datelines_) {
      if (d.pos >= ReportEnd(r)) break;
      found = &d;
      if (d.pos >= ReportBegin(r)) break;
    }
    return found;
  }
  // FirstRelativeYear is the first 今年/去年 of the report (cached).
  const RelativeYear* FirstRelativeYear(int r) {
    if (anchor_report_ == r) return anchor_;
    anchor_report_ = r;
    anchor_ = nullptr;
    // Every relative year ends in 年: the search goes from one to the next.
    const std::u32string_view report =
        text_.substr(0, std::min(ReportEnd(r), text_.size()));
    for (size_t year = FindCodePoint(report, U'年', ReportBegin(r) + 1);
         year < report.size(); year = FindCodePoint(report, U'年', year + 1)) {
      const RelativeYear* rel = RelativeYearAt(text_, year - 1);
      if (rel && rel->names_reviewed_year) {
        anchor_ = rel;
        break;
      }
    }
    return anchor_;
  }

  std::u32string_view text_;
  const std::vector<Report>& reports_;
  const int reference_year_;
  std::vector<YearMention> years_;
  std::vector<Dateline> datelines_;
  int anchor_report_ = -1;
  const RelativeYear* anchor_ = nullptr;
};

// AppendHanDates adds the numeral dates of each report's head and tail.
void AppendHanDates(std::u32string_view text,
                    const std::vector<Report>& reports,
                    std::vector<DateMention>* out) {
  std::vector<std::pair<size_t, size_t>> stretches;
  for (const Report& r : reports) {
    const size_t begin = std::min(static_cast<size_t>(r.begin), text.size());
    const size_t end =
        std::clamp(static_cast<size_t>(r.end), begin, text.size());
    stretches.emplace_back(begin, std::min(end, begin + kHanDateHead));
    stretches.emplace_back(
        std::max(stretches.back().second,
                 end > kHanDateTail ? end - kHanDateTail : 0),
        end);
  }
  if (reports.empty()) stretches.emplace_back(0, text.size());
  const size_t found = out->size();
  for (const auto& [from, to] : stretches) {
    if (from >= to) continue;
    for (const HanDate& d : FindHanDates(text.substr(from, to - from))) {
      if (!IsValidDate(d.year, d.month, d.day)) continue;
      DateMention m;
      m.begin = static_cast<int64_t>(from + d.begin);
      m.end = static_cast<int64_t>(from + d.end);
      m.text = EncodeUtf8(text.substr(from + d.begin, d.end - d.begin));
      m.start = Iso(d.year, d.month, d.day);
      m.finish = m.start;
      m.report = ReportIndexAt(reports, m.begin);
      out->push_back(std::move(m));
    }
  }
  if (out->size() > found) {
    std::stable_sort(out->begin(), out->end(),
                     [](const DateMention& a, const DateMention& b) {
                       return a.begin < b.begin;
                     });
  }
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 0) return false;
  if (day == 0) return true;
  const int days = month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
  return day <= days;
}

std::vector<DateMention> ExtractDatesFromTokens(
    std::u32string_view text, const std::vector<NumberToken>& tokens,
    const std::vector<Report>& reports, std::string_view reference_date) {
  std::vector<DateMention> out;
  const TokenIndex index(tokens);
  YearContext years(text, tokens, reports, reference_date);
  size_t k = 0;  // first token at or after i
  size_t i = 0;
  while (i < text.size()) {
    while (k < tokens.size() && tokens[k].begin < i) ++k;
    if (k >= tokens.size()) break;
    // A date starts at a token or at a relative year right before one.
    size_t begin = tokens[k].begin;
    if (begin >= i + 2 && RelativeYearAt(text, begin - 2)) begin -= 2;
    // Every date shape has 年, 月 or a range word right after its first
    // number: a cheap test that skips most numbers.
    const size_t after = SkipBlanks(text, tokens[k].end);
    const bool may_be_date =
        after < text.size() && (text[after] == U'年' || text[after] == U'月' ||
                                RangeConnector(text, after) != 0);
    std::optional<Shape> shape;
    if (may_be_date) shape = ReadShape(text, index, begin);
    if (!shape) {
      i = tokens[k].end;
      continue;
    }
    i = shape->end;
    const int report = ReportIndexAt(reports, static_cast<int64_t>(begin));
    Point& s = shape->start;
    Point& f = shape->finish;
    int year = s.year;
    if (s.relative) {
      const int writing = years.Writing(begin, report);
      year = writing ? writing + s.relative->offset : 0;
    } else if (year == 0) {
      year = years.ForDate(begin, report, s.month, s.day);
    }
    if (year == 0) continue;
    int finish_year = f.year;
    if (f.relative && f.relative != s.relative) {
      const int writing = years.Writing(begin, report);
      finish_year = writing ? writing + f.relative->offset : 0;
    } else if (finish_year == 0 || f.relative) {
      finish_year = year;
      // 12月至3月: the range runs into the next year.
      if (Before(finish_year, f.month, f.day, year, s.month, s.day)) {
        ++finish_year;
      }
    }
    if (!IsValidDate(year, s.month, s.day) ||
        !IsValidDate(finish_year, f.month, f.day) ||
        Before(finish_year, f.month, f.day, year, s.month, s.day)) {
      continue;  // 2月30日 is no date
    }
    DateMention& m = out.emplace_back();  // built in place: no move
    m.begin = static_cast<int64_t>(begin);
    m.end = static_cast<int64_t>(shape->end);
    m.text = EncodeUtf8(text.substr(begin, shape->end - begin));
    m.start = Iso(year, s.month, s.day);
    m.finish = Iso(finish_year, f.month, f.day);
    m.report = report;
  }
  AppendHanDates(text, reports, &out);
  return out;
}

std::vector<DateMention> ExtractDates(std::u32string_view text,
                                      const std::vector<Report>& reports,
                                      std::string_view reference_date) {
  return ExtractDatesFromTokens(text, TokenizeNumbers(text), reports,
                                reference_date);
}

}  // namespace reportfacts
