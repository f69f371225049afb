// Scores extraction against hand-labelled gold files in the format of
// ../shared/gold/GUIDE.md (reports.jsonl, metrics.jsonl, dates.jsonl,
// people.jsonl), for any corpus folder.
//
//   auto report = eval::Evaluate(corpus_dir, gold_dir, extract_fn);
//   std::cout << eval::FormatTable(*report);
#ifndef REPORTFACTS_CLIENT_EVAL_EVALUATION_H_
#define REPORTFACTS_CLIENT_EVAL_EVALUATION_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "service/core/facts.h"

namespace reportfacts::eval {

// ExtractFn runs extraction on one document (in-process or over gRPC).
using ExtractFn = std::function<absl::StatusOr<Extraction>(
    const std::string& doc_name, const std::string& text)>;

// Counts of one fact type's span matching.
struct MatchCounts {
  int gold = 0;
  int predicted = 0;
  int matched = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

// FieldAccuracy counts, among matched facts, how many had a field right.
struct FieldAccuracy {
  int correct = 0;
  int total = 0;
  double Rate() const { return total == 0 ? 1.0 : double(correct) / total; }
};

// Scores for one document, or for the whole corpus.
struct Scores {
  MatchCounts metrics;
  std::map<std::string, FieldAccuracy> metric_fields;  // value, unit, ...
  FieldAccuracy report_fields;  // every field of every gold report
  std::map<std::string, FieldAccuracy> report_field_detail;
  MatchCounts dates;
  FieldAccuracy date_bounds;  // start and finish both right
  MatchCounts people;         // on (name, role)
};

struct EvalReport {
  Scores overall;
  std::map<std::string, Scores> per_document;
  // Mismatches, one line each, for a person to read ("--verbose").
  std::vector<std::string> errors;
};

// Evaluate runs `extract` on every document that the gold files name and
// scores it. Documents are read from corpus_dir/<doc>.
absl::StatusOr<EvalReport> Evaluate(const std::string& corpus_dir,
                                    const std::string& gold_dir,
                                    const ExtractFn& extract);

// FormatTable renders the scores as a readable table, overall first.
std::string FormatTable(const EvalReport& report);

// FormatJson renders the scores as one JSON object.
std::string FormatJson(const EvalReport& report);

}  // namespace reportfacts::eval

#endif  // REPORTFACTS_CLIENT_EVAL_EVALUATION_H_
