#include "service/api/response_wire.h"

#include <algorithm>
#include <cstring>

#include "service/api/code_points.h"

namespace reportfacts {
namespace {

// Wire types of the protobuf encoding.
constexpr uint32_t kVarint = 0;
constexpr uint32_t kFixed64 = 1;
constexpr uint32_t kLengthDelimited = 2;

// Every field number here is below 16: its tag is one byte.
constexpr size_t kTagSize = 1;

size_t VarintSize(uint64_t value) {
  size_t n = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++n;
  }
  return n;
}

// Negative int32 values go on the wire sign-extended to 64 bits.
uint64_t Int32Bits(int32_t value) {
  return static_cast<uint64_t>(static_cast<int64_t>(value));
}

uint64_t DoubleBits(double value) {
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

// Sizes of proto3 fields, which are left out at their default.
size_t VarintFieldSize(uint64_t value) {
  return value == 0 ? 0 : kTagSize + VarintSize(value);
}
size_t StringFieldSize(std::string_view value) {
  return value.empty() ? 0 : kTagSize + VarintSize(value.size()) + value.size();
}
size_t DoubleFieldSize(double value) {
  return DoubleBits(value) == 0 ? 0 : kTagSize + 8;
}
// A field present whatever its value: a message, an `optional` scalar.
size_t MessageFieldSize(size_t size) {
  return kTagSize + VarintSize(size) + size;
}

uint8_t* PutVarint(uint64_t value, uint8_t* out) {
  while (value >= 0x80) {
    *out++ = static_cast<uint8_t>(value | 0x80);
    value >>= 7;
  }
  *out++ = static_cast<uint8_t>(value);
  return out;
}
uint8_t* PutTag(int field, uint32_t wire_type, uint8_t* out) {
  *out++ =
      static_cast<uint8_t>((static_cast<uint32_t>(field) << 3) | wire_type);
  return out;
}
uint8_t* PutVarintField(int field, uint64_t value, uint8_t* out) {
  if (value == 0) return out;
  return PutVarint(value, PutTag(field, kVarint, out));
}
uint8_t* PutPresentVarint(int field, uint64_t value, uint8_t* out) {
  return PutVarint(value, PutTag(field, kVarint, out));
}
uint8_t* PutStringField(int field, std::string_view value, uint8_t* out) {
  if (value.empty()) return out;
  out = PutVarint(value.size(), PutTag(field, kLengthDelimited, out));
  std::memcpy(out, value.data(), value.size());
  return out + value.size();
}
uint8_t* PutDoubleField(int field, double value, uint8_t* out) {
  uint64_t bits = DoubleBits(value);
  if (bits == 0) return out;
  out = PutTag(field, kFixed64, out);
  for (int k = 0; k < 8; ++k, bits >>= 8) *out++ = static_cast<uint8_t>(bits);
  return out;
}
uint8_t* PutMessageHeader(int field, size_t size, uint8_t* out) {
  return PutVarint(size, PutTag(field, kLengthDelimited, out));
}

// Field numbers of reportfacts.v1 (facts.proto, fact_extractor.proto).
namespace response {
constexpr int kDocumentId = 1, kReports = 2, kMetrics = 3, kDates = 4,
              kPeople = 5, kText = 8, kPages = 9;
}  // namespace response
namespace span {
constexpr int kBegin = 1, kEnd = 2;
}  // namespace span
namespace author {
constexpr int kName = 1, kRole = 2;
}  // namespace author
namespace report {
constexpr int kBegin = 1, kEnd = 2, kTitle = 3, kSubtitle = 4,
              kOrganization = 5, kCity = 6, kProvince = 7, kYear = 8,
              kAuthors = 9, kPage = 10;
}  // namespace report
namespace metric {
constexpr int kBegin = 1, kEnd = 2, kText = 3, kUnitText = 4, kValue = 5,
              kUnit = 6, kQualifier = 7, kObject = 8, kAction = 9,
              kIndicator = 10, kSentence = 11, kSentenceSpan = 12, kReport = 13,
              kPage = 14;
}  // namespace metric
namespace date {
constexpr int kBegin = 1, kEnd = 2, kText = 3, kStart = 4, kFinish = 5,
              kReport = 6, kPage = 7;
}  // namespace date
namespace person {
constexpr int kName = 1, kRole = 2, kOrganization = 3, kBegin = 4, kEnd = 5,
              kReport = 6, kPage = 7;
}  // namespace person
namespace page {
constexpr int kNumber = 1, kSpan = 2;
}  // namespace page

uint64_t Int64Bits(int64_t value) { return static_cast<uint64_t>(value); }

size_t SpanSize(int64_t begin, int64_t end) {
  return VarintFieldSize(Int64Bits(begin)) + VarintFieldSize(Int64Bits(end));
}
uint8_t* PutSpan(int field, int64_t begin, int64_t end, uint8_t* out) {
  out = PutMessageHeader(field, SpanSize(begin, end), out);
  out = PutVarintField(span::kBegin, Int64Bits(begin), out);
  return PutVarintField(span::kEnd, Int64Bits(end), out);
}

// The page field of a fact, present only in a paged document.
size_t PageFieldSize(bool paged, int32_t page) {
  return paged ? kTagSize + VarintSize(Int32Bits(page)) : 0;
}

size_t AuthorSize(const Author& a) {
  return StringFieldSize(a.name) + StringFieldSize(a.role);
}

size_t ReportSize(const Report& r, bool paged, int32_t page) {
  size_t size = VarintFieldSize(Int64Bits(r.begin)) +
                VarintFieldSize(Int64Bits(r.end)) + StringFieldSize(r.title) +
                StringFieldSize(r.subtitle) + StringFieldSize(r.organization) +
                StringFieldSize(r.city) + StringFieldSize(r.province);
  if (r.year.has_value()) size += kTagSize + VarintSize(Int32Bits(*r.year));
  for (const Author& a : r.authors) size += MessageFieldSize(AuthorSize(a));
  return size + PageFieldSize(paged, page);
}

uint8_t* PutReport(const Report& r, bool paged, int32_t page, uint8_t* out) {
  out = PutMessageHeader(response::kReports, ReportSize(r, paged, page), out);
  out = PutVarintField(report::kBegin, Int64Bits(r.begin), out);
  out = PutVarintField(report::kEnd, Int64Bits(r.end), out);
  out = PutStringField(report::kTitle, r.title, out);
  out = PutStringField(report::kSubtitle, r.subtitle, out);
  out = PutStringField(report::kOrganization, r.organization, out);
  out = PutStringField(report::kCity, r.city, out);
  out = PutStringField(report::kProvince, r.province, out);
  if (r.year.has_value()) {
    out = PutPresentVarint(report::kYear, Int32Bits(*r.year), out);
  }
  for (const Author& a : r.authors) {
    out = PutMessageHeader(report::kAuthors, AuthorSize(a), out);
    out = PutStringField(author::kName, a.name, out);
    out = PutStringField(author::kRole, a.role, out);
  }
  if (paged) out = PutPresentVarint(report::kPage, Int32Bits(page), out);
  return out;
}

uint64_t QualifierBits(Qualifier q) {
  return Int32Bits(static_cast<int32_t>(QualifierToProto(q)));
}

size_t MetricSize(const Metric& m, std::string_view sentence, bool paged,
                  int32_t page) {
  return VarintFieldSize(Int64Bits(m.begin)) +
         VarintFieldSize(Int64Bits(m.end)) + StringFieldSize(m.text) +
         StringFieldSize(m.unit_text) + DoubleFieldSize(m.value) +
         StringFieldSize(m.unit) + VarintFieldSize(QualifierBits(m.qualifier)) +
         StringFieldSize(m.object) + StringFieldSize(m.action) +
         StringFieldSize(m.indicator) + StringFieldSize(sentence) +
         MessageFieldSize(SpanSize(m.sentence_begin, m.sentence_end)) +
         VarintFieldSize(Int32Bits(m.report)) + PageFieldSize(paged, page);
}

uint8_t* PutMetric(const Metric& m, std::string_view sentence, bool paged,
                   int32_t page, uint8_t* out) {
  out = PutMessageHeader(response::kMetrics,
                         MetricSize(m, sentence, paged, page), out);
  out = PutVarintField(metric::kBegin, Int64Bits(m.begin), out);
  out = PutVarintField(metric::kEnd, Int64Bits(m.end), out);
  out = PutStringField(metric::kText, m.text, out);
  out = PutStringField(metric::kUnitText, m.unit_text, out);
  out = PutDoubleField(metric::kValue, m.value, out);
  out = PutStringField(metric::kUnit, m.unit, out);
  out = PutVarintField(metric::kQualifier, QualifierBits(m.qualifier), out);
  out = PutStringField(metric::kObject, m.object, out);
  out = PutStringField(metric::kAction, m.action, out);
  out = PutStringField(metric::kIndicator, m.indicator, out);
  out = PutStringField(metric::kSentence, sentence, out);
  out = PutSpan(metric::kSentenceSpan, m.sentence_begin, m.sentence_end, out);
  out = PutVarintField(metric::kReport, Int32Bits(m.report), out);
  if (paged) out = PutPresentVarint(metric::kPage, Int32Bits(page), out);
  return out;
}

size_t DateSize(const DateMention& d, bool paged, int32_t page) {
  return VarintFieldSize(Int64Bits(d.begin)) +
         VarintFieldSize(Int64Bits(d.end)) + StringFieldSize(d.text) +
         StringFieldSize(d.start) + StringFieldSize(d.finish) +
         VarintFieldSize(Int32Bits(d.report)) + PageFieldSize(paged, page);
}

uint8_t* PutDate(const DateMention& d, bool paged, int32_t page, uint8_t* out) {
  out = PutMessageHeader(response::kDates, DateSize(d, paged, page), out);
  out = PutVarintField(date::kBegin, Int64Bits(d.begin), out);
  out = PutVarintField(date::kEnd, Int64Bits(d.end), out);
  out = PutStringField(date::kText, d.text, out);
  out = PutStringField(date::kStart, d.start, out);
  out = PutStringField(date::kFinish, d.finish, out);
  out = PutVarintField(date::kReport, Int32Bits(d.report), out);
  if (paged) out = PutPresentVarint(date::kPage, Int32Bits(page), out);
  return out;
}

size_t PersonSize(const Person& p, bool paged, int32_t page) {
  return StringFieldSize(p.name) + StringFieldSize(p.role) +
         StringFieldSize(p.organization) + VarintFieldSize(Int64Bits(p.begin)) +
         VarintFieldSize(Int64Bits(p.end)) +
         VarintFieldSize(Int32Bits(p.report)) + PageFieldSize(paged, page);
}

uint8_t* PutPerson(const Person& p, bool paged, int32_t page, uint8_t* out) {
  out = PutMessageHeader(response::kPeople, PersonSize(p, paged, page), out);
  out = PutStringField(person::kName, p.name, out);
  out = PutStringField(person::kRole, p.role, out);
  out = PutStringField(person::kOrganization, p.organization, out);
  out = PutVarintField(person::kBegin, Int64Bits(p.begin), out);
  out = PutVarintField(person::kEnd, Int64Bits(p.end), out);
  out = PutVarintField(person::kReport, Int32Bits(p.report), out);
  if (paged) out = PutPresentVarint(person::kPage, Int32Bits(page), out);
  return out;
}

size_t PageSize(int32_t number, int64_t begin, int64_t end) {
  return VarintFieldSize(Int32Bits(number)) +
         MessageFieldSize(SpanSize(begin, end));
}

}  // namespace

EncodedResponse::EncodedResponse(std::string_view document_id,
                                 const Extraction& facts, std::string_view text,
                                 const AnswerOptions& answer,
                                 const std::vector<int64_t>& page_starts,
                                 bool with_text)
    : document_id_(document_id),
      facts_(facts),
      text_(text),
      page_starts_(page_starts),
      with_text_(with_text),
      page_ends_(PageEnds(text, page_starts)) {
  const bool paged = !page_starts_.empty();
  size_t size = StringFieldSize(document_id_);
  for (const Report& r : facts_.reports) {
    size += MessageFieldSize(
        ReportSize(r, paged, paged ? PageOf(page_starts_, r.begin) : 0));
  }
  if (answer.sentence_text) {
    SentenceCutter cutter(text_);
    sentences_.reserve(facts_.metrics.size());
    for (const Metric& m : facts_.metrics) {
      sentences_.push_back(cutter.Cut(m.sentence_begin, m.sentence_end));
    }
  }
  for (size_t k = 0; k < facts_.metrics.size(); ++k) {
    const Metric& m = facts_.metrics[k];
    size += MessageFieldSize(
        MetricSize(m, sentences_.empty() ? std::string_view() : sentences_[k],
                   paged, paged ? PageOf(page_starts_, m.begin) : 0));
  }
  for (const DateMention& d : facts_.dates) {
    size += MessageFieldSize(
        DateSize(d, paged, paged ? PageOf(page_starts_, d.begin) : 0));
  }
  for (const Person& p : facts_.people) {
    size += MessageFieldSize(
        PersonSize(p, paged, paged ? PageOf(page_starts_, p.begin) : 0));
  }
  // An optional string: present, even empty, once set.
  if (with_text_) size += MessageFieldSize(text_.size());
  for (size_t k = 0; k < page_starts_.size(); ++k) {
    size += MessageFieldSize(PageSize(static_cast<int32_t>(k + 1),
                                      std::min(page_starts_[k], page_ends_[k]),
                                      page_ends_[k]));
  }
  size_ = size;
}

uint8_t* EncodedResponse::WriteTo(uint8_t* out) const {
  const bool paged = !page_starts_.empty();
  out = PutStringField(response::kDocumentId, document_id_, out);
  for (const Report& r : facts_.reports) {
    out = PutReport(r, paged, paged ? PageOf(page_starts_, r.begin) : 0, out);
  }
  for (size_t k = 0; k < facts_.metrics.size(); ++k) {
    const Metric& m = facts_.metrics[k];
    out = PutMetric(m, sentences_.empty() ? std::string_view() : sentences_[k],
                    paged, paged ? PageOf(page_starts_, m.begin) : 0, out);
  }
  for (const DateMention& d : facts_.dates) {
    out = PutDate(d, paged, paged ? PageOf(page_starts_, d.begin) : 0, out);
  }
  for (const Person& p : facts_.people) {
    out = PutPerson(p, paged, paged ? PageOf(page_starts_, p.begin) : 0, out);
  }
  if (with_text_) {
    out = PutMessageHeader(response::kText, text_.size(), out);
    if (!text_.empty()) std::memcpy(out, text_.data(), text_.size());
    out += text_.size();
  }
  for (size_t k = 0; k < page_starts_.size(); ++k) {
    const auto number = static_cast<int32_t>(k + 1);
    const int64_t begin = std::min(page_starts_[k], page_ends_[k]);
    const int64_t end = page_ends_[k];
    out = PutMessageHeader(response::kPages, PageSize(number, begin, end), out);
    out = PutVarintField(page::kNumber, Int32Bits(number), out);
    out = PutSpan(page::kSpan, begin, end, out);
  }
  return out;
}

}  // namespace reportfacts
