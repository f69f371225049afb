#include "service/admission/extraction_service.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "service/admission/validation.h"
#include "service/api/convert.h"
#include "service/api/response_wire.h"
#include "service/api/status.h"
#include "service/ingest/ingest.h"
#include "spdlog/spdlog.h"

namespace reportfacts {
namespace {

// Documents at least this large give their memory back to the system
// (MemoryReturner), once no such document has run for kQuietBeforeTrim.
// Small ones do not: trimming costs a pass over the heap, which would show
// in throughput.
constexpr size_t kReturnMemoryAfterBytes = 1 << 20;
constexpr absl::Duration kQuietBeforeTrim = absl::Milliseconds(500);

// How often ExtractDocument checks whether its caller went away.
constexpr std::chrono::milliseconds kPoll(10);

// Longest document id or text excerpt that goes into a log line.
constexpr size_t kMaxLoggedBytes = 200;

int64_t Millis(absl::Duration d) { return absl::ToInt64Milliseconds(d); }

absl::Status OutOfMemory(size_t text_bytes) {
  return absl::ResourceExhaustedError(absl::StrCat(
      "the server ran out of memory on this document (", text_bytes,
      " bytes); retry later or send a smaller document"));
}

// ConvertContent turns a document sent as a file's bytes into the text to
// extract from (service/ingest), under the size limit on the bytes and
// twice that on the decoded text (GBK's two bytes per character grow to
// UTF-8's three). Its refusals say what is wrong: INVALID_ARGUMENT, or
// FAILED_PRECONDITION for a PDF locked by a password, DEADLINE_EXCEEDED
// for one too slow to read.
absl::StatusOr<ingest::IngestedText> ConvertContent(std::string_view content,
                                                    std::string_view media_type,
                                                    int64_t max_doc_bytes) {
  ingest::IngestLimits limits;
  limits.max_input_bytes = max_doc_bytes;
  limits.max_decoded_bytes = 2 * max_doc_bytes;
  absl::StatusOr<ingest::IngestedText> converted =
      ingest::ToPlainText(content, media_type, limits);
  if (!converted.ok()) {
    return absl::Status(
        converted.status().code(),
        absl::StrCat("document content: ", converted.status().message()));
  }
  return converted;
}

// ThreadCpuTime is the CPU time the calling thread has used.
absl::Duration ThreadCpuTime() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return absl::DurationFromTimespec(now);
}

}  // namespace

// Job is one document on its way through the pool. It owns a copy of the
// text so that a handler may return (on cancel or deadline) while a worker
// still holds the job.
struct ExtractionService::Job {
  std::string id;
  std::string text;
  // A document sent as Document.content: its bytes and media type, turned
  // into `text` on the worker, which the response then returns.
  bool from_content = false;
  std::string content;
  std::string media_type;
  // For a paged document (a PDF): where each page starts in `text`.
  std::vector<int64_t> page_starts;
  std::string reference_date;
  AnswerOptions answer;
  absl::Time deadline;
  absl::Duration budget;
  // Set by the handler thread when the caller cancels or the deadline
  // passes; read by the core through ExtractOptions::is_cancelled. A stream
  // shares one flag among all its documents.
  std::shared_ptr<std::atomic<bool>> cancelled;
  // For a document run on the caller's thread: the transport's own view of
  // whether the call was cancelled (SubmitDocumentEncoded's
  // cancelled_here); a cancel seen there also sets `cancelled`.
  std::function<bool()> cancelled_here;
  // Called exactly once on the worker thread with the outcome.
  std::function<void(Job&, absl::StatusOr<Extraction>)> done;
};

ExtractionService::ExtractionService(const ExtractionBackend& backend,
                                     WorkerPool& pool,
                                     const ExtractionOptions& options,
                                     Metrics* metrics,
                                     const TokenChecker* checker)
    : backend_(backend),
      pool_(pool),
      max_doc_bytes_(options.max_doc_bytes),
      max_facts_per_doc_(options.max_facts_per_doc),
      document_threads_(options.document_threads),
      default_deadline_(options.default_deadline),
      log_text_(options.log_text),
      metrics_(metrics),
      admission_(checker),
      memory_(kQuietBeforeTrim) {}

int64_t ExtractionService::FactBudget(size_t text_bytes) const {
  if (max_facts_per_doc_ > 0) return max_facts_per_doc_;
  return std::max<int64_t>(10000, static_cast<int64_t>(text_bytes / 8));
}

ServiceStats ExtractionService::Stats() const {
  ServiceStats stats;
  stats.extractions_started = extractions_started_.load();
  stats.extractions_finished = extractions_finished_.load();
  stats.rejected_invalid = rejected_invalid_.load();
  stats.rejected_overloaded = rejected_overloaded_.load();
  stats.in_flight = in_flight_.load();
  stats.queued = pool_.queued();
  stats.parked = pool_.parked();
  const AdmissionStats admission = admission_.Stats();
  stats.calls_admitted = admission.admitted;
  stats.rejected_unauthenticated = admission.rejected_unauthenticated;
  stats.rejected_draining = admission.rejected_draining;
  stats.calls_running = admission.running;
  return stats;
}

ExtractionService::Budget ExtractionService::BudgetFor(
    absl::Time caller_deadline) const {
  const absl::Time now = absl::Now();
  if (caller_deadline == absl::InfiniteFuture()) {
    return {now + default_deadline_, default_deadline_};
  }
  return {caller_deadline, caller_deadline - now};
}

std::shared_ptr<ExtractionService::Job> ExtractionService::MakeJob(
    v1::ExtractRequest& request, const Budget& budget,
    std::shared_ptr<std::atomic<bool>> cancelled) const {
  v1::Document& document = *request.mutable_document();
  auto job = std::make_shared<Job>();
  job->id = document.id();
  if (!document.content().empty()) {
    job->from_content = true;
    job->content = std::move(*document.mutable_content());
    job->media_type = document.media_type();
  } else {
    job->text = std::move(*document.mutable_text());
  }
  job->reference_date = document.reference_date();
  job->answer.sentence_text = !request.omit_sentence_text();
  job->deadline = budget.deadline;
  job->budget = budget.length;
  job->cancelled = std::move(cancelled);
  return job;
}

void ExtractionService::Run(const std::shared_ptr<Job>& job) {
  // A large document's memory goes back to the system after it (and any
  // other large one) has been answered.
  const bool large =
      job->text.size() + job->content.size() >= kReturnMemoryAfterBytes;
  if (large) memory_.Begin();
  absl::StatusOr<Extraction> result;
  absl::Status converted = absl::OkStatus();
  if (job->from_content && !job->cancelled->load() &&
      absl::Now() < job->deadline) {
    absl::StatusOr<ingest::IngestedText> text =
        ConvertContent(job->content, job->media_type, max_doc_bytes_);
    converted = text.status();
    if (text.ok()) {
      job->text = std::move(text->text);
      job->page_starts = std::move(text->page_starts);
    }
    job->content = std::string();
  }
  if (!converted.ok()) {
    result = std::move(converted);
  } else if (job->cancelled->load()) {
    result = absl::CancelledError("the call was cancelled before extraction");
  } else if (absl::Now() >= job->deadline) {
    result = absl::DeadlineExceededError(absl::StrCat(
        "the document waited for a worker longer than its time budget of ",
        Millis(job->budget), " ms; the server is busy, retry later"));
  } else {
    ++extractions_started_;
    const int64_t running = ++in_flight_;
    ExtractOptions options;
    // A second thread only where a core would otherwise idle: a worker free
    // and nothing queued for it.
    options.max_threads = running < pool_.workers() && pool_.queued() == 0
                              ? document_threads_
                              : 1;
    options.reference_date = job->reference_date;
    // The core stops at the budget, before it holds the facts in memory.
    options.max_facts = FactBudget(job->text.size());
    const Job* raw = job.get();
    options.is_cancelled = [raw] {
      if (raw->cancelled_here && raw->cancelled_here()) {
        raw->cancelled->store(true);
      }
      return raw->cancelled->load(std::memory_order_relaxed) ||
             absl::Now() >= raw->deadline;
    };
    const absl::Duration cpu_before = ThreadCpuTime();
    // Out of memory is this document's failure, not the process's: the
    // worker answers and stays, and the other calls go on.
    try {
      result = backend_.Extract(job->text, options);
    } catch (const std::bad_alloc&) {
      result = OutOfMemory(job->text.size());
    }
    // The text was validated before it was queued, so the only argument
    // the core can refuse is the fact budget it was given.
    if (absl::IsInvalidArgument(result.status())) {
      result = TooManyFactsError(-1, options.max_facts);
    } else if (result.ok()) {
      const size_t facts = result->metrics.size() + result->dates.size() +
                           result->people.size() + result->reports.size();
      if (static_cast<int64_t>(facts) > options.max_facts) {
        result =
            TooManyFactsError(static_cast<int64_t>(facts), options.max_facts);
      }
    }
    if (metrics_ != nullptr) {
      metrics_->RecordExtractionCpu(ThreadCpuTime() - cpu_before);
    }
    --in_flight_;
    ++extractions_finished_;
    if (metrics_ != nullptr && result.ok()) {
      metrics_->RecordDocument(static_cast<int64_t>(job->text.size()));
    }
    if (!result.ok() && absl::IsCancelled(result.status()) &&
        !job->cancelled->load() && absl::Now() >= job->deadline) {
      result = absl::DeadlineExceededError(
          absl::StrCat("extraction did not finish within its time budget of ",
                       Millis(job->budget), " ms"));
    }
  }
  job->done(*job, std::move(result));
  if (large) memory_.End();
}

void ExtractionService::LogRequest(std::string_view rpc,
                                   const v1::Document& document) const {
  if (!spdlog::should_log(spdlog::level::debug)) return;
  if (log_text_) {
    // A document sent as content bytes shows the start of those bytes.
    const bool as_content = document.text().empty();
    spdlog::debug(
        "{} id=\"{}\" bytes={} {}=\"{}\"", rpc,
        TruncateMessage(document.id(), kMaxLoggedBytes),
        document.text().size() + document.content().size(),
        as_content ? "content" : "text",
        TruncateMessage(as_content ? document.content() : document.text(),
                        kMaxLoggedBytes));
  } else {
    spdlog::debug("{} id=\"{}\" bytes={}", rpc,
                  TruncateMessage(document.id(), kMaxLoggedBytes),
                  document.text().size() + document.content().size());
  }
}

void ExtractionService::LogFailure(std::string_view rpc, std::string_view id,
                                   const absl::Status& status) const {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kCancelled:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kResourceExhausted:
      spdlog::debug("{} id=\"{}\": {}", rpc,
                    TruncateMessage(id, kMaxLoggedBytes),
                    TruncateMessage(status.ToString(), kMaxStatusMessageBytes));
      break;
    default:
      spdlog::warn("{} id=\"{}\" failed: {}", rpc,
                   TruncateMessage(id, kMaxLoggedBytes),
                   TruncateMessage(status.ToString(), kMaxStatusMessageBytes));
  }
}

absl::Status ExtractionService::CheckDocument(const Admission::Ticket& call,
                                              const v1::Document& document,
                                              bool* parked) {
  if (parked != nullptr) *parked = false;
  LogRequest(call.rpc(), document);
  if (absl::Status valid = ValidateDocument(document, max_doc_bytes_);
      !valid.ok()) {
    ++rejected_invalid_;
    LogFailure(call.rpc(), document.id(), valid);
    return valid;
  }
  return absl::OkStatus();
}

absl::Status ExtractionService::SubmitDocument(
    const Admission::Ticket& call, v1::ExtractRequest request,
    const Budget& budget, std::shared_ptr<std::atomic<bool>> cancelled,
    QueuePolicy policy, DocumentDone done, bool* parked,
    std::function<void()> unparked) {
  const std::string_view rpc = call.rpc();
  const v1::Document& document = request.document();
  if (absl::Status valid = CheckDocument(call, document, parked); !valid.ok()) {
    return valid;
  }
  if (document.text().empty() && document.content().empty()) {
    v1::ExtractResponse empty;
    empty.set_document_id(document.id());
    done(absl::OkStatus(), empty);
    return absl::OkStatus();
  }

  std::shared_ptr<Job> job = MakeJob(request, budget, std::move(cancelled));
  job->done = [this, rpc, done = std::move(done)](
                  Job& finished, absl::StatusOr<Extraction> result) {
    v1::ExtractResponse response;
    response.set_document_id(finished.id);
    if (!result.ok()) {
      LogFailure(rpc, finished.id, result.status());
      done(result.status(), response);
      return;
    }
    try {
      ExtractionToProto(*result, finished.text, &response, finished.answer,
                        finished.page_starts);
      if (finished.from_content) response.set_text(finished.text);
    } catch (const std::bad_alloc&) {
      response.Clear();
      response.set_document_id(finished.id);
      done(OutOfMemory(finished.text.size()), response);
      return;
    }
    done(absl::OkStatus(), response);
  };
  return Place(rpc, job, policy, parked, std::move(unparked));
}

absl::Status ExtractionService::SubmitDocumentEncoded(
    const Admission::Ticket& call, v1::ExtractRequest request,
    const Budget& budget, std::shared_ptr<std::atomic<bool>> cancelled,
    QueuePolicy policy, EncodedDone done, bool* parked,
    std::function<void()> unparked, std::function<bool()> cancelled_here) {
  const std::string_view rpc = call.rpc();
  const v1::Document& document = request.document();
  if (absl::Status valid = CheckDocument(call, document, parked); !valid.ok()) {
    return valid;
  }
  if (document.text().empty() && document.content().empty()) {
    const Extraction none;
    const EncodedResponse empty(document.id(), none, "", AnswerOptions(), {},
                                /*with_text=*/false);
    done(absl::OkStatus(), &empty);
    return absl::OkStatus();
  }

  std::shared_ptr<Job> job = MakeJob(request, budget, std::move(cancelled));
  job->cancelled_here = std::move(cancelled_here);
  job->done = [this, rpc, done = std::move(done)](
                  Job& finished, absl::StatusOr<Extraction> result) {
    if (!result.ok()) {
      LogFailure(rpc, finished.id, result.status());
      done(result.status(), nullptr);
      return;
    }
    std::optional<EncodedResponse> encoded;
    try {
      encoded.emplace(finished.id, *result, finished.text, finished.answer,
                      finished.page_starts, finished.from_content);
    } catch (const std::bad_alloc&) {
      done(OutOfMemory(finished.text.size()), nullptr);
      return;
    }
    done(absl::OkStatus(), &*encoded);
  };
  return Place(rpc, job, policy, parked, std::move(unparked));
}

absl::Status ExtractionService::Place(std::string_view rpc,
                                      const std::shared_ptr<Job>& job,
                                      QueuePolicy policy, bool* parked,
                                      std::function<void()> unparked) {
  if (policy == QueuePolicy::kParkWhenFull) {
    const auto refuse = [job] {
      job->done(*job, absl::UnavailableError("the server is shutting down"));
    };
    switch (pool_.SubmitOrPark([this, job] { Run(job); }, refuse,
                               std::move(unparked))) {
      case WorkerPool::Placement::kRefused:
        return absl::UnavailableError("the server is shutting down");
      case WorkerPool::Placement::kParked:
        if (parked != nullptr) *parked = true;
        break;
      case WorkerPool::Placement::kQueued:
        break;
    }
    return absl::OkStatus();
  }
  if (policy == QueuePolicy::kRunSmallHereOrRefuseWhenFull &&
      !job->from_content && job->text.size() <= kRunHereMaxBytes &&
      pool_.TryRunHere([this, &job] { Run(job); })) {
    return absl::OkStatus();
  }
  job->cancelled_here = nullptr;  // only for a document run here
  if (!pool_.TrySubmit([this, job] { Run(job); })) {
    ++rejected_overloaded_;
    const absl::Status overloaded = absl::ResourceExhaustedError(
        absl::StrCat("server overloaded: all ", pool_.workers(),
                     " workers are busy and ", pool_.queue_capacity(),
                     " documents are queued; retry after a short backoff"));
    LogFailure(rpc, job->id, overloaded);
    return overloaded;
  }
  return absl::OkStatus();
}

absl::Status ExtractionService::ExtractDocument(
    const Admission::Ticket& call, const v1::Document& document,
    absl::Time caller_deadline, const std::function<bool()>& is_cancelled,
    v1::ExtractResponse* response) {
  v1::ExtractRequest request;
  *request.mutable_document() = document;
  return ExtractDocument(call, request, caller_deadline, is_cancelled,
                         response);
}

absl::Status ExtractionService::ExtractDocument(
    const Admission::Ticket& call, const v1::ExtractRequest& request,
    absl::Time caller_deadline, const std::function<bool()>& is_cancelled,
    v1::ExtractResponse* response) {
  const v1::Document& document = request.document();
  // The waiter may give up (cancel, deadline) while the worker still holds
  // the job, so the outcome lives in shared state, not on this stack.
  struct Outcome {
    std::mutex mu;
    std::condition_variable ready_cv;
    bool ready = false;
    absl::Status status;
    v1::ExtractResponse response;
  };
  auto outcome = std::make_shared<Outcome>();
  auto cancelled = std::make_shared<std::atomic<bool>>(false);
  const Budget budget_of_call = BudgetFor(caller_deadline);  // once
  const absl::Time deadline = budget_of_call.deadline;
  const absl::Duration budget = budget_of_call.length;
  response->set_document_id(document.id());
  const std::string_view rpc = call.rpc();
  absl::Status submitted = SubmitDocument(
      call, request, budget_of_call, cancelled, QueuePolicy::kRefuseWhenFull,
      [outcome](absl::Status status, v1::ExtractResponse& built) {
        std::lock_guard<std::mutex> lock(outcome->mu);
        outcome->status = std::move(status);
        outcome->response.Swap(&built);
        outcome->ready = true;
        outcome->ready_cv.notify_all();
      });
  if (!submitted.ok()) return submitted;

  std::unique_lock<std::mutex> lock(outcome->mu);
  while (!outcome->ready_cv.wait_for(lock, kPoll,
                                     [&outcome] { return outcome->ready; })) {
    if (is_cancelled && is_cancelled()) {
      cancelled->store(true);
      LogFailure(rpc, document.id(),
                 absl::CancelledError("cancelled by the caller"));
      return absl::CancelledError("the call was cancelled by the caller");
    }
    if (absl::Now() >= deadline + absl::FromChrono(kPoll)) {
      // The core polls the deadline itself; this is the backstop for a
      // document still waiting in the queue or a core slow to notice.
      cancelled->store(true);
      const absl::Status late = absl::DeadlineExceededError(
          absl::StrCat("extraction did not finish within its time budget of ",
                       Millis(budget), " ms"));
      LogFailure(rpc, document.id(), late);
      return late;
    }
  }
  if (!outcome->status.ok()) return outcome->status;
  response->Swap(&outcome->response);
  return absl::OkStatus();
}

}  // namespace reportfacts
