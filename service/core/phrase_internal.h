// Internals of the phrase module (phrase.h), shared by its files:
//   phrase_clause.cc   the clause as words: cut, word classes, noun
//                      phrases and the verbs around them
//   phrase_rules.cc    the named clause rules and the frames (其中, 在…中)
//   phrase_lexical.cc  the lexical reading over the genre's word lists
//   phrase.cc          the two readings combined, the object's last trims
// Not for use outside the module.
//
//   Clause c = ...;  // Tokens() before and after the number
//   size_t b = PhraseStart(c, c.tail);
//   std::u32string object = ObjectText(c, c.left, b, c.tail);
#ifndef REPORTFACTS_SERVICE_CORE_PHRASE_INTERNAL_H_
#define REPORTFACTS_SERVICE_CORE_PHRASE_INTERNAL_H_

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "service/core/number_scan.h"
#include "service/core/phrase.h"
#include "service/core/segmenter.h"

namespace reportfacts {
namespace phrase_internal {

// How far around a number its clause is read; a clause is rarely longer.
inline constexpr size_t kMaxWindow = 48;
// How many characters after the unit a noun phrase may run.
inline constexpr size_t kMaxRightPhrase = 24;
// How far around a number its sentence is reported.
inline constexpr size_t kMaxSentence = 256;
// How far back a 其中 or 在…中 frame is looked for.
inline constexpr size_t kMaxFrameReach = 160;

// Breaks in the text (phrase_clause.cc says which).
bool BreaksAt(std::u32string_view text, size_t i);
bool EndsSentence(char32_t c);
bool EndsPeriodAt(std::u32string_view text, size_t i);

std::u32string_view View(std::u32string_view text, const Word& w);
bool IsOneOf(std::u32string_view w,
             std::initializer_list<std::u32string_view> list);
bool EndsWith(std::u32string_view s, std::u32string_view tail);

// Grammar words and word classes the rules ask about.
bool IsCopula(std::u32string_view w);
bool IsNonAction(std::u32string_view w);
bool IsLightVerb(std::u32string_view w);
bool IsHoldingVerb(std::u32string_view w);
bool IsEventMeasure(std::u32string_view unit);
bool IsJoiner(std::u32string_view w);
bool IsNounish(Pos p);
bool IsDroppable(Pos p);
bool IsPercent(std::u32string_view unit);

// Tokens cuts text[begin, end) into words, quoted and bracketed spans
// merged into single nouns and pronunciation glosses joined.
std::vector<Word> Tokens(std::u32string_view text, size_t begin, size_t end,
                         const Dictionary& dict);

// Clause is what the rules read for one number.
struct Clause {
  std::u32string_view text;
  const PhraseLexicon* lex = nullptr;
  std::vector<Word> left;      // the words before the number
  size_t tail = 0;             // left[0, tail): without the fillers at the end
  bool list_before = false;    // 等 or a joiner right before the number
  std::vector<Word> right;     // the words after the unit
  size_t right_phrase = 0;     // right[0, right_phrase) is a noun phrase
  bool right_to_next = false;  // that phrase runs into the next number
  std::u32string_view unit;

  std::u32string_view LeftWord(size_t i) const { return View(text, left[i]); }
};

// Noun phrases and verbs of a clause.
std::u32string ObjectText(const Clause& c, const std::vector<Word>& words,
                          size_t b, size_t e);
size_t PhraseStart(const Clause& c, size_t end);
bool IsActionVerb(const Clause& c, size_t i);
std::u32string VerbChain(const Clause& c, size_t i);
std::u32string FirstAction(const Clause& c);
std::u32string ActionBefore(const Clause& c, size_t end);
std::u32string ActionAfter(const Clause& c);
std::u32string RightObject(const Clause& c);

// Reading is what one rule reads from a clause.
struct Reading {
  std::u32string object;
  std::u32string action;
  Frame frame = Frame::kCount;
  bool used_right = false;
  bool needs_object = false;  // a verb with no object: try carrying over
  const char* rule = "";
};

// The two readings, one MetricPhrase per mention.
std::vector<MetricPhrase> ReadByRules(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon);
std::vector<MetricPhrase> ReadLexically(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon);

// ShareSideBySide: two numbers side by side (6类30项) share their object
// and action.
void ShareSideBySide(const std::vector<NumberMention>& mentions,
                     std::vector<MetricPhrase>* phrases);

// DropPinyinGlosses removes pronunciation glosses (提(ti)案 -> 提案).
void DropPinyinGlosses(std::u32string* s);

}  // namespace phrase_internal
}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_PHRASE_INTERNAL_H_
