#include "client/commands.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "client/args.h"
#include "client/csv_format.h"
#include "client/documents.h"
#include "client/json_io.h"
#include "client/rpc.h"
#include "client/table_format.h"
#include "google/protobuf/arena.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/api/convert.h"
#include "service/api/response_json.h"
#include "service/api/status.h"

namespace reportfacts::cli {

std::optional<int> ParseArgs(ArgParser& args, int argc, char** argv) {
  switch (args.Parse(argc, argv, 2)) {
    case ParseOutcome::kHelp:
      std::cout << args.Help();
      return kExitOk;
    case ParseOutcome::kError:
      std::cerr << "reportfacts " << argv[1] << ": " << args.error()
                << "\n(see reportfacts " << argv[1] << " --help)\n";
      return kExitUsage;
    case ParseOutcome::kOk:
      break;
  }
  return std::nullopt;
}

std::optional<int64_t> TimeoutOf(const ArgParser& args, const char* command) {
  int64_t ms = 0;
  if (!absl::SimpleAtoi(args.Get("timeout_ms"), &ms) || ms <= 0) {
    std::cerr << "reportfacts " << command
              << ": --timeout_ms must be a positive number of milliseconds\n";
    return std::nullopt;
  }
  return ms;
}

int RunExtract(int argc, char** argv) {
  ArgParser args("extract", "FILE...",
                 "Sends each report file (\"-\" reads stdin) to the server "
                 "and prints the facts found. UTF-8 text goes as it is; web "
                 "pages (.html, .htm), PDF files (.pdf), Word files (.docx) "
                 "and text in GBK, GB18030, Big5 or UTF-16 go as file "
                 "content, which the server converts, and the answer then "
                 "carries the converted text (\"text\") that offsets point "
                 "into; for a PDF, its pages and the page of each fact.\n"
                 "Formats: json (the ExtractResponse as proto3 JSON; an array "
                 "for several files), jsonl (one line per file), csv (one row "
                 "per metric, with its document and report), table.");
  args.AddFlag("server", "HOST:PORT", kDefaultServer, "Server address.");
  args.AddFlag("format", "json|jsonl|csv|table", "",
               "Output format (default: json for one file, jsonl for "
               "several).");
  args.AddFlag("reference_date", "YYYY-MM-DD", "",
               "Resolves relative dates when a report names no year.");
  args.AddFlag("timeout_ms", "MS", "60000", "Deadline of each call.");
  args.AddBool("no_sentences",
               "Leave out each metric's sentence text (its sentence_span "
               "stays): a much smaller answer.");
  AddChannelFlags(args);
  if (auto code = ParseArgs(args, argc, argv)) return *code;

  const std::vector<std::string>& files = args.positional();
  if (files.empty()) {
    std::cerr << "reportfacts extract: no FILE given (use - for stdin)\n"
                 "(see reportfacts extract --help)\n";
    return kExitUsage;
  }
  std::string format = args.Get("format");
  if (format.empty()) format = files.size() == 1 ? "json" : "jsonl";
  if (format != "json" && format != "jsonl" && format != "csv" &&
      format != "table") {
    std::cerr << "reportfacts extract: --format must be json, jsonl, csv or "
                 "table, not \""
              << format << "\"\n";
    return kExitUsage;
  }
  const std::optional<int64_t> timeout_ms = TimeoutOf(args, "extract");
  if (!timeout_ms) return kExitUsage;

  const std::string server = args.Get("server");
  std::shared_ptr<grpc::Channel> channel = OpenChannel(args, "extract");
  if (channel == nullptr) return kExitUsage;
  auto stub = v1::FactExtractor::NewStub(channel);
  const bool json_array = format == "json" && files.size() > 1;
  int exit_code = kExitOk;
  bool first_output = true;
  if (format == "csv") std::cout << CsvLine(MetricCsvHeader());
  for (const std::string& file : files) {
    std::optional<std::string> text = ReadInput(file);
    if (!text) {
      std::cerr << "reportfacts extract: cannot read " << file << "\n";
      exit_code = std::max(exit_code, kExitUsage);
      continue;
    }
    v1::ExtractRequest request;
    request.mutable_document()->set_id(file == "-" ? "stdin" : file);
    SetDocumentBody(file, *std::move(text), request.mutable_document());
    request.mutable_document()->set_reference_date(args.Get("reference_date"));
    // The answer comes without sentence text, which would repeat the
    // document (and make the answer larger than it); the sentences are cut
    // here from the text they point into, byte for byte as the server
    // cuts them (service/api/code_points.h).
    const bool sentences = !args.GetBool("no_sentences");
    request.set_omit_sentence_text(true);
    // An arena: a large document's answer is tens of thousands of small
    // messages, each freed at once with it. Its blocks grow to 1 MiB
    // rather than protobuf's 8 KiB: a thousand mallocs fewer for a large
    // answer, and no memory to speak of for a small one.
    google::protobuf::ArenaOptions arena_options;
    arena_options.max_block_size = 1 << 20;
    google::protobuf::Arena arena(arena_options);
    v1::ExtractResponse& response =
        *google::protobuf::Arena::CreateMessage<v1::ExtractResponse>(&arena);
    grpc::ClientContext context;
    SetTimeout(context, *timeout_ms);
    // JSON is printed from the answer's wire bytes, without building the
    // message (AppendWireResponseJson); the table and CSV need it.
    const bool json = format == "json" || format == "jsonl";
    std::string wire;
    const grpc::Status status =
        json ? ExtractWire(channel, &context, request, &wire)
             : stub->Extract(&context, request, &response);
    if (!status.ok()) {
      std::cerr << "reportfacts extract: " << file << ": "
                << Describe(status, server) << "\n";
      if (ExitCodeFor(status) == kExitUnreachable) return kExitUnreachable;
      exit_code = std::max(exit_code, kExitFailed);
      continue;
    }
    // A converted document's answer carries the text its spans point into.
    const auto sentence_text = [&] {
      return !sentences ? std::string_view()
             : response.has_text()
                 ? std::string_view(response.text())
                 : std::string_view(request.document().text());
    };
    if (json) {
      // One buffer and one write for the whole answer, sized once by the
      // printer: a large answer grown by doubling would copy itself and
      // fault in twice its size.
      std::string out;
      if (json_array) out.append(first_output ? "[\n" : ",\n");
      if (!AppendWireResponseJson(wire, /*pretty=*/format == "json", sentences,
                                  request.document().text(), &out)) {
        // Bytes the wire reader leaves to protobuf (never from our
        // server): its parser decides.
        if (!response.ParseFromString(wire)) {
          std::cerr << "reportfacts extract: " << file
                    << ": the server's answer is not a "
                       "reportfacts.v1.ExtractResponse\n";
          exit_code = std::max(exit_code, kExitFailed);
          continue;
        }
        AppendJson(response, /*pretty=*/format == "json", sentence_text(),
                   &out);
      }
      if (!json_array) out.push_back('\n');
      std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
    } else {
      FillSentences(sentence_text(), &response);
      if (format == "table") {
        if (!first_output) std::cout << "\n";
        std::cout << FormatExtraction(response);
      } else {
        std::cout << MetricCsvRows(response);
      }
    }
    first_output = false;
    std::cout.flush();
  }
  if (json_array) std::cout << (first_output ? "[]\n" : "\n]\n");
  return exit_code;
}

int RunIndicators(int argc, char** argv) {
  ArgParser args("indicators", "",
                 "Lists the indicator taxonomy that metrics are classified "
                 "into.");
  args.AddFlag("server", "HOST:PORT", kDefaultServer, "Server address.");
  args.AddFlag("format", "table|json", "table", "Output format.");
  args.AddFlag("timeout_ms", "MS", "10000", "Deadline of the call.");
  AddChannelFlags(args);
  if (auto code = ParseArgs(args, argc, argv)) return *code;
  const std::string format = args.Get("format");
  if (format != "table" && format != "json") {
    std::cerr << "reportfacts indicators: --format must be table or json\n";
    return kExitUsage;
  }
  if (!args.positional().empty()) {
    std::cerr << "reportfacts indicators: unexpected argument \""
              << args.positional()[0] << "\"\n";
    return kExitUsage;
  }
  const std::optional<int64_t> timeout_ms = TimeoutOf(args, "indicators");
  if (!timeout_ms) return kExitUsage;

  const std::string server = args.Get("server");
  std::shared_ptr<grpc::Channel> channel = OpenChannel(args, "indicators");
  if (channel == nullptr) return kExitUsage;
  auto stub = v1::FactExtractor::NewStub(channel);
  grpc::ClientContext context;
  SetTimeout(context, *timeout_ms);
  v1::ListIndicatorsResponse response;
  const grpc::Status status =
      stub->ListIndicators(&context, v1::ListIndicatorsRequest(), &response);
  if (!status.ok()) {
    std::cerr << "reportfacts indicators: " << Describe(status, server) << "\n";
    return ExitCodeFor(status);
  }
  if (format == "json") {
    std::cout << ToJson(response, /*pretty=*/true) << "\n";
  } else {
    std::cout << FormatIndicators(response);
  }
  return kExitOk;
}

int RunHealth(int argc, char** argv) {
  ArgParser args("health", "",
                 "Asks the server's grpc.health.v1 service whether it serves; "
                 "exits 0 when SERVING, 1 otherwise, 3 when unreachable.");
  args.AddFlag("server", "HOST:PORT", kDefaultServer, "Server address.");
  args.AddFlag("service", "NAME", "",
               "Service to ask about (\"\" = the whole server, or "
               "reportfacts.v1.FactExtractor).");
  args.AddFlag("timeout_ms", "MS", "5000", "Deadline of the call.");
  AddChannelFlags(args);
  if (auto code = ParseArgs(args, argc, argv)) return *code;
  if (!args.positional().empty()) {
    std::cerr << "reportfacts health: unexpected argument \""
              << args.positional()[0] << "\"\n";
    return kExitUsage;
  }
  const std::optional<int64_t> timeout_ms = TimeoutOf(args, "health");
  if (!timeout_ms) return kExitUsage;

  const std::string server = args.Get("server");
  std::shared_ptr<grpc::Channel> channel = OpenChannel(args, "health");
  if (channel == nullptr) return kExitUsage;
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  SetTimeout(context, *timeout_ms);
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(args.Get("service"));
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) {
    if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
      std::cerr << "reportfacts health: the server at " << server
                << " does not know the service \"" << request.service()
                << "\" (NOT_FOUND)\n";
      return kExitFailed;
    }
    std::cerr << "reportfacts health: " << Describe(status, server) << "\n";
    return ExitCodeFor(status);
  }
  std::cout << grpc::health::v1::HealthCheckResponse::ServingStatus_Name(
                   response.status())
            << "\n";
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING
             ? kExitOk
             : kExitFailed;
}

}  // namespace reportfacts::cli
