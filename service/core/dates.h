// Date mentions: 2023年10月17日, 2023年11月28日—29日, 9月11日至13日,
// 2019年11月至2020年7月, 10月 (in a known year), 去年4月, 今年4月.
//
// A date without its own year takes the year that the surrounding prose
// last named (or names just after it, for a lead line), else the report's
// year, else the reference date's year. Bare years and year ranges
// (2024—2026年) are not date mentions. One linear scan over the text.
#ifndef REPORTFACTS_SERVICE_CORE_DATES_H_
#define REPORTFACTS_SERVICE_CORE_DATES_H_

#include <string_view>
#include <vector>

#include "service/core/facts.h"

namespace reportfacts {

// ExtractDates finds the date mentions of `text`. `reports` (sorted by
// begin, at least one) give the report years; `reference_date` (ISO, may be
// empty) resolves relative dates in reports without a year. The returned
// mentions have report set.
std::vector<DateMention> ExtractDates(std::u32string_view text,
                                      const std::vector<Report>& reports,
                                      std::string_view reference_date);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_DATES_H_
