#include "service/core/people.h"

#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "service/core/chars.h"
#include "service/core/committee.h"
#include "service/core/credits.h"
#include "service/core/facts.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr size_t kMaxOrgLength = 24;   // code points before a role word
constexpr size_t kMaxCreditLine = 40;  // longest byline or credit line
constexpr size_t kMaxMetaLine = 80;  // 来源：… 发布时间：… 作者：…
constexpr size_t kMaxTableLine = 600;  // 委员：A　B　… (a hundred names)
constexpr size_t kMaxCreditLabel = 6;  // 值班编审, 文稿审核
constexpr size_t kMaxBracketGroup = 40;  // (记者 王明 李华)
constexpr size_t kMaxListNames = 24;     // names sharing one role
constexpr size_t kMaxRoleBlanks = 2;     // 主席  王明: blanks after a role
constexpr size_t kMaxListOrg = 4;  // A、B等市领导: text between 等 and role
// 选举X为市政协常委: the body between 为 and the title.
constexpr size_t kMaxAppointedOrg = 12;
constexpr size_t kMaxAppositionOrg = 8;  // 是一位<老政协>委员
constexpr size_t kMaxWord = 4;           // longest common word probed
constexpr size_t kExpectedPeople = 64;   // (name, role) pairs of a document
// Forms of address are short (同志, 女士); a longer address word names a
// doctrine after its author and is evidence on its own.
constexpr size_t kLongestPlainAddress = 2;

// IsBoundary: a character that cannot continue a name or a word.
constexpr bool IsBoundary(char32_t c) {
  return !IsCjk(c) && !IsLatin(c) && !IsDigit(c);
}
// IsCreditSeparator separates the tokens of a credit: blanks, colons, slashes.
bool IsCreditSeparator(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return false;  // Han: most of a line
  return IsBlank(c) || c == U'：' || c == U':' || c == U'/' || c == U'／' ||
         c == U'、' || c == U'，' || c == U',';
}

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
    if (kind == "title" || kind == "station") {
      if (kind == "station") lex->stations.Add(w);
      if (!value.empty()) lex->title_orgs[w] = value;
      lex->title_first.insert(w.front());
      lex->after_name_first.insert(w.front());
      lex->title_last.insert(w.back());
      if (w.size() == 1) {
        lex->single_titles.insert(w[0]);
      } else {
        lex->title_pairs.Insert(w[0], w[1]);
      }
      lex->titles.Add(std::move(w));
    } else if (kind == "byline") {
      if (value.empty()) {
        return DataLineError(path, line.line_number,
                             "byline marker needs a role in column 3");
      }
      lex->byline_roles[w] = value;
      lex->byline_markers.Add(std::move(w));
    } else if (kind == "credit") {
      if (!value.empty()) {
        return DataLineError(path, line.line_number,
                             "a credit word takes no third column");
      }
      lex->credit_words.Add(std::move(w));
    } else {
      return DataLineError(
          path, line.line_number,
          absl::StrCat("unknown kind '", kind,
                       "' (want title, station, modifier, byline or "
                       "credit)"));
    }
    return absl::OkStatus();
  }
  if (!value.empty()) {
    return DataLineError(path, line.line_number, "expected 2 columns");
  }
  WordSet* set = nullptr;
  if (kind == "follow") set = &lex->followers;
  if (kind == "particle") set = &lex->particles;
  if (kind == "joiner") set = &lex->joiners;
  if (kind == "group") set = &lex->group_words;
  if (kind == "apposition") set = &lex->appositions;
  if (kind == "address") set = &lex->address_words;
  if (kind == "orgstop") set = &lex->org_stops;
  if (kind == "orgsuffix") set = &lex->org_suffixes;
  if (kind == "nottitle") set = &lex->not_titles;
  if (kind == "trailer") set = &lex->byline_trailers;
  if (kind == "namepart") set = &lex->name_parts;
  if (kind == "bodyname") set = &lex->body_names;
  if (set == nullptr) {
    return DataLineError(
        path, line.line_number,
        absl::StrCat(
            "unknown kind '", kind,
            "' (want follow, particle, joiner, group, apposition, address, "
            "orgstop, orgsuffix, nottitle, trailer, namepart or bodyname)"));
  }
  // A particle is a one-character follower; a joiner also follows a name.
  if (kind == "particle" || kind == "joiner") lex->followers.Add(w);
  if (kind == "particle") {
    if (w.size() != 1) {
      return DataLineError(path, line.line_number,
                           "a particle is one character");
    }
    lex->particle_chars.insert(w[0]);
  }
  if (kind == "joiner") {
    lex->joiner_first.insert(w.front());
    lex->after_name_first.insert(w.front());
    lex->joiner_last.insert(w.back());
  }
  if (kind == "namepart") {
    if (w.size() < 2) {
      return DataLineError(path, line.line_number,
                           "a name part is two characters or more");
    }
    lex->name_part_first.insert(w.front());
    lex->name_part_pairs.Insert(w[0], w[1]);
  }
  if (kind == "group") lex->group_first.insert(w.front());
  if (kind == "apposition") lex->apposition_first.insert(w.front());
  if (kind == "address") lex->address_first.insert(w.front());
  if (kind == "group" || kind == "apposition" || kind == "address") {
    lex->after_name_first.insert(w.front());
  }
  set->Add(std::move(w));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<PeopleLexicon> LoadPeopleLexicon(
    const std::string& roles_path, const std::string& context_path,
    const std::string& surnames_path, const std::string& common_words_path) {
  PeopleLexicon lex;
  lex.after_name_first.insert(U'、');  // a list of names (IsListSeparator)
  lex.after_name_first.insert(U'等');  // A、B等委员
  lex.after_name_first.insert(U'为');  // 选举X为副主席 (NameAppointedAs)
  lex.after_name_first.insert(U'爲');
  // X当选为…, X担任…, X任…, X同志任… (NameTakesPost).
  for (char32_t c : {U'当', U'担', U'任', U'同', U'當', U'擔'}) {
    lex.after_name_first.insert(c);
    lex.post_verb_first.insert(c);
  }
  // A role may stand a blank or two before its name (县政协主席 王明 in a
  // speaker's line or in PDF text): the blanks count as a role's last
  // character, and RoleBeforeName looks past them.
  for (char32_t blank : {U' ', U'\u3000', U'\u00A0'}) {
    lex.title_last.insert(blank);
  }
  // A post's modifier (专职, 名誉) makes a title of every title after it
  // (专职副主任, 名誉主席): both lists are read first, then joined.
  std::vector<std::string> modifiers;
  std::vector<DataLine> title_lines;
  for (const auto& [path, roles] : {std::make_pair(roles_path, true),
                                    std::make_pair(context_path, false)}) {
    auto lines = ReadDataLines(path);
    if (!lines.ok()) return lines.status();
    for (const DataLine& line : *lines) {
      const bool modifier =
          roles && line.fields.size() >= 2 && line.fields[1] == "modifier";
      if (modifier && line.fields.size() == 2 && !line.fields[0].empty()) {
        modifiers.push_back(line.fields[0]);
        continue;
      }
      if (modifier) {
        return DataLineError(path, line.line_number,
                             "a modifier takes no third column");
      }
      if (roles && line.fields.size() >= 2 && line.fields[1] == "title") {
        title_lines.push_back(line);
      }
      if (absl::Status s = AddKind(path, line, &lex, roles); !s.ok()) return s;
    }
  }
  for (const std::string& modifier : modifiers) {
    for (DataLine line : title_lines) {
      line.fields[0] = modifier + line.fields[0];
      if (absl::Status s = AddKind(roles_path, line, &lex, true); !s.ok()) {
        return s;
      }
    }
  }
  auto surnames = LoadWordSet(surnames_path);
  if (!surnames.ok()) return surnames.status();
  lex.surnames = *std::move(surnames);
  // LoadWordSet has checked the file: its lines are one word each.
  auto surname_lines = ReadDataLines(surnames_path);
  if (!surname_lines.ok()) return surname_lines.status();
  for (const DataLine& line : *surname_lines) {
    const std::u32string word = DecodeUtf8(line.fields[0]);
    if (word.size() == 1) lex.single_surnames.insert(word[0]);
    if (word.size() >= 2) lex.compound_surname_pairs.Insert(word[0], word[1]);
  }
  for (const auto& [first, last] :
       {std::pair<char32_t, char32_t>{0x3400, 0x4DBF},
        {0x4E00, 0x9FFF},
        {0xF900, 0xFAFF},
        {0x20000, 0x2FA1F}}) {
    for (char32_t c = first; c <= last; ++c) {
      if (lex.surnames.HasWordStartingWith(c)) lex.surname_first.insert(c);
    }
  }
  for (char32_t c = 0; c < 0x10000; ++c) {
    const uint32_t bit = uint32_t{1} << (c % 32);
    if (lex.surname_first.contains(c)) lex.surname_first_bmp[c / 32] |= bit;
    if (lex.title_last.contains(c)) lex.title_last_bmp[c / 32] |= bit;
    if (lex.after_name_first.contains(c)) {
      lex.after_name_first_bmp[c / 32] |= bit;
    }
    if (lex.name_part_first.contains(c)) lex.name_part_first_bmp[c / 32] |= bit;
  }
  auto common = LoadWordSet(common_words_path);
  if (!common.ok()) return common.status();
  lex.common_words = *std::move(common);
  return lex;
}

namespace {

enum class Follow { kNone, kBoundary, kParticle, kWord, kOneThenBoundary };

// Evidence says how strongly the context marks a name's left edge.
enum class Evidence {
  kWeak,       // nothing but punctuation or a particle before it
  kStrong,     // a role word or a credit label right before it
  kAppointed,  // an appointing verb before it and 为 after (选举X为…)
};

// The main scan reads the text this many characters at a time.
constexpr size_t kScanBlock = 512;
constexpr size_t kScanWords = kScanBlock / 64;

// ScanMasks holds, for the characters of one block, one bit each: whether
// it is in surname_first, title_last and after_name_first. after_name has
// a word more for the characters just past the block.
struct ScanMasks {
  uint64_t surname[kScanWords];
  uint64_t title_last[kScanWords];
  uint64_t after_name[kScanWords + 1];
};

// MaskSurnames sets the surname bits of text[q, q + count) at `offset` in
// the block's masks, one set probe a character.
void MaskSurnames(std::u32string_view text, size_t q, size_t count,
                  size_t offset, const PeopleLexicon& lex, ScanMasks* m) {
  // The answer or-ed in as a bit: a branch on it would be mispredicted at
  // every few characters.
#pragma GCC unroll 4
  for (size_t i = 0; i < count; ++i) {
    const size_t at = offset + i;
    m->surname[at / 64] |= uint64_t{lex.surname_first.contains(text[q + i])}
                           << (at % 64);
  }
}

// MaskCharacters sets all the bits of text[q, q + count) at `offset` in
// the block's masks one character at a time, from the plane bitmaps in the
// plane and the sets past it.
void MaskCharacters(std::u32string_view text, size_t q, size_t count,
                    size_t offset, const PeopleLexicon& lex, ScanMasks* m) {
  for (size_t i = 0; i < count; ++i) {
    const char32_t c = text[q + i];
    const size_t at = offset + i;
    const int bit = static_cast<int>(at % 64);
    const auto in = [c](const PeopleLexicon::PlaneBits& bits,
                        const CharSet& set) -> uint64_t {
      return c < 0x10000 ? (bits[c / 32] >> (c % 32)) & 1 : set.contains(c);
    };
    m->surname[at / 64] |= in(lex.surname_first_bmp, lex.surname_first) << bit;
    m->title_last[at / 64] |= in(lex.title_last_bmp, lex.title_last) << bit;
    m->after_name[at / 64] |= in(lex.after_name_first_bmp, lex.after_name_first)
                              << bit;
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
#define REPORTFACTS_PEOPLE_AVX2 1

// HasAvx2 is read once: most x86-64 servers have it, but the baseline does
// not promise it.
bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

// GatherBits gives the bits in `bits` of eight code points of the plane
// (`index`: each one's word, `shift`: 31 less its bit) as an 8-bit mask.
__attribute__((target("avx2"))) inline uint64_t GatherBits(
    const PeopleLexicon::PlaneBits& bits, __m256i index, __m256i shift) {
  const __m256i words = _mm256_i32gather_epi32(
      reinterpret_cast<const int*>(bits.data()), index, 4);
  // The character's bit moved to the sign bit, which movemask reads.
  return static_cast<uint64_t>(static_cast<unsigned>(_mm256_movemask_ps(
      _mm256_castsi256_ps(_mm256_sllv_epi32(words, shift)))));
}

// Eight characters a step: each set's bits for them are gathered from its
// plane bitmap. A step holding a code point past the plane (rare), and the
// block's last few characters, are read by MaskCharacters.
__attribute__((target("avx2"))) void MaskBlockAvx2(std::u32string_view text,
                                                   size_t begin, size_t end,
                                                   const PeopleLexicon& lex,
                                                   ScanMasks* m) {
  size_t q = begin;
  for (; q + 8 <= end; q += 8) {
    const size_t at = q - begin;
    const __m256i v =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text.data() + q));
    const __m256i wide = _mm256_cmpgt_epi32(v, _mm256_set1_epi32(0xFFFF));
    if (_mm256_movemask_epi8(wide) != 0) {
      MaskCharacters(text, q, 8, at, lex, m);
      continue;
    }
    const __m256i index = _mm256_srli_epi32(v, 5);
    const __m256i shift = _mm256_sub_epi32(
        _mm256_set1_epi32(31), _mm256_and_si256(v, _mm256_set1_epi32(31)));
    const int to = static_cast<int>(at % 64);
    m->surname[at / 64] |= GatherBits(lex.surname_first_bmp, index, shift)
                           << to;
    m->title_last[at / 64] |= GatherBits(lex.title_last_bmp, index, shift)
                              << to;
    m->after_name[at / 64] |= GatherBits(lex.after_name_first_bmp, index, shift)
                              << to;
  }
  MaskCharacters(text, q, end - q, q - begin, lex, m);
}

// PartFirstBits gives, for text[q, q + 8) (all in the plane), one bit per
// character that starts a name part.
__attribute__((target("avx2"))) uint64_t PartFirstBits(
    std::u32string_view text, size_t q, const PeopleLexicon& lex) {
  const __m256i v =
      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text.data() + q));
  const __m256i wide = _mm256_cmpgt_epi32(v, _mm256_set1_epi32(0xFFFF));
  if (_mm256_movemask_epi8(wide) != 0) return 0xFF;  // tested one by one
  const __m256i index = _mm256_srli_epi32(v, 5);
  const __m256i shift = _mm256_sub_epi32(
      _mm256_set1_epi32(31), _mm256_and_si256(v, _mm256_set1_epi32(31)));
  return GatherBits(lex.name_part_first_bmp, index, shift);
}
#endif

// MayApplyMasks marks in `out` the characters of the block text[begin,
// end) (end - begin <= kScanBlock) where the main scan's rules may apply:
// a surname starts there and a role word may end right before it, or a
// word a rule needs may start at one of the characters after its shorter
// and longer reading (the second to fourth after it). What the masks do
// not tell (the character before the block, those after it, and without
// AVX2 all but the surnames) counts as may: RulesAt tests it again.
void MayApplyMasks(std::u32string_view text, size_t begin, size_t end,
                   const PeopleLexicon& lex, uint64_t* out) {
  ScanMasks m = {};
  bool masked = false;
#if defined(REPORTFACTS_PEOPLE_AVX2)
  if (HasAvx2()) {
    MaskBlockAvx2(text, begin, end, lex, &m);
    masked = true;
  }
#endif
  if (!masked) {
    // Without AVX2: the surnames only, one probe a character.
    MaskSurnames(text, begin, end - begin, 0, lex, &m);
    std::fill(std::begin(m.title_last), std::end(m.title_last), ~uint64_t{0});
    std::fill(std::begin(m.after_name), std::end(m.after_name), ~uint64_t{0});
  }
  // The four characters past the block: unknown here.
  for (size_t at = end - begin; at < end - begin + 4; ++at) {
    m.after_name[at / 64] |= uint64_t{1} << (at % 64);
  }
  for (size_t w = 0; w < kScanWords; ++w) {
    // Bit i of each: the set holds text[i - 1], text[i + k].
    const uint64_t before =
        (m.title_last[w] << 1) | (w > 0 ? m.title_last[w - 1] >> 63 : 1);
    const auto after = [&](int k) {
      return (m.after_name[w] >> k) | (m.after_name[w + 1] << (64 - k));
    };
    out[w] = m.surname[w] & (before | after(2) | after(3) | after(4));
  }
}

// InSet is set.contains(c), read from the set's plane bitmap `bits` in the
// plane: the main scan's mask has just read those bitmaps' words.
inline bool InSet(const PeopleLexicon::PlaneBits& bits, const CharSet& set,
                  char32_t c) {
  if (c < 0x10000) return (bits[c / 32] >> (c % 32)) & 1;
  return set.contains(c);
}

// FindText is text.find(word, from) for a non-empty word, its first
// character found by FindCodePoint (a vector search) instead of the
// character loop of std::char_traits<char32_t>.
size_t FindText(std::u32string_view text, std::u32string_view word,
                size_t from) {
  if (word.empty()) return text.find(word, from);
  for (size_t at = FindCodePoint(text, word[0], from);
       at + word.size() <= text.size();
       at = FindCodePoint(text, word[0], at + 1)) {
    if (text.compare(at, word.size(), word) == 0) return at;
  }
  return std::u32string_view::npos;
}

class PeopleScanner {
 public:
  PeopleScanner(std::u32string_view text, const std::vector<Report>& reports,
                const PeopleLexicon& lex, const Gazetteer& gazetteer)
      : text_(text), reports_(reports), lex_(lex), gazetteer_(gazetteer) {}

  std::vector<Person> Run(const std::vector<TextLine>& lines) {
    // A document names a few dozen people: the set of those seen and the
    // list are sized once instead of growing through their first rehashes
    // and moves (a Person is three strings).
    seen_.reserve(kExpectedPeople);
    people_.reserve(kExpectedPeople);
    for (const TextLine& line : lines) {
      if (line.blank()) continue;
      Biography(line.content_begin, line.content_end);
      NameThenPosts(line.content_begin, line.content_end);
      const size_t length = line.content_end - line.content_begin;
      // A table of members may run to dozens of names on a line.
      if (length <= kMaxTableLine) {
        LeaderTableLine(line.content_begin, line.content_end);
      }
      if (length > kMaxMetaLine) continue;
      CreditLine(line.content_begin, line.content_end);
      if (length > kMaxCreditLine + 4) continue;
      for (const CreditName& c :
           ParseCreditLine(text_, line.content_begin, line.content_end, lex_)) {
        Emit(c.name, c.role, c.organization, c.begin, c.end);
      }
    }
    BracketCredits();
    ReportAuthors();
    TransliteratedNames();
    NamesOfParts();
    // The places where a rule may apply are found first, a block at a
    // time, as bit masks with no branch on the text (common characters
    // start surnames: 高, 方, 向, so a branch there is mispredicted at
    // every few characters); the rules run at those only, in order, past
    // what a rule before read.
    const size_t n = text_.size();
    uint64_t may_apply[kScanWords];
    size_t next = 0;     // the text before it is read
    size_t covered = 0;  // the first of covered_ that may hold a place
    for (size_t block = 0; block < n; block += kScanBlock) {
      MayApplyMasks(text_, block, std::min(n, block + kScanBlock), lex_,
                    may_apply);
      for (size_t w = 0; w < kScanWords; ++w) {
        for (uint64_t bits = may_apply[w]; bits != 0; bits &= bits - 1) {
          const size_t p =
              block + w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
          if (p < next) continue;
          // A name of parts read already is no surname's (孟克巴雅尔).
          while (covered < covered_.size() && covered_[covered].second <= p) {
            ++covered;
          }
          if (covered < covered_.size() && covered_[covered].first <= p) {
            next = covered_[covered].second;
            continue;
          }
          next = p + std::max<size_t>(RulesAt(p), 1);
        }
      }
    }
    // A name seen only without a role gets role "" (GUIDE §4); one that has
    // a role elsewhere in the document needs no role-less line.
    absl::flat_hash_set<std::string> with_role;
    with_role.reserve(people_.size());
    for (const Person& person : people_) with_role.insert(person.name);
    for (const Person& person : roleless_) {
      if (!with_role.contains(person.name)) {
        Emit(person.name, "", "", static_cast<size_t>(person.begin),
             static_cast<size_t>(person.end));
      }
    }
    // In text order. The people are found mostly in order already, and a
    // Person is three strings: the order is settled on their offsets and
    // each person moved once.
    const auto by_begin = [](const Person& a, const Person& b) {
      return a.begin < b.begin;
    };
    if (std::is_sorted(people_.begin(), people_.end(), by_begin)) {
      return std::move(people_);
    }
    std::vector<std::pair<int64_t, uint32_t>> order;
    order.reserve(people_.size());
    for (size_t i = 0; i < people_.size(); ++i) {
      order.push_back({people_[i].begin, static_cast<uint32_t>(i)});
    }
    // (begin, index) pairs sort as a stable sort on begin would.
    std::sort(order.begin(), order.end());
    std::vector<Person> sorted;
    sorted.reserve(people_.size());
    for (const auto& [begin, i] : order)
      sorted.push_back(std::move(people_[i]));
    return sorted;
  }

 private:
  // SurnameLengthAt is surnames.LongestStartingAt(text, p, p + 2): the
  // one-character set answers, unless the pair filter says a longer
  // surname may start at p (rare, so the test is well predicted).
  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t SurnameLengthAt(size_t p) const {
    const size_t n = text_.size();
    const char32_t c = text_[p];
    const char32_t next = text_[std::min(p + 1, n - 1)];
    if (p + 1 < n && lex_.compound_surname_pairs.MayContain(c, next)) {
      return lex_.surnames.LongestStartingAt(text_, p, p + 2);
    }
    return lex_.single_surnames.contains(c) ? 1 : 0;
  }

  // RulesAt tries the rules of the main scan at p, where a surname's first
  // character is, and returns the length of text the one that applies read
  // (0: none). Each of the five rules first tests a role word ending right
  // before p, or one of the two characters after the name's shorter and
  // longer reading against its words' first characters: those tests are
  // made here, once, and joined without a branch between them (each is
  // true or false at random), so that most places cost one mispredicted
  // branch at most before any rule is called.
  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t RulesAt(size_t p) {
    const size_t n = text_.size();
    const size_t surname = SurnameLengthAt(p);
    const char32_t before = text_[p > 0 ? p - 1 : 0];
    // (A bracket closes a note between a post and the name.)
    const bool role_before =
        (p > 0) & (InSet(lex_.title_last_bmp, lex_.title_last, before) |
                   (before == U'）') | (before == U')'));
    const size_t q = p + surname + 1;
    const char32_t after_short = q < n ? text_[q] : kPastEnd;
    const char32_t after_long = q + 1 < n ? text_[q + 1] : kPastEnd;
    const bool short_ok =
        InSet(lex_.after_name_first_bmp, lex_.after_name_first,
              text_[std::min(q, n - 1)]) &
        (q < n);
    const bool long_ok = InSet(lex_.after_name_first_bmp, lex_.after_name_first,
                               text_[std::min(q + 1, n - 1)]) &
                         (q + 1 < n);
    if (!((surname != 0) & (role_before | short_ok | long_ok))) return 0;
    return ApplyRules(p, surname, role_before, after_short, after_long);
  }
  // No code point, so in no set: what stands past the end of the text.
  static constexpr char32_t kPastEnd = 0x110000;

  // ApplyRules calls each rule whose first test holds, in order.
  ABSL_ATTRIBUTE_NOINLINE size_t ApplyRules(size_t p, size_t surname,
                                            bool role_before,
                                            char32_t after_short,
                                            char32_t after_long) {
    const auto first_after_name = [&](const CharSet& first) {
      return first.contains(after_short) || first.contains(after_long);
    };
    if (role_before) {
      if (size_t len = RoleBeforeName(p, surname)) return len;
    }
    // (Without a clear edge, only a list may follow: see the rule.)
    if (ClearLeftEdge(p) || IsListSeparator(after_short) ||
        IsListSeparator(after_long)) {
      if (size_t len = NamesBeforeRole(p, surname)) return len;
    }
    if (after_short == U'为' || after_long == U'为' || after_short == U'爲' ||
        after_long == U'爲' || IsListSeparator(after_short) ||
        IsListSeparator(after_long)) {
      if (size_t len = NameAppointedAs(p, surname)) return len;
    }
    if (first_after_name(lex_.post_verb_first)) {
      if (size_t len = NameTakesPost(p, surname)) return len;
    }
    if (first_after_name(lex_.title_first)) {
      if (size_t len = NameBeforeRole(p, surname)) return len;
    }
    if (first_after_name(lex_.apposition_first)) {
      if (size_t len = Apposition(p, surname, 0)) return len;
    }
    if (p >= 2 && text_[p - 2] == U'免' &&
        (text_[p - 1] == U'去' || text_[p - 1] == U'除')) {
      if (size_t len = NameRelievedOf(p, surname)) return len;
    }
    if (!first_after_name(lex_.address_first)) return 0;
    return NameBeforeAddress(p, surname);
  }

  size_t CommonStartingAt(size_t k) const {
    return lex_.common_words.LongestStartingAt(
        text_, k, std::min(text_.size(), k + kMaxWord));
  }

  // PlausibleName tells whether text[p, p + len) may be a name whose
  // surname is `surname` characters long. The word tests (common_words.txt
  // holds no proper nouns, so 黄河 or 高明 may still be names): no common
  // word starts at the surname (单位, 干部和, 常态化); no common word
  // crosses the name's right edge unless a follower stands there, nor its
  // left edge unless a role word or another word ends right there. A
  // surname that is also a particle (向, 和) starts no name whose given
  // part is a common word (向大会, 和分工).
  bool PlausibleName(size_t p, size_t len, size_t surname,
                     Evidence evidence) const {
    const size_t n = text_.size();
    const size_t e = p + len;
    if (len < surname + 1 || e > n) return false;
    if (p > 0 && IsDigit(text_[p - 1])) return false;  // 30余名
    // A part of a transliterated name (艾力·买买提) is no name of its own.
    if ((p > 0 && IsNameDot(text_[p - 1])) || (e < n && IsNameDot(text_[e]))) {
      return false;
    }
    for (size_t k = p; k < e; ++k) {
      if (!IsCjk(text_[k])) return false;
    }
    // Cheapest tests first: one probe each.
    if (const size_t common = CommonStartingAt(p);
        common >= 2 &&
        !FamilyWordOpensName(p, len, surname, common, evidence)) {
      return false;
    }
    if (lex_.org_suffixes.Contains(Sub(text_, e - 1, e))) return false;
    // 等 after a name closes the list it ends (秘书长X等出席), however the
    // words after it read: it ends no given name of two characters.
    if (len == surname + 2 && text_[e - 1] == U'等') return false;
    for (size_t k = p; k < e; ++k) {
      if (lex_.title_first.contains(text_[k]) &&
          lex_.titles.LongestStartingAt(text_, k, e) > 0) {
        return false;
      }
      if (lex_.byline_markers.LongestStartingAt(text_, k, e) > 1) return false;
    }
    if (gazetteer_.Find(Sub(text_, p, e)) != nullptr) return false;
    // Without a role before it, a name opens with no place (武汉…公司).
    if (evidence == Evidence::kWeak &&
        gazetteer_.names().LongestStartingAt(text_, p, e) >= 2) {
      return false;
    }
    // A follower of two characters or more that starts inside the name
    // and runs past it (彭辉 + 陪同, read as 彭辉陪 + 同) ends the name
    // before it.
    for (size_t k = p + surname + 1; k < e; ++k) {
      if (lex_.followers.LongestStartingAt(text_, k, std::min(n, k + 8)) >
          std::max<size_t>(e - k, 1)) {
        return false;
      }
    }
    // A follower right after the name ends it whatever word it might form
    // with the name's last character (王明说 against 明说).
    const Follow after = FollowAt(e);
    if (evidence != Evidence::kAppointed && after != Follow::kParticle &&
        after != Follow::kWord) {
      for (size_t k = p + 1; k < e; ++k) {
        if (CommonStartingAt(k) > e - k) return false;
      }
    }
    // A word ending right at p (落实习近平) marks the edge as well as a role.
    if (evidence == Evidence::kWeak &&
        lex_.common_words.LongestEndingAt(
            text_, p, p > kMaxWord ? p - kMaxWord : 0) == 0) {
      for (size_t k = p + 1; k <= e; ++k) {
        const size_t floor = k > kMaxWord ? k - kMaxWord : 0;
        if (lex_.common_words.LongestEndingAt(text_, k, floor) > k - p) {
          return false;
        }
      }
    }
    if (IsParticleSurname(p, surname) && CommonStartingAt(p + 1) >= 2) {
      return false;
    }
    return true;
  }

  // FamilyWordOpensName: a surname and 家 (王家, 黄家: the X family) is a
  // common word, but 家 opens many given names (王家明): after a role word
  // a three-character name may open with it.
  bool FamilyWordOpensName(size_t p, size_t len, size_t surname, size_t common,
                           Evidence evidence) const {
    return evidence != Evidence::kWeak && surname == 1 && common == 2 &&
           len == 3 && text_[p + 1] == U'家';
  }

  bool IsParticleSurname(size_t p, size_t surname) const {
    return surname == 1 && (lex_.particle_chars.contains(text_[p]) ||
                            lex_.joiners.Contains(Sub(text_, p, p + 1)));
  }

  Follow FollowAt(size_t q) const {
    const size_t n = text_.size();
    if (q >= n || IsBoundary(text_[q])) return Follow::kBoundary;
    if (lex_.particle_chars.contains(text_[q])) return Follow::kParticle;
    if (lex_.followers.LongestStartingAt(text_, q, std::min(n, q + 8)) > 0 ||
        lex_.titles.LongestStartingAt(text_, q, std::min(n, q + 8)) > 0) {
      return Follow::kWord;
    }
    if (q + 1 >= n || IsBoundary(text_[q + 1])) return Follow::kOneThenBoundary;
    return Follow::kNone;
  }

  // ChooseNameLength picks the length of the name starting at p from what
  // follows it; 0 when neither reading is plausible and ends cleanly. With
  // `fallback` a plausible three-character reading is taken even when what
  // follows is no listed word (a role word before it is evidence enough).
  size_t ChooseNameLength(size_t p, size_t surname, Evidence evidence,
                          bool fallback) const {
    const size_t l3 = surname + 2, l2 = surname + 1;
    const bool v3 = PlausibleName(p, l3, surname, evidence);
    const bool v2 = PlausibleName(p, l2, surname, evidence);
    const Follow f3 = v3 ? FollowAt(p + l3) : Follow::kNone;
    const Follow f2 = v2 ? FollowAt(p + l2) : Follow::kNone;
    // 韩梅说。 / 孔亮在督促: a particle after two characters ends the name
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
    if (!fallback || IsParticleSurname(p, surname)) return 0;
    if (v3) return l3;
    // The name ends where a word begins: 委员李某现场 (现场).
    if (v2 && CommonStartingAt(p + l2) >= 2 &&
        !lex_.particle_chars.contains(text_[p + l2 - 1])) {
      return l2;
    }
    return 0;
  }

  // SpacedNameAt reads a two-character name set with one or two blanks
  // between its characters, as typesetting pads it to the width of a
  // three-character one (王　伟, 王 伟): the written length, or 0. The given
  // character is no role word, particle or joiner, the two make no common
  // word, and what follows ends the name (a boundary, a separator, a
  // listed word or the start of a common word).
  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t SpacedNameAt(size_t p,
                                                   size_t surname) const {
    // A blank after a one-character surname: rare, so most calls end here.
    if (surname != 1 || p + 2 >= text_.size() || !IsBlank(text_[p + 1])) {
      return 0;
    }
    return SpacedNameAfterBlank(p);
  }
  ABSL_ATTRIBUTE_NOINLINE size_t SpacedNameAfterBlank(size_t p) const {
    const size_t n = text_.size();
    size_t g = p + 1;
    while (g < n && g < p + 3 && IsBlank(text_[g]) && text_[g] != U'\t') ++g;
    if (g == p + 1 || g >= n || !IsCjk(text_[g])) return 0;
    const size_t e = g + 1;
    if (TitleAt(g) > 0 || lex_.particle_chars.contains(text_[g]) ||
        ListSeparatorAt(g) > 0) {
      return 0;
    }
    if (const size_t third = SpacedThirdAt(p, g, e)) return third - p;
    // Typesetters pad names, not words: a pair that makes a word is a name
    // only when set apart (温 和、尚 可), not running on (马 上发言).
    const std::u32string joined = {text_[p], text_[g]};
    const bool apart = e >= n || ListSeparatorAt(e) > 0 ||
                       (IsBoundary(text_[e]) && !IsDigit(text_[e]));
    if ((!apart && lex_.common_words.Contains(joined)) ||
        gazetteer_.Find(joined) != nullptr) {
      return 0;
    }
    if (e < n && IsCjk(text_[e]) && ListSeparatorAt(e) == 0 &&
        FollowAt(e) == Follow::kNone && CommonStartingAt(e) < 2) {
      return 0;
    }
    return e - p;
  }

  // SpacedThirdAt: text spaced out a character at a time spaces a
  // three-character name too (周 建 国，): the name's end after a third
  // character set off as the second is, when a clear end (punctuation, a
  // line break, the text's end) follows it and it is nothing a name is
  // followed by (等, 说, a role, a credit's 摄); else 0. `g` is the second
  // character, `e` just past it.
  size_t SpacedThirdAt(size_t p, size_t g, size_t e) const {
    const size_t n = text_.size();
    const size_t gap = g - p - 1;
    if (e + gap >= n) return 0;
    for (size_t k = e; k < e + gap; ++k) {
      if (text_[k] != text_[p + 1 + (k - e)]) return 0;
    }
    const size_t z = e + gap;
    if (!IsCjk(text_[z]) || TitleAt(z) > 0 || text_[z] == U'等' ||
        lex_.particle_chars.contains(text_[z]) || ListSeparatorAt(z) > 0 ||
        lex_.joiner_first.contains(text_[z]) ||
        lex_.followers.LongestStartingAt(text_, z, z + 1) > 0 ||
        lex_.byline_markers.LongestStartingAt(text_, z, z + 1) > 0 ||
        lex_.byline_trailers.LongestStartingAt(text_, z, z + 1) > 0) {
      return 0;
    }
    const size_t end = z + 1;
    if (end < n && text_[end] != U'\n' &&
        (!IsBoundary(text_[end]) || IsBlank(text_[end]))) {
      return 0;
    }
    const std::u32string joined = {text_[p], text_[g], text_[z]};
    if (lex_.common_words.Contains(joined) ||
        gazetteer_.Find(joined) != nullptr) {
      return 0;
    }
    return end;
  }

  // SpacedNameBefore: a spaced name (王 伟) at a clear left edge with a
  // word of `words` (a role, a form of address) right after it: the
  // name's written length, or 0.
  size_t SpacedNameBefore(size_t p, size_t surname, const WordSet& words) {
    const size_t len = SpacedNameAt(p, surname);
    if (len == 0 || !ClearLeftEdge(p)) return 0;
    const size_t q = p + len;
    const size_t n = text_.size();
    if (q >= n || words.LongestStartingAt(text_, q, std::min(n, q + 8)) == 0) {
      return 0;
    }
    if (&words == &lex_.titles && TitleAt(q) == 0) return 0;
    return len;
  }

  // ListSeparatorAt is the length of a list separator at q (、 or a
  // joiner: 和, 及, 以及), or 0.
  // The character tests are inline, the joiner lookup not (see TitleAt).
  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t ListSeparatorAt(size_t q) const {
    if (q >= text_.size()) return 0;
    if (IsListSeparator(text_[q])) return 1;
    if (!lex_.joiner_first.contains(text_[q])) return 0;
    return JoinerAt(q);
  }
  ABSL_ATTRIBUTE_NOINLINE size_t JoinerAt(size_t q) const {
    return lex_.joiners.LongestStartingAt(text_, q,
                                          std::min(text_.size(), q + 3));
  }

  size_t SurnameAt(size_t r) const {
    const size_t n = text_.size();
    if (r >= n || !IsCjk(text_[r])) return 0;
    return lex_.surnames.LongestStartingAt(text_, r, std::min(n, r + 2));
  }

  // The tests that rule out most places are inline; the word lookups are
  // not, so that a call that ends early saves and restores no registers.
  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t TitleAt(size_t q) const {
    const size_t n = text_.size();
    if (q >= n || !lex_.title_first.contains(text_[q])) return 0;
    // Most places a role word's first character stands start none: the
    // pair of characters there tells without a walk of the word tries.
    if ((q + 1 >= n || !lex_.title_pairs.MayContain(text_[q], text_[q + 1])) &&
        !lex_.single_titles.contains(text_[q])) {
      return 0;
    }
    return TitleWordAt(q);
  }
  ABSL_ATTRIBUTE_NOINLINE size_t TitleWordAt(size_t q) const {
    const size_t n = text_.size();
    const size_t tl =
        lex_.titles.LongestStartingAt(text_, q, std::min(n, q + 8));
    if (tl == 0) return 0;
    if (lex_.not_titles.LongestStartingAt(text_, q, std::min(n, q + 10)) > 0) {
      return 0;
    }
    return tl;
  }

  ABSL_ATTRIBUTE_ALWAYS_INLINE size_t GroupWordAt(size_t q) const {
    if (q >= text_.size() || !lex_.group_first.contains(text_[q])) return 0;
    return GroupWordLookup(q);
  }
  ABSL_ATTRIBUTE_NOINLINE size_t GroupWordLookup(size_t q) const {
    return lex_.group_words.LongestStartingAt(text_, q,
                                              std::min(text_.size(), q + 3));
  }

  // IsPartyTitle: a title held in a Party body (书记, 党组成员).
  static bool IsPartyTitle(std::u32string_view role) {
    return role == U"书记" || role == U"副书记" || role == U"成员" ||
           role == U"書記" || role == U"副書記" || role == U"党组成员";
  }

  // WithoutPartyGroup: the body a Party group or committee inside it leads
  // (市城管局党组 → 市城管局); a body that is none stays.
  static std::u32string_view WithoutPartyGroup(std::u32string_view org) {
    for (std::u32string_view group : {U"党组", U"党委", U"黨組", U"黨委"}) {
      if (org.size() > group.size() + 1 &&
          org.substr(org.size() - group.size()) == group) {
        return org.substr(0, org.size() - group.size());
      }
    }
    return org;
  }

  // IsBareDepartment: a department named without the body it belongs to
  // (统战部, 宣传部): no level word opens it.
  static bool IsBareDepartment(std::u32string_view org) {
    return org.size() >= 3 && org.size() <= 5 && org.back() == U'部' &&
           std::u32string_view(U"市县区省州镇乡国中縣區").find(org[0]) ==
               std::u32string_view::npos;
  }

  // Segment is one "organization + role" before a name.
  struct Segment {
    size_t org_begin, org_end, role_begin, role_end;
  };

  size_t OrgBegin(size_t role_begin) const {
    size_t k = role_begin;
    const size_t floor =
        role_begin > kMaxOrgLength ? role_begin - kMaxOrgLength : 0;
    while (k > floor && (IsCjk(text_[k - 1]) ||
                         (IsLatin(text_[k - 1]) && !IsDigit(text_[k - 1])))) {
      --k;
    }
    size_t org_begin = k;
    for (size_t j = k + 1; j <= role_begin; ++j) {
      // A stop that opens a longer word (经 of 经济, 对 of 对外) stops
      // nothing: the word is part of the body's name.
      if (const size_t stop = lex_.org_stops.LongestEndingAt(text_, j, k);
          stop > 0 && CommonStartingAt(j - stop) <= stop) {
        org_begin = j;
      }
      // A joiner right after a name just read ends the list it closes
      // (副主席A和秘书长B): the next body starts after it.
      if (j - 1 == last_name_end_ &&
          (text_[j - 1] == U'和' || text_[j - 1] == U'及' ||
           text_[j - 1] == U'与' || text_[j - 1] == U'與')) {
        org_begin = j;
      }
      // 兼 after a title joins a second one (副主席兼秘书长): the body of
      // the second starts after it.
      if (IsConcurrently(j - 1) && j - 1 > k &&
          lex_.titles.LongestEndingAt(text_, j - 1, k) > 0) {
        org_begin = j;
      }
    }
    // The words before a level's body (会上有市政协, 听取了县政府) are no
    // part of it: after a function character the body starts at its level
    // unless a place names it.
    for (size_t j = role_begin; j-- > org_begin + 1;) {
      if (LevelBodyStartsAt(j, org_begin)) {
        org_begin = j;
        break;
      }
    }
    // 原 before a body marks a former holder (原县政协常委): no body's.
    if (org_begin + 1 < role_begin && IsFormerMark(org_begin) &&
        gazetteer_.all_names().LongestStartingAt(text_, org_begin,
                                                 role_begin) == 0) {
      ++org_begin;
    }
    return org_begin;
  }

  // OrgEnd is where the body before a role ends: 原 between them marks a
  // former holder (市政协原副主席) and belongs to neither, unless it ends a
  // word or a place (草原, 固原).
  size_t OrgEnd(size_t org_begin, size_t role_begin) const {
    if (role_begin < org_begin + 1 || !IsFormerMark(role_begin - 1)) {
      return role_begin;
    }
    if (lex_.common_words.LongestEndingAt(text_, role_begin, org_begin) > 0 ||
        gazetteer_.all_names().LongestEndingAt(text_, role_begin, org_begin) >
            0) {
      return role_begin;
    }
    return role_begin - 1;
  }
  bool IsFormerMark(size_t k) const { return text_[k] == U'原'; }
  bool IsConcurrently(size_t k) const { return text_[k] == U'兼'; }

  // LevelBodyStartsAt: text[j] is a level (市, 县, 区, 省, 州, 盟, 旗) that
  // opens a body of it (市政协, 县委, 区政府, 省人大, 旗纪委) after a
  // function character, and no place name ends at or crosses it (潍坊市政协,
  // 宁夏回族自治区, 锡盟政协).
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool LevelBodyStartsAt(size_t j,
                                                      size_t floor) const {
    // The characters a level or a national body opens with: most are none.
    const char32_t c = text_[j];
    if (c != U'市' && c != U'县' && c != U'区' && c != U'省' && c != U'州' &&
        c != U'盟' && c != U'旗' && c != U'縣' && c != U'區' && c != U'全' &&
        c != U'中') {
      return false;
    }
    return LevelBodyAt(j, floor);
  }
  ABSL_ATTRIBUTE_NOINLINE bool LevelBodyAt(size_t j, size_t floor) const {
    static constexpr std::u32string_view kLevels = U"市县区省州盟旗縣區";
    const std::u32string_view here = text_.substr(j);
    // The national level and the Party open bodies as a level does
    // (听取了全国政协常委, 有中共某某市委书记).
    const bool national =
        here.substr(0, 4) == U"全国政协" || here.substr(0, 4) == U"全國政協" ||
        here.substr(0, 4) == U"全国人大" || here.substr(0, 2) == U"中共";
    if (!national && kLevels.find(text_[j]) == std::u32string_view::npos) {
      return false;
    }
    const std::u32string_view rest = text_.substr(j + 1);
    bool body = national;
    for (std::u32string_view word :
         {U"政协", U"政協", U"政府", U"人大", U"纪委", U"紀委", U"监委",
          U"監委", U"委"}) {
      if (rest.substr(0, word.size()) == word) body = true;
    }
    // 委员 after a level is a member, not the level's Party committee.
    if (!rest.empty() && rest[0] == U'委' && rest.size() > 1 &&
        (rest[1] == U'员' || rest[1] == U'員')) {
      body = false;
    }
    if (!body) return false;
    if (national) return BoundaryBeforeBody(j, floor);
    const WordSet& places = gazetteer_.all_names();
    return BoundaryBeforeBody(j, floor) &&
           places.LongestEndingAt(text_, j, floor) == 0 &&
           places.LongestEndingAt(text_, j + 1, floor) < 2 &&
           !AbbreviatedPlaceEndingAt(text_.substr(floor), j + 1 - floor,
                                     gazetteer_, {});
  }

  // BoundaryBeforeBody: a body may start at j (floor < j), what stands
  // before it being no part of it.
  bool BoundaryBeforeBody(size_t j, size_t floor) const {
    // The body starts at a real boundary only: right after a function
    // character (有, 了, 的, 在, 与, 该, 各, 我) or an ordinary word (会后,
    // 听取; the common words hold no proper nouns): 民革市委, 团市委 and 自治区
    // are one name.
    const char32_t before = text_[j - 1];
    if (lex_.body_names.LongestEndingAt(text_, j, floor) > 0) return false;
    // 自治区, 自治县, 地区: the level ends a longer level word.
    if (before == U'治' || before == U'地') return false;
    if (!lex_.particle_chars.contains(before) &&
        std::u32string_view(U"有了着过该本此各全我").find(before) ==
            std::u32string_view::npos &&
        lex_.common_words.LongestEndingAt(text_, j, floor) < 2) {
      return false;
    }
    return true;
  }

  // EmitSegments gives the name one line per title. A title written with
  // no body of its own and with no default body takes the body of the
  // title before it (某某公司董事长、CEO → both 某某公司).
  void EmitSegments(const std::vector<Segment>& segments, size_t p, size_t len,
                    std::u32string_view inherited_org = {}) {
    const std::string name = SpanName(p, p + len);  // 王 伟 → 王伟
    std::u32string_view previous_org;
    std::u32string_view previous_role;
    std::u32string joined;
    for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
      const std::u32string_view role = Sub(text_, it->role_begin, it->role_end);
      std::u32string_view org = Sub(text_, it->org_begin, it->org_end);
      // A title whose body the lexicon names (市长: the city's government)
      // keeps it; one that stands for whatever body it is in takes the
      // body the list before it named.
      if (org.empty() && it == segments.rbegin() && !inherited_org.empty()) {
        const auto known = lex_.title_orgs.find(role);
        if (known == lex_.title_orgs.end() || known->second == "{report}") {
          org = inherited_org;
        }
      }
      // A title that stands for the report's committee when bare (秘书长)
      // is, after a title of another body, that body's (市委常委、秘书长);
      // after a Party title it is the committee's still (党组成员、副主席).
      const auto listed = lex_.title_orgs.find(role);
      if (org.empty() &&
          (listed == lex_.title_orgs.end() ||
           (listed->second == "{report}" && !previous_org.empty() &&
            !IsPartyTitle(previous_role)))) {
        org = previous_org;
        // A Party group's title before a post of the body it leads
        // (局党组书记、局长): the post is the body's own.
        if (!IsPartyTitle(role)) org = WithoutPartyGroup(org);
      }
      // A department after a title on a Party committee is that
      // committee's (市委常委、统战部部长 → 市委统战部).
      if (IsBareDepartment(org) && previous_org.size() >= 2 &&
          previous_org.back() == U'委') {
        joined.assign(previous_org);
        joined.append(org);
        org = joined;
      }
      EmitWith(
          name, EncodeUtf8(role), [&] { return Organization(org, role, p); }, p,
          p + len);
      previous_org = org;
      previous_role = role;
    }
    last_org_.assign(previous_org);
  }

  // Rule "role before name": 市政协主席X, 市委副书记、市长X (one line per
  // title), and the role distributing over a list: 副主席A、B和C. A joiner
  // right after a role word joins roles, never starts a name (市长和…).
  size_t RoleBeforeName(size_t p, size_t surname) {
    size_t role_end = p;
    while (role_end > 0 && p - role_end < kMaxRoleBlanks &&
           IsBlank(text_[role_end - 1])) {
      --role_end;
    }
    // A short note on the post in brackets between it and the name
    // (副书记（挂职）王明, 主任（兼）李华) says how it is held.
    constexpr size_t kMaxPostNote = 4;
    if (role_end > 2 && role_end == p && IsCloseBracket(text_[role_end - 1])) {
      size_t open = role_end - 1;
      while (open > 0 && role_end - 1 - open <= kMaxPostNote &&
             IsCjk(text_[open - 1])) {
        --open;
      }
      if (open > 0 && open < role_end - 1 && IsOpenBracket(text_[open - 1])) {
        role_end = open - 1;
      }
    }
    if (role_end == 0 || !lex_.title_last.contains(text_[role_end - 1])) {
      return 0;
    }
    const size_t role_len = lex_.titles.LongestEndingAt(text_, role_end);
    if (role_len == 0) return 0;
    if (ListSeparatorAt(p) > 0) return 0;
    size_t len = ChooseNameLength(p, surname, Evidence::kStrong, true);
    if (len == 0) len = SpacedNameAt(p, surname);
    if (len == 0) return 0;
    const std::vector<Segment> segments =
        SegmentsEndingAt(role_end - role_len, role_end);
    // A title with no body of its own right after a list of a body's
    // officers (区文联副主席A、B，秘书长C; 主席A、副主席B和秘书长C) is
    // another post of that body.
    const Segment& first = segments.back();
    const bool goes_on =
        first.org_begin == first.role_begin && first.org_begin > 0 &&
        first.org_begin - 1 == officers_end_ &&
        (text_[officers_end_] == U'，' || text_[officers_end_] == U'、' ||
         text_[officers_end_] == U'和' || text_[officers_end_] == U'及' ||
         text_[officers_end_] == U'与' || text_[officers_end_] == U'與');
    const std::u32string body = goes_on ? officers_org_ : std::u32string();
    EmitSegments(segments, p, len, body);
    const std::u32string emitted_org = last_org_;
    Apposition(p, surname, len);
    // Set apart by blanks from its role (副主席　王明　李华), a list may be
    // parted by blanks too.
    const size_t end = ListAfterName(segments, p + len, role_end < p, body);
    officers_end_ = end;
    officers_org_ = emitted_org;
    return end - p;
  }

  // SegmentsEndingAt: the titles, each with its body, of a chain ending at
  // role_end (市委副书记、市长 → two).
  std::vector<Segment> SegmentsEndingAt(size_t role_begin,
                                        size_t role_end) const {
    std::vector<Segment> segments;
    while (true) {
      const size_t org_begin = OrgBegin(role_begin);
      segments.push_back(
          {org_begin, OrgEnd(org_begin, role_begin), role_begin, role_end});
      if (org_begin == 0 || !(IsListSeparator(text_[org_begin - 1]) ||
                              IsConcurrently(org_begin - 1))) {
        break;
      }
      const size_t e = org_begin - 1;
      const size_t rl = lex_.titles.LongestEndingAt(text_, e);
      if (rl == 0) break;
      role_end = e;
      role_begin = e - rl;
    }
    return segments;
  }

  // ListAfterName gives the names listed after the one ending at `end`
  // the same titles (副主席A、B和C) and returns where the list ends.
  size_t ListAfterName(const std::vector<Segment>& segments, size_t end,
                       bool blank_parted = false,
                       std::u32string_view inherited_org = {}) {
    for (size_t count = 1; count < kMaxListNames; ++count) {
      const size_t note = NoteAfterName(end);
      size_t sep = ListSeparatorAt(note);
      if (sep > 0) end = note;
      if (sep == 0 && blank_parted) sep = BlankSeparatorAt(end);
      if (sep == 0) break;
      const size_t r = end + sep;
      if (TitleAt(r) > 0) break;
      const size_t s = SurnameAt(r);
      size_t l = s == 0 ? 0 : ChooseNameLength(r, s, Evidence::kStrong, false);
      if (l == 0 && s != 0) l = SpacedNameAt(r, s);
      if (l == 0 && s != 0) l = ListItemAt(r, s);
      // A name of parts (巴特尔) may start with a surname or not; so may
      // one whose parts a dot joins (艾力·买买提).
      l = std::max({l, NameOfPartsAt(r) - r, DottedNameAt(r) - r});
      if (l == 0) break;
      // An item right before a title is the body of the next post
      // (主席A、区妇联主席B), not a name of this list.
      if (TitleAt(r + l) > 0) break;
      EmitSegments(segments, r, l, inherited_org);
      Cover(r, r + l);
      end = r + l;
    }
    return end;
  }

  // BlankSeparatorAt: one to four blanks at q, then a name standing alone
  // (blanks or the line's end after it): the length of the blanks, or 0.
  size_t BlankSeparatorAt(size_t q) const {
    constexpr size_t kMaxGap = 4;
    const size_t n = text_.size();
    size_t r = q;
    while (r < n && r < q + kMaxGap && IsBlank(text_[r])) ++r;
    if (r == q || r >= n || !IsCjk(text_[r])) return 0;
    size_t e = r;
    while (e < n && IsCjk(text_[e])) ++e;
    if (e - r < 2 || e - r > 8) return 0;
    if (e < n && !IsBlank(text_[e]) && !IsLineBreak(text_[e]) &&
        !IsSentenceEnd(text_[e]) && text_[e] != U'，') {
      return 0;
    }
    // The whole run is the name: it is a name token or a name of parts.
    const size_t s = SurnameAt(r);
    const bool name = IsNameOfParts(Sub(text_, r, e), lex_) ||
                      (s > 0 && e - r <= s + 2 && e - r >= s + 1 &&
                       PlausibleName(r, e - r, s, Evidence::kStrong));
    return name ? r - q : 0;
  }

  // DottedNameAt reads a transliterated name whose parts a middle dot
  // joins (艾力·买买提) at r, as an item of a list after a role: each part
  // 1-6 Han characters with no role word inside, the last ending where
  // TransliteratedNames would end it. It returns the end, or r.
  size_t DottedNameAt(size_t r) const {
    constexpr size_t kMaxPart = 6;
    const size_t n = text_.size();
    size_t last = r;  // where the part being read starts
    for (size_t k = r;; ++k) {
      if (k < n && IsCjk(text_[k]) && k - last < kMaxPart) {
        if (TitleAt(k) > 0) return r;
        continue;
      }
      if (k == last || k + 1 >= n || !IsNameDot(text_[k]) ||
          !IsCjk(text_[k + 1])) {
        break;
      }
      last = k + 1;
    }
    if (last == r) return r;  // no dot
    for (size_t e = last + 2; e <= std::min(n, last + kMaxPart); ++e) {
      if (!IsCjk(text_[e - 1]) || TitleAt(e - 1) > 0) break;
      const Follow follow = FollowAt(e);
      if (TitleAt(e) > 0 || follow == Follow::kBoundary ||
          follow == Follow::kWord || ListSeparatorAt(e) > 0 ||
          (follow == Follow::kParticle && e - last >= 3)) {
        return e;
      }
    }
    return r;
  }

  // ListItemAt reads, inside a list of names after a role, an item that
  // looks like a word (高明、方向、江河): what the list separators set apart
  // is a name when it starts with a surname, is 2-3 characters, holds no
  // role word and is no place. Its end must be sure: another separator, a
  // joiner, 等 or punctuation; 0 otherwise.
  size_t ListItemAt(size_t r, size_t surname) const {
    const size_t n = text_.size();
    for (size_t len : {surname + 1, surname + 2}) {
      const size_t e = r + len;
      if (e > n || len > 3) break;
      bool han = true;
      for (size_t k = r; k < e; ++k) {
        han = han && IsCjk(text_[k]) && TitleAt(k) == 0;
      }
      if (!han) break;
      const bool ends =
          e == n || ListSeparatorAt(e) > 0 || text_[e] == U'等' ||
          (IsBoundary(text_[e]) && !IsDigit(text_[e]) && !IsNameDot(text_[e]));
      if (!ends) continue;
      if (gazetteer_.Find(Sub(text_, r, e)) != nullptr ||
          lex_.stations.Contains(Sub(text_, r, e))) {
        return 0;
      }
      return len;
    }
    return 0;
  }

  // NoteAfterName: a short note in brackets after a name in a list (王明
  // （女）、李华; 王明（民革）、李华) says who it is; it returns where the
  // note ends, or e when there is none.
  size_t NoteAfterName(size_t e) const {
    constexpr size_t kMaxNote = 8;
    const size_t n = text_.size();
    if (e >= n || !IsOpenBracket(text_[e])) return e;
    size_t close = e + 1;
    while (close < n && close <= e + kMaxNote && IsCjk(text_[close])) ++close;
    if (close == e + 1 || close >= n || !IsCloseBracket(text_[close])) {
      return e;
    }
    return close + 1;
  }

  // NameOfPartsAt reads a name made of parts of names (扎西 + 次仁,
  // 额尔敦 + 宝力道) at k: it returns where the longest such reading that
  // ends cleanly ends (a boundary, a separator, a role or a listed word,
  // or a common word starting), or k. One part alone is a name of three
  // characters or more (巴特尔), or of two before a boundary.
  size_t NameOfPartsAt(size_t k) const {
    constexpr size_t kMaxNameOfParts = 8;
    const size_t n = text_.size();
    if (k >= n || !lex_.name_part_first.contains(text_[k])) return k;
    // A part of a name joined by dots is TransliteratedNames' (艾力·买买提).
    if (k > 0 && IsNameDot(text_[k - 1])) return k;
    if (lex_.name_parts.LongestStartingAt(text_, k, std::min(n, k + 8)) == 0) {
      return k;  // no part starts here: most places
    }
    std::array<bool, kMaxNameOfParts + 1> reach = {};
    reach[0] = true;
    size_t best = k;
    for (size_t i = 0; i < kMaxNameOfParts; ++i) {
      if (!reach[i]) continue;
      for (size_t len = 2; i + len <= kMaxNameOfParts && k + i + len <= n;
           ++len) {
        if (!lex_.name_parts.Contains(Sub(text_, k + i, k + i + len))) {
          continue;
        }
        reach[i + len] = true;
      }
    }
    for (size_t i = 2; i <= kMaxNameOfParts; ++i) {
      if (!reach[i]) continue;
      const size_t e = k + i;
      const bool boundary =
          e >= n || !IsCjk(text_[e]) || ListSeparatorAt(e) > 0;
      const bool clean = boundary || TitleAt(e) > 0 ||
                         FollowAt(e) != Follow::kNone ||
                         CommonStartingAt(e) >= 2;
      if (!clean || (i == 2 && !boundary) || (e < n && IsNameDot(text_[e]))) {
        continue;
      }
      best = e;
    }
    return best;
  }

  // Cover marks text[b, e) as read as a name of parts: the main scan
  // starts no name inside it.
  void Cover(size_t b, size_t e) {
    const auto at = std::lower_bound(covered_.begin(), covered_.end(),
                                     std::make_pair(b, e));
    if ((at != covered_.end() && at->first < e) ||
        (at != covered_.begin() && std::prev(at)->second > b)) {
      return;  // read already
    }
    covered_.insert(at, {b, e});
  }
  bool IsCovered(size_t k) const {
    const auto at =
        std::upper_bound(covered_.begin(), covered_.end(),
                         std::make_pair(k, std::numeric_limits<size_t>::max()));
    return at != covered_.begin() && std::prev(at)->second > k;
  }

  // Rule "name of parts": a name without a surname, made of parts of
  // Tibetan, Mongolian or Uyghur names (委员扎西次仁, 副主席巴特尔、达瓦次仁,
  // 额尔敦宝力道主席), with a role right before it or, at a clear left
  // edge, right after it; names listed after it share its role.
  void NamesOfParts() {
    const size_t n = text_.size();
    // Eight characters a step where AVX2 tells which may start a part; the
    // rest one at a time.
    size_t k = 1;
#if defined(REPORTFACTS_PEOPLE_AVX2)
    if (HasAvx2()) {
      for (; k + 8 <= n; k += 8) {
        for (uint64_t bits = PartFirstBits(text_, k, lex_); bits != 0;
             bits &= bits - 1) {
          const size_t at = k + static_cast<size_t>(__builtin_ctzll(bits));
          if (at >= read_to_) read_to_ = NameOfPartsRuleAt(at);
        }
      }
    }
#endif
    for (; k < n; ++k) {
      if (k >= read_to_) read_to_ = NameOfPartsRuleAt(k);
    }
  }

  // NameOfPartsRuleAt tries the rule at k and returns where what it read
  // ends (k + 1 when nothing).
  size_t NameOfPartsRuleAt(size_t k) {
    const size_t n = text_.size();
    // Most places no part starts: the first two characters tell.
    if (!lex_.name_part_first.contains(text_[k]) || k + 1 >= n ||
        !lex_.name_part_pairs.MayContain(text_[k], text_[k + 1])) {
      return k + 1;
    }
    // A role word may end before it, or it stands at a clear left edge
    // (for a role after it): the cheap tests first.
    if (!lex_.title_last.contains(text_[k - 1]) && !ClearLeftEdge(k)) {
      return k + 1;
    }
    if (IsCovered(k)) return k + 1;
    const size_t e = NameOfPartsAt(k);
    if (e == k) return k + 1;
    size_t role_end = k;
    while (role_end > 0 && k - role_end < kMaxRoleBlanks &&
           IsBlank(text_[role_end - 1])) {
      --role_end;
    }
    const size_t role_len = lex_.titles.LongestEndingAt(text_, role_end);
    if (role_len > 0 && !WordSpansInto(k)) {
      const std::vector<Segment> segments =
          SegmentsEndingAt(role_end - role_len, role_end);
      EmitSegments(segments, k, e - k);
      Cover(k, e);
      return ListAfterName(segments, e);
    }
    const size_t tl = TitleAt(e);
    if (tl == 0 || !ClearLeftEdge(k) ||
        lex_.stations.Contains(Sub(text_, e, e + tl))) {
      return k + 1;
    }
    const std::u32string_view role = Sub(text_, e, e + tl);
    EmitWith(
        EncodeUtf8(Sub(text_, k, e)), EncodeUtf8(role),
        [&] { return Organization({}, role, k); }, k, e);
    Cover(k, e);
    return e;
  }

  // ClearLeftEdge is asked by several rules at the same place: the last
  // answer is kept.
  // The character tests are inline, the joiner lookup not (see TitleAt).
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool ClearLeftEdge(size_t p) const {
    if (p != clear_edge_at_) {
      clear_edge_at_ = p;
      clear_edge_ =
          p == 0 || IsBoundary(text_[p - 1]) ||
          lex_.particle_chars.contains(text_[p - 1]) ||
          (lex_.joiner_last.contains(text_[p - 1]) && JoinerEndsAt(p));
    }
    return clear_edge_;
  }
  ABSL_ATTRIBUTE_NOINLINE bool JoinerEndsAt(size_t p) const {
    return lex_.joiners.LongestEndingAt(text_, p, p > 3 ? p - 3 : 0) > 0;
  }

  // Rule "list before role": A、B、C委员, A、B等委员, A、B等市领导 give each
  // name the role (and the organization written between 等 and the role).
  size_t NamesBeforeRole(size_t p, size_t surname) {
    // Right after a word (华侨A、B夫妇, 爱心人士A、B夫妇) only a list that
    // a group word closes is names: two names and the word are evidence
    // enough where the edge is no boundary.
    const bool clear_edge = ClearLeftEdge(p);
    if (!clear_edge && lex_.common_words.LongestEndingAt(
                           text_, p, p > kMaxWord ? p - kMaxWord : 0) < 2) {
      return 0;
    }
    const size_t n = text_.size();
    std::vector<std::pair<size_t, size_t>>& names = list_;  // begin, length
    names.clear();
    size_t r = p, s = surname;
    while (names.size() < kMaxListNames) {
      size_t len = 0;
      for (size_t l : {s + 2, s + 1}) {
        // The cheap test of what follows first, then the word tests.
        const size_t q = r + l;
        if (q < n &&
            (ListSeparatorAt(q) > 0 || text_[q] == U'等' || TitleAt(q) > 0 ||
             GroupWordAt(q) > 0 || PostVerbAt(q) > 0) &&
            PlausibleName(r, l, s, Evidence::kWeak)) {
          len = l;
          break;
        }
      }
      if (len == 0) {
        const size_t spaced = SpacedNameAt(r, s);
        const size_t q = r + spaced;
        if (spaced > 0 && q < n &&
            (ListSeparatorAt(q) > 0 || text_[q] == U'等' || TitleAt(q) > 0 ||
             GroupWordAt(q) > 0)) {
          len = spaced;
        }
      }
      if (len == 0) return 0;
      names.push_back({r, len});
      const size_t q = r + len;
      const size_t sep = ListSeparatorAt(q);
      if (sep == 0) break;
      r = q + sep;
      s = SurnameAt(r);
      if (s == 0) return 0;
    }
    size_t q = names.back().first + names.back().second;
    const bool etc = q < n && text_[q] == U'等';
    if (etc) {
      ++q;
      // A count of them may stand between 等 and the role (A等5位委员,
      // A、B等十余名委员).
      size_t c = q;
      while (c < n &&
             (IsDigit(text_[c]) ||
              std::u32string_view(U"一二两三四五六七八九十百").find(text_[c]) !=
                  std::u32string_view::npos)) {
        ++c;
      }
      if (c > q && c < n && (text_[c] == U'余' || text_[c] == U'多')) ++c;
      if (c > q && c < n && (text_[c] == U'位' || text_[c] == U'名')) q = c + 1;
    }
    if (names.size() < 2 && !etc) return 0;
    if (!clear_edge && (names.size() < 2 || etc || GroupWordAt(q) == 0)) {
      return 0;
    }
    // A、B当选为区政协常委: each takes the post.
    if (const size_t verb = etc ? 0 : PostVerbAt(q)) {
      std::vector<Segment>& posts = segments_;
      const size_t after = PostsAfterVerb(q + verb, &posts);
      if (after == 0) return 0;
      for (const auto& [b, l] : names) EmitSegments(posts, b, l);
      return after - p;
    }
    // 张明、李华夫妇: a group word names them without a role; so does a
    // form of address after 等 (A、B等同志).
    size_t g = GroupWordAt(q);
    if (g == 0 && etc && q < n && lex_.address_first.contains(text_[q])) {
      g = lex_.address_words.LongestStartingAt(text_, q, std::min(n, q + 4));
    }
    if (g > 0) {
      for (const auto& [b, l] : names)
        EmitRoleless(SpanName(b, b + l), b, b + l);
      return q + g - p;
    }
    size_t t = q;
    while (t < n && t < q + kMaxListOrg && IsCjk(text_[t]) && TitleAt(t) == 0) {
      ++t;
    }
    const size_t tl = TitleAt(t);
    if (tl == 0) return 0;
    const std::u32string_view role = Sub(text_, t, t + tl);
    const std::string organization = Organization(Sub(text_, q, t), role, p);
    for (const auto& [b, l] : names) {
      Emit(SpanName(b, b + l), EncodeUtf8(role), organization, b, b + l);
    }
    return t + tl - p;
  }

  // Rule "form of address": 张明同志, 李华女士 name a person with no role;
  // so does a doctrine named after its author, which is evidence enough to
  // need no clear edge before the name (学习贯彻X新时代…思想).
  size_t NameBeforeAddress(size_t p, size_t surname) {
    const size_t n = text_.size();
    if (size_t len = SpacedNameBefore(p, surname, lex_.address_words)) {
      EmitRoleless(SpanName(p, p + len), p, p + len);
      return len;
    }
    for (size_t len : {surname + 2, surname + 1}) {
      const size_t q = p + len;
      if (q >= n || !lex_.address_first.contains(text_[q])) continue;
      const size_t address = lex_.address_words.LongestStartingAt(text_, q, n);
      if (address == 0) continue;
      if (address <= kLongestPlainAddress && !ClearLeftEdge(p)) continue;
      if (!PlausibleName(p, len, surname, Evidence::kWeak)) continue;
      EmitRoleless(EncodeUtf8(Sub(text_, p, q)), p, q);
      return len;
    }
    return 0;
  }

  void EmitRoleless(const std::string& name, size_t begin, size_t end) {
    Person person;
    person.name = name;
    person.begin = static_cast<int64_t>(begin);
    person.end = static_cast<int64_t>(end);
    roleless_.push_back(std::move(person));
  }

  // Rule "apposition": X是一名乡村医生, X是一位老委员: the role named
  // within a few characters after an apposition word. The name itself
  // needs a clear left edge unless a role came before it (`known_len`).
  size_t Apposition(size_t p, size_t surname, size_t known_len) {
    const size_t n = text_.size();
    for (size_t len : {surname + 2, surname + 1}) {
      if (known_len != 0 && len != known_len) continue;
      const size_t c = p + len;
      if (c >= n || !lex_.apposition_first.contains(text_[c])) continue;
      const size_t a =
          lex_.appositions.LongestStartingAt(text_, c, std::min(n, c + 4));
      if (a == 0) continue;
      if (known_len == 0 &&
          (!ClearLeftEdge(p) ||
           !PlausibleName(p, len, surname, Evidence::kWeak))) {
        continue;
      }
      size_t t = c + a;
      while (t < n && t < c + a + kMaxAppositionOrg && IsCjk(text_[t]) &&
             TitleAt(t) == 0) {
        ++t;
      }
      const size_t tl = TitleAt(t);
      if (tl == 0 || FollowAt(t + tl) == Follow::kNone) continue;
      const std::u32string_view role = Sub(text_, t, t + tl);
      EmitWith(
          EncodeUtf8(Sub(text_, p, c)), EncodeUtf8(role),
          [&] { return Organization(Sub(text_, c + a, t), role, p); }, p, c);
      return len;
    }
    return 0;
  }

  // WordSpansInto tells whether a listed word covers both text[p - 1] and
  // text[p], so that a name cannot start at p (关于建立, 主席会议).
  bool WordSpansInto(size_t p) const {
    for (const WordSet* set : {&lex_.titles, &lex_.followers}) {
      for (size_t e = p + 1; e <= std::min(text_.size(), p + 4); ++e) {
        if (set->LongestEndingAt(text_, e) > e - p) return true;
      }
    }
    return false;
  }

  // Rule "name before role": 陈某主席, ，周某委员说.
  size_t NameBeforeRole(size_t p, size_t surname) {
    if (size_t len = SpacedNameBefore(p, surname, lex_.titles)) {
      const std::u32string_view role =
          Sub(text_, p + len, p + len + TitleAt(p + len));
      if (!lex_.stations.Contains(role)) {
        EmitWith(
            SpanName(p, p + len), EncodeUtf8(role),
            [&] { return Organization({}, role, p); }, p, p + len);
        return len;
      }
    }
    // The role words after the shorter and the longer reading of the name.
    const size_t title_short = TitleAt(p + surname + 1);
    const size_t title_long = TitleAt(p + surname + 2);
    if (title_short == 0 && title_long == 0) return 0;
    if (p > 0 && lex_.org_suffixes.Contains(Sub(text_, p - 1, p))) return 0;
    if (WordSpansInto(p)) return 0;
    // A two-character name needs a clear left edge: 得到陈某主席, ，周某委员.
    const bool left_edge = ClearLeftEdge(p);
    for (size_t len : {surname + 2, surname + 1}) {
      if (len == surname + 1 && !left_edge) continue;
      const size_t q = p + len;
      const size_t tl = len == surname + 2 ? title_long : title_short;
      if (tl == 0 || lex_.stations.Contains(Sub(text_, q, q + tl))) continue;
      // A role word with a count after it is counted, not held (应到委员36
      // 人, 实到常委20名): what stands before it is no name.
      if (q + tl < text_.size() && IsDigit(text_[q + tl])) continue;
      // Nor is a name a longer role word crosses (原副主席: 副主席, not 原副
      // and 主席).
      bool crossed = false;
      for (size_t k = p + 1; k < q; ++k) {
        crossed = crossed || k + TitleAt(k) > q;
      }
      if (crossed) continue;
      if (!PlausibleName(p, len, surname, Evidence::kWeak)) continue;
      // After the role a listed word or a clause start before the name.
      if (FollowAt(q + tl) == Follow::kNone &&
          !(p == 0 || IsBoundary(text_[p - 1]))) {
        continue;
      }
      const std::u32string_view role = Sub(text_, q, q + tl);
      EmitWith(
          EncodeUtf8(Sub(text_, p, q)), EncodeUtf8(role),
          [&] { return Organization({}, role, p); }, p, q);
      return len;
    }
    return 0;
  }

  // Rule "appointed as": a verb of electing or appointing, the name, 为 and
  // the title (选举X为市政协常委, 增补X为常委): the name holds the title.
  size_t NameAppointedAs(size_t p, size_t surname) {
    if (p < 2 || !IsAppointingVerb(Sub(text_, p - 2, p))) return 0;
    const size_t n = text_.size();
    // The names, one or a list (增补A、B为常委), up to 为.
    std::vector<std::pair<size_t, size_t>>& names = list_;
    names.clear();
    size_t r = p, s = surname, q = 0;
    while (s != 0 && names.size() < kMaxListNames) {
      size_t len = 0;
      for (size_t l : {s + 2, s + 1}) {
        const size_t e = r + l;
        if (e >= n || !(text_[e] == U'为' || text_[e] == U'爲' ||
                        ListSeparatorAt(e) > 0)) {
          continue;
        }
        // The appointing verb and 为 mark both edges of the name (选举X华为,
        // not the word 华为).
        if (PlausibleName(r, l, s, Evidence::kAppointed)) {
          len = l;
          break;
        }
      }
      if (len == 0) return 0;
      names.push_back({r, r + len});
      q = r + len;
      if (text_[q] == U'为' || text_[q] == U'爲') break;
      r = q + ListSeparatorAt(q);
      s = SurnameAt(r);
      q = 0;
    }
    if (q == 0) return 0;
    size_t t = q + 1;
    while (t < n && t < q + 1 + kMaxAppointedOrg && IsCjk(text_[t]) &&
           TitleAt(t) == 0) {
      ++t;
    }
    const size_t tl = t < n ? TitleAt(t) : 0;
    if (tl == 0) return 0;
    const std::u32string_view role = Sub(text_, t, t + tl);
    const std::u32string_view org = Sub(text_, q + 1, t);
    for (const auto& name : names) {
      // A lambda may not capture a structured binding in C++17.
      const size_t b = name.first;
      const size_t e = name.second;
      EmitWith(
          EncodeUtf8(Sub(text_, b, e)), EncodeUtf8(role),
          [&] { return Organization(org, role, b); }, b, e);
    }
    return t + tl - p;
  }

  // Rule "takes a post": the name, 同志 or not, then 当选(为), 担任 or 任,
  // a body and the title, and the clause ends (X当选为市政协主席, 同意X同志
  // 任县政协常委). Without 同志 the name needs a clear left edge; 任 opening
  // a word (任务, 任何) is none of these verbs.
  size_t NameTakesPost(size_t p, size_t surname) {
    const size_t n = text_.size();
    for (size_t len : {surname + 2, surname + 1}) {
      const size_t e = p + len;
      size_t v = e;
      const bool comrade = e + 2 <= n && Sub(text_, e, e + 2) == U"同志";
      if (comrade) v += 2;
      if (!comrade && !ClearLeftEdge(p)) continue;
      const size_t verb = PostVerbAt(v);
      if (verb == 0) continue;
      if (!PlausibleName(p, len, surname,
                         comrade ? Evidence::kStrong : Evidence::kWeak)) {
        continue;
      }
      std::vector<Segment>& posts = segments_;
      const size_t after = PostsAfterVerb(v + verb, &posts);
      if (after == 0) continue;
      EmitSegments(posts, p, len);
      return after - p;
    }
    return 0;
  }

  // PostVerbAt is the length of a verb of taking a post at v (当选为,
  // 担任, 任), or 0; 任 opening a word (任务, 任何) is none.
  size_t PostVerbAt(size_t v) const {
    const size_t n = text_.size();
    for (std::u32string_view w :
         {U"当选为", U"当选", U"担任", U"任", U"當選為", U"當選", U"擔任"}) {
      if (v + w.size() <= n && Sub(text_, v, v + w.size()) == w) {
        if (w.size() == 1 && CommonStartingAt(v) >= 2) return 0;
        return w.size();
      }
    }
    return 0;
  }

  // PostsAfterVerb reads the posts after a verb of taking a post ending
  // at v, each a body and a title, joined by 、 up to the clause's end
  // (当选为市政协主席。, 任市政协党组成员、秘书长。, 任县政协常委一职): it
  // fills `segments` last post first, as EmitSegments reads them, and
  // returns the end of the last title, or 0.
  size_t PostsAfterVerb(size_t v, std::vector<Segment>* segments) const {
    const size_t n = text_.size();
    segments->clear();
    for (size_t b = v; b < n && segments->size() < kMaxListNames;) {
      size_t t = b;
      while (t < n && t < b + kMaxAppointedOrg && IsCjk(text_[t]) &&
             TitleAt(t) == 0) {
        ++t;
      }
      const size_t tl = t < n ? TitleAt(t) : 0;
      if (tl == 0) return 0;
      const size_t after = t + tl;
      segments->insert(segments->begin(), {b, t, t, after});
      if (after < n && text_[after] == U'、') {
        b = after + 1;
        continue;
      }
      if (!(after >= n || IsBoundary(text_[after]) ||
            Sub(text_, after, std::min(n, after + 2)) == U"一职" ||
            Sub(text_, after, std::min(n, after + 2)) == U"职务")) {
        return 0;
      }
      return after;
    }
    return 0;
  }

  // Rule "relieved of a post": 免去 or 免除, the name, 同志 or not, 的 or
  // not, and the posts up to 职务 (免去X同志的县政协副秘书长职务): the name
  // held them.
  size_t NameRelievedOf(size_t p, size_t surname) {
    const size_t n = text_.size();
    for (size_t len : {surname + 2, surname + 1}) {
      const size_t e = p + len;
      size_t v = e;
      const bool comrade = e + 2 <= n && Sub(text_, e, e + 2) == U"同志";
      if (comrade) v += 2;
      if (v < n && text_[v] == U'的') ++v;
      if (v == e || !PlausibleName(p, len, surname, Evidence::kAppointed)) {
        continue;
      }
      std::vector<Segment>& posts = segments_;
      const size_t after = PostsAfterVerb(v, &posts);
      if (after == 0 || Sub(text_, after, std::min(n, after + 2)) != U"职务") {
        continue;
      }
      EmitSegments(posts, p, len);
      return after - p;
    }
    return 0;
  }

  static bool IsAppointingVerb(std::u32string_view w) {
    // Their last characters first: most places end in none.
    if (w.size() != 2 ||
        std::u32string_view(U"举命补选任请舉補請").find(w[1]) ==
            std::u32string_view::npos) {
      return false;
    }
    for (std::u32string_view verb :
         {U"选举", U"任命", U"增补", U"推选", U"补选", U"聘任", U"聘请",
          U"推举", U"選舉", U"補選", U"聘請", U"推舉"}) {
      if (w == verb) return true;
    }
    return false;
  }

  // NameToken tells whether text[b, e) is a credited name: 2-4 characters
  // starting with a surname, plausible after a credit label, or a name of
  // parts (扎西次仁).
  bool NameToken(size_t b, size_t e) const {
    if (IsNameOfParts(Sub(text_, b, e), lex_)) return true;
    if (e - b < 2 || e - b > 4) return false;
    const size_t s = SurnameAt(b);
    if (s == 0) return false;
    // A compound surname may also be read as a single one (欧阳 / 欧).
    return PlausibleName(b, e - b, s, Evidence::kStrong) ||
           (s == 2 && PlausibleName(b, e - b, 1, Evidence::kStrong));
  }

  // Names collects the names of a credit: tokens of 2-4 characters, or
  // single characters run together ("王 川" → 王川, span as written).
  struct CreditNames {
    std::vector<std::pair<size_t, size_t>> spans;
    std::u32string pending;
    size_t pending_begin = 0, pending_end = 0;
    bool ok = true;
  };
  void AddToken(CreditNames* names, size_t b, size_t e) const {
    if (e - b == 1) {
      if (names->pending.empty()) names->pending_begin = b;
      names->pending += text_[b];
      names->pending_end = e;
      return;
    }
    FlushPending(names);
    if (NameToken(b, e)) {
      names->spans.push_back({b, e});
    } else {
      names->ok = false;
    }
  }
  void FlushPending(CreditNames* names) const {
    if (names->pending.empty()) return;
    const size_t s = lex_.surnames.LongestStartingAt(names->pending, 0, 2);
    if (names->pending.size() >= 2 && names->pending.size() <= 4 && s > 0) {
      names->spans.push_back({names->pending_begin, names->pending_end});
    } else {
      names->ok = false;
    }
    names->pending.clear();
  }
  std::string SpanName(size_t b, size_t e) const {
    std::u32string name;
    for (size_t k = b; k < e; ++k) {
      if (!IsBlank(text_[k])) name += text_[k];
    }
    return EncodeUtf8(name);
  }

  // Rule "titles in brackets": 王明（市政协委员、某某公司董事长）gives the
  // name before the bracket one line per title, as the titles would before
  // the name. Every part of the bracket, split at 、 and ，, ends in a
  // title; a name needs a clear left edge. Returns whether it applied.
  bool TitlesInBrackets(size_t open, size_t close) {
    std::vector<Segment> segments;
    size_t part_end = close;
    for (size_t k = close; k-- > open;) {
      const bool separator = k == open || text_[k] == U'、' ||
                             text_[k] == U'，' || text_[k] == U',';
      if (!separator) continue;
      const size_t part_begin = k + 1;
      const size_t role_len = lex_.titles.LongestEndingAt(text_, part_end);
      if (role_len == 0 || part_end - part_begin < role_len) return false;
      const size_t role_begin = part_end - role_len;
      for (size_t q = part_begin; q < role_begin; ++q) {
        if (!IsCjk(text_[q]) && !IsLatin(text_[q])) return false;
      }
      const size_t org_begin = std::max(part_begin, OrgBegin(role_begin));
      segments.push_back(
          {org_begin, OrgEnd(org_begin, role_begin), role_begin, part_end});
      part_end = k;
    }
    if (segments.empty()) return false;
    for (const size_t len : {3, 2, 4}) {
      if (open < len) continue;
      const size_t p = open - len;
      const size_t surname = SurnameAt(p);
      if (surname == 0 || len < surname + 1 || len > surname + 2) continue;
      // A title right before the name is an edge as clear as a comma
      // (委员王明（区妇联主席）).
      if (!(ClearLeftEdge(p) || lex_.titles.LongestEndingAt(text_, p) > 0) ||
          !PlausibleName(p, len, surname, Evidence::kStrong)) {
        continue;
      }
      EmitSegments(segments, p, len);
      return true;
    }
    return false;
  }

  // Rule "transliterated name": names of Uyghur, Kazakh, Tibetan and
  // other traditions written in Han characters join their parts with a
  // middle dot (艾力·买买提). They have no surname to find them by, and a
  // dot also joins the halves of a slogan or a series title (书香·政协), so
  // such a name counts only beside a role: 委员艾力·买买提 (the role before
  // it, its body as in "role before name") or 艾力·买买提委员 (after it, at
  // a clear left edge). Each part is 1-6 Han characters, none a place name,
  // and no role word starts inside the name.
  void TransliteratedNames() {
    const size_t n = text_.size();
    // The dots by a fast search for each kind (most texts have none), in
    // text order, so that the dots inside a name read are passed over.
    std::vector<size_t> dots;
    for (const char32_t kind : kNameDots) {
      for (size_t m = FindCodePoint(text_, kind, 1); m + 1 < n;
           m = FindCodePoint(text_, kind, m + 1)) {
        dots.push_back(m);
      }
    }
    std::sort(dots.begin(), dots.end());
    size_t read_to = 0;
    for (const size_t m : dots) {
      if (m >= read_to) read_to = TransliteratedNameAt(m);
    }
  }
  // TransliteratedNameAt reads the name whose first dot may be text[m]
  // (0 < m < size - 1) and returns where it ends (m when none).
  size_t TransliteratedNameAt(size_t m) {
    constexpr size_t kMaxPart = 6;
    const size_t n = text_.size();
    if (!IsCjk(text_[m - 1]) || !IsCjk(text_[m + 1])) return m;
    // The parts after the first dot: [m + 1, last) holds the middle ones;
    // the last part starts at `last`.
    size_t last = m + 1;
    for (;;) {
      size_t k = last;
      while (k < n && k - last < kMaxPart && IsCjk(text_[k])) ++k;
      if (k + 1 < n && k > last && IsNameDot(text_[k]) && IsCjk(text_[k + 1])) {
        last = k + 1;
        continue;
      }
      break;
    }
    size_t run = m;  // where the Han run holding the first part begins
    while (run > 0 && m - run < kMaxOrgLength && IsCjk(text_[run - 1])) {
      --run;
    }
    return ReadTransliterated(run, m, last);
  }
  // The middle dots that join the parts of a name: ·, ・, ‧ and ･.
  static constexpr char32_t kNameDots[] = {U'\u00B7', U'\u30FB', U'\u2027',
                                           U'\uFF65'};
  static constexpr bool IsNameDot(char32_t c) {
    for (const char32_t dot : kNameDots) {
      if (c == dot) return true;
    }
    return false;
  }
  // ReadTransliterated reads the name whose first dot is at `dot` and
  // whose last part starts at `last`, its first part inside the Han run
  // from `run`; it returns where the name ends (`dot` when none).
  size_t ReadTransliterated(size_t run, size_t dot, size_t last) {
    constexpr size_t kMaxPart = 6;
    const size_t n = text_.size();
    const auto clean_part = [&](size_t b, size_t e) {
      if (e <= b || e - b > kMaxPart) return false;
      if (gazetteer_.Find(Sub(text_, b, e)) != nullptr) return false;
      for (size_t k = b; k < e; ++k) {
        if (IsCjk(text_[k]) && TitleAt(k) > 0) return false;
      }
      return true;
    };
    // Role before: the nearest place a role word ends at leaves the first
    // part 1-6 characters.
    size_t begin = dot, role_len = 0;
    for (size_t b = dot - 1; b > run && dot - b <= kMaxPart; --b) {
      if (!lex_.title_last.contains(text_[b - 1])) continue;
      const size_t rl = lex_.titles.LongestEndingAt(text_, b);
      if (rl > 0) {
        begin = b;
        role_len = rl;
      }
    }
    // A list after a role gives each name the role: 委员艾力·买买提、A·B.
    const bool listed = role_len == 0 && !list_role_.empty() &&
                        list_end_ < run &&
                        list_end_ + ListSeparatorAt(list_end_) == run;
    if (role_len == 0) {
      if (dot - run > kMaxPart || !(listed || ClearLeftEdge(run))) {
        return dot;
      }
      begin = run;
    }
    if (dot - begin < 2 || !clean_part(begin, dot)) return dot;
    for (size_t b = dot + 1, k = dot + 1; k < last; ++k) {
      if (!IsNameDot(text_[k])) continue;
      if (!clean_part(b, k)) return dot;  // a middle part
      b = k + 1;
    }
    // The name ends at the first place a role, a listed word, a list
    // separator or a boundary follows, or a particle after a last part of
    // three characters or more (a shorter one may hold it: 阿不都).
    for (size_t e = last + 2; e <= std::min(n, last + kMaxPart); ++e) {
      if (!IsCjk(text_[e - 1])) break;
      if (!clean_part(last, e)) continue;
      const size_t title_after = TitleAt(e);
      const Follow follow = FollowAt(e);
      const bool ends = title_after > 0 || follow == Follow::kBoundary ||
                        follow == Follow::kWord || ListSeparatorAt(e) > 0 ||
                        (follow == Follow::kParticle && e - last >= 3);
      if (!ends || (role_len == 0 && !listed && title_after == 0)) continue;
      const std::string name = EncodeUtf8(Sub(text_, begin, e));
      if (role_len > 0) {
        const size_t role_begin = begin - role_len;
        list_role_ = EncodeUtf8(Sub(text_, role_begin, begin));
        const size_t org_begin = OrgBegin(role_begin);
        list_org_ =
            Organization(Sub(text_, org_begin, OrgEnd(org_begin, role_begin)),
                         Sub(text_, role_begin, begin), begin);
      } else if (!listed) {
        const std::u32string_view role = Sub(text_, e, e + title_after);
        list_role_ = EncodeUtf8(role);
        list_org_ = Organization({}, role, begin);
      }
      Emit(name, list_role_, list_org_, begin, e);
      list_end_ = e;
      if (role_len > 0) {
        // Names listed after it share its titles (A·B、李华).
        Cover(begin, e);
        list_end_ = ListAfterName(SegmentsEndingAt(begin - role_len, begin), e);
      }
      return list_end_;
    }
    return dot;
  }

  // Rule "editor's credit": a line "label：names" whose label ends with a
  // credit word (编辑 X, 责任编辑：X, 文稿审核:X, 终审 X). The label is the
  // role; several labels may share a line (编辑：X 审核：Y). On a page's
  // meta line other fields are skipped (2023-03-03 来源：某某网 作者：X):
  // there a label needs its colon.
  void CreditLine(size_t begin, size_t end) {
    while (begin < end &&
           (IsBlank(text_[begin]) || IsOpenBracket(text_[begin]))) {
      ++begin;
    }
    while (end > begin &&
           (IsBlank(text_[end - 1]) || IsCloseBracket(text_[end - 1]))) {
      --end;
    }
    if (begin >= end || end - begin > kMaxMetaLine) return;
    const auto is_colon = [](char32_t c) { return c == U'：' || c == U':'; };
    std::vector<std::pair<std::string, CreditNames>> credits;
    bool reading = false;  // inside a credit's names
    for (size_t i = begin; i < end;) {
      if (!IsCjk(text_[i])) {
        // Digits, Latin letters or marks end the names of a credit.
        if (reading && !IsCreditSeparator(text_[i])) reading = false;
        ++i;
        continue;
      }
      size_t j = i;
      while (j < end && IsCjk(text_[j])) ++j;
      const bool colon = j < end && is_colon(text_[j]);
      const bool label =
          j - i <= kMaxCreditLabel &&
          lex_.credit_words.LongestEndingAt(text_, j, i) > 0 &&
          (colon || (i == begin && (j == end || IsCreditSeparator(text_[j]))) ||
           (reading && (j == end || IsCreditSeparator(text_[j])) &&
            (!credits.back().second.spans.empty() ||
             !credits.back().second.pending.empty())));
      if (label) {
        if (!credits.empty()) FlushPending(&credits.back().second);
        credits.push_back({EncodeUtf8(Sub(text_, i, j)), {}});
        reading = true;
      } else if (colon) {
        if (!credits.empty()) FlushPending(&credits.back().second);
        reading = false;  // another field: 来源：…
      } else if (reading) {
        AddToken(&credits.back().second, i, j);
      }
      i = j;
    }
    if (credits.empty()) return;
    FlushPending(&credits.back().second);
    for (const auto& [role, names] : credits) {
      if (!names.ok || names.spans.empty()) return;
    }
    for (const auto& [role, names] : credits) {
      for (const auto& [b, e] : names.spans) {
        Emit(SpanName(b, e), role, "", b, e);
      }
    }
  }

  // Rule "leader table": a yearbook lists a body's leaders a line per
  // title, the title padded with blanks to the width of three characters
  // and a colon after it, the names set apart by blanks (主　席：王明,
  // 副主席：李　华　张建国). The line is nothing else: a colon after a role
  // in running text opens a speech (主席：同志们). A two-character name
  // padded with a blank reads as one name: a lone surname and the lone
  // character after it.
  void LeaderTableLine(size_t begin, size_t end) {
    constexpr size_t kMaxTableNote = 6;  // （女）, （土家族）
    // The first label's colon comes early (主　　席：, 委员（按姓氏笔画为
    // 序）：): most lines have none there.
    constexpr size_t kFirstColon = 32;
    while (begin < end && IsBlank(text_[begin])) ++begin;
    const size_t head = std::min(end, begin + kFirstColon);
    if (begin >= end || !IsCjk(text_[begin]) ||
        std::find_if(text_.begin() + static_cast<std::ptrdiff_t>(begin),
                     text_.begin() + static_cast<std::ptrdiff_t>(head),
                     [](char32_t c) { return c == U'：' || c == U':'; }) ==
            text_.begin() + static_cast<std::ptrdiff_t>(head)) {
      return;
    }
    // Each label with the names after it; a line may hold several
    // (主　席：王明　　副主席：李华).
    struct Entry {
      std::u32string title;
      size_t role_len;
      std::vector<std::pair<size_t, size_t>> names;
    };
    std::vector<Entry> entries;
    size_t lone = std::u32string_view::npos;  // a lone surname's place
    for (size_t i = begin; i < end;) {
      if (lone == std::u32string_view::npos) {
        Entry entry;
        if (const size_t after =
                TableLabelAt(i, end, &entry.title, &entry.role_len)) {
          if (!entries.empty() && entries.back().names.empty()) return;
          entries.push_back(std::move(entry));
          i = after;
          continue;
        }
      }
      if (entries.empty()) return;  // the line opens with no label
      std::vector<std::pair<size_t, size_t>>& names = entries.back().names;
      if (IsBlank(text_[i]) || text_[i] == U'、' || text_[i] == U'，' ||
          text_[i] == U',') {
        ++i;
        continue;
      }
      // A short note in brackets after a name (（女）, （满族）) says who,
      // not another name.
      if (IsOpenBracket(text_[i]) && !names.empty() &&
          lone == std::u32string_view::npos) {
        size_t close = i + 1;
        while (close < end && close <= i + kMaxTableNote &&
               IsCjk(text_[close])) {
          ++close;
        }
        if (close >= end || !IsCloseBracket(text_[close])) return;
        i = close + 1;
        continue;
      }
      size_t j = i;
      while (j < end && IsCjk(text_[j])) ++j;
      if (j == i) return;  // a digit, another mark: not a table line
      if (j - i == 1) {
        if (lone == std::u32string_view::npos) {
          if (SurnameAt(i) != 1) return;
          lone = i;
        } else {
          names.push_back({lone, j});
          lone = std::u32string_view::npos;
        }
      } else {
        if (lone != std::u32string_view::npos ||
            !(NameToken(i, j) || NameOfPartsAt(i) == j)) {
          return;
        }
        names.push_back({i, j});
      }
      i = j;
    }
    if (entries.empty() || entries.back().names.empty() ||
        lone != std::u32string_view::npos) {
      return;
    }
    for (const Entry& entry : entries) {
      const std::u32string role =
          entry.title.substr(entry.title.size() - entry.role_len);
      const std::u32string org =
          entry.title.substr(0, entry.title.size() - entry.role_len);
      for (const auto& name : entry.names) {
        const size_t b = name.first;
        const size_t e = name.second;
        EmitWith(
            SpanName(b, e), EncodeUtf8(role),
            [&] { return Organization(org, role, b); }, b, e);
      }
    }
  }

  // TableLabelAt reads a leader table's label at i: Han characters with
  // blanks between them (主　席), ending in a role word, then a colon. It
  // gives the label without blanks and its role word's length, and returns
  // where the names start (0: no label).
  size_t TableLabelAt(size_t i, size_t end, std::u32string* title,
                      size_t* role_len) const {
    constexpr size_t kMaxTableTitle = 8;  // 党组副书记, blanks left out
    constexpr size_t kMaxLabelNote = 12;  // （按姓氏笔画为序）
    if (i >= end || !IsCjk(text_[i])) return 0;
    title->clear();
    size_t k = i;
    size_t longest_run = 0, run = 0;  // Han characters without a blank
    bool padded = false;
    for (; k < end && title->size() <= kMaxTableTitle; ++k) {
      if (IsCjk(text_[k])) {
        *title += text_[k];
        longest_run = std::max(longest_run, ++run);
      } else if (IsBlank(text_[k])) {
        padded = padded || run > 0;
        run = 0;
      } else {
        break;
      }
    }
    // A note in brackets may say how the names are ordered (委员（按姓氏
    //笔画为序）：).
    if (k < end && IsOpenBracket(text_[k]) && run == title->size()) {
      size_t close = k + 1;
      while (close < end && close <= k + kMaxLabelNote &&
             !IsCloseBracket(text_[close]) && !IsOpenBracket(text_[close])) {
        ++close;
      }
      if (close >= end || !IsCloseBracket(text_[close])) return 0;
      k = close + 1;
    }
    if (k >= end || (text_[k] != U'：' && text_[k] != U':')) return 0;
    // Padding spreads single characters (主　席, 秘 书 长): a label with
    // blanks in it and a longer run is a name and a label (王明　副主席).
    if (padded && longest_run > 1 && run != title->size()) return 0;
    *role_len = lex_.titles.LongestEndingAt(*title, title->size());
    if (*role_len == 0 || lex_.not_titles.Contains(*title)) return 0;
    return k + 1;
  }

  // Rule "biography": a yearbook's entry on a person opens its line with
  // the name and the sex (王明，男，汉族，… / 王明　女，…): the name is a
  // person's, and the posts after 现任 in that sentence are the person's
  // titles (现任县政协常委、党组成员).
  void Biography(size_t begin, size_t end) {
    constexpr size_t kMaxBiographySentence = 160;
    const size_t n = text_.size();
    size_t p = begin;
    while (p < end && IsBlank(text_[p])) ++p;
    // The name, then a comma or a blank, then the sex alone. A bracketed
    // note with the years of birth may stand between (王明（1968年3月—），男).
    const auto after_years = [&](size_t q) {
      constexpr size_t kMaxYearsNote = 20;
      if (q >= end || !IsOpenBracket(text_[q])) return q;
      bool digit = false;
      for (size_t k = q + 1; k < end && k <= q + kMaxYearsNote; ++k) {
        if (IsCloseBracket(text_[k])) return digit ? k + 1 : q;
        digit = digit || IsDigit(text_[k]);
      }
      return q;
    };
    const auto sex_at = [&](size_t name_end) {
      const size_t q = after_years(name_end);
      return q + 2 < end &&
             (text_[q] == U'，' || text_[q] == U',' || IsBlank(text_[q])) &&
             (text_[q + 1] == U'男' || text_[q + 1] == U'女') &&
             !IsCjk(text_[q + 2]);
    };
    size_t e = NameOfPartsAt(p);
    if (e > p && !sex_at(e)) return;
    const size_t surname = SurnameAt(p);
    for (size_t len : {surname + 2, surname + 1}) {
      if (e > p || surname == 0) break;
      if (sex_at(p + len) &&
          PlausibleName(p, len, surname, Evidence::kStrong)) {
        e = p + len;
      }
    }
    if (e == p) return;
    EmitRoleless(EncodeUtf8(Sub(text_, p, e)), p, e);
    // A clause of the entry that is nothing but posts (…，市政协常委，…).
    std::vector<Segment> posts;
    for (size_t c = after_years(e) + 3;
         c < end && !IsSentenceEnd(text_[c - 1]);) {
      size_t ce = c;
      while (ce < end && !IsClauseEnd(text_[ce])) ++ce;
      if (TitleClause(c, ce, &posts)) {
        EmitSegments(posts, p, e - p);
        break;
      }
      c = ce + 1;
    }
    // 现任 and the posts after it, to the end of their clause.
    const size_t limit = std::min({end, n, e + kMaxBiographySentence});
    const size_t now = FindText(text_.substr(0, limit), U"现任", e);
    if (now == std::u32string_view::npos) return;
    size_t t = now + 2;
    while (t < limit && (IsCjk(text_[t]) || IsListSeparator(text_[t]) ||
                         IsLatin(text_[t]))) {
      ++t;
    }
    const size_t role_len = lex_.titles.LongestEndingAt(text_, t, now + 2);
    if (role_len == 0) return;
    std::vector<Segment> segments = SegmentsEndingAt(t - role_len, t);
    for (Segment& segment : segments) {
      segment.org_begin = std::max(segment.org_begin, now + 2);
      segment.org_end = std::max(segment.org_end, segment.org_begin);
    }
    EmitSegments(segments, p, e - p);
  }

  // IsClauseEnd: what ends a clause of an entry (，。；！？, a line break).
  static bool IsClauseEnd(char32_t c) {
    return IsClauseBreak(c) || IsLineBreak(c);
  }

  // TitleClause tells whether text[b, e) is nothing but posts joined by
  // 、, each a title with its body before it (市政协委员、某某公司董事长),
  // and gives them as segments, the last first.
  bool TitleClause(size_t b, size_t e, std::vector<Segment>* segments) const {
    constexpr size_t kMaxTitleClause = 40;
    segments->clear();
    if (e <= b || e - b > kMaxTitleClause) return false;
    size_t part_end = e;
    for (size_t k = e; k-- > b;) {
      if (k != b && !IsListSeparator(text_[k])) continue;
      const size_t part_begin = k == b ? b : k + 1;
      const size_t role_len =
          lex_.titles.LongestEndingAt(text_, part_end, part_begin);
      if (role_len == 0) return false;
      const size_t role_begin = part_end - role_len;
      for (size_t q = part_begin; q < role_begin; ++q) {
        if (!IsCjk(text_[q]) && !IsLatin(text_[q])) return false;
      }
      const size_t org_begin = std::max(part_begin, OrgBegin(role_begin));
      segments->push_back(
          {org_begin, OrgEnd(org_begin, role_begin), role_begin, part_end});
      part_end = k;
    }
    return !segments->empty();
  }

  // Rule "name, then posts": a sentence opening with a name and a comma,
  // the next clause nothing but posts (王明，市政协委员、某某公司董事长。),
  // as profiles and captions introduce a person.
  void NameThenPosts(size_t begin, size_t end) {
    std::vector<Segment> posts;
    // The line's start and each place after a full stop, found by a fast
    // search (a line holds few).
    for (size_t from = begin; from < end;) {
      size_t p = from;
      const size_t stop = FindCodePoint(text_.substr(0, end), U'。', from);
      from = stop == std::u32string_view::npos ? end : stop + 1;
      while (p < end && IsBlank(text_[p])) ++p;
      if (p >= end) break;
      size_t e = NameOfPartsAt(p);
      const size_t surname = SurnameAt(p);
      for (size_t len : {surname + 2, surname + 1}) {
        if (e > p || surname == 0) break;
        if (p + len < end && text_[p + len] == U'，' &&
            PlausibleName(p, len, surname, Evidence::kStrong)) {
          e = p + len;
        }
      }
      if (e == p || e >= end || text_[e] != U'，') continue;
      size_t ce = e + 1;
      while (ce < end && !IsClauseEnd(text_[ce])) ++ce;
      if (TitleClause(e + 1, ce, &posts)) EmitSegments(posts, p, e - p);
    }
  }

  // BracketCredits reads every short bracketed group on one line as a
  // possible credit: (记者 王明), (记者王明), (某某网 记者 王明 通讯员 李华),
  // (王明李华张强 文/图), and a bare name at a line's edge: (王明).
  void BracketCredits() {
    const size_t n = text_.size();
    // The next bracket of either width, each found by a fast search.
    size_t ascii = FindCodePoint(text_, U'(', 0);
    size_t full = FindCodePoint(text_, U'（', 0);
    for (size_t i = 0; i < n; ++i) {
      if (ascii < i) ascii = FindCodePoint(text_, U'(', i);
      if (full < i) full = FindCodePoint(text_, U'（', i);
      i = std::min(ascii, full);
      if (i >= n) break;
      size_t j = i + 1;
      while (j < n && j <= i + kMaxBracketGroup && !IsCloseBracket(text_[j]) &&
             !IsOpenBracket(text_[j]) && !IsLineBreak(text_[j])) {
        ++j;
      }
      if (j >= n || !IsCloseBracket(text_[j])) continue;
      if (!TitlesInBrackets(i, j)) BracketGroup(i, j);
      i = j;
    }
  }

  bool AtLineEdge(size_t open, size_t close) const {
    size_t a = open;
    while (a > 0 && IsBlank(text_[a - 1])) --a;
    size_t b = close + 1;
    while (b < text_.size() && IsBlank(text_[b])) ++b;
    return a == 0 || IsLineBreak(text_[a - 1]) || b == text_.size() ||
           IsLineBreak(text_[b]);
  }

  std::string MarkerRole(size_t b, size_t e) const {
    return lex_.byline_roles.find(Sub(text_, b, e))->second;
  }

  void BracketGroup(size_t open, size_t close) {
    // Tokens: runs of CJK characters between credit separators.
    std::vector<std::pair<size_t, size_t>> tokens;
    for (size_t i = open + 1; i < close;) {
      if (IsCreditSeparator(text_[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < close && IsCjk(text_[j])) ++j;
      if (j == i) return;
      tokens.push_back({i, j});
      i = j;
    }
    if (tokens.empty()) return;
    const auto is_marker = [&](size_t b, size_t e) {
      return lex_.byline_markers.Contains(Sub(text_, b, e));
    };
    // Names first, markers last: (王明 李华 文/图), (王明李华张强文/图).
    size_t last = tokens.size();
    std::vector<std::string> roles;
    while (last > 0 &&
           is_marker(tokens[last - 1].first, tokens[last - 1].second)) {
      roles.push_back(
          MarkerRole(tokens[last - 1].first, tokens[last - 1].second));
      --last;
    }
    // Markers lead, or a source names itself before the first marker
    // (某某网 记者 王明).
    const bool source_first = tokens.size() > 2 &&
                              is_marker(tokens[1].first, tokens[1].second) &&
                              !NameToken(tokens[0].first, tokens[0].second);
    const bool markers_lead =
        source_first || lex_.byline_markers.LongestStartingAt(
                            text_, tokens[0].first, tokens[0].second) > 0;
    if (!markers_lead && last > 0) {
      // The last name may carry the first marker glued to it (林一帆文).
      auto& [b, e] = tokens[last - 1];
      const size_t glued = lex_.byline_markers.LongestEndingAt(text_, e, b);
      if (glued > 0 && e - glued > b) {
        roles.push_back(MarkerRole(e - glued, e));
        e -= glued;
      }
    }
    if (!markers_lead) {
      std::vector<std::pair<size_t, size_t>> names;
      for (size_t t = 0; t < last; ++t) {
        if (!SplitNames(tokens[t].first, tokens[t].second, &names)) return;
      }
      if (names.empty()) return;
      if (roles.empty()) {
        // A bare name in brackets at a line's edge credits the writer.
        if (!AtLineEdge(open, close) || last != tokens.size()) return;
        for (const auto& [b, e] : names) {
          const size_t s = SurnameAt(b);
          if (!PlausibleName(b, e - b, s, Evidence::kWeak)) return;
        }
        roles.push_back("");
      }
      for (const std::string& role : roles) {
        for (const auto& [b, e] : names) {
          if (role.empty()) {
            EmitRoleless(SpanName(b, e), b, e);
          } else {
            Emit(SpanName(b, e), role, "", b, e);
          }
        }
      }
      return;
    }
    // Markers lead: (记者 王明 通讯员 李华), (记者王明), (某某网 记者 王明).
    std::vector<std::tuple<size_t, size_t, std::string>> found;
    std::string role;
    CreditNames names;
    const auto flush = [&]() {
      FlushPending(&names);
      for (const auto& [b, e] : names.spans) found.emplace_back(b, e, role);
      names.spans.clear();
    };
    for (size_t t = source_first ? 1 : 0; t < tokens.size(); ++t) {
      const auto [b, e] = tokens[t];
      if (is_marker(b, e)) {
        flush();
        role = MarkerRole(b, e);
        continue;
      }
      // A marker with a modifier before it is a role as written (见习记者).
      const size_t tail = lex_.byline_markers.LongestEndingAt(text_, e, b);
      if (tail >= 2 && tail < e - b && e - b - tail <= 2 && !role.empty()) {
        flush();
        role = EncodeUtf8(Sub(text_, b, e));
        continue;
      }
      const size_t m = lex_.byline_markers.LongestStartingAt(text_, b, e);
      if (m >= 2 && NameToken(b + m, e)) {
        flush();
        role = MarkerRole(b, b + m);
        found.emplace_back(b + m, e, role);
        continue;
      }
      if (role.empty()) return;
      AddToken(&names, b, e);
      if (!names.ok) return;
    }
    // A marker closing the group with no names after it credits the names
    // before it too: (文 王明 图) → 王明 文字 and 摄影.
    const bool dangling = names.spans.empty() && names.pending.empty() &&
                          !found.empty() &&
                          is_marker(tokens.back().first, tokens.back().second);
    flush();
    if (!names.ok) return;
    if (dangling) {
      const size_t b = std::get<0>(found.back()), e = std::get<1>(found.back());
      found.emplace_back(b, e, role);
    }
    std::string source =
        source_first ? EncodeUtf8(Sub(text_, tokens[0].first, tokens[0].second))
                     : NewsSource(open);
    for (const auto& [b, e, r] : found) Emit(SpanName(b, e), r, source, b, e);
  }

  // NewsSource reads the dateline before a bracketed byline: 某某日报讯,
  // 某某网南宁5月4日电 → 某某日报, 某某网 (the place and date dropped).
  std::string NewsSource(size_t open) const {
    size_t e = open;
    while (e > 0 && IsBlank(text_[e - 1])) --e;
    if (e == 0 || (text_[e - 1] != U'讯' && text_[e - 1] != U'电')) return "";
    --e;
    size_t b = e;
    while (b > 0 && (IsCjk(text_[b - 1]) || IsDigit(text_[b - 1])) &&
           e - b < kMaxCreditLine) {
      --b;
    }
    // Drop a trailing date (5月4日) and then a trailing place (南宁).
    while (e > b && (IsDigit(text_[e - 1]) || text_[e - 1] == U'月' ||
                     text_[e - 1] == U'日')) {
      --e;
    }
    if (const size_t place = gazetteer_.names().LongestEndingAt(text_, e, b);
        place > 0 && place < e - b) {
      e -= place;
    }
    if (e - b < 2 || IsSelfReference(Sub(text_, b, e))) return "";
    return EncodeUtf8(Sub(text_, b, e));
  }

  // SplitNames reads text[b, e) as one name of 2-4 characters or as names
  // of three characters written together (王明华李建国).
  bool SplitNames(size_t b, size_t e,
                  std::vector<std::pair<size_t, size_t>>* names) const {
    if (e - b >= 2 && e - b <= 4 && NameToken(b, e)) {
      names->push_back({b, e});
      return true;
    }
    if ((e - b) % 3 != 0) return false;
    for (size_t k = b; k < e; k += 3) {
      if (!NameToken(k, k + 3)) return false;
      names->push_back({k, k + 3});
    }
    return true;
  }

  // ReportAuthors: a report's authors (byline, speaker) are people too.
  // An author is looked for inside the report only: a name written
  // otherwise (with blanks, 王 川) would send an open search to the end of
  // the text once per report, quadratic in an archive of many reports.
  void ReportAuthors() {
    for (const Report& r : reports_) {
      const size_t from = static_cast<size_t>(
          std::clamp<int64_t>(r.begin, 0, static_cast<int64_t>(text_.size())));
      const size_t to = static_cast<size_t>(
          std::clamp<int64_t>(r.end, static_cast<int64_t>(from),
                              static_cast<int64_t>(text_.size())));
      const std::u32string_view report = text_.substr(0, to);
      for (const Author& a : r.authors) {
        if (a.name.empty()) continue;
        const std::u32string name = DecodeUtf8(a.name);
        const size_t at = FindText(report, name, from);
        if (at == std::u32string_view::npos) continue;
        Emit(a.name, a.role, "", at, at + name.size());
      }
    }
  }

  // Organization normalises the text before a role: 政协 → the report's
  // committee, 市政协 → <city>市政协, 省委 → <province>省委, 县政协 or 区政府
  // → the report's county or district (绛县政协, 呈贡区政府); a role named
  // without one takes its default from roles.txt (市长 → <city>市政府).
  std::string Organization(std::u32string_view org, std::u32string_view role,
                           size_t at) const {
    const Report* r =
        reports_.empty()
            ? nullptr
            : &reports_[ReportIndexAt(reports_, static_cast<int64_t>(at))];
    static const std::string* const kNone = new std::string();
    const std::string& city = r ? r->city : *kNone;
    const std::string& province = r ? r->province : *kNone;
    if (org.empty()) {
      auto it = lex_.title_orgs.find(role);
      if (it == lex_.title_orgs.end()) return "";
      const std::string& t = it->second;
      // A body with no placeholder is placed as a written one would be.
      if (t.find('{') == std::string::npos) {
        return Organization(DecodeUtf8(t), role, at);
      }
      std::string out;
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
    // A bare 党组 (党组成员、副主席X) is the Party group of the committee
    // the report is about, as a bare 副主席 is that committee's.
    if (org == U"党组" && r && absl::EndsWith(r->organization, "政协")) {
      return r->organization + text;
    }
    if (org[0] == U'市' && !city.empty()) return city + text;
    if (org[0] == U'省' && !province.empty()) return province + text;
    if (r && std::u32string_view(U"县区州市盟旗").find(org[0]) !=
                 std::u32string_view::npos) {
      // The report's own committee names the place: 绛县政协 + 县委.
      const std::u32string own = DecodeUtf8(r->organization);
      const size_t level = own.find(org[0]);
      if (level != std::u32string::npos && level > 0) {
        return EncodeUtf8(own.substr(0, level)) + text;
      }
    }
    if (org.find(U"政协") != std::u32string_view::npos) {
      // The committee normalised, the body inside it kept: 政协嘉峪关市委员会
      // 文史委 → 嘉峪关市政协文史委.
      if (auto committee = FindCommittee(org, gazetteer_)) {
        if (committee->begin == 0) {
          return EncodeUtf8(committee->organization) +
                 EncodeUtf8(org.substr(committee->end));
        }
      }
    }
    return text;
  }

  void Emit(const std::string& name, const std::string& role,
            const std::string& organization, size_t begin, size_t end) {
    EmitWith(
        name, role, [&] { return organization; }, begin, end);
  }
  // EmitWith is Emit with the organization computed only for a (name,
  // role) not yet emitted: a name repeated with its role costs no lookup,
  // unless its first mention named no body (王明局长 …, then 市教育局局长王明):
  // a later mention's body fills it.
  template <typename OrganizationFn>
  void EmitWith(const std::string& name, const std::string& role,
                const OrganizationFn& organization, size_t begin, size_t end) {
    last_name_end_ = end;
    const auto [it, added] = seen_.try_emplace({name, role}, people_.size());
    if (!added) {
      Person& first = people_[it->second];
      if (first.organization.empty()) first.organization = organization();
      return;
    }
    Person person;
    person.name = name;
    person.role = role;
    person.organization = organization();
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
  std::vector<Person> roleless_;  // names seen without a role, in order

  std::vector<std::pair<size_t, size_t>> list_;  // reused by NamesBeforeRole
  std::vector<Segment> segments_;  // the posts a name takes (PostsAfterVerb)
  size_t read_to_ = 0;             // NamesOfParts has read the text before it
  // Names of parts read (NamesOfParts), in text order: [begin, end).
  std::vector<std::pair<size_t, size_t>> covered_;
  // The body of the last title emitted, and where the list of officers
  // that RoleBeforeName read last ends (see there).
  std::u32string last_org_;
  std::u32string officers_org_;
  size_t officers_end_ = std::u32string_view::npos;
  size_t last_name_end_ = std::u32string_view::npos;  // of the last EmitWith
  // The last transliterated name read with a role, for a list after it.
  size_t list_end_ = 0;
  std::string list_role_, list_org_;
  mutable size_t clear_edge_at_ = std::u32string_view::npos;
  mutable bool clear_edge_ = false;
  // (name, role) emitted -> its index in people_.
  absl::flat_hash_map<std::pair<std::string, std::string>, size_t> seen_;
};

}  // namespace

bool IsNameOfParts(std::u32string_view s, const PeopleLexicon& lexicon) {
  constexpr size_t kMaxNameOfParts = 8;
  if (s.size() < 3 || s.size() > kMaxNameOfParts) return false;
  std::array<bool, kMaxNameOfParts + 1> reach = {};
  reach[0] = true;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!reach[i]) continue;
    for (size_t len = 2; i + len <= s.size(); ++len) {
      if (lexicon.name_parts.Contains(s.substr(i, len))) reach[i + len] = true;
    }
  }
  return reach[s.size()];
}

std::vector<Person> ExtractPeople(std::u32string_view text,
                                  const std::vector<TextLine>& lines,
                                  const std::vector<Report>& reports,
                                  const PeopleLexicon& lexicon,
                                  const Gazetteer& gazetteer) {
  return PeopleScanner(text, reports, lexicon, gazetteer).Run(lines);
}

}  // namespace reportfacts
