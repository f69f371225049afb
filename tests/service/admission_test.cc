// Tests of the transport-neutral admission path (service/admission):
// Admission on its own, then ExtractionService driven the way each
// transport drives it, without any server: a gRPC-shaped caller (every
// authorization metadata value, SubmitDocument with a callback, as the
// reactors do) and an HTTP-shaped one (one Authorization header,
// ExtractDocument blocking, as the HTTP waiters do).
#include "service/admission/admission.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/admission/extraction_service.h"
#include "service/admission/tokens.h"
#include "service/admission/validation.h"
#include "service/admission/worker_pool.h"
#include "service/metrics/metrics.h"
#include "tests/service/test_util.h"

namespace reportfacts {
namespace {

using ::testing::HasSubstr;

constexpr char kToken[] = "admission-test-token";

// ---- Admission ----

TEST(AdmissionTest, WithoutTokensEveryCallIsAdmittedAndCountedOnce) {
  Admission admission(nullptr);
  EXPECT_FALSE(admission.RequiresToken());
  absl::StatusOr<Admission::Ticket> ticket = admission.Admit({"Extract", {}});
  ASSERT_TRUE(ticket.ok()) << ticket.status();
  EXPECT_EQ(ticket->rpc(), "Extract");
  AdmissionStats stats = admission.Stats();
  EXPECT_EQ(stats.admitted, 1);
  EXPECT_EQ(stats.running, 1);
  EXPECT_EQ(stats.rejected_unauthenticated, 0);

  // Moving the ticket (into a reactor, an HTTP request) counts nothing
  // again; only its last owner lets the call go.
  Admission::Ticket moved = *std::move(ticket);
  std::optional<Admission::Ticket> held;
  held.emplace(std::move(moved));
  EXPECT_EQ(admission.Stats().running, 1);
  held.reset();
  stats = admission.Stats();
  EXPECT_EQ(stats.admitted, 1);
  EXPECT_EQ(stats.running, 0);
}

TEST(AdmissionTest, MissingOrWrongTokenIsUnauthenticatedAndCounted) {
  const TokenChecker checker({kToken});
  Admission admission(&checker);
  EXPECT_TRUE(admission.RequiresToken());
  const std::vector<std::vector<std::string_view>> refused = {
      {}, {"Bearer nope"}, {kToken}, {"Basic admission-test-token"}};
  for (const std::vector<std::string_view>& authorizations : refused) {
    absl::StatusOr<Admission::Ticket> ticket =
        admission.Admit({"Extract", authorizations});
    ASSERT_FALSE(ticket.ok());
    EXPECT_EQ(ticket.status().code(), absl::StatusCode::kUnauthenticated);
    EXPECT_THAT(std::string(ticket.status().message()),
                HasSubstr("Bearer <token>"));
  }
  const AdmissionStats stats = admission.Stats();
  EXPECT_EQ(stats.rejected_unauthenticated, 4);
  EXPECT_EQ(stats.admitted, 0);
  EXPECT_EQ(stats.running, 0);

  // Any one accepted value among several is enough (gRPC may carry the
  // key more than once); the scheme is case-insensitive.
  EXPECT_TRUE(
      admission
          .Admit({"Extract", {"Bearer nope", "bearer admission-test-token"}})
          .ok());
  EXPECT_EQ(admission.Stats().admitted, 1);
}

TEST(AdmissionTest, DrainingRefusesNewCallsAndWaitsForAdmittedOnes) {
  Admission admission(nullptr);
  absl::StatusOr<Admission::Ticket> running = admission.Admit({"Extract", {}});
  ASSERT_TRUE(running.ok());
  admission.StartDraining();
  EXPECT_TRUE(admission.draining());

  absl::StatusOr<Admission::Ticket> late = admission.Admit({"Extract", {}});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(admission.Stats().rejected_draining, 1);

  // The admitted call keeps the drain waiting until it is over.
  EXPECT_FALSE(admission.WaitIdle(absl::Now() + absl::Milliseconds(50)));
  std::thread finisher([ticket = *std::move(running)]() mutable {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    Admission::Ticket done = std::move(ticket);
  });
  EXPECT_TRUE(admission.WaitIdle(absl::Now() + absl::Seconds(10)));
  finisher.join();
  EXPECT_EQ(admission.Stats().running, 0);
}

TEST(AdmissionTest, TheTokenIsCheckedBeforeTheDrain) {
  // One order for both transports: a caller without a token learns
  // nothing about the server's state.
  const TokenChecker checker({kToken});
  Admission admission(&checker);
  admission.StartDraining();
  absl::StatusOr<Admission::Ticket> ticket = admission.Admit({"Extract", {}});
  ASSERT_FALSE(ticket.ok());
  EXPECT_EQ(ticket.status().code(), absl::StatusCode::kUnauthenticated);
  const AdmissionStats stats = admission.Stats();
  EXPECT_EQ(stats.rejected_unauthenticated, 1);
  EXPECT_EQ(stats.rejected_draining, 0);
}

// ---- ExtractionService, as each transport calls it ----

class ExtractionServiceTest : public ::testing::Test {
 protected:
  // Start builds the service over a FakeBackend and a pool of `workers`
  // threads and `queue` places, requiring kToken.
  void Start(int workers = 2, int queue = 8, int64_t max_doc_bytes = 1000,
             int64_t max_facts = 0, int document_threads = 1) {
    pool_ = std::make_unique<WorkerPool>(workers, queue);
    ExtractionOptions options;
    options.max_doc_bytes = max_doc_bytes;
    options.max_facts_per_doc = max_facts;
    options.document_threads = document_threads;
    options.default_deadline = absl::Seconds(30);
    service_ = std::make_unique<ExtractionService>(backend_, *pool_, options,
                                                   &metrics_, &checker_);
  }

  void TearDown() override {
    if (pool_ != nullptr) pool_->Stop();
  }

  // GrpcShapedCall admits a call the way the gRPC reactors do (every
  // authorization metadata value) and submits one document with a
  // callback; it waits for the callback and returns the outcome, or the
  // refusal.
  absl::Status GrpcShapedCall(std::vector<std::string_view> metadata,
                              const std::string& text,
                              v1::ExtractResponse* response = nullptr) {
    absl::StatusOr<Admission::Ticket> call =
        service_->Admit({"Extract", std::move(metadata)});
    if (!call.ok()) return call.status();
    struct Outcome {
      std::mutex mu;
      std::condition_variable cv;
      bool ready = false;
      absl::Status status;
      v1::ExtractResponse response;
    };
    auto outcome = std::make_shared<Outcome>();
    v1::ExtractRequest request;
    request.mutable_document()->set_id("grpc-doc");
    request.mutable_document()->set_text(text);
    const absl::Status submitted = service_->SubmitDocument(
        *call, request, service_->BudgetFor(absl::InfiniteFuture()),
        std::make_shared<std::atomic<bool>>(false),
        QueuePolicy::kRefuseWhenFull,
        [outcome](absl::Status status, v1::ExtractResponse& built) {
          std::lock_guard<std::mutex> lock(outcome->mu);
          outcome->status = std::move(status);
          outcome->response.Swap(&built);
          outcome->ready = true;
          outcome->cv.notify_all();
        });
    if (!submitted.ok()) return submitted;
    std::unique_lock<std::mutex> lock(outcome->mu);
    outcome->cv.wait(lock, [&outcome] { return outcome->ready; });
    if (response != nullptr) response->Swap(&outcome->response);
    return outcome->status;
  }

  // HttpShapedCall admits a call the way the HTTP side does (its one
  // Authorization header, if any) and extracts one document blocking.
  absl::Status HttpShapedCall(const char* authorization,
                              const std::string& text,
                              v1::ExtractResponse* response = nullptr) {
    CallInfo info{"HTTP /v1/extract", {}};
    if (authorization != nullptr)
      info.authorizations.emplace_back(authorization);
    absl::StatusOr<Admission::Ticket> call = service_->Admit(info);
    if (!call.ok()) return call.status();
    v1::Document document;
    document.set_id("http-doc");
    document.set_text(text);
    v1::ExtractResponse ignored;
    return service_->ExtractDocument(*call, document,
                                     absl::Now() + absl::Seconds(30), nullptr,
                                     response != nullptr ? response : &ignored);
  }

  testing::FakeBackend backend_;
  const TokenChecker checker_{std::vector<std::string>{kToken}};
  Metrics metrics_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<ExtractionService> service_;
};

TEST_F(ExtractionServiceTest, AuthRefusedOnBothShapesAndCountedOnceEach) {
  Start();
  EXPECT_EQ(GrpcShapedCall({}, "quick").code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(GrpcShapedCall({"Bearer wrong"}, "quick").code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(HttpShapedCall(nullptr, "quick").code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(HttpShapedCall("Bearer wrong", "quick").code(),
            absl::StatusCode::kUnauthenticated);
  const ServiceStats stats = service_->Stats();
  EXPECT_EQ(stats.rejected_unauthenticated, 4);
  EXPECT_EQ(stats.calls_admitted, 0);
  EXPECT_EQ(stats.extractions_started, 0);
  EXPECT_EQ(backend_.calls(), 0);
}

TEST_F(ExtractionServiceTest, DrainingRefusedOnBothShapes) {
  Start();
  service_->StartDraining();
  EXPECT_EQ(GrpcShapedCall({"Bearer admission-test-token"}, "quick").code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(HttpShapedCall("Bearer admission-test-token", "quick").code(),
            absl::StatusCode::kUnavailable);
  const ServiceStats stats = service_->Stats();
  EXPECT_EQ(stats.rejected_draining, 2);
  EXPECT_EQ(stats.calls_admitted, 0);
  EXPECT_EQ(backend_.calls(), 0);
  EXPECT_TRUE(service_->WaitIdle(absl::Now()));
}

TEST_F(ExtractionServiceTest,
       ADocumentMayUseASecondThreadOnlyWhileAWorkerIsIdle) {
  Start(/*workers=*/2, /*queue=*/8, /*max_doc_bytes=*/1000, /*max_facts=*/0,
        /*document_threads=*/2);
  ASSERT_TRUE(HttpShapedCall("Bearer admission-test-token", "quick").ok());
  EXPECT_EQ(backend_.last_max_threads(), 2);
  // Both workers busy: the second document runs on its worker alone.
  std::thread busy([this] {
    (void)HttpShapedCall("Bearer admission-test-token", "sleep:1500");
  });
  for (int i = 0; i < 1000 && service_->Stats().in_flight < 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(HttpShapedCall("Bearer admission-test-token", "quick").ok());
  EXPECT_EQ(backend_.last_max_threads(), 1);
  busy.join();
}

TEST_F(ExtractionServiceTest, OneDocumentThreadKeepsEveryDocumentOnItsWorker) {
  Start(/*workers=*/2, /*queue=*/8, /*max_doc_bytes=*/1000, /*max_facts=*/0,
        /*document_threads=*/1);
  ASSERT_TRUE(HttpShapedCall("Bearer admission-test-token", "quick").ok());
  EXPECT_EQ(backend_.last_max_threads(), 1);
}

TEST_F(ExtractionServiceTest, OverTheSizeBudgetRefusedBeforeTheCore) {
  Start(/*workers=*/2, /*queue=*/8, /*max_doc_bytes=*/16);
  const std::string over(17, 'x');
  const absl::Status grpc_refused =
      GrpcShapedCall({"Bearer admission-test-token"}, over);
  const absl::Status http_refused =
      HttpShapedCall("Bearer admission-test-token", over);
  for (const absl::Status& refused : {grpc_refused, http_refused}) {
    EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(IsDocumentTooLarge(refused));
    EXPECT_THAT(std::string(refused.message()), HasSubstr("16"));
  }
  const ServiceStats stats = service_->Stats();
  EXPECT_EQ(stats.calls_admitted, 2);  // admitted, then the document refused
  EXPECT_EQ(stats.rejected_invalid, 2);
  EXPECT_EQ(stats.extractions_started, 0);
  EXPECT_EQ(backend_.calls(), 0);
}

TEST_F(ExtractionServiceTest, OverTheFactBudgetRefusedOnBothShapes) {
  Start(/*workers=*/2, /*queue=*/8, /*max_doc_bytes=*/1000,
        /*max_facts=*/5);
  for (const absl::Status& refused :
       {GrpcShapedCall({"Bearer admission-test-token"}, "facts:6"),
        HttpShapedCall("Bearer admission-test-token", "facts:6")}) {
    EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(IsDocumentTooLarge(refused));
  }
  EXPECT_TRUE(HttpShapedCall("Bearer admission-test-token", "facts:5").ok());
}

TEST_F(ExtractionServiceTest, OverloadRefusedWithRetryableCodeAndCounted) {
  Start(/*workers=*/1, /*queue=*/1);
  // One document runs, one waits: the queue is then full.
  std::thread running([this] {
    EXPECT_TRUE(
        HttpShapedCall("Bearer admission-test-token", "sleep:500").ok());
  });
  ASSERT_TRUE(testing::WaitUntil(
      [this] { return service_->Stats().in_flight == 1; }, 10000));
  std::thread queued([this] {
    EXPECT_TRUE(HttpShapedCall("Bearer admission-test-token", "sleep:1").ok());
  });
  ASSERT_TRUE(testing::WaitUntil(
      [this] { return service_->Stats().queued == 1; }, 10000));
  EXPECT_EQ(GrpcShapedCall({"Bearer admission-test-token"}, "quick").code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(HttpShapedCall("Bearer admission-test-token", "quick").code(),
            absl::StatusCode::kResourceExhausted);
  running.join();
  queued.join();
  EXPECT_EQ(service_->Stats().rejected_overloaded, 2);
}

TEST_F(ExtractionServiceTest, EncodedAnswerIsTheMessageSerializedAndRunsHere) {
  Start(/*workers=*/1, /*queue=*/8, /*max_doc_bytes=*/1000, /*max_facts=*/5);
  v1::ExtractResponse message;
  ASSERT_TRUE(
      GrpcShapedCall({"Bearer admission-test-token"}, "facts:3", &message)
          .ok());
  // The worker answers before it gives its place back: wait until it has,
  // or the documents below would find no free place to run here.
  ASSERT_TRUE(
      testing::WaitUntil([this] { return pool_->running() == 0; }, 10000));
  absl::StatusOr<Admission::Ticket> call =
      service_->Admit({"Extract", {"Bearer admission-test-token"}});
  ASSERT_TRUE(call.ok());
  for (const char* text : {"facts:3", "facts:6"}) {
    v1::ExtractRequest request;
    request.mutable_document()->set_id("grpc-doc");
    request.mutable_document()->set_text(text);
    absl::Status outcome = absl::UnknownError("not called");
    std::string bytes;
    std::thread::id ran_on;
    // A small document and a free worker: it runs on this thread, and
    // has been answered when the call returns.
    const absl::Status submitted = service_->SubmitDocumentEncoded(
        *call, request, service_->BudgetFor(absl::InfiniteFuture()),
        std::make_shared<std::atomic<bool>>(false),
        QueuePolicy::kRunSmallHereOrRefuseWhenFull,
        [&](absl::Status status, const EncodedResponse* encoded) {
          ran_on = std::this_thread::get_id();
          outcome = status;
          if (encoded == nullptr) return;
          bytes.resize(encoded->size());
          auto* begin = reinterpret_cast<uint8_t*>(bytes.data());
          EXPECT_EQ(encoded->WriteTo(begin), begin + bytes.size());
        });
    ASSERT_TRUE(submitted.ok());
    EXPECT_EQ(ran_on, std::this_thread::get_id());
    if (std::string(text) == "facts:3") {
      ASSERT_TRUE(outcome.ok()) << outcome;
      EXPECT_EQ(bytes, message.SerializeAsString());
    } else {
      EXPECT_TRUE(IsDocumentTooLarge(outcome)) << outcome;
      EXPECT_TRUE(bytes.empty());
    }
  }
  EXPECT_EQ(service_->Stats().extractions_finished, 3);
  EXPECT_EQ(service_->Stats().in_flight, 0);
}

TEST_F(ExtractionServiceTest, AdmittedCallsAreCountedOnceWhateverTheShape) {
  Start();
  v1::ExtractResponse from_grpc;
  v1::ExtractResponse from_http;
  ASSERT_TRUE(
      GrpcShapedCall({"Bearer admission-test-token"}, "facts:3", &from_grpc)
          .ok());
  ASSERT_TRUE(
      HttpShapedCall("Bearer admission-test-token", "facts:3", &from_http)
          .ok());
  EXPECT_EQ(from_grpc.document_id(), "grpc-doc");
  EXPECT_EQ(from_http.document_id(), "http-doc");
  EXPECT_EQ(from_grpc.metrics_size(), 3);
  EXPECT_EQ(from_http.metrics_size(), 3);

  const ServiceStats stats = service_->Stats();
  EXPECT_EQ(stats.calls_admitted, 2);
  EXPECT_EQ(stats.calls_running, 0);  // both tickets gone with their calls
  EXPECT_EQ(stats.extractions_started, 2);
  EXPECT_EQ(stats.extractions_finished, 2);
  EXPECT_EQ(stats.rejected_unauthenticated, 0);
  EXPECT_EQ(stats.rejected_invalid, 0);
  EXPECT_EQ(backend_.calls(), 2);
  // The registry counts the documents once too, whoever sent them.
  EXPECT_THAT(metrics_.Render(),
              HasSubstr("reportfacts_documents_processed_total 2\n"));
}

}  // namespace
}  // namespace reportfacts
