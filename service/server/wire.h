// Reading requests from, and writing responses to, gRPC's raw bytes.
//
// Extract and ExtractStream take their messages as bytes (raw callback
// methods) so that the service, not libprotobuf, decides what a bad
// request gets: a message that is not protobuf at all ends the call with
// INVALID_ARGUMENT instead of a bare INTERNAL (unary) or a silent end of
// the stream, and a `string` field holding invalid UTF-8 (Document.id,
// reference_date) reaches ValidateDocument, which names the byte, instead
// of failing in the parser with an ERROR line in the log per call.
//
//   v1::ExtractRequest request;
//   if (absl::Status s = DecodeExtractRequest(buffer, &request); !s.ok())
//     return ToGrpcStatus(s);  // INVALID_ARGUMENT
#ifndef REPORTFACTS_SERVICE_SERVER_WIRE_H_
#define REPORTFACTS_SERVICE_SERVER_WIRE_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "grpcpp/support/byte_buffer.h"
#include "reportfacts/v1/fact_extractor.pb.h"
#include "service/api/response_wire.h"

namespace reportfacts {

// DecodeExtractRequest parses the protobuf wire bytes of an ExtractRequest
// into `request` without checking that string fields are UTF-8 (the
// caller validates them). Unknown fields are skipped, as the generated
// parser does. INVALID_ARGUMENT when the bytes are not such a message.
absl::Status DecodeExtractRequest(std::string_view bytes,
                                  v1::ExtractRequest* request);
absl::Status DecodeExtractRequest(const grpc::ByteBuffer& buffer,
                                  v1::ExtractRequest* request);

// EncodeExtractResponse serializes `response` into `buffer`.
void EncodeExtractResponse(const v1::ExtractResponse& response,
                           grpc::ByteBuffer* buffer);

// The same for an answer encoded straight from the core's facts.
void EncodeExtractResponse(const EncodedResponse& response,
                           grpc::ByteBuffer* buffer);

// ToValidUtf8 returns `bytes` with every byte that does not start a
// well-formed UTF-8 sequence replaced by U+FFFD, so that an invalid
// document id can still be echoed in a `string` field.
std::string ToValidUtf8(std::string_view bytes);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_WIRE_H_
