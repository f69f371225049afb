#include "service/core/utf8.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <cwchar>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#define REPORTFACTS_UTF8_AVX2 1
#include <immintrin.h>
#endif

namespace reportfacts {
namespace {

// DecodeOne reads one well-formed sequence at `pos`. It returns its length
// in bytes and stores the code point, or returns 0 when the sequence is
// ill-formed (following the table of well-formed sequences in Unicode 15,
// section 3.9, so surrogates and overlong forms are rejected). Three-byte
// sequences (all of CJK) are tested first: they are most of a report.
inline size_t DecodeOne(std::string_view s, size_t pos, char32_t* cp) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data()) + pos;
  const size_t left = s.size() - pos;
  const uint8_t b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  const auto is_cont = [](uint8_t b) { return (b & 0xC0) == 0x80; };
  if ((b0 & 0xF0) == 0xE0) {
    if (left < 3 || !is_cont(p[1]) || !is_cont(p[2])) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (b0 == 0xED && p[1] > 0x9F) return 0;  // surrogate
    *cp = ((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || !is_cont(p[1])) return 0;
    *cp = ((b0 & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || !is_cont(p[1]) || !is_cont(p[2]) || !is_cont(p[3])) {
      return 0;
    }
    if (b0 == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && p[1] > 0x8F) return 0;  // beyond U+10FFFF
    *cp = ((b0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
          (p[3] & 0x3F);
    return 4;
  }
  return 0;
}

// CountContinuationBytes counts the bytes 10xxxxxx. With SSE2 (every
// x86-64) sixteen bytes take three instructions: as signed bytes the
// continuation bytes are exactly those below -64, each compare gives -1
// per hit, the byte lanes are summed for up to 255 blocks and then folded
// with a sum of absolute differences. Elsewhere eight bytes at a time: a
// byte is one when its top bit is set and the next bit is clear, and the
// multiply adds the eight 0/1 flags into the top byte.
size_t CountContinuationBytes(std::string_view bytes) {
  const size_t size = bytes.size();
  size_t count = 0, i = 0;
#if defined(__SSE2__)
  const __m128i below = _mm_set1_epi8(-64);
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= size) {
    __m128i lanes = zero;  // per byte lane, minus the hits of this round
    const size_t round_end = std::min(size - 15, i + 255 * 16);
    for (; i < round_end; i += 16) {
      const __m128i v =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i));
      lanes = _mm_add_epi8(lanes, _mm_cmplt_epi8(v, below));
    }
    const __m128i sums = _mm_sad_epu8(_mm_sub_epi8(zero, lanes), zero);
    count += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#else
  constexpr uint64_t kTopBits = 0x8080808080808080ULL;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, sizeof(word));
    const uint64_t flags = (word & ~(word << 1) & kTopBits) >> 7;
    count += static_cast<size_t>((flags * 0x0101010101010101ULL) >> 56);
  }
#endif
  for (; i < size; ++i) {
    count += (static_cast<uint8_t>(bytes[i]) & 0xC0) == 0x80;
  }
  return count;
}

// LoadLittleEndian64 reads 8 bytes, the first in the low bits.
inline uint64_t LoadLittleEndian64(const uint8_t* p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t w;
  std::memcpy(&w, p, sizeof(w));
  return w;
#else
  uint64_t w = 0;
  for (int k = 7; k >= 0; --k) w = (w << 8) | p[k];
  return w;
#endif
}

// IsCommonThreeByte: the low three bytes of `w` are a lead 1110xxxx other
// than E0 and ED and two continuation bytes (always well-formed).
inline bool IsCommonThreeByte(uint64_t w) {
  return (w & 0xC0C0F0u) == 0x8080E0u && ((0x2001u >> (w & 0x0F)) & 1) == 0;
}

// kCommonThreeByteLead marks the leads E1..EC and EE..EF: with two
// continuation bytes after them the sequence is always well-formed.
constexpr struct LeadTable {
  bool marks[256] = {};
  constexpr LeadTable() {
    for (int b = 0xE1; b <= 0xEF; ++b) marks[b] = b != 0xED;
  }
  constexpr bool operator[](uint8_t b) const { return marks[b]; }
} kCommonThreeByteLead;

#if defined(REPORTFACTS_UTF8_AVX2)

// GoodLanes is 0xFF in each byte lane of `v` that fits the pattern of
// four common three-byte sequences (a lead E1..EC or EE..EF, then two
// continuation bytes) in the first twelve bytes of each 128-bit half, 0
// elsewhere; lanes 12..15 of each half are not tested.
__attribute__((target("avx2"))) inline __m256i GoodLanes(__m256i v) {
  const __m128i mask128 = _mm_setr_epi8(-16, -64, -64, -16, -64, -64, -16, -64,
                                        -64, -16, -64, -64, 0, 0, 0, 0);
  const __m128i pattern128 =
      _mm_setr_epi8(-32, -128, -128, -32, -128, -128, -32, -128, -128, -32,
                    -128, -128, 0, 0, 0, 0);
  const __m256i shaped = _mm256_cmpeq_epi8(
      _mm256_and_si256(v, _mm256_broadcastsi128_si256(mask128)),
      _mm256_broadcastsi128_si256(pattern128));
  const __m256i excluded = _mm256_or_si256(
      _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(0xE0))),
      _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(0xED))));
  return _mm256_andnot_si256(excluded, shaped);
}

// SpreadCodePoints decodes the four three-byte sequences of the first
// twelve bytes of each half of `v` into eight 32-bit lanes.
__attribute__((target("avx2"))) inline __m256i SpreadCodePoints(__m256i v) {
  // Lane k: the third, second and first byte of sequence k, then zero.
  const __m128i spread =
      _mm_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
  const __m256i t = _mm256_shuffle_epi8(v, _mm256_broadcastsi128_si256(spread));
  const __m256i low6 = _mm256_and_si256(t, _mm256_set1_epi32(0x3F));
  const __m256i mid6 =
      _mm256_srli_epi32(_mm256_and_si256(t, _mm256_set1_epi32(0x3F00)), 2);
  const __m256i high4 =
      _mm256_srli_epi32(_mm256_and_si256(t, _mm256_set1_epi32(0x0F0000)), 4);
  return _mm256_or_si256(_mm256_or_si256(low6, mid6), high4);
}

// AnyMarked ORs the marks of the eight code points at `cp`.
inline uint8_t AnyMarked(const uint8_t* marks, const char32_t* cp) {
  return marks[cp[0]] | marks[cp[1]] | marks[cp[2]] | marks[cp[3]] |
         marks[cp[4]] | marks[cp[5]] | marks[cp[6]] | marks[cp[7]];
}

// kKeepLanes + 8 - n, read as eight 32-bit lanes, is all ones in the
// first n lanes and zero in the others.
constexpr int32_t kKeepLanes[16] = {-1, -1, -1, -1, -1, -1, -1, -1,
                                    0,  0,  0,  0,  0,  0,  0,  0};

// DecodeThreeByteRunAvx2 decodes the run of common three-byte sequences
// (as kCommonThreeByteLead) at `p`, eight per step: the twelve bytes at p
// and the twelve after them, one in each half of a vector, are tested at
// once against the lead and continuation patterns, and a byte shuffle lays
// each sequence out in its own 32-bit lane. It stops before the first
// sequence of another form or at `limit` (which must leave 28 bytes to
// read), and leaves `p` where it was when the first sequence is not one of
// the run. Each step writes eight lanes at `out` but keeps only the
// sequences read: the caller leaves room for eight.
template <bool kMarks>
__attribute__((target("avx2"), always_inline)) inline void
DecodeThreeByteRunAvx2(const uint8_t*& p, const uint8_t* limit, char32_t*& out,
                       const uint8_t* marks, uint8_t& any) {
  while (p < limit) {
    const __m256i v =
        _mm256_loadu2_m128i(reinterpret_cast<const __m128i*>(p + 12),
                            reinterpret_cast<const __m128i*>(p));
    const unsigned good =
        static_cast<unsigned>(_mm256_movemask_epi8(GoodLanes(v)));
    const __m256i cp = SpreadCodePoints(v);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out), cp);
    if ((good & 0x0FFF0FFFu) == 0x0FFF0FFFu) {
      if constexpr (kMarks) any |= AnyMarked(marks, out);
      out += 8;
      p += 24;
      continue;
    }
    // The sequences before the first byte out of pattern are whole.
    const unsigned tested = (good & 0xFFF) | ((good >> 4) & 0xFFF000);
    const unsigned whole = static_cast<unsigned>(__builtin_ctz(~tested)) / 3;
    if (whole == 0) return;
    if constexpr (kMarks) {
      // The lanes past the whole sequences take the first code point, so
      // that all eight are looked up without a branch per lane.
      const __m256i keep = _mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(kKeepLanes + 8 - whole));
      const __m256i first = _mm256_broadcastd_epi32(_mm256_castsi256_si128(cp));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(out),
                          _mm256_blendv_epi8(first, cp, keep));
      any |= AnyMarked(marks, out);
    }
    out += whole;
    p += 3 * whole;
    return;
  }
}

// CountContinuationBytesAvx2 is CountContinuationBytes 32 bytes a step.
__attribute__((target("avx2"))) size_t CountContinuationBytesAvx2(
    std::string_view bytes) {
  const size_t size = bytes.size();
  size_t count = 0, i = 0;
  const __m256i below = _mm256_set1_epi8(-64);
  const __m256i zero = _mm256_setzero_si256();
  while (i + 32 <= size) {
    __m256i lanes = zero;  // per byte lane, minus the hits of this round
    const size_t round_end = std::min(size - 31, i + 255 * 32);
    for (; i < round_end; i += 32) {
      const __m256i v = _mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(bytes.data() + i));
      lanes = _mm256_add_epi8(lanes, _mm256_cmpgt_epi8(below, v));
    }
    const __m256i sums = _mm256_sad_epu8(_mm256_sub_epi8(zero, lanes), zero);
    count += static_cast<size_t>(_mm256_extract_epi64(sums, 0)) +
             static_cast<size_t>(_mm256_extract_epi64(sums, 1)) +
             static_cast<size_t>(_mm256_extract_epi64(sums, 2)) +
             static_cast<size_t>(_mm256_extract_epi64(sums, 3));
  }
  return count + CountContinuationBytes(bytes.substr(i));
}

// HasAvx2 is read once: most x86-64 servers have it, but the baseline does
// not promise it.
bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#endif

}  // namespace

namespace utf8_internal {
namespace {
std::atomic<bool> vector_decode_enabled{true};
}  // namespace

bool VectorDecodeAvailable() {
#if defined(REPORTFACTS_UTF8_AVX2)
  return HasAvx2();
#else
  return false;
#endif
}

void EnableVectorDecode(bool enabled) { vector_decode_enabled = enabled; }

}  // namespace utf8_internal

std::optional<size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* in = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  size_t pos = 0;
  char32_t cp;
  // The fast paths of DecodeValidUtf8: eight ASCII bytes or a common
  // three-byte sequence per step while eight bytes remain.
  while (pos + 8 <= size) {
    const uint64_t w = LoadLittleEndian64(in + pos);
    if ((w & 0x8080808080808080ull) == 0) {
      pos += 8;
    } else if ((w & 0x80) == 0) {
      ++pos;
    } else if (IsCommonThreeByte(w)) {
      pos += 3;
    } else {
      const size_t len = DecodeOne(bytes, pos, &cp);
      if (len == 0) return pos;
      pos += len;
    }
  }
  while (pos < size) {
    const size_t len = DecodeOne(bytes, pos, &cp);
    if (len == 0) return pos;
    pos += len;
  }
  return std::nullopt;
}

std::u32string DecodeUtf8(std::string_view bytes) {
  // Every sequence yields one code point, so bytes.size() is an upper bound.
  std::u32string out(bytes.size(), U'\0');
  size_t pos = 0, n = 0;
  while (pos < bytes.size()) {
    char32_t cp;
    const size_t len = DecodeOne(bytes, pos, &cp);
    if (len == 0) {
      out[n++] = U'\uFFFD';
      ++pos;
    } else {
      out[n++] = cp;
      pos += len;
    }
  }
  out.resize(n);
  return out;
}

namespace {

// FastStep decodes the sequence at `p` (eight ASCII bytes at once in a
// run) and moves `p` and `out` past it, or returns false at an ill-formed
// sequence. `p` must be eight bytes before the end. The common cases come
// first: a Han character (a lead E1..EF other than ED, which leaves out the
// overlong E0 80..9F and surrogate ED A0..BF ranges, and two continuation
// bytes), then ASCII. Every other form takes DecodeOne.
template <bool kMarks>
inline bool FastStep(std::string_view bytes, const uint8_t*& p, char32_t*& out,
                     const uint8_t* marks, uint8_t& any) {
  const uint8_t b0 = p[0];
  if (kCommonThreeByteLead[b0] &&
      (((p[1] ^ 0x80) | (p[2] ^ 0x80)) & 0xC0) == 0) {
    // The lead and continuation marks are known: subtracting them at
    // once leaves the payload bits.
    const auto cp =
        static_cast<char32_t>((b0 << 12) + (p[1] << 6) + p[2] - 0xE2080);
    if constexpr (kMarks) any |= marks[cp];
    *out++ = cp;
    p += 3;
    return true;
  }
  if (b0 < 0x80) {
    // The run of ASCII among the next eight bytes, without a branch on its
    // length: all eight are widened, and only the run is kept.
    const uint64_t w = LoadLittleEndian64(p);
    const uint64_t high = w & 0x8080808080808080ull;
    const size_t run =
        high == 0 ? 8 : static_cast<size_t>(__builtin_ctzll(high)) / 8;
    for (int k = 0; k < 8; ++k) out[k] = (w >> (8 * k)) & 0xFF;
    out += run;
    p += run;
    return true;
  }
  const auto* const begin = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t len = DecodeOne(bytes, static_cast<size_t>(p - begin), out);
  if (len == 0) return false;
  if constexpr (kMarks) any |= len == 3 ? marks[*out] : 0;
  ++out;
  p += len;
  return true;
}

// FastSteps runs FastStep up to `fast_end`; false at an ill-formed
// sequence, with `*p_ptr` at it.
template <bool kMarks>
bool FastSteps(std::string_view bytes, const uint8_t* fast_end,
               const uint8_t** p_ptr, char32_t** out_ptr, const uint8_t* marks,
               uint8_t* any_ptr) {
  const uint8_t* p = *p_ptr;
  char32_t* out = *out_ptr;
  uint8_t any = *any_ptr;
  bool ok = true;
  while (p < fast_end && (ok = FastStep<kMarks>(bytes, p, out, marks, any))) {
  }
  *p_ptr = p;
  *out_ptr = out;
  *any_ptr = any;
  return ok;
}

#if defined(REPORTFACTS_UTF8_AVX2)
// FastStepsAvx2 is FastSteps with the runs of Han taken eight at a time.
template <bool kMarks>
__attribute__((target("avx2"))) bool FastStepsAvx2(
    std::string_view bytes, const uint8_t* fast_end, const uint8_t** p_ptr,
    char32_t** out_ptr, const uint8_t* marks, uint8_t* any_ptr) {
  const uint8_t* p = *p_ptr;
  char32_t* out = *out_ptr;
  uint8_t any = *any_ptr;
  const uint8_t* const end =
      reinterpret_cast<const uint8_t*>(bytes.data()) + bytes.size();
  // The vector steps read 28 bytes.
  const uint8_t* const limit = end - p >= 28 ? std::min(fast_end, end - 27) : p;
  bool ok = true;
  while (p < fast_end) {
    if (p < limit && kCommonThreeByteLead[p[0]]) {
      const uint8_t* const run_begin = p;
      DecodeThreeByteRunAvx2<kMarks>(p, limit, out, marks, any);
      if (p != run_begin) continue;
    }
    if (!(ok = FastStep<kMarks>(bytes, p, out, marks, any))) break;
  }
  *p_ptr = p;
  *out_ptr = out;
  *any_ptr = any;
  return ok;
}
#endif

// Decode is DecodeValidUtf8; with kMarks it also ORs the marks of the
// three-byte code points into `*marked`.
template <bool kMarks>
std::optional<size_t> Decode(std::string_view bytes,
                             std::u32string* code_points, const uint8_t* marks,
                             bool* marked) {
  uint8_t any = 0;
#if defined(REPORTFACTS_UTF8_AVX2)
  const bool vector =
      utf8_internal::vector_decode_enabled.load(std::memory_order_relaxed) &&
      HasAvx2();
#endif
  const auto* const begin = reinterpret_cast<const uint8_t*>(bytes.data());
  const uint8_t* const end = begin + bytes.size();
  // Every code point has exactly one byte that is not a continuation byte,
  // so counting those sizes the buffer exactly: a quarter of what sizing
  // by bytes would take for Chinese text, which matters for large documents
  // (fresh pages cost more than this pass). The code points are decoded
  // into a small buffer on the stack and appended a block at a time, so
  // that the string is never filled with zeros first.
  code_points->clear();
#if defined(REPORTFACTS_UTF8_AVX2)
  code_points->reserve(bytes.size() - (vector
                                           ? CountContinuationBytesAvx2(bytes)
                                           : CountContinuationBytes(bytes)));
#else
  code_points->reserve(bytes.size() - CountContinuationBytes(bytes));
#endif
  constexpr size_t kBlock = 1024;
  char32_t block[kBlock];
  const uint8_t* p = begin;
  while (p < end) {
    char32_t* out = block;
    // No step writes more code points than it reads bytes, nor more than
    // eight: stopping the fast steps kBlock - 8 bytes on keeps the block
    // from overflowing, and eight bytes before the end saves every bounds
    // check inside them.
    const bool last_block = end - p < static_cast<std::ptrdiff_t>(kBlock);
    const uint8_t* const fast_end =
        !last_block ? p + (kBlock - 8) : (end - p >= 8 ? end - 8 : p);
#if defined(REPORTFACTS_UTF8_AVX2)
    const bool fast_ok =
        vector ? FastStepsAvx2<kMarks>(bytes, fast_end, &p, &out, marks, &any)
               : FastSteps<kMarks>(bytes, fast_end, &p, &out, marks, &any);
#else
    const bool fast_ok =
        FastSteps<kMarks>(bytes, fast_end, &p, &out, marks, &any);
#endif
    if (!fast_ok) return static_cast<size_t>(p - begin);
    // The last bytes of the text, one sequence at a time (fewer than
    // kBlock bytes in all in this block, so fewer code points).
    while (last_block && p < end) {
      const size_t len = DecodeOne(bytes, static_cast<size_t>(p - begin), out);
      if (len == 0) return static_cast<size_t>(p - begin);
      if constexpr (kMarks) any |= len == 3 ? marks[*out] : 0;
      ++out;
      p += len;
    }
    code_points->append(block, static_cast<size_t>(out - block));
  }
  if constexpr (kMarks) *marked = any != 0;
  return std::nullopt;
}

}  // namespace

std::optional<size_t> DecodeValidUtf8(std::string_view bytes,
                                      std::u32string* code_points) {
  return Decode<false>(bytes, code_points, nullptr, nullptr);
}

std::optional<size_t> DecodeValidUtf8(std::string_view bytes,
                                      std::u32string* code_points,
                                      const uint8_t* marks, bool* marked) {
  if (marks == nullptr) {
    *marked = false;
    return Decode<false>(bytes, code_points, nullptr, nullptr);
  }
  return Decode<true>(bytes, code_points, marks, marked);
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t FindCodePoint(std::u32string_view text, char32_t c, size_t from) {
  if (from >= text.size()) return text.size();
  if constexpr (sizeof(wchar_t) == sizeof(char32_t)) {
    const auto* begin = reinterpret_cast<const wchar_t*>(text.data());
    const wchar_t* hit =
        std::wmemchr(begin + from, static_cast<wchar_t>(c), text.size() - from);
    return hit == nullptr ? text.size() : static_cast<size_t>(hit - begin);
  } else {
    while (from < text.size() && text[from] != c) ++from;
    return from;
  }
}

size_t FindText(std::u32string_view text, std::u32string_view word,
                size_t from) {
  const size_t n = word.size();
  if (n == 0) return from <= text.size() ? from : std::u32string_view::npos;
  if (from >= text.size() || text.size() - from < n) {
    return std::u32string_view::npos;
  }
  // Only starts up to `last` leave room for the word.
  const std::u32string_view starts = text.substr(0, text.size() - n + 1);
  for (size_t at = from;; ++at) {
    at = FindCodePoint(starts, word[0], at);
    if (at == starts.size()) return std::u32string_view::npos;
    if (text.compare(at + 1, n - 1, word.substr(1)) == 0) return at;
  }
}

size_t RFindText(std::u32string_view text, std::u32string_view word) {
  const size_t n = word.size();
  if (n > text.size()) return std::u32string_view::npos;
  if (n == 0) return text.size();
  for (size_t at = text.size() - n + 1; at-- > 0;) {
    if (text[at] == word[0] &&
        text.compare(at + 1, n - 1, word.substr(1)) == 0) {
      return at;
    }
  }
  return std::u32string_view::npos;
}

namespace {

// EncodeInto writes the UTF-8 of `code_points` at `p` (room for four bytes
// each) and returns the end.
char* EncodeInto(std::u32string_view code_points, char* p) {
  for (char32_t cp : code_points) {
    if (cp < 0x80) {
      *p++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
      *p++ = static_cast<char>(0xC0 | (cp >> 6));
      *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *p++ = static_cast<char>(0xE0 | (cp >> 12));
      *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *p++ = static_cast<char>(0xF0 | (cp >> 18));
      *p++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return p;
}

}  // namespace

std::string EncodeUtf8(std::u32string_view code_points) {
  // Most strings are a fact's few words: encoded once into a buffer on the
  // stack, then copied into the string at their exact size. A longer text
  // is sized first and written in place (a push_back per byte costs more
  // than the encoding).
  constexpr size_t kShort = 64;
  if (code_points.size() <= kShort) {
    char buffer[4 * kShort];
    const char* const end = EncodeInto(code_points, buffer);
    return std::string(buffer, static_cast<size_t>(end - buffer));
  }
  size_t size = 0;
  for (char32_t cp : code_points) {
    size += 1 + (cp >= 0x80) + (cp >= 0x800) + (cp >= 0x10000);
  }
  std::string out(size, '\0');
  EncodeInto(code_points, out.data());
  return out;
}

}  // namespace reportfacts
