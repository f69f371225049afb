// The indicator taxonomy: which canonical indicator a metric measures.
//
// Loaded from a data file (taxonomy.tsv) so that an analyst can add an
// indicator or a trigger word without recompiling. Rules are tried in file
// order and the first that matches wins; a metric no rule matches is
// "other". A rule may name the frame it applies to (a count, a share, a
// rate; see phrase.h), so that 占…% and …率 are told apart from counts by
// the clause's structure. There is no limit on rules or words. Immutable
// after loading; safe for concurrent use.
#ifndef REPORTFACTS_SERVICE_CORE_TAXONOMY_H_
#define REPORTFACTS_SERVICE_CORE_TAXONOMY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "service/core/keyword_index.h"
#include "service/core/phrase.h"

namespace reportfacts {

// IndicatorRule matches a metric by words in its object, its action and its
// canonical unit. An empty list matches anything; "-" alone in a list
// requires the field to be empty.
struct IndicatorRule {
  std::string indicator;
  std::vector<std::u32string> object_words;  // object contains any
  std::vector<std::u32string> action_words;  // action contains any
  std::vector<std::u32string> units;         // unit equals any
  bool object_must_be_empty = false;
  bool action_must_be_empty = false;
  std::vector<Frame> frames;  // the frames it applies to; empty: any

  int line_number = 0;
};

struct Indicator {
  std::string id;
  std::string description;
};

class Taxonomy {
 public:
  // Load reads the file; errors name file:line.
  static absl::StatusOr<Taxonomy> Load(const std::string& path);

  // Classify returns the indicator id for a metric, or "other". Where
  // `by_rule` is given it tells whether a rule decided ("other" by a rule
  // that names it) or none matched ("other" by default).
  const std::string& Classify(std::u32string_view object,
                              std::u32string_view action,
                              std::u32string_view unit,
                              Frame frame = Frame::kCount,
                              bool* by_rule = nullptr) const;

  const std::vector<Indicator>& indicators() const { return indicators_; }
  const std::vector<IndicatorRule>& rules() const { return rules_; }

 private:
  std::vector<Indicator> indicators_;
  std::vector<IndicatorRule> rules_;
  // The rules as sets of rule numbers (KeywordIndex::Bits, one bit per
  // rule, file order), so that Classify intersects three sets and takes
  // the first rule left. For the object, the action and the unit: the rules
  // naming each word (by its id in keywords_ or units_), the rules taking
  // anything ("*") and, for object and action, the rules requiring it to
  // be empty ("-").
  struct FieldRules {
    std::vector<KeywordIndex::Bits> by_word;
    KeywordIndex::Bits any{};
    KeywordIndex::Bits only_empty{};
  };
  FieldRules object_rules_;
  FieldRules action_rules_;
  FieldRules unit_rules_;
  FieldRules frame_rules_;  // by_word indexed by Frame
  // The same sets as single words where there are at most 64 rules (the
  // genre's file has about sixty): Classify then intersects integers, with
  // none of the variable-size sets' bookkeeping. Empty where there are
  // more rules (small_ false).
  struct FieldMasks {
    std::vector<uint64_t> by_word;
    uint64_t any = 0;
    uint64_t only_empty = 0;
  };
  static FieldMasks MasksOf(const FieldRules& rules);
  // ClassifySmall is Classify with the masks.
  int ClassifySmall(std::u32string_view object, std::u32string_view action,
                    std::u32string_view unit, Frame frame) const;
  bool small_ = false;
  FieldMasks object_masks_;
  FieldMasks action_masks_;
  FieldMasks unit_masks_;
  FieldMasks frame_masks_;
  KeywordIndex keywords_;  // object and action words
  KeywordIndex units_;     // units, matched whole
  std::string other_ = "other";
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_TAXONOMY_H_
