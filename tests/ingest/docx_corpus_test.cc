// Every document of both development sets, written at test time as the
// Word file an office would circulate: one paragraph per line, each line's
// text split over several runs (some in mid-word, some with their own
// formatting), a few lines as rows of a table, tracked deletions and field
// instructions holding numbers of their own, and a page header with page
// numbers. Read back by DocxToText (and by ToPlainText, recognised from
// the bytes), each must give exactly the plain text, and so the same
// metrics, dates and people. The corpora are read where they lie
// (REPORTFACTS_SHARED_DIR), never copied; without them the test fails.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/extractor.h"
#include "service/ingest/docx_text.h"
#include "service/ingest/ingest.h"
#include "tests/ingest/corpus_documents.h"
#include "tests/ingest/docx_util.h"
#include "tests/ingest/encode_util.h"

namespace reportfacts::ingest {
namespace {

namespace fs = std::filesystem;

// Runs splits a line into runs of a few code points each, the lengths
// varying with the line's number, so that words, numbers and units are cut
// in the middle; every other run carries its own formatting.
std::string Runs(std::string_view line, size_t line_number) {
  std::string runs;
  size_t at = 0;
  size_t piece = 0;
  while (at < line.size()) {
    const size_t code_points = 2 + (line_number + piece) % 6;
    size_t end = at;
    for (size_t n = 0; n < code_points && end < line.size(); ++n) {
      end += std::min(Utf8Length(static_cast<unsigned char>(line[end])),
                      line.size() - end);
    }
    runs += piece % 2 == 0 ? "<w:r>"
                           : "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:b/>"
                             "<w:sz w:val=\"28\"/></w:rPr>";
    runs += "<w:t xml:space=\"preserve\">" +
            EscapeMarkup(line.substr(at, end - at)) + "</w:t></w:r>";
    at = end;
    ++piece;
  }
  return runs;
}

// Noise is text Word keeps in the file but does not show: a tracked
// deletion and a field's instruction, both holding numbers.
std::string Noise(size_t line_number) {
  if (line_number % 7 != 3) return "";
  return "<w:del w:id=\"" + std::to_string(line_number) +
         "\" w:author=\"办公室\"><w:r><w:delText>另收到提案99件"
         "</w:delText></w:r></w:del>"
         "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
         "xml:space=\"preserve\"> PAGE 2023年5月 </w:instrText></w:r>"
         "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
         "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
}

// WordDocument writes `text` as word/document.xml: each line a paragraph
// (lines numbered 5, 16, 27, ... as one-cell table rows).
std::string WordDocument(const std::string& text) {
  std::vector<std::string_view> lines;
  std::string_view rest(text);
  while (!rest.empty()) {
    const size_t newline = rest.find('\n');
    lines.push_back(rest.substr(0, newline));
    if (newline == std::string_view::npos) break;
    rest.remove_prefix(newline + 1);
  }
  std::string body;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string paragraph =
        "<w:p><w:pPr><w:spacing w:line=\"560\"/><w:ind w:firstLine=\"640\"/>"
        "</w:pPr>" +
        Runs(lines[i], i) + Noise(i) + "</w:p>";
    if (i % 11 == 5) {
      body +=
          "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
          "<w:tblGrid><w:gridCol w:w=\"8000\"/></w:tblGrid><w:tr><w:tc>"
          "<w:tcPr><w:tcW w:w=\"8000\" w:type=\"dxa\"/></w:tcPr>" +
          paragraph + "</w:tc></w:tr></w:tbl>";
    } else {
      body += paragraph;
    }
  }
  return DocumentXml(body);
}

class DocxCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
    *documents_ = ReadDevelopmentCorpora(per_set_);
  }
  static void TearDownTestSuite() { delete extractor_; }
  void SetUp() override { ExpectBothCorporaRead(*per_set_); }

  static const Extractor* extractor_;
  static std::vector<CorpusDocument>* const documents_;
  static std::vector<size_t>* const per_set_;
};

const Extractor* DocxCorpusTest::extractor_ = nullptr;
std::vector<CorpusDocument>* const DocxCorpusTest::documents_ =
    new std::vector<CorpusDocument>();
std::vector<size_t>* const DocxCorpusTest::per_set_ = new std::vector<size_t>();

TEST_F(DocxCorpusTest, BothSetsArePresent) {
  size_t newspaper = 0;
  size_t web = 0;
  for (const CorpusDocument& doc : *documents_) {
    (doc.name.rfind("corpus-web/", 0) == 0 ? web : newspaper) += 1;
  }
  EXPECT_GT(newspaper, 0u) << "no " << REPORTFACTS_SHARED_DIR << "/corpus";
  EXPECT_GT(web, 0u) << "no " << REPORTFACTS_SHARED_DIR << "/corpus-web";
}

TEST_F(DocxCorpusTest, WordFilesGiveThePlainTextAndItsFacts) {
  int64_t xml_bytes = 0;
  int64_t file_bytes = 0;
  int64_t text_bytes = 0;
  std::clock_t spent = 0;  // CPU time: the machine may be busy
  for (const CorpusDocument& doc : *documents_) {
    SCOPED_TRACE(doc.name);
    const std::string xml = WordDocument(doc.text);
    const std::string file = DocxFile(xml, "第3页 共12页 2019年印发");
    ASSERT_FALSE(file.empty());
    const std::clock_t start = std::clock();
    absl::StatusOr<std::string> text = DocxToText(file, DocxLimits());
    spent += std::clock() - start;
    ASSERT_TRUE(text.ok()) << text.status();
    xml_bytes += static_cast<int64_t>(xml.size());
    file_bytes += static_cast<int64_t>(file.size());
    text_bytes += static_cast<int64_t>(text->size());

    // Each line became a paragraph, which ends with a line break.
    std::string plain = doc.text;
    if (!plain.empty() && plain.back() != '\n') plain += '\n';
    EXPECT_EQ(*text, plain);
    ExpectSameFacts(*extractor_, doc.text, *text);

    // Undeclared, recognised from the bytes.
    absl::StatusOr<IngestedText> sniffed =
        ToPlainText(file, "", IngestLimits());
    ASSERT_TRUE(sniffed.ok()) << sniffed.status();
    EXPECT_EQ(sniffed->format, Format::kDocx);
    EXPECT_EQ(sniffed->text, *text);
  }
  const double seconds = static_cast<double>(spent) / CLOCKS_PER_SEC;
  std::cout << "docx: " << documents_->size() << " files, " << file_bytes
            << " bytes packed, " << xml_bytes << " bytes of XML, " << text_bytes
            << " bytes of text in " << seconds * 1000
            << " ms of CPU: " << (seconds > 0 ? xml_bytes / seconds / 1e6 : 0)
            << " MB of XML per second\n";
}

}  // namespace
}  // namespace reportfacts::ingest
