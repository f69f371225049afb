// Extractor turns the text of a Chinese work report into facts.
//
//   auto extractor = reportfacts::Extractor::Load({.data_dir = "data"});
//   if (!extractor.ok()) return extractor.status();
//   absl::StatusOr<Extraction> facts = (*extractor)->Extract(text, {});
//
// An Extractor holds immutable data (taxonomy, lexicons, gazetteer) loaded
// once; Extract is const and safe for concurrent use from many threads.
#ifndef REPORTFACTS_SERVICE_CORE_EXTRACTOR_H_
#define REPORTFACTS_SERVICE_CORE_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "service/core/facts.h"

namespace reportfacts {

// ExtractorConfig names the data files. Empty paths mean "inside data_dir".
struct ExtractorConfig {
  std::string data_dir;       // folder with the files below; required
  std::string taxonomy_path;  // default: <data_dir>/taxonomy.tsv
};

// ExtractOptions tune one call.
struct ExtractOptions {
  // Polled between stages; returning true makes
  // Extract stop and return CANCELLED. Empty means never cancelled.
  std::function<bool()> is_cancelled;
  // ISO date (YYYY-MM-DD) that resolves relative dates when a report names
  // no year of its own. Empty means none.
  std::string reference_date;
  // Text with Traditional characters is matched in its Simplified form,
  // with offsets still into the text as given (see traditional.h).
  bool convert_traditional = true;
  // Most facts (metrics, dates, people and reports together) the call may
  // find; past it Extract stops and returns RESOURCE_EXHAUSTED naming the
  // limit, so that a text dense in numbers cannot hold memory for facts
  // nobody will read. 0 means no limit.
  int64_t max_facts = 0;
  // Threads one document may use. With 2 or more, a document of at least
  // kParallelMinCodePoints runs the phrase analysis of its metrics beside
  // the document-wide scans (reports, then dates and people): they read
  // the same decoded text and nothing of each other, so the facts are the
  // same as on one thread. 1 keeps the whole call on the caller's thread.
  int max_threads = 1;
};

// Documents shorter than this stay on one thread whatever max_threads
// says: starting a thread costs tens of microseconds, a document of this
// size about a millisecond.
inline constexpr size_t kParallelMinCodePoints = 32 * 1024;

class ExtractorData;

// Extractor is safe for concurrent use.
class Extractor {
 public:
  // Load reads every data file and checks it line by line; a bad line is an
  // INVALID_ARGUMENT naming file:line, a missing file NOT_FOUND.
  static absl::StatusOr<std::unique_ptr<Extractor>> Load(
      const ExtractorConfig& config);

  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extract finds the facts of one document. `text` must be valid UTF-8
  // (callers check with FindInvalidUtf8 first; invalid input gives
  // INVALID_ARGUMENT). Offsets in the result are code points.
  absl::StatusOr<Extraction> Extract(std::string_view text,
                                     const ExtractOptions& options) const;

  // IndicatorIds lists the taxonomy, in file order, with descriptions.
  struct IndicatorInfo {
    std::string id;
    std::string description;
  };
  std::vector<IndicatorInfo> Indicators() const;

 private:
  explicit Extractor(std::unique_ptr<const ExtractorData> data);
  std::unique_ptr<const ExtractorData> data_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_EXTRACTOR_H_
