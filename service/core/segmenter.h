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
#include <string>
#include <string_view>
#include <vector>

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
    if (word.empty()) return nullptr;
    uint32_t node = kRoot;
    for (char32_t c : word) {
      node = Child(node, c);
      if (node == kRoot) return nullptr;
    }
    return &entries_[node];
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

  // The words form a trie whose nodes are the prefixes of words, so that a
  // caller trying every word that starts at one place extends the match one
  // character at a time instead of looking up each candidate again:
  //   for (uint32_t n = Dictionary::kRoot; ... ) {
  //     n = dict.Child(n, text[i]);  if (n == Dictionary::kRoot) break;
  //     const Dictionary::Entry& e = dict.EntryAt(n); ...
  //   }
  // kRoot is the empty prefix, and also what Child returns for "no word
  // continues so".
  static constexpr uint32_t kRoot = 0;
  uint32_t Child(uint32_t node, char32_t c) const {
    if (node == kRoot && c < root_children_.size()) return root_children_[c];
    // Children are numbered consecutively and sorted by label: the range
    // is halved down to one candidate without a branch on the labels (the
    // half that may hold c is kept), since where c falls among a node's
    // children is what a branch predictor cannot guess.
    uint32_t lo = first_child_[node];
    uint32_t count = first_child_[node + 1] - lo;
    if (count == 0) return kRoot;
    const char32_t* const labels = labels_.data();
    while (count > 1) {
      const uint32_t half = count / 2;
      lo = labels[lo + half] <= c ? lo + half : lo;
      count -= half;
    }
    return labels[lo] == c ? lo : kRoot;
  }
  // EntryAt is the entry of a node that Child returned (freq 0: a prefix).
  const Entry& EntryAt(uint32_t node) const { return entries_[node]; }

  double log_total() const { return log_total_; }
  size_t max_word_length() const { return max_length_; }
  size_t size() const { return words_; }

  // Builder gathers the rows while loading (internal).
  class Builder;

 private:
  // Nodes are numbered breadth first, the children of a node in label
  // order, so that the children of node n are the nodes
  // [first_child_[n], first_child_[n + 1]) and a node is three array slots:
  // about 20 bytes per prefix, against ~100 for a hash map of strings.
  std::vector<char32_t> labels_ = {0};          // per node: its last character
  std::vector<uint32_t> first_child_ = {1, 1};  // per node, plus one
  std::vector<Entry> entries_ = {Entry{}};      // per node
  // The root's children in the Basic Multilingual Plane, by code point (0:
  // none): the first step of every walk is one load.
  std::vector<uint32_t> root_children_;
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
