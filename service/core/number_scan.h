// Finds the numbers of a text that are metrics, with their units, values
// and qualifiers, and leaves out dates, anniversaries, ordinals, codes and
// numbers inside quoted names or book titles (../shared/gold/GUIDE.md §2).
//
//   auto table = LoadUnitTable(dir + "/units.tsv", dir + "/qualifiers.tsv",
//                              dir + "/number_context.tsv");
//   for (const NumberMention& m : ScanNumbers(text, *table)) {
//     // 人民币1,000万元: digits [3, 8), unit_text 万元, 10000000 元
//   }
//
// The digits come from one token pass (number_tokens.h) that the date
// finder shares. Each written notation is one small named rule in
// number_scan.cc: signs, blanks between number and unit, mixed multiplier
// forms (3万4000), SI prefixes that look like multipliers (千米), units
// before the number (百分之22, ￥300), scaled units (9成 -> 90 %). Every word
// list is data: units.tsv, qualifiers.tsv, number_context.tsv.
#ifndef REPORTFACTS_SERVICE_CORE_NUMBER_SCAN_H_
#define REPORTFACTS_SERVICE_CORE_NUMBER_SCAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "service/core/chars.h"
#include "service/core/facts.h"
#include "service/core/lexicon.h"
#include "service/core/number_tokens.h"

namespace reportfacts {

// UnitTable holds the words around numbers, loaded once and read-only: the
// units, the qualifier words, the multipliers, the units written before a
// number and the words that make a number no metric.
struct UnitTable {
  // A unit as written: its canonical form and a power of ten that scales
  // the value into it (成 -> % with 1). `is_unit` is false for a word that
  // merely starts like a unit (成员) and blocks it.
  struct Unit {
    std::u32string canonical;
    int exponent = 0;
    bool is_unit = true;
  };
  using WordMap = absl::flat_hash_map<std::u32string, Unit, U32Hash, U32Eq>;

  WordMap canonical;  // unit as written -> its reading
  WordSet units;
  absl::flat_hash_map<std::u32string, Qualifier, U32Hash, U32Eq> before;
  WordSet before_words;  // includes blockers such as 签约
  absl::flat_hash_set<std::u32string, U32Hash, U32Eq> blockers;
  absl::flat_hash_map<std::u32string, Qualifier, U32Hash, U32Eq> after;
  WordSet after_words;
  absl::flat_hash_map<char32_t, Qualifier> inner;
  CharSet inner_chars;  // the keys of `inner`: a bit test before the map

  // number_context.tsv
  absl::flat_hash_map<std::u32string, int, U32Hash, U32Eq> multiplier_power;
  WordSet multipliers;
  absl::flat_hash_map<std::u32string, std::u32string, U32Hash, U32Eq>
      unit_before_canonical;
  WordSet units_before;
  WordSet anniversary_after;
  WordSet ordinal_before;
  WordSet ordinal_after;
  WordSet code_after;
};

// LoadUnitTable reads units.tsv, qualifiers.tsv and number_context.tsv;
// a bad line is an INVALID_ARGUMENT naming file:line.
absl::StatusOr<UnitTable> LoadUnitTable(const std::string& units_path,
                                        const std::string& qualifiers_path,
                                        const std::string& context_path);

// NumberMention is a metric's number before object and action are known.
struct NumberMention {
  size_t begin = 0;  // digits only: first digit to last (3万4000 is one)
  size_t end = 0;
  size_t unit_begin = 0;  // unit_text span (may hold 余/多 and a multiplier;
  size_t unit_end = 0;    // never the blanks before it)
  size_t qualifier_begin = 0;  // leftmost character of the mention: the
                               // qualifier or unit before the number, the
                               // sign, or begin
  size_t mention_end = 0;      // after a qualifier such as 以上, or unit_end
  double value = 0;            // signed, in the canonical unit
  std::u32string unit;
  Qualifier qualifier = Qualifier::kExact;
  size_t sign_begin = 0;  // the minus sign, or begin
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
  kNoUnit,
  kUnreadable
};

// ScanNumbers returns the metrics' numbers in text order. `text` is the
// whole document as code points.
std::vector<NumberMention> ScanNumbers(std::u32string_view text,
                                       const UnitTable& table);

// ScanNumberTokens is ScanNumbers on tokens already read from `text`.
// `exclusions`, when not null, receives one entry per token: why it is no
// metric, or kNone (also for a token read as the tail of a mixed form).
// `enclosing_marks`, when not null, are the ascending positions of every
// IsEnclosingMark character of `text` (Document::enclosing_marks());
// otherwise the scan finds them.
std::vector<NumberMention> ScanNumberTokens(
    std::u32string_view text, const std::vector<NumberToken>& tokens,
    const UnitTable& table, std::vector<Exclusion>* exclusions = nullptr,
    const std::vector<uint32_t>* enclosing_marks = nullptr);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_NUMBER_SCAN_H_
