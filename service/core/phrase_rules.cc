// The named clause rules (verb + object + number, number + measure +
// noun, shares, rates, states, people counted ...) and the frames that
// give a count its set (其中, 在…中), carried objects and shared verbs.
#include <algorithm>

#include "service/core/chars.h"
#include "service/core/phrase_internal.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace phrase_internal {

namespace {

// StateBefore reads a state named by a verb phrase before 的 (解决或基本
// 解决的, 纳入工作计划的): from its first verb, after the passive or
// perfective verb that opens it (得到, 已经), to 的.
std::u32string StateBefore(const Clause& c, size_t de) {
  size_t b = de;
  while (b > 0 && de - b < 8) {
    const Word& w = c.left[b - 1];
    const std::u32string_view v = c.LeftWord(b - 1);
    if (w.pos == Pos::kPunctuation || w.pos == Pos::kParticle ||
        IsOneOf(v, {U"得到", U"获得", U"受到", U"已经", U"已", U"被", U"均"})) {
      break;
    }
    --b;
  }
  while (b < de && c.left[b].pos != Pos::kVerb) ++b;
  if (b == de) return {};
  std::u32string out;
  for (size_t k = b; k < de; ++k) out.append(c.LeftWord(k));
  return out;
}

// Rule "share": 占(…的)N% is a share of what follows 占, or of the topic
// before it (A类来信占比超过40%).
bool ShareRule(const Clause& c, Reading* r) {
  if (!IsPercent(c.unit)) return false;
  // 表示满意的为97%: the share of those in a state, linked to its
  // value by a copula (达, 为) instead of 占; the link is no action.
  if (c.tail > 0 && c.tail < c.left.size() && c.LeftWord(c.tail - 1) == U"的" &&
      IsCopula(c.LeftWord(c.tail))) {
    std::u32string state = StateBefore(c, c.tail - 1);
    if (!state.empty()) {
      r->frame = Frame::kShare;
      r->object = std::move(state);
      r->rule = "share";
      return true;
    }
  }
  for (size_t i = c.tail; i > 0; --i) {
    const std::u32string_view v = c.LeftWord(i - 1);
    if (v == U"占" || v == U"占比" || v == U"比重" || v == U"占到") {
      r->frame = Frame::kShare;
      r->action = std::u32string(v == U"比重" ? U"占" : v);
      size_t e = c.tail;
      while (e > i && c.LeftWord(e - 1) == U"的") --e;
      r->object = ObjectText(c, c.left, i, e);
      r->share_base = !r->object.empty();
      // Nothing after 占: the share is the part named before it (集体提案
      // 占20%, A类来信占比40%).
      if (r->object.empty()) {
        r->object = ObjectText(c, c.left, PhraseStart(c, i - 1), i - 1);
      }
      if (r->object.empty() && i >= 2 && c.LeftWord(i - 2) == U"的") {
        r->object = StateBefore(c, i - 2);
      }
      r->rule = "share";
      return true;
    }
    // A verb before a noun modifies it (占立案来信的20%); any other verb
    // means the clause is no share.
    if (c.left[i - 1].pos == Pos::kVerb && !IsCopula(v) &&
        !(i < c.tail && IsNounish(c.left[i].pos))) {
      return false;
    }
  }
  return false;
}

// 率 alone after a verb is the suffix of a rate (面商 + 率), not a verb.
bool IsRateSuffix(std::u32string_view w) { return w == U"率"; }

// Verbs that act on a rate or a figure (提高满意率) rather than name what
// the rate is of.
bool ActsOnAQuantity(std::u32string_view w) {
  return IsOneOf(w, {U"提高", U"提升", U"降低", U"保持", U"实现", U"确保",
                     U"达到", U"超过", U"维持", U"稳定", U"實現", U"確保",
                     U"達到", U"超過", U"維持", U"穩定"});
}

// Rule "rate": a noun phrase ending in a rate word (…率, 满意度) before a
// percentage.
bool RateRule(const Clause& c, Reading* r) {
  if (!IsPercent(c.unit)) return false;
  size_t e = c.tail;
  // 答复率达到98%: the copula or verb after the rate.
  // A one-character link (率达98%, 率为98%) only joins the rate to its
  // value: it is no action.
  std::u32string action;
  if (e < c.left.size() && c.left[e].pos == Pos::kVerb) {
    action = std::u32string(c.LeftWord(e));
  } else if (e > 0 && c.left[e - 1].pos == Pos::kVerb &&
             !IsRateSuffix(c.LeftWord(e - 1))) {
    action = std::u32string(c.LeftWord(e - 1));
    --e;
  }
  if (action.size() == 1 && IsCopula(action)) action.clear();
  if (e == 0) return false;
  const std::u32string_view last = c.LeftWord(e - 1);
  if (last.empty() || !(last.back() == U'率' || last.back() == U'度')) {
    return false;
  }
  // The rate word itself (满意率), or with the noun before a short one.
  size_t b = e - 1;
  if (last.size() < 3 && b > 0 &&
      (IsNounish(c.left[b - 1].pos) ||
       (last.size() == 1 && c.left[b - 1].pos == Pos::kVerb))) {
    --b;  // 立案 + 率: a rate the dictionary cut in two
  }
  // A rate of doing two things (沟通 + 联系率): the verb before a rate of
  // a two-character deed, which the dictionary does not hold as one word,
  // is part of its name.
  const size_t rate_size = c.left[e - 1].end - c.left[b].begin;
  if (b + 1 < e && rate_size == 3 && b > 0 && IsActionVerb(c, b - 1) &&
      c.LeftWord(b - 1).size() == 2 && !ActsOnAQuantity(c.LeftWord(b - 1))) {
    --b;
  }
  r->object = ObjectText(c, c.left, b, e);
  r->action = action;
  r->frame = Frame::kRate;
  r->rule = "rate";
  return true;
}

// Rule "list": 等 or a joiner before the number: the enumeration before
// it are examples, the noun after the unit is what is counted, and the
// verb that opens the enumeration is the action.
bool ListRule(const Clause& c, Reading* r) {
  if (!c.list_before) return false;
  r->object = RightObject(c);
  r->used_right = !r->object.empty();
  r->action = FirstAction(c);
  if (r->object.empty()) {
    // 报送A、B等30份: the enumeration is what is counted.
    size_t e = c.tail;
    while (e > 0 &&
           (c.LeftWord(e - 1) == U"等" || IsJoiner(c.LeftWord(e - 1)))) {
      --e;
    }
    r->object = ObjectText(c, c.left, PhraseStart(c, e), e);
  }
  if (r->action.empty()) r->action = ActionAfter(c);
  r->rule = "list";
  return true;
}

// A verb that makes people do something (组织委员视察): what they do is
// the deed.
bool IsPivotVerb(std::u32string_view w) {
  return IsOneOf(w, {U"组织", U"带领", U"邀请", U"动员", U"组织开展", U"組織",
                     U"帶領", U"邀請", U"動員"});
}

// Rule "verb object number": a noun phrase right before the number is the
// object, the verb before it the action (受理来信80封).
bool VerbObjectNumberRule(const Clause& c, Reading* r) {
  if (c.tail == 0 || !IsNounish(c.left[c.tail - 1].pos)) return false;
  const size_t b = PhraseStart(c, c.tail);
  std::u32string object = ObjectText(c, c.left, b, c.tail);
  if (object.empty()) return false;
  r->object = std::move(object);
  r->action = ActionBefore(c, b);
  // A verb of organizing, people and a deed (组织 + 委员 + 视察 + 提案办理
  // 情况): the people are who it organizes, the deed acts on the rest.
  if (b + 2 < c.tail && IsPivotVerb(r->action) && IsPersonNoun(c.LeftWord(b)) &&
      (c.left[b + 1].pos == Pos::kVerb ||
       c.left[b + 1].pos == Pos::kVerbalNoun)) {
    std::u32string rest = ObjectText(c, c.left, b + 2, c.tail);
    if (!rest.empty()) {
      r->object = std::move(rest);
      r->action = std::u32string(c.LeftWord(b + 1));
    }
  }
  // A verb that introduces a topic (涉及经济方面) says what it is about,
  // not what is done to the count.
  if (r->object.find(U"方面") != std::u32string::npos &&
      IsTopicVerb(r->action)) {
    r->action.clear();
  }
  if (r->action.empty()) r->action = ActionAfter(c);
  r->rule = "verb_object_number";
  return true;
}

// Rule "number measure noun": the noun after the unit is the object, the
// verb before the number the action (提出12条意见).
bool NumberMeasureNounRule(const Clause& c, Reading* r) {
  std::u32string object = RightObject(c);
  if (object.empty()) return false;
  r->object = std::move(object);
  r->used_right = true;
  r->action = ActionBefore(c, c.tail);
  if (r->action.empty()) r->action = ActionAfter(c);
  r->rule = "number_measure_noun";
  return true;
}

// Rule "noun verb number": a verb right before the number; the noun
// phrase before the verb is its object (来信办结75封). Without one the
// verb goes on about the thing counted before (ellipsis, see Carry).
bool NounVerbNumberRule(const Clause& c, Reading* r) {
  size_t e = c.tail;
  if (e == 0 || c.left[e - 1].pos != Pos::kVerb) return false;
  // Of verbs side by side (组织开展) the one nearest the number acts.
  r->action = VerbChain(c, e - 1);
  size_t v = e - 1;
  // A degree word before the verb (水位 + 最高 + 升至) speaks of the value,
  // as an adverb does: the noun before it is the subject.
  while (v > 0 &&
         (c.left[v - 1].pos == Pos::kVerb ||
          c.left[v - 1].pos == Pos::kAdverb ||
          (c.left[v - 1].pos == Pos::kAdjective &&
           c.LeftWord(v - 1).size() == 2 && c.LeftWord(v - 1)[0] == U'最'))) {
    --v;
  }
  // A comparison before the verb (产值 + 比上年 + 增长) says what the change
  // is measured against: the subject stands before it.
  // (Words side by side: their text is one view of the clause.)
  for (size_t w = v; w > 0 && v - w < 3; --w) {
    const std::u32string_view words = c.text.substr(
        c.left[w - 1].begin, c.left[v - 1].end - c.left[w - 1].begin);
    if (ComparisonLength(words) == words.size()) {
      v = w - 1;
      break;
    }
  }
  const size_t b = PhraseStart(c, v);
  // Who acts is the subject, not the object (委员提交100件); after 被 the
  // words before the verb are who acts, levels and all (被市级以上政协采用).
  size_t q = b;
  while (q > 0 && b - q < 3 && c.left[q - 1].pos != Pos::kPunctuation &&
         c.left[q - 1].pos != Pos::kVerb && c.LeftWord(q - 1) != U"被") {
    --q;
  }
  const bool passive = q > 0 && c.LeftWord(q - 1) == U"被";
  bool agent_only = true;
  for (size_t i = b; i < v && !passive; ++i) {
    if (c.left[i].pos != Pos::kAgent && c.left[i].pos != Pos::kPersonName &&
        !IsDroppable(c.left[i].pos)) {
      agent_only = false;
    }
  }
  if (b < v && !agent_only) r->object = ObjectText(c, c.left, b, v);
  r->needs_object = r->object.empty();
  r->rule = "noun_verb_number";
  return true;
}

// ActsOnPeople says whether left[from, to), what a verb acts on, ends in a
// noun naming people (接待 + 来访群众, 培训 + 基层委员).
bool ActsOnPeople(const Clause& c, size_t from, size_t to) {
  for (size_t i = to; i > from; --i) {
    if (IsDroppable(c.left[i - 1].pos)) continue;
    return IsNounish(c.left[i - 1].pos) && IsPersonNoun(c.LeftWord(i - 1));
  }
  return false;
}

// Rule "people counted": with a measure of people (人, 人次, 名), what is
// counted is the people who act, the subject before the verb (委员参加活动
// 300人次 -> 委员 / 参加), not the thing the verb acts on.
bool PeopleCountedRule(const Clause& c, Reading* r) {
  if (!IsPeopleMeasure(c.unit) || c.tail == 0) return false;
  bool passed_verb = false;
  for (size_t v = c.tail; v > 0; --v) {
    if (c.left[v - 1].pos == Pos::kPunctuation) return false;
    if (!IsActionVerb(c, v - 1)) continue;
    // People the verb acts on are the ones counted (接待群众300人次): the
    // reading of the verb and its object says so better than this rule.
    if (!passed_verb && ActsOnPeople(c, v, c.tail)) return false;
    size_t e = v - 1;
    // Adverbs between the subject and its verb (委员积极参加).
    while (e > 0 && c.left[e - 1].pos == Pos::kAdverb) --e;
    // A verb inside what is done (参与 + 实践点 ...) is passed over, and
    // is no part of the subject's verb.
    if (e == 0 || !IsPersonNoun(c.LeftWord(e - 1))) {
      passed_verb = true;
      continue;
    }
    const size_t b = PhraseStart(c, e);
    std::u32string object = ObjectText(c, c.left, b, e);
    if (object.empty()) return false;
    r->object = std::move(object);
    r->action =
        passed_verb ? std::u32string(c.LeftWord(v - 1)) : VerbChain(c, v - 1);
    if (v < c.tail) r->theme = ObjectText(c, c.left, v, c.tail);
    r->rule = "people_counted";
    return true;
  }
  return false;
}

// A verb of saying or thinking (表示, 认为) takes a clause: what follows it
// is the state, not it.
bool TakesAClause(std::u32string_view w) {
  return IsOneOf(w, {U"表示", U"认为", U"表明", U"反映", U"称"});
}

// NominalWithSuo says whether left[i] is the noun of 所 + a verb + a noun
// (所提问题, 所反映情况): 所 makes the verb a modifier of the noun.
bool NominalWithSuo(const Clause& c, size_t i) {
  return i >= 2 && i < c.left.size() && IsNounish(c.left[i].pos) &&
         c.left[i - 1].pos == Pos::kVerb && c.LeftWord(i - 2) == U"所";
}

// StatePhrase reads the verb phrase that ends at left[end) back to where
// it opens: verbs, adverbs, adjectives and 或/和 between them, and a noun
// that is a verb's object or qualifies the verb after it (作为意见处理,
// 基本满意). It returns where the phrase begins, or end if it holds no
// verb, and whether two states are joined by 或 (办结或基本办结).
// AfterTheCause: a cause before a state (因条件限制暂缓办理的, 受天气影响
// 尚未完成的) is why, not the state: where a cause word (因, 因为, 由于,
// 受) opens the phrase at `from` (or stands just before it), the state
// starts after the cause's nouns and their verb (因政策限制 + 暂时不能解决,
// 因资金原因 + 暂时不能落实). Returns `from` where there is no cause.
size_t AfterTheCause(const Clause& c, size_t from, size_t end) {
  size_t cause = end;
  for (size_t i = from > 0 ? from - 1 : 0; i < end; ++i) {
    if (IsOneOf(c.LeftWord(i), {U"因", U"因为", U"由于", U"受"})) cause = i;
  }
  if (cause == end) return from;
  // The cause is its nouns and at most one verb of theirs (限制, 影响).
  size_t i = cause + 1;
  while (i < end && c.left[i].pos != Pos::kVerb &&
         c.left[i].pos != Pos::kAdverb) {
    ++i;
  }
  if (i == cause + 1 || i >= end) return from;
  if (c.left[i].pos == Pos::kVerb) ++i;
  return i < end ? i : from;
}

size_t StatePhraseStart(const Clause& c, size_t end, bool* disjunction) {
  size_t b = end;
  bool verb = false;
  *disjunction = false;
  while (b > 0 && end - b < 10) {
    const Word& w = c.left[b - 1];
    const std::u32string_view v = c.LeftWord(b - 1);
    if (TakesAClause(v) || v == U"其中" || IsCopula(v)) break;
    // 正在 marks the progressive aspect, as 已经 the perfective.
    const bool verbish = w.pos == Pos::kVerb || w.pos == Pos::kAdverb ||
                         w.pos == Pos::kAdjective || v == U"正在";
    const bool joiner = IsOneOf(v, {U"或", U"或者", U"和", U"及", U"并"});
    const bool inner_noun = IsNounish(w.pos) && w.pos != Pos::kAgent &&
                            ((b < end && c.left[b].pos == Pos::kVerb) ||
                             (b >= 2 && c.left[b - 2].pos == Pos::kVerb));
    if (!verbish && !joiner && !inner_noun) break;
    // 所 + a verb + a noun is a noun phrase (所提问题: the problems
    // raised), the subject of the state, not a verb and its object.
    if (inner_noun && NominalWithSuo(c, b - 1)) break;
    if (w.pos == Pos::kVerb) verb = true;
    if (v == U"或" || v == U"或者") *disjunction = true;
    --b;
  }
  b = AfterTheCause(c, b, end);
  // The phrase opens with a verb or an adverb, not a joiner or a noun.
  while (b < end && c.left[b].pos != Pos::kVerb &&
         c.left[b].pos != Pos::kAdverb && c.left[b].pos != Pos::kAdjective &&
         c.LeftWord(b) != U"正在") {
    ++b;
  }
  return verb && b < end ? b : end;
}

// Rule "treated as": 作为/转为/列为 + what the things were treated as, then
// what was done with them, before the number (作为建议转部门参考12件): the
// whole treatment is the action and what they were treated as the object.
bool TreatedAsRule(const Clause& c, Reading* r) {
  constexpr size_t kMaxWords = 10;
  // With 的 before the number the treatment is a state (rule "state").
  if (c.tail < 2 || IsPercent(c.unit) || c.right_phrase > 0 ||
      c.LeftWord(c.tail - 1) == U"的") {
    return false;
  }
  const size_t floor = c.tail > kMaxWords ? c.tail - kMaxWords : 0;
  for (size_t a = c.tail - 1; a-- > floor;) {
    const std::u32string_view v = c.LeftWord(a);
    if (c.left[a].pos == Pos::kPunctuation) return false;
    if (!IsOneOf(v, {U"作为", U"转为", U"列为", U"作為", U"轉為", U"列為"})) {
      continue;
    }
    size_t e = a + 1;
    while (e < c.tail && IsNounish(c.left[e].pos) &&
           c.left[e].pos != Pos::kAgent && c.left[e].pos != Pos::kTime) {
      ++e;
    }
    if (e == a + 1) return false;
    // What follows the noun is a deed done with the things (转 + 部门 +
    // 参考), or nothing.
    if (e < c.tail && c.left[e].pos != Pos::kVerb) return false;
    r->object = ObjectText(c, c.left, a + 1, e);
    // Treated as and nothing more (转为信息12件): the verb alone acts.
    r->action = std::u32string(v);
    if (e < c.tail) {
      for (size_t k = a + 1; k < c.tail; ++k) r->action.append(c.LeftWord(k));
    }
    r->rule = "treated_as";
    return !r->object.empty();
  }
  return false;
}

// Rule "state": a count of the things in a state, named by a verb phrase
// and 的 before the number (已经办结的80件, 作为意见处理的5件), or by two
// states joined by 或 (办结或基本办结20件): the state is the action; the
// noun after the unit, or else the set's, is the object.
bool StateRule(const Clause& c, Reading* r) {
  if (c.tail == 0 || IsPercent(c.unit)) return false;
  const bool de = c.LeftWord(c.tail - 1) == U"的";
  const size_t end = de ? c.tail - 1 : c.tail;
  if (!de) {  // without 的 only a disjunction is a state: look for 或 first
    bool has_or = false;
    for (size_t k = end > 10 ? end - 10 : 0; k < end && !has_or; ++k) {
      has_or = IsOneOf(c.LeftWord(k), {U"或", U"或者"});
    }
    if (!has_or) return false;
  }
  bool disjunction = false;
  const size_t b = StatePhraseStart(c, end, &disjunction);
  if (b == end || (!de && !disjunction)) return false;
  // A noun after the unit that the clause goes on about (的20件提案已办结)
  // makes the phrase a modifier: the verb after it acts.
  if (de && c.right_phrase > 0) return false;
  r->action.clear();
  for (size_t k = b; k < end; ++k) r->action.append(c.LeftWord(k));
  r->object = RightObject(c);
  r->used_right = !r->object.empty();
  // The state's subject 所 + verb + noun names what is counted.
  if (r->object.empty() && b > 0 && NominalWithSuo(c, b - 1)) {
    r->object = std::u32string(c.LeftWord(b - 1));
  }
  r->needs_object = r->object.empty();
  r->rule = "state";
  return true;
}

// Rule "light verb": 作出/进行 + an action before the number: the action
// is what is counted and the light verb acts (主席作出批示20次).
bool LightVerbRule(const Clause& c, Reading* r) {
  const size_t e = c.tail;
  if (e < 2 ||
      (c.left[e - 1].pos != Pos::kVerb &&
       c.left[e - 1].pos != Pos::kVerbalNoun) ||
      !IsLightVerb(c.LeftWord(e - 2))) {
    return false;
  }
  r->object = std::u32string(c.LeftWord(e - 1));
  r->action = std::u32string(c.LeftWord(e - 2));
  r->rule = "light_verb";
  return true;
}

// Rule "held event": a verb of holding, then an event, then a number with
// a measure of events (举行专题学习4场, 组织委员座谈研讨6次): the event is
// the object, whatever its words' classes, and the holding verb acts.
bool HeldEventRule(const Clause& c, Reading* r) {
  if (!IsEventMeasure(c.unit) || c.tail == 0 || c.right_phrase > 0) {
    return false;
  }
  const Pos last = c.left[c.tail - 1].pos;
  if (last != Pos::kVerb && last != Pos::kVerbalNoun) return false;
  for (size_t i = c.tail - 1; i > 0; --i) {
    const std::u32string_view v = c.LeftWord(i - 1);
    const Word& w = c.left[i - 1];
    if (w.pos == Pos::kPunctuation && !IsJoiner(v)) return false;
    if (c.left[c.tail - 1].end - w.end > 16) return false;
    // Taking part in an event (组织委员 + 参加 + 学习活动) is the nearer
    // deed: the event follows it.
    if (w.pos == Pos::kVerb && TakesPartOrHolds(v)) {
      // Who takes part (组织委员和干部学习) is not the event.
      size_t b = i;
      for (size_t j = i; j < c.tail; ++j) {
        if (c.left[j].pos == Pos::kVerb || c.left[j].pos == Pos::kVerbalNoun) {
          b = j;
          break;
        }
      }
      while (b > i &&
             (c.left[b - 1].pos == Pos::kNoun ||
              c.left[b - 1].pos == Pos::kDistinguisher) &&
             !IsJoiner(c.LeftWord(b - 1)) && c.left[b - 1].pos != Pos::kAgent) {
        // Nouns right before the event say which kind (专题读书学习).
        if (b - 1 > i && IsJoiner(c.LeftWord(b - 2))) break;
        --b;
      }
      r->object = ObjectText(c, c.left, b, c.tail);
      r->action = std::u32string(v);
      r->rule = "held_event";
      return !r->object.empty();
    }
  }
  return false;
}

// Rule "number verb noun": nothing before the number; the verb and its
// object follow it (3年实现盈利).
bool NumberVerbNounRule(const Clause& c, Reading* r) {
  if (c.right.empty() || c.right[0].pos != Pos::kVerb) return false;
  // A receiving word opens who acts and the deed (5篇获领导批示): the
  // nouns after it are no object (see DeedAfterReceiving).
  if (IsReceivingWord(View(c.text, c.right[0]))) return false;
  r->action = std::u32string(View(c.text, c.right[0]));
  size_t e = 1;
  while (e < c.right.size() && IsNounish(c.right[e].pos)) ++e;
  r->object = ObjectText(c, c.right, 1, e);
  r->used_right = true;
  r->rule = "number_verb_noun";
  return true;
}

// A coverb of place, direction or counterpart (到, 赴, 在…上, 向, 与) opens
// the adverbial of a deed: after a count of times it says the count is
// how often the deed was done.
bool IsCoverbOfPlace(std::u32string_view w) {
  constexpr uint64_t kFirsts = FirstCharMask(U"到赴在向深前去走对就与同跟");
  if (w.empty() || w.size() > 2 || !MayOpen(kFirsts, w[0])) return false;
  return IsOneOf(
      w, {U"到", U"赴", U"在", U"向", U"深入", U"前往", U"去", U"走进", U"对",
          U"就", U"与", U"同", U"跟", U"對", U"與", U"走進"});
}

// Rule "times before the deed": a count of times with a coverb after it
// (3次到园区调研, 2次在全会上作发言, 5次向市委报送报告) stands before the
// deed it counts, as an adverbial: the first verb after the coverb's
// phrase is the action and the noun phrase after that verb the object;
// after 对 or 就 the coverb's phrase is what the deed is about, the object
// (3次对报告作出批示). A noun before the number, other than who acts, is
// what is counted (召开会议3次), and the rule does not apply.
bool TimesBeforeTheDeedRule(const Clause& c, Reading* r) {
  if (!IsMeasureOfTimes(c.unit) || c.right.size() < 2 ||
      !IsCoverbOfPlace(View(c.text, c.right[0]))) {
    return false;
  }
  // A filler right before the number (先后, 累计) makes it an adverbial
  // already; else the word there tells.
  if (c.tail > 0 && c.tail == c.left.size()) {
    const Word& last = c.left[c.tail - 1];
    const bool who = last.pos == Pos::kAgent || last.pos == Pos::kPersonName ||
                     IsPersonNoun(c.LeftWord(c.tail - 1));
    // (When it was done, 先后 or 年内, is no thing counted.)
    if (IsNounish(last.pos) && last.pos != Pos::kTime && !who) return false;
  }
  const size_t n = c.right.size();
  const std::u32string_view coverb = View(c.text, c.right[0]);
  if (IsOneOf(coverb, {U"对", U"就", U"對"})) {
    // What the deed is about may hold verbs of its own (对调研成果作出批
    // 示): the deed is the last verb, with the noun phrase after it; where
    // none follows, the coverb's phrase is what is counted.
    size_t o = n;
    while (o > 1 && IsNounish(c.right[o - 1].pos)) --o;
    if (o < 2 || c.right[o - 1].pos != Pos::kVerb) return false;
    size_t v = o - 1;
    size_t about_end = v;
    if (v > 1 && IsLightVerb(View(c.text, c.right[v - 1]))) about_end = v - 1;
    if (about_end <= 1) return false;
    r->action = std::u32string(View(c.text, c.right[v]));
    r->object = o < n ? ObjectText(c, c.right, o, n)
                      : ObjectText(c, c.right, 1, about_end);
  } else {
    // The deed opens at the first verb, or at a verb used as a noun that a
    // verb follows (考察 + 学习) or that ends the clause; one before a noun
    // names the place (项目建设现场).
    const auto opens_deed = [&c, n](size_t i) {
      return c.right[i].pos == Pos::kVerb ||
             (c.right[i].pos == Pos::kVerbalNoun &&
              (i + 1 == n || c.right[i + 1].pos == Pos::kVerb));
    };
    size_t v = 1;
    while (v < n && !opens_deed(v)) {
      if (c.right[v].pos == Pos::kPunctuation &&
          !IsJoiner(View(c.text, c.right[v]))) {
        return false;
      }
      ++v;
    }
    if (v == n) return false;
    // A light verb carries the deed after it (作出 + 批示).
    if (IsLightVerb(View(c.text, c.right[v])) && v + 1 < n &&
        (c.right[v + 1].pos == Pos::kVerb ||
         c.right[v + 1].pos == Pos::kVerbalNoun)) {
      ++v;
    }
    size_t e = v + 1;
    while (e < n && c.right[e].pos == Pos::kVerb) ++e;
    r->action = std::u32string(
        c.text.substr(c.right[v].begin, c.right[e - 1].end - c.right[v].begin));
    // The object's head may be a verb used as a noun (大会 + 发言).
    size_t o = e;
    while (o < n && (IsNounish(c.right[o].pos) ||
                     (o > e && c.right[o].pos == Pos::kVerb))) {
      ++o;
    }
    r->object = ObjectText(c, c.right, e, o);
  }
  r->used_right = true;
  r->rule = "times_before_the_deed";
  return true;
}

// ReadClause applies the rules in order; the first that applies wins.
Reading ReadClause(const Clause& c) {
  Reading r;
  if (ShareRule(c, &r) || RateRule(c, &r) || TimesBeforeTheDeedRule(c, &r) ||
      PeopleCountedRule(c, &r) || ListRule(c, &r) || TreatedAsRule(c, &r) ||
      StateRule(c, &r) || LightVerbRule(c, &r) || HeldEventRule(c, &r) ||
      VerbObjectNumberRule(c, &r) || NumberMeasureNounRule(c, &r) ||
      NounVerbNumberRule(c, &r)) {
    return r;
  }
  if (c.tail == 0 && NumberVerbNounRule(c, &r)) return r;
  r.action = ActionBefore(c, c.tail);
  if (r.action.empty()) r.action = ActionAfter(c);
  r.needs_object = !r.action.empty();
  r.rule = "none";
  return r;
}

// FrameInWords finds a clause 在…中 (在已办结的来信中) in [begin, end) and
// reads its set: the noun phrase and verb inside it.
bool FrameInWords(std::u32string_view text, size_t begin, size_t end,
                  const PhraseLexicon& lex, std::u32string* object,
                  std::u32string* action) {
  // (Most spans hold no 中, and then no frame: one scan tells.)
  const std::u32string_view span = text.substr(begin, end - begin);
  if (FindCodePoint(span, U'中', 0) == span.size()) return false;
  // Clauses of the span, last first.
  size_t e = end;
  while (e > begin) {
    size_t b = e;
    while (b > begin && !BreaksAt(text, b - 1)) --b;
    size_t x = b;
    size_t y = e;
    while (x < y && IsSpace(text[x])) ++x;
    while (y > x && (IsSpace(text[y - 1]) || BreaksAt(text, y - 1))) --y;
    // 在…中 or a bare …中 after a noun (来信类别中): the set of the parts.
    const size_t open = x < y && text[x] == U'在' ? x + 1 : x;
    if (y - x >= 3 && y - x <= 32 && text[y - 1] == U'中') {
      Clause c;
      c.text = text;
      c.lex = &lex;
      Tokens(text, open, y - 1, *lex.dictionary, &c.left);
      // Without 在 the clause must be a bare noun phrase (其中 is no frame).
      if (open == x && (c.left.empty() || !IsNounish(c.left.back().pos) ||
                        c.left.front().pos == Pos::kPronoun)) {
        return false;
      }
      c.tail = c.left.size();
      if (c.tail == 0) return false;
      const size_t pb = PhraseStart(c, c.tail);
      *object = ObjectText(c, c.left, pb, c.tail);
      *action = ActionBefore(c, pb);
      DropPinyinGlosses(object);
      DropPinyinGlosses(action);
      return !object->empty();
    }
    if (b == begin) break;
    e = b - 1;
  }
  return false;
}

// HasQizhong says whether [begin, end) holds 其中 opening a clause.
// SetBeforeQizhong reads a set named by a clause without a number that
// 其中 then splits (提案已全部办复，其中…解决的N件): the clause is a noun
// phrase and the verb it ends in, which say what the parts are parts of.
bool SetBeforeQizhong(std::u32string_view text, size_t begin, size_t end,
                      const PhraseLexicon& lex, std::u32string* object,
                      std::u32string* action) {
  if (end > text.size() || begin >= end) return false;
  const std::u32string_view span = text.substr(0, end);
  size_t q = FindCodePoint(span, U'其', begin);
  while (q + 2 <= end &&
         !(text[q + 1] == U'中' && q > begin && BreaksAt(text, q - 1))) {
    q = FindCodePoint(span, U'其', q + 1);
  }
  if (q + 2 > end) return false;
  size_t e = q - 1;  // the break before 其中
  while (e > begin && (IsSpace(text[e - 1]) || BreaksAt(text, e - 1))) --e;
  size_t b = e;
  while (b > begin && !BreaksAt(text, b - 1)) --b;
  while (b < e && IsSpace(text[b])) ++b;
  if (e - b < 3 || e - b > 32) return false;
  for (size_t i = b; i < e; ++i) {
    if (IsDigit(text[i])) return false;
  }
  Clause c;
  c.text = text;
  c.lex = &lex;
  Tokens(text, b, e, *lex.dictionary, &c.left);
  size_t v = c.left.size();
  while (v > 0 && c.left[v - 1].pos == Pos::kParticle) --v;
  if (v == 0 || c.left[v - 1].pos != Pos::kVerb) return false;
  *action = std::u32string(c.LeftWord(v - 1));
  --v;
  while (v > 0 && c.left[v - 1].pos == Pos::kAdverb) --v;
  c.tail = v;
  if (v == 0 || !IsNounish(c.left[v - 1].pos)) return false;
  *object = ObjectText(c, c.left, PhraseStart(c, v), v);
  DropPinyinGlosses(object);
  return !object->empty();
}

bool HasQizhong(std::u32string_view text, size_t begin, size_t end) {
  // (The C library's vectorised search finds each 其.)
  if (end > text.size() || begin >= end) return false;
  const std::u32string_view span = text.substr(0, end);
  for (size_t i = FindCodePoint(span, U'其', begin); i + 2 <= end;
       i = FindCodePoint(span, U'其', i + 1)) {
    if (text[i + 1] == U'中' &&
        (i == 0 || BreaksAt(text, i - 1) || !IsCjk(text[i - 1]))) {
      return true;
    }
  }
  return false;
}

// OpensNextParagraphWithQizhong: text[from, begin) is a sentence end and
// one line break (blanks aside), and the paragraph at begin opens with 其中.
bool OpensNextParagraphWithQizhong(std::u32string_view text, size_t from,
                                   size_t begin) {
  if (begin >= text.size() || begin + 2 > text.size() || from >= begin ||
      text[begin] != U'其' || text[begin + 1] != U'中') {
    return false;
  }
  size_t i = from;
  while (i < begin && IsBlank(text[i])) ++i;
  if (i >= begin || !IsSentenceEnd(text[i])) return false;
  size_t breaks = 0;
  for (++i; i < begin; ++i) {
    if (IsLineBreak(text[i])) {
      ++breaks;
    } else if (!IsBlank(text[i])) {
      return false;
    }
  }
  return breaks == 1;
}

// SentenceFollows says whether [from, to) holds exactly one sentence end
// and no line break: the next sentence of the same paragraph.
bool SentenceFollows(std::u32string_view text, size_t from, size_t to) {
  if (to < from || to - from > kMaxWindow) return false;
  int ends = 0;
  for (size_t i = from; i < to; ++i) {
    if (IsLineBreak(text[i])) return false;
    if (IsSentenceEnd(text[i])) ++ends;
  }
  return ends == 1;
}

}  // namespace

// ReadByRules reads object, action and frame from the segmented clause.
std::vector<MetricPhrase> ReadByRules(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon, bool* same_sentences) {
  std::vector<MetricPhrase> out(mentions.size());
  if (same_sentences != nullptr) *same_sentences = false;
  if (lexicon.dictionary == nullptr) return out;
  // Whether every character a sentence scan stopped at (or looked at past
  // its window) ends a sentence for the lexical reading too, or for
  // neither: then its scans, the same but for that test, find the same
  // bounds.
  bool agree = true;
  // The set a sub-count splits: a mention (其中) or words (在…中), valid
  // until the period ends.
  int set_mention = -1;
  std::u32string set_object;
  std::u32string set_action;
  size_t period_end = 0;
  bool set_bracketed = false;
  size_t sentence_begin = 0;  // the last sentence scanned: [begin, break)
  size_t sentence_break = 0;
  // The base the last share named (占来信总数的60%) and where it ended.
  std::u32string share_base;
  size_t share_base_end = 0;
  Clause c;
  c.text = text;
  c.lex = &lexicon;
  // Where the words after the number before were cut from, while c.right
  // holds them all: a number right after it in the same clause has those
  // words before it (12个项目、金额3亿元), and they are not cut again.
  size_t right_begin = std::u32string_view::npos;
  size_t right_end = std::u32string_view::npos;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const NumberMention& m = mentions[k];
    MetricPhrase& phrase = out[k];
    const size_t floor = m.begin > kMaxSentence ? m.begin - kMaxSentence : 0;
    const size_t ceiling = std::min(text.size(), m.end + kMaxSentence);
    size_t b = m.begin;
    size_t e = m.end;
    // A number in the sentence of the one before has its bounds: reuse
    // them where both scans would stop at the same breaks.
    if (m.end < sentence_break && sentence_begin >= floor &&
        sentence_break < ceiling && m.begin >= sentence_begin) {
      b = sentence_begin;
      e = sentence_break;
    } else {
      b = SentenceStartBefore(text, b, floor);
      e = SentenceEndFrom(text, e, ceiling);
      sentence_begin = b;
      sentence_break = e;
      // A scan cut by its window ends nothing the next number can share.
      if (e == ceiling && ceiling < text.size()) sentence_break = 0;
      if (b == floor && floor > 0 && !EndsSentence(text[floor - 1])) {
        sentence_break = 0;
      }
      if (b > 0 && EndsSentenceForRulesOnly(text[b - 1])) agree = false;
    }
    if (e < text.size() && EndsSentenceForRulesOnly(text[e])) agree = false;
    if (e < text.size() && !IsLineBreak(text[e])) ++e;  // keep the full stop
    phrase.sentence_begin = b;
    phrase.sentence_end = e;

    // The clause: from the last break (or what the previous number used)
    // to the next break (or the next number).
    const size_t window_floor =
        m.qualifier_begin > kMaxWindow ? m.qualifier_begin - kMaxWindow : 0;
    size_t clause_begin = m.qualifier_begin;
    while (clause_begin > window_floor && !BreaksAt(text, clause_begin - 1)) {
      --clause_begin;
    }
    size_t left_begin = clause_begin;
    const MetricPhrase* prev = k > 0 ? &out[k - 1] : nullptr;
    if (k > 0) {
      const size_t used =
          std::max(mentions[k - 1].mention_end, prev->phrase_end);
      if (used > left_begin && used <= m.qualifier_begin) left_begin = used;
    }
    size_t clause_end = ClauseEndAfter(text, m.mention_end);
    const bool next_in_clause = k + 1 < mentions.size() &&
                                mentions[k + 1].qualifier_begin <= clause_end;
    if (next_in_clause) clause_end = mentions[k + 1].qualifier_begin;

    // (One clause for every number: its word buffers are reused.)
    c.unit = m.unit;
    if (left_begin == right_begin && m.qualifier_begin == right_end) {
      c.left = c.right;
    } else {
      Tokens(text, left_begin, m.qualifier_begin, *lexicon.dictionary, &c.left);
    }
    c.first_topic = 0;
    while (c.first_topic < c.left.size() &&
           !Same(c.LeftWord(c.first_topic), U"方面")) {
      ++c.first_topic;
    }
    c.tail = c.left.size();
    c.list_before = false;
    c.right_phrase = 0;
    c.right_to_next = false;
    while (c.tail > 0 && (c.left[c.tail - 1].pos == Pos::kAdverb ||
                          IsCopula(c.LeftWord(c.tail - 1)))) {
      --c.tail;
    }
    if (c.tail > 0) {
      const std::u32string_view last = c.LeftWord(c.tail - 1);
      c.list_before = last == U"等" || IsJoiner(last);
    }
    Tokens(text, m.mention_end, clause_end, *lexicon.dictionary, &c.right);
    right_begin = m.mention_end;
    right_end = clause_end;
    size_t r = 0;
    while (r < c.right.size() && View(text, c.right[r]) == U"的") ++r;
    const size_t right_start = r;
    // Brackets right after the measure hold another measure or a note
    // (400篇（条）), not what is counted.
    const bool bracket_first =
        r < c.right.size() && IsOpenBracket(text[c.right[r].begin]);
    while (r < c.right.size() && !bracket_first) {
      const Word& w = c.right[r];
      const bool noun_follows =
          r + 1 < c.right.size() && IsNounish(c.right[r + 1].pos);
      // 考察督办报告 kind: a verb between a verbal noun and a noun is part of
      // it (走访督办记录).
      const bool verb_inside = w.pos == Pos::kVerb && noun_follows &&
                               r > right_start &&
                               c.right[r - 1].pos == Pos::kVerbalNoun;
      if (IsNounish(w.pos) || (w.pos == Pos::kAdjective && noun_follows) ||
          verb_inside ||
          (IsJoiner(View(text, w)) && r > right_start && noun_follows)) {
        ++r;
        continue;
      }
      break;
    }
    if (r > right_start) {
      // A phrase that runs into the next number belongs to it, up to the
      // last joiner (12个项目、金额3亿元: 金额 is the next number's).
      if (next_in_clause && r == c.right.size()) {
        size_t cut = r;
        while (cut > right_start && !IsJoiner(View(text, c.right[cut - 1]))) {
          --cut;
        }
        if (cut > right_start) {
          r = cut - 1;
        } else {
          c.right_to_next = true;
        }
      }
      c.right.erase(c.right.begin(), c.right.begin() + right_start);
      if (right_start > 0) right_begin = right_end = std::u32string_view::npos;
      r -= right_start;
      c.right_phrase = r;
    }

    Reading reading = ReadClause(c);
    const bool own_verb = !reading.action.empty();
    // Rule "carry over": a verb with no object goes on about the object of
    // the count before it in the same sentence (收到来信80封，办结75封).
    // The sentence before counts too when it ends right before this one in
    // the same paragraph (收到来信80封。经审查，办结75封).
    // A count of another unit between them (项目16个，总投资3亿元，签约8个)
    // is passed over within the sentence: it counts something else. Texts
    // are alike in any of their measures (编报信息60期，被采用9篇).
    size_t carried = k;
    if (reading.needs_object && reading.frame == Frame::kCount) {
      for (size_t j = k; j > 0 && k - j < 4; --j) {
        // Things treated as something else (转为信息6件) are that thing
        // no more: the text goes on about the set they left.
        if (CountsAlike(mentions[j - 1].unit, m.unit) &&
            out[j - 1].rule != std::string_view("treated_as")) {
          carried = j - 1;
          break;
        }
        if (out[j - 1].sentence_begin != phrase.sentence_begin) break;
      }
    }
    const MetricPhrase* source = carried < k ? &out[carried] : nullptr;
    if (source != nullptr && !source->object.empty() &&
        (source->sentence_begin == phrase.sentence_begin ||
         (carried + 1 == k && SentenceFollows(text, mentions[k - 1].mention_end,
                                              m.qualifier_begin)))) {
      reading.object = source->object;
      // The next sentence after a part (其中集体提案20件。办复110件) goes on
      // about the whole set, not the part's kind.
      if (source->sentence_begin != phrase.sentence_begin &&
          source->set_mention >= 0 &&
          mentions[static_cast<size_t>(source->set_mention)].unit == m.unit &&
          !out[static_cast<size_t>(source->set_mention)].object.empty()) {
        reading.object = out[static_cast<size_t>(source->set_mention)].object;
      }
      if (reading.rule != std::string_view("state")) {
        reading.rule = "carry_over";
      }
    }
    // Rule "shares of one base": the shares of a breakdown are shares of
    // the base the first of them names (A类120件，占来信总数的60%；B类80件，
    // 占40%): a share that names nothing takes that base, to the end of the
    // period.
    if (reading.frame == Frame::kShare && reading.object.empty() &&
        !share_base.empty()) {
      bool same_period = share_base_end <= m.qualifier_begin &&
                         m.qualifier_begin - share_base_end <= kMaxFrameReach;
      for (size_t i = share_base_end; same_period && i < m.qualifier_begin;
           ++i) {
        if (EndsPeriodAt(text, i)) same_period = false;
      }
      if (same_period) reading.object = share_base;
    }
    if (reading.share_base) {
      share_base = reading.object;
      share_base_end = m.mention_end;
    }
    // Rule "share of the count before": a share with no object of its own
    // is the share of what the count before it counts (A类来信30封，占20%).
    if (reading.frame == Frame::kShare && reading.object.empty() &&
        prev != nullptr && prev->sentence_begin == phrase.sentence_begin) {
      reading.object = prev->object;
    }
    // Rule "shared verb": an item of a list with no verb of its own takes
    // the verb of the item before (召开座谈会4次、论证会2次).
    if (reading.action.empty() && prev != nullptr && !prev->action.empty() &&
        prev->sentence_begin == phrase.sentence_begin &&
        reading.frame == Frame::kCount) {
      // Only an item of the same list: nothing but 、 (or a comma inside
      // the same sentence with no verb) between the two numbers.
      bool verbless = true;
      for (const Word& w : c.left) {
        if (w.pos == Pos::kVerb) verbless = false;
      }
      // Over a comma, only an item counting in the same measure (…4次，
      // 论证会2次); a count of another measure there (捐款…元，贫困学生
      // 20名) is a clause of its own.
      for (size_t i = mentions[k - 1].mention_end; i < left_begin; ++i) {
        if (BreaksAt(text, i) && ((text[i] != U'，' && text[i] != U',') ||
                                  mentions[k - 1].unit != m.unit)) {
          verbless = false;
        }
      }
      if (left_begin > mentions[k - 1].mention_end + kMaxRightPhrase) {
        verbless = false;
      }
      if (verbless) reading.action = prev->action;
    }

    // Frames: 其中 makes what follows parts of the count before it; 在…中
    // names the set in words. Both last to the end of the period.
    if (m.begin >= period_end) {
      set_bracketed = false;
      set_mention = -1;
      set_object.clear();
      set_action.clear();
    }
    const size_t reach_floor = m.qualifier_begin > kMaxFrameReach
                                   ? m.qualifier_begin - kMaxFrameReach
                                   : 0;
    const size_t prev_end = k > 0 ? mentions[k - 1].mention_end : 0;
    const size_t frame_from = std::max(prev_end, reach_floor);
    size_t period_begin = m.qualifier_begin;
    while (period_begin > frame_from && !EndsPeriodAt(text, period_begin - 1)) {
      --period_begin;
    }
    // 其中 splits the count just before it, in this period or closing the
    // one before (立案300件。其中…), but not across a paragraph.
    // (Then frame_from is prev_end, and the scan above found no period
    // end in [period_begin, qualifier_begin): only what lies before it is
    // asked.)
    bool same_period_as_prev = k > 0 && prev_end >= reach_floor;
    for (size_t i = prev_end; same_period_as_prev && i < period_begin; ++i) {
      if (IsLineBreak(text[i]) && EndsPeriodAt(text, i)) {
        same_period_as_prev = false;
      }
    }
    // 其中 in this period, or opening the next one right after the count
    // (立案300件。其中…).
    bool closes_prev = period_begin == frame_from;
    if (!closes_prev && period_begin > prev_end && k > 0) {
      closes_prev = true;
      for (size_t i = prev_end; closes_prev && i + 1 < period_begin; ++i) {
        if (!IsSpace(text[i])) closes_prev = false;
      }
    }
    // A sentence opening with 其中 after sentences that count nothing goes
    // on about the last count of the paragraph (立案300件。提案涉及…。其中，
    // 集体提案20件).
    bool splits_prev = false;
    if (same_period_as_prev && closes_prev) {
      splits_prev = HasQizhong(text, prev_end, m.qualifier_begin);
    } else if (same_period_as_prev && period_begin > prev_end && k > 0) {
      splits_prev = HasQizhong(text, period_begin, m.qualifier_begin);
    } else if (k > 0 && prev_end >= reach_floor &&
               OpensNextParagraphWithQizhong(text, prev_end, period_begin)) {
      // A paragraph that opens with 其中 splits the count that closed the
      // paragraph before (立案300件。\n其中…); a blank line between them
      // still parts them.
      splits_prev = true;
    }
    // A clause without a number right before 其中 is the set it splits
    // (立案300件。提案已全部办复，其中…), not the count before that clause.
    std::u32string clause_object, clause_action;
    if (HasQizhong(text, std::max(prev_end, period_begin), m.qualifier_begin) &&
        SetBeforeQizhong(text, std::max(prev_end, period_begin),
                         m.qualifier_begin, lexicon, &clause_object,
                         &clause_action)) {
      set_bracketed = false;
      set_mention = -1;
      set_object = std::move(clause_object);
      set_action = std::move(clause_action);
    } else if (splits_prev) {
      // (其中…): the parts end at the bracket.
      set_bracketed = false;
      for (size_t i = prev_end; i < m.qualifier_begin; ++i) {
        if (IsOpenBracket(text[i])) set_bracketed = true;
        if (IsCloseBracket(text[i])) set_bracketed = false;
      }
      // The share or rate of a count (立案80件，占90%。其中… / 立案率90%。
      // 其中…) is not the set; the count it is the share or rate of is.
      size_t set = k - 1;
      if (out[set].frame != Frame::kCount && set > 0 &&
          mentions[set - 1].unit == m.unit &&
          out[set].sentence_begin == out[set - 1].sentence_begin) {
        --set;
      }
      set_mention = out[set].set_mention >= 0 ? out[set].set_mention
                                              : static_cast<int>(set);
      set_object.clear();
      set_action.clear();
    } else {
      std::u32string frame_object, frame_action;
      if (FrameInWords(text, period_begin, m.qualifier_begin, lexicon,
                       &frame_object, &frame_action)) {
        set_mention = -1;
        set_object = std::move(frame_object);
        set_action = std::move(frame_action);
      }
    }
    if (set_mention >= 0 || !set_object.empty()) {
      size_t pe = m.end;
      const size_t limit = std::min(text.size(), m.end + kMaxSentence);
      while (pe < limit && !EndsPeriodAt(text, pe) &&
             !(set_bracketed && IsCloseBracket(text[pe]))) {
        ++pe;
      }
      period_end = set_bracketed ? pe : std::max(period_end, pe);
    }
    // Rule "bare topic": a topic with no head (城乡建设方面120件) breaks down
    // the count of the same unit just before it in the paragraph.
    if (reading.frame == Frame::kCount && set_mention < 0 &&
        set_object.empty() && k > 0 && reading.object.size() >= 2 &&
        reading.object.compare(reading.object.size() - 2, 2, U"方面") == 0 &&
        mentions[k - 1].unit == m.unit && same_period_as_prev) {
      set_mention = out[k - 1].set_mention >= 0 ? out[k - 1].set_mention
                                                : static_cast<int>(k - 1);
      size_t pe = m.end;
      const size_t limit = std::min(text.size(), m.end + kMaxSentence);
      while (pe < limit && !EndsPeriodAt(text, pe)) ++pe;
      period_end = std::max(period_end, pe);
    }
    if (reading.frame == Frame::kCount) {
      phrase.set_mention = set_mention;
      phrase.set_object = set_object;
      phrase.set_action = set_action;
      // Rule "part of the set": a part that names nothing counts what its
      // set counts (办结来信80封，其中当年办结的60封).
      const bool names_nothing = reading.object.empty();
      if (reading.object.empty() && set_mention >= 0 &&
          CountsAlike(mentions[static_cast<size_t>(set_mention)].unit,
                      m.unit) &&
          !out[static_cast<size_t>(set_mention)].object.empty()) {
        reading.object = out[static_cast<size_t>(set_mention)].object;
        if (reading.rule != std::string_view("state")) {
          reading.rule = "set_part";
        }
      }
      // A topic of a breakdown (经济方面60件) names a field, not a step: it
      // takes a verb only from a set that names one in words (在立案的…中).
      const bool topic = reading.object.find(U"方面") != std::u32string::npos;
      // Rule "part names its kind": a part that names a kind of its own
      // and no verb (其中集体提案20件) has no action; its set gives it the
      // indicator. One that names nothing counts what its set counts, verb
      // and all (其中2案并1案的5件).
      if (set_mention >= 0 && set_object.empty() && !own_verb &&
          !names_nothing &&
          mentions[static_cast<size_t>(set_mention)].unit == m.unit) {
        reading.action.clear();
      } else if (reading.action.empty()) {
        if (set_mention >= 0 && !topic &&
            mentions[static_cast<size_t>(set_mention)].unit == m.unit) {
          reading.action = out[static_cast<size_t>(set_mention)].action;
        } else if (!set_object.empty()) {
          reading.action = set_action;
        }
      }
    }

    phrase.object = std::move(reading.object);
    phrase.action = std::move(reading.action);
    phrase.frame = reading.frame;
    phrase.theme = std::move(reading.theme);
    phrase.rule = reading.rule;
    phrase.phrase_end = reading.used_right && c.right_phrase > 0
                            ? c.right[c.right_phrase - 1].end
                            : m.mention_end;
  }
  ShareSideBySide(mentions, &out);
  if (same_sentences != nullptr) *same_sentences = agree;
  return out;
}

}  // namespace phrase_internal
}  // namespace reportfacts
