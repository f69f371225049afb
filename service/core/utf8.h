// UTF-8 validation and code point conversion.
//
// The service receives text as bytes and must name the first bad byte
// instead of failing opaquely; the core works on code points so that every
// offset it reports is a code point index.
#ifndef REPORTFACTS_SERVICE_CORE_UTF8_H_
#define REPORTFACTS_SERVICE_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reportfacts {

// FindInvalidUtf8 returns the byte offset of the first byte that does not
// start a well-formed UTF-8 sequence (overlong forms, surrogates, values
// above U+10FFFF and truncated sequences are all invalid), or nullopt when
// the whole input is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

// DecodeUtf8 converts valid UTF-8 to code points. Invalid sequences become
// U+FFFD, one per bad byte, so offsets stay defined for any input.
std::u32string DecodeUtf8(std::string_view bytes);

// DecodeValidUtf8 decodes and validates in one pass: it fills
// `code_points` and returns nullopt, or returns the byte offset of the first
// invalid sequence (as FindInvalidUtf8 would) and leaves `code_points` in an
// unspecified state.
std::optional<size_t> DecodeValidUtf8(std::string_view bytes,
                                      std::u32string* code_points);

// The same decode with a test of every character folded in, where it costs
// two instructions instead of a second pass: `marks` holds one byte per
// Basic Multilingual Plane code point, and `*marked` tells whether a
// decoded code point of U+0800..U+FFFF (a three-byte sequence, where all
// CJK lies) has a nonzero mark. Other code points are not tested.
//
//   bool traditional = false;
//   DecodeValidUtf8(bytes, &text, converter.BasicPlaneMarks(), &traditional);
std::optional<size_t> DecodeValidUtf8(std::string_view bytes,
                                      std::u32string* code_points,
                                      const uint8_t* marks, bool* marked);

// EncodeUtf8 converts code points back to UTF-8.
std::string EncodeUtf8(std::u32string_view code_points);

// AppendUtf8 appends one code point to `out`.
void AppendUtf8(char32_t code_point, std::string* out);

// FindCodePoint returns the first index at or after `from` where `text`
// holds `c`, or text.size(). It uses the C library's vectorised wide
// character search where wchar_t is 32 bits: a scan for one mark over a
// whole document costs a fraction of a loop's instructions per character.
size_t FindCodePoint(std::u32string_view text, char32_t c, size_t from);

// FindText is text.find(word, from) and RFindText text.rfind(word): the
// same answers. The standard library's char32_t search compares the word
// at every position (a branch per character that a predictor cannot
// guess); these look for the word's first character with the vectorised
// search, or one comparison a position, and compare the rest only there.
size_t FindText(std::u32string_view text, std::u32string_view word,
                size_t from = 0);
size_t RFindText(std::u32string_view text, std::u32string_view word);

namespace utf8_internal {

// The decode takes runs of three-byte sequences (Han text) four at a time
// with SSSE3 where the processor has it, and one at a time otherwise; both
// paths give the same answer for every input. Tests turn the vector path
// off to compare them; nothing else should.
bool VectorDecodeAvailable();
void EnableVectorDecode(bool enabled);

}  // namespace utf8_internal

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_UTF8_H_
