// The lexical reading: the genre's verb and noun lists and positional
// patterns over them, the older reading the rules are combined with.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "service/core/chars.h"
#include "service/core/phrase_internal.h"

namespace reportfacts {
namespace phrase_internal {

bool ModifierCutsWord(std::u32string_view phrase, size_t mod,
                      const Dictionary& dict) {
  if (phrase.size() <= mod) return false;
  thread_local std::vector<Word> words_buffer;
  SegmentInto(phrase, 0, phrase.size(), dict, &words_buffer);
  const std::vector<Word>& words = words_buffer;
  return !words.empty() && words.front().end > mod;
}

namespace {

// ---------------------------------------------------------------------
// The lexical reading: the genre's verb and noun lists and positional
// patterns over them.
constexpr size_t kMaxNounPhrase = 24;
// How far around a number its clause is read; a clause is rarely longer.
constexpr size_t kMaxLexicalWindow = 64;
// The longest quoted name read as one word; a longer quote is speech.
constexpr size_t kMaxQuotedName = 16;
// How far apart a verb and the phrase it governs may stand.
constexpr size_t kMaxGovernedGap = 6;

bool IsLexicalClauseBreak(char32_t c) {
  switch (c) {
    case U'，':
    case U',':
    case U'。':
    case U'；':
    case U';':
    case U'：':
    case U':':
    case U'！':
    case U'!':
    case U'？':
    case U'?':
    case U'\n':
      return true;
    default:
      return false;
  }
}

// BreaksAt says whether text[i] ends a clause. A line break between two
// Chinese characters is a column break of the page layout (阅读\n\n量), not
// the end of a clause.
inline bool LexicalBreaksAt(std::u32string_view text, size_t i) {
  const char32_t c = text[i];
  // (A Chinese character, most of a text, is no break.)
  if (c >= 0x4E00 && c <= 0x9FFF) return false;
  if (c != U'\n') return IsLexicalClauseBreak(c);
  return LineBreakEndsClause(text, i);
}

// A preposition that opens a phrase (对20件来信, 由50多位会员) is not part
// of the object.
bool IsPreposition(char32_t c) {
  switch (c) {
    case U'对':
    case U'向':
    case U'为':
    case U'在':
    case U'由':
    case U'将':
    case U'把':
    case U'与':
    case U'让':
    case U'从':
    case U'给':
    case U'使':
      return true;
    default:
      return false;
  }
}

// A list mark right before a number means the object follows the number
// (…座谈等8项助学活动, …和6个行业协会).
bool IsListMark(char32_t c) {
  return c == U'等' || c == U'和' || c == U'及' || c == U'、' || c == U'与';
}

// Words between a verb or a subject and the number that carry no meaning of
// their own for the object: 共, 累计, 达 ...
constexpr std::u32string_view kFillers[] = {
    U"共计", U"总计", U"合计", U"累计", U"先后", U"分别", U"全年",
    U"连续", U"已经", U"一共", U"共",   U"计",   U"达",   U"已",
    U"为",   U"有",   U"了",   U"等",   U"各",   U"折合", U"折算"};

// Words that end a noun phrase after the number (封来信全部答复).
constexpr std::u32string_view kPhraseStops[] = {
    U"全部", U"分别", U"均",   U"都",  U"已", U"得到", U"成功",
    U"进行", U"在",   U"被",   U"将",  U"把", U"向",   U"从",
    U"由",   U"于",   U"中",   U"为",  U"共", U"并",   U"先后",
    U"累计", U"预计", U"以及", U"功能"};

// Adverbs that may stand between a noun phrase and its verb (项目顺利签约).
constexpr std::u32string_view kAdverbs[] = {U"成功", U"全部", U"均",  U"都",
                                            U"已",   U"先后", U"共",  U"分别",
                                            U"得到", U"进行", U"全面"};

// EdgeMask is a bit per first (or last) character of a list's words, by
// the character's low six bits: a character whose bit is clear begins
// (ends) none of them, and most of a text's characters are ruled out so.
template <size_t N>
constexpr uint64_t EdgeMask(const std::u32string_view (&words)[N], bool last) {
  uint64_t mask = 0;
  for (const auto& w : words) {
    mask |= uint64_t{1} << ((last ? w.back() : w[0]) & 63);
  }
  return mask;
}
constexpr uint64_t kPhraseStopFirsts = EdgeMask(kPhraseStops, false);
constexpr uint64_t kAdverbFirsts = EdgeMask(kAdverbs, false);
constexpr uint64_t kFillerLasts = EdgeMask(kFillers, true);

// MatchAt: the length of the first of `words` at text[pos, limit), or 0.
// (The words are never empty; their first character is compared before
// the rest, which rules out nearly every candidate.)
template <size_t N>
size_t MatchAt(std::u32string_view text, size_t pos, size_t limit,
               const std::u32string_view (&words)[N], uint64_t firsts) {
  if (pos >= limit || pos >= text.size()) return 0;
  const char32_t first = text[pos];
  if (((firsts >> (first & 63)) & 1) == 0) return 0;
  for (const auto& w : words) {
    if (w[0] == first && pos + w.size() <= limit &&
        text.substr(pos, w.size()) == w) {
      return w.size();
    }
  }
  return 0;
}

// MatchEndingAt: the length of the first of `words` that ends at `end`
// and begins at or after `floor`, or 0.
template <size_t N>
size_t MatchEndingAt(std::u32string_view text, size_t floor, size_t end,
                     const std::u32string_view (&words)[N], uint64_t lasts) {
  if (end <= floor || end > text.size()) return 0;
  const char32_t last = text[end - 1];
  if (((lasts >> (last & 63)) & 1) == 0) return 0;
  for (const auto& w : words) {
    if (w.back() == last && end >= floor + w.size() &&
        text.substr(end - w.size(), w.size()) == w) {
      return w.size();
    }
  }
  return 0;
}

enum class TokenKind { kVerb, kNoun, kOther };
struct Token {
  size_t begin;
  size_t end;
  TokenKind kind;
};

// Tokenize cuts [begin, end) by longest match over nouns and verbs, from
// right to left: what matters most is the word that ends right before the
// number (首批社区服务站 ends in 服务站). A noun wins a tie so that
// 总投资 is not read as the verb 投资.
// The tokens go into `out` (cleared first), a buffer the caller reuses.
// AfterSetPicker says whether text[at] follows 各 or 每 (or 各个, 每个) in
// text[begin, at).
bool AfterSetPicker(std::u32string_view text, size_t begin, size_t at) {
  if (at <= begin) return false;
  size_t i = at - 1;
  if ((text[i] == U'个' || text[i] == U'個') && i > begin) --i;
  return text[i] == U'各' || text[i] == U'每';
}

// NamesATimeOfTheDeed says whether text[at] is 日, 周 or 月 right after a
// verb, making a noun of it.
bool NamesATimeOfTheDeed(std::u32string_view text, size_t at) {
  return at < text.size() &&
         (text[at] == U'日' || text[at] == U'周' || text[at] == U'月');
}

void Tokenize(std::u32string_view text, size_t begin, size_t end,
              const PhraseLexicon& lex, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  // At most one token a character, and a window is short: the tokens are
  // written from the back of a buffer of one a character (found right to
  // left, they need no reversing), and the unused front is cut at the end.
  const size_t most = end > begin ? end - begin : 0;
  tokens.resize(most);
  size_t slot = most;
  size_t p = end;
  while (p > begin) {
    // Blanks and wrapped line breaks are layout, no token (督办 14 件).
    if (IsSpace(text[p - 1])) {
      --p;
      continue;
    }
    // A quoted name (“委员之家”, “回头看”) is one noun, whatever words it
    // is made of: a verb inside it is no deed of the clause's.
    if (IsCloseQuote(text[p - 1])) {
      size_t q = p - 1;
      while (q > begin && p - q <= kMaxQuotedName &&
             !IsOpenQuote(text[q - 1]) && !IsCloseQuote(text[q - 1])) {
        --q;
      }
      if (q > begin && IsOpenQuote(text[q - 1]) && q + 1 < p) {
        tokens[--slot] = {q - 1, p, TokenKind::kNoun};
        p = q - 1;
        continue;
      }
    }
    const size_t noun = lex.nouns.LongestEndingAt(text, p, begin);
    const size_t verb = lex.actions.LongestEndingAt(text, p, begin);
    size_t length = 1;
    TokenKind kind = TokenKind::kOther;
    if (noun > 0 && noun >= verb) {
      length = noun;
      kind = TokenKind::kNoun;
    } else if (verb > 0) {
      length = verb;
      // After 各 or 每 a verb qualifies the noun after it (各承办单位);
      // before 日, 周 or 月 it names a day, week or month given to the
      // deed (接待日, 宣传周, 服务月), a noun.
      kind =
          AfterSetPicker(text, begin, p - verb) || NamesATimeOfTheDeed(text, p)
              ? TokenKind::kOther
              : TokenKind::kVerb;
    }
    tokens[--slot] = {p - length, p, kind};
    p -= length;
  }
  tokens.erase(tokens.begin(),
               tokens.begin() + static_cast<std::ptrdiff_t>(slot));
}

}  // namespace

// ShareSideBySide: two numbers side by side (6类30项, 3轮12份报告) share
// their object and action.
void ShareSideBySide(const std::vector<NumberMention>& mentions,
                     std::vector<MetricPhrase>* phrases) {
  for (size_t k = 0; k + 1 < mentions.size(); ++k) {
    if (mentions[k].mention_end != mentions[k + 1].qualifier_begin) continue;
    MetricPhrase& a = (*phrases)[k];
    MetricPhrase& b = (*phrases)[k + 1];
    if (a.object.empty()) a.object = b.object;
    if (b.object.empty()) b.object = a.object;
    if (a.action.empty()) a.action = b.action;
    if (b.action.empty()) b.action = a.action;
  }
}

namespace {

class ClauseAnalyser {
 public:
  ClauseAnalyser(std::u32string_view text, const PhraseLexicon& lex)
      : text_(text), lex_(lex) {}

  // OpensContentWord: the phrase starts with a noun, verb or adjective of
  // two characters that the dictionary knows (对口, 在职), not with a
  // preposition (对于) or another function word.
  bool OpensContentWord(std::u32string_view phrase) const {
    if (phrase.size() < 2 || lex_.dictionary == nullptr) return false;
    switch (lex_.dictionary->PosOf(phrase.substr(0, 2))) {
      case Pos::kNoun:
      case Pos::kVerbalNoun:
      case Pos::kVerb:
      case Pos::kAdjective:
      case Pos::kDistinguisher:
        return true;
      default:
        return false;
    }
  }

  // ModifierNamesTheDeed: a modifier that is a noun or a kind word (专题)
  // before a lone verb or verbal noun (调研) is the only word that says
  // which kind of activity is counted; stripped, the object would be the
  // bare deed. (Before a noun phrase, 专题 + 理论培训, it goes.)
  bool ModifierNamesTheDeed(std::u32string_view phrase, size_t mod) const {
    if (lex_.dictionary == nullptr || phrase.size() - mod < 2) return false;
    const Pos rest = lex_.dictionary->PosOf(phrase.substr(mod));
    if (rest != Pos::kVerb && rest != Pos::kVerbalNoun) return false;
    const Pos front = lex_.dictionary->PosOf(phrase.substr(0, mod));
    return front == Pos::kNoun || front == Pos::kDistinguisher;
  }

  // Clean gives the shortest form of a noun phrase: what follows the last
  // 等 or 的, without quote marks, list marks and leading modifiers.
  std::u32string Clean(size_t begin, size_t end) const {
    for (size_t i = end; i > begin; --i) {
      const char32_t c = text_[i - 1];
      if (c == U'等' || c == U'的' || c == U'之') {
        begin = i;
        break;
      }
    }
    // The trims below only cut the front and the back: they run on a view,
    // and one string is made at the end. (A copy is made first only where
    // quote marks or line breaks are to be left out.)
    std::u32string filtered;
    std::u32string_view out = text_.substr(begin, end - begin);
    if (std::any_of(out.begin(), out.end(),
                    [](char32_t c) { return IsQuoteMark(c) || c == U'\n'; })) {
      for (const char32_t c : out) {
        if (!IsQuoteMark(c) && c != U'\n') filtered.push_back(c);
      }
      out = filtered;
    }
    bool changed = true;
    while (changed && !out.empty()) {
      changed = false;
      while (!out.empty() && (out[0] == U'、' || out[0] == U'和' ||
                              out[0] == U'及' || out[0] == U' ')) {
        out.remove_prefix(1);
        changed = true;
      }
      const size_t noun = lex_.nouns.LongestStartingAt(out, 0, out.size());
      const size_t mod = lex_.modifiers.LongestStartingAt(out, 0, out.size());
      if (mod > noun && !ModifierNamesTheDeed(out, mod) &&
          !(lex_.dictionary != nullptr &&
            ModifierCutsWord(out, mod, *lex_.dictionary))) {
        out.remove_prefix(mod);
        changed = true;
      }
      // 某市林业资源: a place name opening the phrase is not counted.
      const size_t place =
          lex_.places ? lex_.places->LongestStartingAt(out, 0, out.size()) : 0;
      // Not when the place names a body: 某市委, 某市政协.
      if (place > noun && place + 1 < out.size() &&
          std::u32string_view(U"委政人党").find(out[place]) ==
              std::u32string_view::npos) {
        out.remove_prefix(place);
        changed = true;
      }
      // A preposition opening the phrase (对某项工作) is dropped, but not the
      // first character of a word it begins (对口, 由来).
      if (!out.empty() && noun == 0 && IsPreposition(out[0]) &&
          !OpensContentWord(out)) {
        out.remove_prefix(1);
        changed = true;
      }
    }
    while (!out.empty() && (out.back() == U'、' || out.back() == U'和' ||
                            out.back() == U'及' || out.back() == U'与')) {
      out.remove_suffix(1);
    }
    return std::u32string(out);
  }

  // NounPhraseAfter reads the noun phrase that starts at `pos` (after the
  // unit); returns its cleaned text and sets *phrase_end.
  std::u32string NounPhraseAfter(size_t pos, size_t limit,
                                 size_t* phrase_end) const {
    size_t p = pos;
    while (p < limit && text_[p] == U'的') ++p;
    const size_t start = p;
    // After the count, 、 opens the next item of a list (视察5次、调研3项):
    // its words are the next count's, not this one's. A receiving word
    // opens who acts and what they did (获市委批示), no thing.
    if ((p < limit && text_[p] == U'、') || OpensWithReceiving(p, limit)) {
      *phrase_end = start;
      return {};
    }
    bool after_noun = false;
    // The longest noun at a position, asked up to three times for each
    // (the loop's test, its step, the verb before it): looked up once.
    size_t noun_at = std::u32string_view::npos;
    size_t noun_length = 0;
    const auto noun_starting_at = [&](size_t q) {
      if (q != noun_at) {
        noun_at = q;
        noun_length = lex_.nouns.LongestStartingAt(text_, q, limit);
      }
      return noun_length;
    };
    while (p < limit && p - start < kMaxNounPhrase) {
      // A known noun ends the phrase unless a list goes on (A和B, A、B).
      if (after_noun && !IsListMark(text_[p]) && noun_starting_at(p) == 0) {
        break;
      }
      const char32_t c = text_[p];
      if (IsDigit(c) || LexicalBreaksAt(text_, p) || c == U'（' || c == U'(') {
        // Parentheses inside a noun (社区(村)) are kept below; right after
        // the measure they hold another measure or a note (400篇（条）).
        if ((c == U'（' || c == U'(') && p > start) {
          const size_t close = text_.find(c == U'（' ? U'）' : U')', p);
          if (close != std::u32string_view::npos && close < limit &&
              close - p < 10) {
            p = close + 1;
            continue;
          }
        }
        break;
      }
      const size_t stop =
          MatchAt(text_, p, limit, kPhraseStops, kPhraseStopFirsts);
      const size_t verb = lex_.actions.LongestStartingAt(text_, p, limit);
      // Right after the measure, a noun the dictionary lists that opens
      // with a stop word or a verb (功能 + 区, 调研 + 组) is what is counted:
      // number + measure + noun.
      // Further on, such a noun opening with a verb goes on with the phrase
      // (专题 + 调研组).
      if ((p == start && stop > 0) || verb > 0) {
        const size_t whole = DictionaryNounAt(p, limit, std::max(stop, verb));
        if (whole > 0) {
          after_noun = true;
          p += whole;
          continue;
        }
      }
      if (stop > 0) break;
      const size_t noun = noun_starting_at(p);
      if (verb > 0 && verb > noun) {
        // 走访慰问活动: a verb that opens a known noun is part of the phrase.
        if (noun_starting_at(p + verb) == 0) break;
        p += verb;
        continue;
      }
      after_noun = noun > 0;
      p += noun > 0 ? noun : 1;
    }
    // 8个项目、金额3亿元: the list belongs to the next number.
    const bool next_number_follows =
        p < text_.size() &&
        (IsDigit(text_[p]) || (p == limit && !LexicalBreaksAt(text_, p)));
    if (next_number_follows) {
      size_t cut = p;
      while (cut > start && text_[cut - 1] != U'、') --cut;
      if (cut > start) p = cut;
    }
    *phrase_end = p;
    return Clean(start, p);
  }

  // DictionaryNounAt: the length of the longest noun of the dictionary
  // that starts at p and is longer than `shorter` (at most 5 characters),
  // or 0.
  size_t DictionaryNounAt(size_t p, size_t limit, size_t shorter) const {
    if (lex_.dictionary == nullptr) return 0;
    for (size_t n = std::min<size_t>(5, limit - p); n > shorter; --n) {
      if (lex_.dictionary->PosOf(text_.substr(p, n)) == Pos::kNoun) return n;
    }
    return 0;
  }

  // OwnVerbOpensClause: a clause after a comma (not an item after 、)
  // that opens with a verb of its own (…，架设专线5条) carries no verb
  // in from the clause before.
  // LinkedToItsNumber: a noun linked to its number by 达 or 为 (人员达500
  // 人次) is the subject of a clause of its own, which takes no verb from
  // the count before it.
  bool LinkedToItsNumber(size_t begin, size_t end) const {
    if (end < begin + 2) return false;
    const std::u32string_view one = text_.substr(end - 1, 1);
    const std::u32string_view two = text_.substr(end - 2, 2);
    return IsOneOf(one, {U"达", U"達", U"为", U"為"}) ||
           IsOneOf(two, {U"达到", U"達到"});
  }
  bool OwnVerbOpensClause(size_t begin, size_t end) const {
    if (lex_.dictionary == nullptr || begin == 0 || begin >= end ||
        text_[begin - 1] == U'、') {
      return false;
    }
    // (The dictionary first: most clauses open with no verb.)
    if (end - begin < 2) return false;
    const Pos two = lex_.dictionary->PosOf(text_.substr(begin, 2));
    if (two != Pos::kVerb &&
        lex_.dictionary->PosOf(text_.substr(begin, 3)) != Pos::kVerb) {
      return false;
    }
    thread_local std::vector<Word> words_buffer;
    SegmentInto(text_, begin, std::min(end, begin + 6), *lex_.dictionary,
                &words_buffer);
    const std::vector<Word>& words = words_buffer;
    // (A verb and 后/前 is a time, after or before the deed: 合并后.)
    const bool time = words.size() > 1 &&
                      IsOneOf(View(text_, words[1]), {U"后", U"後", U"前"});
    return !words.empty() && words[0].pos == Pos::kVerb &&
           words[0].size() >= 2 && !IsCopula(View(text_, words[0])) && !time;
  }

  // OpensWithReceiving: a receiving word, whole, opens text_[p, limit)
  // (获 but not 获奖).
  bool OpensWithReceiving(size_t p, size_t limit) const {
    if (p >= limit || lex_.dictionary == nullptr ||
        !OpensReceivingWord(text_[p])) {
      return false;
    }
    thread_local std::vector<Word> words_buffer;
    SegmentInto(text_, p, std::min(limit, p + 4), *lex_.dictionary,
                &words_buffer);
    const std::vector<Word>& words = words_buffer;
    return !words.empty() && IsReceivingWord(View(text_, words[0]));
  }

  // DeedFollows: where a receiving word opens text_[p, limit), the begin
  // of the deed after who acts (获 + 市委领导 + 批示); else limit.
  size_t DeedFollows(size_t p, size_t limit) const {
    if (!OpensWithReceiving(p, limit)) return limit;
    const size_t end = std::min(limit, p + kMaxNounPhrase);
    thread_local std::vector<Word> words_buffer;
    SegmentInto(text_, p, end, *lex_.dictionary, &words_buffer);
    const std::vector<Word>& words = words_buffer;
    const size_t deed = DeedAfterReceiving(text_, words, 0);
    return deed < words.size() ? words[deed].begin : limit;
  }

  // VerbAfter returns the verb chain at `pos`, after adverbs, or empty; the
  // deed after a receiving word and who acts (获市委批示 -> 批示).
  std::u32string VerbAfter(size_t pos, size_t limit) const {
    size_t p = pos;
    for (size_t n; (n = MatchAt(text_, p, limit, kAdverbs, kAdverbFirsts)) > 0;)
      p += n;
    const size_t deed = DeedFollows(p, limit);
    if (deed < limit) {
      std::u32string chain = VerbChainAt(deed, limit, nullptr);
      if (!chain.empty()) return chain;
      thread_local std::vector<Word> words_buffer;
      SegmentInto(text_, deed, std::min(limit, deed + 8), *lex_.dictionary,
                  &words_buffer);
      const std::vector<Word>& words = words_buffer;
      if (!words.empty()) {
        return std::u32string(text_.substr(deed, words[0].size()));
      }
    }
    return VerbChainAt(p, limit, nullptr);
  }

  std::u32string VerbChainAt(size_t p, size_t limit, size_t* chain_end) const {
    std::u32string chain;
    while (p < limit) {
      const size_t noun = lex_.nouns.LongestStartingAt(text_, p, limit);
      const size_t verb = lex_.actions.LongestStartingAt(text_, p, limit);
      if (verb == 0 || noun >= verb) break;
      chain.append(text_.substr(p, verb));
      p += verb;
    }
    if (chain_end) *chain_end = p;
    return chain;
  }

  // Analyse fills phrase for mention k; `done` holds the mentions before.
  void Analyse(const std::vector<NumberMention>& mentions, size_t k,
               const std::vector<MetricPhrase>& done,
               MetricPhrase* phrase) const {
    const NumberMention& m = mentions[k];
    // Windows are capped so that a text without punctuation stays linear.
    const size_t floor = m.qualifier_begin > kMaxLexicalWindow
                             ? m.qualifier_begin - kMaxLexicalWindow
                             : 0;
    size_t clause_begin = m.qualifier_begin;
    while (clause_begin > floor && !LexicalBreaksAt(text_, clause_begin - 1)) {
      --clause_begin;
    }
    // The words before this number start after what the previous number
    // used (12个协会300名会员: 协会 belongs to 12).
    size_t left_begin = clause_begin;
    if (k > 0) {
      const size_t used =
          std::max(mentions[k - 1].mention_end, done[k - 1].phrase_end);
      if (used > left_begin && used <= m.qualifier_begin) left_begin = used;
    }
    size_t left_end = m.qualifier_begin;
    // Blanks before the number are layout (督办 14件), as fillers are words
    // that say nothing of what is counted.
    for (size_t n = 1; n > 0;) {
      while (left_end > left_begin && IsSpace(text_[left_end - 1])) --left_end;
      n = MatchEndingAt(text_, left_begin, left_end, kFillers, kFillerLasts);
      left_end -= n;
    }
    // A quoted verb or name right before the number (“回头看”3次) ends
    // where its quote closes.
    while (left_end > left_begin && IsCloseQuote(text_[left_end - 1])) {
      --left_end;
    }
    const bool list_before =
        (left_end > left_begin && IsListMark(text_[left_end - 1])) ||
        (m.qualifier_begin > left_begin &&
         text_[m.qualifier_begin - 1] == U'等');
    while (left_end > left_begin && IsListMark(text_[left_end - 1])) {
      --left_end;
    }
    size_t clause_end = m.mention_end;
    const size_t ceiling =
        std::min(text_.size(), m.mention_end + kMaxLexicalWindow);
    while (clause_end < ceiling && !LexicalBreaksAt(text_, clause_end)) {
      ++clause_end;
    }
    if (k + 1 < mentions.size() &&
        mentions[k + 1].qualifier_begin < clause_end) {
      clause_end = mentions[k + 1].qualifier_begin;
    }
    size_t right_end = m.mention_end;
    // (Moved into the object where it is taken: it is read no more.)
    std::u32string right =
        NounPhraseAfter(m.mention_end, clause_end, &right_end);

    Tokenize(text_, left_begin, left_end, lex_, &tokens_);
    const std::vector<Token>& tokens = tokens_;
    const int count = static_cast<int>(tokens.size());
    const auto is_verb = [&](int i) {
      return i >= 0 && i < count && tokens[i].kind == TokenKind::kVerb;
    };
    // Of verbs side by side (组织开展走访) the one nearest the counted
    // thing is the action; compounds such as 编辑报送 are lexicon words.
    const auto chain = [&](int first, int last) {
      (void)first;
      while (is_verb(last + 1)) ++last;
      return std::u32string(text_.substr(
          tokens[last].begin, tokens[last].end - tokens[last].begin));
    };
    int last_verb = -1;
    int first_verb = -1;
    for (int i = 0; i < count; ++i) {
      if (!is_verb(i)) continue;
      if (first_verb < 0) first_verb = i;
      last_verb = i;
    }

    std::u32string object;
    std::u32string action;
    bool used_right = false;
    if (list_before) {
      // 开展……等6项走访活动: the verb opens the enumeration.
      object = std::move(right);
      used_right = true;
      if (first_verb >= 0) action = chain(first_verb, first_verb);
      if (object.empty() && last_verb >= 0) {
        // 报送来信、专报等20份: the enumeration is the object.
        object = Clean(tokens[last_verb].end, left_end);
      }
    } else if (count > 0 && tokens.back().kind == TokenKind::kNoun) {
      // 编报简报30期: a known noun right before the number; a list of
      // known nouns (意见和建议) stays whole.
      int first_noun = count - 1;
      while (first_noun >= 2 &&
             tokens[first_noun - 1].kind == TokenKind::kOther &&
             tokens[first_noun - 1].end - tokens[first_noun - 1].begin == 1 &&
             IsListMark(text_[tokens[first_noun - 1].begin]) &&
             text_[tokens[first_noun - 1].begin] != U'等' &&
             tokens[first_noun - 2].kind == TokenKind::kNoun) {
        first_noun -= 2;
      }
      object = Clean(tokens[first_noun].begin, tokens.back().end);
      int verb = -1;
      for (int i = count - 2; i >= 0; --i) {
        if (is_verb(i)) {
          verb = i;
          break;
        }
      }
      if (verb >= 0) {
        const std::u32string_view between = text_.substr(
            tokens[verb].end, tokens.back().begin - tokens[verb].end);
        if (between.find(U'等') != std::u32string_view::npos) verb = first_verb;
        // A verb before 的 inside the phrase modifies the noun (收到 + 委员
        // 撰写的 + 提案): the verb before that clause acts, where there is
        // one.
        int outer = -1;
        if (between.find(U'的') != std::u32string_view::npos) {
          for (int i = verb - 1; i >= 0 && outer < 0; --i) {
            if (is_verb(i)) outer = i;
          }
        }
        // (Not chained on: the verb after it opens the clause.)
        action = outer >= 0 ? std::u32string(text_.substr(
                                  tokens[outer].begin,
                                  tokens[outer].end - tokens[outer].begin))
                            : chain(verb, verb);
      }
    } else if (last_verb >= 0) {
      action = chain(last_verb, last_verb);
      int first = last_verb;
      while (is_verb(first - 1)) --first;
      if (tokens[last_verb].end < left_end) {
        object = Clean(tokens[last_verb].end, left_end);
      }
      if (object.empty()) {
        object = std::move(right);
        used_right = true;
      }
      if (object.empty() && tokens[last_verb].end == left_end) {
        // 群众满意率达到96%: the topic before the verb is what is measured.
        for (int i = first - 1; i >= 0 && object.empty(); --i) {
          if (tokens[i].kind == TokenKind::kNoun) {
            const std::u32string_view noun =
                text_.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
            if (!lex_.agents.Contains(noun)) {
              // An item of a list (…、A类提案回头看2次) is read from where
              // it opens: the words before the noun say which kind.
              const bool item = text_[left_begin] == U'、';
              object =
                  Clean(item ? left_begin : tokens[i].begin, tokens[i].end);
            }
          } else if (is_verb(i)) {
            // 组织业务培训3次: an earlier verb governs a short phrase
            // that ends in a verb-like noun. A verb that links a figure to
            // its value (控制在, 提高到) is no noun: what stands between
            // the two verbs is the figure, and the link stays the action.
            if (tokens[first].begin - tokens[i].end <= kMaxGovernedGap &&
                tokens[first].begin > tokens[i].end) {
              const char32_t link_end = text_[tokens[last_verb].end - 1];
              if (link_end == U'在' || link_end == U'到' || link_end == U'至' ||
                  link_end == U'于') {
                object = Clean(tokens[i].end, tokens[first].begin);
              } else {
                object = Clean(tokens[i].end, left_end);
                action = chain(i, i);
              }
            }
            break;
          }
        }
      }
      if (object.empty() && k > 0 && mentions[k - 1].unit == m.unit &&
          done[k - 1].sentence_begin <= m.begin &&
          done[k - 1].sentence_end >= m.end &&
          tokens[first].begin - left_begin <= kMaxGovernedGap) {
        // 收到来信80封，办结75封: the count goes on about the same object.
        object = done[k - 1].object;
      }
    } else {
      if (!right.empty()) {
        object = std::move(right);
        used_right = true;
      } else if (left_begin < left_end) {
        object = Clean(left_begin, left_end);
      } else {
        // 5年实现盈利: verb and object follow the number.
        size_t chain_end;
        action = VerbChainAt(m.mention_end, clause_end, &chain_end);
        if (!action.empty()) {
          object = NounPhraseAfter(chain_end, clause_end, &right_end);
          used_right = true;
        }
      }
    }
    if (action.empty()) action = VerbAfter(right_end, clause_end);
    if (action.empty() && k > 0 && done[k - 1].sentence_begin <= m.begin &&
        done[k - 1].sentence_end >= m.end && !done[k - 1].action.empty() &&
        !OwnVerbOpensClause(clause_begin, left_end) &&
        !LinkedToItsNumber(left_begin, m.qualifier_begin)) {
      // 召开座谈会4次、论证会2次: the verb goes on.
      action = done[k - 1].action;
    }
    if (action.empty()) {
      // 签约8个项目、金额3亿元: the verb before the list governs it.
      std::vector<Token> wider;
      Tokenize(text_, clause_begin, left_begin, lex_, &wider);
      for (int i = static_cast<int>(wider.size()) - 1; i >= 0; --i) {
        if (wider[i].kind != TokenKind::kVerb) continue;
        action = std::u32string(
            text_.substr(wider[i].begin, wider[i].end - wider[i].begin));
        break;
      }
    }
    if (object.empty() && k > 0 && left_begin > mentions[k - 1].mention_end &&
        left_begin == done[k - 1].phrase_end &&
        !IsListMark(text_[left_begin - 1])) {
      // 投资1亿元以上工程5个: the noun serves both numbers.
      object = Clean(mentions[k - 1].mention_end, left_end);
    }
    phrase->phrase_end = used_right ? right_end : m.mention_end;
    phrase->object = std::move(object);
    phrase->action = std::move(action);
  }

 private:
  std::u32string_view text_;
  const PhraseLexicon& lex_;
  // The words before the number, a buffer kept from one number to the
  // next (Analyse is const: reading a clause changes nothing else).
  mutable std::vector<Token> tokens_;
};

}  // namespace

// ReadLexically reads object and action with the genre's word lists.
std::vector<MetricPhrase> ReadLexically(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon,
    const std::vector<MetricPhrase>* same_sentences) {
  ClauseAnalyser analyser(text, lexicon);
  std::vector<MetricPhrase> out(mentions.size());
  size_t sentence_begin = 0;  // the last sentence scanned: [begin, break)
  size_t sentence_break = 0;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const NumberMention& m = mentions[k];
    MetricPhrase& phrase = out[k];
    if (same_sentences != nullptr) {
      phrase.sentence_begin = (*same_sentences)[k].sentence_begin;
      phrase.sentence_end = (*same_sentences)[k].sentence_end;
      analyser.Analyse(mentions, k, out, &phrase);
      continue;
    }
    const size_t floor = m.begin > kMaxSentence ? m.begin - kMaxSentence : 0;
    const size_t ceiling = std::min(text.size(), m.end + kMaxSentence);
    size_t b = m.begin;
    size_t e = m.end;
    // A number in the sentence of the one before has its bounds (as in
    // ReadByRules).
    if (m.end < sentence_break && sentence_begin >= floor &&
        sentence_break < ceiling && m.begin >= sentence_begin) {
      b = sentence_begin;
      e = sentence_break;
    } else {
      while (b > floor && !IsSentenceBreak(text[b - 1])) --b;
      while (e < ceiling && !IsSentenceBreak(text[e])) ++e;
      sentence_begin = b;
      sentence_break = e;
      if (e == ceiling && ceiling < text.size()) sentence_break = 0;
      if (b == floor && floor > 0 && !IsSentenceBreak(text[floor - 1])) {
        sentence_break = 0;
      }
    }
    if (e < text.size() && text[e] != U'\n') ++e;  // keep the full stop
    phrase.sentence_begin = b;
    phrase.sentence_end = e;
    analyser.Analyse(mentions, k, out, &phrase);
  }
  ShareSideBySide(mentions, &out);
  return out;
}

}  // namespace phrase_internal
}  // namespace reportfacts
