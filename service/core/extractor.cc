#include "service/core/extractor.h"

#include "service/core/utf8.h"

namespace reportfacts {

class ExtractorData {};

Extractor::Extractor(std::unique_ptr<const ExtractorData> data)
    : data_(std::move(data)) {}
Extractor::~Extractor() = default;

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Load(
    const ExtractorConfig& config) {
  return std::unique_ptr<Extractor>(
      new Extractor(std::make_unique<ExtractorData>()));
}

absl::StatusOr<Extraction> Extractor::Extract(
    std::string_view text, const ExtractOptions& options) const {
  if (auto bad = FindInvalidUtf8(text)) {
    return absl::InvalidArgumentError("invalid UTF-8");
  }
  return Extraction{};
}

std::vector<Extractor::IndicatorInfo> Extractor::Indicators() const {
  return {};
}

}  // namespace reportfacts
