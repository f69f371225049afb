#include "service/admission/backend.h"

#include <utility>

namespace reportfacts {
namespace {

// ExtractorBackend runs the real core.
class ExtractorBackend final : public ExtractionBackend {
 public:
  explicit ExtractorBackend(std::unique_ptr<Extractor> extractor)
      : extractor_(std::move(extractor)) {}

  absl::StatusOr<Extraction> Extract(
      std::string_view text, const ExtractOptions& options) const override {
    return extractor_->Extract(text, options);
  }

  std::vector<Extractor::IndicatorInfo> Indicators() const override {
    return extractor_->Indicators();
  }

 private:
  std::unique_ptr<Extractor> extractor_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ExtractionBackend>> LoadExtractorBackend(
    const std::string& data_dir, const std::string& taxonomy_path) {
  ExtractorConfig config;
  config.data_dir = data_dir;
  config.taxonomy_path = taxonomy_path;
  absl::StatusOr<std::unique_ptr<Extractor>> extractor =
      Extractor::Load(config);
  if (!extractor.ok()) return extractor.status();
  return std::make_unique<ExtractorBackend>(*std::move(extractor));
}

}  // namespace reportfacts
