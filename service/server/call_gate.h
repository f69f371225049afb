// The admission check every reportfacts.v1.FactExtractor call passes first:
// refuses calls without a valid bearer token (when tokens are configured)
// and, once the server drains, refuses new calls with UNAVAILABLE while
// counting the admitted ones until their status has been sent.
//
//   CallGate gate(&token_checker);            // or nullptr: no tokens
//   grpc::Status admitted = gate.Admit(*context, "Extract");
//   if (!admitted.ok()) return admitted;
//   ...                                       // serve the call
//   gate.Leave();                             // once its status is sent
//
//   gate.StartDraining();                     // new calls: UNAVAILABLE
//   gate.WaitIdle(absl::Now() + drain);       // admitted calls finish
//   grpc_server->Shutdown(deadline);
//
// Why a gate in the handlers and not an interceptor or AuthMetadataProcessor:
// gRPC 1.51 aborts the process when an AuthMetadataProcessor is set on
// insecure credentials, and C++ server interceptors cannot end a call with
// a status of their own (there is no server-side Hijack). grpc.health.v1 is
// a separate service and never passes the gate, so probes stay open.
//
// Why draining here and not only grpc::Server::Shutdown: Shutdown cancels
// calls the transport has taken but no handler has started yet, and the
// caller sees CANCELLED, which clients do not retry. Refusing them here
// gives UNAVAILABLE, which they do.
#ifndef REPORTFACTS_SERVICE_SERVER_CALL_GATE_H_
#define REPORTFACTS_SERVICE_SERVER_CALL_GATE_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string_view>

#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/status.h"
#include "service/server/auth.h"

namespace reportfacts {

// CallGate is safe for concurrent use; `checker` must outlive it.
class CallGate {
 public:
  // `checker` may be null: no token is needed.
  explicit CallGate(const TokenChecker* checker) : checker_(checker) {}

  // Admit checks a call. OK means it is counted as running and the caller
  // must call Leave exactly once when the call is over; any other status
  // is the answer to send.
  grpc::Status Admit(const grpc::ServerContextBase& context,
                     std::string_view rpc);
  void Leave();

  // StartDraining makes every later Admit answer UNAVAILABLE.
  void StartDraining();

  // WaitIdle blocks until no admitted call is running or `deadline`
  // passes; true when idle.
  bool WaitIdle(absl::Time deadline);

  // Counters of refused calls.
  int64_t rejected_unauthenticated() const {
    return rejected_unauthenticated_.load();
  }
  int64_t rejected_draining() const { return rejected_draining_.load(); }

 private:
  const TokenChecker* const checker_;
  std::mutex mu_;
  std::condition_variable idle_;
  int running_ = 0;
  bool draining_ = false;
  std::atomic<int64_t> rejected_unauthenticated_{0};
  std::atomic<int64_t> rejected_draining_{0};
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_CALL_GATE_H_
