// The comparison table of `reportfacts compare`: indicators down, reports
// across, values with units in the cells.
//
//   CompareTable table = BuildCompareTable(responses, {});
//   std::cout << RenderMarkdown(table);
//
// A column is one report of one document, labelled "city year" (the
// report's organization, title or document id when the city or year is
// unknown); columns are sorted by that label. Rows are indicator ids,
// sorted. A cell lists the report's values for the indicator in text
// order, without repeats, joined by "; ".
#ifndef REPORTFACTS_CLIENT_COMPARE_TABLE_H_
#define REPORTFACTS_CLIENT_COMPARE_TABLE_H_

#include <string>
#include <vector>

#include "reportfacts/v1/fact_extractor.pb.h"

namespace reportfacts::cli {

// CellStyle says how a value is written in a cell.
enum class CellStyle {
  kReadable,  // ">1.2万件", "38.6亿元": scaled by 万/亿, qualifier as a sign
  kRaw,       // ">12000件", "3860000000元": the canonical value
  kWritten,  // "1.2万余件": the text as the report writes it
};

// CompareOptions tune BuildCompareTable.
struct CompareOptions {
  CellStyle style = CellStyle::kReadable;
  bool include_other = false;  // keep metrics classified "other"
};

// CompareColumn is one report.
struct CompareColumn {
  std::string label;        // unique header: "烟台 2023", "烟台 2023 (2)"
  std::string title;        // the report's title
  std::string document_id;  // where it came from
};

// CompareRow is one indicator.
struct CompareRow {
  std::string indicator;
  std::vector<std::string> cells;  // one per column; empty when none
};

// CompareTable is the whole comparison.
struct CompareTable {
  std::vector<CompareColumn> columns;
  std::vector<CompareRow> rows;
};

// BuildCompareTable gathers the metrics of `responses`. Responses that
// carry an error_code are left out.
CompareTable BuildCompareTable(
    const std::vector<v1::ExtractResponse>& responses,
    const CompareOptions& options);

// FormatCell writes one metric the way `style` says.
std::string FormatCell(const v1::Metric& metric, CellStyle style);

// RenderMarkdown renders a GitHub-style table, then a legend that gives
// each column's title and document.
std::string RenderMarkdown(const CompareTable& table);

// RenderCsv renders a header line ("indicator", labels...) and one line
// per indicator.
std::string RenderCsv(const CompareTable& table);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_COMPARE_TABLE_H_
