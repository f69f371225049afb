// Named people and their roles (GUIDE §4).
//
//   auto lexicon = LoadPeopleLexicon(roles, context, surnames, common_words);
//   auto people = ExtractPeople(text, SplitLines(text), reports, *lexicon,
//                               gazetteer);
//   // "州政协副秘书长王明、李华出席" -> {王明, 副秘书长}, {李华, 副秘书长}
//
// A name is 2-4 characters starting with a surname (a two-character one
// may be padded with a blank: 王　伟), or a run of parts of Tibetan,
// Mongolian or Uyghur names (扎西次仁), and is only taken with evidence: a
// role word right before or after it (市政协主席X, X委员), a role shared by
// a list of names (副主席A、B和C, A、B等委员), a byline or credit line (记者
// X, 责任编辑：X), a bracketed credit ((记者X)), a yearbook's leader table
// (副主席：A　B) or biography (X，男，…现任…), an appointment (增补X为常委,
// X当选为主席), an apposition (X是一名律师) or a form of address (X同志,
// role ""). A
// candidate must also be plausible: no common word starts at its surname
// (单位, 干部和, 常态化) or crosses its edges (常态 in 常态化), and it is no
// place name. The common words hold no proper nouns, so 黄河 after a role
// is a name (主席黄河主持) while 黄河流域 alone is nobody.
// Role words, credit words and the words around a name come from data files
// (roles.txt, name_context.txt, surnames.txt, common_words.txt; formats in
// service/data/README.md). The scan is linear in the text: the places
// where a rule may apply (a surname with a role word's last character
// before it or a rule word's first after it) are found as bit masks, eight
// characters a step with AVX2, and the rules run there only. Immutable
// after loading; safe for concurrent use.
#ifndef REPORTFACTS_SERVICE_CORE_PEOPLE_H_
#define REPORTFACTS_SERVICE_CORE_PEOPLE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "service/core/facts.h"
#include "service/core/gazetteer.h"
#include "service/core/lexicon.h"
#include "service/core/segmenter.h"
#include "service/core/text_lines.h"

namespace reportfacts {

// PairFilter answers "may a listed word start with these two characters?"
// in a few instructions: one bit per hashed pair, so a false answer is
// sure and a true one still needs the word lookup.
class PairFilter {
 public:
  void Insert(char32_t first, char32_t second) {
    const uint32_t slot = Slot(first, second);
    bits_[slot / 64] |= uint64_t{1} << (slot % 64);
  }
  bool MayContain(char32_t first, char32_t second) const {
    const uint32_t slot = Slot(first, second);
    return (bits_[slot / 64] >> (slot % 64)) & 1;
  }

 private:
  static constexpr int kSlotBits = 12;  // 4096 bits for ~100 pairs
  static uint32_t Slot(char32_t first, char32_t second) {
    return (static_cast<uint32_t>(first) * 0x9E3779B1u ^
            static_cast<uint32_t>(second) * 0x85EBCA77u) >>
           (32 - kSlotBits);
  }
  std::array<uint64_t, (1u << kSlotBits) / 64> bits_ = {};
};

// PeopleLexicon holds the word lists that people extraction needs.
struct PeopleLexicon {
  // jieba's dictionary (the extractor's, set after loading): where a
  // place's short name is a piece of a longer word. May be nullptr.
  const Dictionary* dictionary = nullptr;
  WordSet titles;  // role words: 主席, 书记, 董事长, CEO ...
  // Stations in life (村民, 学生): titles only before a name (村民X); after
  // a word they are its object (惠及居民).
  WordSet stations;
  // Default organization of a role named without one; may hold {city},
  // {province} and {report} (the report's own organization).
  absl::flat_hash_map<std::u32string, std::string, U32Hash, U32Eq> title_orgs;
  WordSet byline_markers;  // 记者, 本报通讯员, 文, 图 ...
  absl::flat_hash_map<std::u32string, std::string, U32Hash, U32Eq>
      byline_roles;         // marker -> canonical role (通讯员, 摄影 ...)
  WordSet byline_trailers;  // 摄影报道, 报道: end a byline
  WordSet surnames;         // single and compound surnames
  WordSet followers;        // words that may follow a name: 说, 介绍 ...
  WordSet particles;        // one-character followers: 在, 对, 与 ...
  WordSet credit_words;     // editors' credits: 编辑, 审核, 终审 ...
  WordSet joiners;          // words joining list items: 和, 及, 与
  WordSet group_words;      // after a list of names: 夫妇, 等人
  WordSet appositions;      // between a name and its role: 是一名
  WordSet address_words;    // forms of address after a name: 同志, 女士
  WordSet common_words;     // frequent words: no name is one or a piece
  WordSet org_stops;        // words that end the text before an org
  WordSet org_suffixes;     // characters that end an organization name
  WordSet not_titles;       // words that start with a role word: 委员会
  // Parts of Tibetan, Mongolian and Uyghur names without a surname
  // (扎西, 次仁, 巴特尔), and the characters they start with.
  WordSet name_parts;
  WordSet body_names;  // 民建, 团: 民建市委 is one body
  CharSet name_part_first;
  PairFilter name_part_pairs;  // their first two characters
  // First and last characters of the role words: a cheap test before any
  // word lookup, so that most characters cost one set probe.
  CharSet title_first;
  CharSet title_last;
  // The first two characters of the role words, and the one-character
  // role words: where neither holds, no role word starts.
  PairFilter title_pairs;
  CharSet single_titles;
  CharSet particle_chars;  // the particles themselves
  CharSet joiner_first;
  CharSet joiner_last;
  CharSet group_first;
  CharSet apposition_first;
  CharSet address_first;
  CharSet post_verb_first;  // 当, 担, 任 and 同 (同志任): NameTakesPost
  // The union of the first characters of what a rule needs right after a
  // name (role, joiner, group, apposition and address words, 、 and 等):
  // where neither of the two characters after a surname's shortest and
  // longest name is one, and no role word ends before it, no rule applies.
  CharSet after_name_first;
  // The Han characters a surname starts with: the main scan's first test.
  CharSet surname_first;
  // The parts in the Basic Multilingual Plane of surname_first, title_last
  // and after_name_first, one bit per code point in 32-bit words, for the
  // vector form of the main scan's first tests (eight characters a step,
  // one gather of their words per set).
  using PlaneBits = std::array<uint32_t, 0x10000 / 32>;
  PlaneBits surname_first_bmp = {};
  PlaneBits title_last_bmp = {};
  PlaneBits after_name_first_bmp = {};
  PlaneBits name_part_first_bmp = {};  // NamesOfParts' first test
  // The one-character surnames, and the first two characters of the longer
  // ones: a surname's length at a place is told by two probes, without a
  // walk of the surname trie at most places.
  CharSet single_surnames;
  PairFilter compound_surname_pairs;
};

// LoadPeopleLexicon reads roles.txt, name_context.txt, surnames.txt and
// common_words.txt; a bad line is INVALID_ARGUMENT naming file:line.
absl::StatusOr<PeopleLexicon> LoadPeopleLexicon(
    const std::string& roles_path, const std::string& context_path,
    const std::string& surnames_path, const std::string& common_words_path);

// IsNameOfParts tells whether `s` is wholly made of parts of Tibetan,
// Mongolian or Uyghur names (扎西次仁, 巴特尔), 3-8 characters: a name
// without a surname.
bool IsNameOfParts(std::u32string_view s, const PeopleLexicon& lexicon);

// ExtractPeople finds every (name, role) once, at its first mention.
// `lines` are SplitLines(text). `reports` (sorted by begin) resolve 市/省
// to the report's city/province. The returned people have report set to
// the report holding them.
std::vector<Person> ExtractPeople(std::u32string_view text,
                                  const std::vector<TextLine>& lines,
                                  const std::vector<Report>& reports,
                                  const PeopleLexicon& lexicon,
                                  const Gazetteer& gazetteer);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_PEOPLE_H_
