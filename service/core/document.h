// Document is the text of one Extract call, decoded once, with the views
// every scanner shares: code points, lines, sentences and numeric tokens,
// and, for text in Traditional script, its Simplified form with the map
// back to the input.
//
//   absl::StatusOr<Document> doc = Document::FromUtf8(bytes, converter);
//   if (!doc.ok()) return doc.status();      // names the first bad byte
//   for (const TextLine& line : doc->lines()) { ... doc->text() ... }
//   doc->MapBack(&facts);  // offsets now index the text as submitted
//
// Scanners read text() (Simplified when the input was Traditional) and
// never decode again. A Document is immutable once built; several threads
// may read one.
#ifndef REPORTFACTS_SERVICE_CORE_DOCUMENT_H_
#define REPORTFACTS_SERVICE_CORE_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "service/core/facts.h"
#include "service/core/number_tokens.h"
#include "service/core/text_lines.h"
#include "service/core/traditional.h"

namespace reportfacts {

// TextSpan is a half-open range of code points.
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
};

class Document {
 public:
  // FromUtf8 decodes and validates `utf8` in one pass (INVALID_ARGUMENT
  // naming the byte offset of the first bad sequence). When `converter` is
  // given and the text holds Traditional characters, text() is their
  // Simplified form.
  static absl::StatusOr<Document> FromUtf8(
      std::string_view utf8, const TraditionalConverter* converter);

  // FromCodePoints wraps text that is already decoded (tests, tools). No
  // conversion.
  static Document FromCodePoints(std::u32string text);

  // text is what the scanners read.
  std::u32string_view text() const;
  // lines are the lines of text(), in order (SplitLines).
  const std::vector<TextLine>& lines() const { return lines_; }
  // sentences cover text() in order: each ends after a sentence mark
  // (。！？；) or at a line break that does not just wrap a line (see
  // SentenceEndsAt).
  const std::vector<TextSpan>& sentences() const { return sentences_; }
  // numbers are every digit run of text(), read once (TokenizeNumbers):
  // metrics, dates and reports share them.
  const std::vector<NumberToken>& numbers() const { return numbers_; }
  // enclosing_marks are the positions of every IsEnclosingMark character
  // (quotation and book-title marks, line breaks), ascending: the number
  // scanner asks them what encloses a number.
  const std::vector<uint32_t>& enclosing_marks() const { return marks_; }
  // SentenceAt returns the sentence holding `offset` (the last one for the
  // text end).
  TextSpan SentenceAt(size_t offset) const;

  // converted tells whether text() differs from the input's script.
  bool converted() const { return conversion_.has_value(); }
  // MapBack turns facts found in text() into facts of the input text;
  // nothing to do unless converted().
  void MapBack(Extraction* facts) const;

 private:
  Document() = default;
  void Index();

  std::u32string code_points_;  // the input, decoded
  std::optional<ConvertedText> conversion_;
  std::vector<TextLine> lines_;
  std::vector<TextSpan> sentences_;
  std::vector<NumberToken> numbers_;
  std::vector<uint32_t> marks_;
};

// SentenceEndsAt tells whether text[i] ends a sentence: a sentence mark, or
// a line break unless it is a single one between two Han characters (a
// hard-wrapped line of PDF or column text).
bool SentenceEndsAt(std::u32string_view text, size_t i);

// LineWrapsAt tells whether the line breaks between text[before - 1] and
// text[after] only wrap a line: between two Han characters, or between a
// Han character and a digit on a line of prose (one longer than a heading
// with clause punctuation, or one that does not open like a heading and is
// as long as a page line or goes on from a wrapped line). Callers bound how
// many breaks a wrap may hold.
bool LineWrapsAt(std::u32string_view text, size_t before, size_t after);

// IsSectionNumbered: the line opens with a section number ("一、",
// "（二）", "3．", "(4)"): a heading inside a report, not its title.
bool IsSectionNumbered(std::u32string_view line);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_DOCUMENT_H_
