// PDF files to text: the text of each page in reading order, with the
// code point where each page starts, by poppler (Debian's libpoppler-cpp).
//
//   PdfLimits limits;
//   absl::StatusOr<PdfText> pdf = PdfToText(bytes, limits);
//   if (!pdf.ok()) return pdf.status();  // says what is wrong
//   // pdf->text: page after page, each ended by '\n';
//   // pdf->page_starts[k]: first code point of page k + 1.
//
// Poppler's reading-order mode (neither raw content-stream order nor the
// physical layout with its padding spaces) gives columns and blocks one
// after the other, as a reader would read them. Poppler writes nothing to
// stderr: its error messages are silenced once per process.
//
// Refusals: a PDF that needs a password to open, and one whose pages hold
// no character (a scan), are FAILED_PRECONDITION (an encrypted PDF that opens
// without one, the usual "owner password" restricting print or copy, is read);
// bytes poppler cannot parse are INVALID_ARGUMENT; a limit crossed is
// INVALID_ARGUMENT naming the limit, except the time limit, which is
// DEADLINE_EXCEEDED. Every message names the PDF.
#ifndef REPORTFACTS_SERVICE_INGEST_PDF_TEXT_H_
#define REPORTFACTS_SERVICE_INGEST_PDF_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace reportfacts::ingest {

// PdfLimits bounds the work on one PDF.
struct PdfLimits {
  // Largest input accepted, in bytes.
  int64_t max_input_bytes = 8 << 20;
  // Most pages a document may have.
  int max_pages = 2000;
  // Largest text extracted, in UTF-8 bytes, all pages together.
  int64_t max_text_bytes = 16 << 20;
  // Longest time spent, checked after each page (poppler cannot be
  // interrupted inside one).
  absl::Duration max_time = absl::Seconds(20);
};

// PdfText is the text of a PDF.
struct PdfText {
  // UTF-8; each page's text, lines ended by '\n', the page ended by '\n'.
  std::string text;
  // page_starts[k] is the code point offset in `text` where page k + 1
  // starts; page_starts[0] is 0. One entry per page, empty pages too.
  std::vector<int64_t> page_starts;
  // line_font_sizes[i] is the largest font size (points) on line i of
  // `text` (0 for an empty line): a title set larger than the body.
  std::vector<double> line_font_sizes;
};

// LooksLikePdf is true when `bytes` start as a PDF file does ("%PDF-").
bool LooksLikePdf(std::string_view bytes);

// PdfToText extracts the text of every page of a PDF file.
absl::StatusOr<PdfText> PdfToText(std::string_view bytes,
                                  const PdfLimits& limits);

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_SERVICE_INGEST_PDF_TEXT_H_
