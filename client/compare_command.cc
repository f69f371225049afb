// `reportfacts compare`: one table of indicators by report, city and year
// across many documents, from report texts (sent to the server) or from
// responses saved by `batch` or `extract`.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "client/args.h"
#include "client/commands.h"
#include "client/compare_table.h"
#include "client/documents.h"
#include "client/rpc.h"
#include "client/saved_responses.h"
#include "grpcpp/client_context.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"

namespace reportfacts::cli {
namespace {

constexpr char kSummary[] =
    "Prints one table of indicators by report: rows are indicator ids, "
    "columns are reports (\"city year\"), cells are the values with their "
    "units.\n"
    "Each INPUT is a report text file (sent to the server), a folder of "
    "them, a .jsonl file written by `reportfacts batch` or `extract "
    "--format jsonl`, a .csv file written by `batch` or `extract --format "
    "csv`, a .json file written by `extract --format json`, or - for JSON "
    "Lines on stdin (no server needed for saved responses).\n"
    "Cells: readable writes >1.2万件 (signs: > more than, < less than, ~ "
    "about, <~ nearly), raw the canonical value (12000件), written the text "
    "as the report has it.";

// Inputs expands folders and sorts paths into saved responses and texts.
struct Inputs {
  std::vector<std::string> saved;
  std::vector<std::string> texts;
};

Inputs ClassifyInputs(const std::vector<std::string>& args) {
  Inputs inputs;
  const auto add = [&inputs](const std::string& path) {
    if (IsSavedResponses(path)) {
      inputs.saved.push_back(path);
    } else {
      inputs.texts.push_back(path);
    }
  };
  for (const std::string& arg : args) {
    absl::StatusOr<std::vector<DocumentFile>> files =
        ListDocuments(arg, /*recursive=*/false, "");
    if (files.ok()) {
      for (const DocumentFile& file : *files) add(file.path);
    } else {
      add(arg);  // a file, or "-"; ReadInput reports what is missing
    }
  }
  return inputs;
}

}  // namespace

int RunCompare(int argc, char** argv) {
  ArgParser args("compare", "INPUT...", kSummary);
  args.AddFlag("server", "HOST:PORT", kDefaultServer,
               "Server address (for report texts).");
  args.AddFlag("format", "markdown|csv", "markdown", "Output format.");
  args.AddFlag("cell", "readable|raw|written", "readable",
               "How values are written in the cells.");
  args.AddBool("include_other",
               "Also show metrics whose indicator is \"other\".");
  args.AddFlag("reference_date", "YYYY-MM-DD", "",
               "Resolves relative dates when a report names no year.");
  args.AddFlag("timeout_ms", "MS", "60000", "Deadline of each call.");
  AddChannelFlags(args);
  if (auto code = ParseArgs(args, argc, argv)) return *code;

  const std::string format = args.Get("format");
  if (format != "markdown" && format != "csv") {
    std::cerr << "reportfacts compare: --format must be markdown or csv\n";
    return kExitUsage;
  }
  CompareOptions options;
  options.include_other = args.GetBool("include_other");
  const std::string cell = args.Get("cell");
  if (cell == "raw") {
    options.style = CellStyle::kRaw;
  } else if (cell == "written") {
    options.style = CellStyle::kWritten;
  } else if (cell != "readable") {
    std::cerr << "reportfacts compare: --cell must be readable, raw or "
                 "written\n";
    return kExitUsage;
  }
  if (args.positional().empty()) {
    std::cerr << "reportfacts compare: no INPUT given (report files, "
                 "folders, .jsonl files or -)\n(see reportfacts compare "
                 "--help)\n";
    return kExitUsage;
  }
  const std::optional<int64_t> timeout_ms = TimeoutOf(args, "compare");
  if (!timeout_ms) return kExitUsage;

  const Inputs inputs = ClassifyInputs(args.positional());
  std::vector<v1::ExtractResponse> responses;
  for (const std::string& path : inputs.saved) {
    std::optional<std::string> text = ReadInput(path);
    if (!text) {
      std::cerr << "reportfacts compare: cannot read " << path << "\n";
      return kExitUsage;
    }
    const absl::Status status = ReadSavedResponses(path, *text, &responses);
    if (!status.ok()) {
      std::cerr << "reportfacts compare: " << status.message() << "\n";
      return kExitUsage;
    }
  }

  int exit_code = kExitOk;
  if (!inputs.texts.empty()) {
    std::shared_ptr<grpc::Channel> channel = OpenChannel(args, "compare");
    if (channel == nullptr) return kExitUsage;
    auto stub = v1::FactExtractor::NewStub(channel);
    const std::string server = args.Get("server");
    for (const std::string& path : inputs.texts) {
      std::optional<std::string> text = ReadInput(path);
      if (!text) {
        std::cerr << "reportfacts compare: cannot read " << path << "\n";
        return kExitUsage;
      }
      v1::ExtractRequest request;
      request.mutable_document()->set_id(path);
      SetDocumentBody(path, *std::move(text), request.mutable_document());
      request.mutable_document()->set_reference_date(
          args.Get("reference_date"));
      v1::ExtractResponse response;
      grpc::ClientContext context;
      SetTimeout(context, *timeout_ms);
      const grpc::Status status = stub->Extract(&context, request, &response);
      if (!status.ok()) {
        std::cerr << "reportfacts compare: " << path << ": "
                  << Describe(status, server) << "\n";
        if (ExitCodeFor(status) == kExitUnreachable) return kExitUnreachable;
        exit_code = kExitFailed;  // the table goes on without it
        continue;
      }
      responses.push_back(std::move(response));
    }
  }

  const CompareTable table = BuildCompareTable(responses, options);
  std::cout << (format == "csv" ? RenderCsv(table) : RenderMarkdown(table));
  return exit_code;
}

}  // namespace reportfacts::cli
