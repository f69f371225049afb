#include "client/rpc.h"

#include <arpa/inet.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/impl/client_unary_call.h"
#include "grpcpp/impl/codegen/proto_utils.h"
#include "grpcpp/impl/rpc_method.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/channel_arguments.h"
#include "grpcpp/support/client_interceptor.h"
#include "service/api/status.h"

namespace reportfacts::cli {

const char kServiceConfigJson[] = R"json({
  "loadBalancingConfig": [{"round_robin": {}}],
  "methodConfig": [{
    "name": [{"service": "reportfacts.v1.FactExtractor"}],
    "retryPolicy": {
      "maxAttempts": 4,
      "initialBackoff": "0.1s",
      "maxBackoff": "1s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE", "RESOURCE_EXHAUSTED"]
    }
  }],
  "retryThrottling": {"maxTokens": 10, "tokenRatio": 0.1}
})json";

namespace {

// Resolver schemes gRPC 1.51 registers; a target with one passes through.
constexpr absl::string_view kTargetSchemes[] = {
    "dns:", "ipv4:", "ipv6:", "unix:", "unix-abstract:", "xds:"};

// ListEntryFamily says whether "IP:port" is IPv4 (AF_INET), "[IP]:port"
// IPv6 (AF_INET6), or neither (0).
int ListEntryFamily(absl::string_view entry) {
  const size_t colon = entry.rfind(':');
  if (colon == absl::string_view::npos) return 0;
  int port = 0;
  if (!absl::SimpleAtoi(entry.substr(colon + 1), &port) || port <= 0 ||
      port > 65535) {
    return 0;
  }
  absl::string_view host = entry.substr(0, colon);
  int family = AF_INET;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
    family = AF_INET6;
  }
  unsigned char address[sizeof(in6_addr)];
  return inet_pton(family, std::string(host).c_str(), address) == 1 ? family
                                                                    : 0;
}

// SetScaleOutArguments applies kServiceConfigJson and lets a retry resend
// a request up to the server's default message cap (gRPC keeps only
// 256 KiB for retries unless told otherwise).
void SetScaleOutArguments(grpc::ChannelArguments& args) {
  args.SetServiceConfigJSON(kServiceConfigJson);
  args.SetInt(GRPC_ARG_PER_RPC_RETRY_BUFFER_SIZE, 16 << 20);
}

}  // namespace

absl::StatusOr<std::string> ChannelTarget(const std::string& server) {
  if (server.find(',') == std::string::npos) return server;
  for (absl::string_view scheme : kTargetSchemes) {
    if (absl::StartsWith(server, scheme)) return server;
  }
  std::vector<std::string> entries;
  int family = 0;
  for (absl::string_view entry : absl::StrSplit(server, ',')) {
    entry = absl::StripAsciiWhitespace(entry);
    const int entry_family = ListEntryFamily(entry);
    if (entry_family == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "\"", entry,
          "\" in --server is not IP:PORT or [IPv6]:PORT; a list takes IP "
          "addresses only (use dns:///NAME:PORT for a name with several "
          "addresses)"));
    }
    if (family != 0 && entry_family != family) {
      return absl::InvalidArgumentError(
          "--server mixes IPv4 and IPv6 addresses; list one family");
    }
    family = entry_family;
    entries.emplace_back(entry);
  }
  return absl::StrCat(family == AF_INET ? "ipv4:" : "ipv6:",
                      absl::StrJoin(entries, ","));
}

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& server) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  SetScaleOutArguments(args);
  return grpc::CreateCustomChannel(ChannelTarget(server).value_or(server),
                                   grpc::InsecureChannelCredentials(), args);
}

namespace {

// BearerTokenInterceptor adds the authorization header to every call. An
// interceptor rather than call credentials: gRPC refuses to send call
// credentials over a plaintext channel.
class BearerTokenInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit BearerTokenInterceptor(const std::string* header)
      : header_(header) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::
                PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->insert({"authorization", *header_});
    }
    methods->Proceed();
  }

 private:
  const std::string* header_;
};

class BearerTokenInterceptorFactory final
    : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit BearerTokenInterceptorFactory(const std::string& token)
      : header_(absl::StrCat("Bearer ", token)) {}

  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo* /*info*/) override {
    return new BearerTokenInterceptor(&header_);
  }

 private:
  const std::string header_;
};

absl::StatusOr<std::string> ReadFileNamed(const std::string& path,
                                          const std::string& flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read ", path, " (--", flag, ")"));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// FirstToken returns the first line that is neither blank nor a comment.
std::string FirstToken(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const absl::string_view token = absl::StripAsciiWhitespace(line);
    if (!token.empty() && token[0] != '#') return std::string(token);
  }
  return "";
}

}  // namespace

std::shared_ptr<grpc::Channel> MakeChannel(const std::string& server,
                                           const ChannelOptions& options) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  SetScaleOutArguments(args);
  const std::string target = ChannelTarget(server).value_or(server);
  std::shared_ptr<grpc::ChannelCredentials> credentials =
      grpc::InsecureChannelCredentials();
  if (!options.tls_ca.empty() || !options.tls_cert.empty()) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = options.tls_ca;
    ssl.pem_cert_chain = options.tls_cert;
    ssl.pem_private_key = options.tls_key;
    credentials = grpc::SslCredentials(ssl);
  }
  if (options.auth_token.empty()) {
    return grpc::CreateCustomChannel(target, credentials, args);
  }
  std::vector<
      std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(
      std::make_unique<BearerTokenInterceptorFactory>(options.auth_token));
  return grpc::experimental::CreateCustomChannelWithInterceptors(
      target, credentials, args, std::move(interceptors));
}

void AddChannelFlags(ArgParser& args) {
  args.AddFlag("tls_ca", "FILE", "",
               "PEM CA that signed the server's certificate; turns on TLS.");
  args.AddFlag("tls_cert", "FILE", "",
               "PEM client certificate for mutual TLS (with --tls_key).");
  args.AddFlag("tls_key", "FILE", "", "PEM private key of --tls_cert.");
  args.AddFlag("auth_token_file", "FILE", "",
               "File whose first line is the bearer token to send (default: "
               "the REPORTFACTS_AUTH_TOKEN environment variable).");
}

absl::StatusOr<ChannelOptions> ChannelOptionsFromArgs(const ArgParser& args) {
  ChannelOptions options;
  if (args.Get("tls_cert").empty() != args.Get("tls_key").empty()) {
    return absl::InvalidArgumentError("--tls_cert and --tls_key go together");
  }
  const std::pair<const char*, std::string*> pem_flags[] = {
      {"tls_ca", &options.tls_ca},
      {"tls_cert", &options.tls_cert},
      {"tls_key", &options.tls_key}};
  for (const auto& [flag, field] : pem_flags) {
    if (args.Get(flag).empty()) continue;
    absl::StatusOr<std::string> contents = ReadFileNamed(args.Get(flag), flag);
    if (!contents.ok()) return contents.status();
    *field = *std::move(contents);
  }
  if (!args.Get("auth_token_file").empty()) {
    absl::StatusOr<std::string> contents =
        ReadFileNamed(args.Get("auth_token_file"), "auth_token_file");
    if (!contents.ok()) return contents.status();
    options.auth_token = FirstToken(*contents);
    if (options.auth_token.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          args.Get("auth_token_file"), " (--auth_token_file) holds no token"));
    }
  } else if (const char* env = std::getenv(kAuthTokenEnv)) {
    options.auth_token = FirstToken(env);
  }
  return options;
}

std::shared_ptr<grpc::Channel> OpenChannel(const ArgParser& args,
                                           const std::string& command) {
  absl::StatusOr<ChannelOptions> options = ChannelOptionsFromArgs(args);
  if (!options.ok()) {
    std::cerr << "reportfacts " << command << ": " << options.status().message()
              << "\n";
    return nullptr;
  }
  if (absl::StatusOr<std::string> target = ChannelTarget(args.Get("server"));
      !target.ok()) {
    std::cerr << "reportfacts " << command << ": " << target.status().message()
              << "\n";
    return nullptr;
  }
  return MakeChannel(args.Get("server"), *options);
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
      return absl::StrCat(detail, " (the server is busy; retry later)");
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

grpc::Status ExtractWire(const std::shared_ptr<grpc::Channel>& channel,
                         grpc::ClientContext* context,
                         const v1::ExtractRequest& request,
                         std::string* response) {
  // The generated stub's call with a ByteBuffer for the answer: the same
  // method, channel (its service config and retries) and context.
  const grpc::internal::RpcMethod method(
      "/reportfacts.v1.FactExtractor/Extract",
      grpc::internal::RpcMethod::NORMAL_RPC, channel);
  grpc::ByteBuffer answer;
  const grpc::Status status =
      grpc::internal::BlockingUnaryCall<v1::ExtractRequest, grpc::ByteBuffer,
                                        google::protobuf::MessageLite,
                                        grpc::ByteBuffer>(
          channel.get(), method, context, request, &answer);
  response->clear();
  if (!status.ok()) return status;
  std::vector<grpc::Slice> slices;
  if (!answer.Dump(&slices).ok()) return status;
  response->reserve(answer.Length());
  for (const grpc::Slice& slice : slices) {
    response->append(reinterpret_cast<const char*>(slice.begin()),
                     slice.size());
  }
  return status;
}

}  // namespace reportfacts::cli
