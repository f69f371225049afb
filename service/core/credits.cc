#include "service/core/credits.h"

#include <optional>

#include "service/core/chars.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr size_t kMaxCreditLine = 40;  // longest byline or credit line
constexpr size_t kMaxDateline = 24;  // "某某网北京3月1日电" before a byline

std::u32string_view Sub(std::u32string_view text, size_t b, size_t e) {
  return text.substr(b, e - b);
}

bool IsCreditSeparator(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return false;  // Han: most of a line
  return IsBlank(c) || c == U'/' || c == U'／' || c == U'：' || c == U':' ||
         c == U'、' || c == U'，' || c == U',';
}

bool AllCjk(std::u32string_view s) {
  for (char32_t c : s) {
    if (!IsCjk(c)) return false;
  }
  return !s.empty();
}

// An organization before or after a marker: a media name such as 某某日报,
// 某某网, "某某+" (an app), "ABC" (Latin initials), 某县融媒体中心. Letters,
// digits and '+' may stand in it.
bool LooksLikeOrganization(std::u32string_view s) {
  if (s.size() < 2) return false;
  for (char32_t c : s) {
    if (!IsCjk(c) && !IsLatin(c) && !IsDigit(c) && c != U'+' && c != U'＋') {
      return false;
    }
  }
  return true;
}

// SupplyVerbEndingAt: the length of a verb of supplying text or pictures
// (供稿, 供图) that ends `token`, else 0. After a body, or as the label
// before one, it names where the text came from (县政协办公室供稿), no
// person.
size_t SupplyVerbEndingAt(std::u32string_view token) {
  static constexpr std::u32string_view kSupply[] = {U"供稿", U"供图", U"供圖"};
  for (const std::u32string_view verb : kSupply) {
    if (token.size() >= verb.size() &&
        token.substr(token.size() - verb.size()) == verb) {
      return verb.size();
    }
  }
  return 0;
}

// Roles a photo or text credit gives; a marker with one of them may also
// stand after the names it credits ("王明 文 李华 图").
bool IsWorkRole(std::string_view role) {
  return role == "文字" || role == "摄影";
}

class CreditParser {
 public:
  CreditParser(std::u32string_view text, const PeopleLexicon& lex)
      : text_(text), lex_(lex) {}

  // Parse reads text[begin, end); `allow_bare` lets a line of names without
  // any marker through, with role "".
  std::vector<CreditName> Parse(size_t begin, size_t end, bool allow_bare);

 private:
  enum class Kind { kMarker, kName, kOrganization };
  struct Token {
    Kind kind;
    size_t begin;
    size_t end;
    std::string role;  // kMarker: canonical role
  };

  bool HasSurname(std::u32string_view name) const {
    return lex_.surnames.Contains(name.substr(0, 1)) ||
           (name.size() > 2 && lex_.surnames.Contains(name.substr(0, 2)));
  }
  bool IsName(std::u32string_view s) const {
    return (s.size() >= 2 && s.size() <= 4 && AllCjk(s) && HasSurname(s)) ||
           IsNameOfParts(s, lex_);  // 扎西次仁: no surname
  }
  std::string RoleOf(size_t b, size_t e) const {
    auto it = lex_.byline_roles.find(Sub(text_, b, e));
    return it == lex_.byline_roles.end() ? std::string() : it->second;
  }
  // Tokenize splits text[begin, end) into markers, names and organizations;
  // false when a token is none of them.
  bool Tokenize(size_t begin, size_t end, std::vector<Token>* tokens) const;

  std::u32string_view text_;
  const PeopleLexicon& lex_;
};

bool CreditParser::Tokenize(size_t begin, size_t end,
                            std::vector<Token>* tokens) const {
  // Runs of one-character tokens are one name written with spaces: 张 花.
  size_t single_begin = 0, single_end = 0;
  const auto flush_single = [&]() -> bool {
    if (single_end == 0) return true;
    bool ok = true;
    std::u32string name;
    for (size_t k = single_begin; k < single_end; ++k) {
      if (!IsCreditSeparator(text_[k])) name += text_[k];
    }
    if (IsName(name)) {
      tokens->push_back({Kind::kName, single_begin, single_end, ""});
    } else {
      ok = false;
    }
    single_end = 0;
    return ok;
  };
  bool first = true;
  bool supply_label = false;
  for (size_t i = begin; i < end;) {
    if (IsCreditSeparator(text_[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < end && !IsCreditSeparator(text_[j])) ++j;
    const std::u32string_view token = Sub(text_, i, j);
    const bool was_first = first;
    first = false;
    if (lex_.byline_trailers.Contains(token)) {
      if (!flush_single()) return false;
      break;  // 摄影报道 ends the line
    }
    const size_t ending = lex_.byline_markers.LongestEndingAt(text_, j, i);
    if (ending == token.size() || (ending >= 2 && was_first)) {
      if (!flush_single()) return false;
      // "ABC全媒体记者": the organization is glued to the first marker.
      if (ending < token.size()) {
        tokens->push_back({Kind::kOrganization, i, j - ending, ""});
      }
      tokens->push_back({Kind::kMarker, j - ending, j, RoleOf(j - ending, j)});
      i = j;
      continue;
    }
    // "记者张明": a reporter's marker glued to the name after it.
    const size_t starting = lex_.byline_markers.LongestStartingAt(text_, i, j);
    if (starting >= 2 && starting < token.size() &&
        !IsWorkRole(RoleOf(i, i + starting)) &&
        IsName(token.substr(starting))) {
      if (!flush_single()) return false;
      tokens->push_back(
          {Kind::kMarker, i, i + starting, RoleOf(i, i + starting)});
      tokens->push_back({Kind::kName, i + starting, j, ""});
      i = j;
      continue;
    }
    if (token.size() == 1 && IsCjk(token[0])) {
      if (single_end == 0) single_begin = i;
      single_end = j;
      i = j;
      continue;
    }
    if (!flush_single()) return false;
    // "某某办公室供稿": the body that supplied the text, then the verb.
    if (const size_t supply = SupplyVerbEndingAt(token)) {
      if (supply < token.size()) {
        if (!LooksLikeOrganization(token.substr(0, token.size() - supply))) {
          return false;
        }
        tokens->push_back({Kind::kOrganization, i, j - supply, ""});
      } else if (was_first) {
        supply_label = true;  // 供稿：某某办公室, if a body follows
      } else if (tokens->empty() ||
                 tokens->back().kind != Kind::kOrganization) {
        return false;
      }
      i = j;
      continue;
    }
    if (IsName(token)) {
      tokens->push_back({Kind::kName, i, j, ""});
    } else if (LooksLikeOrganization(token)) {
      tokens->push_back({Kind::kOrganization, i, j, ""});
    } else {
      return false;
    }
    i = j;
  }
  if (!flush_single()) return false;
  return !supply_label ||
         (!tokens->empty() && tokens->front().kind == Kind::kOrganization);
}

std::vector<CreditName> CreditParser::Parse(size_t begin, size_t end,
                                            bool allow_bare) {
  std::vector<CreditName> out;
  while (begin < end && (IsBlank(text_[begin]) || text_[begin] == U'□' ||
                         text_[begin] == U'■' || IsOpenBracket(text_[begin]))) {
    ++begin;
  }
  while (end > begin &&
         (IsBlank(text_[end - 1]) || IsCloseBracket(text_[end - 1]))) {
    --end;
  }
  if (begin >= end || end - begin > kMaxCreditLine) return out;
  std::vector<Token> tokens;
  if (!Tokenize(begin, end, &tokens) || tokens.empty()) return out;

  // A work marker after the last name ("李华 图") credits the names before
  // it; the line is then read with such markers standing after names.
  const bool postfix = tokens.size() >= 2 &&
                       tokens.back().kind == Kind::kMarker &&
                       IsWorkRole(tokens.back().role) &&
                       tokens[tokens.size() - 2].kind == Kind::kName;
  bool any_marker = false;
  // Markers run together share the names after them (文/图 王明: 文字 and
  // 摄影).
  std::vector<std::string> roles;
  std::string organization;
  std::vector<size_t> unroled;  // names in `out` still waiting for a role
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    const bool after_marker = t > 0 && tokens[t - 1].kind == Kind::kMarker;
    const bool before_marker =
        t + 1 < tokens.size() && tokens[t + 1].kind == Kind::kMarker;
    switch (token.kind) {
      case Kind::kMarker:
        any_marker = true;
        if (postfix && IsWorkRole(token.role)) {
          for (size_t k : unroled) out[k].role = token.role;
          unroled.clear();
          roles.clear();
        } else if (after_marker) {
          roles.push_back(token.role);
        } else {
          roles = {token.role};
        }
        if (!(t > 0 && tokens[t - 1].kind == Kind::kOrganization)) {
          organization.clear();
        }
        break;
      case Kind::kOrganization:
        // "某某网 记者 王明" or "文稿：某某中心 王明"; anywhere else the
        // line is no credit.
        if (!before_marker && !after_marker) return {};
        organization = IsSelfReference(Sub(text_, token.begin, token.end))
                           ? std::string()
                           : EncodeUtf8(Sub(text_, token.begin, token.end));
        break;
      case Kind::kName: {
        std::u32string name;
        for (size_t k = token.begin; k < token.end; ++k) {
          if (!IsCreditSeparator(text_[k])) name += text_[k];
        }
        if (roles.empty()) {
          unroled.push_back(out.size());
          out.push_back(
              {EncodeUtf8(name), "", organization, token.begin, token.end});
        }
        for (const std::string& role : roles) {
          out.push_back(
              {EncodeUtf8(name), role, organization, token.begin, token.end});
        }
        break;
      }
    }
  }
  if (out.empty()) return {};
  if (!unroled.empty() && (any_marker || !allow_bare)) return {};
  return out;
}

// MatchingOpen returns the open bracket that the close bracket at `close`
// ends, searching back no further than `floor`.
std::optional<size_t> MatchingOpen(std::u32string_view text, size_t close,
                                   size_t floor) {
  for (size_t k = close; k > floor && close - k <= kMaxCreditLine + 1; --k) {
    if (IsOpenBracket(text[k - 1])) return k - 1;
    if (IsCloseBracket(text[k - 1])) return std::nullopt;
  }
  return std::nullopt;
}

// UnbracketedLeadCredit reads "本报讯 记者 王明 李华 报道：…": a dateline
// ending in 讯 or 电, a blank, then a byline up to the first comma or
// sentence end (a trailer such as 报道 ends it early).
std::vector<CreditName> UnbracketedLeadCredit(std::u32string_view text,
                                              size_t begin, size_t end,
                                              const PeopleLexicon& lex) {
  size_t mark = begin;
  while (mark < end && mark - begin <= kMaxDateline && text[mark] != U'讯' &&
         text[mark] != U'电' && !IsClauseBreak(text[mark])) {
    ++mark;
  }
  if (mark >= end || mark == begin ||
      (text[mark] != U'讯' && text[mark] != U'电') || mark + 1 >= end ||
      !IsBlank(text[mark + 1])) {
    return {};
  }
  size_t stop = mark + 1;
  while (stop < end && stop - mark <= kMaxCreditLine &&
         !IsSentenceEnd(text[stop]) && text[stop] != U'，' &&
         text[stop] != U',') {
    ++stop;
  }
  return CreditParser(text, lex).Parse(mark + 1, stop, /*allow_bare=*/false);
}

}  // namespace

std::vector<CreditName> ParseCreditLine(std::u32string_view text, size_t begin,
                                        size_t end, const PeopleLexicon& lex) {
  if (end > text.size() || begin >= end) return {};
  // Without a bare list allowed every name needs a marker before it, so a
  // short line where no marker starts anywhere is no credit: one probe per
  // character, where most short lines (titles, headings) would otherwise
  // be tokenized. A long line is left to Parse, which turns it down after
  // trimming it.
  if (end - begin <= kMaxCreditLine) {
    bool marker = false;
    for (size_t k = begin; k < end && !marker; ++k) {
      marker = lex.byline_markers.LongestStartingAt(text, k, end) > 0;
    }
    if (!marker) return {};
  }
  return CreditParser(text, lex).Parse(begin, end, /*allow_bare=*/false);
}

std::vector<CreditName> ParseLeadCredit(std::u32string_view text, size_t begin,
                                        size_t end, const PeopleLexicon& lex) {
  if (end > text.size()) return {};
  while (begin < end && IsBlank(text[begin])) ++begin;
  // The byline bracket follows a dateline that ends in 讯 or 电 and holds
  // no punctuation, or opens the line.
  size_t open = begin;
  while (open < end && open - begin <= kMaxDateline &&
         !IsOpenBracket(text[open]) && !IsClauseBreak(text[open])) {
    ++open;
  }
  if (open >= end || !IsOpenBracket(text[open])) {
    return UnbracketedLeadCredit(text, begin, end, lex);
  }
  if (open > begin) {
    size_t last = open;
    while (last > begin && (IsBlank(text[last - 1]) || text[last - 1] == U':' ||
                            text[last - 1] == U'：')) {
      --last;
    }
    if (last == begin || (text[last - 1] != U'讯' && text[last - 1] != U'电')) {
      return {};
    }
  }
  size_t close = open + 1;
  while (close < end && close - open <= kMaxCreditLine + 1 &&
         !IsCloseBracket(text[close])) {
    ++close;
  }
  if (close >= end || !IsCloseBracket(text[close])) return {};
  return CreditParser(text, lex).Parse(open + 1, close,
                                       /*allow_bare=*/open == begin);
}

std::vector<CreditName> ParseTrailingCredit(std::u32string_view text,
                                            size_t begin, size_t end,
                                            const PeopleLexicon& lex) {
  if (end > text.size()) return {};
  while (end > begin && IsBlank(text[end - 1])) --end;
  while (begin < end && IsBlank(text[begin])) ++begin;
  // Bracket groups ending the line, last first.
  struct Group {
    size_t open, close;
  };
  std::vector<Group> groups;
  size_t at = end;
  while (at > begin && IsCloseBracket(text[at - 1]) && groups.size() < 4) {
    const std::optional<size_t> open = MatchingOpen(text, at - 1, begin);
    if (!open) break;
    groups.push_back({*open, at - 1});
    at = *open;
    while (at > begin && IsBlank(text[at - 1])) --at;
  }
  CreditParser parser(text, lex);
  const bool alone = groups.size() == 1 && at == begin;
  for (size_t g = groups.size(); g > 0; --g) {
    auto names =
        parser.Parse(groups[g - 1].open + 1, groups[g - 1].close, alone);
    if (!names.empty()) return names;
  }
  return {};
}

bool IsSelfReference(std::u32string_view s) {
  if (s.size() < 2 || s.size() > 3 || s[0] != U'本') return false;
  if (s.size() == 3 && s[2] != U'讯') return false;
  switch (s[1]) {
    case U'报':
    case U'网':
    case U'台':
    case U'刊':
    case U'站':
      return true;
    default:
      return false;
  }
}

}  // namespace reportfacts
