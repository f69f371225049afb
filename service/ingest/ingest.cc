#include "service/ingest/ingest.h"

#include <libxml/parser.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "service/core/utf8.h"
#include "service/ingest/ascii_util.h"
#include "service/ingest/charset.h"
#include "service/ingest/docx_text.h"
#include "service/ingest/html_text.h"
#include "service/ingest/layout_repair.h"
#include "service/ingest/pdf_text.h"

namespace reportfacts::ingest {
namespace {

struct MediaType {
  std::string essence;  // "text/html", lower case; empty when none given
  std::string charset;  // the charset parameter as written; may be empty
};

MediaType ParseMediaType(std::string_view value) {
  MediaType type;
  const size_t semicolon = value.find(';');
  type.essence = ToLowerAscii(TrimAscii(value.substr(0, semicolon)));
  while (semicolon != std::string_view::npos && !value.empty()) {
    value.remove_prefix(std::min(value.size(), value.find(';') + 1));
    const std::string_view part = TrimAscii(value.substr(0, value.find(';')));
    const size_t equals = part.find('=');
    if (equals != std::string_view::npos &&
        ToLowerAscii(TrimAscii(part.substr(0, equals))) == "charset") {
      type.charset = std::string(TrimAscii(part.substr(equals + 1)));
    }
    if (value.find(';') == std::string_view::npos) break;
  }
  return type;
}

// LooksLikeHtml is the HTML rule of the WHATWG MIME sniffing standard:
// after leading white space, one of these tags, followed by a space or
// '>'.
bool LooksLikeHtml(std::string_view text) {
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t i = 0;
  while (i < text.size() && IsAsciiSpace(text[i])) {
    ++i;
  }
  static constexpr const char* kOpenings[] = {"<!doctype html",
                                              "<html",
                                              "<head",
                                              "<script",
                                              "<iframe",
                                              "<h1",
                                              "<div",
                                              "<font",
                                              "<table",
                                              "<a",
                                              "<style",
                                              "<title",
                                              "<b",
                                              "<body",
                                              "<br",
                                              "<p",
                                              "<!--"};
  for (const char* opening : kOpenings) {
    const std::string_view open(opening);
    if (text.size() < i + open.size() + 1) continue;
    if (!EqualsIgnoreCaseAscii(text.substr(i, open.size()), open)) continue;
    const char after = text[i + open.size()];
    if (after == ' ' || after == '>' || after == '\t' || after == '\n' ||
        after == '\r' || (open == "<!--" && after == '-')) {
      return true;
    }
  }
  return false;
}

// LooksBinary is true when decoded text holds a NUL or more control
// characters than a text file would (one in a hundred): a detector's
// guess on a binary file, not text.
bool LooksBinary(std::string_view text) {
  size_t controls = 0;
  for (char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte == 0) return true;
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      ++controls;
    }
  }
  return controls * 100 > text.size();
}

bool IsHtmlType(std::string_view essence) {
  return essence == "text/html" || essence == "application/xhtml+xml";
}

absl::StatusOr<Format> FormatOf(const MediaType& type) {
  if (IsHtmlType(type.essence)) return Format::kHtml;
  if (type.essence == "application/pdf") return Format::kPdf;
  // Other text types (text/csv, text/markdown) read as they are written.
  if (type.essence == "text/plain" || StartsWith(type.essence, "text/")) {
    return Format::kPlainText;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "media_type \"", type.essence.substr(0, 80),
      "\" is not one this server reads; it reads text/plain, text/html, "
      "application/pdf and Word .docx (",
      kDocxMediaType, ")"));
}

// IsWordType is true for the .docx type, and for the old .doc type, whose
// files the Word reader names (some senders label a .docx so, too).
bool IsWordType(std::string_view essence) {
  return essence == kDocxMediaType || essence == "application/msword";
}

absl::StatusOr<IngestedText> FromDocx(std::string_view bytes,
                                      const IngestLimits& limits) {
  DocxLimits docx;
  docx.max_text_bytes = limits.max_decoded_bytes;
  absl::StatusOr<std::string> text = DocxToText(bytes, docx);
  if (!text.ok()) return text.status();
  IngestedText result;
  result.text = *std::move(text);
  result.format = Format::kDocx;
  result.charset = "UTF-8";
  return result;
}

// PdfToPlainText reads a PDF and repairs its layout (see ingest.h).
absl::StatusOr<IngestedText> PdfToPlainText(std::string_view bytes,
                                            const IngestLimits& limits) {
  PdfLimits pdf_limits;
  pdf_limits.max_input_bytes = limits.max_input_bytes;
  pdf_limits.max_pages = limits.max_pages;
  pdf_limits.max_text_bytes = limits.max_decoded_bytes;
  pdf_limits.max_time = limits.max_pdf_time;
  absl::StatusOr<PdfText> pdf = PdfToText(bytes, pdf_limits);
  if (!pdf.ok()) return pdf.status();
  RepairedText repaired =
      RepairLayout({pdf->text, pdf->page_starts, &pdf->line_font_sizes});
  IngestedText result;
  result.format = Format::kPdf;
  result.charset = "UTF-8";
  result.text = std::move(repaired.text);
  result.page_starts = std::move(repaired.page_starts);
  return result;
}

}  // namespace

absl::StatusOr<IngestedText> ToPlainText(std::string_view bytes,
                                         std::string_view media_type,
                                         const IngestLimits& limits) {
  // libxml2 (HTML pages, .docx) wants one initialisation before threads
  // share it; its own lazy one is not thread-safe in 2.9.
  static const bool xml_ready = [] {
    xmlInitParser();
    return true;
  }();
  (void)xml_ready;
  if (static_cast<int64_t>(bytes.size()) > limits.max_input_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the content is ", bytes.size(), " bytes, over the limit of ",
        limits.max_input_bytes, " bytes"));
  }
  const MediaType type = ParseMediaType(media_type);
  IngestedText result;
  const std::optional<Bom> bom = FindBom(bytes);
  const bool sniff = type.essence.empty();
  if ((sniff && LooksLikePdf(bytes)) || type.essence == "application/pdf") {
    return PdfToPlainText(bytes, limits);
  }
  if (IsWordType(type.essence) ||
      (sniff && (LooksLikeZip(bytes) || LooksLikeOldOfficeFile(bytes)))) {
    return FromDocx(bytes, limits);
  }
  if (!sniff) {
    absl::StatusOr<Format> format = FormatOf(type);
    if (!format.ok()) return format.status();
    result.format = *format;
  } else if (!bom || bom->charset == "UTF-8") {
    // Legacy Chinese encodings keep ASCII as it is, so markup shows in the
    // raw bytes; UTF-16 is sniffed once decoded.
    result.format = LooksLikeHtml(bytes) ? Format::kHtml : Format::kPlainText;
  }

  std::string_view body = bytes;
  if (bom) {
    result.charset = bom->charset;
    result.charset_source = CharsetSource::kByteOrderMark;
    body.remove_prefix(bom->length);
  } else if (!type.charset.empty()) {
    result.charset = CanonicalCharset(type.charset);
    if (result.charset.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("media_type's charset \"", type.charset.substr(0, 40),
                       "\" is not a charset name"));
    }
    result.charset_source = CharsetSource::kMediaType;
  } else if (std::string meta;
             result.format == Format::kHtml &&
             !(meta = CanonicalCharset(FindMetaCharset(bytes))).empty()) {
    // A page read as ASCII-compatible bytes cannot be UTF-16, whatever its
    // <meta> says (the HTML standard reads such a page as UTF-8).
    result.charset = StartsWith(meta, "UTF-16") ? "UTF-8" : meta;
    result.charset_source = CharsetSource::kHtmlMeta;
  } else if (const std::optional<size_t> bad = FindInvalidUtf8(bytes);
             !bad.has_value()) {
    result.charset = "UTF-8";
    result.charset_source = CharsetSource::kValidUtf8;
  } else {
    result.charset = DetectCharset(bytes);
    // Not valid UTF-8, so a detector answering UTF-8 is guessing.
    if (result.charset.empty() || result.charset == "UTF-8") {
      return absl::InvalidArgumentError(absl::StrFormat(
          "the content's encoding is neither declared nor recognised: it is "
          "not UTF-8 (byte 0x%02X at byte offset %d does not start a "
          "well-formed sequence) and detection is unsure; declare it in "
          "media_type, e.g. \"text/plain; charset=GBK\"",
          static_cast<unsigned char>(bytes[*bad]), *bad));
    }
    result.charset_source = CharsetSource::kDetected;
  }

  absl::StatusOr<std::string> decoded =
      ConvertToUtf8(body, result.charset, limits.max_decoded_bytes);
  if (!decoded.ok()) {
    if (result.charset_source == CharsetSource::kDetected) {
      return absl::InvalidArgumentError(
          absl::StrCat("the content's encoding was not declared and looks "
                       "like ",
                       result.charset, ", but ", decoded.status().message(),
                       "; declare its charset in media_type"));
    }
    return decoded.status();
  }
  std::string text = *std::move(decoded);
  if (result.charset_source == CharsetSource::kDetected && LooksBinary(text)) {
    return absl::InvalidArgumentError(
        "the content does not look like text (it holds control bytes) and "
        "declares no type; send plain text or HTML, with its media_type");
  }
  // A byte order mark inside the encoding (GB18030 has one) is no text.
  if (StartsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  if (sniff && bom && bom->charset != "UTF-8") {
    result.format = LooksLikeHtml(text) ? Format::kHtml : Format::kPlainText;
  }
  if (result.format == Format::kHtml) {
    absl::StatusOr<std::string> page = HtmlToText(text);
    if (!page.ok()) return page.status();
    text = *std::move(page);
  }
  result.text = std::move(text);
  return result;
}

}  // namespace reportfacts::ingest
