// Documents as files: the bytes of a plain-text file or a web page, in
// whatever encoding it came in, to the plain UTF-8 text that extraction
// reads and that every fact's offsets then point into.
//
//   IngestLimits limits;
//   limits.max_input_bytes = 4 << 20;
//   absl::StatusOr<IngestedText> in =
//       ToPlainText(bytes, "text/html; charset=GBK", limits);
//   if (!in.ok()) return in.status();  // INVALID_ARGUMENT, saying why
//   Extract(in->text);
//
// The encoding comes from, in this order: a byte order mark; the charset
// the media type declares; an HTML page's <meta> declaration; the bytes
// being valid UTF-8; detection (uchardet), trusted only when it names a
// Chinese or Unicode encoding and the bytes then decode without error.
// The format is the media type's, or recognised from the bytes when the
// media type is empty (markup -> HTML; "%PDF-" -> PDF; a zip or an old
// Office file -> the Word reader, which names what else it is). HTML keeps
// only the page's main content (see html_text.h), a Word .docx its body
// text (see docx_text.h; its text is UTF-8 whatever its XML declared).
// Detected text full of control bytes is refused as binary.
//
// A PDF (application/pdf) is read by poppler (pdf_text.h), then its layout
// repaired (layout_repair.h): hard-wrapped lines joined, running headers,
// footers and page numbers dropped, letter-spaced titles closed up. The
// text returned is the repaired text, so that extraction reads clean text
// and every offset found in it, returned to the caller with that same
// text, is exact: text[begin, end) is the fact as written. The page
// boundaries are carried over into it (page_starts); what repair dropped
// (a header, a page number) is on no page. An encrypted PDF that needs a
// password, and a PDF with no text on any page, are FAILED_PRECONDITION; other
// refusals are INVALID_ARGUMENT, and the time limit DEADLINE_EXCEEDED.
#ifndef REPORTFACTS_SERVICE_INGEST_INGEST_H_
#define REPORTFACTS_SERVICE_INGEST_INGEST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace reportfacts::ingest {

// IngestLimits bounds the work on one document.
struct IngestLimits {
  // Largest input accepted, in bytes.
  int64_t max_input_bytes = 8 << 20;
  // Largest text once decoded to UTF-8, before markup is removed (GBK's
  // two bytes per character become UTF-8's three).
  int64_t max_decoded_bytes = 16 << 20;
  // Most pages of a PDF.
  int max_pages = 2000;
  // Longest time spent reading a PDF (checked after each page).
  absl::Duration max_pdf_time = absl::Seconds(20);
};

// Format is what the bytes were.
enum class Format { kPlainText, kHtml, kDocx, kPdf };

// CharsetSource says how the encoding was known.
enum class CharsetSource {
  kByteOrderMark,
  kMediaType,  // the media type's charset parameter
  kHtmlMeta,   // <meta charset> or http-equiv Content-Type
  kValidUtf8,  // undeclared, and valid UTF-8
  kDetected,   // uchardet
};

// IngestedText is a document converted to plain text.
struct IngestedText {
  std::string text;  // UTF-8, without a byte order mark
  Format format = Format::kPlainText;
  std::string charset;  // the iconv name decoded with: "GB18030", "UTF-8"
  CharsetSource charset_source = CharsetSource::kValidUtf8;
  // For a paged document (PDF): page_starts[k] is the code point offset in
  // `text` where page k + 1 starts, ascending. Empty for unpaged text.
  std::vector<int64_t> page_starts;
};

// ToPlainText converts a document's bytes to plain UTF-8 text.
// `media_type` is a Content-Type value ("text/html; charset=big5",
// "application/pdf") or empty. INVALID_ARGUMENT, with a message naming the
// problem, when the bytes are over a limit, the media type is not one read
// here, the encoding is neither declared nor recognised, or the bytes do not
// decode in it.
absl::StatusOr<IngestedText> ToPlainText(std::string_view bytes,
                                         std::string_view media_type,
                                         const IngestLimits& limits);

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_SERVICE_INGEST_INGEST_H_
