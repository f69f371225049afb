#include "service/core/traditional.h"

#include <opencc.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "service/core/chars.h"
#include "service/core/utf8.h"

namespace reportfacts {

const char kDefaultT2sConfig[] = REPORTFACTS_OPENCC_T2S;

namespace {

// Han reports whether a code point is a CJK ideograph, the only kind of
// character t2s changes. Everything else must stay in place.
bool Han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000;
}

// Aligned tells whether a same-length conversion kept every code point at
// its place: non-Han characters must match one for one. Phrase tables map
// a phrase to one of equal length, so this holds for ordinary text.
bool Aligned(std::u32string_view original, std::u32string_view converted) {
  if (original.size() != converted.size()) return false;
  for (size_t i = 0; i < original.size(); ++i) {
    if (original[i] != converted[i] &&
        (!Han(original[i]) || !Han(converted[i])))
      return false;
  }
  return true;
}

int64_t Clamp(int64_t offset, size_t size) {
  return std::clamp<int64_t>(offset, 0, static_cast<int64_t>(size));
}

// GlossAt is the length of a pronunciation gloss in brackets at text[i]
// (提(ti)案, 政協(xié)): up to 7 lowercase or accented Latin letters; 0
// where none starts there. The phrase reader reads through glosses, so a
// field it quotes may lack the glosses its text has.
size_t GlossAt(std::u32string_view text, size_t i) {
  if (i >= text.size() || !IsOpenBracket(text[i])) return 0;
  size_t j = i + 1;
  while (j < text.size() && j - i <= 8 &&
         ((text[j] >= U'a' && text[j] <= U'z') ||
          (text[j] > 0x7F && text[j] < 0x2000))) {
    ++j;
  }
  if (j == i + 1 || j >= text.size() || !IsCloseBracket(text[j])) return 0;
  return j + 1 - i;
}

// FindThroughGlosses finds `wanted` in `text`, passing over
// glosses between its characters; returns [begin, end) or npos.
std::pair<size_t, size_t> FindThroughGlosses(std::u32string_view text,
                                             std::u32string_view wanted) {
  for (size_t start = 0; start < text.size(); ++start) {
    if (text[start] != wanted[0]) continue;
    size_t i = start;
    size_t k = 0;
    while (k < wanted.size() && i < text.size()) {
      if (text[i] == wanted[k]) {
        ++i;
        ++k;
      } else if (k > 0 && GlossAt(text, i) > 0) {
        i += GlossAt(text, i);
      } else {
        break;
      }
    }
    if (k == wanted.size()) return {start, i};
  }
  return {std::u32string_view::npos, 0};
}

}  // namespace

ConvertedText ConvertedText::ByCodePoint(
    std::u32string original,
    const std::function<std::u32string_view(char32_t)>& convert) {
  ConvertedText out;
  out.original_ = std::move(original);
  out.converted_.reserve(out.original_.size());
  out.source_begin_.reserve(out.original_.size() + 1);
  for (size_t i = 0; i < out.original_.size(); ++i) {
    const char32_t c = out.original_[i];
    const std::u32string_view replacement = convert(c);
    const auto source = static_cast<uint32_t>(i);
    if (replacement.empty()) {  // kept as is
      out.converted_.push_back(c);
      out.source_begin_.push_back(source);
      continue;
    }
    for (char32_t r : replacement) {
      out.converted_.push_back(r);
      out.source_begin_.push_back(source);
    }
  }
  out.source_begin_.push_back(static_cast<uint32_t>(out.original_.size()));
  out.simplified_ = EncodeUtf8(out.converted_);
  return out;
}

int64_t ConvertedText::OriginalBegin(int64_t converted) const {
  if (source_begin_.empty()) return converted;
  return source_begin_[Clamp(converted, converted_.size())];
}

int64_t ConvertedText::OriginalEnd(int64_t converted) const {
  if (source_begin_.empty()) return converted;
  const int64_t end = Clamp(converted, converted_.size());
  if (end == 0) return 0;
  // The end falls after the whole piece that produced code point end - 1.
  const uint32_t piece = source_begin_[end - 1];
  size_t next = static_cast<size_t>(end);
  while (next < converted_.size() && source_begin_[next] == piece) ++next;
  return source_begin_[next];
}

std::string ConvertedText::Recut(const std::string& field, int64_t begin,
                                 int64_t end) const {
  if (field.empty()) return field;
  const std::u32string wanted = DecodeUtf8(field);
  const size_t from = Clamp(begin, converted_.size());
  const size_t to = std::max<size_t>(from, Clamp(end, converted_.size()));
  const std::u32string_view span =
      std::u32string_view(converted_).substr(from, to - from);
  size_t at = span.find(wanted);
  size_t length = wanted.size();
  bool glossed = false;
  if (at == std::u32string_view::npos) {
    // The field was read through glosses: cut the original through them
    // too, and leave them out as the field does.
    const auto [begin, end] = FindThroughGlosses(span, wanted);
    if (begin != std::u32string_view::npos) {
      at = begin;
      length = end - begin;
      glossed = true;
    }
  }
  size_t offset = from;
  if (at == std::u32string_view::npos) {
    // A field carried over from an earlier sentence (an object the clause
    // leaves out) is cut where it was last written before.
    offset = 0;
    at = std::u32string_view(converted_).substr(0, from).rfind(wanted);
    if (at == std::u32string_view::npos) return field;
  }
  const int64_t start = static_cast<int64_t>(offset + at);
  const int64_t original_begin = OriginalBegin(start);
  const int64_t original_end =
      OriginalEnd(start + static_cast<int64_t>(length));
  const std::u32string_view cut = std::u32string_view(original_).substr(
      original_begin, original_end - original_begin);
  if (!glossed) return EncodeUtf8(cut);
  std::u32string out;
  for (size_t i = 0; i < cut.size();) {
    const size_t gloss = GlossAt(cut, i);
    if (gloss > 0) {
      i += gloss;
    } else {
      out.push_back(cut[i++]);
    }
  }
  return EncodeUtf8(out);
}

std::string ConvertedText::RecutName(const std::string& name, int64_t begin,
                                     int64_t end) const {
  const std::u32string wanted = DecodeUtf8(name);
  if (wanted.empty()) return name;
  const std::u32string_view text = converted_;
  const size_t from = Clamp(begin, text.size());
  const size_t to = std::max<size_t>(from, Clamp(end, text.size()));
  for (size_t at = from; at < to; ++at) {
    if (text[at] != wanted[0]) continue;
    // The name's characters in order, blanks allowed between them.
    size_t pos = at + 1;
    size_t matched = 1;
    while (matched < wanted.size()) {
      while (pos < to && IsBlank(text[pos])) ++pos;
      if (pos >= to || text[pos] != wanted[matched]) break;
      ++pos;
      ++matched;
    }
    if (matched < wanted.size()) continue;
    std::u32string original;
    const int64_t last = OriginalEnd(static_cast<int64_t>(pos));
    for (int64_t k = OriginalBegin(static_cast<int64_t>(at)); k < last; ++k) {
      const char32_t c = original_[static_cast<size_t>(k)];
      if (!IsBlank(c)) original.push_back(c);
    }
    return EncodeUtf8(original);
  }
  return name;
}

void ConvertedText::MapBack(Extraction* facts) const {
  const int64_t size = static_cast<int64_t>(converted_.size());
  // Quoted fields are found with converted offsets, so they are cut before
  // the spans are remapped.
  for (Report& r : facts->reports) {
    r.title = Recut(r.title, r.begin, r.end);
    r.subtitle = Recut(r.subtitle, r.begin, r.end);
    // A byline spaces its names (文 夏 穎): the name is matched through
    // the blanks and cut from the original without them.
    for (Author& a : r.authors) a.name = RecutName(a.name, r.begin, r.end);
    r.begin = OriginalBegin(r.begin);
    r.end = OriginalEnd(r.end);
  }
  for (Metric& m : facts->metrics) {
    m.text = Recut(m.text, m.begin, m.end);
    m.unit_text = Recut(m.unit_text, m.end, size);
    m.object = Recut(m.object, m.sentence_begin, m.sentence_end);
    m.action = Recut(m.action, m.sentence_begin, m.sentence_end);
    m.begin = OriginalBegin(m.begin);
    m.end = OriginalEnd(m.end);
    m.sentence_begin = OriginalBegin(m.sentence_begin);
    m.sentence_end = OriginalEnd(m.sentence_end);
  }
  for (DateMention& d : facts->dates) {
    d.text = Recut(d.text, d.begin, d.end);
    d.begin = OriginalBegin(d.begin);
    d.end = OriginalEnd(d.end);
  }
  // A name is the characters of its span as written, blanks removed
  // (夏 穎 → 夏穎), so it is cut from the span rather than searched for.
  for (Person& p : facts->people) {
    p.begin = OriginalBegin(p.begin);
    p.end = OriginalEnd(p.end);
    std::u32string name;
    for (int64_t k = p.begin; k < p.end; ++k) {
      const char32_t c = original_[static_cast<size_t>(k)];
      if (!IsBlank(c)) name.push_back(c);
    }
    if (!name.empty()) p.name = EncodeUtf8(name);
  }
}

TraditionalConverter::TraditionalConverter(
    std::unique_ptr<opencc::SimpleConverter> converter)
    : converter_(std::move(converter)) {}

TraditionalConverter::~TraditionalConverter() = default;

absl::StatusOr<std::unique_ptr<TraditionalConverter>>
TraditionalConverter::Load(const std::string& t2s_config) {
  if (!std::filesystem::exists(t2s_config)) {
    return absl::NotFoundError(
        absl::StrCat("OpenCC configuration ", t2s_config,
                     " not found (install libopencc-data)"));
  }
  std::unique_ptr<opencc::SimpleConverter> converter;
  try {
    converter = std::make_unique<opencc::SimpleConverter>(t2s_config);
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot load OpenCC configuration ", t2s_config, ": ", e.what()));
  }
  std::unique_ptr<TraditionalConverter> result(
      new TraditionalConverter(std::move(converter)));
  try {
    result->BuildCharacterTable();
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat(
        "OpenCC configuration ", t2s_config, " failed to convert: ", e.what()));
  }
  return result;
}

void TraditionalConverter::BuildCharacterTable() {
  // Converts every basic-plane ideograph once, one per line so that no
  // phrase spans two, and keeps those whose Simplified form differs.
  std::u32string probe;
  std::vector<char32_t> characters;
  for (const auto& [first, last] :
       {std::pair<char32_t, char32_t>{0x3400, 0x4DBF},
        {0x4E00, 0x9FFF},
        {0xF900, 0xFAFF}}) {
    for (char32_t c = first; c <= last; ++c) {
      characters.push_back(c);
      probe.push_back(c);
      probe.push_back(U'\n');
    }
  }
  const std::u32string converted =
      DecodeUtf8(converter_->Convert(EncodeUtf8(probe)));
  size_t line_start = 0;
  for (char32_t c : characters) {
    const size_t line_end = converted.find(U'\n', line_start);
    if (line_end == std::u32string::npos) break;
    std::u32string simplified =
        converted.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (simplified.size() == 1 && simplified[0] == c) continue;
    if (simplified.empty()) continue;
    traditional_[c] = 1;
    simplified_of_.emplace_back(c, std::move(simplified));
  }
}

bool TraditionalConverter::HasTraditional(std::string_view text) const {
  // Basic-plane ideographs are the three-byte sequences; nothing else can
  // be Traditional, so the scan decodes only those.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  for (size_t i = 0; i < size; ++i) {
    const unsigned char lead = bytes[i];
    if (lead < 0xE3 || lead > 0xEF || i + 2 >= size) continue;
    const char32_t c = ((lead & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) |
                       (bytes[i + 2] & 0x3F);
    if (traditional_[c]) return true;
    i += 2;
  }
  return false;
}

bool TraditionalConverter::HasTraditional(
    std::u32string_view code_points) const {
  // BuildCharacterTable marks Han characters only (U+3400..FAFF), so the
  // table is read without a branch: code points beyond it read entry 0.
  const uint8_t* const marks = traditional_.data();
  uint8_t any = 0;
  for (const char32_t c : code_points) any |= marks[c < 0x10000 ? c : 0];
  return any != 0;
}

std::optional<ConvertedText> TraditionalConverter::ToSimplified(
    std::string_view text) const {
  if (!HasTraditional(text)) return std::nullopt;
  return ToSimplified(text, DecodeUtf8(text));
}

std::optional<ConvertedText> TraditionalConverter::ToSimplified(
    std::string_view text, std::u32string code_points) const {
  ConvertedText out;
  out.original_ = std::move(code_points);
  std::string phrase_converted;
  try {
    phrase_converted = converter_->Convert(text.data(), text.size());
  } catch (const std::exception&) {
    phrase_converted.clear();  // fall back to character conversion below
  }
  std::u32string converted = DecodeUtf8(phrase_converted);
  if (Aligned(out.original_, converted)) {
    out.converted_ = std::move(converted);
    out.simplified_ = std::move(phrase_converted);
    return out;
  }
  // The phrase conversion moved characters: convert each code point alone,
  // so that every piece's origin is known.
  return ConvertedText::ByCodePoint(
      std::move(out.original_), [this](char32_t c) { return SimplifiedOf(c); });
}

std::u32string_view TraditionalConverter::SimplifiedOf(char32_t c) const {
  if (c >= 0x10000 || !traditional_[c]) return {};
  const auto it = std::lower_bound(
      simplified_of_.begin(), simplified_of_.end(), c,
      [](const auto& entry, char32_t key) { return entry.first < key; });
  return it->second;
}

}  // namespace reportfacts
