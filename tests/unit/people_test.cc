// Tests of people extraction on small texts written for the tests.
#include "service/core/people.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/extractor.h"
#include "service/core/gazetteer.h"
#include "service/core/lexicon.h"
#include "service/core/text_lines.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

class PeopleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
  }
  static void TearDownTestSuite() { delete extractor_; }
  static std::vector<Person> Run(const std::string& text) {
    auto result = extractor_->Extract(text, {});
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? result->people : std::vector<Person>{};
  }
  static const Person* Find(const std::vector<Person>& people,
                            const std::string& name, const std::string& role) {
    for (const Person& p : people) {
      if (p.name == name && p.role == role) return &p;
    }
    return nullptr;
  }
  static Extractor* extractor_;
};
Extractor* PeopleTest::extractor_ = nullptr;

constexpr char kHeader[] =
    "\n携手同行 共创未来\n\n——潍坊市政协2022年工作回顾\n\n"
    "□本报通讯员 赵磊 钱 芳\n\n";

// The filter before a role-word lookup never says no to an inserted pair,
// and says no to most others.
TEST(PairFilter, InsertedPairsAreNeverRuledOut) {
  PairFilter filter;
  const std::u32string words[] = {U"主席", U"委员", U"书记", U"秘书长"};
  for (const std::u32string& w : words) filter.Insert(w[0], w[1]);
  for (const std::u32string& w : words)
    EXPECT_TRUE(filter.MayContain(w[0], w[1]));
  const std::u32string others =
      U"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会"
      U"可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部"
      U"度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应"
      U"开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正"
      U"心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情"
      U"者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长"
      U"求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放"
      U"决西被干做必战先回则任取据处理府研质关";
  size_t ruled_out = 0;
  for (size_t i = 0; i + 1 < others.size(); ++i) {
    if (!filter.MayContain(others[i], others[i + 1])) ++ruled_out;
  }
  EXPECT_GT(ruled_out, (others.size() - 1) * 9 / 10);
}

TEST_F(PeopleTest, RoleBeforeNameResolvesTheCity) {
  const auto people = Run(std::string(kHeader) +
                          "会上，市政协主席孙明远对工作提出要求。"
                          "市委书记周海、市长刘大为批示政协专报。");
  const Person* p = Find(people, "孙明远", "主席");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市政协");
  EXPECT_EQ(p->report, 0);
  p = Find(people, "周海", "书记");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市委");
  p = Find(people, "刘大为", "市长");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市政府");
}

// A bare title right after a list of one body's officers is another post
// of that body.
TEST_F(PeopleTest, BareTitleAfterOfficersIsTheirBodys) {
  const auto people = Run(std::string(kHeader) +
                          "市人大常委会副主任郑远航、沈一鸣，秘书长韩立出席。");
  const Person* p = Find(people, "韩立", "秘书长");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市人大常委会");
  // Negative: a title with a body of its own keeps it.
  const auto own = Run(std::string(kHeader) +
                       "市人大常委会副主任郑远航，市文联秘书长韩立出席。");
  p = Find(own, "韩立", "秘书长");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市文联");
  // Negative: a sentence between them parts them; the title is the
  // report's committee's.
  const auto apart = Run(std::string(kHeader) +
                         "市人大常委会副主任郑远航出席。秘书长韩立主持。");
  p = Find(apart, "韩立", "秘书长");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市政协");
}

// A short note in brackets on how a post is held may stand between the post
// and the name.
TEST_F(PeopleTest, NoteOnThePostBeforeTheName) {
  const auto people =
      Run(std::string(kHeader) + "市委副秘书长（挂职）邵云帆到会指导。");
  const Person* p = Find(people, "邵云帆", "副秘书长");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市委");
  // Negative: a bracket after a word that is no post names no one.
  EXPECT_EQ(Find(Run(std::string(kHeader) + "会场（北楼）邵云帆到会指导。"),
                 "邵云帆", "副秘书长"),
            nullptr);
  // Negative: a long bracket is a remark of its own, not a note on the post.
  EXPECT_EQ(Find(Run(std::string(kHeader) +
                     "市委副秘书长（分管全市协商工作）邵云帆到会指导。"),
                 "邵云帆", "副秘书长"),
            nullptr);
}

// A federation's short name (妇联, 侨联) is a body: after a list of names
// it opens the next post, and before a title it is no name.
TEST_F(PeopleTest, AFederationIsNoName) {
  const auto people =
      Run(std::string(kHeader) + "市总工会主席钱立、区侨联主席孔安参加活动。");
  EXPECT_EQ(Find(people, "区侨联", "主席"), nullptr);
  const Person* p = Find(people, "孔安", "主席");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "区侨联");
  // Negative: a name in the list is still given the title.
  const auto listed =
      Run(std::string(kHeader) + "区侨联主席孔安、钱立参加活动。");
  EXPECT_NE(Find(listed, "钱立", "主席"), nullptr);
}

// The main scan finds where surnames may start a block of characters at a
// time: a name is found wherever it falls against the blocks' edges, and a
// name read by a rule is not read again from its second character.
TEST_F(PeopleTest, NamesAcrossTheScansBlocks) {
  const size_t header = DecodeUtf8(kHeader).size();
  for (size_t at = 505; at < 520; ++at) {
    // 。 starts no name; the role is four characters before the name.
    const size_t fill = at > header + 4 ? at - header - 4 : 0;
    std::string text(kHeader);
    for (size_t k = 0; k < fill; ++k) text += "。";
    text += "市委书记周海批示。";
    const auto people = Run(text);
    const Person* p = Find(people, "周海", "书记");
    ASSERT_NE(p, nullptr) << at;
    EXPECT_EQ(DecodeUtf8(text).substr(p->begin, 2), U"周海") << at;
  }
}

// A character past the Basic Multilingual Plane (here 𠀀, U+20000) among
// the eight the scan reads at a time sends those eight to the slow path:
// the name near it is found as without it, and the character itself
// starts no name.
TEST_F(PeopleTest, CharactersPastThePlaneBesideAName) {
  // Anywhere but in the role word, the name or the two characters after
  // it (a Han character there may be read as the name's last).
  for (size_t at : {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16}) {
    std::string text(kHeader);
    std::string line = "各界人士出席。市委书记周海批示。";
    std::u32string chars = DecodeUtf8(line);
    chars.insert(chars.begin() + static_cast<std::ptrdiff_t>(at),
                 U'\U00020000');
    text += EncodeUtf8(chars);
    const auto people = Run(text);
    EXPECT_NE(Find(people, "周海", "书记"), nullptr) << at;
    for (const Person& p : people) {
      EXPECT_EQ(DecodeUtf8(p.name).find(U'\U00020000'), std::u32string::npos)
          << at;
    }
  }
}

TEST_F(PeopleTest, PassiveMarkerEndsTheTextBeforeTheOrganization) {
  const auto people = Run(std::string(kHeader) +
                          "这件提案被市委书记周海批示，"
                          "相关建议得到副市长李文华的肯定。");
  const Person* p = Find(people, "周海", "书记");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市委");
  p = Find(people, "李文华", "副市长");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市政府");
}

TEST_F(PeopleTest, BylineNames) {
  const auto people = Run(kHeader);
  const Person* p = Find(people, "赵磊", "通讯员");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(Find(people, "钱芳", "通讯员"), nullptr);
  const std::u32string t = DecodeUtf8(kHeader);
  EXPECT_EQ(p->begin, static_cast<int64_t>(t.find(U"赵磊")));
  EXPECT_EQ(p->end, p->begin + 2);
}

TEST_F(PeopleTest, NameBeforeRole) {
  const auto people =
      Run(std::string(kHeader) + "会议开得很好。胡平主席高度评价了这项工作。");
  EXPECT_NE(Find(people, "胡平", "主席"), nullptr);
}

TEST_F(PeopleTest, ApposionWithSeveralTitlesAndOneEntryPerRole) {
  const auto people =
      Run(std::string(kHeader) +
          "“我们要加油。”市政协委员、烟台某某电子股份公司董事长、CEO吴佳说。"
          "此后，市政协委员吴佳又提交提案。");
  const Person* member = Find(people, "吴佳", "委员");
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(member->organization, "潍坊市政协");
  const Person* chair = Find(people, "吴佳", "董事长");
  ASSERT_NE(chair, nullptr);
  EXPECT_EQ(chair->organization, "烟台某某电子股份公司");
  EXPECT_EQ(member->begin, chair->begin);
  EXPECT_NE(Find(people, "吴佳", "CEO"), nullptr);
  int count = 0;
  for (const Person& p : people) count += p.name == "吴佳";
  EXPECT_EQ(count, 3);
  EXPECT_EQ(Find(people, "吴佳说", "CEO"), nullptr);
}

TEST_F(PeopleTest, RoleWordsAndPhrasesAreNoNames) {
  const auto people =
      Run(std::string(kHeader) +
          "全体委员出席会议。主席会议成员到会。我们要彰显委员担当。"
          "市委书记听取委员意见。");
  for (const Person& p : people) {
    EXPECT_TRUE(p.role == "通讯员") << p.name << "/" << p.role;
  }
}

// ---- Rule tables (Duckling style): each rule with positives and
// negatives written for the rule. The texts follow kHeader, so 市 is 潍坊
// and 省 is 山东.

struct Expected {
  const char* text;
  const char* name;
  const char* role;
  const char* organization;  // nullptr: not checked
};

void CheckPositives(
    const std::vector<Expected>& cases,
    const std::function<std::vector<Person>(std::string)>& run) {
  for (const Expected& c : cases) {
    const auto people = run(std::string(kHeader) + c.text);
    const Person* found = nullptr;
    for (const Person& p : people) {
      if (p.name == c.name && p.role == c.role) found = &p;
    }
    ASSERT_NE(found, nullptr) << c.text << " -> " << c.name << "/" << c.role;
    if (c.organization != nullptr) {
      EXPECT_EQ(found->organization, c.organization) << c.text;
    }
  }
}

// Negatives: nobody but the header's byline (通讯员 赵磊, 钱芳).
void CheckNegatives(
    const std::vector<const char*>& texts,
    const std::function<std::vector<Person>(std::string)>& run) {
  for (const char* text : texts) {
    for (const Person& p : run(std::string(kHeader) + text)) {
      EXPECT_EQ(p.role, "通讯员") << text << " -> " << p.name << "/" << p.role;
    }
  }
}

TEST_F(PeopleTest, RuleAppointedAs) {
  CheckPositives(
      {
          {"会议选举邵立平为市政协副秘书长。", "邵立平", "副秘书长",
           "潍坊市政协"},
          {"全会增补许文为常委。", "许文", "常委", nullptr},
          // 为 after the name ends it, whatever word it forms (华为).
          {"会议选举顾建华为市政协常委。", "顾建华", "常委", "潍坊市政协"},
      },
      Run);
  // Negative: without a verb of electing or appointing, 为 + a title is no
  // appointment; nor does the rule read a title out of a word (华为副).
  CheckNegatives({"会议认为市政协常委的讲话很好。", "企业成为委员单位。"}, Run);
}

// A list of names before 为 shares the title it is appointed to.
TEST_F(PeopleTest, RuleAppointedListAs) {
  CheckPositives(
      {
          {"会议增补柏立群、芮晓燕为市政协常委。", "柏立群", "常委",
           "潍坊市政协"},
          {"会议增补柏立群、芮晓燕为市政协常委。", "芮晓燕", "常委",
           "潍坊市政协"},
      },
      Run);
  CheckNegatives({"会议增补了柏树、松树为绿化树种。"}, Run);
}

// A name takes a post: 当选(为), 担任 or 任 and a title that ends the
// clause; without 同志 after it the name needs a clear left edge.
TEST_F(PeopleTest, RuleNameTakesPost) {
  CheckPositives(
      {
          {"经协商，同意芮晓燕同志任市政协副秘书长。", "芮晓燕", "副秘书长",
           "潍坊市政协"},
          {"。柏立群当选为市政协主席。", "柏立群", "主席", "潍坊市政协"},
          {"，柏立群担任调研组组长一职。", "柏立群", "组长", "调研组"},
          // Posts joined by 、 are all taken; a bare one is its own body's.
          {"经研究，同意柏立群同志任市政协党组成员、副秘书长。", "柏立群",
           "成员", "潍坊市政协党组"},
          {"经研究，同意柏立群同志任市政协党组成员、副秘书长。", "柏立群",
           "副秘书长", "潍坊市政协"},
      },
      Run);
  // A second post that runs on into the clause takes nothing.
  CheckNegatives({"，柏立群担任组长、委员会议的召集工作。"}, Run);
  CheckNegatives(
      {
          "，汪洋任务艰巨，委员们迎难而上。",  // 任务 is a word
          "，柏立群任劳任怨为委员服务。",      // 任劳任怨 is a word
      },
      Run);
}

// 免去 or 免除, a name and the posts up to 职务: the name held them.
TEST_F(PeopleTest, RuleNameRelievedOf) {
  CheckPositives(
      {
          {"会议决定免去芮晓燕同志的市政协副秘书长职务。", "芮晓燕", "副秘书长",
           "潍坊市政协"},
          {"会议决定免除芮晓燕同志市政协常委职务。", "芮晓燕", "常委",
           "潍坊市政协"},
      },
      Run);
  CheckNegatives(
      {
          // No 职务 closes the posts: a fee waived, no one relieved.
          "会议决定免去芮晓燕的委员会费。",
          "对困难群众免除费用。",
      },
      Run);
}

// A list of names before 当选(为), 担任 or 任 shares the post taken.
// A count between 等 and the role is theirs (A等5位委员): the role
// still goes to each name.
TEST_F(PeopleTest, RuleCountBeforeRole) {
  CheckPositives(
      {
          {"。柯晓岚等5位委员联名提出提案。", "柯晓岚", "委员", "潍坊市政协"},
          {"。闻立峰、柯晓岚等十余名委员到会。", "闻立峰", "委员", nullptr},
      },
      Run);
  // A count of people with no role after it names nobody.
  CheckNegatives({"。柯晓岚等5人参加。", "。柯晓岚等5位参加。"}, Run);
}

TEST_F(PeopleTest, RuleListTakesPost) {
  CheckPositives(
      {
          {"。闻立峰、柯晓岚当选为市政协常委。", "闻立峰", "常委",
           "潍坊市政协"},
          {"。闻立峰、柯晓岚当选为市政协常委。", "柯晓岚", "常委",
           "潍坊市政协"},
          {"，阮志伟、贝秋华和邝明担任调研组组长。", "贝秋华", "组长",
           "调研组"},
      },
      Run);
  CheckNegatives(
      {
          // The clause runs on past the title: no post is taken.
          "。闻立峰、柯晓岚当选为委员会议的代表们点赞。",
          // 任务 is a word, not the verb 任.
          "，阮志伟、贝秋华任务繁重。",
      },
      Run);
}

TEST_F(PeopleTest, RuleRoleBeforeName) {
  CheckPositives(
      {
          {"市政协主席孙明远主持会议。", "孙明远", "主席", "潍坊市政协"},
          {"市委书记周海出席。", "周海", "书记", "潍坊市委"},
          {"市长刘大为讲话。", "刘大为", "市长", "潍坊市政府"},
          {"省委常委、市委书记周海调研。", "周海", "常委", "山东省委"},
          {"省委常委、市委书记周海调研。", "周海", "书记", "潍坊市委"},
          // A place name may be a name when a role stands before it.
          {"市政协主席黄河主持会议。", "黄河", "主席", "潍坊市政协"},
          // A three-character reading with nothing listed after it.
          {"区政协副主席白云飞受委托作报告。", "白云飞", "副主席", nullptr},
          // The name ends where a common word begins.
          {"市政协委员冯昊现场答复。", "冯昊", "委员", nullptr},
          // 等 closes the list a name ends, whatever follows it.
          {"副秘书长郑伟等出席。", "郑伟", "副秘书长", "潍坊市政协"},
          // Negative side: a three-character name stands before 出席.
          {"副秘书长郑伟明出席。", "郑伟明", "副秘书长", "潍坊市政协"},
          // A surname and 家 (the X family) opens a given name after a role.
          {"副主席黄家宁参加会议。", "黄家宁", "副主席", "潍坊市政协"},
      },
      Run);
  CheckNegatives(
      {
          "分管副市长和分工负责的同志参加。",    // a joiner after a role
          "主席会议成员常态化联系委员。",        // 常态化 is a word
          "委员单位积极配合。",                  // 单位
          "委员全年撰写提案。",                  // 全年
          "认真领会总书记关于民族工作的论述。",  // 关于
          "委员向大会提交提案。",  // a particle surname before a word
          "委员强则组织强。",      // 则 is a particle
          "走进王家大院参观。",    // the X family with no role before it
      },
      Run);
}

// A blank or two may stand between a role and its name: a speaker's line
// under a report's title, or PDF text.
TEST_F(PeopleTest, RuleRoleBlankName) {
  CheckPositives(
      {
          {"\n市政协常委 冯立群\n", "冯立群", "常委", "潍坊市政协"},
          {"\n市政协常委  冯立群\n", "冯立群", "常委", "潍坊市政协"},
          {"会议由市委副书记\u3000贺嘉明主持。", "贺嘉明", "副书记",
           "潍坊市委"},
      },
      Run);
  CheckNegatives(
      {
          "\n市政协常委\n冯立群\n",     // a line break is no blank
          "市政协常委   冯立群主持。",  // three blanks: a table's gap
          "各位委员 大家好。",          // no name after the blank
      },
      Run);
}

// A two-character name padded with one or two blanks to the width of a
// three-character one is one name, after a role, in a list after it and
// in a list before one.
TEST_F(PeopleTest, RuleSpacedName) {
  CheckPositives(
      {
          {"市政协副秘书长杜 娟、韩 冰出席。", "杜娟", "副秘书长",
           "潍坊市政协"},
          {"市政协副秘书长杜 娟、韩 冰出席。", "韩冰", "副秘书长",
           "潍坊市政协"},
          {"会上，市政协常委姚\u3000琪发言。", "姚琪", "常委", "潍坊市政协"},
          {"副秘书长许文博、鲁  川参加。", "鲁川", "副秘书长", nullptr},
          // A pair that makes a word is a name when set apart.
          {"副秘书长常 青、鲁 川参加。", "常青", "副秘书长", nullptr},
          {"。祝 勇、冉 莹等委员参加。", "冉莹", "委员", nullptr},
          // Before a role or a form of address at a clear left edge.
          {"会上，祝 勇委员建议加强监督。", "祝勇", "委员", "潍坊市政协"},
          {"会上，冉　莹同志作说明。", "冉莹", "", nullptr},
          // Text spaced a character at a time spaces a three-character
          // name too, up to a clear end.
          {"市政协常委 甘 立 新，出席。", "甘立新", "常委", nullptr},
      },
      Run);
  // The third character is no name's when it is a credit's or a list's
  // word, or when more text runs on after it.
  {
    const auto people = Run(std::string(kHeader) + "\n记者 甘 立 摄\n");
    EXPECT_EQ(Find(people, "甘立摄", "记者"), nullptr);
    const auto listed = Run(std::string(kHeader) + "副主席甘 立 等，出席。");
    EXPECT_EQ(Find(listed, "甘立等", "副主席"), nullptr);
    const auto running =
        Run(std::string(kHeader) + "副主席 甘 立 新 出 席 会 议。");
    EXPECT_EQ(Find(running, "甘立新", "副主席"), nullptr);
  }
  CheckNegatives(
      {
          "会上委员马 上发言。",        // 马上 is a word
          "会上委员许 多次发言。",      // 许多 is a word
          "市政协常委王 在会上说。",    // 在 is a particle
          "市政协常委王   伟出席。",    // three blanks: a table's gap
          "大家支持王 伟委员的意见。",  // no clear left edge
      },
      Run);
}

// A list set apart by blanks from its role is parted by blanks too, each
// item a name standing alone.
TEST_F(PeopleTest, RuleBlankPartedList) {
  CheckPositives(
      {
          {"\n市政协副秘书长　鲁川　许文博　戚长庚\n", "戚长庚", "副秘书长",
           "潍坊市政协"},
          {"\n市政协常委 温建华 柏立群\n", "柏立群", "常委", nullptr},
      },
      Run);
  // What follows a blank is no name unless it stands alone.
  for (const char* text :
       {"\n市政协常委 温建华 主持会议\n", "\n市政协常委 温建华 高度重视\n"}) {
    for (const Person& p : Run(std::string(kHeader) + text)) {
      EXPECT_TRUE(p.name == "温建华" || p.role == "通讯员") << p.name;
    }
  }
}

// A yearbook's table of leaders: a title padded with blanks, a colon and
// names set apart by blanks, a padded two-character name read as one.
TEST_F(PeopleTest, RuleLeaderTable) {
  const std::string table =
      "\n主　席：温建华\n副主席：鲁　川　许文博　邹　阳\n"
      "秘书长：葛晓明\n主  席: 戚长庚\n";
  CheckPositives(
      {
          {table.c_str(), "温建华", "主席", "潍坊市政协"},
          {table.c_str(), "鲁川", "副主席", nullptr},
          {table.c_str(), "许文博", "副主席", nullptr},
          {table.c_str(), "邹阳", "副主席", nullptr},
          {table.c_str(), "葛晓明", "秘书长", nullptr},
          {table.c_str(), "戚长庚", "主席", nullptr},
          {"\n副主席：额尔敦朝鲁　许文博\n", "额尔敦朝鲁", "副主席", nullptr},
          // Several labels on one line.
          {"\n主　席：温建华　　副主席：邹　阳\n", "邹阳", "副主席", nullptr},
          {"\n秘书长：葛晓明  副秘书长：戚长庚\n", "戚长庚", "副秘书长",
           nullptr},
          // A note on the order before the colon; a long line of members.
          {"\n常务委员（按姓氏笔画为序）：丁一凡　邹　阳　许文博　戚长庚　"
           "温建华　葛晓明　鲁　川　柏立群　芮晓燕　龚晓岚　卜思远\n",
           "卜思远", "常务委员", "潍坊市政协"},
          // A short note in brackets after a name says who it is.
          {"\n副主席：鲁　川（女）　许文博（回族）\n", "许文博", "副主席",
           nullptr},
      },
      Run);
  CheckNegatives(
      {
          "\n主席：同志们，现在开会。\n",  // a speech, not a table
          "\n委员：共计36人\n",
          "\n副主席：鲁　川　许\n",      // a lone surname ends the line
          "\n副主席：（待定）\n",        // a note without a name
          "\n主席：　副主席：温建华\n",  // a label without names
      },
      Run);
}

// A name without a surname made of parts of Tibetan, Mongolian or Uyghur
// names is one name beside a role; a list after it shares the role.
TEST_F(PeopleTest, RuleNameOfParts) {
  CheckPositives(
      {
          {"市政协委员索朗次旦发言。", "索朗次旦", "委员", "潍坊市政协"},
          {"副主席乌云其木格、王建国出席。", "乌云其木格", "副主席", nullptr},
          {"副主席乌云其木格、王建国出席。", "王建国", "副主席", nullptr},
          {"副主席王建国、达娃卓玛出席。", "达娃卓玛", "副主席", nullptr},
          {"会上，巴图孟根委员发言。", "巴图孟根", "委员", nullptr},
          // A surname opening it reads no shorter name (孟克巴).
          {"市政协常委孟克巴雅尔带队调研。", "孟克巴雅尔", "常委", nullptr},
          {"常委巴特尔主持会议。", "巴特尔", "常委", nullptr},
          {"市政协常委孟和毕力格图发言。", "孟和毕力格图", "常委", nullptr},
      },
      Run);
  CheckNegatives(
      {
          "扎西德勒！牧民载歌载舞。",  // no role beside it
          "委员尼玛说要办好实事。",    // two characters run on
          "举办“乌兰牧骑”演出活动。",  // no role
      },
      Run);
  for (const Person& p :
       Run(std::string(kHeader) + "市政协常委孟克巴雅尔带队调研。")) {
    EXPECT_NE(p.name, "孟克巴");
  }
}

// Markers run together share the names after them: 文/图 X is both the
// writer and the photographer.
TEST_F(PeopleTest, CreditMarkersRunTogether) {
  CheckPositives({{"\n文/图 鲁 川\n", "鲁川", "文字", nullptr},
                  {"\n文/图 鲁 川\n", "鲁川", "摄影", nullptr}},
                 Run);
  // A marker alone gives its role only.
  for (const Person& p : Run(std::string(kHeader) + "\n图 鲁 川\n")) {
    EXPECT_NE(p.role, "文字") << p.name;
  }
}

// Bylines and credits name people without a surname too (扎西次仁).
TEST_F(PeopleTest, CreditsNameNamesOfParts) {
  CheckPositives(
      {
          {"\n本报记者 索朗次旦 通讯员 龚晓岚\n", "索朗次旦", "记者", nullptr},
          {"本报讯（记者 乌云其木格）近日，会议召开。", "乌云其木格", "记者",
           nullptr},
          {"\n责任编辑：巴图孟根\n", "巴图孟根", "责任编辑", nullptr},
      },
      Run);
  // A word made of no parts is no name: the line is no byline.
  CheckNegatives({"\n本报记者 深入基层\n"}, Run);
}

TEST_F(PeopleTest, RuleRoleOverAList) {
  CheckPositives(
      {
          {"市政协副秘书长王建国、李秀英和赵志刚出席。", "王建国", "副秘书长",
           "潍坊市政协"},
          {"市政协副秘书长王建国、李秀英和赵志刚出席。", "李秀英", "副秘书长",
           "潍坊市政协"},
          {"市政协副秘书长王建国、李秀英和赵志刚出席。", "赵志刚", "副秘书长",
           "潍坊市政协"},
          {"会上，委员孟凡军、韩雪及邓立平发言。", "韩雪", "委员", nullptr},
          // A short note in brackets after a name does not end the list.
          {"，委员鲁川（民革）、许文博（女）、戚长庚发言。", "戚长庚", "委员",
           nullptr},
      },
      Run);
  CheckNegatives({"市政协副秘书长和秘书长出席。"}, Run);
  // A bracket that is no short note ends the list (a number, a long text).
  const auto people = Run(std::string(kHeader) +
                          "，委员鲁川（2024年）、许文博发言。"
                          "，委员邹阳（代表全体委员讲话并提出建议）、葛晓明。");
  EXPECT_EQ(Find(people, "许文博", "委员"), nullptr);
  EXPECT_EQ(Find(people, "葛晓明", "委员"), nullptr);
}

// In a list after a role, what separators set apart is a name even when
// it reads as a word; the last one needs a sure end (等, punctuation).
TEST_F(PeopleTest, RuleWordLikeNamesInAList) {
  CheckPositives(
      {
          {"市政协副秘书长高明、方向、江河出席。", "方向", "副秘书长",
           "潍坊市政协"},
          {"市政协副秘书长高明、方向、江河出席。", "江河", "副秘书长", nullptr},
          {"参加调研的有委员常青、马力等。", "马力", "委员", nullptr},
      },
      Run);
  CheckNegatives(
      {
          "市政协常委全体出席。",        // no list
          "，方向、江河、白云都是词。",  // no role before the list
      },
      Run);
  // A role word after the separator ends the list (王明、全体常委).
  const auto people =
      Run(std::string(kHeader) + "市政协副秘书长高明、全体常委出席。");
  EXPECT_EQ(Find(people, "全体", "副秘书长"), nullptr);
}

TEST_F(PeopleTest, RuleListBeforeRole) {
  CheckPositives(
      {
          {"其中，张德明、刘素芳、陈光辉委员分别发言。", "张德明", "委员",
           "潍坊市政协"},
          {"其中，张德明、刘素芳、陈光辉委员分别发言。", "陈光辉", "委员",
           nullptr},
          {"。周立新、孙玉兰等委员捐资助学。", "孙玉兰", "委员", nullptr},
          {"得到王晓明、李大成等市领导批示。", "李大成", "领导", "潍坊市"},
          // A form of address after 等 names the list without a role.
          {"。鲁川、许文博等同志参加调研。", "许文博", "", nullptr},
          // A group word names the list without a role.
          {"，陈永福、林美玲夫妇捐赠了物资。", "林美玲", "", nullptr},
      },
      Run);
  CheckNegatives(
      {
          "基层干部和委员参加培训。",  // 干部 is a word
          "共有30余名委员到场。",      // after a number
          "黄河流域生态保护调研。",    // no role, no name
          "提案和建议由委员提出。",
          "，与烟台刘记食品公司签约。",  // a place opens the name
          "，武汉王先生餐饮公司签约。",
      },
      Run);
}

TEST_F(PeopleTest, RuleApposition) {
  CheckPositives(
      {
          {"。何建华是一名律师，长期参与调解。", "何建华", "律师", nullptr},
          {"。许文博是一位老委员，多年来建言献策。", "许文博", "委员", nullptr},
      },
      Run);
  CheckNegatives({"。这是一名委员的心声。"}, Run);
}

// DoctrineNames are the forms of address of name_context.txt long enough
// to be a doctrine named after its author rather than 同志 or 女士: the
// tests take the doctrine's name from the word list, not written out.
std::vector<std::string> DoctrineNames() {
  auto lines =
      ReadDataLines(std::string(REPORTFACTS_DATA_DIR) + "/name_context.txt");
  EXPECT_TRUE(lines.ok()) << lines.status();
  std::vector<std::string> out;
  if (!lines.ok()) return out;
  for (const DataLine& line : *lines) {
    if (line.fields.size() == 2 && line.fields[1] == "address" &&
        DecodeUtf8(line.fields[0]).size() >= 6) {
      out.push_back(line.fields[0]);
    }
  }
  return out;
}

TEST_F(PeopleTest, RuleFormOfAddress) {
  CheckPositives(
      {
          {"。谭国庆同志长期从事基层工作。", "谭国庆", "", ""},
          {"，柯美玲女士捐赠了图书。", "柯美玲", "", nullptr},
      },
      Run);
  const std::vector<std::string> doctrines = DoctrineNames();
  ASSERT_FALSE(doctrines.empty());
  for (const std::string& doctrine : doctrines) {
    // A doctrine named after its author: no clear edge needed.
    const std::string text = "，深入领会郑明远" + doctrine + "的要义。";
    CheckPositives({{text.c_str(), "郑明远", "", nullptr}}, Run);
    // Words before the doctrine that start with a surname are no names.
    const std::string raise = "。要高举" + doctrine + "旗帜。";
    const std::string carry_out = "，全面贯彻" + doctrine + "。";
    const std::string arm = "，用" + doctrine + "武装头脑。";
    CheckNegatives({raise.c_str(), carry_out.c_str(), arm.c_str()}, Run);
  }
  // A name with a role elsewhere gets no role-less line.
  const auto people =
      Run(std::string(kHeader) +
          "市政协委员谭国庆发言。。谭国庆同志长期从事基层工作。");
  EXPECT_NE(Find(people, "谭国庆", "委员"), nullptr);
  EXPECT_EQ(Find(people, "谭国庆", ""), nullptr);
  CheckNegatives({"。各位同志，大家好。", "，全体同志参加。"}, Run);
}

TEST_F(PeopleTest, RuleEditorsCredits) {
  CheckPositives(
      {
          {"全文完。\n责任编辑：孟晓东\n", "孟晓东", "责任编辑", ""},
          {"全文完。\n编辑 杜小川\n", "杜小川", "编辑", nullptr},
          {"全文完。\n文稿审核：秦立伟\n", "秦立伟", "文稿审核", nullptr},
          {"全文完。\n编辑：韩冰 审核：鲁强\n", "鲁强", "审核", nullptr},
          {"全文完。\n终审 宋 凯\n", "宋凯", "终审", nullptr},
          {"全文完。\n撰稿：梁思远 审稿：邹海燕\n", "邹海燕", "审稿", nullptr},
          {"全文完。\n统稿 方志诚\n", "方志诚", "统稿", nullptr},
          {"全文完。\n（供稿：田雨禾）\n", "田雨禾", "供稿", nullptr},
          {"全文完。\n2024-05-06 09:30  来源：某某网  作者：蒋文辉 林 菁\n",
           "林菁", "作者", nullptr},
      },
      Run);
  CheckNegatives(
      {
          "\n编辑部门负责审核稿件\n",  // no credit shape
          "\n责任编辑：\n",
          "\n来源：某某融媒体中心 王立\n",  // a source, no credit word
          "\n编辑：这是本期内容\n",
          "\n认真做好审稿工作\n",  // the word in prose
          "\n签发文件12份。\n",
      },
      Run);
}

TEST_F(PeopleTest, RuleBracketedCredits) {
  CheckPositives(
      {
          {"会议闭幕。(记者 徐晓峰)", "徐晓峰", "记者", nullptr},
          {"某某日报讯(记者孔德宇)昨日召开会议。", "孔德宇", "记者", nullptr},
          // The paper or site speaking of itself names no organization.
          {"本报讯（记者 田思远）昨日召开会议。", "田思远", "记者", ""},
          {"本网讯（记者 苏明哲 通讯员 邱琳）昨日召开会议。", "邱琳", "通讯员",
           ""},
          {"某某日报讯（记者 田思远）昨日召开会议。", "田思远", "记者",
           "某某日报"},
          {"会议闭幕。（某某日报 记者 邹小燕 通讯员 潘立）", "潘立", "通讯员",
           nullptr},
          {"会议闭幕。(钱文韬 文/图)", "钱文韬", "摄影", nullptr},
          {"会议闭幕。(钱文韬 文/图)", "钱文韬", "文字", nullptr},
          {"会议闭幕。(孙立群田晓东文/图)", "田晓东", "文字", nullptr},
          {"会议闭幕。\n(魏海平)\n", "魏海平", "", nullptr},
          // The body that supplied the text, before its verb or after the
          // label, is the credited person's organization.
          {"全文完。\n（区委宣传部供稿　执笔：单明月）\n", "单明月", "执笔",
           "区委宣传部"},
          {"全文完。\n（区委宣传部  供稿  执笔：单明月）\n", "单明月", "执笔",
           "区委宣传部"},
          {"全文完。\n（供稿：区委宣传部 撰稿：樊一鸣）\n", "樊一鸣", "撰稿",
           "区委宣传部"},
      },
      Run);
  CheckNegatives(
      {
          "(2024年)会议召开。",
          "创建(文明城市)工作。",
          "会上(王府井街道)介绍经验。",
          "会议（记者招待会）举行。",
          // The body that supplied the text, with no name credited.
          "全文完。\n（区委宣传部供稿）\n",
      },
      Run);
}

TEST_F(PeopleTest, RuleOrganizations) {
  CheckPositives(
      {
          {"政协主席孙明远讲话。", "孙明远", "主席", "潍坊市政协"},
          {"市政协调研室主任宋建设介绍。", "宋建设", "主任",
           "潍坊市政协调研室"},
          {"政协兰州市委员会调研室主任宋建设介绍。", "宋建设", "主任",
           "兰州市政协调研室"},
          {"市人大常委会主任罗志远出席。", "罗志远", "主任",
           "潍坊市人大常委会"},
          {"省委书记韦德明讲话。", "韦德明", "书记", "山东省委"},
          {"市政协委员、某某科技公司董事长、总经理闫立春说。", "闫立春",
           "总经理", "某某科技公司"},
          {"某某日报南宁5月4日电(记者 卓文涛)会议召开。", "卓文涛", "记者",
           "某某日报"},
      },
      Run);
}

// A word that ends the text before a body (经, 对, 由) stops nothing where it
// opens a longer word of the body's name (经济, 对外).
TEST_F(PeopleTest, AStopOpeningAWordIsPartOfTheBody) {
  CheckPositives(
      {
          {"会议由市政协经济委员会副主任邱若楠主持。", "邱若楠", "副主任",
           "潍坊市政协经济委员会"},
          {"市政协对外友好委员会主任包嘉禾介绍。", "包嘉禾", "主任",
           "潍坊市政协对外友好委员会"},
          // Negative: the stop alone still ends the text before the body.
          {"经市政协主席包嘉禾同意。", "包嘉禾", "主席", "潍坊市政协"},
      },
      Run);
}

// A post's modifier (专职, 驻会, 名誉) is part of the post, not of the body.
TEST_F(PeopleTest, APostsModifierIsPartOfThePost) {
  CheckPositives(
      {
          {"市政协联络室专职副主任邱若楠介绍。", "邱若楠", "专职副主任",
           "潍坊市政协联络室"},
          {"市政协驻会副主席包嘉禾出席。", "包嘉禾", "驻会副主席",
           "潍坊市政协"},
          {"商会名誉会长钟一鸣讲话。", "钟一鸣", "名誉会长", nullptr},
      },
      Run);
  // Negative: the bare post keeps its own name.
  CheckPositives({{"市政协联络室副主任邱若楠介绍。", "邱若楠", "副主任",
                   "潍坊市政协联络室"}},
                 Run);
}

// A body before a role starts at its level, not at the words before it
// (会上有市政协…, 听取了县政府…); 原 between body and role marks a former
// holder. A place before the level stays (潍坊市政协, 锡盟政协).
TEST_F(PeopleTest, RuleOrganizationStartsAtItsLevel) {
  CheckPositives(
      {
          {"座谈时有市政协常委梁春晖发言。", "梁春晖", "常委", "潍坊市政协"},
          {"会议听取了市政府副市长丁一凡的通报。", "丁一凡", "副市长",
           "潍坊市政府"},
          {"会后市委常委于立新看望委员。", "于立新", "常委", "潍坊市委"},
          {"座谈会上，市政协原副主席邓玉华回顾历程。", "邓玉华", "副主席",
           "潍坊市政协"},
          {"原市政协常委魏长河作说明。", "魏长河", "常委", "潍坊市政协"},
          {"会上，原副秘书长魏长河作说明。", "魏长河", "副秘书长",
           "潍坊市政协"},
          // Negatives of the cut: a place, or an abbreviated one, names the
          // level; 自治区 and 地区 end in a level.
          {"青岛市政协副主席廖志平出席。", "廖志平", "副主席", "青岛市政协"},
          {"锡盟政协副主席莫建军出席。", "莫建军", "副主席", "锡林郭勒盟政协"},
          {"和田地区政协主席谷雨田出席。", "谷雨田", "主席", "和田地区政协"},
          // A body's own name before the level is no boundary.
          {"民进市委主委柯文渊出席。", "柯文渊", "主委", "民进市委"},
          {"团市委书记雷振宇发言。", "雷振宇", "书记", "团市委"},
          // 常务委员会 is a body, not the title 常务委员.
          {"市人大常务委员会副主任房立新出席。", "房立新", "副主任",
           "潍坊市人大常务委员会"},
          {"市政协常委、民建市委主委卜思远出席。", "卜思远", "主委",
           "民建市委"},
          {"市政协常委、民建市委主委卜思远出席。", "卜思远", "常委",
           "潍坊市政协"},
          {"会上，自治县政协主席闵秋生讲话。", "闵秋生", "主席", "自治县政协"},
          {"该市政协主席闵秋生讲话。", "闵秋生", "主席", "潍坊市政协"},
          // 我 (our) before the level is no part of the body.
          {"我市政协委员柴晓东获表彰。", "柴晓东", "委员", "潍坊市政协"},
          // Negative side: 受 (on behalf of) before the level neither.
          {"受市政协主席闵秋生委托作说明。", "闵秋生", "主席", "潍坊市政协"},
          // 了 closes a verb, and no body holds it.
          {"会上慰问了老党员代表褚文杰。", "褚文杰", "代表", "老党员"},
          // The national level opens a body as a level does.
          {"会议邀请了全国政协常委芮晓燕作辅导。", "芮晓燕", "常委",
           "全国政协"},
          // 原 ending a place or a word stays with it.
          {"固原市政协主席贺振东讲话。", "贺振东", "主席", "固原市政协"},
      },
      Run);
}

// 兼 after a title joins a second one: both are the name's, each with
// the body before the first.
TEST_F(PeopleTest, RuleConcurrentTitles) {
  CheckPositives(
      {
          {"市政协副秘书长兼调研室主任葛长青主持。", "葛长青", "副秘书长",
           "潍坊市政协"},
          {"市政协副秘书长兼调研室主任葛长青主持。", "葛长青", "主任",
           "调研室"},
      },
      Run);
  // 兼 inside a word is no joint (兼职).
  CheckNegatives({"，鼓励委员兼职。"}, Run);
}

// A yearbook's entry on a person: the name and the sex open the line;
// the posts after 现任 are the person's titles.
TEST_F(PeopleTest, RuleBiography) {
  const std::string entry =
      "\n鲍文礼，男，汉族，1969年生，现任市政协副秘书长、研究室主任。\n";
  CheckPositives(
      {
          {entry.c_str(), "鲍文礼", "副秘书长", "潍坊市政协"},
          {entry.c_str(), "鲍文礼", "主任", "研究室"},
          {"\n鲍文礼　女，1975年生，山东人。\n", "鲍文礼", "", nullptr},
          {"\n乌云其木格，女，蒙古族。\n", "乌云其木格", "", nullptr},
          // A clause of nothing but posts is the person's too.
          {"\n鲍文礼，男，1969年生，市政协常委。\n", "鲍文礼", "常委",
           "潍坊市政协"},
          // The years of birth in brackets may stand before the sex.
          {"\n鲍文礼（1969年5月—），男，现任市政协常委。\n", "鲍文礼", "常委",
           "潍坊市政协"},
      },
      Run);
  CheckNegatives(
      {
          "\n男女老少齐上阵，共建美好家园。\n",
          "\n高度重视，男女平等。\n",      // 高度 is a word
          "\n张明华说，男子组获冠军。\n",  // the sex stands alone
          // A bracket with no years in it is no note on a birth.
          "\n张明华（左），男，汉族。\n",
      },
      Run);
}

// A sentence opening with a name and a comma, the next clause nothing
// but posts, introduces the person with those titles.
TEST_F(PeopleTest, RuleNameThenPosts) {
  CheckPositives(
      {
          {"\n鲁川，市政协委员、某某科技公司董事长。\n", "鲁川", "董事长",
           "某某科技公司"},
          {"\n鲁川，市政协委员、某某科技公司董事长。\n", "鲁川", "委员",
           "潍坊市政协"},
          {"会议召开。葛晓明，市政协常委，长期关注教育。", "葛晓明", "常委",
           "潍坊市政协"},
      },
      Run);
  CheckNegatives(
      {
          "\n鲁川，市政协委员们都很关心。\n",  // the clause goes on
          "\n高明，委员会决定的事。\n",        // 委员会 is no title
          "\n马上，委员们出发了。\n",          // 马上 is a word
      },
      Run);
}

// A name first met with a bare role (X局长) takes the body a later mention
// of the same role names; the first mention's place stays.
TEST_F(PeopleTest, ALaterMentionNamesTheBodyOfABareRole) {
  const auto people = Run(std::string(kHeader) +
                          "会上，邹明远局长强调要抓好落实。"
                          "市教育局局长邹明远出席。");
  const Person* p = Find(people, "邹明远", "局长");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->organization, "潍坊市教育局");
  EXPECT_LT(p->begin, 20 + static_cast<int64_t>(DecodeUtf8(kHeader).size()));
  // Negative: a body named first is not replaced by a later one.
  const auto q = Run(std::string(kHeader) +
                     "市教育局局长邹明远出席。市体育局局长邹明远讲话。");
  ASSERT_NE(Find(q, "邹明远", "局长"), nullptr);
  EXPECT_EQ(Find(q, "邹明远", "局长")->organization, "潍坊市教育局");
}

// A follower that starts inside a reading of the name and runs past it
// (X辉 + 陪同) ends the name before it; adverbs of doing together follow a
// list of names.
TEST_F(PeopleTest, AFollowerRunningPastTheNameEndsIt) {
  CheckPositives(
      {
          {"区委书记邵云陪同。", "邵云", "书记", nullptr},
          // Negative: a name of three characters before the follower stays.
          {"区委书记邵云飞陪同。", "邵云飞", "书记", nullptr},
          {"省政协委员钟明、姚佳和戚远航一同参加。", "戚远航", "委员", nullptr},
          {"区政协常委柯蓝、文卫一起调研。", "文卫", "常委", nullptr},
      },
      Run);
}

// A role word crossing the name's right edge leaves no name before the
// shorter role word inside it.
TEST_F(PeopleTest, NoNameInsideALongerRoleWord) {
  CheckNegatives({"会上，原副主席作说明。", "会上，原副秘书长作说明。"}, Run);
}

// A role word with a count after it is counted, not held: what stands
// before it is no name.
TEST_F(PeopleTest, CountedRoleHoldsNoName) {
  CheckNegatives({"全会到会情况：应到委员36人，实到34人。",
                  "本次会议。应到常委21名，实到常委20名。"},
                 Run);
  CheckPositives({{"会上，邱文彬委员发言。", "邱文彬", "委员", nullptr}}, Run);
}

// OrganizationInReport is the organization ExtractPeople gives `name` as
// `role` in `body`, read as one report of the committee `organization`
// ("<missing>" when it finds no such person).
std::string OrganizationInReport(const std::string& organization,
                                 const std::string& body,
                                 const std::string& name,
                                 const std::string& role = "") {
  static const auto* data = [] {
    const std::string dir = REPORTFACTS_DATA_DIR;
    auto lexicon =
        LoadPeopleLexicon(dir + "/roles.txt", dir + "/name_context.txt",
                          dir + "/surnames.txt", dir + "/common_words.txt");
    auto gazetteer = Gazetteer::Load(dir + "/gazetteer.tsv");
    EXPECT_TRUE(lexicon.ok()) << lexicon.status();
    EXPECT_TRUE(gazetteer.ok()) << gazetteer.status();
    return new std::pair<PeopleLexicon, Gazetteer>(*std::move(lexicon),
                                                   *std::move(gazetteer));
  }();
  const std::u32string text = DecodeUtf8(body);
  Report report;
  report.end = static_cast<int64_t>(text.size());
  report.organization = organization;
  for (const Person& p : ExtractPeople(text, SplitLines(text), {report},
                                       data->first, data->second)) {
    if (p.name == name && (role.empty() || p.role == role)) {
      return p.organization;
    }
  }
  return "<missing>";
}

// County and district bodies take the place of the report's own committee
// (ExtractPeople called with a report whose organization is known).
TEST(PeopleOrganization, CountyBodiesTakeTheReportsCounty) {
  const std::string body =
      "县政协秘书长韩立平主持会议，县委书记吕德明讲话，"
      "县政府副县长邵青出席。";
  EXPECT_EQ(OrganizationInReport("长兴县政协", body, "韩立平"), "长兴县政协");
  EXPECT_EQ(OrganizationInReport("长兴县政协", body, "吕德明"), "长兴县委");
  EXPECT_EQ(OrganizationInReport("长兴县政协", body, "邵青"), "长兴县政府");
}

// A head of a county or district government belongs to its government,
// never to the Party committee named in the title before (县委副书记、县长).
TEST(PeopleOrganization, CountyHeadsBelongToTheGovernment) {
  const std::string county = "会议开始。县委副书记、县长吕德明讲话。";
  EXPECT_EQ(OrganizationInReport("长兴县政协", county, "吕德明", "副书记"),
            "长兴县委");
  EXPECT_EQ(OrganizationInReport("长兴县政协", county, "吕德明", "县长"),
            "长兴县政府");
  EXPECT_EQ(OrganizationInReport("", county, "吕德明", "县长"), "县政府");
  EXPECT_EQ(
      OrganizationInReport("江宁区政协", "会议开始。区委常委、副区长邵青出席。",
                           "邵青", "副区长"),
      "江宁区政府");
}

// A department named after a title on a Party committee is a department
// of that committee.
TEST(PeopleOrganization, DepartmentAfterAPartyCommitteeTitleIsItsOwn) {
  EXPECT_EQ(OrganizationInReport("长兴县政协",
                                 "会议开始。县委常委、宣传部部长邵青出席。",
                                 "邵青", "部长"),
            "长兴县委宣传部");
  // Negative: after a title on another body, or named with its own body,
  // the department stands as written.
  EXPECT_EQ(OrganizationInReport("长兴县政协",
                                 "会议开始。县政协常委、宣传部部长邵青出席。",
                                 "邵青", "部长"),
            "宣传部");
  EXPECT_EQ(OrganizationInReport("长兴县政协",
                                 "会议开始。县委常委、县委宣传部部长邵青出席。",
                                 "邵青", "部长"),
            "长兴县委宣传部");
}

// A post after a Party group's title is the post of the body the group
// leads; the Party title stays the group's.
TEST(PeopleOrganization, PostAfterAPartyGroupTitleIsTheBodysOwn) {
  const std::string body = "会议开始。县交通局党组书记、局长邵青出席。";
  EXPECT_EQ(OrganizationInReport("长兴县政协", body, "邵青", "局长"),
            "长兴县交通局");
  EXPECT_EQ(OrganizationInReport("长兴县政协", body, "邵青", "书记"),
            "长兴县交通局党组");
}

// A station in life names a person before the name only; after a word it
// is what the word is done to.
TEST_F(PeopleTest, StationsInLifeStandBeforeTheName) {
  CheckPositives({{"，村民龚大山说，路修好了。", "龚大山", "村民", nullptr},
                  {"，学生田晓雨参加了活动。", "田晓雨", "学生", nullptr}},
                 Run);
  CheckNegatives({"项目建成后，惠及居民2000余户。",
                  "活动覆盖全区，惠及学生300人。", "，帮扶村民脱贫。"},
                 Run);
}

// 代表 speaks for a sector or group before a name (无党派人士代表X); after
// a name it is the verb (X代表全体委员).
TEST_F(PeopleTest, SpokesmanForAGroupStandsBeforeTheName) {
  CheckPositives(
      {{"无党派人士代表龚晓岚发言。", "龚晓岚", "代表", nullptr},
       {"，九三学社社员代表田一鸣作交流。", "田一鸣", "代表", nullptr}},
      Run);
  CheckNegatives({"，龚晓岚代表全体委员宣读倡议。", "他代表市政协致辞。",
                  "代表委员们积极建言。"},
                 Run);
}

TEST_F(PeopleTest, RuleTitlesInBrackets) {
  CheckPositives(
      {
          {"，韦志强（市政协常委、市工商联副主席）建议，加大支持力度。",
           "韦志强", "常委", "潍坊市政协"},
          {"，韦志强（市政协常委、市工商联副主席）建议，加大支持力度。",
           "韦志强", "副主席", "潍坊市工商联"},
          {"座谈会上，谷红（某某科技公司总经理）介绍了情况。", "谷红", "总经理",
           "某某科技公司"},
          // A title right before the name is as clear an edge as a comma.
          {"市政协委员邬丽萍（区妇联主席）发言。", "邬丽萍", "主席", "区妇联"},
      },
      Run);
  CheckNegatives(
      {
          "，韦志强（化名）反映，小区停车难。",
          "全市（含县区）共建成站点30个。",
          "，韦志强（左）与群众交流。",
          // A word before the name is no edge (the name is a piece of it).
          "大家支持韦志强（市政协常委）的意见。",
          // A title inside the bracket but no name before it.
          "会议听取了提案委员会（主任会议）的意见。",
      },
      Run);
}

// Names joined by a middle dot have no surname: a role before or after
// them finds them, whole, and a dot between the halves of a slogan or a
// series title names nobody.
TEST_F(PeopleTest, RuleTransliteratedName) {
  CheckPositives(
      {
          {"会上，副主席努尔兰·哈力克主持会议。", "努尔兰·哈力克", "副主席",
           "潍坊市政协"},
          {"会上，帕尔哈提·吐尔逊委员作了发言。", "帕尔哈提·吐尔逊", "委员",
           "潍坊市政协"},
          {"委员阿不都·热合曼·买买提说，要抓好落实。", "阿不都·热合曼·买买提",
           "委员", nullptr},
          // A list after the role gives each name the role.
          {"市政协委员迪丽娜·沙吾提、古再丽·阿不拉参加。", "古再丽·阿不拉",
           "委员", "潍坊市政协"},
          // A Han name listed after it shares its role.
          {"副主席努尔兰·哈力克、柏立群出席。", "柏立群", "副主席", nullptr},
          // A particle after a last part of three characters ends it.
          {"常委依明·阿不都拉作了说明。", "依明·阿不都拉", "常委", nullptr},
      },
      Run);
  // A dotted name is an item of a list after a role, and no part of it
  // is read alone.
  CheckPositives({{"市政协委员孔令华、迪丽娜·沙吾提参加。", "迪丽娜·沙吾提",
                   "委员", "潍坊市政协"}},
                 Run);
  for (const Person& p :
       Run(std::string(kHeader) + "市政协委员孔令华、迪丽娜·沙吾提参加。")) {
    EXPECT_NE(p.name, "迪丽娜");
  }
  CheckNegatives(
      {
          "开展“书香·政协”读书活动3场。",
          "举办“丝路·华章”诗歌朗诵会。",
          "参加中国·东盟博览会期间签约3个项目。",
          // No role beside the name: nobody is named for sure.
          "会上，努尔兰·哈力克作了发言。",
      },
      Run);
  // Neither part is read as a name of its own.
  const auto people = Run(std::string(kHeader) +
                          "副主席艾尔肯·吐尔洪出席。"
                          "玛依拉·艾力委员发言。");
  for (const Person& p : people) {
    EXPECT_NE(p.name, "艾尔肯");
    EXPECT_NE(p.name, "艾力");
  }
  // A name of three parts is read once, whole.
  for (const Person& p :
       Run(std::string(kHeader) + "会上，阿不都·热合曼·买买提委员发言。")) {
    if (p.role != "通讯员") {
      EXPECT_EQ(p.name, "阿不都·热合曼·买买提");
    }
  }
  EXPECT_NE(Find(people, "艾尔肯·吐尔洪", "副主席"), nullptr);
  EXPECT_NE(Find(people, "玛依拉·艾力", "委员"), nullptr);
}

TEST_F(PeopleTest, TraditionalNamesAreGivenAsWritten) {
  const auto people =
      Run("市政協副主席陳明華出席會議，並聽取委員意見。（記者 鄭 宏）\n");
  EXPECT_NE(Find(people, "陳明華", "副主席"), nullptr);
  EXPECT_NE(Find(people, "鄭宏", "记者"), nullptr);
  EXPECT_EQ(Find(people, "陈明华", "副主席"), nullptr);
}

// Right after a word (华侨, 人士) two names that a group word closes are
// names; a list after a word without one is not read as names.
TEST_F(PeopleTest, ANamedCoupleAfterAWordAreNames) {
  const auto people = Run(
      "新加坡华侨陈国梁、林美夫妇向医院捐款。爱心人士李建华、王丽夫妇也来了。");
  EXPECT_NE(Find(people, "陈国梁", ""), nullptr);
  EXPECT_NE(Find(people, "林美", ""), nullptr);
  EXPECT_NE(Find(people, "李建华", ""), nullptr);
  EXPECT_NE(Find(people, "王丽", ""), nullptr);
  const auto places = Run("调研组走访了河东王庄、李村等村。");
  EXPECT_TRUE(places.empty()) << places.front().name;
}

// A title that is the committee's when bare (秘书长) is, after a title of
// another body in one chain, that body's; alone it stays the committee's.
TEST_F(PeopleTest, ABareCommitteeTitleInAChainIsTheChainsBody) {
  const auto people =
      Run("黄冈市政协召开会议\n市委常委、秘书长赵立刚，市人大常委会副主任、"
          "秘书长钱文海出席。会议由秘书长孙晓东主持。");
  const Person* party = Find(people, "赵立刚", "秘书长");
  ASSERT_NE(party, nullptr);
  EXPECT_EQ(party->organization, "黄冈市委");
  const Person* congress = Find(people, "钱文海", "秘书长");
  ASSERT_NE(congress, nullptr);
  EXPECT_EQ(congress->organization, "黄冈市人大常委会");
  const Person* committee = Find(people, "孙晓东", "秘书长");
  ASSERT_NE(committee, nullptr);
  EXPECT_EQ(committee->organization, "黄冈市政协");
}

// A joiner after a name ends the list it closes: the next title's body is
// not the name before (主席A、副主席B和秘书长C), and a bare title there is
// another post of the body the list named.
TEST_F(PeopleTest, AJoinerAfterANameEndsTheBodyBeforeTheNextTitle) {
  const auto people =
      Run("宜昌市政协召开会议\n区政协主席韩立伟、副主席唐建民和秘书长邓建辉"
          "陪同。");
  const Person* secretary = Find(people, "邓建辉", "秘书长");
  ASSERT_NE(secretary, nullptr);
  EXPECT_EQ(secretary->organization, "区政协");
  const Person* vice = Find(people, "唐建民", "副主席");
  ASSERT_NE(vice, nullptr);
  EXPECT_EQ(vice->organization, "区政协");
}

}  // namespace
}  // namespace reportfacts
