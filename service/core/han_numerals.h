// Years, months and days written in Chinese numerals, as formal reports
// print their dates: 二〇二四年一月十五日, 二零二三年十二月.
//
//   HanDigitValue(U'〇')                        // 0 (also 零 and ○)
//   ReadHanYear(U"二〇二三年工作报告", 0)        // {2023, end 5}
//   FindHanDates(U"——二〇二四年一月十五日在…")   // one: 2024, 1, 15
//
// A year is four numeral digits read one by one (二〇二四, never 两千零二十四),
// 1900..2099, then 年. A month is 一..十二 before 月, a day 一..三十一
// before 日 or 号, read as counts (十五, 二十一, 三十). Numbers written in
// Chinese characters are no metrics (GUIDE §2); only dates and report
// years read them. Whether a day exists in its month is the caller's check
// (IsValidDate in dates.h).
#ifndef REPORTFACTS_SERVICE_CORE_HAN_NUMERALS_H_
#define REPORTFACTS_SERVICE_CORE_HAN_NUMERALS_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace reportfacts {

// HanDigitValue is the value of a numeral digit (〇 零 ○ 一 二 三 四 五 六 七
// 八 九), else -1. ○ (U+25CB) stands for 〇 in much typed text.
constexpr int HanDigitValue(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'○':
      return 0;
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// HanYear is a year read at some position: its value and the end of its
// 年 (blanks between the digits and 年 allowed).
struct HanYear {
  int year = 0;
  size_t end = 0;
};

// ReadHanYear reads a four-digit numeral year and its 年 at text[i], or
// nullopt (also when a numeral digit stands right before i: 一二〇二四年
// is no year).
std::optional<HanYear> ReadHanYear(std::u32string_view text, size_t i);

// ReadHanCount reads a count of 1..99 written as 一, 十, 十五, 二十, 二十一 at
// text[i], at most `max`; sets *end. Digits read one by one (二四) are not
// a count.
std::optional<int> ReadHanCount(std::u32string_view text, size_t i, int max,
                                size_t* end);

// HanDate is a date written in numerals: a year, a month, a day (0 for
// none), and its span [begin, end).
struct HanDate {
  size_t begin = 0;
  size_t end = 0;
  int year = 0;
  int month = 0;
  int day = 0;
};

// FindHanDates returns every "<year>年<month>月[<day>日]" of `text` in
// order. A year alone (二〇二三年工作) is no date. Fast on text with none:
// it looks only where a 〇, 零 or ○ stands (every year 2000..2099 has one).
std::vector<HanDate> FindHanDates(std::u32string_view text);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_HAN_NUMERALS_H_
