// The gRPC face of reportfacts.v1.FactExtractor: reactors on gRPC's
// callback API that turn each call into the transport-neutral
// ExtractionService's terms (service/admission) and its answers back into
// gRPC's. Admission, validation, budgets, the worker pool and the counters
// are the service's; this adapter only decodes, encodes and maps statuses.
//
//   ExtractionService service(*backend, pool, extraction_options, ...);
//   FactExtractorService grpc_service(service, stream_in_flight);
//   builder.RegisterService(&grpc_service);
#ifndef REPORTFACTS_SERVICE_SERVER_FACT_EXTRACTOR_SERVICE_H_
#define REPORTFACTS_SERVICE_SERVER_FACT_EXTRACTOR_SERVICE_H_

#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"
#include "service/admission/extraction_service.h"

namespace reportfacts {

// Extract and ExtractStream take and give raw bytes (see wire.h): the
// adapter decodes requests itself so that a malformed one gets
// INVALID_ARGUMENT.
using FactExtractorBase = v1::FactExtractor::WithRawCallbackMethod_Extract<
    v1::FactExtractor::WithRawCallbackMethod_ExtractStream<
        v1::FactExtractor::WithCallbackMethod_ListIndicators<
            v1::FactExtractor::Service>>>;

// FactExtractorService is safe for concurrent use, as gRPC requires. A
// document is handed to the worker pool and the worker that extracts it
// also passes the answer on to be sent, so no gRPC thread waits on a
// worker.
class FactExtractorService final : public FactExtractorBase {
 public:
  // `service` must outlive this adapter. `stream_in_flight` (> 0) bounds
  // the documents one ExtractStream has read and not yet answered.
  FactExtractorService(ExtractionService& service, int stream_in_flight);

  // CallerDeadline is a call's deadline, absl::InfiniteFuture() if none.
  static absl::Time CallerDeadline(const grpc::ServerContextBase& context);

  grpc::ServerUnaryReactor* Extract(grpc::CallbackServerContext* context,
                                    const grpc::ByteBuffer* request,
                                    grpc::ByteBuffer* response) override;

  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* ExtractStream(
      grpc::CallbackServerContext* context) override;

  grpc::ServerUnaryReactor* ListIndicators(
      grpc::CallbackServerContext* context,
      const v1::ListIndicatorsRequest* request,
      v1::ListIndicatorsResponse* response) override;

 private:
  ExtractionService& service_;
  const int stream_in_flight_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_FACT_EXTRACTOR_SERVICE_H_
