// The gRPC side of the metrics: a server interceptor that feeds every
// call into the transport-neutral registry of service/metrics, and
// CallMetrics, with which the unary Extract records itself.
//
//   Metrics metrics;
//   interceptors.push_back(MetricsInterceptorFactory(metrics));
//   builder.experimental().SetInterceptorCreators(std::move(interceptors));
#ifndef REPORTFACTS_SERVICE_SERVER_METRICS_INTERCEPTOR_H_
#define REPORTFACTS_SERVICE_SERVER_METRICS_INTERCEPTOR_H_

#include <memory>
#include <string_view>

#include "absl/time/time.h"
#include "grpcpp/support/server_interceptor.h"
#include "grpcpp/support/status.h"
#include "service/metrics/metrics.h"

namespace reportfacts {

// kUnaryExtractMethod is the unary Extract, the hot path: it records
// itself with CallMetrics instead of through the interceptor, since an
// interceptor on a call costs several percent of the server's CPU for a
// 16 KB document (gRPC runs it at every step of every call).
inline constexpr char kUnaryExtractMethod[] =
    "/reportfacts.v1.FactExtractor/Extract";

// MetricsInterceptorFactory makes a gRPC server interceptor that records
// every call but kUnaryExtractMethod (method = the full gRPC method name,
// code = the status code name) into `metrics`, which must outlive the
// server.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MetricsInterceptorFactory(Metrics& metrics);

// CallMetrics records one call as the interceptor does: in flight from
// construction to destruction, and its status once, CANCELLED if it
// never sent one. `metrics` null: records nothing. Record may run on
// another thread than the constructor, not concurrently with itself.
class CallMetrics {
 public:
  CallMetrics(Metrics* metrics, std::string_view method);
  ~CallMetrics();
  CallMetrics(const CallMetrics&) = delete;
  CallMetrics& operator=(const CallMetrics&) = delete;

  void Record(grpc::StatusCode code);

 private:
  Metrics* const metrics_;
  const std::string_view method_;  // a literal, or alive as long as this
  const absl::Time start_;
  bool recorded_ = false;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_METRICS_INTERCEPTOR_H_
