#include "service/api/utf8_check.h"

#include <cstdint>
#include <cstring>

#include "service/core/utf8.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define REPORTFACTS_UTF8_CHECK_AVX2 1
#include <immintrin.h>
#endif

namespace reportfacts {
namespace {

#if defined(REPORTFACTS_UTF8_CHECK_AVX2)

// The error classes of the lookup algorithm: each table below gives, for
// one nibble of a pair of consecutive bytes, the classes that nibble
// allows; a class set in all three is an error in the pair.
constexpr uint8_t kTooShort = 1 << 0;      // a lead, then no continuation
constexpr uint8_t kTooLong = 1 << 1;       // ASCII, then a continuation
constexpr uint8_t kOverlong3 = 1 << 2;     // E0 80..9F
constexpr uint8_t kTooLarge = 1 << 3;      // F4 90.. and above
constexpr uint8_t kSurrogate = 1 << 4;     // ED A0..BF
constexpr uint8_t kOverlong2 = 1 << 5;     // C0, C1
constexpr uint8_t kTooLarge1000 = 1 << 6;  // F5.. 80..8F
constexpr uint8_t kOverlong4 = 1 << 6;     // F0 80..8F
constexpr uint8_t kTwoConts = 1 << 7;      // a continuation after one
// The classes of the first byte's low nibble that only its high nibble
// decides.
constexpr uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

// Table16 repeats a 16-byte lookup table in both lanes. The classes are
// bytes above 127 too, which _mm256_setr_epi8 takes as char: the casts say
// so (clang warns on the implicit conversion of such a constant).
template <typename... Bytes>
__attribute__((target("avx2"))) inline __m256i Table16(Bytes... bytes) {
  static_assert(sizeof...(Bytes) == 16, "a table has 16 entries");
  return _mm256_setr_epi8(static_cast<char>(bytes)...,
                          static_cast<char>(bytes)...);
}

__attribute__((target("avx2"))) inline __m256i HighNibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

// PreviousBytes(input, previous, n): each byte of `input` replaced by the
// one n places before it, across the block boundary into `previous`.
template <int kShift>
__attribute__((target("avx2"))) inline __m256i PreviousBytes(__m256i input,
                                                             __m256i previous) {
  const __m256i straddle = _mm256_permute2x128_si256(previous, input, 0x21);
  return _mm256_alignr_epi8(input, straddle, 16 - kShift);
}

// BlockErrors returns nonzero bytes where the 32 bytes of `input`, after
// `previous`, are not well formed.
__attribute__((target("avx2"))) inline __m256i BlockErrors(__m256i input,
                                                           __m256i previous) {
  const __m256i prev1 = PreviousBytes<1>(input, previous);
  const __m256i byte_1_high = _mm256_shuffle_epi8(
      Table16(
          // 0xxx: ASCII
          kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,
          kTooLong,
          // 10xx: a continuation
          kTwoConts, kTwoConts, kTwoConts, kTwoConts,
          // 1100, 1101: two-byte leads
          kTooShort | kOverlong2, kTooShort,
          // 1110: three-byte leads
          kTooShort | kOverlong3 | kSurrogate,
          // 1111: four-byte leads and bytes never used
          kTooShort | kTooLarge | kTooLarge1000 | kOverlong4),
      HighNibbles(prev1));
  const __m256i byte_1_low =
      _mm256_shuffle_epi8(Table16(
                              // ____0000
                              kCarry | kOverlong3 | kOverlong2 | kOverlong4,
                              // ____0001
                              kCarry | kOverlong2,
                              // ____001_
                              kCarry, kCarry,
                              // ____0100
                              kCarry | kTooLarge,
                              // ____0101, ____011_
                              kCarry | kTooLarge | kTooLarge1000,
                              kCarry | kTooLarge | kTooLarge1000,
                              kCarry | kTooLarge | kTooLarge1000,
                              // ____1___
                              kCarry | kTooLarge | kTooLarge1000,
                              kCarry | kTooLarge | kTooLarge1000,
                              kCarry | kTooLarge | kTooLarge1000,
                              kCarry | kTooLarge | kTooLarge1000,
                              kCarry | kTooLarge | kTooLarge1000,
                              // ____1101
                              kCarry | kTooLarge | kTooLarge1000 | kSurrogate,
                              kCarry | kTooLarge | kTooLarge1000,
                              kCarry | kTooLarge | kTooLarge1000),
                          _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
  const __m256i byte_2_high = _mm256_shuffle_epi8(
      Table16(
          // 0xxx: ASCII
          kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
          kTooShort, kTooShort,
          // 1000
          kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 |
              kOverlong4,
          // 1001
          kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,
          // 101x
          kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
          kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
          // 11xx: leads
          kTooShort, kTooShort, kTooShort, kTooShort),
      HighNibbles(input));
  const __m256i special =
      _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
  // The second continuation of a three- or four-byte sequence and the
  // third of a four-byte one: each must be a continuation, and one
  // that is must have such a lead; kTwoConts marks the continuations.
  const __m256i prev2 = PreviousBytes<2>(input, previous);
  const __m256i prev3 = PreviousBytes<3>(input, previous);
  const __m256i third_byte =
      _mm256_subs_epu8(prev2, _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m256i fourth_byte =
      _mm256_subs_epu8(prev3, _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m256i must_continue =
      _mm256_and_si256(_mm256_or_si256(third_byte, fourth_byte),
                       _mm256_set1_epi8(static_cast<char>(0x80)));
  return _mm256_xor_si256(must_continue, special);
}

__attribute__((target("avx2"))) bool IsValidUtf8Avx2(std::string_view bytes) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  __m256i previous = _mm256_setzero_si256();
  __m256i errors = _mm256_setzero_si256();
  size_t i = 0;
  for (; i + 32 <= size; i += 32) {
    const __m256i input =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    errors = _mm256_or_si256(errors, BlockErrors(input, previous));
    previous = input;
  }
  // The rest, padded with zeros: a sequence cut short at the end then
  // meets an ASCII byte where a continuation must come, which is an error.
  alignas(32) uint8_t tail[32] = {};
  std::memcpy(tail, p + i, size - i);
  const __m256i input =
      _mm256_load_si256(reinterpret_cast<const __m256i*>(tail));
  errors = _mm256_or_si256(errors, BlockErrors(input, previous));
  return _mm256_testz_si256(errors, errors) != 0;
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

#endif  // REPORTFACTS_UTF8_CHECK_AVX2

}  // namespace

namespace utf8_check_internal {
bool VectorCheckAvailable() {
#if defined(REPORTFACTS_UTF8_CHECK_AVX2)
  return HasAvx2();
#else
  return false;
#endif
}
}  // namespace utf8_check_internal

bool IsValidUtf8(std::string_view bytes) {
#if defined(REPORTFACTS_UTF8_CHECK_AVX2)
  if (HasAvx2()) return IsValidUtf8Avx2(bytes);
#endif
  return !FindInvalidUtf8(bytes).has_value();
}

std::optional<size_t> FindInvalidUtf8Fast(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return std::nullopt;
  return FindInvalidUtf8(bytes);
}

}  // namespace reportfacts
