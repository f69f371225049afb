// A load driver for the hardening end-to-end tests, run against a real
// reportfacts-server process.
//
//   load_driver soak ADDR PID SAMPLE SECONDS CLIENTS MAX_DOC_BYTES
//     Mixed good and bad traffic from CLIENTS threads for SECONDS (the
//     server's --max_message_bytes must be 4 x MAX_DOC_BYTES). Fails if
//     any good request fails, or if the server's RSS (read from
//     /proc/PID/status) grows by more than 10% + 4 MiB between the end of
//     warm-up (a fifth of the time) and the end. PID 0: no RSS check (a
//     server under valgrind, whose RSS is valgrind's).
//   load_driver drain ADDR PID SAMPLE CALLS LOG
//     Starts CALLS slow requests, waits until the server's debug LOG shows
//     each reached its handler, sends SIGTERM to PID, and fails unless new
//     calls are refused with UNAVAILABLE and every request in flight
//     completes OK.
//
// Prints one "figures:" line for the test log; exits 0 on success.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/api/status.h"

namespace reportfacts {
namespace {

using Clock = std::chrono::steady_clock;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// RssKib reads VmRSS of a process, in KiB; -1 if it cannot.
int64_t RssKib(int pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) {
      int64_t kib = -1;
      std::istringstream(line.substr(6)) >> kib;
      return kib;
    }
  }
  return -1;
}

std::shared_ptr<grpc::Channel> Channel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(-1);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   args);
}

grpc::Status Extract(v1::FactExtractor::Stub& stub, const std::string& text,
                     int deadline_ms) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(deadline_ms));
  v1::ExtractRequest request;
  request.mutable_document()->set_id("load");
  request.mutable_document()->set_text(text);
  v1::ExtractResponse response;
  return stub.Extract(&context, request, &response);
}

// Tally counts outcomes; safe for concurrent use.
class Tally {
 public:
  void Add(const std::string& kind, grpc::StatusCode code) {
    std::lock_guard<std::mutex> lock(mu_);
    ++counts_[kind + ":" + std::string(StatusCodeName(code))];
  }
  void AddGoodLatency(int64_t ms) {
    std::lock_guard<std::mutex> lock(mu_);
    good_latencies_ms_.push_back(ms);
  }
  // Percentile of the good requests' latencies, in ms (0 without any).
  int64_t GoodPercentile(double p) {
    std::lock_guard<std::mutex> lock(mu_);
    if (good_latencies_ms_.empty()) return 0;
    std::sort(good_latencies_ms_.begin(), good_latencies_ms_.end());
    const size_t at =
        std::min(good_latencies_ms_.size() - 1,
                 static_cast<size_t>(
                     p * static_cast<double>(good_latencies_ms_.size())));
    return good_latencies_ms_[at];
  }
  int64_t Total() const {
    std::lock_guard<std::mutex> lock(mu_);
    int64_t total = 0;
    for (const auto& entry : counts_) total += entry.second;
    return total;
  }
  std::string Summary() const {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    for (const auto& [key, count] : counts_) {
      absl::StrAppend(&out, " ", key, "=", count);
    }
    return out;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, int64_t> counts_;
  std::vector<int64_t> good_latencies_ms_;
};

// Soak client thread: mostly good documents, interleaved with the bad
// kinds the issue lists and with callers that vanish mid-stream.
void SoakClient(const std::string& address, const std::string& sample,
                int64_t max_doc_bytes, Clock::time_point end, int seed,
                Tally& tally, std::atomic<int64_t>& good_failures) {
  auto channel = Channel(address);
  auto stub = v1::FactExtractor::NewStub(channel);
  std::mt19937 random(seed);
  const std::string oversize(static_cast<size_t>(max_doc_bytes) + 1, 'a');
  // Over the transport cap, which the test sets to 4 x max_doc_bytes.
  const std::string over_cap(static_cast<size_t>(max_doc_bytes) * 8, 'a');
  int64_t round = 0;
  while (Clock::now() < end) {
    ++round;
    switch (random() % 9) {
      case 0: {  // invalid UTF-8 after a good prefix
        const grpc::Status s =
            Extract(*stub, sample + "\xD6\xD0\xCE\xC4", 30000);
        tally.Add("bad_utf8", s.error_code());
        break;
      }
      case 1: {  // over the document limit
        const grpc::Status s = Extract(*stub, oversize, 30000);
        tally.Add("oversize", s.error_code());
        break;
      }
      case 2: {  // NUL and control bytes
        const grpc::Status s =
            Extract(*stub, std::string("\0\x01\x02", 3) + sample, 30000);
        tally.Add("control", s.error_code());
        break;
      }
      case 3: {  // a deadline too short to finish
        const grpc::Status s = Extract(*stub, sample + sample, 1);
        tally.Add("tiny_deadline", s.error_code());
        break;
      }
      case 4: {  // a stream whose caller vanishes
        grpc::ClientContext context;
        auto stream = stub->ExtractStream(&context);
        v1::ExtractRequest request;
        request.mutable_document()->set_text(sample);
        for (int i = 0; i < 4; ++i) stream->Write(request);
        context.TryCancel();
        tally.Add("vanishing_stream", stream->Finish().error_code());
        break;
      }
      case 5: {  // over gRPC's receive cap
        const grpc::Status s = Extract(*stub, over_cap, 30000);
        tally.Add("over_cap", s.error_code());
        break;
      }
      default: {  // good: the sample with a varying tail
        const std::string text =
            absl::StrCat(sample, "\n附：第", round, "次，共", seed, "项。");
        const auto start = Clock::now();
        const grpc::Status s = Extract(*stub, text, 30000);
        tally.Add("good", s.error_code());
        tally.AddGoodLatency(
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() -
                                                                  start)
                .count());
        if (!s.ok()) {
          ++good_failures;
          std::cerr << "good request failed: " << StatusCodeName(s.error_code())
                    << ": " << s.error_message() << "\n";
        }
      }
    }
  }
}

int Soak(const std::string& address, int pid, const std::string& sample,
         int seconds, int clients, int64_t max_doc_bytes) {
  const auto start = Clock::now();
  const auto end = start + std::chrono::seconds(seconds);
  Tally tally;
  std::atomic<int64_t> good_failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      SoakClient(address, sample, max_doc_bytes, end, i + 1, tally,
                 good_failures);
    });
  }
  std::this_thread::sleep_until(start + std::chrono::seconds(seconds) / 5);
  const int64_t warm_kib = RssKib(pid);
  for (std::thread& thread : threads) thread.join();
  const int64_t end_kib = RssKib(pid);
  const int64_t allowed_kib = warm_kib + warm_kib / 10 + 4096;
  std::cout << "figures: soak " << seconds << " s, " << clients
            << " clients, rss_after_warmup_kib=" << warm_kib
            << " rss_end_kib=" << end_kib << " requests=" << tally.Total()
            << " good_failures=" << good_failures.load()
            << " good_p50_ms=" << tally.GoodPercentile(0.5)
            << " good_p99_ms=" << tally.GoodPercentile(0.99)
            << " outcomes:" << tally.Summary() << std::endl;
  if (good_failures.load() != 0) {
    std::cerr << "FAIL: good requests failed\n";
    return 1;
  }
  if (pid != 0 && (warm_kib <= 0 || end_kib <= 0 || end_kib > allowed_kib)) {
    std::cerr << "FAIL: RSS grew from " << warm_kib << " to " << end_kib
              << " KiB (allowed " << allowed_kib << ")\n";
    return 1;
  }
  return 0;
}

// CountLines counts the lines of `path` that contain `needle`.
int CountLines(const std::string& path, const std::string& needle) {
  std::ifstream in(path);
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    if (line.find(needle) != std::string::npos) ++count;
  }
  return count;
}

int Drain(const std::string& address, int pid, const std::string& sample,
          int calls, const std::string& log) {
  auto stub = v1::FactExtractor::NewStub(Channel(address));
  // Make each call take a few hundred milliseconds, so that all of them are
  // still queued or running when the signal arrives.
  std::string text = sample;
  for (;;) {
    const auto start = Clock::now();
    const grpc::Status s = Extract(*stub, text, 60000);
    if (!s.ok()) {
      std::cerr << "calibration failed: " << s.error_message() << "\n";
      return 1;
    }
    if (Clock::now() - start > std::chrono::milliseconds(300) ||
        text.size() > (4u << 20)) {
      break;
    }
    text += text;
  }

  // Every Extract logs "Extract id=" at debug level on entering its handler.
  const std::string handler_entered = "Extract id=";
  const int entered_before = CountLines(log, handler_entered);
  std::atomic<int> ok{0};
  std::atomic<int> started{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < calls; ++i) {
    threads.emplace_back([&] {
      auto own = v1::FactExtractor::NewStub(Channel(address));
      ++started;
      const grpc::Status s = Extract(*own, text, 120000);
      if (s.ok()) {
        ++ok;
      } else {
        std::cerr << "in-flight call failed: " << StatusCodeName(s.error_code())
                  << ": " << s.error_message() << "\n";
      }
    });
  }
  while (started.load() < calls) std::this_thread::yield();
  // Signal only once every call is inside its handler.
  const auto wait_until = Clock::now() + std::chrono::seconds(60);
  while (CountLines(log, handler_entered) < entered_before + calls) {
    if (Clock::now() > wait_until) {
      std::cerr << "FAIL: the calls never all reached the server\n";
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGTERM);

  // New calls are refused once the server drains. Probing before it logs
  // the signal would race: a call admitted just before the signal waits
  // behind the big documents and runs out of its deadline.
  while (CountLines(log, "draining") == 0) {
    if (Clock::now() > wait_until) {
      std::cerr << "FAIL: the server never logged that it drains\n";
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // The log line comes a moment before the gate closes, so a probe may
  // still be admitted; the next one must not be.
  grpc::StatusCode refused = grpc::StatusCode::OK;
  for (int probe = 0; probe < 3 && refused != grpc::StatusCode::UNAVAILABLE;
       ++probe) {
    auto fresh = v1::FactExtractor::NewStub(Channel(address));
    refused = Extract(*fresh, sample, 2000).error_code();
  }
  for (std::thread& thread : threads) thread.join();
  std::cout << "figures: drain in_flight=" << calls << " ok=" << ok.load()
            << " new_call=" << StatusCodeName(refused)
            << " doc_bytes=" << text.size() << std::endl;
  if (ok.load() != calls) {
    std::cerr << "FAIL: not every call in flight completed\n";
    return 1;
  }
  if (refused != grpc::StatusCode::UNAVAILABLE) {
    std::cerr << "FAIL: new call during drain got " << StatusCodeName(refused)
              << ", want UNAVAILABLE\n";
    return 1;
  }
  return 0;
}

int Usage() {
  std::cerr << "usage: load_driver soak ADDR PID SAMPLE SECONDS CLIENTS "
               "MAX_DOC_BYTES\n"
               "       load_driver drain ADDR PID SAMPLE CALLS LOG\n";
  return 2;
}

}  // namespace
}  // namespace reportfacts

int main(int argc, char** argv) {
  using reportfacts::Usage;
  if (argc < 5) return Usage();
  const std::string mode = argv[1];
  const std::string address = argv[2];
  int pid = 0;
  if (!absl::SimpleAtoi(argv[3], &pid)) return Usage();
  const std::string sample = reportfacts::ReadFile(argv[4]);
  if (sample.empty()) return Usage();
  if (mode == "soak" && argc == 8) {
    int seconds = 0;
    int clients = 0;
    int64_t max_doc_bytes = 0;
    if (!absl::SimpleAtoi(argv[5], &seconds) ||
        !absl::SimpleAtoi(argv[6], &clients) ||
        !absl::SimpleAtoi(argv[7], &max_doc_bytes)) {
      return Usage();
    }
    return reportfacts::Soak(address, pid, sample, seconds, clients,
                             max_doc_bytes);
  }
  if (mode == "drain" && argc == 7) {
    int calls = 0;
    if (!absl::SimpleAtoi(argv[5], &calls)) return Usage();
    return reportfacts::Drain(address, pid, sample, calls, argv[6]);
  }
  return Usage();
}
