// Helpers shared by the service tests: test backends and small clients.
#ifndef REPORTFACTS_TESTS_SERVICE_TEST_UTIL_H_
#define REPORTFACTS_TESTS_SERVICE_TEST_UTIL_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/admission/backend.h"

namespace reportfacts::testing {

// FakeBackend understands tiny commands instead of reports:
//   "sleep:N"  works for N ms, polling is_cancelled every millisecond
//   "fail:N"   returns INTERNAL with an N-byte message
//   "facts:N"  N metrics
//   "oom:1"    throws std::bad_alloc, as the core does out of memory
//   anything else: one metric per call, at once.
// It counts calls and cancellations; safe for concurrent use.
class FakeBackend final : public ExtractionBackend {
 public:
  absl::StatusOr<Extraction> Extract(
      std::string_view text, const ExtractOptions& options) const override {
    ++calls_;
    last_max_threads_ = options.max_threads;
    int n = 0;
    if (Command(text, "sleep:", &n)) {
      const auto end =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(n);
      while (std::chrono::steady_clock::now() < end) {
        if (options.is_cancelled && options.is_cancelled()) {
          ++cancelled_;
          return absl::CancelledError("stopped");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    } else if (Command(text, "fail:", &n)) {
      return absl::InternalError(std::string(static_cast<size_t>(n), 'x'));
    } else if (Command(text, "oom:", &n)) {
      throw std::bad_alloc();
    }
    int metrics = 1;
    if (Command(text, "facts:", &n)) metrics = n;
    Extraction facts;
    Metric metric;
    metric.text = "1";
    metric.unit_text = "件";
    metric.value = 1;
    metric.unit = "件";
    metric.indicator = "other";
    facts.metrics.assign(static_cast<size_t>(metrics), metric);
    return facts;
  }

  std::vector<Extractor::IndicatorInfo> Indicators() const override {
    return {{"other", "anything else"}};
  }

  int calls() const { return calls_.load(); }
  int cancelled() const { return cancelled_.load(); }
  // The threads the last call was allowed (ExtractOptions::max_threads).
  int last_max_threads() const { return last_max_threads_.load(); }

 private:
  // Command parses "<prefix><number>".
  static bool Command(std::string_view text, std::string_view prefix, int* n) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return absl::SimpleAtoi(absl::string_view(text.data(), text.size()), n);
  }

  mutable std::atomic<int> calls_{0};
  mutable std::atomic<int> cancelled_{0};
  mutable std::atomic<int> last_max_threads_{0};
};

// SharedBackend serves from an Extractor that the test owns, so that many
// servers can share one loaded copy of the data.
class SharedBackend final : public ExtractionBackend {
 public:
  explicit SharedBackend(const Extractor* extractor) : extractor_(extractor) {}
  absl::StatusOr<Extraction> Extract(
      std::string_view text, const ExtractOptions& options) const override {
    return extractor_->Extract(text, options);
  }
  std::vector<Extractor::IndicatorInfo> Indicators() const override {
    return extractor_->Indicators();
  }

 private:
  const Extractor* extractor_;
};

// Deadline returns a point `ms` milliseconds from now.
inline std::chrono::system_clock::time_point In(int ms) {
  return std::chrono::system_clock::now() + std::chrono::milliseconds(ms);
}

// HealthOf asks the health service about `service`.
inline grpc::Status HealthOf(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& service,
    grpc::health::v1::HealthCheckResponse::ServingStatus* status) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(In(5000));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status result = stub->Check(&context, request, &response);
  *status = response.status();
  return result;
}

// MillisSince returns the milliseconds elapsed since `start`.
inline int64_t MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now() - start)
      .count();
}

// ReadFile returns the bytes of the file at `path` (empty when unreadable).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// WaitUntil polls `condition` for up to `ms` milliseconds.
inline bool WaitUntil(const std::function<bool()>& condition, int ms) {
  const auto end =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < end) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return condition();
}

}  // namespace reportfacts::testing

#endif  // REPORTFACTS_TESTS_SERVICE_TEST_UTIL_H_
