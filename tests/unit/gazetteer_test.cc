// Tests of the gazetteer: the loader on small files of its own
// (tests/testdata/gazetteer/), then lookups on the production file.
#include "service/core/gazetteer.h"

#include <string>

#include "gtest/gtest.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

const std::string kTestData =
    std::string(REPORTFACTS_DATA_DIR) + "/../../tests/testdata/gazetteer/";

const Gazetteer& Production() {
  static const Gazetteer* gazetteer = [] {
    auto g =
        Gazetteer::Load(std::string(REPORTFACTS_DATA_DIR) + "/gazetteer.tsv");
    EXPECT_TRUE(g.ok()) << g.status();
    return new Gazetteer(*std::move(g));
  }();
  return *gazetteer;
}

std::string U8(const std::u32string& s) { return EncodeUtf8(s); }

TEST(GazetteerLoad, ReadsEveryLevel) {
  auto g = Gazetteer::Load(kTestData + "good.tsv");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->places().size(), 17u);
  const Place* fenghua = g->FindCounty(U"奉化区");
  ASSERT_NE(fenghua, nullptr);
  EXPECT_EQ(fenghua->code, "330213");
  EXPECT_EQ(U8(fenghua->prefecture), "宁波");
  EXPECT_EQ(U8(fenghua->province), "浙江");
  ASSERT_EQ(fenghua->aliases.size(), 1u);
  EXPECT_EQ(g->FindCounty(U"奉化市"), fenghua);
  const Place* beijing = g->FindProvince(U"北京");
  ASSERT_NE(beijing, nullptr);
  EXPECT_EQ(beijing->level, PlaceLevel::kMunicipality);
  EXPECT_EQ(g->Find(U"北京市"), beijing);
  const Place* xiantao = g->FindCounty(U"仙桃");
  ASSERT_NE(xiantao, nullptr);
  EXPECT_TRUE(xiantao->prefecture.empty());
}

TEST(GazetteerLoad, NamesHoldProvincesAndPrefecturesOnly) {
  auto g = Gazetteer::Load(kTestData + "good.tsv");
  ASSERT_TRUE(g.ok()) << g.status();
  for (std::u32string_view name :
       {U"浙江", U"浙江省", U"宁波", U"宁波市", U"黔西南州", U"北京"}) {
    EXPECT_TRUE(g->names().Contains(name)) << U8(std::u32string(name));
  }
  for (std::u32string_view name : {U"奉化", U"奉化区", U"仙桃", U"东城"}) {
    EXPECT_FALSE(g->names().Contains(name)) << U8(std::u32string(name));
    EXPECT_TRUE(g->all_names().Contains(name)) << U8(std::u32string(name));
  }
}

struct BadFile {
  const char* file;
  const char* message;  // part of the error after "file:line: "
};

class GazetteerBadLine : public testing::TestWithParam<BadFile> {};

TEST_P(GazetteerBadLine, NamesFileAndLine) {
  const std::string path = kTestData + GetParam().file;
  auto g = Gazetteer::Load(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(g.status().message());
  EXPECT_NE(message.find(path + ":4: "), std::string::npos) << message;
  EXPECT_NE(message.find(GetParam().message), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Files, GazetteerBadLine,
    testing::Values(BadFile{"bad_columns.tsv", "expected 7"},
                    BadFile{"bad_level.tsv", "level must be"},
                    BadFile{"bad_code.tsv", "code must be 4 digits"},
                    BadFile{"bad_duplicate_code.tsv", "already on line 3"},
                    BadFile{"bad_province.tsv", "province must be"},
                    BadFile{"bad_prefecture.tsv", "prefecture must be"},
                    BadFile{"bad_short_name.tsv", "two characters"},
                    BadFile{"bad_alias.tsv", "each alias"}));

TEST(GazetteerLoad, MissingAndEmptyFiles) {
  EXPECT_EQ(Gazetteer::Load(kTestData + "no_such_file.tsv").status().code(),
            absl::StatusCode::kNotFound);
  auto empty = Gazetteer::Load(kTestData + "empty.tsv");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("no places"), std::string::npos);
}

TEST(GazetteerLoad, AmbiguousCountiesNeedAHint) {
  auto g = Gazetteer::Load(kTestData + "good.tsv");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ(g->FindCounty(U"朝阳区"), nullptr);  // 北京 and 长春
  const Place* changchun = g->FindCounty(U"朝阳区", {U"", U"长春"});
  ASSERT_NE(changchun, nullptr);
  EXPECT_EQ(changchun->code, "220104");
  const Place* beijing = g->FindCounty(U"朝阳区", {U"北京", U""});
  ASSERT_NE(beijing, nullptr);
  EXPECT_EQ(beijing->code, "110105");
  EXPECT_EQ(g->FindCounty(U"朝阳区", {U"浙江", U""}), nullptr);
  // The short name 朝阳: a prefecture first, three counties after.
  const Place* prefecture = g->Find(U"朝阳");
  ASSERT_NE(prefecture, nullptr);
  EXPECT_EQ(prefecture->level, PlaceLevel::kPrefecture);
  EXPECT_EQ(g->FindAll(U"朝阳").size(), 4u);
  EXPECT_EQ(g->FindCounty(U"朝阳", {U"辽宁", U""})->code, "211321");
}

// Lookups on the production gazetteer, one level per row.
struct Lookup {
  const char32_t* name;
  PlaceLevel level;
  const char* short_name;
  const char* prefecture;
  const char* province;
};

class ProductionLookup : public testing::TestWithParam<Lookup> {};

TEST_P(ProductionLookup, FindsPlace) {
  const Lookup& want = GetParam();
  const Place* p = want.level == PlaceLevel::kProvince ||
                           want.level == PlaceLevel::kMunicipality
                       ? Production().FindProvince(want.name)
                   : want.level == PlaceLevel::kCounty
                       ? Production().FindCounty(want.name)
                       : Production().Find(want.name);
  ASSERT_NE(p, nullptr) << U8(want.name);
  EXPECT_EQ(p->level, want.level) << U8(want.name);
  EXPECT_EQ(U8(p->short_name), want.short_name);
  EXPECT_EQ(U8(p->prefecture), want.prefecture);
  EXPECT_EQ(U8(p->province), want.province);
}

INSTANTIATE_TEST_SUITE_P(
    Levels, ProductionLookup,
    testing::Values(
        Lookup{U"河南省", PlaceLevel::kProvince, "河南", "", "河南"},
        Lookup{U"广西", PlaceLevel::kProvince, "广西", "", "广西"},
        Lookup{U"广西壮族自治区", PlaceLevel::kProvince, "广西", "", "广西"},
        Lookup{U"内蒙古自治区", PlaceLevel::kProvince, "内蒙古", "", "内蒙古"},
        Lookup{U"香港", PlaceLevel::kProvince, "香港", "", "香港"},
        Lookup{U"重庆市", PlaceLevel::kMunicipality, "重庆", "", "重庆"},
        Lookup{U"兰州市", PlaceLevel::kPrefecture, "兰州", "", "甘肃"},
        Lookup{U"湘西州", PlaceLevel::kPrefecture, "湘西", "", "湖南"},
        Lookup{U"湘西土家族苗族自治州", PlaceLevel::kPrefecture, "湘西", "",
               "湖南"},
        Lookup{U"海南州", PlaceLevel::kPrefecture, "海南州", "", "青海"},
        Lookup{U"阿拉善盟", PlaceLevel::kPrefecture, "阿拉善", "", "内蒙古"},
        Lookup{U"大兴安岭", PlaceLevel::kPrefecture, "大兴安岭", "", "黑龙江"},
        Lookup{U"襄樊", PlaceLevel::kPrefecture, "襄阳", "", "湖北"},
        Lookup{U"奉化区", PlaceLevel::kCounty, "奉化", "宁波", "浙江"},
        Lookup{U"奉化市", PlaceLevel::kCounty, "奉化", "宁波", "浙江"},
        Lookup{U"宜兴", PlaceLevel::kCounty, "宜兴", "无锡", "江苏"},
        Lookup{U"绛县", PlaceLevel::kCounty, "绛县", "运城", "山西"},
        Lookup{U"东城区", PlaceLevel::kCounty, "东城", "北京", "北京"},
        Lookup{U"石柱县", PlaceLevel::kCounty, "石柱", "重庆", "重庆"},
        Lookup{U"鄂温克族自治旗", PlaceLevel::kCounty, "鄂温克", "呼伦贝尔",
               "内蒙古"},
        Lookup{U"达拉特旗", PlaceLevel::kCounty, "达拉特", "鄂尔多斯",
               "内蒙古"},
        Lookup{U"神农架林区", PlaceLevel::kCounty, "神农架", "", "湖北"},
        Lookup{U"六枝特区", PlaceLevel::kCounty, "六枝", "六盘水", "贵州"},
        Lookup{U"浦东新区", PlaceLevel::kCounty, "浦东", "上海", "上海"},
        Lookup{U"清新区", PlaceLevel::kCounty, "清新", "清远", "广东"}));

TEST(ProductionGazetteer, FindGivesCitiesNotCounties) {
  // A county-level city may stand as a city; a county or district may not.
  ASSERT_NE(Production().Find(U"宜兴"), nullptr);
  EXPECT_EQ(Production().Find(U"奉化"), nullptr);
  EXPECT_EQ(Production().Find(U"绛县"), nullptr);
  ASSERT_NE(Production().FindCounty(U"奉化"), nullptr);
  EXPECT_EQ(Production().Find(U"朝阳")->level, PlaceLevel::kPrefecture);
}

TEST(ProductionGazetteer, OneCharacterStemsAreNoNames) {
  // 绛县 is findable by its full name only; 芒市 keeps 市.
  EXPECT_EQ(Production().Find(U"绛"), nullptr);
  ASSERT_NE(Production().Find(U"芒市"), nullptr);
  EXPECT_EQ(Production().Find(U"芒"), nullptr);
  // A short name that is a province's keeps its unit: 河南县, not 河南.
  const Place* henan = Production().FindCounty(U"河南县");
  ASSERT_NE(henan, nullptr);
  EXPECT_EQ(U8(henan->province), "青海");
  EXPECT_EQ(Production().FindCounty(U"河南"), nullptr);
}

TEST(ProductionGazetteer, SameNamedDistrictsWithoutHintGiveNothing) {
  EXPECT_EQ(Production().FindCounty(U"城关区"), nullptr);
  EXPECT_EQ(Production().Find(U"城关区"), nullptr);
  const Place* lanzhou = Production().FindCounty(U"城关区", {U"", U"兰州"});
  ASSERT_NE(lanzhou, nullptr);
  EXPECT_EQ(U8(lanzhou->province), "甘肃");
  const Place* lhasa = Production().FindCounty(U"城关区", {U"西藏", U""});
  ASSERT_NE(lhasa, nullptr);
  EXPECT_EQ(U8(lhasa->prefecture), "拉萨");
}

TEST(ProductionGazetteer, CountsEveryLevel) {
  size_t provinces = 0, prefectures = 0, counties = 0;
  for (const Place& p : Production().places()) {
    provinces += p.province_level();
    prefectures += p.level == PlaceLevel::kPrefecture;
    counties += p.county_level();
  }
  EXPECT_EQ(provinces, 34u);  // 31 on the mainland, 台湾, 香港, 澳门
  EXPECT_EQ(prefectures, 333u);
  EXPECT_GT(counties, 2800u);
}

}  // namespace
}  // namespace reportfacts
