// `reportfacts eval`: scores extraction against hand-labelled gold files,
// either through a running server or with the core loaded in-process.
#include <iostream>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "client/args.h"
#include "client/commands.h"
#include "client/rpc.h"
#include "grpcpp/client_context.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/api/convert.h"
#include "service/api/status.h"
#include "service/core/data_dir.h"
#include "service/core/extractor.h"

#ifdef REPORTFACTS_HAVE_EVAL
#include "client/eval/evaluation.h"
#endif

namespace reportfacts::cli {

#ifdef REPORTFACTS_HAVE_EVAL

namespace {

// RemoteExtractFn calls Extract on the server and converts the response
// back into core structs.
eval::ExtractFn RemoteExtractFn(const std::string& server, int64_t timeout_ms) {
  std::shared_ptr<v1::FactExtractor::Stub> stub =
      v1::FactExtractor::NewStub(MakeChannel(server));
  return [stub, timeout_ms](
             const std::string& name,
             const std::string& text) -> absl::StatusOr<Extraction> {
    v1::ExtractRequest request;
    request.mutable_document()->set_id(name);
    request.mutable_document()->set_text(text);
    v1::ExtractResponse response;
    grpc::ClientContext context;
    SetTimeout(context, timeout_ms);
    const grpc::Status status = stub->Extract(&context, request, &response);
    if (!status.ok()) return ToAbslStatus(status);
    return ExtractionFromProto(response);
  };
}

}  // namespace

int RunEval(int argc, char** argv) {
  ArgParser args("eval", "",
                 "Runs extraction on every document that the gold files name "
                 "and scores it against them.\n"
                 "With --server it goes through a running server; otherwise "
                 "it loads the core in-process from --data_dir.");
  args.AddFlag("corpus", "DIR", "", "Folder with the document files.");
  args.AddFlag("gold", "DIR", "",
               "Folder with reports.jsonl, metrics.jsonl, dates.jsonl, "
               "people.jsonl.");
  args.AddFlag("server", "HOST:PORT", "",
               "Extract through this server instead of in-process.");
  args.AddFlag("data_dir", "DIR", DefaultDataDir(),
               "Data files for in-process extraction.");
  args.AddFlag("taxonomy", "FILE", "",
               "Taxonomy for in-process extraction (default: "
               "<data_dir>/taxonomy.tsv).");
  args.AddFlag("format", "table|json", "table", "Output format.");
  args.AddFlag("timeout_ms", "MS", "60000",
               "Deadline of each call with --server.");
  args.AddBool("verbose", "Also print every mismatch, one per line.");
  if (auto code = ParseArgs(args, argc, argv)) return *code;

  const std::string& corpus = args.Get("corpus");
  const std::string& gold = args.Get("gold");
  const std::string& format = args.Get("format");
  const std::string& server = args.Get("server");
  if (corpus.empty() || gold.empty()) {
    std::cerr << "reportfacts eval: --corpus and --gold are required\n"
                 "(see reportfacts eval --help)\n";
    return kExitUsage;
  }
  if (format != "table" && format != "json") {
    std::cerr << "reportfacts eval: --format must be table or json\n";
    return kExitUsage;
  }
  if (!server.empty() && (args.Given("data_dir") || args.Given("taxonomy"))) {
    std::cerr << "reportfacts eval: give either --server or --data_dir, not "
                 "both\n";
    return kExitUsage;
  }
  const std::optional<int64_t> timeout_ms = TimeoutOf(args, "eval");
  if (!timeout_ms) return kExitUsage;

  eval::ExtractFn extract;
  std::shared_ptr<Extractor> extractor;
  if (!server.empty()) {
    extract = RemoteExtractFn(server, *timeout_ms);
  } else {
    ExtractorConfig config;
    config.data_dir = args.Get("data_dir");
    config.taxonomy_path = args.Get("taxonomy");
    absl::StatusOr<std::unique_ptr<Extractor>> loaded = Extractor::Load(config);
    if (!loaded.ok()) {
      std::cerr << "reportfacts eval: cannot load data from " << config.data_dir
                << ": " << loaded.status().ToString() << "\n";
      return kExitFailed;
    }
    extractor = *std::move(loaded);
    extract = [extractor](const std::string&, const std::string& text) {
      return extractor->Extract(text, {});
    };
  }

  absl::StatusOr<eval::EvalReport> report =
      eval::Evaluate(corpus, gold, extract);
  if (!report.ok()) {
    const grpc::Status status = ToGrpcStatus(report.status());
    if (!server.empty() && ExitCodeFor(status) == kExitUnreachable) {
      std::cerr << "reportfacts eval: " << Describe(status, server) << "\n";
      return kExitUnreachable;
    }
    std::cerr << "reportfacts eval: " << report.status().ToString() << "\n";
    return kExitFailed;
  }
  std::ostream& errors_out = format == "json" ? std::cerr : std::cout;
  if (format == "json") {
    std::cout << eval::FormatJson(*report) << "\n";
  } else {
    std::cout << eval::FormatTable(*report);
  }
  if (args.GetBool("verbose")) {
    for (const std::string& line : report->errors) errors_out << line << "\n";
  }
  return kExitOk;
}

#else  // !REPORTFACTS_HAVE_EVAL

int RunEval(int /*argc*/, char** /*argv*/) {
  std::cerr << "reportfacts eval: this build has no evaluation library "
               "(client/eval is missing)\n";
  return kExitUsage;
}

#endif  // REPORTFACTS_HAVE_EVAL

}  // namespace reportfacts::cli
