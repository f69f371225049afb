// Keeps gRPC server reflection behind the bearer token when tokens are
// configured: reflection lists every service and message, which is as much
// a part of the API as the calls themselves.
//
//   interceptors.push_back(ReflectionGateFactory(checker));
//   builder.experimental().SetInterceptorCreators(std::move(interceptors));
//
// Why an interceptor that cancels: the reflection service is gRPC's own
// (ProtoServerReflectionPlugin), so Admission cannot be asked from its
// handlers, and a C++ server interceptor in gRPC 1.51 cannot answer with a
// status of its own. Cancelling the call as soon as its metadata arrives ends
// it before the handler reads a request, so a caller without a token learns
// nothing; it sees CANCELLED.
#ifndef REPORTFACTS_SERVICE_SERVER_REFLECTION_GATE_H_
#define REPORTFACTS_SERVICE_SERVER_REFLECTION_GATE_H_

#include <memory>
#include <string_view>

#include "grpcpp/support/server_interceptor.h"
#include "service/server/auth.h"

namespace reportfacts {

// IsReflectionMethod tells whether `method` ("/package.Service/Method")
// belongs to a gRPC reflection service (any version).
bool IsReflectionMethod(std::string_view method);

// ReflectionGateFactory makes interceptors that cancel reflection calls
// lacking a token `checker` accepts; other calls pass untouched. `checker`
// must outlive the server.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
ReflectionGateFactory(const TokenChecker& checker);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_REFLECTION_GATE_H_
