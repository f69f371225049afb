#include "service/server/metrics_interceptor.h"

#include <string>
#include <utility>

#include "absl/time/clock.h"
#include "service/api/status.h"

namespace reportfacts {
namespace {

// MetricsInterceptor lives for one gRPC call: created when the call starts,
// it records the status the server sends.
class MetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(Metrics& metrics, std::string method)
      : metrics_(metrics), method_(std::move(method)), start_(absl::Now()) {
    metrics_.RequestStarted("grpc");
  }

  ~MetricsInterceptor() override {
    // A call torn down without sending a status was cancelled.
    if (!recorded_) Record(grpc::StatusCode::CANCELLED);
    metrics_.RequestFinished("grpc");
  }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      Record(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void Record(grpc::StatusCode code) {
    if (recorded_) return;
    recorded_ = true;
    metrics_.RecordRequest("grpc", method_, StatusCodeName(code),
                           code != grpc::StatusCode::OK, absl::Now() - start_);
  }

  Metrics& metrics_;
  const std::string method_;
  const absl::Time start_;
  bool recorded_ = false;
};

class MetricsInterceptorFactoryImpl final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactoryImpl(Metrics& metrics)
      : metrics_(metrics) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    const char* method = info->method();
    return new MetricsInterceptor(metrics_,
                                  method != nullptr ? method : "unknown");
  }

 private:
  Metrics& metrics_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
MetricsInterceptorFactory(Metrics& metrics) {
  return std::make_unique<MetricsInterceptorFactoryImpl>(metrics);
}

}  // namespace reportfacts
