// Overload and transport abuse against a server with a test backend: load
// shedding and recovery, a metadata flood, keepalive abuse.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/server/server.h"
#include "tests/service/server_fixture.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using ::testing::Le;
using Clock = std::chrono::steady_clock;
using HealthResponse = grpc::health::v1::HealthCheckResponse;
using testing::MillisSince;

class OverloadTest : public testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.workers = 2;
    options.queue_capacity = 2;
    StartServer(options, std::make_unique<testing::FakeBackend>());
  }

  std::shared_ptr<grpc::Channel> Channel(grpc::ChannelArguments args) {
    return testing::ConnectTo(*server_, args);
  }

  // A document without an id, on `channel`, answer dropped.
  grpc::Status Extract(const std::string& text,
                       const std::shared_ptr<grpc::Channel>& channel,
                       grpc::ClientContext* context = nullptr) {
    auto stub = v1::FactExtractor::NewStub(channel);
    return testing::CallExtract(*stub, testing::DocumentRequest(text, ""),
                                20000, nullptr, context);
  }
};

TEST_F(OverloadTest, FloodIsShedThenServiceRecoversToFullSpeed) {
  // Baseline: quick calls one after another.
  auto quick_round = [this] {
    const auto start = Clock::now();
    for (int i = 0; i < 20; ++i) {
      EXPECT_TRUE(Extract("quick", channel_).ok());
    }
    return MillisSince(start);
  };
  const int64_t before = quick_round();

  // 10x capacity (2 running + 2 queued) of slow calls at once.
  std::atomic<int> ok{0};
  std::atomic<int> shed{0};
  std::atomic<int> other{0};
  std::atomic<int64_t> slowest_refusal_ms{0};
  std::vector<std::thread> flood;
  for (int i = 0; i < 40; ++i) {
    flood.emplace_back([&] {
      const auto start = Clock::now();
      const grpc::Status status = Extract("sleep:300", channel_);
      if (status.ok()) {
        ++ok;
      } else if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
        ++shed;
        const int64_t ms = MillisSince(start);
        int64_t seen = slowest_refusal_ms.load();
        while (ms > seen &&
               !slowest_refusal_ms.compare_exchange_weak(seen, ms)) {
        }
      } else {
        ++other;
      }
    });
  }
  // Health answers during the flood.
  HealthResponse::ServingStatus health;
  EXPECT_TRUE(testing::HealthOf(channel_, "", &health).ok());
  EXPECT_EQ(health, HealthResponse::SERVING);
  for (std::thread& thread : flood) thread.join();

  EXPECT_GT(shed.load(), 0);
  // At least the queue's 2 are admitted; whether the workers have taken
  // the first two off the queue before the next arrive (4 admitted, or
  // more) is the scheduler's timing, not the service's promise.
  EXPECT_GE(ok.load(), 2);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(ok.load() + shed.load(), 40);
  // Refusals are immediate, not after waiting for a worker.
  EXPECT_THAT(slowest_refusal_ms.load(), Le(2000));

  // Recovery: the queue is empty again and quick calls run as fast as
  // before (with slack for a loaded machine).
  ASSERT_TRUE(testing::WaitUntil(
      [this] { return server_->Stats().in_flight == 0; }, 5000));
  const int64_t after = quick_round();
  std::cout << "[ recovery ] 20 quick calls: " << before << " ms before, "
            << after << " ms after the flood; shed " << shed.load() << "/40\n";
  EXPECT_LT(after, 3 * before + 500);
}

TEST_F(OverloadTest, MetadataFloodIsRefusedAndNextCallWorks) {
  grpc::ClientContext context;
  context.AddMetadata("x-flood", std::string(64 << 10, 'a'));
  const grpc::Status flooded = Extract("quick", channel_, &context);
  EXPECT_FALSE(flooded.ok());
  // gRPC may close the flooded connection; a call that raced onto it gets
  // UNAVAILABLE, which clients retry. The server itself must keep serving.
  grpc::Status next;
  for (int attempt = 0; attempt < 3; ++attempt) {
    next = Extract("quick", channel_);
    if (next.error_code() != grpc::StatusCode::UNAVAILABLE) break;
  }
  EXPECT_TRUE(next.ok()) << static_cast<int>(next.error_code()) << " "
                         << next.error_message();
}

TEST_F(OverloadTest, KeepaliveAbuserIsCutOffOthersAreNot) {
  grpc::ChannelArguments abusive;
  abusive.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 10);
  abusive.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 1000);
  abusive.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  abusive.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  abusive.SetInt(GRPC_ARG_HTTP2_MIN_SENT_PING_INTERVAL_WITHOUT_DATA_MS, 0);
  auto abuser = Channel(abusive);
  // A long call keeps the abusive connection open while it pings. gRPC's
  // client sends at most one ping a second; the server allows two strikes
  // (pings closer than 5 minutes), then answers GOAWAY too_many_pings.
  grpc::Status abused;
  std::thread abuse([&] { abused = Extract("sleep:8000", abuser); });
  // The well-behaved channel keeps working meanwhile.
  int good = 0;
  int failed = 0;
  const auto start = Clock::now();
  while (MillisSince(start) < 3000) {
    (Extract("quick", channel_).ok() ? good : failed) += 1;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  abuse.join();
  EXPECT_GT(good, 0);
  EXPECT_EQ(failed, 0);
  EXPECT_TRUE(Extract("quick", channel_).ok());
  std::cout << "[ keepalive ] abusive channel's call: "
            << static_cast<int>(abused.error_code()) << " "
            << abused.error_message() << "\n";
  EXPECT_EQ(abused.error_code(), grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace reportfacts
