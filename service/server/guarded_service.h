// The front door of reportfacts.v1.FactExtractor: refuses calls without a
// valid bearer token (when tokens are configured) and, once the server
// drains, refuses new calls with UNAVAILABLE while letting admitted ones
// finish.
//
//   GuardedFactExtractor guarded(inner_service, &token_checker);
//   builder.RegisterService(&guarded);  // instead of inner_service
//   ...
//   guarded.StartDraining();                  // new calls: UNAVAILABLE
//   guarded.WaitIdle(absl::Now() + drain);    // admitted calls finish
//   grpc_server->Shutdown(deadline);
//
// Why a wrapping service and not an interceptor or AuthMetadataProcessor:
// gRPC 1.51 aborts the process when an AuthMetadataProcessor is set on
// insecure credentials, and C++ server interceptors cannot end a call with
// a status of their own (there is no server-side Hijack), so the real
// handler would still run. The wrapper answers before the real handler
// sees the call, with or without TLS. grpc.health.v1 is a separate service
// and is not wrapped, so probes stay open.
//
// Why draining here and not only grpc::Server::Shutdown: Shutdown cancels
// calls the transport has taken but no handler has started yet, and the
// caller sees CANCELLED, which clients do not retry. Refusing them here
// gives UNAVAILABLE, which they do.
#ifndef REPORTFACTS_SERVICE_SERVER_GUARDED_SERVICE_H_
#define REPORTFACTS_SERVICE_SERVER_GUARDED_SERVICE_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string_view>

#include "absl/time/time.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/server/auth.h"

namespace reportfacts {

// GuardedFactExtractor forwards each admitted call to `inner`. An RPC it
// does not override answers UNIMPLEMENTED, so a new RPC is never reachable
// past the guard by accident. Safe for concurrent use; `inner` and
// `checker` must outlive it.
class GuardedFactExtractor final : public v1::FactExtractor::Service {
 public:
  // `checker` may be null: no token is needed.
  GuardedFactExtractor(v1::FactExtractor::Service& inner,
                       const TokenChecker* checker);

  grpc::Status Extract(grpc::ServerContext* context,
                       const v1::ExtractRequest* request,
                       v1::ExtractResponse* response) override;

  grpc::Status ExtractStream(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::ExtractResponse, v1::ExtractRequest>* stream)
      override;

  grpc::Status ListIndicators(grpc::ServerContext* context,
                              const v1::ListIndicatorsRequest* request,
                              v1::ListIndicatorsResponse* response) override;

  // StartDraining makes every later call answer UNAVAILABLE at once.
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
  class Admission;

  // Admit checks the call; OK means it was counted as running and the
  // caller must call Leave when done.
  grpc::Status Admit(const grpc::ServerContext& context, std::string_view rpc);
  void Leave();

  v1::FactExtractor::Service& inner_;
  const TokenChecker* const checker_;
  std::mutex mu_;
  std::condition_variable idle_;
  int running_ = 0;
  bool draining_ = false;
  std::atomic<int64_t> rejected_unauthenticated_{0};
  std::atomic<int64_t> rejected_draining_{0};
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_GUARDED_SERVICE_H_
