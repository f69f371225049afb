// ExtractionService: the transport-neutral path of every document, from
// the call's admission to its answer. The gRPC reactors (service/server)
// and the HTTP handlers (service/http) both call it, so that auth, drain,
// validation, the time and fact budgets, the worker pool and the counters
// each exist once.
//
// A call is admitted once (Admit: token, drain), then each of its
// documents is submitted with the call's ticket: validated, given a time
// budget, and queued on the WorkerPool; the worker extracts it, converts
// the result to proto (or to its wire bytes) and hands it to `done`.
// Extraction runs on a transport's thread only for a small document that
// the unary gRPC call runs in a free worker's place
// (kRunSmallHereOrRefuseWhenFull); the number running at once stays the
// pool's size.
//
//   WorkerPool pool(workers, queue_capacity);
//   ExtractionService service(backend, pool, options, &metrics, &checker);
//   absl::StatusOr<Admission::Ticket> call =
//       service.Admit({"HTTP /v1/extract", {authorization_header}});
//   if (!call.ok()) return Refuse(call.status());
//   v1::ExtractResponse response;
//   absl::Status done = service.ExtractDocument(
//       *call, request, deadline, /*is_cancelled=*/nullptr, &response);
//
// The service speaks absl::Status; each transport maps the codes to its
// own (service/api/status.h for gRPC, service/http/http_status.h).
#ifndef REPORTFACTS_SERVICE_ADMISSION_EXTRACTION_SERVICE_H_
#define REPORTFACTS_SERVICE_ADMISSION_EXTRACTION_SERVICE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "reportfacts/v1/fact_extractor.pb.h"
#include "service/admission/admission.h"
#include "service/admission/backend.h"
#include "service/admission/memory_return.h"
#include "service/admission/tokens.h"
#include "service/admission/worker_pool.h"
#include "service/api/response_wire.h"
#include "service/metrics/metrics.h"

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
  // The admission's counters (admission.h), over both transports.
  int64_t calls_admitted = 0;
  int64_t rejected_unauthenticated = 0;
  int64_t rejected_draining = 0;
  int64_t calls_running = 0;
};

// ExtractionOptions are the limits the service applies to every document.
// Server::Start fills them from ServerOptions (service/server/options.h),
// where the defaults live.
struct ExtractionOptions {
  // Largest document text (or content) accepted, in bytes; > 0.
  int64_t max_doc_bytes = 0;
  // Facts one document may yield; 0: max(10,000, text bytes / 8).
  int64_t max_facts_per_doc = 0;
  // A document's time budget when its caller sets no deadline; > 0.
  absl::Duration default_deadline;
  // Threads a large document may use while a worker is idle (the core's
  // ExtractOptions::max_threads); 1: one per document.
  int document_threads = 1;
  // Put (the start of) document text into debug logs.
  bool log_text = false;
};

// DocumentDone receives the outcome of a queued document, exactly once, on
// a worker thread: OK with `response` filled in, or the error (`response`
// then holds only the document id). The callee may take `response` apart.
using DocumentDone =
    std::function<void(absl::Status status, v1::ExtractResponse& response)>;

// EncodedDone is DocumentDone for a caller that sends the answer as
// protobuf wire bytes (the unary gRPC call): an OK answer comes as its
// encoding (service/api/response_wire.h), valid during the call only, and
// never built as a message; an error comes with null.
using EncodedDone =
    std::function<void(absl::Status status, const EncodedResponse* encoded)>;

// QueuePolicy says what SubmitDocument does when the pool's queue is full.
enum class QueuePolicy {
  kRefuseWhenFull,  // RESOURCE_EXHAUSTED at once (unary calls)
  kParkWhenFull,    // park until a place frees (streams, which stop reading)
  // As kRefuseWhenFull, but a small text document (kRunHereMaxBytes) runs
  // on the calling thread when a worker would start it at once
  // (WorkerPool::TryRunHere): the unary gRPC handler, which may block for
  // the millisecond that takes, saving the handoff to a worker and back.
  kRunSmallHereOrRefuseWhenFull,
};

// kRunHereMaxBytes is the largest text run on the caller's thread under
// kRunSmallHereOrRefuseWhenFull: a few milliseconds of extraction at most.
inline constexpr size_t kRunHereMaxBytes = 64 << 10;

// ExtractionService is safe for concurrent use.
class ExtractionService {
 public:
  // `backend` and `pool` must outlive the service. `metrics`, when not
  // null, must outlive it and counts the documents extracted. `checker`,
  // when not null, must outlive it: calls then need an accepted token.
  ExtractionService(const ExtractionBackend& backend, WorkerPool& pool,
                    const ExtractionOptions& options,
                    Metrics* metrics = nullptr,
                    const TokenChecker* checker = nullptr);

  ExtractionService(const ExtractionService&) = delete;
  ExtractionService& operator=(const ExtractionService&) = delete;

  // Admit checks a call before its documents are read (admission.h):
  // UNAUTHENTICATED, UNAVAILABLE while draining, or the call's ticket,
  // which the transport keeps until the call's answer has been sent.
  absl::StatusOr<Admission::Ticket> Admit(const CallInfo& call) {
    return admission_.Admit(call);
  }

  // StartDraining refuses every later call (both transports) with
  // UNAVAILABLE; WaitIdle waits until the admitted ones are answered or
  // `deadline` passes (true when idle).
  void StartDraining() { admission_.StartDraining(); }
  bool WaitIdle(absl::Time deadline) { return admission_.WaitIdle(deadline); }

  // Budget is the time a document may take: until the caller's deadline,
  // or default_deadline from now when the caller set none. Every
  // transport derives a document's deadline here, once.
  struct Budget {
    absl::Time deadline;
    absl::Duration length;
  };
  // BudgetFor takes absl::InfiniteFuture() for "no caller deadline".
  Budget BudgetFor(absl::Time caller_deadline) const;

  // SubmitDocument validates the request's document and queues it on the
  // worker pool without waiting. Not OK: the document was refused at once
  // (INVALID_ARGUMENT; RESOURCE_EXHAUSTED when the queue is full under
  // kRefuseWhenFull; UNAVAILABLE when shutting down) and `done` is never
  // called. OK: `done` is called exactly once: on this thread for an empty
  // text or a document run here (kRunSmallHereOrRefuseWhenFull, before
  // SubmitDocument returns), else on a worker (or, for a parked document the
  // shutdown refuses, on the thread stopping the pool). A document sent as
  // content is converted to text on the worker (service/ingest), so a
  // conversion's INVALID_ARGUMENT comes through `done`, and an OK response
  // then carries the converted text. The work stops at `budget`'s deadline
  // (from BudgetFor) or when `cancelled` is set.
  // `call` is the admitted call the document belongs to and names it in
  // logs. Under kParkWhenFull, `*parked` (may be null) tells whether the
  // document was parked, and `unparked` (may be empty) runs when it
  // leaves the park, before `done`.
  // The request is taken by value: a caller done with it moves it in, and
  // the document's text then reaches the worker without a copy.
  absl::Status SubmitDocument(const Admission::Ticket& call,
                              v1::ExtractRequest request, const Budget& budget,
                              std::shared_ptr<std::atomic<bool>> cancelled,
                              QueuePolicy policy, DocumentDone done,
                              bool* parked = nullptr,
                              std::function<void()> unparked = nullptr);

  // SubmitDocumentEncoded is SubmitDocument with the answer encoded
  // (EncodedDone), byte for byte the serialization of the message that
  // SubmitDocument would hand over. `cancelled_here` (may be empty) is
  // polled with `cancelled` while a document runs on the calling thread
  // (kRunSmallHereOrRefuseWhenFull): a transport whose cancel notice runs
  // on its own threads (gRPC's OnCancel, which waits for the handler to
  // return) cannot set `cancelled` while that thread is extracting.
  absl::Status SubmitDocumentEncoded(
      const Admission::Ticket& call, v1::ExtractRequest request,
      const Budget& budget, std::shared_ptr<std::atomic<bool>> cancelled,
      QueuePolicy policy, EncodedDone done, bool* parked = nullptr,
      std::function<void()> unparked = nullptr,
      std::function<bool()> cancelled_here = nullptr);

  // ExtractDocument is SubmitDocument waiting for the outcome, for
  // transports that block a thread per request (the HTTP side).
  // `is_cancelled` (may be empty) is polled while waiting.
  absl::Status ExtractDocument(const Admission::Ticket& call,
                               const v1::ExtractRequest& request,
                               absl::Time caller_deadline,
                               const std::function<bool()>& is_cancelled,
                               v1::ExtractResponse* response);
  // The same with the default answer options.
  absl::Status ExtractDocument(const Admission::Ticket& call,
                               const v1::Document& document,
                               absl::Time caller_deadline,
                               const std::function<bool()>& is_cancelled,
                               v1::ExtractResponse* response);

  // default_deadline is a document's time budget when its caller sets no
  // deadline.
  absl::Duration default_deadline() const { return default_deadline_; }

  // max_doc_bytes is the largest document text accepted.
  int64_t max_doc_bytes() const { return max_doc_bytes_; }

  // FactBudget is the number of facts a document of `text_bytes` may
  // yield (ExtractionOptions::max_facts_per_doc).
  int64_t FactBudget(size_t text_bytes) const;

  // backend is the extraction engine (ListIndicators reads its taxonomy).
  const ExtractionBackend& backend() const { return backend_; }

  // Stats returns a snapshot of the counters.
  ServiceStats Stats() const;

 private:
  struct Job;

  // MakeJob moves the request's document into a job with the given budget
  // and cancel flag (shared by every document of a stream).
  std::shared_ptr<Job> MakeJob(
      v1::ExtractRequest& request, const Budget& budget,
      std::shared_ptr<std::atomic<bool>> cancelled) const;
  // CheckDocument logs and validates a submitted document; not OK: refused.
  absl::Status CheckDocument(const Admission::Ticket& call,
                             const v1::Document& document, bool* parked);
  // Place queues (or parks, or runs here) a job by `policy`; the
  // refusals of SubmitDocument.
  absl::Status Place(std::string_view rpc, const std::shared_ptr<Job>& job,
                     QueuePolicy policy, bool* parked,
                     std::function<void()> unparked);
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
  const int document_threads_;
  const absl::Duration default_deadline_;
  const bool log_text_;
  Metrics* const metrics_;
  Admission admission_;
  MemoryReturner memory_;

  std::atomic<int64_t> extractions_started_{0};
  std::atomic<int64_t> extractions_finished_{0};
  std::atomic<int64_t> rejected_invalid_{0};
  std::atomic<int64_t> rejected_overloaded_{0};
  std::atomic<int64_t> in_flight_{0};
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_ADMISSION_EXTRACTION_SERVICE_H_
