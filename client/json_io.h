// Reading and writing ExtractResponse as proto3 JSON, with the proto field
// names (the names of the gold files), as `extract` and `batch` print it.
#ifndef REPORTFACTS_CLIENT_JSON_IO_H_
#define REPORTFACTS_CLIENT_JSON_IO_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "reportfacts/v1/fact_extractor.pb.h"

namespace reportfacts::cli {

// ToJson prints `message` with every field, pretty (indented, for people)
// or compact (one line, for JSON Lines). No trailing newline.
std::string ToJson(const google::protobuf::Message& message, bool pretty);
// The same for a response, through the faster printer of response_json.h.
std::string ToJson(const v1::ExtractResponse& response, bool pretty);

// AppendJson appends `response` to `out` as ToJson prints it, with each
// missing sentence cut from `sentence_text` (AppendResponseJson), for an
// answer asked without sentence text.
void AppendJson(const v1::ExtractResponse& response, bool pretty,
                std::string_view sentence_text, std::string* out);

// ParseResponseJson reads one ExtractResponse printed by ToJson (unknown
// fields are ignored, so newer servers' output still reads).
absl::StatusOr<v1::ExtractResponse> ParseResponseJson(std::string_view json);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_JSON_IO_H_
