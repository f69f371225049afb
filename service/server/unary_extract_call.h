// The unary Extract call on gRPC's callback API.
//
// The handler admits the call and queues its document; the worker that
// extracts the document also finishes the call, so no gRPC thread sleeps
// while a document waits. A small document (kRunHereMaxBytes) that a free
// worker would start at once runs on the handler's thread instead, taking
// that worker's place: the handoff to a worker and back would cost more
// than a millisecond of extraction. A cancel (the caller went away, or its
// deadline passed) answers at once and stops the work. The answer is
// encoded straight from the core's facts (service/api/response_wire.h).
#ifndef REPORTFACTS_SERVICE_SERVER_UNARY_EXTRACT_CALL_H_
#define REPORTFACTS_SERVICE_SERVER_UNARY_EXTRACT_CALL_H_

#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"
#include "reportfacts/v1/fact_extractor.pb.h"
#include "service/admission/extraction_service.h"

namespace reportfacts {

// StartUnaryExtractCall serves one Extract call. When `service` admits
// the call, the call stays admitted until its status has been sent.
grpc::ServerUnaryReactor* StartUnaryExtractCall(
    ExtractionService& service, grpc::CallbackServerContext* context,
    const grpc::ByteBuffer* request, grpc::ByteBuffer* response);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_UNARY_EXTRACT_CALL_H_
