// The handlers of reportfacts.v1.FactExtractor.
//
// A handler validates the document, turns the call's deadline into a time
// budget and hands the document to the WorkerPool; the worker extracts it,
// converts the result to proto and passes it on to be sent. Extraction
// never runs on a gRPC thread.
//
//   WorkerPool pool(workers, queue_capacity);
//   FactExtractorService service(*backend, pool, options);
//   builder.RegisterService(&service);
#ifndef REPORTFACTS_SERVICE_SERVER_FACT_EXTRACTOR_SERVICE_H_
#define REPORTFACTS_SERVICE_SERVER_FACT_EXTRACTOR_SERVICE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/server/backend.h"
#include "service/server/call_gate.h"
#include "service/server/metrics.h"
#include "service/server/options.h"
#include "service/server/worker_pool.h"

namespace reportfacts {

// ServiceStats counts what the service did since it started.
struct ServiceStats {
  int64_t extractions_started = 0;   // documents the backend began on
  int64_t extractions_finished = 0;  // documents the backend returned from
  int64_t rejected_invalid = 0;      // INVALID_ARGUMENT before any work
  int64_t rejected_overloaded = 0;   // unary calls refused: queue full
  int64_t in_flight = 0;             // backend calls running now
  int64_t queued = 0;                // documents waiting for a worker now
  int64_t parked = 0;                // stream documents waiting for queue room
};

// DocumentDone receives the outcome of a queued document, exactly once, on
// a worker thread: OK with `response` filled in, or the error (`response`
// then holds only the document id). The callee may take `response` apart.
using DocumentDone =
    std::function<void(absl::Status status, v1::ExtractResponse& response)>;

// QueuePolicy says what SubmitDocument does when the pool's queue is full.
enum class QueuePolicy {
  kRefuseWhenFull,  // RESOURCE_EXHAUSTED at once (unary calls)
  kParkWhenFull,    // park until a place frees (streams, which stop reading)
};

// FactExtractorService is safe for concurrent use, as gRPC requires.
//
// Every method uses gRPC's callback API: a document is handed to the
// worker pool and the worker that extracts it also passes the answer on to
// be sent, so no gRPC thread waits on a worker.
//
// Extract and ExtractStream take and give raw bytes (see wire.h): the
// service decodes requests itself so that a malformed one gets
// INVALID_ARGUMENT.
using FactExtractorBase = v1::FactExtractor::WithRawCallbackMethod_Extract<
    v1::FactExtractor::WithRawCallbackMethod_ExtractStream<
        v1::FactExtractor::WithCallbackMethod_ListIndicators<
            v1::FactExtractor::Service>>>;

class FactExtractorService final : public FactExtractorBase {
 public:
  // `backend` and `pool` must outlive the service. Of `options`, the
  // service uses max_doc_bytes, stream_in_flight (must be resolved, > 0),
  // default_deadline and log_text. `metrics`, when not null, must outlive
  // the service and counts the documents extracted. `gate`, when not null,
  // must outlive the service and admits every gRPC call.
  FactExtractorService(const ExtractionBackend& backend, WorkerPool& pool,
                       const ServerOptions& options, Metrics* metrics = nullptr,
                       CallGate* gate = nullptr);

  // SubmitDocument validates the request's document and queues it on the
  // worker pool
  // without waiting. Not OK: the document was refused at once
  // (INVALID_ARGUMENT; RESOURCE_EXHAUSTED when the queue is full under
  // kRefuseWhenFull; UNAVAILABLE when shutting down) and `done` is never
  // called. OK: `done` is called exactly once: on this thread for an empty
  // text, else on a worker (or, for a parked document the shutdown
  // refuses, on the thread stopping the pool). A document sent as
  // content is converted to text on the worker (service/ingest), so a
  // conversion's INVALID_ARGUMENT comes through `done`, and an OK response
  // then carries the converted text. The budget runs to
  // `caller_deadline`, or default_deadline from now when that is
  // absl::InfiniteFuture(); setting `cancelled` stops the work early.
  // `rpc` names the call in logs and must outlive the work (a literal).
  // Under kParkWhenFull, `*parked` (may be null) tells whether the
  // document was parked, and `unparked` (may be empty) runs when it
  // leaves the park, before `done`.
  absl::Status SubmitDocument(std::string_view rpc,
                              const v1::ExtractRequest& request,
                              absl::Time caller_deadline,
                              std::shared_ptr<std::atomic<bool>> cancelled,
                              QueuePolicy policy, DocumentDone done,
                              bool* parked = nullptr,
                              std::function<void()> unparked = nullptr);

  // ExtractDocument is SubmitDocument waiting for the outcome, for
  // transports that block a thread per request (the HTTP side).
  // `is_cancelled` (may be empty) is polled while waiting.
  absl::Status ExtractDocument(std::string_view rpc,
                               const v1::ExtractRequest& request,
                               absl::Time caller_deadline,
                               const std::function<bool()>& is_cancelled,
                               v1::ExtractResponse* response);
  // The same with the default answer options.
  absl::Status ExtractDocument(std::string_view rpc,
                               const v1::Document& document,
                               absl::Time caller_deadline,
                               const std::function<bool()>& is_cancelled,
                               v1::ExtractResponse* response);

  // CallerDeadline is a call's deadline, absl::InfiniteFuture() if none.
  static absl::Time CallerDeadline(const grpc::ServerContextBase& context);

  // default_deadline is a document's time budget when its caller sets no
  // deadline.
  absl::Duration default_deadline() const { return default_deadline_; }

  // max_doc_bytes is the largest document text accepted.
  int64_t max_doc_bytes() const { return max_doc_bytes_; }

  // FactBudget is the number of facts a document of `text_bytes` may
  // yield (ServerOptions::max_facts_per_doc).
  int64_t FactBudget(size_t text_bytes) const;

  grpc::ServerUnaryReactor* Extract(grpc::CallbackServerContext* context,
                                    const grpc::ByteBuffer* request,
                                    grpc::ByteBuffer* response) override;

  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* ExtractStream(
      grpc::CallbackServerContext* context) override;

  grpc::ServerUnaryReactor* ListIndicators(
      grpc::CallbackServerContext* context,
      const v1::ListIndicatorsRequest* request,
      v1::ListIndicatorsResponse* response) override;

  // Stats returns a snapshot of the counters.
  ServiceStats Stats() const;

 private:
  struct Job;

  // Budget is the time a document may take: until the caller's deadline,
  // or default_deadline when the caller set none.
  struct Budget {
    absl::Time deadline;
    absl::Duration length;
  };
  // BudgetFor takes absl::InfiniteFuture() for "no caller deadline".
  Budget BudgetFor(absl::Time caller_deadline) const;
  // MakeJob copies the request's document into a job with the given budget and
  // cancel flag (shared by every document of a stream).
  std::shared_ptr<Job> MakeJob(
      const v1::ExtractRequest& request, const Budget& budget,
      std::shared_ptr<std::atomic<bool>> cancelled) const;
  // Run executes a job on a worker thread and calls its `done`.
  void Run(const std::shared_ptr<Job>& job);
  // LogRequest writes a debug line about a document, with its text only
  // when log_text is set.
  void LogRequest(std::string_view rpc, const v1::Document& document) const;
  // LogFailure logs a failed document: server-side errors at warn, the
  // caller's own (bad input, cancel, deadline) at debug.
  void LogFailure(std::string_view rpc, std::string_view id,
                  const absl::Status& status) const;

  const ExtractionBackend& backend_;
  WorkerPool& pool_;
  const int64_t max_doc_bytes_;
  const int64_t max_facts_per_doc_;  // 0: derived from the text size
  const int stream_in_flight_;
  const absl::Duration default_deadline_;
  const bool log_text_;
  Metrics* const metrics_;
  CallGate* const gate_;

  std::atomic<int64_t> extractions_started_{0};
  std::atomic<int64_t> extractions_finished_{0};
  std::atomic<int64_t> rejected_invalid_{0};
  std::atomic<int64_t> rejected_overloaded_{0};
  std::atomic<int64_t> in_flight_{0};
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_FACT_EXTRACTOR_SERVICE_H_
