// Documents sent as files (Document.content): the server converts them
// with service/ingest on a worker, extracts from the text, and returns
// that text in ExtractResponse.text with every offset pointing into it.
// Bad content gets INVALID_ARGUMENT saying what is wrong, on unary calls
// and streams alike.
#include <map>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/admission/validation.h"
#include "service/core/utf8.h"
#include "tests/ingest/encode_util.h"
#include "tests/ingest/pdf_builder.h"
#include "tests/service/server_fixture.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int64_t kMaxDocBytes = 32 << 10;
constexpr int kMaxMessageBytes = 256 << 10;

// Written for this test in the style of a committee's yearly summary.
constexpr char kSummary[] =
    "县政协全年共收到委员提案186件，经审查立案171件。\n"
    "围绕产业发展开展专题协商9次，组织委员视察活动14场。\n";

v1::ExtractRequest ContentRequest(const std::string& bytes,
                                  const std::string& media_type,
                                  const std::string& id = "file") {
  v1::ExtractRequest request;
  request.mutable_document()->set_id(id);
  request.mutable_document()->set_content(bytes);
  request.mutable_document()->set_media_type(media_type);
  return request;
}

std::string Cut(const std::string& text, int64_t begin, int64_t end) {
  const std::u32string cps = DecodeUtf8(text);
  if (begin < 0 || end < begin || end > static_cast<int64_t>(cps.size())) {
    return "<bad span>";
  }
  return EncodeUtf8(std::u32string_view(cps).substr(begin, end - begin));
}

class ContentTest : public testing::SharedServerFixture<ContentTest> {
 public:
  static ServerOptions SuiteServerOptions() {
    return testing::CoreServerOptions(REPORTFACTS_DATA_DIR, kMaxDocBytes,
                                      kMaxMessageBytes);
  }

 protected:
  grpc::Status Send(const v1::ExtractRequest& request,
                    v1::ExtractResponse* response) {
    return testing::CallExtract(*stub_, request, 10000, response);
  }

  // ExpectFactsOfText checks that `response` (from content) holds the text
  // `text` and the metrics that sending `text` itself gives, with offsets
  // into the returned text.
  void ExpectFactsOfText(const v1::ExtractResponse& response,
                         const std::string& text) {
    ASSERT_TRUE(response.has_text());
    EXPECT_EQ(response.text(), text);
    v1::ExtractResponse plain;
    ASSERT_TRUE(Send(testing::DocumentRequest(text), &plain).ok());
    EXPECT_FALSE(plain.has_text());
    ASSERT_GT(plain.metrics_size(), 0);
    ASSERT_EQ(response.metrics_size(), plain.metrics_size());
    for (int i = 0; i < plain.metrics_size(); ++i) {
      const v1::Metric& got = response.metrics(i);
      EXPECT_EQ(got.value(), plain.metrics(i).value());
      EXPECT_EQ(got.unit(), plain.metrics(i).unit());
      EXPECT_EQ(Cut(response.text(), got.begin(), got.end()), got.text());
    }
  }
};

TEST_F(ContentTest, UndeclaredGbkTextIsConvertedAndReturned) {
  const ingest::Encoded gbk = ingest::EncodeAs(kSummary, "GBK");
  v1::ExtractResponse response;
  const grpc::Status status = Send(ContentRequest(gbk.bytes, ""), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.document_id(), "file");
  ExpectFactsOfText(response, kSummary);
}

TEST_F(ContentTest, GbkWebPageKeepsOnlyTheArticle) {
  const std::string page =
      std::string(
          "<html><head><meta charset=\"gb2312\"><script>var n = "
          "\"访问500次\";</script></head><body><div id=\"nav\"><a "
          "href=\"/\">首页</a></div><div class=\"content\"><p>") +
      "县政协全年共收到委员提案186件，经审查立案171件。<br>\n"
      "围绕产业发展开展专题协商9次，组织委员视察活动14场。</p></div>"
      "<footer>版权所有 访问量88888次</footer></body></html>";
  const ingest::Encoded gbk = ingest::EncodeAs(page, "GBK");
  v1::ExtractResponse response;
  const grpc::Status status =
      Send(ContentRequest(gbk.bytes, "text/html"), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::string text = kSummary;
  text.pop_back();  // the page's text ends without a line break
  ExpectFactsOfText(response, text);
  EXPECT_THAT(response.text(), Not(HasSubstr("访问")));
}

TEST_F(ContentTest, PdfGivesItsRepairedTextPagesAndThePageOfEachFact) {
  // Sentences that differ from page to page (a line recurring at the
  // same place on most pages is a running header).
  std::string text = "政协工作综述\n";
  for (const char* topic : {"乡村振兴", "城市更新", "生态保护", "文化旅游",
                            "医疗卫生", "基础教育"}) {
    text += absl::StrCat("围绕", topic, "收到提案36件，立案31件。\n", "就",
                         topic, "开展专题协商4次，视察活动7场。\n");
  }
  ingest::PdfPageStyle style;
  style.page_height_pt = 240;  // a few lines a page
  style.page_number = "- %d -";
  v1::ExtractResponse response;
  const grpc::Status status =
      Send(ContentRequest(ingest::LayOutPdf(text, style), "application/pdf"),
           &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(response.has_text());
  EXPECT_THAT(response.text(), Not(HasSubstr("- 1 -")));
  ASSERT_GE(response.pages_size(), 2);
  for (int k = 0; k < response.pages_size(); ++k) {
    EXPECT_EQ(response.pages(k).number(), k + 1);
  }
  // The text as written, the page numbers dropped: the facts of the text.
  ExpectFactsOfText(response, text);
  for (const v1::Metric& metric : response.metrics()) {
    EXPECT_EQ(Cut(response.text(), metric.begin(), metric.end()),
              metric.text());
    ASSERT_TRUE(metric.has_page());
    ASSERT_GE(metric.page(), 1);
    ASSERT_LE(metric.page(), response.pages_size());
    const v1::Span& span = response.pages(metric.page() - 1).span();
    EXPECT_GE(metric.begin(), span.begin());
    EXPECT_LT(metric.begin(), span.end());
  }
  EXPECT_GT(response.metrics(response.metrics_size() - 1).page(),
            response.metrics(0).page());
}

TEST_F(ContentTest, TextAndContentTogetherAreRefused) {
  v1::ExtractRequest request = ContentRequest("abc", "text/plain");
  request.mutable_document()->set_text("提案");
  v1::ExtractResponse response;
  const grpc::Status status = Send(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("both text and content"));
}

TEST_F(ContentTest, BadContentIsRefusedSayingWhy) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string media_type;
    std::string message;
  };
  std::string noise;
  for (int i = 0; i < 64; ++i) noise += static_cast<char>(0x80 + i % 3);
  const Case cases[] = {
      {"undecidable", noise, "", "neither declared nor recognised"},
      {"wrong charset", ingest::EncodeAs(kSummary, "GBK").bytes,
       "text/plain; charset=utf-8", "not valid UTF-8"},
      {"unknown charset", "abc", "text/plain; charset=x-none",
       "not one this server can decode"},
      {"broken pdf", "%PDF-1.7", "application/pdf", "not a readable PDF"},
      {"media type not UTF-8", "abc", "text/plain\xFF", "media_type"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    v1::ExtractResponse response;
    const grpc::Status status =
        Send(ContentRequest(c.bytes, c.media_type), &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr(c.message));
  }
}

TEST_F(ContentTest, ContentOverTheLimitIsRefusedNamingIt) {
  v1::ExtractResponse response;
  const grpc::Status status = Send(
      ContentRequest(std::string(static_cast<size_t>(kMaxDocBytes) + 1, 'a'),
                     "text/plain"),
      &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr(absl::StrCat(kMaxDocBytes)));
}

TEST_F(ContentTest, StreamConvertsContentAndFailsOnlyTheBadDocument) {
  grpc::ClientContext context;
  context.set_deadline(testing::In(30000));
  auto stream = stub_->ExtractStream(&context);
  const ingest::Encoded big5 = ingest::EncodeAs(
      "縣政協全年共收到委員提案186件，經審查立案171件。", "BIG5");
  ASSERT_TRUE(stream->Write(
      ContentRequest(big5.bytes, "text/plain; charset=big5", "big5")));
  ASSERT_TRUE(stream->Write(ContentRequest("\x81\x82\x83", "", "bad")));
  ASSERT_TRUE(stream->Write(testing::DocumentRequest(kSummary, "text")));
  stream->WritesDone();
  std::map<std::string, v1::ExtractResponse> responses;
  v1::ExtractResponse response;
  while (stream->Read(&response)) responses[response.document_id()] = response;
  ASSERT_TRUE(stream->Finish().ok());
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses["big5"].error_code(), 0);
  EXPECT_EQ(responses["big5"].text(), big5.utf8);
  EXPECT_GT(responses["big5"].metrics_size(), 0);
  EXPECT_EQ(responses["bad"].error_code(),
            static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(responses["bad"].error_message(), HasSubstr("content"));
  EXPECT_FALSE(responses["text"].has_text());
  EXPECT_GT(responses["text"].metrics_size(), 0);
}

}  // namespace
}  // namespace reportfacts
