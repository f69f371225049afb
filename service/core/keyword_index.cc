#include "service/core/keyword_index.h"

#include <algorithm>

namespace reportfacts {

uint32_t KeywordIndex::Child(uint32_t node, char32_t c) const {
  // The range is halved down to one candidate without a branch on the
  // labels (the half that may hold c is kept): where c falls among the
  // root's many children is what a branch predictor cannot guess.
  const auto& children = nodes_[node].children;
  size_t count = children.size();
  if (count == 0) return 0;
  const std::pair<char32_t, uint32_t>* edge = children.data();
  while (count > 1) {
    const size_t half = count / 2;
    edge = edge[half].first <= c ? edge + half : edge;
    count -= half;
  }
  return edge->first == c ? edge->second : 0;
}

int KeywordIndex::IdOf(std::u32string_view word) const {
  if (word.empty()) return nodes_[0].word_id;
  uint32_t node = RootChild(word[0]);
  if (node == 0) return -1;
  for (const char32_t c : word.substr(1)) {
    node = Child(node, c);
    if (node == 0) return -1;
  }
  return nodes_[node].word_id;
}

int KeywordIndex::Add(std::u32string_view word) {
  if (!word.empty() && word[0] < kFirstTableSize) {
    const char32_t c = word[0];
    const uint64_t bit = uint64_t{1} << (c % 64);
    if ((first_[c / 64] & bit) == 0) {
      first_[c / 64] |= bit;
      for (size_t k = c / 64 + 1; k < first_before_.size(); ++k) {
        ++first_before_[k];
      }
    }
  }
  uint32_t node = 0;
  for (const char32_t c : word) {
    uint32_t next = Child(node, c);
    if (next == 0) {
      next = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      auto& children = nodes_[node].children;
      children.insert(std::upper_bound(children.begin(), children.end(),
                                       std::make_pair(c, uint32_t{0})),
                      {c, next});
    }
    node = next;
  }
  if (nodes_[node].word_id < 0) nodes_[node].word_id = words_++;
  return nodes_[node].word_id;
}

KeywordIndex::Bits KeywordIndex::Find(std::u32string_view text) const {
  Bits found{};
  for (size_t begin = 0; begin < text.size(); ++begin) {
    if (!MayStartWord(text[begin])) continue;
    uint32_t node = RootChild(text[begin]);
    for (size_t i = begin + 1; node != 0; ++i) {
      if (nodes_[node].word_id >= 0) Set(nodes_[node].word_id, &found);
      if (i >= text.size()) break;
      node = Child(node, text[i]);
    }
  }
  return found;
}

}  // namespace reportfacts
