// Finding and reading the documents that the client sends.
#ifndef REPORTFACTS_CLIENT_DOCUMENTS_H_
#define REPORTFACTS_CLIENT_DOCUMENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace reportfacts::cli {

// ReadInput reads a whole file, or stdin for "-"; nullopt when unreadable.
std::optional<std::string> ReadInput(const std::string& path);

// DocumentFile is one file found in a folder.
struct DocumentFile {
  std::string path;  // as opened
  std::string id;    // path relative to the folder, '/'-separated
  uint64_t bytes = 0;
};

// ListDocuments returns the regular files of `dir` sorted by id, leaving
// out hidden files (".name") and `exclude` (the output file, when it lies
// in the folder). `recursive` descends into non-hidden subfolders.
absl::StatusOr<std::vector<DocumentFile>> ListDocuments(
    const std::string& dir, bool recursive, const std::string& exclude);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_DOCUMENTS_H_
