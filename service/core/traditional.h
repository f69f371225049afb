// Traditional Chinese input. The extractor's lexicons and rules are written
// in Simplified Chinese, so a text that holds Traditional characters is
// converted to Simplified with OpenCC (t2s) for matching, and every offset
// found in the converted text is mapped back to the text as submitted.
//
//   auto converter = TraditionalConverter::Load(kDefaultT2sConfig);
//   if (auto converted = (*converter)->ToSimplified(text)) {
//     Extraction facts = Find(converted->simplified());
//     converted->MapBack(&facts);  // offsets now index `text`
//   }
//
// Simplified input pays one scan over its bytes: ToSimplified returns
// nullopt unless a character whose Simplified form differs is present.
#ifndef REPORTFACTS_SERVICE_CORE_TRADITIONAL_H_
#define REPORTFACTS_SERVICE_CORE_TRADITIONAL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "service/core/facts.h"

namespace opencc {
class SimpleConverter;
}  // namespace opencc

namespace reportfacts {

// kDefaultT2sConfig is OpenCC's Traditional-to-Simplified configuration
// where Debian's libopencc-data installs it (set by CMake).
extern const char kDefaultT2sConfig[];

// ConvertedText is a text converted to Simplified Chinese together with
// the map from its code points back to the original's.
class ConvertedText {
 public:
  // ByCodePoint converts `original` one code point at a time; `convert`
  // returns a code point's replacement (one or more code points), or an
  // empty view to keep it.
  static ConvertedText ByCodePoint(
      std::u32string original,
      const std::function<std::u32string_view(char32_t)>& convert);

  // The converted text, UTF-8 and as code points.
  const std::string& simplified() const { return simplified_; }
  std::u32string_view converted() const { return converted_; }

  // OriginalBegin maps a begin offset (code points in simplified()) to the
  // original text; OriginalEnd maps an exclusive end offset.
  int64_t OriginalBegin(int64_t converted) const;
  int64_t OriginalEnd(int64_t converted) const;

  // MapBack turns facts found in simplified() into facts of the original:
  // every span is remapped, and fields that quote the text (digits,
  // unit_text, object, action, sentence, date text, names, titles) are cut
  // from the original again. Normalised fields (unit, indicator, city,
  // province, organization, roles, ISO dates) stay Simplified so that they
  // compare equal across scripts.
  void MapBack(Extraction* facts) const;

 private:
  friend class TraditionalConverter;

  // Recut finds `field` inside simplified()[begin, end) and returns the
  // original text at the same place, or `field` when it is not there.
  std::string Recut(const std::string& field, int64_t begin, int64_t end) const;
  // RecutName is Recut for a name whose characters may stand blanks apart
  // in the text (張 明); the original comes back without the blanks.
  std::string RecutName(const std::string& name, int64_t begin,
                        int64_t end) const;

  std::u32string original_;
  std::u32string converted_;
  std::string simplified_;
  // source_begin_[i] is the original offset where the piece that produced
  // converted code point i starts; one extra entry holds the original
  // length. Empty when the conversion kept every code point in place.
  std::vector<uint32_t> source_begin_;
};

// TraditionalConverter is immutable after Load and safe for concurrent use
// (OpenCC's converter is const and thread-safe).
class TraditionalConverter {
 public:
  // Load opens an OpenCC configuration (t2s.json); NOT_FOUND or
  // INVALID_ARGUMENT name the file when it cannot be used.
  static absl::StatusOr<std::unique_ptr<TraditionalConverter>> Load(
      const std::string& t2s_config);

  ~TraditionalConverter();
  TraditionalConverter(const TraditionalConverter&) = delete;
  TraditionalConverter& operator=(const TraditionalConverter&) = delete;

  // BasicPlaneMarks is one byte per code point U+0000..U+FFFF, 1 where
  // the character converts to a different Simplified one: the table that
  // DecodeValidUtf8 tests while it decodes (every such character is a
  // three-byte sequence).
  const uint8_t* BasicPlaneMarks() const { return traditional_.data(); }

  // HasTraditional tells whether valid UTF-8 `text` holds a character that
  // converts to a different Simplified one.
  bool HasTraditional(std::string_view text) const;
  // The same test on decoded text: cheaper, when the caller has it.
  bool HasTraditional(std::u32string_view code_points) const;

  // ToSimplified converts valid UTF-8 `text`, or returns nullopt when it
  // holds nothing to convert.
  std::optional<ConvertedText> ToSimplified(std::string_view text) const;
  // The same for a caller that has decoded `text` already (`code_points`
  // must be its code points) and knows HasTraditional(code_points): no
  // second decode or scan; it always converts.
  std::optional<ConvertedText> ToSimplified(std::string_view text,
                                            std::u32string code_points) const;

 private:
  explicit TraditionalConverter(std::unique_ptr<opencc::SimpleConverter> c);
  void BuildCharacterTable();
  // SimplifiedOf is the character-level conversion of one code point.
  std::u32string_view SimplifiedOf(char32_t c) const;

  std::unique_ptr<opencc::SimpleConverter> converter_;
  // Basic-plane code points whose Simplified form differs, and that form.
  std::vector<uint8_t> traditional_ = std::vector<uint8_t>(0x10000);
  std::vector<std::pair<char32_t, std::u32string>> simplified_of_;  // sorted
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_TRADITIONAL_H_
