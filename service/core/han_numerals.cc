#include "service/core/han_numerals.h"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "service/core/chars.h"

namespace reportfacts {
namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2099;
constexpr size_t kYearDigits = 4;

bool IsZeroDigit(char32_t c) { return c == U'〇' || c == U'零' || c == U'○'; }

size_t SkipBlanks(std::u32string_view text, size_t i) {
  while (i < text.size() && IsBlank(text[i])) ++i;
  return i;
}

// NextZeroDigit is the first position at or after `i` that holds a zero
// digit, or text.size(). Zeros are rare: four code points a step are
// compared with all three forms where SSE2 is there (every x86-64).
size_t NextZeroDigit(std::u32string_view text, size_t i) {
#if defined(__SSE2__)
  const __m128i ring = _mm_set1_epi32(static_cast<int>(U'〇'));
  const __m128i ling = _mm_set1_epi32(static_cast<int>(U'零'));
  const __m128i circle = _mm_set1_epi32(static_cast<int>(U'○'));
  for (; i + 4 <= text.size(); i += 4) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i zeros = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi32(v, ring), _mm_cmpeq_epi32(v, ling)),
        _mm_cmpeq_epi32(v, circle));
    if (const int hits = _mm_movemask_epi8(zeros); hits != 0) {
      return i +
             static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(hits))) /
                 4;
    }
  }
#endif
  while (i < text.size() && !IsZeroDigit(text[i])) ++i;
  return i;
}

}  // namespace

std::optional<HanYear> ReadHanYear(std::u32string_view text, size_t i) {
  if (i > 0 && HanDigitValue(text[i - 1]) >= 0) return std::nullopt;
  if (i + kYearDigits > text.size()) return std::nullopt;
  int year = 0;
  for (size_t k = 0; k < kYearDigits; ++k) {
    const int digit = HanDigitValue(text[i + k]);
    if (digit < 0) return std::nullopt;
    year = year * 10 + digit;
  }
  if (year < kFirstYear || year > kLastYear) return std::nullopt;
  const size_t mark = SkipBlanks(text, i + kYearDigits);
  if (mark >= text.size() || text[mark] != U'年') return std::nullopt;
  return HanYear{year, mark + 1};
}

std::optional<int> ReadHanCount(std::u32string_view text, size_t i, int max,
                                size_t* end) {
  if (i >= text.size()) return std::nullopt;
  int value = 0;
  size_t j = i;
  const int lead = HanDigitValue(text[j]);
  if (lead > 0 && j + 1 < text.size() && text[j + 1] == U'十') {
    value = lead * 10;  // 二十, 三十一
    j += 2;
  } else if (text[j] == U'十') {
    value = 10;  // 十, 十五
    ++j;
  } else if (lead > 0) {
    value = lead;  // 一..九
    ++j;
    if (j < text.size() && HanDigitValue(text[j]) >= 0) return std::nullopt;
    *end = j;
    return value <= max ? std::optional<int>(value) : std::nullopt;
  } else {
    return std::nullopt;
  }
  if (j < text.size()) {
    if (const int unit = HanDigitValue(text[j]); unit > 0) {
      value += unit;
      ++j;
    }
  }
  if (j < text.size() && (HanDigitValue(text[j]) >= 0 || text[j] == U'十')) {
    return std::nullopt;
  }
  if (value > max) return std::nullopt;
  *end = j;
  return value;
}

std::vector<HanDate> FindHanDates(std::u32string_view text) {
  std::vector<HanDate> dates;
  size_t done = 0;  // no date starts before this
  for (size_t zero = NextZeroDigit(text, 0); zero < text.size();
       zero = NextZeroDigit(text, zero + 1)) {
    // The zero is one of the year's four digits: try each start.
    const size_t first = zero >= kYearDigits - 1 ? zero - (kYearDigits - 1) : 0;
    for (size_t begin = std::max(first, done); begin <= zero; ++begin) {
      const std::optional<HanYear> year = ReadHanYear(text, begin);
      if (!year) continue;
      size_t end = SkipBlanks(text, year->end);
      size_t after = 0;
      const std::optional<int> month = ReadHanCount(text, end, 12, &after);
      if (!month || after >= text.size() || text[after] != U'月') break;
      HanDate date{begin, after + 1, year->year, *month, 0};
      end = SkipBlanks(text, date.end);
      if (const std::optional<int> day = ReadHanCount(text, end, 31, &after);
          day && after < text.size() &&
          (text[after] == U'日' || text[after] == U'号')) {
        date.day = *day;
        date.end = after + 1;
      }
      dates.push_back(date);
      done = date.end;
      zero = date.end - 1;
      break;
    }
  }
  return dates;
}

}  // namespace reportfacts
