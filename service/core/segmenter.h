// Word segmentation of short spans of Chinese text, by jieba's method.
//
// A Dictionary holds words with a frequency and a part-of-speech tag: the
// jieba dictionary (Debian's python3-jieba, `word freq tag` per line) and
// the genre's overlays (`word<TAB>tag`), which add words or change a tag.
// Segment cuts a span along the most probable path through the graph of
// dictionary words (log frequency), as jieba does without its HMM; runs of
// characters no word covers come out as one kUnknown word.
//
//   auto dict = Dictionary::Load("jieba_dict.txt", {"genre_words.tsv"});
//   std::vector<Word> words = Segment(U"委员提交提案", 0, 6, *dict);
//   // 委员/kNoun 提交/kVerb 提案/kNoun (with the genre overlay)
//
// The dictionary is immutable after loading and safe for concurrent use.
// Segment is linear in the span times the longest word (bounded).
#ifndef REPORTFACTS_SERVICE_CORE_SEGMENTER_H_
#define REPORTFACTS_SERVICE_CORE_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "service/core/lexicon.h"

namespace reportfacts {

// Pos is a word's part of speech, the jieba (ICTCLAS) tags folded into the
// classes the phrase rules ask about.
enum class Pos : uint8_t {
  kUnknown,        // no dictionary word covers it
  kNoun,           // n, ng, nz, nt, j (abbreviation)
  kSetPhrase,      // l, i: set phrases; the segmenter cuts them into parts
  kPersonName,     // nr, nrt, nrfg
  kPlaceName,      // ns
  kVerbalNoun,     // vn, an: a verb or adjective used as a noun
  kVerb,           // v, vd, vg, vi, vq
  kAdjective,      // a, ad, ag
  kDistinguisher,  // b: says which kind (集体, 重点)
  kAdverb,         // d, df, dg
  kNumeral,        // m, mq
  kMeasure,        // q
  kPronoun,        // r and its subtags
  kPreposition,    // p
  kConjunction,    // c
  kParticle,       // u and its subtags (的, 了, 等)
  kLocality,       // f (中, 内, 上)
  kTime,           // t, tg
  kPlace,          // s
  kPunctuation,    // x on a mark, or a mark not in the dictionary
  kDigits,         // a run of digits (and a decimal point)
  kLatin,          // a run of Latin letters
  kAgent,          // genre tag "agent": a body that acts (市政协, 市委)
  kOther,          // e, o, y, z, h, k, g and the rest
};

// PosFromTag maps a jieba tag (n, vn, nr, ...) to its class, and the
// genre's own tag "agent"; anything else gives kOther.
Pos PosFromTag(std::string_view tag);

class Dictionary {
 public:
  struct Entry {
    uint32_t freq = 0;  // 0: a prefix of a longer word, not a word
    Pos pos = Pos::kUnknown;
    float log_freq = 0;  // log(freq), kept so that a cut computes no log
  };

  // Load reads the jieba dictionary and then each overlay in order. An
  // overlay line is `word<TAB>tag` or `word<TAB>tag<TAB>freq`; it adds the
  // word or replaces its tag. Errors name file:line.
  static absl::StatusOr<Dictionary> Load(
      const std::string& jieba_path,
      const std::vector<std::string>& overlay_paths);

  // FromWords builds a dictionary from (word, tag, freq) rows, for tests.
  struct Row {
    std::u32string word;
    std::string tag;
    uint32_t freq;
  };
  static Dictionary FromWords(const std::vector<Row>& rows);

  // Find returns the word's entry, or nullptr. An entry with freq 0 is a
  // prefix only: a longer word starts with it.
  const Entry* Find(std::u32string_view word) const {
    auto it = entries_->find(word);
    return it == entries_->end() ? nullptr : &it->second;
  }
  bool Contains(std::u32string_view word) const {
    const Entry* e = Find(word);
    return e != nullptr && e->freq > 0;
  }
  // PosOf returns the word's class, or kUnknown.
  Pos PosOf(std::u32string_view word) const {
    const Entry* e = Find(word);
    return e != nullptr && e->freq > 0 ? e->pos : Pos::kUnknown;
  }

  double log_total() const { return log_total_; }
  size_t max_word_length() const { return max_length_; }
  size_t size() const { return words_; }

  // Builder gathers the rows while loading (internal).
  class Builder;

 private:
  // Words live in one buffer; the map's keys are views into it.
  std::shared_ptr<const std::u32string> buffer_;
  using Map = absl::flat_hash_map<std::u32string_view, Entry, U32Hash, U32Eq>;
  std::shared_ptr<Map> entries_;
  double log_total_ = 0;
  size_t max_length_ = 1;
  size_t words_ = 0;
};

// Word is one segment of a span: [begin, end) in the text.
struct Word {
  size_t begin = 0;
  size_t end = 0;
  Pos pos = Pos::kUnknown;
  size_t size() const { return end - begin; }
};

// Segment cuts text[begin, end) into words. Digits, Latin letters and
// marks are words of their own class; blanks and line breaks are dropped.
std::vector<Word> Segment(std::u32string_view text, size_t begin, size_t end,
                          const Dictionary& dict);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_SEGMENTER_H_
