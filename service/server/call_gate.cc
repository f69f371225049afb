#include "service/server/call_gate.h"

#include "spdlog/spdlog.h"

namespace reportfacts {

grpc::Status CallGate::Admit(const grpc::ServerContextBase& context,
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

void CallGate::Leave() {
  std::lock_guard<std::mutex> lock(mu_);
  if (--running_ == 0) idle_.notify_all();
}

void CallGate::StartDraining() {
  std::lock_guard<std::mutex> lock(mu_);
  draining_ = true;
}

bool CallGate::WaitIdle(absl::Time deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  return idle_.wait_until(lock, absl::ToChronoTime(deadline),
                          [this] { return running_ == 0; });
}

}  // namespace reportfacts
