// service/ingest/layout_repair, rule by rule: page-number lines, running
// headers and footers, hard-wrapped lines, letter-spaced titles, and the
// offset map back to the extracted text. Every sentence is written for
// the rule, in the style of a committee's report.
#include "service/ingest/layout_repair.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/utf8.h"

namespace reportfacts::ingest {
namespace {

TEST(PageNumberLineTest, PageNumbersInTheirUsualForms) {
  for (const char32_t* line :
       {U"12", U"  7  ", U"— 12 —", U"—12—", U"- 3 -", U"－5－", U"第3页",
        U"第 3 页", U"第3页 共20页", U"第3页/共20页", U"Page 4",
        U"page 4 of 20", U"PAGE 4/20", U"4/20", U"4 / 20", U"１２"}) {
    EXPECT_TRUE(IsPageNumberLine(line)) << EncodeUtf8(line);
  }
}

TEST(PageNumberLineTest, TextAndNumbersWithUnitsAreNot) {
  for (const char32_t* line :
       {U"", U"12件", U"2024年", U"12345", U"— 12", U"第3章", U"第三页",
        U"Pages 4", U"Page four", U"4/20/2024", U"12.5", U"共20页",
        U"提案第3页", U"——市政协2023年工作综述"}) {
    EXPECT_FALSE(IsPageNumberLine(line)) << EncodeUtf8(line);
  }
}

TEST(LetterSpacedTitleTest, SingleHanCharactersOneSpaceApart) {
  for (const char32_t* line :
       {U"工 作 报 告", U"  提 案 工 作  ", U"常 委 会\u3000工 作"}) {
    EXPECT_TRUE(IsLetterSpacedTitle(line)) << EncodeUtf8(line);
  }
}

TEST(LetterSpacedTitleTest, WordsNamesAndWideGapsAreNot) {
  for (const char32_t* line :
       {U"工作 报告", U"工  作 报 告", U"张 花", U"文 王 明", U"图 李 强",
        U"记者 王 明", U"工 作 报告", U"A B C", U"工作报告", U"1 2 3",
        U"工 作 报 告。"}) {
    EXPECT_FALSE(IsLetterSpacedTitle(line)) << EncodeUtf8(line);
  }
}

TEST(ListItemTest, MarkersThatStartAnItem) {
  for (const char32_t* line :
       {U"一、加强理论学习", U"十二、其他工作", U"（一）深化协商",
        U"(3)开展调研", U"1.提案办理", U"2、民主监督", U"3）委员培训",
        U"①组织视察", U"●建言献策", U"- 走访委员"}) {
    EXPECT_TRUE(StartsListItem(line)) << EncodeUtf8(line);
  }
}

TEST(ListItemTest, NumbersAndWordsThatStartASentenceAreNot) {
  for (const char32_t* line :
       {U"12.5%的提案", U"2024年，市政协", U"一年来，委员们", U"（见附件）",
        U"件提案", U"-3℃", U"十分重视"}) {
    EXPECT_FALSE(StartsListItem(line)) << EncodeUtf8(line);
  }
}

TEST(JoinsAcrossTest, SentencesBrokenByTheColumn) {
  struct Case {
    const char32_t* before;
    const char32_t* after;
  };
  for (const Case& c : std::vector<Case>{
           {U"全年共收到委员", U"提案286件"},
           {U"立案率达到", U"95%"},
           {U"累计开展调研36", U"次，形成报告"},
           {U"围绕乡村振兴，", U"组织委员视察"},
           {U"推进“协商在", U"基层”活动"},
           {U"邀请专家学者 ", U" 参加座谈"},
           {U"形成《调研报告》", U"12篇"},
       }) {
    EXPECT_TRUE(JoinsAcross(c.before, c.after))
        << EncodeUtf8(c.before) << "|" << EncodeUtf8(c.after);
  }
}

TEST(JoinsAcrossTest, SentenceEndsColonsListsAndNumbersAreNot) {
  struct Case {
    const char32_t* before;
    const char32_t* after;
  };
  for (const Case& c : std::vector<Case>{
           {U"办复率100%。", U"全年组织视察"},
           {U"他说：“要抓好落实。”", U"会议强调"},
           {U"主要做法：", U"加强学习"},
           {U"重点做好以下工作", U"一、加强学习"},
           {U"工作任务", U"（一）深化协商"},
           {U"共立案12", U"34件"},
           {U"Annual report", U"of the committee"},
           {U"", U"提案"},
           {U"确保取得实效！", U"会议要求"},
       }) {
    EXPECT_FALSE(JoinsAcross(c.before, c.after))
        << EncodeUtf8(c.before) << "|" << EncodeUtf8(c.after);
  }
}

// Repair runs RepairLayout on pages of text, each given as its lines.
RepairedText Repair(const std::vector<std::string>& pages,
                    std::string* extracted = nullptr) {
  std::string text;
  std::vector<int64_t> starts;
  for (const std::string& page : pages) {
    starts.push_back(static_cast<int64_t>(DecodeUtf8(text).size()));
    text += page;
  }
  if (extracted != nullptr) *extracted = text;
  return RepairLayout({text, starts});
}

constexpr char kFullLine[] = "市政协立足职能定位推进协商，带领委员走进基层开展";
// Lines that fill a column, one for each page of a test (a page's first
// and last lines differ from the other pages', as a report's do).
const std::string kPageLines[] = {
    "市政协立足职能定位推进协商，带领委员走进基层开展",
    "各专委会聚焦民生实事，协助党委政府推动重点工作",
    "委员们积极撰写提案，反映社情民意信息，提出建议",
    "机关干部改进工作作风，提高服务保障质量效率水平",
    "常委会议专题协商城市更新，形成一批务实管用成果",
};
const std::string kPageEnds[] = {"调研两次。", "视察三次。", "座谈五次。",
                                 "走访七次。", "协商九次。"};

TEST(RepairLayoutTest, JoinsFullLinesInsideSentences) {
  const std::string page = std::string(kFullLine) +
                           "\n专题调研，全年收到各界提案286件，办复率达到"
                           "\n100%。\n一、加强学习\n短标题\n" +
                           kFullLine + "\n";
  EXPECT_EQ(Repair({page}).text,
            std::string(kFullLine) +
                "专题调研，全年收到各界提案286件，办复率达到100%。\n"
                "一、加强学习\n短标题\n" +
                kFullLine + "\n");
}

TEST(RepairLayoutTest, ShortLinesStayLines) {
  // A title and a byline above the body: short, not joined.
  const std::string page =
      std::string("政协工作综述\n通讯员 王明\n") + kFullLine + "\n专题调研。\n";
  EXPECT_EQ(Repair({page}).text, std::string("政协工作综述\n通讯员 王明\n") +
                                     kFullLine + "专题调研。\n");
}

TEST(RepairLayoutTest, DropsRunningHeadersAndPageNumbers) {
  std::vector<std::string> pages;
  for (int n = 1; n <= 4; ++n) {
    pages.push_back("市政协工作报告 " + std::to_string(n) + "\n" +
                    kPageLines[n - 1] + "\n" + kPageEnds[n - 1] + "\n— " +
                    std::to_string(n) + " —\n");
  }
  std::string extracted;
  const RepairedText repaired = Repair(pages, &extracted);
  std::string want;
  for (int n = 1; n <= 4; ++n) {
    want += kPageLines[n - 1] + kPageEnds[n - 1] + "\n";
  }
  EXPECT_EQ(repaired.text, want);
  // Each page starts at its first kept character.
  ASSERT_EQ(repaired.page_starts.size(), 4u);
  const std::u32string text = DecodeUtf8(repaired.text);
  for (size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(text.substr(static_cast<size_t>(repaired.page_starts[k]), 10),
              DecodeUtf8(kPageLines[k]).substr(0, 10));
  }
}

TEST(RepairLayoutTest, ALineOnFewPagesOrTwoPagesIsKept) {
  // On two of five pages: not most pages.
  std::vector<std::string> pages;
  for (int n = 1; n <= 5; ++n) {
    pages.push_back((n <= 2 ? "提案工作\n" : "") + kPageEnds[n - 1] + "\n");
  }
  EXPECT_EQ(Repair(pages).text.find("提案工作"), 0u);
  // On both pages of a two-page document: a header; on one: not.
  EXPECT_EQ(Repair({"提案工作\n第一页。\n", "提案工作\n第二页。\n"}).text,
            "第一页。\n第二页。\n");
  EXPECT_EQ(Repair({"提案工作\n第一页。\n", "第二页。\n"}).text,
            "提案工作\n第一页。\n第二页。\n");
  // A one-page document has none.
  EXPECT_EQ(Repair({"提案工作\n第一页。\n"}).text, "提案工作\n第一页。\n");
  // A number inside the body is not a page number.
  const std::string body = "标题\n一\n12\n二\n三\n";
  EXPECT_NE(Repair({body}).text.find("12"), std::string::npos);
}

TEST(RepairLayoutTest, ClosesUpLetterSpacedTitles) {
  EXPECT_EQ(Repair({"工 作 报 告\n记者 王 明\n"}).text,
            "工作报告\n记者 王 明\n");
}

TEST(RepairLayoutTest, OffsetsMapBackToTheExtractedText) {
  std::vector<std::string> pages;
  for (int n = 1; n <= 3; ++n) {
    pages.push_back("页眉\n" + kPageLines[n - 1] + "\n" + kPageEnds[n - 1] +
                    "\n" + std::to_string(n) + "\n");
  }
  std::string extracted_utf8;
  const RepairedText repaired = Repair(pages, &extracted_utf8);
  const std::u32string extracted = DecodeUtf8(extracted_utf8);
  const std::u32string text = DecodeUtf8(repaired.text);
  for (size_t r = 0; r < text.size(); ++r) {
    const int64_t e = repaired.map.ToExtracted(static_cast<int64_t>(r));
    ASSERT_LT(e, static_cast<int64_t>(extracted.size()));
    EXPECT_EQ(extracted[static_cast<size_t>(e)], text[r]) << r;
    EXPECT_EQ(repaired.map.ToRepaired(e), static_cast<int64_t>(r));
  }
  EXPECT_EQ(repaired.map.ToExtracted(static_cast<int64_t>(text.size())),
            static_cast<int64_t>(extracted.size()));
  // A dropped character maps to the next kept one: 页眉 to page 1's text.
  EXPECT_EQ(repaired.map.ToRepaired(0), 0);
}

TEST(RepairLayoutTest, FontSizesNoPageHasCountAsUnknown) {
  // A broken PDF can report any double as a word's size; such sizes must
  // neither overflow nor change the repair from that of unknown sizes.
  const std::string text =
      std::string(kFullLine) + "\n专题调研。\n短标题\n" + kFullLine + "\n";
  const std::vector<int64_t> starts = {0};
  const std::vector<double> broken = {1e24, std::nan(""), -3,
                                      std::numeric_limits<double>::infinity()};
  EXPECT_EQ(RepairLayout({text, starts, &broken}).text,
            RepairLayout({text, starts}).text);
}

TEST(RepairLayoutTest, EmptyAndOddInput) {
  EXPECT_EQ(Repair({}).text, "");
  EXPECT_EQ(Repair({""}).text, "");
  EXPECT_EQ(Repair({"\n\n\n"}).text, "\n\n\n");
  EXPECT_EQ(Repair({"无换行"}).text, "无换行");
}

}  // namespace
}  // namespace reportfacts::ingest
