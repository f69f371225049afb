#include "service/core/number_scan.h"

#include <string>

#include "gtest/gtest.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

class NumberScanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto table =
        LoadUnitTable(std::string(REPORTFACTS_DATA_DIR) + "/units.tsv",
                      std::string(REPORTFACTS_DATA_DIR) + "/qualifiers.tsv");
    ASSERT_TRUE(table.ok()) << table.status();
    table_ = new UnitTable(*std::move(table));
  }
  static void TearDownTestSuite() { delete table_; }

  // Scan returns the metrics of `text` as "digits|unit_text|value|unit|Q".
  static std::vector<std::string> Scan(const std::string& text) {
    const std::u32string cps = DecodeUtf8(text);
    std::vector<std::string> out;
    for (const NumberMention& m : ScanNumbers(cps, *table_)) {
      char value[64];
      std::snprintf(value, sizeof(value), "%.10g", m.value);
      out.push_back(EncodeUtf8(std::u32string_view(cps).substr(
                        m.begin, m.end - m.begin)) +
                    "|" +
                    EncodeUtf8(std::u32string_view(cps).substr(
                        m.unit_begin, m.unit_end - m.unit_begin)) +
                    "|" + value + "|" + EncodeUtf8(m.unit) + "|" +
                    std::string(QualifierName(m.qualifier)));
    }
    return out;
  }
  static UnitTable* table_;
};
UnitTable* NumberScanTest::table_ = nullptr;

TEST_F(NumberScanTest, AppliesMultipliersAndCanonicalUnits) {
  EXPECT_EQ(Scan("总投资1.68亿元"),
            std::vector<std::string>{"1.68|亿元|168000000|元|EXACT"});
  EXPECT_EQ(Scan("参与12.8万人"),
            std::vector<std::string>{"12.8|万人|128000|人|EXACT"});
  EXPECT_EQ(Scan("捐款170万人民币"),
            std::vector<std::string>{"170|万人民币|1700000|元|EXACT"});
  EXPECT_EQ(Scan("金额57.71亿元"),
            std::vector<std::string>{"57.71|亿元|5771000000|元|EXACT"});
  EXPECT_EQ(Scan("全长３５公里"),
            std::vector<std::string>{"３５|公里|35|公里|EXACT"});
  EXPECT_EQ(Scan("清淤2.5万立方米"),
            std::vector<std::string>{"2.5|万立方米|25000|立方米|EXACT"});
}

TEST_F(NumberScanTest, ReadsQualifiersOnEitherSide) {
  EXPECT_EQ(Scan("开展活动近50次"),
            std::vector<std::string>{"50|次|50|次|NEARLY"});
  EXPECT_EQ(Scan("开展60多次"),
            std::vector<std::string>{"60|多次|60|次|MORE_THAN"});
  EXPECT_EQ(Scan("满意率达到99%以上"),
            std::vector<std::string>{"99|%|99|%|MORE_THAN"});
  EXPECT_EQ(Scan("送去4.2万多元"),
            std::vector<std::string>{"4.2|万多元|42000|元|MORE_THAN"});
  EXPECT_EQ(Scan("减免5500余万元"),
            std::vector<std::string>{"5500|余万元|55000000|元|MORE_THAN"});
  EXPECT_EQ(Scan("约5.33公顷"),
            std::vector<std::string>{"5.33|公顷|5.33|公顷|ABOUT"});
  EXPECT_EQ(Scan("不足10人"),
            std::vector<std::string>{"10|人|10|人|LESS_THAN"});
  EXPECT_EQ(Scan("曝光量超1亿人次"),
            std::vector<std::string>{"1|亿人次|100000000|人次|MORE_THAN"});
}

TEST_F(NumberScanTest, SignedIsNotAQualifier) {
  // 签约 ends in 约 (about) but is a verb.
  EXPECT_EQ(Scan("签约54个项目"),
            std::vector<std::string>{"54|个|54|个|EXACT"});
}

TEST_F(NumberScanTest, LeavesOutDatesAndRanges) {
  EXPECT_TRUE(Scan("2023年10月17日召开").empty());
  EXPECT_TRUE(Scan("11月28日—29日").empty());
  EXPECT_TRUE(Scan("9月11日至13日").empty());
  EXPECT_TRUE(Scan("2024—2026年").empty());
  EXPECT_TRUE(Scan("2023年以来").empty());
  // A duration in years is a metric.
  EXPECT_EQ(Scan("连续20年增长"),
            std::vector<std::string>{"20|年|20|年|EXACT"});
}

TEST_F(NumberScanTest, LeavesOutAnniversariesOrdinalsCodesAndNames) {
  EXPECT_TRUE(Scan("成立75周年").empty());
  EXPECT_TRUE(Scan("75年风雨兼程").empty());
  EXPECT_TRUE(Scan("位列第1名").empty());
  EXPECT_TRUE(Scan("12345企业服务专线").empty());
  EXPECT_TRUE(Scan("推向2.0版").empty());
  EXPECT_TRUE(Scan("建立“1+2+8+N”协商模式").empty());
  EXPECT_TRUE(Scan("《规划(2024—2026年)》").empty());
  EXPECT_TRUE(Scan("打造“2+4”产业集群").empty());
}

TEST_F(NumberScanTest, QuotedSpeechAndNumbersBesideQuotesAreMetrics) {
  EXPECT_EQ(Scan("“全市试点15万户。”"),
            std::vector<std::string>{"15|万户|150000|户|EXACT"});
  EXPECT_EQ(Scan("命名“委员工作室”24个"),
            std::vector<std::string>{"24|个|24|个|EXACT"});
}

TEST_F(NumberScanTest, NumberWithoutUnitIsNotAMetric) {
  EXPECT_TRUE(Scan("编号42，").empty());
  EXPECT_TRUE(Scan("1234567").empty());
}

TEST(UnitTableLoad, NamesTheBadLine) {
  const std::string dir = ::testing::TempDir();
  const std::string units = dir + "/units_bad.tsv";
  const std::string quals = dir + "/quals_bad.tsv";
  FILE* f = std::fopen(units.c_str(), "w");
  std::fputs("件\n次\t次\textra\n", f);
  std::fclose(f);
  f = std::fopen(quals.c_str(), "w");
  std::fputs("近\tbefore\tNEARLY\n", f);
  std::fclose(f);
  auto table = LoadUnitTable(units, quals);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(std::string(table.status().message()).find("units_bad.tsv:2"),
            std::string::npos)
      << table.status();

  f = std::fopen(units.c_str(), "w");
  std::fputs("件\n", f);
  std::fclose(f);
  f = std::fopen(quals.c_str(), "w");
  std::fputs("# comment\n近\tbefore\tSOMETIMES\n", f);
  std::fclose(f);
  table = LoadUnitTable(units, quals);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(std::string(table.status().message()).find("quals_bad.tsv:2"),
            std::string::npos)
      << table.status();
}

}  // namespace
}  // namespace reportfacts
