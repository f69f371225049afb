// A JSON printer for ExtractResponse, shared by the client and the HTTP
// side, that gives, byte for byte, what
// protobuf's MessageToJsonString prints with the options `extract` and
// `batch` use (proto field names, every primitive field), several times
// faster: protobuf's printer goes through reflection and a tree of
// default values for every field of every metric.
//
//   std::string json;
//   AppendResponseJson(response, /*pretty=*/false, &json);
//
// Byte compatibility is a contract checked by response_json_test against
// protobuf's own printer, escapes and number forms included.
#ifndef REPORTFACTS_SERVICE_API_RESPONSE_JSON_H_
#define REPORTFACTS_SERVICE_API_RESPONSE_JSON_H_

#include <string>
#include <string_view>

#include "reportfacts/v1/fact_extractor.pb.h"

namespace reportfacts {

// AppendResponseJson appends `response` as proto3 JSON to `out`: pretty
// (one-space indents, protobuf's layout) or compact; no trailing newline.
// False, with `out` unchanged, when a string is not valid UTF-8, which
// protobuf's printer handles its own way; the caller then falls back to it.
bool AppendResponseJson(const v1::ExtractResponse& response, bool pretty,
                        std::string* out);

// The same for an answer asked without sentence text (omit_sentence_text):
// each metric whose `sentence` is empty is printed with the sentence cut
// from `sentence_text` by its sentence_span, byte for byte what the server
// would have sent (SentenceCutter, as ExtractionToProto cuts). Give the
// text the spans point into: the document's text, or the response's
// `text` for a converted document. Empty: sentences print as they are.
bool AppendResponseJson(const v1::ExtractResponse& response, bool pretty,
                        std::string_view sentence_text, std::string* out);

// AppendWireResponseJson prints the ExtractResponse whose protobuf wire
// bytes are `bytes`, byte for byte as AppendResponseJson prints the parsed
// message, without building it (the client's `extract` prints an answer
// of megabytes this way: parsing it would cost as much as printing).
// With `cut_sentences`, an empty sentence is cut from the response's own
// `text` when it has one, else from `document_text`, as the client passes
// them to AppendResponseJson. False, with `out` unchanged, when the bytes
// are not a message this reader takes (groups, malformed bytes) or a
// string is not UTF-8: parse them with protobuf then, which decides.
bool AppendWireResponseJson(std::string_view bytes, bool pretty,
                            bool cut_sentences, std::string_view document_text,
                            std::string* out);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_API_RESPONSE_JSON_H_
