#include "service/core/credits.h"

#include "service/core/chars.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr size_t kMaxCreditLine = 40;  // longest byline or credit line

std::u32string_view Sub(std::u32string_view text, size_t b, size_t e) {
  return text.substr(b, e - b);
}

}  // namespace

std::vector<CreditName> ParseCreditLine(std::u32string_view text, size_t begin,
                                        size_t end, const PeopleLexicon& lex) {
  std::vector<CreditName> out;
  while (begin < end && (IsBlank(text[begin]) || text[begin] == U'□' ||
                         text[begin] == U'■' || text[begin] == U'(' ||
                         text[begin] == U'（' || text[begin] == U'【')) {
    ++begin;
  }
  while (end > begin && (IsBlank(text[end - 1]) || text[end - 1] == U')' ||
                         text[end - 1] == U'）' || text[end - 1] == U'】')) {
    --end;
  }
  if (begin >= end || end - begin > kMaxCreditLine) return out;
  const auto is_separator = [](char32_t c) {
    return IsBlank(c) || c == U'/' || c == U'／' || c == U'：' || c == U':';
  };
  const auto has_surname = [&lex](std::u32string_view name) {
    return lex.surnames.Contains(name.substr(0, 1)) ||
           (name.size() > 2 && lex.surnames.Contains(name.substr(0, 2)));
  };
  std::string role, organization;
  // Single-character tokens are merged into one name: "张 花" → 张花.
  std::u32string pending;
  size_t pending_begin = 0, pending_end = 0;
  const auto flush = [&]() -> bool {
    if (pending.empty()) return true;
    const bool ok =
        pending.size() >= 2 && pending.size() <= 4 && has_surname(pending);
    if (ok) {
      out.push_back({EncodeUtf8(pending), role, organization, pending_begin,
                     pending_end});
    }
    pending.clear();
    return ok;
  };
  bool first = true;
  for (size_t i = begin; i < end;) {
    if (is_separator(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < end && !is_separator(text[j])) ++j;
    const std::u32string_view token = Sub(text, i, j);
    const size_t marker = lex.byline_markers.LongestEndingAt(text, j, i);
    if (lex.byline_trailers.Contains(token)) {
      if (role.empty()) return {};
      break;  // 摄影报道 ends the line
    }
    if (marker > 0 && (marker == token.size() || first)) {
      if (!flush()) return {};
      role = lex.byline_roles.find(Sub(text, j - marker, j))->second;
      organization = EncodeUtf8(Sub(text, i, j - marker));
    } else {
      if (role.empty()) return {};
      for (char32_t c : token) {
        if (!IsCjk(c)) return {};
      }
      if (token.size() == 1) {
        if (pending.empty()) pending_begin = i;
        pending += token;
        pending_end = j;
      } else {
        if (!flush()) return {};
        if (token.size() > 4 || !has_surname(token)) return {};
        out.push_back({EncodeUtf8(token), role, organization, i, j});
      }
    }
    first = false;
    i = j;
  }
  if (!flush()) return {};
  return out;
}

}  // namespace reportfacts
