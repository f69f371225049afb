// Finds what a metric counts (its object) and the verb it belongs to (its
// action) from the words around the number.
//
// The method is lexical: the genre's verbs and nouns come from data files
// (actions.txt, nouns.txt, modifiers.txt); the clause around the number is
// cut into known verbs, known nouns and other characters, and a few
// positional patterns pick the object and action:
//   verb + noun + number   征集提案811件        -> 提案 / 征集
//   verb + number + noun   提出134条具体建议    -> 建议 / 提出
//   noun + number + verb   4个项目成功签约      -> 项目 / 签约
//   verb + number (ellipsis) 立案597件          -> object of the metric before
#ifndef REPORTFACTS_SERVICE_CORE_PHRASE_H_
#define REPORTFACTS_SERVICE_CORE_PHRASE_H_

#include <string>
#include <string_view>
#include <vector>

#include "service/core/lexicon.h"
#include "service/core/number_scan.h"

namespace reportfacts {

struct PhraseLexicon {
  WordSet actions;
  WordSet nouns;
  WordSet modifiers;
  WordSet agents;  // nouns naming who acts (委员): subjects, not objects
  const WordSet* places = nullptr;  // place names that may open a phrase
};

// MetricPhrase is what AnalysePhrases finds for one number.
struct MetricPhrase {
  std::u32string object;
  std::u32string action;
  size_t sentence_begin = 0;
  size_t sentence_end = 0;
  // End of the words after the number that the object was read from, so
  // that the next number does not read them again.
  size_t phrase_end = 0;
};

// AnalysePhrases returns one MetricPhrase per mention, in the same order.
std::vector<MetricPhrase> AnalysePhrases(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_PHRASE_H_
