// Draining: once Shutdown starts, calls already admitted finish and new
// ones get UNAVAILABLE (retryable), never CANCELLED.
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/server/server.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

grpc::Status Extract(const std::shared_ptr<grpc::Channel>& channel,
                     const std::string& text) {
  auto stub = v1::FactExtractor::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(testing::In(20000));
  v1::ExtractRequest request;
  request.mutable_document()->set_text(text);
  v1::ExtractResponse response;
  return stub->Extract(&context, request, &response);
}

TEST(DrainTest, AdmittedCallsFinishAndNewCallsGetUnavailable) {
  ServerOptions options;
  options.listen = "127.0.0.1:0";
  options.workers = 4;
  absl::StatusOr<std::unique_ptr<Server>> started =
      Server::Start(options, std::make_unique<testing::FakeBackend>());
  ASSERT_TRUE(started.ok()) << started.status();
  Server& server = **started;
  auto channel =
      grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());

  std::vector<grpc::Status> slow(4);
  std::vector<std::thread> callers;
  for (grpc::Status& status : slow) {
    callers.emplace_back(
        [&channel, &status] { status = Extract(channel, "sleep:1500"); });
  }
  // All four are running before the drain starts.
  ASSERT_TRUE(testing::WaitUntil(
      [&server] { return server.Stats().in_flight == 4; }, 10000));
  std::thread stopper([&server] { server.Shutdown(absl::Seconds(20)); });

  // While the admitted calls drain, a new call on the open channel is
  // refused with UNAVAILABLE.
  grpc::Status fresh;
  ASSERT_TRUE(testing::WaitUntil(
      [&] {
        fresh = Extract(channel, "quick");
        return !fresh.ok();
      },
      10000));
  EXPECT_EQ(fresh.error_code(), grpc::StatusCode::UNAVAILABLE)
      << fresh.error_message();

  for (std::thread& caller : callers) caller.join();
  stopper.join();
  for (const grpc::Status& status : slow) {
    EXPECT_TRUE(status.ok()) << status.error_message();
  }
}

}  // namespace
}  // namespace reportfacts
