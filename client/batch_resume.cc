#include "client/batch_resume.h"

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "client/csv_format.h"
#include "client/documents.h"
#include "client/json_io.h"

namespace reportfacts::cli {
namespace {

absl::StatusOr<ResumeState> ResumeFromJsonLines(std::string_view text) {
  ResumeState state;
  size_t line_number = 0;
  for (size_t start = 0; start < text.size();) {
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) break;  // cut-off last line
    ++line_number;
    const std::string_view line = text.substr(start, newline - start);
    start = newline + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      state.valid_bytes = start;
      continue;
    }
    absl::StatusOr<v1::ExtractResponse> response = ParseResponseJson(line);
    if (!response.ok() || response->document_id().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "line ", line_number,
          " is not a response written by reportfacts batch (JSON Lines)"));
    }
    state.done.insert(response->document_id());
    state.valid_bytes = start;
  }
  return state;
}

absl::StatusOr<ResumeState> ResumeFromCsv(std::string_view text) {
  ResumeState state;
  const CsvRecords csv = ParseCsv(text);
  const std::vector<std::string>& header = MetricCsvHeader();
  for (size_t i = 0; i < csv.records.size(); ++i) {
    const std::vector<std::string>& record = csv.records[i];
    if (i == 0) {
      if (record != header) {
        return absl::InvalidArgumentError(
            "its first line is not the header that reportfacts batch writes "
            "(CSV)");
      }
      state.has_header = true;
      continue;
    }
    if (record.size() != header.size() || record[0].empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("record ", i + 1, " has ", record.size(),
                       " fields, not the ", header.size(), " of batch CSV"));
    }
    state.done.insert(record[0]);
  }
  state.valid_bytes = csv.complete_bytes;
  return state;
}

}  // namespace

absl::StatusOr<ResumeState> ResumeFromText(std::string_view text,
                                           BatchFormat format) {
  return format == BatchFormat::kCsv ? ResumeFromCsv(text)
                                     : ResumeFromJsonLines(text);
}

absl::StatusOr<ResumeState> ReadResumeState(const std::string& path,
                                            BatchFormat format) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return ResumeState{};
  std::optional<std::string> text = ReadInput(path);
  if (!text)
    return absl::PermissionDeniedError(absl::StrCat("cannot read ", path));
  absl::StatusOr<ResumeState> state = ResumeFromText(*text, format);
  if (!state.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", state.status().message(),
                     "; pick another --output, or --overwrite to replace it"));
  }
  return state;
}

}  // namespace reportfacts::cli
