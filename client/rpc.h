// Talking to reportfacts-server: channels, deadlines, and turning a failed
// call into a message a person can act on and an exit code.
#ifndef REPORTFACTS_CLIENT_RPC_H_
#define REPORTFACTS_CLIENT_RPC_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"

namespace reportfacts::cli {

// Exit codes of the `reportfacts` command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;       // extraction or status error
inline constexpr int kExitUsage = 2;        // bad flags or unreadable input
inline constexpr int kExitUnreachable = 3;  // no server at the address

// kDefaultServer is where the commands look for the server.
inline constexpr char kDefaultServer[] = "127.0.0.1:50051";

// MakeChannel opens an insecure channel to host:port that accepts large
// responses (a big report yields many facts).
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& server);

// SetTimeout gives a call a deadline `timeout_ms` from now.
void SetTimeout(grpc::ClientContext& context, int64_t timeout_ms);

// Describe explains a failed call: the status code name, the server's
// message, and what to do about it.
std::string Describe(const grpc::Status& status, const std::string& server);

// ExitCodeFor maps a failed call to kExitUnreachable or kExitFailed.
int ExitCodeFor(const grpc::Status& status);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_RPC_H_
