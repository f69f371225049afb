#include "service/server/server.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/impl/server_builder_option.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_builder.h"
#include "service/core/data_dir.h"
#include "service/server/credentials.h"
#include "service/server/metrics_interceptor.h"
#include "service/server/reflection_gate.h"
#include "spdlog/spdlog.h"

namespace reportfacts {
namespace {

// ReflectionOption adds the reflection plugin to one server, or removes it
// when linking the reflection library already registered it globally, so
// that --enable_reflection decides for each server.
class ReflectionOption final : public grpc::ServerBuilderOption {
 public:
  explicit ReflectionOption(bool enable) : enable_(enable) {}

  void UpdateArguments(grpc::ChannelArguments* /*args*/) override {}

  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>*
                         plugins) override {
    const std::string name =
        grpc::reflection::ProtoServerReflectionPlugin().name();
    plugins->erase(std::remove_if(plugins->begin(), plugins->end(),
                                  [&name](const auto& plugin) {
                                    return plugin->name() == name;
                                  }),
                   plugins->end());
    if (enable_) {
      plugins->push_back(
          std::make_unique<grpc::reflection::ProtoServerReflectionPlugin>());
    }
  }

 private:
  const bool enable_;
};

// ResolveDefaults fills every "0 / empty means default" option.
void ResolveDefaults(ServerOptions& options) {
  if (options.workers <= 0) {
    options.workers =
        std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }
  if (options.queue_capacity <= 0) options.queue_capacity = 4 * options.workers;
  if (options.stream_in_flight <= 0) {
    options.stream_in_flight = 2 * options.workers;
  }
  if (options.data_dir.empty()) options.data_dir = DefaultDataDir();
}

// HostOf returns the host part of host:port ("[::1]" for "[::1]:50051").
absl::StatusOr<std::string> HostOf(const std::string& listen) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "listen address \"", listen, "\" is not of the form host:port"));
  }
  return listen.substr(0, colon);
}

// AddPoolGauges exposes the worker pool's state as metrics.
void AddPoolGauges(Metrics& metrics, const WorkerPool& pool) {
  metrics.AddGauge("reportfacts_queue_depth", "Documents waiting for a worker.",
                   [&pool] { return pool.queued(); });
  metrics.AddGauge("reportfacts_extractions_in_flight",
                   "Documents being extracted by a worker now.",
                   [&pool] { return pool.running(); });
  metrics.AddGauge("reportfacts_workers", "Extraction threads.",
                   [&pool] { return pool.workers(); });
  metrics.AddGauge("reportfacts_queue_capacity",
                   "Documents that may wait for a worker.",
                   [&pool] { return pool.queue_capacity(); });
}

}  // namespace

absl::Status ValidateServerOptions(const ServerOptions& options) {
  if (options.max_doc_bytes <= 0) {
    return absl::InvalidArgumentError("--max_doc_bytes must be positive");
  }
  if (options.max_message_bytes <= 0) {
    return absl::InvalidArgumentError("--max_message_bytes must be positive");
  }
  if (options.max_facts_per_doc < 0) {
    return absl::InvalidArgumentError(
        "--max_facts_per_doc must not be negative (0: derived from the "
        "text size)");
  }
  if (options.document_threads < 1 || options.document_threads > 2) {
    return absl::InvalidArgumentError(
        "--document_threads must be 1 or 2 (a document's scans run on at "
        "most one thread beside its worker)");
  }
  if (options.default_deadline <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--default_deadline_ms must be positive");
  }
  if (options.drain < absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--drain_seconds must not be negative");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Server>> Server::Start(ServerOptions options) {
  if (absl::Status valid = ValidateServerOptions(options); !valid.ok()) {
    return valid;  // before the data is loaded
  }
  ResolveDefaults(options);
  absl::StatusOr<std::unique_ptr<ExtractionBackend>> backend =
      LoadExtractorBackend(options.data_dir, options.taxonomy);
  if (!backend.ok()) {
    return absl::Status(backend.status().code(),
                        absl::StrCat("cannot load data from ", options.data_dir,
                                     ": ", backend.status().message()));
  }
  return Start(std::move(options), *std::move(backend));
}

absl::StatusOr<std::unique_ptr<Server>> Server::Start(
    ServerOptions options, std::unique_ptr<ExtractionBackend> backend) {
  if (absl::Status valid = ValidateServerOptions(options); !valid.ok()) {
    return valid;
  }
  ResolveDefaults(options);
  absl::StatusOr<std::string> host = HostOf(options.listen);
  if (!host.ok()) return host.status();

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      MakeServerCredentials(
          {options.tls_cert, options.tls_key, options.tls_client_ca});
  if (!credentials.ok()) return credentials.status();

  std::unique_ptr<Server> server(new Server());
  server->options_ = options;
  server->backend_ = std::move(backend);
  server->metrics_ = std::make_unique<Metrics>();
  server->pool_ =
      std::make_unique<WorkerPool>(options.workers, options.queue_capacity);
  if (!options.auth_tokens.empty()) {
    // Only the checker keeps the tokens.
    server->token_checker_ =
        std::make_unique<TokenChecker>(std::move(server->options_.auth_tokens));
    server->options_.auth_tokens.clear();
  }
  ExtractionOptions extraction;
  extraction.max_doc_bytes = options.max_doc_bytes;
  extraction.max_facts_per_doc = options.max_facts_per_doc;
  extraction.document_threads = options.document_threads;
  extraction.default_deadline = options.default_deadline;
  extraction.log_text = options.log_text;
  server->service_ = std::make_unique<ExtractionService>(
      *server->backend_, *server->pool_, extraction, server->metrics_.get(),
      server->token_checker_.get());
  server->grpc_service_ = std::make_unique<FactExtractorService>(
      *server->service_, options.stream_in_flight);
  AddPoolGauges(*server->metrics_, *server->pool_);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, *credentials, &server->port_);
  // Off: with SO_REUSEPORT a second server would share the port silently.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.SetOption(
      std::make_unique<ReflectionOption>(options.enable_reflection));
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(MetricsInterceptorFactory(*server->metrics_));
  if (server->token_checker_ != nullptr && options.enable_reflection) {
    interceptors.push_back(ReflectionGateFactory(*server->token_checker_));
  }
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  builder.RegisterService(server->grpc_service_.get());
  server->grpc_server_ = builder.BuildAndStart();
  if (server->grpc_server_ == nullptr || server->port_ == 0) {
    if (server->grpc_server_ != nullptr) {
      server->grpc_server_->Shutdown();
      server->grpc_server_->Wait();
    }
    server->grpc_server_.reset();
    server->pool_->Stop();
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen,
                     ": the address is invalid or already in use (is another "
                     "reportfacts-server running?)"));
  }
  server->address_ = absl::StrCat(*host, ":", server->port_);

  if (!options.health_listen.empty()) {
    // Probes cannot speak TLS: a plaintext server with the health service
    // alone (EnableDefaultHealthCheckService gives every server one).
    grpc::ServerBuilder health_builder;
    health_builder.AddListeningPort(options.health_listen,
                                    grpc::InsecureServerCredentials(),
                                    &server->health_port_);
    health_builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    health_builder.SetMaxReceiveMessageSize(4096);
    health_builder.SetOption(std::make_unique<ReflectionOption>(false));
    server->health_placeholder_ =
        std::make_unique<v1::FactExtractor::Service>();
    health_builder.RegisterService(server->health_placeholder_.get());
    server->health_server_ = health_builder.BuildAndStart();
    if (server->health_server_ == nullptr || server->health_port_ == 0) {
      server->health_server_.reset();
      server->health_port_ = 0;
      server->Shutdown(absl::ZeroDuration());
      return absl::UnavailableError(absl::StrCat(
          "cannot listen on ", options.health_listen,
          " (--health_listen): the address is invalid or already in use"));
    }
  }

  grpc::HealthCheckServiceInterface* health =
      server->grpc_server_->GetHealthCheckService();
  health->SetServingStatus("", true);
  health->SetServingStatus(v1::FactExtractor::service_full_name(), true);
  if (server->health_server_ != nullptr) {
    grpc::HealthCheckServiceInterface* probe_health =
        server->health_server_->GetHealthCheckService();
    probe_health->SetServingStatus("", true);
    probe_health->SetServingStatus(v1::FactExtractor::service_full_name(),
                                   true);
  }
  spdlog::info(
      "reportfacts-server serving on {} ({} workers, queue {}, data {}, "
      "reflection {}, {}, {})",
      server->address_, options.workers, options.queue_capacity,
      options.data_dir, options.enable_reflection ? "on" : "off",
      options.tls_cert.empty()        ? "plaintext"
      : options.tls_client_ca.empty() ? "TLS"
                                      : "mutual TLS",
      server->token_checker_ != nullptr
          ? absl::StrCat(server->token_checker_->TokenCount(),
                         " bearer token(s)")
          : std::string("no token auth"));
  if (server->token_checker_ != nullptr && options.tls_cert.empty()) {
    spdlog::warn(
        "bearer tokens are checked on a plaintext port: anyone on the path "
        "can read them; serve TLS (--tls_cert, --tls_key) or keep the port "
        "on a private network");
  }
  if (server->health_server_ != nullptr) {
    spdlog::info("health checks also on plaintext port {}",
                 server->health_port_);
  }
  return server;
}

Server::~Server() { Shutdown(absl::ZeroDuration()); }

void Server::Shutdown(absl::Duration drain) {
  std::call_once(shutdown_once_, [this, drain] {
    if (health_server_ != nullptr) {
      // Probes see NOT_SERVING for the whole drain; the probe server stops
      // once the main one has.
      health_server_->GetHealthCheckService()->SetServingStatus(false);
    }
    if (grpc_server_ != nullptr) {
      if (grpc::HealthCheckServiceInterface* health =
              grpc_server_->GetHealthCheckService()) {
        health->SetServingStatus(false);
      }
      const absl::Time deadline = absl::Now() + drain;
      // Refuse new calls with UNAVAILABLE (retryable) and let admitted ones
      // finish before gRPC's Shutdown, which would cancel calls it has
      // taken in but not yet handed to a handler. A gRPC call stays
      // admitted until OnDone, once its status has been sent; an HTTP one
      // until its response is written.
      service_->StartDraining();
      service_->WaitIdle(deadline);
      grpc_server_->Shutdown(absl::ToChronoTime(deadline));
      grpc_server_->Wait();
    }
    if (health_server_ != nullptr) {
      health_server_->Shutdown(std::chrono::system_clock::now());
      health_server_->Wait();
    }
    if (pool_ != nullptr) pool_->Stop();
  });
}

std::shared_ptr<grpc::Channel> Server::InProcessChannel() {
  return grpc_server_->InProcessChannel(grpc::ChannelArguments());
}

}  // namespace reportfacts
