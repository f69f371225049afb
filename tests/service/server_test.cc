// The server with the real core, on 127.0.0.1 with a free port: input
// validation, size caps, health, streaming, and agreement with the core
// run in-process.
#include "service/server/server.h"

#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/api/convert.h"
#include "service/api/status.h"
#include "service/core/extractor.h"
#include "tests/service/server_fixture.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;
using HealthResponse = grpc::health::v1::HealthCheckResponse;
using testing::ReadFile;

constexpr int64_t kMaxDocBytes = 64 << 10;
constexpr int kMaxMessageBytes = 256 << 10;

std::string Json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  EXPECT_TRUE(
      google::protobuf::util::MessageToJsonString(message, &json, options)
          .ok());
  return json;
}

class ServerTest : public testing::SharedServerFixture<ServerTest> {
 public:
  static ServerOptions SuiteServerOptions() {
    return testing::CoreServerOptions(REPORTFACTS_DATA_DIR, kMaxDocBytes,
                                      kMaxMessageBytes);
  }

 protected:
  grpc::Status Extract(const std::string& text, v1::ExtractResponse* response,
                       const std::string& reference_date = "") {
    return testing::CallExtract(
        *stub_, testing::DocumentRequest(text, "doc", reference_date), 10000,
        response);
  }
};

struct BadUtf8Case {
  std::string name;
  std::string bytes;
  size_t offset;
};

TEST(ServerStartTest, RefusesOptionsOutOfRangeNamingTheFlag) {
  const auto refused = [](void (*spoil)(ServerOptions&), const char* flag) {
    ServerOptions options;
    options.listen = "127.0.0.1:0";
    spoil(options);
    const absl::StatusOr<std::unique_ptr<Server>> server =
        Server::Start(options);
    ASSERT_FALSE(server.ok()) << flag;
    EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(server.status().message().find(flag), std::string::npos)
        << server.status();
  };
  refused([](ServerOptions& o) { o.max_doc_bytes = 0; }, "--max_doc_bytes");
  refused([](ServerOptions& o) { o.max_message_bytes = -1; },
          "--max_message_bytes");
  refused([](ServerOptions& o) { o.max_facts_per_doc = -1; },
          "--max_facts_per_doc");
  refused([](ServerOptions& o) { o.default_deadline = absl::ZeroDuration(); },
          "--default_deadline_ms");
  refused([](ServerOptions& o) { o.drain = absl::Seconds(-1); },
          "--drain_seconds");
  refused([](ServerOptions& o) { o.document_threads = 0; },
          "--document_threads");
  refused([](ServerOptions& o) { o.document_threads = 3; },
          "--document_threads");
  EXPECT_TRUE(ValidateServerOptions(ServerOptions{}).ok());
}

TEST_F(ServerTest, InvalidUtf8GetsInvalidArgumentWithByteOffset) {
  const std::vector<BadUtf8Case> cases = {
      {"gbk", "\xD6\xD0\xCE\xC4", 0},
      {"truncated", "报告\xE4\xB8", 6},
      {"surrogate", "\xED\xA0\x80", 0},
      {"overlong", "\xC0\x80", 0},
      {"above_max", "\xF4\x90\x80\x80", 0},
      {"stray_continuation", "ab\x80", 2},
      {"late", std::string(1000, 'a') + "\xFF", 1000},
  };
  for (const BadUtf8Case& c : cases) {
    SCOPED_TRACE(c.name);
    v1::ExtractResponse response;
    const grpc::Status status = Extract(c.bytes, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(),
                HasSubstr(absl::StrCat("at byte offset ", c.offset, " ")));
  }
}

TEST_F(ServerTest, OversizeTextNamesLimitAndSizeAndNeverReachesCore) {
  const int64_t started = server_->Stats().extractions_started;
  v1::ExtractResponse response;
  const grpc::Status status = Extract(
      std::string(static_cast<size_t>(kMaxDocBytes) + 1, 'a'), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr(absl::StrCat(kMaxDocBytes)));
  EXPECT_THAT(status.error_message(),
              HasSubstr(absl::StrCat(kMaxDocBytes + 1)));
  EXPECT_EQ(server_->Stats().extractions_started, started);
}

TEST_F(ServerTest, TextAtTheLimitIsAccepted) {
  v1::ExtractResponse response;
  const grpc::Status status =
      Extract(std::string(static_cast<size_t>(kMaxDocBytes), 'a'), &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(ServerTest, EmptyTextGivesEmptyResult) {
  v1::ExtractResponse response;
  const grpc::Status status = Extract("", &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.document_id(), "doc");
  EXPECT_EQ(response.reports_size(), 0);
  EXPECT_EQ(response.metrics_size(), 0);
  EXPECT_EQ(response.dates_size(), 0);
  EXPECT_EQ(response.people_size(), 0);
  EXPECT_EQ(response.error_code(), 0);
}

TEST_F(ServerTest, BadReferenceDateIsInvalidArgument) {
  v1::ExtractResponse response;
  const grpc::Status status =
      Extract("全年收到提案12件。", &response, "2024-02-30");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("reference_date"));
  EXPECT_TRUE(Extract("全年收到提案12件。", &response, "2024-02-29").ok());
}

TEST_F(ServerTest, MessageOverTransportCapIsRefusedAndServerKeepsServing) {
  v1::ExtractResponse response;
  const grpc::Status status = Extract(
      std::string(static_cast<size_t>(kMaxMessageBytes) * 4, 'a'), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);

  const grpc::Status next = Extract("全年收到提案12件。", &response);
  EXPECT_TRUE(next.ok()) << next.error_message();
  HealthResponse::ServingStatus health;
  ASSERT_TRUE(testing::HealthOf(channel_, "", &health).ok());
  EXPECT_EQ(health, HealthResponse::SERVING);
}

TEST_F(ServerTest, HealthServingForServerAndServiceNotFoundForOthers) {
  HealthResponse::ServingStatus health;
  ASSERT_TRUE(testing::HealthOf(channel_, "", &health).ok());
  EXPECT_EQ(health, HealthResponse::SERVING);
  ASSERT_TRUE(
      testing::HealthOf(channel_, "reportfacts.v1.FactExtractor", &health)
          .ok());
  EXPECT_EQ(health, HealthResponse::SERVING);
  EXPECT_EQ(
      testing::HealthOf(channel_, "no.such.Service", &health).error_code(),
      grpc::StatusCode::NOT_FOUND);
}

TEST_F(ServerTest, ResultEqualsInProcessCore) {
  const std::string text = ReadFile(REPORTFACTS_SAMPLE);
  ASSERT_FALSE(text.empty());
  v1::ExtractResponse remote;
  const grpc::Status status = Extract(text, &remote);
  ASSERT_TRUE(status.ok()) << status.error_message();

  ExtractorConfig config;
  config.data_dir = REPORTFACTS_DATA_DIR;
  absl::StatusOr<std::unique_ptr<Extractor>> extractor =
      Extractor::Load(config);
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  absl::StatusOr<Extraction> local = (*extractor)->Extract(text, {});
  ASSERT_TRUE(local.ok()) << local.status();
  v1::ExtractResponse expected;
  expected.set_document_id("doc");
  ExtractionToProto(*local, text, &expected);
  EXPECT_EQ(Json(remote), Json(expected));

  // And back: the client's conversion restores the core's structs.
  v1::ExtractResponse round_trip;
  round_trip.set_document_id("doc");
  ExtractionToProto(ExtractionFromProto(remote), text, &round_trip);
  EXPECT_EQ(Json(round_trip), Json(expected));
}

TEST_F(ServerTest, ListIndicatorsMatchesCore) {
  grpc::ClientContext context;
  context.set_deadline(testing::In(5000));
  v1::ListIndicatorsResponse response;
  ASSERT_TRUE(
      stub_->ListIndicators(&context, v1::ListIndicatorsRequest(), &response)
          .ok());
  ExtractorConfig config;
  config.data_dir = REPORTFACTS_DATA_DIR;
  auto extractor = Extractor::Load(config);
  ASSERT_TRUE(extractor.ok());
  const auto expected = (*extractor)->Indicators();
  ASSERT_THAT(response.indicators(), SizeIs(expected.size()));
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(response.indicators(static_cast<int>(i)).id(), expected[i].id);
  }
}

TEST_F(ServerTest, StreamAnswersEveryDocumentWithItsIdAndSurvivesBadOnes) {
  const std::string sample = ReadFile(REPORTFACTS_SAMPLE);
  grpc::ClientContext context;
  context.set_deadline(testing::In(30000));
  auto stream = stub_->ExtractStream(&context);

  constexpr int kDocuments = 50;
  const std::string bad_id = "doc-17";
  std::thread writer([&] {
    for (int i = 0; i < kDocuments; ++i) {
      v1::ExtractRequest request;
      const std::string id = absl::StrCat("doc-", i);
      request.mutable_document()->set_id(id);
      if (id == bad_id) {
        request.mutable_document()->set_text("\xD6\xD0\xCE\xC4");
      } else if (i % 10 == 0) {
        request.mutable_document()->set_text(sample);
      } else {
        request.mutable_document()->set_text(
            absl::StrCat("第", i, "段：全年收到提案", i + 1, "件。"));
      }
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });

  std::map<std::string, v1::ExtractResponse> responses;
  v1::ExtractResponse response;
  while (stream->Read(&response)) {
    EXPECT_EQ(responses.count(response.document_id()), 0u)
        << "two answers for " << response.document_id();
    responses[response.document_id()] = response;
  }
  writer.join();
  const grpc::Status status = stream->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();

  ASSERT_EQ(responses.size(), static_cast<size_t>(kDocuments));
  for (int i = 0; i < kDocuments; ++i) {
    const std::string id = absl::StrCat("doc-", i);
    ASSERT_EQ(responses.count(id), 1u) << id;
    const v1::ExtractResponse& r = responses[id];
    if (id == bad_id) {
      EXPECT_EQ(r.error_code(),
                static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
      EXPECT_THAT(r.error_message(), HasSubstr("at byte offset 0 "));
    } else {
      EXPECT_EQ(r.error_code(), 0) << id << ": " << r.error_message();
    }
  }

  // A document answered in the stream equals its unary answer.
  v1::ExtractResponse unary;
  ASSERT_TRUE(Extract(sample, &unary).ok());
  v1::ExtractResponse streamed = responses["doc-0"];
  streamed.set_document_id("doc");
  EXPECT_EQ(Json(streamed), Json(unary));
}

TEST_F(ServerTest, StartFailsOnPortInUse) {
  ServerOptions options;
  options.listen = server_->address();
  options.workers = 1;
  auto second =
      Server::Start(options, std::make_unique<testing::FakeBackend>());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(second.status().message()),
              HasSubstr(server_->address()));
}

TEST(ServerStartTest, MissingDataFailsBeforeBinding) {
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.data_dir = "/nonexistent/reportfacts-data";
  auto server = Server::Start(options);
  ASSERT_FALSE(server.ok());
  EXPECT_THAT(std::string(server.status().message()),
              HasSubstr("/nonexistent/reportfacts-data"));
}

TEST(ServerStartTest, BadListenAddressIsRejected) {
  ServerOptions options;
  options.listen = "no-port-here";
  auto server =
      Server::Start(options, std::make_unique<testing::FakeBackend>());
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace reportfacts
