// The gRPC side of the metrics: a server interceptor that feeds every
// call into the transport-neutral registry of service/metrics.
//
//   Metrics metrics;
//   interceptors.push_back(MetricsInterceptorFactory(metrics));
//   builder.experimental().SetInterceptorCreators(std::move(interceptors));
#ifndef REPORTFACTS_SERVICE_SERVER_METRICS_INTERCEPTOR_H_
#define REPORTFACTS_SERVICE_SERVER_METRICS_INTERCEPTOR_H_

#include <memory>

#include "grpcpp/support/server_interceptor.h"
#include "service/metrics/metrics.h"

namespace reportfacts {

// MetricsInterceptorFactory makes a gRPC server interceptor that records
// every call (method = the full gRPC method name, code = the status code
// name) into `metrics`, which must outlive the server.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MetricsInterceptorFactory(Metrics& metrics);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_METRICS_INTERCEPTOR_H_
