// Fuzzes service/ingest's ToPlainText: bytes of any kind, under each kind
// of media type (the first byte picks one), must give OK with valid UTF-8
// text within the decoded-size cap, or INVALID_ARGUMENT (for a PDF also
// FAILED_PRECONDITION or DEADLINE_EXCEEDED) with a bounded message; never
// a crash, a hang or another code.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "service/core/utf8.h"
#include "service/ingest/ingest.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

constexpr const char* kMediaTypes[] = {
    "",
    "text/plain",
    "text/html",
    "text/plain; charset=GBK",
    "text/html; charset=big5",
    "text/plain; charset=gb18030",
    "text/html; charset=utf-8",
    "text/plain; charset=UTF-16LE",
    "application/pdf",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* media_type =
      kMediaTypes[data[0] % (sizeof(kMediaTypes) / sizeof(kMediaTypes[0]))];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1),
                               size - 1);
  reportfacts::ingest::IngestLimits limits;
  // Small, so that the fuzzer reaches both caps.
  limits.max_input_bytes = 16 << 10;
  limits.max_decoded_bytes = 24 << 10;
  const auto result =
      reportfacts::ingest::ToPlainText(bytes, media_type, limits);
  if (result.ok()) {
    Check(!reportfacts::FindInvalidUtf8(result->text).has_value(),
          "text is not valid UTF-8");
    Check(static_cast<int64_t>(result->text.size()) <= limits.max_decoded_bytes,
          "text over the decoded cap");
  } else {
    // A PDF may also be locked (FAILED_PRECONDITION) or slow to read.
    Check(absl::IsInvalidArgument(result.status()) ||
              absl::IsFailedPrecondition(result.status()) ||
              absl::IsDeadlineExceeded(result.status()),
          "unexpected status code");
    Check(result.status().message().size() <= 1024,
          "status message is bounded");
  }
  return 0;
}
