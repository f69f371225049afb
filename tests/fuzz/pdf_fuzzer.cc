// Fuzzes service/ingest's PDF path: poppler's reading of any bytes
// (PdfToText) and layout repair (RepairLayout) of what it gives. Every
// input must give OK with valid UTF-8 text, page starts ascending inside
// it and an offset map that goes back and forth exactly; or
// INVALID_ARGUMENT, FAILED_PRECONDITION (a locked PDF) or
// DEADLINE_EXCEEDED with a bounded message; never a crash or a hang.
// The seeds (tests/fuzz/corpus/pdf) are a few hand-made PDFs under 4 KB:
// pages with a header and page numbers, object streams, AES-encrypted
// with and without a password to open, a truncated file, a line set in
// a font size no page has (1.6e24 points).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "absl/time/time.h"
#include "service/core/utf8.h"
#include "service/ingest/layout_repair.h"
#include "service/ingest/pdf_text.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

void CheckPageStarts(const std::vector<int64_t>& starts, int64_t size) {
  for (size_t k = 0; k < starts.size(); ++k) {
    Check(starts[k] >= 0 && starts[k] <= size, "page start outside the text");
    Check(k == 0 || starts[k - 1] <= starts[k], "page starts not ascending");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  reportfacts::ingest::PdfLimits limits;
  limits.max_pages = 50;
  limits.max_text_bytes = 64 << 10;
  limits.max_time = absl::Seconds(5);
  const auto pdf = reportfacts::ingest::PdfToText(bytes, limits);
  if (!pdf.ok()) {
    Check(absl::IsInvalidArgument(pdf.status()) ||
              absl::IsFailedPrecondition(pdf.status()) ||
              absl::IsDeadlineExceeded(pdf.status()),
          "unexpected status code");
    Check(pdf.status().message().size() <= 1024, "status message is bounded");
    return 0;
  }
  Check(!reportfacts::FindInvalidUtf8(pdf->text).has_value(),
        "extracted text is not valid UTF-8");
  const std::u32string extracted = reportfacts::DecodeUtf8(pdf->text);
  CheckPageStarts(pdf->page_starts, static_cast<int64_t>(extracted.size()));

  const reportfacts::ingest::RepairedText repaired =
      reportfacts::ingest::RepairLayout(
          {pdf->text, pdf->page_starts, &pdf->line_font_sizes});
  Check(!reportfacts::FindInvalidUtf8(repaired.text).has_value(),
        "repaired text is not valid UTF-8");
  const std::u32string text = reportfacts::DecodeUtf8(repaired.text);
  Check(repaired.page_starts.size() == pdf->page_starts.size(),
        "a page lost in repair");
  CheckPageStarts(repaired.page_starts, static_cast<int64_t>(text.size()));
  for (size_t r = 0; r < text.size(); ++r) {
    const int64_t e = repaired.map.ToExtracted(static_cast<int64_t>(r));
    Check(e >= 0 && e < static_cast<int64_t>(extracted.size()),
          "map outside the extracted text");
    Check(extracted[static_cast<size_t>(e)] == text[r],
          "map to another character");
    Check(repaired.map.ToRepaired(e) == static_cast<int64_t>(r),
          "map does not go back");
  }
  return 0;
}
