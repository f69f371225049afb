#include "client/compare_table.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "client/csv_format.h"
#include "client/table_format.h"

namespace reportfacts::cli {
namespace {

std::string QualifierSign(v1::Metric::Qualifier qualifier) {
  switch (qualifier) {
    case v1::Metric::MORE_THAN:
      return ">";
    case v1::Metric::LESS_THAN:
      return "<";
    case v1::Metric::ABOUT:
      return "~";
    case v1::Metric::NEARLY:
      return "<~";
    default:
      return "";
  }
}

// Scaled writes large values the way Chinese reports do: 1.2万, 38.6亿.
std::string Scaled(double value) {
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e8) return absl::StrFormat("%.10g亿", value / 1e8);
  if (magnitude >= 1e4) return absl::StrFormat("%.10g万", value / 1e4);
  return FormatValue(value);
}

std::string ColumnLabel(const v1::ExtractResponse& response, int report) {
  if (report < 0 || report >= response.reports_size()) {
    return response.document_id();
  }
  const v1::Report& r = response.reports(report);
  std::string label = !r.city().empty()           ? r.city()
                      : !r.organization().empty() ? r.organization()
                      : !r.title().empty()        ? r.title()
                                                  : response.document_id();
  if (r.has_year()) absl::StrAppend(&label, " ", r.year());
  return label;
}

// MarkdownCell keeps a cell on one line and its pipes literal.
std::string MarkdownCell(const std::string& text) {
  return absl::StrReplaceAll(text, {{"|", "\\|"}, {"\r\n", " "}, {"\n", " "}});
}

}  // namespace

std::string FormatCell(const v1::Metric& metric, CellStyle style) {
  switch (style) {
    case CellStyle::kWritten:
      return absl::StrCat(metric.text(), metric.unit_text());
    case CellStyle::kRaw:
      return absl::StrCat(QualifierSign(metric.qualifier()),
                          FormatValue(metric.value()), metric.unit());
    case CellStyle::kReadable:
      break;
  }
  const bool percent = metric.unit() == "%";
  return absl::StrCat(
      QualifierSign(metric.qualifier()),
      percent ? FormatValue(metric.value()) : Scaled(metric.value()),
      metric.unit());
}

CompareTable BuildCompareTable(
    const std::vector<v1::ExtractResponse>& responses,
    const CompareOptions& options) {
  // Columns keyed by (response, report); -1 is "outside any report".
  struct Column {
    CompareColumn info;
    std::map<std::string, std::vector<std::string>> values;  // by indicator
  };
  std::map<std::pair<size_t, int>, Column> columns;
  for (size_t d = 0; d < responses.size(); ++d) {
    const v1::ExtractResponse& response = responses[d];
    if (response.error_code() != 0) continue;
    for (const v1::Metric& m : response.metrics()) {
      if (m.indicator().empty()) continue;
      if (m.indicator() == "other" && !options.include_other) continue;
      const int report = m.report() >= 0 && m.report() < response.reports_size()
                             ? m.report()
                             : -1;
      Column& column = columns[{d, report}];
      if (column.info.label.empty()) {
        column.info.label = ColumnLabel(response, report);
        column.info.document_id = response.document_id();
        if (report >= 0) column.info.title = response.reports(report).title();
      }
      std::vector<std::string>& cell = column.values[m.indicator()];
      std::string value = FormatCell(m, options.style);
      if (std::find(cell.begin(), cell.end(), value) == cell.end()) {
        cell.push_back(std::move(value));
      }
    }
  }

  std::vector<Column*> ordered;
  for (auto& [key, column] : columns) ordered.push_back(&column);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Column* a, const Column* b) {
                     return a->info.label < b->info.label;
                   });
  CompareTable table;
  std::map<std::string, int> label_uses;
  std::map<std::string, std::vector<std::string>> rows;  // sorted by id
  for (size_t c = 0; c < ordered.size(); ++c) {
    CompareColumn info = ordered[c]->info;
    if (const int uses = ++label_uses[info.label]; uses > 1) {
      absl::StrAppend(&info.label, " (", uses, ")");
    }
    table.columns.push_back(std::move(info));
    for (const auto& [indicator, values] : ordered[c]->values) {
      std::vector<std::string>& cells = rows[indicator];
      cells.resize(ordered.size());
      cells[c] = absl::StrJoin(values, "; ");
    }
  }
  for (auto& [indicator, cells] : rows) {
    table.rows.push_back({indicator, std::move(cells)});
  }
  return table;
}

std::string RenderMarkdown(const CompareTable& table) {
  if (table.columns.empty()) return "(no metrics with an indicator)\n";
  std::string out = "| indicator |";
  std::string rule = "| --- |";
  for (const CompareColumn& column : table.columns) {
    absl::StrAppend(&out, " ", MarkdownCell(column.label), " |");
    absl::StrAppend(&rule, " --- |");
  }
  absl::StrAppend(&out, "\n", rule, "\n");
  for (const CompareRow& row : table.rows) {
    absl::StrAppend(&out, "| ", MarkdownCell(row.indicator), " |");
    for (const std::string& cell : row.cells) {
      absl::StrAppend(&out, " ", MarkdownCell(cell), " |");
    }
    absl::StrAppend(&out, "\n");
  }
  absl::StrAppend(&out, "\nColumns:\n\n");
  for (const CompareColumn& column : table.columns) {
    absl::StrAppend(
        &out, "- ", MarkdownCell(column.label), ": ",
        column.title.empty() ? "(no title)" : MarkdownCell(column.title), " (",
        MarkdownCell(column.document_id), ")\n");
  }
  absl::StrAppend(&out,
                  "\nSigns: > more than, < less than, ~ about, <~ nearly.\n");
  return out;
}

std::string RenderCsv(const CompareTable& table) {
  std::vector<std::string> header = {"indicator"};
  for (const CompareColumn& column : table.columns) {
    header.push_back(column.label);
  }
  std::string out = CsvLine(header);
  for (const CompareRow& row : table.rows) {
    std::vector<std::string> line = {row.indicator};
    line.insert(line.end(), row.cells.begin(), row.cells.end());
    absl::StrAppend(&out, CsvLine(line));
  }
  return out;
}

}  // namespace reportfacts::cli
