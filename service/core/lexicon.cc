#include "service/core/lexicon.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// Trim drops ASCII blanks at both ends.
std::string Trim(const std::string& s) {
  const char* blanks = " \t\r\n";
  const size_t b = s.find_first_not_of(blanks);
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(blanks) - b + 1);
}

}  // namespace

absl::Status DataLineError(const std::string& path, int line,
                           std::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat(path, ":", line, ": ", std::string(message)));
}

absl::StatusOr<std::vector<DataLine>> ReadDataLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return absl::NotFoundError(absl::StrCat("cannot open data file ", path));
  std::vector<DataLine> lines;
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (auto bad = FindInvalidUtf8(raw)) {
      return DataLineError(path, number,
                           absl::StrCat("invalid UTF-8 at byte ", *bad));
    }
    const std::string trimmed = Trim(raw);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    DataLine line;
    line.line_number = number;
    size_t start = 0;
    while (true) {
      const size_t tab = raw.find('\t', start);
      line.fields.push_back(Trim(raw.substr(start, tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

void WordSet::Add(std::u32string word) {
  if (word.empty()) return;
  max_length_ = std::max(max_length_, word.size());
  words_.insert(std::move(word));
}

bool WordSet::Contains(std::u32string_view word) const {
  return words_.contains(word);
}

size_t WordSet::LongestEndingAt(std::u32string_view text, size_t end,
                                size_t floor) const {
  if (end > text.size()) return 0;
  const size_t room = end - std::min(end, floor);
  for (size_t len = std::min(max_length_, room); len > 0; --len) {
    if (words_.contains(text.substr(end - len, len))) return len;
  }
  return 0;
}

size_t WordSet::LongestStartingAt(std::u32string_view text, size_t begin,
                                  size_t limit) const {
  limit = std::min(limit, text.size());
  if (begin >= limit) return 0;
  for (size_t len = std::min(max_length_, limit - begin); len > 0; --len) {
    if (words_.contains(text.substr(begin, len))) return len;
  }
  return 0;
}

absl::StatusOr<WordSet> LoadWordSet(const std::string& path) {
  auto lines = ReadDataLines(path);
  if (!lines.ok()) return lines.status();
  WordSet set;
  for (const DataLine& line : *lines) {
    if (line.fields.size() != 1 ||
        line.fields[0].find(' ') != std::string::npos) {
      return DataLineError(path, line.line_number,
                           "expected one word per line");
    }
    set.Add(DecodeUtf8(line.fields[0]));
  }
  if (set.empty()) return DataLineError(path, 0, "no words");
  return set;
}

}  // namespace reportfacts
