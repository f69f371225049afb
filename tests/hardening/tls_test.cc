// TLS and mutual TLS with throw-away certificates made by openssl at test
// time: who gets in, who does not, and the plaintext health port beside an
// mTLS main port.
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "client/rpc.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/server/credentials.h"
#include "service/server/server.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using HealthResponse = grpc::health::v1::HealthCheckResponse;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Certificates: two CAs; a server certificate for 127.0.0.1 and a client
// certificate signed by the first, and a client certificate signed by the
// second ("foreign").
class Certificates {
 public:
  Certificates() {
    char dir[] = "/tmp/reportfacts_tls_XXXXXX";
    dir_ = mkdtemp(dir);
    ok_ =
        std::system(
            ("bash " REPORTFACTS_MAKE_CERTS " '" + dir_ + "'").c_str()) == 0 &&
        !ReadFile(Path("foreign_client.pem")).empty();
  }
  ~Certificates() { std::system(("rm -rf '" + dir_ + "'").c_str()); }

  bool ok() const { return ok_; }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  std::string Pem(const std::string& name) const {
    return ReadFile(Path(name));
  }

 private:
  std::string dir_;
  bool ok_ = false;
};

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { certificates_ = new Certificates(); }
  static void TearDownTestSuite() {
    delete certificates_;
    certificates_ = nullptr;
  }

  void SetUp() override {
    ASSERT_TRUE(certificates_->ok()) << "openssl could not make certificates";
  }

  // StartServer serves with the test CA's server certificate, requiring
  // client certificates when `mutual`.
  void StartServer(bool mutual, const std::string& health_listen = "") {
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.workers = 1;
    options.tls_cert = certificates_->Path("server.pem");
    options.tls_key = certificates_->Path("server.key");
    if (mutual) options.tls_client_ca = certificates_->Path("ca.pem");
    options.health_listen = health_listen;
    absl::StatusOr<std::unique_ptr<Server>> server =
        Server::Start(options, std::make_unique<testing::FakeBackend>());
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  // Call runs ListIndicators with a 5 s deadline.
  grpc::Status Call(const std::shared_ptr<grpc::Channel>& channel) {
    auto stub = v1::FactExtractor::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(testing::In(5000));
    v1::ListIndicatorsResponse response;
    return stub->ListIndicators(&context, v1::ListIndicatorsRequest(),
                                &response);
  }

  cli::ChannelOptions ClientOptions(const std::string& client) {
    cli::ChannelOptions options;
    options.tls_ca = certificates_->Pem("ca.pem");
    if (!client.empty()) {
      options.tls_cert = certificates_->Pem(client + ".pem");
      options.tls_key = certificates_->Pem(client + ".key");
    }
    return options;
  }

  static Certificates* certificates_;
  std::unique_ptr<Server> server_;
};
Certificates* TlsTest::certificates_ = nullptr;

TEST_F(TlsTest, TlsServerAnswersTlsClientsAndRefusesPlaintext) {
  StartServer(/*mutual=*/false);
  const grpc::Status good =
      Call(cli::MakeChannel(server_->address(), ClientOptions("")));
  EXPECT_TRUE(good.ok()) << good.error_message();
  EXPECT_EQ(Call(cli::MakeChannel(server_->address())).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  // A client that trusts another CA does not accept the server.
  cli::ChannelOptions wrong_trust;
  wrong_trust.tls_ca = certificates_->Pem("foreign_ca.pem");
  EXPECT_EQ(
      Call(cli::MakeChannel(server_->address(), wrong_trust)).error_code(),
      grpc::StatusCode::UNAVAILABLE);
  // And the server still serves after the failed handshakes.
  EXPECT_TRUE(
      Call(cli::MakeChannel(server_->address(), ClientOptions(""))).ok());
}

TEST_F(TlsTest, MutualTlsNeedsAClientCertificateFromTheTrustedCa) {
  StartServer(/*mutual=*/true);
  EXPECT_NE(Call(cli::MakeChannel(server_->address(), ClientOptions("")))
                .error_code(),
            grpc::StatusCode::OK);
  EXPECT_NE(Call(cli::MakeChannel(server_->address(),
                                  ClientOptions("foreign_client")))
                .error_code(),
            grpc::StatusCode::OK);
  const grpc::Status good =
      Call(cli::MakeChannel(server_->address(), ClientOptions("client")));
  EXPECT_TRUE(good.ok()) << good.error_message();
}

TEST_F(TlsTest, PlaintextHealthPortBesideMutualTls) {
  StartServer(/*mutual=*/true, "127.0.0.1:0");
  ASSERT_GT(server_->health_port(), 0);
  auto probe =
      grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->health_port()),
                          grpc::InsecureChannelCredentials());
  HealthResponse::ServingStatus health;
  const grpc::Status status = testing::HealthOf(probe, "", &health);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(health, HealthResponse::SERVING);
  // The probe port serves health only.
  EXPECT_EQ(Call(probe).error_code(), grpc::StatusCode::UNIMPLEMENTED);

  server_->Shutdown(absl::Seconds(1));
  EXPECT_NE(testing::HealthOf(probe, "", &health).error_code(),
            grpc::StatusCode::OK);
}

TEST(ServerCredentialsTest, HalfGivenOrMissingFilesAreRefusedByName) {
  EXPECT_TRUE(MakeServerCredentials({}).ok());
  EXPECT_FALSE(MakeServerCredentials({"cert.pem", "", ""}).ok());
  EXPECT_FALSE(MakeServerCredentials({"", "", "ca.pem"}).ok());
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> missing =
      MakeServerCredentials({"/nonexistent/cert.pem", "/nonexistent/key", ""});
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(std::string(missing.status().message()),
              ::testing::HasSubstr("/nonexistent/cert.pem"));
}

}  // namespace
}  // namespace reportfacts
