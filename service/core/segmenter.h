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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/status/statusor.h"
#include "service/core/lexicon.h"

namespace reportfacts {

// Pos is a word's part of speech, the jieba (ICTCLAS) tags folded into the
// classes the phrase rules ask about.
// TableAllocator places a large table (the dictionary's trie and its
// indexes, megabytes read at random) on 2 MB pages where the system offers
// them, so that a walk's loads do not each miss the TLB and walk the page
// tables: a few pages map the whole dictionary. Small tables, and systems
// without such pages, get ordinary memory. Stateless: any two compare
// equal.
void* AllocateTable(size_t bytes);
void FreeTable(void* table, size_t bytes);
template <typename T>
struct TableAllocator {
  using value_type = T;
  TableAllocator() = default;
  template <typename U>
  TableAllocator(const TableAllocator<U>&) {}  // NOLINT: as allocators do
  T* allocate(size_t n) {
    return static_cast<T*>(AllocateTable(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) { FreeTable(p, n * sizeof(T)); }
  friend bool operator==(const TableAllocator&, const TableAllocator&) {
    return true;
  }
  friend bool operator!=(const TableAllocator&, const TableAllocator&) {
    return false;
  }
};
template <typename T>
using Table = std::vector<T, TableAllocator<T>>;

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
  // Node is one prefix of a word in the trie (see Child): its last
  // character, where its children begin, and, when the prefix is itself a
  // word, its class and log frequency. Everything one step of a walk reads
  // is in these 16 bytes, so a step touches one cache line where three
  // parallel arrays took three (the dictionary is far larger than a cache).
  struct Node {
    char32_t label = 0;
    uint32_t first_child = 0;  // its children are [first_child, next's)
    float log_freq = 0;        // log(freq), kept so that a cut computes no log
    Pos pos = Pos::kUnknown;
    bool is_word = false;  // false: a prefix of a longer word only
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

  // Find returns the word's node, or nullptr. A node that is not a word
  // (is_word false) is a prefix only: a longer word starts with it.
  const Node* Find(std::u32string_view word) const {
    if (word.empty()) return nullptr;
    uint32_t node = kRoot;
    for (char32_t c : word) {
      node = Child(node, c);
      if (node == kRoot) return nullptr;
    }
    return &nodes_[node];
  }
  bool Contains(std::u32string_view word) const {
    const Node* n = Find(word);
    return n != nullptr && n->is_word;
  }
  // PosOf returns the word's class, or kUnknown.
  Pos PosOf(std::u32string_view word) const {
    const Node* n = Find(word);
    return n != nullptr && n->is_word ? n->pos : Pos::kUnknown;
  }

  // The words form a trie whose nodes are the prefixes of words, so that a
  // caller trying every word that starts at one place extends the match one
  // character at a time instead of looking up each candidate again:
  //   for (uint32_t n = Dictionary::kRoot; ... ) {
  //     n = dict.Child(n, text[i]);  if (n == Dictionary::kRoot) break;
  //     const Dictionary::Node& word = dict.NodeAt(n); ...
  //   }
  // kRoot is the empty prefix, and also what Child returns for "no word
  // continues so".
  static constexpr uint32_t kRoot = 0;
  uint32_t Child(uint32_t node, char32_t c) const {
    if (node == kRoot && c < root_children_.size()) return root_children_[c];
    if (node - first_level_begin_ < first_level_size_ && c < 0x10000 &&
        nodes_[node].label < 0x10000) {
      return SecondLevelChild(node, c);
    }
    return DeepChild(node, c);
  }
  // DeepChild is Child for a node below the first level (two characters
  // or more), whose children only a search finds.
  uint32_t DeepChild(uint32_t node, char32_t c) const {
    // Children are numbered consecutively and sorted by label: the range
    // is halved down to one candidate without a branch on the labels (the
    // half that may hold c is kept), since where c falls among a node's
    // children is what a branch predictor cannot guess.
    const Node* const nodes = nodes_.data();
    uint32_t lo = nodes[node].first_child;
    uint32_t count = nodes[node + 1].first_child - lo;
    if (count == 0) return kRoot;
    while (count > 1) {
      const uint32_t half = count / 2;
      lo = nodes[lo + half].label <= c ? lo + half : lo;
      count -= half;
    }
    return nodes[lo].label == c ? lo : kRoot;
  }
  // SecondLevelChild is Child for a node of the first level (one
  // character) and a c in the Basic Multilingual Plane. A first character
  // has up to thousands of children, whose binary search reads a dozen
  // cache lines of a table far larger than a cache; one probe of a hash
  // table of the two-character prefixes reads one or two.
  uint32_t SecondLevelChild(uint32_t node, char32_t c) const {
    return PairChild((nodes_[node].label << 16) | c);
  }
  // PairChild is the node of the two-character prefix `key` (first << 16
  // | second), or kRoot. A probe reads one bucket (half a cache line) and
  // compares its four keys at once: no branch on where the key lies or
  // whether it is there (which a predictor cannot guess), only on the
  // rare full bucket that overflowed into the next.
  uint32_t PairChild(uint32_t key) const {
    for (size_t b = PairBucketOf(key);;) {
      const PairBucket& bucket = pair_buckets_[b];
      const uint32_t child = MatchInBucket(bucket, key);
      if (!((child == kRoot) & (bucket.keys[kPairSlots - 1] != 0))) {
        return child;
      }
      b = (b + 1) & pair_mask_;
    }
  }
  size_t PairBucketOf(uint32_t key) const {
    return static_cast<size_t>((key * uint64_t{0x9E3779B97F4A7C15}) >> 32) &
           pair_mask_;
  }

  // A walk from a character c0 followed by c1 first reads the root table
  // at c0, the pair table at (c0, c1) and the nodes they name, all in
  // tables far larger than a cache. A caller that knows which walks come
  // next (a segmentation runs one from every position of a run) asks for
  // those lines ahead, in rounds over the positions: PrefetchTables, then
  // FirstTwoSteps (it reads the lines PrefetchTables fetched) and
  // PrefetchNode on the nodes it names, then PrefetchChildrenOf the second
  // node. None changes a result. c1 is 0 when the walk cannot go past c0.
  void PrefetchTables(char32_t c0, char32_t c1) const {
    if (c0 >= root_children_.size()) return;
    PrefetchLine(&root_children_[c0]);
    if (c1 != 0 && c1 < 0x10000) {
      PrefetchLine(&pair_buckets_[PairBucketOf((c0 << 16) | c1)]);
    }
  }
  // FirstTwoSteps is the start of a walk from c0 then c1: *first is
  // Child(kRoot, c0) and *second is Child(*first, c1) (kRoot where *first
  // is kRoot, or c1 is 0). In the Basic Multilingual Plane it reads the root
  // and pair tables only, not the nodes, so that it can run ahead of the walk
  // and the walk starts at its third step, with no search left for the first
  // two.
  void FirstTwoSteps(char32_t c0, char32_t c1, uint32_t* first,
                     uint32_t* second) const {
    if (c0 >= root_children_.size()) {
      *first = Child(kRoot, c0);
      *second = *first == kRoot || c1 == 0 ? kRoot : Child(*first, c1);
      return;
    }
    // A node of the root table is of the first level, its label c0.
    *first = root_children_[c0];
    if (*first == kRoot || c1 == 0) {
      *second = kRoot;
    } else if (c1 < 0x10000) {
      *second = PairChild((c0 << 16) | c1);
    } else {
      *second = Child(*first, c1);
    }
  }
  void PrefetchNode(uint32_t node) const { PrefetchLine(&nodes_[node]); }
  // PrefetchChildrenOf fetches where a step from `node` begins its
  // search: the first and middle children.
  void PrefetchChildrenOf(uint32_t node) const {
    const uint32_t begin = nodes_[node].first_child;
    const uint32_t count = nodes_[node + 1].first_child - begin;
    PrefetchLine(&nodes_[begin]);
    PrefetchLine(&nodes_[begin + count / 2]);
  }

  // NodeAt is a node that Child returned.
  const Node& NodeAt(uint32_t node) const { return nodes_[node]; }

  double log_total() const { return log_total_; }
  size_t max_word_length() const { return max_length_; }
  size_t size() const { return words_; }

  // Builder gathers the rows while loading (internal).
  class Builder;

 private:
  // PrefetchLine asks for the cache line at `p`. GCC 12 drops
  // __builtin_prefetch from these loops as dead code, so on x86 it is the
  // instruction itself.
  static void PrefetchLine(const void* p) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
    __builtin_prefetch(p);
#endif
  }

  // IndexSecondLevel fills pair_buckets_ from the trie (after building it).
  void IndexSecondLevel();

  // Nodes are numbered breadth first, the children of a node in label
  // order, so that the children of node n are the nodes
  // [nodes_[n].first_child, nodes_[n + 1].first_child): 16 bytes per
  // prefix, against ~100 for a hash map of strings. One node more than
  // there are prefixes ends the last range.
  Table<Node> nodes_ = {Node{0, 1}, Node{0, 1}};
  // The root's children in the Basic Multilingual Plane, by code point (0:
  // none): the first step of every walk is one load.
  Table<uint32_t> root_children_;
  // The two-character prefixes (both in the Basic Multilingual Plane), by
  // key first << 16 | second, in buckets of half a cache line: a key
  // goes to the first bucket from its hash's on with a free slot, filled
  // in slot order (no key is 0, as no word starts with U+0000, so 0 is a
  // free slot and a full bucket's last key is not 0). A power of two of
  // buckets, at most 1.25 keys a bucket, so that few overflow. The first
  // level is the nodes [first_level_begin_, first_level_begin_ +
  // first_level_size_).
  static constexpr int kPairSlots = 4;
  struct alignas(32) PairBucket {
    uint32_t keys[kPairSlots];
    uint32_t children[kPairSlots];  // kRoot where the key is 0
  };
  // MatchInBucket is the child stored with `key` in the bucket, or kRoot.
  static uint32_t MatchInBucket(const PairBucket& bucket, uint32_t key) {
#if defined(__SSE2__)
    const __m128i wanted = _mm_set1_epi32(static_cast<int>(key));
    const __m128i* const lanes = reinterpret_cast<const __m128i*>(&bucket);
    // Keys are distinct: at most one lane keeps its child.
    __m128i child =
        _mm_and_si128(_mm_cmpeq_epi32(_mm_load_si128(lanes), wanted),
                      _mm_load_si128(lanes + 1));
    child = _mm_or_si128(child, _mm_shuffle_epi32(child, 0x4E));
    child = _mm_or_si128(child, _mm_shuffle_epi32(child, 0xB1));
    return static_cast<uint32_t>(_mm_cvtsi128_si32(child));
#else
    uint32_t child = kRoot;
    for (int s = 0; s < kPairSlots; ++s) {
      child |= bucket.keys[s] == key ? bucket.children[s] : 0;
    }
    return child;
#endif
  }
  Table<PairBucket> pair_buckets_ = Table<PairBucket>(1);
  size_t pair_mask_ = 0;
  uint32_t first_level_begin_ = 1;
  uint32_t first_level_size_ = 0;
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
// SegmentInto is Segment into a buffer the caller keeps (cleared first),
// so that a caller cutting many spans allocates once.
void SegmentInto(std::u32string_view text, size_t begin, size_t end,
                 const Dictionary& dict, std::vector<Word>* out);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_SEGMENTER_H_
