// Tests of the whole core on small texts written for the tests.
#include "service/core/extractor.h"

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/utf8.h"
#include "tests/testing/dev_sets.h"

namespace reportfacts {
namespace {

class ExtractorTest : public ::testing::Test {
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
  static const Metric* Find(const Extraction& e, const std::string& digits) {
    for (const Metric& m : e.metrics) {
      if (m.text == digits) return &m;
    }
    return nullptr;
  }
  // ObjectAndAction is what the metric with these digits should count.
  struct ObjectAndAction {
    const char* digits;
    const char* object;
    const char* action;
  };
  template <size_t N>
  static void ExpectObjectsAndActions(const Extraction& e,
                                      const ObjectAndAction (&want)[N]) {
    for (const ObjectAndAction& w : want) {
      const Metric* m = Find(e, w.digits);
      ASSERT_NE(m, nullptr) << w.digits;
      EXPECT_EQ(m->object, w.object) << w.digits;
      EXPECT_EQ(m->action, w.action) << w.digits;
    }
  }
  static Extractor* extractor_;
};
Extractor* ExtractorTest::extractor_ = nullptr;

TEST_F(ExtractorTest, ObjectActionAndIndicatorFromThePhrase) {
  const Extraction e =
      Run("全年共收到提案412件，立案386件，编报社情民意信息260篇，被上级采用58"
          "篇。");
  const Metric* received = Find(e, "412");
  ASSERT_NE(received, nullptr);
  EXPECT_EQ(received->object, "提案");
  EXPECT_EQ(received->action, "收到");
  EXPECT_EQ(received->indicator, "proposals.submitted");
  const Metric* registered = Find(e, "386");
  ASSERT_NE(registered, nullptr);
  EXPECT_EQ(registered->object, "提案");  // carried over from 412件
  EXPECT_EQ(registered->indicator, "proposals.registered");
  const Metric* compiled = Find(e, "260");
  ASSERT_NE(compiled, nullptr);
  EXPECT_EQ(compiled->indicator, "sentiment_info.submitted");
  const Metric* adopted = Find(e, "58");
  ASSERT_NE(adopted, nullptr);
  EXPECT_EQ(adopted->indicator, "sentiment_info.adopted");
}

// With the shipped word lists, a verb that says which text, fund or
// activity is read into its noun, and the verb before it acts.
TEST_F(ExtractorTest, VerbsThatQualifyANounAreReadIntoIt) {
  const Extraction e =
      Run("年内落实帮扶资金18万元，向有关部门提出整改建议33条，"
          "组织青年干部参加各类读书学习活动9场。另共落实奖励资金25万元。");
  // (奖励 is in no word list: the rules' reading of its verb stands.)
  const ObjectAndAction want[] = {
      {"18", "帮扶资金", "落实"},
      {"33", "整改建议", "提出"},
      {"25", "奖励资金", "落实"},
  };
  ExpectObjectsAndActions(e, want);
  const Metric* activity = Find(e, "9");
  ASSERT_NE(activity, nullptr);
  EXPECT_EQ(activity->action, "参加");
}

// 交由 and 领衔 are verbs (jieba tags them nouns): the noun phrase after
// the measure ends before them.
TEST_F(ExtractorTest, HandingOverAndLeadingAreVerbs) {
  const Extraction e = Run("区政协将14件民生提案交由副区长领衔办理。");
  const Metric* handed = Find(e, "14");
  ASSERT_NE(handed, nullptr);
  EXPECT_EQ(handed->object, "民生提案");
}

// A staffing category (事业编制) is a noun: what is counted, not a verb.
TEST_F(ExtractorTest, StaffingCategoriesAreNouns) {
  const Extraction e = Run("该馆现有职工19人，其中行政编制4人、事业编制15人。");
  const Metric* staff = Find(e, "15");
  ASSERT_NE(staff, nullptr);
  EXPECT_EQ(staff->object, "事业编制");
  EXPECT_EQ(staff->action, "");
}

// With the shipped word lists: an event named by a deed done in it keeps
// the holding verb as the action, things treated as something are that
// something, and a verb-object word after its verb counts the object.
TEST_F(ExtractorTest, WhatTheShippedListsReadAroundTheDeed) {
  const Extraction e =
      Run("开展送技术下乡活动11场，开展提案办理协商7次；另作为意见建议转"
          "单位参阅13件；全年帮助解决问题62个。");
  const ObjectAndAction want[] = {
      {"11", "送技术下乡活动", "开展"},
      {"7", "提案办理协商", "开展"},
      {"13", "意见建议", "作为意见建议转单位参阅"},
      {"62", "问题", "帮助解决"},
  };
  ExpectObjectsAndActions(e, want);
}

// The genre's counting verbs are ordinary words (common_words.txt holds
// them): a bare committee never reads one as a county's short name
// (新建 is also 新建区), while a name used as a place still counts.
TEST_F(ExtractorTest, ACountingVerbIsNoShortNameOfACounty) {
  const Extraction verb =
      Run("区政协2023年工作综述\n\n一年来，区政协新建委员工作室6个，"
          "收到提案120件。\n");
  ASSERT_EQ(verb.reports.size(), 1u);
  EXPECT_EQ(verb.reports[0].organization, "");
  const Extraction place =
      Run("县政协2023年工作综述\n\n一年来，县政协委员为始兴发展建言，"
          "收到提案120件。\n");
  ASSERT_EQ(place.reports.size(), 1u);
  EXPECT_EQ(place.reports[0].organization, "始兴县政协");
}

// After 被 the words before the verb are who acts, a level named with the
// body (市级以上) included: the count goes on about the object before.
TEST_F(ExtractorTest, WhoActsAfterThePassiveIsNoObject) {
  const Extraction e =
      Run("全年报送信息210条，被市级以上政协采用67条，其中被全国政协采用2条。");
  for (const char* digits : {"67", "2"}) {
    const Metric* m = Find(e, digits);
    ASSERT_NE(m, nullptr) << digits;
    EXPECT_EQ(m->object, "信息") << digits;
    EXPECT_EQ(m->action, "采用") << digits;
    EXPECT_EQ(m->indicator, "sentiment_info.adopted") << digits;
  }
  // Without 被 the noun before the verb is what is counted.
  const Extraction active = Run("全年报送信息210条，调研报告采用8篇。");
  const Metric* own = Find(active, "8");
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(own->object, "调研报告");
}

TEST_F(ExtractorTest, ASubCountARulePutsAtNoStageKeepsItsOwnIndicator) {
  // Parts of a registered set: one with no verb of its own takes the set's
  // indicator; one merged into others (并案) is at no stage, by a rule.
  const Extraction e = Run("经审查立案260件，其中集体提案30件，并案12件。");
  const Metric* part = Find(e, "30");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->indicator, "proposals.registered");
  const Metric* merged = Find(e, "12");
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->indicator, "other");
  // Negative: a part no rule knows (a verb of no stage) takes the set's.
  const Extraction f = Run("收到提案300件，其中会议期间交来240件。");
  const Metric* during = Find(f, "240");
  ASSERT_NE(during, nullptr);
  EXPECT_EQ(during->indicator, "proposals.submitted");
}

TEST_F(ExtractorTest, ASetNamedWithoutANumberGivesItsPartsTheirStage) {
  // The clause before 其中 names the set in words: the parts are answered
  // proposals, not the registered ones counted before.
  const Extraction e =
      Run("经审查立案260件。目前提案已全部答复，其中采纳落实的150件，"
          "正在研究的80件。");
  const Metric* adopted = Find(e, "150");
  ASSERT_NE(adopted, nullptr);
  EXPECT_EQ(adopted->indicator, "proposals.resolved");
  // Negative: 其中 right after the count splits the count.
  const Extraction f = Run("经审查立案260件，其中集体提案30件。");
  const Metric* part = Find(f, "30");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->indicator, "proposals.registered");
}

TEST_F(ExtractorTest, VerbsOfIssuingStartingAndTurningAreActions) {
  // Verbs of the genre's work the dictionary may cut or tag otherwise.
  const Extraction e =
      Run("全年印发工作方案16件，新上项目9个，选派3名干部驻村，"
          "另有提案7件转为社情民意信息。");
  const Metric* issued = Find(e, "16");
  ASSERT_NE(issued, nullptr);
  EXPECT_EQ(issued->action, "印发");
  const Metric* started = Find(e, "9");
  ASSERT_NE(started, nullptr);
  EXPECT_EQ(started->action, "新上");
  const Metric* sent = Find(e, "3");
  ASSERT_NE(sent, nullptr);
  EXPECT_EQ(sent->action, "选派");
  // A case turned into another kind is at no stage of handling.
  const Metric* turned = Find(e, "7");
  ASSERT_NE(turned, nullptr);
  EXPECT_EQ(turned->indicator, "other");
  // Proposals filed between sessions are a kind of their own.
  const Extraction g = Run("收到大会提案300件、平时提案40件。");
  const Metric* between = Find(g, "40");
  ASSERT_NE(between, nullptr);
  EXPECT_EQ(between->object, "平时提案");
  // Negative: a verb of the list inside a noun is no action of the count.
  const Extraction f = Run("收到从事农业的委员提案12件。");
  const Metric* received = Find(f, "12");
  ASSERT_NE(received, nullptr);
  EXPECT_EQ(received->action, "收到");
}

TEST_F(ExtractorTest, VerbsOfFundsWorksAndRequestsAreActions) {
  // Raising, giving out and recovering money; building works; handling
  // people's requests: the verb is the action and stays out of the object.
  const Extraction e =
      Run("今年共募集爱心款42万元，向困难户发放补贴资金35万元，"
          "帮助企业挽回损失120万元。委员工作站登记群众诉求310件，"
          "接听来电95个，修建便民桥梁6座。");
  const ObjectAndAction want[] = {
      {"42", "爱心款", "募集"}, {"35", "补贴资金", "发放"},
      {"120", "损失", "挽回"},  {"310", "群众诉求", "登记"},
      {"95", "来电", "接听"},   {"6", "便民桥梁", "修建"}};
  ExpectObjectsAndActions(e, want);
  // Negative: the verb inside a rate's name is no action of the rate.
  const Extraction f = Run("全县资金拨付率达到95%。");
  const Metric* rate = Find(f, "95");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->action, "达到");
  EXPECT_NE(rate->object.find("拨付率"), std::string::npos);
}

TEST_F(ExtractorTest, ATimeWordAfterANameEndsIt) {
  // The last name of a list, or a name alone, right before the time of
  // what the person did (全年, 近年来, 日前).
  const Extraction e =
      Run("区政协常委周立平、韩素梅、丁春雷全年撰写提案均在3件以上。"
          "区政协委员孟思远日前走访了8家企业。");
  std::vector<std::string> names;
  for (const Person& p : e.people) names.push_back(p.name + "/" + p.role);
  EXPECT_NE(std::find(names.begin(), names.end(), "丁春雷/常委"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "孟思远/委员"), names.end());
  // Negative: no name runs into the time word, and no time word is read
  // as a name.
  for (const Person& p : e.people) {
    EXPECT_EQ(p.name.find("全"), std::string::npos) << p.name;
    EXPECT_EQ(p.name.find("日"), std::string::npos) << p.name;
  }
}

TEST_F(ExtractorTest, IncomeBeforeAFigureIsWhatIsCounted) {
  // 收入 names income (jieba tags it a verb of receiving).
  const Extraction e =
      Run("全年实现旅游收入6.4亿元，农村居民人均可支配收入达到2.3万元。");
  const Metric* tourism = Find(e, "6.4");
  ASSERT_NE(tourism, nullptr);
  EXPECT_EQ(tourism->object, "旅游收入");
  EXPECT_EQ(tourism->action, "实现");
  const Metric* income = Find(e, "2.3");
  ASSERT_NE(income, nullptr);
  EXPECT_EQ(income->action, "达到");
  EXPECT_NE(income->object.find("收入"), std::string::npos);
  // Negative: a verb before income stays the action.
  const Extraction f = Run("带动群众增加收入860万元。");
  const Metric* raised = Find(f, "860");
  ASSERT_NE(raised, nullptr);
  EXPECT_EQ(raised->object, "收入");
  EXPECT_EQ(raised->action, "增加");
}

TEST_F(ExtractorTest, ContainersAndLaidPipesAreCounted) {
  const Extraction e =
      Run("新铺设供水管网26千米，港区年吞吐量达到80万标箱、"
          "集装箱运量3.2万TEU，另有9万标准箱在建。");
  const Metric* pipes = Find(e, "26");
  ASSERT_NE(pipes, nullptr);
  EXPECT_EQ(pipes->action, "铺设");
  EXPECT_EQ(pipes->unit, "千米");
  const Metric* port = Find(e, "80");
  ASSERT_NE(port, nullptr);
  EXPECT_EQ(port->unit, "标箱");
  EXPECT_EQ(port->value, 800000);
  const Metric* latin = Find(e, "3.2");
  ASSERT_NE(latin, nullptr);
  EXPECT_EQ(latin->unit, "TEU");
  const Metric* full = Find(e, "9");
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(full->unit, "标箱");
  // Negative: Latin letters running on are no unit.
  const Metric* code = Find(Run("型号为12TEUX。"), "12");
  EXPECT_TRUE(code == nullptr || code->unit != "TEU");
}

TEST_F(ExtractorTest, AModifierIsStrippedOnlyAsAWholeWord) {
  // 新, 多 and 各 are modifiers alone, but the first characters of 新型,
  // 多媒体 and 各界, which the object needs whole.
  const Extraction e =
      Run("制作多媒体课件5件，邀请各界人士300人，培育新型经营主体40家。");
  EXPECT_EQ(Find(e, "5")->object, "多媒体课件");
  EXPECT_EQ(Find(e, "300")->object, "各界人士");
  EXPECT_EQ(Find(e, "40")->object, "新型经营主体");
  // Negative: a modifier that is a word of its own still goes.
  const Extraction f = Run("举办各类讲座8场。");
  ASSERT_NE(Find(f, "8"), nullptr);
  EXPECT_EQ(Find(f, "8")->object, "讲座");
}

TEST_F(ExtractorTest, AListedVerbInsideANounIsNoAction) {
  // 发布 inside 发布会: the noun is counted and the verb before it acts.
  const Extraction e = Run("召开新闻发布会3场，举办成果发布会2次。");
  const Metric* press = Find(e, "3");
  ASSERT_NE(press, nullptr);
  EXPECT_EQ(press->object, "新闻发布会");
  EXPECT_EQ(press->action, "召开");
  const Metric* results = Find(e, "2");
  ASSERT_NE(results, nullptr);
  EXPECT_EQ(results->object, "成果发布会");
  EXPECT_EQ(results->action, "举办");
  // Negative: the verb before its own object stays the action.
  const Extraction f = Run("全年发布信息120条。");
  ASSERT_NE(Find(f, "120"), nullptr);
  EXPECT_EQ(Find(f, "120")->object, "信息");
  EXPECT_EQ(Find(f, "120")->action, "发布");
}

TEST_F(ExtractorTest, DigitsGluedToLettersNameATechnology) {
  const Extraction e = Run("新建5G基站36座，建成4K演播室2个。");
  ASSERT_NE(Find(e, "36"), nullptr);
  EXPECT_EQ(Find(e, "36")->object, "5G基站");
  ASSERT_NE(Find(e, "2"), nullptr);
  EXPECT_EQ(Find(e, "2")->object, "4K演播室");
  // Negative: the first end of a range stays out of the object.
  const Extraction f = Run("每月开展走访1—2次。");
  ASSERT_NE(Find(f, "2"), nullptr);
  EXPECT_EQ(Find(f, "2")->object.find("1"), std::string::npos);
}

TEST_F(ExtractorTest, MergedHandlingIsOneStep) {
  // 并案处理: one step of handling; what is so handled is proposals.
  const Extraction e = Run("收到提案90件，并案处理8件。");
  const Metric* merged = Find(e, "8");
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->action, "并案处理");
  EXPECT_EQ(merged->object, "提案");
  // Negative: 并案 alone stays the step.
  const Extraction f = Run("收到提案90件，并案8件。");
  ASSERT_NE(Find(f, "8"), nullptr);
  EXPECT_EQ(Find(f, "8")->action, "并案");
}

TEST_F(ExtractorTest, LookingOverASiteIsTheAction) {
  // 察看, 查看, 实地察看: a visit's looking over counts what it saw.
  const Extraction e = Run("委员实地察看了项目6个，查看台账20本。");
  ASSERT_NE(Find(e, "6"), nullptr);
  EXPECT_EQ(Find(e, "6")->action, "实地察看");
  EXPECT_EQ(Find(e, "6")->object, "项目");
  ASSERT_NE(Find(e, "20"), nullptr);
  EXPECT_EQ(Find(e, "20")->action, "查看");
  // Negative: a count after another verb keeps that verb.
  const Extraction f = Run("察看现场后，召开座谈会2场。");
  ASSERT_NE(Find(f, "2"), nullptr);
  EXPECT_EQ(Find(f, "2")->action, "召开");
}

TEST_F(ExtractorTest, AFiguresNameIsReadWhole) {
  // The name of a figure: the word lists know its last noun only.
  const Extraction e =
      Run("全县一般公共预算收入12.5亿元，居民人均可支配收入36800元。");
  ASSERT_NE(Find(e, "12.5"), nullptr);
  EXPECT_EQ(Find(e, "12.5")->object, "一般公共预算收入");
  ASSERT_NE(Find(e, "36800"), nullptr);
  EXPECT_EQ(Find(e, "36800")->object, "居民人均可支配收入");
  // Negative: a count of things is no figure's name; its head noun is
  // read as before.
  const Extraction f = Run("全年收到群众来信和委员提案30件。");
  ASSERT_NE(Find(f, "30"), nullptr);
  EXPECT_EQ(Find(f, "30")->object.find("群众来信和"), std::string::npos);
}

TEST_F(ExtractorTest, ALinkingVerbAfterAnotherVerbStaysTheAction) {
  // A listed verb before the figure (登记) does not govern a linking verb
  // (控制在): what stands between them is the figure.
  const Extraction e = Run("全县登记失业率控制在4%以内。");
  ASSERT_NE(Find(e, "4"), nullptr);
  EXPECT_EQ(Find(e, "4")->action, "控制在");
  EXPECT_NE(Find(e, "4")->object.find("失业率"), std::string::npos);
  EXPECT_EQ(Find(e, "4")->object.find("控制"), std::string::npos);
  // Negative: a verb used as a noun after an earlier verb is governed by
  // it.
  const Extraction f = Run("组织业务培训3次。");
  ASSERT_NE(Find(f, "3"), nullptr);
  EXPECT_EQ(Find(f, "3")->action, "组织");
}

TEST_F(ExtractorTest, AValueJoinedToTheOneBeforeIsOfTheSameFigure) {
  const Extraction e = Run("两地居民人均可支配收入分别达到38600元和21400元。");
  ASSERT_NE(Find(e, "38600"), nullptr);
  ASSERT_NE(Find(e, "21400"), nullptr);
  EXPECT_EQ(Find(e, "21400")->object, Find(e, "38600")->object);
  EXPECT_EQ(Find(e, "21400")->action, "达到");
  // Negative: a value in another unit is no value of the same figure.
  const Extraction f = Run("签约项目12个和资金3亿元。");
  ASSERT_NE(Find(f, "3"), nullptr);
  EXPECT_NE(Find(f, "3")->object, Find(f, "12")->object);
}

TEST_F(ExtractorTest, AChangeAfterAFigureIsThatFiguresChange) {
  const Extraction e = Run("全年税收收入9.6亿元，增长7.5%。");
  ASSERT_NE(Find(e, "7.5"), nullptr);
  EXPECT_EQ(Find(e, "7.5")->object, Find(e, "9.6")->object);
  EXPECT_EQ(Find(e, "7.5")->action, "增长");
  // Negative: a change after a share is not carried from it, and a clause
  // with words of its own keeps them.
  const Extraction f = Run("实现税收收入9.6亿元，其中增值税增长7.5%。");
  ASSERT_NE(Find(f, "7.5"), nullptr);
  EXPECT_NE(Find(f, "7.5")->object, Find(f, "9.6")->object);
  // A percentage further back in the sentence does not take the change
  // from the figure right before it.
  const Extraction g = Run("工业产值增长4.2%，税收收入9.6亿元，同比增长7.5%。");
  ASSERT_NE(Find(g, "7.5"), nullptr);
  EXPECT_EQ(Find(g, "7.5")->object, Find(g, "9.6")->object);
}

TEST_F(ExtractorTest, AVerbUsedAsANounAfterAListedVerbIsCounted) {
  // 完成 + 投资: the listed verb before acts, the verbal noun is counted.
  const Extraction e = Run("全县完成投资8.6亿元。");
  ASSERT_NE(Find(e, "8.6"), nullptr);
  EXPECT_EQ(Find(e, "8.6")->object, "投资");
  EXPECT_EQ(Find(e, "8.6")->action, "完成");
  // Negative: a verb of motion before it (来) is no listed verb; the
  // deed stays the action.
  const Extraction f = Run("专家来调研视察3次。");
  ASSERT_NE(Find(f, "3"), nullptr);
  EXPECT_NE(Find(f, "3")->action, "来");
}

TEST_F(ExtractorTest, TheRateOfGrowthIsMeasured) {
  const Extraction e = Run("全县税收收入增速为6.1%。");
  ASSERT_NE(Find(e, "6.1"), nullptr);
  EXPECT_NE(Find(e, "6.1")->object.find("增速"), std::string::npos);
  EXPECT_EQ(Find(e, "6.1")->action, "");
  // Negative: a verb of growth stays the action.
  const Extraction f = Run("全县税收收入增长6.1%。");
  ASSERT_NE(Find(f, "6.1"), nullptr);
  EXPECT_EQ(Find(f, "6.1")->action, "增长");
}

TEST_F(ExtractorTest, KindsListedBeforeTheirHeadStayInTheObject) {
  // 党派、团体提案: the head noun serves each kind of the list.
  const Extraction e = Run("收到党派、团体提案52件。");
  ASSERT_NE(Find(e, "52"), nullptr);
  EXPECT_EQ(Find(e, "52")->object, "党派、团体提案");
  // Negative: a list of verbs before the noun is no list of kinds.
  const Extraction f = Run("收集、整理提案52件。");
  ASSERT_NE(Find(f, "52"), nullptr);
  EXPECT_EQ(Find(f, "52")->object.find("收集"), std::string::npos);
}

TEST_F(ExtractorTest, FundsPutToUseAreCountedByTheirVerb) {
  // 实际使用 / 实际利用 + the funds: the verb acts, the funds are counted.
  const Extraction e = Run("全年实际使用外资1.8亿美元，实际利用内资42亿元。");
  ASSERT_NE(Find(e, "1.8"), nullptr);
  EXPECT_EQ(Find(e, "1.8")->object, "外资");
  EXPECT_EQ(Find(e, "1.8")->action, "实际使用");
  ASSERT_NE(Find(e, "42"), nullptr);
  EXPECT_EQ(Find(e, "42")->object, "内资");
  EXPECT_EQ(Find(e, "42")->action, "实际利用");
  // Negative: 利用 inside a rate's noun stays in the noun.
  const Extraction f = Run("秸秆综合利用率达到92%。");
  ASSERT_NE(Find(f, "92"), nullptr);
  EXPECT_NE(Find(f, "92")->object.find("利用率"), std::string::npos);
}

TEST_F(ExtractorTest, AStagesShareOfTheWholeIsItsRate) {
  // Registered proposals as a share of all submitted: the rate of
  // registering, as 立案率 is.
  const Extraction e =
      Run("共收到提案350件，经审查立案320件，占提案总数的91.4%。");
  ASSERT_NE(Find(e, "91.4"), nullptr);
  EXPECT_EQ(Find(e, "91.4")->indicator, "proposals.satisfaction_rate");
  // Negative: a part's share stays other.
  const Extraction f =
      Run("经审查立案320件，其中集体提案20件，占提案总数的6.3%。");
  ASSERT_NE(Find(f, "6.3"), nullptr);
  EXPECT_EQ(Find(f, "6.3")->indicator, "other");
}

TEST_F(ExtractorTest, ProblemsFoundAndPutRight) {
  const Extraction e = Run("督查发现问题25个，整改落实20个。");
  ASSERT_NE(Find(e, "25"), nullptr);
  EXPECT_EQ(Find(e, "25")->action, "发现");
  EXPECT_EQ(Find(e, "25")->object, "问题");
  ASSERT_NE(Find(e, "20"), nullptr);
  EXPECT_EQ(Find(e, "20")->action, "整改落实");
  EXPECT_EQ(Find(e, "20")->object, "问题");
  // Negative: the rate of putting right is a noun, no action.
  const Extraction f = Run("问题整改率达到90%。");
  ASSERT_NE(Find(f, "90"), nullptr);
  EXPECT_NE(Find(f, "90")->object.find("整改率"), std::string::npos);
  EXPECT_EQ(Find(f, "90")->action.find("整改"), std::string::npos);
}

TEST_F(ExtractorTest, ANounPhraseEndsInNoPreposition) {
  // X由 + N个Y: what the number counts is after it, not the words before
  // the preposition.
  const Extraction e = Run("本届收到的建议由52个主办单位分头答复。");
  ASSERT_NE(Find(e, "52"), nullptr);
  EXPECT_EQ(Find(e, "52")->object, "主办单位");
  // Negative: a preposition inside the clause, not ending what stands
  // before the number, leaves the object as read.
  const Extraction f = Run("向群众发放宣传资料3000份。");
  ASSERT_NE(Find(f, "3000"), nullptr);
  EXPECT_EQ(Find(f, "3000")->object, "宣传资料");
}

TEST_F(ExtractorTest, AVerbOfStayingAtALevelIsTheAction) {
  // 稳定在, 保持在: the verb joins what is measured to its value.
  const Extraction e = Run("全县耕地面积稳定在52万亩，森林覆盖率保持在61%。");
  const Metric* area = Find(e, "52");
  ASSERT_NE(area, nullptr);
  EXPECT_EQ(area->action, "稳定在");
  EXPECT_EQ(area->object.find("稳定"), std::string::npos);
  const Metric* cover = Find(e, "61");
  ASSERT_NE(cover, nullptr);
  EXPECT_EQ(cover->action, "保持在");
  EXPECT_NE(cover->object.find("覆盖率"), std::string::npos);
  EXPECT_EQ(cover->object.find("保持"), std::string::npos);
  // Negative: 稳定 as a word of its own before a noun is no such verb.
  const Extraction f = Run("新增稳定就业岗位300个。");
  ASSERT_NE(Find(f, "300"), nullptr);
  EXPECT_NE(Find(f, "300")->action, "稳定在");
}

TEST_F(ExtractorTest, AShareRightAfterACountIsTheShareOfWhatItCounts) {
  const Extraction e =
      Run("按类别分，农业类63件，占28.5%；教育类41件，占比18.6%。");
  ASSERT_NE(Find(e, "28.5"), nullptr);
  EXPECT_EQ(Find(e, "28.5")->object, Find(e, "63")->object);
  EXPECT_FALSE(Find(e, "28.5")->object.empty());
  ASSERT_NE(Find(e, "18.6"), nullptr);
  EXPECT_EQ(Find(e, "18.6")->object, Find(e, "41")->object);
  // Negative: a share of a base it names keeps that base.
  const Extraction f = Run("农业类63件，占全部来信的28.5%。");
  ASSERT_NE(Find(f, "28.5"), nullptr);
  EXPECT_NE(Find(f, "28.5")->object.find("来信"), std::string::npos);
}

TEST_F(ExtractorTest, LettersFromThePublicAreANoun) {
  // 来信 is what is received, turned into and answered, never a verb here.
  const Extraction e = Run("全年收到群众来信52封，另有提案9件转为委员来信。");
  ASSERT_NE(Find(e, "52"), nullptr);
  EXPECT_EQ(Find(e, "52")->object, "群众来信");
  EXPECT_EQ(Find(e, "52")->action, "收到");
  ASSERT_NE(Find(e, "9"), nullptr);
  EXPECT_NE(Find(e, "9")->action, "来信");
}

TEST_F(ExtractorTest, ABylineNameIsNoShortNameOfAPlace) {
  // 江海 is the short name of 江海区, and the start of the reporter's name.
  const Extraction e =
      Run("区政协召开协商会\n本报讯（通讯员 江海燕）区政协召开专题协商会，"
          "收到意见建议20条。");
  ASSERT_EQ(e.reports.size(), 1u);
  EXPECT_NE(e.reports[0].organization, "江海区政协");
  // Negative: the short name in the prose still names the district.
  const Extraction f = Run(
      "区政协召开协商会\n区政协围绕江海发展开展专题协商，收到意见建议20条。");
  ASSERT_EQ(f.reports.size(), 1u);
  EXPECT_EQ(f.reports[0].organization, "江海区政协");
}

TEST_F(ExtractorTest, AFigureBeforeTheVerbOfItsCountIsWhatIsCounted) {
  // 总额, 增加值, 总数 before 完成/实现 name the amount, without the place.
  const Extraction e =
      Run("全县社会消费品零售总额实现38.2亿元，全市规模以上工业增加值完成52."
          "6亿元。");
  ASSERT_NE(Find(e, "38.2"), nullptr);
  EXPECT_EQ(Find(e, "38.2")->object, "社会消费品零售总额");
  EXPECT_EQ(Find(e, "38.2")->action, "实现");
  ASSERT_NE(Find(e, "52.6"), nullptr);
  EXPECT_EQ(Find(e, "52.6")->action, "完成");
  EXPECT_NE(Find(e, "52.6")->object.find("增加值"), std::string::npos);
  EXPECT_EQ(Find(e, "52.6")->object.find("全市"), std::string::npos);
  // Negative: who acts before the verb is not counted.
  const Extraction f = Run("县红十字会募集善款30万元。");
  ASSERT_NE(Find(f, "30"), nullptr);
  EXPECT_EQ(Find(f, "30")->object.find("红十字会"), std::string::npos);
}

TEST_F(ExtractorTest, VerbsOfAppointingPeopleAreActions) {
  const Extraction e =
      Run("区政协选聘民主监督员36名，聘请咨询专家12人，增补委员5名。");
  const ObjectAndAction want[] = {{"36", "民主监督员", "选聘"},
                                  {"12", "咨询专家", "聘请"},
                                  {"5", "委员", "增补"}};
  ExpectObjectsAndActions(e, want);
  // Negative: a verb of a clause before is no action of a count of its
  // own (现有 members, not 增补).
  const Extraction f = Run("会议通过了增补名单。区政协现有委员215名。");
  ASSERT_NE(Find(f, "215"), nullptr);
  EXPECT_NE(Find(f, "215")->action, "增补");
}

TEST_F(ExtractorTest, VerbsOfInvestmentReferralAndHandingOnAreActions) {
  const Extraction e =
      Run("各界委员引荐客商项目6个，洽谈合作项目4个；转交职能部门信访件15件。");
  const ObjectAndAction want[] = {{"6", "客商项目", "引荐"},
                                  {"4", "合作项目", "洽谈"},
                                  {"15", "信访件", "转交"}};
  ExpectObjectsAndActions(e, want);
  // Negative: 结对 is no action (as often a modifier of what is counted),
  // so the verb before it stays the action.
  const Extraction f = Run("机关党员走访慰问结对困难户30户。");
  ASSERT_NE(Find(f, "30"), nullptr);
  EXPECT_EQ(Find(f, "30")->action, "走访慰问");
}

// A course named by its deed alone is the event the verb before it holds
// or takes part in; counted in times, the deed acts.
TEST_F(ExtractorTest, ACourseNamedByItsDeedAloneIsTheEvent) {
  const Extraction e = Run("区政协举办培训3期。委员们参加培训2期。");
  const ObjectAndAction want[] = {{"3", "培训", "举办"}, {"2", "培训", "参加"}};
  ExpectObjectsAndActions(e, want);
  EXPECT_EQ(Find(e, "3")->indicator, "training.sessions");
  // Negative: a deed counted in times is what was done.
  const Extraction f = Run("全年开展走访12次。");
  ASSERT_NE(Find(f, "12"), nullptr);
  EXPECT_EQ(Find(f, "12")->object, "");
  EXPECT_EQ(Find(f, "12")->action, "走访");
  // Training told by its verb alone is held training all the same.
  const Extraction g = Run("机关组织培训5次。");
  ASSERT_NE(Find(g, "5"), nullptr);
  EXPECT_EQ(Find(g, "5")->indicator, "training.sessions");
}

// The public's visits and calls (来访, 来电) are what is received, with
// the shipped lists: the verb before the people acts.
TEST_F(ExtractorTest, VisitsReceivedAreCountedByTheVerbBefore) {
  const Extraction e =
      Run("全年接待群众来访260人次，受理来电35件。组织委员参加活动90人次。");
  const ObjectAndAction want[] = {{"260", "群众", "接待"},
                                  {"90", "委员", "参加"}};
  ExpectObjectsAndActions(e, want);
}

// Fields of work that jieba tags as people's names (廉政, 文明) are nouns
// with the shipped lists: a topic list keeps them.
TEST_F(ExtractorTest, FieldsTaggedAsNamesAreNouns) {
  const Extraction e =
      Run("收到提案90件，其中廉政教育、文明乡风培育方面30件，养老服务方面"
          "12件。");
  const ObjectAndAction want[] = {
      {"30", "廉政教育、文明乡风培育方面", ""},
      {"12", "养老服务方面", ""},
  };
  ExpectObjectsAndActions(e, want);
}

// Two verbs joined on one object are the action together, before the
// object or after a count of people; a joiner between nouns joins no verbs.
TEST_F(ExtractorTest, VerbsJoinedOnOneObjectActTogether) {
  const Extraction e =
      Run("委员们牵头和参与重点提案20件。全年征集和整理意见建议150条。"
          "有31名委员参与和支持村级合作社。提出意见和建议44条。");
  const ObjectAndAction want[] = {{"20", "重点提案", "牵头和参与"},
                                  {"150", "意见建议", "征集和整理"},
                                  {"44", "意见和建议", "提出"}};
  ExpectObjectsAndActions(e, want);
  ASSERT_NE(Find(e, "31"), nullptr);
  EXPECT_EQ(Find(e, "31")->action, "参与和支持");
}

// A count of places after 在 with a verb of setting up counts what was set
// up there, one in each: the places of a list after 在 too. A deed that
// sets nothing up, or a thing no indicator names, leaves the places other.
TEST_F(ExtractorTest, PlacesWhereThingsWereSetUpCountThem) {
  const Extraction e =
      Run("在全县14个乡镇和3个园区建立了委员工作站。在12个社区开展宣讲。"
          "在8个村建成文化广场。");
  const auto indicator_of = [&e](const char* digits) {
    const Metric* m = Find(e, digits);
    return m == nullptr ? std::string("(none)") : m->indicator;
  };
  EXPECT_EQ(indicator_of("14"), "platforms.count");
  EXPECT_EQ(indicator_of("3"), "platforms.count");
  EXPECT_EQ(indicator_of("12"), "other");
  EXPECT_EQ(indicator_of("8"), "other");
}

// Cases treated as something else (转为信息) are not what the paragraph
// goes on about: a later count of cases with no object counts the set.
TEST_F(ExtractorTest, CasesTreatedAsSomethingElseAreNotCarried) {
  const Extraction e =
      Run("全年收到提案140件，立案126件，转为社情民意信息5件。各承办单位认真"
          "办理，截至年底，已办复126件。");
  const ObjectAndAction want[] = {{"5", "社情民意信息", "转为"}};
  ExpectObjectsAndActions(e, want);
  const Metric* answered = nullptr;
  for (const Metric& m : e.metrics) {
    if (m.text == "126" && m.action == "办复") answered = &m;
  }
  ASSERT_NE(answered, nullptr);
  EXPECT_EQ(answered->object, "提案");
  EXPECT_EQ(answered->indicator, "proposals.resolved");
}

// 价值 right after the deed (捐款捐物价值N元) is the worth of what the deed
// gave: a quantity word, no object. After a thing it is that thing's.
TEST_F(ExtractorTest, WorthRightAfterTheDeedHasNoObject) {
  const Extraction e = Run("全年累计捐款捐物价值6万元。另收到物资价值3000元。");
  const ObjectAndAction want[] = {{"6", "", "捐款捐物"},
                                  {"3000", "物资", "收到"}};
  ExpectObjectsAndActions(e, want);
}

// A clause without an object goes on about the texts of the count before
// also in another measure of texts (期, then 篇); a count of people after
// a count of courses takes no object from it.
TEST_F(ExtractorTest, TextsCarryTheirObjectAcrossMeasuresOfTexts) {
  const Extraction e =
      Run("编报社情民意信息60期，被市政协采用9篇。举办读书班3期，参加80人。");
  const ObjectAndAction want[] = {{"9", "社情民意信息", "采用"},
                                  {"80", "", "参加"}};
  ExpectObjectsAndActions(e, want);
}

// A negating or deferring adverb before the verb stays in the action, and
// a deed not done counts nothing done; other adverbs stay out.
TEST_F(ExtractorTest, ADeedNotDoneKeepsItsNegation) {
  const Extraction e =
      Run("立案150件。其中尚未办结12件，暂缓解决5件，因资金原因暂时不能"
          "落实3件。共收到来信40件。");
  const ObjectAndAction want[] = {{"12", "提案", "尚未办结"},
                                  {"5", "提案", "暂缓解决"},
                                  {"3", "提案", "暂时不能落实"},
                                  {"40", "来信", "收到"}};
  ExpectObjectsAndActions(e, want);
  for (const char* digits : {"12", "5", "3"}) {
    EXPECT_EQ(Find(e, digits)->indicator, "other") << digits;
  }
  EXPECT_EQ(Find(e, "150")->indicator, "proposals.registered");
  // A state read after a cause starts where the cause ends: after its
  // nouns and their verb.
  const Extraction f =
      Run("立案90件。其中因经费限制暂时无法办理的4件，因条件限制留作参考的"
          "7件。");
  ASSERT_NE(Find(f, "4"), nullptr);
  EXPECT_EQ(Find(f, "4")->action, "暂时无法办理");
  ASSERT_NE(Find(f, "7"), nullptr);
  EXPECT_EQ(Find(f, "7")->action, "留作参考");
}

// A clause whose own verb the rules read does not take the verb of the
// clause before from the word lists; one without a verb does.
TEST_F(ExtractorTest, AClauseWithItsOwnVerbKeepsIt) {
  const Extraction e =
      Run("全区建成议事驿站7个，在9个社区设立委员联络点11个。"
          "新建文化广场4个、农家书屋3个。");
  const auto action_of = [&e](const char* digits) {
    const Metric* m = Find(e, digits);
    return m == nullptr ? std::string("(none)") : m->action;
  };
  EXPECT_EQ(action_of("7"), "建成");
  EXPECT_EQ(action_of("9"), "设立");
  EXPECT_EQ(action_of("11"), "设立");
  EXPECT_EQ(action_of("3"), "新建");
  // Also where the clause's verb stands after the number, and is no verb of
  // the genre's lists.
  const Extraction f = Run("培训人员1200人次，约9成学员表示收获很大。");
  ASSERT_NE(Find(f, "9"), nullptr);
  EXPECT_NE(Find(f, "9")->action, "培训");
}

// Whole noun phrases joined by 、 are counted together: the object keeps
// every item, also where the word lists read the last alone or its end.
TEST_F(ExtractorTest, NounPhrasesJoinedByAPauseMarkAreOneObject) {
  const Extraction e =
      Run("组织委员参加界别协商会议、专项视察活动14次。"
          "委员们参加对口协商会议、民主监督活动16次。");
  const ObjectAndAction want[] = {
      {"14", "界别协商会议、专项视察活动", "参加"},
      {"16", "对口协商会议、民主监督活动", "参加"},
  };
  ExpectObjectsAndActions(e, want);
}

// A share right after a count is the rate of the count's deed where its
// own words name none; a deed not yet done, or a count without a deed, is
// no rate.
TEST_F(ExtractorTest, AShareAfterACountIsTheRateOfItsDeed) {
  const Extraction e =
      Run("各部门承办提案130件，委员表示满意的124件，占95.4%；正在解决的"
          "6件，占4.6%。全年收到提案200件，其中经济类70件，占35%。");
  const auto indicator_of = [&e](const char* digits) {
    const Metric* m = Find(e, digits);
    return m == nullptr ? std::string("(none)") : m->indicator;
  };
  EXPECT_EQ(indicator_of("95.4"), "proposals.satisfaction_rate");
  EXPECT_EQ(indicator_of("4.6"), "other");
  EXPECT_EQ(indicator_of("35"), "other");
  const Extraction f = Run("已经解决的提案88件，占立案数的80%。");
  ASSERT_NE(Find(f, "80"), nullptr);
  EXPECT_EQ(Find(f, "80")->indicator, "proposals.satisfaction_rate");
}

// A count of people by the training they took part in counts people
// trained, however the people and their verb read; people at other events
// are counted as no event.
TEST_F(ExtractorTest, PeopleAtATrainingArePeopleTrained) {
  const Extraction e =
      Run("组织青年委员参加专题轮训460人次。委员参加读书培训达385人次。"
          "委员参加联谊活动217人次。委员参与调研座谈会96人次。");
  const auto indicator_of = [&e](const char* digits) {
    const Metric* m = Find(e, digits);
    return m == nullptr ? std::string("(none)") : m->indicator;
  };
  EXPECT_EQ(indicator_of("460"), "training.participants");
  EXPECT_EQ(indicator_of("385"), "training.participants");
  EXPECT_EQ(indicator_of("217"), "other");
  EXPECT_EQ(indicator_of("96"), "other");
  // The people stay what is counted, with the age that says which kind.
  ASSERT_NE(Find(e, "460"), nullptr);
  EXPECT_EQ(Find(e, "460")->object, "青年委员");
}

// An age of life names a kind (青年委员, 老年大学), where jieba tags it a
// time word, which an object would drop.
TEST_F(ExtractorTest, AnAgeOfLifeSaysWhichKind) {
  const Extraction e =
      Run("全区新建老年活动站14个，组建青年志愿服务队5支，开办少年书法班3期。");
  const ObjectAndAction want[] = {{"14", "老年活动站", "新建"},
                                  {"5", "青年志愿服务队", "组建"},
                                  {"3", "少年书法班", "开办"}};
  ExpectObjectsAndActions(e, want);
}

// The extractor gives the committee reader jieba's dictionary: a county's
// short name inside the country's name is no place.
TEST_F(ExtractorTest, TheCountrysNameHoldsNoCountysShortName) {
  const Extraction e =
      Run("县政协2025年工作要点\n在中华人民共和国成立纪念日前，县政协安排委员"
          "开展学习活动3次。\n");
  ASSERT_FALSE(e.reports.empty());
  EXPECT_EQ(e.reports[0].organization, "");
  EXPECT_EQ(e.reports[0].province, "");
}

// A verb of striving (力争, 力求) modifies the deed aimed at, as an adverb:
// it is neither the object nor carried to the next count as one.
TEST_F(ExtractorTest, StrivingModifiesTheDeedAimedAt) {
  const Extraction e = Run("力争参评率达到85%，完成考核任务70%以上。");
  const ObjectAndAction want[] = {{"85", "参评率", "达到"},
                                  {"70", "考核任务", "完成"}};
  ExpectObjectsAndActions(e, want);
  const Extraction f = Run("力争达到92%以上，完成86%以上。");
  const ObjectAndAction want_f[] = {{"92", "", "达到"}, {"86", "", "完成"}};
  ExpectObjectsAndActions(f, want_f);
}

// The parts of a set named in words (全部提案都已答复，其中…) take the set's
// indicator, except a part whose own verb a rule puts at no stage.
TEST_F(ExtractorTest, APartNotDoneOfAWordedSetIsAtNoStage) {
  const Extraction e =
      Run("所有立案提案均已答复，其中已落实的41件，尚不能落实的6件。");
  const auto indicator_of = [&e](const char* digits) {
    const Metric* m = Find(e, digits);
    return m == nullptr ? std::string("(none)") : m->indicator;
  };
  EXPECT_EQ(indicator_of("41"), "proposals.resolved");
  EXPECT_EQ(indicator_of("6"), "other");
}

// Verbs of having (有, 现有) open no object; the committee's special
// committees are bodies named whole.
TEST_F(ExtractorTest, HavingOpensNoObject) {
  const Extraction e = Run("办公室设7个专门委员会，有工作人员48人。");
  const ObjectAndAction want[] = {{"7", "专门委员会", ""},
                                  {"48", "工作人员", ""}};
  ExpectObjectsAndActions(e, want);
}

// A clause of its own that names a figure and no verb states the figure:
// the verb of the count before is not carried into it; an enumeration
// joined by 、 shares it.
TEST_F(ExtractorTest, AFigureInAClauseOfItsOwnTakesNoCarriedVerb) {
  const Extraction e =
      Run("引进重点项目14个，总投资63亿元。洽谈项目7个、金额21亿元。");
  const ObjectAndAction want[] = {{"14", "重点项目", "引进"},
                                  {"63", "总投资", ""},
                                  {"7", "项目", "洽谈"},
                                  {"21", "金额", "洽谈"}};
  ExpectObjectsAndActions(e, want);
}

// A figure named before the verb of reaching it (产值达到N元) is what is
// counted, without the place it is of.
TEST_F(ExtractorTest, AFigureBeforeTheVerbOfReachingIsCounted) {
  const Extraction e = Run("全镇农业总产值达到9.6亿元。茶叶总产量达到3400吨。");
  const ObjectAndAction want[] = {{"9.6", "农业总产值", "达到"},
                                  {"3400", "茶叶总产量", "达到"}};
  ExpectObjectsAndActions(e, want);
}

// States listed before 分别为 are, in order, the states of the counts after
// it: each count's action, or a share's object.
TEST_F(ExtractorTest, StatesListedRespectivelyGoToTheirCounts) {
  const Extraction e =
      Run("答复后，提案人表示满意、基本满意的分别为74件、19件。"
          "群众评议认可、基本认可和不认可的分别占71%、24%和5%。");
  const ObjectAndAction want[] = {{"74", "", "满意"},
                                  {"19", "", "基本满意"},
                                  {"71", "认可", "占"},
                                  {"24", "基本认可", "占"},
                                  {"5", "不认可", "占"}};
  ExpectObjectsAndActions(e, want);
  // Negative: nouns listed are no states, and a list of another length
  // than the counts' is left as read.
  const Extraction f = Run(
      "经济类、社会类提案分别为31件、26件。满意和理解的分别为8件、3件和1件。");
  ASSERT_NE(Find(f, "31"), nullptr);
  EXPECT_NE(Find(f, "31")->action, "经济类");
  ASSERT_NE(Find(f, "8"), nullptr);
  EXPECT_NE(Find(f, "8")->action, "满意");
}

// The special committees act: before the verb of a count they are who
// acts, no object; after a measure they are what is counted.
TEST_F(ExtractorTest, SpecialCommitteesActAndAreCounted) {
  const Extraction e = Run(
      "全年开展调研视察41次，其中各专委会牵头调研27次。下设6个专门委员会。");
  const ObjectAndAction want[] = {{"27", "", "调研"}, {"6", "专门委员会", ""}};
  ExpectObjectsAndActions(e, want);
  ASSERT_NE(Find(e, "27"), nullptr);
  EXPECT_EQ(Find(e, "27")->indicator, "inspections.held");
}

// 参加单位 (the bodies a committee is made of) is a noun: its 参加 is no
// verb of the count.
TEST_F(ExtractorTest, ParticipatingBodiesAreANoun) {
  const Extraction e = Run("大会期间收到党派团体和参加单位提案57件。");
  ASSERT_NE(Find(e, "57"), nullptr);
  EXPECT_EQ(Find(e, "57")->action, "收到");
  EXPECT_EQ(Find(e, "57")->indicator, "proposals.submitted");
}

// 年度 is a time word (GUIDE: no time words around the object): it goes
// from the front of the object as 全年 does.
TEST_F(ExtractorTest, TheYearWordIsNoPartOfTheObject) {
  const Extraction e = Run("确定年度民主监督课题6个，完成年度重点任务14项。");
  const ObjectAndAction want[] = {{"6", "民主监督课题", "确定"},
                                  {"14", "重点任务", "完成"}};
  ExpectObjectsAndActions(e, want);
}

// 提案办理协商 (consultation on handling proposals) is one deed of the
// genre: its 办理 is no verb of the count, nor of the list after it.
TEST_F(ExtractorTest, ConsultationOnHandlingIsOneDeed) {
  const Extraction e =
      Run("全年开展对口协商6次、提案办理协商5次、界别协商9次。");
  const ObjectAndAction want[] = {{"6", "对口协商", "开展"},
                                  {"5", "提案办理协商", "开展"},
                                  {"9", "界别协商", "开展"}};
  ExpectObjectsAndActions(e, want);
}

// Answers fall in three classes: solved, planned to be solved step by
// step, not solvable for now. Only the first class's share is a rate, and
// the planned proposals are at no stage of handling yet.
TEST_F(ExtractorTest, OnlyTheSolvedClassOfAnswersHasARate) {
  const Extraction e =
      Run("共收到提案50件。其中已解决的32件，占64%；列入计划分步解决的"
          "13件，占26%；受条件所限一时不能解决的5件，占10%。");
  const auto indicator_of = [&e](const char* digits) {
    const Metric* m = Find(e, digits);
    return m == nullptr ? std::string("(none)") : m->indicator;
  };
  EXPECT_EQ(indicator_of("32"), "proposals.resolved");
  EXPECT_EQ(indicator_of("64"), "proposals.satisfaction_rate");
  EXPECT_EQ(indicator_of("13"), "other");
  EXPECT_EQ(indicator_of("26"), "other");
  EXPECT_EQ(indicator_of("10"), "other");
}

// The noun the word lists would read may not run through the count's
// verb: a place before it (在N个街道) and the thing made after it are two
// phrases, and the rules' noun stands.
TEST_F(ExtractorTest, ANounPhraseDoesNotRunThroughTheCountsVerb) {
  const Extraction e =
      Run("在9个街道建成协商议事室11个。全县新建村级文化广场23个。");
  const ObjectAndAction want[] = {{"9", "街道", ""},
                                  {"11", "协商议事室", "建成"},
                                  {"23", "村级文化广场", "新建"}};
  ExpectObjectsAndActions(e, want);
}

TEST_F(ExtractorTest, ABarePartyGroupIsTheReportsCommittees) {
  const Extraction e =
      Run("长治市政协举行月度协商\n"
          "党组书记、市政协主席张文华主持，党组成员、副主席李红梅，"
          "市政府党组成员、副市长王刚出席。");
  const auto organization_of = [&e](const std::string& name,
                                    const std::string& role) {
    for (const Person& p : e.people) {
      if (p.name == name && p.role == role) return p.organization;
    }
    return std::string("(none)");
  };
  EXPECT_EQ(organization_of("李红梅", "成员"), "长治市政协党组");
  EXPECT_EQ(organization_of("李红梅", "副主席"), "长治市政协");
  EXPECT_EQ(organization_of("张文华", "书记"), "长治市政协党组");
  // Negative: a Party group whose body is written stays that body's.
  EXPECT_EQ(organization_of("王刚", "成员"), "长治市政府党组");
}

TEST_F(ExtractorTest, AnObjectKeepsAWordThatOpensWithAPrepositionCharacter) {
  // 对 alone is a preposition and is dropped (对...的提案); 对口 is a word.
  const Extraction e = Run("今年召开对口协商会7次，其中专题协商会3次。");
  const Metric* paired = Find(e, "7");
  ASSERT_NE(paired, nullptr);
  EXPECT_EQ(paired->object, "对口协商会");
  const Metric* part = Find(e, "3");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->object.rfind("其中", 0), std::string::npos)
      << part->object;  // the frame word is no part of the object
}

TEST_F(ExtractorTest, TwoMetricsInOnePhrase) {
  const Extraction e = Run("总投资38亿元的6个项目签约。");
  const Metric* money = Find(e, "38");
  const Metric* projects = Find(e, "6");
  ASSERT_NE(money, nullptr);
  ASSERT_NE(projects, nullptr);
  EXPECT_EQ(money->value, 3.8e9);
  EXPECT_EQ(money->indicator, "investment.amount");
  EXPECT_EQ(projects->object, "项目");
  EXPECT_EQ(projects->action, "签约");
  EXPECT_EQ(projects->indicator, "investment.projects");
}

TEST_F(ExtractorTest, OffsetsAreCodePointsAndGroundTheText) {
  const std::string text = "一、　政协委员１２０名参加，满意率达98.5%。";
  const Extraction e = Run(text);
  const std::u32string cps = DecodeUtf8(text);
  ASSERT_EQ(e.metrics.size(), 2u);
  for (const Metric& m : e.metrics) {
    ASSERT_LE(m.end, static_cast<int64_t>(cps.size()));
    EXPECT_EQ(
        EncodeUtf8(std::u32string_view(cps).substr(m.begin, m.end - m.begin)),
        m.text);
    EXPECT_LE(m.sentence_begin, m.begin);
    EXPECT_GE(m.sentence_end, m.end);
  }
  EXPECT_EQ(e.metrics[0].value, 120);
  EXPECT_EQ(e.metrics[1].value, 98.5);
  EXPECT_EQ(e.metrics[1].indicator, "proposals.satisfaction_rate");
}

TEST_F(ExtractorTest, EmptyAndOddInputs) {
  EXPECT_TRUE(Run("").metrics.empty());
  EXPECT_TRUE(Run("，。；：！？").metrics.empty());
  EXPECT_TRUE(Run(std::string(1000, '7')).metrics.empty());
  EXPECT_TRUE(Run(std::string("a\0b\x01", 4)).metrics.empty());
  EXPECT_FALSE(extractor_->Extract("\xD6\xD0", {}).ok());
}

TEST_F(ExtractorTest, CancellationStopsTheCall) {
  ExtractOptions options;
  options.is_cancelled = [] { return true; };
  auto result = extractor_->Extract("立案12件", options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
}

TEST_F(ExtractorTest, AFactLimitStopsADenseTextAndNamesTheLimit) {
  std::string dense;
  for (int i = 0; i < 50; ++i) dense += "新建站点3个，";
  ExtractOptions options;
  options.max_facts = 20;
  auto result = extractor_->Extract(dense, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find("20 facts"), std::string::npos);

  options.max_facts = 51;  // exactly its 50 metrics and one report
  result = extractor_->Extract(dense, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->metrics.size(), 50u);
}

TEST_F(ExtractorTest, SameResultOnManyThreads) {
  const std::string text =
      "开展协商议政活动35次，组织视察调研42次，签约项目12个。";
  const Extraction want = Run(text);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        auto got = extractor_->Extract(text, {});
        if (!got.ok() || got->metrics.size() != want.metrics.size()) {
          ++mismatches;
          continue;
        }
        for (size_t k = 0; k < want.metrics.size(); ++k) {
          if (got->metrics[k].object != want.metrics[k].object ||
              got->metrics[k].indicator != want.metrics[k].indicator) {
            ++mismatches;
          }
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

// Both development sets run together: a document far past
// kParallelMinCodePoints, with reports, dates and people of every shape
// the sets hold. Empty when ../shared is missing (the test then fails).
std::string DevelopmentArchive() {
  std::string archive;
  for (const char* set : {"corpus", "corpus-web"}) {
    for (const std::string& file : testing::DevSetFiles(set)) {
      archive += testing::ReadWholeFile(file);
      archive += "\n\n";
    }
  }
  return archive;
}

// FirstDifference names the first fact where two extractions differ, or
// is empty when they are the same.
std::string FirstDifference(const Extraction& a, const Extraction& b) {
  if (a.reports.size() != b.reports.size()) return "report count";
  for (size_t i = 0; i < a.reports.size(); ++i) {
    const Report& x = a.reports[i];
    const Report& y = b.reports[i];
    if (x.begin != y.begin || x.end != y.end || x.title != y.title ||
        x.subtitle != y.subtitle || x.organization != y.organization ||
        x.city != y.city || x.province != y.province || x.year != y.year ||
        x.authors.size() != y.authors.size()) {
      return "report " + std::to_string(i);
    }
    for (size_t k = 0; k < x.authors.size(); ++k) {
      if (x.authors[k].name != y.authors[k].name ||
          x.authors[k].role != y.authors[k].role) {
        return "author of report " + std::to_string(i);
      }
    }
  }
  if (a.metrics.size() != b.metrics.size()) return "metric count";
  for (size_t i = 0; i < a.metrics.size(); ++i) {
    const Metric& x = a.metrics[i];
    const Metric& y = b.metrics[i];
    if (x.begin != y.begin || x.end != y.end || x.text != y.text ||
        x.unit_text != y.unit_text || x.value != y.value || x.unit != y.unit ||
        x.qualifier != y.qualifier || x.object != y.object ||
        x.action != y.action || x.indicator != y.indicator ||
        x.sentence_begin != y.sentence_begin ||
        x.sentence_end != y.sentence_end || x.report != y.report) {
      return "metric " + x.text + " at " + std::to_string(x.begin);
    }
  }
  if (a.dates.size() != b.dates.size()) return "date count";
  for (size_t i = 0; i < a.dates.size(); ++i) {
    const DateMention& x = a.dates[i];
    const DateMention& y = b.dates[i];
    if (x.begin != y.begin || x.end != y.end || x.text != y.text ||
        x.start != y.start || x.finish != y.finish || x.report != y.report) {
      return "date " + x.text;
    }
  }
  if (a.people.size() != b.people.size()) return "person count";
  for (size_t i = 0; i < a.people.size(); ++i) {
    const Person& x = a.people[i];
    const Person& y = b.people[i];
    if (x.name != y.name || x.role != y.role ||
        x.organization != y.organization || x.begin != y.begin ||
        x.end != y.end || x.report != y.report) {
      return "person " + x.name;
    }
  }
  return "";
}

TEST_F(ExtractorTest, TwoThreadsFindTheFactsOneThreadFinds) {
  const std::string archive = DevelopmentArchive();
  ASSERT_FALSE(archive.empty())
      << "no development corpus under " << REPORTFACTS_SHARED_DIR;
  ASSERT_GE(DecodeUtf8(archive).size(), kParallelMinCodePoints);
  ExtractOptions one;
  one.reference_date = "2024-06-30";
  ExtractOptions two = one;
  two.max_threads = 2;
  auto alone = extractor_->Extract(archive, one);
  auto beside = extractor_->Extract(archive, two);
  ASSERT_TRUE(alone.ok()) << alone.status();
  ASSERT_TRUE(beside.ok()) << beside.status();
  EXPECT_GT(alone->metrics.size(), 500u);
  EXPECT_GT(alone->people.size(), 50u);
  EXPECT_EQ(FirstDifference(*alone, *beside), "");
}

TEST_F(ExtractorTest, CancellationStopsATwoThreadCall) {
  std::string text;
  // Each line is 23 code points.
  for (size_t i = 0; i * 20 < kParallelMinCodePoints; ++i) {
    text += "本年度举办议政会议12场，联系群众35人次。\n";
  }
  ASSERT_GE(DecodeUtf8(text).size(), kParallelMinCodePoints);
  ExtractOptions options;
  options.max_threads = 2;
  std::atomic<int> polls{0};
  // Cancelled from the second poll on: past the number scan, while both
  // threads run.
  options.is_cancelled = [&polls] { return ++polls > 1; };
  auto result = extractor_->Extract(text, options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
}

TEST(ExtractorLoad, BadDataFileNamesFileAndLine) {
  auto missing = Extractor::Load({"/nonexistent-dir", ""});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace reportfacts
