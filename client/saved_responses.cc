#include "client/saved_responses.h"

#include <map>
#include <string_view>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "client/csv_format.h"
#include "client/json_io.h"
#include "nlohmann/json.hpp"

namespace reportfacts::cli {
namespace {

bool IsJsonLines(const std::string& path) {
  return path == "-" || absl::EndsWith(path, ".jsonl") ||
         absl::EndsWith(path, ".ndjson");
}

// ReadJsonLines appends every response of JSON Lines `text`.
absl::Status ReadJsonLines(const std::string& path, const std::string& text,
                           std::vector<v1::ExtractResponse>* responses) {
  size_t line_number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line_number;
    const std::string_view line(text.data() + start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    absl::StatusOr<v1::ExtractResponse> response = ParseResponseJson(line);
    if (!response.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, " line ", line_number, ": ", response.status().message()));
    }
    responses->push_back(*std::move(response));
  }
  return absl::OkStatus();
}

// ReadJson appends the response, or array of responses, of a .json file.
absl::Status ReadJson(const std::string& path, const std::string& text,
                      std::vector<v1::ExtractResponse>* responses) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) {
    return absl::InvalidArgumentError(absl::StrCat(path, " is not JSON"));
  }
  const auto add = [&](const nlohmann::json& item) -> absl::Status {
    absl::StatusOr<v1::ExtractResponse> response =
        ParseResponseJson(item.dump());
    if (!response.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": ", response.status().message()));
    }
    responses->push_back(*std::move(response));
    return absl::OkStatus();
  };
  if (!json.is_array()) return add(json);
  for (const nlohmann::json& item : json) {
    if (absl::Status status = add(item); !status.ok()) return status;
  }
  return absl::OkStatus();
}

// ReadBatchCsv rebuilds responses, as far as the table needs them, from
// the CSV that `batch` or `extract --format csv` write.
absl::Status ReadBatchCsv(const std::string& path, const std::string& text,
                          std::vector<v1::ExtractResponse>* responses) {
  const CsvRecords csv = ParseCsv(text);
  const std::vector<std::string>& header = MetricCsvHeader();
  if (csv.records.empty() || csv.records[0] != header) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, " is not CSV written by reportfacts batch or extract"));
  }
  std::map<std::string, size_t> index_of;  // document id -> response
  for (size_t i = 1; i < csv.records.size(); ++i) {
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < header.size() && c < csv.records[i].size(); ++c) {
      row[header[c]] = csv.records[i][c];
    }
    auto [it, added] = index_of.emplace(row["document_id"], responses->size());
    if (added) {
      responses->emplace_back().set_document_id(row["document_id"]);
    }
    v1::ExtractResponse& response = (*responses)[it->second];
    int report = -1;
    if (!absl::SimpleAtoi(row["report"], &report)) report = -1;
    if (report >= 0) {
      while (report >= response.reports_size()) response.add_reports();
      v1::Report* r = response.mutable_reports(report);
      r->set_title(row["title"]);
      r->set_organization(row["organization"]);
      r->set_city(row["city"]);
      r->set_province(row["province"]);
      if (int year = 0; absl::SimpleAtoi(row["year"], &year)) r->set_year(year);
    }
    if (row["indicator"].empty()) continue;  // a document without metrics
    v1::Metric* m = response.add_metrics();
    m->set_report(report);
    m->set_text(row["text"]);
    m->set_unit_text(row["unit_text"]);
    double value = 0;
    if (absl::SimpleAtod(row["value"], &value)) m->set_value(value);
    m->set_unit(row["unit"]);
    v1::Metric::Qualifier qualifier = v1::Metric::EXACT;
    if (v1::Metric::Qualifier_Parse(row["qualifier"], &qualifier)) {
      m->set_qualifier(qualifier);
    }
    m->set_indicator(row["indicator"]);
  }
  return absl::OkStatus();
}

}  // namespace

bool IsSavedResponses(const std::string& path) {
  return IsJsonLines(path) || absl::EndsWith(path, ".json") ||
         absl::EndsWith(path, ".csv");
}

absl::Status ReadSavedResponses(const std::string& path,
                                const std::string& text,
                                std::vector<v1::ExtractResponse>* responses) {
  if (IsJsonLines(path)) return ReadJsonLines(path, text, responses);
  if (absl::EndsWith(path, ".csv")) return ReadBatchCsv(path, text, responses);
  return ReadJson(path, text, responses);
}

}  // namespace reportfacts::cli
