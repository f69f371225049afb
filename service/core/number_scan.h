// Finds the numbers of a text that are metrics, with their units, values
// and qualifiers, and leaves out dates, anniversaries, ordinals, codes and
// numbers inside quoted names or book titles (../shared/gold/GUIDE.md §2).
#ifndef REPORTFACTS_SERVICE_CORE_NUMBER_SCAN_H_
#define REPORTFACTS_SERVICE_CORE_NUMBER_SCAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "service/core/chars.h"  // IsDigit, which callers used from here
#include "service/core/facts.h"
#include "service/core/lexicon.h"

namespace reportfacts {

// UnitTable holds units, qualifier words and exclusion contexts.
struct UnitTable {
  absl::flat_hash_map<std::u32string, std::u32string, U32Hash, U32Eq>
      canonical;  // unit as written -> canonical unit
  WordSet units;
  absl::flat_hash_map<std::u32string, Qualifier, U32Hash, U32Eq> before;
  WordSet before_words;  // includes blockers such as 签约
  absl::flat_hash_set<std::u32string, U32Hash, U32Eq> blockers;
  absl::flat_hash_map<std::u32string, Qualifier, U32Hash, U32Eq> after;
  WordSet after_words;
  absl::flat_hash_map<char32_t, Qualifier> inner;
};

// LoadUnitTable reads units.tsv and qualifiers.tsv.
absl::StatusOr<UnitTable> LoadUnitTable(const std::string& units_path,
                                        const std::string& qualifiers_path);

// NumberMention is a metric's number before object and action are known.
struct NumberMention {
  size_t begin = 0;  // digits only
  size_t end = 0;
  size_t unit_begin = 0;  // unit_text span (may hold 余/多 and a multiplier)
  size_t unit_end = 0;
  size_t qualifier_begin = 0;  // leftmost character of the mention: the
                               // qualifier before the number, or begin
  size_t mention_end = 0;      // after a qualifier such as 以上, or unit_end
  double value = 0;
  std::u32string unit;
  Qualifier qualifier = Qualifier::kExact;
};

// Exclusion says why a digit run is not a metric.
enum class Exclusion {
  kNone,
  kDate,
  kAnniversary,
  kOrdinal,
  kQuoted,
  kTitle,
  kCode,
  kNoUnit
};

// ScanNumbers returns the metrics' numbers in text order. `text` is the
// whole document as code points.
std::vector<NumberMention> ScanNumbers(std::u32string_view text,
                                       const UnitTable& table);

// ClassifyDigitRun decides whether the run [begin, end) is a metric; when
// it is, fills `mention`. Exposed for tests.
Exclusion ClassifyDigitRun(std::u32string_view text, size_t begin, size_t end,
                           const UnitTable& table, NumberMention* mention);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_NUMBER_SCAN_H_
