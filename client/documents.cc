#include "client/documents.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "service/api/utf8_check.h"

namespace reportfacts::cli {

namespace fs = std::filesystem;

std::optional<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // Straight into a string of the file's size: a stringstream would copy
  // a large document three times.
  std::string bytes;
  std::error_code error;
  const uintmax_t size = fs::file_size(path, error);
  if (!error && size > 0) bytes.resize(static_cast<size_t>(size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return std::nullopt;
  // A file that grew, or one without a size (a pipe), reads on.
  if (!in.eof()) {
    in.clear();
    bytes.append(std::istreambuf_iterator<char>(in), {});
    if (in.bad()) return std::nullopt;
  }
  return bytes;
}

std::string MediaTypeOfFile(std::string_view path) {
  std::string extension = fs::path(std::string(path)).extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml" ||
      extension == ".shtml") {
    return "text/html";
  }
  if (extension == ".txt") return "text/plain";
  if (extension == ".pdf") return "application/pdf";
  if (extension == ".docx") {
    return "application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  // Sent as what they are, so that the server names them (it reads
  // .docx, not the old binary format).
  if (extension == ".doc") return "application/msword";
  return "";
}

void SetDocumentBody(std::string_view path, std::string bytes,
                     v1::Document* document) {
  const std::string media_type = MediaTypeOfFile(path);
  // Only UTF-8 text goes as text; web pages, PDFs (by their extension or
  // their first bytes), Word files and other encodings go as bytes for the
  // server to convert.
  const bool pdf = std::string_view(bytes).substr(0, 5) == "%PDF-";
  if ((!media_type.empty() && media_type != "text/plain") || pdf ||
      !IsValidUtf8(bytes)) {
    document->set_content(std::move(bytes));
    document->set_media_type(media_type);
  } else {
    document->set_text(std::move(bytes));
  }
}

absl::StatusOr<std::vector<DocumentFile>> ListDocuments(
    const std::string& dir, bool recursive, const std::string& exclude) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return absl::NotFoundError(absl::StrCat(dir, " is not a folder"));
  }
  std::vector<DocumentFile> files;
  const auto consider = [&](const fs::directory_entry& entry) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') return;
    std::error_code e;
    if (!entry.is_regular_file(e)) return;
    if (!exclude.empty() && fs::equivalent(entry.path(), exclude, e)) return;
    DocumentFile file;
    file.path = entry.path().string();
    file.id = entry.path().lexically_relative(dir).generic_string();
    file.bytes = entry.file_size(e);
    files.push_back(std::move(file));
  };
  if (recursive) {
    fs::recursive_directory_iterator it(dir, error), end;
    for (; !error && it != end; it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (it->is_directory() && !name.empty() && name[0] == '.') {
        it.disable_recursion_pending();
        continue;
      }
      consider(*it);
    }
  } else {
    fs::directory_iterator it(dir, error), end;
    for (; !error && it != end; it.increment(error)) consider(*it);
  }
  if (error) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot list ", dir, ": ", error.message()));
  }
  std::sort(
      files.begin(), files.end(),
      [](const DocumentFile& a, const DocumentFile& b) { return a.id < b.id; });
  return files;
}

}  // namespace reportfacts::cli
