#include "client/bench_command.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/args.h"
#include "client/commands.h"
#include "client/documents.h"
#include "client/load_stats.h"
#include "client/rpc.h"
#include "grpcpp/client_context.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"

namespace reportfacts::cli {
namespace {

// A line break this close to the cut point is preferred to a hard cut.
constexpr size_t kLineSearch = 512;

// LoadPlan is what every client thread follows.
struct LoadPlan {
  std::vector<std::string> documents;
  int concurrency = 1;
  absl::Time start;
  absl::Time stop;             // no new document after this
  int64_t count = 0;           // documents in all; 0: until `stop`
  double rate = 0;             // documents/s over all threads; 0: closed loop
  int64_t timeout_ms = 60000;  // deadline of each call
  int stream_window = 4;       // documents in flight per stream
  bool omit_sentence_text = false;  // ask for answers without sentences
};

// Ticket hands out document numbers: each is sent exactly once.
class Ticket {
 public:
  explicit Ticket(const LoadPlan& plan) : plan_(plan) {}
  // Next returns the next document number, or -1 when the run is over.
  int64_t Next() {
    const int64_t n = next_.fetch_add(1);
    if (plan_.count > 0 && n >= plan_.count) return -1;
    if (plan_.count == 0 && absl::Now() >= plan_.stop) return -1;
    return n;
  }
  // Due is when document n is scheduled; the start for a closed loop.
  absl::Time Due(int64_t n) const {
    if (plan_.rate <= 0) return absl::Now();
    return plan_.start + absl::Seconds(static_cast<double>(n) / plan_.rate);
  }

 private:
  const LoadPlan& plan_;
  std::atomic<int64_t> next_{0};
};

const std::string& DocumentFor(const LoadPlan& plan, int64_t n) {
  return plan.documents[static_cast<size_t>(n) % plan.documents.size()];
}

// RequestWhenDue waits, in an open-loop run, until document `n` is due,
// then returns its request.
v1::ExtractRequest RequestWhenDue(const LoadPlan& plan, int64_t n,
                                  absl::Time due) {
  if (plan.rate > 0) absl::SleepFor(due - absl::Now());
  v1::ExtractRequest request;
  request.mutable_document()->set_id(absl::StrCat("bench-", n));
  request.mutable_document()->set_text(DocumentFor(plan, n));
  request.set_omit_sentence_text(plan.omit_sentence_text);
  return request;
}

// RunUnary sends one Extract per document. With a rate, latency counts from
// the scheduled time, so a server that falls behind is not flattered by the
// client waiting for it (no coordinated omission).
void RunUnary(v1::FactExtractor::Stub& stub, const LoadPlan& plan,
              Ticket& ticket, LoadRecorder& recorder) {
  for (int64_t n; (n = ticket.Next()) >= 0;) {
    const absl::Time due = ticket.Due(n);
    const v1::ExtractRequest request = RequestWhenDue(plan, n, due);
    const std::string& text = request.document().text();
    v1::ExtractResponse response;
    grpc::ClientContext context;
    SetTimeout(context, plan.timeout_ms);
    const grpc::Status status = stub.Extract(&context, request, &response);
    recorder.Record(absl::Now() - due, static_cast<int64_t>(text.size()),
                    static_cast<int>(status.error_code()));
  }
}

// RunStream sends documents over one ExtractStream, keeping up to
// stream_window of them in flight, and times each from its send to its
// result.
void RunStream(v1::FactExtractor::Stub& stub, const LoadPlan& plan,
               Ticket& ticket, LoadRecorder& recorder) {
  grpc::ClientContext context;
  auto stream = stub.ExtractStream(&context);
  std::mutex mu;
  std::condition_variable room;
  std::map<std::string, std::pair<absl::Time, int64_t>> pending;
  bool reader_done = false;

  std::thread reader([&] {
    v1::ExtractResponse response;
    while (stream->Read(&response)) {
      std::lock_guard<std::mutex> lock(mu);
      auto it = pending.find(response.document_id());
      if (it == pending.end()) continue;
      recorder.Record(absl::Now() - it->second.first, it->second.second,
                      response.error_code());
      pending.erase(it);
      room.notify_all();
    }
    std::lock_guard<std::mutex> lock(mu);
    reader_done = true;
    room.notify_all();
  });

  for (int64_t n; (n = ticket.Next()) >= 0;) {
    const absl::Time due = ticket.Due(n);
    const v1::ExtractRequest request = RequestWhenDue(plan, n, due);
    const std::string& text = request.document().text();
    {
      std::unique_lock<std::mutex> lock(mu);
      room.wait(lock, [&] {
        return reader_done ||
               static_cast<int>(pending.size()) < plan.stream_window;
      });
      if (reader_done) break;
      pending[request.document().id()] = {due,
                                          static_cast<int64_t>(text.size())};
    }
    if (!stream->Write(request)) break;
  }
  stream->WritesDone();
  const grpc::Status status = stream->Finish();
  reader.join();
  // Whatever is still pending got no result: count it under the stream's
  // status (or UNKNOWN when the stream itself ended OK).
  const int code = status.ok() ? static_cast<int>(grpc::StatusCode::UNKNOWN)
                               : static_cast<int>(status.error_code());
  for (const auto& [id, sent] : pending) {
    recorder.Record(absl::Now() - sent.first, sent.second, code);
  }
}

// ReadInputs reads files and the files of folders.
std::optional<std::vector<std::string>> ReadInputs(
    const std::vector<std::string>& inputs) {
  std::vector<std::string> texts;
  for (const std::string& input : inputs) {
    auto listed = ListDocuments(input, /*recursive=*/true, /*exclude=*/"");
    std::vector<std::string> paths;
    if (listed.ok()) {
      for (const DocumentFile& file : *listed) paths.push_back(file.path);
    } else {
      paths.push_back(input);
    }
    for (const std::string& path : paths) {
      std::optional<std::string> text = ReadInput(path);
      if (!text) {
        std::cerr << "reportfacts bench: cannot read " << path << "\n";
        return std::nullopt;
      }
      if (!text->empty()) texts.push_back(*std::move(text));
    }
  }
  return texts;
}

std::optional<int64_t> PositiveOrZero(const ArgParser& args,
                                      const std::string& flag) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(args.Get(flag), &value) || value < 0) {
    std::cerr << "reportfacts bench: --" << flag
              << " must be a non-negative integer\n";
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::vector<std::string> CutDocuments(const std::vector<std::string>& texts,
                                      size_t doc_bytes) {
  if (doc_bytes == 0) return texts;
  std::string all;
  for (const std::string& text : texts) {
    all += text;
    all += "\n\n";
  }
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin < all.size()) {
    size_t end = std::min(all.size(), begin + doc_bytes);
    if (end < all.size()) {
      const size_t line = all.rfind('\n', end);
      if (line != std::string::npos && line > begin &&
          end - line <= kLineSearch) {
        end = line + 1;
      }
      // Never cut inside a UTF-8 sequence.
      while (end > begin + 1 &&
             (static_cast<unsigned char>(all[end]) & 0xC0) == 0x80) {
        --end;
      }
    }
    out.push_back(all.substr(begin, end - begin));
    begin = end;
  }
  return out;
}

int RunBench(int argc, char** argv) {
  ArgParser args(
      "bench", "INPUT...",
      "Load-tests a server with the documents in INPUT (files or folders): "
      "--concurrency callers send documents for --duration_s seconds (or "
      "--count documents), as fast as the server answers or at --rate "
      "documents/s, and the run's throughput, latency percentiles and "
      "errors are printed. Exit code 1 when any document failed.");
  args.AddFlag("server", "HOST:PORT", kDefaultServer, "Server address.");
  args.AddFlag("concurrency", "N", "4", "Callers (threads) at once.");
  args.AddFlag("duration_s", "S", "10", "Length of the run in seconds.");
  args.AddFlag("count", "N", "0",
               "Send exactly N documents instead of running for a time.");
  args.AddFlag("rate", "DOCS_PER_S", "0",
               "Open-loop rate over all callers; 0 sends as fast as "
               "answers come (closed loop).");
  args.AddFlag("doc_bytes", "BYTES", "0",
               "Cut the inputs into documents of about this size; 0 sends "
               "each file as one document.");
  args.AddFlag("rpc", "unary|stream", "unary",
               "Extract per document, or one ExtractStream per caller.");
  args.AddFlag("stream_window", "N", "4",
               "Documents in flight on each stream (--rpc stream).");
  args.AddFlag("timeout_ms", "MS", "60000", "Deadline of each unary call.");
  args.AddFlag("format", "text|json", "text", "Output format.");
  args.AddBool("no_sentences",
               "Ask for answers without sentence text (as `extract` does).");
  AddChannelFlags(args);
  if (auto code = ParseArgs(args, argc, argv)) return *code;

  LoadPlan plan;
  const auto concurrency = PositiveOrZero(args, "concurrency");
  const auto duration = PositiveOrZero(args, "duration_s");
  const auto count = PositiveOrZero(args, "count");
  const auto doc_bytes = PositiveOrZero(args, "doc_bytes");
  const auto window = PositiveOrZero(args, "stream_window");
  const auto timeout = TimeoutOf(args, "bench");
  if (!concurrency || !duration || !count || !doc_bytes || !window ||
      !timeout) {
    return kExitUsage;
  }
  if (!absl::SimpleAtod(args.Get("rate"), &plan.rate) || plan.rate < 0) {
    std::cerr << "reportfacts bench: --rate must be a non-negative number\n";
    return kExitUsage;
  }
  const std::string rpc = args.Get("rpc");
  const std::string format = args.Get("format");
  if ((rpc != "unary" && rpc != "stream") ||
      (format != "text" && format != "json") || *concurrency == 0 ||
      *window == 0) {
    std::cerr << "reportfacts bench: --rpc is unary or stream, --format text "
                 "or json, --concurrency and --stream_window at least 1\n";
    return kExitUsage;
  }
  if (args.positional().empty()) {
    std::cerr << "reportfacts bench: no INPUT given: name report files or "
                 "folders to send\n";
    return kExitUsage;
  }
  auto texts = ReadInputs(args.positional());
  if (!texts) return kExitUsage;
  plan.documents = CutDocuments(*texts, static_cast<size_t>(*doc_bytes));
  if (plan.documents.empty()) {
    std::cerr << "reportfacts bench: the inputs hold no text\n";
    return kExitUsage;
  }
  plan.concurrency = static_cast<int>(*concurrency);
  plan.count = *count;
  plan.timeout_ms = *timeout;
  plan.stream_window = static_cast<int>(*window);
  plan.omit_sentence_text = args.GetBool("no_sentences");

  std::shared_ptr<grpc::Channel> channel = OpenChannel(args, "bench");
  if (!channel) return kExitUsage;
  auto stub = v1::FactExtractor::NewStub(channel);

  std::vector<LoadRecorder> recorders(plan.concurrency);
  plan.start = absl::Now();
  plan.stop = plan.start + absl::Seconds(*duration);
  Ticket ticket(plan);
  std::vector<std::thread> callers;
  for (int i = 0; i < plan.concurrency; ++i) {
    callers.emplace_back([&, i] {
      if (rpc == "stream") {
        RunStream(*stub, plan, ticket, recorders[i]);
      } else {
        RunUnary(*stub, plan, ticket, recorders[i]);
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  const absl::Duration elapsed = absl::Now() - plan.start;

  std::vector<const LoadRecorder*> all;
  for (const LoadRecorder& r : recorders) all.push_back(&r);
  const LoadReport report = Summarize(all, elapsed);
  std::cout << (format == "json" ? FormatLoadJson(report)
                                 : FormatLoadText(report));
  if (report.documents == 0) {
    std::cerr << "reportfacts bench: no document was sent\n";
    return kExitFailed;
  }
  return report.failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace reportfacts::cli
