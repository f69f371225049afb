#include "service/core/taxonomy.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "service/core/lexicon.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// ParseWordList reads "a|b|c", "*" (anything) or "-" (must be empty).
std::vector<std::u32string> ParseWordList(const std::string& field,
                                          bool* must_be_empty) {
  std::vector<std::u32string> words;
  *must_be_empty = field == "-";
  if (field.empty() || field == "*" || field == "-") return words;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    if (bar == std::string::npos) bar = field.size();
    if (bar > start)
      words.push_back(DecodeUtf8(field.substr(start, bar - start)));
    start = bar + 1;
  }
  return words;
}

bool ContainsAny(std::u32string_view text,
                 const std::vector<std::u32string>& words) {
  if (words.empty()) return true;
  for (const auto& w : words) {
    if (text.find(w) != std::u32string_view::npos) return true;
  }
  return false;
}

bool EqualsAny(std::u32string_view text,
               const std::vector<std::u32string>& words) {
  if (words.empty()) return true;
  for (const auto& w : words) {
    if (text == w) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<Taxonomy> Taxonomy::Load(const std::string& path) {
  auto lines = ReadDataLines(path);
  if (!lines.ok()) return lines.status();
  Taxonomy taxonomy;
  absl::flat_hash_set<std::string> ids;
  for (const DataLine& line : *lines) {
    const auto& f = line.fields;
    if (f[0] == "indicator") {
      if (f.size() != 3 || f[1].empty()) {
        return DataLineError(path, line.line_number,
                             "expected indicator<TAB><id><TAB><description>");
      }
      if (!ids.insert(f[1]).second) {
        return DataLineError(path, line.line_number,
                             absl::StrCat("indicator '", f[1], "' twice"));
      }
      taxonomy.indicators_.push_back({f[1], f[2]});
    } else if (f[0] == "rule") {
      if (f.size() != 5) {
        return DataLineError(
            path, line.line_number,
            "expected rule<TAB><id><TAB><object words><TAB><action "
            "words><TAB><units>");
      }
      if (!ids.contains(f[1])) {
        return DataLineError(
            path, line.line_number,
            absl::StrCat("rule names indicator '", f[1],
                         "' that no earlier indicator line declares"));
      }
      IndicatorRule rule;
      rule.indicator = f[1];
      rule.object_words = ParseWordList(f[2], &rule.object_must_be_empty);
      rule.action_words = ParseWordList(f[3], &rule.action_must_be_empty);
      bool unused;
      rule.units = ParseWordList(f[4], &unused);
      rule.line_number = line.line_number;
      taxonomy.rules_.push_back(std::move(rule));
    } else {
      return DataLineError(path, line.line_number,
                           "a line starts with 'indicator' or 'rule'");
    }
  }
  if (taxonomy.indicators_.empty()) {
    return DataLineError(path, 0, "no indicators");
  }
  if (!ids.contains("other")) {
    taxonomy.indicators_.push_back({"other", "anything else"});
  }
  return taxonomy;
}

const std::string& Taxonomy::Classify(std::u32string_view object,
                                      std::u32string_view action,
                                      std::u32string_view unit) const {
  for (const IndicatorRule& rule : rules_) {
    if (rule.object_must_be_empty && !object.empty()) continue;
    if (rule.action_must_be_empty && !action.empty()) continue;
    // Cheapest test first: most rules fail on the unit.
    if (!EqualsAny(unit, rule.units)) continue;
    if (!ContainsAny(action, rule.action_words)) continue;
    if (!ContainsAny(object, rule.object_words)) continue;
    return rule.indicator;
  }
  return other_;
}

}  // namespace reportfacts
