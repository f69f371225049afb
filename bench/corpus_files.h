// Reading the shared sample corpora for the benchmarks and probes.
//
//   for (const std::string& doc : ReadCorpus("corpus")) Extract(doc);
//
// The folders live in REPORTFACTS_SHARED_DIR (set by CMake); a missing
// folder reads as no documents, so a checkout without ../shared still runs
// (the benchmarks then fall back to a bundled sentence).
#ifndef REPORTFACTS_BENCH_CORPUS_FILES_H_
#define REPORTFACTS_BENCH_CORPUS_FILES_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace reportfacts {

// ReadAll returns the bytes of a file ("" when it cannot be read).
inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// CorpusFiles lists the .txt files of a shared corpus folder ("corpus",
// "corpus-web"), sorted, so that every run reads them in the same order.
inline std::vector<std::filesystem::path> CorpusFiles(const std::string& name) {
  std::vector<std::filesystem::path> out;
  const std::filesystem::path dir =
      std::filesystem::path(REPORTFACTS_SHARED_DIR) / name;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ReadCorpus is the contents of CorpusFiles(name), in the same order.
inline std::vector<std::string> ReadCorpus(const std::string& name) {
  std::vector<std::string> docs;
  for (const auto& path : CorpusFiles(name)) docs.push_back(ReadAll(path));
  return docs;
}

// Archive concatenates `docs` (each followed by a blank line), repeated
// until `bytes` is reached, cut on a character boundary: a synthetic
// document of any size, to show that time grows linearly with it.
inline std::string Archive(const std::vector<std::string>& docs, size_t bytes) {
  std::string out;
  if (docs.empty()) return out;
  for (size_t i = 0; out.size() < bytes; ++i) {
    out += docs[i % docs.size()];
    out += "\n\n";
  }
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  out.resize(cut);
  return out;
}

}  // namespace reportfacts

#endif  // REPORTFACTS_BENCH_CORPUS_FILES_H_
