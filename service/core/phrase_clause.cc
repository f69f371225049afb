// The clause around a number as words: its cut, the word classes the
// rules ask about, noun phrases and the verbs around them.
#include <algorithm>

#include "service/core/chars.h"
#include "service/core/document.h"
#include "service/core/phrase_internal.h"

namespace reportfacts {
namespace phrase_internal {

namespace {

// IsPinyinGloss says whether words[i..i+2] are ( letters ) glossing the
// character before (提(ti)案).
bool IsPinyinGloss(std::u32string_view text, const std::vector<Word>& words,
                   size_t i) {
  if (i == 0 || i + 2 >= words.size()) return false;
  const Word& open = words[i];
  const Word& letters = words[i + 1];
  const Word& close = words[i + 2];
  return open.size() == 1 && IsOpenBracket(text[open.begin]) &&
         letters.pos == Pos::kLatin && letters.size() <= 6 &&
         close.size() == 1 && IsCloseBracket(text[close.begin]) &&
         IsCjk(text[words[i - 1].end - 1]);
}

// JoinPinyinGlosses joins the two words around a pronunciation gloss into
// the word they make without it (立(li)案 -> one verb), where the
// dictionary knows it.
void JoinPinyinGlosses(std::u32string_view text, const Dictionary& dict,
                       std::vector<Word>* words) {
  std::vector<Word>& w = *words;
  size_t out = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (out > 0 && IsPinyinGloss(text, w, i)) {
      const Word& a = w[out - 1];
      if (i + 3 < w.size() && IsCjk(text[w[i + 3].begin])) {
        const Word& b = w[i + 3];
        std::u32string joined(text.substr(a.begin, a.size()));
        joined.append(text.substr(b.begin, b.size()));
        const Pos pos = dict.PosOf(joined);
        if (pos != Pos::kUnknown) {
          w[out - 1] = {a.begin, b.end, pos};
          i += 3;
          continue;
        }
      }
      i += 2;  // a gloss on a whole word (占(zhan)) is left out
      continue;
    }
    w[out++] = w[i];
  }
  w.resize(out);
}

}  // namespace

namespace {

#if defined(__SSE2__)
// EndsSentenceLanes has bit k set where lane k of `v` (four code points)
// EndsSentence: every mark compared at once, no branch on the text.
int EndsSentenceLanes(__m128i v) {
  const auto is = [v](char32_t c) {
    return _mm_cmpeq_epi32(v, _mm_set1_epi32(static_cast<int>(c)));
  };
  // (Code points fit in 31 bits: signed compares are exact.)
  const auto in = [v](int lo, int hi) {
    return _mm_and_si128(_mm_cmpgt_epi32(v, _mm_set1_epi32(lo - 1)),
                         _mm_cmpgt_epi32(_mm_set1_epi32(hi + 1), v));
  };
  const __m128i ends =
      _mm_or_si128(_mm_or_si128(_mm_or_si128(is(U'。'), is(U'！')),
                                _mm_or_si128(is(U'!'), is(U'？'))),
                   _mm_or_si128(_mm_or_si128(is(U'?'), is(U'；')),
                                _mm_or_si128(is(U';'), is(U'｡'))));
  const __m128i breaks = _mm_or_si128(in(U'\n', U'\f'), in(0x2028, 0x2029));
  return _mm_movemask_ps(_mm_castsi128_ps(_mm_or_si128(ends, breaks)));
}
#endif
}  // namespace

// The scans around every number: four characters a step, since a branch
// per character is mispredicted wherever digits and marks meet Han text.
size_t SentenceEndFrom(std::u32string_view text, size_t from, size_t to) {
  size_t i = from;
#if defined(__SSE2__)
  for (; i + 4 <= to; i += 4) {
    const int lanes = EndsSentenceLanes(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)));
    if (lanes != 0) return i + static_cast<size_t>(__builtin_ctz(lanes));
  }
#endif
  while (i < to && !EndsSentence(text[i])) ++i;
  return i;
}
size_t SentenceStartBefore(std::u32string_view text, size_t from,
                           size_t floor) {
  size_t b = from;
#if defined(__SSE2__)
  for (; b >= floor + 4; b -= 4) {
    const int lanes = EndsSentenceLanes(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + b - 4)));
    // (The last end among text[b - 4, b): the one nearest b.)
    if (lanes != 0) {
      return b - 3 + static_cast<size_t>(31 - __builtin_clz(lanes));
    }
  }
#endif
  while (b > floor && !EndsSentence(text[b - 1])) --b;
  return b;
}

bool LineBreakEndsClause(std::u32string_view text, size_t i) {
  size_t before = i;
  while (before > 0 && IsLineBreak(text[before - 1])) --before;
  size_t after = i;
  while (after < text.size() && IsLineBreak(text[after])) ++after;
  return after - before > 3 || !LineWrapsAt(text, before, after);
}

bool LineBreakEndsPeriod(std::u32string_view text, size_t i) {
  // A line break that only wraps a line (PDF or column text) goes on, as
  // the Document's sentences read it.
  if (!SentenceEndsAt(text, i)) return false;
  size_t b = i;
  while (b > 0 && (IsSpace(text[b - 1]) || IsLineBreak(text[b - 1]))) --b;
  return !(b > 0 && (text[b - 1] == U'：' || text[b - 1] == U':' ||
                     text[b - 1] == U'；' || text[b - 1] == U';'));
}

// Tokens is a clause's words with quoted and bracketed spans merged into
// single nouns (“民生茶叙”活动 keeps its quotes as one word).
void Tokens(std::u32string_view text, size_t begin, size_t end,
            const Dictionary& dict, std::vector<Word>* out) {
  // Blanks and wrapped line breaks (PDF text: 督办 14 件, 立案\n198件) are
  // layout, no word: the cut drops them (no word it gives starts with
  // one), so the words on both sides stand side by side.
  SegmentInto(text, begin, end, dict, out);
  std::vector<Word>& words = *out;
  // A gloss needs a word of letters and a merge a mark that opens a
  // span: most clauses have neither, and one look at each word's class
  // spares them both passes. (Quotes, brackets and 《 are marks the cut
  // leaves one to a word, of class kPunctuation or a tag the dictionary
  // gives them.)
  bool letters = false;
  bool opening_mark = false;
  for (const Word& w : words) {
    letters |= w.pos == Pos::kLatin;
    const char32_t c = w.size() == 1 ? text[w.begin] : 0;
    opening_mark |= IsOpenQuote(c) || c == U'《' || IsOpenBracket(c);
  }
  if (!letters && !opening_mark) return;
  if (letters) JoinPinyinGlosses(text, dict, &words);
  // Merged in place: the words kept are never more than those read.
  size_t kept = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word w = words[i];
    const char32_t c = w.size() == 1 ? text[w.begin] : 0;
    const bool opens = IsOpenQuote(c) || c == U'《' || IsOpenBracket(c);
    if (opens) {
      size_t j = i + 1;
      while (j < words.size() && j - i < 12) {
        const char32_t d = words[j].size() == 1 ? text[words[j].begin] : 0;
        if (IsCloseQuote(d) || d == U'》' || IsCloseBracket(d)) break;
        if (d != 0 && IsClauseBreak(d)) {
          j = words.size();
          break;
        }
        ++j;
      }
      if (j < words.size() && j > i + 1) {
        // A bracket closes a noun that goes on (社区(村)服务点) or glosses
        // the word before; either way it joins the noun before it.
        if (IsOpenBracket(c) && kept > 0 && IsNounish(words[kept - 1].pos)) {
          words[kept - 1].end = words[j].end;
        } else {
          words[kept++] = {w.begin, words[j].end, Pos::kNoun};
        }
        i = j;
        continue;
      }
    }
    words[kept++] = w;
  }
  words.resize(kept);
}

// ObjectText is the text of words [b, e) without droppable words at the
// front and joiners at either end, without line breaks and blanks.
namespace {

// IsWholeArea: 全 + a level of administration (全市, 全县, 全省, 全国) names
// the area the count covers, a place word.
bool IsWholeArea(std::u32string_view w) {
  return w.size() == 2 && w[0] == U'全' &&
         std::u32string_view(U"国省市县区州旗盟镇乡縣區").find(w[1]) !=
             std::u32string_view::npos;
}

}  // namespace

std::u32string ObjectText(const Clause& c, const std::vector<Word>& words,
                          size_t b, size_t e) {
  // 的 inside a phrase: the object is what follows it (先进的经验 -> 经验)
  // unless the part before says which kind.
  for (size_t i = e; i > b; --i) {
    const std::u32string_view w = View(c.text, words[i - 1]);
    if (w == U"等" || w == U"之") {
      b = i;
      break;
    }
  }
  while (b < e) {
    const Word& w = words[b];
    const std::u32string_view v = View(c.text, w);
    const bool place =
        b + 1 < e && c.lex->places != nullptr && c.lex->places->Contains(v);
    if ((IsDroppable(w.pos) && b + 1 < e) || place ||
        (b + 1 < e && IsWholeArea(v)) || IsJoiner(v) ||
        (w.pos == Pos::kPreposition) ||
        (w.pos == Pos::kPronoun && b + 1 < e && v != U"其它" && v != U"其他")) {
      ++b;
      continue;
    }
    break;
  }
  while (e > b && IsJoiner(View(c.text, words[e - 1]))) --e;
  if (b == e) return {};
  // A phrase ending in a time or locality word says when (会议期间, 年初以来),
  // not what.
  if (words[e - 1].pos == Pos::kLocality ||
      (words[e - 1].pos == Pos::kTime && e > b + 1)) {
    return {};
  }
  // A lone droppable word (年度, 全市) is no object.
  if (e == b + 1 && IsDroppable(words[b].pos) &&
      words[b].pos != Pos::kPersonName) {
    return {};
  }
  std::u32string out;
  out.reserve(words[e - 1].end - words[b].begin);
  for (size_t i = words[b].begin; i < words[e - 1].end; ++i) {
    if (!IsSpace(c.text[i])) out.push_back(c.text[i]);
  }
  return out;
}

// PhraseStart returns where the noun phrase ending at left[end) begins:
// nounish words, joined lists of them, and 的 between two of them.
namespace {

// Nouns naming a text that a verb may qualify (整改建议, 监督报告).
bool IsTextNoun(std::u32string_view w) {
  return IsOneOf(w, {U"建议", U"意见", U"报告", U"方案", U"材料", U"信息",
                     U"清单", U"建議", U"報告"});
}

// Words that pick members of a set and take a noun after them.
bool IsSetPicker(std::u32string_view w) {
  return IsOneOf(w, {U"各", U"每", U"各个", U"每个", U"各個", U"每個"});
}

// Verbs that produce a text or pass it on.
bool IsTextProducingVerb(std::u32string_view w) {
  return IsOneOf(w, {U"提出", U"形成", U"提交", U"撰写", U"报送", U"收集",
                     U"征集", U"汇总", U"起草", U"编写", U"整理", U"上报",
                     U"報送", U"撰寫", U"徵集", U"彙總"});
}

// Nouns of money set aside for a purpose that a verb may name (帮扶资金,
// 奖励经费), and verbs that raise, give or spend such money.
bool IsFundNoun(std::u32string_view w) {
  return IsOneOf(w, {U"资金", U"经费", U"款项", U"资金款", U"資金", U"經費"});
}
bool IsFundingVerb(std::u32string_view w) {
  return IsOneOf(w, {U"投入", U"筹集", U"争取", U"落实", U"发放", U"拨付",
                     U"募集", U"筹措", U"下达", U"安排", U"整合", U"籌集",
                     U"爭取", U"落實", U"發放", U"撥付"});
}

// Nouns of an activity that a verb may qualify (视察活动, 培训活动).
bool IsActivityNoun(std::u32string_view w) {
  return IsOneOf(w, {U"活动", U"活動"});
}

// Words that say which kinds (各类 + 活动).
bool IsKindPicker(std::u32string_view w) {
  return IsOneOf(w, {U"各类", U"各种", U"各项", U"各類", U"各種", U"各項"});
}

// Nouns of a state of affairs that a clause before them describes (提案 +
// 办理 + 情况, 工作 + 落实 + 情况).
bool IsStateNoun(std::u32string_view w) {
  return IsOneOf(w, {U"情况", U"情況", U"进展", U"進展"});
}

// A word for a meeting: 会 or 会议 alone or at the end (常委会议), or a
// kind of meeting (协商会, 推进会). A closed list, because many words end
// in 会 that are bodies (委员会, 协会, 商会) or no meeting at all (社会).
bool IsMeetingNoun(std::u32string_view w) {
  // (Every word of the lists ends in 会 or 议: the last character rules
  // out most words before the 64 kinds are compared.)
  if (w.empty() ||
      !IsOneOf(w.substr(w.size() - 1), {U"会", U"會", U"议", U"議"})) {
    return false;
  }
  if (IsOneOf(w, {U"会", U"會", U"会议", U"會議", U"大会", U"全会", U"例会",
                  U"大會", U"全會", U"例會"})) {
    return true;
  }
  if (w.size() < 3) return false;
  if (EndsWith(w, U"会议") || EndsWith(w, U"會議")) return true;
  const std::u32string_view kind = w.substr(w.size() - 3);
  return IsOneOf(
      kind, {U"协商会", U"座谈会", U"恳谈会", U"推进会", U"交流会", U"调度会",
             U"现场会", U"见面会", U"评议会", U"审议会", U"论证会", U"听证会",
             U"发布会", U"报告会", U"研讨会", U"分析会", U"通报会", U"汇报会",
             U"联席会", U"协调会", U"对接会", U"部署会", U"交办会", U"督办会",
             U"培训会", U"总结会", U"动员会", U"表彰会", U"面商会", U"洽谈会",
             U"推介会", U"说明会", U"協商會", U"座談會", U"懇談會", U"推進會",
             U"交流會", U"調度會", U"現場會", U"見面會", U"評議會", U"審議會",
             U"論證會", U"聽證會", U"發布會", U"報告會", U"研討會", U"分析會",
             U"通報會", U"匯報會", U"聯席會", U"協調會", U"對接會", U"部署會",
             U"交辦會", U"督辦會", U"培訓會", U"總結會", U"動員會", U"表彰會",
             U"面商會", U"洽談會", U"推介會", U"說明會"});
}

// A verb of taking part in or running a meeting (出席 + 座谈会), which
// stays the action.
bool AttendsOrRuns(std::u32string_view w) {
  return TakesPartOrHolds(w) ||
         IsOneOf(w, {U"出席", U"列席", U"主持", U"参会", U"參會"});
}

}  // namespace

bool VerbMayQualify(std::u32string_view head) {
  // (Asked of many nouns: the last character of every listed word is in
  // the mask, so a clear bit answers at once.)
  constexpr uint64_t kLasts =
      FirstCharMask(U"议见告案料息单議金费项款費动動况況展会會");
  if (head.empty() || !MayOpen(kLasts, head.back())) return false;
  return IsTextNoun(head) || IsFundNoun(head) || IsActivityNoun(head) ||
         IsStateNoun(head) || IsMeetingNoun(head);
}

// Verbs of holding an activity or taking part in one.
bool TakesPartOrHolds(std::u32string_view w) {
  return IsHoldingVerb(w) ||
         IsOneOf(w, {U"参加", U"参与", U"参與", U"組織", U"舉辦", U"舉行"});
}

size_t PhraseStart(const Clause& c, size_t end) {
  // A topic (城乡建设、环境保护方面) names fields of work, and the verbs that
  // name a field stand inside it: a verb before a joiner, before 方面 or
  // before another verb. A verb before a noun governs it (涉及 + 经济).
  bool topic = false;
  if (c.first_topic != std::u32string_view::npos) {
    topic = c.first_topic < end;
  } else {
    for (size_t k = 0; k < end; ++k) topic = topic || c.LeftWord(k) == U"方面";
  }
  size_t i = end;
  while (i > 0) {
    const Word& w = c.left[i - 1];
    if (IsNounish(w.pos) || (w.pos == Pos::kAdjective && i < end)) {
      --i;
      continue;
    }
    const bool field_word = w.pos == Pos::kSetPhrase || w.pos == Pos::kOther;
    if (topic && (w.pos == Pos::kVerb || field_word) && i < end &&
        (field_word || IsJoiner(c.LeftWord(i)) || c.LeftWord(i) == U"方面" ||
         c.left[i].pos == Pos::kVerb || c.left[i].pos == Pos::kOther)) {
      --i;
      continue;
    }
    if (topic && i < end && i >= 2 && IsJoiner(c.LeftWord(i - 1)) &&
        (c.left[i - 2].pos == Pos::kVerb ||
         c.left[i - 2].pos == Pos::kSetPhrase)) {
      --i;
      continue;
    }
    if (i < end && i >= 2 && IsNounish(c.left[i - 2].pos) &&
        IsJoiner(c.LeftWord(i - 1))) {
      --i;
      continue;
    }
    // After a word that picks members of a set (各, 每), a verb qualifies
    // the noun after it (各 + 承办 + 单位): the three are one noun phrase.
    if (w.pos == Pos::kVerb && i < end && i >= 2 && IsNounish(c.left[i].pos) &&
        IsSetPicker(c.LeftWord(i - 2))) {
      i -= 2;
      continue;
    }
    // A meeting named by the business it does (提案 + 督办 + 协商会, 项目
    // + 推进 + 会): the verb between that business and the meeting is part
    // of the name. Not where who acts comes before the verb (委员 + 列席 +
    // 常委会议): that is a clause, and the verb its action.
    if (w.pos == Pos::kVerb && i + 1 == end && i >= 2 &&
        IsMeetingNoun(c.LeftWord(i)) && !AttendsOrRuns(c.LeftWord(i - 1)) &&
        IsNounish(c.left[i - 2].pos) && c.left[i - 2].pos != Pos::kAgent &&
        c.left[i - 2].pos != Pos::kPersonName &&
        c.left[i - 2].pos != Pos::kPlaceName &&
        c.left[i - 2].pos != Pos::kTime && !IsPersonNoun(c.LeftWord(i - 2))) {
      --i;
      continue;
    }
    // …类 between nouns says which kind (经济类提案, A类项目).
    if (i < end && i >= 2 && IsKindMark(c.LeftWord(i - 1)) &&
        IsNounish(c.left[i - 2].pos)) {
      --i;
      continue;
    }
    break;
  }
  // A verb between a verb that produces or passes on a text and a noun
  // naming the text says which text (提出 + 整改 + 建议, 形成 + 监督 +
  // 报告): it is part of the noun, the first verb the action.
  // So does a verb between a verb of raising or spending money and the
  // money's noun (投入 + 帮扶 + 资金).
  if (i >= 2 && i < end && c.left[i - 1].pos == Pos::kVerb &&
      ((IsTextNoun(c.LeftWord(i)) && IsTextProducingVerb(c.LeftWord(i - 2))) ||
       (IsFundNoun(c.LeftWord(i)) && IsFundingVerb(c.LeftWord(i - 2))))) {
    --i;
  }
  // Verbs before an activity, after a verb of holding or taking part,
  // say which activity (参加 + 学习 + 培训 + 活动, 开展 + 各类 + 视察 + 活动).
  if (i < end && i >= 2 && IsActivityNoun(c.LeftWord(end - 1))) {
    size_t j = i;
    while (j > 0 && i - j < 2 && c.left[j - 1].pos == Pos::kVerb &&
           !TakesPartOrHolds(c.LeftWord(j - 1))) {
      --j;
    }
    size_t k = j;
    if (k > 0 && IsKindPicker(c.LeftWord(k - 1))) --k;
    if (j < i && k > 0 && TakesPartOrHolds(c.LeftWord(k - 1))) i = k;
  }
  // A state of affairs takes the clause that describes it (视察 + 提案办理
  // 情况): a verb and the nouns before it, up to the verb that acts on it.
  if (i < end && i >= 2 && IsStateNoun(c.LeftWord(end - 1)) &&
      c.left[i - 1].pos == Pos::kVerb) {
    size_t j = i - 1;
    while (j > 0 && IsNounish(c.left[j - 1].pos) &&
           c.left[j - 1].pos != Pos::kAgent) {
      --j;
    }
    if (j < i - 1 && j > 0 && IsActionVerb(c, j - 1)) i = j;
  }
  // 其它/其他 before a noun is the rest of a breakdown (其它来信): a kind.
  if (i > 0 && i < end &&
      (c.LeftWord(i - 1) == U"其它" || c.LeftWord(i - 1) == U"其他")) {
    --i;
  }
  return i;
}

namespace {

// The times a change is compared with, after 较/比 (较上年, 比去年同期).
constexpr std::u32string_view kComparedTimes[] = {
    U"上年同期", U"去年同期", U"上年", U"去年", U"上月", U"同期"};

bool IsComparisonMark(char32_t c) {
  return c == U'较' || c == U'較' || c == U'比';
}

}  // namespace

size_t ComparisonLength(std::u32string_view o) {
  if (o.size() < 2) return 0;
  const std::u32string_view two = o.substr(0, 2);
  if (IsOneOf(two, {U"同比", U"环比", U"環比"})) return 2;
  if (!IsComparisonMark(o[0])) return 0;
  for (std::u32string_view when : kComparedTimes) {
    if (o.substr(1, when.size()) == when) return 1 + when.size();
  }
  return 0;
}

size_t TrailingComparisonLength(std::u32string_view o) {
  if (o.size() < 3) return 0;
  // (Asked of every object: each comparison ends in one of these four.)
  const char32_t last = o.back();
  if (last != U'比' && last != U'期' && last != U'年' && last != U'月')
    return 0;
  if (IsOneOf(o.substr(o.size() - 2), {U"同比", U"环比", U"環比"})) return 2;
  for (std::u32string_view when : kComparedTimes) {
    if (o.size() <= when.size() + 1 || !EndsWith(o, when)) continue;
    if (IsComparisonMark(o[o.size() - when.size() - 1])) {
      return when.size() + 1;
    }
  }
  return 0;
}

bool IsActionVerb(const Clause& c, size_t i) {
  return c.left[i].pos == Pos::kVerb && !IsCopula(c.LeftWord(i)) &&
         !IsNonAction(c.LeftWord(i));
}

// VerbChain joins the verbs side by side around left[i] into one action
// (编辑 + 报送 = 编辑报送, 协调 + 解决 = 协调解决), at most three; a verb of
// holding before another (组织 + 开展) only opens it and is left out.
// It runs no further than left[limit).
std::u32string VerbChain(const Clause& c, size_t i, size_t limit) {
  size_t b = i;
  size_t e = i + 1;
  // A verb that introduces a topic opens what follows, not the action
  // (收集 + 涉及A、B等方面的意见).
  while (b > 0 && i - b < 2 && IsActionVerb(c, b - 1) &&
         !IsTopicVerb(c.LeftWord(b - 1))) {
    --b;
  }
  while (e < std::min(limit, c.tail) && e - b < 3 && IsActionVerb(c, e) &&
         !IsTopicVerb(c.LeftWord(e))) {
    ++e;
  }
  while (e - b > 1 && IsHoldingVerb(c.LeftWord(b)) &&
         IsHoldingVerb(c.LeftWord(b + 1))) {
    ++b;
  }
  std::u32string out;
  for (size_t k = b; k < e; ++k) out.append(c.LeftWord(k));
  return out;
}

// FirstAction returns the clause's first verb: the one that opens an
// enumeration (走访了A、B等20家单位).
std::u32string FirstAction(const Clause& c) {
  for (size_t i = 0; i < c.left.size(); ++i) {
    if (IsActionVerb(c, i)) return VerbChain(c, i);
  }
  return {};
}

// ActionBefore returns the verb nearest before left[end), passing over
// adverbs and prepositions but not over another noun phrase.
std::u32string ActionBefore(const Clause& c, size_t end) {
  for (size_t i = end; i > 0; --i) {
    const Word& w = c.left[i - 1];
    if (c.LeftWord(i - 1) == U"等") return FirstAction(c);
    if (IsActionVerb(c, i - 1)) return VerbChain(c, i - 1, end);
    if (w.pos == Pos::kAdverb || w.pos == Pos::kPreposition ||
        w.pos == Pos::kVerbalNoun || IsCopula(c.LeftWord(i - 1))) {
      continue;
    }
    if (w.pos == Pos::kPunctuation && !IsJoiner(c.LeftWord(i - 1))) break;
  }
  return {};
}

// ActionAfter returns the verb after the right noun phrase, passing over
// adverbs (12个项目顺利签约 -> 签约).
std::u32string ActionAfter(const Clause& c) {
  for (size_t i = c.right_phrase; i < c.right.size(); ++i) {
    const Word& w = c.right[i];
    const std::u32string_view v = View(c.text, w);
    const size_t deed = DeedAfterReceiving(c.text, c.right, i);
    if (deed < c.right.size()) {
      return std::u32string(View(c.text, c.right[deed]));
    }
    if (w.pos == Pos::kVerb && IsLightVerb(v) && i + 1 < c.right.size() &&
        (c.right[i + 1].pos == Pos::kVerb ||
         c.right[i + 1].pos == Pos::kVerbalNoun)) {
      return std::u32string(View(c.text, c.right[i + 1]));
    }
    if (w.pos == Pos::kVerb && !IsCopula(v) && !IsNonAction(v)) {
      return std::u32string(v);
    }
    if (w.pos != Pos::kAdverb && w.pos != Pos::kParticle &&
        w.pos != Pos::kAdjective) {
      break;
    }
  }
  return {};
}

size_t DeedAfterReceiving(std::u32string_view text,
                          const std::vector<Word>& words, size_t i) {
  const size_t none = words.size();
  if (i >= words.size() || !IsReceivingWord(View(text, words[i]))) return none;
  // Who acts: nouns, kind words and adjectives (主要领导), joined lists.
  size_t j = i + 1;
  while (j < words.size() && j - i <= 8) {
    const Word& w = words[j];
    if (IsNounish(w.pos) || w.pos == Pos::kAdjective ||
        w.pos == Pos::kDistinguisher || IsJoiner(View(text, w))) {
      ++j;
      continue;
    }
    break;
  }
  if (j == i + 1 || j >= words.size()) return none;
  if (IsLightVerb(View(text, words[j])) && j + 1 < words.size()) ++j;
  const Pos deed = words[j].pos;
  if (deed != Pos::kVerb && deed != Pos::kVerbalNoun) return none;
  // A verbal noun that a noun follows modifies it (获优秀履职奖): no deed.
  if (j + 1 < words.size() && IsNounish(words[j + 1].pos)) return none;
  return j;
}

std::u32string RightObject(const Clause& c) {
  if (c.right_phrase == 0 || c.right_to_next) return {};
  return ObjectText(c, c.right, 0, c.right_phrase);
}

bool IsPercent(std::u32string_view unit) {
  return unit == U"%" || unit == U"百分点" || unit == U"‰";
}

// A measure of people or of visits by people.
bool IsPeopleMeasure(std::u32string_view unit) {
  if (unit.empty() || unit.size() > 2 ||
      (unit[0] != U'人' && unit[0] != U'名' && unit[0] != U'位')) {
    return false;
  }
  return IsOneOf(unit, {U"人", U"人次", U"名", U"位", U"名次", U"位次"});
}

// IsPersonNoun: a noun naming people ends in a morpheme of persons (委员,
// 学者, 专家, 群众, 居民, 学生) or is one of the few that do not (领导, 干部,
// 代表, 常委, and compounds of 职工, 工人).
bool IsPersonNoun(std::u32string_view w) {
  // (Every word below ends in one of these: a clear bit rules the word
  // out before its lists are compared.)
  constexpr uint64_t kLasts =
      FirstCharMask(U"导導部表委工人员員者众眾民生师師家");
  if (w.empty() || !MayOpen(kLasts, w.back())) return false;
  if (IsOneOf(w, {U"领导", U"領導", U"干部", U"幹部", U"代表", U"常委"})) {
    return true;
  }
  if (w.size() < 2) return false;
  const char32_t last = w.back();
  // Compounds ending in one of those few name people too (机关干部,
  // 人大代表).
  if (EndsWith(w, U"干部") || EndsWith(w, U"幹部") || EndsWith(w, U"代表") ||
      EndsWith(w, U"职工") || EndsWith(w, U"職工") || EndsWith(w, U"工人")) {
    return true;
  }
  return last == U'员' || last == U'員' || last == U'者' || last == U'众' ||
         last == U'眾' || last == U'民' || last == U'生' || last == U'师' ||
         last == U'師' || EndsWith(w, U"专家") || EndsWith(w, U"專家") ||
         EndsWith(w, U"企业家") || EndsWith(w, U"企業家");
}

}  // namespace phrase_internal
}  // namespace reportfacts
