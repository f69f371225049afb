// Tests of report splitting on small texts written for the tests.
#include "service/core/reports.h"

#include <string>

#include "gtest/gtest.h"
#include "service/core/extractor.h"
#include "service/core/page_furniture.h"
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
    "□ 通讯员 李 明\n\n一年来，市政协锚定年度目标务实履职。\n\n"
    "▲市政协召开座谈会。\n\n"
    "本版专栏\n\n担当作为谱新章\n\n——政协白银市委员会重点工作综述\n\n"
    "XYZ全媒体记者 王小红 摄影报道\n\n委员们踊跃献计出力。\n";

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
  EXPECT_EQ(b.subtitle, "政协白银市委员会重点工作综述");
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

// Credit lines one under the other at the end name the authors together
// (the text's, then the pictures'), also after a publisher's name and
// with the source words of web pages (文稿来源, 图片来源); an editor's
// credit after them names no author, and a credit line earlier in the
// text, with the body between, is not one of the block.
TEST_F(ReportsTest, CreditLinesOneUnderTheOtherNameTheAuthorsTogether) {
  const std::string text =
      "某镇委员走进八个村\n\n委员们走访了八个村，听取意见。\n"
      "座谈会上，大家踊跃发言。（通讯员 周小平）\n随后形成报告。\n"
      "文稿来源：某县融媒体中心 林晓东\n图片来源：某县融媒体中心 何丽萍\n"
      "文字审核：陈国强\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  ASSERT_EQ(r.authors.size(), 2u);
  EXPECT_EQ(r.authors[0].name, "林晓东");
  EXPECT_EQ(r.authors[0].role, "文字");
  EXPECT_EQ(r.authors[1].name, "何丽萍");
  EXPECT_EQ(r.authors[1].role, "摄影");
}

TEST_F(ReportsTest, CreditLineAtTheEndGivesAuthorsAndYearFromText) {
  const std::string text =
      "\n共建美好家园\n\n——某地政协主题履职纪实\n\n"
      "2021年，委员们提交提案120件。\n\n(文/孙丽)\n\n"
      "委员们走进田间调研。\n\n(文 赵刚 图 钱伟)\n";
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

TEST_F(ReportsTest, YearWithTheCommitteeAsItsSubjectIsTheReviewedYear) {
  const auto year = [](const std::string& body) {
    const Extraction e = Run("县政协聚焦民生\n\n" + body);
    return e.reports.empty() ? 0 : e.reports[0].year.value_or(0);
  };
  EXPECT_EQ(year("据悉，2022年县政协累计收到来信86封。"), 2022);
  EXPECT_EQ(year("据悉，2022年政协全体委员积极履职。"), 2022);
  EXPECT_EQ(year("据悉，2022年全年共征集提案186件。"), 2022);
  // Negative: a year of something the committee's members did, or a year
  // before another word, is not read so.
  EXPECT_EQ(year("据悉，2022年县政协委员共提交提案186件。"), 0);
  EXPECT_EQ(year("据悉，2022年底前完成征集。"), 0);
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
  EXPECT_EQ(e.reports[0].title, "工作回顾");  // a short heading line
  EXPECT_EQ(e.reports[0].subtitle, "");
}

// ---- One small document per shape (GUIDE §1), written for the tests. ----

std::string AuthorsOf(const Report& r) {
  std::string out;
  for (const Author& a : r.authors) out += a.name + "/" + a.role + ";";
  return out;
}

TEST_F(ReportsTest, NewsArticleWithPageFurniture) {
  const std::string text =
      "首页 > 新闻中心 > 政协动态\n"
      "市政协召开提案督办座谈会\n"
      "发布时间：2024-03-15  来源：某某日报  浏览次数：120\n"
      "分享到：\n"
      "本报讯（记者 周 敏 吴涛）3月14日，兰州市政协举行建议落实推进会。\n"
      "今年以来，市政协共收到提案300件。\n"
      "责任编辑：郑华\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  EXPECT_EQ(r.title, "市政协召开提案督办座谈会");  // not the breadcrumb
  EXPECT_EQ(r.begin, Offset(text, "市政协召开"));
  EXPECT_EQ(r.subtitle, "");
  EXPECT_EQ(r.organization, "兰州市政协");
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, 2024);  // 今年以来 on a page published in 2024
  EXPECT_EQ(AuthorsOf(r), "周敏/记者;吴涛/记者;");  // the editor is none
}

TEST_F(ReportsTest, NewsWithoutHeadlineOpensWithItsByline) {
  const std::string text =
      "记者 孙悦 报道\n"
      "2023年，酒泉市政协锚定年度目标举办协商会40场。\n"
      "过去一年，委员们积极履职。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  EXPECT_EQ(r.begin, 0);
  EXPECT_EQ(r.title, "");
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, 2023);
  EXPECT_EQ(AuthorsOf(r), "孙悦/记者;");
}

TEST_F(ReportsTest, BodySentenceIsNoTitleAndDatelineBylineCounts) {
  const std::string text =
      "全年共举办协商会30场。\n"
      "某某网兰州1月9日电(记者林小雨)"
      "2022年，兰州市政协锚定年度目标务实履职。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  EXPECT_EQ(e.reports[0].title, "");
  EXPECT_EQ(e.reports[0].begin, 0);
  EXPECT_EQ(AuthorsOf(e.reports[0]), "林小雨/记者;");
  ASSERT_TRUE(e.reports[0].year.has_value());
  EXPECT_EQ(*e.reports[0].year, 2022);
}

TEST_F(ReportsTest, UnbracketedDatelineBylineAndAnonymousAuthor) {
  const std::string text =
      "委员走进社区听民意\n"
      "作者:佚名\n"
      "本报讯 记者 郑 强 通讯员 冯丽 报道：连日来，委员们走进社区。\n";
  const Extraction e = Run(text);
  EXPECT_EQ(e.reports[0].title, "委员走进社区听民意");
  EXPECT_EQ(AuthorsOf(e.reports[0]), "郑强/记者;冯丽/通讯员;");

  // A dateline without a byline after it, and an editor's line, give none.
  const std::string none =
      "委员走进社区听民意\n本报讯 3月1日，委员们走进社区。\n责任编辑 郑华\n";
  EXPECT_EQ(AuthorsOf(Run(none).reports[0]), "");
}

TEST_F(ReportsTest, OddLinesNeitherCrashNorInventHeads) {
  for (const char* text :
       {"——", "——在会议上\n", "（", "(记者", "Page - \n", "| |\n", "【】\n",
        "——\n——\n——\n", "（在\n会议上）\n王\n", "本报讯（", "记者",
        "首页 >\n>\n", "2024年", "截至", "五年来"}) {
    const Extraction e = Run(text);
    ASSERT_EQ(e.reports.size(), 1u) << text;
    EXPECT_LE(e.reports[0].begin, e.reports[0].end) << text;
  }
}

TEST_F(ReportsTest, FormalReportJoinsItsTitleAndNamesTheSpeaker) {
  const std::string text =
      "政协兰州市第八届委员会\n"
      "常务委员会提案工作报告\n"
      "——在政协兰州市第八届委员会第三次会议上\n"
      "市政协主席 李 强\n"
      "各位委员：\n"
      "现在，我代表常务委员会向大会报告工作，请予审议。\n"
      "2023年，常委会团结带领全体委员务实担当。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  EXPECT_EQ(r.begin, 0);
  EXPECT_EQ(r.title, "政协兰州市第八届委员会常务委员会提案工作报告");
  EXPECT_EQ(r.subtitle, "");  // the meeting line is no subtitle
  EXPECT_EQ(AuthorsOf(r), "李强/报告人;");
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, 2023);
}

// A formal report's title may leave its committee to the meeting line
// under it; that line comes before the text, where other committees are
// named in passing.
TEST_F(ReportsTest, FormalReportsCommitteeFromItsMeetingLine) {
  const Extraction e =
      Run("关于县政协常务委员会工作情况的报告\n"
          "——在政协长兴县第十届委员会第二次会议上\n"
          "县政协主席 李 强\n各位委员：\n"
          "一年来，常委会学习借鉴湖州市政协的做法。\n");
  ASSERT_EQ(e.reports.size(), 1u);
  EXPECT_EQ(e.reports[0].organization, "长兴县政协");
  EXPECT_EQ(e.reports[0].city, "湖州");
  EXPECT_EQ(e.reports[0].province, "浙江");
  // A meeting line that names no committee leaves the text to name it.
  const Extraction other =
      Run("关于常务委员会工作情况的报告\n"
          "——在第十届委员会第二次会议上\n"
          "李强\n各位委员：\n一年来，湖州市政协常委会务实履职。\n");
  ASSERT_EQ(other.reports.size(), 1u);
  EXPECT_EQ(other.reports[0].organization, "湖州市政协");
}

// The meeting's date may stand in a note of its own under the meeting line
// or under the speaker: a January date of a later session reviews the year
// before, and the speaker is read past the note.
TEST_F(ReportsTest, FormalReportsDateNoteUnderTheMeetingLine) {
  for (const std::string& text :
       {std::string("政协云阳县委员会常务委员会工作报告\n"
                    "——在政协云阳县第十五届委员会第三次会议上\n"
                    "（2024年1月8日）\n县政协主席 马晓峰\n各位委员：\n"
                    "现在，我代表常务委员会报告工作。\n"),
        std::string("政协云阳县委员会常务委员会工作报告\n"
                    "——在政协云阳县第十五届委员会第三次会议上\n"
                    "县政协主席 马晓峰\n（2024年1月8日）\n各位委员：\n"
                    "现在，我代表常务委员会报告工作。\n")}) {
    const Extraction e = Run(text);
    ASSERT_EQ(e.reports.size(), 1u);
    const Report& r = e.reports[0];
    ASSERT_TRUE(r.year.has_value()) << text;
    EXPECT_EQ(*r.year, 2023);
    EXPECT_EQ(AuthorsOf(r), "马晓峰/报告人;");
  }
  // A title that is itself the meeting line gives the session to the date
  // note under it.
  const Extraction titled =
      Run("在政协云阳县第十五届委员会第三次会议上的报告\n（2024年1月8日）\n"
          "县政协主席 马晓峰\n各位委员：\n现在，我代表常务委员会报告工作。\n");
  ASSERT_EQ(titled.reports.size(), 1u);
  EXPECT_EQ(titled.reports[0].year, std::optional<int>(2023));
  // Negative: the first session's report names no year before it.
  const Extraction first =
      Run("政协云阳县委员会常务委员会工作报告\n"
          "——在政协云阳县十五届一次会议上\n"
          "（2022年1月8日）\n县政协主席 马晓峰\n各位委员：\n"
          "现在，我代表常务委员会报告工作。\n");
  ASSERT_EQ(first.reports.size(), 1u);
  EXPECT_NE(first.reports[0].year, std::optional<int>(2021));
}

TEST_F(ReportsTest, FormalReportWithSpacedLettersAndBracketedMeeting) {
  const std::string text =
      "\n政协酒泉市委员会\n常委会\n工 作 报 告\n"
      "（2024年1月8日在政协酒泉市第六届委员会第三次\n会议上）\n张明\n"
      "各位委员：\n五年来，常委会坚持协商为民。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  EXPECT_EQ(r.begin, Offset(text, "政协酒泉市委员会"));
  EXPECT_EQ(r.title, "政协酒泉市委员会常委会工作报告");
  EXPECT_EQ(AuthorsOf(r), "张明/报告人;");
  EXPECT_FALSE(r.year.has_value());  // a five-year review; not the date
}

TEST_F(ReportsTest, FormalReportCountsThePastYearFromItsMeeting) {
  const std::string text =
      "政协白银市委员会\n常务委员会工作报告\n"
      "（2024年1月9日在政协白银市第九届委员会第三次会议上）\n"
      "各位委员：\n过去的一年，常委会团结带领全体委员务实担当。\n";
  const Extraction e = Run(text);
  ASSERT_TRUE(e.reports[0].year.has_value());
  EXPECT_EQ(*e.reports[0].year, 2023);
  EXPECT_EQ(e.reports[0].authors.size(), 0u);  // no speaker line

  // Without a relative marker: a yearly plenary session early in the year
  // reviews the year before it; a new term's first session (a five-year
  // review), a meeting later in the year or a standing committee's meeting
  // gives no year.
  const auto year_at = [](const std::string& meeting) {
    const Extraction e =
        Run("政协定西市委员会\n常务委员会工作报告\n（" + meeting +
            "上）\n各位委员：\n常委会团结带领全体委员务实担当。\n");
    return e.reports[0].year;
  };
  EXPECT_EQ(year_at("2024年1月9日在政协定西市第四届委员会第三次会议"), 2023);
  EXPECT_EQ(year_at("2024年2月在市政协九届三次会议"), 2023);
  EXPECT_EQ(year_at("二〇二四年一月九日在政协定西市第四届委员会第三次会议"),
            2023);
  EXPECT_EQ(year_at("2024年1月9日在政协定西市第五届委员会第一次会议"),
            std::nullopt);
  EXPECT_EQ(year_at("2024年6月9日在政协定西市第四届委员会第三次会议"),
            std::nullopt);
  EXPECT_EQ(year_at("2024年1月9日在政协定西市第四届委员会常务委员会第十次会议"),
            std::nullopt);
  EXPECT_EQ(year_at("在政协定西市第四届委员会第三次会议"), std::nullopt);

  // The meeting's date in numerals counts the same.
  const std::string numerals =
      "政协定西市委员会\n常务委员会工作报告\n"
      "（二〇二四年一月九日在政协定西市第四届委员会第三次会议上）\n"
      "各位委员：\n过去的一年，常委会团结带领全体委员务实担当。\n";
  const Extraction n = Run(numerals);
  ASSERT_TRUE(n.reports[0].year.has_value());
  EXPECT_EQ(*n.reports[0].year, 2023);
  ASSERT_EQ(n.dates.size(), 1u);
  EXPECT_EQ(n.dates[0].start, "2024-01-09");
}

// A formal report's title may stand with the speaker right under it and no
// meeting line.
TEST_F(ReportsTest, SpeakerUnderAReportTitle) {
  const Extraction e =
      Run("丰宁县政协常务委员会报告\n县政协主席 赵海林\n各位委员：\n"
          "一年来，县政协务实履职。\n");
  ASSERT_EQ(e.reports.size(), 1u);
  EXPECT_EQ(AuthorsOf(e.reports[0]), "赵海林/报告人;");
  // Negative: a name without a role under the title is no speaker.
  EXPECT_EQ(Run("丰宁县政协常务委员会报告\n赵海林\n各位委员：\n")
                .reports[0]
                .authors.size(),
            0u);
  // Negative: under a headline that names no report, a role and a name
  // are the first line of news, not a speaker.
  EXPECT_NE(AuthorsOf(Run("丰宁县政协走访养老机构\n县政协主席 赵海林\n"
                          "近日，县政协开展调研。\n")
                          .reports[0]),
            "赵海林/报告人;");
}

TEST_F(ReportsTest, FormalReportShapesOfTheTitlePage) {
  // A title on one long line.
  const Extraction one_line =
      Run("政协第十五届某某市委员会常委会关于上次全会闭幕后提案落实进展"
          "的报告\n"
          "——2025年1月7日在政协第十五届某某市委员会第四次会议上\n各位委员：\n");
  EXPECT_EQ(one_line.reports[0].title,
            "政协第十五届某某市委员会常委会关于上次全会闭幕后提案落实进展"
            "的报告");
  EXPECT_EQ(one_line.reports[0].year, 2024);
  // The speaker with a role above the meeting line.
  const Extraction above =
      Run("政协莒南县第十二届委员会常委会工作报告\n县政协主席 张建国\n"
          "——2024年1月8日在政协莒南县第十二届委员会第三次会议上\n各位委员：\n");
  EXPECT_EQ(above.reports[0].title, "政协莒南县第十二届委员会常委会工作报告");
  ASSERT_EQ(above.reports[0].authors.size(), 1u);
  EXPECT_EQ(above.reports[0].authors[0].name, "张建国");
  EXPECT_EQ(above.reports[0].authors[0].role, "报告人");
  // A bracketed date alone stands for the meeting line.
  const Extraction dated =
      Run("政协莒南县委员会常委会工作报告\n（2024年1月8日）\n县政协主席 "
          "张建国\n"
          "一年来，常委们围绕中心履职。\n");
  EXPECT_EQ(dated.reports[0].title, "政协莒南县委员会常委会工作报告");
  ASSERT_EQ(dated.reports[0].authors.size(), 1u);
  EXPECT_EQ(dated.reports[0].authors[0].name, "张建国");
  EXPECT_EQ(dated.reports[0].year, 2023);  // 一年来 at a January meeting
  // A bracket that is no date is no meeting line (the head is then a
  // headline, its year unknown); nor is a spaced title line above a meeting
  // line a speaker.
  const Extraction draft =
      Run("政协莒南县委员会常委会工作报告\n（草案）\n县政协主席 张建国\n"
          "一年来，常委们围绕中心履职。\n");
  EXPECT_EQ(draft.reports[0].title, "政协莒南县委员会常委会工作报告");
  EXPECT_EQ(draft.reports[0].year, std::nullopt);
  const Extraction spaced =
      Run("政协莒南县委员会常委会\n工 作 报 告\n"
          "——在政协莒南县第十二届委员会第三次会议上\n各位委员：\n");
  EXPECT_EQ(spaced.reports[0].title, "政协莒南县委员会常委会工作报告");
  EXPECT_TRUE(spaced.reports[0].authors.empty());
}

TEST_F(ReportsTest, YearbookSectionWithHeadingAndEndCredit) {
  const std::string text =
      "提案工作\n\n"
      "【概述】 全年收到提案236件，立案219件。\n"
      "（王丽）\n"
      "编辑 刘畅\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  EXPECT_EQ(r.title, "提案工作");
  EXPECT_FALSE(r.year.has_value());
  EXPECT_EQ(AuthorsOf(r), "王丽/;");  // a bare name; the editor is none

  // The writer's credit at the end names the author; a reviewer's does
  // not.
  const Extraction w =
      Run("提案工作\n\n全年收到提案236件，立案219件。\n（撰稿：王丽）\n");
  EXPECT_EQ(AuthorsOf(w.reports[0]), "王丽/撰稿;");
  const Extraction v =
      Run("提案工作\n\n全年收到提案236件，立案219件。\n（审核：王丽）\n");
  EXPECT_EQ(AuthorsOf(v.reports[0]), "");

  const std::string bracketed = "【社情民意】\n全年编报信息30期。\n";
  const Extraction b = Run(bracketed);
  EXPECT_EQ(b.reports[0].title, "社情民意");
  EXPECT_EQ(b.reports[0].begin, 1);
}

TEST_F(ReportsTest, WebPageWithNavigationAroundANewspaperHead) {
  const std::string text =
      "首 页 政协概况 新闻中心 委员风采 提案工作 联系我们\n"
      "当前位置：首页 > 新闻中心\n"
      "同心筑梦启新程\n"
      "——白银市政协2023年工作综述\n"
      "2024年01月20日 10:30 | 来源：白银政协网\n"
      "一年来，白银市政协紧扣大局履职。（通讯员 陈 亮）\n"
      "【打印】 【关闭】\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  EXPECT_EQ(r.title, "同心筑梦启新程");
  EXPECT_EQ(r.subtitle, "白银市政协2023年工作综述");
  EXPECT_EQ(r.organization, "白银市政协");
  ASSERT_TRUE(r.year.has_value());
  EXPECT_EQ(*r.year, 2023);  // the subtitle's year, not the page's
  EXPECT_EQ(AuthorsOf(r), "陈亮/通讯员;");
}

TEST_F(ReportsTest, TitleAndSubtitleOnOneLineWithAuthorLabel) {
  const std::string text =
      "守正创新谱新篇——五年来某市政协建言工作综述\n"
      "来源：某某社   发布时间：2023-03-03  作者：王 鹏 冯家顺\n"
      "2022年，委员们提交提案500件。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  const Report& r = e.reports[0];
  EXPECT_EQ(r.title, "守正创新谱新篇");
  EXPECT_EQ(r.subtitle, "五年来某市政协建言工作综述");
  EXPECT_FALSE(r.year.has_value());  // the subtitle reviews five years
  EXPECT_EQ(AuthorsOf(r), "王鹏/作者;冯家顺/作者;");
}

TEST_F(ReportsTest, TrailingCreditWithRolesAfterNames) {
  const std::string text =
      "委员义诊活动走进乡村\n"
      "委员们为群众义诊500余人次。(某某网 记者 赵云 见习记者 钱多 文 孙立 图)"
      "(来源 某某网)\n"
      "新闻推荐\n"
      "(周一 吴二 文/图)另一篇报道的开头。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 1u);
  EXPECT_EQ(AuthorsOf(e.reports[0]),
            "赵云/记者;钱多/见习记者;孙立/摄影;");  // not the next article's
}

TEST_F(ReportsTest, PageHeaderAndTableLabelAreStrippedFromTitle) {
  const std::string text =
      "Page 3 - 政协某某委员会常委会工作报告\nP. "
      "3\n一年来，常委会认真履职。\n";
  const Extraction e = Run(text);
  EXPECT_EQ(e.reports[0].title, "政协某某委员会常委会工作报告");
  EXPECT_EQ(e.reports[0].begin, 9);
  const std::string table = "| 标题:县政协履职情况报告 |\n| 正文内容。 |\n";
  const Extraction t = Run(table);
  EXPECT_EQ(t.reports[0].title, "县政协履职情况报告");
  EXPECT_EQ(t.reports[0].begin, 5);
}

TEST_F(ReportsTest, PinyinGlossesDoNotHideTheCommittee) {
  const Extraction e = Run("2023年，兰州市政(zhèng)协(xié)召开会议12次。\n");
  EXPECT_EQ(e.reports[0].organization, "兰州市政协");
  // Full-width brackets, and brackets before that gloss nothing.
  const Extraction f = Run(
      "（本报讯）2023年（全年），兰州市政（zhèng）协（xié）召开会议12次。\n");
  EXPECT_EQ(f.reports[0].organization, "兰州市政协");
}

TEST_F(ReportsTest, TextSettlesTheCommitteeItsHeadNames) {
  // Several 鼓楼区: the headline names the committee, the text its city.
  const Extraction e = Run(
      "鼓楼区政协开展助企专项调研\n近日，福州市鼓楼区政协安排委员走访企业。\n");
  EXPECT_EQ(e.reports[0].organization, "鼓楼区政协");
  EXPECT_EQ(e.reports[0].city, "福州");
  EXPECT_EQ(e.reports[0].province, "福建");
  // Nothing settles it: the name alone, no guess.
  const Extraction none =
      Run("鼓楼区政协开展助企专项调研\n近日，区政协安排委员走访企业。\n");
  EXPECT_EQ(none.reports[0].organization, "鼓楼区政协");
  EXPECT_EQ(none.reports[0].city, "");
}

TEST_F(ReportsTest, BareCountyCommitteeByTheCountysShortName) {
  const Extraction e =
      Run("县政协召开提案交办会\n2月26日，县政协召开提案交办会，要求紧扣城固"
          "高质量发展办好提案。\n");
  EXPECT_EQ(e.reports[0].organization, "城固县政协");
  EXPECT_EQ(e.reports[0].city, "汉中");
  EXPECT_EQ(e.reports[0].province, "陕西");
  // A county visited is another committee's.
  const Extraction visit =
      Run("县政协召开提案交办会\n2月26日，县政协安排委员赴城固考察学习。\n");
  EXPECT_EQ(visit.reports[0].organization, "");
}

TEST_F(ReportsTest, SectionHeadingIsNoTitle) {
  for (const char* heading :
       {"一、强化政治引领，凝聚奋进力量", "（二）围绕发展大事献计出力",
        "十一、抓好机关管理", "3．提案落实进度", "(4)委员履职"}) {
    const std::string text =
        std::string(heading) + "\n2023年，县政协开展专题学习12次。\n";
    const Extraction e = Run(text);
    EXPECT_EQ(e.reports[0].title, "") << heading;
    EXPECT_EQ(e.reports[0].begin, 0) << heading;
  }
  // Headlines that open with a number or a numeral word are titles.
  for (const char* headline :
       {"2.5万名委员参与履职活动", "三年行动计划推进会召开", "一线协商解难题",
        "第三节 参政议政"}) {
    const std::string text =
        std::string(headline) + "\n2023年，县政协开展专题学习12次。\n";
    EXPECT_EQ(Run(text).reports[0].title, headline);
  }
}

TEST_F(ReportsTest, AuthorLabelEndsAtTheNextLabel) {
  const Extraction e =
      Run("县政协召开常委会议\n时间：2023-06-12 来源：县政协 作者：王明 "
          "浏览：1024\n"
          "6月10日，县政协召开常委会议。\n");
  ASSERT_EQ(e.reports[0].authors.size(), 1u);
  EXPECT_EQ(e.reports[0].authors[0].name, "王明");
  EXPECT_EQ(e.reports[0].authors[0].role, "作者");
  // A name written spaced out is no label after it.
  const Extraction spaced =
      Run("县政协召开常委会议\n来源：县政协 作者：王 "
          "明\n6月10日，县政协召开常委会议。\n");
  ASSERT_EQ(spaced.reports[0].authors.size(), 1u);
  EXPECT_EQ(spaced.reports[0].authors[0].name, "王明");
}

TEST_F(ReportsTest, PostHeaderAboveTheHeadline) {
  // An account line with a date: no headline, but the year and committee.
  const Extraction e = Run(
      "原创 桐庐政协 2023-06-12 18:30 发表于浙江\n县政协召开十届三次常委会议\n"
      "6月10日，县政协召开常委会议。\n");
  EXPECT_EQ(e.reports[0].title, "县政协召开十届三次常委会议");
  EXPECT_EQ(e.reports[0].year, 2023);
  EXPECT_EQ(e.reports[0].organization, "桐庐县政协");
  // A sentence with such a date is text, and a menu above the headline
  // names no committee of the text's.
  const Extraction sentence =
      Run("县政协召开常委会议\n会议定于2023-06-12召开，委员们参加。\n");
  EXPECT_EQ(sentence.reports[0].year, std::nullopt);
  const Extraction menu =
      Run("首页 全国政协 省政协 政协动态\n县政协召开常委会议\n"
          "6月10日，县政协召开常委会议。\n");
  EXPECT_EQ(menu.reports[0].organization, "");
}

TEST_F(ReportsTest, ACommitteesNameOverItsHeadlineIsPartOfTheTitle) {
  const Extraction e =
      Run("醴陵市政协\n着力提升茶产业品质\n发布时间：2023-05-08\n"
          "近日，委员们走访了几家茶企。\n");
  EXPECT_EQ(e.reports[0].title, "醴陵市政协着力提升茶产业品质");
  EXPECT_EQ(e.reports[0].organization, "醴陵市政协");
  // Negative: a headline that says more than a name stands alone, and a
  // name over a sentence keeps the sentence out.
  const Extraction two =
      Run("醴陵市政协调研茶产业\n委员建言献策\n委员们走访了几家茶企。\n");
  EXPECT_EQ(two.reports[0].title, "醴陵市政协调研茶产业");
  const Extraction prose = Run("醴陵市政协\n近日，委员们走访了几家茶企。\n");
  EXPECT_EQ(prose.reports[0].title, "醴陵市政协");
}

TEST_F(ReportsTest, ASubtitleMayOpenWithItsYearOrAQuote) {
  const Extraction e =
      Run("春风化雨润湘西\n——2022年吉首市政协履职纪实\n本报记者 石兰\n"
          "吉首市政协聚焦民生，委员们走村入户。\n");
  EXPECT_EQ(e.reports[0].subtitle, "2022年吉首市政协履职纪实");
  EXPECT_EQ(e.reports[0].year, 2022);
  const Extraction q =
      Run("春风化雨润湘西\n——“委员之家”里的故事\n委员们走村入户。\n");
  EXPECT_EQ(q.reports[0].subtitle, "“委员之家”里的故事");
  // Negative: a dashed line of digits that is no year is none.
  const Extraction n =
      Run("春风化雨润湘西\n——20项民生实事\n委员们走村入户。\n");
  EXPECT_EQ(n.reports[0].subtitle, "");
}

TEST_F(ReportsTest, DashedSectionHeadsStayInTheirReport) {
  const std::string text =
      "同心协力开新局\n——某县政协2023年工作综述\n2023年，县政协履职尽责。\n"
      "坚持政治引领\n——深化学习教育\n县政协党组开展专题学习12次。\n"
      "担当作为谱新章\n——县政协助力项目建设纪实\n委员们走到项目现场察看。\n"
      "汇聚众智促团结\n——民主监督侧记\n记者 王明\n委员们开展监督。\n";
  const Extraction e = Run(text);
  ASSERT_EQ(e.reports.size(), 3u);  // a section head is no report
  EXPECT_EQ(e.reports[0].title, "同心协力开新局");
  EXPECT_EQ(e.reports[1].title, "担当作为谱新章");  // names a committee
  EXPECT_EQ(e.reports[2].title, "汇聚众智促团结");  // a byline follows
}

TEST_F(ReportsTest, PeoplesCongressReportHasNoCommittee) {
  const Extraction e =
      Run("市人大常委会召开第十五次会议\n8月30日，宜宾市人大常委会召开会议，"
          "市政府、宜宾市政协有关负责同志列席。\n");
  EXPECT_EQ(e.reports[0].organization, "");
  EXPECT_EQ(e.reports[0].city, "");
  // A CPPCC report that names the congress in passing keeps its committee.
  const Extraction cppcc =
      Run("宜宾市政协召开常委会议\n会议邀请市人大常委会有关负责同志列席。\n");
  EXPECT_EQ(cppcc.reports[0].organization, "宜宾市政协");
  const Extraction both =
      Run("市人大常委会与市政协联合开展调研\n近日，宜宾市政协与市人大常委会"
          "联合开展调研。\n");
  EXPECT_EQ(both.reports[0].organization, "宜宾市政协");
  const Extraction school =
      Run("县老年人大学开展书画展览\n近日，绛县政协安排委员参观展览。\n");
  EXPECT_EQ(school.reports[0].organization, "绛县政协");
}

TEST(PageFurnitureTest, FurnitureLinesAreRecognised) {
  const struct {
    std::u32string_view line;
    Furniture want;
  } kCases[] = {
      {U"来源：某某日报", Furniture::kLabel},
      {U"发布时间：2024-08-02", Furniture::kLabel},
      {U"作者:佚名", Furniture::kLabel},
      {U"责任编辑：郑华", Furniture::kLabel},
      {U"编辑 刘畅", Furniture::kLabel},
      {U"浏览次数：35", Furniture::kLabel},
      {U"分享到：", Furniture::kLabel},
      {U"首页 > 新闻中心 > 正文", Furniture::kBreadcrumb},
      {U"首页>协商>动态", Furniture::kBreadcrumb},
      {U"首 页 政协概况 新闻中心 委员风采 联系我们", Furniture::kNavigation},
      {U"打印 | 关闭", Furniture::kButtons},
      {U"回到目录 |  返回顶部", Furniture::kButtons},
      {U"版权所有 某某市政协", Furniture::kButtons},
      {U"新闻推荐", Furniture::kArticleEnd},
      {U"相关文章:", Furniture::kArticleEnd},
      {U"1. 1", Furniture::kNoText},
      {U"Original URL: http://example.org/a", Furniture::kNoText},
      {U"2022年08月19日 19:05 | 来源：某网", Furniture::kDateline},
      // Text lines, never furniture.
      {U"同心筑梦启新程", Furniture::kNone},
      {U"提 质 增 效", Furniture::kNone},
      {U"聚力前行 共谱新篇", Furniture::kNone},
      {U"2024年3月1日，市政协召开会议。", Furniture::kNone},
      {U"编辑部同志深入基层调研，收集意见。", Furniture::kNone},
      {U"同一时间，委员们走进社区。", Furniture::kNone},
      {U"履职成果发布", Furniture::kNone},
      {U"数据发布 成绩亮眼", Furniture::kNone},
      {U"奋斗时间 不负韶华", Furniture::kNone},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ClassifyFurniture(c.line), c.want) << EncodeUtf8(c.line);
  }
}

// A long line with a sentence mark is prose whatever it opens with; the
// marks are looked for four code points at a time, so one at any offset
// (and in the last few code points) counts.
TEST(PageFurnitureTest, ALongLineWithASentenceMarkIsProse) {
  const std::u32string label = U"来源：" + std::u32string(49, U'某');
  EXPECT_EQ(ClassifyFurniture(label), Furniture::kLabel);
  for (size_t at = 3; at <= label.size(); ++at) {
    for (char32_t mark : {U'。', U'？', U';', U'｡'}) {
      std::u32string line = label;
      line.insert(at, 1, mark);
      EXPECT_EQ(ClassifyFurniture(line), Furniture::kNone) << at;
    }
  }
}

TEST(PageFurnitureTest, PublicationYearComesFromDateLines) {
  EXPECT_EQ(PublicationYear(U"发布时间：2024-08-02"), 2024);
  EXPECT_EQ(PublicationYear(U"日期:２０２３-０４-０９  来源:某报"), 2023);
  EXPECT_EQ(PublicationYear(U"2022年08月19日 19:05 | 来源：某网"), 2022);
  EXPECT_EQ(PublicationYear(U"2024年8月2日，市政协召开会议。"), std::nullopt);
  EXPECT_EQ(PublicationYear(U"来源：某某日报"), std::nullopt);
}

TEST(ReviewYearTest, HeadingThenLeadMarkerThenPublication) {
  const struct {
    std::u32string_view heading, body;
    std::optional<int> published, want;
  } kCases[] = {
      {U"某市政协２０２４年工作综述", U"", std::nullopt, 2024},
      {U"", U"2021年，委员们履职尽责。", std::nullopt, 2021},
      {U"", U"截至2023年底，共办复提案。2024年，将继续。", std::nullopt, 2023},
      {U"", U"今年以来，市政协开展调研。", 2024, 2024},
      {U"", U"今年是开局之年，市政协开展调研。", 2024, 2024},
      {U"", U"据介绍，去年，市政协收集建议。", 2024, 2023},
      {U"", U"会议于2024年3月1日召开。", 2024, 2024},
      // Years in numerals, as formal titles and leads write them.
      {U"某县政协二〇二三年工作报告", U"", std::nullopt, 2023},
      {U"", U"二零二二年，委员们履职尽责。", std::nullopt, 2022},
      {U"", U"一年来，委员们积极履职。", std::nullopt, std::nullopt},
      {U"某市政协二〇二三年至二〇二四年工作要点", U"", std::nullopt,
       std::nullopt},
      // A year that is the topic of what follows.
      {U"", U"2023年是开局之年，市政协开展调研。", std::nullopt, 2023},
      {U"", U"2022年度，县政协共收到提案。", std::nullopt, 2022},
      {U"", U"2023年度提案交办会召开。", std::nullopt, std::nullopt},
      {U"", U"1月16日，会议总结了2023年工作，部署2024年任务。", std::nullopt,
       2023},
      {U"", U"会议回顾 2022年履职情况。", std::nullopt, 2022},
      {U"", U"会议部署2024年重点工作。", std::nullopt, std::nullopt},
      // A heading over the year's work, as formal reports open it.
      {U"", U"一、2023年主要工作\n加强学习。", std::nullopt, 2023},
      {U"", U"2022年工作回顾\n一年来，委员们积极履职。", std::nullopt, 2022},
      {U"", U"二、2025年主要工作任务\n", std::nullopt, std::nullopt},
      {U"", U"2024年主要工作安排如下。", std::nullopt, std::nullopt},
      // A founding year is history.
      {U"", U"县政协成立于1956年，现有委员150名。2023年，开展调研。",
       std::nullopt, 2023},
      {U"", U"委员于2023年，赴乡镇调研。", std::nullopt, 2023},
      // No year.
      {U"履职五年谱新篇（2021—2025年）", U"2021年，开局起步。", std::nullopt,
       std::nullopt},
      {U"", U"五年来，委员们积极履职。2022年，开展活动。", 2023, std::nullopt},
      {U"五年来某市政协工作综述", U"2022年，开展活动。", 2023, std::nullopt},
      {U"", U"过去五年，委员们履职尽责。2022年，开展活动。", 2023,
       std::nullopt},
      {U"", U"过去的五年里，委员们履职尽责。", 2023, std::nullopt},
      {U"", U"2019年~2021年，县政协共收到提案。", std::nullopt, std::nullopt},
      {U"", U"2022—2024年，共收到提案。", std::nullopt, std::nullopt},
      {U"", U"会议于2024年3月1日召开。", std::nullopt, std::nullopt},
      {U"", U"今年，市政协开展调研。", std::nullopt, std::nullopt},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ReviewYear(c.heading, c.body, c.published), c.want)
        << EncodeUtf8(c.body) << EncodeUtf8(c.heading);
  }
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
