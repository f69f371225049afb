// Responses saved by the client, read back for `reportfacts compare`:
// JSON Lines (batch, extract --format jsonl; "-" is stdin), JSON (extract
// --format json: one response or an array) and CSV (batch, extract
// --format csv; rebuilt as far as reports and metrics go).
#ifndef REPORTFACTS_CLIENT_SAVED_RESPONSES_H_
#define REPORTFACTS_CLIENT_SAVED_RESPONSES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "reportfacts/v1/fact_extractor.pb.h"

namespace reportfacts::cli {

// IsSavedResponses tells by its name whether `path` holds saved responses
// (.jsonl, .ndjson, .json, .csv or "-") rather than a report text.
bool IsSavedResponses(const std::string& path);

// ReadSavedResponses appends the responses in `text`, read from `path`;
// an error names the file (and line for JSON Lines).
absl::Status ReadSavedResponses(const std::string& path,
                                const std::string& text,
                                std::vector<v1::ExtractResponse>* responses);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_SAVED_RESPONSES_H_
