// Word lists and tables loaded from the data folder.
//
// Every loader checks each line and names file:line in its error, so an
// analyst who edits a data file learns exactly what is wrong. Loaded data
// is immutable and safe for concurrent reads.
#ifndef REPORTFACTS_SERVICE_CORE_LEXICON_H_
#define REPORTFACTS_SERVICE_CORE_LEXICON_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace reportfacts {

// U32Hash and U32Eq let code point sets be probed with string views.
struct U32Hash {
  using is_transparent = void;
  size_t operator()(std::u32string_view s) const {
    return std::hash<std::u32string_view>()(s);
  }
};
struct U32Eq {
  using is_transparent = void;
  bool operator()(std::u32string_view a, std::u32string_view b) const {
    return a == b;
  }
};

// DataLine is one non-comment, non-blank line of a data file, split on tabs.
struct DataLine {
  int line_number = 0;
  std::vector<std::string> fields;
};

// ReadDataLines reads a UTF-8 data file: '#' starts a comment line, blank
// lines are skipped, fields are tab-separated and trimmed. Invalid UTF-8 is
// an error naming file:line.
absl::StatusOr<std::vector<DataLine>> ReadDataLines(const std::string& path);

// DataLineError builds INVALID_ARGUMENT "path:line: message".
absl::Status DataLineError(const std::string& path, int line,
                           std::string_view message);

// WordSet answers "which listed word ends (or starts) here" on code points.
class WordSet {
 public:
  void Add(std::u32string word);
  bool Contains(std::u32string_view word) const;
  bool empty() const { return words_.empty(); }

  // LongestEndingAt returns the length of the longest word w such that
  // text[end - len(w), end) == w and end - len(w) >= floor, or 0.
  size_t LongestEndingAt(std::u32string_view text, size_t end,
                         size_t floor = 0) const;
  // LongestStartingAt returns the length of the longest word that starts at
  // `begin` and ends at or before `limit`, or 0.
  size_t LongestStartingAt(std::u32string_view text, size_t begin,
                           size_t limit) const;

 private:
  absl::flat_hash_set<std::u32string, U32Hash, U32Eq> words_;
  size_t max_length_ = 0;
};

// LoadWordSet reads a one-word-per-line file.
absl::StatusOr<WordSet> LoadWordSet(const std::string& path);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_LEXICON_H_
