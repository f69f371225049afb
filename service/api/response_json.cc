#include "service/api/response_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "service/api/code_points.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace reportfacts {
namespace {

// EscapedByProtobuf lists the code points protobuf's JSON printer writes
// as \u escapes although JSON allows them raw: C1 controls and invisible
// format characters (soft hyphen, Arabic number signs, zero-width and
// bidirectional marks, line and paragraph separators, BOM, interlinear
// annotation, musical formatting, language tags), plus `<` and `>`.
// Measured on protobuf 3.21 over every code point.
bool EscapedByProtobuf(char32_t c) {
  if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>') return true;
  if (c < 0x7F) return false;
  if (c <= 0x9F) return true;
  switch (c) {
    case 0xAD:
    case 0x6DD:
    case 0x70F:
    case 0xFEFF:
    case 0xE0001:
      return true;
    default:
      break;
  }
  return (c >= 0x600 && c <= 0x603) || (c >= 0x17B4 && c <= 0x17B5) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x206A && c <= 0x206F) ||
         (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0x1D173 && c <= 0x1D17A) ||
         (c >= 0xE0020 && c <= 0xE007F);
}

// IsPlainThreeByteLead tells whether a three-byte UTF-8 sequence with this
// lead byte is, when well formed, a code point protobuf never escapes:
// E3..EC and EE lead U+3000..U+CFFF and U+E000..U+EFFF (CJK, kana,
// Hangul, private use), where EscapedByProtobuf has nothing; ED holds the
// surrogates and E0..E2, EF the escaped format characters.
bool IsPlainThreeByteLead(unsigned char lead) {
  return (lead >= 0xE3 && lead <= 0xEC) || lead == 0xEE;
}

bool IsContinuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// IsFullwidthForm tells whether `s[i]` starts a well-formed sequence of
// U+FF00..U+FF7F (EF BC xx, EF BD xx): the fullwidth punctuation of
// Chinese text, which protobuf never escapes (its EF escapes are U+FEFF
// and U+FFF9..U+FFFB).
bool IsFullwidthForm(std::string_view s, size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
         (static_cast<unsigned char>(s[i + 1]) == 0xBC ||
          static_cast<unsigned char>(s[i + 1]) == 0xBD) &&
         IsContinuation(s[i + 2]);
}

void AppendHex4(unsigned value, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) {
    out->push_back(kHex[(value >> shift) & 0xF]);
  }
}

void AppendEscape(char32_t c, std::string* out) {
  switch (c) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\b':
      out->append("\\b");
      return;
    case '\f':
      out->append("\\f");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    default:
      break;
  }
  if (c >= 0x10000) {  // a surrogate pair, as JSON spells it
    const char32_t v = c - 0x10000;
    AppendHex4(0xD800 + (v >> 10), out);
    AppendHex4(0xDC00 + (v & 0x3FF), out);
  } else {
    AppendHex4(static_cast<unsigned>(c), out);
  }
}

// DecodeAt reads the UTF-8 sequence at `s[i]`: its code point and length,
// or length 0 when it is not well formed.
char32_t DecodeAt(std::string_view s, size_t i, size_t* length) {
  const auto byte = [&](size_t k) {
    return static_cast<unsigned char>(s[i + k]);
  };
  const unsigned char b0 = byte(0);
  *length = 0;
  if (b0 < 0x80) {
    *length = 1;
    return b0;
  }
  size_t n = 0;
  char32_t c = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *length = n;
  return c;
}

// MayNeedALook tells, for a byte of valid UTF-8, whether its sequence
// may be escaped or is fullwidth punctuation (which Quoted passes by a
// test of its own): an ASCII byte JSON or protobuf escapes, a lead
// C2..E2 (U+0080..U+2FFF, where the escaped format characters are) or
// EF..F4. E3..EC, EE (see IsPlainThreeByteLead), ED (Hangul, in valid
// text) and continuation bytes never need one.
inline bool MayNeedALook(unsigned char b) {
  return b < 0x20 || b == '"' || b == '\\' || b == '<' || b == '>' ||
         b == 0x7F || (b >= 0xC2 && b <= 0xE2) || b >= 0xEF;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define REPORTFACTS_JSON_AVX2 1
// AtMost: x <= limit, unsigned, per byte.
__attribute__((target("avx2"))) inline __m256i AtMost(__m256i x,
                                                      unsigned char limit) {
  return _mm256_cmpeq_epi8(
      _mm256_min_epu8(x, _mm256_set1_epi8(static_cast<char>(limit))), x);
}
__attribute__((target("avx2"))) inline __m256i Equal(__m256i x,
                                                     unsigned char c) {
  return _mm256_cmpeq_epi8(x, _mm256_set1_epi8(static_cast<char>(c)));
}
__attribute__((target("avx2"))) inline __m256i Minus(__m256i x,
                                                     unsigned char c) {
  return _mm256_sub_epi8(x, _mm256_set1_epi8(static_cast<char>(c)));
}

// NextToLookAvx2: MayNeedALook over 32 bytes a step.
__attribute__((target("avx2"))) size_t NextToLookAvx2(std::string_view s,
                                                      size_t i) {
  for (; i + 32 <= s.size(); i += 32) {
    const __m256i v =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s.data() + i));
    __m256i look = _mm256_or_si256(AtMost(v, 0x1F), Equal(v, '"'));
    look = _mm256_or_si256(look, Equal(v, '\\'));
    look = _mm256_or_si256(look, Equal(v, '<'));
    look = _mm256_or_si256(look, Equal(v, '>'));
    look = _mm256_or_si256(look, Equal(v, 0x7F));
    look = _mm256_or_si256(look, AtMost(Minus(v, 0xC2), 0xE2 - 0xC2));
    look = _mm256_or_si256(look, AtMost(Minus(v, 0xEF), 0xFF - 0xEF));
    const unsigned mask = static_cast<unsigned>(_mm256_movemask_epi8(look));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  return i;
}
#endif

// NextToLook is the first index at or after `i` where MayNeedALook holds,
// or s.size(); `s` must be valid UTF-8.
inline size_t NextToLook(std::string_view s, size_t i) {
#if defined(REPORTFACTS_JSON_AVX2)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) i = NextToLookAvx2(s, i);
#endif
  while (i < s.size() && !MayNeedALook(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

class Printer {
 public:
  Printer(bool pretty, std::string* out) : pretty_(pretty), out_(*out) {}

  bool ok() const { return ok_; }

  void BeginObject() {
    out_.push_back('{');
    ++depth_;
    first_ = true;
  }
  void EndObject() { Close('}'); }
  void BeginArray(std::string_view key) {
    Key(key);
    out_.push_back('[');
    ++depth_;
    first_ = true;
  }
  void EndArray() { Close(']'); }
  // NextElement starts an element of the current array.
  void NextElement() { Separate(); }

  void String(std::string_view key, std::string_view value) {
    Key(key);
    Quoted(value);
  }
  // CutText tells the printer that the text sentences are cut from is
  // valid UTF-8, so that each cut is (it falls on code point boundaries)
  // and can be scanned 32 bytes a step.
  void SetCutTextValid(bool valid) { cut_text_valid_ = valid; }
  // CutString prints a string cut from that text.
  void CutString(std::string_view key, std::string_view value) {
    Key(key);
    if (cut_text_valid_) {
      QuotedValid(value);
    } else {
      Quoted(value);
    }
  }
  void Int64(std::string_view key, int64_t value) {
    char* p = KeyInScratch(key);
    if (p == nullptr) {
      out_.push_back('"');
      absl::StrAppend(&out_, value);
      out_.push_back('"');
      return;
    }
    *p++ = '"';
    p = absl::numbers_internal::FastIntToBuffer(value, p);
    *p++ = '"';
    AppendScratch(p);
  }
  void Int32(std::string_view key, int32_t value) {
    char* p = KeyInScratch(key);
    if (p == nullptr) {
      absl::StrAppend(&out_, value);
      return;
    }
    AppendScratch(absl::numbers_internal::FastIntToBuffer(value, p));
  }
  void Double(std::string_view key, double value) {
    Key(key);
    if (std::isnan(value)) {
      out_.append("\"NaN\"");
    } else if (std::isinf(value)) {
      out_.append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else if (value == std::trunc(value) && std::fabs(value) < 1e15 &&
               !(value == 0 && std::signbit(value))) {
      // A whole number below 10^15 is what %.15g prints as its digits;
      // most metric values are, and printf costs more than the rest of a
      // metric.
      absl::StrAppend(&out_, static_cast<int64_t>(value));
    } else {
      // The shortest of 15 or 17 significant digits that reads back as
      // the same double, in printf's %g form, as protobuf prints it.
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.15g", value);
      if (std::strtod(buffer, nullptr) != value) {
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
      }
      out_.append(buffer);
    }
  }
  template <typename SpanMessage>
  void Span(std::string_view key, const SpanMessage& span) {
    Key(key);
    BeginObject();
    Int64("begin", span.begin());
    Int64("end", span.end());
    EndObject();
  }

 private:
  // The separator, indent and key before a value are gathered in scratch_
  // and appended at once, with a short value: each std::string call is
  // out of line and checks the capacity, and a metric has 15 keys. Deeper
  // nesting or longer keys than this buffer holds (none in the response)
  // take the plain path.
  static constexpr int kScratchDepth = 64;
  static constexpr size_t kScratchKey = 64;

  // PutSeparator writes what comes before an element or key: the comma
  // after a previous one, and in pretty form a newline and the indent.
  char* PutSeparator(char* p) {
    if (!first_) *p++ = ',';
    first_ = false;
    if (pretty_) p = PutIndent(p);
    return p;
  }
  char* PutIndent(char* p) const {
    *p++ = '\n';
    if (depth_ <= 16) {
      // Two fixed stores instead of a call: the scratch buffer has room
      // for them, and a response nests four deep.
      static constexpr char kSpaces[16] = {' ', ' ', ' ', ' ', ' ', ' ',
                                           ' ', ' ', ' ', ' ', ' ', ' ',
                                           ' ', ' ', ' ', ' '};
      std::memcpy(p, kSpaces, sizeof kSpaces);
    } else {
      std::memset(p, ' ', static_cast<size_t>(depth_));
    }
    return p + depth_;
  }
  // KeyInScratch writes the separator and `key` into scratch_ and returns
  // where its value goes, or appends them itself and returns null when
  // they do not fit.
  char* KeyInScratch(std::string_view key) {
    if (depth_ > kScratchDepth || key.size() > kScratchKey) {
      SeparateSlowly();
      out_.push_back('"');
      out_.append(key);
      out_.append(pretty_ ? "\": " : "\":");
      return nullptr;
    }
    char* p = PutSeparator(scratch_);
    *p++ = '"';
    std::memcpy(p, key.data(), key.size());
    p += key.size();
    *p++ = '"';
    *p++ = ':';
    if (pretty_) *p++ = ' ';
    return p;
  }
  void AppendScratch(const char* end) {
    out_.append(scratch_, static_cast<size_t>(end - scratch_));
  }
  void Separate() {
    if (depth_ > kScratchDepth) {
      SeparateSlowly();
      return;
    }
    AppendScratch(PutSeparator(scratch_));
  }
  void SeparateSlowly() {
    if (!first_) out_.push_back(',');
    first_ = false;
    if (pretty_) {
      out_.push_back('\n');
      out_.append(static_cast<size_t>(depth_), ' ');
    }
  }
  void Key(std::string_view key) {
    if (char* end = KeyInScratch(key)) AppendScratch(end);
  }
  void Close(char bracket) {
    --depth_;
    if (depth_ > kScratchDepth) {
      if (pretty_ && !first_) {
        out_.push_back('\n');
        out_.append(static_cast<size_t>(depth_), ' ');
      }
      first_ = false;
      out_.push_back(bracket);
      return;
    }
    char* p = scratch_;
    if (pretty_ && !first_) p = PutIndent(p);
    first_ = false;
    *p++ = bracket;
    AppendScratch(p);
  }
  void Quoted(std::string_view value) {
    out_.push_back('"');
    size_t plain = 0;  // start of the run not yet copied
    size_t i = 0;
    while (i < value.size()) {
      const unsigned char b = static_cast<unsigned char>(value[i]);
      if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\' && b != '<' &&
          b != '>') {
        ++i;
        continue;
      }
      if (IsPlainThreeByteLead(b) && i + 2 < value.size() &&
          IsContinuation(value[i + 1]) && IsContinuation(value[i + 2])) {
        i += 3;  // CJK text: nothing to escape
        continue;
      }
      if (IsFullwidthForm(value, i)) {
        i += 3;  // Chinese punctuation (，：；（）): nothing to escape
        continue;
      }
      size_t length = 0;
      const char32_t c = DecodeAt(value, i, &length);
      if (length == 0) {
        ok_ = false;
        return;
      }
      if (EscapedByProtobuf(c)) {
        out_.append(value.data() + plain, i - plain);
        AppendEscape(c, &out_);
        plain = i + length;
      }
      i += length;
    }
    out_.append(value.data() + plain, value.size() - plain);
    out_.push_back('"');
  }

  // QuotedValid is Quoted for a string known to be valid UTF-8: only the
  // bytes NextToLook finds need a look.
  void QuotedValid(std::string_view value) {
    out_.push_back('"');
    size_t plain = 0;  // start of the run not yet copied
    size_t i = 0;
    while ((i = NextToLook(value, i)) < value.size()) {
      if (IsFullwidthForm(value, i)) {
        i += 3;
        continue;
      }
      size_t length = 0;
      const char32_t c = DecodeAt(value, i, &length);
      if (length == 0) {
        ok_ = false;
        return;
      }
      if (EscapedByProtobuf(c)) {
        out_.append(value.data() + plain, i - plain);
        AppendEscape(c, &out_);
        plain = i + length;
      }
      i += length;
    }
    out_.append(value.data() + plain, value.size() - plain);
    out_.push_back('"');
  }

  const bool pretty_;
  bool cut_text_valid_ = false;
  std::string& out_;
  int depth_ = 0;
  bool first_ = true;
  bool ok_ = true;
  // Separator, indent, key and a number: kScratchDepth + kScratchKey and
  // a few bytes, plus absl::numbers_internal::kFastToBufferSize.
  char scratch_[kScratchDepth + kScratchKey + 8 +
                absl::numbers_internal::kFastToBufferSize];
};

// The Print functions take a message or its view decoded from the wire
// (below): the same accessors, so both print the same bytes.
template <typename ReportMessage>
void PrintReport(const ReportMessage& report, Printer& p) {
  p.BeginObject();
  p.Int64("begin", report.begin());
  p.Int64("end", report.end());
  p.String("title", report.title());
  p.String("subtitle", report.subtitle());
  p.String("organization", report.organization());
  p.String("city", report.city());
  p.String("province", report.province());
  p.BeginArray("authors");
  for (const auto& author : report.authors()) {
    p.NextElement();
    p.BeginObject();
    p.String("name", author.name());
    p.String("role", author.role());
    p.EndObject();
  }
  p.EndArray();
  // A field with presence comes after the others, and only when set.
  if (report.has_year()) p.Int32("year", report.year());
  if (report.has_page()) p.Int32("page", report.page());
  p.EndObject();
}

// PrintMetric prints `metric`; with `sentences`, an empty sentence is
// printed as the one cut from the text by its span.
template <typename MetricMessage>
void PrintMetric(const MetricMessage& metric, SentenceCutter* sentences,
                 Printer& p) {
  p.BeginObject();
  p.Int64("begin", metric.begin());
  p.Int64("end", metric.end());
  p.String("text", metric.text());
  p.String("unit_text", metric.unit_text());
  p.Double("value", metric.value());
  p.String("unit", metric.unit());
  // A value this build does not know prints as its number.
  const std::string& qualifier = v1::Metric::Qualifier_Name(metric.qualifier());
  if (qualifier.empty()) {
    p.Int32("qualifier", metric.qualifier());
  } else {
    p.String("qualifier", qualifier);
  }
  p.String("object", metric.object());
  p.String("action", metric.action());
  p.String("indicator", metric.indicator());
  if (sentences != nullptr && metric.sentence().empty()) {
    p.CutString("sentence", sentences->Cut(metric.sentence_span().begin(),
                                           metric.sentence_span().end()));
  } else {
    p.String("sentence", metric.sentence());
  }
  if (metric.has_sentence_span())
    p.Span("sentence_span", metric.sentence_span());
  p.Int32("report", metric.report());
  if (metric.has_page()) p.Int32("page", metric.page());
  p.EndObject();
}

template <typename DateMessage>
void PrintDate(const DateMessage& date, Printer& p) {
  p.BeginObject();
  p.Int64("begin", date.begin());
  p.Int64("end", date.end());
  p.String("text", date.text());
  p.String("start", date.start());
  p.String("finish", date.finish());
  p.Int32("report", date.report());
  if (date.has_page()) p.Int32("page", date.page());
  p.EndObject();
}

template <typename PersonMessage>
void PrintPerson(const PersonMessage& person, Printer& p) {
  p.BeginObject();
  p.String("name", person.name());
  p.String("role", person.role());
  p.String("organization", person.organization());
  p.Int64("begin", person.begin());
  p.Int64("end", person.end());
  p.Int32("report", person.report());
  if (person.has_page()) p.Int32("page", person.page());
  p.EndObject();
}

template <typename PageMessage>
void PrintPage(const PageMessage& page, Printer& p) {
  p.BeginObject();
  p.Int32("number", page.number());
  if (page.has_span()) p.Span("span", page.span());
  p.EndObject();
}

template <typename Repeated, typename Print>
void PrintArray(std::string_view key, const Repeated& items, Print print,
                Printer& p) {
  p.BeginArray(key);
  for (const auto& item : items) {
    p.NextElement();
    print(item, p);
  }
  p.EndArray();
}

// EstimatedJsonBytes is a little over the size of the printed answer, so
// that one reservation holds it (the pages of a large reservation that
// are never written cost nothing), instead of growing and copying a
// buffer of many megabytes.
size_t EstimatedJsonBytes(const v1::ExtractResponse& response, bool pretty,
                          bool cut_sentences) {
  // Keys, numbers and layout of one fact, pretty or compact.
  const size_t per_fact = pretty ? 480 : 320;
  size_t bytes = 1024 + response.document_id().size() +
                 response.error_message().size() + response.text().size();
  for (const v1::Report& report : response.reports()) {
    bytes += per_fact + report.title().size() + report.subtitle().size() +
             report.organization().size() +
             per_fact * static_cast<size_t>(report.authors_size());
  }
  for (const v1::Metric& metric : response.metrics()) {
    bytes += per_fact + metric.text().size() + metric.unit_text().size() +
             metric.unit().size() + metric.object().size() +
             metric.action().size() + metric.indicator().size() +
             metric.sentence().size();
    if (cut_sentences && metric.sentence().empty()) {
      // At most four bytes a code point.
      const int64_t length =
          metric.sentence_span().end() - metric.sentence_span().begin();
      bytes += 4 * static_cast<size_t>(std::clamp<int64_t>(length, 0, 1 << 20));
    }
  }
  bytes += per_fact *
           static_cast<size_t>(response.dates_size() + response.people_size() +
                               response.pages_size());
  return bytes;
}

// The response read straight from its protobuf wire bytes, for printing
// without building the message: views into the bytes, with the accessors
// of the generated classes that the Print functions use. Decoding follows
// protobuf's parser: the last value of a field wins, a sub-message seen
// twice is merged, a known number with another wire type is an unknown
// field, and unknown fields are skipped. Anything else it cannot read
// (groups, truncated or malformed bytes) makes the caller fall back to
// protobuf's parser, which decides.
namespace wire {

enum WireType { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

// Field is one field of a message as the wire holds it.
struct Field {
  uint32_t number = 0;
  uint32_t type = 0;
  uint64_t varint = 0;     // kVarint; kFixed64 and kFixed32 bits too
  std::string_view bytes;  // kLengthDelimited
};

// FieldReader walks the fields of one encoded message.
class FieldReader {
 public:
  explicit FieldReader(std::string_view bytes)
      : p_(reinterpret_cast<const uint8_t*>(bytes.data())),
        end_(p_ + bytes.size()) {}

  // Next reads a field, or returns false at the end or at bytes that are
  // not a field (then ok() is false).
  bool Next(Field* field) {
    if (p_ == end_) return false;
    uint64_t tag = 0;
    if (!Varint(&tag) || tag > 0xFFFFFFFFu || (tag >> 3) == 0) {
      return Fail();
    }
    field->number = static_cast<uint32_t>(tag >> 3);
    field->type = static_cast<uint32_t>(tag & 7);
    switch (field->type) {
      case kVarint:
        return Varint(&field->varint) || Fail();
      case kFixed64:
        if (end_ - p_ < 8) return Fail();
        std::memcpy(&field->varint, p_, 8);  // little-endian, as x86
        p_ += 8;
        return true;
      case kFixed32: {
        if (end_ - p_ < 4) return Fail();
        uint32_t bits = 0;
        std::memcpy(&bits, p_, 4);
        field->varint = bits;
        p_ += 4;
        return true;
      }
      case kLengthDelimited: {
        uint64_t length = 0;
        if (!Varint(&length) || length > static_cast<uint64_t>(end_ - p_) ||
            length > 0x7FFFFFFFu) {
          return Fail();
        }
        field->bytes = std::string_view(reinterpret_cast<const char*>(p_),
                                        static_cast<size_t>(length));
        p_ += length;
        return true;
      }
      default:  // groups: protobuf's parser decides
        return Fail();
    }
  }
  bool ok() const { return ok_; }

 private:
  bool Varint(uint64_t* value) {
    if (p_ < end_ && *p_ < 0x80) {  // most tags, lengths and numbers
      *value = *p_++;
      return true;
    }
    uint64_t result = 0;
    for (int shift = 0; shift < 70 && p_ < end_; shift += 7) {
      const uint8_t byte = *p_++;
      result |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) {
        *value = result;
        return true;
      }
    }
    return false;
  }
  bool Fail() {
    ok_ = false;
    return false;
  }

  const uint8_t* p_;
  const uint8_t* end_;
  bool ok_ = true;
};

bool IsVarint(const Field& f, uint32_t number) {
  return f.number == number && f.type == kVarint;
}
bool IsBytes(const Field& f, uint32_t number) {
  return f.number == number && f.type == kLengthDelimited;
}
int64_t AsInt64(const Field& f) { return static_cast<int64_t>(f.varint); }
int32_t AsInt32(const Field& f) {
  return static_cast<int32_t>(static_cast<uint32_t>(f.varint));
}

class Span {
 public:
  int64_t begin() const { return begin_; }
  int64_t end() const { return end_; }
  // Merge reads an encoded Span over this one.
  bool Merge(std::string_view bytes) {
    FieldReader in(bytes);
    Field f;
    while (in.Next(&f)) {
      if (IsVarint(f, 1)) begin_ = AsInt64(f);
      if (IsVarint(f, 2)) end_ = AsInt64(f);
    }
    return in.ok();
  }

 private:
  int64_t begin_ = 0;
  int64_t end_ = 0;
};

struct Author {
  std::string_view name_, role_;
  std::string_view name() const { return name_; }
  std::string_view role() const { return role_; }
  bool Decode(std::string_view bytes) {
    FieldReader in(bytes);
    Field f;
    while (in.Next(&f)) {
      if (IsBytes(f, 1)) name_ = f.bytes;
      if (IsBytes(f, 2)) role_ = f.bytes;
    }
    return in.ok();
  }
};

// An optional int32: has_x() and x().
struct OptionalInt32 {
  bool set = false;
  int32_t value = 0;
  void Set(const Field& f) {
    set = true;
    value = AsInt32(f);
  }
};

struct Report {
  int64_t begin_ = 0, end_ = 0;
  std::string_view title_, subtitle_, organization_, city_, province_;
  OptionalInt32 year_, page_;
  std::vector<Author> authors_;

  int64_t begin() const { return begin_; }
  int64_t end() const { return end_; }
  std::string_view title() const { return title_; }
  std::string_view subtitle() const { return subtitle_; }
  std::string_view organization() const { return organization_; }
  std::string_view city() const { return city_; }
  std::string_view province() const { return province_; }
  const std::vector<Author>& authors() const { return authors_; }
  bool has_year() const { return year_.set; }
  int32_t year() const { return year_.value; }
  bool has_page() const { return page_.set; }
  int32_t page() const { return page_.value; }

  bool Decode(std::string_view bytes) {
    FieldReader in(bytes);
    Field f;
    while (in.Next(&f)) {
      if (f.type == kVarint) {
        switch (f.number) {
          case 1:
            begin_ = AsInt64(f);
            break;
          case 2:
            end_ = AsInt64(f);
            break;
          case 8:
            year_.Set(f);
            break;
          case 10:
            page_.Set(f);
            break;
          default:
            break;
        }
      } else if (f.type == kLengthDelimited) {
        switch (f.number) {
          case 3:
            title_ = f.bytes;
            break;
          case 4:
            subtitle_ = f.bytes;
            break;
          case 5:
            organization_ = f.bytes;
            break;
          case 6:
            city_ = f.bytes;
            break;
          case 7:
            province_ = f.bytes;
            break;
          case 9:
            authors_.emplace_back();
            if (!authors_.back().Decode(f.bytes)) return false;
            break;
          default:
            break;
        }
      }
    }
    return in.ok();
  }
};

struct Metric {
  int64_t begin_ = 0, end_ = 0;
  std::string_view text_, unit_text_, unit_, object_, action_, indicator_,
      sentence_;
  double value_ = 0;
  int32_t qualifier_ = 0, report_ = 0;
  bool has_sentence_span_ = false;
  Span sentence_span_;
  OptionalInt32 page_;

  int64_t begin() const { return begin_; }
  int64_t end() const { return end_; }
  std::string_view text() const { return text_; }
  std::string_view unit_text() const { return unit_text_; }
  double value() const { return value_; }
  std::string_view unit() const { return unit_; }
  int32_t qualifier() const { return qualifier_; }
  std::string_view object() const { return object_; }
  std::string_view action() const { return action_; }
  std::string_view indicator() const { return indicator_; }
  std::string_view sentence() const { return sentence_; }
  bool has_sentence_span() const { return has_sentence_span_; }
  const Span& sentence_span() const { return sentence_span_; }
  int32_t report() const { return report_; }
  bool has_page() const { return page_.set; }
  int32_t page() const { return page_.value; }

  bool Decode(std::string_view bytes) {
    FieldReader in(bytes);
    Field f;
    while (in.Next(&f)) {
      if (f.type == kVarint) {
        switch (f.number) {
          case 1:
            begin_ = AsInt64(f);
            break;
          case 2:
            end_ = AsInt64(f);
            break;
          case 7:
            qualifier_ = AsInt32(f);
            break;
          case 13:
            report_ = AsInt32(f);
            break;
          case 14:
            page_.Set(f);
            break;
          default:
            break;
        }
      } else if (f.type == kLengthDelimited) {
        switch (f.number) {
          case 3:
            text_ = f.bytes;
            break;
          case 4:
            unit_text_ = f.bytes;
            break;
          case 6:
            unit_ = f.bytes;
            break;
          case 8:
            object_ = f.bytes;
            break;
          case 9:
            action_ = f.bytes;
            break;
          case 10:
            indicator_ = f.bytes;
            break;
          case 11:
            sentence_ = f.bytes;
            break;
          case 12:
            has_sentence_span_ = true;
            if (!sentence_span_.Merge(f.bytes)) return false;
            break;
          default:
            break;
        }
      } else if (f.type == kFixed64 && f.number == 5) {
        std::memcpy(&value_, &f.varint, sizeof value_);
      }
    }
    return in.ok();
  }
};

struct Date {
  int64_t begin_ = 0, end_ = 0;
  std::string_view text_, start_, finish_;
  int32_t report_ = 0;
  OptionalInt32 page_;

  int64_t begin() const { return begin_; }
  int64_t end() const { return end_; }
  std::string_view text() const { return text_; }
  std::string_view start() const { return start_; }
  std::string_view finish() const { return finish_; }
  int32_t report() const { return report_; }
  bool has_page() const { return page_.set; }
  int32_t page() const { return page_.value; }

  bool Decode(std::string_view bytes) {
    FieldReader in(bytes);
    Field f;
    while (in.Next(&f)) {
      if (f.type == kVarint) {
        switch (f.number) {
          case 1:
            begin_ = AsInt64(f);
            break;
          case 2:
            end_ = AsInt64(f);
            break;
          case 6:
            report_ = AsInt32(f);
            break;
          case 7:
            page_.Set(f);
            break;
          default:
            break;
        }
      } else if (f.type == kLengthDelimited) {
        switch (f.number) {
          case 3:
            text_ = f.bytes;
            break;
          case 4:
            start_ = f.bytes;
            break;
          case 5:
            finish_ = f.bytes;
            break;
          default:
            break;
        }
      }
    }
    return in.ok();
  }
};

struct Person {
  std::string_view name_, role_, organization_;
  int64_t begin_ = 0, end_ = 0;
  int32_t report_ = 0;
  OptionalInt32 page_;

  std::string_view name() const { return name_; }
  std::string_view role() const { return role_; }
  std::string_view organization() const { return organization_; }
  int64_t begin() const { return begin_; }
  int64_t end() const { return end_; }
  int32_t report() const { return report_; }
  bool has_page() const { return page_.set; }
  int32_t page() const { return page_.value; }

  bool Decode(std::string_view bytes) {
    FieldReader in(bytes);
    Field f;
    while (in.Next(&f)) {
      if (f.type == kVarint) {
        switch (f.number) {
          case 4:
            begin_ = AsInt64(f);
            break;
          case 5:
            end_ = AsInt64(f);
            break;
          case 6:
            report_ = AsInt32(f);
            break;
          case 7:
            page_.Set(f);
            break;
          default:
            break;
        }
      } else if (f.type == kLengthDelimited) {
        switch (f.number) {
          case 1:
            name_ = f.bytes;
            break;
          case 2:
            role_ = f.bytes;
            break;
          case 3:
            organization_ = f.bytes;
            break;
          default:
            break;
        }
      }
    }
    return in.ok();
  }
};

struct Page {
  int32_t number_ = 0;
  bool has_span_ = false;
  Span span_;

  int32_t number() const { return number_; }
  bool has_span() const { return has_span_; }
  const Span& span() const { return span_; }

  bool Decode(std::string_view bytes) {
    FieldReader in(bytes);
    Field f;
    while (in.Next(&f)) {
      if (IsVarint(f, 1)) number_ = AsInt32(f);
      if (IsBytes(f, 2)) {
        has_span_ = true;
        if (!span_.Merge(f.bytes)) return false;
      }
    }
    return in.ok();
  }
};

// Response holds the top level of an ExtractResponse: its scalars, and
// each repeated fact as its still-encoded bytes, in order.
struct Response {
  std::string_view document_id, error_message, text;
  bool has_text = false;
  int32_t error_code = 0;
  std::vector<std::string_view> reports, metrics, dates, people, pages;

  bool Decode(std::string_view bytes) {
    FieldReader in(bytes);
    Field f;
    while (in.Next(&f)) {
      if (f.type == kVarint) {
        if (f.number == 6) error_code = AsInt32(f);
      } else if (f.type == kLengthDelimited) {
        switch (f.number) {
          case 1:
            document_id = f.bytes;
            break;
          case 2:
            reports.push_back(f.bytes);
            break;
          case 3:
            metrics.push_back(f.bytes);
            break;
          case 4:
            dates.push_back(f.bytes);
            break;
          case 5:
            people.push_back(f.bytes);
            break;
          case 7:
            error_message = f.bytes;
            break;
          case 8:
            text = f.bytes;
            has_text = true;
            break;
          case 9:
            pages.push_back(f.bytes);
            break;
          default:
            break;
        }
      }
    }
    return in.ok();
  }
};

// PrintEach decodes and prints each element of a repeated field; false
// when one does not decode.
template <typename View, typename Print>
bool PrintEach(std::string_view key, const std::vector<std::string_view>& items,
               Print print, Printer& p) {
  p.BeginArray(key);
  for (std::string_view bytes : items) {
    View view;
    if (!view.Decode(bytes)) return false;
    p.NextElement();
    print(view, p);
  }
  p.EndArray();
  return true;
}

// EstimatedJsonBytes is the estimate of the function of that name above,
// from the wire: each fact's keys and layout, its strings (at most its
// encoded size) and each sentence to cut.
size_t EstimatedJsonBytes(std::string_view bytes, const Response& response,
                          const std::vector<Metric>& metrics, bool pretty,
                          bool cut_sentences) {
  const size_t per_fact = pretty ? 480 : 320;
  size_t estimate =
      1024 + bytes.size() +
      per_fact * (response.reports.size() + response.metrics.size() +
                  response.dates.size() + response.people.size() +
                  response.pages.size());
  if (cut_sentences) {
    for (const Metric& metric : metrics) {
      if (!metric.sentence().empty()) continue;
      const int64_t length =
          metric.sentence_span().end() - metric.sentence_span().begin();
      estimate +=
          4 * static_cast<size_t>(std::clamp<int64_t>(length, 0, 1 << 20));
    }
  }
  return estimate;
}

}  // namespace wire

}  // namespace

bool AppendResponseJson(const v1::ExtractResponse& response, bool pretty,
                        std::string* out) {
  return AppendResponseJson(response, pretty, /*sentence_text=*/{}, out);
}

bool AppendResponseJson(const v1::ExtractResponse& response, bool pretty,
                        std::string_view sentence_text, std::string* out) {
  const size_t mark = out->size();
  out->reserve(mark +
               EstimatedJsonBytes(response, pretty, !sentence_text.empty()));
  Printer p(pretty, out);
  std::optional<SentenceCutter> sentences;
  if (!sentence_text.empty()) sentences.emplace(sentence_text);
  SentenceCutter* cutter = sentences ? &*sentences : nullptr;
  p.SetCutTextValid(cutter != nullptr && cutter->text_valid());
  p.BeginObject();
  p.String("document_id", response.document_id());
  PrintArray("reports", response.reports(), PrintReport<v1::Report>, p);
  PrintArray(
      "metrics", response.metrics(),
      [cutter](const v1::Metric& metric, Printer& printer) {
        PrintMetric(metric, cutter, printer);
      },
      p);
  PrintArray("dates", response.dates(), PrintDate<v1::DateMention>, p);
  PrintArray("people", response.people(), PrintPerson<v1::Person>, p);
  p.Int32("error_code", response.error_code());
  p.String("error_message", response.error_message());
  PrintArray("pages", response.pages(), PrintPage<v1::Page>, p);
  if (response.has_text()) p.String("text", response.text());
  p.EndObject();
  if (!p.ok()) out->resize(mark);
  return p.ok();
}

bool AppendWireResponseJson(std::string_view bytes, bool pretty,
                            bool cut_sentences, std::string_view document_text,
                            std::string* out) {
  wire::Response response;
  if (!response.Decode(bytes)) return false;
  // The metrics decoded once, for the estimate and the printing.
  std::vector<wire::Metric> metrics(response.metrics.size());
  for (size_t i = 0; i < metrics.size(); ++i) {
    if (!metrics[i].Decode(response.metrics[i])) return false;
  }
  const size_t mark = out->size();
  out->reserve(mark + wire::EstimatedJsonBytes(bytes, response, metrics, pretty,
                                               cut_sentences));
  // As the client chooses the text for AppendResponseJson: a converted
  // document's answer carries the text its spans point into.
  const std::string_view sentence_text = !cut_sentences ? std::string_view()
                                         : response.has_text ? response.text
                                                             : document_text;
  Printer p(pretty, out);
  std::optional<SentenceCutter> sentences;
  if (!sentence_text.empty()) sentences.emplace(sentence_text);
  SentenceCutter* cutter = sentences ? &*sentences : nullptr;
  p.SetCutTextValid(cutter != nullptr && cutter->text_valid());
  p.BeginObject();
  p.String("document_id", response.document_id);
  const bool decoded =
      wire::PrintEach<wire::Report>("reports", response.reports,
                                    PrintReport<wire::Report>, p) &&
      (PrintArray(
           "metrics", metrics,
           [cutter](const wire::Metric& metric, Printer& printer) {
             PrintMetric(metric, cutter, printer);
           },
           p),
       true) &&
      wire::PrintEach<wire::Date>("dates", response.dates,
                                  PrintDate<wire::Date>, p) &&
      wire::PrintEach<wire::Person>("people", response.people,
                                    PrintPerson<wire::Person>, p);
  if (decoded) {
    p.Int32("error_code", response.error_code);
    p.String("error_message", response.error_message);
  }
  const bool pages =
      decoded && wire::PrintEach<wire::Page>("pages", response.pages,
                                             PrintPage<wire::Page>, p);
  if (pages && response.has_text) p.String("text", response.text);
  p.EndObject();
  if (!pages || !p.ok()) {
    out->resize(mark);
    return false;
  }
  return true;
}

}  // namespace reportfacts
