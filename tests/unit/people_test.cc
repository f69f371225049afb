// Tests of people extraction on small texts written for the tests.
#include "service/core/people.h"

#include <string>

#include "gtest/gtest.h"
#include "service/core/extractor.h"
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

TEST_F(PeopleTest, RoleBeforeNameResolvesTheCity) {
  const auto people = Run(std::string(kHeader) +
                          "会上，市政协主席孙明远对工作提出要求。"
                          "市委书记周海、市长刘大为批示政协工作。");
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
      Run(std::string(kHeader) + "会议开得很好。胡平主席充分肯定了这项工作。");
  EXPECT_NE(Find(people, "胡平", "主席"), nullptr);
}

TEST_F(PeopleTest, ApposionWithSeveralTitlesAndOneEntryPerRole) {
  const auto people =
      Run(std::string(kHeader) +
          "“我们要加油。”市政协委员、烟台某某科技有限公司董事长、CEO吴佳说。"
          "此后，市政协委员吴佳又提交提案。");
  const Person* member = Find(people, "吴佳", "委员");
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(member->organization, "潍坊市政协");
  const Person* chair = Find(people, "吴佳", "董事长");
  ASSERT_NE(chair, nullptr);
  EXPECT_EQ(chair->organization, "烟台某某科技有限公司");
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
          "全体委员参加会议。主席会议成员出席。我们要展现委员风采。"
          "市委书记听取委员意见。");
  for (const Person& p : people) {
    EXPECT_TRUE(p.role == "通讯员") << p.name << "/" << p.role;
  }
}

}  // namespace
}  // namespace reportfacts
