// Deadlines, cancellation, overload, streaming flow control and shutdown,
// checked with a fake backend whose timing the test controls.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/api/status.h"
#include "service/server/server.h"
#include "tests/service/server_fixture.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using ::testing::HasSubstr;
using ::testing::Le;
using Clock = std::chrono::steady_clock;
using HealthResponse = grpc::health::v1::HealthCheckResponse;
using testing::MillisSince;

class BehaviorTest : public testing::ServerFixture {
 protected:
  // Start runs a server with `options` (listen and reflection preset) on a
  // fresh FakeBackend.
  void Start(ServerOptions options) {
    options.enable_reflection = false;
    auto backend = std::make_unique<testing::FakeBackend>();
    backend_ = backend.get();
    StartServer(std::move(options), std::move(backend));
  }

  // No deadline when deadline_ms <= 0.
  grpc::Status Extract(const std::string& text, int deadline_ms,
                       v1::ExtractResponse* response = nullptr) {
    return testing::CallExtract(*stub_, testing::DocumentRequest(text),
                                deadline_ms, response);
  }

  bool InFlightDrainsToZero() {
    return testing::WaitUntil(
        [this] { return server_->Stats().in_flight == 0; }, 3000);
  }

  testing::FakeBackend* backend_ = nullptr;
};

TEST_F(BehaviorTest, ClientDeadlineEndsCallPromptlyAndStopsTheCore) {
  ServerOptions options;
  options.workers = 1;
  Start(options);
  const auto start = Clock::now();
  const grpc::Status status = Extract("sleep:10000", 100);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(MillisSince(start), Le(2000));
  EXPECT_TRUE(InFlightDrainsToZero());
  EXPECT_TRUE(
      testing::WaitUntil([this] { return backend_->cancelled() == 1; }, 3000));
}

TEST_F(BehaviorTest, ServerBudgetEndsCallWithoutClientDeadline) {
  ServerOptions options;
  options.workers = 1;
  options.default_deadline = absl::Milliseconds(150);
  Start(options);
  const auto start = Clock::now();
  const grpc::Status status = Extract("sleep:10000", 0);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(status.error_message(), HasSubstr("150 ms"));
  EXPECT_THAT(MillisSince(start), Le(2000));
  EXPECT_TRUE(InFlightDrainsToZero());
}

TEST_F(BehaviorTest, ServerBudgetEndsQueuedCallWithoutClientDeadline) {
  ServerOptions options;
  options.workers = 1;
  options.default_deadline = absl::Milliseconds(300);
  Start(options);
  // The only worker is busy for 1.5 s with a call that has a deadline of
  // its own. A call without one waits in the queue; its 300 ms budget
  // must end it there, not when the worker gets to it.
  grpc::Status first;
  std::thread busy([&] { first = Extract("sleep:1500", 10000); });
  ASSERT_TRUE(testing::WaitUntil(
      [this] { return server_->Stats().extractions_started >= 1; }, 3000));
  const auto start = Clock::now();
  const grpc::Status queued = Extract("quick", 0);
  const int64_t waited = MillisSince(start);
  busy.join();
  EXPECT_TRUE(first.ok()) << first.error_message();
  EXPECT_EQ(queued.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_THAT(queued.error_message(), HasSubstr("300 ms"));
  EXPECT_THAT(waited, Le(1200));
  EXPECT_TRUE(InFlightDrainsToZero());
}

TEST_F(BehaviorTest, ClientCancelFreesTheWorker) {
  ServerOptions options;
  options.workers = 1;
  Start(options);
  grpc::ClientContext context;
  v1::ExtractRequest request;
  request.mutable_document()->set_text("sleep:10000");
  v1::ExtractResponse response;
  std::thread canceller([&] {
    testing::WaitUntil([this] { return server_->Stats().in_flight == 1; },
                       3000);
    context.TryCancel();
  });
  const grpc::Status status = stub_->Extract(&context, request, &response);
  canceller.join();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_TRUE(InFlightDrainsToZero());
  // The worker is free again: the next call runs at once.
  EXPECT_TRUE(Extract("quick", 2000).ok());
}

TEST_F(BehaviorTest, BurstBeyondCapacityIsRefusedFastWithRetryableCode) {
  ServerOptions options;
  options.workers = 1;
  options.queue_capacity = 1;
  Start(options);
  // Connect first, so that the burst measures the server and not the
  // connection set-up.
  ASSERT_TRUE(Extract("quick", 5000).ok());
  constexpr int kCalls = 8;
  std::vector<grpc::Status> results(kCalls);
  std::vector<int64_t> millis(kCalls);
  std::vector<std::thread> callers;
  for (int i = 0; i < kCalls; ++i) {
    callers.emplace_back([&, i] {
      const auto start = Clock::now();
      results[i] = Extract("sleep:800", 10000);
      millis[i] = MillisSince(start);
    });
  }
  // Health answers while the workers are busy.
  HealthResponse::ServingStatus health;
  EXPECT_TRUE(testing::HealthOf(channel_, "", &health).ok());
  EXPECT_EQ(health, HealthResponse::SERVING);
  for (std::thread& t : callers) t.join();

  int ok = 0, refused = 0;
  for (int i = 0; i < kCalls; ++i) {
    if (results[i].ok()) {
      ++ok;
    } else {
      EXPECT_EQ(results[i].error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
      EXPECT_THAT(results[i].error_message(), HasSubstr("overloaded"));
      // Waiting for room would take at least one 800 ms job.
      EXPECT_THAT(millis[i], Le(600)) << "refusal should not wait";
      ++refused;
    }
  }
  // At most one running and one queued are accepted; a call may also be
  // refused while the first still sits in the queue, before the worker has
  // taken it, so one acceptance is enough.
  EXPECT_GE(ok, 1);
  EXPECT_LE(ok, 2);
  EXPECT_EQ(ok + refused, kCalls);
  EXPECT_EQ(server_->Stats().rejected_overloaded, refused);
}

TEST_F(BehaviorTest, StreamWaitsForRoomInsteadOfRefusing) {
  ServerOptions options;
  options.workers = 1;
  options.queue_capacity = 1;
  options.stream_in_flight = 2;
  Start(options);
  grpc::ClientContext context;
  context.set_deadline(testing::In(20000));
  auto stream = stub_->ExtractStream(&context);
  constexpr int kDocuments = 12;
  std::thread writer([&] {
    for (int i = 0; i < kDocuments; ++i) {
      v1::ExtractRequest request;
      request.mutable_document()->set_id(absl::StrCat(i));
      request.mutable_document()->set_text("sleep:20");
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });
  int answered = 0;
  v1::ExtractResponse response;
  while (stream->Read(&response)) {
    EXPECT_EQ(response.error_code(), 0) << response.error_message();
    ++answered;
  }
  writer.join();
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(answered, kDocuments);
  EXPECT_EQ(server_->Stats().rejected_overloaded, 0);
}

TEST_F(BehaviorTest, StreamStopsReadingWhileItsDocumentIsParked) {
  ServerOptions options;
  options.workers = 1;
  options.queue_capacity = 1;
  options.stream_in_flight = 8;  // the window alone would let 6 park
  Start(options);
  grpc::ClientContext context;
  context.set_deadline(testing::In(20000));
  auto stream = stub_->ExtractStream(&context);
  constexpr int kDocuments = 8;
  for (int i = 0; i < kDocuments; ++i) {
    v1::ExtractRequest request;
    request.mutable_document()->set_id(absl::StrCat(i));
    request.mutable_document()->set_text("sleep:150");
    ASSERT_TRUE(stream->Write(request));
  }
  stream->WritesDone();
  // One running, one queued, one parked: then the stream must stop reading
  // so that the queue's free places are not all taken by one stream.
  ASSERT_TRUE(testing::WaitUntil(
      [this] { return server_->Stats().parked >= 1; }, 5000));
  int most_parked = 0;
  const auto start = Clock::now();
  while (MillisSince(start) < 100) {
    most_parked =
        std::max(most_parked, static_cast<int>(server_->Stats().parked));
  }
  EXPECT_EQ(most_parked, 1);
  int answered = 0;
  v1::ExtractResponse response;
  while (stream->Read(&response)) {
    EXPECT_EQ(response.error_code(), 0) << response.error_message();
    ++answered;
  }
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_EQ(answered, kDocuments);
}

TEST_F(BehaviorTest, StreamRunsDocumentsInParallelAndAnswersWhenReady) {
  ServerOptions options;
  options.workers = 2;
  options.stream_in_flight = 4;
  Start(options);
  grpc::ClientContext context;
  context.set_deadline(testing::In(20000));
  auto stream = stub_->ExtractStream(&context);
  // A slow document first, then quick ones: the quick ones must come back
  // before it, and two slow ones must overlap on the two workers.
  const std::vector<std::pair<std::string, std::string>> documents = {
      {"slow-1", "sleep:600"}, {"quick", "x"}, {"slow-2", "sleep:600"}};
  const Clock::time_point start = Clock::now();
  for (const auto& [id, text] : documents) {
    v1::ExtractRequest request;
    request.mutable_document()->set_id(id);
    request.mutable_document()->set_text(text);
    ASSERT_TRUE(stream->Write(request));
  }
  stream->WritesDone();
  std::vector<std::string> order;
  v1::ExtractResponse response;
  while (stream->Read(&response)) order.push_back(response.document_id());
  const int64_t elapsed = MillisSince(start);
  EXPECT_TRUE(stream->Finish().ok());
  ASSERT_EQ(order.size(), documents.size());
  EXPECT_EQ(order.front(), "quick");
  // In series the two slow documents would take 1200 ms.
  EXPECT_THAT(elapsed, Le(1100));
}

TEST_F(BehaviorTest, StreamOfTenThousandDocumentsAnswersEachOnce) {
  ServerOptions options;
  options.workers = 2;
  Start(options);
  grpc::ClientContext context;
  context.set_deadline(testing::In(60000));
  auto stream = stub_->ExtractStream(&context);
  constexpr int kDocuments = 10000;
  std::thread writer([&] {
    v1::ExtractRequest request;
    for (int i = 0; i < kDocuments; ++i) {
      request.mutable_document()->set_id(absl::StrCat(i));
      request.mutable_document()->set_text(i % 1000 == 7 ? "\xFF" : "x");
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });
  std::vector<int> seen(kDocuments, 0);
  int errors = 0;
  v1::ExtractResponse response;
  while (stream->Read(&response)) {
    int id = -1;
    ASSERT_TRUE(absl::SimpleAtoi(response.document_id(), &id));
    ASSERT_TRUE(id >= 0 && id < kDocuments);
    ++seen[static_cast<size_t>(id)];
    if (response.error_code() != 0) ++errors;
  }
  writer.join();
  EXPECT_TRUE(stream->Finish().ok());
  for (int i = 0; i < kDocuments; ++i) ASSERT_EQ(seen[i], 1) << i;
  EXPECT_EQ(errors, kDocuments / 1000);
}

TEST_F(BehaviorTest, DocumentOverTheFactBudgetIsRefusedNamingTheLimit) {
  ServerOptions options;
  options.workers = 1;
  options.max_facts_per_doc = 100;
  Start(options);
  v1::ExtractResponse response;
  const grpc::Status over = Extract("facts:101", 5000, &response);
  // Not RESOURCE_EXHAUSTED: clients retry that, and this fails every time.
  EXPECT_EQ(over.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(over.error_message(),
              HasSubstr("101 facts, over the limit of 100 facts"));
  EXPECT_THAT(over.error_message(), HasSubstr("--max_facts_per_doc"));
  EXPECT_EQ(response.metrics_size(), 0);
  const grpc::Status at = Extract("facts:100", 5000, &response);
  ASSERT_TRUE(at.ok()) << at.error_message();
  EXPECT_EQ(response.metrics_size(), 100);
}

TEST_F(BehaviorTest, DefaultFactBudgetGrowsWithTheText) {
  Start(ServerOptions{});
  // "facts:10001" is 11 bytes: the floor of 10,000 applies.
  const grpc::Status over = Extract("facts:10001", 5000);
  EXPECT_EQ(over.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(over.error_message(), HasSubstr("limit of 10000 facts"));
  EXPECT_TRUE(Extract("facts:10000", 5000).ok());
}

TEST_F(BehaviorTest, OutOfMemoryFailsOnlyItsDocument) {
  ServerOptions options;
  options.workers = 1;
  Start(options);
  for (int i = 0; i < 3; ++i) {
    const grpc::Status status = Extract("oom:1", 5000);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_THAT(status.error_message(), HasSubstr("out of memory"));
  }
  // The one worker survived: the next document is answered.
  v1::ExtractResponse response;
  const grpc::Status next = Extract("ok", 5000, &response);
  ASSERT_TRUE(next.ok()) << next.error_message();
  EXPECT_EQ(response.metrics_size(), 1);
  EXPECT_TRUE(InFlightDrainsToZero());
}

TEST_F(BehaviorTest, CoreErrorMessageIsBounded) {
  ServerOptions options;
  options.workers = 1;
  Start(options);
  const grpc::Status status = Extract("fail:100000", 5000);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(status.error_message().size(), Le(kMaxStatusMessageBytes));
}

TEST_F(BehaviorTest, ShutdownLetsRunningCallsFinish) {
  ServerOptions options;
  options.workers = 2;
  Start(options);
  constexpr int kCalls = 4;
  std::vector<grpc::Status> results(kCalls);
  std::vector<std::thread> callers;
  for (int i = 0; i < kCalls; ++i) {
    callers.emplace_back([&, i] { results[i] = Extract("sleep:300", 10000); });
  }
  // Every call admitted (two running, two queued) before the shutdown; a
  // call still on its way would rightly be refused.
  ASSERT_TRUE(testing::WaitUntil(
      [this] {
        const ServiceStats stats = server_->Stats();
        return stats.extractions_started + stats.queued >= kCalls;
      },
      3000));
  server_->Shutdown(absl::Seconds(10));
  for (std::thread& t : callers) t.join();
  for (const grpc::Status& s : results) {
    EXPECT_TRUE(s.ok()) << s.error_message();
  }
  // New calls are refused after shutdown.
  EXPECT_FALSE(Extract("quick", 1000).ok());
}

TEST_F(BehaviorTest, ShutdownEnforcesTheDrainDeadline) {
  ServerOptions options;
  options.workers = 1;
  Start(options);
  grpc::Status result;
  std::thread caller([&] { result = Extract("sleep:60000", 0); });
  ASSERT_TRUE(testing::WaitUntil(
      [this] { return server_->Stats().in_flight == 1; }, 3000));
  const auto start = Clock::now();
  server_->Shutdown(absl::Milliseconds(200));
  EXPECT_THAT(MillisSince(start), Le(3000));
  caller.join();
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(server_->Stats().in_flight, 0);
}

}  // namespace
}  // namespace reportfacts
