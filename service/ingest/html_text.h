// The readable text of an HTML page: what a reader sees of the article,
// without the site around it.
//
//   absl::StatusOr<std::string> text = HtmlToText(utf8_page);
//
// libxml2's HTML parser (forgiving, never touching the network) builds the
// tree; then
// - scripts, styles, forms, frames, navigation, page headers and footers,
//   asides, hidden elements, and elements whose class or id names
//   navigation, sharing, comments or footers are dropped;
// - the main content is chosen: the largest <article> or <main> when the
//   page has one, else the element holding most Chinese text outside links
//   (descending from <body> while one child holds most of it and no
//   paragraph of running text lies beside it), with the
//   page's <h1> put first when the content lies below it;
// - blocks inside it that are mostly links ("related articles") are
//   dropped;
// - the rest becomes text: block elements end lines (paragraphs, headings,
//   lists and tables end with a blank line), white space collapses as a
//   browser collapses it (a line break between two Chinese characters
//   vanishes), <pre> keeps its own, entities are decoded.
#ifndef REPORTFACTS_SERVICE_INGEST_HTML_TEXT_H_
#define REPORTFACTS_SERVICE_INGEST_HTML_TEXT_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace reportfacts::ingest {

// HtmlToText converts an HTML page, already decoded to UTF-8 (its own
// charset declaration is ignored), to plain text. INVALID_ARGUMENT when
// the parser gives no document at all.
absl::StatusOr<std::string> HtmlToText(std::string_view utf8_html);

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_SERVICE_INGEST_HTML_TEXT_H_
