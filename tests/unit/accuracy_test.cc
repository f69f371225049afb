// Accuracy on both hand-labelled development sets, with floors that only go
// up: the sample newspaper pages (../shared/corpus) and the web excerpts
// (../shared/corpus-web). Each set has its own floors, so a change that
// helps one set and hurts the other fails here. The corpora live in
// ../shared (never copied into the repo); a missing corpus is a failure.
//
// REPORTFACTS_EVAL_VERBOSE=1 prints every mismatch.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "client/eval/evaluation.h"
#include "gtest/gtest.h"
#include "service/core/extractor.h"

namespace reportfacts {
namespace {

// Floors is what a development set must reach.
struct Floors {
  double metric_f1;
  double value, unit, qualifier;
  double indicator, object, object_lenient, action;
  double report_fields;
  double date_f1, date_bounds;
  double people_f1;
};

struct DevSet {
  const char* id;  // the test name's suffix
  const char* name;
  const char* corpus;  // under ../shared
  const char* gold;
  Floors floors;
};

// Floors: the figures measured when they were last raised, rounded down.
constexpr DevSet kSets[] = {
    {"Sample",
     "sample pages",
     "corpus",
     "gold",
     {/*metric_f1=*/0.99, /*value=*/0.99, /*unit=*/0.99, /*qualifier=*/0.99,
      /*indicator=*/0.932, /*object=*/0.888, /*object_lenient=*/0.944,
      /*action=*/0.868, /*report_fields=*/0.99, /*date_f1=*/0.99,
      /*date_bounds=*/0.99, /*people_f1=*/0.974}},
    {"Web",
     "web excerpts",
     "corpus-web",
     "gold-web",
     {/*metric_f1=*/0.99, /*value=*/0.99, /*unit=*/0.99, /*qualifier=*/0.99,
      /*indicator=*/0.959, /*object=*/0.85, /*object_lenient=*/0.939,
      /*action=*/0.876, /*report_fields=*/0.975, /*date_f1=*/0.98,
      /*date_bounds=*/0.99, /*people_f1=*/0.969}},
};

class AccuracyTest : public ::testing::TestWithParam<DevSet> {
 protected:
  static void SetUpTestSuite() {
    auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    for (auto& [name, report] : reports_) delete report;
    reports_.clear();
  }

  // Report evaluates the set once and keeps the result for its tests.
  static const eval::EvalReport* Report(const DevSet& set) {
    auto it = reports_.find(set.name);
    if (it != reports_.end()) return it->second;
    const std::string shared = REPORTFACTS_SHARED_DIR;
    auto report =
        eval::Evaluate(shared + "/" + set.corpus, shared + "/" + set.gold,
                       [](const std::string&, const std::string& text) {
                         return extractor_->Extract(text, {});
                       });
    EXPECT_TRUE(report.ok())
        << set.name << ": " << report.status()
        << " (the development sets live in " << shared << ")";
    if (!report.ok()) return reports_[set.name] = nullptr;
    auto* kept = new eval::EvalReport(*std::move(report));
    std::printf("%s: %s", set.name, eval::FormatTable(*kept).c_str());
    if (std::getenv("REPORTFACTS_EVAL_VERBOSE")) {
      for (const auto& e : kept->errors) std::printf("%s\n", e.c_str());
    }
    return reports_[set.name] = kept;
  }

  static double Field(const eval::EvalReport& r, const char* name) {
    auto it = r.overall.metric_fields.find(name);
    return it == r.overall.metric_fields.end() ? 0 : it->second.Rate();
  }

  static Extractor* extractor_;
  static std::map<std::string, eval::EvalReport*> reports_;
};
Extractor* AccuracyTest::extractor_ = nullptr;
std::map<std::string, eval::EvalReport*> AccuracyTest::reports_;

TEST_P(AccuracyTest, MetricSpans) {
  const eval::EvalReport* r = Report(GetParam());
  ASSERT_NE(r, nullptr);
  EXPECT_GE(r->overall.metrics.F1(), GetParam().floors.metric_f1);
}

TEST_P(AccuracyTest, MetricValueUnitQualifier) {
  const eval::EvalReport* r = Report(GetParam());
  ASSERT_NE(r, nullptr);
  const Floors& f = GetParam().floors;
  EXPECT_GE(Field(*r, "value"), f.value);
  EXPECT_GE(Field(*r, "unit"), f.unit);
  EXPECT_GE(Field(*r, "qualifier"), f.qualifier);
}

TEST_P(AccuracyTest, MetricIndicatorObjectAction) {
  const eval::EvalReport* r = Report(GetParam());
  ASSERT_NE(r, nullptr);
  const Floors& f = GetParam().floors;
  EXPECT_GE(Field(*r, "indicator"), f.indicator);
  EXPECT_GE(Field(*r, "object"), f.object);
  EXPECT_GE(Field(*r, "object_lenient"), f.object_lenient);
  EXPECT_GE(Field(*r, "action"), f.action);
}

TEST_P(AccuracyTest, ReportFields) {
  const eval::EvalReport* r = Report(GetParam());
  ASSERT_NE(r, nullptr);
  EXPECT_GE(r->overall.report_fields.Rate(), GetParam().floors.report_fields);
}

TEST_P(AccuracyTest, Dates) {
  const eval::EvalReport* r = Report(GetParam());
  ASSERT_NE(r, nullptr);
  EXPECT_GE(r->overall.dates.F1(), GetParam().floors.date_f1);
  EXPECT_GE(r->overall.date_bounds.Rate(), GetParam().floors.date_bounds);
}

TEST_P(AccuracyTest, People) {
  const eval::EvalReport* r = Report(GetParam());
  ASSERT_NE(r, nullptr);
  EXPECT_GE(r->overall.people.F1(), GetParam().floors.people_f1);
}

INSTANTIATE_TEST_SUITE_P(DevSets, AccuracyTest, ::testing::ValuesIn(kSets),
                         [](const ::testing::TestParamInfo<DevSet>& info) {
                           return std::string(info.param.id);
                         });

}  // namespace
}  // namespace reportfacts
