// Tests of FindCommittee, Duckling style: per level a table of sentences
// with the committee they name, and sentences that must name none. The
// sentences are written for the rules, not taken from a corpus.
#include "service/core/committee.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

const Gazetteer& Places() {
  static const Gazetteer* gazetteer = [] {
    auto g =
        Gazetteer::Load(std::string(REPORTFACTS_DATA_DIR) + "/gazetteer.tsv");
    EXPECT_TRUE(g.ok()) << g.status();
    return new Gazetteer(*std::move(g));
  }();
  return *gazetteer;
}

struct Named {
  const char32_t* text;
  const char* organization;
  const char* city;
  const char* province;
  const char32_t* span;  // the text the committee is read from
};

void PrintTo(const Named& n, std::ostream* os) { *os << EncodeUtf8(n.text); }

class Names : public testing::TestWithParam<Named> {};

TEST_P(Names, Committee) {
  const Named& want = GetParam();
  const std::u32string_view text = want.text;
  auto c = FindCommittee(text, Places());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(EncodeUtf8(c->organization), want.organization);
  EXPECT_EQ(EncodeUtf8(c->city), want.city);
  EXPECT_EQ(EncodeUtf8(c->province), want.province);
  ASSERT_LE(c->end, text.size());
  EXPECT_EQ(EncodeUtf8(text.substr(c->begin, c->end - c->begin)),
            EncodeUtf8(want.span));
}

INSTANTIATE_TEST_SUITE_P(
    National, Names,
    testing::Values(
        Named{U"全国政协召开双周协商座谈会。", "全国政协", "", "", U"全国政协"},
        Named{U"十四届全国政协常委会举行会议。", "全国政协", "", "",
              U"全国政协"},
        Named{U"中国人民政治协商会议全国委员会办公厅通知", "全国政协", "", "",
              U"中国人民政治协商会议全国委员会"},
        Named{U"政协第十四届全国委员会第三次会议开幕。", "全国政协", "", "",
              U"政协第十四届全国委员会"}));

INSTANTIATE_TEST_SUITE_P(
    Province, Names,
    testing::Values(
        Named{U"河南省政协召开主席会议。", "河南省政协", "", "河南",
              U"河南省政协"},
        Named{U"政协河南省委员会办公厅发布通知。", "河南省政协", "", "河南",
              U"政协河南省委员会"},
        Named{U"广西壮族自治区政协带领委员考察。", "广西壮族自治区政协", "",
              "广西", U"广西壮族自治区政协"},
        Named{U"政协第十一届西藏自治区委员会第二次会议", "西藏自治区政协", "",
              "西藏", U"政协第十一届西藏自治区委员会"},
        Named{U"近日，四川政协召开座谈会。", "四川省政协", "", "四川",
              U"四川政协"},
        Named{U"内蒙古政协带领委员考察。", "内蒙古自治区政协", "", "内蒙古",
              U"内蒙古政协"},
        Named{U"北京市政协举行全体会议。", "北京市政协", "北京", "北京",
              U"北京市政协"},
        Named{U"中国人民政治协商会议天津市第十五届委员会", "天津市政协", "天津",
              "天津", U"中国人民政治协商会议天津市第十五届委员会"}));

INSTANTIATE_TEST_SUITE_P(
    Prefecture, Names,
    testing::Values(Named{U"政协兰州市委员会召开常委会议。", "兰州市政协",
                          "兰州", "甘肃", U"政协兰州市委员会"},
                    Named{U"中国人民政治协商会议兰州市第十五届委员会",
                          "兰州市政协", "兰州", "甘肃",
                          U"中国人民政治协商会议兰州市第十五届委员会"},
                    Named{U"政协兰州市\n第十五届委员会", "兰州市政协", "兰州",
                          "甘肃", U"政协兰州市\n第十五届委员会"},
                    Named{U"黔东南州政协开展专题调研。", "黔东南州政协",
                          "黔东南", "贵州", U"黔东南州政协"},
                    Named{U"政协湘西土家族苗族自治州委员会", "湘西州政协",
                          "湘西", "湖南", U"政协湘西土家族苗族自治州委员会"},
                    Named{U"锡林郭勒盟政协召开全会。", "锡林郭勒盟政协",
                          "锡林郭勒", "内蒙古", U"锡林郭勒盟政协"},
                    Named{U"福建漳州市政协组织考察。", "漳州市政协", "漳州",
                          "福建", U"福建漳州市政协"},
                    Named{U"会上，兰州政协委员踊跃发言。", "兰州市政协", "兰州",
                          "甘肃", U"兰州政协"},
                    Named{U"襄樊市政协召开会议。", "襄樊市政协", "襄阳", "湖北",
                          U"襄樊市政协"}));

INSTANTIATE_TEST_SUITE_P(
    County, Names,
    testing::Values(Named{U"奉化区政协召开协商会。", "奉化区政协", "宁波",
                          "浙江", U"奉化区政协"},
                    Named{U"宁波市奉化区政协带领委员考察。", "奉化区政协",
                          "宁波", "浙江", U"宁波市奉化区政协"},
                    Named{U"近日，奉化政协微信公众号上线。", "奉化区政协",
                          "宁波", "浙江", U"奉化政协"},
                    Named{U"绛县政协举办读书活动。", "绛县政协", "运城", "山西",
                          U"绛县政协"},
                    Named{U"政协绛县第十三届委员会第一次会议", "绛县政协",
                          "运城", "山西", U"政协绛县第十三届委员会"},
                    Named{U"政协第十三届绛县委员会召开会议。", "绛县政协",
                          "运城", "山西", U"政协第十三届绛县委员会"},
                    Named{U"宜兴市政协开展民主监督。", "宜兴市政协", "宜兴",
                          "江苏", U"宜兴市政协"},
                    Named{U"中国人民政治协商会议宜兴市委员会", "宜兴市政协",
                          "宜兴", "江苏", U"中国人民政治协商会议宜兴市委员会"},
                    Named{U"石柱土家族自治县政协召开会议。", "石柱县政协",
                          "重庆", "重庆", U"石柱土家族自治县政协"},
                    Named{U"达拉特旗政协带领委员学习。", "达拉特旗政协",
                          "鄂尔多斯", "内蒙古", U"达拉特旗政协"},
                    Named{U"政协宁波市奉化区委员会召开全会。", "奉化区政协",
                          "宁波", "浙江", U"政协宁波市奉化区委员会"},
                    Named{U"北京市东城区政协召开常委会。", "东城区政协", "北京",
                          "北京", U"北京市东城区政协"},
                    Named{U"奉化市政协召开全会。", "奉化市政协", "宁波", "浙江",
                          U"奉化市政协"},
                    Named{U"仙桃市政协开展调研。", "仙桃市政协", "仙桃", "湖北",
                          U"仙桃市政协"}));

INSTANTIATE_TEST_SUITE_P(
    Ambiguous, Names,
    testing::Values(
        // Several 朝阳区: the prefix, else a place named elsewhere, decides.
        Named{U"北京市朝阳区政协召开会议。", "朝阳区政协", "北京", "北京",
              U"北京市朝阳区政协"},
        Named{U"长春市朝阳区政协召开会议。", "朝阳区政协", "长春", "吉林",
              U"长春市朝阳区政协"},
        Named{U"朝阳区政协带领委员走访长春高新区企业。", "朝阳区政协", "长春",
              "吉林", U"朝阳区政协"},
        // Nothing settles it: the name without a place.
        Named{U"朝阳区政协召开会议。", "朝阳区政协", "", "", U"朝阳区政协"},
        // A prefecture wins over counties of the same name.
        Named{U"朝阳市政协召开会议。", "朝阳市政协", "朝阳", "辽宁",
              U"朝阳市政协"}));

INSTANTIATE_TEST_SUITE_P(
    BareLevel, Names,
    testing::Values(
        // A committee named by its level alone, and the one place of that
        // level the text names.
        Named{U"一年来，区政协紧扣中心工作，助力奉化区高质量发展。",
              "奉化区政协", "宁波", "浙江", U"区政协"},
        Named{U"省政协办公厅转发河南省有关部门的情况通报。", "河南省政协", "",
              "河南", U"省政协"},
        Named{U"市政协秘书处讨论上海市重点课题。", "上海市政协", "上海", "上海",
              U"市政协"},
        Named{U"县政协召开十届三次会议。绛县县委书记出席。", "绛县政协", "运城",
              "山西", U"县政协"},
        Named{U"州政协十届二次会议期间，黔东南州各界委员提交提案。",
              "黔东南州政协", "黔东南", "贵州", U"州政协"},
        // A 市政协 whose text names no city but counties of one prefecture
        // in full.
        Named{U"市政协委员赴绛县、闻喜县走访农户。", "运城市政协", "运城",
              "山西", U"市政协"}));

INSTANTIATE_TEST_SUITE_P(
    Abbreviated, Names,
    testing::Values(
        // A league, a banner or an autonomous region by its abbreviation:
        // the first character of the full name, some of the rest in order,
        // and the level.
        Named{U"锡盟政协带队视察牧区。", "锡林郭勒盟政协", "锡林郭勒", "内蒙古",
              U"锡盟政协"},
        Named{U"科右前旗政协召开常委会议。", "科尔沁右翼前旗政协", "兴安",
              "内蒙古", U"科右前旗政协"},
        Named{U"会后，达茂旗政协开展调研。", "达尔罕茂明安联合旗政协", "包头",
              "内蒙古", U"达茂旗政协"},
        Named{U"宁夏自治区政协召开座谈会。", "宁夏回族自治区政协", "", "宁夏",
              U"宁夏自治区政协"},
        Named{U"准旗政协委员走访农户。", "准格尔旗政协", "鄂尔多斯", "内蒙古",
              U"准旗政协"}));

TEST(AbbreviatedPlaceEndingAt, ReadsAbbreviationsOnly) {
  const auto place = [](std::u32string_view text) -> std::string {
    auto a = AbbreviatedPlaceEndingAt(text, text.size(), Places(), {});
    return a ? EncodeUtf8(a->place->full_name) : "";
  };
  EXPECT_EQ(place(U"锡盟"), "锡林郭勒盟");
  EXPECT_EQ(place(U"会后锡盟"), "锡林郭勒盟");  // the words before it are not
  // Negatives: a full name is the gazetteer's; words that end in a level
  // (国旗, 联盟) name no place; an autonomous region needs two characters;
  // a banner several abbreviations fit is no guess.
  EXPECT_EQ(place(U"阿拉善盟"), "");
  EXPECT_EQ(place(U"升国旗"), "");
  EXPECT_EQ(place(U"产业联盟"), "");
  EXPECT_EQ(place(U"新自治区"), "");
  EXPECT_EQ(place(U"达旗"), "");  // 达拉特旗 or 达尔罕茂明安联合旗
  PlaceHint hint;
  hint.prefecture = U"鄂尔多斯";
  auto settled = AbbreviatedPlaceEndingAt(U"达旗", 2, Places(), hint);
  ASSERT_TRUE(settled.has_value());
  EXPECT_EQ(EncodeUtf8(settled->place->full_name), "达拉特旗");
}

class NamesNone : public testing::TestWithParam<const char32_t*> {};

TEST_P(NamesNone, NoCommittee) {
  auto c = FindCommittee(GetParam(), Places());
  EXPECT_FALSE(c.has_value()) << EncodeUtf8(c->organization);
}

INSTANTIATE_TEST_SUITE_P(
    Negative, NamesNone,
    testing::Values(
        U"政协委员深入基层开展调研。",            // no place
        U"做好新时代政协工作。",                  // 政协工作
        U"市政协召开常委会议。",                  // level without a place
        U"自治区政协带领委员考察。",              // the region is not named
        U"奉化区人民政府召开常务会议。",          // place, then no 政协
        U"兰州市委员会的同志参加会议。",          // 委员会 without 政协
        U"政协委员会同兰州市有关部门开展调研。",  // 政协委员 then a place
        U"两地开展友好政协往来。",
        U"打造“平安政协”品牌。",  // a quoted slogan            // a county's
                                  // short name as a word
        U"社区政协联络点揭牌，奉化区领导出席。",  // 社区 is no level
        U"省市政协领导出席，奉化区委书记致辞。",  // several levels
        U"区政协委员分别到奉化区和鄞州区调研。",  // two districts named
        U"市政协委员赴绛县、奉化区走访。",        // counties of two prefectures
        U"市政协委员赴奉化走访。",                // a county's short name only
        U"县政协委员赴奉化区走访。",              // a district is no county
        U"城区政协联络站启用。",                  // 城区 is a word
        U"学习《中国人民政治协商会议全国委员会章程》。",  // a title
        U"市政协委员推广“浙里办”应用。",  // a one-character short form
        U"兵团政协召开专题协商会。",      // no division of the gazetteer
        U""));

TEST(FindCommittee, TakesTheFirstNamedCommittee) {
  const std::u32string text = U"宜兴市政协与无锡市政协联合调研。";
  auto c = FindCommittee(text, Places());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(EncodeUtf8(c->organization), "宜兴市政协");
  EXPECT_EQ(c->begin, 0u);
  auto next = FindCommittee(std::u32string_view(text).substr(c->end), Places());
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(EncodeUtf8(next->organization), "无锡市政协");
}

TEST(FindCommittee, NamedCommitteeWinsOverBareLevel) {
  auto c = FindCommittee(U"县政协召开会议，绛县政协主席讲话。", Places());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(EncodeUtf8(c->organization), "绛县政协");
  EXPECT_EQ(c->level, CommitteeLevel::kCounty);
}

TEST(FindCommittee, HintSettlesSameNamedCounties) {
  auto c =
      FindCommittee(U"城关区政协召开会议。", Places(), PlaceHint{U"", U"兰州"});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(EncodeUtf8(c->organization), "城关区政协");
  EXPECT_EQ(EncodeUtf8(c->city), "兰州");
  EXPECT_EQ(EncodeUtf8(c->province), "甘肃");
  auto none = FindCommittee(U"城关区政协召开会议。", Places());
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(EncodeUtf8(none->city), "");
}

TEST(FindCommittee, HintGivesTheBareLevelItsPlace) {
  auto region = FindCommittee(U"自治区政协召开主席会议。", Places(),
                              PlaceHint{U"广西", U""});
  ASSERT_TRUE(region.has_value());
  EXPECT_EQ(EncodeUtf8(region->organization), "广西壮族自治区政协");
  EXPECT_EQ(EncodeUtf8(region->province), "广西");
  auto city = FindCommittee(U"市政协召开常委会议。", Places(),
                            PlaceHint{U"甘肃", U"兰州"});
  ASSERT_TRUE(city.has_value());
  EXPECT_EQ(EncodeUtf8(city->organization), "兰州市政协");
  // A hint of another level gives nothing: 河南 is a province, not a region.
  EXPECT_FALSE(
      FindCommittee(U"自治区政协召开会议。", Places(), PlaceHint{U"河南", U""})
          .has_value());
}

TEST(FindCommittee, CommitteeVisitedIsAnothers) {
  auto c = FindCommittee(U"宜昌市政协考察团赴襄阳市政协学习。", Places());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(EncodeUtf8(c->organization), "宜昌市政协");
  auto host = FindCommittee(
      U"市政协考察团赴襄阳市政协学习，宜昌市政协主席带队。", Places());
  ASSERT_TRUE(host.has_value());
  EXPECT_EQ(EncodeUtf8(host->organization), "宜昌市政协");
  EXPECT_FALSE(
      FindCommittee(U"考察团赴襄阳市政协学习。", Places()).has_value());
  // A committee that hosts others is its own.
  auto own = FindCommittee(U"襄阳市政协考察团来宜昌考察。", Places());
  ASSERT_TRUE(own.has_value());
  EXPECT_EQ(EncodeUtf8(own->organization), "襄阳市政协");
}

TEST(FindCommittee, DestinationIsAnotherCommitteesPlace) {
  // Where members go is not where their committee sits.
  for (const char32_t* text :
       {U"县政协安排委员赴绛县考察学习。", U"市政协考察组到天水市学习经验。",
        U"区政协委员分别前往奉化区、鄞州区调研。"}) {
    EXPECT_FALSE(FindCommittee(text, Places()).has_value()) << EncodeUtf8(text);
  }
  // A place named otherwise still counts.
  auto c = FindCommittee(U"县政协安排委员在绛县乡镇调研。", Places());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(EncodeUtf8(c->organization), "绛县政协");
}

// Word lists for the short-name rule: tiny ones written for the tests, not
// the production ones.
const ShortNameWords& Words() {
  static const ShortNameWords* words = [] {
    auto* ordinary = new WordSet;
    for (const char32_t* word :
         {U"政协", U"富裕", U"发展", U"办公室", U"振兴", U"聚焦"}) {
      ordinary->Add(word);
    }
    auto* surnames = new WordSet;
    for (const char32_t* surname : {U"李", U"王", U"焦"})
      surnames->Add(surname);
    return new ShortNameWords{ordinary, surnames};
  }();
  return *words;
}

// A short name that is a piece of a longer word of the dictionary (共和 of
// 共和县 in 中华人民共和国) is no place; standing alone it still is one.
TEST(FindCommittee, AShortNameInsideALongerWordIsNoPlace) {
  static const Dictionary* dictionary =
      new Dictionary(Dictionary::FromWords({{U"中华人民共和国", "ns", 9000},
                                            {U"共和国", "ns", 2000},
                                            {U"共和", "nz", 1900},
                                            {U"始兴", "ns", 50}}));
  ShortNameWords words = Words();
  words.dictionary = dictionary;
  for (const char32_t* text : {
           U"县政协委员庆祝中华人民共和国成立75周年。",
           U"县政协安排委员学习共和国历史。",
       }) {
    EXPECT_FALSE(FindCommittee(text, Places(), PlaceHint{}, words).has_value())
        << EncodeUtf8(text);
  }
  for (const char32_t* text : {
           U"县政协委员为共和发展建言。",
           U"县政协委员为始兴发展建言。",
       }) {
    EXPECT_TRUE(FindCommittee(text, Places(), PlaceHint{}, words).has_value())
        << EncodeUtf8(text);
  }
}

// A committee above the level of a bare one named before it is met in
// passing: the text is the bare committee's.
TEST(FindCommittee, AHigherCommitteeAfterABareOneIsAnothers) {
  for (const char32_t* text : {
           U"市政协安排几位委员视察。全国政协常委、某院院士韩立新参加。",
           U"县政协召开座谈会，甘肃省政协副主席韩立新出席。",
           U"区政协开展调研，兰州市政协副主席韩立新带队。",
       }) {
    EXPECT_FALSE(FindCommittee(text, Places()).has_value()) << EncodeUtf8(text);
  }
  // The same level, or a municipality for a bare 市政协, is the text's own.
  for (const auto& [text, organization] :
       std::vector<std::pair<const char32_t*, const char*>>{
           {U"市政协安排几位委员视察。兰州市政协副主席韩立新带队。",
            "兰州市政协"},
           {U"市政协安排几位委员视察。北京市政协副主席韩立新带队。",
            "北京市政协"},
           {U"县政协开展调研。康乐县政协主席韩立新带队。", "康乐县政协"},
           // Nothing bare before: the first committee named.
           {U"全国政协常委、某院院士韩立新参加。", "全国政协"},
       }) {
    auto c = FindCommittee(text, Places());
    ASSERT_TRUE(c.has_value()) << EncodeUtf8(text);
    EXPECT_EQ(EncodeUtf8(c->organization), organization);
  }
}

TEST(FindCommittee, BareCommitteeByShortName) {
  struct Case {
    const char32_t* text;
    const char* organization;
    const char* city;
  };
  for (const Case& want : {
           Case{U"县政协召开提案交办会，要求为始兴高质量发展建言。",
                "始兴县政协", "韶关"},
           Case{U"区政协几位委员就新都产业振兴提出建议。", "新都区政协",
                "成都"},
           // 焦 is a surname, but here the end of 聚焦.
           Case{U"区政协几位委员聚焦新都产业振兴提出建议。", "新都区政协",
                "成都"},
           Case{U"旗政协安排委员学习，助力达拉特经济发展。", "达拉特旗政协",
                "鄂尔多斯"},
       }) {
    auto c = FindCommittee(want.text, Places(), PlaceHint{}, Words());
    ASSERT_TRUE(c.has_value()) << EncodeUtf8(want.text);
    EXPECT_EQ(EncodeUtf8(c->organization), want.organization);
    EXPECT_EQ(EncodeUtf8(c->city), want.city);
  }
  for (const char32_t* text : {
           U"县政协召开会议，推动富裕乡村建设。",  // an ordinary word
           U"县政协设主席会议和政协秘书处。",      // 和政 crossed by 政协
           U"县政协安排委员赴始兴考察学习。",      // a destination
           U"县政协委员为始兴和仁化发展建言。",    // two counties
           U"县政协几位委员在始兴镇开展调研。",    // a town of the name
           U"区政协委员为始兴发展建言。",          // 始兴 is a 县, not a 区
           U"县政协委员为新都发展建言。",          // 新都 is a 区
           U"县政协主席李始兴主持会议。",          // a given name
       }) {
    EXPECT_FALSE(
        FindCommittee(text, Places(), PlaceHint{}, Words()).has_value())
        << EncodeUtf8(text);
  }
  // Prefecture-level committees read a prefecture's short name the same.
  for (const Case& want : {
           Case{U"市政协召开协商会。来源：宜昌日报", "宜昌市政协", "宜昌"},
           Case{U"州政协委员为黔东南旅游发展建言。", "黔东南州政协", "黔东南"},
           Case{U"盟政协委员为阿拉善生态保护建言。", "阿拉善盟政协", "阿拉善"},
       }) {
    auto c = FindCommittee(want.text, Places(), PlaceHint{}, Words());
    ASSERT_TRUE(c.has_value()) << EncodeUtf8(want.text);
    EXPECT_EQ(EncodeUtf8(c->organization), want.organization);
    EXPECT_EQ(EncodeUtf8(c->city), want.city);
  }
  for (const char32_t* text : {
           U"市政协委员借鉴宜昌、襄阳两地经验。",  // two cities
           U"市政协考察组赴宜昌学习。",            // a destination
           U"市政协委员学习借鉴杭州经验。",        // learnt from
           U"州政协委员为宜昌发展建言。",          // 宜昌 is no 州
           U"市政协委员为黔东南发展建言。",        // 黔东南 is no 市
       }) {
    EXPECT_FALSE(
        FindCommittee(text, Places(), PlaceHint{}, Words()).has_value())
        << EncodeUtf8(text);
  }
  // Without ordinary words the short name is not read.
  EXPECT_FALSE(
      FindCommittee(U"县政协委员为始兴发展建言。", Places()).has_value());
}

TEST(FindCommittee, BareProvinceByThePlacesNamed) {
  auto c = FindCommittee(U"省政协十三届十二次常委会议在郑州召开。", Places());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(EncodeUtf8(c->organization), "河南省政协");
  EXPECT_EQ(EncodeUtf8(c->city), "");
  EXPECT_EQ(EncodeUtf8(c->province), "河南");
  auto region =
      FindCommittee(U"自治区政协委员在南宁、柳州开展视察。", Places());
  ASSERT_TRUE(region.has_value());
  EXPECT_EQ(EncodeUtf8(region->organization), "广西壮族自治区政协");
  for (const char32_t* text : {
           U"省政协委员在郑州、武汉两地调研。",  // two provinces
           U"省政协考察组赴郑州学习。",          // a destination
           U"自治区政协会议在郑州召开。",        // 河南 is no 自治区
           U"省政协委员在南宁开展视察。",        // 广西 is no 省
       }) {
    EXPECT_FALSE(FindCommittee(text, Places()).has_value()) << EncodeUtf8(text);
  }
}

TEST(FindCommittee, EndsOfTextAreSafe) {
  for (const char32_t* text :
       {U"政协", U"中国人民政治协商会议", U"政协第十", U"政协第十三届",
        U"政协兰州市", U"政协兰州市第十五届", U"区政协", U"全国", U"《政协"}) {
    EXPECT_FALSE(FindCommittee(text, Places()).has_value()) << EncodeUtf8(text);
  }
}

TEST(FindCommittee, LevelsAreReported) {
  EXPECT_EQ(FindCommittee(U"全国政协", Places())->level,
            CommitteeLevel::kNational);
  EXPECT_EQ(FindCommittee(U"河南省政协", Places())->level,
            CommitteeLevel::kProvince);
  EXPECT_EQ(FindCommittee(U"兰州市政协", Places())->level,
            CommitteeLevel::kPrefecture);
  EXPECT_EQ(FindCommittee(U"宜兴市政协", Places())->level,
            CommitteeLevel::kCounty);
}

TEST(FindCommittee, LongTextOfNearMissesNamesNoCommitteeOfThem) {
  // Many 政协 without a place before or after them: none is a committee.
  // (Its cost on long text is measured by bench/core_bench, not here.)
  std::u32string text;
  for (int i = 0; i < 2000; ++i) text += U"委员会同政协";
  EXPECT_EQ(FindCommittee(text, Places()), std::nullopt);
}

}  // namespace
}  // namespace reportfacts
