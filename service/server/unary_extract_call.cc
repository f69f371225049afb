#include "service/server/unary_extract_call.h"

#include <atomic>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "grpcpp/alarm.h"
#include "service/api/status.h"
#include "service/server/auth.h"
#include "service/server/fact_extractor_service.h"
#include "service/server/wire.h"

namespace reportfacts {
namespace {

// Slack after the server's own budget before the alarm answers: the core
// polls the deadline itself and normally answers first.
constexpr absl::Duration kBudgetSlack = absl::Milliseconds(10);

// UnaryExtractCall is one admitted Extract call. It deletes itself in
// OnDone, which gRPC calls once the status has been sent and the handler
// has returned.
class UnaryExtractCall final : public grpc::ServerUnaryReactor {
 public:
  explicit UnaryExtractCall(Admission::Ticket ticket)
      : ticket_(std::move(ticket)) {}

  void Begin(ExtractionService& service, grpc::CallbackServerContext* context,
             v1::ExtractRequest request, grpc::ByteBuffer* response) {
    // The worker reaches this call only through `answer`; it finishes the
    // call only if a cancel has not already done so.
    std::shared_ptr<Answer> answer = answer_;
    UnaryExtractCall* self = this;
    const absl::Time caller_deadline =
        FactExtractorService::CallerDeadline(*context);
    const ExtractionService::Budget budget = service.BudgetFor(caller_deadline);
    // A small document may run right here, on gRPC's thread, when a
    // worker is free: `done` has then answered before this returns.
    const absl::Status submitted = service.SubmitDocumentEncoded(
        ticket_, std::move(request), budget, answer->cancelled,
        QueuePolicy::kRunSmallHereOrRefuseWhenFull,
        [answer, self, response](absl::Status status,
                                 const EncodedResponse* encoded) {
          if (answer->given.exchange(true)) return;
          if (status.ok()) EncodeExtractResponse(*encoded, response);
          self->Finish(ToGrpcStatus(status));
        },
        /*parked=*/nullptr, /*unparked=*/nullptr,
        // gRPC calls OnCancel only once this handler has returned; while
        // the document runs here, the context tells of a cancel (the
        // caller went away, its deadline passed, the server shuts down).
        [context] { return context->IsCancelled(); });
    if (!submitted.ok()) {
      FinishOnce(ToGrpcStatus(submitted));
      return;
    }
    // OnDone cannot run before this handler returns, so the members are
    // still ours here even if a worker has already answered.
    if (caller_deadline == absl::InfiniteFuture() && !answer->given.load()) {
      // gRPC ends a call at the caller's deadline; without one, the
      // server's budget must end it too, even while the document still
      // waits in the queue. The alarm touches the call only if it answers
      // first, and an answered call lives until OnDone.
      // It rings at the document's own deadline, plus slack.
      const absl::Duration length = budget.length;
      budget_alarm_.Set(
          absl::ToChronoTime(budget.deadline + kBudgetSlack),
          [answer, self, length](bool fired) {
            if (!fired || answer->given.exchange(true)) return;
            answer->cancelled->store(true);
            self->Finish(grpc::Status(
                grpc::StatusCode::DEADLINE_EXCEEDED,
                absl::StrCat("extraction did not finish within its time "
                             "budget of ",
                             absl::ToInt64Milliseconds(length), " ms")));
          });
    }
  }

  // Refuse answers a request that could not be decoded.
  void Refuse(grpc::Status status) { FinishOnce(std::move(status)); }

  void OnCancel() override {
    answer_->cancelled->store(true);
    FinishOnce(grpc::Status(grpc::StatusCode::CANCELLED,
                            "the call was cancelled by the caller"));
  }

  // The ticket goes with the call: it stays admitted until its status
  // has been sent.
  void OnDone() override { delete this; }

 private:
  // Answer is shared with the worker, which may outlive the call.
  struct Answer {
    std::atomic<bool> given{false};
    std::shared_ptr<std::atomic<bool>> cancelled =
        std::make_shared<std::atomic<bool>>(false);
  };

  void FinishOnce(grpc::Status status) {
    if (!answer_->given.exchange(true)) Finish(std::move(status));
  }

  Admission::Ticket ticket_;
  const std::shared_ptr<Answer> answer_ = std::make_shared<Answer>();
  // Destroyed with the call; a pending alarm is then cancelled and its
  // callback, run later, sees fired == false.
  grpc::Alarm budget_alarm_;
};

}  // namespace

grpc::ServerUnaryReactor* StartUnaryExtractCall(
    ExtractionService& service, grpc::CallbackServerContext* context,
    const grpc::ByteBuffer* request, grpc::ByteBuffer* response) {
  absl::StatusOr<Admission::Ticket> ticket =
      service.Admit(GrpcCallInfo(*context, "Extract"));
  if (!ticket.ok()) {
    grpc::ServerUnaryReactor* refusal = context->DefaultReactor();
    refusal->Finish(ToGrpcStatus(ticket.status()));
    return refusal;
  }
  auto* call = new UnaryExtractCall(*std::move(ticket));
  v1::ExtractRequest decoded;
  if (absl::Status valid = DecodeExtractRequest(*request, &decoded);
      !valid.ok()) {
    call->Refuse(ToGrpcStatus(valid));
    return call;
  }
  call->Begin(service, context, std::move(decoded), response);
  return call;
}

}  // namespace reportfacts
