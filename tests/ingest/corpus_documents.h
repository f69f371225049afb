// What the converter corpus tests share: the development documents read
// from ../shared at test time (never copied into the project), and the
// comparison of the facts a converted file gives with the plain text's.
//
//   std::vector<size_t> per_set;
//   std::vector<CorpusDocument> docs = ReadDevelopmentCorpora(&per_set);
//   ExpectBothCorporaRead(per_set);  // a missing corpus fails the test
//   ExpectSameFacts(*extractor, doc.text, converted_text);
#ifndef REPORTFACTS_TESTS_INGEST_CORPUS_DOCUMENTS_H_
#define REPORTFACTS_TESTS_INGEST_CORPUS_DOCUMENTS_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/extractor.h"

namespace reportfacts::ingest {

struct CorpusDocument {
  std::string name;  // "corpus-web/012_....txt"
  std::string text;
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// ReadDevelopmentCorpora returns every .txt of ../shared/corpus and
// ../shared/corpus-web, each set in name order; `per_set` gets how many
// each set had.
inline std::vector<CorpusDocument> ReadDevelopmentCorpora(
    std::vector<size_t>* per_set) {
  namespace fs = std::filesystem;
  std::vector<CorpusDocument> documents;
  per_set->clear();
  for (const char* set : {"corpus", "corpus-web"}) {
    const fs::path dir = fs::path(REPORTFACTS_SHARED_DIR) / set;
    std::vector<fs::path> files;
    std::error_code error;
    if (fs::is_directory(dir, error)) {
      for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    per_set->push_back(files.size());
    for (const fs::path& file : files) {
      documents.push_back(
          {std::string(set) + "/" + file.filename().string(), ReadFile(file)});
    }
  }
  return documents;
}

// ExpectBothCorporaRead fails unless both sets gave documents: a test that
// reads nothing proves nothing.
inline void ExpectBothCorporaRead(const std::vector<size_t>& per_set) {
  ASSERT_EQ(per_set.size(), 2u);
  ASSERT_GT(per_set[0], 0u) << "no " << REPORTFACTS_SHARED_DIR << "/corpus";
  ASSERT_GT(per_set[1], 0u) << "no " << REPORTFACTS_SHARED_DIR << "/corpus-web";
}

// EscapeMarkup escapes text for an XML or HTML text node (a Word w:t, a
// web page's paragraph).
inline std::string EscapeMarkup(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

// ExpectSameMetricsAndDates compares two extractions' metrics (values,
// units, digits and unit as written, qualifiers) and dates.
inline void ExpectSameMetricsAndDates(const Extraction& want,
                                      const Extraction& got) {
  ASSERT_EQ(want.metrics.size(), got.metrics.size());
  for (size_t i = 0; i < want.metrics.size(); ++i) {
    const Metric& w = want.metrics[i];
    const Metric& g = got.metrics[i];
    SCOPED_TRACE("metric " + w.text + w.unit_text);
    EXPECT_EQ(w.value, g.value);
    EXPECT_EQ(w.unit, g.unit);
    EXPECT_EQ(w.text, g.text);
    EXPECT_EQ(w.unit_text, g.unit_text);
    EXPECT_EQ(w.qualifier, g.qualifier);
  }
  ASSERT_EQ(want.dates.size(), got.dates.size());
  for (size_t i = 0; i < want.dates.size(); ++i) {
    EXPECT_EQ(want.dates[i].start, got.dates[i].start);
    EXPECT_EQ(want.dates[i].finish, got.dates[i].finish);
  }
}

// ExpectSameFacts compares the facts of `converted` with those of `plain`:
// metrics and dates (above) and people.
inline void ExpectSameFacts(const Extractor& extractor,
                            const std::string& plain,
                            const std::string& converted) {
  auto want = extractor.Extract(plain, {});
  auto got = extractor.Extract(converted, {});
  ASSERT_TRUE(want.ok()) << want.status();
  ASSERT_TRUE(got.ok()) << got.status();
  ExpectSameMetricsAndDates(*want, *got);
  if (::testing::Test::HasFatalFailure()) return;
  ASSERT_EQ(want->people.size(), got->people.size());
  for (size_t i = 0; i < want->people.size(); ++i) {
    EXPECT_EQ(want->people[i].name, got->people[i].name);
    EXPECT_EQ(want->people[i].role, got->people[i].role);
  }
}

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_TESTS_INGEST_CORPUS_DOCUMENTS_H_
