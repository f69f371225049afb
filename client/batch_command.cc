// `reportfacts batch DIR`: every file of a folder through ExtractStream,
// written as JSON Lines or CSV, resumable.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/args.h"
#include "client/batch_resume.h"
#include "client/batch_stream.h"
#include "client/commands.h"
#include "client/csv_format.h"
#include "client/documents.h"
#include "client/json_io.h"
#include "client/progress.h"
#include "client/rpc.h"
#include "client/shard.h"
#include "service/api/convert.h"
#include "service/api/status.h"

namespace reportfacts::cli {
namespace {

constexpr char kSummary[] =
    "Sends every file of DIR (UTF-8 report text; hidden files left out) to "
    "the server over one ExtractStream call, a few documents in flight at "
    "a time, and writes one record per document: a JSON Lines response, or "
    "CSV rows, one per metric.\n"
    "Resumable: documents whose id (the path under DIR) is already in "
    "--output are skipped, so rerunning the same command after an "
    "interruption or a failure does only what is left. Failed documents are "
    "reported on stderr and not written, so a rerun retries them.\n"
    "A progress bar is drawn on stderr when it is a terminal; a summary "
    "always ends the run.\n"
    "Exit codes: 0 all documents done, 1 some failed, 2 usage or output "
    "file error, 3 server unreachable.";

// Counts is what the summary reports.
struct Counts {
  uint64_t ok = 0;
  uint64_t failed = 0;
  uint64_t bytes = 0;
};

// OpenOutput prepares `path` for appending after the earlier run's whole
// records (or from scratch); nullptr after printing why when it cannot.
std::unique_ptr<std::ofstream> OpenOutput(const std::string& path,
                                          bool overwrite,
                                          const ResumeState& state) {
  std::error_code error;
  if (!overwrite && std::filesystem::exists(path, error)) {
    // Drop a record cut off by an interrupted run before appending.
    std::filesystem::resize_file(path, state.valid_bytes, error);
    if (error) {
      std::cerr << "reportfacts batch: cannot truncate " << path << ": "
                << error.message() << "\n";
      return nullptr;
    }
  }
  auto out = std::make_unique<std::ofstream>(
      path, std::ios::binary | (overwrite ? std::ios::trunc : std::ios::app));
  if (!*out) {
    std::cerr << "reportfacts batch: cannot write " << path
              << " (check the folder exists and is writable)\n";
    return nullptr;
  }
  return out;
}

}  // namespace

int RunBatch(int argc, char** argv) {
  ArgParser args("batch", "DIR", kSummary);
  args.AddFlag("server", "HOST:PORT", kDefaultServer, "Server address.");
  args.AddFlag("output", "FILE", "",
               "Where to write the results (default: stdout, which cannot "
               "be resumed).");
  args.AddFlag("format", "jsonl|csv", "",
               "Output format (default: csv when --output ends in .csv, "
               "else jsonl).");
  args.AddFlag("concurrency", "N", "16",
               "Documents sent but not yet answered, at most.");
  args.AddBool("recursive", "Include the files of subfolders too.");
  args.AddBool("overwrite", "Empty --output first instead of resuming.");
  args.AddFlag("reference_date", "YYYY-MM-DD", "",
               "Resolves relative dates when a report names no year.");
  args.AddFlag("timeout_ms", "MS", "0",
               "Deadline of the whole batch; 0 means none.");
  args.AddFlag("shard_index", "I", "0",
               "Take only shard I (0 .. shard_count-1) of DIR: a Kubernetes "
               "Indexed Job gives each pod its completion index.");
  args.AddFlag("shard_count", "N", "1",
               "Split DIR into N shards by a fixed hash of each file's id, "
               "the same on every run.");
  args.AddBool("no_sentences",
               "Leave out each metric's sentence text (its sentence_span "
               "stays).");
  AddChannelFlags(args);
  if (auto code = ParseArgs(args, argc, argv)) return *code;

  if (args.positional().size() != 1) {
    std::cerr << "reportfacts batch: give exactly one DIR\n"
                 "(see reportfacts batch --help)\n";
    return kExitUsage;
  }
  const std::string dir = args.positional()[0];
  std::string output = args.Get("output");
  if (output == "-") output.clear();
  std::string format = args.Get("format");
  if (format.empty()) format = absl::EndsWith(output, ".csv") ? "csv" : "jsonl";
  if (format != "jsonl" && format != "csv") {
    std::cerr << "reportfacts batch: --format must be jsonl or csv, not \""
              << format << "\"\n";
    return kExitUsage;
  }
  const BatchFormat batch_format =
      format == "csv" ? BatchFormat::kCsv : BatchFormat::kJsonLines;
  StreamOptions options;
  options.reference_date = args.Get("reference_date");
  options.omit_sentence_text = args.GetBool("no_sentences");
  if (!absl::SimpleAtoi(args.Get("concurrency"), &options.concurrency) ||
      options.concurrency < 1 || options.concurrency > 1024) {
    std::cerr << "reportfacts batch: --concurrency must be 1 to 1024\n";
    return kExitUsage;
  }
  if (!absl::SimpleAtoi(args.Get("timeout_ms"), &options.timeout_ms) ||
      options.timeout_ms < 0) {
    std::cerr << "reportfacts batch: --timeout_ms must be 0 (none) or a "
                 "number of milliseconds\n";
    return kExitUsage;
  }

  int64_t shard_index = 0;
  int64_t shard_count = 1;
  if (!absl::SimpleAtoi(args.Get("shard_count"), &shard_count) ||
      shard_count < 1 || shard_count > 100000 ||
      !absl::SimpleAtoi(args.Get("shard_index"), &shard_index) ||
      shard_index < 0 || shard_index >= shard_count) {
    std::cerr << "reportfacts batch: --shard_count must be 1 to 100000 and "
                 "--shard_index 0 to shard_count-1\n";
    return kExitUsage;
  }

  absl::StatusOr<std::vector<DocumentFile>> files =
      ListDocuments(dir, args.GetBool("recursive"), output);
  if (!files.ok()) {
    std::cerr << "reportfacts batch: " << files.status().message() << "\n";
    return kExitUsage;
  }
  const bool overwrite = args.GetBool("overwrite");
  ResumeState resume;
  if (!output.empty() && !overwrite) {
    absl::StatusOr<ResumeState> state = ReadResumeState(output, batch_format);
    if (!state.ok()) {
      std::cerr << "reportfacts batch: " << state.status().message() << "\n";
      return kExitUsage;
    }
    resume = *std::move(state);
  }
  std::vector<DocumentFile> to_send;
  uint64_t bytes_to_send = 0;
  uint64_t other_shards = 0;
  for (DocumentFile& file : *files) {
    if (!InShard(file.id, shard_index, shard_count)) {
      ++other_shards;
      continue;
    }
    if (resume.done.count(file.id) > 0) continue;
    bytes_to_send += file.bytes;
    to_send.push_back(std::move(file));
  }
  const uint64_t skipped = files->size() - other_shards - to_send.size();

  std::unique_ptr<std::ofstream> file_out;
  if (!output.empty()) {
    file_out = OpenOutput(output, overwrite, resume);
    if (file_out == nullptr) return kExitUsage;
  }
  std::ostream& out = file_out ? *file_out : std::cout;
  if (batch_format == BatchFormat::kCsv &&
      (output.empty() || overwrite || !resume.has_header)) {
    out << CsvLine(MetricCsvHeader()) << std::flush;
  }

  const auto start = std::chrono::steady_clock::now();
  Counts counts;
  grpc::Status status = grpc::Status::OK;
  const std::string server = args.Get("server");
  if (!to_send.empty()) {
    std::shared_ptr<grpc::Channel> channel = OpenChannel(args, "batch");
    if (channel == nullptr) return kExitUsage;
    auto stub = v1::FactExtractor::NewStub(channel);
    ProgressBar bar(to_send.size(), bytes_to_send,
                    ProgressBar::StderrIsTerminal());
    const auto report_failure = [&](const DocumentFile& file,
                                    const std::string& why) {
      ++counts.failed;
      counts.bytes += file.bytes;
      bar.Clear();
      std::cerr << "reportfacts batch: " << file.id << ": " << why << "\n";
      bar.Update(counts.ok + counts.failed, counts.bytes);
    };
    StreamCallbacks callbacks;
    callbacks.on_failure = report_failure;
    callbacks.on_response = [&](const DocumentFile& file,
                                v1::ExtractResponse& response,
                                std::string_view sentence_text) {
      if (response.error_code() != 0) {
        const std::string code(StatusCodeName(
            static_cast<grpc::StatusCode>(response.error_code())));
        report_failure(file,
                       absl::StrCat(code, ": ", response.error_message()));
        return;
      }
      if (batch_format == BatchFormat::kCsv) {
        FillSentences(sentence_text, &response);
        out << MetricCsvRows(response);
      } else {
        std::string line;
        AppendJson(response, /*pretty=*/false, sentence_text, &line);
        line.push_back('\n');
        out << line;
      }
      out.flush();  // a killed run keeps every finished document
      ++counts.ok;
      counts.bytes += file.bytes;
      bar.Update(counts.ok + counts.failed, counts.bytes);
    };
    status = StreamDocuments(*stub, to_send, options, callbacks);
    bar.Clear();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (!status.ok()) {
    std::cerr << "reportfacts batch: " << Describe(status, server) << "\n";
  }
  const uint64_t not_sent = to_send.size() - counts.ok - counts.failed;
  std::cerr << absl::StrFormat(
      "reportfacts batch: %d documents, %d ok, %d failed, %d skipped, "
      "%.2f MB in %.2f s\n",
      files->size() - other_shards, counts.ok, counts.failed + not_sent,
      skipped, static_cast<double>(counts.bytes) / 1e6, seconds);
  if (counts.failed + not_sent > 0) {
    std::cerr << "reportfacts batch: "
              << (output.empty()
                      ? "some documents failed (see above)\n"
                      : "some documents failed (see above); rerun the same "
                        "command to retry them, done ones are skipped\n");
  }
  if (!status.ok()) return ExitCodeFor(status);
  return counts.failed + not_sent > 0 ? kExitFailed : kExitOk;
}

}  // namespace reportfacts::cli
