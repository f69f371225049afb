#include "service/core/dates.h"

#include <cstdio>
#include <optional>
#include <string>

#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// How far after a date the first year of the prose may still give it its
// year (a lead line such as "1月11日，…开幕。…2021年，…").
constexpr size_t kLookahead = 150;

int DigitValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

bool IsDash(char32_t c) {
  return c == U'—' || c == U'–' || c == U'-' || c == U'－' || c == U'~' ||
         c == U'～' || c == U'―';
}

// Number is a run of digits at text[begin, end).
struct Number {
  int value = 0;
  size_t digits = 0;
  size_t end = 0;
};

std::optional<Number> ReadNumber(std::u32string_view text, size_t i) {
  Number n;
  size_t j = i;
  while (j < text.size() && DigitValue(text[j]) >= 0 && j - i < 5) {
    n.value = n.value * 10 + DigitValue(text[j]);
    ++j;
  }
  if (j == i || (j < text.size() && DigitValue(text[j]) >= 0)) {
    return std::nullopt;
  }
  n.digits = j - i;
  n.end = j;
  return n;
}

bool At(std::u32string_view text, size_t i, char32_t c) {
  return i < text.size() && text[i] == c;
}

// Point is one end of a date; year 0 means "not written".
struct Point {
  int year = 0;
  int month = 0;
  int day = 0;
  size_t end = 0;
};

// ReadPoint reads [YYYY年][M月][D日] at i. `need_month` rejects a lone day.
std::optional<Point> ReadPoint(std::u32string_view text, size_t i,
                               bool need_month) {
  Point p;
  auto n = ReadNumber(text, i);
  if (!n) return std::nullopt;
  if (n->digits == 4 && At(text, n->end, U'年')) {
    if (n->value < 1900 || n->value > 2099) return std::nullopt;
    p.year = n->value;
    n = ReadNumber(text, n->end + 1);
    if (!n) return std::nullopt;
  }
  if (n->digits <= 2 && At(text, n->end, U'月')) {
    if (n->value < 1 || n->value > 12) return std::nullopt;
    p.month = n->value;
    p.end = n->end + 1;
    auto d = ReadNumber(text, p.end);
    if (d && d->digits <= 2 &&
        (At(text, d->end, U'日') || At(text, d->end, U'号')) && d->value >= 1 &&
        d->value <= 31) {
      p.day = d->value;
      p.end = d->end + 1;
    }
    return p;
  }
  if (need_month || p.year != 0) return std::nullopt;
  if (n->digits <= 2 && (At(text, n->end, U'日') || At(text, n->end, U'号')) &&
      n->value >= 1 && n->value <= 31) {
    p.day = n->value;
    p.end = n->end + 1;
    return p;
  }
  return std::nullopt;
}

// RangeConnector returns the position after a range word at i, or 0.
size_t RangeConnector(std::u32string_view text, size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == U'至' || text[i] == U'到') return i + 1;
  if (IsDash(text[i])) {
    size_t j = i + 1;
    if (j < text.size() && IsDash(text[j])) ++j;
    return j;
  }
  return 0;
}

std::string Iso(int year, int month, int day) {
  char buf[16];
  if (day > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  }
  return buf;
}

// YearMention is a "YYYY年" in prose that sets the year for later dates.
struct YearMention {
  size_t pos;
  int year;
};

bool IsProsePunct(char32_t c) {
  return c == U'，' || c == U'。' || c == U',' || c == U'；' || c == U';';
}

// InProse tells whether the line holding `pos` reads as prose (it has
// sentence punctuation), so headlines and subtitles do not set years.
bool InProse(std::u32string_view text, size_t pos) {
  for (size_t i = pos; i < text.size() && text[i] != U'\n'; ++i) {
    if (IsProsePunct(text[i])) return true;
  }
  for (size_t i = pos; i > 0 && text[i - 1] != U'\n'; --i) {
    if (IsProsePunct(text[i - 1])) return true;
  }
  return false;
}

std::vector<YearMention> FindYears(std::u32string_view text) {
  std::vector<YearMention> years;
  for (size_t i = 0; i + 4 < text.size(); ++i) {
    if (DigitValue(text[i]) < 0 || (i > 0 && DigitValue(text[i - 1]) >= 0)) {
      continue;
    }
    auto n = ReadNumber(text, i);
    if (!n) continue;
    const size_t next = n->end;
    i = next - 1;
    if (n->digits != 4 || !At(text, next, U'年')) continue;
    if (n->value < 1900 || n->value > 2099) continue;
    // 2024—2026年 on either side is a year range, not a point in time.
    if (i >= 4 && next >= 5) {
      const size_t b = next - 4;
      if (b > 0 && (IsDash(text[b - 1]) || text[b - 1] == U'至') && b > 1 &&
          DigitValue(text[b - 2]) >= 0) {
        continue;
      }
    }
    if (!InProse(text, next)) continue;
    years.push_back({next - 4, n->value});
  }
  return years;
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

}  // namespace

std::vector<DateMention> ExtractDates(std::u32string_view text,
                                      const std::vector<Report>& reports,
                                      std::string_view reference_date) {
  std::vector<DateMention> out;
  const std::vector<YearMention> years = FindYears(text);
  const int reference_year = ReferenceYear(reference_date);
  size_t next_year = 0;  // first year mention at or after the position

  const auto context_year = [&](size_t pos, int report) -> int {
    while (next_year < years.size() && years[next_year].pos < pos) ++next_year;
    const int64_t report_begin = reports.empty() ? 0 : reports[report].begin;
    if (next_year > 0 &&
        static_cast<int64_t>(years[next_year - 1].pos) >= report_begin) {
      return years[next_year - 1].year;
    }
    const int64_t report_end = reports.empty()
                                   ? static_cast<int64_t>(text.size())
                                   : reports[report].end;
    if (next_year < years.size() && years[next_year].pos <= pos + kLookahead &&
        static_cast<int64_t>(years[next_year].pos) < report_end) {
      return years[next_year].year;
    }
    if (!reports.empty() && reports[report].year) return *reports[report].year;
    return reference_year;
  };

  for (size_t i = 0; i < text.size(); ++i) {
    size_t begin = i;
    int relative = 0;  // 1 今年, 2 去年, 3 前年, 4 明年
    size_t start_at = i;
    if (i + 2 < text.size() && text[i + 1] == U'年' &&
        DigitValue(text[i + 2]) >= 0) {
      switch (text[i]) {
        case U'今':
          relative = 1;
          break;
        case U'去':
          relative = 2;
          break;
        case U'前':
          relative = 3;
          break;
        case U'明':
          relative = 4;
          break;
        default:
          break;
      }
      if (relative == 0) continue;
      start_at = i + 2;
    } else if (DigitValue(text[i]) < 0) {
      continue;
    }
    if (relative == 0 && i > 0 &&
        (DigitValue(text[i - 1]) >= 0 || text[i - 1] == U'.' ||
         text[i - 1] == U'．')) {
      continue;
    }
    auto start = ReadPoint(text, start_at, /*need_month=*/true);
    if (!start || (relative && start->year != 0)) {
      if (relative == 0) {
        if (auto n = ReadNumber(text, i)) i = n->end - 1;
      }
      continue;
    }
    Point finish = *start;
    size_t end = start->end;
    // 9月11—13日: a day range before 日.
    if (start->day == 0 && start->month != 0) {
      auto d1 = ReadNumber(text, start->end);
      if (d1 && d1->digits <= 2) {
        if (size_t after = RangeConnector(text, d1->end)) {
          auto d2 = ReadNumber(text, after);
          if (d2 && d2->digits <= 2 &&
              (At(text, d2->end, U'日') || At(text, d2->end, U'号')) &&
              d1->value >= 1 && d1->value <= 31 && d2->value >= 1 &&
              d2->value <= 31) {
            start->day = d1->value;
            finish = *start;
            finish.day = d2->value;
            end = d2->end + 1;
          }
        }
      }
    }
    if (end == start->end) {
      if (size_t after = RangeConnector(text, end)) {
        auto second = ReadPoint(text, after, /*need_month=*/start->day == 0);
        if (second) {
          finish.year = second->year != 0 ? second->year : start->year;
          finish.month = second->month != 0 ? second->month : start->month;
          finish.day = second->day;
          if ((start->day == 0) == (second->day == 0))
            end = second->end;
          else
            finish = *start;
        }
      }
    }
    const int report = ReportIndexAt(reports, static_cast<int64_t>(begin));
    int year = start->year;
    if (relative != 0) {
      const bool has_year = !reports.empty() && reports[report].year;
      const int base = has_year ? *reports[report].year : reference_year;
      if (base != 0) {
        // A yearly review is written about the turn of the year, so 去年
        // and 今年 both name the reviewed year; a reference date is "now".
        static constexpr int kReportOffset[] = {0, 0, 0, -1, 1};
        static constexpr int kNowOffset[] = {0, 0, -1, -2, 1};
        year =
            base + (has_year ? kReportOffset[relative] : kNowOffset[relative]);
      }
    } else if (year == 0) {
      year = context_year(begin, report);
    }
    i = end - 1;
    if (year == 0) continue;
    if (finish.year == 0) finish.year = year;
    DateMention m;
    m.begin = static_cast<int64_t>(begin);
    m.end = static_cast<int64_t>(end);
    m.text = EncodeUtf8(text.substr(begin, end - begin));
    m.start = Iso(year, start->month, start->day);
    m.finish = Iso(finish.year, finish.month, finish.day);
    m.report = report;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace reportfacts
