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

namespace reportfacts {

// TextLine is one line of the text; content_* exclude surrounding blanks
// and markdown marks (#, >, **).
struct TextLine {
  size_t begin = 0;
  size_t end = 0;  // at the '\n' or the text end
  size_t content_begin = 0;
  size_t content_end = 0;
  bool blank() const { return content_begin >= content_end; }
};

// SplitLines returns every line of `text` in order.
std::vector<TextLine> SplitLines(std::u32string_view text);

// SplitReports finds the reports of a document, in text order; there is
// always at least one. Report::end is the next report's begin or the text
// size.
std::vector<Report> SplitReports(std::u32string_view text,
                                 const Gazetteer& gazetteer,
                                 const PeopleLexicon& lexicon);

// FindCommittee finds the first committee named in `text` ("烟台市政协",
// "政协兰州市委员会") whose place is in the gazetteer; it returns the place
// and sets *organization to "<city>市政协".
const Place* FindCommittee(std::u32string_view text, const Gazetteer& gazetteer,
                           std::u32string* organization);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_REPORTS_H_
