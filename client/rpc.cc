#include "client/rpc.h"

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"
#include "service/server/status.h"

namespace reportfacts::cli {

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& server) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  return grpc::CreateCustomChannel(server, grpc::InsecureChannelCredentials(),
                                   args);
}

void SetTimeout(grpc::ClientContext& context, int64_t timeout_ms) {
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(timeout_ms));
}

std::string Describe(const grpc::Status& status, const std::string& server) {
  const std::string code(StatusCodeName(status.error_code()));
  const std::string detail =
      status.error_message().empty()
          ? code
          : absl::StrCat(code, ": ", status.error_message());
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return absl::StrCat("cannot reach server at ", server,
                          ": is reportfacts-server running? (", detail, ")");
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return absl::StrCat(detail,
                          " (the server did not answer in time; raise "
                          "--timeout_ms or check the server's load)");
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return absl::StrCat(detail, " (retry later, or send a smaller document)");
    case grpc::StatusCode::UNIMPLEMENTED:
      return absl::StrCat(detail, " (is ", server,
                          " a reportfacts-server? check --server)");
    default:
      return detail;
  }
}

int ExitCodeFor(const grpc::Status& status) {
  return status.error_code() == grpc::StatusCode::UNAVAILABLE ? kExitUnreachable
                                                              : kExitFailed;
}

}  // namespace reportfacts::cli
