#include "service/core/lexicon.h"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// Trim drops ASCII blanks at both ends.
std::string Trim(const std::string& s) {
  const char* blanks = " \t\r\n";
  const size_t b = s.find_first_not_of(blanks);
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(blanks) - b + 1);
}

}  // namespace

absl::Status DataLineError(const std::string& path, int line,
                           std::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat(path, ":", line, ": ", std::string(message)));
}

absl::StatusOr<std::vector<DataLine>> ReadDataLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return absl::NotFoundError(absl::StrCat("cannot open data file ", path));
  std::vector<DataLine> lines;
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (auto bad = FindInvalidUtf8(raw)) {
      return DataLineError(path, number,
                           absl::StrCat("invalid UTF-8 at byte ", *bad));
    }
    const std::string trimmed = Trim(raw);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    DataLine line;
    line.line_number = number;
    size_t start = 0;
    while (true) {
      const size_t tab = raw.find('\t', start);
      line.fields.push_back(Trim(raw.substr(start, tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

bool CharSet::ContainsOther(char32_t c) const { return others_.contains(c); }

size_t WordSet::ContinueEndingAt(std::u32string_view text, size_t end,
                                 size_t floor, uint32_t node) const {
  size_t longest = backwards_.IsWordEnd(node) ? 1 : 0;
  if (!backwards_.HasChildren(node)) return longest;
  for (size_t i = end - 1; i > floor; --i) {
    node = backwards_.Child(node, text[i - 1]);
    if (node == 0) break;
    if (backwards_.IsWordEnd(node)) longest = end - (i - 1);
    if (!backwards_.HasChildren(node)) break;
  }
  return longest;
}

size_t WordSet::ContinueStartingAt(std::u32string_view text, size_t begin,
                                   size_t limit, uint32_t node) const {
  size_t longest = forwards_.IsWordEnd(node) ? 1 : 0;
  if (!forwards_.HasChildren(node)) return longest;
  for (size_t i = begin + 1; i < limit; ++i) {
    node = forwards_.Child(node, text[i]);
    if (node == 0) break;
    if (forwards_.IsWordEnd(node)) longest = i + 1 - begin;
    if (!forwards_.HasChildren(node)) break;
  }
  return longest;
}

uint32_t WordSet::Trie::NewNode() {
  nodes_.emplace_back();
  return static_cast<uint32_t>(nodes_.size() - 1);
}

void WordSet::Trie::Add(std::u32string_view word, bool backwards) {
  uint32_t node = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const char32_t c = backwards ? word[word.size() - 1 - i] : word[i];
    nodes_[node].flags |= kHasChildren;
    if (node == 0 && c < kRootTableSize) {
      uint16_t& page = root_pages_[c >> kPageBits];
      if (page == 0) {
        page = static_cast<uint16_t>(root_slots_.size() / kPageSize);
        root_slots_.resize(root_slots_.size() + kPageSize, 0);
      }
      uint32_t& slot = root_slots_[page * kPageSize + (c & (kPageSize - 1))];
      if (slot == 0) slot = NewNode();
      node = slot;
      continue;
    }
    const Node& n = nodes_[node];
    const Edge* const edges = edges_.data() + n.first_edge;
    const uint32_t at = static_cast<uint32_t>(
        std::lower_bound(edges, edges + n.edge_count, c,
                         [](const Edge& edge, char32_t label) {
                           return edge.label < label;
                         }) -
        edges);
    if (at == n.edge_count || edges[at].label != c) {
      const uint32_t child = NewNode();  // moves nodes_: `n` is stale
      InsertEdge(node, at, {c, child});
    }
    node = edges_[nodes_[node].first_edge + at].child;
  }
  nodes_[node].flags |= kWordEnd;
}

void WordSet::Trie::InsertEdge(uint32_t node, uint32_t at, Edge edge) {
  Node& n = nodes_[node];
  // A block is full when its count is a power of two (or it has none).
  if ((n.edge_count & (n.edge_count - 1)) == 0) {
    const size_t moved = edges_.size();
    edges_.resize(moved + std::max<uint32_t>(1, 2 * n.edge_count));
    std::copy(edges_.begin() + n.first_edge,
              edges_.begin() + n.first_edge + n.edge_count,
              edges_.begin() + static_cast<std::ptrdiff_t>(moved));
    n.first_edge = static_cast<uint32_t>(moved);
  }
  Edge* const edges = edges_.data() + n.first_edge;
  std::copy_backward(edges + at, edges + n.edge_count,
                     edges + n.edge_count + 1);
  edges[at] = edge;
  ++n.edge_count;
}

void WordSet::Add(std::u32string_view word) {
  if (word.empty() || Contains(word)) return;
  forwards_.Add(word, /*backwards=*/false);
  backwards_.Add(word, /*backwards=*/true);
  ++words_;
}

bool WordSet::Contains(std::u32string_view word) const {
  if (word.empty()) return false;
  uint32_t node = 0;
  for (char32_t c : word) {
    node = forwards_.Child(node, c);
    if (node == 0) return false;
  }
  return forwards_.IsWordEnd(node);
}

absl::StatusOr<WordSet> LoadWordSet(const std::string& path) {
  auto lines = ReadDataLines(path);
  if (!lines.ok()) return lines.status();
  WordSet set;
  for (const DataLine& line : *lines) {
    if (line.fields.size() != 1 ||
        line.fields[0].find(' ') != std::string::npos) {
      return DataLineError(path, line.line_number,
                           "expected one word per line");
    }
    set.Add(DecodeUtf8(line.fields[0]));
  }
  if (set.empty()) return DataLineError(path, 0, "no words");
  return set;
}

}  // namespace reportfacts
