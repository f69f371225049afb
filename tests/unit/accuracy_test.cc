// Accuracy on the hand-labelled sample corpus, with floors that only go up.
// The corpus and gold files live in ../shared (never copied into the repo).
#include <cstdio>
#include <filesystem>
#include <memory>

#include "client/eval/evaluation.h"
#include "gtest/gtest.h"
#include "service/core/extractor.h"

namespace reportfacts {
namespace {

class AccuracyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string shared = REPORTFACTS_SHARED_DIR;
    if (!std::filesystem::exists(shared + "/gold/metrics.jsonl")) return;
    auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    auto report =
        eval::Evaluate(shared + "/corpus", shared + "/gold",
                       [&](const std::string&, const std::string& text) {
                         return (*extractor)->Extract(text, {});
                       });
    ASSERT_TRUE(report.ok()) << report.status();
    report_ = new eval::EvalReport(*std::move(report));
    std::printf("%s", eval::FormatTable(*report_).c_str());
    if (std::getenv("REPORTFACTS_EVAL_VERBOSE")) {
      for (const auto& e : report_->errors) std::printf("%s\n", e.c_str());
    }
  }
  static void TearDownTestSuite() { delete report_; }
  void SetUp() override {
    if (report_ == nullptr) GTEST_SKIP() << "no ../shared gold files";
  }
  static double Field(const char* name) {
    return report_->overall.metric_fields.at(name).Rate();
  }
  static eval::EvalReport* report_;
};
eval::EvalReport* AccuracyTest::report_ = nullptr;

TEST_F(AccuracyTest, MetricSpans) {
  EXPECT_GE(report_->overall.metrics.F1(), 0.98);
}

TEST_F(AccuracyTest, MetricValueUnitQualifier) {
  EXPECT_GE(Field("value"), 0.98);
  EXPECT_GE(Field("unit"), 0.98);
  EXPECT_GE(Field("qualifier"), 0.98);
}

TEST_F(AccuracyTest, MetricIndicatorObjectAction) {
  EXPECT_GE(Field("indicator"), 0.90);
  EXPECT_GE(Field("object"), 0.85);
  EXPECT_GE(Field("action"), 0.80);
}

TEST_F(AccuracyTest, ReportFields) {
  EXPECT_GE(report_->overall.report_fields.Rate(), 0.95);
}

TEST_F(AccuracyTest, Dates) {
  EXPECT_GE(report_->overall.dates.F1(), 0.95);
  EXPECT_GE(report_->overall.date_bounds.Rate(), 0.95);
}

TEST_F(AccuracyTest, People) { EXPECT_GE(report_->overall.people.F1(), 0.90); }

}  // namespace
}  // namespace reportfacts
