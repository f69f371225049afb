// Finding and reading the documents that the client sends.
#ifndef REPORTFACTS_CLIENT_DOCUMENTS_H_
#define REPORTFACTS_CLIENT_DOCUMENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "reportfacts/v1/facts.pb.h"

namespace reportfacts::cli {

// ReadInput reads a whole file, or stdin for "-"; nullopt when unreadable.
std::optional<std::string> ReadInput(const std::string& path);

// MediaTypeOfFile is the media type of a file by its extension, case
// ignored: "text/html" for .html, .htm, .xhtml and .shtml, "text/plain"
// for .txt, "application/pdf" for .pdf, the Word types for .docx and
// .doc, empty otherwise (the server then recognises the bytes).
std::string MediaTypeOfFile(std::string_view path);

// SetDocumentBody puts a file's bytes into `document` as the server reads
// them: a web page, a PDF (by its extension or its first bytes), a Word
// file, and any file that is not valid UTF-8 (a GBK or Big5 text), as
// content with MediaTypeOfFile, for the server to convert; other files as
// UTF-8 text.
void SetDocumentBody(std::string_view path, std::string bytes,
                     v1::Document* document);

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
