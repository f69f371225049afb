// Fuzzes the core's entry point, Extractor::Extract, with arbitrary bytes.
//
// Valid UTF-8 must extract without error, and every fact must be grounded:
// offsets inside the text, on code points, and (for metrics and dates) the
// fact's text equal to that slice of the input. Invalid UTF-8 must give
// INVALID_ARGUMENT, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "service/core/extractor.h"
#include "service/core/utf8.h"

namespace {

const reportfacts::Extractor& LoadedExtractor() {
  static const reportfacts::Extractor* extractor = [] {
    const char* dir = std::getenv("REPORTFACTS_DATA_DIR");
    absl::StatusOr<std::unique_ptr<reportfacts::Extractor>> loaded =
        reportfacts::Extractor::Load(
            {dir != nullptr ? dir : REPORTFACTS_DATA_DIR, ""});
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot load data: %s\n",
                   loaded.status().ToString().c_str());
      std::abort();
    }
    return loaded->release();
  }();
  return *extractor;
}

// Check aborts with a message when `ok` is false, so libFuzzer keeps the
// input as a crash.
void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

void CheckSpan(const std::u32string& code_points, int64_t begin, int64_t end,
               const std::string* text, const char* what) {
  Check(0 <= begin && begin <= end &&
            end <= static_cast<int64_t>(code_points.size()),
        what);
  if (text != nullptr) {
    const std::string slice =
        reportfacts::EncodeUtf8(std::u32string_view(code_points)
                                    .substr(static_cast<size_t>(begin),
                                            static_cast<size_t>(end - begin)));
    Check(slice == *text, what);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const absl::StatusOr<reportfacts::Extraction> result =
      LoadedExtractor().Extract(text, {});
  if (reportfacts::FindInvalidUtf8(text).has_value()) {
    Check(!result.ok() && absl::IsInvalidArgument(result.status()),
          "invalid UTF-8 must give INVALID_ARGUMENT");
    return 0;
  }
  Check(result.ok(), "valid UTF-8 must extract without error");
  const std::u32string code_points = reportfacts::DecodeUtf8(text);
  for (const reportfacts::Metric& metric : result->metrics) {
    CheckSpan(code_points, metric.begin, metric.end, &metric.text,
              "metric span");
    Check(result->reports.empty() ||
              (metric.report >= 0 &&
               metric.report < static_cast<int>(result->reports.size())),
          "metric report index");
  }
  for (const reportfacts::DateMention& date : result->dates) {
    CheckSpan(code_points, date.begin, date.end, &date.text, "date span");
  }
  for (const reportfacts::Person& person : result->people) {
    CheckSpan(code_points, person.begin, person.end, nullptr, "person span");
  }
  for (const reportfacts::Report& report : result->reports) {
    CheckSpan(code_points, report.begin, report.end, nullptr, "report span");
  }
  return 0;
}
