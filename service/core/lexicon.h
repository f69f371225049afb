// Word lists and tables loaded from the data folder.
//
// Every loader checks each line and names file:line in its error, so an
// analyst who edits a data file learns exactly what is wrong. Loaded data
// is immutable and safe for concurrent reads.
#ifndef REPORTFACTS_SERVICE_CORE_LEXICON_H_
#define REPORTFACTS_SERVICE_CORE_LEXICON_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace reportfacts {

// U32Hash and U32Eq let code point sets be probed with string views.
struct U32Hash {
  using is_transparent = void;
  size_t operator()(std::u32string_view s) const {
    return std::hash<std::u32string_view>()(s);
  }
};
struct U32Eq {
  using is_transparent = void;
  bool operator()(std::u32string_view a, std::u32string_view b) const {
    return a == b;
  }
};

// CharSet is a set of code points probed in a few instructions: a bit per
// Basic Multilingual Plane code point (8 KiB), a hash set for the rest.
class CharSet {
 public:
  void insert(char32_t c) {
    if (c < kTableSize) {
      bits_[c / 64] |= uint64_t{1} << (c % 64);
    } else {
      others_.insert(c);
    }
  }
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool contains(char32_t c) const {
    if (c < kTableSize) return (bits_[c / 64] >> (c % 64)) & 1;
    return ContainsOther(c);
  }

 private:
  // ContainsOther probes the code points beyond the table, out of line so
  // that contains() stays small enough to inline everywhere.
  bool ContainsOther(char32_t c) const;

  static constexpr char32_t kTableSize = 0x10000;
  // Inline rather than on the heap: a probe reads the bits at a fixed
  // offset from the set, with no pointer to load first.
  std::array<uint64_t, kTableSize / 64> bits_ = {};
  absl::flat_hash_set<char32_t> others_;
};

// DataLine is one non-comment, non-blank line of a data file, split on tabs.
struct DataLine {
  int line_number = 0;
  std::vector<std::string> fields;
};

// ReadDataLines reads a UTF-8 data file: '#' starts a comment line, blank
// lines are skipped, fields are tab-separated and trimmed. Invalid UTF-8 is
// an error naming file:line.
absl::StatusOr<std::vector<DataLine>> ReadDataLines(const std::string& path);

// DataLineError builds INVALID_ARGUMENT "path:line: message".
absl::Status DataLineError(const std::string& path, int line,
                           std::string_view message);

// WordSet answers "which listed word ends (or starts) here" on code points.
//
// Words live in two tries (one read forwards, one backwards), so a lookup
// costs one step per character it walks, and the walk usually stops after
// the first character: far cheaper than hashing every candidate substring.
class WordSet {
 public:
  void Add(std::u32string_view word);
  bool Contains(std::u32string_view word) const;
  bool empty() const { return words_ == 0; }
  // HasWordStartingWith tells whether some word begins with `c`.
  bool HasWordStartingWith(char32_t c) const {
    return forwards_.FirstStep(c) != 0;
  }

  // LongestEndingAt returns the length of the longest word w such that
  // text[end - len(w), end) == w and end - len(w) >= floor, or 0.
  size_t LongestEndingAt(std::u32string_view text, size_t end,
                         size_t floor = 0) const;
  // LongestStartingAt returns the length of the longest word that starts at
  // `begin` and ends at or before `limit`, or 0.
  size_t LongestStartingAt(std::u32string_view text, size_t begin,
                           size_t limit) const;

 private:
  // The rest of a lookup whose first character led to `node`.
  size_t ContinueEndingAt(std::u32string_view text, size_t end, size_t floor,
                          uint32_t node) const;
  size_t ContinueStartingAt(std::u32string_view text, size_t begin,
                            size_t limit, uint32_t node) const;

  // Trie is a set of words read in one direction; node 0 is the root.
  class Trie {
   public:
    void Add(std::u32string_view word, bool backwards);
    // Child returns the node reached from `node` by `c`, or 0 for none.
    uint32_t Child(uint32_t node, char32_t c) const {
      if (node == 0 && c < kRootTableSize) return RootChild(c);
      // Deeper nodes have a few children each, kept sorted in a small
      // array. The range is halved down to one candidate without a branch
      // on the labels (the half that may hold c is kept): a scan's exit
      // depends on where c falls, which a branch predictor cannot guess,
      // and most nodes have one child, compared at once.
      const Node& n = nodes_[node];
      uint32_t count = n.edge_count;
      if (count == 0) return 0;
      const Edge* edge = edges_.data() + n.first_edge;
      while (count > 1) {
        const uint32_t half = count / 2;
        edge = edge[half].label <= c ? edge + half : edge;
        count -= half;
      }
      return edge->label == c ? edge->child : 0;
    }
    // FirstStep is Child(0, c): most walks end at the root, whose children
    // in the Basic Multilingual Plane are a direct table, in pages of 256
    // code points that exist only where a word starts (page 0 is all zeros
    // and stands for every other).
    ABSL_ATTRIBUTE_ALWAYS_INLINE uint32_t FirstStep(char32_t c) const {
      return c < kRootTableSize ? RootChild(c) : Child(0, c);
    }
    bool IsWordEnd(uint32_t node) const {
      return nodes_[node].flags & kWordEnd;
    }
    // HasChildren is false at the end of the longest words, where a walk
    // can stop at once.
    bool HasChildren(uint32_t node) const {
      return nodes_[node].flags & kHasChildren;
    }

   private:
    struct Edge {
      char32_t label;
      uint32_t child;
    };
    // Node is where a node's edges lie in edges_ and what it is. All the
    // nodes and all the edges are in two arrays, so that a step reads two
    // cache lines near the ones before it, where an array of edges per node
    // scattered them over the heap. A node's edges take a block of a power
    // of two slots; a full block moves to the end of edges_ at twice the
    // size (loading only; the old block is left unused).
    struct Node {
      uint32_t first_edge = 0;
      uint32_t edge_count = 0;
      uint8_t flags = 0;
    };
    static constexpr char32_t kRootTableSize = 0x10000;
    static constexpr int kPageBits = 8;
    static constexpr char32_t kPageSize = char32_t{1} << kPageBits;
    static constexpr uint8_t kWordEnd = 1;
    static constexpr uint8_t kHasChildren = 2;
    // NewNode adds a node and returns its id.
    uint32_t NewNode();
    // InsertEdge puts `edge` at position `at` of the node's edges.
    void InsertEdge(uint32_t node, uint32_t at, Edge edge);
    ABSL_ATTRIBUTE_ALWAYS_INLINE uint32_t RootChild(char32_t c) const {
      return root_slots_[root_pages_[c >> kPageBits] * kPageSize +
                         (c & (kPageSize - 1))];
    }
    // root_pages_[c >> 8] is the page of root_slots_ for c, 0 for none.
    uint16_t root_pages_[kRootTableSize >> kPageBits] = {};
    std::vector<uint32_t> root_slots_ = std::vector<uint32_t>(kPageSize);
    std::vector<Node> nodes_ = {Node{}};
    std::vector<Edge> edges_;  // each node's block sorted by label
  };

  Trie forwards_;
  Trie backwards_;
  size_t words_ = 0;
};

// The first step of a lookup is inline: it runs at nearly every character
// of a text, and it is usually the last.
ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t WordSet::LongestEndingAt(
    std::u32string_view text, size_t end, size_t floor) const {
  if (end > text.size() || end <= floor) return 0;
  const uint32_t node = backwards_.FirstStep(text[end - 1]);
  return node == 0 ? 0 : ContinueEndingAt(text, end, floor, node);
}

ABSL_ATTRIBUTE_ALWAYS_INLINE inline size_t WordSet::LongestStartingAt(
    std::u32string_view text, size_t begin, size_t limit) const {
  limit = std::min(limit, text.size());
  if (begin >= limit) return 0;
  const uint32_t node = forwards_.FirstStep(text[begin]);
  return node == 0 ? 0 : ContinueStartingAt(text, begin, limit, node);
}

// LoadWordSet reads a one-word-per-line file.
absl::StatusOr<WordSet> LoadWordSet(const std::string& path);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_LEXICON_H_
