// What a load run measured: counts, throughput and latency percentiles.
//
//   LoadRecorder recorder;               // one per client thread
//   recorder.Record(latency, bytes, grpc::StatusCode::OK);
//   LoadReport report = Summarize({&recorder}, elapsed);
//   std::cout << FormatLoadText(report);
#ifndef REPORTFACTS_CLIENT_LOAD_STATS_H_
#define REPORTFACTS_CLIENT_LOAD_STATS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace reportfacts::cli {

// LoadRecorder collects the calls of one thread; not thread-safe.
class LoadRecorder {
 public:
  // Record notes one document: how long it took, its size, and the status
  // code (grpc::StatusCode as int; 0 is OK).
  void Record(absl::Duration latency, int64_t bytes, int code);

  const std::vector<double>& latencies_ms() const { return latencies_ms_; }
  int64_t ok_bytes() const { return ok_bytes_; }
  const std::map<int, int64_t>& codes() const { return codes_; }

 private:
  std::vector<double> latencies_ms_;  // every call, failed ones included
  int64_t ok_bytes_ = 0;
  std::map<int, int64_t> codes_;
};

// LoadReport sums up a run.
struct LoadReport {
  int64_t documents = 0;  // calls made
  int64_t ok = 0;
  int64_t failed = 0;
  std::map<std::string, int64_t> errors;  // status code name -> count
  double seconds = 0;
  double docs_per_second = 0;  // successful documents
  double mb_per_second = 0;    // of successful documents, 10^6 bytes
  double p50_ms = 0, p95_ms = 0, p99_ms = 0, max_ms = 0;
};

// Percentile returns the nearest-rank percentile (0 < p <= 100) of sorted
// values, 0 for none.
double Percentile(const std::vector<double>& sorted, double p);

// Summarize merges the recorders of a run that lasted `elapsed`.
LoadReport Summarize(const std::vector<const LoadRecorder*>& recorders,
                     absl::Duration elapsed);

// FormatLoadText renders a report for people; FormatLoadJson as one JSON
// object for scripts.
std::string FormatLoadText(const LoadReport& report);
std::string FormatLoadJson(const LoadReport& report);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_LOAD_STATS_H_
