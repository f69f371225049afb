// Gtest fixtures whose tests talk to an in-process reportfacts::Server on
// 127.0.0.1 with a free port, and the unary Extract call they make to it.
//
//   Server per test:   class MyTest : public testing::ServerFixture {...};
//                      then StartServer(options, backend) in SetUp or a test.
//   Server per suite:  class MyTest
//                          : public testing::SharedServerFixture<MyTest> {
//                       public:
//                        static ServerOptions SuiteServerOptions();
//                        // optional; UncappedChannelArguments() if absent
//                        static grpc::ChannelArguments SuiteChannelArguments();
//                      };
#ifndef REPORTFACTS_TESTS_SERVICE_SERVER_FIXTURE_H_
#define REPORTFACTS_TESTS_SERVICE_SERVER_FIXTURE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/admission/backend.h"
#include "service/server/options.h"
#include "service/server/server.h"
#include "tests/service/test_util.h"

namespace reportfacts::testing {

// StartLocalServer runs a server with `options` on 127.0.0.1 and a free
// port: on `backend`, or on the core loaded from options.data_dir when
// `backend` is null.
inline absl::StatusOr<std::unique_ptr<Server>> StartLocalServer(
    ServerOptions options,
    std::unique_ptr<ExtractionBackend> backend = nullptr) {
  options.listen = "127.0.0.1:0";
  if (backend == nullptr) return Server::Start(std::move(options));
  return Server::Start(std::move(options), std::move(backend));
}

// CoreServerOptions: the real core loaded from `data_dir`, two workers, and
// the given size caps.
inline ServerOptions CoreServerOptions(const std::string& data_dir,
                                       int64_t max_doc_bytes,
                                       int max_message_bytes) {
  ServerOptions options;
  options.workers = 2;
  options.data_dir = data_dir;
  options.max_doc_bytes = max_doc_bytes;
  options.max_message_bytes = max_message_bytes;
  return options;
}

// UncappedChannelArguments lifts the client's own message size caps, so
// that the server's caps are the ones a test meets.
inline grpc::ChannelArguments UncappedChannelArguments() {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(-1);
  return args;
}

// ConnectTo opens a plaintext channel to `server`.
inline std::shared_ptr<grpc::Channel> ConnectTo(
    const Server& server,
    const grpc::ChannelArguments& args = grpc::ChannelArguments()) {
  return grpc::CreateCustomChannel(server.address(),
                                   grpc::InsecureChannelCredentials(), args);
}

// DocumentRequest asks for the facts of one document; an empty id or
// reference date leaves the field unset.
inline v1::ExtractRequest DocumentRequest(
    const std::string& text, const std::string& id = "doc",
    const std::string& reference_date = "") {
  v1::ExtractRequest request;
  request.mutable_document()->set_id(id);
  request.mutable_document()->set_text(text);
  request.mutable_document()->set_reference_date(reference_date);
  return request;
}

// CallExtract sends `request` with a deadline `deadline_ms` from now (none
// when deadline_ms <= 0). `response` and `context` may be null: the answer
// is then dropped, and a fresh context is used.
inline grpc::Status CallExtract(v1::FactExtractor::StubInterface& stub,
                                const v1::ExtractRequest& request,
                                int deadline_ms,
                                v1::ExtractResponse* response = nullptr,
                                grpc::ClientContext* context = nullptr) {
  grpc::ClientContext own_context;
  if (context == nullptr) context = &own_context;
  if (deadline_ms > 0) context->set_deadline(In(deadline_ms));
  v1::ExtractResponse ignored;
  return stub.Extract(context, request,
                      response != nullptr ? response : &ignored);
}

// ServerFixture gives each test its own server, started by StartServer.
class ServerFixture : public ::testing::Test {
 protected:
  // StartServer runs a server (see StartLocalServer) and connects channel_
  // and stub_ to it with `args`. Fails the test if the server does not
  // start.
  void StartServer(
      ServerOptions options,
      std::unique_ptr<ExtractionBackend> backend = nullptr,
      const grpc::ChannelArguments& args = grpc::ChannelArguments()) {
    auto server = StartLocalServer(std::move(options), std::move(backend));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = ConnectTo(*server_, args);
    stub_ = v1::FactExtractor::NewStub(channel_);
  }

  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::FactExtractor::Stub> stub_;
};

// SharedServerFixture starts one server for the whole suite, on the real
// core, with Suite::SuiteServerOptions(): loading the core once keeps the
// suite fast. Each test gets a fresh channel_ and stub_, made with
// Suite::SuiteChannelArguments().
template <typename Suite>
class SharedServerFixture : public ::testing::Test {
 public:
  // The default, hidden by a Suite that declares its own.
  static grpc::ChannelArguments SuiteChannelArguments() {
    return UncappedChannelArguments();
  }

 protected:
  static void SetUpTestSuite() {
    auto server = StartLocalServer(Suite::SuiteServerOptions());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    channel_ = ConnectTo(*server_, Suite::SuiteChannelArguments());
    stub_ = v1::FactExtractor::NewStub(channel_);
  }

  // Static (one per Suite) so that tests may read it from lambdas that
  // capture nothing.
  static inline std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::FactExtractor::Stub> stub_;
};

}  // namespace reportfacts::testing

#endif  // REPORTFACTS_TESTS_SERVICE_SERVER_FIXTURE_H_
