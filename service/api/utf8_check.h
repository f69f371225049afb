// A fast yes/no UTF-8 check for the serving path: the client (is a file
// text or bytes for the server to convert?) and the server's request
// validation each look at every byte of a document once, and the core's
// FindInvalidUtf8 takes about seven instructions a byte of Chinese text.
// This one checks 32 bytes a step with AVX2 (the lookup algorithm of
// Keiser and Lemire, "Validating UTF-8 in less than one instruction per
// byte", 2021), well under one instruction a byte, and answers exactly as
// FindInvalidUtf8 does; without AVX2 it is FindInvalidUtf8.
//
//   if (std::optional<size_t> bad = FindInvalidUtf8Fast(text)) ... text[*bad]
#ifndef REPORTFACTS_SERVICE_API_UTF8_CHECK_H_
#define REPORTFACTS_SERVICE_API_UTF8_CHECK_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace reportfacts {

// IsValidUtf8 tells whether `bytes` is well-formed UTF-8, by the rules of
// FindInvalidUtf8 (no overlong forms, surrogates, values above U+10FFFF or
// truncated sequences).
bool IsValidUtf8(std::string_view bytes);

// FindInvalidUtf8Fast is FindInvalidUtf8: the offset of the first byte
// that does not start a well-formed sequence, or nullopt. Valid input,
// the common case, takes IsValidUtf8's speed; only invalid input is
// walked again to name the byte.
std::optional<size_t> FindInvalidUtf8Fast(std::string_view bytes);

namespace utf8_check_internal {
// Whether IsValidUtf8 uses its vector path on this machine (tests check
// both paths against FindInvalidUtf8).
bool VectorCheckAvailable();
}  // namespace utf8_check_internal

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_API_UTF8_CHECK_H_
