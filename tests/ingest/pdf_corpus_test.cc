// Every document of both development sets, printed at test time as the
// PDFs analysts get: one laid out normally on A4, one in a narrow column
// (lines broken in mid-sentence) with a running header and page numbers
// in several styles. Each, read by ToPlainText (poppler, then layout
// repair), must give the facts of the plain UTF-8 text: the same metrics
// (value, unit, digits and unit as written, each span's text in the
// returned text), dates and people; and each fact lies on a page. The
// corpora are read from ../shared at test time, never copied; a missing
// corpus fails the test.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/extractor.h"
#include "service/core/utf8.h"
#include "service/ingest/ingest.h"
#include "tests/ingest/corpus_documents.h"
#include "tests/ingest/pdf_builder.h"

namespace reportfacts::ingest {
namespace {

namespace fs = std::filesystem;

class PdfCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
    *documents_ = ReadDevelopmentCorpora(counts_);
  }
  static void TearDownTestSuite() { delete extractor_; }
  void SetUp() override { ExpectBothCorporaRead(*counts_); }

  static IngestedText Convert(const std::string& pdf) {
    absl::StatusOr<IngestedText> in = ToPlainText(pdf, "", IngestLimits());
    EXPECT_TRUE(in.ok()) << in.status();
    return in.ok() ? *in : IngestedText();
  }

  // ExpectSameFacts compares the facts of `converted` (a PDF's text) with
  // those of `plain`.
  // With `people_found` given, people are counted rather than compared:
  // it gets how many of the plain text's (name, role) pairs the PDF's
  // text gives too, out of `people_wanted`.
  static void ExpectSameFacts(const std::string& plain,
                              const IngestedText& converted,
                              size_t* people_found = nullptr,
                              size_t* people_wanted = nullptr) {
    auto want = extractor_->Extract(plain, {});
    auto got = extractor_->Extract(converted.text, {});
    ASSERT_TRUE(want.ok()) << want.status();
    ASSERT_TRUE(got.ok()) << got.status();
    const std::u32string text = DecodeUtf8(converted.text);
    const auto span = [&](int64_t begin, int64_t end) {
      return EncodeUtf8(std::u32string_view(text).substr(
          static_cast<size_t>(begin), static_cast<size_t>(end - begin)));
    };
    const auto page_of = [&](int64_t offset) {
      const auto& starts = converted.page_starts;
      return std::upper_bound(starts.begin(), starts.end(), offset) -
             starts.begin();
    };
    ExpectSameMetricsAndDates(*want, *got);
    if (HasFatalFailure()) return;
    // Offsets point into the returned text, each fact on a page.
    for (const Metric& g : got->metrics) {
      SCOPED_TRACE("metric " + g.text + g.unit_text);
      EXPECT_EQ(span(g.begin, g.end), g.text);
      EXPECT_GE(page_of(g.begin), 1);
    }
    for (const DateMention& d : got->dates) {
      EXPECT_EQ(span(d.begin, d.end), d.text);
    }
    // Titles are counted: reported, not required.
    for (const Report& w : want->reports) {
      ++*titles_wanted_;
      for (const Report& g : got->reports) {
        if (g.title == w.title) {
          ++*titles_found_;
          break;
        }
      }
    }
    if (people_found != nullptr) {
      for (const Person& w : want->people) {
        ++*people_wanted;
        for (const Person& g : got->people) {
          if (g.name == w.name && g.role == w.role) {
            ++*people_found;
            break;
          }
        }
      }
      return;
    }
    ASSERT_EQ(want->people.size(), got->people.size());
    for (size_t i = 0; i < want->people.size(); ++i) {
      EXPECT_EQ(want->people[i].name, got->people[i].name);
      EXPECT_EQ(want->people[i].role, got->people[i].role);
    }
  }

  static const Extractor* extractor_;
  static std::vector<CorpusDocument>* const documents_;
  static std::vector<size_t>* const counts_;
  static inline size_t* const titles_found_ = new size_t(0);
  static inline size_t* const titles_wanted_ = new size_t(0);
};

const Extractor* PdfCorpusTest::extractor_ = nullptr;
std::vector<CorpusDocument>* const PdfCorpusTest::documents_ =
    new std::vector<CorpusDocument>();
std::vector<size_t>* const PdfCorpusTest::counts_ = new std::vector<size_t>();

TEST_F(PdfCorpusTest, PdfsLaidOutNormallyGiveTheFactsOfThePlainText) {
  int64_t pdf_bytes = 0;
  int64_t pages = 0;
  double seconds = 0;  // reading only, not printing
  for (const CorpusDocument& doc : *documents_) {
    SCOPED_TRACE(doc.name);
    const std::string pdf = LayOutPdf(doc.text, PdfPageStyle());
    const auto start = std::chrono::steady_clock::now();
    const IngestedText converted = Convert(pdf);
    seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    EXPECT_EQ(converted.format, Format::kPdf);
    ExpectSameFacts(doc.text, converted);
    pdf_bytes += static_cast<int64_t>(pdf.size());
    pages += static_cast<int64_t>(converted.page_starts.size());
  }
  std::printf(
      "%zu PDFs, %lld pages, %.1f MB read in %.2f s: %.0f pages/s, %.1f "
      "MB/s\n",
      documents_->size(), static_cast<long long>(pages),
      static_cast<double>(pdf_bytes) / 1e6, seconds,
      static_cast<double>(pages) / seconds,
      static_cast<double>(pdf_bytes) / 1e6 / seconds);
}

// In a narrow column the metrics and dates must all be the same. A few
// people may be lost, for what a PDF does not keep: a space between two
// Han words at a line end (a name and the title after it) is invisible,
// and a heading that happens to fill the column reads as the first line
// of its paragraph. Nine in ten must be found.
TEST_F(PdfCorpusTest, NarrowColumnsRunningHeadersAndPageNumbers) {
  size_t people_found = 0;
  size_t people_wanted = 0;
  const char* const kPageNumbers[] = {"— %d —", "- %d -", "第%d页", "Page %d",
                                      "%d"};
  size_t n = 0;
  for (const CorpusDocument& doc : *documents_) {
    SCOPED_TRACE(doc.name);
    PdfPageStyle narrow;
    narrow.column_width_pt = 150 + 20 * static_cast<double>(n % 4);
    // Short pages: the shortest document still fills two.
    narrow.page_height_pt = 300;
    narrow.running_header = "政协工作资料汇编";
    narrow.page_number = kPageNumbers[n % 5];
    ++n;
    const IngestedText converted = Convert(LayOutPdf(doc.text, narrow));
    // REPORTFACTS_PDF_DUMP=dir writes each repaired text there, to compare.
    if (const char* dump = std::getenv("REPORTFACTS_PDF_DUMP")) {
      std::string name = doc.name;
      std::replace(name.begin(), name.end(), '/', '_');
      std::ofstream(fs::path(dump) / name) << converted.text;
    }
    EXPECT_GE(converted.page_starts.size(), 2u);
    EXPECT_EQ(converted.text.find("政协工作资料汇编"), std::string::npos);
    ExpectSameFacts(doc.text, converted, &people_found, &people_wanted);
  }
  std::printf("narrow PDFs: %zu of %zu people\n", people_found, people_wanted);
  std::printf("both layouts: %zu of %zu report titles\n", *titles_found_,
              *titles_wanted_);
  EXPECT_GE(people_found * 10, people_wanted * 9);
}

}  // namespace
}  // namespace reportfacts::ingest
