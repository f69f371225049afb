// Internals of the phrase module (phrase.h), shared by its files:
//   phrase_clause.cc   the clause as words: cut, word classes, noun
//                      phrases and the verbs around them
//   phrase_rules.cc    the named clause rules and the frames (其中, 在…中)
//   phrase_lexical.cc  the lexical reading over the genre's word lists
//   phrase.cc          the two readings combined, the object's last trims
//   phrase_lists.cc    lists read across a number run (分别为…)
// Not for use outside the module.
//
//   Clause c = ...;  // Tokens() before and after the number
//   size_t b = PhraseStart(c, c.tail);
//   std::u32string object = ObjectText(c, c.left, b, c.tail);
#ifndef REPORTFACTS_SERVICE_CORE_PHRASE_INTERNAL_H_
#define REPORTFACTS_SERVICE_CORE_PHRASE_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "service/core/chars.h"
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

// Small predicates, inline: the rules ask them for every word.
// BreaksAt says whether text[i] ends a clause. A line break between two
// Chinese characters is a column break of the page layout, not the end of
// a clause.
// (The line break's case, rare, is out of line: the test of one
// character stays small enough to inline in every scan.)
bool LineBreakEndsClause(std::u32string_view text, size_t i);
inline bool BreaksAt(std::u32string_view text, size_t i) {
  const char32_t c = text[i];
  if (!IsLineBreak(c)) return IsClauseBreak(c);
  return LineBreakEndsClause(text, i);
}
// ClauseEndAfter: where the clause that goes on at `from` (a number's
// mention end) ends, at most kMaxRightPhrase characters on.
inline size_t ClauseEndAfter(std::u32string_view text, size_t from) {
  const size_t ceiling = std::min(text.size(), from + kMaxRightPhrase);
  size_t end = from;
  while (end < ceiling && !BreaksAt(text, end)) ++end;
  return end;
}
// TextBetween: the words between mention k - 1 and mention k (k > 0), or
// nothing where the two overlap.
inline std::u32string_view TextBetween(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    size_t k) {
  const size_t from = mentions[k - 1].mention_end;
  const size_t to = mentions[k].qualifier_begin;
  return to > from ? text.substr(from, to - from) : std::u32string_view();
}
// EndsSentence: 。！？； and a line break end the sentence a metric is
// reported with.
inline bool EndsSentence(char32_t c) {
  return IsSentenceEnd(c) || IsLineBreak(c);
}
// SentenceEndFrom is the first i in [from, to) where EndsSentence(text[i]),
// or `to`; SentenceStartBefore moves `from` back while the character
// before it ends no sentence, down to `floor`.
size_t SentenceEndFrom(std::u32string_view text, size_t from, size_t to);
size_t SentenceStartBefore(std::u32string_view text, size_t from, size_t floor);
// IsSentenceBreak: the lexical reading's sentence ends, 。！？；, their
// ASCII forms and '\n' (EndsSentence less ｡ and the rarer line breaks).
inline bool IsSentenceBreak(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return false;  // (most of a text)
  switch (c) {
    case U'。':
    case U'！':
    case U'!':
    case U'？':
    case U'?':
    case U'；':
    case U';':
    case U'\n':
      return true;
    default:
      return false;
  }
}
// A character that ends a sentence for the rules only: where no scan of
// the rules stops at one, both readings cut the same sentences.
inline bool EndsSentenceForRulesOnly(char32_t c) {
  return EndsSentence(c) && !IsSentenceBreak(c);
}

inline std::u32string_view View(std::u32string_view text, const Word& w) {
  return text.substr(w.begin, w.size());
}

// SameChars says whether a[0, n) == b[0, n). The differences are or-ed
// together, not tested one by one: a word's few characters cost no
// branch each (std::char_traits compares with two a character, and where
// the first differing one falls is what a branch predictor cannot guess).
inline bool SameChars(const char32_t* a, const char32_t* b, size_t n) {
  char32_t differ = 0;
  for (size_t i = 0; i < n; ++i) differ |= a[i] ^ b[i];
  return differ == 0;
}
inline bool Same(std::u32string_view a, std::u32string_view b) {
  return a.size() == b.size() && SameChars(a.data(), b.data(), a.size());
}

// Words the rules ask about by their text, not their class: grammar words
// of the language, not of the genre.
inline bool IsOneOf(std::u32string_view w,
                    std::initializer_list<std::u32string_view> list) {
  // (Length and first character before the rest: they tell most apart.)
  for (const std::u32string_view x : list) {
    if (x.size() == w.size() && (w.empty() || x[0] == w[0]) &&
        SameChars(x.data(), w.data(), w.size())) {
      return true;
    }
  }
  return false;
}

inline bool EndsWith(std::u32string_view s, std::u32string_view tail) {
  return s.size() >= tail.size() &&
         SameChars(s.data() + (s.size() - tail.size()), tail.data(),
                   tail.size());
}

// FirstCharMask has a bit per character of `chars`, by its low six bits;
// MayOpen tests c against it: a clear bit rules c out with no search (and
// no branch), a set one leaves the exact test to the word list.
constexpr uint64_t FirstCharMask(std::u32string_view chars) {
  uint64_t mask = 0;
  for (const char32_t c : chars) mask |= uint64_t{1} << (c & 63);
  return mask;
}
inline bool MayOpen(uint64_t mask, char32_t c) {
  return (mask >> (c & 63)) & 1;
}
// StartsWithPair is StartsWith(s, first + second) without making the
// string.
inline bool StartsWithPair(std::u32string_view s, std::u32string_view first,
                           std::u32string_view second) {
  return s.size() >= first.size() + second.size() &&
         s.compare(0, first.size(), first) == 0 &&
         s.compare(first.size(), second.size(), second) == 0;
}

// EndsWithPair is EndsWith(s, first + second) without making the string.
inline bool EndsWithPair(std::u32string_view s, std::u32string_view first,
                         std::u32string_view second) {
  return s.size() >= first.size() + second.size() && EndsWith(s, second) &&
         EndsWith(s.substr(0, s.size() - second.size()), first);
}

// A copula or light verb between a topic and its number (满意率达98%, 共有
// 会员20名), or a link of conversion (折合人民币20万元), says nothing of
// what is counted.
inline bool IsCopula(std::u32string_view w) {
  // (Asked of every word: the first character rules out most of them.)
  constexpr uint64_t kFirsts =
      FirstCharMask(U"有是为為达達计約约共超逾近了可折");
  if (w.empty() || w.size() > 2 || !MayOpen(kFirsts, w[0])) return false;
  return IsOneOf(w, {U"有", U"是", U"为",   U"為",   U"达",   U"達",   U"计",
                     U"約", U"约", U"共有", U"达到", U"達到", U"超过", U"超",
                     U"逾", U"近", U"了",   U"可达", U"折合", U"折算"});
}

// A causative (让, 使) or a verb used as a preposition (围绕, 通过)
// governs a clause, not the count.
inline bool IsNonAction(std::u32string_view w) {
  // (Asked of every verb: the first character rules out most of them.)
  constexpr uint64_t kFirsts = FirstCharMask(U"让使令围通按根");
  if (w.empty() || w.size() > 2 || !MayOpen(kFirsts, w[0])) return false;
  return IsOneOf(w, {U"让", U"使", U"令", U"围绕", U"通过", U"按照", U"根据"});
}
// A verb that introduces a topic (涉及经济方面, 围绕A、B) says what the
// thing counted is about, not what is done to it.
inline bool IsTopicVerb(std::u32string_view w) {
  // (The first character rules out most words before any comparison.)
  constexpr uint64_t kFirsts = FirstCharMask(U"涉关围聚针");
  return w.size() >= 2 && w.size() <= 3 && MayOpen(kFirsts, w[0]) &&
         IsOneOf(w, {U"涉及", U"涉及到", U"关于", U"围绕", U"聚焦", U"针对"});
}
// A light verb takes an action as its object (作出批示, 进行督办): the
// action it carries is the count's.
inline bool IsLightVerb(std::u32string_view w) {
  constexpr uint64_t kFirsts = FirstCharMask(U"作做进给予加");
  if (w.size() != 2 || !MayOpen(kFirsts, w[0])) return false;
  return IsOneOf(w, {U"作出", U"做出", U"进行", U"给予", U"予以", U"加以"});
}
// A verb of holding takes an event as its object (举行…学习4场): with a
// measure of events, what stands between it and the number is the event.
inline bool IsHoldingVerb(std::u32string_view w) {
  constexpr uint64_t kFirsts = FirstCharMask(U"举开组召主承");
  if ((w.size() != 2 && w.size() != 4) || !MayOpen(kFirsts, w[0])) {
    return false;
  }
  return IsOneOf(w, {U"举行", U"举办", U"开展", U"组织", U"召开", U"组织开展",
                     U"开设", U"主办", U"承办"});
}
inline bool IsEventMeasure(std::u32string_view unit) {
  constexpr uint64_t kFirsts = FirstCharMask(U"次场期轮批届堂课遍");
  if (unit.empty() || unit.size() > 2 || !MayOpen(kFirsts, unit[0])) {
    return false;
  }
  return IsOneOf(unit, {U"次", U"场", U"场次", U"期", U"轮", U"批", U"批次",
                        U"届", U"堂", U"课", U"遍"});
}
// A measure of how often a deed is done, not of events held (场, 期).
inline bool IsMeasureOfTimes(std::u32string_view unit) {
  return IsOneOf(unit, {U"次", U"回", U"趟"});
}
// A measure of written pieces (条, 篇, 期, 份, 则, 件): a part of a set
// of texts may be counted in another of them than its set (编报信息90期，
// 其中被采用12篇).
inline bool IsTextMeasure(std::u32string_view unit) {
  return unit.size() == 1 && IsOneOf(unit, {U"条", U"篇", U"期", U"份", U"则",
                                            U"件", U"條", U"則"});
}
// One measure, or two measures of written pieces.
inline bool CountsAlike(std::u32string_view a, std::u32string_view b) {
  return a == b || (IsTextMeasure(a) && IsTextMeasure(b));
}
// A verb of receiving (获, 得到, 受到) or a passive mark (被, 经, 由) before
// who acts and what they did (获市委领导批示, 被市政府采纳): the count's
// action is the deed, and who acts is no object (GUIDE §2 drops agents).
inline bool OpensReceivingWord(char32_t c) {
  return c == U'获' || c == U'獲' || c == U'得' || c == U'受' || c == U'被' ||
         c == U'经' || c == U'經' || c == U'由';
}
inline bool IsReceivingWord(std::u32string_view w) {
  return !w.empty() && w.size() <= 2 && OpensReceivingWord(w[0]) &&
         IsOneOf(w, {U"获", U"獲", U"获得", U"獲得", U"得到", U"受到", U"被",
                     U"经", U"經", U"由"});
}
// 类 after a noun makes a kind of what follows (民生类提案).
inline bool IsKindMark(std::u32string_view w) {
  return w == U"类" || w == U"類";
}
// List joiners between nouns: A、B / A和B / A及B / A与B.
inline bool IsJoiner(std::u32string_view w) {
  constexpr uint64_t kFirsts = FirstCharMask(U"、和及与以或");
  if (w.empty() || w.size() > 2 || !MayOpen(kFirsts, w[0])) return false;
  return IsOneOf(w, {U"、", U"和", U"及", U"与", U"以及", U"或"});
}

// Nounish words make up an object: nouns, verbal nouns, kind words, and
// runs the dictionary does not know (names, new words).
inline bool IsNounish(Pos p) {
  return p == Pos::kNoun || p == Pos::kVerbalNoun || p == Pos::kDistinguisher ||
         p == Pos::kUnknown || p == Pos::kLatin || p == Pos::kPlaceName ||
         p == Pos::kAgent || p == Pos::kTime || p == Pos::kPersonName;
}

// Droppable words may stand at the front of an object but are not part of
// it: when, how many, where and who (年度, 全市, 市政协).
inline bool IsDroppable(Pos p) {
  return p == Pos::kTime || p == Pos::kAgent || p == Pos::kPlaceName ||
         p == Pos::kNumeral || p == Pos::kMeasure || p == Pos::kPersonName;
}

// EndsPeriodAt: a frame (其中, 在…中) reaches to the end of its period:
// over semicolons, which separate the items of one enumeration, but not
// over a full stop or a paragraph (a line break that only wraps a line of
// PDF text goes on, SentenceEndsAt). A line break after a colon opens the
// list the colon announces (其中：\n…), and one after a semicolon goes on
// to its next item, instead of ending the period.
bool LineBreakEndsPeriod(std::u32string_view text, size_t i);
inline bool EndsPeriodAt(std::u32string_view text, size_t i) {
  const char32_t c = text[i];
  if (IsLineBreak(c)) return LineBreakEndsPeriod(text, i);
  return IsSentenceEnd(c) && c != U'；' && c != U';';
}
bool IsPercent(std::u32string_view unit);
// A measure of people (人, 人次, 名), and a noun naming people (委员, 群众).
bool IsPeopleMeasure(std::u32string_view unit);
bool IsPersonNoun(std::u32string_view w);

// Tokens cuts text[begin, end) into words, quoted and bracketed spans
// merged into single nouns and pronunciation glosses joined, into
// `words` (cleared first: a caller reuses one buffer for every clause).
void Tokens(std::u32string_view text, size_t begin, size_t end,
            const Dictionary& dict, std::vector<Word>* words);

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
  // The index of the first word 方面 in left (left.size() for none), or
  // npos where it was not looked for: PhraseStart asks it of every phrase.
  size_t first_topic = std::u32string_view::npos;

  std::u32string_view LeftWord(size_t i) const { return View(text, left[i]); }
};

// Noun phrases and verbs of a clause.
std::u32string ObjectText(const Clause& c, const std::vector<Word>& words,
                          size_t b, size_t e);
size_t PhraseStart(const Clause& c, size_t end);
bool IsActionVerb(const Clause& c, size_t i);
// TakesPartOrHolds: a verb of holding an activity or taking part in it
// (参加, 开展).
bool TakesPartOrHolds(std::u32string_view w);
// VerbMayQualify: a head noun that a verb before it may qualify (整改 + 建议,
// 帮扶 + 资金, 培训 + 活动, 督办 + 协商会), where PhraseStart reads the verb
// into it.
bool VerbMayQualify(std::u32string_view head);
// ComparisonLength: the length of the comparison that opens o (同比, 较上年,
// 比去年同期), 0 for none.
size_t ComparisonLength(std::u32string_view o);
// TrailingComparisonLength: the length of a comparison that ends o
// (增加值 + 同比, 收入 + 比上年), 0 for none.
size_t TrailingComparisonLength(std::u32string_view o);
std::u32string VerbChain(const Clause& c, size_t i, size_t limit);
inline std::u32string VerbChain(const Clause& c, size_t i) {
  return VerbChain(c, i, c.tail);
}
std::u32string FirstAction(const Clause& c);
std::u32string ActionBefore(const Clause& c, size_t end);
std::u32string ActionAfter(const Clause& c);
std::u32string RightObject(const Clause& c);
// DeedAfterReceiving: words[i] is a receiving word; returns the index of
// the verb after who acts (获 + 市委、市政府领导 + 批示), passing over a light
// verb (获主任作出批复), or words.size() where no deed ends the phrase.
size_t DeedAfterReceiving(std::u32string_view text,
                          const std::vector<Word>& words, size_t i);

// Reading is what one rule reads from a clause.
struct Reading {
  std::u32string object;
  std::u32string action;
  Frame frame = Frame::kCount;
  bool used_right = false;
  bool needs_object = false;  // a verb with no object: try carrying over
  bool share_base = false;    // a share of what follows 占 (占总数的20%)
  std::u32string theme;       // see MetricPhrase::theme
  const char* rule = "";
};

// The two readings, one MetricPhrase per mention. Each reports every
// number's sentence, the rules ending one at EndsSentence and the lexical
// reading at IsSentenceBreak, by the same scans: ReadByRules sets
// *same_sentences (if given) when none of its scans stopped at a
// character only it ends a sentence at, and then ReadLexically, given
// its result, takes the sentences from it instead of scanning again.
std::vector<MetricPhrase> ReadByRules(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon, bool* same_sentences = nullptr);
std::vector<MetricPhrase> ReadLexically(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon,
    const std::vector<MetricPhrase>* same_sentences = nullptr);

// RespectivelyNamesEachState: states listed before 分别为 (满意、基本满意和
// 理解的分别为N件、M件和K件) are, in order, each count's state: its action,
// or the object of a share (分别占…%).
void RespectivelyNamesEachState(std::u32string_view text,
                                const std::vector<NumberMention>& mentions,
                                const Dictionary& dict,
                                std::vector<MetricPhrase>* out);

// ShareSideBySide: two numbers side by side (6类30项) share their object
// and action.
void ShareSideBySide(const std::vector<NumberMention>& mentions,
                     std::vector<MetricPhrase>* phrases);

// DropPinyinGlosses removes pronunciation glosses (提(ti)案 -> 提案).
void DropPinyinGlosses(std::u32string* s);

// ModifierCutsWord says whether a modifier of `mod` characters opening the
// phrase is only the first part of the phrase's first word (新 of 新型, 多
// of 多媒体, 各 of 各界), which the phrase needs whole: a modifier is
// dropped only as a word of its own.
bool ModifierCutsWord(std::u32string_view phrase, size_t mod,
                      const Dictionary& dict);

}  // namespace phrase_internal
}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_PHRASE_INTERNAL_H_
