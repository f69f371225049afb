// AnalysePhrases: the named rules' reading (phrase_rules.cc) and the
// lexical one (phrase_lexical.cc) combined field by field, then the last
// trims of object and action (glosses, understood objects, measures that
// name the thing). The module's files are listed in phrase_internal.h.
#include "service/core/phrase.h"

#include <algorithm>
#include <cmath>

#include "service/core/chars.h"
#include "service/core/phrase_internal.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace phrase_internal {

// DropPinyinGlosses removes pronunciation glosses in brackets that some
// pages put after a character (提(ti)案 -> 提案).
void DropPinyinGlosses(std::u32string* s) {
  size_t out = 0;
  for (size_t i = 0; i < s->size(); ++i) {
    const char32_t c = (*s)[i];
    if (IsOpenBracket(c)) {
      size_t j = i + 1;
      while (j < s->size() && j - i <= 8 &&
             (((*s)[j] >= U'a' && (*s)[j] <= U'z') || (*s)[j] > 0x7F) &&
             !IsCjk((*s)[j]) && !IsCloseBracket((*s)[j])) {
        ++j;
      }
      if (j > i + 1 && j < s->size() && IsCloseBracket((*s)[j])) {
        i = j;
        continue;
      }
    }
    (*s)[out++] = c;
  }
  s->resize(out);
}

namespace {

// NamesAQuantity says whether a noun phrase names an amount measured (总
// 额, 产量, 产值, 总数, 覆盖率, 收入, 面积, 规模, 人口) rather than who
// or what acts.
bool NamesAQuantity(std::u32string_view phrase) {
  if (phrase.size() < 2) return false;
  switch (phrase.back()) {
    case U'额':
    case U'額':
    case U'量':
    case U'值':
    case U'数':
    case U'數':
    case U'率':
      return true;
    default:
      return EndsWith(phrase, U"收入") || EndsWith(phrase, U"总投资") ||
             EndsWith(phrase, U"總投資") || EndsWith(phrase, U"面积") ||
             EndsWith(phrase, U"面積") || EndsWith(phrase, U"规模") ||
             EndsWith(phrase, U"規模") || EndsWith(phrase, U"人口");
  }
}

// DropLeadingModifiers removes the modifier list's words (全县, 各类)
// from the front of a phrase, as the lexical reading's cleaning does.
void DropLeadingModifiers(const PhraseLexicon& lex, std::u32string* phrase) {
  for (;;) {
    const size_t mod =
        lex.modifiers.LongestStartingAt(*phrase, 0, phrase->size());
    if (mod == 0 || mod >= phrase->size() ||
        ModifierCutsWord(*phrase, mod, *lex.dictionary)) {
      return;
    }
    phrase->erase(0, mod);
  }
}

// FillsGaps: the rules whose reading fills a field the lexical reading
// left empty. Measured rule by rule on both development sets, these raise
// the web set and leave the sample pages as they are.
bool FillsGaps(std::string_view rule) {
  return rule == "list" || rule == "light_verb" || rule == "carry_over" ||
         rule == "set_part" || rule == "state";
}

// ListsKinds says whether the rules' object is the lexical one with a
// list of kinds in front that the head serves (党派、团体提案: proposals
// of parties and of groups): items of one or two nouns or kind words,
// parted by 、.
bool ListsKinds(std::u32string_view longer, std::u32string_view shorter,
                const Dictionary& dict) {
  if (shorter.empty() || longer.size() <= shorter.size() + 2 ||
      longer.substr(longer.size() - shorter.size()) != shorter) {
    return false;
  }
  const std::u32string_view front =
      longer.substr(0, longer.size() - shorter.size());
  if (front.find(U'、') == std::u32string_view::npos || front.back() == U'、' ||
      front.front() == U'、') {
    return false;
  }
  thread_local std::vector<Word> words_buffer;
  size_t item_begin = 0;
  while (item_begin <= front.size()) {
    size_t item_end = front.find(U'、', item_begin);
    if (item_end == std::u32string_view::npos) item_end = front.size();
    if (item_end == item_begin) return false;
    SegmentInto(front, item_begin, item_end, dict, &words_buffer);
    if (words_buffer.empty() || words_buffer.size() > 2) return false;
    for (const Word& w : words_buffer) {
      if (w.pos != Pos::kNoun && w.pos != Pos::kDistinguisher) return false;
    }
    item_begin = item_end + 1;
  }
  return true;
}

// JoinsNounPhrases says whether the rules' object is the lexical one with
// whole noun phrases joined in front by 、 (座谈会议、视察活动: two kinds of
// event counted together): each item ends in a noun of its own, its head,
// so it is a thing counted, not a verb or a kind word before the last.
// A verbal noun heads an item only after a word of its own (视察活动).
bool JoinsNounPhrases(std::u32string_view longer, std::u32string_view shorter,
                      const Dictionary& dict) {
  if (shorter.size() < 2 || longer.size() < shorter.size() + 3 ||
      longer.substr(longer.size() - shorter.size()) != shorter) {
    return false;
  }
  // The lexical object is the last item or its end (民主监督活动 or
  // 监督活动): every item before it is checked, and the last one whole.
  const size_t last_mark = longer.rfind(U'、');
  if (last_mark == std::u32string_view::npos ||
      last_mark >= longer.size() - shorter.size()) {
    return false;
  }
  const std::u32string_view front = longer.substr(0, last_mark);
  const std::u32string_view last_item = longer.substr(last_mark + 1);
  thread_local std::vector<Word> words_buffer;
  const auto ends_in_noun = [&dict](std::u32string_view item) {
    if (item.size() < 2) return false;
    SegmentInto(item, 0, item.size(), dict, &words_buffer);
    if (words_buffer.empty() || words_buffer.back().size() < 2) return false;
    // A verbal noun heads a compound (视察活动), not alone (调研).
    const Pos head = words_buffer.back().pos;
    return head == Pos::kNoun ||
           (head == Pos::kVerbalNoun && words_buffer.size() >= 2);
  };
  if (!ends_in_noun(last_item)) return false;
  size_t item_begin = 0;
  while (item_begin <= front.size()) {
    size_t item_end = front.find(U'、', item_begin);
    if (item_end == std::u32string_view::npos) item_end = front.size();
    if (!ends_in_noun(front.substr(item_begin, item_end - item_begin))) {
      return false;
    }
    item_begin = item_end + 1;
  }
  return true;
}

// AddsKind says whether the rules' object is the lexical one with words in
// front that say which kind: a topic (城乡建设方面 + 来信) or kind words
// (distinguishers). Other words in front (adjectives, places, who) stay
// out, as the lexical reading has them.
bool AddsKind(std::u32string_view longer, std::u32string_view shorter,
              const Dictionary& dict) {
  if (shorter.empty() || longer.size() <= shorter.size() ||
      longer.substr(longer.size() - shorter.size()) != shorter) {
    return false;
  }
  const std::u32string_view front =
      longer.substr(0, longer.size() - shorter.size());
  if (longer.find(U"方面") != std::u32string_view::npos) return true;
  // A compound the dictionary knows as one word is a term of the genre
  // that names a kind (集体来信, 委员来信); other nouns in front (who, where,
  // how good) stay out, as the lexical reading has them.
  // A verb in front makes a verb phrase the dictionary lists as a noun
  // (解决 + 问题), not a kind.
  thread_local std::vector<Word> front_words_buffer;
  SegmentInto(front, 0, front.size(), dict, &front_words_buffer);
  const std::vector<Word>& front_words = front_words_buffer;
  thread_local std::vector<Word> whole_buffer;
  SegmentInto(longer, 0, longer.size(), dict, &whole_buffer);
  const std::vector<Word>& whole = whole_buffer;
  if (whole.size() == 1 && whole[0].pos == Pos::kNoun &&
      std::none_of(front_words.begin(), front_words.end(), [](const Word& w) {
        return w.pos == Pos::kVerb || w.pos == Pos::kVerbalNoun;
      })) {
    return true;
  }
  // 其它/其他 in front is the rest of a breakdown (其它来信): a kind too.
  for (const Word& w : front_words) {
    const std::u32string_view v = front.substr(w.begin, w.size());
    if (w.pos != Pos::kDistinguisher && v != U"其它" && v != U"其他") {
      return false;
    }
  }
  return true;
}

// ParticipantsInFront says whether the lexical object is the rules' event
// with who takes part in front of it (委员和干部 + 学习研讨), or with what
// they did on the way ending in the verb that holds the event (委员深入基层
// 开展 + 视察调研): neither is the event held.
bool ParticipantsInFront(std::u32string_view longer, std::u32string_view event,
                         const Dictionary& dict) {
  if (event.empty() || longer.size() <= event.size() ||
      !EndsWith(longer, event)) {
    return false;
  }
  const std::u32string_view front =
      longer.substr(0, longer.size() - event.size());
  thread_local std::vector<Word> words_buffer;
  SegmentInto(front, 0, front.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  if (words.empty()) return false;
  const std::u32string_view last =
      front.substr(words.back().begin, words.back().size());
  return IsPersonNoun(last) ||
         (words.size() > 1 && words.back().pos == Pos::kVerb &&
          IsHoldingVerb(last));
}

// IsVerbPhraseOnly says whether s is one verb, or a verb with 后 or 前.
bool IsVerbPhraseOnly(std::u32string_view s, const Dictionary& dict) {
  if (s.size() >= 3 &&
      (s.back() == U'后' || s.back() == U'後' || s.back() == U'前')) {
    s.remove_suffix(1);
  }
  return !s.empty() && dict.PosOf(s) == Pos::kVerb;
}

// OnlyDroppable says whether every word of s is a time, place, agent or
// quantity word (年度, 全市, 市政协).
bool OnlyDroppable(std::u32string_view s, const Dictionary& dict) {
  // Most objects are one word of the dictionary: its class decides.
  const Pos whole = dict.PosOf(s);
  if (whole != Pos::kUnknown) return IsDroppable(whole);
  thread_local std::vector<Word> words_buffer;
  SegmentInto(s, 0, s.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  return !words.empty() &&
         std::all_of(words.begin(), words.end(),
                     [](const Word& w) { return IsDroppable(w.pos); });
}

// EndsInHead says whether the rules' object is the lexical one with the
// head it lacks after it: a noun phrase's head is its last noun
// (委员 + 工作室), so nouns that follow are not to be cut off.
bool EndsInHead(std::u32string_view longer, std::u32string_view shorter,
                const Dictionary& dict) {
  if (shorter.empty() || longer.size() <= shorter.size() ||
      longer.substr(0, shorter.size()) != shorter) {
    return false;
  }
  const std::u32string_view rest = longer.substr(shorter.size());
  thread_local std::vector<Word> words_buffer;
  SegmentInto(rest, 0, rest.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  return !words.empty() &&
         std::all_of(words.begin(), words.end(),
                     [](const Word& w) {
                       return w.pos == Pos::kNoun || w.pos == Pos::kUnknown;
                     }) &&
         words.back().pos == Pos::kNoun;
}

// RunsOn says whether the lexical object is the rules' with words after
// it that name nothing (an adverb, a lone character of the next word:
// 站点 + 全(覆盖)).
bool RunsOn(std::u32string_view longer, std::u32string_view shorter,
            const Dictionary& dict) {
  if (shorter.empty() || longer.size() <= shorter.size() ||
      longer.substr(0, shorter.size()) != shorter) {
    return false;
  }
  const std::u32string_view rest = longer.substr(shorter.size());
  if (rest.size() == 1) return true;
  thread_local std::vector<Word> words_buffer;
  SegmentInto(rest, 0, rest.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  // (Not adjectives: the dictionary tags some nouns so, 清单.)
  if (std::all_of(words.begin(), words.end(),
                  [](const Word& w) { return w.pos == Pos::kAdverb; })) {
    return true;
  }
  // A verb phrase after the noun is what it does (部门 + 具体承办, 方面 +
  // 下功夫): a noun phrase does not end in a verb.
  return !words.empty() && words.back().pos == Pos::kVerb &&
         std::all_of(words.begin(), words.end(), [](const Word& w) {
           return w.pos == Pos::kVerb || w.pos == Pos::kAdverb ||
                  w.pos == Pos::kAdjective;
         });
}

// CutsWord says whether the lexical object stops inside the noun that
// ends the rules' longer one (专门委员 of 专门 + 委员会): a listed noun
// matched in part of a longer word names less than the word.
bool CutsWord(std::u32string_view shorter, std::u32string_view longer,
              const Dictionary& dict) {
  if (shorter.empty() || longer.size() <= shorter.size() ||
      longer.substr(0, shorter.size()) != shorter) {
    return false;
  }
  thread_local std::vector<Word> words_buffer;
  SegmentInto(longer, 0, longer.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  if (words.empty()) return false;
  const Word& last = words.back();
  return last.pos == Pos::kNoun && last.end == longer.size() &&
         last.begin < shorter.size();
}

// VerbInsideNoun says whether the lexical reading took a listed verb out
// of the middle of a noun the rules read whole (发布 of 新闻发布会: the
// verb and the lexical object end the rules' object, and a word of the
// segmentation crosses the verb's edge).
bool VerbInsideNoun(std::u32string_view rules_object,
                    std::u32string_view lexical_action,
                    std::u32string_view lexical_object,
                    const Dictionary& dict) {
  const size_t tail = lexical_action.size() + lexical_object.size();
  if (lexical_action.empty() || lexical_object.empty() ||
      rules_object.size() < tail ||
      rules_object.substr(rules_object.size() - tail, lexical_action.size()) !=
          lexical_action ||
      !EndsWith(rules_object, lexical_object)) {
    return false;
  }
  const size_t verb_begin = rules_object.size() - tail;
  const size_t verb_end = verb_begin + lexical_action.size();
  thread_local std::vector<Word> words_buffer;
  SegmentInto(rules_object, 0, rules_object.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  return std::any_of(words.begin(), words.end(), [&](const Word& w) {
    return (w.begin < verb_end && w.end > verb_end) ||
           (w.begin < verb_begin && w.end > verb_begin);
  });
}

// NamesKind says whether the words in front of a noun say which kind it is
// (专题 + 调研报告, 界别 + 委员工作室, 扶贫 + 资金): nouns, distinguishers,
// verbal nouns after a noun and words the dictionary does not know. Not a
// verb or a verbal noun that opens the phrase (服务 + 群众 is a verb and
// its object), a body (市政协) or a modifier (how good), a session (会议 +
// 提案 says when), or a single character (a fragment the cut left over).
bool NamesKind(std::u32string_view longer, std::u32string_view shorter,
               const PhraseLexicon& lex, bool governed) {
  if (shorter.empty() || longer.size() <= shorter.size() ||
      longer.substr(longer.size() - shorter.size()) != shorter) {
    return false;
  }
  const std::u32string_view front =
      longer.substr(0, longer.size() - shorter.size());
  thread_local std::vector<Word> words_buffer;
  SegmentInto(front, 0, front.size(), *lex.dictionary, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  if (words.empty()) return false;
  // Rule "activity named by what is done": where a verb before the phrase
  // governs it (开展 + 联系群众活动), a verb phrase in front of the head
  // says which kind of it (联系群众 + 活动, 调研 + 成果): verbs, verbal
  // nouns and their objects are kind words there. (Not in a count of
  // people: there the verbs side by side are all the action.)
  if (governed && words.size() <= 4 &&
      (words[0].pos == Pos::kVerb || words[0].pos == Pos::kVerbalNoun) &&
      std::all_of(words.begin(), words.end(), [&](const Word& w) {
        return w.size() >= 2 &&
               (w.pos == Pos::kVerb || w.pos == Pos::kVerbalNoun ||
                w.pos == Pos::kNoun || w.pos == Pos::kAgent) &&
               !IsCopula(front.substr(w.begin, w.size()));
      })) {
    return true;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const std::u32string_view v = front.substr(w.begin, w.size());
    // …类 right before the noun marks the words before it as its kind.
    if (IsKindMark(v) && i > 0 && i + 1 == words.size()) continue;
    const bool kind_class =
        w.pos == Pos::kNoun || w.pos == Pos::kDistinguisher ||
        (w.pos == Pos::kVerbalNoun && i > 0) || w.pos == Pos::kUnknown;
    // Who (群众, 企业) before a noun says whose, not which kind, unless a
    // kind word follows it (委员 + 个人 + 提案 is no case of it).
    const bool whose = lex.agents.Contains(v) && i + 1 == words.size();
    // A verb of the genre's list opening the phrase is the count's verb
    // with its object (资助 + 学生), whatever tag the dictionary gives it.
    const bool deed = i == 0 && lex.actions.Contains(v);
    if (!kind_class || w.size() < 2 || lex.modifiers.Contains(v) || whose ||
        deed || EndsWith(v, U"会议") || EndsWith(v, U"會議")) {
      return false;
    }
  }
  if (words.size() == 1 && lex.agents.Contains(front)) return false;
  return true;
}

// VerbSharedWithTheObject: a dictionary word of verb and object (解决问题)
// read as the object after an action ending in that verb (推动解决) holds
// the verb twice; the object is what follows it. (Moving such a verb onto
// any other action was tried: it cut nouns of the kind 主办单位 on both
// development sets.)
void VerbSharedWithTheObject(const std::u32string& action,
                             std::u32string* object) {
  for (size_t n = std::min(action.size(), size_t{3}); n >= 2; --n) {
    if (object->size() >= n + 2 &&
        object->compare(0, n, action, action.size() - n, n) == 0) {
      object->erase(0, n);
      return;
    }
  }
}

// DropAfterVerb: 经 + a verb says after what the action came (经审查立案
// -> 立案: 经审查 is "after review"), so that verb is not part of it.
void DropAfterVerb(std::u32string_view text, const NumberMention& m,
                   const Dictionary& dict, std::u32string* action) {
  if (action->size() < 3 || m.qualifier_begin < action->size() + 1) return;
  const size_t floor =
      m.qualifier_begin > kMaxWindow ? m.qualifier_begin - kMaxWindow : 0;
  const std::u32string_view before =
      text.substr(floor, m.qualifier_begin - floor);
  const size_t at = RFindText(before, *action);
  if (at == std::u32string_view::npos || at == 0 ||
      (before[at - 1] != U'经' && before[at - 1] != U'經')) {
    return;
  }
  // The first verb of the action, cut where the rest is a verb too (the
  // dictionary may list the whole as one word).
  for (size_t i = 1; i + 1 < action->size(); ++i) {
    const std::u32string_view head(action->data(), i);
    const std::u32string_view rest(action->data() + i, action->size() - i);
    const Pos head_pos = dict.PosOf(head);
    if ((head_pos == Pos::kVerb || head_pos == Pos::kVerbalNoun) &&
        dict.PosOf(rest) == Pos::kVerb) {
      action->erase(0, i);
      return;
    }
  }
}

// Rule "action is a verb": a quantity word opening the action (累计 + 服务,
// 先后 + 走访, 共 + 征集) says how much or how many times, as the quantity
// words the object drops (GUIDE §2); the action is the verb after it.
// (Not other adverbs: 已经 opens a state, 已经解决.)
void DropLeadingQuantityWord(const Dictionary& dict, std::u32string* action) {
  // (The first character tells most actions apart before any cut.)
  if (action->size() < 3 ||
      std::u32string_view(U"累共总總合一先分").find((*action)[0]) ==
          std::u32string_view::npos) {
    return;
  }
  thread_local std::vector<Word> words_buffer;
  SegmentInto(*action, 0, action->size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  if (words.size() < 2 ||
      !IsOneOf(std::u32string_view(*action).substr(0, words[0].size()),
               {U"累计", U"累計", U"共计", U"共計", U"总计", U"總計", U"合计",
                U"合計", U"一共", U"共", U"先后", U"先後", U"分别", U"分別"})) {
    return;
  }
  const Pos next = words[1].pos;
  if (next != Pos::kVerb && next != Pos::kVerbalNoun) return;
  action->erase(0, words[0].size());
}

// A pivotal verb makes people do something (组织委员提交…, 动员委员捐款):
// the people are its object and the subject of the deed after them.
bool IsPivotalVerb(std::u32string_view w) {
  return w.size() == 2 &&
         std::u32string_view(U"组組动動引鼓带帶邀").find(w[0]) !=
             std::u32string_view::npos &&
         IsOneOf(w, {U"组织", U"組織", U"动员", U"動員", U"引导", U"引導",
                     U"鼓励", U"鼓勵", U"带领", U"帶領", U"邀请", U"邀請"});
}

// LastInClause: where `word` last stands in the number's clause before the
// number (at most kMaxWindow characters back), or npos; *clause_begin gets
// where that clause starts.
size_t LastInClause(std::u32string_view text, const NumberMention& m,
                    std::u32string_view word, size_t* clause_begin) {
  const size_t end = m.qualifier_begin;
  size_t floor = end > kMaxWindow ? end - kMaxWindow : 0;
  for (size_t i = end; i > floor; --i) {
    if (BreaksAt(text, i - 1)) {
      floor = i;
      break;
    }
  }
  *clause_begin = floor;
  const size_t at = RFindText(text.substr(floor, end - floor), word);
  return at == std::u32string_view::npos ? at : floor + at;
}

// Rule "verbs joined on one object": two verbs joined by 和, 及, 与, 并,
// 或 or 、 around one object (牵头和参与重点提案, 委员牵头和参与合作社, 立案
// 并办理) are the action together, whichever of them the readings found.
void JoinedVerbsShareTheAction(std::u32string_view text, const NumberMention& m,
                               const PhraseLexicon& lexicon, MetricPhrase* p) {
  if (p->action.size() < 2) return;
  size_t floor = 0;
  size_t pos = LastInClause(text, m, p->action, &floor);
  if (pos == std::u32string_view::npos) {
    // After the number: a count of people and what they do (23名委员领办和
    // 参与…).
    const size_t stop = std::min(text.size(), m.mention_end + 8);
    pos = FindText(text.substr(m.mention_end, stop - m.mention_end), p->action);
    if (pos == std::u32string_view::npos) return;
    pos += m.mention_end;
  }
  const size_t limit = std::min(text.size(), pos + p->action.size() + 8);
  // A verb of the lists or of the dictionary, two to four characters.
  const auto verb_ending_at = [&](size_t e) -> size_t {
    const size_t listed =
        lexicon.actions.LongestEndingAt(text, e, e > floor + 4 ? e - 4 : floor);
    if (listed >= 2) return listed;
    if (e >= floor + 2 &&
        lexicon.dictionary->PosOf(text.substr(e - 2, 2)) == Pos::kVerb) {
      return 2;
    }
    return 0;
  };
  const auto verb_starting_at = [&](size_t b) -> size_t {
    const size_t listed =
        lexicon.actions.LongestStartingAt(text, b, std::min(limit, b + 4));
    if (listed >= 2) return listed;
    if (b + 2 <= limit &&
        lexicon.dictionary->PosOf(text.substr(b, 2)) == Pos::kVerb) {
      return 2;
    }
    return 0;
  };
  const auto joiner_at = [&](size_t b) -> size_t {
    if (b + 2 <= text.size() && text.substr(b, 2) == U"或者") return 2;
    if (b < text.size() &&
        std::u32string_view(U"和及与與并並或、").find(text[b]) !=
            std::u32string_view::npos) {
      return 1;
    }
    return 0;
  };
  size_t begin = pos;
  size_t finish = pos + p->action.size();
  for (size_t j : {size_t{2}, size_t{1}}) {
    if (begin < floor + j || joiner_at(begin - j) != j) continue;
    if (const size_t v = verb_ending_at(begin - j)) {
      begin -= j + v;
      break;
    }
  }
  if (const size_t j = joiner_at(finish)) {
    if (const size_t v = verb_starting_at(finish + j)) finish += j + v;
  }
  if (begin == pos && finish == pos + p->action.size()) return;
  p->action = std::u32string(text.substr(begin, finish - begin));
}

// Rule "a deed not done": a negating or deferring adverb right before the
// verb (尚未办结6件, 暂缓解决3件, 暂时不能落实2件) is part of the action:
// the count is of things the deed was not done to, never of the deed.
void NegationStaysWithTheDeed(std::u32string_view text, const NumberMention& m,
                              std::u32string* action) {
  if (action->empty()) return;
  size_t floor = 0;
  size_t begin = LastInClause(text, m, *action, &floor);
  if (begin == std::u32string_view::npos) return;
  // Longest first: 暂不 before 不.
  static constexpr std::u32string_view kNegators[] = {
      U"尚未", U"暂未", U"暫未", U"未能", U"不能", U"无法", U"無法", U"暂缓",
      U"暫緩", U"暂不", U"暫不", U"没有", U"沒有", U"未",   U"不"};
  const auto ends_at_begin = [&](std::u32string_view w) {
    return EndsWith(text.substr(floor, begin - floor), w);
  };
  const auto opens_action = [action](std::u32string_view w) {
    return action->compare(0, w.size(), w) == 0;
  };
  std::u32string front;
  // Two at most (尚未能): a negation and its modal.
  for (int round = 0; round < 2; ++round) {
    const auto negator = std::find_if(
        std::begin(kNegators), std::end(kNegators), [&](std::u32string_view w) {
          return ends_at_begin(w) && !opens_action(w);
        });
    if (negator == std::end(kNegators)) break;
    front.insert(0, *negator);
    begin -= negator->size();
  }
  if (front.empty() &&
      std::none_of(std::begin(kNegators), std::end(kNegators), opens_action)) {
    return;
  }
  // 暂时 (for now) goes with a negation before it (暂时不能); alone it
  // defers nothing said.
  for (const std::u32string_view now : {U"暂时", U"暫時"}) {
    if (ends_at_begin(now)) {
      front.insert(0, now);
      break;
    }
  }
  action->insert(0, front);
}

// Rule "pivot passes to the deed": where the action is a pivotal verb
// with people after it and a verb after them, before the count (组织委员
// 提交提案20件), what is counted is done by those people: the deed after
// them is the action. A count of the people themselves (组织20名委员)
// has the number between, and keeps the pivot.
void PivotPassesToTheDeed(std::u32string_view text, const NumberMention& m,
                          const Dictionary& dict, std::u32string* action) {
  if (!IsPivotalVerb(*action)) return;
  const size_t end = m.qualifier_begin;
  const size_t floor = end > kMaxWindow ? end - kMaxWindow : 0;
  const size_t at = RFindText(text.substr(floor, end - floor), *action);
  if (at == std::u32string_view::npos) return;
  const size_t from = floor + at + action->size();
  // Who and the deed stand right after the pivot: a short cut suffices.
  const size_t stop = std::min(end, from + 16);
  thread_local std::vector<Word> words_buffer;
  SegmentInto(text, from, stop, dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  // Who is made to act: nouns naming people, the words that say which
  // (驻会 + 委员, 市政协 + 委员), and lists of them; then the deed.
  size_t i = 0;
  bool people = false;
  while (i < words.size() && i < 5) {
    const Word& w = words[i];
    const std::u32string_view v = View(text, w);
    if (IsClauseBreak(text[w.begin]) && !IsJoiner(v)) return;
    if (IsPersonNoun(v)) {
      people = true;
    } else if (people && w.pos == Pos::kVerb && !IsCopula(v)) {
      break;
    } else if (!(IsNounish(w.pos) || IsJoiner(v) || w.pos == Pos::kVerb)) {
      return;
    }
    ++i;
  }
  if (!people || i >= words.size() || words[i].pos != Pos::kVerb) return;
  // A deed that runs up to the count is the event counted (组织委员学习
  // 研讨4场: 学习研讨 is what was held): the pivot holds it.
  size_t e = i + 1;
  while (e < words.size() &&
         (words[e].pos == Pos::kVerb || words[e].pos == Pos::kVerbalNoun)) {
    ++e;
  }
  if (e == words.size() && stop == end) return;
  std::u32string deed(View(text, words[i]));
  *action = std::move(deed);
}

// Rule "topic verb": 涉及 before an enumeration of fields or a topic
// (涉及A、B提案20件, 涉及A方面提案) says what the count is about; it is no
// step done to it. Before a single thing it is the count's verb (涉及金额).
// Rule "field verb": any verb right before 方面 (城乡建设方面的9件) names a
// field of work, part of the topic, no step either.
void TopicVerbIsNoStep(std::u32string_view text, const NumberMention& m,
                       MetricPhrase* p) {
  if (p->frame != Frame::kCount || p->action.empty()) return;
  const size_t end = m.qualifier_begin;
  const size_t floor = end > kMaxWindow ? end - kMaxWindow : 0;
  const std::u32string_view before = text.substr(floor, end - floor);
  // Both tests below need 方面 after the verb unless the verb introduces a
  // topic: without a 方 before the number, most counts are done here.
  const bool topic_verb_may = IsTopicVerb(p->action);
  if (!topic_verb_may && FindCodePoint(before, U'方', 0) == before.size()) {
    return;
  }
  const size_t at = RFindText(before, p->action);
  if (at == std::u32string_view::npos) return;
  const std::u32string_view topic = before.substr(at + p->action.size());
  const bool field_verb =
      topic.substr(0, 2) == U"方面" || topic.substr(0, 3) == U"等方面";
  const bool topic_verb =
      topic_verb_may && (topic.find(U'、') != std::u32string_view::npos ||
                         topic.find(U"方面") != std::u32string_view::npos);
  if (field_verb || topic_verb) p->action.clear();
}

// Rule "beneficiaries are counted": a count of people after 为/给/向 +
// people + a deed (为困难群众义诊300人次) counts the people the deed was
// for: they are the object where the clause names no other.
void BeneficiariesAreCounted(std::u32string_view text, const NumberMention& m,
                             const Dictionary& dict, MetricPhrase* p) {
  if (!p->object.empty() || p->frame != Frame::kCount ||
      !IsPeopleMeasure(m.unit)) {
    return;
  }
  const size_t end = m.qualifier_begin;
  const size_t floor = end > kMaxWindow ? end - kMaxWindow : 0;
  size_t begin = end;
  bool marked = false;  // 为, 给 or 向 in the clause: cut it only then
  while (begin > floor && !BreaksAt(text, begin - 1)) {
    const char32_t c = text[--begin];
    marked = marked || c == U'为' || c == U'為' || c == U'给' || c == U'給' ||
             c == U'向';
  }
  if (!marked) return;
  thread_local std::vector<Word> words_buffer;
  SegmentInto(text, begin, end, dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  for (size_t i = words.size(); i > 0; --i) {
    const std::u32string_view v = View(text, words[i - 1]);
    if (!IsOneOf(v, {U"为", U"為", U"给", U"給", U"向"})) continue;
    // The people: nounish words and adjectives (贫困), up to the last noun
    // naming people, and then more before the count (a deed).
    size_t e = i;
    size_t people = i;
    while (e < words.size() &&
           (IsNounish(words[e].pos) || words[e].pos == Pos::kAdjective ||
            IsJoiner(View(text, words[e])))) {
      ++e;
      if (IsPersonNoun(View(text, words[e - 1]))) people = e;
    }
    if (people == i || people >= words.size()) return;
    e = people;
    for (size_t k = words[i].begin; k < words[e - 1].end; ++k) {
      if (!IsSpace(text[k])) p->object.push_back(text[k]);
    }
    return;
  }
}

// Rule "counts joined by a verb": two counts of one measure with a single
// verb between them (3案并1案: three proposals merged into one, 2人带1人)
// share that verb as their action. 并 between two bare counts is the verb
// "merge": as a conjunction it joins clauses, not counts.
void JoinCountsByVerb(std::u32string_view text,
                      const std::vector<NumberMention>& mentions,
                      const Dictionary& dict, std::vector<MetricPhrase>* out) {
  for (size_t k = 0; k + 1 < mentions.size(); ++k) {
    const NumberMention& a = mentions[k];
    const NumberMention& b = mentions[k + 1];
    if (a.unit != b.unit || b.qualifier_begin <= a.mention_end ||
        b.qualifier_begin - a.mention_end > 2) {
      continue;
    }
    const std::u32string_view between =
        text.substr(a.mention_end, b.qualifier_begin - a.mention_end);
    if (between != U"并" && between != U"並" &&
        dict.PosOf(between) != Pos::kVerb) {
      continue;
    }
    for (size_t i : {k, k + 1}) {
      (*out)[i].action = std::u32string(between);
      (*out)[i].rule = "counts_joined_by_verb";
    }
  }
}

// Rule "handled cases": a verb of handling with 件 makes a noun, the cases
// handled that way (主办件, 协办件, 交办件); right before a count in 件 it is
// what is counted, and names no action of the count's.
void HandledCases(std::u32string_view text, const NumberMention& m,
                  const Dictionary& dict, MetricPhrase* p) {
  const size_t q = m.qualifier_begin;
  if (m.unit != U"件" || q < 3 || (text[q - 1] != U'件')) return;
  const std::u32string_view verb = text.substr(q - 3, 2);
  const Pos pos = dict.PosOf(verb);
  if (pos != Pos::kVerb && pos != Pos::kDistinguisher) return;
  // Not a verb phrase with 件 as its measure (收到件, a count's own unit).
  if (q >= 4 && IsCjk(text[q - 4]) && dict.Contains(text.substr(q - 4, 2))) {
    return;
  }
  p->object = std::u32string(text.substr(q - 3, 3));
  if (p->action == verb) p->action.clear();
}

// Rule "paragraph's thing": a count in 件 that names nothing, with a verb
// of its own, counts the head noun of the last count in 件 of its
// paragraph (收到提案300件。…。办复的280件): 件 counts the cases a report
// follows through their stages, and a clause leaves the case out because
// the paragraph named it. (For other measures the paragraph moves on
// between things: measured, it does not hold.)
void CarryHeadInParagraph(std::u32string_view text,
                          const std::vector<NumberMention>& mentions, size_t k,
                          const Dictionary& dict,
                          std::vector<MetricPhrase>* out) {
  MetricPhrase& p = (*out)[k];
  const NumberMention& m = mentions[k];
  if (!p.object.empty() || p.frame != Frame::kCount || p.action.empty()) return;
  if (m.unit != U"件") return;
  for (size_t j = k; j > 0; --j) {
    const NumberMention& before = mentions[j - 1];
    if (m.qualifier_begin - before.mention_end > kMaxSentence) return;
    for (size_t i = before.mention_end; i < m.qualifier_begin; ++i) {
      if (IsLineBreak(text[i]) && EndsPeriodAt(text, i)) return;
    }
    const MetricPhrase& q = (*out)[j - 1];
    // Cases treated as something else (转为信息6件) left the paragraph's.
    if (before.unit != m.unit || q.frame != Frame::kCount || q.object.empty() ||
        q.rule == std::string_view("treated_as")) {
      continue;
    }
    thread_local std::vector<Word> words_buffer;
    SegmentInto(q.object, 0, q.object.size(), dict, &words_buffer);
    const std::vector<Word>& words = words_buffer;
    // A topic (经济方面) names fields, not the thing counted.
    if (EndsWith(q.object, U"方面")) continue;
    if (words.empty() || words.back().pos != Pos::kNoun) return;
    p.object = q.object.substr(words.back().begin);
    return;
  }
}

// Rule "people end in a person": a count of people counts a noun naming
// people; an object that runs on past it into another noun (12名常委 +
// 常委会议) ends at the person.
void PeopleEndInAPerson(const NumberMention& m, const Dictionary& dict,
                        MetricPhrase* p) {
  if (!IsPeopleMeasure(m.unit) || p->object.size() < 3 ||
      IsPersonNoun(p->object)) {
    return;
  }
  thread_local std::vector<Word> words_buffer;
  SegmentInto(p->object, 0, p->object.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  for (size_t i = words.size(); i > 1; --i) {
    const std::u32string_view head(p->object.data(), words[i - 2].end);
    if (IsPersonNoun(head)) {
      p->object.resize(head.size());
      return;
    }
  }
}

// Rule "measure names the thing": 案 as a measure counts proposals (提案,
// 议案); a count in 案 that names nothing else counts 提案.
void MeasureNamesTheThing(const NumberMention& m, MetricPhrase* p) {
  if (m.unit == U"案" && p->object.find(U'案') == std::u32string::npos) {
    p->object = U"提案";
  }
}

// FollowingText is what the text has right after the object, where the
// object stands in the number's clause (after the number, else before
// it); empty where it is not found.
std::u32string_view FollowingText(std::u32string_view text,
                                  const NumberMention& m,
                                  std::u32string_view object) {
  const size_t stop = std::min(text.size(), m.mention_end + kMaxRightPhrase);
  const std::u32string_view after =
      text.substr(m.mention_end, stop - m.mention_end);
  size_t at = FindText(after, object);
  if (at != std::u32string_view::npos) {
    return text.substr(m.mention_end + at + object.size(), 2);
  }
  const size_t floor =
      m.qualifier_begin > kMaxWindow ? m.qualifier_begin - kMaxWindow : 0;
  at = RFindText(text.substr(floor, m.qualifier_begin - floor), object);
  if (at == std::u32string_view::npos) return {};
  return text.substr(floor + at + object.size(), 2);
}

// Rule "a noun phrase ends in its head": Chinese puts modifiers before the
// head noun, so a one-character modal after a noun (比例 + 可), or an
// adjective or adverb after it with a verb next in the text (部门 + 具体 +
// 办理), opens the predicate and is no part of what is counted. Only where
// a noun stands before it: a phrase that is all adjective (基本满意) is
// left as it is, and so is a noun the dictionary tags an adjective when no
// verb follows it (任务 + 清单).
void PredicateWordsAreNoObject(std::u32string_view text, const NumberMention& m,
                               const Dictionary& dict, std::u32string* object) {
  if (object->size() < 3) return;
  const std::u32string_view s(*object);
  size_t cut = 0;
  // (One character tells the modals: no word list is asked.)
  if (std::u32string_view(U"可能将將已均都也还還应應").find(s.back()) !=
      std::u32string_view::npos) {
    cut = 1;
  } else {
    const Pos last = dict.PosOf(s.substr(s.size() - 2));
    if (last != Pos::kAdjective && last != Pos::kAdverb) return;
    const std::u32string_view next = FollowingText(text, m, s);
    if (next.size() < 2 || dict.PosOf(next) != Pos::kVerb) return;
    cut = 2;
  }
  if (s.size() - cut < 2) return;
  const std::u32string_view rest = s.substr(0, s.size() - cut);
  // The word before: the whole rest, or its last two characters.
  const Pos whole = dict.PosOf(rest);
  const Pos head =
      whole != Pos::kUnknown ? whole : dict.PosOf(rest.substr(rest.size() - 2));
  if (head != Pos::kNoun) return;
  // Not where the last characters make a word with the one before them
  // (许可): the cut would split a word.
  if (dict.Contains(s.substr(s.size() - cut - 1, cut + 1))) return;
  object->resize(rest.size());
}

// Rule "a cause is no object": a noun right after 因 or 由于 before the
// number (因经费原因未落实2件) says why, not what is counted.
void CauseIsNoObject(std::u32string_view text, const NumberMention& m,
                     std::u32string* object) {
  if (object->empty()) return;
  size_t floor = 0;
  const size_t begin = LastInClause(text, m, *object, &floor);
  if (begin == std::u32string_view::npos) return;
  const std::u32string_view before = text.substr(floor, begin - floor);
  for (const std::u32string_view cause : {U"因", U"由于", U"由於", U"因为"}) {
    if (EndsWith(before, cause)) {
      object->clear();
      return;
    }
  }
}

// Rule "a web address names nothing": an address (http://…, www.…) read
// as the object is a page's furniture, not what a number counts.
void AddressIsNoObject(std::u32string* object) {
  const std::u32string_view s(*object);
  if (s.find(U"//") != std::u32string_view::npos ||
      s.find(U"www.") != std::u32string_view::npos) {
    object->clear();
  }
}

// Rule "a label is no object": where a number ends its line (a headline's
// …5亿元), a noun read after it on the next line with a colon after it
// (某某网讯：) is the label of what follows (a dateline, a heading), not
// the thing counted. (On the number's own line, 收到12件提案：… names the
// thing a list breaks down: it stays.)
void LabelIsNoObject(std::u32string_view text, const NumberMention& m,
                     std::u32string* object) {
  if (object->empty() || m.mention_end >= text.size() ||
      !IsLineBreak(text[m.mention_end])) {
    return;
  }
  const size_t stop = std::min(text.size(), m.mention_end + kMaxRightPhrase);
  const size_t at =
      FindText(text.substr(m.mention_end, stop - m.mention_end), *object);
  if (at == std::u32string_view::npos) return;
  const size_t after = m.mention_end + at + object->size();
  if (after < text.size() && (text[after] == U'：' || text[after] == U':')) {
    object->clear();
  }
}

// Rule "a span of time counts no thing": a duration followed by a
// locality of time (5年间, 3年来, 10天内) is an adverbial of when; what
// follows it is the clause's own count, not this number's object.
void TimeSpanHasNoObject(std::u32string_view text, const NumberMention& m,
                         MetricPhrase* p) {
  if (m.mention_end >= text.size()) return;
  const char32_t next = text[m.mention_end];
  if ((next == U'间' || next == U'間' || next == U'来' || next == U'來' ||
       next == U'内' || next == U'內') &&
      IsOneOf(m.unit,
              {U"年", U"个月", U"個月", U"月", U"天", U"日", U"周", U"週"})) {
    p->object.clear();
    // The locality (来 of 5年来) is no verb: it is the span's own word.
    if (p->action.size() == 1 && p->action[0] == next) p->action.clear();
  }
}

// Rule "a change from one value to another": 由/从 + a value + a verb of
// change ending in 到/至/为 + a value (办理时间由5天缩短到3天) gives two
// values of one quantity, the noun phrase before 由/从, its subject. The
// verb of change is the second value's action; the first has none.
void ChangeFromValueToValue(std::u32string_view text,
                            const std::vector<NumberMention>& mentions,
                            const Dictionary& dict,
                            std::vector<MetricPhrase>* out) {
  for (size_t k = 0; k + 1 < mentions.size(); ++k) {
    const NumberMention& from = mentions[k];
    const NumberMention& to = mentions[k + 1];
    if (from.qualifier_begin < 2 || to.qualifier_begin <= from.mention_end ||
        to.qualifier_begin - from.mention_end > 5) {
      continue;
    }
    const char32_t mark = text[from.qualifier_begin - 1];
    if (mark != U'由' && mark != U'从' && mark != U'從') continue;
    const std::u32string_view verb =
        text.substr(from.mention_end, to.qualifier_begin - from.mention_end);
    if (verb.size() < 2 ||
        !std::all_of(verb.begin(), verb.end(),
                     [](char32_t c) { return IsCjk(c); }) ||
        !(verb.back() == U'到' || verb.back() == U'至' ||
          verb.back() == U'为' || verb.back() == U'為')) {
      continue;
    }
    // The subject: the clause's words before 由, without the time, place
    // and agent words that open it; it ends in a noun.
    const size_t end = from.qualifier_begin - 1;
    const size_t floor = end > kMaxWindow ? end - kMaxWindow : 0;
    size_t begin = end;
    while (begin > floor && !BreaksAt(text, begin - 1) &&
           !IsClauseBreak(text[begin - 1])) {
      --begin;
    }
    if (begin == end) continue;
    thread_local std::vector<Word> words_buffer;
    SegmentInto(text, begin, end, dict, &words_buffer);
    const std::vector<Word>& words = words_buffer;
    size_t first = 0;
    while (first < words.size() && IsDroppable(words[first].pos)) ++first;
    if (first == words.size() || words.back().pos != Pos::kNoun) continue;
    std::u32string subject;
    for (size_t i = words[first].begin; i < end; ++i) {
      if (!IsSpace(text[i])) subject.push_back(text[i]);
    }
    (*out)[k].object = subject;
    (*out)[k].action.clear();
    (*out)[k + 1].object = std::move(subject);
    (*out)[k + 1].action = std::u32string(verb);
    (*out)[k].rule = (*out)[k + 1].rule = "change_from_value_to_value";
  }
}

// Rule "worth is said of a thing": 价值 + an amount (物资价值20万元) is the
// worth of the thing named before it, the thing counted; 价值 is a
// quantity word (GUIDE §2 drops those). Opening its clause (赠送图书，价值
// 2万元), it speaks of the thing the clause before ends in.
void WorthIsOfTheThing(std::u32string_view text, const NumberMention& m,
                       const Dictionary& dict, MetricPhrase* p) {
  if (!EndsWith(p->object, U"价值") && !EndsWith(p->object, U"價值")) return;
  // (A lone character in front is a word with 价值: 总价值, 原价值.)
  if (p->object.size() > 3) {
    p->object.resize(p->object.size() - 2);
    return;
  }
  if (p->object.size() > 2) return;
  // 价值 right before the amount (or its qualifier), opening the clause.
  size_t at = m.qualifier_begin;
  // (A link or two at most: 价值约, 价值达.)
  for (int links = 0; links < 2 && at > 0 && IsCopula(text.substr(at - 1, 1));
       ++links) {
    --at;
  }
  if (at < 4 || text.substr(at - 2, 2) != p->object) return;
  if (!IsClauseBreak(text[at - 3])) {
    // Right after the deed (捐款捐物价值8万元) it is the worth of what the
    // deed gave, which the text names by the deed alone: no object.
    if (!p->action.empty() && at >= 2 + p->action.size() &&
        text.substr(at - 2 - p->action.size(), p->action.size()) == p->action) {
      p->object.clear();
    }
    return;
  }
  const size_t end = at - 3;
  const size_t floor = end > kMaxWindow ? end - kMaxWindow : 0;
  size_t begin = end;
  while (begin > floor && !IsClauseBreak(text[begin - 1])) --begin;
  thread_local std::vector<Word> words_buffer;
  SegmentInto(text, begin, end, dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  size_t first = words.size();
  while (first > 0 && IsNounish(words[first - 1].pos) &&
         !IsDroppable(words[first - 1].pos)) {
    --first;
  }
  if (first == words.size()) return;
  p->object.clear();
  for (size_t i = words[first].begin; i < end; ++i) {
    if (!IsSpace(text[i])) p->object.push_back(text[i]);
  }
}

// Rule "people counted stand before the count": a count of people right
// after a noun naming people (领导12人次对…作出批示) counts them; what the
// words after the measure name (the thing acted on) is no object of a
// count of people.
void PeopleBeforeTheCount(std::u32string_view text, const NumberMention& m,
                          const Dictionary& dict, MetricPhrase* p) {
  if (p->frame != Frame::kCount || m.qualifier_begin < 2 ||
      !IsPeopleMeasure(m.unit) ||
      !IsPersonNoun(text.substr(m.qualifier_begin - 2, 2)) ||
      IsPersonNoun(p->object)) {
    return;
  }
  const size_t end = m.qualifier_begin;
  const size_t floor = end > 8 ? end - 8 : 0;
  thread_local std::vector<Word> words_buffer;
  SegmentInto(text, floor, end, dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  if (words.empty() || words.back().end != end) return;
  const std::u32string_view person = View(text, words.back());
  if (!IsPersonNoun(person) || words.back().pos != Pos::kNoun) return;
  p->object = std::u32string(person);
}

// Rule "a verb of the chain is no object": an object that is the action
// itself, or a verb right before the action and the count (研究 + 解决6条),
// is part of the verb chain; the clause names no thing, and the count
// before it in the sentence, of the same measure, gives it (意见20条，…
// 研究解决6条).
void VerbChainIsNoObject(std::u32string_view text,
                         const std::vector<NumberMention>& mentions, size_t k,
                         const Dictionary& dict,
                         std::vector<MetricPhrase>* out) {
  MetricPhrase& p = (*out)[k];
  if (p.frame != Frame::kCount || p.object.empty() || p.action.empty()) return;
  const size_t end = mentions[k].qualifier_begin;
  const std::u32string_view before = text.substr(0, end);
  const bool is_action = p.object == p.action;
  if (!is_action) {
    // (The text first: the dictionary is asked only where the object
    // stands right before the action.)
    if (!EndsWith(before, p.action) ||
        !EndsWith(before.substr(0, before.size() - p.action.size()),
                  p.object)) {
      return;
    }
    const Pos pos = dict.PosOf(p.object);
    if (pos != Pos::kVerb && pos != Pos::kVerbalNoun) return;
  }
  p.object.clear();
  for (size_t j = k; j > 0; --j) {
    const MetricPhrase& q = (*out)[j - 1];
    if (q.sentence_begin != p.sentence_begin) return;
    if (mentions[j - 1].unit != mentions[k].unit || q.frame != Frame::kCount ||
        q.object.empty()) {
      continue;
    }
    p.object = q.object;
    return;
  }
}

// Rule "the noun after the measure is counted": a verbal noun between the
// verb and the count (办理 + 协商 + 9件提案) is the verb's own object, the
// manner of the deed; a noun right after the measure is what is counted,
// and the verbal noun joins the action.
void NounAfterTheMeasureIsCounted(std::u32string_view text,
                                  const NumberMention& m,
                                  const Dictionary& dict, MetricPhrase* p) {
  if (p->frame != Frame::kCount || p->object.empty() || p->action.empty() ||
      m.mention_end >= text.size() || !IsCjk(text[m.mention_end])) {
    return;
  }
  const std::u32string_view before = text.substr(0, m.qualifier_begin);
  if (!EndsWith(before, p->object) ||
      !EndsWith(before.substr(0, before.size() - p->object.size()),
                p->action) ||
      dict.PosOf(p->object) != Pos::kVerbalNoun) {
    return;
  }
  const size_t stop = std::min(text.size(), m.mention_end + 8);
  thread_local std::vector<Word> words_buffer;
  SegmentInto(text, m.mention_end, stop, dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  size_t e = 0;
  while (e < words.size() && words[e].pos == Pos::kNoun) ++e;
  if (e == 0 || (e < words.size() && IsNounish(words[e].pos))) return;
  p->action += p->object;
  p->object = std::u32string(
      text.substr(m.mention_end, words[e - 1].end - m.mention_end));
}

// Rule "a total counts what its parts count": 共/合计/总计 + an amount
// that names nothing, after two or more counts of its measure in its
// sentence (山地用水12吨、林地用水30吨，共42吨), sums them: it counts the
// head they share, the longest common end of their objects.
void TotalCountsWhatItsPartsCount(std::u32string_view text,
                                  const std::vector<NumberMention>& mentions,
                                  size_t k, const Dictionary& dict,
                                  std::vector<MetricPhrase>* out) {
  MetricPhrase& p = (*out)[k];
  const NumberMention& m = mentions[k];
  if (!p.object.empty() || p.frame != Frame::kCount || k < 2 ||
      m.qualifier_begin < 1) {
    return;
  }
  const std::u32string_view before = text.substr(0, m.qualifier_begin);
  if (!(before.back() == U'共' || EndsWith(before, U"共计") ||
        EndsWith(before, U"共計") || EndsWith(before, U"合计") ||
        EndsWith(before, U"合計") || EndsWith(before, U"总计") ||
        EndsWith(before, U"總計"))) {
    return;
  }
  std::u32string_view head;
  int parts = 0;
  for (size_t j = k; j > 0; --j) {
    const MetricPhrase& q = (*out)[j - 1];
    if (q.sentence_begin != p.sentence_begin ||
        mentions[j - 1].unit != m.unit || q.object.empty()) {
      break;
    }
    if (parts == 0) {
      head = q.object;
    } else {
      size_t same = 0;
      while (same < head.size() && same < q.object.size() &&
             head[head.size() - 1 - same] ==
                 q.object[q.object.size() - 1 - same]) {
        ++same;
      }
      head = head.substr(head.size() - same);
    }
    ++parts;
  }
  if (parts < 2 || head.size() < 2) return;
  // The shared end starts at a word in every part (中药材 + 种子 and 药材 +
  // 种子 share 种子, not 药材种子): cut it to the first word boundary that
  // all the parts have.
  size_t cut = 0;
  for (size_t j = k; j > k - parts; --j) {
    const std::u32string& part = (*out)[j - 1].object;
    thread_local std::vector<Word> words_buffer;
    SegmentInto(part, 0, part.size(), dict, &words_buffer);
    const std::vector<Word>& words = words_buffer;
    const size_t offset = part.size() - head.size();
    size_t start = part.size();
    for (const Word& w : words) {
      if (w.begin >= offset + cut) {
        start = w.begin;
        break;
      }
    }
    cut = start - offset;
  }
  if (head.size() - cut >= 2) p.object = std::u32string(head.substr(cut));
}

// Rule "share of the count before", on the combined readings: a share
// right after a count (经济类148件，占32.7%) with no object of its own is
// the share of what that count counts, whichever reading found it.
void ShareOfTheCountBefore(std::u32string_view text,
                           const std::vector<NumberMention>& mentions, size_t k,
                           std::vector<MetricPhrase>* out) {
  MetricPhrase& share = (*out)[k];
  if (k == 0 || share.frame != Frame::kShare || !share.object.empty()) return;
  const MetricPhrase& count = (*out)[k - 1];
  if (count.frame != Frame::kCount || count.object.empty()) return;
  // Only 占 (and a comma or 、 before it) between the count and the share.
  std::u32string_view between = TextBetween(text, mentions, k);
  if (!between.empty() &&
      (between.front() == U'，' || between.front() == U',' ||
       between.front() == U'、')) {
    between.remove_prefix(1);
  }
  if (between == U"占" || between == U"佔" || between == U"占比" ||
      between == U"佔比") {
    share.object = count.object;
  }
}

// Rule "values side by side": a value joined to the one before it by a
// joiner alone (分别达到36800元和21500元, 增长5%、8%), in the same unit,
// names nothing of its own: it is a value of the same figure.
void ValueJoinedToTheOneBefore(std::u32string_view text,
                               const std::vector<NumberMention>& mentions,
                               size_t k, std::vector<MetricPhrase>* out) {
  MetricPhrase& value = (*out)[k];
  if (k == 0 || !value.object.empty() ||
      mentions[k].unit != mentions[k - 1].unit) {
    return;
  }
  const MetricPhrase& before = (*out)[k - 1];
  if (before.object.empty() || before.frame != value.frame) return;
  const std::u32string_view between = TextBetween(text, mentions, k);
  if (between == U"和" || between == U"、" || between == U"及" ||
      between == U"与" || between == U"與") {
    value.object = before.object;
    if (value.action.empty()) value.action = before.action;
  }
}

// Rule "the change of the figure before": a percentage of change with no
// object of its own, in the clause right after a figure (收入15亿元，增长
// 8%; 同比下降3%), is that figure's change.
void ChangeOfTheFigureBefore(std::u32string_view text,
                             const std::vector<NumberMention>& mentions,
                             size_t k, std::vector<MetricPhrase>* out) {
  MetricPhrase& change = (*out)[k];
  // An object carried from a count of the same unit further back (产值增长
  // 5%，收入15亿元，增长8%) passes over the figure right before: the change
  // is that figure's.
  const bool carried = std::string_view(change.rule) == "carry_over";
  if (k == 0 || (!change.object.empty() && !carried) ||
      !IsPercent(mentions[k].unit)) {
    return;
  }
  // A change in percentage points after a percentage (满意率95%，提高2个
  // 百分点) moves that rate; a percentage after one is no change of it.
  const bool points_of_rate =
      mentions[k].unit == U"百分点" && mentions[k - 1].unit == U"%";
  if (IsPercent(mentions[k - 1].unit) && !points_of_rate) return;
  const MetricPhrase& figure = (*out)[k - 1];
  if (figure.object.empty() ||
      (figure.frame != Frame::kCount && !points_of_rate)) {
    return;
  }
  std::u32string_view between = TextBetween(text, mentions, k);
  if (between.empty() ||
      (between.front() != U'，' && between.front() != U',')) {
    return;
  }
  between.remove_prefix(1);
  for (std::u32string_view basis : {U"同比", U"比上年", U"较上年"}) {
    if (between.substr(0, basis.size()) == basis) {
      between.remove_prefix(basis.size());
    }
  }
  if (IsOneOf(between, {U"增长", U"下降", U"增加", U"减少", U"提高", U"降低",
                        U"上升", U"回落", U"增長", U"減少"})) {
    change.object = figure.object;
  }
}

// Rule "the base of a share names the set": a count followed by its share
// of a total that a verb names (文化方面提案30件，占立案总数15%) is a part
// of what that verb counts (the proposals registered): the verb is its
// set's action, whatever count 其中 would take for its set.
void ShareBaseNamesTheSet(std::u32string_view text,
                          const std::vector<NumberMention>& mentions,
                          const Dictionary& dict,
                          std::vector<MetricPhrase>* out) {
  for (size_t k = 0; k + 1 < mentions.size(); ++k) {
    MetricPhrase& part = (*out)[k];
    const MetricPhrase& share = (*out)[k + 1];
    if (part.frame != Frame::kCount || share.frame != Frame::kShare ||
        part.object.empty() ||
        mentions[k + 1].qualifier_begin <= mentions[k].mention_end ||
        mentions[k + 1].qualifier_begin - mentions[k].mention_end > 12) {
      continue;
    }
    const std::u32string_view between =
        text.substr(mentions[k].mention_end,
                    mentions[k + 1].qualifier_begin - mentions[k].mention_end);
    if (between.find(U'占') == std::u32string_view::npos &&
        between.find(U'佔') == std::u32string_view::npos) {
      continue;
    }
    std::u32string_view base(share.object);
    if (!EndsWith(base, U"总数") && !EndsWith(base, U"總數")) continue;
    base.remove_suffix(2);
    if (base.empty() || dict.PosOf(base) != Pos::kVerb) continue;
    part.set_mention = -1;
    part.set_object = part.object;
    part.set_action = std::u32string(base);
  }
}

// How far after a whole its parts may run, and how many counts a run and
// the search for its first part pass over.
constexpr size_t kMaxBreakdownReach = 400;
constexpr size_t kMaxBreakdownParts = 12;
constexpr size_t kMaxBreakdownStarts = 6;
// How many mentions after a whole are looked at, in all: text dense in
// numbers must not make the search quadratic.
constexpr size_t kMaxBreakdownScan = 48;
// Smaller wholes add up by chance too often to say anything.
constexpr double kMinBreakdownWhole = 10;

// IsExactCount: a plain count, exact, in whole units.
bool IsExactCount(const NumberMention& m, const MetricPhrase& p) {
  return p.frame == Frame::kCount && m.qualifier == Qualifier::kExact &&
         m.value >= 1 && m.value < 1e15 && m.value == std::floor(m.value);
}

// Rule "parts that sum to the whole": a run of exact counts of one measure
// that adds up to an exact count before it (立案300件 … 委员提案260件，集体
// 提案40件) breaks that count down, in the next paragraph too and without
// 其中. The parts with no verb of their own, or the whole's verb, are its
// sub-counts; a share between them (占10%) is passed over, a count of
// another measure ends the run.
void PartsThatSumToAWhole(const std::vector<NumberMention>& mentions,
                          std::vector<MetricPhrase>* out) {
  std::vector<size_t> run;
  for (size_t w = 0; w < mentions.size(); ++w) {
    const NumberMention& whole = mentions[w];
    const MetricPhrase& whole_phrase = (*out)[w];
    if (whole_phrase.set_mention >= 0 || !IsExactCount(whole, whole_phrase) ||
        whole.value < kMinBreakdownWhole || whole.unit.empty() ||
        IsPercent(whole.unit)) {
      continue;
    }
    const auto in_reach = [&](size_t j) {
      return j < mentions.size() && mentions[j].qualifier_begin <=
                                        whole.mention_end + kMaxBreakdownReach;
    };
    const auto may_be_part = [&](size_t j) {
      return mentions[j].unit == whole.unit &&
             IsExactCount(mentions[j], (*out)[j]) &&
             mentions[j].value < whole.value;
    };
    size_t starts = 0;
    for (size_t s = w + 1; in_reach(s) && starts < kMaxBreakdownStarts &&
                           s - w <= kMaxBreakdownScan;
         ++s) {
      if (!may_be_part(s)) continue;
      ++starts;
      run.clear();
      double sum = 0;
      size_t j = s;
      for (;
           in_reach(j) && run.size() < kMaxBreakdownParts && sum < whole.value;
           ++j) {
        if (!may_be_part(j)) {
          if (IsPercent(mentions[j].unit)) continue;
          break;
        }
        run.push_back(j);
        sum += mentions[j].value;
      }
      if (sum != whole.value || run.size() < 2) continue;
      for (size_t part : run) {
        MetricPhrase& p = (*out)[part];
        // A set read before stands, unless it is smaller than the part
        // (a topic after a count of its own: 委员意见10条。经济方面25条).
        const bool set_too_small =
            p.set_mention >= 0 &&
            mentions[static_cast<size_t>(p.set_mention)].value <
                mentions[part].value;
        if ((p.set_mention >= 0 && !set_too_small) || !p.set_object.empty()) {
          continue;
        }
        if (!p.action.empty() && p.action != whole_phrase.action) continue;
        p.set_mention = static_cast<int>(w);
      }
      // Another breakdown of the same whole may follow (by who, by topic).
      s = j - 1;
      starts = 0;
    }
  }
}

// Rule "respectively": X分别为A 12件、B 15件 counts X's parts: A and B are
// what each count counts, X the set they split (GUIDE: a sub-count takes
// the indicator of its set), for every item of the list in the sentence.
void RespectivelyListsTheParts(std::u32string_view text,
                               const std::vector<NumberMention>& mentions,
                               std::vector<MetricPhrase>* out) {
  for (size_t k = 0; k < out->size(); ++k) {
    MetricPhrase& p = (*out)[k];
    if (p.frame != Frame::kCount || p.object.size() < 4) continue;
    size_t at = std::u32string::npos;
    for (std::u32string_view mark :
         {U"分别为", U"分别是", U"分别有", U"分別為", U"分別是"}) {
      at = std::min(at, p.object.find(mark));
    }
    if (at == std::u32string::npos || at + 3 >= p.object.size()) continue;
    const std::u32string subject = p.object.substr(0, at);
    p.object.erase(0, at + 3);
    if (subject.empty()) continue;
    for (size_t j = k; j < out->size(); ++j) {
      MetricPhrase& part = (*out)[j];
      if (j > k) {
        if (part.sentence_begin != p.sentence_begin ||
            mentions[j].unit != mentions[k].unit ||
            mentions[j].qualifier_begin < mentions[j - 1].mention_end) {
          break;
        }
        const std::u32string_view between = text.substr(
            mentions[j - 1].mention_end,
            mentions[j].qualifier_begin - mentions[j - 1].mention_end);
        if (between.find_first_of(U"。；;") != std::u32string_view::npos) break;
      }
      if (part.set_mention >= 0 || !part.set_object.empty()) continue;
      part.set_object = subject;
      part.set_action = p.action;
    }
  }
}

// Rule "words in front that name no kind": 相关/有关 (the ones concerned)
// point back to a set the text named before; they say no kind. Inside the
// phrase, a total word with a verb after it (委员 + 共办 + 实事) or a verb of
// having (协会 + 现有 + 会员) ends the subject and its predicate: what is
// counted follows it, and the verb of a total is the action where none was
// read.
void FrontWordsNamingNoKind(const Dictionary& dict, MetricPhrase* p) {
  std::u32string& o = p->object;
  if (o.size() < 3) return;
  // (One character tells the candidates apart before any comparison.)
  if ((o[0] == U'相' || o[0] == U'有') && o.size() >= 4) {
    const std::u32string_view front(o.data(), 2);
    if (IsOneOf(front, {U"相关", U"相關", U"有关", U"有關"})) {
      o.erase(0, 2);
      return;
    }
  }
  for (size_t i = 1; i + 2 < o.size(); ++i) {
    const char32_t c = o[i];
    if (c != U'共' && c != U'有') continue;
    const std::u32string_view at(o.data() + i, o.size() - i);
    size_t cut = 0;
    std::u32string_view verb;
    if (c == U'有' && i >= 1 &&
        IsOneOf(std::u32string_view(o.data() + i - 1, 2),
                {U"现有", U"現有", U"共有", U"拥有", U"擁有"})) {
      cut = i + 1;
    } else if (c == U'共' && !dict.Contains(std::u32string_view(o).substr(
                                 i - 1, 2))) {  // (not 公共, 总共)
      // A one- or two-character verb after it, not the start of a longer
      // word (共 + 服务, not 服).
      for (size_t n = 2; n >= 1; --n) {
        if (at.size() > n + 1 && dict.PosOf(at.substr(1, n)) == Pos::kVerb &&
            !dict.Contains(at.substr(1, n + 1))) {
          verb = at.substr(1, n);
          cut = i + 1 + n;
          break;
        }
      }
    }
    if (cut == 0 || o.size() - cut < 2) continue;
    if (p->action.empty() && !verb.empty()) p->action = std::u32string(verb);
    o.erase(0, cut);
    return;
  }
}

// Rule "a comparison is no object": 同比, 环比, 较上年, 比去年 … say what a
// change is measured against (an adverbial of comparison), never what is
// counted. Without them the clause names nothing, and the change is of
// what the count before it in the sentence measured (投资额20亿元，同比
// 增长5%): carried over as GUIDE §2 carries an object a clause leaves out.

void ComparisonIsNoObject(std::u32string_view text,
                          const std::vector<NumberMention>& mentions, size_t k,
                          const Dictionary& dict,
                          std::vector<MetricPhrase>* out) {
  MetricPhrase& p = (*out)[k];
  if (p.frame != Frame::kCount) return;
  if (p.object.empty()) {
    if (k == 0) return;
    // The clause opens with the comparison (，比上年增长9%): read nothing,
    // it carries over too. (A short clause: the comparison, a verb.)
    const size_t end = mentions[k].qualifier_begin;
    size_t begin = end;
    while (begin > 0 && end - begin < 8 && !IsClauseBreak(text[begin - 1])) {
      --begin;
    }
    if (begin == 0 || begin == end || !IsClauseBreak(text[begin - 1]) ||
        ComparisonLength(text.substr(begin, end - begin)) == 0) {
      return;
    }
  } else {
    // A comparison after the noun (工业增加值同比 + 增长) ends it.
    if (const size_t trailing = TrailingComparisonLength(p.object)) {
      p.object.erase(p.object.size() - trailing);
      return;
    }
    // (The first character rules out most objects.)
    if (p.object.size() < 2) return;
    const char32_t first = p.object[0];
    if (first != U'同' && first != U'环' && first != U'環' && first != U'较' &&
        first != U'較' && first != U'比') {
      return;
    }
    const size_t n = ComparisonLength(p.object);
    if (n == 0) return;
    p.object.erase(0, n);
    // What follows the comparison is the verb of change (同比 + 增长).
    if (!p.object.empty() && (dict.PosOf(p.object) == Pos::kVerb ||
                              dict.PosOf(p.object) == Pos::kVerbalNoun)) {
      if (p.action.empty()) p.action = p.object;
      p.object.clear();
    }
    if (!p.object.empty() || k == 0) return;
  }
  const MetricPhrase& q = (*out)[k - 1];
  if (q.sentence_begin == p.sentence_begin && q.frame == Frame::kCount &&
      mentions[k - 1].mention_end <= mentions[k].qualifier_begin) {
    p.object = q.object;
  }
}

// Rule "an object holds no number": digits or a dash left in the object
// are the first end of a range (每月1—2次: the count is 2次) or a value,
// never part of a name; the object ends before them. A frequency word
// left alone (每月, 每年) is a time word: dropped (GUIDE §2).
// Digits glued to a Latin letter (5G, 4K, 3D) name a technology, not a
// value, and stay.
void NumberEndsTheObject(const Dictionary& dict, std::u32string* object) {
  size_t cut = 0;
  for (;;) {
    // (A Chinese character is neither: one comparison passes most of them.)
    while (cut < object->size() &&
           (((*object)[cut] >= 0x4E00 && (*object)[cut] <= 0x9FFF) ||
            (!IsDigit((*object)[cut]) && !IsRangeMark((*object)[cut])))) {
      ++cut;
    }
    size_t digits_end = cut;
    while (digits_end < object->size() && IsDigit((*object)[digits_end])) {
      ++digits_end;
    }
    if (digits_end == cut || digits_end == object->size() ||
        !IsLatin((*object)[digits_end])) {
      break;
    }
    cut = digits_end;
  }
  if (cut == object->size()) return;
  object->resize(cut);
  const std::u32string_view o(*object);
  const bool frequency =
      o.size() >= 2 && o.size() <= 3 && o[0] == U'每' &&
      IsOneOf(o.substr(1), {U"年", U"月", U"周", U"週", U"天", U"日", U"季",
                            U"季度", U"星期", U"次"});
  if (frequency || o.empty() || OnlyDroppable(o, dict)) object->clear();
}

// Rule "a verb of change ends the subject": a verb that ends in 至/到
// (降至, 增至, 提高到, 下降到) joins a quantity to its new value; read
// into the object, it is the action, and the words before it name what
// changed (气温降至-5℃ -> 气温 / 降至). Words of degree between them
// (最低, 最高) belong to the value, not the thing.
void VerbOfChangeEndsTheObject(const Dictionary& dict, MetricPhrase* p) {
  std::u32string& o = p->object;
  if (o.size() < 3 || (o.back() != U'至' && o.back() != U'到')) return;
  size_t verb = 0;
  for (size_t n = 2; n >= 1 && verb == 0; --n) {
    if (o.size() < n + 2) continue;
    const std::u32string_view v(o.data() + o.size() - 1 - n, n);
    const std::u32string_view with_mark(o.data() + o.size() - 1 - n, n + 1);
    if (dict.PosOf(v) == Pos::kVerb || dict.PosOf(with_mark) == Pos::kVerb) {
      verb = n + 1;
    }
  }
  if (verb == 0) return;
  std::u32string subject = o.substr(0, o.size() - verb);
  // (Not a verb whose first character ends a longer word: 收到 in 接收到.)
  thread_local std::vector<Word> words_buffer;
  SegmentInto(subject, 0, subject.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  size_t end = words.size();
  while (end > 0 && (words[end - 1].pos == Pos::kAdverb ||
                     words[end - 1].pos == Pos::kAdjective ||
                     subject[words[end - 1].begin] == U'最')) {
    --end;
  }
  if (end == 0 || !IsNounish(words[end - 1].pos)) return;
  if (p->action.empty()) p->action = o.substr(o.size() - verb);
  subject.resize(words[end - 1].end);
  o = std::move(subject);
}

// Rule "非 makes a kind": 非 + a noun (非公有制企业, 非党员) is a noun of
// its own kind, the complement of the noun; an object read without the
// 非 right before it names the opposite set. (Not 除非, 并非, 莫非:
// conjunctions and adverbs that end in 非.)
void NegatingPrefixStays(std::u32string_view text, const NumberMention& m,
                         std::u32string* object) {
  if (object->size() < 2) return;
  // (Most clauses hold no 非 near the number: a short scan tells. The
  // object stands right after the measure or ends a few words before the
  // number.)
  const size_t low = m.qualifier_begin > 16 ? m.qualifier_begin - 16 : 0;
  const size_t high = std::min(text.size(), m.mention_end + 4);
  // (Or-ed over the whole span, with no exit to predict.)
  bool negated = false;
  for (size_t i = low; i < m.qualifier_begin; ++i) negated |= text[i] == U'非';
  for (size_t i = m.mention_end; i < high; ++i) negated |= text[i] == U'非';
  if (!negated) return;
  // Where the object stands in the number's own clause: after the
  // measure, else before the number.
  size_t at = std::u32string_view::npos;
  const size_t stop = ClauseEndAfter(text, m.mention_end);
  // After the measure the object follows it at once (120名非会员, 120名的
  // 非会员); the same words further on belong to the next item of a list.
  const size_t after =
      FindText(text.substr(m.mention_end, stop - m.mention_end), *object);
  const size_t gap = after != std::u32string_view::npos && after >= 2 &&
                             text[m.mention_end] == U'的'
                         ? after - 1
                         : after;
  if (after != std::u32string_view::npos && gap <= 1) {
    at = m.mention_end + after;
  } else {
    const size_t floor =
        m.qualifier_begin > kMaxWindow ? m.qualifier_begin - kMaxWindow : 0;
    size_t begin = m.qualifier_begin;
    while (begin > floor && !BreaksAt(text, begin - 1)) --begin;
    const size_t before =
        RFindText(text.substr(begin, m.qualifier_begin - begin), *object);
    if (before != std::u32string_view::npos) at = begin + before;
  }
  if (at == std::u32string_view::npos || at == 0 || text[at - 1] != U'非') {
    return;
  }
  if (at >= 2 &&
      std::u32string_view(U"除并並莫绝絕无無是若").find(text[at - 2]) !=
          std::u32string_view::npos) {
    return;
  }
  object->insert(object->begin(), U'非');
}

// Rule "a kind word is followed by a noun": a distinguisher (公共, 集体,
// 重点) modifies nouns only, so the words the segmenter read as verbs
// after it (公共 + 预算 + 收入 + 完成) are a compound noun up to the verb
// the count belongs to: they join the object, the last verb stays the
// action. Verbs of the genre's list after a kind word are a kind of deed
// (集体 + 视察调研) and stay.
void KindWordTakesANoun(std::u32string_view text, const NumberMention& m,
                        const PhraseLexicon& lex, MetricPhrase* p) {
  if (p->frame != Frame::kCount || p->object.size() < 2 || p->action.empty()) {
    return;
  }
  const Dictionary& dict = *lex.dictionary;
  // (The dictionary first, on the object's last characters: most objects
  // end in no kind word, and nothing is cut for them.)
  bool kind_word_last = false;
  for (size_t n = 2; n <= 3 && n <= p->object.size() && !kind_word_last; ++n) {
    kind_word_last = dict.PosOf(std::u32string_view(p->object).substr(
                         p->object.size() - n)) == Pos::kDistinguisher;
  }
  if (!kind_word_last) return;
  const size_t floor =
      m.qualifier_begin > kMaxWindow ? m.qualifier_begin - kMaxWindow : 0;
  const std::u32string_view before =
      text.substr(floor, m.qualifier_begin - floor);
  const size_t at = RFindText(before, p->action);
  if (at == std::u32string_view::npos ||
      before.size() - (at + p->action.size()) > 2) {
    return;
  }
  const size_t object_at = RFindText(before.substr(0, at), p->object);
  if (object_at == std::u32string_view::npos) return;
  const size_t object_end = object_at + p->object.size();
  if (at - object_end > 6) return;
  thread_local std::vector<Word> object_words_buffer;
  SegmentInto(p->object, 0, p->object.size(), dict, &object_words_buffer);
  const std::vector<Word>& object_words = object_words_buffer;
  if (object_words.empty() || object_words.back().pos != Pos::kDistinguisher) {
    return;
  }
  // The words between the kind word and the count's verb: verbs by the
  // cut, none of the genre's list.
  thread_local std::vector<Word> gap_buffer;
  SegmentInto(before, object_end, at, dict, &gap_buffer);
  const std::vector<Word>& gap = gap_buffer;
  for (const Word& w : gap) {
    if (w.pos != Pos::kVerb || lex.actions.Contains(View(before, w))) return;
  }
  thread_local std::vector<Word> words_buffer;
  SegmentInto(p->action, 0, p->action.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  // The last verb is the count's, a verb of the genre's list (完成).
  if (words.empty() || words.back().pos != Pos::kVerb ||
      !lex.actions.Contains(View(p->action, words.back()))) {
    return;
  }
  // (Not verbs of the genre's list: 集体 + 视察调研 is a kind of deed.)
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (lex.actions.Contains(View(p->action, words[i]))) return;
  }
  const size_t keep = words.back().begin;
  if (gap.empty() && keep == 0) return;
  p->object.append(before.substr(object_end, at - object_end));
  p->object.append(p->action.substr(0, keep));
  p->action.erase(0, keep);
}

// Combine reads both ways and keeps, field by field, the better reading.
std::vector<MetricPhrase> Combine(std::u32string_view text,
                                  const std::vector<NumberMention>& mentions,
                                  const PhraseLexicon& lexicon) {
  bool same_sentences = false;
  std::vector<MetricPhrase> out =
      ReadByRules(text, mentions, lexicon, &same_sentences);
  if (lexicon.actions.empty()) return out;
  std::vector<MetricPhrase> lexical =
      ReadLexically(text, mentions, lexicon, same_sentences ? &out : nullptr);
  // The rules give every number its frame (a sub-count's set, 在…中) and
  // read shares and rates. For plain counts the lexical reading is kept
  // (but see FillsGaps):
  // measured rule by rule, no rule's reading of a plain count beat it on
  // both development sets (the rules win on the web set, lose on the
  // sample pages), so the switch waits until one does.
  for (size_t k = 0; k < out.size(); ++k) {
    MetricPhrase& p = out[k];
    MetricPhrase& l = lexical[k];
    // An object of marks only (a closing bracket) names nothing.
    if (std::none_of(l.object.begin(), l.object.end(),
                     [](char32_t c) { return IsCjk(c) || IsLatin(c); })) {
      l.object.clear();
    }
    // The word lists swallowed the verb the rules read before the number
    // into the object (招商专班 + 引资 read as one noun phrase): a noun
    // phrase does not end in the count's verb, so the rules' reading
    // stands. A one-character verb (可, 有) is too often part of a word.
    const bool verb_in_lexical_object =
        p.frame == Frame::kCount && p.action.size() >= 2 &&
        l.object.size() > p.action.size() && EndsWith(l.object, p.action);
    // A lexical object that is a verb alone, or a verb and 后/前 (合并后:
    // "after merging", a time), names no thing: the rules' reading stands
    // where they read a verb. Right after the verb the lists read, it is
    // that verb's object, a verb used as a noun (收到批示), except in a
    // count of people: what is counted is people, and a verb names what
    // they do (带动就业200人: the people employed), part of the action.
    const bool lexical_object_is_verb =
        p.frame == Frame::kCount && !p.action.empty() &&
        IsVerbPhraseOnly(l.object, *lexicon.dictionary) &&
        (IsPeopleMeasure(mentions[k].unit) || Same(l.object, p.action) ||
         !EndsWithPair(text.substr(0, mentions[k].qualifier_begin), l.action,
                       l.object));
    if (p.frame == Frame::kCount && !verb_in_lexical_object &&
        !lexical_object_is_verb) {
      // (Measured once: the rule's name is a C string.)
      const std::string_view rule = p.rule;
      // Where the word lists found nothing, a rule that reads structure the
      // lists cannot see (an enumeration, a light verb, a carried object)
      // fills the field.
      // A figure before the verb of its count (工业增加值完成52亿元) is
      // what is counted, where a noun there is otherwise who acts.
      // So is the figure the rules read where the word lists, reading the
      // verb of reaching (达到), found nothing before it.
      const bool quantity_before_verb =
          (rule == "noun_verb_number" ||
           (rule == "verb_object_number" && l.object.empty() &&
            !l.action.empty())) &&
          NamesAQuantity(p.object);
      const bool fills = FillsGaps(rule) || quantity_before_verb;
      const bool reads_noun_phrase =
          rule == "verb_object_number" || rule == "number_measure_noun";
      const bool people = rule == "people_counted";
      // A count of times before its deed (3次到园区调研) is read from the
      // words after it, which the word lists do not read as the count's.
      const bool deed_after = rule == "times_before_the_deed";
      // What things were treated as (作为建议 + 转部门参考) is read past the
      // verbs of the treatment, which the word lists read as the count's.
      const bool treated_as = rule == "treated_as";
      // A lexical object of time, place or agent words only (年度, 全市)
      // names no thing; the rules' noun phrase does. (Tried in this order,
      // cheapest first: the dictionary is asked only where the readings
      // differ.)
      // Words of a state the word lists read as the object (解决 + 或基本
      // 解决) are the state's, not a thing.
      const bool lexical_object_in_state =
          rule == "state" && !l.object.empty() &&
          p.action.find(l.object) != std::u32string::npos;
      // The word lists carried the object of the count before over
      // (收到来信80封，办结75封), where the rules read a noun phrase of
      // this clause's own: a clause that names its object carries none.
      const bool lexical_carried =
          (reads_noun_phrase || rule == "held_event") && k > 0 &&
          !p.object.empty() && !l.object.empty() &&
          Same(l.object, lexical[k - 1].object) &&
          FindText(text.substr(mentions[k - 1].mention_end,
                               mentions[k].qualifier_begin -
                                   mentions[k - 1].mention_end),
                   l.object) == std::u32string_view::npos;
      // A verb the word lists do not hold (发放, 分发) is read by the rules
      // from its class; the lists then take it into the object and find
      // no action: the rules' verb and noun phrase stand. A noun of one
      // character after the verb is a suffix of a noun made of it (浏览 +
      // 量, 点击 + 率), not an object of its own.
      const bool lexical_missed_verb =
          l.action.empty() && !p.action.empty() && p.object.size() >= 2 &&
          l.object.size() == p.action.size() + p.object.size() &&
          l.object.compare(0, p.action.size(), p.action) == 0 &&
          EndsWith(l.object, p.object);
      // The word lists read a verb out of the middle of the rules' noun
      // (召开新闻发布会3场: 发布 + 会): the rules' object and verb stand.
      const bool lexical_verb_in_noun =
          reads_noun_phrase && !p.action.empty() &&
          VerbInsideNoun(p.object, l.action, l.object, *lexicon.dictionary);
      // The word lists read a verb that says which activity, text or fund
      // (参加 + 培训 + 活动, 投入 + 帮扶 + 资金) as the action: the rules read
      // it into the noun.
      // The rules' object ends with the lists' verb and then their noun.
      const bool lexical_pair_ends_rules_object =
          !l.action.empty() &&
          p.object.size() >= l.action.size() + l.object.size() &&
          EndsWith(p.object, l.object) &&
          std::u32string_view(p.object).substr(
              p.object.size() - l.object.size() - l.action.size(),
              l.action.size()) == l.action;
      const bool lexical_verb_names_the_noun =
          (reads_noun_phrase || rule == "held_event") && !p.action.empty() &&
          VerbMayQualify(l.object) && lexical_pair_ends_rules_object;
      // An event named by a deed done in it (开展 + 送戏下乡活动, 开展 +
      // 提案办理协商): the word lists read the deed's verb as the action and
      // what follows it as the object; the rules read the whole name as the
      // event the holding verb holds.
      const bool deed_names_the_event =
          rule == "held_event" && !l.action.empty() && !l.object.empty() &&
          IsHoldingVerb(p.action) &&
          (lexical_pair_ends_rules_object ||
           (p.object.size() >= l.action.size() + l.object.size() &&
            EndsWith(p.object, l.object) &&
            p.object.compare(0, l.action.size(), l.action) == 0));
      // A course or series named by its deed alone (举办 + 培训3期, 参加 +
      // 轮训2批): the word lists read the deed as the action and find
      // nothing counted; the rules read the deed as the event the verb
      // before it holds or takes part in. Counted in times (开展调研12次),
      // the deed is what was done, and acts.
      const bool deed_alone_is_the_event =
          rule == "held_event" && l.object.empty() && !p.action.empty() &&
          p.object == l.action && TakesPartOrHolds(p.action) &&
          !IsMeasureOfTimes(mentions[k].unit);
      // The name of a figure (一般公共预算收入, 人均可支配收入) is read
      // whole: the word lists know its last noun only.
      const bool names_a_figure = reads_noun_phrase && !l.object.empty() &&
                                  p.object.size() > l.object.size() &&
                                  EndsWith(p.object, l.object) &&
                                  NamesAQuantity(p.object);
      // The word lists read a verb used as a noun (投资 of 完成投资) as the
      // action and found nothing counted; the rules read it as the object
      // of a listed verb before it.
      const bool lexical_verb_is_rules_object =
          reads_noun_phrase && l.object.empty() && !p.action.empty() &&
          p.object == l.action && lexicon.actions.Contains(p.action);
      // A noun phrase does not end in a preposition (提案由 + 86个承办单位):
      // what the word lists read before the number is no object there.
      const bool lexical_object_ends_in_preposition =
          !p.object.empty() && l.object.size() >= 2 &&
          lexicon.dictionary->PosOf(std::u32string_view(l.object).substr(
              l.object.size() - 1)) == Pos::kPreposition;
      // A noun phrase does not run through the count's verb: where the
      // word lists read the rules' verb and noun as one object (在N个乡镇 +
      // 建成 + 工作站), before or after the rules' noun, the rules' reading
      // stands.
      const bool lexical_object_runs_through_verb =
          p.frame == Frame::kCount && p.action.size() >= 2 &&
          !p.object.empty() &&
          l.object.size() > p.object.size() + p.action.size() &&
          (EndsWithPair(l.object, p.action, p.object) ||
           StartsWithPair(l.object, p.object, p.action)) &&
          lexicon.dictionary->PosOf(p.action) == Pos::kVerb;
      const bool keeps_rules_object =
          !Same(p.object, l.object) &&
          (lexical_object_runs_through_verb || deed_after || treated_as ||
           lexical_carried || lexical_missed_verb || lexical_verb_in_noun ||
           lexical_verb_names_the_noun || deed_names_the_event ||
           deed_alone_is_the_event || names_a_figure ||
           lexical_verb_is_rules_object || lexical_object_ends_in_preposition ||
           (rule == "held_event" &&
            (ParticipantsInFront(l.object, p.object, *lexicon.dictionary) ||
             JoinsNounPhrases(p.object, l.object, *lexicon.dictionary))) ||
           ((fills && l.object.empty()) || people || lexical_object_in_state ||
            (!p.object.empty() && !l.object.empty() &&
             OnlyDroppable(l.object, *lexicon.dictionary)) ||
            (reads_noun_phrase &&
             (AddsKind(p.object, l.object, *lexicon.dictionary) ||
              ListsKinds(p.object, l.object, *lexicon.dictionary) ||
              JoinsNounPhrases(p.object, l.object, *lexicon.dictionary) ||
              NamesKind(p.object, l.object, lexicon,
                        rule == "verb_object_number" && !p.action.empty() &&
                            !IsPeopleMeasure(mentions[k].unit)) ||
              EndsInHead(p.object, l.object, *lexicon.dictionary) ||
              CutsWord(l.object, p.object, *lexicon.dictionary) ||
              RunsOn(l.object, p.object, *lexicon.dictionary)))));
      if (!keeps_rules_object) {
        p.object = l.object;
      } else if (quantity_before_verb || names_a_figure) {
        // The place the figure is of (全县) names no kind of it.
        DropLeadingModifiers(lexicon, &p.object);
      }
      // A verb inside the object (城乡建设方面来信: 建设) is not its action.
      const bool action_in_object =
          !l.action.empty() &&
          (l.object.find(l.action) != std::u32string::npos ||
           p.object.find(l.action) != std::u32string::npos);
      // A topic of a breakdown (城乡建设方面) takes its verb from its own
      // clause or its set, as the rules read it; the word lists carry a verb
      // in from the clause before.
      const bool topic = p.object.find(U"方面") != std::u32string::npos;
      // A state (办结的, 办结或基本办结) is read whole by the rules; the
      // word lists see one verb of it.
      const bool state = rule == "state";
      // A part naming its kind without a verb has no action (see rule
      // "part names its kind"); the word lists carry the set's verb in.
      const bool part_without_verb = p.set_mention >= 0 &&
                                     p.set_object.empty() && p.action.empty() &&
                                     !p.object.empty();
      // The event's own holding verb acts, not a verb of the way there
      // the word lists read (委员深入基层 + 开展 + 调研: 开展, not 深入).
      const bool holding_verb_in_front =
          rule == "held_event" && !p.action.empty() &&
          l.object.size() > p.object.size() + p.action.size() &&
          EndsWithPair(l.object, p.action, p.object);
      // A listed verb that ends a longer verb of the dictionary (送 of
      // 赠送) names less than the word the rules read.
      const bool lexical_action_in_word =
          !l.action.empty() && p.action.size() > l.action.size() &&
          EndsWith(p.action, l.action) &&
          lexicon.dictionary->PosOf(p.action) == Pos::kVerb;
      // The word lists carry the verb of the count before into a clause
      // that names none; where the count before was read with another
      // verb in the end (its verb was inside its noun: 经济建设类), there
      // is none to carry.
      bool carried_verb_overruled = false;
      if (k > 0 && !l.action.empty()) {
        const size_t clause_end = ClauseEndAfter(text, mentions[k].mention_end);
        const size_t from = std::min(mentions[k - 1].mention_end, clause_end);
        const std::u32string_view clause = text.substr(from, clause_end - from);
        // Nor is there one where the rules read a verb of this clause's
        // own (建成站点6个，在9个村设立服务点9个: 设立, not 建成), a verb
        // and not inside the rules' noun (学习 of 学习会议).
        const bool own_verb_read =
            p.action.size() >= 2 && !Same(p.action, l.action) &&
            (lexicon.actions.Contains(p.action) ||
             lexicon.dictionary->PosOf(p.action) == Pos::kVerb) &&
            p.object.find(p.action) == std::u32string::npos &&
            FindText(clause, p.action) != std::u32string_view::npos;
        // A new clause that names a figure and no verb (引进项目12个，总
        // 投资8亿元) states the figure: the verb of the count before is not
        // carried into it. (Joined by 、, the enumeration shares it.)
        bool figure_in_a_clause_of_its_own = false;
        if (p.action.empty() && NamesAQuantity(p.object)) {
          for (size_t i = mentions[k].qualifier_begin; i > from; --i) {
            const char32_t c = text[i - 1];
            if (c == U'、') break;
            if (c == U'，' || c == U',') {
              figure_in_a_clause_of_its_own = true;
              break;
            }
          }
        }
        carried_verb_overruled =
            (out[k - 1].action != l.action || own_verb_read ||
             figure_in_a_clause_of_its_own) &&
            FindText(clause, l.action) == std::u32string_view::npos;
      }
      // The rules read a verb that qualifies the head into the noun
      // (奖励 + 资金) and the verb before it as the action; the word lists,
      // knowing neither, read no action.
      const bool rules_qualified_the_head =
          lexical_verb_names_the_noun ||
          (reads_noun_phrase && l.action.empty() && !p.action.empty() &&
           VerbMayQualify(l.object) && p.object.size() > l.object.size() &&
           EndsWith(p.object, l.object));
      if (!(fills && l.action.empty()) && !action_in_object && !topic &&
          !state && !people && !deed_after && !treated_as &&
          !part_without_verb && !lexical_missed_verb &&
          !lexical_action_in_word && !holding_verb_in_front &&
          !lexical_verb_in_noun && !carried_verb_overruled &&
          !rules_qualified_the_head) {
        p.action = std::move(l.action);  // (l.action is read no more)
      }
      p.phrase_end = l.phrase_end;
    }
    const size_t glossed_object = p.object.size();
    DropPinyinGlosses(&p.object);
    DropPinyinGlosses(&p.action);
    // A verb alone read as the object next to an action of its own (立(li)
    // 案5件，并案2件: the gloss hid the verb from the word lists, and the
    // next clause carried it over) names no thing.
    if (p.frame == Frame::kCount && !p.action.empty() &&
        p.object.size() < glossed_object && !Same(p.object, p.action) &&
        lexicon.dictionary->PosOf(p.object) == Pos::kVerb) {
      p.object.clear();
    }
    // A verb alone names no thing: read as the object (a gloss hid it from
    // the word lists, 立(li)案), it is the action.
    if (p.frame == Frame::kCount && p.action.empty() &&
        lexicon.dictionary->PosOf(p.object) == Pos::kVerb) {
      p.action = std::move(p.object);
      p.object.clear();
    }
    DropAfterVerb(text, mentions[k], *lexicon.dictionary, &p.action);
    DropLeadingQuantityWord(*lexicon.dictionary, &p.action);
    if (p.frame == Frame::kCount) {
      JoinedVerbsShareTheAction(text, mentions[k], lexicon, &p);
      NegationStaysWithTheDeed(text, mentions[k], &p.action);
    }
    VerbSharedWithTheObject(p.action, &p.object);
    if (p.frame == Frame::kCount) {
      PivotPassesToTheDeed(text, mentions[k], *lexicon.dictionary, &p.action);
    }
    // Rule "understood object": registering a case (立案, 不予立案, 并案)
    // is done to proposals only; counted in 件 with nothing named, what is
    // counted is the proposals.
    if (p.object.empty() && p.frame == Frame::kCount &&
        mentions[k].unit == U"件" &&
        (p.action.find(U"立案") != std::u32string::npos ||
         IsOneOf(p.action, {U"并案", U"合并处理"}))) {
      p.object = U"提案";
    }
    TopicVerbIsNoStep(text, mentions[k], &p);
    BeneficiariesAreCounted(text, mentions[k], *lexicon.dictionary, &p);
    PeopleEndInAPerson(mentions[k], *lexicon.dictionary, &p);
    MeasureNamesTheThing(mentions[k], &p);
    HandledCases(text, mentions[k], *lexicon.dictionary, &p);
    PredicateWordsAreNoObject(text, mentions[k], *lexicon.dictionary,
                              &p.object);
    CauseIsNoObject(text, mentions[k], &p.object);
    AddressIsNoObject(&p.object);
    LabelIsNoObject(text, mentions[k], &p.object);
    TimeSpanHasNoObject(text, mentions[k], &p);
    FrontWordsNamingNoKind(*lexicon.dictionary, &p);
    NumberEndsTheObject(*lexicon.dictionary, &p.object);
    VerbOfChangeEndsTheObject(*lexicon.dictionary, &p);
    ComparisonIsNoObject(text, mentions, k, *lexicon.dictionary, &out);
    NegatingPrefixStays(text, mentions[k], &p.object);
    KindWordTakesANoun(text, mentions[k], lexicon, &p);
    WorthIsOfTheThing(text, mentions[k], *lexicon.dictionary, &p);
    PeopleBeforeTheCount(text, mentions[k], *lexicon.dictionary, &p);
    NounAfterTheMeasureIsCounted(text, mentions[k], *lexicon.dictionary, &p);
    TotalCountsWhatItsPartsCount(text, mentions, k, *lexicon.dictionary, &out);
    VerbChainIsNoObject(text, mentions, k, *lexicon.dictionary, &out);
    CarryHeadInParagraph(text, mentions, k, *lexicon.dictionary, &out);
    ShareOfTheCountBefore(text, mentions, k, &out);
    ValueJoinedToTheOneBefore(text, mentions, k, &out);
    ChangeOfTheFigureBefore(text, mentions, k, &out);
  }
  JoinCountsByVerb(text, mentions, *lexicon.dictionary, &out);
  ChangeFromValueToValue(text, mentions, *lexicon.dictionary, &out);
  ShareBaseNamesTheSet(text, mentions, *lexicon.dictionary, &out);
  return out;
}

}  // namespace
}  // namespace phrase_internal

std::vector<MetricPhrase> AnalysePhrases(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon) {
  std::vector<MetricPhrase> out =
      phrase_internal::Combine(text, mentions, lexicon);
  phrase_internal::RespectivelyListsTheParts(text, mentions, &out);
  if (lexicon.dictionary != nullptr) {
    phrase_internal::RespectivelyNamesEachState(text, mentions,
                                                *lexicon.dictionary, &out);
  }
  phrase_internal::PartsThatSumToAWhole(mentions, &out);
  return out;
}

}  // namespace reportfacts
