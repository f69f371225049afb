// Splitting a document into reports and reading their headers.
//
// A report starts at its title line; a "——…" subtitle line follows within
// a few lines, then usually a byline. A column name (preface) may stand
// before the title and a second headline after it; photo captions ("▲"),
// markdown marks ("## ", "**") and blank-line runs are skipped. A document
// without a recognisable title is one report over the whole text.
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
// size. `lines` are SplitLines(text).
std::vector<Report> SplitReports(std::u32string_view text,
                                 const std::vector<TextLine>& lines,
                                 const Gazetteer& gazetteer,
                                 const PeopleLexicon& lexicon);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_REPORTS_H_
