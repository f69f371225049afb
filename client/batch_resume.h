// Resuming a batch: which documents an earlier run already wrote to the
// output file, and how much of that file is whole.
//
//   absl::StatusOr<ResumeState> state = ReadResumeState(path, format);
//   // skip files whose id is in state->done; cut the file to
//   // state->valid_bytes (a run killed mid-line leaves a partial line)
//   // and append.
//
// Failed documents are never written, so a rerun retries them.
#ifndef REPORTFACTS_CLIENT_BATCH_RESUME_H_
#define REPORTFACTS_CLIENT_BATCH_RESUME_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace reportfacts::cli {

// BatchFormat is the output format of `batch`.
enum class BatchFormat { kJsonLines, kCsv };

// ResumeState is what an existing output file says about earlier runs.
struct ResumeState {
  std::set<std::string> done;  // document ids already in the file
  uint64_t valid_bytes = 0;    // the file up to its last whole record
  bool has_header = false;     // CSV: the header line is there
};

// ResumeFromText reads the contents of an output file. A complete line
// that is not a batch record of `format` is an error: appending to some
// other file would damage it.
absl::StatusOr<ResumeState> ResumeFromText(std::string_view text,
                                           BatchFormat format);

// ReadResumeState reads `path`; a missing file is an empty state.
absl::StatusOr<ResumeState> ReadResumeState(const std::string& path,
                                            BatchFormat format);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_BATCH_RESUME_H_
