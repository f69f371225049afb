// The reportfacts gRPC server: loads the core's data, binds the port and
// serves reportfacts.v1.FactExtractor, grpc.health.v1.Health and (when
// enabled) server reflection.
//
//   ServerOptions options;
//   options.listen = "127.0.0.1:0";
//   absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
//   if (!server.ok()) return server.status();  // bad data or port in use
//   std::cout << "listening on " << (*server)->address() << "\n";
//   ...
//   (*server)->Shutdown(absl::Seconds(20));
#ifndef REPORTFACTS_SERVICE_SERVER_SERVER_H_
#define REPORTFACTS_SERVICE_SERVER_SERVER_H_

#include <memory>
#include <mutex>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "grpcpp/server.h"
#include "service/admission/backend.h"
#include "service/admission/extraction_service.h"
#include "service/admission/tokens.h"
#include "service/admission/worker_pool.h"
#include "service/metrics/metrics.h"
#include "service/server/fact_extractor_service.h"
#include "service/server/options.h"

namespace reportfacts {

// ValidateServerOptions refuses options no server can run with (sizes and
// times out of range), naming the flag; Server::Start calls it first.
absl::Status ValidateServerOptions(const ServerOptions& options);

// Server is a running server. Its methods are safe for concurrent use.
class Server {
 public:
  // Start loads the extractor from options.data_dir and starts serving.
  // Fails, without binding anything, when the data does not load (the
  // error names file:line); fails when the address cannot be bound (for
  // example when another process holds the port: port reuse is off).
  static absl::StatusOr<std::unique_ptr<Server>> Start(ServerOptions options);

  // Start with a given backend instead of loading the core; for tests.
  static absl::StatusOr<std::unique_ptr<Server>> Start(
      ServerOptions options, std::unique_ptr<ExtractionBackend> backend);

  // Shuts down at once if Shutdown was not called.
  ~Server();

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Port is the bound port (the chosen one when listen asked for port 0).
  int port() const { return port_; }

  // Address is host:port with the bound port, e.g. "127.0.0.1:40123".
  const std::string& address() const { return address_; }

  // HealthPort is the bound port of the health-only server, 0 without one.
  int health_port() const { return health_port_; }

  // Options returns the options with every default resolved.
  const ServerOptions& options() const { return options_; }

  // Shutdown marks every service NOT_SERVING, refuses new calls with
  // UNAVAILABLE, lets running calls finish for up to `drain` and then
  // cancels them, waits for the handlers, and stops the worker pool.
  // Idempotent: later calls wait for the first one to finish.
  void Shutdown(absl::Duration drain);

  // Metrics is where every call and document is counted; the HTTP side
  // serves it as GET /metrics.
  Metrics& metrics() { return *metrics_; }

  // Service is the transport-neutral ExtractionService behind the gRPC
  // FactExtractor; the HTTP side admits its calls and extracts through it
  // too, so both transports share admission, validation, pool, budgets
  // and counters.
  ExtractionService& service() { return *service_; }

  // Stats returns the service's counters (both transports).
  ServiceStats Stats() const { return service_->Stats(); }

  // InProcessChannel returns a channel to this server that bypasses the
  // network; for tests.
  std::shared_ptr<grpc::Channel> InProcessChannel();

 private:
  Server() = default;

  ServerOptions options_;
  std::unique_ptr<ExtractionBackend> backend_;
  // Declared before the pool and the service: both report into it.
  std::unique_ptr<Metrics> metrics_;
  std::unique_ptr<WorkerPool> pool_;
  // The token checker (null without tokens), which service_ applies to
  // every call of both transports.
  std::unique_ptr<TokenChecker> token_checker_;
  std::unique_ptr<ExtractionService> service_;
  // The gRPC face of service_.
  std::unique_ptr<FactExtractorService> grpc_service_;
  std::unique_ptr<grpc::Server> grpc_server_;
  // Plaintext health-only server on options.health_listen, or null.
  std::unique_ptr<grpc::Server> health_server_;
  // gRPC gives the default health service only to a server with a sync
  // service: an unimplemented FactExtractor plays that part.
  std::unique_ptr<v1::FactExtractor::Service> health_placeholder_;
  int health_port_ = 0;
  int port_ = 0;
  std::string address_;
  std::once_flag shutdown_once_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_SERVER_H_
