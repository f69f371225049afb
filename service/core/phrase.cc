#include "service/core/phrase.h"

#include <algorithm>

namespace reportfacts {
namespace {

constexpr size_t kMaxNounPhrase = 16;

bool IsClauseBreak(char32_t c) {
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

bool IsSentenceBreak(char32_t c) {
  return c == U'。' || c == U'！' || c == U'!' || c == U'？' || c == U'?' ||
         c == U'；' || c == U';' || c == U'\n';
}

bool IsQuoteMark(char32_t c) {
  return c == U'“' || c == U'”' || c == U'‘' || c == U'’' || c == U'"' ||
         c == U'\'' || c == U'「' || c == U'」';
}

// Words between a verb or a subject and the number that carry no meaning of
// their own for the object: 共, 累计, 达 ...
constexpr std::u32string_view kFillers[] = {
    U"共计", U"总计", U"合计", U"累计", U"先后", U"分别", U"全年",
    U"连续", U"已经", U"一共", U"共",   U"计",   U"达",   U"已",
    U"为",   U"有",   U"了",   U"等",   U"各"};

// Words that end a noun phrase after the number (件提案全部办复).
constexpr std::u32string_view kPhraseStops[] = {
    U"全部", U"分别", U"均", U"都", U"已", U"得到", U"成功", U"进行",
    U"在",   U"对",   U"被", U"将", U"把", U"向",   U"从",   U"由",
    U"于",   U"中",   U"的", U"共", U"并", U"先后", U"累计", U"预计"};

// Adverbs that may stand between a noun phrase and its verb (项目成功签约).
constexpr std::u32string_view kAdverbs[] = {U"成功", U"全部", U"均",  U"都",
                                            U"已",   U"先后", U"共",  U"分别",
                                            U"得到", U"进行", U"全面"};

size_t MatchAnyAt(std::u32string_view text, size_t pos, size_t limit,
                  const std::u32string_view* words, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const auto& w = words[i];
    if (pos + w.size() <= limit && text.substr(pos, w.size()) == w) {
      return w.size();
    }
  }
  return 0;
}

template <size_t N>
size_t MatchAt(std::u32string_view text, size_t pos, size_t limit,
               const std::u32string_view (&words)[N]) {
  return MatchAnyAt(text, pos, limit, words, N);
}

template <size_t N>
size_t MatchEndingAt(std::u32string_view text, size_t floor, size_t end,
                     const std::u32string_view (&words)[N]) {
  for (const auto& w : words) {
    if (end >= floor + w.size() && text.substr(end - w.size(), w.size()) == w) {
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

// Tokenize cuts [begin, end) by longest match over nouns and verbs; a noun
// wins a tie so that 总投资 is not read as the verb 投资.
std::vector<Token> Tokenize(std::u32string_view text, size_t begin, size_t end,
                            const PhraseLexicon& lex) {
  std::vector<Token> tokens;
  size_t p = begin;
  while (p < end) {
    const size_t noun = lex.nouns.LongestStartingAt(text, p, end);
    const size_t verb = lex.actions.LongestStartingAt(text, p, end);
    if (noun > 0 && noun >= verb) {
      tokens.push_back({p, p + noun, TokenKind::kNoun});
      p += noun;
    } else if (verb > 0) {
      tokens.push_back({p, p + verb, TokenKind::kVerb});
      p += verb;
    } else {
      tokens.push_back({p, p + 1, TokenKind::kOther});
      ++p;
    }
  }
  return tokens;
}

class ClauseAnalyser {
 public:
  ClauseAnalyser(std::u32string_view text, const PhraseLexicon& lex)
      : text_(text), lex_(lex) {}

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
    std::u32string out;
    for (size_t i = begin; i < end; ++i) {
      if (!IsQuoteMark(text_[i])) out.push_back(text_[i]);
    }
    bool changed = true;
    while (changed && !out.empty()) {
      changed = false;
      while (!out.empty() && (out[0] == U'、' || out[0] == U'和' ||
                              out[0] == U'及' || out[0] == U' ')) {
        out.erase(0, 1);
        changed = true;
      }
      const size_t mod = lex_.modifiers.LongestStartingAt(out, 0, out.size());
      if (mod > 0 && mod < out.size()) {
        out.erase(0, mod);
        changed = true;
      }
    }
    while (!out.empty() && (out.back() == U'、' || out.back() == U'和' ||
                            out.back() == U'及' || out.back() == U'与')) {
      out.pop_back();
    }
    return out;
  }

  // NounPhraseAfter reads the noun phrase that starts at `pos` (after the
  // unit); returns its cleaned text and sets *phrase_end.
  std::u32string NounPhraseAfter(size_t pos, size_t limit,
                                 size_t* phrase_end) const {
    size_t p = pos;
    while (p < limit && text_[p] == U'的') ++p;
    const size_t start = p;
    while (p < limit && p - start < kMaxNounPhrase) {
      const char32_t c = text_[p];
      if (IsDigit(c) || IsClauseBreak(c) || c == U'（' || c == U'(') {
        // Parentheses inside a noun (乡镇(街道)) are kept below.
        if (c == U'（' || c == U'(') {
          const size_t close = text_.find(c == U'（' ? U'）' : U')', p);
          if (close != std::u32string_view::npos && close < limit &&
              close - p < 10) {
            p = close + 1;
            continue;
          }
        }
        break;
      }
      if (MatchAt(text_, p, limit, kPhraseStops) > 0) break;
      const size_t noun = lex_.nouns.LongestStartingAt(text_, p, limit);
      const size_t verb = lex_.actions.LongestStartingAt(text_, p, limit);
      if (verb > 0 && verb > noun) break;
      p += noun > 0 ? noun : 1;
    }
    *phrase_end = p;
    return Clean(start, p);
  }

  // VerbAfter returns the verb chain at `pos`, after adverbs, or empty.
  std::u32string VerbAfter(size_t pos, size_t limit) const {
    size_t p = pos;
    for (size_t n; (n = MatchAt(text_, p, limit, kAdverbs)) > 0;) p += n;
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

  // Analyse fills phrase for mention k.
  void Analyse(const std::vector<NumberMention>& mentions, size_t k,
               const std::vector<MetricPhrase>& done,
               MetricPhrase* phrase) const {
    const NumberMention& m = mentions[k];
    size_t clause_begin = m.qualifier_begin;
    while (clause_begin > 0 && !IsClauseBreak(text_[clause_begin - 1])) {
      --clause_begin;
    }
    size_t left_begin = clause_begin;
    if (k > 0 && mentions[k - 1].mention_end > left_begin &&
        mentions[k - 1].mention_end <= m.qualifier_begin) {
      left_begin = mentions[k - 1].mention_end;
    }
    size_t left_end = m.qualifier_begin;
    // Drop fillers (共, 累计, 达) right before the number.
    for (size_t n;
         (n = MatchEndingAt(text_, left_begin, left_end, kFillers)) > 0;) {
      left_end -= n;
    }
    size_t clause_end = m.mention_end;
    while (clause_end < text_.size() && !IsClauseBreak(text_[clause_end])) {
      ++clause_end;
    }
    if (k + 1 < mentions.size() &&
        mentions[k + 1].qualifier_begin < clause_end) {
      clause_end = mentions[k + 1].qualifier_begin;
    }

    const std::vector<Token> tokens =
        Tokenize(text_, left_begin, left_end, lex_);
    // Index of the rightmost verb token, and of the start of its chain.
    int last_verb = -1;
    for (int i = static_cast<int>(tokens.size()) - 1; i >= 0; --i) {
      if (tokens[i].kind == TokenKind::kVerb) {
        last_verb = i;
        break;
      }
    }
    const auto chain_start = [&](int i) {
      while (i > 0 && tokens[i - 1].kind == TokenKind::kVerb) --i;
      return i;
    };
    const auto chain_text = [&](int first, int last) {
      return std::u32string(text_.substr(
          tokens[first].begin, tokens[last].end - tokens[first].begin));
    };

    std::u32string object;
    std::u32string action;
    size_t after_phrase = m.mention_end;
    if (!tokens.empty() && tokens.back().kind == TokenKind::kNoun) {
      // ... 意见建议 5300余条: the known noun is the object.
      const Token& noun = tokens.back();
      object = Clean(noun.begin, noun.end);
      int verb = -1;
      for (int i = static_cast<int>(tokens.size()) - 2; i >= 0; --i) {
        if (tokens[i].kind == TokenKind::kVerb) {
          verb = i;
          break;
        }
      }
      if (verb >= 0) {
        // In "编报“双碳人才”培养等社情民意信息" the verb of the count stands
        // before the enumeration that 等 closes.
        const std::u32string_view between =
            text_.substr(tokens[verb].end, noun.begin - tokens[verb].end);
        if (between.find(U'等') != std::u32string_view::npos) {
          for (int i = 0; i < verb; ++i) {
            if (tokens[i].kind == TokenKind::kVerb) {
              verb = i;
              break;
            }
          }
          int last = verb;
          while (last + 1 < static_cast<int>(tokens.size()) &&
                 tokens[last + 1].kind == TokenKind::kVerb) {
            ++last;
          }
          action = chain_text(verb, last);
        } else {
          action = chain_text(chain_start(verb), verb);
        }
      }
    } else if (last_verb >= 0) {
      const int first = chain_start(last_verb);
      action = chain_text(first, last_verb);
      if (tokens[last_verb].end < left_end) {
        object = Clean(tokens[last_verb].end, left_end);
      } else {
        object = NounPhraseAfter(m.mention_end, clause_end, &after_phrase);
        if (object.empty()) {
          // 组织专题理论培训5次: an earlier verb governs a noun ending in a
          // verb.
          int earlier = -1;
          for (int i = first - 1; i >= 0; --i) {
            if (tokens[i].kind == TokenKind::kVerb) {
              earlier = i;
              break;
            }
          }
          if (earlier >= 0 && earlier + 1 < first) {
            object = Clean(tokens[earlier].end, left_end);
            action = chain_text(chain_start(earlier), earlier);
          } else if (first == 0 && k > 0 && mentions[k - 1].unit == m.unit &&
                     done[k - 1].sentence_begin <= m.begin &&
                     done[k - 1].sentence_end >= m.end) {
            // 征集提案811件，立案597件: the count continues the same object.
            object = done[k - 1].object;
          }
        }
      }
    } else {
      if (left_begin < left_end) object = Clean(left_begin, left_end);
      if (object.empty()) {
        size_t phrase_end = m.mention_end;
        object = NounPhraseAfter(m.mention_end, clause_end, &phrase_end);
        after_phrase = phrase_end;
        if (object.empty()) {
          // 20年实现正增长: the verb and its object follow the number.
          size_t chain_end;
          action = VerbChainAt(m.mention_end, clause_end, &chain_end);
          if (!action.empty()) {
            object = NounPhraseAfter(chain_end, clause_end, &after_phrase);
          }
        }
      }
      if (action.empty()) {
        // 签约54个项目、金额57.71亿元: the verb before the list governs it.
        const std::vector<Token> wider =
            Tokenize(text_, clause_begin, left_begin, lex_);
        for (int i = static_cast<int>(wider.size()) - 1; i >= 0; --i) {
          if (wider[i].kind == TokenKind::kVerb) {
            int first = i;
            while (first > 0 && wider[first - 1].kind == TokenKind::kVerb) {
              --first;
            }
            action = std::u32string(text_.substr(
                wider[first].begin, wider[i].end - wider[first].begin));
            break;
          }
        }
      }
    }
    if (action.empty()) {
      size_t phrase_end = after_phrase;
      if (phrase_end == m.mention_end) {
        NounPhraseAfter(m.mention_end, clause_end, &phrase_end);
      }
      action = VerbAfter(phrase_end, clause_end);
    }
    phrase->object = std::move(object);
    phrase->action = std::move(action);
  }

 private:
  std::u32string_view text_;
  const PhraseLexicon& lex_;
};

}  // namespace

std::vector<MetricPhrase> AnalysePhrases(
    std::u32string_view text, const std::vector<NumberMention>& mentions,
    const PhraseLexicon& lexicon) {
  ClauseAnalyser analyser(text, lexicon);
  std::vector<MetricPhrase> out(mentions.size());
  for (size_t k = 0; k < mentions.size(); ++k) {
    const NumberMention& m = mentions[k];
    MetricPhrase& phrase = out[k];
    size_t b = m.begin;
    while (b > 0 && !IsSentenceBreak(text[b - 1])) --b;
    size_t e = m.end;
    while (e < text.size() && !IsSentenceBreak(text[e])) ++e;
    if (e < text.size() && text[e] != U'\n') ++e;  // keep the full stop
    phrase.sentence_begin = b;
    phrase.sentence_end = e;
    analyser.Analyse(mentions, k, out, &phrase);
  }
  return out;
}

}  // namespace reportfacts
