#include "service/ingest/pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/core/utf8.h"

namespace reportfacts::ingest {
namespace {

// A gap between two words of a line wider than this many times the line's
// height reads as a space (a space is about a quarter em).
constexpr double kWordGap = 0.15;

void IgnorePopplerMessage(const std::string& /*message*/, void* /*closure*/) {}

// SilencePoppler stops poppler printing its parse errors to stderr: a
// broken file is answered with a status, not with log noise on the server.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
  });
}

// CountCodePoints counts the UTF-8 lead bytes of `text`.
int64_t CountCodePoints(std::string_view text) {
  int64_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// AppendPageText appends one page's UTF-8 text, with line ends made '\n',
// NULs and other C0 controls (but tab) dropped, invalid UTF-8 replaced,
// and the page ended by exactly one '\n'.
void AppendPageText(std::string_view page, std::string* out) {
  std::string clean;
  if (FindInvalidUtf8(page).has_value()) {
    clean = EncodeUtf8(DecodeUtf8(page));
    page = clean;
  }
  for (size_t i = 0; i < page.size(); ++i) {
    const char c = page[i];
    if (c == '\r') {
      if (i + 1 < page.size() && page[i + 1] == '\n') continue;
      out->push_back('\n');
    } else if (c == '\f') {
      out->push_back('\n');
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
      continue;
    } else {
      out->push_back(c);
    }
  }
  while (!out->empty() && out->back() == '\n') out->pop_back();
  out->push_back('\n');
}

// AppendWord appends a word's characters as UTF-8, with a space where a
// visible gap parts two of them (poppler keeps a Han name and the title
// after it, set a space apart, as one word).
void AppendWord(const poppler::text_box& word, std::string* out) {
  const poppler::ustring text = word.text();
  double previous_right = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    const size_t unit = i;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size() &&
        text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    const poppler::rectf box = word.char_bbox(unit);
    if (unit > 0 && box.height() > 0 &&
        box.left() - previous_right > kWordGap * box.height()) {
      out->push_back(' ');
    }
    previous_right = box.right();
    AppendUtf8(c, out);
  }
}

// PageWords writes a page's words, in poppler's reading order, as lines:
// a word that does not sit on the line of the one before starts a new
// line; words on one line are kept apart by a space when poppler saw one
// or a visible gap parts them. (Poppler's own page text joins Han
// characters set apart by spaces, as in a spaced byline; this keeps
// them, and layout repair closes up what is a spaced title.)
std::string PageWords(const poppler::page& page,
                      std::vector<double>* line_font_sizes) {
  std::string out;
  const std::vector<poppler::text_box> words =
      page.text_list(poppler::page::text_list_include_font);
  double line_size = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const poppler::rectf box = words[i].bbox();
    if (i > 0) {
      const poppler::rectf before = words[i - 1].bbox();
      const double top = std::max(box.top(), before.top());
      const double bottom = std::min(box.bottom(), before.bottom());
      const double height = std::min(box.height(), before.height());
      const bool same_line = bottom - top >= 0.5 * height &&
                             box.left() >= before.left() + 0.5 * height;
      if (!same_line) {
        out.push_back('\n');
        line_font_sizes->push_back(line_size);
        line_size = 0;
      } else if (words[i - 1].has_space_after() ||
                 box.left() - before.right() > kWordGap * height) {
        out.push_back(' ');
      }
    }
    AppendWord(words[i], &out);
    line_size = std::max(line_size, words[i].get_font_size());
  }
  if (!words.empty()) line_font_sizes->push_back(line_size);
  return out;
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 5) == "%PDF-";
}

absl::StatusOr<PdfText> PdfToText(std::string_view bytes,
                                  const PdfLimits& limits) {
  const absl::Time start = absl::Now();
  if (static_cast<int64_t>(bytes.size()) > limits.max_input_bytes ||
      bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the PDF is ", bytes.size(), " bytes, over the limit of ",
                     limits.max_input_bytes, " bytes"));
  }
  SilencePoppler();
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(),
                                            static_cast<int>(bytes.size())));
  if (document == nullptr) {
    return absl::InvalidArgumentError(
        "the content is not a readable PDF file (poppler cannot parse it: "
        "truncated, damaged or not a PDF)");
  }
  if (document->is_locked()) {
    return absl::FailedPreconditionError(
        "the PDF is encrypted with a password that is needed to open it; "
        "send it decrypted");
  }
  const int pages = document->pages();
  if (pages > limits.max_pages) {
    return absl::InvalidArgumentError(absl::StrCat("the PDF has ", pages,
                                                   " pages, over the limit of ",
                                                   limits.max_pages, " pages"));
  }
  PdfText result;
  result.page_starts.reserve(static_cast<size_t>(pages < 0 ? 0 : pages));
  int64_t code_points = 0;
  for (int index = 0; index < pages; ++index) {
    result.page_starts.push_back(code_points);
    const size_t before = result.text.size();
    std::unique_ptr<poppler::page> page(document->create_page(index));
    std::vector<double> sizes;
    if (page != nullptr) {
      AppendPageText(PageWords(*page, &sizes), &result.text);
    } else {
      result.text.push_back('\n');
    }
    // One size per line of the page as appended (a page of no words is
    // one empty line).
    const size_t lines = static_cast<size_t>(
        std::count(result.text.begin() + static_cast<std::ptrdiff_t>(before),
                   result.text.end(), '\n'));
    sizes.resize(lines, 0);
    result.line_font_sizes.insert(result.line_font_sizes.end(), sizes.begin(),
                                  sizes.end());
    if (static_cast<int64_t>(result.text.size()) > limits.max_text_bytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the PDF's text is over the limit of ", limits.max_text_bytes,
          " bytes (at page ", index + 1, " of ", pages, ")"));
    }
    code_points +=
        CountCodePoints(std::string_view(result.text).substr(before));
    if (absl::Now() - start > limits.max_time) {
      return absl::DeadlineExceededError(
          absl::StrCat("reading the PDF took over the limit of ",
                       absl::FormatDuration(limits.max_time), " (at page ",
                       index + 1, " of ", pages, ")"));
    }
  }
  // Pages without one character are a scan (or text in a font no table
  // maps): an empty answer would look like a report with no facts.
  if (pages > 0 && result.text.find_first_not_of(" \n") == std::string::npos) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the PDF's ", pages, pages == 1 ? " page has" : " pages have",
        " no text to read (a scanned image needs OCR first)"));
  }
  return result;
}

}  // namespace reportfacts::ingest
