// Bearer-token authentication: loading tokens, the constant-time check, and
// a server that refuses calls without a valid token while health checks
// stay open.
#include "service/server/auth.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "client/rpc.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/server/server.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using HealthResponse = grpc::health::v1::HealthCheckResponse;

// TempFile writes `contents` to a fresh file that is removed at the end.
class TempFile {
 public:
  explicit TempFile(const std::string& contents) {
    char name[] = "/tmp/reportfacts_auth_XXXXXX";
    const int fd = mkstemp(name);
    EXPECT_GE(fd, 0);
    close(fd);
    path_ = name;
    std::ofstream(path_) << contents;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(ConstantTimeEqualsTest, MatchesOnlyIdenticalNonEmptyStrings) {
  EXPECT_TRUE(ConstantTimeEquals("s3cret-token", "s3cret-token"));
  EXPECT_FALSE(ConstantTimeEquals("s3cret-token", "s3cret-tokeN"));
  EXPECT_FALSE(ConstantTimeEquals("s3cret-token", "s3cret-token-longer"));
  EXPECT_FALSE(ConstantTimeEquals("s3cret-token", "s3cret"));
  EXPECT_FALSE(ConstantTimeEquals("s3cret-token", ""));
  EXPECT_FALSE(ConstantTimeEquals("", ""));
  // A repeated prefix must not pass for the whole token.
  EXPECT_FALSE(ConstantTimeEquals("abab", "ab"));
  EXPECT_FALSE(ConstantTimeEquals("ab", "abab"));
}

TEST(TokenCheckerTest, AcceptsBearerSchemeWithAnyAcceptedToken) {
  const TokenChecker checker({"first-token", "second-token"});
  EXPECT_TRUE(checker.IsAuthorized("Bearer first-token"));
  EXPECT_TRUE(checker.IsAuthorized("bearer second-token"));
  EXPECT_FALSE(checker.IsAuthorized("Bearer third-token"));
  EXPECT_FALSE(checker.IsAuthorized("first-token"));
  EXPECT_FALSE(checker.IsAuthorized("Basic first-token"));
  EXPECT_FALSE(checker.IsAuthorized("Bearer "));
  EXPECT_FALSE(checker.IsAuthorized(""));
}

TEST(LoadAuthTokensTest, ReadsFileLinesAndEnvironment) {
  const TempFile file("# accepted tokens\n\nalpha-1\r\n  beta-2  \n");
  absl::StatusOr<std::vector<std::string>> tokens =
      LoadAuthTokens(file.path(), "gamma-3, delta-4");
  ASSERT_TRUE(tokens.ok()) << tokens.status();
  EXPECT_THAT(*tokens, ElementsAre("alpha-1", "beta-2", "gamma-3", "delta-4"));

  tokens = LoadAuthTokens("", nullptr);
  ASSERT_TRUE(tokens.ok());
  EXPECT_TRUE(tokens->empty());
}

TEST(LoadAuthTokensTest, RefusesUnusableSources) {
  const TempFile only_comments("# nothing here\n\n");
  EXPECT_FALSE(LoadAuthTokens(only_comments.path(), nullptr).ok());
  EXPECT_FALSE(LoadAuthTokens("/nonexistent/tokens.txt", nullptr).ok());
  const TempFile non_ascii("zq7\xE4\xB8\xAD\n");
  absl::StatusOr<std::vector<std::string>> tokens =
      LoadAuthTokens(non_ascii.path(), nullptr);
  ASSERT_FALSE(tokens.ok());
  // The error names the line but never echoes the token.
  EXPECT_THAT(std::string(tokens.status().message()), HasSubstr(":1"));
  EXPECT_THAT(std::string(tokens.status().message()),
              ::testing::Not(HasSubstr("zq7")));
}

class AuthServerTest : public ::testing::Test {
 protected:
  static constexpr char kToken[] = "hardening-test-token-7f3a";

  void SetUp() override {
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.workers = 1;
    options.auth_tokens = {"another-token", kToken};
    auto backend = std::make_unique<testing::FakeBackend>();
    backend_ = backend.get();
    absl::StatusOr<std::unique_ptr<Server>> server =
        Server::Start(options, std::move(backend));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  grpc::Status Extract(const std::string& authorization) {
    auto stub = v1::FactExtractor::NewStub(grpc::CreateChannel(
        server_->address(), grpc::InsecureChannelCredentials()));
    grpc::ClientContext context;
    context.set_deadline(testing::In(10000));
    if (!authorization.empty()) {
      context.AddMetadata("authorization", authorization);
    }
    v1::ExtractRequest request;
    request.mutable_document()->set_text("quick");
    v1::ExtractResponse response;
    return stub->Extract(&context, request, &response);
  }

  testing::FakeBackend* backend_ = nullptr;
  std::unique_ptr<Server> server_;
};

TEST_F(AuthServerTest, MissingOrWrongTokenIsUnauthenticatedAndNeverRuns) {
  for (const std::string& authorization :
       {std::string(), std::string("Bearer wrong"), std::string(kToken),
        std::string("Bearer ") + kToken + "x",
        std::string("Basic ") + kToken}) {
    SCOPED_TRACE(authorization);
    const grpc::Status status = Extract(authorization);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    // The message never echoes what was sent.
    EXPECT_THAT(status.error_message(), ::testing::Not(HasSubstr(kToken)));
  }
  EXPECT_EQ(backend_->calls(), 0);
  EXPECT_EQ(server_->Stats().rejected_invalid, 0);
  // The right token still works after the refusals.
  EXPECT_TRUE(Extract(std::string("Bearer ") + kToken).ok());
  EXPECT_EQ(backend_->calls(), 1);
}

TEST_F(AuthServerTest, StreamAndListIndicatorsNeedTheTokenToo) {
  auto stub = v1::FactExtractor::NewStub(grpc::CreateChannel(
      server_->address(), grpc::InsecureChannelCredentials()));
  {
    grpc::ClientContext context;
    v1::ListIndicatorsResponse response;
    EXPECT_EQ(
        stub->ListIndicators(&context, v1::ListIndicatorsRequest(), &response)
            .error_code(),
        grpc::StatusCode::UNAUTHENTICATED);
  }
  {
    grpc::ClientContext context;
    auto stream = stub->ExtractStream(&context);
    v1::ExtractRequest request;
    request.mutable_document()->set_text("quick");
    stream->Write(request);
    stream->WritesDone();
    v1::ExtractResponse response;
    while (stream->Read(&response)) {
    }
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  EXPECT_EQ(backend_->calls(), 0);
}

TEST_F(AuthServerTest, HealthStaysOpenWithoutToken) {
  HealthResponse::ServingStatus health;
  const grpc::Status status =
      testing::HealthOf(grpc::CreateChannel(server_->address(),
                                            grpc::InsecureChannelCredentials()),
                        "", &health);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(health, HealthResponse::SERVING);
}

TEST_F(AuthServerTest, ClientChannelSendsItsToken) {
  cli::ChannelOptions options;
  options.auth_token = kToken;
  auto stub =
      v1::FactExtractor::NewStub(cli::MakeChannel(server_->address(), options));
  grpc::ClientContext context;
  context.set_deadline(testing::In(10000));
  v1::ListIndicatorsResponse response;
  const grpc::Status status =
      stub->ListIndicators(&context, v1::ListIndicatorsRequest(), &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_GT(response.indicators_size(), 0);

  options.auth_token = "not-it";
  auto wrong =
      v1::FactExtractor::NewStub(cli::MakeChannel(server_->address(), options));
  grpc::ClientContext wrong_context;
  EXPECT_EQ(wrong
                ->ListIndicators(&wrong_context, v1::ListIndicatorsRequest(),
                                 &response)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST(AuthOffTest, NoTokensMeansNoAuthentication) {
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.workers = 1;
  absl::StatusOr<std::unique_ptr<Server>> server =
      Server::Start(options, std::make_unique<testing::FakeBackend>());
  ASSERT_TRUE(server.ok()) << server.status();
  auto stub = v1::FactExtractor::NewStub(grpc::CreateChannel(
      (*server)->address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(testing::In(10000));
  v1::ListIndicatorsResponse response;
  EXPECT_TRUE(
      stub->ListIndicators(&context, v1::ListIndicatorsRequest(), &response)
          .ok());
}

}  // namespace
}  // namespace reportfacts
