// service/ingest/pdf_text and the PDF path of ToPlainText: page text and
// page starts, and every refusal: a PDF locked by a password, a damaged
// or truncated file, a file over the page, text or time limit. The PDFs
// are printed at test time with cairo and pango (pdf_builder.h);
// encrypted ones are made from them with Debian's qpdf.
#include "service/ingest/pdf_text.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/utf8.h"
#include "service/ingest/ingest.h"
#include "tests/ingest/pdf_builder.h"

namespace reportfacts::ingest {
namespace {

namespace fs = std::filesystem;

// Sentences written for these tests, in the style of a yearly summary.
constexpr char kReport[] =
    "市政协常委会工作报告\n"
    "一年来，市政协收到提案312件，经审查立案286件。\n"
    "围绕城市更新开展专题调研14次，形成调研报告9篇。\n";

// ManyPages repeats kReport's body so that it fills `pages` A4 pages or
// more.
std::string ManyPages(int pages) {
  std::string text = "政协工作综述\n";
  for (int i = 0; i < pages * 40; ++i) {
    text += "委员们走访企业社区，反映群众诉求，推动民生实事落地见效。\n";
  }
  return text;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Encrypt runs qpdf on `pdf` with AES-256 and the given passwords.
std::string Encrypt(const std::string& pdf, const std::string& user,
                    const std::string& owner) {
  const fs::path dir = fs::temp_directory_path() /
                       ("pdf_text_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path in = dir / "in.pdf";
  const fs::path out = dir / "out.pdf";
  std::ofstream(in, std::ios::binary) << pdf;
  const std::string command = std::string(REPORTFACTS_QPDF) + " --encrypt '" +
                              user + "' '" + owner + "' 256 -- " + in.string() +
                              " " + out.string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::string encrypted = ReadFile(out);
  fs::remove_all(dir);
  return encrypted;
}

TEST(PdfTextTest, RecognisesPdfBytes) {
  EXPECT_TRUE(LooksLikePdf("%PDF-1.5\n"));
  EXPECT_FALSE(LooksLikePdf(" %PDF-1.5"));
  EXPECT_FALSE(LooksLikePdf("%PD"));
}

TEST(PdfTextTest, ReadsEveryPageInOrderWithItsStart) {
  const std::string pdf = LayOutPdf(ManyPages(3), PdfPageStyle());
  absl::StatusOr<PdfText> text = PdfToText(pdf, PdfLimits());
  ASSERT_TRUE(text.ok()) << text.status();
  ASSERT_GE(text->page_starts.size(), 3u);
  EXPECT_EQ(text->page_starts[0], 0);
  const std::u32string code_points = DecodeUtf8(text->text);
  for (size_t k = 1; k < text->page_starts.size(); ++k) {
    EXPECT_LT(text->page_starts[k - 1], text->page_starts[k]);
    // Each page ends with a line break.
    EXPECT_EQ(code_points[static_cast<size_t>(text->page_starts[k]) - 1],
              U'\n');
  }
  EXPECT_EQ(text->text.rfind("政协工作综述", 0), 0u);
}

TEST(PdfTextTest, ToPlainTextReadsAPdfDeclaredOrNot) {
  const std::string pdf = LayOutPdf(kReport, PdfPageStyle());
  for (const char* type : {"application/pdf", ""}) {
    absl::StatusOr<IngestedText> in = ToPlainText(pdf, type, IngestLimits());
    ASSERT_TRUE(in.ok()) << in.status();
    EXPECT_EQ(in->format, Format::kPdf);
    EXPECT_EQ(in->text, kReport);
    EXPECT_EQ(in->page_starts, std::vector<int64_t>{0});
  }
}

TEST(PdfTextTest, ReadsAFontTheFileDoesNotEmbed) {
  // No embedded font, no ToUnicode map: the characters are read through
  // the predefined CMap and Adobe-GB1's table from poppler-data.
  const std::string body = "政协委员提交提案218件，办复率百分之百。\n";
  absl::StatusOr<PdfText> pdf =
      PdfToText(PdfWithStandardCjkFont(body), PdfLimits());
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  EXPECT_EQ(pdf->text, body);
}

TEST(PdfTextTest, PasswordToOpenIsAFailedPrecondition) {
  const std::string pdf = LayOutPdf(kReport, PdfPageStyle());
  const std::string locked = Encrypt(pdf, "user-secret", "owner-secret");
  ASSERT_TRUE(LooksLikePdf(locked));
  absl::StatusOr<PdfText> text = PdfToText(locked, PdfLimits());
  ASSERT_FALSE(text.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(text.status())) << text.status();
  EXPECT_NE(text.status().message().find("encrypted"), std::string::npos);
  absl::StatusOr<IngestedText> in =
      ToPlainText(locked, "application/pdf", IngestLimits());
  EXPECT_TRUE(absl::IsFailedPrecondition(in.status())) << in.status();
}

TEST(PdfTextTest, EncryptedWithOnlyAnOwnerPasswordIsRead) {
  const std::string pdf = LayOutPdf(kReport, PdfPageStyle());
  absl::StatusOr<IngestedText> in = ToPlainText(
      Encrypt(pdf, "", "owner-secret"), "application/pdf", IngestLimits());
  ASSERT_TRUE(in.ok()) << in.status();
  EXPECT_EQ(in->text, kReport);
}

TEST(PdfTextTest, BrokenPdfsAreInvalidArguments) {
  const std::string pdf = LayOutPdf(kReport, PdfPageStyle());
  for (const std::string& bytes :
       {std::string("%PDF-1.7"), std::string("%PDF-1.4\n1 0 obj <<>> garbage"),
        pdf.substr(0, 300), std::string("%PDF-") + std::string(500, '\xFF')}) {
    absl::StatusOr<PdfText> text = PdfToText(bytes, PdfLimits());
    ASSERT_FALSE(text.ok());
    EXPECT_TRUE(absl::IsInvalidArgument(text.status())) << text.status();
    EXPECT_NE(text.status().message().find("not a readable PDF"),
              std::string::npos);
  }
  // Cut anywhere, a file is read as far as poppler can, or refused.
  for (size_t cut = 0; cut < pdf.size(); cut += pdf.size() / 23 + 1) {
    absl::StatusOr<PdfText> text = PdfToText(pdf.substr(0, cut), PdfLimits());
    EXPECT_TRUE(text.ok() || absl::IsInvalidArgument(text.status()))
        << text.status();
  }
}

TEST(PdfTextTest, LimitsAreNamed) {
  const std::string pdf = LayOutPdf(ManyPages(3), PdfPageStyle());
  PdfLimits pages;
  pages.max_pages = 2;
  absl::StatusOr<PdfText> text = PdfToText(pdf, pages);
  EXPECT_TRUE(absl::IsInvalidArgument(text.status())) << text.status();
  EXPECT_NE(text.status().message().find("over the limit of 2 pages"),
            std::string::npos);

  PdfLimits bytes;
  bytes.max_input_bytes = static_cast<int64_t>(pdf.size()) - 1;
  text = PdfToText(pdf, bytes);
  EXPECT_TRUE(absl::IsInvalidArgument(text.status())) << text.status();
  EXPECT_NE(text.status().message().find("bytes"), std::string::npos);

  PdfLimits text_bytes;
  text_bytes.max_text_bytes = 1000;
  text = PdfToText(pdf, text_bytes);
  EXPECT_TRUE(absl::IsInvalidArgument(text.status())) << text.status();
  EXPECT_NE(text.status().message().find("text is over the limit of 1000"),
            std::string::npos);

  PdfLimits time;
  time.max_time = absl::ZeroDuration();
  text = PdfToText(pdf, time);
  EXPECT_TRUE(absl::IsDeadlineExceeded(text.status())) << text.status();

  IngestLimits ingest;
  ingest.max_pages = 2;
  absl::StatusOr<IngestedText> in = ToPlainText(pdf, "", ingest);
  EXPECT_TRUE(absl::IsInvalidArgument(in.status())) << in.status();
}

// The server reads documents on several workers at once.
TEST(PdfTextTest, ThreadsReadPdfsAtOnce) {
  const std::string pdf = LayOutPdf(ManyPages(2), PdfPageStyle());
  absl::StatusOr<PdfText> alone = PdfToText(pdf, PdfLimits());
  ASSERT_TRUE(alone.ok()) << alone.status();
  std::vector<std::thread> threads;
  std::atomic<int> same{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        absl::StatusOr<PdfText> text = PdfToText(pdf, PdfLimits());
        if (text.ok() && text->text == alone->text) ++same;
        // A broken file on the side.
        (void)PdfToText(pdf.substr(0, pdf.size() / 2), PdfLimits());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(same.load(), 20);
}

TEST(PdfTextTest, PagesWithoutTextAreAFailedPrecondition) {
  // A scan has pages but no characters: not an empty report.
  for (const std::string& text : {std::string(""), std::string("\n\n")}) {
    absl::StatusOr<PdfText> pdf =
        PdfToText(LayOutPdf(text, PdfPageStyle()), PdfLimits());
    ASSERT_FALSE(pdf.ok());
    EXPECT_TRUE(absl::IsFailedPrecondition(pdf.status())) << pdf.status();
    EXPECT_NE(pdf.status().message().find("no text"), std::string::npos);
  }
}

TEST(PdfTextTest, AnEmptyPageIsAPageWithNoText) {
  std::string text = "第一页的文字。\n";
  PdfPageStyle style;
  style.page_height_pt = 200;
  style.margin_pt = 40;
  // Blank lines push the second paragraph two pages on.
  for (int i = 0; i < 20; ++i) text += "\n";
  text += "最后一页的文字。\n";
  absl::StatusOr<PdfText> pdf = PdfToText(LayOutPdf(text, style), PdfLimits());
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  EXPECT_GE(pdf->page_starts.size(), 2u);
  EXPECT_NE(pdf->text.find("最后一页的文字。"), std::string::npos);
}

}  // namespace
}  // namespace reportfacts::ingest
