// Every document of both development sets, turned at test time into the
// files analysts actually have: GBK and Big5 (Traditional) text, and web
// pages in UTF-8, GBK and Big5 with a site's furniture around the article
// (menus, breadcrumbs, share bars, comments, footers, scripts, link
// lists, several holding numbers of their own). Each, converted by
// ToPlainText, must give the same facts as the plain UTF-8 text.
#include <SimpleConverter.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/extractor.h"
#include "service/core/traditional.h"
#include "service/ingest/ingest.h"
#include "tests/ingest/corpus_documents.h"
#include "tests/ingest/encode_util.h"

namespace reportfacts::ingest {
namespace {

namespace fs = std::filesystem;

// WebPage wraps `text` (UTF-8) as a page of a committee's site: each run
// of non-blank lines a paragraph, its lines kept apart by <br> (a
// hard-wrapped line is not a paragraph), the first paragraph as the <h1>
// above the article, and furniture all around. `charset` goes into the
// page's <meta>.
std::string WebPage(const std::string& text, const std::string& charset) {
  std::vector<std::string> paragraphs(1);
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      if (!paragraphs.back().empty()) paragraphs.emplace_back();
      continue;
    }
    if (!paragraphs.back().empty()) paragraphs.back() += "<br>\n";
    paragraphs.back() += EscapeMarkup(line);
  }
  if (paragraphs.back().empty()) paragraphs.pop_back();
  std::string page =
      "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=" +
      charset +
      "\">\n<title>政协网</title><style>.x{color:red}</style>\n"
      "<script>var visits = \"访问量2000次\";</script></head>\n<body>\n"
      "<div id=\"topnav\"><a href=\"/\">首页</a> <a href=\"/a\">机构设置</a> "
      "<a href=\"/b\">工作动态</a></div>\n"
      "<header><div class=\"logo\">政协门户网站</div></header>\n"
      "<div class=\"wrap\"><div class=\"crumbs\">当前位置：<a href=\"/\">首页"
      "</a> &gt; <a href=\"/b\">工作动态</a></div>\n";
  page += "<div class=\"title\"><h1>" +
          (paragraphs.empty() ? std::string() : paragraphs[0]) +
          "</h1></div>\n";
  page += "<div class=\"content\" id=\"zoom\">\n";
  for (size_t i = 1; i < paragraphs.size(); ++i) {
    page += "<p>" + paragraphs[i] + "</p>\n";
  }
  page +=
      "<div class=\"bdsharebuttonbox\">分享到：<a href=\"#\">微信</a>"
      "<a href=\"#\">微博</a> 已分享35次</div>\n"
      "<ul class=\"list\"><li><a href=\"/c\">区政协召开常委会议，审议提案45件"
      "</a></li><li><a href=\"/d\">委员视察12个重点项目</a></li></ul>\n"
      "</div>\n<div id=\"comments\">网友评论（共12条）<p>支持政协工作！</p>"
      "</div>\n</div>\n<aside>热点排行 <a href=\"/e\">关于28件提案的办理"
      "</a></aside>\n<footer>版权所有 政协办公室 联系电话：0000-1234567 "
      "访问量：1234567次</footer>\n"
      "<script>document.write(\"浏览次数888次\");</script>\n"
      "</body></html>\n";
  return page;
}

class IngestCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
    const fs::path config_dir = fs::path(kDefaultT2sConfig).parent_path();
    to_traditional_ =
        new opencc::SimpleConverter((config_dir / "s2t.json").string());
    *documents_ = ReadDevelopmentCorpora(per_set_);
  }
  static void TearDownTestSuite() {
    delete extractor_;
    delete to_traditional_;
  }
  void SetUp() override { ExpectBothCorporaRead(*per_set_); }

  static IngestedText Convert(const std::string& bytes,
                              const std::string& type) {
    absl::StatusOr<IngestedText> in = ToPlainText(bytes, type, IngestLimits());
    EXPECT_TRUE(in.ok()) << in.status();
    return in.ok() ? *in : IngestedText();
  }

  static const Extractor* extractor_;
  static opencc::SimpleConverter* to_traditional_;
  static std::vector<CorpusDocument>* const documents_;
  static std::vector<size_t>* const per_set_;
};

const Extractor* IngestCorpusTest::extractor_ = nullptr;
opencc::SimpleConverter* IngestCorpusTest::to_traditional_ = nullptr;
std::vector<CorpusDocument>* const IngestCorpusTest::documents_ =
    new std::vector<CorpusDocument>();
std::vector<size_t>* const IngestCorpusTest::per_set_ =
    new std::vector<size_t>();

TEST_F(IngestCorpusTest, GbkTextDeclaredAndDetected) {
  for (const CorpusDocument& doc : *documents_) {
    SCOPED_TRACE(doc.name);
    const Encoded gbk = EncodeAs(doc.text, "GBK");
    ASSERT_NE(gbk.bytes, doc.text);
    EXPECT_EQ(Convert(gbk.bytes, "text/plain; charset=GBK").text, gbk.utf8);
    const IngestedText detected = Convert(gbk.bytes, "");
    EXPECT_EQ(detected.charset_source, CharsetSource::kDetected);
    ASSERT_EQ(detected.text, gbk.utf8);
    ExpectSameFacts(*extractor_, gbk.utf8, detected.text);
  }
}

TEST_F(IngestCorpusTest, BigFiveTraditionalTextDeclaredAndDetected) {
  for (const CorpusDocument& doc : *documents_) {
    SCOPED_TRACE(doc.name);
    const Encoded big5 = EncodeAs(to_traditional_->Convert(doc.text), "BIG5");
    EXPECT_EQ(Convert(big5.bytes, "text/plain; charset=big5").text, big5.utf8);
    const IngestedText detected = Convert(big5.bytes, "text/plain");
    EXPECT_EQ(detected.charset_source, CharsetSource::kDetected);
    ASSERT_EQ(detected.text, big5.utf8);
    ExpectSameFacts(*extractor_, big5.utf8, detected.text);
  }
}

TEST_F(IngestCorpusTest, WebPagesGiveTheFactsOfThePlainText) {
  for (const CorpusDocument& doc : *documents_) {
    SCOPED_TRACE(doc.name);
    const std::string page = WebPage(doc.text, "utf-8");
    ExpectSameFacts(*extractor_, doc.text, Convert(page, "text/html").text);
    // Undeclared: recognised as HTML by its markup.
    const IngestedText sniffed = Convert(page, "");
    EXPECT_EQ(sniffed.format, Format::kHtml);
    ExpectSameFacts(*extractor_, doc.text, sniffed.text);
  }
}

TEST_F(IngestCorpusTest, GbkAndBigFiveWebPagesGiveTheFactsOfThePlainText) {
  for (const CorpusDocument& doc : *documents_) {
    SCOPED_TRACE(doc.name);
    const Encoded gbk = EncodeAs(WebPage(doc.text, "gb2312"), "GBK");
    const IngestedText from_gbk = Convert(gbk.bytes, "");
    EXPECT_EQ(from_gbk.charset_source, CharsetSource::kHtmlMeta);
    ExpectSameFacts(*extractor_, EncodeAs(doc.text, "GBK").utf8, from_gbk.text);

    const std::string traditional = to_traditional_->Convert(doc.text);
    const Encoded big5 = EncodeAs(WebPage(traditional, "big5"), "BIG5");
    ExpectSameFacts(*extractor_, EncodeAs(traditional, "BIG5").utf8,
                    Convert(big5.bytes, "text/html").text);
  }
}

}  // namespace
}  // namespace reportfacts::ingest
