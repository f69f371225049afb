// The gRPC side of bearer-token authentication: what Admission needs of a
// gRPC call. Tokens themselves (loading, checking) are transport-neutral,
// in service/admission/tokens.h, which this header brings along.
//
//   absl::StatusOr<Admission::Ticket> ticket =
//       service.Admit(GrpcCallInfo(*context, "Extract"));
#ifndef REPORTFACTS_SERVICE_SERVER_AUTH_H_
#define REPORTFACTS_SERVICE_SERVER_AUTH_H_

#include <string_view>

#include "grpcpp/server_context.h"
#include "service/admission/admission.h"
#include "service/admission/tokens.h"

namespace reportfacts {

// GrpcCallInfo describes a gRPC call for Admission::Admit: `rpc` (a
// literal) and every value of its authorization metadata, which stay valid
// while `context` lives.
CallInfo GrpcCallInfo(const grpc::ServerContextBase& context,
                      std::string_view rpc);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_AUTH_H_
