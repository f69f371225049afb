// The extraction engine behind the service, as an interface.
//
// The server runs the real core (service/core) through LoadExtractorBackend;
// tests substitute a backend that is slow, fails or counts calls, to check
// deadlines, cancellation and overload without depending on what the core
// extracts.
#ifndef REPORTFACTS_SERVICE_ADMISSION_BACKEND_H_
#define REPORTFACTS_SERVICE_ADMISSION_BACKEND_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "service/core/extractor.h"
#include "service/core/facts.h"

namespace reportfacts {

// ExtractionBackend extracts facts; implementations must be safe for
// concurrent use, since every worker thread calls Extract.
class ExtractionBackend {
 public:
  virtual ~ExtractionBackend() = default;

  // Extract finds the facts of valid UTF-8 `text`, polling
  // options.is_cancelled and returning CANCELLED when it turns true.
  virtual absl::StatusOr<Extraction> Extract(
      std::string_view text, const ExtractOptions& options) const = 0;

  // Indicators lists the taxonomy in file order.
  virtual std::vector<Extractor::IndicatorInfo> Indicators() const = 0;
};

// LoadExtractorBackend loads the core's data from `data_dir` (and the
// taxonomy from `taxonomy_path`, or <data_dir>/taxonomy.tsv when empty).
// Errors name the bad file and line.
absl::StatusOr<std::unique_ptr<ExtractionBackend>> LoadExtractorBackend(
    const std::string& data_dir, const std::string& taxonomy_path);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_ADMISSION_BACKEND_H_
