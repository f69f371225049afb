// han_numerals: years, months and days written in Chinese numerals, each
// form with the texts it must read and the ones it must leave.
#include "service/core/han_numerals.h"

#include <string>

#include "gtest/gtest.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

TEST(HanYearTest, FourNumeralDigitsBeforeNian) {
  const struct {
    std::u32string_view text;
    int year;
    size_t end;
  } kPositive[] = {
      {U"二〇二四年", 2024, 5}, {U"二零二三年度", 2023, 5},
      {U"二○二二年", 2022, 5},  // U+25CB for 〇
      {U"一九九八年", 1998, 5}, {U"二〇二五 年", 2025, 6},
  };
  for (const auto& c : kPositive) {
    const std::optional<HanYear> year = ReadHanYear(c.text, 0);
    ASSERT_TRUE(year.has_value()) << EncodeUtf8(c.text);
    EXPECT_EQ(year->year, c.year) << EncodeUtf8(c.text);
    EXPECT_EQ(year->end, c.end) << EncodeUtf8(c.text);
  }
}

TEST(HanYearTest, CountsThreeDigitsAndOutOfRangeAreNot) {
  for (std::u32string_view text : {
           U"两千零二十四年",  // a count, not digit by digit
           U"二〇二四",        // no 年
           U"二〇二年",        // three digits
           U"一二三四年",      // 1234: no report year
           U"三十年来",
       }) {
    EXPECT_FALSE(ReadHanYear(text, 0).has_value()) << EncodeUtf8(text);
  }
  // A word before the year is fine; a fifth numeral digit is not.
  EXPECT_TRUE(ReadHanYear(U"自二〇二四年", 1).has_value());
  EXPECT_FALSE(ReadHanYear(U"一二〇二四年", 1).has_value());
}

TEST(HanCountTest, MonthAndDayCounts) {
  const struct {
    std::u32string_view text;
    int value;
  } kPositive[] = {{U"一月", 1},    {U"九日", 9},     {U"十月", 10},
                   {U"十二月", 12}, {U"二十日", 20},  {U"二十一日", 21},
                   {U"三十日", 30}, {U"三十一日", 31}};
  for (const auto& c : kPositive) {
    size_t end = 0;
    EXPECT_EQ(ReadHanCount(c.text, 0, 31, &end), c.value) << EncodeUtf8(c.text);
    EXPECT_EQ(end, c.text.size() - 1) << EncodeUtf8(c.text);
  }
  size_t end = 0;
  EXPECT_FALSE(ReadHanCount(U"十三月", 0, 12, &end).has_value());  // over max
  EXPECT_FALSE(ReadHanCount(U"二四日", 0, 31, &end).has_value());  // digits
  EXPECT_FALSE(ReadHanCount(U"〇日", 0, 31, &end).has_value());
  EXPECT_FALSE(ReadHanCount(U"月", 0, 31, &end).has_value());
}

std::string Dates(std::u32string_view text) {
  std::string out;
  for (const HanDate& d : FindHanDates(text)) {
    out += EncodeUtf8(text.substr(d.begin, d.end - d.begin)) + "=" +
           std::to_string(d.year) + "-" + std::to_string(d.month) + "-" +
           std::to_string(d.day) + ";";
  }
  return out;
}

TEST(FindHanDatesTest, YearMonthAndDay) {
  EXPECT_EQ(Dates(U"——二〇二四年一月十五日在全体会议上"),
            "二〇二四年一月十五日=2024-1-15;");
  EXPECT_EQ(Dates(U"二零二三年十二月"), "二零二三年十二月=2023-12-0;");
  EXPECT_EQ(Dates(U"于二○二二年三月二十八号召开"),
            "二○二二年三月二十八号=2022-3-28;");
  EXPECT_EQ(Dates(U"二〇二三年一月三日至二〇二三年一月五日"),
            "二〇二三年一月三日=2023-1-3;二〇二三年一月五日=2023-1-5;");
}

// The search for zero digits goes four code points a step: a date is found
// whatever the offset of its zero in a step, and at the very end.
TEST(FindHanDatesTest, FoundAtEveryOffset) {
  for (size_t pad = 0; pad < 9; ++pad) {
    const std::u32string text =
        std::u32string(pad, U'会') + U"二〇二四年一月十五日";
    EXPECT_EQ(Dates(text), "二〇二四年一月十五日=2024-1-15;") << pad;
    const std::u32string two = std::u32string(pad, U'会') + U"二〇二三年三月" +
                               std::u32string(pad, U'，') + U"二零二四年五月";
    EXPECT_EQ(Dates(two), "二〇二三年三月=2023-3-0;二零二四年五月=2024-5-0;")
        << pad;
  }
}
TEST(FindHanDatesTest, YearsAloneCountsAndArabicDatesAreNot) {
  for (std::u32string_view text : {
           U"二〇二三年工作报告",  // a year, no month
           U"二〇二四年十三月",    // no such month
           U"收到提案二百零三件",  // a count with 零
           U"零距离服务群众",
           U"2024年1月15日",  // the token-based finder reads these
           U"二〇二四年",
       }) {
    EXPECT_EQ(Dates(text), "") << EncodeUtf8(text);
  }
}

}  // namespace
}  // namespace reportfacts
