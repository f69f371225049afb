#include "service/core/document.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "absl/strings/str_cat.h"
#include "service/core/chars.h"
#include "service/core/han_numerals.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// A hard-wrapped line (PDF text, narrow columns) breaks a word with one line
// break; a blank line between two runs of text ends a paragraph.
constexpr size_t kMaxWrapBreaks = 1;

// IsStopCandidate is true for every code point outside U+300E..U+FF00,
// where no sentence mark, line break, digit or enclosing mark is, other
// than the commas ， and 、 (nothing to Index, and the commonest marks of a
// text). Index looks at these only.
constexpr bool IsStopCandidate(char32_t c) {
  return (c <= 0x300D || c >= 0xFF01) && c != 0xFF0C && c != 0x3001;
}

// MarkStopCandidates sets bit k % 64 of bits[k / 64] for each k with
// IsStopCandidate(text[k]), and clears the others: one pass without a
// branch per code point, eight at a time with AVX2, four with SSE2. Code
// points fit in 31 bits, so signed compares are exact.
void MarkStopCandidatesScalar(const char32_t* text, size_t begin, size_t end,
                              uint64_t* bits) {
  for (size_t k = begin; k < end; ++k) {
    bits[k / 64] |= uint64_t{IsStopCandidate(text[k])} << (k % 64);
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) void MarkStopCandidatesAvx2(
    const char32_t* text, size_t size, uint64_t* bits) {
  const __m256i low = _mm256_set1_epi32(0x300D);
  const __m256i high = _mm256_set1_epi32(0xFF01);
  const __m256i comma = _mm256_set1_epi32(0xFF0C);
  const __m256i enumeration_comma = _mm256_set1_epi32(0x3001);
  size_t k = 0;
  for (; k + 64 <= size; k += 64) {
    uint64_t word = 0;
#pragma GCC unroll 8
    for (int part = 0; part < 8; ++part) {
      const __m256i v = _mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(text + k + 8 * part));
      const __m256i skipped = _mm256_or_si256(
          _mm256_and_si256(_mm256_cmpgt_epi32(v, low),
                           _mm256_cmpgt_epi32(high, v)),
          _mm256_or_si256(_mm256_cmpeq_epi32(v, comma),
                          _mm256_cmpeq_epi32(v, enumeration_comma)));
      const auto lanes = static_cast<uint64_t>(
          _mm256_movemask_ps(_mm256_castsi256_ps(skipped)));
      word |= (~lanes & 0xFF) << (8 * part);
    }
    bits[k / 64] = word;
  }
  MarkStopCandidatesScalar(text, k, size, bits);
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#endif

#if defined(__SSE2__)
void MarkStopCandidatesSse2(const char32_t* text, size_t size, uint64_t* bits) {
  const __m128i low = _mm_set1_epi32(0x300D);
  const __m128i high = _mm_set1_epi32(0xFF01);
  const __m128i comma = _mm_set1_epi32(0xFF0C);
  const __m128i enumeration_comma = _mm_set1_epi32(0x3001);
  size_t k = 0;
  for (; k + 64 <= size; k += 64) {
    uint64_t word = 0;
#pragma GCC unroll 16
    for (int part = 0; part < 16; ++part) {
      const __m128i v = _mm_loadu_si128(
          reinterpret_cast<const __m128i*>(text + k + 4 * part));
      const __m128i skipped = _mm_or_si128(
          _mm_and_si128(_mm_cmpgt_epi32(v, low), _mm_cmplt_epi32(v, high)),
          _mm_or_si128(_mm_cmpeq_epi32(v, comma),
                       _mm_cmpeq_epi32(v, enumeration_comma)));
      const auto lanes =
          static_cast<uint64_t>(_mm_movemask_ps(_mm_castsi128_ps(skipped)));
      word |= (~lanes & 0xF) << (4 * part);
    }
    bits[k / 64] = word;
  }
  MarkStopCandidatesScalar(text, k, size, bits);
}
#endif

void MarkStopCandidates(const char32_t* text, size_t size, uint64_t* bits) {
#if defined(__x86_64__) && defined(__GNUC__)
  if (HasAvx2()) return MarkStopCandidatesAvx2(text, size, bits);
#endif
#if defined(__SSE2__)
  MarkStopCandidatesSse2(text, size, bits);
#else
  MarkStopCandidatesScalar(text, 0, size, bits);
#endif
}

// KeepFrom is the mask of the bits of word `w` (code points 64w..64w+63)
// at or after code point `from`.
inline uint64_t KeepFrom(size_t w, size_t from) {
  const size_t low = w * 64;
  if (from <= low) return ~uint64_t{0};
  return from >= low + 64 ? 0 : ~uint64_t{0} << (from - low);
}

// What Index does at a character, one bit each (none for most marks).
enum IndexClass : uint8_t {
  kEnclosing = 1,  // IsEnclosingMark: its position is listed
  kNumber = 2,     // IsDigit: a number token may start here
  kBreak = 4,      // IsSentenceEnd or IsLineBreak: a sentence may end here
};

constexpr uint8_t ClassOf(char32_t c) {
  return (IsEnclosingMark(c) ? kEnclosing : 0) | (IsDigit(c) ? kNumber : 0) |
         (IsSentenceEnd(c) || IsLineBreak(c) ? kBreak : 0);
}

// kIndexClasses holds ClassOf for the four blocks of 128 code points that
// have a nonzero class (ASCII, U+2000.., U+3000.., U+FF00..), and a block of
// zeros for every other: one table read instead of a chain of comparisons,
// whose outcomes on the marks between Han characters the branch predictor
// cannot guess.
struct IndexClassTable {
  uint8_t block_of[0x10000 >> 7] = {};  // which row of `classes`
  uint8_t classes[5][128] = {};
  constexpr IndexClassTable() {
    constexpr char32_t kBlockStarts[4] = {0x0000, 0x2000, 0x3000, 0xFF00};
    for (int b = 0; b < 4; ++b) {
      block_of[kBlockStarts[b] >> 7] = static_cast<uint8_t>(b + 1);
      for (char32_t k = 0; k < 128; ++k) {
        classes[b + 1][k] = ClassOf(kBlockStarts[b] + k);
      }
    }
  }
  uint8_t operator[](char32_t c) const {
    const uint8_t block = c < 0x10000 ? block_of[c >> 7] : 0;
    return classes[block][c & 0x7F];
  }
};
constexpr IndexClassTable kIndexClasses;

// The table is right for every code point of the Basic Multilingual Plane
// (above it, no class has a member). Checked in slices: one loop over the
// whole plane passes clang's limit on constant evaluation steps.
constexpr bool IndexClassesAreExact(char32_t begin, char32_t end) {
  for (char32_t c = begin; c < end; ++c) {
    const uint8_t block = kIndexClasses.block_of[c >> 7];
    if (kIndexClasses.classes[block][c & 0x7F] != ClassOf(c)) return false;
  }
  return true;
}
// Index reads a break that is an enclosing mark as a line break and any
// other break as a sentence mark.
constexpr bool BreaksAreLineBreaksOrSentenceEnds(char32_t begin, char32_t end) {
  for (char32_t c = begin; c < end; ++c) {
    const uint8_t what = ClassOf(c);
    if (!(what & kBreak)) continue;
    if ((what & kEnclosing) ? !IsLineBreak(c) : !IsSentenceEnd(c)) return false;
  }
  return true;
}
static_assert(BreaksAreLineBreaksOrSentenceEnds(0x0000, 0x4000));
static_assert(BreaksAreLineBreaksOrSentenceEnds(0xE000, 0x10000));

// Every code point with a class is a stop candidate (classes are only in
// the four blocks of the table; below U+300E every code point but 、 is a
// candidate).
constexpr bool CandidatesCoverClasses(char32_t begin, char32_t end) {
  for (char32_t c = begin; c < end; ++c) {
    if (ClassOf(c) != 0 && !IsStopCandidate(c)) return false;
  }
  return true;
}
static_assert(CandidatesCoverClasses(0x2F00, 0x3100));
static_assert(CandidatesCoverClasses(0xFE00, 0x10000));

static_assert(IndexClassesAreExact(0x0000, 0x2000));
static_assert(IndexClassesAreExact(0x2000, 0x4000));
static_assert(IndexClassesAreExact(0x4000, 0x6000));
static_assert(IndexClassesAreExact(0x6000, 0x8000));
static_assert(IndexClassesAreExact(0x8000, 0xA000));
static_assert(IndexClassesAreExact(0xA000, 0xC000));
static_assert(IndexClassesAreExact(0xC000, 0xE000));
static_assert(IndexClassesAreExact(0xE000, 0x10000));

}  // namespace

bool IsSectionNumbered(std::u32string_view line) {
  size_t i = 0;
  const bool bracketed = !line.empty() && IsOpenBracket(line.front());
  if (bracketed) ++i;
  const size_t digits = i;
  const auto is_numeral = [](char32_t c) {
    return HanDigitValue(c) > 0 || c == U'十';  // 一 … 九十九
  };
  const bool han = i < line.size() && is_numeral(line[i]);
  while (i < line.size() && i - digits < 3 &&
         (han ? is_numeral(line[i]) : IsDigit(line[i]))) {
    ++i;
  }
  if (i == digits || i >= line.size()) return false;
  if (bracketed) return IsCloseBracket(line[i]);
  if (line[i] == U'、') return true;
  // "3．" or "3." before text, not a decimal ("2.5万").
  return !han && IsDecimalPoint(line[i]) &&
         (i + 1 >= line.size() || !IsDigit(line[i + 1]));
}

namespace {

// LineBreakEndsSentence is SentenceEndsAt for a line break text[i].
bool LineBreakEndsSentence(std::u32string_view text, size_t i) {
  size_t before = i;
  while (before > 0 && IsLineBreak(text[before - 1])) --before;
  size_t after = i;
  while (after < text.size() && IsLineBreak(text[after])) ++after;
  return after - before > kMaxWrapBreaks || !LineWrapsAt(text, before, after);
}

// A heading is rarely longer; a wrapped line of prose rarely shorter.
constexpr size_t kMinProseLine = 16;

// OpensLikeAHeading: a line that starts with a heading's number or mark
// (一、, （二）, 第三, 【, 一是).
bool OpensLikeAHeading(std::u32string_view line) {
  if (line.empty()) return false;
  const char32_t first = line[0];
  if (first == U'【' || first == U'（' || first == U'(' || first == U'第') {
    return true;
  }
  return IsSectionNumbered(line) ||
         (HanDigitValue(first) > 0 && line.size() > 1 && line[1] == U'是');
}

// A line that goes on from a wrapped one is prose even when short.
constexpr size_t kMinContinuedLine = 8;

// IsProseLine: the line ending at text[end) holds clause punctuation and is
// longer than a heading; or it does not open like a heading and is as long
// as a line of prose, or goes on from a line that wrapped in mid-sentence
// (ending in a character or digit, not a mark) and is longer than a label.
bool IsProseLine(std::u32string_view text, size_t end) {
  bool punctuated = false;
  size_t length = 0;
  size_t i = end;
  for (; i > 0 && !IsLineBreak(text[i - 1]); --i) {
    const char32_t c = text[i - 1];
    punctuated = punctuated || c == U'，' || c == U'；' || c == U'。';
    if (++length >= kMinProseLine && punctuated) return true;
  }
  if (length < kMinContinuedLine || OpensLikeAHeading(text.substr(i))) {
    return false;
  }
  // The first line of a paragraph, as long as a line of the page.
  if (length >= kMinProseLine) return true;
  if (i < 2 || !IsLineBreak(text[i - 1])) return false;
  // One line break only: a blank line parts paragraphs.
  const char32_t before = text[i - 2];
  if (!(IsCjk(before) || IsDigit(before))) return false;
  size_t previous = 0;
  for (size_t k = i - 1; k > 0 && !IsLineBreak(text[k - 1]); --k) {
    if (++previous >= kMinContinuedLine) return true;
  }
  return false;
}

}  // namespace

bool LineWrapsAt(std::u32string_view text, size_t before, size_t after) {
  if (before == 0 || after >= text.size()) return false;
  const char32_t last = text[before - 1];
  const char32_t next = text[after];
  if (IsCjk(last) && IsCjk(next)) return true;
  // A number or its unit across the break (立案\n198件, 198\n件) on a line of
  // prose: a heading before a number ends there.
  return ((IsCjk(last) && IsDigit(next)) || (IsDigit(last) && IsCjk(next))) &&
         IsProseLine(text, before);
}

bool SentenceEndsAt(std::u32string_view text, size_t i) {
  const char32_t c = text[i];
  if (c >= 0x3400 && IsCjk(c)) return false;  // most characters: one test
  if (IsSentenceEnd(c)) return true;
  if (!IsLineBreak(c)) return false;
  return LineBreakEndsSentence(text, i);
}

absl::StatusOr<Document> Document::FromUtf8(
    std::string_view utf8, const TraditionalConverter* converter) {
  Document doc;
  // The Traditional test rides on the decode: no second pass.
  bool traditional = false;
  if (auto bad = DecodeValidUtf8(
          utf8, &doc.code_points_,
          converter != nullptr ? converter->BasicPlaneMarks() : nullptr,
          &traditional)) {
    return absl::InvalidArgumentError(
        absl::StrCat("text is not valid UTF-8: bad byte at offset ", *bad));
  }
  if (traditional) {
    doc.conversion_ = converter->ToSimplified(utf8, doc.code_points_);
  }
  doc.Index();
  return doc;
}

Document Document::FromCodePoints(std::u32string text) {
  Document doc;
  doc.code_points_ = std::move(text);
  doc.Index();
  return doc;
}

std::u32string_view Document::text() const {
  if (conversion_) return conversion_->converted();
  return code_points_;
}

void Document::Index() {
  const std::u32string_view view = text();
  // One pass finds the sentences, the numeric tokens (TokenizeNumbers) and
  // the enclosing marks.
  size_t begin = 0;
  const char32_t* const chars = view.data();
  const size_t size = view.size();
  // Room for what a report of this genre holds (about one mark in 23 code
  // points, a sentence in 40, a number in 75), so that the lists rarely
  // grow: each growth copies the list.
  marks_.reserve(size / 16 + 4);
  sentences_.reserve(size / 32 + 2);
  numbers_.reserve(size / 64 + 2);
  // Every sentence mark, line break, digit and enclosing mark is a stop
  // candidate (most characters, Han, are not): one vector pass marks
  // them in a bit set, and the loop visits the set bits only, so a run of
  // Han costs no branch per character nor a restart of the vector test
  // after each mark. `next` is the first code point not yet read: the
  // bits before it (the rest of a number token, the closing marks of a
  // sentence) are cleared as the reading moves past them.
  const size_t words = (size + 63) / 64;
  std::vector<uint64_t> candidates(words);
  MarkStopCandidates(chars, size, candidates.data());
  size_t next = 0;
  for (size_t w = 0; w < words; ++w) {
    uint64_t bits = candidates[w] & KeepFrom(w, next);
    while (bits != 0) {
      const size_t i = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
      bits &= bits - 1;
      const uint8_t what = kIndexClasses[chars[i]];
      if (what == 0) continue;  // Latin letters, blanks, other marks
      if (what & kEnclosing) marks_.push_back(static_cast<uint32_t>(i));
      if (what & kNumber) {  // a digit is never a mark nor a break
        // Nor is anything else of a token (digits, separators, points):
        // the scan goes on after it.
        numbers_.push_back(ReadNumberTokenAt(view, i));
        next = numbers_.back().end;
        bits &= KeepFrom(w, next);
        continue;
      }
      // A break that is also an enclosing mark is a line break
      // (SentenceEndsAt without its tests of what the character is).
      if (!(what & kBreak)) continue;
      if ((what & kEnclosing) && !LineBreakEndsSentence(view, i)) continue;
      // Closing quotes and brackets after the mark belong to the sentence.
      // So do the line breaks of a blank-line run.
      size_t end = i + 1;
      while (end < view.size() &&
             (IsCloseQuote(view[end]) || IsCloseBracket(view[end]) ||
              (IsLineBreak(view[i]) && IsLineBreak(view[end])))) {
        if (IsEnclosingMark(view[end])) {
          marks_.push_back(static_cast<uint32_t>(end));
        }
        ++end;
      }
      sentences_.push_back({begin, end});
      begin = end;
      next = end;
      bits &= KeepFrom(w, next);
    }
  }
  if (begin < view.size() || sentences_.empty()) {
    sentences_.push_back({begin, view.size()});
  }
  FlagNumbersWrappedAcrossLines(view, &numbers_);
  // The lines (as SplitLines): every '\n' is an enclosing mark, so the
  // list of marks has them all. They are picked out without a branch on
  // the kind of mark.
  std::vector<uint32_t> breaks(marks_.size());
  size_t break_count = 0;
  for (const uint32_t at : marks_) {
    breaks[break_count] = at;
    break_count += chars[at] == U'\n';
  }
  lines_.reserve(break_count + 1);
  size_t line_begin = 0;
  for (size_t k = 0; k < break_count; ++k) {
    lines_.push_back(LineAt(view, line_begin, breaks[k]));
    line_begin = breaks[k] + 1;
  }
  lines_.push_back(LineAt(view, line_begin, size));
}

TextSpan Document::SentenceAt(size_t offset) const {
  auto it =
      std::upper_bound(sentences_.begin(), sentences_.end(), offset,
                       [](size_t o, const TextSpan& s) { return o < s.end; });
  if (it == sentences_.end()) return sentences_.back();
  return *it;
}

void Document::MapBack(Extraction* facts) const {
  if (conversion_) conversion_->MapBack(facts);
}

}  // namespace reportfacts
