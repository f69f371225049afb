// Fuzzes service/ingest's DocxToText. Input that begins as a zip archive
// or an old Office file is taken as the file itself (truncated, damaged,
// bomb-like archives); anything else is taken as word/document.xml and
// packed into a .docx here, so that the fuzzer reaches the XML reader
// without first having to forge a zip's checksums. Either way: OK with
// valid UTF-8 text within the text cap, or INVALID_ARGUMENT with a bounded
// message; never a crash, a hang, a leak or another code.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "service/core/utf8.h"
#include "service/ingest/docx_text.h"
#include "tests/ingest/docx_util.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string file;
  if (reportfacts::ingest::LooksLikeZip(input) ||
      reportfacts::ingest::LooksLikeOldOfficeFile(input)) {
    file.assign(input);
  } else {
    file = reportfacts::ingest::ZipArchive(
        {{"word/document.xml", std::string(input), /*deflate=*/false}});
    Check(!file.empty(), "libzip could not pack the input");
  }
  reportfacts::ingest::DocxLimits limits;
  // Small, so that the fuzzer reaches every cap.
  limits.max_entries = 64;
  limits.max_unpacked_bytes = 64 << 10;
  limits.ratio_floor_bytes = 16 << 10;
  limits.max_compression_ratio = 50;
  limits.max_text_bytes = 16 << 10;
  const auto result = reportfacts::ingest::DocxToText(file, limits);
  if (result.ok()) {
    Check(!reportfacts::FindInvalidUtf8(*result).has_value(),
          "text is not valid UTF-8");
    Check(static_cast<int64_t>(result->size()) <= limits.max_text_bytes,
          "text over the cap");
  } else {
    Check(absl::IsInvalidArgument(result.status()), "unexpected status code");
    Check(result.status().message().size() <= 1024,
          "status message is bounded");
  }
  return 0;
}
