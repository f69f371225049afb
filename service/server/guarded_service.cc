#include "service/server/guarded_service.h"

#include <chrono>

#include "spdlog/spdlog.h"

namespace reportfacts {

// Admission leaves the guard when an admitted call returns.
class GuardedFactExtractor::Admission {
 public:
  Admission(GuardedFactExtractor& guard, const grpc::ServerContext& context,
            std::string_view rpc)
      : guard_(guard), status_(guard.Admit(context, rpc)) {}
  ~Admission() {
    if (status_.ok()) guard_.Leave();
  }
  const grpc::Status& status() const { return status_; }

 private:
  GuardedFactExtractor& guard_;
  const grpc::Status status_;
};

GuardedFactExtractor::GuardedFactExtractor(v1::FactExtractor::Service& inner,
                                           const TokenChecker* checker)
    : inner_(inner), checker_(checker) {}

grpc::Status GuardedFactExtractor::Admit(const grpc::ServerContext& context,
                                         std::string_view rpc) {
  if (checker_ != nullptr && !checker_->Check(context)) {
    ++rejected_unauthenticated_;
    // Debug only: a flood of bad calls must not flood the log. The token
    // presented is never logged.
    spdlog::debug("{}: refused, no valid bearer token", rpc);
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "a valid bearer token is required: send the metadata "
                        "\"authorization: Bearer <token>\" (reportfacts: "
                        "--auth_token_file or REPORTFACTS_AUTH_TOKEN)");
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (draining_) {
    ++rejected_draining_;
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        "the server is shutting down; retry on another "
                        "instance");
  }
  ++running_;
  return grpc::Status::OK;
}

void GuardedFactExtractor::Leave() {
  std::lock_guard<std::mutex> lock(mu_);
  if (--running_ == 0) idle_.notify_all();
}

void GuardedFactExtractor::StartDraining() {
  std::lock_guard<std::mutex> lock(mu_);
  draining_ = true;
}

bool GuardedFactExtractor::WaitIdle(absl::Time deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  return idle_.wait_until(lock, absl::ToChronoTime(deadline),
                          [this] { return running_ == 0; });
}

grpc::Status GuardedFactExtractor::Extract(grpc::ServerContext* context,
                                           const v1::ExtractRequest* request,
                                           v1::ExtractResponse* response) {
  Admission admission(*this, *context, "Extract");
  if (!admission.status().ok()) return admission.status();
  return inner_.Extract(context, request, response);
}

grpc::Status GuardedFactExtractor::ExtractStream(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::ExtractResponse, v1::ExtractRequest>* stream) {
  Admission admission(*this, *context, "ExtractStream");
  if (!admission.status().ok()) return admission.status();
  return inner_.ExtractStream(context, stream);
}

grpc::Status GuardedFactExtractor::ListIndicators(
    grpc::ServerContext* context, const v1::ListIndicatorsRequest* request,
    v1::ListIndicatorsResponse* response) {
  Admission admission(*this, *context, "ListIndicators");
  if (!admission.status().ok()) return admission.status();
  return inner_.ListIndicators(context, request, response);
}

}  // namespace reportfacts
