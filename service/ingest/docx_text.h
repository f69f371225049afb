// The text of a Word .docx file: what a reader sees in the body of the
// document, as plain UTF-8 text.
//
//   DocxLimits limits;
//   limits.max_text_bytes = 16 << 20;
//   absl::StatusOr<std::string> text = DocxToText(file_bytes, limits);
//   if (!text.ok()) return text.status();  // INVALID_ARGUMENT, saying why
//
// A .docx is a zip archive of XML parts; libzip opens it from memory and
// libxml2's streaming reader reads its main part (the one _rels/.rels
// names, else word/document.xml; names ignore case) straight out of the
// archive (never the network, no entity expansion, no
// DTD loading, no messages on stderr). The text:
// - each paragraph (w:p) is a line; its runs' text (w:t) joins as it is, so
//   a word split across runs comes out whole;
// - w:tab and w:ptab are tabs, w:br and w:cr line breaks, w:noBreakHyphen
//   a hyphen;
// - a table row whose cells hold one paragraph each is one line, its
//   cells joined by tabs; other rows give each cell's paragraphs as lines;
// - deleted text (w:del, w:moveFrom), field instructions (w:instrText),
//   footnote, endnote and comment marks, properties (w:pPr, w:rPr, ...)
//   and the fallback copy of a text box (mc:Fallback) are left out;
//   text boxes' own paragraphs are read where they are anchored;
// - headers, footers, footnotes and comments (other parts of the
//   archive) are not read: they are page furniture, not the report.
//
// Limits guard against zip bombs and runaway files: the archive's entry
// count, the unpacked size of word/document.xml (its declared size and
// the bytes actually read, which stop at the limit), its compression
// ratio, and the text's size. Everything wrong (not a zip, a truncated or
// encrypted one, an old .doc or another Office file, no
// word/document.xml, malformed XML, a limit passed) is INVALID_ARGUMENT
// with a message naming it.
#ifndef REPORTFACTS_SERVICE_INGEST_DOCX_TEXT_H_
#define REPORTFACTS_SERVICE_INGEST_DOCX_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace reportfacts::ingest {

// The media type of a Word .docx file.
inline constexpr char kDocxMediaType[] =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// DocxLimits bounds the work on one .docx file.
struct DocxLimits {
  // Most entries the archive may list (a report has a few dozen, images
  // included).
  int64_t max_entries = 10000;
  // Most bytes word/document.xml may unpack to.
  int64_t max_unpacked_bytes = 64 << 20;
  // Highest ratio of unpacked to packed size of word/document.xml, checked
  // once it unpacks to more than `ratio_floor_bytes`: XML deflates about
  // ten to one, a zip bomb a thousand to one.
  int64_t max_compression_ratio = 200;
  int64_t ratio_floor_bytes = 1 << 20;
  // Most bytes of text produced.
  int64_t max_text_bytes = 16 << 20;
};

// LooksLikeZip is true when `bytes` begin as a zip archive does (a local
// file header, or the end record of an empty archive).
bool LooksLikeZip(std::string_view bytes);

// LooksLikeOldOfficeFile is true when `bytes` begin as an OLE compound
// file: an old Word .doc (or .xls, .ppt), or a password-protected .docx.
bool LooksLikeOldOfficeFile(std::string_view bytes);

// DocxToText converts the bytes of a .docx file to plain text, see above.
absl::StatusOr<std::string> DocxToText(std::string_view bytes,
                                       const DocxLimits& limits);

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_SERVICE_INGEST_DOCX_TEXT_H_
