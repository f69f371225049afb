#include "client/load_stats.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"
#include "service/api/status.h"

namespace reportfacts::cli {

void LoadRecorder::Record(absl::Duration latency, int64_t bytes, int code) {
  latencies_ms_.push_back(absl::ToDoubleMilliseconds(latency));
  ++codes_[code];
  if (code == 0) ok_bytes_ += bytes;
}

double Percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double rank = std::ceil(p / 100.0 * static_cast<double>(sorted.size()));
  const size_t index = rank < 1 ? 0 : static_cast<size_t>(rank) - 1;
  return sorted[std::min(index, sorted.size() - 1)];
}

LoadReport Summarize(const std::vector<const LoadRecorder*>& recorders,
                     absl::Duration elapsed) {
  LoadReport report;
  std::vector<double> latencies;
  int64_t ok_bytes = 0;
  for (const LoadRecorder* r : recorders) {
    latencies.insert(latencies.end(), r->latencies_ms().begin(),
                     r->latencies_ms().end());
    ok_bytes += r->ok_bytes();
    for (const auto& [code, count] : r->codes()) {
      report.documents += count;
      if (code == 0) {
        report.ok += count;
      } else {
        report.failed += count;
        report.errors[std::string(
            StatusCodeName(static_cast<grpc::StatusCode>(code)))] += count;
      }
    }
  }
  std::sort(latencies.begin(), latencies.end());
  report.seconds = absl::ToDoubleSeconds(elapsed);
  if (report.seconds > 0) {
    report.docs_per_second = static_cast<double>(report.ok) / report.seconds;
    report.mb_per_second = static_cast<double>(ok_bytes) / 1e6 / report.seconds;
  }
  report.p50_ms = Percentile(latencies, 50);
  report.p95_ms = Percentile(latencies, 95);
  report.p99_ms = Percentile(latencies, 99);
  report.max_ms = latencies.empty() ? 0 : latencies.back();
  return report;
}

std::string FormatLoadText(const LoadReport& r) {
  std::string out = absl::StrFormat(
      "documents   %d sent, %d ok, %d failed in %.2f s\n"
      "throughput  %.1f documents/s, %.2f MB/s\n"
      "latency ms  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f\n",
      r.documents, r.ok, r.failed, r.seconds, r.docs_per_second,
      r.mb_per_second, r.p50_ms, r.p95_ms, r.p99_ms, r.max_ms);
  for (const auto& [code, count] : r.errors) {
    out += absl::StrFormat("errors      %s: %d\n", code, count);
  }
  return out;
}

std::string FormatLoadJson(const LoadReport& r) {
  nlohmann::json json = {{"documents", r.documents},
                         {"ok", r.ok},
                         {"failed", r.failed},
                         {"errors", r.errors},
                         {"seconds", r.seconds},
                         {"docs_per_second", r.docs_per_second},
                         {"mb_per_second", r.mb_per_second},
                         {"p50_ms", r.p50_ms},
                         {"p95_ms", r.p95_ms},
                         {"p99_ms", r.p99_ms},
                         {"max_ms", r.max_ms}};
  return json.dump() + "\n";
}

}  // namespace reportfacts::cli
