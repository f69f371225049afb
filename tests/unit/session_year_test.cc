// NationalSessionYear: the year of a national session from its name.
#include "service/core/session_year.h"

#include "gtest/gtest.h"

namespace reportfacts {
namespace {

TEST(NationalSessionYear, EveryWayTheNameIsWritten) {
  const struct {
    std::u32string_view text;
    int year;
  } kPositive[] = {
      {U"全国政协十四届一次会议在京开幕", 2023},
      {U"在全国政协十三届五次会议上", 2022},
      {U"政协第十四届全国委员会第二次会议闭幕", 2024},
      {U"十二届全国政协三次会议举行", 2015},
      {U"第十一届全国政协第一次会议", 2008},
      {U"全国政协第十四届第三次会议", 2025},
      {U"全国政协6届1次会议", 1983},
      {U"全国政协十四届二次(cì)会议开幕", 2024},  // a pinyin gloss
  };
  for (const auto& c : kPositive) {
    EXPECT_EQ(NationalSessionYear(c.text), c.year)
        << static_cast<int>(c.text.size());
  }
}

TEST(NationalSessionYear, NoYearWithoutANationalSession) {
  for (std::u32string_view text : {
           U"市政协十四届三次会议开幕",          // a city's term: no table
           U"全国政协常委座谈",                  // no session
           U"全国政协第十四届常委会第五次会议",  // a standing committee sitting
           U"全国政协十四届九次会议",            // no ninth session in a term
           U"全国政协三届一次会议",              // before five-year terms
           U"",
       }) {
    EXPECT_EQ(NationalSessionYear(text), std::nullopt)
        << static_cast<int>(text.size());
  }
}

TEST(PlenarySession, ReadsTheSessionOfAPlenaryMeeting) {
  const struct {
    std::u32string_view text;
    std::optional<int> session;
  } kCases[] = {
      {U"在政协定西市第四届委员会第三次会议上", 3},
      {U"在县政协十二届四次会议上", 4},
      {U"在政协第十五届宜昌市委员会第四次会议上", 4},
      {U"在中国人民政治协商会议第十四届全国委员会第二次会议上", 2},
      {U"在政协某县第十届委员会第1次会议上", 1},
      // No plenary.
      {U"在市政协九届常委会第八次会议上", std::nullopt},
      {U"在政协某市委员会常务委员会第十次会议上", std::nullopt},
      {U"在市政协季度座谈会上", std::nullopt},
      {U"第三次会议", std::nullopt},  // no body named
      {U"", std::nullopt},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(PlenarySession(c.text), c.session)
        << static_cast<int>(c.text.size());
  }
}

TEST(SmallNumeral, ChineseAndArabicUpToTwenty) {
  size_t end = 0;
  EXPECT_EQ(SmallNumeral(U"十四届", 0, &end), 14);
  EXPECT_EQ(end, 2u);
  EXPECT_EQ(SmallNumeral(U"三次", 0, &end), 3);
  EXPECT_EQ(SmallNumeral(U"二十届", 0, &end), 20);
  EXPECT_EQ(SmallNumeral(U"十届", 0, &end), 10);
  EXPECT_EQ(SmallNumeral(U"12届", 0, &end), 12);
  EXPECT_EQ(SmallNumeral(U"二十五", 0, &end), std::nullopt);
  EXPECT_EQ(SmallNumeral(U"届", 0, &end), std::nullopt);
  EXPECT_EQ(SmallNumeral(U"123", 0, &end), std::nullopt);
}

}  // namespace
}  // namespace reportfacts
