// Tests of the number scanner: one table per notation rule, each with
// inputs that must give the metric and inputs that must give nothing.
// Sentences are written for the rules in the genre's style.
#include "service/core/number_scan.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/document.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

using V = std::vector<std::string>;

class NumberScanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = REPORTFACTS_DATA_DIR;
    auto table = LoadUnitTable(dir + "/units.tsv", dir + "/qualifiers.tsv",
                               dir + "/number_context.tsv");
    ASSERT_TRUE(table.ok()) << table.status();
    table_ = new UnitTable(*std::move(table));
  }
  static void TearDownTestSuite() { delete table_; }

  // Scan returns the metrics of `text` as "digits|unit_text|value|unit|Q".
  static V Scan(const std::string& text) {
    const std::u32string cps = DecodeUtf8(text);
    const std::u32string_view view(cps);
    V out;
    for (const NumberMention& m : ScanNumbers(cps, *table_)) {
      char value[64];
      std::snprintf(value, sizeof(value), "%.15g", m.value);
      out.push_back(
          EncodeUtf8(view.substr(m.begin, m.end - m.begin)) + "|" +
          EncodeUtf8(view.substr(m.unit_begin, m.unit_end - m.unit_begin)) +
          "|" + value + "|" + EncodeUtf8(m.unit) + "|" +
          std::string(QualifierName(m.qualifier)));
    }
    return out;
  }
  static UnitTable* table_;
};
UnitTable* NumberScanTest::table_ = nullptr;

TEST_F(NumberScanTest, MultipliersAndCanonicalUnits) {
  EXPECT_EQ(Scan("总投资1.46亿元"), V{"1.46|亿元|146000000|元|EXACT"});
  EXPECT_EQ(Scan("参与13.6万人"), V{"13.6|万人|136000|人|EXACT"});
  EXPECT_EQ(Scan("捐款190万人民币"), V{"190|万人民币|1900000|元|EXACT"});
  EXPECT_EQ(Scan("金额43.27亿元"), V{"43.27|亿元|4327000000|元|EXACT"});
  EXPECT_EQ(Scan("清淤2.5万立方米"), V{"2.5|万立方米|25000|立方米|EXACT"});
  EXPECT_EQ(Scan("筹资3千万元"), V{"3|千万元|30000000|元|EXACT"});
  EXPECT_EQ(Scan("装机120万千瓦"), V{"120|万千瓦|1200000|千瓦|EXACT"});
  EXPECT_EQ(Scan("发放2萬件"), V{"2|萬件|20000|件|EXACT"});
  EXPECT_EQ(Scan("规模1.2万亿元"), V{"1.2|万亿元|1200000000000|元|EXACT"});
  EXPECT_EQ(Scan("单价0.3元"), V{"0.3|元|0.3|元|EXACT"});
  EXPECT_TRUE(Scan("共计万元").empty());
}

TEST_F(NumberScanTest, FullWidthDigitsAndPoints) {
  EXPECT_EQ(Scan("全长３５公里"), V{"３５|公里|35|公里|EXACT"});
  EXPECT_EQ(Scan("增长１２．５％"), V{"１２．５|％|12.5|%|EXACT"});
  EXPECT_TRUE(Scan("编号１２３４５").empty());
}

TEST_F(NumberScanTest, ThousandsSeparators) {
  EXPECT_EQ(Scan("人民币1,000万元"), V{"1,000|万元|10000000|元|EXACT"});
  EXPECT_EQ(Scan("合计1,234.56亿元"), V{"1,234.56|亿元|123456000000|元|EXACT"});
  EXPECT_EQ(Scan("服务12，345人次"), V{"12，345|人次|12345|人次|EXACT"});
  // A list is no separator; a broken group is no guess.
  EXPECT_EQ(Scan("分别为1,2,3个"), V{"3|个|3|个|EXACT"});
  EXPECT_TRUE(Scan("共1,234,56人").empty());
}

TEST_F(NumberScanTest, BlanksGroupingDigitsByThree) {
  // Typeset text and PDFs group digits with a blank, a no-break or a thin
  // space.
  EXPECT_EQ(Scan("参与委员 3 480 人次"), V{"3 480|人次|3480|人次|EXACT"});
  EXPECT_EQ(Scan("投入12\u00A0500万元"),
            V{"12\u00A0500|万元|125000000|元|EXACT"});
  EXPECT_EQ(Scan("共1\u2009204\u2009300元"),
            V{"1\u2009204\u2009300|元|1204300|元|EXACT"});
  EXPECT_EQ(Scan("折合 2 500.5 万元"), V{"2 500.5|万元|25005000|元|EXACT"});
  // Negative: a blank after a group of four or more digits, or before a
  // group that is not three digits, parts two numbers; two kinds of blank
  // make no one number.
  EXPECT_EQ(Scan("2024 480人"), V{"480|人|480|人|EXACT"});
  EXPECT_EQ(Scan("第3 48人"), V{"48|人|48|人|EXACT"});
  EXPECT_EQ(Scan("共3 480\u00A0500人"), V{"500|人|500|人|EXACT"});
}

TEST_F(NumberScanTest, Signs) {
  EXPECT_EQ(Scan("增速为-3.2%"), V{"3.2|%|-3.2|%|EXACT"});
  EXPECT_EQ(Scan("同比负3.9%"), V{"3.9|%|-3.9|%|EXACT"});
  EXPECT_EQ(Scan("最低气温-5℃"), V{"5|℃|-5|℃|EXACT"});
  // A fall told by a verb stays positive; a range dash is no sign.
  EXPECT_EQ(Scan("同比下降3.2%"), V{"3.2|%|3.2|%|EXACT"});
  EXPECT_EQ(Scan("提高3-5个"), V{"5|个|5|个|EXACT"});
}

TEST_F(NumberScanTest, BlanksAndLineBreaksBeforeTheUnit) {
  EXPECT_EQ(Scan("完成投资 12.5 亿元"), V{"12.5|亿元|1250000000|元|EXACT"});
  EXPECT_EQ(Scan("共有318 人次参加"), V{"318|人次|318|人次|EXACT"});
  EXPECT_EQ(Scan("共有33\n名委员"), V{"33|名|33|名|EXACT"});
  EXPECT_EQ(Scan("超过 100 人"), V{"100|人|100|人|MORE_THAN"});
  // Two line breaks end the paragraph; a page number stays alone.
  EXPECT_TRUE(Scan("共有33\n\n名委员").empty());
  EXPECT_TRUE(Scan("第 4 页\n").empty());
}

TEST_F(NumberScanTest, MixedMultiplierForms) {
  EXPECT_EQ(Scan("捐款3万4000元"), V{"3万4000|元|34000|元|EXACT"});
  EXPECT_EQ(Scan("运输3万4千吨"), V{"3万4|千吨|34000|吨|EXACT"});
  EXPECT_EQ(Scan("观众25万6千"), V{"25万6|千|256000||EXACT"});
  EXPECT_EQ(Scan("预算1亿2000万元"), V{"1亿2000|万元|120000000|元|EXACT"});
  EXPECT_EQ(Scan("投入10万万元"), V{"10|万万元|1000000000|元|EXACT"});
  // A tail as large as the multiplier is another number.
  EXPECT_EQ(Scan("3万20000人"),
            (V{"3|万|30000||EXACT", "20000|人|20000|人|EXACT"}));
}

TEST_F(NumberScanTest, SiPrefixesAreNoMultipliers) {
  EXPECT_EQ(Scan("建成110千伏变电站"), V{"110|千伏|110|千伏|EXACT"});
  EXPECT_EQ(Scan("新建5千米道路"), V{"5|千米|5|千米|EXACT"});
  EXPECT_EQ(Scan("节约3千瓦时"), V{"3|千瓦时|3|千瓦时|EXACT"});
  EXPECT_EQ(Scan("收购8千克"), V{"8|千克|8|千克|EXACT"});
  EXPECT_EQ(Scan("惠及3千人"), V{"3|千人|3000|人|EXACT"});
}

TEST_F(NumberScanTest, UnitsBeforeTheNumber) {
  EXPECT_EQ(Scan("占百分之22"), V{"22|百分之|22|%|EXACT"});
  EXPECT_EQ(Scan("售价￥300"), V{"300|￥|300|元|EXACT"});
  EXPECT_EQ(Scan("融资$5"), V{"5|$|5|美元|EXACT"});
  EXPECT_EQ(Scan("引资美元3000万"), V{"3000|万|30000000|美元|EXACT"});
  EXPECT_EQ(Scan("募集港币27万元"), V{"27|万元|270000|港元|EXACT"});
  EXPECT_EQ(Scan("涉及款项约人民币13亿元"), V{"13|亿元|1300000000|元|ABOUT"});
  EXPECT_TRUE(Scan("人民币，2024").empty());
}

TEST_F(NumberScanTest, LatinSymbolAndForeignUnits) {
  EXPECT_EQ(Scan("修建12km"), V{"12|km|12|km|EXACT"});
  EXPECT_EQ(Scan("改造1.5万㎡"), V{"1.5|万㎡|15000|㎡|EXACT"});
  EXPECT_EQ(Scan("建成3.5万m2"), V{"3.5|万m2|35000|m2|EXACT"});
  EXPECT_EQ(Scan("装机50MW"), V{"50|MW|50|MW|EXACT"});
  EXPECT_EQ(Scan("投资3.4亿日元"), V{"3.4|亿日元|340000000|日元|EXACT"});
  EXPECT_EQ(Scan("折合120万欧元"), V{"120|万欧元|1200000|欧元|EXACT"});
  // Letters running on make a code.
  EXPECT_TRUE(Scan("型号12kmx").empty());
  EXPECT_TRUE(Scan("推广5G网络").empty());
}

TEST_F(NumberScanTest, ScaledAndSpecialUnits) {
  EXPECT_EQ(Scan("九成以上，即9成"), V{"9|成|90|%|EXACT"});
  EXPECT_EQ(Scan("提高2个百分点"), V{"2|个百分点|2|百分点|EXACT"});
  EXPECT_EQ(Scan("增长1.5倍"), V{"1.5|倍|1.5|倍|EXACT"});
  EXPECT_EQ(Scan("出生率8‰"), V{"8|‰|8|‰|EXACT"});
  EXPECT_EQ(Scan("涵盖6大方面"), V{"6|大方面|6|方面|EXACT"});
  EXPECT_EQ(Scan("分为3大类"), V{"3|大类|3|大类|EXACT"});
  // 成 starting a word is no unit.
  EXPECT_TRUE(Scan("共有12成员单位").empty());
}

// 组 is a measure word (分5组, 3组数据); words it starts are not.
TEST_F(NumberScanTest, GroupIsAMeasureWordNotTheStartOfAWord) {
  EXPECT_EQ(Scan("委员分5组开展视察"), V{"5|组|5|组|EXACT"});
  EXPECT_EQ(Scan("收集8组数据"), V{"8|组|8|组|EXACT"});
  EXPECT_TRUE(Scan("全市12组织参加").empty());
  EXPECT_TRUE(Scan("由3组长带队").empty());
  EXPECT_TRUE(Scan("分在第2组").empty());
}

// Measure words of the things a report counts: letters, lamps, wells,
// banners, loans, fry, goods by the container.
TEST_F(NumberScanTest, MeasureWordsOfThingsCounted) {
  EXPECT_EQ(Scan("收到来信45封"), V{"45|封|45|封|EXACT"});
  EXPECT_EQ(Scan("安装路灯350盏"), V{"350|盏|350|盏|EXACT"});
  EXPECT_EQ(Scan("新打机井6眼"), V{"6|眼|6|眼|EXACT"});
  EXPECT_EQ(Scan("收到锦旗3面"), V{"3|面|3|面|EXACT"});
  EXPECT_EQ(Scan("发放贷款120笔"), V{"120|笔|120|笔|EXACT"});
  EXPECT_EQ(Scan("投放鱼苗10万尾"), V{"10|万尾|100000|尾|EXACT"});
  EXPECT_EQ(Scan("捐赠大米200袋、食用油100桶"),
            (V{"200|袋|200|袋|EXACT", "100|桶|100|桶|EXACT"}));
  // Counts of times of a thing (条次, 项次, 份次) are one measure, as 人次 is.
  EXPECT_EQ(Scan("得到批示15条次"), V{"15|条次|15|条次|EXACT"});
  EXPECT_EQ(Scan("督办事项40余项次"), V{"40|余项次|40|项次|MORE_THAN"});
  EXPECT_EQ(Scan("报送材料6份次"), V{"6|份次|6|份次|EXACT"});
  EXPECT_EQ(Scan("报送材料6份"), V{"6|份|6|份|EXACT"});
  // Words these characters start are no unit.
  EXPECT_TRUE(Scan("建成3面积").empty());
  EXPECT_TRUE(Scan("全区12集体经济").empty());
  EXPECT_TRUE(Scan("实现2节能").empty());
  EXPECT_TRUE(Scan("修建5道路").empty());
  EXPECT_TRUE(Scan("涉及8层面").empty());
}

// 个点 is percentage points (提高3个点) unless 点 opens a word after it
// (8个点位: eight sites).
TEST_F(NumberScanTest, PointsUnlessPointOpensAWord) {
  EXPECT_EQ(Scan("占比提高3个点"), V{"3|个点|3|百分点|EXACT"});
  EXPECT_EQ(Scan("走访8个点位"), V{"8|个|8|个|EXACT"});
  EXPECT_EQ(Scan("收到12个点赞"), V{"12|个|12|个|EXACT"});
}

TEST_F(NumberScanTest, QualifiersOnEitherSide) {
  EXPECT_EQ(Scan("开展活动近50次"), V{"50|次|50|次|NEARLY"});
  EXPECT_EQ(Scan("开展60多次"), V{"60|多次|60|次|MORE_THAN"});
  EXPECT_EQ(Scan("满意率达到99%以上"), V{"99|%|99|%|MORE_THAN"});
  EXPECT_EQ(Scan("送去3.6万多元"), V{"3.6|万多元|36000|元|MORE_THAN"});
  EXPECT_EQ(Scan("减免340余万元"), V{"340|余万元|3400000|元|MORE_THAN"});
  EXPECT_EQ(Scan("约6.27公顷"), V{"6.27|公顷|6.27|公顷|ABOUT"});
  EXPECT_EQ(Scan("不足10人"), V{"10|人|10|人|LESS_THAN"});
  EXPECT_EQ(Scan("曝光量超1亿人次"), V{"1|亿人次|100000000|人次|MORE_THAN"});
  // 签约 ends in 约 (about) but is a verb.
  EXPECT_EQ(Scan("签约54个项目"), V{"54|个|54|个|EXACT"});
}

// Bounds: "no less than" and "at least" are at least (MORE_THAN, as 以上
// is), "no more than" and "at most" at most (LESS_THAN, as 以下 is); the
// longer word wins over the 超过 or 少于 inside it.
TEST_F(NumberScanTest, BoundsSayAtLeastOrAtMost) {
  EXPECT_EQ(Scan("每年不少于12次"), V{"12|次|12|次|MORE_THAN"});
  EXPECT_EQ(Scan("比例不低于30%"), V{"30|%|30|%|MORE_THAN"});
  EXPECT_EQ(Scan("每人走访至少8户"), V{"8|户|8|户|MORE_THAN"});
  EXPECT_EQ(Scan("篇幅不超过3000字"), V{"3000|字|3000|字|LESS_THAN"});
  EXPECT_EQ(Scan("发言不超5分钟"), V{"5|分钟|5|分钟|LESS_THAN"});
  EXPECT_EQ(Scan("每人报送最多4项"), V{"4|项|4|项|LESS_THAN"});
  // Negative: the words without 不 keep their own sense.
  EXPECT_EQ(Scan("参会超过300人"), V{"300|人|300|人|MORE_THAN"});
  EXPECT_EQ(Scan("少于20天"), V{"20|天|20|天|LESS_THAN"});
}

// A blank or a PDF line break may stand between the unit and the
// qualifier after it, as between number and unit.
TEST_F(NumberScanTest, BlanksBeforeTheQualifierAfterTheUnit) {
  EXPECT_EQ(Scan("达到95% 以上"), V{"95|%|95|%|MORE_THAN"});
  EXPECT_EQ(Scan("完成86 项以上"), V{"86|项|86|项|MORE_THAN"});
  EXPECT_EQ(Scan("控制在5%\n以内"), V{"5|%|5|%|LESS_THAN"});
  // A number wrapped across a line (立案2\n86件) is no metric at all: 86
  // would be a wrong value.
  EXPECT_TRUE(Scan("经审查立案2\n86件").empty());
  // Nor is one whose digits are spaced out (2 8个: 28, or 2 and 8?).
  EXPECT_TRUE(Scan("新建站点 2 8 个").empty());
  // A gap between the multiplier and the unit is layout too.
  EXPECT_EQ(Scan("覆盖群众1.2万\n人"), V{"1.2|万\n人|12000|人|EXACT"});
  EXPECT_EQ(Scan("投入资金3 亿 元"), V{"3|亿 元|300000000|元|EXACT"});
  // Negative: a paragraph break or a stop ends the number's mention.
  EXPECT_EQ(Scan("达到95%\n\n以上各项"), V{"95|%|95|%|EXACT"});
  EXPECT_EQ(Scan("达到95%。以上各项"), V{"95|%|95|%|EXACT"});
}

TEST_F(NumberScanTest, DatesAndRangesAreNoMetrics) {
  EXPECT_TRUE(Scan("2023年10月17日召开").empty());
  EXPECT_TRUE(Scan("11月28日—29日").empty());
  EXPECT_TRUE(Scan("9月11日至13日").empty());
  EXPECT_TRUE(Scan("2024—2026年").empty());
  EXPECT_TRUE(Scan("2024年3—5月").empty());
  EXPECT_TRUE(Scan("２０２４年３月５日").empty());
  EXPECT_TRUE(Scan("2024 年，").empty());
  EXPECT_TRUE(Scan("2023年以来").empty());
  EXPECT_TRUE(Scan("截至18时，19:05").empty());
}

TEST_F(NumberScanTest, ClockTimesAreNoMetrics) {
  // Whatever follows a time is no unit of it.
  EXPECT_TRUE(Scan("发布时间：2024-06-21 10:15  字号：大").empty());
  EXPECT_TRUE(Scan("8：30 人到齐").empty());
  EXPECT_TRUE(Scan("10:15:30 次日").empty());
  // A ratio or score with a colon and a unit is not a time; neither are
  // minutes over 59 or a count after a colon label.
  EXPECT_EQ(Scan("比分3:1，共5场"), V{"5|场|5|场|EXACT"});
  EXPECT_EQ(Scan("12:75件"), V{"75|件|75|件|EXACT"});
  EXPECT_EQ(Scan("提案：15件"), V{"15|件|15|件|EXACT"});
  // Durations are metrics.
  EXPECT_EQ(Scan("连续20年增长"), V{"20|年|20|年|EXACT"});
  EXPECT_EQ(Scan("近5年来的变化"), V{"5|年|5|年|NEARLY"});
  EXPECT_EQ(Scan("历时3个月"), V{"3|个月|3|个月|EXACT"});
  // Working days and hours counted with 个 are those days and hours; a
  // bound after them qualifies the count.
  EXPECT_EQ(Scan("5个工作日以内"), V{"5|个工作日|5|工作日|LESS_THAN"});
  EXPECT_EQ(Scan("用时3个小时"), V{"3|个小时|3|小时|EXACT"});
  // A lecture of a series is counted; words 讲 opens are no unit.
  EXPECT_EQ(Scan("开设讲堂8讲"), V{"8|讲|8|讲|EXACT"});
  EXPECT_TRUE(Scan("安排3讲解员").empty());
  // Negative: 个 before another noun stays the measure 个.
  EXPECT_EQ(Scan("5个工作组"), V{"5|个|5|个|EXACT"});
}

TEST_F(NumberScanTest, AnniversariesOrdinalsCodesAndNames) {
  EXPECT_TRUE(Scan("成立75周年").empty());
  EXPECT_TRUE(Scan("走过75年风雨历程").empty());
  EXPECT_TRUE(Scan("位列第1名").empty());
  EXPECT_TRUE(Scan("在十四届3次会议上").empty());
  EXPECT_TRUE(Scan("第5届").empty());
  EXPECT_TRUE(Scan("12345企业服务专线").empty());
  EXPECT_TRUE(Scan("开通12345热线").empty());
  EXPECT_TRUE(Scan("推向3.0版").empty());
  EXPECT_TRUE(Scan("版本1.2.3.4").empty());
  EXPECT_TRUE(Scan("建立“1+2+8+N”协商模式").empty());
  EXPECT_TRUE(Scan("《规划(2024—2026年)》").empty());
  EXPECT_TRUE(Scan("打造“2+4”产业集群").empty());
  EXPECT_TRUE(Scan("编号A12件").empty());
  // Counts of meetings are metrics.
  EXPECT_EQ(Scan("召开3次会议"), V{"3|次|3|次|EXACT"});
}

TEST_F(NumberScanTest, QuotedSpeechAndNumbersBesideQuotesAreMetrics) {
  EXPECT_EQ(Scan("“全市试点15万户。”"), V{"15|万户|150000|户|EXACT"});
  EXPECT_EQ(Scan("命名“委员工作室”24个"), V{"24|个|24|个|EXACT"});
}

// A title mark at any distance inside the window encloses the number; one
// beyond the window, or one cut off by a line break, does not.
TEST_F(NumberScanTest, EnclosingMarksAreFoundAtAnyDistance) {
  for (size_t pad = 0; pad < 9; ++pad) {
    std::string fill;
    for (size_t k = 0; k < pad; ++k) fill += "规";
    EXPECT_TRUE(Scan("《" + fill + "办法3条" + fill + "》").empty()) << pad;
    EXPECT_TRUE(Scan("“" + fill + "3" + fill + "”模式").empty()) << pad;
    EXPECT_EQ(Scan("《" + fill + "\n办法3条" + fill + "》"),
              V{"3|条|3|条|EXACT"})
        << pad;
  }
  std::string far;
  for (size_t k = 0; k < 90; ++k) far += "规";
  EXPECT_EQ(Scan("《" + far + "办法3条》"), V{"3|条|3|条|EXACT"});
}

// One walk back over the marks answers for the three pairs: a pair's own
// marks decide it whatever marks of the other pairs stand between, each
// within its own window, and a line break ends the walk for all of them.
TEST_F(NumberScanTest, EachPairIsDecidedByItsOwnMarks) {
  // A closed pair of another kind between the open mark and the number.
  EXPECT_TRUE(Scan("《规划“示范”3条》").empty());
  EXPECT_TRUE(Scan("「口号“甲”6项」").empty());
  EXPECT_TRUE(Scan("“口号《乙》6项”").empty());
  // Nested: the number is inside both.
  EXPECT_TRUE(Scan("《关于“3个”的办法》").empty());
  // The quote is beyond its window, the title mark is within its own.
  std::string fill;
  for (size_t k = 0; k < 34; ++k) fill += "规";
  EXPECT_TRUE(Scan("《规规“" + fill + "3件”规》").empty());
  EXPECT_EQ(Scan("“" + fill + "3件”模式"), V{"3|件|3|件|EXACT"});
  // A closed quote before the number encloses nothing.
  EXPECT_EQ(Scan("“口号”共6项"), V{"6|项|6|项|EXACT"});
  // A line break between the title mark and the number, with a closed
  // quote after the break.
  EXPECT_EQ(Scan("《规划\n“共”3条》"), V{"3|条|3|条|EXACT"});
}

// The marks the Document lists give what the scan finds by itself.
TEST_F(NumberScanTest, DocumentMarksGiveTheSameMentions) {
  const std::u32string text =
      U"《办法》12条，《细则3条》“2+"
      U"4”集群3个\n《规划\n5年》「口号」6项，“提案8件”。";
  const Document doc = Document::FromCodePoints(text);
  std::vector<Exclusion> own, given;
  const auto a = ScanNumberTokens(text, doc.numbers(), *table_, &own);
  const auto b = ScanNumberTokens(text, doc.numbers(), *table_, &given,
                                  &doc.enclosing_marks());
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].begin, b[i].begin);
  EXPECT_EQ(own, given);
  EXPECT_NE(std::find(own.begin(), own.end(), Exclusion::kTitle), own.end());
}

TEST_F(NumberScanTest, BadInputGivesNothing) {
  EXPECT_TRUE(Scan("编号42，").empty());
  EXPECT_TRUE(Scan("1234567").empty());
  EXPECT_TRUE(Scan(std::string(400, '9') + "元").empty());
  EXPECT_TRUE(Scan("99999999999999999999999亿元").empty());
  EXPECT_TRUE(Scan("-").empty());
  EXPECT_TRUE(Scan("").empty());
}

TEST_F(NumberScanTest, TokensTellWhyADigitRunIsNoMetric) {
  const std::u32string text = U"成立75周年，第3名，2024年，共12件";
  const auto tokens = TokenizeNumbers(text);
  std::vector<Exclusion> why;
  const auto mentions = ScanNumberTokens(text, tokens, *table_, &why);
  ASSERT_EQ(why.size(), 4u);
  EXPECT_EQ(why[0], Exclusion::kAnniversary);
  EXPECT_EQ(why[1], Exclusion::kOrdinal);
  EXPECT_EQ(why[2], Exclusion::kDate);
  EXPECT_EQ(why[3], Exclusion::kNone);
  EXPECT_EQ(mentions.size(), 1u);
}

TEST_F(NumberScanTest, RandomTextNeverBreaksTheScan) {
  // Text made of the characters the rules look at, in random order: every
  // mention must lie inside the text, with a finite value.
  const std::u32string alphabet =
      U"0123456789０１２３４５６７８９.．,，-−－负万亿千百元%％年月日号第届"
      U"“”《》 \n余多约近以上个成员kmt+$￥百分之";
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::u32string text;
    for (int i = 0; i < 40; ++i) {
      seed = seed * 1103515245u + 12345u;
      text.push_back(alphabet[(seed >> 8) % alphabet.size()]);
    }
    for (const NumberMention& m : ScanNumbers(text, *table_)) {
      ASSERT_LE(m.qualifier_begin, m.begin);
      ASSERT_LT(m.begin, m.end);
      ASSERT_LE(m.end, text.size());
      ASSERT_LE(m.unit_end, text.size());
      ASSERT_LE(m.mention_end, text.size());
      ASSERT_TRUE(std::isfinite(m.value)) << EncodeUtf8(text);
    }
  }
}

// WriteFile writes `content` to a temporary file and returns its path.
std::string WriteFile(const std::string& name, const char* content) {
  const std::string path = ::testing::TempDir() + "/" + name;
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(content, f);
  std::fclose(f);
  return path;
}

// LoadError returns the message of loading the three files, or "".
std::string LoadError(const char* units, const char* quals,
                      const char* context) {
  auto table =
      LoadUnitTable(WriteFile("u.tsv", units), WriteFile("q.tsv", quals),
                    WriteFile("c.tsv", context));
  return table.ok() ? "" : std::string(table.status().message());
}

TEST(UnitTableLoad, NamesTheBadLine) {
  const char* units = "件\n";
  const char* quals = "近\tbefore\tNEARLY\n";
  const char* context = "multiplier\t万\t4\n";
  EXPECT_EQ(LoadError(units, quals, context), "");
  EXPECT_NE(LoadError("件\n次\t次\t1\textra\n", quals, context).find("u.tsv:2"),
            std::string::npos);
  EXPECT_NE(LoadError("件\n成\t%\tten\n", quals, context).find("u.tsv:2"),
            std::string::npos);
  EXPECT_NE(LoadError("件\n件\n", quals, context).find("u.tsv:2"),
            std::string::npos);
  EXPECT_NE(
      LoadError(units, "# c\n近\tbefore\tSOMETIMES\n", context).find("q.tsv:2"),
      std::string::npos);
  EXPECT_NE(LoadError(units, quals, "multiplier\t万\t4\nmultiplier\t亿\n")
                .find("c.tsv:2"),
            std::string::npos);
  EXPECT_NE(
      LoadError(units, quals, "multiplier\t万\t4\nweird\t第\n").find("c.tsv:2"),
      std::string::npos);
  EXPECT_NE(
      LoadError(units, quals, "multiplier\t万\t4\nordinal_before\t第\t1\n")
          .find("c.tsv:2"),
      std::string::npos);
  EXPECT_NE(LoadError(units, quals, "unit_before\t￥\t元\n").find("c.tsv"),
            std::string::npos);
}

}  // namespace
}  // namespace reportfacts
