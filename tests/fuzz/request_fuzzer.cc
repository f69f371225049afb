// Fuzzes what the server does with a request before any work: decode the
// bytes as a v1::ExtractRequest (DecodeExtractRequest, as the service
// does), then ValidateDocument.
//
// Differential checks: whatever protobuf's own parser accepts, the
// service's decoder accepts with the same fields; the service's UTF-8
// validator agrees with protobuf's on every text; and a document that
// passes validation is within the size limit, valid UTF-8 (id and
// media_type too), carries text or content but not both, and a real date
// (or none).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "google/protobuf/stubs/common.h"
#include "google/protobuf/stubs/logging.h"
#include "reportfacts/v1/fact_extractor.pb.h"
#include "service/admission/validation.h"
#include "service/core/utf8.h"
#include "service/server/wire.h"

namespace google::protobuf::internal {
// Exported by libprotobuf; declared in a header that is not installed.
bool IsStructurallyValidUTF8(const char* buf, int len);
}  // namespace google::protobuf::internal

namespace {

// Small, so that the fuzzer reaches the over-the-limit branch.
constexpr int64_t kMaxDocBytes = 1024;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  reportfacts::v1::ExtractRequest request;
  const absl::Status decoded = reportfacts::DecodeExtractRequest(
      std::string_view(reinterpret_cast<const char*>(data), size), &request);
  reportfacts::v1::ExtractRequest parsed;
  // protobuf's parser logs an ERROR for an invalid UTF-8 string field;
  // keep the fuzzer's output for real findings.
  google::protobuf::LogSilencer quiet;
  if (parsed.ParseFromArray(data, static_cast<int>(size))) {
    Check(decoded.ok(), "protobuf parses what the service refuses");
    Check(
        parsed.document().id() == request.document().id() &&
            parsed.document().text() == request.document().text() &&
            parsed.document().reference_date() ==
                request.document().reference_date() &&
            parsed.document().content() == request.document().content() &&
            parsed.document().media_type() == request.document().media_type() &&
            parsed.omit_sentence_text() == request.omit_sentence_text(),
        "the decoders disagree on a field");
  }
  if (!decoded.ok()) {
    Check(absl::IsInvalidArgument(decoded), "undecodable is INVALID_ARGUMENT");
    return 0;
  }
  const reportfacts::v1::Document& document = request.document();
  const std::string& text = document.text();

  const bool ours_valid = !reportfacts::FindInvalidUtf8(text).has_value();
  const bool protobuf_valid =
      google::protobuf::internal::IsStructurallyValidUTF8(
          text.data(), static_cast<int>(text.size()));
  Check(ours_valid == protobuf_valid, "UTF-8 validators disagree");

  const absl::Status status =
      reportfacts::ValidateDocument(document, kMaxDocBytes);
  if (status.ok()) {
    Check(static_cast<int64_t>(text.size()) <= kMaxDocBytes, "size limit");
    Check(static_cast<int64_t>(document.content().size()) <= kMaxDocBytes,
          "content size limit");
    Check(text.empty() || document.content().empty(),
          "accepted both text and content");
    Check(!reportfacts::FindInvalidUtf8(document.media_type()).has_value(),
          "accepted a media_type that is not UTF-8");
    Check(ours_valid, "accepted invalid UTF-8");
    Check(!reportfacts::FindInvalidUtf8(document.id()).has_value(),
          "accepted an id that is not UTF-8");
    Check(document.reference_date().empty() ||
              reportfacts::IsIsoDate(document.reference_date()),
          "accepted a bad date");
  } else {
    Check(absl::IsInvalidArgument(status), "unexpected status code");
    Check(status.message().size() <= 2048, "status message is bounded");
  }
  // Serialising what was accepted must not crash either.
  std::string round_trip;
  Check(request.SerializeToString(&round_trip), "serialise");
  return 0;
}
