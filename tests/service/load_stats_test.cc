#include "client/load_stats.h"

#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace reportfacts::cli {
namespace {

TEST(Percentile, UsesTheNearestRank) {
  const std::vector<double> sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(Percentile(sorted, 50), 5);
  EXPECT_EQ(Percentile(sorted, 95), 10);
  EXPECT_EQ(Percentile(sorted, 10), 1);
  EXPECT_EQ(Percentile(sorted, 100), 10);
  EXPECT_EQ(Percentile({}, 99), 0);
  EXPECT_EQ(Percentile({7}, 1), 7);
}

TEST(Summarize, MergesRecordersAndCountsOnlySuccessfulBytes) {
  LoadRecorder a, b;
  for (int i = 1; i <= 99; ++i) a.Record(absl::Milliseconds(i), 1000, 0);
  b.Record(absl::Milliseconds(500), 1000, 0);
  b.Record(absl::Milliseconds(3), 1000000, 8);  // RESOURCE_EXHAUSTED
  const LoadReport r = Summarize({&a, &b}, absl::Seconds(2));
  EXPECT_EQ(r.documents, 101);
  EXPECT_EQ(r.ok, 100);
  EXPECT_EQ(r.failed, 1);
  EXPECT_EQ(r.errors.at("RESOURCE_EXHAUSTED"), 1);
  EXPECT_DOUBLE_EQ(r.docs_per_second, 50);
  EXPECT_DOUBLE_EQ(r.mb_per_second, 100 * 1000 / 1e6 / 2);
  EXPECT_DOUBLE_EQ(r.max_ms, 500);
  EXPECT_LE(r.p50_ms, r.p95_ms);
  EXPECT_LE(r.p95_ms, r.p99_ms);
  EXPECT_DOUBLE_EQ(r.p99_ms, 99);
}

TEST(FormatLoad, JsonCarriesEveryFigure) {
  LoadRecorder a;
  a.Record(absl::Milliseconds(2), 16384, 0);
  const LoadReport r = Summarize({&a}, absl::Seconds(1));
  const auto json = nlohmann::json::parse(FormatLoadJson(r));
  EXPECT_EQ(json["ok"], 1);
  EXPECT_DOUBLE_EQ(json["p99_ms"].get<double>(), 2);
  EXPECT_NE(FormatLoadText(r).find("p99 2.00"), std::string::npos);
}

}  // namespace
}  // namespace reportfacts::cli
