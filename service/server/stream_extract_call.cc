#include "service/server/stream_extract_call.h"

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "service/api/status.h"
#include "service/server/auth.h"
#include "service/server/fact_extractor_service.h"
#include "service/server/wire.h"
#include "spdlog/spdlog.h"

namespace reportfacts {
namespace {

using StreamReactor =
    grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>;

// FailedResponse is a stream answer that reports an error for one document.
v1::ExtractResponse FailedResponse(const std::string& id,
                                   const absl::Status& status) {
  v1::ExtractResponse response;
  response.set_document_id(ToValidUtf8(id));
  response.set_error_code(static_cast<int32_t>(status.code()));
  response.set_error_message(
      TruncateMessage(MessageOf(status), kMaxStatusMessageBytes));
  return response;
}

// RefusedStream answers a call the admission refused.
class RefusedStream final : public StreamReactor {
 public:
  explicit RefusedStream(grpc::Status status) { Finish(std::move(status)); }
  void OnDone() override { delete this; }
};

// StreamExtractCall is one admitted ExtractStream call. It deletes itself
// in OnDone. Every decision is taken under mu_ in Advance, which then
// starts the chosen read, write or finish without holding the lock (gRPC
// may run a reaction inline).
class StreamExtractCall final : public StreamReactor {
 public:
  StreamExtractCall(ExtractionService& service, Admission::Ticket ticket,
                    grpc::CallbackServerContext* context, int window)
      : service_(service),
        ticket_(std::move(ticket)),
        caller_deadline_(FactExtractorService::CallerDeadline(*context)),
        window_(window) {
    std::unique_lock<std::mutex> lock(mu_);
    Advance(lock);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      std::unique_lock<std::mutex> lock(mu_);
      reading_ = false;
      no_more_reads_ = true;
      --in_flight_;  // the slot taken for this read
      Advance(lock);
      return;
    }
    ++documents_;
    // No new read starts while reading_ is set, so request_ is stable
    // here. Submitting without the lock: an empty text is answered
    // inline, and the answer takes the lock.
    v1::ExtractRequest decoded;
    if (absl::Status valid = DecodeExtractRequest(request_, &decoded);
        !valid.ok()) {
      std::unique_lock<std::mutex> lock(mu_);
      reading_ = false;
      no_more_reads_ = true;
      --in_flight_;  // the slot taken for this read
      refused_ = absl::InvalidArgumentError(absl::StrCat(
          "message ", documents_, " of the stream: ", valid.message(),
          "; the documents after it were not read"));
      Advance(lock);
      return;
    }
    // Kept for a refusal's answer; the rest of the request moves on.
    const std::string id = decoded.document().id();
    bool parked = false;
    const absl::Status submitted = service_.SubmitDocumentEncoded(
        ticket_, std::move(decoded), service_.BudgetFor(caller_deadline_),
        cancelled_, QueuePolicy::kParkWhenFull,
        [this, id](absl::Status status, const EncodedResponse* built) {
          grpc::ByteBuffer encoded;
          if (status.ok()) {
            EncodeExtractResponse(*built, &encoded);
          } else {
            EncodeExtractResponse(FailedResponse(id, status), &encoded);
          }
          Answer(std::move(encoded));
        },
        &parked,
        // Runs before this document's answer, so the call is still alive.
        [this] {
          std::unique_lock<std::mutex> lock(mu_);
          --parked_;
          Advance(lock);
        });
    std::unique_lock<std::mutex> lock(mu_);
    reading_ = false;
    // A parked document stops the reading until a worker takes it; the
    // counter may dip below zero for a moment if the worker is first.
    if (parked) ++parked_;
    if (!submitted.ok()) {
      if (stopped_) {
        --in_flight_;  // nobody will read the answer
      } else {
        grpc::ByteBuffer encoded;
        EncodeExtractResponse(FailedResponse(id, submitted), &encoded);
        ready_.push_back(std::move(encoded));
      }
    }
    Advance(lock);
  }

  void OnWriteDone(bool ok) override {
    std::unique_lock<std::mutex> lock(mu_);
    writing_ = false;
    --in_flight_;
    if (!ok) StopAll();  // nobody reads the rest
    Advance(lock);
  }

  void OnCancel() override {
    std::unique_lock<std::mutex> lock(mu_);
    StopAll();
    Advance(lock);
  }

  void OnDone() override {
    spdlog::debug("ExtractStream: {} documents", documents_);
    delete this;  // and with it the ticket: the call is answered
  }

 private:
  // Answer queues the encoded answer of one document (from a worker).
  void Answer(grpc::ByteBuffer encoded) {
    std::unique_lock<std::mutex> lock(mu_);
    if (stopped_) {
      --in_flight_;  // dropped: the stream is cancelled or broken
    } else {
      ready_.push_back(std::move(encoded));
    }
    Advance(lock);
  }

  // StopAll ends reading and writing and stops queued and running work.
  void StopAll() {
    stopped_ = true;
    cancelled_->store(true);
    in_flight_ -= static_cast<int>(ready_.size());
    ready_.clear();
  }

  // Advance starts what can start now. The finish comes last: after it
  // gRPC may delete this call at any moment.
  void Advance(std::unique_lock<std::mutex>& lock) {
    bool write = false;
    bool read = false;
    bool finish = false;
    if (!finished_) {
      if (!writing_ && !ready_.empty()) {
        writing_ = true;
        write = true;
        current_ = std::move(ready_.front());
        ready_.pop_front();
      }
      if (!reading_ && !no_more_reads_ && !stopped_ && parked_ <= 0 &&
          in_flight_ < window_) {
        reading_ = true;
        ++in_flight_;  // take the slot before reading: flow control
        read = true;
      }
      if ((no_more_reads_ || stopped_) && !reading_ && !writing_ &&
          in_flight_ == 0) {
        finished_ = true;
        finish = true;
      }
    }
    const bool cancelled = stopped_;
    lock.unlock();
    if (write) StartWrite(&current_);
    if (read) StartRead(&request_);
    if (finish) {
      Finish(cancelled ? grpc::Status(grpc::StatusCode::CANCELLED,
                                      "the stream was cancelled by the caller")
                       : ToGrpcStatus(refused_));
    }
  }

  ExtractionService& service_;
  // Keeps the call admitted until its status has been sent.
  Admission::Ticket ticket_;
  const absl::Time caller_deadline_;
  const int window_;
  // Shared with every job of this stream; set when the stream stops.
  const std::shared_ptr<std::atomic<bool>> cancelled_ =
      std::make_shared<std::atomic<bool>>(false);
  int64_t documents_ = 0;  // only touched by reads, one at a time

  std::mutex mu_;
  grpc::ByteBuffer request_;            // the buffer of the outstanding read
  grpc::ByteBuffer current_;            // the answer being written
  std::deque<grpc::ByteBuffer> ready_;  // answers waiting to be written
  absl::Status refused_;  // why the reading stopped early; OK if it did not
  int in_flight_ = 0;     // documents read (or being read), not yet answered
  int parked_ = 0;        // documents of this stream waiting for queue room
  bool reading_ = false;
  bool writing_ = false;
  bool no_more_reads_ = false;  // the caller closed its side
  bool stopped_ = false;        // cancelled, or a write failed
  bool finished_ = false;
};

}  // namespace

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
StartStreamExtractCall(ExtractionService& service,
                       grpc::CallbackServerContext* context, int window) {
  absl::StatusOr<Admission::Ticket> ticket =
      service.Admit(GrpcCallInfo(*context, "ExtractStream"));
  if (!ticket.ok()) return new RefusedStream(ToGrpcStatus(ticket.status()));
  return new StreamExtractCall(service, *std::move(ticket), context, window);
}

}  // namespace reportfacts
