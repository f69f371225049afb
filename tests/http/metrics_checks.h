// gtest checks on a parsed /metrics page.
#ifndef REPORTFACTS_TESTS_HTTP_METRICS_CHECKS_H_
#define REPORTFACTS_TESTS_HTTP_METRICS_CHECKS_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tests/http/prometheus_text.h"

namespace reportfacts::testing {

// ExpectHistogram checks the latency histogram of the series matching
// `labels`: buckets cumulative (non-decreasing as le grows), a +Inf bucket
// equal to _count, and _count equal to `expected_count`.
inline void ExpectHistogram(const ExpositionPage& page,
                            const std::map<std::string, std::string>& labels,
                            uint64_t expected_count) {
  const std::string name = "reportfacts_request_duration_seconds";
  std::vector<std::pair<double, double>> buckets;  // (le, count)
  for (const Sample& sample : page.Select(name + "_bucket", labels)) {
    const std::string& le = sample.labels.at("le");
    buckets.emplace_back(le == "+Inf" ? HUGE_VAL : std::stod(le), sample.value);
  }
  ASSERT_FALSE(buckets.empty()) << "no histogram for these labels";
  std::sort(buckets.begin(), buckets.end());
  for (size_t i = 1; i < buckets.size(); ++i) {
    EXPECT_NE(buckets[i - 1].first, buckets[i].first) << "le repeated";
    EXPECT_LE(buckets[i - 1].second, buckets[i].second)
        << "bucket le=" << buckets[i].first << " is not cumulative";
  }
  ASSERT_TRUE(std::isinf(buckets.back().first)) << "no +Inf bucket";
  const std::optional<double> count = page.Find(name + "_count", labels);
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(*count, buckets.back().second);
  EXPECT_EQ(*count, static_cast<double>(expected_count));
  const std::optional<double> sum = page.Find(name + "_sum", labels);
  ASSERT_TRUE(sum.has_value());
  EXPECT_GE(*sum, 0);
}

}  // namespace reportfacts::testing

#endif  // REPORTFACTS_TESTS_HTTP_METRICS_CHECKS_H_
