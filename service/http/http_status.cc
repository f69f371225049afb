#include "service/http/http_status.h"

#include "nlohmann/json.hpp"
#include "service/api/status.h"

namespace reportfacts {

int HttpStatusFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return 200;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted:
      return 409;
    case absl::StatusCode::kResourceExhausted:
      return 429;
    case absl::StatusCode::kCancelled:
      return 499;  // "client closed request", as nginx and google.rpc use
    case absl::StatusCode::kUnimplemented:
      return 501;
    case absl::StatusCode::kUnavailable:
      return 503;
    case absl::StatusCode::kDeadlineExceeded:
      return 504;
    default:  // kUnknown, kInternal, kDataLoss and codes added later
      return 500;
  }
}

std::string ErrorBody(int http_status, const absl::Status& status) {
  const grpc::StatusCode code = static_cast<grpc::StatusCode>(status.code());
  nlohmann::json body = {
      {"error",
       {{"code", http_status},
        {"status", std::string(StatusCodeName(code))},
        {"message",
         TruncateMessage(MessageOf(status), kMaxStatusMessageBytes)}}}};
  // Replace, not throw, should a message hold invalid UTF-8.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace reportfacts
