// Splitting a document into reports and reading their headers.
//
//   auto reports = SplitReports(text, SplitLines(text), gazetteer, lexicon);
//   // reports[0].title, .subtitle, .year, .authors, .organization ...
//
// A report comes in one of the genre's shapes (GUIDE §1):
// - a newspaper page: a title line, a "——…" subtitle within a few lines
//   (or "title——subtitle" on one line), then a byline; a page may hold
//   several such reports, each starting at its title;
// - a formal report: a title over several lines, joined, then
//   "——在政协…会议上" or "（…在…会议上）", the speaker under it (role 报告人);
// - a news article, yearbook section or web page: page furniture
//   (page_furniture.h) is skipped, the first short line that is no sentence
//   is the headline (a 【】 heading too); a text that opens with its first
//   sentence has no title (begin 0). Bylines may stand inside the first or
//   last line ("本报讯（记者 X）…", "…（记者 X）").
// Column names, photo captions ("▲"), markdown marks, section headings
// ("一、…", "（二）…": inside a report, never its title), a post's header
// line ("原创 某某政协 2023-06-12 18:30") and blank lines are skipped. A
// formal title line may run long; the speaker may stand above the meeting
// line with a role, and a bracketed date alone may stand for the meeting
// line. The committee is searched in the subtitle, the title, the text,
// then the page's label lines above the title, in that order, as one text
// (so that the text settles a district the head names). The year is the one
// the report reviews: from the subtitle or title, else the first year
// marker of the text ("2024年，", "2023年是", "总结2023年工作", "截至2024年
// 底", "今年以来" or "去年" against the page's publication date; at a
// meeting, "一年来" against its date), else, for a report given at a yearly
// plenary session (not a term's first) by March, the year before it, else
// the publication year; "五年来" or a range of years in the heading
// ("2021—2025年") means a multi-year review (no year).
#ifndef REPORTFACTS_SERVICE_CORE_REPORTS_H_
#define REPORTFACTS_SERVICE_CORE_REPORTS_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "service/core/facts.h"
#include "service/core/gazetteer.h"
#include "service/core/people.h"
#include "service/core/text_lines.h"

namespace reportfacts {

// SplitReports finds the reports of a document, in text order; there is
// always at least one. Report::end is the next report's begin or the text
// size. `lines` are SplitLines(text). Linear in the text.
std::vector<Report> SplitReports(std::u32string_view text,
                                 const std::vector<TextLine>& lines,
                                 const Gazetteer& gazetteer,
                                 const PeopleLexicon& lexicon);

// ReviewYear is the year rule on its own, for tests: `heading` is the
// subtitle and title, `body` the report text, `published` the page's
// publication year if known.
std::optional<int> ReviewYear(std::u32string_view heading,
                              std::u32string_view body,
                              std::optional<int> published);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_REPORTS_H_
