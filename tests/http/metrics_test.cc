// Tests of the metrics registry and its Prometheus text rendering.
#include "service/metrics/metrics.h"

#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/http/metrics_checks.h"
#include "tests/http/prometheus_text.h"

namespace reportfacts {
namespace {

using ::reportfacts::testing::ExpectHistogram;
using ::reportfacts::testing::ExpositionPage;
using ::reportfacts::testing::ParseExposition;
using ::testing::Optional;

ExpositionPage Parse(const Metrics& metrics) {
  std::string error;
  std::optional<ExpositionPage> page =
      ParseExposition(metrics.Render(), &error);
  EXPECT_TRUE(page.has_value()) << error << "\n" << metrics.Render();
  return page.value_or(ExpositionPage{});
}

TEST(MetricsTest, EmptyRegistryRendersValidPageWithZeroGauges) {
  Metrics metrics;
  const ExpositionPage page = Parse(metrics);
  EXPECT_EQ(page.types.at("reportfacts_requests_total"), "counter");
  EXPECT_EQ(page.types.at("reportfacts_request_duration_seconds"), "histogram");
  EXPECT_THAT(
      page.Find("reportfacts_requests_in_flight", {{"transport", "grpc"}}),
      Optional(0.0));
  EXPECT_THAT(page.Find("reportfacts_documents_processed_total"),
              Optional(0.0));
}

TEST(MetricsTest, CountsByMethodAndCodeAndErrorsSeparately) {
  Metrics metrics;
  for (int i = 0; i < 3; ++i) {
    metrics.RecordRequest("grpc", "/a.B/C", "OK", false, absl::Milliseconds(1));
  }
  metrics.RecordRequest("grpc", "/a.B/C", "INVALID_ARGUMENT", true,
                        absl::Milliseconds(1));
  metrics.RecordRequest("http", "POST /v1/extract", "413", true,
                        absl::Milliseconds(1));
  const ExpositionPage page = Parse(metrics);
  EXPECT_THAT(page.Find("reportfacts_requests_total",
                        {{"transport", "grpc"}, {"code", "OK"}}),
              Optional(3.0));
  EXPECT_THAT(page.Find("reportfacts_requests_total",
                        {{"transport", "grpc"}, {"code", "INVALID_ARGUMENT"}}),
              Optional(1.0));
  EXPECT_THAT(page.Find("reportfacts_request_errors_total",
                        {{"transport", "grpc"}, {"code", "INVALID_ARGUMENT"}}),
              Optional(1.0));
  EXPECT_EQ(page.Find("reportfacts_request_errors_total", {{"code", "OK"}}),
            std::nullopt);
  EXPECT_THAT(page.Find("reportfacts_request_errors_total",
                        {{"method", "POST /v1/extract"}, {"code", "413"}}),
              Optional(1.0));
}

TEST(MetricsTest, LatencyLandsInTheRightBucketsAndSums) {
  Metrics metrics;
  const std::vector<absl::Duration> latencies = {
      absl::Microseconds(500), absl::Milliseconds(3), absl::Milliseconds(200),
      absl::Seconds(60)};
  for (absl::Duration latency : latencies) {
    metrics.RecordRequest("http", "GET /metrics", "200", false, latency);
  }
  const ExpositionPage page = Parse(metrics);
  ExpectHistogram(page, {{"transport", "http"}, {"method", "GET /metrics"}},
                  latencies.size());
  const std::map<std::string, std::string> labels = {
      {"method", "GET /metrics"}};
  auto bucket = [&](const std::string& le) {
    auto with_le = labels;
    with_le["le"] = le;
    return page.Find("reportfacts_request_duration_seconds_bucket", with_le);
  };
  // Each latency counts in its bucket and every later one.
  for (size_t i = 0; i < Metrics::kLatencyBounds.size(); ++i) {
    const double bound = Metrics::kLatencyBounds[i];
    double expected = 0;
    for (absl::Duration latency : latencies) {
      if (absl::ToDoubleSeconds(latency) <= bound) ++expected;
    }
    std::string le = std::to_string(bound);
    // The page prints bounds the shortest way ("0.005", "1"): find it.
    for (const auto& sample :
         page.Select("reportfacts_request_duration_seconds_bucket", labels)) {
      if (sample.labels.at("le") != "+Inf" &&
          std::stod(sample.labels.at("le")) == bound) {
        le = sample.labels.at("le");
      }
    }
    EXPECT_THAT(bucket(le), Optional(expected)) << "le=" << bound;
  }
  double total = 0;
  for (absl::Duration latency : latencies) {
    total += absl::ToDoubleSeconds(latency);
  }
  const std::optional<double> sum =
      page.Find("reportfacts_request_duration_seconds_sum", labels);
  ASSERT_TRUE(sum.has_value());
  EXPECT_NEAR(*sum, total, 1e-6);
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics metrics;
  const std::string odd = "a\"b\\c\nd";
  metrics.RecordRequest("grpc", odd, "OK", false, absl::Milliseconds(1));
  const ExpositionPage page = Parse(metrics);
  EXPECT_THAT(page.Find("reportfacts_requests_total", {{"method", odd}}),
              Optional(1.0));
}

TEST(MetricsTest, DocumentsBytesInFlightAndGauges) {
  Metrics metrics;
  int queued = 7;
  metrics.AddGauge("reportfacts_test_gauge", "A test gauge.",
                   [&queued] { return queued; });
  metrics.RecordDocument(100);
  metrics.RecordDocument(23);
  metrics.RequestStarted("http");
  metrics.RequestStarted("http");
  metrics.RequestFinished("http");
  ExpositionPage page = Parse(metrics);
  EXPECT_THAT(page.Find("reportfacts_documents_processed_total"),
              Optional(2.0));
  EXPECT_THAT(page.Find("reportfacts_document_bytes_processed_total"),
              Optional(123.0));
  EXPECT_THAT(
      page.Find("reportfacts_requests_in_flight", {{"transport", "http"}}),
      Optional(1.0));
  EXPECT_THAT(page.Find("reportfacts_test_gauge"), Optional(7.0));
  queued = 2;  // read again at every render
  page = Parse(metrics);
  EXPECT_THAT(page.Find("reportfacts_test_gauge"), Optional(2.0));
}

TEST(MetricsTest, ConcurrentRecordingLosesNothing) {
  Metrics metrics;
  constexpr int kThreads = 4;
  constexpr int kPerThread = 2000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&metrics, t] {
      for (int i = 0; i < kPerThread; ++i) {
        // Half the threads share a series, half make their own.
        metrics.RecordRequest("grpc", t % 2 == 0 ? "/shared" : "/own",
                              t < 2 ? "OK" : "INTERNAL", t >= 2,
                              absl::Microseconds(i));
        metrics.RecordDocument(1);
      }
    });
  }
  // Rendering while recording must be safe too.
  for (int i = 0; i < 20; ++i) Parse(metrics);
  for (std::thread& thread : threads) thread.join();
  const ExpositionPage page = Parse(metrics);
  double total = 0;
  for (const auto& sample : page.Select("reportfacts_requests_total", {})) {
    total += sample.value;
  }
  EXPECT_EQ(total, kThreads * kPerThread);
  ExpectHistogram(page, {{"method", "/shared"}}, 2 * kPerThread);
  EXPECT_THAT(page.Find("reportfacts_documents_processed_total"),
              Optional(static_cast<double>(kThreads * kPerThread)));
}

}  // namespace
}  // namespace reportfacts
