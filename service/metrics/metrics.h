// The server's metrics, rendered in the Prometheus text exposition format
// for GET /metrics on the HTTP side.
//
//   Metrics metrics;
//   metrics.RecordRequest("http", "POST /v1/extract", "200", true, latency);
//   metrics.RecordDocument(text.size());
//   metrics.AddGauge("reportfacts_queue_depth", "Documents waiting.",
//                    [&pool] { return pool.queued(); });
//   std::string page = metrics.Render();
//
// The registry knows no transport: gRPC calls are fed in by the
// interceptor of service/server/metrics_interceptor.h, HTTP requests by the
// HTTP server itself, documents by the ExtractionService
// (service/admission). The library links no gRPC, so any part of the
// server, or a tool, can count and render without it.
#ifndef REPORTFACTS_SERVICE_METRICS_METRICS_H_
#define REPORTFACTS_SERVICE_METRICS_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"

namespace reportfacts {

// Metrics is safe for concurrent use. Recording costs a shared-lock map
// lookup and a few relaxed atomic adds; a series is created (under the
// exclusive lock) the first time its labels are seen.
class Metrics {
 public:
  // kLatencyBounds are the upper bounds, in seconds, of the latency
  // histogram's buckets (+Inf is implied).
  static constexpr std::array<double, 14> kLatencyBounds = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
      0.25,  0.5,    1,     2.5,  5,     10,   30};

  Metrics() = default;
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // RecordRequest counts one finished request of `transport` ("grpc" or
  // "http") to `method` that ended with `code` (a gRPC code name or an
  // HTTP status), counting it as an error too when `error` is set, and
  // adds its latency to the method's histogram.
  void RecordRequest(std::string_view transport, std::string_view method,
                     std::string_view code, bool error, absl::Duration latency);

  // RequestStarted and RequestFinished move the in-flight gauge of
  // `transport`, which must be "grpc" or "http".
  void RequestStarted(std::string_view transport);
  void RequestFinished(std::string_view transport);

  // RecordDocument counts one document extracted, of `bytes` bytes of text.
  void RecordDocument(int64_t bytes);

  // RecordExtractionCpu adds CPU time a worker spent in the core. Beside
  // process_cpu_seconds_total it tells what share of the server's CPU goes
  // to extraction and what to the transports.
  void RecordExtractionCpu(absl::Duration cpu);

  // AddGauge exposes `read()`, called at each Render, as a gauge. `name`
  // must be a valid metric name; `read` must stay callable while Render
  // may run. Call before serving.
  void AddGauge(std::string name, std::string help,
                std::function<double()> read);

  // Render returns every metric in the Prometheus text format (version
  // 0.0.4).
  std::string Render() const;

 private:
  // CodeSeries counts requests of one (transport, method, code).
  struct CodeSeries {
    std::atomic<bool> error{false};
    std::atomic<uint64_t> count{0};
  };
  // LatencySeries is the histogram of one (transport, method); buckets
  // hold per-bucket (not cumulative) counts, the last one is +Inf.
  struct LatencySeries {
    std::array<std::atomic<uint64_t>, kLatencyBounds.size() + 1> buckets{};
    std::atomic<int64_t> sum_nanos{0};
  };
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };

  // Find returns the series under `key`, creating it on first use.
  template <typename Series>
  static Series& Find(
      std::shared_mutex& mu,
      std::map<std::string, std::unique_ptr<Series>, std::less<>>& series,
      const std::string& key);

  mutable std::shared_mutex mu_;
  // Keys are "transport\0method\0code" and "transport\0method".
  std::map<std::string, std::unique_ptr<CodeSeries>, std::less<>> codes_;
  std::map<std::string, std::unique_ptr<LatencySeries>, std::less<>> latencies_;
  std::vector<Gauge> gauges_;

  std::atomic<int64_t> grpc_in_flight_{0};
  std::atomic<int64_t> http_in_flight_{0};
  std::atomic<uint64_t> documents_{0};
  std::atomic<uint64_t> document_bytes_{0};
  std::atomic<int64_t> extraction_cpu_nanos_{0};
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_METRICS_METRICS_H_
