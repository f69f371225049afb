// Tests of date mention extraction on small texts written for the tests.
#include "service/core/dates.h"

#include <cstdint>
#include <optional>
#include <string>

#include "gtest/gtest.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

std::vector<DateMention> Dates(const std::string& text, std::optional<int> year,
                               const std::string& reference = "") {
  const std::u32string t = DecodeUtf8(text);
  Report r;
  r.end = static_cast<int64_t>(t.size());
  r.year = year;
  return ExtractDates(t, {r}, reference);
}

TEST(DatesTest, FullDateAndItsSpan) {
  const auto d = Dates("会后，2022年3月15日下午，召开座谈会。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].begin, 3);
  EXPECT_EQ(d[0].end, 13);
  EXPECT_EQ(d[0].text, "2022年3月15日");
  EXPECT_EQ(d[0].start, "2022-03-15");
  EXPECT_EQ(d[0].finish, "2022-03-15");
}

TEST(DatesTest, Ranges) {
  auto d = Dates("2022年6月8日—9日，召开交流会。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "2022年6月8日—9日");
  EXPECT_EQ(d[0].finish, "2022-06-09");

  d = Dates("7月3日至5日，调研组来访。", 2024);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "7月3日至5日");
  EXPECT_EQ(d[0].start, "2024-07-03");
  EXPECT_EQ(d[0].finish, "2024-07-05");

  d = Dates("2018年10月至2019年3月，开展专项行动。", 2019);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2018-10");
  EXPECT_EQ(d[0].finish, "2019-03");

  d = Dates("5月8日-10日，举办培训班。", 2022);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].finish, "2022-05-10");

  d = Dates("3月2日到4月1日，开展活动。", 2022);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2022-03-02");
  EXPECT_EQ(d[0].finish, "2022-04-01");
}

TEST(DatesTest, APartOfTheDayBeforeTheRangeWord) {
  auto d = Dates("4月7日下午至8日，委员赴县里调研。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "4月7日下午至8日");
  EXPECT_EQ(d[0].start, "2023-04-07");
  EXPECT_EQ(d[0].finish, "2023-04-08");
  d = Dates("10月20日上午—21日，召开全会。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].finish, "2023-10-21");
  // Negative: without a range word the part of the day stays out of the
  // date, and so does the day after it.
  d = Dates("4月7日下午，8日召开会议。", 2023);
  ASSERT_GE(d.size(), 1u);
  EXPECT_EQ(d[0].text, "4月7日");
  EXPECT_EQ(d[0].finish, "2023-04-07");
}

TEST(DatesTest, APartOfTheMonthBeforeTheRangeWord) {
  auto d = Dates("3月下旬至5月，走访养老院。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "3月下旬至5月");
  EXPECT_EQ(d[0].start, "2023-03");
  EXPECT_EQ(d[0].finish, "2023-05");
  d = Dates("7月初—8月，组织走访。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].finish, "2023-08");
  // Negative: without a range word the month stands alone, and so does
  // the one after it.
  d = Dates("3月下旬，5月召开会议。", 2023);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].text, "3月");
  EXPECT_EQ(d[0].finish, "2023-03");
}

TEST(DatesTest, MonthsInAKnownYear) {
  const auto d = Dates("2021年3月，成立小组；6月，完成调研。", std::nullopt);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].start, "2021-03");
  EXPECT_EQ(d[1].text, "6月");
  EXPECT_EQ(d[1].start, "2021-06");
  EXPECT_EQ(d[1].finish, "2021-06");
}

TEST(DatesTest, MonthDayTakesTheReportYearOrTheNearbyProseYear) {
  auto d = Dates("全年工作中，8月4日，召开常委会会议。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2023-08-04");
  // A lead line before the body takes the year the prose names next.
  d = Dates("1月9日，全会开幕。\n\n会上指出，2021年，要再接再厉。", 2020);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2021-01-09");
  // No year at all: no mention.
  EXPECT_TRUE(Dates("8月4日，召开会议。", std::nullopt).empty());
}

TEST(DatesTest, RelativeYears) {
  // A review of 2023 that says 去年 for it was written in 2024: its 今年
  // is 2024.
  auto d = Dates("去年4月，开展调研。今年5月，召开会议。", 2023);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].text, "去年4月");
  EXPECT_EQ(d[0].start, "2023-04");  // the reviewed year
  EXPECT_EQ(d[1].start, "2024-05");
  // One written during the year says 今年 for it.
  d = Dates("今年4月，开展调研。去年5月，召开会议。", 2023);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].start, "2023-04");
  EXPECT_EQ(d[1].start, "2022-05");
  d = Dates("前年3月，成立小组。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2021-03");
  // A publication date on the page is the year of writing.
  d = Dates("日期：2025-01-10\n去年6月，召开会议。", 2020);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2024-06");

  d = Dates("去年4月，开展调研。今年5月，召开会议。", std::nullopt,
            "2025-02-01");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].start, "2024-04");
  EXPECT_EQ(d[1].start, "2025-05");

  EXPECT_TRUE(Dates("去年4月，开展调研。", std::nullopt, "").empty());
}

TEST(DatesTest, YearsAndYearRangesAreNoDates) {
  EXPECT_TRUE(Dates("2024年是关键之年。", 2024).empty());
  EXPECT_TRUE(Dates("制定《行动方案(2024—2026年)》，开展3个月专项行动。", 2024)
                  .empty());
  EXPECT_TRUE(Dates("共提交提案13月份12345号。", 2024).empty());
}

TEST(DatesTest, MonthRanges) {
  auto d = Dates("2024年3—5月，开展专项调研。", std::nullopt);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "2024年3—5月");
  EXPECT_EQ(d[0].start, "2024-03");
  EXPECT_EQ(d[0].finish, "2024-05");
  d = Dates("今年5月至7月，开展走访。", 2024);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "今年5月至7月");
  EXPECT_EQ(d[0].start, "2024-05");
  EXPECT_EQ(d[0].finish, "2024-07");
  d = Dates("6至8月，举办讲座。", 2022);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].finish, "2022-08");
  // A falling range or a duration is no month range.
  for (const DateMention& m : Dates("5—3月，开展活动。", 2022)) {
    EXPECT_NE(m.start, "2022-05");
  }
  EXPECT_TRUE(Dates("历时3—5个月，完成调研。", 2022).empty());
}

TEST(DatesTest, RangesAcrossYears) {
  auto d = Dates("1996年1月至2024年11月，累计办理。", 2024);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "1996-01");
  EXPECT_EQ(d[0].finish, "2024-11");
  d = Dates("2023年12月至次月，开展活动；12月至3月，持续推进。", 2023);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].text, "12月至3月");
  EXPECT_EQ(d[1].start, "2023-12");
  EXPECT_EQ(d[1].finish, "2024-03");
  d = Dates("去年12月至今年2月，开展走访。", 2023);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2023-12");
  EXPECT_EQ(d[0].finish, "2024-02");
}

TEST(DatesTest, ARangeAcrossYearsLeavesItsLastYearToTheDatesAfter) {
  // The later year of a month range across years is a year of the prose:
  // a day without a year after it falls in that year, not the first one.
  auto d = Dates("2008年3月至2023年10月，共收到来信。11月5日召开总结会。",
                 std::nullopt);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].start, "2023-11-05");
  // Negative: a range of years alone (2021—2023年) sets no year; the day
  // after it takes the year written before.
  d = Dates("2020年，编制2021—2023年规划。6月2日召开会议。", std::nullopt);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2020-06-02");
}

TEST(DatesTest, CalendarCheck) {
  EXPECT_TRUE(Dates("2024年2月30日召开会议。", 2024).empty());
  EXPECT_TRUE(Dates("2023年2月29日召开会议。", 2023).empty());
  EXPECT_TRUE(Dates("4月31日，召开会议。", 2023).empty());
  EXPECT_TRUE(Dates("2024年13月，开展活动。", 2024).empty());
  const auto d = Dates("2024年2月29日召开会议。", 2024);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2024-02-29");
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_TRUE(IsValidDate(2023, 12, 0));
}

TEST(DatesTest, FullWidthDigits) {
  const auto d = Dates("２０２４年３月５日，召开会议。", std::nullopt);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "２０２４年３月５日");
  EXPECT_EQ(d[0].start, "2024-03-05");
}

TEST(DatesTest, BlanksOfPdfText) {
  auto d = Dates("2024 年 3 月 5 日，召开会议。", std::nullopt);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].text, "2024 年 3 月 5 日");
  EXPECT_EQ(d[0].start, "2024-03-05");
  d = Dates("2024年5月 至 7月，开展走访。", std::nullopt);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].finish, "2024-07");
  // A line break ends the date.
  d = Dates("2024年5月\n7日，开展走访。", std::nullopt);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2024-05");
}

TEST(DatesTest, YearEndEventToldInTheNextYear) {
  // A lead date before the review of the report's year: written the next
  // January.
  auto d = Dates("1月10日，召开新闻发布会。会上获悉，2022年，市政协扎实履职。",
                 2022);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2023-01-10");
  // A year named as a plan, not a review of the report's year, gives its
  // own year.
  d = Dates("1月10日，召开会议。会议指出，2023年，要再接再厉。", 2022);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2023-01-10");
  // After the review began, dates take its year.
  d = Dates("2022年，市政协扎实履职。1月10日，召开会议。", 2022);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].start, "2022-01-10");
  // A dateline on the page gives a lead date its year.
  d = Dates("2021年05月09日 10:30  来源：本站\n5月8日，召开会议。", 2020);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].start, "2021-05-08");
}

TEST(DatesTest, ReviewToldEarlyNextYearKeepsItsLaterMonths) {
  // A report on 2022 given on 2023-01-12: a day the calendar has not yet
  // reached in 2023 belongs to the reviewed year.
  const std::string head = "——2023年1月12日在县政协全体会议上\n";
  auto d = Dates(head + "截至11月底，办复提案全部完成。", 2022);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].start, "2022-11");
  d = Dates(head + "9月20日，召开协商会。", 2022);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].start, "2022-09-20");
  // A day before the telling is this year's, as is any day of a report on
  // the year it is told in.
  d = Dates(head + "1月5日，召开主席会议。", 2022);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].start, "2023-01-05");
  d = Dates(head + "9月20日，召开协商会。", 2023);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].start, "2023-09-20");
  // A report on a year long past is not a review told early next year.
  d = Dates(head + "9月20日，召开协商会。", 2020);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].start, "2023-09-20");
}

TEST(DatesTest, NumeralDatesUnderTheTitleAndAtTheSignature) {
  std::string body;
  for (int i = 0; i < 60; ++i) body += "常委们就城乡融合议题献计出力。";
  const std::string text =
      "政协工作报告\n——二〇二四年一月十五日在全体会议上\n" + body +
      "2023年5月8日召开座谈会。\n" + body + "\n二○二四年一月十日\n";
  const auto d = Dates(text, 2023);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].text, "二〇二四年一月十五日");
  EXPECT_EQ(d[0].begin, 9);
  EXPECT_EQ(d[0].start, "2024-01-15");
  EXPECT_EQ(d[0].finish, "2024-01-15");
  EXPECT_EQ(d[1].start, "2023-05-08");  // in text order among the others
  EXPECT_EQ(d[2].text, "二○二四年一月十日");
  EXPECT_EQ(d[2].start, "2024-01-10");
  // A year alone is none; a day the month lacks is none.
  EXPECT_TRUE(Dates("二〇二三年工作报告\n", 2023).empty());
  EXPECT_TRUE(Dates("二〇二三年二月三十日\n", 2023).empty());
  EXPECT_EQ(Dates("二〇二三年十月\n", 2023).at(0).start, "2023-10");
}

TEST(DatesTest, NumbersThatAreNoDates) {
  EXPECT_TRUE(Dates("共开展12次活动，涉及3个月。", 2024).empty());
  EXPECT_TRUE(Dates("版本1.2.3月", 2024).empty());
  EXPECT_TRUE(Dates("12,345月", 2024).empty());
  EXPECT_TRUE(Dates("28日召开。", 2024).empty());  // a day without a month
  EXPECT_TRUE(Dates(std::string(300, '9') + "月", 2024).empty());
}

TEST(DatesTest, RandomTextNeverBreaksTheScan) {
  const std::u32string alphabet =
      U"0123456789０１２３４５６７８９年月日号至到—-~今去前明，。\n2024";
  uint32_t seed = 777;
  Report r;
  r.year = 2023;
  for (int round = 0; round < 2000; ++round) {
    std::u32string text;
    for (int i = 0; i < 40; ++i) {
      seed = seed * 1103515245u + 12345u;
      text.push_back(alphabet[(seed >> 8) % alphabet.size()]);
    }
    r.end = static_cast<int64_t>(text.size());
    for (const DateMention& m : ExtractDates(text, {r}, "")) {
      ASSERT_LT(m.begin, m.end);
      ASSERT_LE(m.end, static_cast<int64_t>(text.size()));
      ASSERT_LE(m.start, m.finish) << EncodeUtf8(text);
    }
  }
}

}  // namespace
}  // namespace reportfacts
