#include "service/admission/admission.h"

#include <utility>

#include "spdlog/spdlog.h"

namespace reportfacts {

Admission::Ticket::Ticket(Ticket&& other) noexcept
    : admission_(std::exchange(other.admission_, nullptr)), rpc_(other.rpc_) {}

Admission::Ticket& Admission::Ticket::operator=(Ticket&& other) noexcept {
  if (this != &other) {
    Release();
    admission_ = std::exchange(other.admission_, nullptr);
    rpc_ = other.rpc_;
  }
  return *this;
}

Admission::Ticket::~Ticket() { Release(); }

void Admission::Ticket::Release() {
  if (admission_ != nullptr) std::exchange(admission_, nullptr)->Leave();
}

absl::StatusOr<Admission::Ticket> Admission::Admit(const CallInfo& call) {
  if (checker_ != nullptr) {
    bool authorized = false;
    // Every value is compared, so the time taken does not tell which one
    // nearly matched.
    for (std::string_view authorization : call.authorizations) {
      authorized |= checker_->IsAuthorized(authorization);
    }
    if (!authorized) {
      ++rejected_unauthenticated_;
      // Debug only: a flood of bad calls must not flood the log. The token
      // presented is never logged.
      spdlog::debug("{}: refused, no valid bearer token", call.rpc);
      return absl::UnauthenticatedError(
          "a valid bearer token is required: send the metadata "
          "\"authorization: Bearer <token>\" (reportfacts: "
          "--auth_token_file or REPORTFACTS_AUTH_TOKEN)");
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (draining_) {
    ++rejected_draining_;
    return absl::UnavailableError(
        "the server is shutting down; retry on another instance");
  }
  ++running_;
  ++admitted_;
  return Ticket(this, call.rpc);
}

void Admission::Leave() {
  std::lock_guard<std::mutex> lock(mu_);
  if (--running_ == 0) idle_.notify_all();
}

void Admission::StartDraining() {
  std::lock_guard<std::mutex> lock(mu_);
  draining_ = true;
}

bool Admission::draining() const {
  std::lock_guard<std::mutex> lock(mu_);
  return draining_;
}

bool Admission::WaitIdle(absl::Time deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  return idle_.wait_until(lock, absl::ToChronoTime(deadline),
                          [this] { return running_ == 0; });
}

AdmissionStats Admission::Stats() const {
  AdmissionStats stats;
  stats.admitted = admitted_.load();
  stats.rejected_unauthenticated = rejected_unauthenticated_.load();
  stats.rejected_draining = rejected_draining_.load();
  std::lock_guard<std::mutex> lock(mu_);
  stats.running = running_;
  return stats;
}

}  // namespace reportfacts
