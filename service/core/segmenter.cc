#include "service/core/segmenter.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <utility>

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

// Builder gathers rows in one buffer, then indexes every word and every
// prefix of a word (so that the graph search knows when to stop).
class Dictionary::Builder {
 public:
  void Add(std::u32string_view word, Pos pos, uint32_t freq, bool overlay) {
    if (word.empty() || word.size() > 255) return;
    rows_.push_back({static_cast<uint32_t>(buffer_->size()),
                     static_cast<uint8_t>(word.size()), pos, freq, overlay});
    buffer_->append(word);
  }
  std::u32string* buffer() { return buffer_.get(); }
  void AddRow(uint32_t offset, size_t size, Pos pos, uint32_t freq,
              bool overlay) {
    rows_.push_back({offset, static_cast<uint8_t>(size), pos, freq, overlay});
  }

  Dictionary Build() {
    Dictionary dict;
    auto entries = std::make_shared<Map>();
    entries->reserve(rows_.size() * 2);
    const std::u32string_view all(*buffer_);
    double total = 0;
    for (const Row& row : rows_) {
      const std::u32string_view word = all.substr(row.offset, row.size);
      for (size_t n = 1; n < word.size(); ++n) {
        entries->try_emplace(word.substr(0, n));
      }
      Entry& e = (*entries)[word];
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
      dict.max_length_ = std::max(dict.max_length_, word.size());
    }
    dict.log_total_ = std::log(std::max(total, 1.0));
    for (auto& [word, entry] : *entries) {
      if (entry.freq > 0) {
        entry.log_freq =
            static_cast<float>(std::log(static_cast<double>(entry.freq)));
      }
    }
    dict.buffer_ = std::move(buffer_);
    dict.entries_ = std::move(entries);
    return dict;
  }

 private:
  struct Row {
    uint32_t offset;
    uint8_t size;
    Pos pos;
    uint32_t freq;
    bool overlay;
  };
  std::shared_ptr<std::u32string> buffer_ = std::make_shared<std::u32string>();
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

absl::Status ReadJieba(const std::string& path, Dictionary::Builder* b) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  if (auto bad = FindInvalidUtf8(bytes)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": invalid UTF-8 at byte ", *bad));
  }
  std::u32string* buffer = b->buffer();
  buffer->reserve(bytes.size() / 3);
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
    const size_t offset = buffer->size();
    const std::string_view word = line.substr(0, s1);
    // Decode in place: the words are short and valid.
    for (size_t i = 0; i < word.size();) {
      const unsigned char c = static_cast<unsigned char>(word[i]);
      char32_t cp;
      size_t n;
      if (c < 0x80) {
        cp = c;
        n = 1;
      } else if (c < 0xE0) {
        cp = c & 0x1F;
        n = 2;
      } else if (c < 0xF0) {
        cp = c & 0x0F;
        n = 3;
      } else {
        cp = c & 0x07;
        n = 4;
      }
      for (size_t k = 1; k < n && i + k < word.size(); ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(word[i + k]) & 0x3F);
      }
      buffer->push_back(cp);
      i += n;
    }
    const size_t size = buffer->size() - offset;
    // jieba's rarest long entries (frequency 3 or less, four characters or
    // more) are mostly phrases (开展调研, 充分利用) cut better by their parts.
    if (size == 0 || size > 255 || (size >= 4 && freq <= kRarePhraseFreq)) {
      buffer->resize(offset);
      continue;
    }
    b->AddRow(static_cast<uint32_t>(offset), size,
              tag.empty() ? Pos::kOther : PosFromTag(tag), freq, false);
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
    b->Add(DecodeUtf8(f[0]), pos, freq, true);
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

Dictionary Dictionary::FromWords(const std::vector<Row>& rows) {
  Builder builder;
  for (const Row& row : rows) {
    builder.Add(row.word, PosFromTag(row.tag), row.freq, true);
  }
  return builder.Build();
}

namespace {

// SegmentHan cuts a run of Han characters [begin, end) along the most
// probable path of dictionary words; characters no word covers are merged
// into one kUnknown word.
void SegmentHan(std::u32string_view text, size_t begin, size_t end,
                const Dictionary& dict, std::vector<Word>* out) {
  const size_t n = end - begin;
  // route[i]: best log probability of text[begin + i, end); next[i]: the
  // length of the first word on that path.
  // Spans are short (a clause); longer ones take the heap.
  constexpr size_t kStack = 128;
  double route_stack[kStack + 1];
  uint8_t next_stack[kStack + 1];
  std::vector<double> route_heap;
  std::vector<uint8_t> next_heap;
  double* route = route_stack;
  uint8_t* next = next_stack;
  if (n > kStack) {
    route_heap.resize(n + 1);
    next_heap.resize(n + 1);
    route = route_heap.data();
    next = next_heap.data();
  }
  route[n] = 0.0;
  const double log_total = dict.log_total();
  const size_t max_length = std::min<size_t>(dict.max_word_length(), 32);
  for (size_t i = n; i-- > 0;) {
    double best = -log_total + route[i + 1];  // the single character
    uint8_t best_length = 1;
    for (size_t len = 1; len <= max_length && i + len <= n; ++len) {
      const Dictionary::Entry* e = dict.Find(text.substr(begin + i, len));
      if (e == nullptr) break;
      // A set phrase (解决问题, 迎难而上) is a clause, not a word: its parts
      // tell the rules more. A genre overlay can make one a noun.
      if (e->freq == 0 || (e->pos == Pos::kSetPhrase && len > 2)) continue;
      const double score = e->log_freq - log_total + route[i + len];
      if (score > best || (len == 1 && score >= best)) {
        best = score;
        best_length = static_cast<uint8_t>(len);
      }
    }
    route[i] = best;
    next[i] = best_length;
  }
  for (size_t i = 0; i < n;) {
    const size_t len = next[i];
    const std::u32string_view w = text.substr(begin + i, len);
    const Pos pos = dict.PosOf(w);
    if (pos == Pos::kUnknown && !out->empty() &&
        out->back().pos == Pos::kUnknown && out->back().end == begin + i) {
      out->back().end = begin + i + len;
    } else {
      out->push_back({begin + i, begin + i + len, pos});
    }
    i += len;
  }
}

}  // namespace

std::vector<Word> Segment(std::u32string_view text, size_t begin, size_t end,
                          const Dictionary& dict) {
  std::vector<Word> out;
  end = std::min(end, text.size());
  size_t i = begin;
  while (i < end) {
    const char32_t c = text[i];
    size_t j = i + 1;
    if (IsCjk(c)) {
      while (j < end && IsCjk(text[j])) ++j;
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
  return out;
}

}  // namespace reportfacts
