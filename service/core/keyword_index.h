// KeywordIndex finds, in one pass over a short text, which of a fixed set
// of words occur in it anywhere, as a bit set of word ids. The taxonomy
// asks "does the object contain any of these words" for every rule; with
// the index a text is read once however many rules and words there are.
//
//   KeywordIndex index;
//   const int id = index.Add(U"提案");      // same word: same id
//   KeywordIndex::Bits found = index.Find(U"委员提案");  // has bit `id`
#ifndef REPORTFACTS_SERVICE_CORE_KEYWORD_INDEX_H_
#define REPORTFACTS_SERVICE_CORE_KEYWORD_INDEX_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"

namespace reportfacts {

class KeywordIndex {
 public:
  // Bits holds one bit per word id. Sets of up to kInlineWords ids cost no
  // allocation; beyond that they grow, so there is no limit on the words.
  static constexpr int kInlineWords = 256;
  using Bits = absl::InlinedVector<uint64_t, kInlineWords / 64>;

  // Add returns the id of `word` (non-empty), adding it if new.
  int Add(std::u32string_view word);

  // IdOf returns the id of `word` itself, or -1 if it was never added.
  int IdOf(std::u32string_view word) const;

  // Find returns the ids of every word occurring in `text`.
  Bits Find(std::u32string_view text) const;

  static void Set(int id, Bits* bits) {
    const size_t word = static_cast<size_t>(id) / 64;
    if (bits->size() <= word) bits->resize(word + 1, 0);
    (*bits)[word] |= uint64_t{1} << (id % 64);
  }
  // First returns the lowest id in `bits`, or -1 when there is none.
  static int First(const Bits& bits) {
    for (size_t i = 0; i < bits.size(); ++i) {
      if (bits[i] != 0) {
        return static_cast<int>(i * 64) + __builtin_ctzll(bits[i]);
      }
    }
    return -1;
  }
  // ForEach calls fn(id) for every id in `bits`, lowest first.
  template <typename Fn>
  static void ForEach(const Bits& bits, Fn fn) {
    for (size_t i = 0; i < bits.size(); ++i) {
      for (uint64_t rest = bits[i]; rest != 0; rest &= rest - 1) {
        fn(static_cast<int>(i * 64) + __builtin_ctzll(rest));
      }
    }
  }
  static void OrInto(const Bits& from, Bits* into) {
    if (into->size() < from.size()) into->resize(from.size(), 0);
    for (size_t i = 0; i < from.size(); ++i) (*into)[i] |= from[i];
  }
  static void AndInto(const Bits& from, Bits* into) {
    for (size_t i = 0; i < into->size(); ++i) {
      (*into)[i] &= i < from.size() ? from[i] : 0;
    }
  }

  int words() const { return words_; }

 private:
  struct Node {
    std::vector<std::pair<char32_t, uint32_t>> children;  // sorted by label
    int word_id = -1;
  };
  // Child returns the node under `node` labelled `c`, or 0 for none.
  uint32_t Child(uint32_t node, char32_t c) const;

  // MayStartWord is a bit test of whether some word begins with `c` (Basic
  // Multilingual Plane; others are looked up): most characters of a text
  // start none, and are passed over without a search of the root.
  bool MayStartWord(char32_t c) const {
    return c >= kFirstTableSize || ((first_[c / 64] >> (c % 64)) & 1) != 0;
  }

  // RootChild is Child(0, c). The root's children in the Basic
  // Multilingual Plane are, in order, the set bits of first_: the rank of
  // c's bit (the bits before it, counted) is its child's place, found
  // without a search of the root's many children.
  uint32_t RootChild(char32_t c) const {
    if (c >= kFirstTableSize) return Child(0, c);
    const uint64_t bits = first_[c / 64];
    const uint64_t bit = uint64_t{1} << (c % 64);
    if ((bits & bit) == 0) return 0;
    const size_t place =
        first_before_[c / 64] +
        static_cast<size_t>(__builtin_popcountll(bits & (bit - 1)));
    return nodes_[0].children[place].second;
  }

  static constexpr char32_t kFirstTableSize = 0x10000;
  std::vector<Node> nodes_ = std::vector<Node>(1);  // node 0 is the root
  std::vector<uint64_t> first_ = std::vector<uint64_t>(kFirstTableSize / 64);
  // first_before_[k] counts the bits of first_ in the words before word k.
  std::vector<uint32_t> first_before_ =
      std::vector<uint32_t>(kFirstTableSize / 64);
  int words_ = 0;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_KEYWORD_INDEX_H_
