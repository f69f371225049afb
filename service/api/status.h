// Mapping between absl::Status and grpc::Status.
//
// Abseil's status codes are gRPC's codes with the same numbers, so the
// mapping keeps the code and only bounds the message: a status message
// travels in an HTTP/2 header and must stay short.
//
//   return reportfacts::ToGrpcStatus(result.status());
#ifndef REPORTFACTS_SERVICE_API_STATUS_H_
#define REPORTFACTS_SERVICE_API_STATUS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace reportfacts {

// kMaxStatusMessageBytes bounds every status message the service sends.
inline constexpr size_t kMaxStatusMessageBytes = 1024;

// TruncateMessage cuts `message` to at most `max_bytes` bytes without
// splitting a UTF-8 sequence, marking a cut with a trailing "...".
std::string TruncateMessage(std::string_view message, size_t max_bytes);

// MessageOf returns a status message as a std::string_view (Debian's
// Abseil has its own string_view type).
inline std::string_view MessageOf(const absl::Status& status) {
  return std::string_view(status.message().data(), status.message().size());
}

// ToGrpcStatus converts a status, keeping the code and cutting the message
// to kMaxStatusMessageBytes.
grpc::Status ToGrpcStatus(const absl::Status& status);

// ToAbslStatus converts back, for clients that hand results to code
// written against absl::Status.
absl::Status ToAbslStatus(const grpc::Status& status);

// StatusCodeName spells a gRPC code the way the gRPC docs do:
// "INVALID_ARGUMENT", "UNAVAILABLE", ...
std::string_view StatusCodeName(grpc::StatusCode code);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_API_STATUS_H_
