#include "service/core/segmenter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <new>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "absl/strings/str_cat.h"
#include "service/core/chars.h"
#include "service/core/utf8.h"

namespace reportfacts {

Pos PosFromTag(std::string_view tag) {
  if (tag.empty()) return Pos::kOther;
  if (tag == "agent") return Pos::kAgent;
  switch (tag[0]) {
    case 'n':
      if (tag == "nr" || tag == "nrt" || tag == "nrfg" || tag == "nr1" ||
          tag == "nr2") {
        return Pos::kPersonName;
      }
      if (tag == "ns") return Pos::kPlaceName;
      return Pos::kNoun;
    case 'j':
      return Pos::kNoun;
    case 'l':
    case 'i':
      return Pos::kSetPhrase;
    case 'v':
      return tag == "vn" ? Pos::kVerbalNoun : Pos::kVerb;
    case 'a':
      return tag == "an" ? Pos::kVerbalNoun : Pos::kAdjective;
    case 'b':
      return Pos::kDistinguisher;
    case 'd':
      return Pos::kAdverb;
    case 'm':
      return Pos::kNumeral;
    case 'q':
      return Pos::kMeasure;
    case 'r':
      return Pos::kPronoun;
    case 'p':
      return Pos::kPreposition;
    case 'c':
      return Pos::kConjunction;
    case 'u':
      return Pos::kParticle;
    case 'f':
      return Pos::kLocality;
    case 't':
      return Pos::kTime;
    case 's':
      return Pos::kPlace;
    case 'x':
      return Pos::kPunctuation;
    default:
      return Pos::kOther;
  }
}

namespace {

// Tables of at least a quarter of a huge page are rounded up to whole huge
// pages (the 256 KB root table wastes 1.75 MB of a page, and saves its 64
// small pages' TLB entries).
constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kHugeTableMin = kHugePage / 8;
constexpr std::align_val_t kLineAlignment{64};

bool OnHugePages(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  return bytes >= kHugeTableMin;
#else
  (void)bytes;
  return false;
#endif
}

size_t HugePageBytes(size_t bytes) {
  return (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

}  // namespace

void* AllocateTable(size_t bytes) {
  if (!OnHugePages(bytes)) return ::operator new(bytes, kLineAlignment);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // An aligned run of whole huge pages, advised as such before its first
  // touch so that its faults map huge pages (with THP set to "madvise");
  // where the advice is refused it stays ordinary memory.
  const size_t size = HugePageBytes(bytes);
  void* table = std::aligned_alloc(kHugePage, size);
  if (table == nullptr) throw std::bad_alloc();
  madvise(table, size, MADV_HUGEPAGE);
  return table;
#else
  return ::operator new(bytes, kLineAlignment);
#endif
}

void FreeTable(void* table, size_t bytes) {
  if (!OnHugePages(bytes)) {
    ::operator delete(table, kLineAlignment);
    return;
  }
  std::free(table);
}

static_assert(sizeof(Dictionary::Node) == 16,
              "a trie step should read one 16-byte node");

namespace {

// CountCodePoints counts the code points of valid UTF-8: its bytes that
// are not continuation bytes (10xxxxxx).
size_t CountCodePoints(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// NextCodePoint decodes the valid UTF-8 sequence at `*pos` and moves past it.
char32_t NextCodePoint(std::string_view utf8, uint32_t* pos) {
  const auto byte = [&](uint32_t i) {
    return static_cast<char32_t>(static_cast<unsigned char>(utf8[i]));
  };
  const char32_t b0 = byte(*pos);
  if (b0 < 0x80) {
    *pos += 1;
    return b0;
  }
  if (b0 < 0xE0) {
    const char32_t cp = ((b0 & 0x1F) << 6) | (byte(*pos + 1) & 0x3F);
    *pos += 2;
    return cp;
  }
  if (b0 < 0xF0) {
    const char32_t cp = ((b0 & 0x0F) << 12) | ((byte(*pos + 1) & 0x3F) << 6) |
                        (byte(*pos + 2) & 0x3F);
    *pos += 3;
    return cp;
  }
  const char32_t cp = ((b0 & 0x07) << 18) | ((byte(*pos + 1) & 0x3F) << 12) |
                      ((byte(*pos + 2) & 0x3F) << 6) | (byte(*pos + 3) & 0x3F);
  *pos += 4;
  return cp;
}

}  // namespace

// Builder gathers the rows with their words in UTF-8 in one buffer (a
// third of the code points' size for Chinese), then builds the trie of
// every word and every prefix of a word (so that the graph search knows
// when to stop). UTF-8 sorts bytewise in code point order, so the words
// are sorted as bytes and decoded one character per trie level.
class Dictionary::Builder {
 public:
  void Reserve(size_t rows, size_t bytes) {
    rows_.reserve(rows);
    buffer_.reserve(bytes);
  }
  void Add(std::u32string_view word, Pos pos, uint32_t freq, bool overlay) {
    if (word.empty() || word.size() > 255) return;
    const size_t offset = buffer_.size();
    for (char32_t c : word) AppendUtf8(c, &buffer_);
    AddRow(offset, word.size(), pos, freq, overlay);
  }
  // AddUtf8 adds a valid UTF-8 word of `code_points` characters (1..255).
  void AddUtf8(std::string_view word, size_t code_points, Pos pos,
               uint32_t freq, bool overlay) {
    const size_t offset = buffer_.size();
    buffer_.append(word);
    AddRow(offset, code_points, pos, freq, overlay);
  }

  Dictionary Build() {
    Dictionary dict;
    const std::string_view all(buffer_);
    const auto word_of = [&](uint32_t row) {
      return all.substr(rows_[row].offset, rows_[row].bytes);
    };
    // The distinct words in code point order (as rows that spell them),
    // and each row's word.
    std::vector<uint32_t> order = SortedRows(word_of);
    std::vector<uint32_t> words;  // a row of each distinct word
    std::vector<uint32_t> word_of_row(rows_.size());
    for (uint32_t i : order) {
      if (words.empty() || word_of(words.back()) != word_of(i)) {
        words.push_back(i);
      }
      word_of_row[i] = static_cast<uint32_t>(words.size() - 1);
    }
    std::vector<uint32_t>().swap(order);

    // Breadth first, one depth at a time: the sorted words that reach a
    // depth give its nodes in order of parent, then of label. `at[w]` is
    // the node of word w's prefix built so far, `next[w]` the byte where
    // its next character starts.
    std::vector<uint32_t> at(words.size(), kRoot);
    std::vector<uint32_t> next(words.size());
    std::vector<uint32_t> active(words.size());
    for (uint32_t w = 0; w < active.size(); ++w) {
      active[w] = w;
      next[w] = rows_[words[w]].offset;
    }
    // The children of a node are made after those of the nodes before it,
    // so the first child made for a parent is where its range begins, and
    // a node without children begins (and ends) where the next one begins.
    std::vector<char32_t> labels = {0};       // per node: its last character
    std::vector<uint32_t> first_child = {0};  // per node, plus one
    size_t ranges_set = 0;  // nodes whose first_child is known
    for (size_t depth = 0; !active.empty(); ++depth) {
      uint32_t last_parent = 0, last_node = 0;
      char32_t last_label = 0;
      size_t kept = 0;
      for (size_t k = 0; k < active.size(); ++k) {
        const uint32_t w = active[k];
        const char32_t c = NextCodePoint(all, &next[w]);
        if (last_node == 0 || at[w] != last_parent || c != last_label) {
          last_node = static_cast<uint32_t>(labels.size());
          labels.push_back(c);
          first_child.push_back(0);
          for (; ranges_set <= at[w]; ++ranges_set) {
            first_child[ranges_set] = last_node;
          }
          last_parent = at[w];
          last_label = c;
        }
        at[w] = last_node;
        const Row& row = rows_[words[w]];
        if (next[w] < row.offset + row.bytes) active[kept++] = w;
      }
      active.resize(kept);
    }
    std::vector<uint32_t>().swap(next);
    std::vector<uint32_t>().swap(active);
    const size_t nodes = labels.size();
    first_child.push_back(0);
    for (; ranges_set <= nodes; ++ranges_set) {
      first_child[ranges_set] = static_cast<uint32_t>(nodes);
    }
    dict.root_children_.assign(0x10000, kRoot);
    for (uint32_t n = first_child[0]; n < first_child[1]; ++n) {
      if (labels[n] < 0x10000) dict.root_children_[labels[n]] = n;
    }

    // Entries, row by row in file order: the first row of a word gives its
    // frequency and tag, an overlay row may raise the one and replace the
    // other.
    struct Entry {
      uint32_t freq = 0;  // 0: a prefix only
      Pos pos = Pos::kUnknown;
    };
    std::vector<Entry> entries(nodes);
    double total = 0;
    for (size_t i = 0; i < rows_.size(); ++i) {
      const Row& row = rows_[i];
      Entry& e = entries[at[word_of_row[i]]];
      if (e.freq == 0) {
        ++dict.words_;
        e.freq = std::max<uint32_t>(row.freq, 1);
        e.pos = row.pos;
        total += e.freq;
      } else if (row.overlay) {
        // An overlay keeps a word at least as likely as it was.
        if (row.freq > e.freq) {
          total += row.freq - e.freq;
          e.freq = row.freq;
        }
        e.pos = row.pos;
      }
      dict.max_length_ = std::max<size_t>(dict.max_length_, row.code_points);
    }
    dict.log_total_ = std::log(std::max(total, 1.0));
    dict.nodes_.assign(nodes + 1, Node{});
    for (size_t n = 0; n < nodes; ++n) {
      Node& node = dict.nodes_[n];
      node.label = labels[n];
      node.first_child = first_child[n];
      if (entries[n].freq > 0) {
        node.is_word = true;
        node.pos = entries[n].pos;
        node.log_freq =
            static_cast<float>(std::log(static_cast<double>(entries[n].freq)));
      }
    }
    dict.nodes_[nodes].first_child = first_child[nodes];
    dict.IndexSecondLevel();
    return dict;
  }

 private:
  // SortedRows returns the row indices ordered by word. Comparing strings
  // is most of the cost of a sort of 300,000 words, so the rows are first
  // sorted as integers (the first five bytes of the word above the row
  // index), and only runs that share those bytes by the words themselves.
  template <typename WordOf>
  std::vector<uint32_t> SortedRows(const WordOf& word_of) const {
    const size_t n = rows_.size();
    std::vector<uint32_t> order(n);
    constexpr int kIndexBits = 24;
    if (n >= (size_t{1} << kIndexBits)) {  // too many for the packed keys
      for (uint32_t i = 0; i < n; ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return word_of(a) < word_of(b);
      });
      return order;
    }
    const auto prefix = [&](uint32_t row) {
      const std::string_view w = word_of(row);
      uint64_t key = 0;  // shorter words padded with zero bytes sort first
      for (size_t k = 0; k < 5; ++k) {
        key = (key << 8) | (k < w.size() ? static_cast<uint8_t>(w[k]) : 0);
      }
      return key;
    };
    std::vector<uint64_t> keys(n);
    for (uint32_t i = 0; i < n; ++i) keys[i] = (prefix(i) << kIndexBits) | i;
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < n; ++i) {
      order[i] = static_cast<uint32_t>(keys[i] & ((1u << kIndexBits) - 1));
    }
    for (size_t i = 0; i < n;) {
      size_t j = i + 1;
      while (j < n && (keys[j] >> kIndexBits) == (keys[i] >> kIndexBits)) ++j;
      if (j - i > 1) {
        std::sort(
            order.begin() + i, order.begin() + j,
            [&](uint32_t a, uint32_t b) { return word_of(a) < word_of(b); });
      }
      i = j;
    }
    return order;
  }

  struct Row {
    uint32_t offset;  // of the word in buffer_
    uint32_t freq;
    uint16_t bytes;
    uint8_t code_points;
    Pos pos;
    bool overlay;
  };
  void AddRow(size_t offset, size_t code_points, Pos pos, uint32_t freq,
              bool overlay) {
    rows_.push_back({static_cast<uint32_t>(offset), freq,
                     static_cast<uint16_t>(buffer_.size() - offset),
                     static_cast<uint8_t>(code_points), pos, overlay});
  }
  std::string buffer_;
  std::vector<Row> rows_;
};

namespace {

// An overlay word without a frequency is made this likely, so that it wins
// over the split of common words it contains.
constexpr uint32_t kOverlayFreq = 5000;
constexpr uint32_t kRarePhraseFreq = 3;

// The tags of jieba's dictionary, and the genre's "agent".
bool IsKnownTag(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "n",  "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz",   "j",  "l",
      "i",  "v",  "vd", "vg",   "vi",  "vn", "vq", "a",    "ad", "ag",
      "an", "b",  "d",  "df",   "dg",  "m",  "mq", "q",    "r",  "rg",
      "rr", "rz", "p",  "c",    "u",   "ud", "ug", "uj",   "ul", "uv",
      "uz", "f",  "t",  "tg",   "s",   "x",  "e",  "o",    "y",  "z",
      "zg", "h",  "k",  "g",    "eng", "mg", "yg", "agent"};
  for (std::string_view t : kTags) {
    if (t == tag) return true;
  }
  return false;
}

bool ParseFreq(std::string_view text, uint32_t* freq) {
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), *freq);
  return error == std::errc() && end == text.data() + text.size();
}

// ReadFile reads a whole file into `bytes`.
bool ReadFile(const std::string& path, std::string* bytes) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  bytes->clear();
  char chunk[1 << 16];
  size_t got;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    if (size > 0) bytes->reserve(static_cast<size_t>(size));
    std::rewind(f);
  }
  while ((got = std::fread(chunk, 1, sizeof(chunk), f)) > 0) {
    bytes->append(chunk, got);
  }
  const bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

absl::Status ReadJieba(const std::string& path, Dictionary::Builder* b) {
  std::string bytes;
  if (!ReadFile(path, &bytes)) {
    return absl::NotFoundError(absl::StrCat("cannot open ", path));
  }
  if (auto bad = FindInvalidUtf8(bytes)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": invalid UTF-8 at byte ", *bad));
  }
  // A line per row; the words are about half of a line's bytes.
  b->Reserve(
      static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1,
      bytes.size() / 2);
  size_t pos = 0;
  int line_number = 0;
  while (pos < bytes.size()) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string::npos) eol = bytes.size();
    std::string_view line(bytes.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const size_t s1 = line.find(' ');
    if (s1 == std::string_view::npos || s1 == 0) {
      return DataLineError(path, line_number, "expected 'word freq [tag]'");
    }
    const size_t s2 = line.find(' ', s1 + 1);
    const std::string_view freq_text =
        line.substr(s1 + 1, s2 == std::string_view::npos ? s2 : s2 - s1 - 1);
    uint32_t freq = 0;
    if (!ParseFreq(freq_text, &freq)) {
      return DataLineError(path, line_number, "bad frequency");
    }
    const std::string_view tag =
        s2 == std::string_view::npos ? std::string_view() : line.substr(s2 + 1);
    const std::string_view word = line.substr(0, s1);
    const size_t size = CountCodePoints(word);
    // jieba's rarest long entries (frequency 3 or less, four characters or
    // more) are mostly phrases (开展调研, 充分利用) cut better by their parts.
    if (size == 0 || size > 255 || (size >= 4 && freq <= kRarePhraseFreq)) {
      continue;
    }
    b->AddUtf8(word, size, tag.empty() ? Pos::kOther : PosFromTag(tag), freq,
               false);
  }
  return absl::OkStatus();
}

absl::Status ReadOverlay(const std::string& path, Dictionary::Builder* b) {
  auto lines = ReadDataLines(path);
  if (!lines.ok()) return lines.status();
  for (const DataLine& line : *lines) {
    const auto& f = line.fields;
    if (f.size() < 2 || f.size() > 3 || f[0].empty() || f[1].empty()) {
      return DataLineError(path, line.line_number,
                           "expected word<TAB>tag[<TAB>freq]");
    }
    const Pos pos = PosFromTag(f[1]);
    if (!IsKnownTag(f[1])) {
      return DataLineError(path, line.line_number,
                           absl::StrCat("unknown tag '", f[1], "'"));
    }
    uint32_t freq = kOverlayFreq;
    if (f.size() == 3 && !ParseFreq(f[2], &freq)) {
      return DataLineError(path, line.line_number, "bad frequency");
    }
    const size_t size = CountCodePoints(f[0]);
    if (size == 0 || size > 255) continue;
    b->AddUtf8(f[0], size, pos, freq, true);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Dictionary> Dictionary::Load(
    const std::string& jieba_path,
    const std::vector<std::string>& overlay_paths) {
  Builder builder;
  if (absl::Status s = ReadJieba(jieba_path, &builder); !s.ok()) return s;
  for (const std::string& path : overlay_paths) {
    if (absl::Status s = ReadOverlay(path, &builder); !s.ok()) return s;
  }
  return builder.Build();
}

void Dictionary::IndexSecondLevel() {
  first_level_begin_ = nodes_[kRoot].first_child;
  first_level_size_ = nodes_[kRoot + 1].first_child - first_level_begin_;
  const uint32_t first_end = first_level_begin_ + first_level_size_;
  size_t pairs = 0;
  for (uint32_t n = first_level_begin_; n < first_end; ++n) {
    pairs += nodes_[n + 1].first_child - nodes_[n].first_child;
  }
  // At most 1.25 keys a bucket of four: about one bucket in a hundred
  // overflows. At least one bucket stays with a free slot, which ends
  // every probe.
  size_t buckets = 1;
  while (buckets * 5 < pairs * 4 + 1) buckets *= 2;
  pair_buckets_.assign(buckets, PairBucket{});
  pair_mask_ = buckets - 1;
  for (uint32_t n = first_level_begin_; n < first_end; ++n) {
    if (nodes_[n].label >= 0x10000) continue;
    for (uint32_t child = nodes_[n].first_child;
         child < nodes_[n + 1].first_child; ++child) {
      if (nodes_[child].label >= 0x10000) continue;
      const uint32_t key = (nodes_[n].label << 16) | nodes_[child].label;
      for (size_t b = PairBucketOf(key);; b = (b + 1) & pair_mask_) {
        PairBucket& bucket = pair_buckets_[b];
        int slot = 0;
        while (slot < kPairSlots && bucket.keys[slot] != 0) ++slot;
        if (slot < kPairSlots) {
          bucket.keys[slot] = key;
          bucket.children[slot] = child;
          break;
        }
      }
    }
  }
}

Dictionary Dictionary::FromWords(const std::vector<Row>& rows) {
  Builder builder;
  for (const Row& row : rows) {
    builder.Add(row.word, PosFromTag(row.tag), row.freq, true);
  }
  return builder.Build();
}

namespace {

// Scratch is n + 1 values for one run: on the stack for a clause, on the
// heap for a longer span.
template <typename T>
class Scratch {
 public:
  explicit Scratch(size_t n) {
    if (n > kStack) {
      heap_.resize(n + 1);
      data_ = heap_.data();
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  T* data() { return data_; }

 private:
  static constexpr size_t kStack = 128;
  T stack_[kStack + 1];
  std::vector<T> heap_;
  T* data_ = stack_;
};

// SegmentHan cuts a run of Han characters [begin, end) along the most
// probable path of dictionary words; characters no word covers are merged
// into one kUnknown word.
void SegmentHan(std::u32string_view text, size_t begin, size_t end,
                const Dictionary& dict, std::vector<Word>* out) {
  const size_t n = end - begin;
  // route[i]: best log probability of text[begin + i, end); next[i]: the
  // length of the first word on that path; pos[i]: the class of that word
  // (kUnknown for a character no word is); first[k], second[k]: the nodes
  // of the walk from k after one and two characters (see
  // Dictionary::FirstTwoSteps), found ahead of the walk.
  Scratch<double> route_buffer(n);
  Scratch<uint8_t> next_buffer(n);
  Scratch<Pos> pos_buffer(n);
  Scratch<uint32_t> first_buffer(n);
  Scratch<uint32_t> second_buffer(n);
  double* const route = route_buffer.data();
  uint8_t* const next = next_buffer.data();
  Pos* const pos = pos_buffer.data();
  uint32_t* const first = first_buffer.data();
  uint32_t* const second = second_buffer.data();
  route[n] = 0.0;
  const double log_total = dict.log_total();
  const size_t max_length = std::min<size_t>(dict.max_word_length(), 32);
  // The walks run from the end backwards. The lines they read first are
  // fetched for every position before any walk, in three rounds (the
  // tables, the nodes they name, the children of the second), so that
  // the misses of a run overlap; each round reads what the one before
  // fetched. The first round ran with SegmentInto's scan for the run's
  // end (one loop over the run fewer).
  const char32_t* const run = text.data() + begin;
  for (size_t k = n; k-- > 0;) {
    dict.FirstTwoSteps(run[k], k + 1 < n ? run[k + 1] : char32_t{0}, &first[k],
                       &second[k]);
    dict.PrefetchNode(first[k]);
    dict.PrefetchNode(second[k]);
  }
  // (Only where a walk can reach a third character: the last two
  // positions end before.)
  for (size_t k = n < 2 ? 0 : n - 2; k-- > 0;) {
    dict.PrefetchChildrenOf(second[k]);
  }
  for (size_t i = n; i-- > 0;) {
    double best = -log_total + route[i + 1];  // the single character
    uint8_t best_length = 1;
    Pos best_pos = Pos::kUnknown;
    // Every word starting at i, one trie step per character; the first
    // two steps were taken ahead. The first steps are taken out of the
    // loop, so that the loop tests only what a longer word needs.
    const size_t limit = std::min(max_length, n - i);
    uint32_t node = first[i];
    if (node != Dictionary::kRoot) {
      // A one-character word always beats the character alone: its log
      // frequency is not negative.
      const Dictionary::Node& one = dict.NodeAt(node);
      if (one.is_word) {
        best = one.log_freq - log_total + route[i + 1];
        best_pos = one.pos;
      }
      node = second[i];
    }
    if (limit >= 2 && node != Dictionary::kRoot) {
      const Dictionary::Node& two = dict.NodeAt(node);
      if (two.is_word) {
        const double score = two.log_freq - log_total + route[i + 2];
        if (score > best) {
          best = score;
          best_length = 2;
          best_pos = two.pos;
        }
      }
      for (size_t len = 3; len <= limit; ++len) {
        node = dict.DeepChild(node, run[i + len - 1]);
        if (node == Dictionary::kRoot) break;
        const Dictionary::Node& e = dict.NodeAt(node);
        // A set phrase (解决问题, 迎难而上) is a clause, not a word: its
        // parts tell the rules more. A genre overlay can make one a noun.
        if (e.is_word & (e.pos != Pos::kSetPhrase)) {
          const double score = e.log_freq - log_total + route[i + len];
          if (score > best) {
            best = score;
            best_length = static_cast<uint8_t>(len);
            best_pos = e.pos;
          }
        }
      }
    }
    route[i] = best;
    next[i] = best_length;
    pos[i] = best_pos;
  }
  for (size_t i = 0; i < n;) {
    const size_t len = next[i];
    if (pos[i] == Pos::kUnknown && !out->empty() &&
        out->back().pos == Pos::kUnknown && out->back().end == begin + i) {
      out->back().end = begin + i + len;
    } else {
      out->push_back({begin + i, begin + i + len, pos[i]});
    }
    i += len;
  }
}

}  // namespace

std::vector<Word> Segment(std::u32string_view text, size_t begin, size_t end,
                          const Dictionary& dict) {
  std::vector<Word> out;
  SegmentInto(text, begin, end, dict, &out);
  return out;
}

void SegmentInto(std::u32string_view text, size_t begin, size_t end,
                 const Dictionary& dict, std::vector<Word>* words) {
  std::vector<Word>& out = *words;
  out.clear();
  end = std::min(end, text.size());
  // One allocation for a clause (a word per character at most), instead of
  // the vector growing word by word.
  if (begin < end) out.reserve(std::min<size_t>(end - begin, 64));
  size_t i = begin;
  while (i < end) {
    const char32_t c = text[i];
    size_t j = i + 1;
    if (IsCjk(c)) {
      // (SegmentHan's first round of fetches, the tables at each position
      // of the run, as the run is scanned.)
      while (j < end && IsCjk(text[j])) {
        dict.PrefetchTables(text[j - 1], text[j]);
        ++j;
      }
      dict.PrefetchTables(text[j - 1], char32_t{0});
      SegmentHan(text, i, j, dict, &out);
    } else if (IsDigit(c)) {
      while (j < end && (IsDigit(text[j]) || IsDecimalPoint(text[j]))) ++j;
      out.push_back({i, j, Pos::kDigits});
    } else if (IsLatin(c)) {
      while (j < end && IsLatin(text[j])) ++j;
      out.push_back({i, j, Pos::kLatin});
    } else if (!IsSpace(c)) {
      const Pos pos = dict.PosOf(text.substr(i, 1));
      out.push_back({i, j,
                     pos == Pos::kUnknown || pos == Pos::kOther
                         ? Pos::kPunctuation
                         : pos});
    }
    i = j;
  }
}

}  // namespace reportfacts
