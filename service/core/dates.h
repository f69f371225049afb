// Date mentions: 2023年10月17日, 2023年11月28日—29日, 9月11日至13日,
// 2024年3—5月, 今年5月至7月, 1996年1月至2024年11月, 10月 (in a known year),
// 去年4月, 今年4月; ASCII or full-width digits, read from the same numeric
// tokens as the metrics (number_tokens.h).
//
//   std::vector<DateMention> dates = ExtractDates(text, reports, "");
//
// Every date is checked against the calendar (2月30日 is none; 2月29日 only
// in a leap year). A date without its own year takes, in order: the year
// the report's prose last named; for a lead before any such year, the
// page's publication date (a dateline such as 2024-04-09 or
// 2022年08月19日 19:05 outside prose), else the next year the prose names
// (the year after it when the prose reviews that year, "2022年，…": a
// year-end summary is told in the next year's text, GUIDE §3), else the
// report's year, else the reference date's year.
//
// 去年/今年/前年/明年 count from the year the text was written: the
// publication year when the page shows one; else, in a report on year Y,
// the first of 去年/今年 the report uses names Y (a review written in the
// next year says 去年, one written during the year 今年; both gold sets
// follow this); else the reference date's year, else the prose's year.
// Bare years and year ranges (2024—2026年) are not date mentions. One
// linear scan over the tokens.
#ifndef REPORTFACTS_SERVICE_CORE_DATES_H_
#define REPORTFACTS_SERVICE_CORE_DATES_H_

#include <string_view>
#include <vector>

#include "service/core/facts.h"
#include "service/core/number_tokens.h"

namespace reportfacts {

// ExtractDates finds the date mentions of `text`. `reports` (sorted by
// begin) give the report years; `reference_date` (ISO, may be empty) is
// "now" for reports without a year. The returned mentions have report set.
std::vector<DateMention> ExtractDates(std::u32string_view text,
                                      const std::vector<Report>& reports,
                                      std::string_view reference_date);

// ExtractDatesFromTokens is ExtractDates on tokens already read from `text`.
std::vector<DateMention> ExtractDatesFromTokens(
    std::u32string_view text, const std::vector<NumberToken>& tokens,
    const std::vector<Report>& reports, std::string_view reference_date);

// IsValidDate is the calendar check: month 1..12, day 1..days of the month
// (day 0 means "no day").
bool IsValidDate(int year, int month, int day);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_DATES_H_
