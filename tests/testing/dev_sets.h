// The development sets' documents, for tests that run the real core over
// them (../shared/corpus and ../shared/corpus-web, never copied here).
//
//   for (const std::string& path : DevSetFiles("corpus-web")) {
//     const std::string text = ReadWholeFile(path); ...
//   }
//
// A missing folder gives no files and fails the calling test: a missing
// corpus is a failure, not a skip.
#ifndef REPORTFACTS_TESTS_TESTING_DEV_SETS_H_
#define REPORTFACTS_TESTS_TESTING_DEV_SETS_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace reportfacts::testing {

// DevSetFiles lists the .txt files of ../shared/<set>, sorted by name.
inline std::vector<std::string> DevSetFiles(const std::string& set) {
  const std::filesystem::path dir =
      std::filesystem::path(REPORTFACTS_SHARED_DIR) / set;
  std::vector<std::string> files;
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    ADD_FAILURE() << dir << " is missing";
    return files;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// ReadWholeFile is the file's bytes ("" if it cannot be read).
inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace reportfacts::testing

#endif  // REPORTFACTS_TESTS_TESTING_DEV_SETS_H_
