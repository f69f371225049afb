#include "client/json_io.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "service/api/convert.h"
#include "service/api/response_json.h"

namespace reportfacts::cli {

std::string ToJson(const google::protobuf::Message& message, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) return "{}";
  // Pretty output ends with a newline already; compact output does not.
  if (!json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

std::string ToJson(const v1::ExtractResponse& response, bool pretty) {
  std::string json;
  if (AppendResponseJson(response, pretty, &json)) return json;
  return ToJson(static_cast<const google::protobuf::Message&>(response),
                pretty);
}

void AppendJson(const v1::ExtractResponse& response, bool pretty,
                std::string_view sentence_text, std::string* out) {
  if (AppendResponseJson(response, pretty, sentence_text, out)) return;
  // Rare (a string that is not UTF-8): protobuf's printer, on a copy that
  // holds the sentences.
  v1::ExtractResponse filled = response;
  if (!sentence_text.empty()) FillSentences(sentence_text, &filled);
  out->append(
      ToJson(static_cast<const google::protobuf::Message&>(filled), pretty));
}

absl::StatusOr<v1::ExtractResponse> ParseResponseJson(std::string_view json) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  v1::ExtractResponse response;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &response,
      options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "not an ExtractResponse in JSON: ",
        std::string(status.message().data(), status.message().size())));
  }
  return response;
}

}  // namespace reportfacts::cli
