// Admission: the check every call passes before any of its documents is
// read, whatever the transport. It refuses calls without an accepted
// bearer token (when tokens are configured) and, once the server drains,
// refuses new calls with UNAVAILABLE, while counting the admitted ones
// until their answer has been sent.
//
//   Admission admission(&token_checker);      // or nullptr: no tokens
//   CallInfo call{"Extract", {"Bearer s3cret"}};
//   absl::StatusOr<Admission::Ticket> ticket = admission.Admit(call);
//   if (!ticket.ok()) return ticket.status();  // UNAUTHENTICATED, ...
//   ...                       // serve the call; keep the ticket until its
//                             // answer is sent, then destroy it
//   admission.StartDraining();                // new calls: UNAVAILABLE
//   admission.WaitIdle(absl::Now() + drain);  // admitted calls finish
//
// The gRPC reactors and the HTTP handlers both come here (through
// ExtractionService::Admit), so each rule and each counter exists once.
// grpc.health.v1, /healthz and /metrics never pass, so probes and scrapers
// stay open.
//
// Why a check in the handlers and not a gRPC interceptor or
// AuthMetadataProcessor: gRPC 1.51 aborts the process when an
// AuthMetadataProcessor is set on insecure credentials, and C++ server
// interceptors cannot end a call with a status of their own (there is no
// server-side Hijack).
//
// Why draining here and not only grpc::Server::Shutdown: Shutdown cancels
// calls the transport has taken but no handler has started yet, and the
// caller sees CANCELLED, which clients do not retry. Refusing them here
// gives UNAVAILABLE (HTTP 503), which they do.
#ifndef REPORTFACTS_SERVICE_ADMISSION_ADMISSION_H_
#define REPORTFACTS_SERVICE_ADMISSION_ADMISSION_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/admission/tokens.h"

namespace reportfacts {

// CallInfo is what a transport tells of a call as it arrives, before any
// document is read.
struct CallInfo {
  // Names the call in logs ("Extract", "HTTP /v1/extract"). Must outlive
  // the call: a literal.
  std::string_view rpc;
  // Every credential the caller sent: the values of its authorization
  // metadata or header ("Bearer <token>"). They need to live only while
  // Admit runs.
  std::vector<std::string_view> authorizations;
};

// AdmissionStats counts the admission's decisions since it started.
struct AdmissionStats {
  int64_t admitted = 0;                  // calls let in
  int64_t rejected_unauthenticated = 0;  // no accepted token
  int64_t rejected_draining = 0;         // arrived while draining
  int64_t running = 0;                   // admitted, answer not yet sent
};

// Admission is safe for concurrent use; `checker` must outlive it.
class Admission {
 public:
  // Ticket is an admitted call. It counts as running until destroyed;
  // move it into whatever lives until the call's answer has been sent.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept;
    Ticket& operator=(Ticket&& other) noexcept;
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    ~Ticket();

    // rpc names the call (CallInfo::rpc).
    std::string_view rpc() const { return rpc_; }

   private:
    friend class Admission;
    Ticket(Admission* admission, std::string_view rpc)
        : admission_(admission), rpc_(rpc) {}
    void Release();

    Admission* admission_;  // null once moved from
    std::string_view rpc_;
  };

  // `checker` may be null: no token is needed.
  explicit Admission(const TokenChecker* checker) : checker_(checker) {}

  Admission(const Admission&) = delete;
  Admission& operator=(const Admission&) = delete;

  // Admit checks a call: UNAUTHENTICATED when tokens are configured and
  // none of call.authorizations carries an accepted one, else UNAVAILABLE
  // when draining, else a ticket. Each outcome is counted once.
  absl::StatusOr<Ticket> Admit(const CallInfo& call);

  // StartDraining makes every later Admit answer UNAVAILABLE.
  void StartDraining();
  bool draining() const;

  // WaitIdle blocks until no ticket is alive or `deadline` passes; true
  // when idle.
  bool WaitIdle(absl::Time deadline);

  // RequiresToken tells whether tokens are configured.
  bool RequiresToken() const { return checker_ != nullptr; }

  AdmissionStats Stats() const;

 private:
  void Leave();

  const TokenChecker* const checker_;
  mutable std::mutex mu_;
  std::condition_variable idle_;
  int64_t running_ = 0;
  bool draining_ = false;
  std::atomic<int64_t> admitted_{0};
  std::atomic<int64_t> rejected_unauthenticated_{0};
  std::atomic<int64_t> rejected_draining_{0};
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_ADMISSION_ADMISSION_H_
