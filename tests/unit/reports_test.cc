// Tests of report splitting on small texts written for the tests.
#include "service/core/reports.h"

#include <string>

#include "gtest/gtest.h"
#include "service/core/extractor.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

class ReportsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
  }
  static void TearDownTestSuite() { delete extractor_; }
  static Extraction Run(const std::string& text) {
    auto result = extractor_->Extract(text, {});
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : Extraction{};
  }
  // Offset returns the code point offset of `needle` in `text`.
  static int64_t Offset(const std::string& text, const std::string& needle) {
    const std::u32string t = DecodeUtf8(text);
    const size_t at = t.find(DecodeUtf8(needle));
    EXPECT_NE(at, std::u32string::npos) << needle;
    return static_cast<int64_t>(at);
  }
  static Extractor* extractor_;
};
Extractor* ReportsTest::extractor_ = nullptr;

constexpr char kTwoReports[] =
    "\n\n## 聚力前行 共谱新篇\n\n## ——兰州市政协2022年工作综述\n\n"
    "□ 通讯员 李 明\n\n一年来，市政协围绕中心工作履职尽责。\n\n"
    "▲市政协召开座谈会。\n\n"
    "本版专栏\n\n担当作为谱新章\n\n——政协白银市委员会亮点工作综述\n\n"
    "YMG全媒体记者 王小红 摄影报道\n\n委员们积极建言献策。\n";

TEST_F(ReportsTest, SplitsTwoReportsWithPrefaceAndMarkdown) {
  const std::string text = kTwoReports;
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 2u);
  const Report& a = e.reports[0];
  EXPECT_EQ(a.begin, Offset(text, "聚力前行"));
  EXPECT_EQ(a.end, e.reports[1].begin);
  EXPECT_EQ(a.title, "聚力前行 共谱新篇");
  EXPECT_EQ(a.subtitle, "兰州市政协2022年工作综述");
  EXPECT_EQ(a.organization, "兰州市政协");
  EXPECT_EQ(a.city, "兰州");
  EXPECT_EQ(a.province, "甘肃");
  ASSERT_TRUE(a.year.has_value());
  EXPECT_EQ(*a.year, 2022);
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0].name, "李明");
  EXPECT_EQ(a.authors[0].role, "通讯员");

  const Report& b = e.reports[1];
  EXPECT_EQ(b.begin, Offset(text, "担当作为谱新章"));  // not the column name
  EXPECT_EQ(b.end, static_cast<int64_t>(DecodeUtf8(text).size()));
  EXPECT_EQ(b.title, "担当作为谱新章");
  EXPECT_EQ(b.subtitle, "政协白银市委员会亮点工作综述");
  EXPECT_EQ(b.organization, "白银市政协");
  EXPECT_EQ(b.city, "白银");
  ASSERT_TRUE(b.year.has_value());  // a page's reports share their year
  EXPECT_EQ(*b.year, 2022);
  ASSERT_EQ(b.authors.size(), 1u);
  EXPECT_EQ(b.authors[0].name, "王小红");
  EXPECT_EQ(b.authors[0].role, "记者");

  for (const Person& p : e.people) {
    EXPECT_EQ(p.report, p.begin >= b.begin ? 1 : 0) << p.name;
  }
}

TEST_F(ReportsTest, CreditLineAtTheEndGivesAuthorsAndYearFromText) {
  const std::string text =
      "\n共建美好家园\n\n——某地政协主题履职纪实\n\n"
      "2021年，委员们提交提案120件。\n\n(文/孙丽)\n\n"
      "委员们深入一线调研。\n\n(文 赵刚 图 钱伟)\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  EXPECT_EQ(r.title, "共建美好家园");
  EXPECT_EQ(r.organization, "");
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, 2021);
  ASSERT_EQ(r.authors.size(), 2u);
  EXPECT_EQ(r.authors[0].name, "赵刚");
  EXPECT_EQ(r.authors[0].role, "文字");
  EXPECT_EQ(r.authors[1].name, "钱伟");
  EXPECT_EQ(r.authors[1].role, "摄影");
  ASSERT_FALSE(e.metrics.empty());
  EXPECT_EQ(e.metrics[0].report, 0);
}

TEST_F(ReportsTest, TextWithoutTitleIsOneReport) {
  const std::string text =
      "这是一段没有标题的文字。\n\n2020年，酒泉市政协召开会议12次。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  EXPECT_EQ(e.reports[0].begin, 0);
  EXPECT_EQ(e.reports[0].end, static_cast<int64_t>(DecodeUtf8(text).size()));
  EXPECT_EQ(e.reports[0].title, "");
  EXPECT_EQ(e.reports[0].organization, "酒泉市政协");
  EXPECT_EQ(e.reports[0].province, "甘肃");
  ASSERT_TRUE(e.reports[0].year.has_value());
  EXPECT_EQ(*e.reports[0].year, 2020);
  EXPECT_TRUE(Run("").reports.size() == 1u);
}

TEST_F(ReportsTest, DashedSentencesAreNoSubtitles) {
  const std::string text =
      "\n工作回顾\n\n——在基层一线，委员们积极作为。\n\n正文。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  EXPECT_EQ(e.reports[0].begin, 0);
  EXPECT_EQ(e.reports[0].subtitle, "");
}

TEST(SplitLinesTest, StripsMarkdownMarks) {
  const std::u32string text = U"## ——标题\n**一、加强学习**\n\n";
  const auto lines = SplitLines(text);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].content_begin, 3u);
  EXPECT_EQ(text.substr(lines[1].content_begin,
                        lines[1].content_end - lines[1].content_begin),
            U"一、加强学习");
  EXPECT_TRUE(lines[2].blank());
}

}  // namespace
}  // namespace reportfacts
