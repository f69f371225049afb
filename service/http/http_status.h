// How the HTTP side reports a status: the HTTP status for a gRPC-style
// code, and the JSON error body.
//
//   response.status = HttpStatusFor(status.code());
//   response.set_content(ErrorBody(response.status, status), kJsonType);
#ifndef REPORTFACTS_SERVICE_HTTP_HTTP_STATUS_H_
#define REPORTFACTS_SERVICE_HTTP_HTTP_STATUS_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace reportfacts {

// kJsonType is the Content-Type of every JSON response.
inline constexpr char kJsonType[] = "application/json; charset=utf-8";

// HttpStatusFor maps a status code to the HTTP status of the same meaning
// (the mapping of google.rpc.Code): INVALID_ARGUMENT 400, UNAUTHENTICATED
// 401, PERMISSION_DENIED 403, NOT_FOUND 404, RESOURCE_EXHAUSTED 429,
// CANCELLED 499, UNIMPLEMENTED 501, UNAVAILABLE 503, DEADLINE_EXCEEDED 504,
// INTERNAL and unknown codes 500, ...
int HttpStatusFor(absl::StatusCode code);

// ErrorBody is the JSON body of a failed request:
//   {"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "..."}}
// `status` names the gRPC-style code; the message is cut to a bounded
// length.
std::string ErrorBody(int http_status, const absl::Status& status);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_HTTP_HTTP_STATUS_H_
