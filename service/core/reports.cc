#include "service/core/reports.h"

#include <algorithm>
#include <utility>

#include "service/core/committee.h"
#include "service/core/credits.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr size_t kMaxTitle = 30;         // longest title line
constexpr size_t kMaxSubtitle = 40;      // longest subtitle after the dashes
constexpr size_t kTitleLookback = 3;     // non-blank lines before a subtitle
constexpr size_t kShortTitle = 18;       // a headline, not a second deck
constexpr size_t kBylineLookahead = 2;   // non-blank lines after a subtitle
constexpr size_t kCommitteeScan = 2000;  // text searched for the committee

bool IsBlank(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\u3000' ||
         c == U'\u00A0' || c == U'\uFEFF';
}
bool IsDash(char32_t c) {
  return c == U'—' || c == U'–' || c == U'-' || c == U'―' || c == U'─';
}
bool IsCjk(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }
int DigitValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  return -1;
}

std::u32string_view Content(std::u32string_view text, const TextLine& l) {
  return text.substr(l.content_begin, l.content_end - l.content_begin);
}

bool Has(std::u32string_view s, std::u32string_view chars) {
  for (char32_t c : s) {
    if (chars.find(c) != std::u32string_view::npos) return true;
  }
  return false;
}

// SubtitleText returns the text after the leading dashes of a subtitle
// line, or an empty view when the line is no subtitle.
std::u32string_view SubtitleText(std::u32string_view line) {
  size_t dashes = 0;
  while (dashes < line.size() && IsDash(line[dashes])) ++dashes;
  if (dashes == 0 || (dashes == 1 && line[0] == U'-')) return {};
  std::u32string_view rest = line.substr(dashes);
  while (!rest.empty() && IsBlank(rest.front())) rest.remove_prefix(1);
  if (rest.size() < 4 || rest.size() > kMaxSubtitle) return {};
  if (Has(rest, U"，。；！？,;!?")) return {};
  if (!IsCjk(rest.front())) return {};
  return rest;
}

bool IsTitleCandidate(std::u32string_view line) {
  if (line.size() < 2 || line.size() > kMaxTitle) return false;
  if (Has(line, U"。；;▲")) return false;
  const char32_t first = line.front(), last = line.back();
  if (IsDash(first) || first == U'□' || first == U'(' || first == U'（' ||
      first == U'【' || first == U'▲' || first == U'△' || first == U'图') {
    return false;
  }
  if (last == U'：' || last == U':' || last == U'，' || last == U',') {
    return false;
  }
  return true;
}

bool HasInnerBreak(std::u32string_view line) {
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    if (IsBlank(line[i]) || line[i] == U'，' || line[i] == U',' ||
        line[i] == U'！' || line[i] == U'、') {
      return true;
    }
  }
  return false;
}

std::optional<int> YearIn(std::u32string_view s, bool need_comma) {
  for (size_t i = 0; i + 4 < s.size(); ++i) {
    if (DigitValue(s[i]) < 0 ||
        (i > 0 && (DigitValue(s[i - 1]) >= 0 || IsDash(s[i - 1])))) {
      continue;
    }
    int year = 0;
    size_t j = i;
    while (j < s.size() && DigitValue(s[j]) >= 0 && j - i < 5) {
      year = year * 10 + DigitValue(s[j]);
      ++j;
    }
    if (j - i != 4 || s[j] != U'年' || year < 1900 || year > 2099) {
      i = j;
      continue;
    }
    if (!need_comma) return year;
    if (j + 1 < s.size() && (s[j + 1] == U'，' || s[j + 1] == U',')) {
      return year;
    }
    i = j;
  }
  return std::nullopt;
}

void FillCommittee(std::u32string_view text, const Gazetteer& gazetteer,
                   Report* report) {
  const std::optional<Committee> committee = FindCommittee(text, gazetteer);
  if (!committee) return;
  report->organization = EncodeUtf8(committee->organization);
  report->city = EncodeUtf8(committee->city);
  report->province = EncodeUtf8(committee->province);
}

struct Head {
  size_t title_line;
  size_t subtitle_line;
};

}  // namespace

std::vector<Report> SplitReports(std::u32string_view text,
                                 const std::vector<TextLine>& lines,
                                 const Gazetteer& gazetteer,
                                 const PeopleLexicon& lexicon) {
  std::vector<size_t> filled;  // indices of non-blank lines
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].blank()) filled.push_back(i);
  }
  std::vector<Head> heads;
  size_t floor = 0;  // first filled index a new title may use
  for (size_t k = 0; k < filled.size(); ++k) {
    if (SubtitleText(Content(text, lines[filled[k]])).empty()) continue;
    std::vector<size_t> candidates;  // nearest first
    for (size_t j = k; j > floor && k - j < kTitleLookback; --j) {
      if (!IsTitleCandidate(Content(text, lines[filled[j - 1]]))) break;
      candidates.push_back(j - 1);
    }
    if (candidates.empty()) continue;
    size_t chosen = candidates.front();
    if (candidates.size() > 1) {
      bool found = false;
      for (size_t c : candidates) {
        if (HasInnerBreak(Content(text, lines[filled[c]]))) {
          chosen = c;
          found = true;
          break;
        }
      }
      for (size_t c : candidates) {
        if (found) break;
        if (Content(text, lines[filled[c]]).size() <= kShortTitle) {
          chosen = c;
          found = true;
        }
      }
    }
    heads.push_back({filled[chosen], filled[k]});
    floor = k + 1;
  }

  std::vector<Report> reports;
  if (heads.empty()) {
    Report r;
    r.begin = 0;
    r.end = static_cast<int64_t>(text.size());
    FillCommittee(text.substr(0, kCommitteeScan), gazetteer, &r);
    r.year = YearIn(text, /*need_comma=*/true);
    for (size_t k = 0; k < filled.size() && k < 6; ++k) {
      const TextLine& l = lines[filled[k]];
      auto names =
          ParseCreditLine(text, l.content_begin, l.content_end, lexicon);
      if (names.empty()) continue;
      for (const CreditName& c : names) r.authors.push_back({c.name, c.role});
      break;
    }
    reports.push_back(std::move(r));
    return reports;
  }
  for (size_t h = 0; h < heads.size(); ++h) {
    const TextLine& title = lines[heads[h].title_line];
    const TextLine& subtitle = lines[heads[h].subtitle_line];
    Report r;
    r.begin = static_cast<int64_t>(title.content_begin);
    r.end =
        h + 1 < heads.size()
            ? static_cast<int64_t>(lines[heads[h + 1].title_line].content_begin)
            : static_cast<int64_t>(text.size());
    r.title = EncodeUtf8(Content(text, title));
    const std::u32string_view sub = SubtitleText(Content(text, subtitle));
    r.subtitle = EncodeUtf8(sub);
    const std::u32string_view body =
        text.substr(subtitle.end, static_cast<size_t>(r.end) -
                                      std::min<size_t>(subtitle.end, r.end));
    FillCommittee(sub, gazetteer, &r);
    if (r.organization.empty())
      FillCommittee(Content(text, title), gazetteer, &r);
    if (r.organization.empty()) {
      FillCommittee(body.substr(0, kCommitteeScan), gazetteer, &r);
    }
    r.year = YearIn(sub, /*need_comma=*/false);
    if (!r.year) r.year = YearIn(body, /*need_comma=*/true);
    if (!r.year && !reports.empty()) r.year = reports.back().year;

    // The byline follows the subtitle; else the last credit line of the
    // report ("(文 李轲 图 郑斌)") names its authors.
    // Lines are sorted by begin: the first line after the subtitle.
    const size_t after = static_cast<size_t>(
        std::upper_bound(
            lines.begin(), lines.end(), subtitle.begin,
            [](size_t b, const TextLine& l) { return b < l.begin; }) -
        lines.begin());
    size_t seen = 0;
    for (size_t i = after; i < lines.size() && seen < kBylineLookahead; ++i) {
      if (lines[i].blank()) continue;
      ++seen;
      if (Has(Content(text, lines[i]), U"。，,")) break;  // the body began
      auto names = ParseCreditLine(text, lines[i].content_begin,
                                   lines[i].content_end, lexicon);
      if (names.empty()) continue;
      for (const CreditName& c : names) r.authors.push_back({c.name, c.role});
      break;
    }
    if (r.authors.empty()) {
      std::vector<CreditName> last;
      for (size_t i = after;
           i < lines.size() && static_cast<int64_t>(lines[i].begin) < r.end;
           ++i) {
        if (lines[i].blank()) continue;
        auto names = ParseCreditLine(text, lines[i].content_begin,
                                     lines[i].content_end, lexicon);
        if (!names.empty()) last = std::move(names);
      }
      for (const CreditName& c : last) r.authors.push_back({c.name, c.role});
    }
    reports.push_back(std::move(r));
  }
  return reports;
}

}  // namespace reportfacts
