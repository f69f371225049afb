// Finding the character encoding of a document's bytes and converting
// them to UTF-8: byte order marks, declared charsets (a media type's
// parameter, an HTML page's <meta>), detection with uchardet, and strict
// conversion with iconv.
//
//   std::optional<Bom> bom = FindBom(bytes);
//   absl::StatusOr<std::string> utf8 =
//       ConvertToUtf8(bytes.substr(bom->length), bom->charset, kCap);
#ifndef REPORTFACTS_SERVICE_INGEST_CHARSET_H_
#define REPORTFACTS_SERVICE_INGEST_CHARSET_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace reportfacts::ingest {

// Bom is a byte order mark at the start of the bytes.
struct Bom {
  std::string charset;  // "UTF-8", "UTF-16LE" or "UTF-16BE"
  size_t length = 0;    // bytes of the mark itself
};

// FindBom returns the byte order mark that `bytes` opens with, if any.
std::optional<Bom> FindBom(std::string_view bytes);

// CanonicalCharset maps a charset label as pages and headers write it
// ("gb2312", "x-gbk", "Big5", "utf8") to the iconv name this module
// decodes it with ("GB18030", "BIG5-HKSCS", "UTF-8"), so that a label
// naming a subset decodes with its superset. Other labels are upper-cased
// and kept; empty when the label is not a plausible charset name.
std::string CanonicalCharset(std::string_view label);

// FindMetaCharset returns the charset an HTML page declares in its first
// bytes (<meta charset="..."> or <meta http-equiv="Content-Type"
// content="...; charset=...">), as written; empty when none.
std::string FindMetaCharset(std::string_view html);

// DetectCharset asks uchardet which Chinese-capable encoding `bytes` are
// in. Returns a canonical name (see CanonicalCharset) when uchardet names
// one of UTF-8, GB18030/GBK/GB2312, Big5 or EUC-TW, and empty when it is
// unsure or names something else (a Western code page on Chinese text is a
// guess, not a detection).
std::string DetectCharset(std::string_view bytes);

// ConvertToUtf8 decodes `bytes` from `charset` (an iconv name) strictly:
// INVALID_ARGUMENT naming the byte offset when a sequence does not decode,
// or the charset when iconv does not know it, or the cap when the UTF-8
// text would exceed `max_output_bytes`.
absl::StatusOr<std::string> ConvertToUtf8(std::string_view bytes,
                                          const std::string& charset,
                                          int64_t max_output_bytes);

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_SERVICE_INGEST_CHARSET_H_
