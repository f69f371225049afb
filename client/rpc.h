// Talking to reportfacts-server: channels, deadlines, and turning a failed
// call into a message a person can act on and an exit code.
#ifndef REPORTFACTS_CLIENT_RPC_H_
#define REPORTFACTS_CLIENT_RPC_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "client/args.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"
#include "reportfacts/v1/fact_extractor.pb.h"

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

// ChannelTarget turns a --server value into a gRPC channel target:
//   host:port, dns:///name:port (every address of the name, as behind a
//   headless Service), ipv4:..., ipv6:..., unix:... pass through;
//   a comma-separated list of IP:port ("127.0.0.1:1,127.0.0.1:2" or
//   "[::1]:1,[::1]:2") becomes an ipv4: or ipv6: target.
// A list holding a host name, a bad port or both IP families is an error
// that says what to write instead.
absl::StatusOr<std::string> ChannelTarget(const std::string& server);

// kServiceConfigJson is every channel's gRPC service config: round_robin
// over all the addresses the target resolves to, and FactExtractor calls
// retried on UNAVAILABLE and RESOURCE_EXHAUSTED with exponential backoff
// (throttled, so an overloaded fleet is not hit by a retry storm). Health
// checks are not retried: a probe reports what it sees.
extern const char kServiceConfigJson[];

// kAuthTokenEnv names the environment variable holding the bearer token to
// send when --auth_token_file is not given.
inline constexpr char kAuthTokenEnv[] = "REPORTFACTS_AUTH_TOKEN";

// ChannelOptions secure a channel. All empty: plaintext, no token.
struct ChannelOptions {
  // PEM contents (not paths). Any of them set turns on TLS; an empty
  // tls_ca then means the system's root CAs.
  std::string tls_ca;
  std::string tls_cert;  // client certificate, for mutual TLS
  std::string tls_key;   // its private key
  // Sent as "authorization: Bearer <token>" on every call. Empty: none.
  std::string auth_token;
};

// MakeChannel opens a channel to host:port with TLS and a token as
// `options` say.
std::shared_ptr<grpc::Channel> MakeChannel(const std::string& server,
                                           const ChannelOptions& options);

// AddChannelFlags declares --tls_ca, --tls_cert, --tls_key and
// --auth_token_file on a subcommand.
void AddChannelFlags(ArgParser& args);

// ChannelOptionsFromArgs reads the files those flags name (and the token
// from REPORTFACTS_AUTH_TOKEN when no file is given); the error names the
// unreadable file or the half-given pair.
absl::StatusOr<ChannelOptions> ChannelOptionsFromArgs(const ArgParser& args);

// OpenChannel is MakeChannel(--server, ChannelOptionsFromArgs(args)); on a
// bad flag it prints "reportfacts COMMAND: why" to stderr and returns null
// (exit with kExitUsage).
std::shared_ptr<grpc::Channel> OpenChannel(const ArgParser& args,
                                           const std::string& command);

// SetTimeout gives a call a deadline `timeout_ms` from now.
void SetTimeout(grpc::ClientContext& context, int64_t timeout_ms);

// Describe explains a failed call: the status code name, the server's
// message, and what to do about it.
std::string Describe(const grpc::Status& status, const std::string& server);

// ExitCodeFor maps a failed call to kExitUnreachable or kExitFailed.
int ExitCodeFor(const grpc::Status& status);

// ExtractWire calls FactExtractor.Extract on `channel` and leaves the
// answer as its protobuf wire bytes in `response`, for a printer that
// reads them without building the message (AppendWireResponseJson): a
// large document's answer costs as much to parse as to print.
grpc::Status ExtractWire(const std::shared_ptr<grpc::Channel>& channel,
                         grpc::ClientContext* context,
                         const v1::ExtractRequest& request,
                         std::string* response);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_RPC_H_
