#include "service/core/taxonomy.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/keyword_index.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

std::string WriteFile(const std::string& name, const std::string& body) {
  const std::string path = ::testing::TempDir() + "/" + name;
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(body.c_str(), f);
  std::fclose(f);
  return path;
}

TEST(Taxonomy, FirstMatchingRuleWins) {
  const std::string path =
      WriteFile("tax_ok.tsv",
                "# comment\n"
                "indicator\tproposals.registered\taccepted\n"
                "indicator\tproposals.submitted\tsubmitted\n"
                "indicator\tpeople_served\tserved\n"
                "rule\tproposals.registered\t提案\t立案\t件\n"
                "rule\tproposals.submitted\t提案\t*\t件\n"
                "rule\tpeople_served\t-\t服务\t人次\n");
  auto taxonomy = Taxonomy::Load(path);
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->Classify(U"提案", U"立案", U"件"),
            "proposals.registered");
  EXPECT_EQ(taxonomy->Classify(U"重点提案", U"征集", U"件"),
            "proposals.submitted");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"立案", U"篇"), "other");
  EXPECT_EQ(taxonomy->Classify(U"", U"联系服务", U"人次"), "people_served");
  // "-" requires an empty object.
  EXPECT_EQ(taxonomy->Classify(U"群众", U"联系服务", U"人次"), "other");
  // "other" is always listed.
  EXPECT_EQ(taxonomy->indicators().back().id, "other");
}

TEST(Taxonomy, AnalystAddsAnIndicatorWithoutCode) {
  const std::string path =
      WriteFile("tax_new.tsv",
                "indicator\tvolunteers.count\tvolunteers\n"
                "rule\tvolunteers.count\t志愿者\t*\t名|人\n");
  auto taxonomy = Taxonomy::Load(path);
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->Classify(U"志愿者", U"招募", U"名"), "volunteers.count");
}

TEST(Taxonomy, ErrorsNameFileAndLine) {
  auto bad = Taxonomy::Load(WriteFile(
      "tax_bad1.tsv", "indicator\ta\tx\nrule\tundeclared\t*\t*\t*\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string(bad.status().message()).find("tax_bad1.tsv:2"),
            std::string::npos);
  bad = Taxonomy::Load(WriteFile("tax_bad2.tsv", "indicator\ta\tx\nfoo\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string(bad.status().message()).find("tax_bad2.tsv:2"),
            std::string::npos);
  bad = Taxonomy::Load(
      WriteFile("tax_bad3.tsv", "indicator\ta\tx\nindicator\ta\ty\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(Taxonomy::Load("/nonexistent/taxonomy.tsv").ok());
}

TEST(Taxonomy, ShippedFileLoadsAndCoversTheGuide) {
  auto taxonomy =
      Taxonomy::Load(std::string(REPORTFACTS_DATA_DIR) + "/taxonomy.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->indicators().size(), 26u);
  EXPECT_EQ(taxonomy->Classify(U"满意率", U"达到", U"%"),
            "proposals.satisfaction_rate");
  EXPECT_EQ(taxonomy->Classify(U"社情民意信息", U"编报", U"篇"),
            "sentiment_info.submitted");
  // Pieces a leader wrote instructions on count the instructions, whatever
  // the pieces were; the pieces compiled or adopted stay theirs.
  EXPECT_EQ(taxonomy->Classify(U"社情民意信息", U"批示", U"条"),
            "leader_instructions");
  EXPECT_EQ(taxonomy->Classify(U"社情民意信息", U"采用", U"条"),
            "sentiment_info.adopted");
  // Proposals handed over for handling are the registered ones.
  EXPECT_EQ(taxonomy->Classify(U"提案", U"交办", U"件"),
            "proposals.registered");
  // Negative: tasks handed over are no proposals.
  EXPECT_EQ(taxonomy->Classify(U"任务", U"交办", U"件"), "other");
  // Proposals kept for reference or found infeasible are at no stage, by
  // a rule (so that a part so judged does not take its set's stage).
  bool kept_by_rule = false;
  EXPECT_EQ(taxonomy->Classify(U"提案", U"留作参考", U"件", Frame::kCount,
                               &kept_by_rule),
            "other");
  EXPECT_TRUE(kept_by_rule);
  // Negative: the resolved ones are.
  EXPECT_EQ(taxonomy->Classify(U"提案", U"已经解决", U"件"),
            "proposals.resolved");
  // A percentage of proposals answered is the rate of answering.
  EXPECT_EQ(taxonomy->Classify(U"提案", U"办理答复", U"%"),
            "proposals.satisfaction_rate");
  // Negative: a percentage of something else answered is not.
  EXPECT_EQ(taxonomy->Classify(U"来电", U"答复", U"%"), "other");
  // The rates of meeting or reaching the proposers are handling rates.
  EXPECT_EQ(taxonomy->Classify(U"面商率", U"", U"%"),
            "proposals.satisfaction_rate");
  EXPECT_EQ(taxonomy->Classify(U"沟通联系率", U"达到", U"%"),
            "proposals.satisfaction_rate");
  // A meeting to consult on following up proposals is a handling meeting,
  // whatever proposals it is about.
  EXPECT_EQ(taxonomy->Classify(U"民生提案督办协商会", U"召开", U"次"),
            "proposals.handling_meetings");
  // Negative: key proposals followed up are supervised ones.
  EXPECT_EQ(taxonomy->Classify(U"重点提案", U"督办", U"件"),
            "proposals.supervised");
  // Negative: a rate of something else is not (出勤率, 覆盖率).
  EXPECT_EQ(taxonomy->Classify(U"出勤率", U"", U"%"), "other");
  // Lectures of a series are training sessions, counted in lectures too.
  EXPECT_EQ(taxonomy->Classify(U"委员讲堂", U"开设", U"讲"),
            "training.sessions");
  // Negative: a lecture hall counted as a building is none.
  EXPECT_EQ(taxonomy->Classify(U"讲堂", U"建成", U"平方米"), "other");
  // Information published or pushed to an account's readers is publicity.
  EXPECT_EQ(taxonomy->Classify(U"信息", U"推送", U"条"), "publicity.items");
  // Negative: information only gathered is not published.
  EXPECT_NE(taxonomy->Classify(U"信息", U"收集", U"条"), "publicity.items");
  // Pieces adopted with nothing named are public-opinion reports.
  EXPECT_EQ(taxonomy->Classify(U"", U"采用", U"篇"), "sentiment_info.adopted");
  // Negative: adopting what is named otherwise (a technique), or counted
  // in items, is not.
  EXPECT_EQ(taxonomy->Classify(U"新技术", U"采用", U"项"), "other");
  EXPECT_EQ(taxonomy->Classify(U"", U"采用", U"项"), "other");
  // Instructions counted as the object of a light verb (作出批示).
  EXPECT_EQ(taxonomy->Classify(U"批示", U"作出", U"次"), "leader_instructions");
  // Proposals merged into others are neither submitted nor registered.
  EXPECT_EQ(taxonomy->Classify(U"提案", U"并案", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"合并处理", U"件"), "other");
  // The share of proposals solved or found satisfactory is a rate.
  EXPECT_EQ(taxonomy->Classify(U"解决或部分解决", U"占", U"%", Frame::kShare),
            "proposals.satisfaction_rate");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"占", U"%", Frame::kShare), "other");
  // A percentage satisfied or solved is the rate; a count answered with
  // nothing named is proposals answered.
  EXPECT_EQ(taxonomy->Classify(U"", U"满意", U"%"),
            "proposals.satisfaction_rate");
  EXPECT_EQ(taxonomy->Classify(U"", U"办复", U"件"), "proposals.resolved");
  // Proposals solved are resolved; ones still being solved or put off are
  // at no stage yet.
  EXPECT_EQ(taxonomy->Classify(U"提案", U"解决或部分解决", U"件"),
            "proposals.resolved");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"正在解决", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"暂缓解决", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"作为意见处理", U"件"), "other");
  // Of the three classes of answers only the first is solved: proposals
  // planned or to be solved step by step are at no stage yet, nor is their
  // share a rate, nor the share of ones that cannot be solved now.
  EXPECT_EQ(taxonomy->Classify(U"提案", U"已列入计划", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"逐步解决", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"", U"列入规划分步解决", U"%", Frame::kShare),
            "other");
  EXPECT_EQ(taxonomy->Classify(U"", U"暂时不能解决", U"%", Frame::kShare),
            "other");
  EXPECT_EQ(taxonomy->Classify(U"", U"无法解决", U"%", Frame::kShare), "other");
  EXPECT_EQ(taxonomy->Classify(U"", U"已经解决", U"%", Frame::kShare),
            "proposals.satisfaction_rate");
  // Proposals the handling units took on were accepted for handling; the
  // units themselves are no proposals; a deed not done counts nothing.
  EXPECT_EQ(taxonomy->Classify(U"提案", U"承办", U"件"),
            "proposals.registered");
  EXPECT_EQ(taxonomy->Classify(U"承办单位", U"", U"个"), "other");
  EXPECT_EQ(taxonomy->Classify(U"问题", U"尚未解决", U"个"), "other");
  EXPECT_EQ(taxonomy->Classify(U"问题", U"解决", U"个"), "problems_resolved");
  // Problems gathered or found are not yet resolved; solved ones are.
  EXPECT_EQ(taxonomy->Classify(U"企业诉求", U"收集", U"个"), "other");
  EXPECT_EQ(taxonomy->Classify(U"矛盾纠纷", U"排查", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"诉求", U"协调解决", U"个"),
            "problems_resolved");
  EXPECT_EQ(taxonomy->Classify(U"矛盾纠纷", U"", U"件"), "problems_resolved");
  // Points set up to gather information are places, not information; the
  // information itself is.
  EXPECT_EQ(taxonomy->Classify(U"社情民意信息联络点", U"建立", U"个"),
            "platforms.count");
  EXPECT_EQ(taxonomy->Classify(U"社情民意信息", U"报送", U"条"),
            "sentiment_info.submitted");
  // Money in another currency is money as 元 is; a count is not money.
  EXPECT_EQ(taxonomy->Classify(U"", U"捐款", U"港元"), "donations.amount");
  EXPECT_EQ(taxonomy->Classify(U"合同金额", U"", U"美元"), "investment.amount");
  EXPECT_EQ(taxonomy->Classify(U"", U"捐款", U"英镑"), "donations.amount");
  EXPECT_NE(taxonomy->Classify(U"", U"捐款", U"次"), "donations.amount");
  // Charity and relief funds are money given, whoever raised them; other
  // funds are not.
  EXPECT_EQ(taxonomy->Classify(U"助学金", U"发放", U"元"), "donations.amount");
  EXPECT_EQ(taxonomy->Classify(U"扶贫资金", U"筹措", U"元"),
            "donations.amount");
  EXPECT_EQ(taxonomy->Classify(U"项目资金", U"落实", U"元"), "other");
  // People served are counted in 名 and 位 too; money given free is given.
  EXPECT_EQ(taxonomy->Classify(U"困难群众", U"帮扶", U"名"), "people_served");
  EXPECT_EQ(taxonomy->Classify(U"资金", U"无偿投入", U"元"),
            "donations.amount");
  EXPECT_EQ(taxonomy->Classify(U"学习研讨", U"组织", U"场"), "meetings.held");
  // N个方面 counts aspects; the suggestions themselves are suggestions.
  EXPECT_EQ(taxonomy->Classify(U"方面对策建议", U"提出", U"个"), "other");
  EXPECT_EQ(taxonomy->Classify(U"意见建议", U"提出", U"个"),
            "suggestions.made");
  // Negative: money put in is no donation by itself.
  EXPECT_NE(taxonomy->Classify(U"资金", U"投入", U"元"), "donations.amount");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"满意或比较满意", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"全体会议", U"召开", U"次"), "meetings.held");
  EXPECT_EQ(taxonomy->Classify(U"", U"增长", U"%"), "other");
  // Proposals received for handling (受理) were submitted; proposals
  // counted with no verb were submitted, but a verb that names no stage of
  // handling (待定, 退回) says nothing of submission.
  EXPECT_EQ(taxonomy->Classify(U"委员提案", U"受理", U"件"),
            "proposals.submitted");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"", U"件"), "proposals.submitted");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"待定", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"提案", U"退回", U"件"), "other");
  // by_rule tells "other" by a rule from "other" because no rule matches.
  bool by_rule = false;
  EXPECT_EQ(
      taxonomy->Classify(U"提案", U"并案", U"件", Frame::kCount, &by_rule),
      "other");
  EXPECT_TRUE(by_rule);
  EXPECT_EQ(
      taxonomy->Classify(U"天气", U"晴朗", U"天", Frame::kCount, &by_rule),
      "other");
  EXPECT_FALSE(by_rule);
  // Proposals passed on as suggestions are no suggestions put forward.
  EXPECT_EQ(taxonomy->Classify(U"建议", U"作为", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"意见建议", U"转为", U"件"), "other");
  EXPECT_EQ(taxonomy->Classify(U"意见建议", U"提出", U"件"),
            "suggestions.made");
  // Negative: merged and registered is registered.
  EXPECT_EQ(taxonomy->Classify(U"提案", U"合并立案", U"件"),
            "proposals.registered");
}

TEST(Taxonomy, ResearchIsAnInspectionAndResearchTour) {
  auto taxonomy =
      Taxonomy::Load(std::string(REPORTFACTS_DATA_DIR) + "/taxonomy.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  for (const std::u32string& object :
       {std::u32string(U"专题调研"), std::u32string(U"蹲点调研"),
        std::u32string(U"产业课题调研"), std::u32string(U"專題調研")}) {
    for (const char32_t* unit : {U"次", U"项", U"场次"}) {
      EXPECT_EQ(taxonomy->Classify(object, U"组织开展", unit),
                "inspections.held");
    }
  }
  // Research joined with consultation is the consultation; what research
  // produced (reports, findings) and its groups are no tours.
  EXPECT_EQ(taxonomy->Classify(U"调研协商", U"开展", U"项"),
            "consultations.held");
  EXPECT_EQ(taxonomy->Classify(U"调研报告", U"形成", U"份"), "other");
  EXPECT_EQ(taxonomy->Classify(U"调研报告", U"形成", U"次"), "other");
  EXPECT_EQ(taxonomy->Classify(U"调研成果", U"转化", U"项"), "other");
  EXPECT_EQ(taxonomy->Classify(U"调研组", U"成立", U"个"), "other");
  // The verb alone, with nothing else named, counts the tours; counted in
  // items (项) it may be anything researched.
  EXPECT_EQ(taxonomy->Classify(U"", U"调研", U"次"), "inspections.held");
  EXPECT_EQ(taxonomy->Classify(U"", U"考察学习", U"批次"), "inspections.held");
  EXPECT_EQ(taxonomy->Classify(U"", U"调研", U"项"), "other");
  // A tour named as the thing counted is one; its report is none.
  EXPECT_EQ(taxonomy->Classify(U"委员考察", U"组织", U"次"),
            "inspections.held");
  EXPECT_EQ(taxonomy->Classify(U"考察报告", U"形成", U"次"), "other");
  EXPECT_EQ(taxonomy->Classify(U"企业", U"考察", U"户"), "other");
}

TEST(Taxonomy, BodiesMeetUnderTheirFullNames) {
  auto taxonomy =
      Taxonomy::Load(std::string(REPORTFACTS_DATA_DIR) + "/taxonomy.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  for (const char32_t* meeting :
       {U"常务委员会会议", U"秘书长会议", U"秘书长办公会", U"主任会议",
        U"党组（扩大）会议", U"常務委員會會議"}) {
    EXPECT_EQ(taxonomy->Classify(meeting, U"召开", U"次"), "meetings.held")
        << EncodeUtf8(meeting);
  }
  // Negative: the members of a body are no meeting.
  EXPECT_EQ(taxonomy->Classify(U"常务委员会委员", U"", U"名"), "members.count");
  // A face-to-face meeting on handling is a handling meeting; a series of
  // consultations counts its sittings.
  EXPECT_EQ(taxonomy->Classify(U"提案办理面商会", U"召开", U"场"),
            "proposals.handling_meetings");
  EXPECT_EQ(taxonomy->Classify(U"协商议事活动", U"开展", U"期"),
            "consultations.held");
  EXPECT_EQ(taxonomy->Classify(U"委员讲堂", U"举办", U"期"),
            "training.sessions");
  // A report on a subject sent up is a report to the Party committee;
  // one only written is not.
  EXPECT_EQ(taxonomy->Classify(U"专题报告", U"报送", U"份"),
            "reports_to_party_committee");
  EXPECT_EQ(taxonomy->Classify(U"专题报告", U"撰写", U"份"), "other");
  // Money of a project that has arrived is invested; funds for relief are
  // not.
  EXPECT_EQ(taxonomy->Classify(U"到位资金", U"", U"元"), "investment.amount");
  EXPECT_EQ(taxonomy->Classify(U"救灾资金", U"", U"元"), "other");
  // Pieces adopted counted in times of a piece are adopted pieces.
  EXPECT_EQ(taxonomy->Classify(U"", U"采用", U"条次"),
            "sentiment_info.adopted");
}

TEST(Taxonomy, TraineesAndStudyCoursesAreTraining) {
  auto taxonomy =
      Taxonomy::Load(std::string(REPORTFACTS_DATA_DIR) + "/taxonomy.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->Classify(U"参训委员", U"达到", U"人次"),
            "training.participants");
  EXPECT_EQ(taxonomy->Classify(U"受训人员", U"", U"名"),
            "training.participants");
  EXPECT_EQ(taxonomy->Classify(U"主题读书班", U"举办", U"期"),
            "training.sessions");
  EXPECT_EQ(taxonomy->Classify(U"履职研修班", U"开办", U"个"),
            "training.sessions");
  EXPECT_EQ(taxonomy->Classify(U"委员轮训", U"组织", U"次"),
            "training.sessions");
  // Readers of a reading course are no course, and a course counted in
  // money is no session.
  EXPECT_NE(taxonomy->Classify(U"读书班", U"举办", U"元"), "training.sessions");
  EXPECT_EQ(taxonomy->Classify(U"参观人员", U"接待", U"人次"), "other");
}

TEST(Taxonomy, AReportNamedAfterSuggestionsCountsReports) {
  auto taxonomy =
      Taxonomy::Load(std::string(REPORTFACTS_DATA_DIR) + "/taxonomy.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->Classify(U"对策建议报告", U"形成", U"份"), "other");
  EXPECT_EQ(taxonomy->Classify(U"对策建议报告", U"报送", U"份"),
            "reports_to_party_committee");
  // Negative: the suggestions themselves are suggestions.
  EXPECT_EQ(taxonomy->Classify(U"对策建议", U"提出", U"条"),
            "suggestions.made");
}

TEST(Taxonomy, AConsultationAtAMeetingIsAConsultation) {
  auto taxonomy =
      Taxonomy::Load(std::string(REPORTFACTS_DATA_DIR) + "/taxonomy.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->Classify(U"全体会议协商", U"开展", U"次"),
            "consultations.held");
  EXPECT_EQ(taxonomy->Classify(U"常委会议协商", U"", U"场次"),
            "consultations.held");
  // What consultation produced is no consultation; sent to the Party
  // committee, it is a report to it.
  EXPECT_EQ(taxonomy->Classify(U"协商成果", U"形成", U"项"), "other");
  EXPECT_EQ(taxonomy->Classify(U"协商成果", U"报送", U"项"),
            "reports_to_party_committee");
  // A meeting held to consult is a consultation.
  EXPECT_EQ(taxonomy->Classify(U"季度协商座谈会", U"召开", U"次"),
            "consultations.held");
  EXPECT_EQ(taxonomy->Classify(U"界别协商会", U"举行", U"场"),
            "consultations.held");
  // Negative: the meeting itself stays a meeting, and a consultation on
  // handling proposals stays one.
  EXPECT_EQ(taxonomy->Classify(U"常委会议", U"召开", U"次"), "meetings.held");
  EXPECT_EQ(taxonomy->Classify(U"座谈会", U"召开", U"次"), "meetings.held");
  EXPECT_EQ(taxonomy->Classify(U"提案办理协商会", U"召开", U"场"),
            "proposals.handling_meetings");
}

// ReferenceClassify is the taxonomy's rule, read literally from rules():
// the first rule whose unit list holds the unit and whose object and
// action contain one of its words wins; an empty list allows anything and
// "-" requires an empty field.
std::string ReferenceClassify(const Taxonomy& taxonomy,
                              std::u32string_view object,
                              std::u32string_view action,
                              std::u32string_view unit, Frame frame) {
  const auto contains_any = [](std::u32string_view text,
                               const std::vector<std::u32string>& words) {
    if (words.empty()) return true;
    for (const std::u32string& w : words) {
      if (text.find(w) != std::u32string_view::npos) return true;
    }
    return false;
  };
  for (const IndicatorRule& rule : taxonomy.rules()) {
    if (rule.object_must_be_empty && !object.empty()) continue;
    if (rule.action_must_be_empty && !action.empty()) continue;
    if (!rule.frames.empty() &&
        std::find(rule.frames.begin(), rule.frames.end(), frame) ==
            rule.frames.end()) {
      continue;
    }
    bool unit_ok = rule.units.empty();
    for (const std::u32string& u : rule.units) unit_ok |= unit == u;
    if (!unit_ok || !contains_any(action, rule.action_words) ||
        !contains_any(object, rule.object_words)) {
      continue;
    }
    return rule.indicator;
  }
  return "other";
}

TEST(Taxonomy, ShippedRulesClassifyAsReadLiterally) {
  auto taxonomy =
      Taxonomy::Load(std::string(REPORTFACTS_DATA_DIR) + "/taxonomy.tsv");
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  // Texts built from the rules' own words (so that many rules fire and
  // overlap), with filler around them, and the rules' units plus others.
  std::vector<std::u32string> words = {U"", U"工作", U"会"};
  std::vector<std::u32string> units = {U"", U"件", U"篇", U"元"};
  for (const IndicatorRule& rule : taxonomy->rules()) {
    words.insert(words.end(), rule.object_words.begin(),
                 rule.object_words.end());
    words.insert(words.end(), rule.action_words.begin(),
                 rule.action_words.end());
    units.insert(units.end(), rule.units.begin(), rule.units.end());
  }
  std::mt19937 random(7);
  const auto pick = [&random](const std::vector<std::u32string>& from) {
    return from[random() % from.size()];
  };
  int checked = 0;
  for (int round = 0; round < 20000; ++round) {
    std::u32string object = pick(words);
    if (random() % 2) object = U"各类" + object + pick(words);
    const std::u32string action = random() % 3 ? pick(words) : U"";
    const std::u32string unit = pick(units);
    const Frame frame = static_cast<Frame>(random() % 3);
    ASSERT_EQ(taxonomy->Classify(object, action, unit, frame),
              ReferenceClassify(*taxonomy, object, action, unit, frame))
        << round;
    ++checked;
  }
  EXPECT_EQ(checked, 20000);
}

TEST(KeywordIndex, FindsEveryWordAnywhereAndKeepsIds) {
  KeywordIndex index;
  const int proposal = index.Add(U"提案");
  const int case_word = index.Add(U"案");
  const int long_word = index.Add(U"提案办理");
  EXPECT_EQ(index.Add(U"提案"), proposal);
  EXPECT_EQ(index.IdOf(U"案"), case_word);
  EXPECT_EQ(index.IdOf(U"提"), -1);
  KeywordIndex::Bits found = index.Find(U"年度提案复查");
  std::vector<int> ids;
  KeywordIndex::ForEach(found, [&ids](int id) { ids.push_back(id); });
  EXPECT_EQ(ids, (std::vector<int>{proposal, case_word}));
  found = index.Find(U"提案办理");
  EXPECT_EQ(KeywordIndex::First(found), proposal);
  ids.clear();
  KeywordIndex::ForEach(found, [&ids](int id) { ids.push_back(id); });
  EXPECT_EQ(ids, (std::vector<int>{proposal, case_word, long_word}));
  EXPECT_EQ(KeywordIndex::First(index.Find(U"无关")), -1);
}

// The root's children are found by the rank of their first character's
// bit: words added in any order, with first characters in the same and in
// other 64-character blocks, ASCII and beyond the Basic Multilingual Plane,
// are all found, and no other.
TEST(KeywordIndex, FindsWordsOfEveryFirstCharacterInAnyOrder) {
  const std::vector<std::u32string> words = {
      U"政协", U"A类",    U"\U00020000字", U"委员", U"丁",  U"一",
      U"乙方", U"\uFFFF", U"亿元",         U"七",   U"提案"};
  std::mt19937 random(7);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::u32string> order = words;
    std::shuffle(order.begin(), order.end(), random);
    KeywordIndex index;
    for (const std::u32string& w : order) index.Add(w);
    for (const std::u32string& w : words) {
      const int id = index.IdOf(w);
      ASSERT_GE(id, 0) << round;
      std::vector<int> ids;
      KeywordIndex::ForEach(index.Find(U"，" + w + U"。"),
                            [&ids](int i) { ids.push_back(i); });
      EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << round;
    }
    EXPECT_EQ(index.IdOf(U"万"), -1);
    EXPECT_EQ(index.IdOf(U"B"), -1);
    EXPECT_EQ(KeywordIndex::First(index.Find(U"万B丙\U00020001")), -1);
  }
}

TEST(KeywordIndex, GrowsBeyondItsInlineSize) {
  KeywordIndex index;
  const int words = KeywordIndex::kInlineWords + 100;
  for (int i = 0; i < words; ++i) {
    ASSERT_EQ(index.Add(std::u32string(1, U'一' + i)), i);
  }
  EXPECT_EQ(index.Add(U"新词"), words);
  EXPECT_EQ(index.Add(U"一"), 0);
  KeywordIndex::Bits found = index.Find(std::u32string(1, U'一' + 300));
  EXPECT_EQ(KeywordIndex::First(found), 300);
}

TEST(Taxonomy, MoreThanTwoHundredFiftySixRules) {
  std::string body = "indicator\tmany\tx\n";
  for (int i = 0; i < 400; ++i) {
    body += "rule\tmany\t词" + std::to_string(i) + "\t*\t*\n";
  }
  auto taxonomy = Taxonomy::Load(WriteFile("tax_many.tsv", body));
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->rules().size(), 400u);
  EXPECT_EQ(taxonomy->Classify(U"词399", U"", U"件"), "many");
  EXPECT_EQ(taxonomy->Classify(U"别的", U"", U"件"), "other");
}

// Up to 64 rules are classified with single-word sets, more with growing
// ones: on both sides of the boundary the first matching rule wins, the
// 64th rule (bit 63) included.
TEST(Taxonomy, FirstRuleWinsOnBothSidesOfSixtyFourRules) {
  for (const int rules : {63, 64, 65}) {
    std::string body =
        "indicator\teven\tx\nindicator\todd\tx\n"
        "indicator\tlast\tx\n";
    for (int i = 0; i + 1 < rules; ++i) {
      // (Two digits: no word contains another.)
      body += "rule\t" + std::string(i % 2 == 0 ? "even" : "odd") + "\t词" +
              std::to_string(i / 10) + std::to_string(i % 10) + "\t*\t*\n";
    }
    body += "rule\tlast\t*\t*\t*\n";  // catches the rest
    auto taxonomy = Taxonomy::Load(
        WriteFile("tax_" + std::to_string(rules) + ".tsv", body));
    ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
    bool by_rule = false;
    EXPECT_EQ(taxonomy->Classify(U"词00", U"", U"件"), "even") << rules;
    EXPECT_EQ(taxonomy->Classify(U"词61", U"", U"件"), "odd") << rules;
    EXPECT_EQ(taxonomy->Classify(U"词60和词61", U"", U"件"), "even") << rules;
    EXPECT_EQ(taxonomy->Classify(U"别的", U"", U"件", Frame::kCount, &by_rule),
              "last")
        << rules;
    EXPECT_TRUE(by_rule);
  }
}

// The frame column: a rule for shares does not catch a count or a rate.
TEST(Taxonomy, RulesMayNameTheirFrame) {
  const std::string path =
      WriteFile("tax_frames.tsv",
                "indicator\tproposals.resolved\tresolved\n"
                "indicator\tproposals.satisfaction_rate\trates\n"
                "indicator\tother\tanything else\n"
                "rule\tother\t*\t*\t*\tshare\n"
                "rule\tproposals.satisfaction_rate\t*\t*\t%\trate\n"
                "rule\tproposals.resolved\t来信\t办结\t*\tcount\n");
  auto taxonomy = Taxonomy::Load(path);
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status();
  EXPECT_EQ(taxonomy->Classify(U"来信", U"办结", U"封"), "proposals.resolved");
  EXPECT_EQ(taxonomy->Classify(U"来信", U"办结", U"封", Frame::kShare),
            "other");
  EXPECT_EQ(taxonomy->Classify(U"答复率", U"", U"%", Frame::kRate),
            "proposals.satisfaction_rate");
  EXPECT_EQ(taxonomy->Classify(U"答复率", U"", U"%"), "other");
  auto bad = Taxonomy::Load(WriteFile(
      "tax_bad_frame.tsv", "indicator\ta\tx\nrule\ta\t*\t*\t*\tratio\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string(bad.status().message()).find("tax_bad_frame.tsv:2"),
            std::string::npos);
}

}  // namespace
}  // namespace reportfacts
