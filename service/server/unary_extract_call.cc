#include "service/server/unary_extract_call.h"

#include <atomic>
#include <memory>
#include <utility>

#include "service/server/status.h"

namespace reportfacts {
namespace {

// UnaryExtractCall is one admitted Extract call. It deletes itself in
// OnDone, which gRPC calls once the status has been sent and the handler
// has returned.
class UnaryExtractCall final : public grpc::ServerUnaryReactor {
 public:
  explicit UnaryExtractCall(CallGate* gate) : gate_(gate) {}

  void Begin(FactExtractorService& service,
             grpc::CallbackServerContext* context,
             const v1::ExtractRequest* request, v1::ExtractResponse* response) {
    // The worker reaches this call only through `answer`; it finishes the
    // call only if a cancel has not already done so.
    std::shared_ptr<Answer> answer = answer_;
    UnaryExtractCall* self = this;
    const absl::Status submitted = service.SubmitDocument(
        "Extract", request->document(),
        FactExtractorService::CallerDeadline(*context), answer->cancelled,
        QueuePolicy::kRefuseWhenFull,
        [answer, self, response](absl::Status status,
                                 v1::ExtractResponse& built) {
          if (answer->given.exchange(true)) return;
          if (status.ok()) response->Swap(&built);
          self->Finish(ToGrpcStatus(status));
        });
    if (!submitted.ok()) FinishOnce(ToGrpcStatus(submitted));
  }

  void OnCancel() override {
    answer_->cancelled->store(true);
    FinishOnce(grpc::Status(grpc::StatusCode::CANCELLED,
                            "the call was cancelled by the caller"));
  }

  void OnDone() override {
    if (gate_ != nullptr) gate_->Leave();
    delete this;
  }

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

  CallGate* const gate_;
  const std::shared_ptr<Answer> answer_ = std::make_shared<Answer>();
};

}  // namespace

grpc::ServerUnaryReactor* StartUnaryExtractCall(
    FactExtractorService& service, CallGate* gate,
    grpc::CallbackServerContext* context, const v1::ExtractRequest* request,
    v1::ExtractResponse* response) {
  if (gate != nullptr) {
    grpc::Status admitted = gate->Admit(*context, "Extract");
    if (!admitted.ok()) {
      grpc::ServerUnaryReactor* refusal = context->DefaultReactor();
      refusal->Finish(std::move(admitted));
      return refusal;
    }
  }
  auto* call = new UnaryExtractCall(gate);
  call->Begin(service, context, request, response);
  return call;
}

}  // namespace reportfacts
