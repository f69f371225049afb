// The comparison table of `reportfacts compare`.
#include "client/compare_table.h"

#include <algorithm>
#include <string>
#include <vector>

#include "client/csv_format.h"
#include "gtest/gtest.h"

namespace reportfacts::cli {
namespace {

v1::Metric MakeMetric(int report, const std::string& indicator, double value,
                      const std::string& unit,
                      v1::Metric::Qualifier qualifier = v1::Metric::EXACT) {
  v1::Metric m;
  m.set_report(report);
  m.set_indicator(indicator);
  m.set_value(value);
  m.set_unit(unit);
  m.set_qualifier(qualifier);
  m.set_text("x");
  m.set_unit_text(unit);
  return m;
}

v1::ExtractResponse MakeDocument(const std::string& id,
                                 const std::vector<std::string>& cities,
                                 int year) {
  v1::ExtractResponse response;
  response.set_document_id(id);
  for (const std::string& city : cities) {
    v1::Report* report = response.add_reports();
    report->set_city(city);
    report->set_year(year);
    report->set_title(city + " title");
  }
  return response;
}

// CellOf finds the cell of `indicator` under the column labelled `label`.
std::string CellOf(const CompareTable& table, const std::string& indicator,
                   const std::string& label) {
  for (const CompareRow& row : table.rows) {
    if (row.indicator != indicator) continue;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (table.columns[c].label == label) return row.cells[c];
    }
  }
  ADD_FAILURE() << "no cell " << indicator << " / " << label;
  return "";
}

TEST(CompareTableTest, RowsAreIndicatorsAndColumnsAreReports) {
  v1::ExtractResponse b = MakeDocument("b.txt", {"乙"}, 2023);
  *b.add_metrics() = MakeMetric(0, "z.count", 5, "个");
  *b.add_metrics() = MakeMetric(0, "a.count", 7, "件");
  v1::ExtractResponse a = MakeDocument("a.txt", {"甲", "丙"}, 2024);
  *a.add_metrics() = MakeMetric(0, "a.count", 3, "件");
  *a.add_metrics() = MakeMetric(1, "a.count", 4, "件");
  *a.add_metrics() = MakeMetric(0, "a.count", 3, "件");  // repeat: once
  *a.add_metrics() = MakeMetric(0, "a.count", 9, "件");
  const CompareTable table = BuildCompareTable({b, a}, {});

  ASSERT_EQ(table.columns.size(), 3u);
  std::vector<std::string> labels;
  for (const auto& c : table.columns) labels.push_back(c.label);
  // Sorted by label, whatever the input order.
  std::vector<std::string> sorted = labels;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(labels, sorted);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].indicator, "a.count");
  EXPECT_EQ(table.rows[1].indicator, "z.count");
  for (const CompareRow& row : table.rows) {
    EXPECT_EQ(row.cells.size(), table.columns.size());
  }
  EXPECT_EQ(CellOf(table, "a.count", "甲 2024"), "3件; 9件");
  EXPECT_EQ(CellOf(table, "a.count", "丙 2024"), "4件");
  EXPECT_EQ(CellOf(table, "a.count", "乙 2023"), "7件");
  EXPECT_EQ(CellOf(table, "z.count", "甲 2024"), "");
}

TEST(CompareTableTest, SameCityAndYearGetDistinctLabels) {
  v1::ExtractResponse first = MakeDocument("1.txt", {"甲"}, 2024);
  *first.add_metrics() = MakeMetric(0, "a.count", 1, "件");
  v1::ExtractResponse second = MakeDocument("2.txt", {"甲"}, 2024);
  *second.add_metrics() = MakeMetric(0, "a.count", 2, "件");
  const CompareTable table = BuildCompareTable({first, second}, {});
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_NE(table.columns[0].label, table.columns[1].label);
  EXPECT_EQ(table.columns[0].document_id, "1.txt");
}

TEST(CompareTableTest, OtherAndFailedDocumentsAreLeftOut) {
  v1::ExtractResponse ok = MakeDocument("ok.txt", {"甲"}, 2024);
  *ok.add_metrics() = MakeMetric(0, "other", 1, "件");
  v1::ExtractResponse failed = MakeDocument("bad.txt", {"乙"}, 2024);
  *failed.add_metrics() = MakeMetric(0, "a.count", 1, "件");
  failed.set_error_code(3);
  EXPECT_TRUE(BuildCompareTable({ok, failed}, {}).rows.empty());
  CompareOptions options;
  options.include_other = true;
  const CompareTable with_other = BuildCompareTable({ok, failed}, options);
  ASSERT_EQ(with_other.rows.size(), 1u);
  EXPECT_EQ(with_other.rows[0].indicator, "other");
}

TEST(CompareTableTest, DocumentWithoutReportsIsOneColumn) {
  v1::ExtractResponse response;
  response.set_document_id("plain.txt");
  *response.add_metrics() = MakeMetric(0, "a.count", 1, "件");
  const CompareTable table = BuildCompareTable({response}, {});
  ASSERT_EQ(table.columns.size(), 1u);
  EXPECT_EQ(table.columns[0].label, "plain.txt");
}

TEST(FormatCellTest, Styles) {
  const v1::Metric big =
      MakeMetric(0, "x", 3860000000, "元", v1::Metric::MORE_THAN);
  EXPECT_EQ(FormatCell(big, CellStyle::kReadable), ">38.6亿元");
  EXPECT_EQ(FormatCell(big, CellStyle::kRaw), ">3860000000元");
  const v1::Metric mid = MakeMetric(0, "x", 12000, "人", v1::Metric::ABOUT);
  EXPECT_EQ(FormatCell(mid, CellStyle::kReadable), "~1.2万人");
  const v1::Metric share = MakeMetric(0, "x", 93.7, "%");
  EXPECT_EQ(FormatCell(share, CellStyle::kReadable), "93.7%");
  v1::Metric written = MakeMetric(0, "x", 12000, "件");
  written.set_text("1.2");
  written.set_unit_text("万余件");
  EXPECT_EQ(FormatCell(written, CellStyle::kWritten), "1.2万余件");
}

TEST(RenderTest, MarkdownEscapesPipesAndHasOneLinePerRow) {
  v1::ExtractResponse response = MakeDocument("a|b.txt", {"甲|乙"}, 2024);
  *response.add_metrics() = MakeMetric(0, "a.count", 1, "件");
  *response.add_metrics() = MakeMetric(0, "b.count", 2, "件");
  const CompareTable table = BuildCompareTable({response}, {});
  const std::string markdown = RenderMarkdown(table);
  EXPECT_NE(markdown.find("甲\\|乙 2024"), std::string::npos);
  const size_t table_end = markdown.find("\n\n");
  ASSERT_NE(table_end, std::string::npos);
  const std::string grid = markdown.substr(0, table_end);
  // header + rule + two rows, every line with the same number of pipes.
  EXPECT_EQ(std::count(grid.begin(), grid.end(), '\n'), 3);
  EXPECT_NE(markdown.find("a\\|b.txt"), std::string::npos);  // legend
}

TEST(RenderTest, CsvParsesBackToTheTable) {
  v1::ExtractResponse response = MakeDocument("a.txt", {"甲,乙"}, 2024);
  *response.add_metrics() = MakeMetric(0, "a.count", 1, "件");
  *response.add_metrics() = MakeMetric(0, "a.count", 2, "件");
  const CompareTable table = BuildCompareTable({response}, {});
  const CsvRecords parsed = ParseCsv(RenderCsv(table));
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[0],
            (std::vector<std::string>{"indicator", "甲,乙 2024"}));
  EXPECT_EQ(parsed.records[1],
            (std::vector<std::string>{"a.count", "1件; 2件"}));
}

}  // namespace
}  // namespace reportfacts::cli
