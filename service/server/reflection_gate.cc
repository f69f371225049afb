#include "service/server/reflection_gate.h"

#include <map>
#include <string>

namespace reportfacts {
namespace {

class ReflectionGate final : public grpc::experimental::Interceptor {
 public:
  ReflectionGate(const TokenChecker& checker,
                 grpc::experimental::ServerRpcInfo* info)
      : checker_(checker), info_(info) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::
                POST_RECV_INITIAL_METADATA) &&
        !Authorized(*methods->GetRecvInitialMetadata())) {
      info_->server_context()->TryCancel();
    }
    methods->Proceed();
  }

 private:
  bool Authorized(
      const std::multimap<grpc::string_ref, grpc::string_ref>& metadata) {
    const auto [first, last] = metadata.equal_range(kAuthorizationHeader);
    for (auto it = first; it != last; ++it) {
      if (checker_.IsAuthorized(
              std::string_view(it->second.data(), it->second.size()))) {
        return true;
      }
    }
    return false;
  }

  const TokenChecker& checker_;
  grpc::experimental::ServerRpcInfo* const info_;
};

class ReflectionGateFactoryImpl final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit ReflectionGateFactoryImpl(const TokenChecker& checker)
      : checker_(checker) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    const char* method = info->method();
    if (method == nullptr || !IsReflectionMethod(method)) return nullptr;
    return new ReflectionGate(checker_, info);
  }

 private:
  const TokenChecker& checker_;
};

}  // namespace

bool IsReflectionMethod(std::string_view method) {
  constexpr std::string_view kPrefix = "/grpc.reflection.";
  return method.substr(0, kPrefix.size()) == kPrefix;
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
ReflectionGateFactory(const TokenChecker& checker) {
  return std::make_unique<ReflectionGateFactoryImpl>(checker);
}

}  // namespace reportfacts
