#include "service/core/people.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "service/core/committee.h"
#include "service/core/credits.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr size_t kMaxOrgLength = 24;   // code points before a role word
constexpr size_t kMaxCreditLine = 40;  // longest byline or credit line

bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}
bool IsAsciiAlnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') ||
         (c >= U'a' && c <= U'z');
}
bool IsDigit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}
bool IsBlank(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0';
}
// IsBoundary: a character that cannot continue a name or a word.
bool IsBoundary(char32_t c) { return !IsCjk(c) && !IsAsciiAlnum(c); }

std::u32string_view Sub(std::u32string_view text, size_t b, size_t e) {
  return text.substr(b, e - b);
}

absl::Status AddKind(const std::string& path, const DataLine& line,
                     PeopleLexicon* lex, bool roles_file) {
  const std::string& word = line.fields[0];
  const std::string kind = line.fields.size() > 1 ? line.fields[1] : "";
  const std::string value = line.fields.size() > 2 ? line.fields[2] : "";
  if (word.empty()) return DataLineError(path, line.line_number, "empty word");
  if (line.fields.size() > 3) {
    return DataLineError(path, line.line_number, "more than 3 columns");
  }
  std::u32string w = DecodeUtf8(word);
  if (roles_file) {
    if (kind == "title") {
      if (!value.empty()) lex->title_orgs[w] = value;
      lex->title_first.insert(w.front());
      lex->title_last.insert(w.back());
      lex->titles.Add(std::move(w));
    } else if (kind == "byline") {
      if (value.empty()) {
        return DataLineError(path, line.line_number,
                             "byline marker needs a role in column 3");
      }
      lex->byline_roles[w] = value;
      lex->byline_markers.Add(std::move(w));
    } else {
      return DataLineError(
          path, line.line_number,
          absl::StrCat("unknown kind '", kind, "' (want title or byline)"));
    }
    return absl::OkStatus();
  }
  if (!value.empty()) {
    return DataLineError(path, line.line_number, "expected 2 columns");
  }
  WordSet* set = nullptr;
  if (kind == "follow") set = &lex->followers;
  if (kind == "particle") set = &lex->particles;
  if (kind == "notname") set = &lex->not_names;
  if (kind == "orgstop") set = &lex->org_stops;
  if (kind == "orgsuffix") set = &lex->org_suffixes;
  if (kind == "nottitle") set = &lex->not_titles;
  if (kind == "trailer") set = &lex->byline_trailers;
  if (set == nullptr) {
    return DataLineError(
        path, line.line_number,
        absl::StrCat("unknown kind '", kind,
                     "' (want follow, particle, notname, orgstop, orgsuffix, "
                     "nottitle or trailer)"));
  }
  if (kind == "particle") lex->followers.Add(w);
  set->Add(std::move(w));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<PeopleLexicon> LoadPeopleLexicon(
    const std::string& roles_path, const std::string& context_path,
    const std::string& surnames_path) {
  PeopleLexicon lex;
  for (const auto& [path, roles] : {std::make_pair(roles_path, true),
                                    std::make_pair(context_path, false)}) {
    auto lines = ReadDataLines(path);
    if (!lines.ok()) return lines.status();
    for (const DataLine& line : *lines) {
      if (absl::Status s = AddKind(path, line, &lex, roles); !s.ok()) return s;
    }
  }
  auto surnames = LoadWordSet(surnames_path);
  if (!surnames.ok()) return surnames.status();
  lex.surnames = *std::move(surnames);
  return lex;
}

namespace {

enum class Follow { kNone, kBoundary, kParticle, kWord, kOneThenBoundary };

class PeopleScanner {
 public:
  PeopleScanner(std::u32string_view text, const std::vector<Report>& reports,
                const PeopleLexicon& lex, const Gazetteer& gazetteer)
      : text_(text), reports_(reports), lex_(lex), gazetteer_(gazetteer) {}

  std::vector<Person> Run(const std::vector<TextLine>& lines) {
    for (const TextLine& line : lines) {
      if (line.blank()) continue;
      if (line.content_end - line.content_begin > kMaxCreditLine + 4) continue;
      for (const CreditName& c :
           ParseCreditLine(text_, line.content_begin, line.content_end, lex_)) {
        Emit(c.name, c.role, c.organization, c.begin, c.end);
      }
    }
    const size_t n = text_.size();
    for (size_t p = 0; p < n; ++p) {
      if (!IsCjk(text_[p])) continue;
      const size_t surname = lex_.surnames.LongestStartingAt(text_, p, p + 2);
      if (surname == 0) continue;
      if (size_t len = RoleBeforeName(p, surname)) {
        p += len - 1;
        continue;
      }
      if (size_t len = NameBeforeRole(p, surname)) p += len - 1;
    }
    std::stable_sort(
        people_.begin(), people_.end(),
        [](const Person& a, const Person& b) { return a.begin < b.begin; });
    return std::move(people_);
  }

 private:
  bool ValidName(size_t p, size_t len) const {
    if (p + len > text_.size()) return false;
    for (size_t k = p; k < p + len; ++k) {
      if (!IsCjk(text_[k])) return false;
      if (lex_.titles.LongestStartingAt(text_, k, p + len) > 0) return false;
      if (lex_.byline_markers.LongestStartingAt(text_, k, p + len) > 1) {
        return false;
      }
    }
    if (lex_.not_names.LongestStartingAt(text_, p, p + len) > 0) return false;
    if (lex_.not_names.LongestEndingAt(text_, p + len, p) > 0) return false;
    if (lex_.org_suffixes.Contains(Sub(text_, p + len - 1, p + len))) {
      return false;
    }
    if (gazetteer_.Find(Sub(text_, p, p + len)) != nullptr) return false;
    return true;
  }

  Follow FollowAt(size_t q) const {
    const size_t n = text_.size();
    if (q >= n || IsBoundary(text_[q])) return Follow::kBoundary;
    if (lex_.particles.Contains(Sub(text_, q, q + 1))) return Follow::kParticle;
    if (lex_.followers.LongestStartingAt(text_, q, std::min(n, q + 8)) > 0 ||
        lex_.titles.LongestStartingAt(text_, q, std::min(n, q + 8)) > 0) {
      return Follow::kWord;
    }
    if (q + 1 >= n || IsBoundary(text_[q + 1])) return Follow::kOneThenBoundary;
    return Follow::kNone;
  }

  // ChooseNameLength picks the length of the name starting at p.
  size_t ChooseNameLength(size_t p, size_t surname) const {
    const size_t l3 = surname + 2, l2 = surname + 1;
    const bool v3 = ValidName(p, l3), v2 = ValidName(p, l2);
    const Follow f3 = v3 ? FollowAt(p + l3) : Follow::kNone;
    const Follow f2 = v2 ? FollowAt(p + l2) : Follow::kNone;
    // 姜华说。 / 彭建在督促: a particle after two characters ends the name
    // unless the three-character reading is followed by a word of its own.
    if (f2 == Follow::kParticle && f3 != Follow::kParticle &&
        f3 != Follow::kWord) {
      return l2;
    }
    if (f3 == Follow::kBoundary) return l3;
    if (f2 == Follow::kBoundary) return l2;
    if (f3 == Follow::kParticle || f3 == Follow::kWord) return l3;
    if (f2 == Follow::kParticle) return l2;
    if (f2 == Follow::kWord) return l2;
    if (f3 == Follow::kOneThenBoundary) return l3;
    return 0;
  }

  // Segment is one "organization + role" before a name.
  struct Segment {
    size_t org_begin, role_begin, role_end;
  };

  size_t OrgBegin(size_t role_begin) const {
    size_t k = role_begin;
    const size_t floor =
        role_begin > kMaxOrgLength ? role_begin - kMaxOrgLength : 0;
    while (k > floor && (IsCjk(text_[k - 1]) || (IsAsciiAlnum(text_[k - 1]) &&
                                                 !IsDigit(text_[k - 1])))) {
      --k;
    }
    size_t org_begin = k;
    for (size_t j = k + 1; j <= role_begin; ++j) {
      if (lex_.org_stops.LongestEndingAt(text_, j, k) > 0) org_begin = j;
    }
    return org_begin;
  }

  size_t RoleBeforeName(size_t p, size_t surname) {
    if (p == 0 || !lex_.title_last.contains(text_[p - 1])) return 0;
    const size_t role_len = lex_.titles.LongestEndingAt(text_, p);
    if (role_len == 0) return 0;
    const size_t len = ChooseNameLength(p, surname);
    if (len == 0) return 0;
    std::vector<Segment> segments;
    size_t role_end = p, role_begin = p - role_len;
    while (true) {
      const size_t org_begin = OrgBegin(role_begin);
      segments.push_back({org_begin, role_begin, role_end});
      if (org_begin == 0 || text_[org_begin - 1] != U'、') break;
      const size_t e = org_begin - 1;
      const size_t rl = lex_.titles.LongestEndingAt(text_, e);
      if (rl == 0) break;
      role_end = e;
      role_begin = e - rl;
    }
    const std::string name = EncodeUtf8(Sub(text_, p, p + len));
    for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
      const std::u32string_view role = Sub(text_, it->role_begin, it->role_end);
      Emit(name, EncodeUtf8(role),
           Organization(Sub(text_, it->org_begin, it->role_begin), role, p), p,
           p + len);
    }
    return len;
  }

  // SpansInto tells whether a listed word covers both text[p - 1] and
  // text[p], so that a name cannot start at p (关于建立, 主席会议).
  bool WordSpansInto(size_t p) const {
    for (const WordSet* set :
         {&lex_.titles, &lex_.not_names, &lex_.followers}) {
      for (size_t e = p + 1; e <= std::min(text_.size(), p + 4); ++e) {
        if (set->LongestEndingAt(text_, e) > e - p) return true;
      }
    }
    return false;
  }

  size_t NameBeforeRole(size_t p, size_t surname) {
    const size_t n = text_.size();
    const auto title_at = [&](size_t q) {
      return q < n && lex_.title_first.contains(text_[q]);
    };
    if (!title_at(p + surname + 1) && !title_at(p + surname + 2)) return 0;
    if (p > 0 && lex_.org_suffixes.Contains(Sub(text_, p - 1, p))) return 0;
    if (WordSpansInto(p)) return 0;
    // A two-character name needs a clear left edge: 得到汪洋主席, ，薄涛委员.
    const bool left_edge = p == 0 || IsBoundary(text_[p - 1]) ||
                           lex_.particles.Contains(Sub(text_, p - 1, p));
    for (size_t len : {surname + 2, surname + 1}) {
      if (len == surname + 1 && !left_edge) continue;
      if (!ValidName(p, len)) continue;
      const size_t q = p + len;
      if (!title_at(q)) continue;
      const size_t tl =
          lex_.titles.LongestStartingAt(text_, q, std::min(n, q + 8));
      if (tl == 0) continue;
      if (lex_.not_titles.LongestStartingAt(text_, q, std::min(n, q + 10)) >
          0) {
        continue;
      }
      if (FollowAt(q + tl) == Follow::kNone) continue;
      const std::u32string_view role = Sub(text_, q, q + tl);
      Emit(EncodeUtf8(Sub(text_, p, q)), EncodeUtf8(role),
           Organization({}, role, p), p, q);
      return len;
    }
    return 0;
  }

  // Organization normalises the text before a role: 市政协 → <city>市政协,
  // 省委 → <province>省委, 政协 → the report's committee.
  std::string Organization(std::u32string_view org, std::u32string_view role,
                           size_t at) const {
    const Report* r =
        reports_.empty()
            ? nullptr
            : &reports_[ReportIndexAt(reports_, static_cast<int64_t>(at))];
    const std::string city = r ? r->city : "";
    const std::string province = r ? r->province : "";
    if (org.empty()) {
      auto it = lex_.title_orgs.find(role);
      if (it == lex_.title_orgs.end()) return "";
      std::string out;
      const std::string& t = it->second;
      for (size_t i = 0; i < t.size();) {
        if (t.compare(i, 6, "{city}") == 0) {
          if (city.empty()) return "";
          out += city;
          i += 6;
        } else if (t.compare(i, 10, "{province}") == 0) {
          if (province.empty()) return "";
          out += province;
          i += 10;
        } else if (t.compare(i, 8, "{report}") == 0) {
          if (!r || r->organization.empty()) return "";
          out += r->organization;
          i += 8;
        } else {
          out += t[i++];
        }
      }
      return out;
    }
    const std::string text = EncodeUtf8(org);
    if (org == U"政协" && r) return r->organization;
    if (org[0] == U'市' && !city.empty()) return city + text;
    if (org[0] == U'省' && !province.empty()) return province + text;
    if (org.substr(0, 2) == U"政协") {
      if (auto committee = FindCommittee(org, gazetteer_)) {
        return EncodeUtf8(committee->organization);
      }
    }
    return text;
  }

  void Emit(const std::string& name, const std::string& role,
            const std::string& organization, size_t begin, size_t end) {
    if (!seen_.insert({name, role}).second) return;
    Person person;
    person.name = name;
    person.role = role;
    person.organization = organization;
    person.begin = static_cast<int64_t>(begin);
    person.end = static_cast<int64_t>(end);
    person.report = ReportIndexAt(reports_, person.begin);
    people_.push_back(std::move(person));
  }

  std::u32string_view text_;
  const std::vector<Report>& reports_;
  const PeopleLexicon& lex_;
  const Gazetteer& gazetteer_;
  std::vector<Person> people_;
  absl::flat_hash_set<std::pair<std::string, std::string>> seen_;
};

}  // namespace

std::vector<Person> ExtractPeople(std::u32string_view text,
                                  const std::vector<TextLine>& lines,
                                  const std::vector<Report>& reports,
                                  const PeopleLexicon& lexicon,
                                  const Gazetteer& gazetteer) {
  return PeopleScanner(text, reports, lexicon, gazetteer).Run(lines);
}

}  // namespace reportfacts
