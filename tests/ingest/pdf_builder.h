// Test helper: lays text out as a real PDF file with cairo and pango, in
// the CJK font Debian's fonts-wqy-microhei installs, as a word processor
// would print it: paragraphs wrapped at the page's width, pages broken
// when full, and optionally a running header and page numbers.
//
//   PdfPageStyle narrow;
//   narrow.column_width_pt = 160;            // hard wraps mid-sentence
//   narrow.running_header = "政协工作简报";
//   narrow.page_number = "— %d —";
//   std::string pdf = LayOutPdf(text, narrow);
#ifndef REPORTFACTS_TESTS_INGEST_PDF_BUILDER_H_
#define REPORTFACTS_TESTS_INGEST_PDF_BUILDER_H_

#include <string>

namespace reportfacts::ingest {

struct PdfPageStyle {
  double page_width_pt = 595;  // A4
  double page_height_pt = 842;
  double margin_pt = 56;
  // Width of the text column; 0 = the page width less the margins.
  double column_width_pt = 0;
  double font_size_pt = 11;
  // The first paragraph, when a heading (no sentence end in it), is set
  // this much larger, as a title.
  double title_scale = 1.5;
  // A line printed at the top of every page; empty for none.
  std::string running_header;
  // A printf format with one %d printed at the foot of every page (e.g.
  // "- %d -", "第%d页"); empty for none.
  std::string page_number;
};

// LayOutPdf returns the bytes of a PDF printing `text` (UTF-8): each line
// of `text` a paragraph, a blank line a gap, a first line without a sentence
// end the title.
std::string LayOutPdf(const std::string& text, const PdfPageStyle& style);

// PdfWithStandardCjkFont returns a one-page PDF printing each line of
// `text` (UTF-8, characters of the Basic Multilingual Plane) in a CJK font
// the file does not embed: a reader's standard Song face (`STSong-Light`)
// reached through Adobe's predefined `UniGB-UCS2-H` CMap, with no
// ToUnicode map. Many older Chinese government PDFs are made this way;
// their text is readable only with the CMaps and CID tables of Debian's
// poppler-data.
std::string PdfWithStandardCjkFont(const std::string& text);

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_TESTS_INGEST_PDF_BUILDER_H_
