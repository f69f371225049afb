#include "service/metrics/metrics.h"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace reportfacts {
namespace {

constexpr char kSeparator = '\0';

// Sv converts for absl::StrCat: Debian's absl::string_view is not
// std::string_view.
absl::string_view Sv(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// LabelValue escapes a label value as the text format asks: backslash,
// double quote and newline.
std::string LabelValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// SplitKey undoes the "a\0b\0c" keys of the series maps.
std::vector<std::string_view> SplitKey(std::string_view key) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    const size_t end = key.find(kSeparator, start);
    parts.push_back(key.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Number prints a sample value: integers without a decimal point.
std::string Number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  return absl::StrFormat("%.9g", value);
}

void Header(std::string& out, std::string_view name, std::string_view type,
            std::string_view help) {
  absl::StrAppend(&out, "# HELP ", Sv(name), " ", Sv(help), "\n# TYPE ",
                  Sv(name), " ", Sv(type), "\n");
}

std::string MethodLabels(std::string_view transport, std::string_view method) {
  return absl::StrCat("transport=\"", LabelValue(transport), "\",method=\"",
                      LabelValue(method), "\"");
}

}  // namespace

template <typename Series>
Series& Metrics::Find(
    std::shared_mutex& mu,
    std::map<std::string, std::unique_ptr<Series>, std::less<>>& series,
    const std::string& key) {
  {
    std::shared_lock<std::shared_mutex> lock(mu);
    auto it = series.find(key);
    if (it != series.end()) return *it->second;
  }
  std::unique_lock<std::shared_mutex> lock(mu);
  std::unique_ptr<Series>& slot = series[key];
  if (slot == nullptr) slot = std::make_unique<Series>();
  return *slot;
}

void Metrics::RecordRequest(std::string_view transport, std::string_view method,
                            std::string_view code, bool error,
                            absl::Duration latency) {
  const std::string method_key =
      absl::StrCat(Sv(transport), Sv({&kSeparator, 1}), Sv(method));
  const std::string code_key =
      absl::StrCat(method_key, Sv({&kSeparator, 1}), Sv(code));

  CodeSeries& codes = Find(mu_, codes_, code_key);
  if (error) codes.error.store(true, std::memory_order_relaxed);
  codes.count.fetch_add(1, std::memory_order_relaxed);

  const double seconds = absl::ToDoubleSeconds(latency);
  const auto bound =
      std::lower_bound(kLatencyBounds.begin(), kLatencyBounds.end(), seconds);
  LatencySeries& histogram = Find(mu_, latencies_, method_key);
  histogram.buckets[bound - kLatencyBounds.begin()].fetch_add(
      1, std::memory_order_relaxed);
  histogram.sum_nanos.fetch_add(absl::ToInt64Nanoseconds(latency),
                                std::memory_order_relaxed);
}

void Metrics::RequestStarted(std::string_view transport) {
  (transport == "grpc" ? grpc_in_flight_ : http_in_flight_)
      .fetch_add(1, std::memory_order_relaxed);
}

void Metrics::RequestFinished(std::string_view transport) {
  (transport == "grpc" ? grpc_in_flight_ : http_in_flight_)
      .fetch_sub(1, std::memory_order_relaxed);
}

void Metrics::RecordDocument(int64_t bytes) {
  documents_.fetch_add(1, std::memory_order_relaxed);
  document_bytes_.fetch_add(static_cast<uint64_t>(std::max<int64_t>(bytes, 0)),
                            std::memory_order_relaxed);
}

void Metrics::RecordExtractionCpu(absl::Duration cpu) {
  extraction_cpu_nanos_.fetch_add(absl::ToInt64Nanoseconds(cpu),
                                  std::memory_order_relaxed);
}

void Metrics::AddGauge(std::string name, std::string help,
                       std::function<double()> read) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::Render() const {
  std::string out;
  std::shared_lock<std::shared_mutex> lock(mu_);

  // The request counters, all of them or only the codes that are errors.
  const auto code_counters = [&](const char* name, const char* help,
                                 bool errors_only) {
    Header(out, name, "counter", help);
    for (const auto& [key, series] : codes_) {
      if (errors_only && !series->error.load(std::memory_order_relaxed)) {
        continue;
      }
      const std::vector<std::string_view> parts = SplitKey(key);
      absl::StrAppend(&out, name, "{", MethodLabels(parts[0], parts[1]),
                      ",code=\"", LabelValue(parts[2]), "\"} ",
                      series->count.load(), "\n");
    }
  };
  code_counters("reportfacts_requests_total",
                "Requests finished, by transport, method and status code.",
                false);
  code_counters("reportfacts_request_errors_total",
                "Requests that failed (gRPC code other than OK, HTTP status "
                "400 or more), by transport, method and status code.",
                true);

  Header(out, "reportfacts_request_duration_seconds", "histogram",
         "Time from the start of a request to its status, by transport and "
         "method.");
  for (const auto& [key, series] : latencies_) {
    const std::vector<std::string_view> parts = SplitKey(key);
    const std::string labels = MethodLabels(parts[0], parts[1]);
    // _count is the sum of the buckets read here, so that it always equals
    // the +Inf bucket even while requests are being recorded.
    uint64_t cumulative = 0;
    for (size_t i = 0; i < series->buckets.size(); ++i) {
      cumulative += series->buckets[i].load(std::memory_order_relaxed);
      const std::string le = i < kLatencyBounds.size()
                                 ? absl::StrCat(kLatencyBounds[i])
                                 : std::string("+Inf");
      absl::StrAppend(&out, "reportfacts_request_duration_seconds_bucket{",
                      labels, ",le=\"", le, "\"} ", cumulative, "\n");
    }
    absl::StrAppend(
        &out, "reportfacts_request_duration_seconds_sum{", labels, "} ",
        Number(static_cast<double>(series->sum_nanos.load()) * 1e-9), "\n");
    absl::StrAppend(&out, "reportfacts_request_duration_seconds_count{", labels,
                    "} ", cumulative, "\n");
  }

  Header(out, "reportfacts_requests_in_flight", "gauge",
         "Requests being handled now, by transport.");
  absl::StrAppend(&out, "reportfacts_requests_in_flight{transport=\"grpc\"} ",
                  grpc_in_flight_.load(), "\n");
  absl::StrAppend(&out, "reportfacts_requests_in_flight{transport=\"http\"} ",
                  http_in_flight_.load(), "\n");

  Header(out, "reportfacts_documents_processed_total", "counter",
         "Documents extracted successfully.");
  absl::StrAppend(&out, "reportfacts_documents_processed_total ",
                  documents_.load(), "\n");
  Header(out, "reportfacts_document_bytes_processed_total", "counter",
         "Bytes of text of the documents extracted successfully.");
  absl::StrAppend(&out, "reportfacts_document_bytes_processed_total ",
                  document_bytes_.load(), "\n");
  Header(out, "reportfacts_extraction_cpu_seconds_total", "counter",
         "CPU time the workers spent extracting documents.");
  absl::StrAppend(
      &out, "reportfacts_extraction_cpu_seconds_total ",
      Number(static_cast<double>(extraction_cpu_nanos_.load()) * 1e-9), "\n");
  // The standard process metric, so that the share of the CPU that goes to
  // extraction can be read off one scrape.
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) +
           static_cast<double>(t.tv_usec) * 1e-6;
  };
  Header(out, "process_cpu_seconds_total", "counter",
         "User and system CPU time of the server process.");
  absl::StrAppend(&out, "process_cpu_seconds_total ",
                  Number(seconds(usage.ru_utime) + seconds(usage.ru_stime)),
                  "\n");

  for (const Gauge& gauge : gauges_) {
    Header(out, gauge.name, "gauge", gauge.help);
    absl::StrAppend(&out, gauge.name, " ", Number(gauge.read()), "\n");
  }
  return out;
}

}  // namespace reportfacts
