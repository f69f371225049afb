#include "service/server/auth.h"

namespace reportfacts {

CallInfo GrpcCallInfo(const grpc::ServerContextBase& context,
                      std::string_view rpc) {
  CallInfo call;
  call.rpc = rpc;
  const auto range =
      context.client_metadata().equal_range(kAuthorizationHeader);
  for (auto it = range.first; it != range.second; ++it) {
    call.authorizations.emplace_back(it->second.data(), it->second.size());
  }
  return call;
}

}  // namespace reportfacts
