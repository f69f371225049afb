// Conversion between the core's plain structs (service/core/facts.h) and
// the messages of the reportfacts.v1 contract.
//
//   v1::ExtractResponse response;
//   ExtractionToProto(*facts, text, &response);  // server side
//   Extraction back = ExtractionFromProto(response);  // client side
//
// Both directions keep every field; the proto side adds Metric.sentence,
// the sentence text, which is cut from the document text.
#ifndef REPORTFACTS_SERVICE_API_CONVERT_H_
#define REPORTFACTS_SERVICE_API_CONVERT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "reportfacts/v1/fact_extractor.pb.h"
#include "reportfacts/v1/facts.pb.h"
#include "service/core/facts.h"

namespace reportfacts {

// QualifierToProto maps a core qualifier onto the proto enum.
v1::Metric::Qualifier QualifierToProto(Qualifier qualifier);

// QualifierFromProto maps back; QUALIFIER_UNSPECIFIED and unknown values
// become kExact.
Qualifier QualifierFromProto(v1::Metric::Qualifier qualifier);

// AnswerOptions are the caller's choices of what a response holds.
struct AnswerOptions {
  // Metric.sentence is filled (sentence_span always is).
  bool sentence_text = true;
};

// ExtractionToProto appends the facts to `out`'s repeated fields. `text` is
// the UTF-8 document the facts were found in; metric sentences are cut
// from it by their code point span (clamped to the text). `page_starts`,
// for a paged document (a PDF), are the code points of `text` where each
// page starts (ingest::IngestedText::page_starts): they fill
// ExtractResponse.pages and each fact's page; empty for unpaged text.
// Other fields of `out`, such as document_id, are left alone.
void ExtractionToProto(const Extraction& facts, std::string_view text,
                       v1::ExtractResponse* out,
                       const AnswerOptions& answer = {},
                       const std::vector<int64_t>& page_starts = {});

// PageOf is the 1-based page holding code point `offset` of a text whose
// pages start at `page_starts` (as ExtractionToProto takes them), or 0 for
// text without pages.
int32_t PageOf(const std::vector<int64_t>& page_starts, int64_t offset);

// PageEnds is, for each page, the code point where its span ends: the
// next page's start, or the text's length for the last one.
std::vector<int64_t> PageEnds(std::string_view text,
                              const std::vector<int64_t>& page_starts);

// FillSentences sets the sentence of every metric of `response` that has
// none from `text` by its sentence_span, as ExtractionToProto would have:
// for an answer asked with omit_sentence_text, whose caller has the text.
void FillSentences(std::string_view text, v1::ExtractResponse* response);

// ExtractionFromProto converts a response back into core structs. The
// sentence text is dropped (the span is kept), and so are pages; error
// fields are ignored.
Extraction ExtractionFromProto(const v1::ExtractResponse& response);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_API_CONVERT_H_
