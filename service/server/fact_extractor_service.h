// The handlers of reportfacts.v1.FactExtractor.
//
// A handler validates the document, turns the call's deadline into a time
// budget, hands the document to the WorkerPool, waits for the result,
// converts it to proto and maps the status. It never runs extraction on a
// gRPC thread.
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
};

// FactExtractorService is safe for concurrent use, as gRPC requires.
class FactExtractorService final : public v1::FactExtractor::Service {
 public:
  // `backend` and `pool` must outlive the service. Of `options`, the
  // service uses max_doc_bytes, stream_in_flight (must be resolved, > 0),
  // default_deadline and log_text. `metrics`, when not null, must outlive
  // the service and counts the documents extracted.
  FactExtractorService(const ExtractionBackend& backend, WorkerPool& pool,
                       const ServerOptions& options,
                       Metrics* metrics = nullptr);

  // ExtractDocument is the Extract call without gRPC, for other transports
  // (the HTTP side): the same validation, worker pool (RESOURCE_EXHAUSTED
  // when the queue is full), time budget and cancellation. The budget runs
  // to `caller_deadline`, or default_deadline from now when that is
  // absl::InfiniteFuture(). `is_cancelled` (may be empty) is polled while
  // waiting. `rpc` names the call in logs.
  absl::Status ExtractDocument(std::string_view rpc,
                               const v1::Document& document,
                               absl::Time caller_deadline,
                               const std::function<bool()>& is_cancelled,
                               v1::ExtractResponse* response);

  // max_doc_bytes is the largest document text accepted.
  int64_t max_doc_bytes() const { return max_doc_bytes_; }

  grpc::Status Extract(grpc::ServerContext* context,
                       const v1::ExtractRequest* request,
                       v1::ExtractResponse* response) override;

  grpc::Status ExtractStream(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::ExtractResponse, v1::ExtractRequest>* stream)
      override;

  grpc::Status ListIndicators(grpc::ServerContext* context,
                              const v1::ListIndicatorsRequest* request,
                              v1::ListIndicatorsResponse* response) override;

  // Stats returns a snapshot of the counters.
  ServiceStats Stats() const;

 private:
  struct Job;
  struct StreamState;

  // Budget is the time a document may take: until the caller's deadline,
  // or default_deadline when the caller set none.
  struct Budget {
    absl::Time deadline;
    absl::Duration length;
  };
  // BudgetFor takes absl::InfiniteFuture() for "no caller deadline".
  Budget BudgetFor(absl::Time caller_deadline) const;
  // CallerDeadline is a call's deadline, absl::InfiniteFuture() if none.
  static absl::Time CallerDeadline(const grpc::ServerContext& context);
  // MakeJob copies the document into a job with the given budget.
  std::shared_ptr<Job> MakeJob(const v1::Document& document,
                               const Budget& budget) const;
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
  const int stream_in_flight_;
  const absl::Duration default_deadline_;
  const bool log_text_;
  Metrics* const metrics_;

  std::atomic<int64_t> extractions_started_{0};
  std::atomic<int64_t> extractions_finished_{0};
  std::atomic<int64_t> rejected_invalid_{0};
  std::atomic<int64_t> rejected_overloaded_{0};
  std::atomic<int64_t> in_flight_{0};
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_FACT_EXTRACTOR_SERVICE_H_
