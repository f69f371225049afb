// Tests of the HTTP side: in-process servers on 127.0.0.1 and free ports,
// driven with cpp-httplib's client and, for comparison, the gRPC stub.
#include "service/http/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <fstream>
#include <future>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/api/status.h"
#include "service/server/server.h"
#include "tests/http/metrics_checks.h"
#include "tests/http/prometheus_text.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// JsonRequest is an ExtractRequest in proto3 JSON, text base64-encoded.
std::string JsonRequest(const std::string& id, const std::string& text) {
  return nlohmann::json{
      {"document", {{"id", id}, {"text", absl::Base64Escape(text)}}}}
      .dump();
}

// ErrorOf parses a JSON error body; fails the test when it is not one.
nlohmann::json ErrorOf(const httplib::Result& result) {
  EXPECT_TRUE(result);
  if (!result) return {};
  EXPECT_THAT(result->get_header_value("Content-Type"),
              HasSubstr("application/json"));
  const nlohmann::json body = nlohmann::json::parse(result->body, nullptr,
                                                    /*allow_exceptions=*/false);
  EXPECT_FALSE(body.is_discarded()) << result->body;
  if (body.is_discarded() || !body.contains("error")) {
    ADD_FAILURE() << "no error object in " << result->body;
    return {};
  }
  const nlohmann::json& error = body["error"];
  EXPECT_EQ(error.value("code", 0), result->status);
  EXPECT_FALSE(error.value("message", "").empty());
  return error;
}

// RawExchange sends `request` as bytes on a fresh connection and returns
// everything the server writes until it closes the connection (or 10 s
// pass).
std::string RawExchange(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  EXPECT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)),
            0);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n =
        send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string reply;
  char buffer[4096];
  for (;;) {
    const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return reply;
}

// Responses counts the status lines in a raw reply.
int Responses(const std::string& reply) {
  int count = 0;
  for (size_t at = reply.find("HTTP/1.1 "); at != std::string::npos;
       at = reply.find("HTTP/1.1 ", at + 1)) {
    ++count;
  }
  return count;
}

// Connect opens a TCP connection to 127.0.0.1:port (-1 on failure).
int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) !=
      0) {
    close(fd);
    return -1;
  }
  return fd;
}

// SendAll writes all of `bytes`; false when the peer is gone.
bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// IsClosedByPeer tells, without waiting, whether the server has closed
// the connection (end of stream or reset; data it sent is skipped).
bool IsClosedByPeer(int fd) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT);
    if (n == 0) return true;
    if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK;
  }
}

// Trickler keeps connections that send a request one byte at a time,
// never finishing it, as slow clients do.
class Trickler {
 public:
  Trickler(int port, int connections, std::string prefix, absl::Duration period)
      : period_(period) {
    for (int i = 0; i < connections; ++i) {
      const int fd = Connect(port);
      EXPECT_GE(fd, 0);
      if (fd < 0) continue;
      SendAll(fd, prefix);
      fds_.push_back(fd);
    }
    thread_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(mu_);
      while (!stop_cv_.wait_for(lock, absl::ToChronoMilliseconds(period_),
                                [this] { return stop_; })) {
        for (int fd : fds_) SendAll(fd, "a");
      }
    });
  }
  ~Trickler() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    stop_cv_.notify_all();
    thread_.join();
    for (int fd : fds_) close(fd);
  }
  const std::vector<int>& fds() const { return fds_; }

 private:
  const absl::Duration period_;
  std::vector<int> fds_;
  std::mutex mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread thread_;
};

class HttpTest : public ::testing::Test {
 protected:
  // Start starts a server (with the real core unless `backend` is given)
  // and its HTTP side, both on free ports.
  void Start(ServerOptions options = {}, HttpOptions http_options = {},
             std::unique_ptr<ExtractionBackend> backend = nullptr) {
    options.listen = "127.0.0.1:0";
    if (options.workers == 0) options.workers = 2;
    options.data_dir = REPORTFACTS_DATA_DIR;
    absl::StatusOr<std::unique_ptr<Server>> server =
        backend == nullptr ? Server::Start(options)
                           : Server::Start(options, std::move(backend));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);

    http_options.listen = "127.0.0.1:0";
    absl::StatusOr<std::unique_ptr<HttpServer>> http =
        HttpServer::Start(http_options, server_->service(), server_->metrics());
    ASSERT_TRUE(http.ok()) << http.status();
    http_ = *std::move(http);
    ASSERT_GT(http_->port(), 0);

    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(-1);
    stub_ = v1::FactExtractor::NewStub(grpc::CreateCustomChannel(
        server_->address(), grpc::InsecureChannelCredentials(), args));
  }

  void TearDown() override {
    if (http_ != nullptr) http_->Shutdown(absl::Seconds(5));
    http_.reset();
    server_.reset();
  }

  std::unique_ptr<httplib::Client> Client() const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", http_->port());
    client->set_connection_timeout(std::chrono::seconds(10));
    client->set_read_timeout(std::chrono::seconds(60));
    client->set_write_timeout(std::chrono::seconds(60));
    return client;
  }

  httplib::Result PostJson(const std::string& body,
                           const httplib::Headers& headers = {}) const {
    return Client()->Post("/v1/extract", headers, body, "application/json");
  }

  grpc::Status GrpcExtract(const v1::Document& document,
                           v1::ExtractResponse* response) const {
    grpc::ClientContext context;
    context.set_deadline(testing::In(30000));
    v1::ExtractRequest request;
    *request.mutable_document() = document;
    return stub_->Extract(&context, request, response);
  }

  // Scrape fetches and parses /metrics.
  testing::ExpositionPage Scrape() const {
    httplib::Result result = Client()->Get("/metrics");
    EXPECT_TRUE(result);
    if (!result) return {};
    EXPECT_EQ(result->status, 200);
    EXPECT_THAT(result->get_header_value("Content-Type"),
                HasSubstr("text/plain; version=0.0.4"));
    std::string error;
    std::optional<testing::ExpositionPage> page =
        testing::ParseExposition(result->body, &error);
    EXPECT_TRUE(page.has_value()) << error;
    return page.value_or(testing::ExpositionPage{});
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<HttpServer> http_;
  std::unique_ptr<v1::FactExtractor::Stub> stub_;
};

TEST_F(HttpTest, JsonExtractEqualsGrpcExtract) {
  Start();
  const std::string text = ReadFile(REPORTFACTS_SAMPLE);
  ASSERT_FALSE(text.empty());
  httplib::Result result = PostJson(JsonRequest("sample", text));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_THAT(result->get_header_value("Content-Type"),
              HasSubstr("application/json"));
  v1::ExtractResponse over_http;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(result->body, &over_http)
          .ok())
      << result->body;

  v1::Document document;
  document.set_id("sample");
  document.set_text(text);
  v1::ExtractResponse over_grpc;
  ASSERT_TRUE(GrpcExtract(document, &over_grpc).ok());
  EXPECT_GT(over_grpc.metrics_size(), 0);
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(over_http, over_grpc))
      << over_http.ShortDebugString() << "\n"
      << over_grpc.ShortDebugString();
}

TEST_F(HttpTest, PlainTextExtractTakesIdAndReferenceDateFromQuery) {
  Start();
  const std::string text = ReadFile(REPORTFACTS_SAMPLE);
  httplib::Result result =
      Client()->Post("/v1/extract?id=doc-7&reference_date=2024-03-01", text,
                     "text/plain; charset=utf-8");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  v1::ExtractResponse over_http;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(result->body, &over_http)
          .ok());
  EXPECT_EQ(over_http.document_id(), "doc-7");

  v1::Document document;
  document.set_id("doc-7");
  document.set_text(text);
  document.set_reference_date("2024-03-01");
  v1::ExtractResponse over_grpc;
  ASSERT_TRUE(GrpcExtract(document, &over_grpc).ok());
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(over_http, over_grpc));
}

// A body that is a document file goes to the converters as content: the
// answer then carries the converted text its offsets point into.
TEST_F(HttpTest, DocumentFileBodiesAreConvertedAsContent) {
  Start();
  const std::string page =
      "<html><head><title>t</title></head><body><nav>首页</nav>"
      "<article><p>全年共收到委员提案215件，立案198件。</p></article>"
      "</body></html>";
  // "委员提交提案12件。" in GBK.
  const std::string gbk =
      "\xce\xaf\xd4\xb1\xcc\xe1\xbd\xbb\xcc\xe1\xb0\xb8"
      "12\xbc\xfe\xa1\xa3";
  const std::vector<std::tuple<std::string, std::string, int>> cases = {
      {page, "text/html; charset=utf-8", 2},
      {page, "application/octet-stream", 2},
      {gbk, "text/plain; charset=GBK", 1},
  };
  for (const auto& [body, type, metrics] : cases) {
    SCOPED_TRACE(type);
    httplib::Result result = Client()->Post("/v1/extract?id=f", body, type);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
    v1::ExtractResponse response;
    ASSERT_TRUE(
        google::protobuf::util::JsonStringToMessage(result->body, &response)
            .ok());
    EXPECT_EQ(response.document_id(), "f");
    ASSERT_EQ(response.metrics_size(), metrics);
    EXPECT_FALSE(response.text().empty());
    EXPECT_EQ(response.text().find("首页"), std::string::npos);
  }
  // Bytes no converter reads: 400 naming why, not a guess.
  httplib::Result noise =
      Client()->Post("/v1/extract", std::string("\x81\x82\x83\x84"),
                     "text/plain; charset=x-no-such-charset");
  ASSERT_TRUE(noise);
  EXPECT_EQ(noise->status, 400) << noise->body;
}

TEST_F(HttpTest, MalformedJsonIs400WithJsonError) {
  Start();
  const std::vector<std::string> bodies = {
      "",
      "{",
      "not json at all",
      "[1, 2]",
      R"({"document": {"text": "!!! not base64 !!!"}})",
      R"({"document": {"txet": "YWJj"}})",  // unknown field
      R"({"document": "abc"})",
  };
  for (const std::string& body : bodies) {
    SCOPED_TRACE(body);
    httplib::Result result = PostJson(body);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << result->body;
    const nlohmann::json error = ErrorOf(result);
    EXPECT_EQ(error.value("status", ""), "INVALID_ARGUMENT");
  }
}

TEST_F(HttpTest, InvalidUtf8Is400NamingTheSameOffsetAsGrpc) {
  Start();
  const std::string sample = ReadFile(REPORTFACTS_SAMPLE);
  ASSERT_GT(sample.size(), 400u);
  // A stray byte at several character boundaries of a real report.
  for (size_t offset : {size_t{0}, size_t{37}, size_t{200}, size_t{399}}) {
    while (offset > 0 &&
           (static_cast<unsigned char>(sample[offset]) & 0xC0) == 0x80) {
      --offset;
    }
    SCOPED_TRACE(offset);
    std::string text =
        sample.substr(0, offset) + "\xFF" + sample.substr(offset);

    v1::Document document;
    document.set_text(text);
    v1::ExtractResponse unused;
    const grpc::Status over_grpc = GrpcExtract(document, &unused);
    ASSERT_EQ(over_grpc.error_code(), grpc::StatusCode::INVALID_ARGUMENT);

    for (const bool plain : {false, true}) {
      httplib::Result result =
          plain ? Client()->Post("/v1/extract", text, "text/plain")
                : PostJson(JsonRequest("bad", text));
      ASSERT_TRUE(result);
      EXPECT_EQ(result->status, 400) << result->body;
      const nlohmann::json error = ErrorOf(result);
      EXPECT_EQ(error.value("status", ""), "INVALID_ARGUMENT");
      EXPECT_THAT(error.value("message", ""),
                  HasSubstr(absl::StrCat("byte offset ", offset)));
      EXPECT_EQ(error.value("message", ""), over_grpc.error_message());
    }
  }
}

TEST_F(HttpTest, BodyOverLimitIs413) {
  HttpOptions http_options;
  http_options.max_body_bytes = 4096;
  Start({}, http_options);
  EXPECT_EQ(http_->max_body_bytes(), 4096u);
  for (const bool plain : {false, true}) {
    const std::string text(8192, 'a');
    httplib::Result result =
        plain ? Client()->Post("/v1/extract", text, "text/plain")
              : PostJson(JsonRequest("big", text));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 413);
    EXPECT_THAT(ErrorOf(result).value("message", ""), HasSubstr("4096"));
  }
  // A body under the limit still works.
  httplib::Result small =
      PostJson(JsonRequest("small", "2024年收到提案12件。"));
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200) << small->body;
}

TEST_F(HttpTest, ThePageIsServedWithItsSecurityHeadersOnlyWhenAsked) {
  HttpOptions http_options;
  http_options.web_dir = REPORTFACTS_WEB_DIR;
  Start({}, http_options);
  for (const char* path : {"/", "/web/app.js", "/web/style.css"}) {
    httplib::Result result = Client()->Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 200) << path;
    EXPECT_FALSE(result->body.empty()) << path;
    const std::string policy =
        result->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
  }
  EXPECT_NE(
      Client()->Get("/")->get_header_value("Content-Type").find("text/html"),
      std::string::npos);
  EXPECT_EQ(Client()->Get("/web/missing.js")->status, 404);
  EXPECT_EQ(Client()->Post("/", "x", "text/plain")->status, 405);
}

TEST_F(HttpTest, WithoutAPageFolderTheRootIs404) {
  Start();
  EXPECT_EQ(Client()->Get("/")->status, 404);
}

TEST_F(HttpTest, AMissingPageFolderIsAStartError) {
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.workers = 1;
  options.data_dir = REPORTFACTS_DATA_DIR;
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  HttpOptions http_options;
  http_options.listen = "127.0.0.1:0";
  http_options.web_dir = "/nonexistent/web";
  absl::StatusOr<std::unique_ptr<HttpServer>> http = HttpServer::Start(
      http_options, (*server)->service(), (*server)->metrics());
  ASSERT_FALSE(http.ok());
  EXPECT_NE(http.status().message().find("index.html"), std::string::npos);
  (*server)->Shutdown(absl::ZeroDuration());
}

TEST_F(HttpTest, DocumentOverTheFactBudgetIs413AndNotRetried) {
  ServerOptions options;
  options.max_facts_per_doc = 10;
  Start(options);
  std::string dense;
  for (int i = 0; i < 30; ++i) dense += "新建站点3个，";
  httplib::Result result = PostJson(JsonRequest("dense", dense));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413) << result->body;
  EXPECT_FALSE(result->has_header("Retry-After"));
  EXPECT_NE(result->body.find("--max_facts_per_doc"), std::string::npos);
  // The core stopped at the budget, so gRPC gives the same refusal.
  v1::Document document;
  document.set_text(dense);
  v1::ExtractResponse unused;
  const grpc::Status over_grpc = GrpcExtract(document, &unused);
  EXPECT_EQ(over_grpc.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(over_grpc.error_message().find("limit of 10 facts"),
            std::string::npos);
}

TEST_F(HttpTest, DocumentOverMaxDocBytesIs413) {
  ServerOptions options;
  options.max_doc_bytes = 1000;
  Start(options);
  // The default body limit leaves room for max_doc_bytes in base64.
  EXPECT_GE(http_->max_body_bytes(), 4u * 1000 / 3);
  const std::string text(1500, 'a');
  httplib::Result result = PostJson(JsonRequest("long", text));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
  EXPECT_FALSE(result->has_header("Retry-After"));
  // The same refusal as over gRPC: INVALID_ARGUMENT, never retried.
  v1::Document document;
  document.set_text(text);
  v1::ExtractResponse unused;
  const grpc::Status over_grpc = GrpcExtract(document, &unused);
  EXPECT_EQ(over_grpc.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const nlohmann::json error = ErrorOf(result);
  EXPECT_EQ(error.value("status", ""), "INVALID_ARGUMENT");
  EXPECT_EQ(error.value("message", ""), over_grpc.error_message());
  EXPECT_THAT(error.value("message", ""), HasSubstr("1000"));
  httplib::Result fits =
      Client()->Post("/v1/extract", std::string(1000, 'a'), "text/plain");
  ASSERT_TRUE(fits);
  EXPECT_EQ(fits->status, 200) << fits->body;
}

TEST_F(HttpTest, BadHeadersAndContentTypes) {
  Start();
  const std::string body = JsonRequest("x", "abc");
  httplib::Result timeout = PostJson(body, {{"X-Timeout-Ms", "soon"}});
  ASSERT_TRUE(timeout);
  EXPECT_EQ(timeout->status, 400);
  EXPECT_THAT(ErrorOf(timeout).value("message", ""), HasSubstr("X-Timeout-Ms"));

  httplib::Result type =
      Client()->Post("/v1/extract", body, "application/x-www-form-urlencoded");
  ASSERT_TRUE(type);
  EXPECT_EQ(type->status, 415);
  ErrorOf(type);
}

TEST_F(HttpTest, AmbiguousContentLengthIs400AndClosesTheConnection) {
  Start();
  // After each bad request comes a second one that a server trusting the
  // first Content-Length would answer too (request smuggling).
  const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  // A Content-Length that is not a number at all libmicrohttpd refuses
  // itself, before the server sees the request; its 0.9.75 error reply
  // repeats its header block, so there only the smuggled request's
  // absence is checked.
  const std::vector<std::pair<std::string, bool>> framings = {
      {"Content-Length: abc\r\n", true},
      {"Content-Length: -1\r\n", true},
      {"Content-Length: 1 2\r\n", true},
      {"Content-Length: 3\r\nContent-Length: 4\r\n", false},
      {"Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", false},
  };
  for (const auto& [framing, refused_by_library] : framings) {
    SCOPED_TRACE(framing);
    const std::string reply = RawExchange(
        http_->port(),
        absl::StrCat("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: "
                     "text/plain\r\n",
                     framing, "\r\nabc", smuggled));
    EXPECT_THAT(reply, ::testing::StartsWith("HTTP/1.1 400 "));
    EXPECT_THAT(reply, ::testing::Not(HasSubstr("SERVING"))) << reply;
    if (!refused_by_library) {
      EXPECT_EQ(Responses(reply), 1) << reply;
      EXPECT_THAT(reply, HasSubstr("Content-Length"));
    }
  }
  // Two equal lengths are one length.
  const std::string equal = RawExchange(
      http_->port(),
      "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
      "Connection: close\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_THAT(equal, ::testing::StartsWith("HTTP/1.1 200 "));
}

TEST_F(HttpTest, TooManyOrTooLargeHeadersIs431) {
  Start();
  httplib::Headers many;
  for (int i = 0; i < 200; ++i) many.emplace(absl::StrCat("X-H", i), "1");
  httplib::Result too_many = Client()->Get("/healthz", many);
  ASSERT_TRUE(too_many);
  EXPECT_EQ(too_many->status, 431);
  EXPECT_EQ(ErrorOf(too_many).value("status", ""), "INVALID_ARGUMENT");

  httplib::Headers large;
  for (int i = 0; i < 8; ++i) {
    large.emplace(absl::StrCat("X-Big", i), std::string(6000, 'v'));
  }
  httplib::Result too_large = Client()->Get("/healthz", large);
  ASSERT_TRUE(too_large);
  EXPECT_EQ(too_large->status, 431);
  ErrorOf(too_large);

  httplib::Result fine = Client()->Get("/healthz", {{"X-Ok", "1"}});
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200);
}

TEST_F(HttpTest, SlowAndIdleClientsDoNotStarveHealthOrExtract) {
  Start();
  // More slow clients than the old server had threads, each trickling its
  // header section a byte a second, and a few hundred idle connections.
  Trickler slow(http_->port(), 32,
                "GET /healthz HTTP/1.1\r\nX-Slow: ", absl::Seconds(1));
  std::vector<int> idle;
  for (int i = 0; i < 300; ++i) {
    const int fd = Connect(http_->port());
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));

  for (int i = 0; i < 3; ++i) {
    httplib::Client client("127.0.0.1", http_->port());
    client.set_connection_timeout(std::chrono::seconds(3));
    client.set_read_timeout(std::chrono::seconds(3));
    const absl::Time start = absl::Now();
    httplib::Result health = client.Get("/healthz");
    ASSERT_TRUE(health) << "no answer within 3 s";
    EXPECT_EQ(health->status, 200);
    EXPECT_LT(absl::Now() - start, absl::Seconds(3));
  }
  httplib::Client client("127.0.0.1", http_->port());
  client.set_connection_timeout(std::chrono::seconds(3));
  client.set_read_timeout(std::chrono::seconds(10));
  httplib::Result extracted =
      client.Post("/v1/extract", "全年共收到提案412件。", "text/plain");
  ASSERT_TRUE(extracted);
  EXPECT_EQ(extracted->status, 200) << extracted->body;
  EXPECT_THAT(extracted->body, HasSubstr("412"));
  // The slow clients are still connected: nothing was freed by closing
  // them.
  for (int fd : slow.fds()) EXPECT_FALSE(IsClosedByPeer(fd));
  for (int fd : idle) close(fd);
}

TEST_F(HttpTest, TrickledRequestIsClosedAtTheRequestDeadline) {
  HttpOptions http_options;
  http_options.request_timeout = absl::Seconds(2);
  Start({}, http_options);
  // A byte every 200 ms never leaves the connection idle, so only the
  // whole-request deadline can end it: in the header section, and in the
  // body.
  for (const char* prefix :
       {"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ",
        "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: "
        "text/plain\r\nContent-Length: 1000\r\n\r\n"}) {
    SCOPED_TRACE(prefix);
    const absl::Time start = absl::Now();
    Trickler trickler(http_->port(), 1, prefix, absl::Milliseconds(200));
    ASSERT_EQ(trickler.fds().size(), 1u);
    const int fd = trickler.fds()[0];
    EXPECT_TRUE(testing::WaitUntil([fd] { return IsClosedByPeer(fd); }, 8000));
    const absl::Duration open_for = absl::Now() - start;
    EXPECT_GE(open_for, absl::Milliseconds(1500));
    EXPECT_LT(open_for, absl::Seconds(8));
  }
  // The server is unharmed.
  httplib::Result health = Client()->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(HttpTest, RequestDeadlineDoesNotCutAnExtractionInProgress) {
  HttpOptions http_options;
  http_options.request_timeout = absl::Seconds(1);
  Start({}, http_options, std::make_unique<testing::FakeBackend>());
  httplib::Result result = PostJson(JsonRequest("d", "sleep:2500"));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
}

TEST_F(HttpTest, IdleConnectionIsClosedAfterTheIdleTimeout) {
  HttpOptions http_options;
  http_options.idle_timeout = absl::Seconds(1);
  Start({}, http_options);
  const int fd = Connect(http_->port());
  ASSERT_GE(fd, 0);
  EXPECT_TRUE(testing::WaitUntil([fd] { return IsClosedByPeer(fd); }, 6000));
  close(fd);
}

TEST_F(HttpTest, HeaderFloodIs431AndBounded) {
  Start();
  // Over the field count, within the size: our own 431, JSON.
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 150; ++i) absl::StrAppend(&many, "X-H", i, ": 1\r\n");
  const std::string count_reply =
      RawExchange(http_->port(), absl::StrCat(many, "\r\n"));
  EXPECT_THAT(count_reply, ::testing::StartsWith("HTTP/1.1 431 "));
  EXPECT_THAT(count_reply, HasSubstr("header fields"));
  EXPECT_EQ(Responses(count_reply), 1);

  // 300,000 fields (2.4 MB): refused once the connection's memory is
  // full, long before the end; the server stops reading and closes.
  const int fd = Connect(http_->port());
  ASSERT_GE(fd, 0);
  std::string flood = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 300000; ++i) flood += "X-A: 1\r\n";
  flood += "\r\n";
  std::future<std::string> reply = std::async(std::launch::async, [fd] {
    timeval timeout{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    std::string got;
    char buffer[4096];
    for (;;) {
      const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
      if (n <= 0) break;
      got.append(buffer, static_cast<size_t>(n));
    }
    return got;
  });
  const bool sent_all = SendAll(fd, flood);
  const std::string flood_reply = reply.get();
  close(fd);
  EXPECT_FALSE(sent_all && flood_reply.empty())
      << "the server read 2.4 MB of header fields without answering";
  EXPECT_THAT(flood_reply, ::testing::Not(HasSubstr("200 OK")));
  if (!flood_reply.empty()) {
    EXPECT_THAT(flood_reply, ::testing::StartsWith("HTTP/1.1 431 "));
  }
  httplib::Result health = Client()->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(HttpTest, BodiesHeldAtOnceHaveABudget) {
  HttpOptions http_options;
  http_options.max_buffered_bytes = 1000;
  Start({}, http_options);
  // One connection holds 800 bytes of a body it does not finish...
  const int holder = Connect(http_->port());
  ASSERT_GE(holder, 0);
  ASSERT_TRUE(SendAll(
      holder, absl::StrCat("POST /v1/extract HTTP/1.1\r\nHost: x\r\n"
                           "Content-Type: text/plain\r\nContent-Length: "
                           "1000\r\n\r\n",
                           std::string(800, 'a'))));
  // ...so another body of 500 bytes is over the budget: 503, retry.
  const std::string text(500, 'b');
  std::optional<httplib::Result> refused;
  ASSERT_TRUE(testing::WaitUntil(
      [&] {
        refused.emplace(Client()->Post("/v1/extract", text, "text/plain"));
        return *refused && (*refused)->status == 503;
      },
      5000));
  EXPECT_EQ((*refused)->get_header_value("Retry-After"), "1");
  EXPECT_EQ(ErrorOf(*refused).value("status", ""), "UNAVAILABLE");
  // Once the holder is gone, the budget is free again.
  close(holder);
  EXPECT_TRUE(testing::WaitUntil(
      [&] {
        httplib::Result accepted =
            Client()->Post("/v1/extract", text, "text/plain");
        return accepted && accepted->status == 200;
      },
      5000));
}

TEST_F(HttpTest, WrongMethodOnAKnownPathIs405WithAllow) {
  Start();
  httplib::Result get = Client()->Get("/v1/extract");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  ErrorOf(get);
  for (const char* path : {"/metrics", "/healthz"}) {
    SCOPED_TRACE(path);
    httplib::Result post = Client()->Post(path, "x", "text/plain");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
    ErrorOf(post);
  }
  // An unknown path stays 404 whatever the method.
  httplib::Result unknown = Client()->Post("/v2/nothing", "x", "text/plain");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(HttpTest, ErrorBodiesNeverEchoTheRequest) {
  Start();
  const std::string marker = "ECHO-MARKER-7f3a";
  const std::string text = absl::StrCat(marker, "!", std::string(1000, 'x'));
  const std::vector<std::string> bad_json = {
      // Not base64: the JSON parser quotes the value.
      absl::StrCat(R"({"document": {"text": ")", text, R"("}})"),
      absl::StrCat(R"({"document": {"id": 1, "text": ")", text, R"("}})"),
      absl::StrCat(R"({")", marker, R"(": 1})"),
      absl::StrCat("{", text),
  };
  for (const std::string& body : bad_json) {
    httplib::Result result = PostJson(body);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    ErrorOf(result);
    EXPECT_THAT(result->body, ::testing::Not(HasSubstr(marker)));
    EXPECT_LT(result->body.size(), 600u) << result->body;
  }
  auto expect_no_echo = [&marker](const httplib::Result& result) {
    ASSERT_TRUE(result);
    EXPECT_GE(result->status, 400);
    ErrorOf(result);
    EXPECT_THAT(result->body, ::testing::Not(HasSubstr(marker)));
  };
  expect_no_echo(Client()->Get(absl::StrCat("/", marker)));
  expect_no_echo(
      Client()->Post("/v1/extract", "abc", absl::StrCat("text/", marker)));
  expect_no_echo(PostJson(JsonRequest("x", "abc"), {{"X-Timeout-Ms", marker}}));
}

TEST_F(HttpTest, TokensGuardExtractButNotHealthOrMetrics) {
  // The tokens are the service's, one set for both transports.
  ServerOptions options;
  options.auth_tokens = {"s3cret-token", "other-token"};
  Start(options);
  const std::string text = "全年共收到提案412件。";
  for (const httplib::Headers& headers :
       {httplib::Headers{}, httplib::Headers{{"Authorization", "Bearer nope"}},
        httplib::Headers{{"Authorization", "s3cret-token"}}}) {
    httplib::Result refused =
        Client()->Post("/v1/extract", headers, text, "text/plain");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 401);
    EXPECT_EQ(refused->get_header_value("WWW-Authenticate"), "Bearer");
    EXPECT_THAT(refused->body, HasSubstr("UNAUTHENTICATED"));
  }
  httplib::Result accepted =
      Client()->Post("/v1/extract", {{"Authorization", "Bearer other-token"}},
                     text, "text/plain");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200) << accepted->body;
  EXPECT_THAT(accepted->body, HasSubstr("412"));
  httplib::Result health = Client()->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  httplib::Result metrics = Client()->Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
}

TEST_F(HttpTest, TwoAuthorizationFieldsAre400WithoutEcho) {
  ServerOptions options;
  options.auth_tokens = {"s3cret-token"};
  Start(options);
  const std::string text = "全年共收到提案412件。";
  // A valid token beside another value must not let the call in: only
  // one credential per request, whichever order they come in.
  for (const auto& [first, second] :
       std::vector<std::pair<std::string, std::string>>{
           {"Bearer s3cret-token", "Bearer ECHO-MARKER-a1"},
           {"Bearer ECHO-MARKER-a1", "Bearer s3cret-token"},
           {"Bearer s3cret-token", "Bearer s3cret-token"}}) {
    SCOPED_TRACE(first + " / " + second);
    httplib::Headers headers;
    headers.emplace("Authorization", first);
    headers.emplace("Authorization", second);
    httplib::Result refused =
        Client()->Post("/v1/extract", headers, text, "text/plain");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400);
    EXPECT_THAT(ErrorOf(refused).value("message", ""),
                HasSubstr("Authorization"));
    EXPECT_THAT(refused->body, ::testing::Not(HasSubstr("ECHO-MARKER")));
    EXPECT_THAT(refused->body, ::testing::Not(HasSubstr("s3cret")));
    EXPECT_THAT(refused->body, ::testing::Not(HasSubstr("412")));
  }
  // The field name is case-insensitive.
  const std::string reply = RawExchange(
      http_->port(),
      "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
      "Connection: close\r\nAuthorization: Bearer s3cret-token\r\n"
      "authorization: Bearer s3cret-token\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_THAT(reply, ::testing::StartsWith("HTTP/1.1 400 "));
  EXPECT_THAT(reply, ::testing::Not(HasSubstr("s3cret")));
  // One field still works.
  httplib::Result accepted =
      Client()->Post("/v1/extract", {{"Authorization", "Bearer s3cret-token"}},
                     text, "text/plain");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->status, 200) << accepted->body;
}

TEST_F(HttpTest, BothTransportsPassOneAdmissionWithOneSetOfCounters) {
  ServerOptions options;
  options.auth_tokens = {"s3cret-token"};
  Start(options, {}, std::make_unique<testing::FakeBackend>());
  v1::ExtractRequest request;
  request.mutable_document()->set_id("d");
  request.mutable_document()->set_text("quick");
  const auto grpc_extract = [this, &request](const char* authorization) {
    grpc::ClientContext context;
    context.set_deadline(testing::In(30000));
    if (authorization != nullptr) {
      context.AddMetadata("authorization", authorization);
    }
    v1::ExtractResponse response;
    return stub_->Extract(&context, request, &response).error_code();
  };
  const auto http_extract = [this](const char* authorization) {
    httplib::Headers headers;
    if (authorization != nullptr)
      headers.emplace("Authorization", authorization);
    httplib::Result result =
        Client()->Post("/v1/extract", headers, "quick", "text/plain");
    return result ? result->status : -1;
  };
  const ServiceStats before = server_->Stats();

  // Without a token: refused by each transport, counted once each, in the
  // one place.
  EXPECT_EQ(grpc_extract(nullptr), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(http_extract(nullptr), 401);
  ServiceStats now = server_->Stats();
  EXPECT_EQ(now.rejected_unauthenticated - before.rejected_unauthenticated, 2);
  EXPECT_EQ(now.calls_admitted, before.calls_admitted);

  // With it: admitted once each, each document extracted once.
  EXPECT_EQ(grpc_extract("Bearer s3cret-token"), grpc::StatusCode::OK);
  EXPECT_EQ(http_extract("Bearer s3cret-token"), 200);
  now = server_->Stats();
  EXPECT_EQ(now.calls_admitted - before.calls_admitted, 2);
  EXPECT_EQ(now.extractions_started - before.extractions_started, 2);

  // One drain: once the HTTP side shuts down, the process is going away
  // and gRPC refuses new calls too, with the retryable code.
  http_->Shutdown(absl::Seconds(1));
  EXPECT_EQ(grpc_extract("Bearer s3cret-token"), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(server_->Stats().rejected_draining - before.rejected_draining, 1);
}

TEST_F(HttpTest, HealthzAndUnknownPaths) {
  Start();
  httplib::Result health = Client()->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_THAT(health->body, HasSubstr("SERVING"));

  httplib::Result missing = Client()->Get("/v2/nothing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ErrorOf(missing).value("status", ""), "NOT_FOUND");
}

TEST_F(HttpTest, DeadlineIs504AndStopsTheWork) {
  auto backend = std::make_unique<testing::FakeBackend>();
  testing::FakeBackend* fake = backend.get();
  Start({}, {}, std::move(backend));
  httplib::Result result =
      Client()->Post("/v1/extract", {{"X-Timeout-Ms", "200"}},
                     JsonRequest("slow", "sleep:20000"), "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 504) << result->body;
  EXPECT_EQ(ErrorOf(result).value("status", ""), "DEADLINE_EXCEEDED");
  EXPECT_TRUE(
      testing::WaitUntil([fake] { return fake->cancelled() == 1; }, 10000));
}

TEST_F(HttpTest, BackendFailureIs500) {
  Start({}, {}, std::make_unique<testing::FakeBackend>());
  httplib::Result result = PostJson(JsonRequest("f", "fail:20"));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 500);
  EXPECT_EQ(ErrorOf(result).value("status", ""), "INTERNAL");
}

TEST_F(HttpTest, OverloadIs429WithRetryAfter) {
  ServerOptions options;
  options.workers = 1;
  options.queue_capacity = 1;
  Start(options, {}, std::make_unique<testing::FakeBackend>());
  // One document runs, one waits: the queue is then full.
  auto slow = [this] {
    return Client()->Post("/v1/extract", JsonRequest("s", "sleep:1500"),
                          "application/json");
  };
  std::future<httplib::Result> running = std::async(std::launch::async, slow);
  ASSERT_TRUE(testing::WaitUntil(
      [this] { return server_->Stats().in_flight == 1; }, 20000));
  std::future<httplib::Result> queued = std::async(std::launch::async, slow);
  ASSERT_TRUE(testing::WaitUntil(
      [this] {
        return Scrape().Find("reportfacts_queue_depth") ==
               std::optional<double>(1.0);
      },
      20000));

  httplib::Result refused = PostJson(JsonRequest("r", "quick"));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "1");
  EXPECT_EQ(ErrorOf(refused).value("status", ""), "RESOURCE_EXHAUSTED");

  EXPECT_EQ(running.get()->status, 200);
  EXPECT_EQ(queued.get()->status, 200);
}

TEST_F(HttpTest, ShutdownFinishesRunningRequestsThenGivesUp) {
  Start({}, {}, std::make_unique<testing::FakeBackend>());
  auto post = [this](const std::string& text) {
    return std::async(std::launch::async, [this, text] {
      return Client()->Post("/v1/extract", JsonRequest("d", text),
                            "application/json");
    });
  };
  // Within the drain time: the request completes.
  std::future<httplib::Result> short_one = post("sleep:1500");
  ASSERT_TRUE(testing::WaitUntil(
      [this] { return server_->Stats().in_flight == 1; }, 20000));
  // Beyond it: the request is answered 503 when the drain time is over.
  std::future<httplib::Result> long_one = post("sleep:30000");
  ASSERT_TRUE(testing::WaitUntil(
      [this] {
        return Scrape().Find("reportfacts_requests_in_flight",
                             {{"transport", "http"}}) ==
               std::optional<double>(2.0);
      },
      20000));
  const int port = http_->port();
  const absl::Time start = absl::Now();
  http_->Shutdown(absl::Seconds(3));
  EXPECT_LT(absl::Now() - start, absl::Seconds(15));

  httplib::Result finished = short_one.get();
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->status, 200);
  httplib::Result cut = long_one.get();
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->status, 503);
  EXPECT_EQ(cut->get_header_value("Retry-After"), "1");

  httplib::Client after("127.0.0.1", port);
  after.set_connection_timeout(std::chrono::seconds(5));
  EXPECT_FALSE(after.Get("/healthz"));  // the port is closed
}

TEST_F(HttpTest, PortInUseIsAnError) {
  Start();
  HttpOptions clash;
  clash.listen = absl::StrCat("127.0.0.1:", http_->port());
  absl::StatusOr<std::unique_ptr<HttpServer>> second =
      HttpServer::Start(clash, server_->service(), server_->metrics());
  ASSERT_FALSE(second.ok());
  EXPECT_THAT(std::string(second.status().message()), HasSubstr("in use"));

  HttpOptions bad;
  bad.listen = "no-port-here";
  EXPECT_FALSE(
      HttpServer::Start(bad, server_->service(), server_->metrics()).ok());

  // A failed start does not drain the service the two sides share.
  v1::Document document;
  document.set_id("after");
  document.set_text("全年共收到提案412件。");
  v1::ExtractResponse response;
  EXPECT_TRUE(GrpcExtract(document, &response).ok());
  EXPECT_EQ(server_->Stats().rejected_draining, 0);
}

TEST_F(HttpTest, MetricsCountBothTransportsByMethodAndCode) {
  Start();
  const std::string text = ReadFile(REPORTFACTS_SAMPLE);
  const testing::ExpositionPage before = Scrape();
  EXPECT_EQ(before.Find("reportfacts_requests_total",
                        {{"method", "POST /v1/extract"}}),
            std::nullopt);
  EXPECT_THAT(before.Find("reportfacts_documents_processed_total"),
              Optional(0.0));

  constexpr int kHttpOk = 3;
  constexpr int kHttpBad = 2;
  constexpr int kGrpcOk = 2;
  for (int i = 0; i < kHttpOk; ++i) {
    ASSERT_EQ(PostJson(JsonRequest("ok", text))->status, 200);
  }
  for (int i = 0; i < kHttpBad; ++i) {
    ASSERT_EQ(PostJson("{bad")->status, 400);
  }
  v1::Document document;
  document.set_text(text);
  for (int i = 0; i < kGrpcOk; ++i) {
    v1::ExtractResponse response;
    ASSERT_TRUE(GrpcExtract(document, &response).ok());
  }
  document.set_text("\xC3");
  v1::ExtractResponse unused;
  ASSERT_EQ(GrpcExtract(document, &unused).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  // An HTTP request is counted just after its response is written: poll.
  const std::map<std::string, std::string> http_extract = {
      {"transport", "http"}, {"method", "POST /v1/extract"}};
  testing::ExpositionPage page;
  ASSERT_TRUE(testing::WaitUntil(
      [&] {
        page = Scrape();
        auto with_code = http_extract;
        with_code["code"] = "400";
        return page.Find("reportfacts_requests_total", with_code) ==
               std::optional<double>(kHttpBad);
      },
      10000));

  auto count = [&page](std::map<std::string, std::string> labels,
                       const std::string& code) {
    labels["code"] = code;
    return page.Find("reportfacts_requests_total", labels);
  };
  auto errors = [&page](std::map<std::string, std::string> labels,
                        const std::string& code) {
    labels["code"] = code;
    return page.Find("reportfacts_request_errors_total", labels);
  };
  EXPECT_THAT(count(http_extract, "200"), Optional(double{kHttpOk}));
  EXPECT_EQ(errors(http_extract, "200"), std::nullopt);
  EXPECT_THAT(errors(http_extract, "400"), Optional(double{kHttpBad}));
  testing::ExpectHistogram(page, http_extract, kHttpOk + kHttpBad);

  const std::map<std::string, std::string> grpc_extract = {
      {"transport", "grpc"},
      {"method", "/reportfacts.v1.FactExtractor/Extract"}};
  EXPECT_THAT(count(grpc_extract, "OK"), Optional(double{kGrpcOk}));
  EXPECT_THAT(count(grpc_extract, "INVALID_ARGUMENT"), Optional(1.0));
  EXPECT_THAT(errors(grpc_extract, "INVALID_ARGUMENT"), Optional(1.0));
  testing::ExpectHistogram(page, grpc_extract, kGrpcOk + 1);

  // The scrape before this one is counted too.
  EXPECT_THAT(page.Find("reportfacts_requests_total",
                        {{"method", "GET /metrics"}, {"code", "200"}}),
              Optional(::testing::Ge(1.0)));

  constexpr int kDocuments = kHttpOk + kGrpcOk;
  EXPECT_THAT(page.Find("reportfacts_documents_processed_total"),
              Optional(double{kDocuments}));
  EXPECT_THAT(page.Find("reportfacts_document_bytes_processed_total"),
              Optional(static_cast<double>(kDocuments * text.size())));
  // The workers' CPU time in the core is counted, and is part of the
  // process's CPU time.
  const std::optional<double> extraction_cpu =
      page.Find("reportfacts_extraction_cpu_seconds_total");
  const std::optional<double> process_cpu =
      page.Find("process_cpu_seconds_total");
  ASSERT_TRUE(extraction_cpu.has_value() && process_cpu.has_value());
  EXPECT_GT(*extraction_cpu, 0.0);
  EXPECT_LE(*extraction_cpu, *process_cpu);
  EXPECT_THAT(page.Find("reportfacts_queue_depth"), Optional(0.0));
  // A worker counts as running until its task returns, a moment after
  // the caller has its answer: poll.
  EXPECT_TRUE(testing::WaitUntil(
      [&] {
        return Scrape().Find("reportfacts_extractions_in_flight") ==
               std::optional<double>(0.0);
      },
      10000));
  EXPECT_THAT(page.Find("reportfacts_workers"), Optional(2.0));
  // A gRPC call leaves the gauge when the server frees it, a moment after
  // the client has its status: poll.
  EXPECT_TRUE(testing::WaitUntil(
      [&] {
        return Scrape().Find("reportfacts_requests_in_flight",
                             {{"transport", "grpc"}}) ==
               std::optional<double>(0.0);
      },
      10000));
}

}  // namespace
}  // namespace reportfacts
