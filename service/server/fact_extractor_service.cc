#include "service/server/fact_extractor_service.h"

#include <chrono>
#include <utility>

#include "service/api/status.h"
#include "service/server/auth.h"
#include "service/server/stream_extract_call.h"
#include "service/server/unary_extract_call.h"

namespace reportfacts {
namespace {

// TicketHoldingReactor answers a unary call with `status` and keeps the
// call admitted until the status has been sent.
class TicketHoldingReactor final : public grpc::ServerUnaryReactor {
 public:
  TicketHoldingReactor(Admission::Ticket ticket, grpc::Status status)
      : ticket_(std::move(ticket)) {
    Finish(std::move(status));
  }
  void OnDone() override { delete this; }

 private:
  Admission::Ticket ticket_;
};

}  // namespace

FactExtractorService::FactExtractorService(ExtractionService& service,
                                           int stream_in_flight)
    : service_(service),
      stream_in_flight_(stream_in_flight > 0 ? stream_in_flight : 1) {}

absl::Time FactExtractorService::CallerDeadline(
    const grpc::ServerContextBase& context) {
  const std::chrono::system_clock::time_point deadline = context.deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) {
    return absl::InfiniteFuture();
  }
  return absl::FromChrono(deadline);
}

grpc::ServerUnaryReactor* FactExtractorService::Extract(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return StartUnaryExtractCall(service_, context, request, response);
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
FactExtractorService::ExtractStream(grpc::CallbackServerContext* context) {
  return StartStreamExtractCall(service_, context, stream_in_flight_);
}

grpc::ServerUnaryReactor* FactExtractorService::ListIndicators(
    grpc::CallbackServerContext* context,
    const v1::ListIndicatorsRequest* /*request*/,
    v1::ListIndicatorsResponse* response) {
  absl::StatusOr<Admission::Ticket> ticket =
      service_.Admit(GrpcCallInfo(*context, "ListIndicators"));
  if (!ticket.ok()) {
    grpc::ServerUnaryReactor* refusal = context->DefaultReactor();
    refusal->Finish(ToGrpcStatus(ticket.status()));
    return refusal;
  }
  for (const Extractor::IndicatorInfo& info : service_.backend().Indicators()) {
    v1::Indicator* indicator = response->add_indicators();
    indicator->set_id(info.id);
    indicator->set_description(info.description);
  }
  return new TicketHoldingReactor(*std::move(ticket), grpc::Status::OK);
}

}  // namespace reportfacts
