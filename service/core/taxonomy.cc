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
      if (f.size() != 5 && f.size() != 6) {
        return DataLineError(
            path, line.line_number,
            "expected rule<TAB><id><TAB><object words><TAB><action "
            "words><TAB><units>[<TAB><frames>]");
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
      if (f.size() == 6 && f[5] != "*" && !f[5].empty()) {
        bool unused_empty;
        for (const std::u32string& name : ParseWordList(f[5], &unused_empty)) {
          if (name == U"count") {
            rule.frames.push_back(Frame::kCount);
          } else if (name == U"share") {
            rule.frames.push_back(Frame::kShare);
          } else if (name == U"rate") {
            rule.frames.push_back(Frame::kRate);
          } else {
            return DataLineError(
                path, line.line_number,
                absl::StrCat("unknown frame '", EncodeUtf8(name),
                             "' (count, share, rate or *)"));
          }
        }
      }
      const int number = static_cast<int>(taxonomy.rules_.size());
      // Files the rule under each of its words, or under "any"/"empty".
      const auto file = [number](const std::vector<std::u32string>& words,
                                 bool must_be_empty, KeywordIndex& index,
                                 FieldRules& rules) {
        if (words.empty()) {
          KeywordIndex::Set(number,
                            must_be_empty ? &rules.only_empty : &rules.any);
          return true;
        }
        for (const std::u32string& w : words) {
          const int id = index.Add(w);
          if (rules.by_word.size() <= static_cast<size_t>(id)) {
            rules.by_word.resize(static_cast<size_t>(id) + 1);
          }
          KeywordIndex::Set(number, &rules.by_word[static_cast<size_t>(id)]);
        }
        return true;
      };
      file(rule.object_words, rule.object_must_be_empty, taxonomy.keywords_,
           taxonomy.object_rules_);
      file(rule.action_words, rule.action_must_be_empty, taxonomy.keywords_,
           taxonomy.action_rules_);
      file(rule.units, false, taxonomy.units_, taxonomy.unit_rules_);
      FieldRules& frames = taxonomy.frame_rules_;
      if (rule.frames.empty()) {
        KeywordIndex::Set(number, &frames.any);
      }
      for (const Frame frame : rule.frames) {
        const size_t id = static_cast<size_t>(frame);
        if (frames.by_word.size() <= id) frames.by_word.resize(id + 1);
        KeywordIndex::Set(number, &frames.by_word[id]);
      }
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
  if (taxonomy.rules_.size() <= 64) {
    taxonomy.small_ = true;
    taxonomy.object_masks_ = MasksOf(taxonomy.object_rules_);
    taxonomy.action_masks_ = MasksOf(taxonomy.action_rules_);
    taxonomy.unit_masks_ = MasksOf(taxonomy.unit_rules_);
    taxonomy.frame_masks_ = MasksOf(taxonomy.frame_rules_);
  }
  return taxonomy;
}

Taxonomy::FieldMasks Taxonomy::MasksOf(const FieldRules& rules) {
  // Every rule number is below 64: a set is its first word, or none.
  const auto word = [](const KeywordIndex::Bits& bits) {
    return bits.empty() ? uint64_t{0} : bits[0];
  };
  FieldMasks masks;
  masks.any = word(rules.any);
  masks.only_empty = word(rules.only_empty);
  masks.by_word.reserve(rules.by_word.size());
  for (const KeywordIndex::Bits& bits : rules.by_word) {
    masks.by_word.push_back(word(bits));
  }
  return masks;
}

int Taxonomy::ClassifySmall(std::u32string_view object,
                            std::u32string_view action,
                            std::u32string_view unit, Frame frame) const {
  const auto allowed = [this](std::u32string_view text,
                              const FieldMasks& rules) {
    if (text.empty()) return rules.any | rules.only_empty;
    uint64_t ok = rules.any;
    KeywordIndex::ForEach(keywords_.Find(text), [&](int id) {
      if (static_cast<size_t>(id) < rules.by_word.size()) {
        ok |= rules.by_word[static_cast<size_t>(id)];
      }
    });
    return ok;
  };
  uint64_t ok = allowed(object, object_masks_) & allowed(action, action_masks_);
  uint64_t unit_ok = unit_masks_.any;
  if (const int id = units_.IdOf(unit);
      id >= 0 && static_cast<size_t>(id) < unit_masks_.by_word.size()) {
    unit_ok |= unit_masks_.by_word[static_cast<size_t>(id)];
  }
  uint64_t frame_ok = frame_masks_.any;
  if (const size_t id = static_cast<size_t>(frame);
      id < frame_masks_.by_word.size()) {
    frame_ok |= frame_masks_.by_word[id];
  }
  ok &= unit_ok & frame_ok;
  return ok == 0 ? -1 : __builtin_ctzll(ok);
}

namespace {

// IsOtherCurrency: a canonical unit of money other than 元 (units.tsv).
bool IsOtherCurrency(std::u32string_view unit) {
  return (unit.size() >= 2 && unit.back() == U'元') || unit == U"新台币" ||
         unit == U"英镑" || unit == U"卢布";
}

}  // namespace

const std::string& Taxonomy::Classify(std::u32string_view object,
                                      std::u32string_view action,
                                      std::u32string_view unit, Frame frame,
                                      bool* by_rule) const {
  // An amount in another currency (港元, 美元, 英镑) is money as 元 is: the
  // rules naming 元 take it.
  if (IsOtherCurrency(unit)) unit = U"元";
  if (small_) {
    const int first = ClassifySmall(object, action, unit, frame);
    if (by_rule != nullptr) *by_rule = first >= 0;
    return first >= 0 ? rules_[static_cast<size_t>(first)].indicator : other_;
  }
  // The rules each field allows, then the first rule all three allow.
  const auto allowed = [](std::u32string_view text,
                          const KeywordIndex::Bits& found,
                          const FieldRules& rules) {
    KeywordIndex::Bits ok = rules.any;
    if (text.empty()) {
      KeywordIndex::OrInto(rules.only_empty, &ok);
      return ok;
    }
    KeywordIndex::ForEach(found, [&](int id) {
      if (static_cast<size_t>(id) < rules.by_word.size()) {
        KeywordIndex::OrInto(rules.by_word[static_cast<size_t>(id)], &ok);
      }
    });
    return ok;
  };
  KeywordIndex::Bits ok =
      allowed(object, keywords_.Find(object), object_rules_);
  KeywordIndex::AndInto(allowed(action, keywords_.Find(action), action_rules_),
                        &ok);
  // Units match whole: only the rules naming this very unit, or any unit.
  KeywordIndex::Bits unit_ok = unit_rules_.any;
  if (const int id = units_.IdOf(unit);
      id >= 0 && static_cast<size_t>(id) < unit_rules_.by_word.size()) {
    KeywordIndex::OrInto(unit_rules_.by_word[static_cast<size_t>(id)],
                         &unit_ok);
  }
  KeywordIndex::AndInto(unit_ok, &ok);
  KeywordIndex::Bits frame_ok = frame_rules_.any;
  if (const size_t id = static_cast<size_t>(frame);
      id < frame_rules_.by_word.size()) {
    KeywordIndex::OrInto(frame_rules_.by_word[id], &frame_ok);
  }
  KeywordIndex::AndInto(frame_ok, &ok);
  const int first = KeywordIndex::First(ok);
  if (by_rule != nullptr) *by_rule = first >= 0;
  return first >= 0 ? rules_[static_cast<size_t>(first)].indicator : other_;
}

}  // namespace reportfacts
