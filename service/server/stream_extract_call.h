// The ExtractStream call on gRPC's callback API.
//
// Documents are read one at a time while fewer than the stream's window
// are unanswered; each is queued on the worker pool (parked when the
// queue is full, which stops the reading and lets HTTP/2 flow control slow
// the sender), and each answer is written as soon as it is ready, so
// answers may come out of order. Only one read and one write are ever
// outstanding, as gRPC requires. A message that is not an ExtractRequest
// stops the reading: the documents already read are answered, then the
// stream ends with INVALID_ARGUMENT naming the message's position.
#ifndef REPORTFACTS_SERVICE_SERVER_STREAM_EXTRACT_CALL_H_
#define REPORTFACTS_SERVICE_SERVER_STREAM_EXTRACT_CALL_H_

#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"
#include "reportfacts/v1/fact_extractor.pb.h"
#include "service/admission/extraction_service.h"

namespace reportfacts {

// StartStreamExtractCall serves one ExtractStream call with at most
// `window` (> 0) documents read and not yet answered. When `service`
// admits the call, the call stays admitted until its status is sent.
grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
StartStreamExtractCall(ExtractionService& service,
                       grpc::CallbackServerContext* context, int window);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_STREAM_EXTRACT_CALL_H_
