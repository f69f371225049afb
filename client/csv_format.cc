#include "client/csv_format.h"

#include "absl/strings/str_cat.h"
#include "client/table_format.h"
#include "reportfacts/v1/facts.pb.h"

namespace reportfacts::cli {

std::string CsvField(std::string_view field) {
  const bool edge_space =
      !field.empty() && (field.front() == ' ' || field.back() == ' ');
  if (!edge_space && field.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(field);
  }
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += CsvField(fields[i]);
  }
  line += '\n';
  return line;
}

CsvRecords ParseCsv(std::string_view text) {
  CsvRecords result;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      record.push_back(std::move(field));
      field.clear();
      result.records.push_back(std::move(record));
      record.clear();
      result.complete_bytes = i + 1;
    } else {
      field += c;
    }
  }
  return result;
}

const std::vector<std::string>& MetricCsvHeader() {
  static const auto* const header = new std::vector<std::string>{
      "document_id", "report",    "title",   "organization", "city",
      "province",    "year",      "begin",   "end",          "text",
      "unit_text",   "value",     "unit",    "qualifier",    "object",
      "action",      "indicator", "sentence"};
  return *header;
}

std::string MetricCsvRows(const v1::ExtractResponse& response) {
  const auto report_columns = [&response](int index) {
    std::vector<std::string> columns = {response.document_id()};
    if (index < 0 || index >= response.reports_size()) {
      columns.resize(7);
      return columns;
    }
    const v1::Report& r = response.reports(index);
    columns.insert(columns.end(),
                   {absl::StrCat(index), r.title(), r.organization(), r.city(),
                    r.province(), r.has_year() ? absl::StrCat(r.year()) : ""});
    return columns;
  };
  std::string out;
  for (const v1::Metric& m : response.metrics()) {
    std::vector<std::string> row = report_columns(m.report());
    row.insert(row.end(),
               {absl::StrCat(m.begin()), absl::StrCat(m.end()), m.text(),
                m.unit_text(), FormatValue(m.value()), m.unit(),
                v1::Metric::Qualifier_Name(m.qualifier()), m.object(),
                m.action(), m.indicator(), m.sentence()});
    absl::StrAppend(&out, CsvLine(row));
  }
  if (response.metrics_size() == 0) {
    std::vector<std::string> row =
        report_columns(response.reports_size() > 0 ? 0 : -1);
    row.resize(MetricCsvHeader().size());
    absl::StrAppend(&out, CsvLine(row));
  }
  return out;
}

}  // namespace reportfacts::cli
