// The HTTP side of reportfacts-server, on its own port (cpp-httplib):
//
//   POST /v1/extract  ExtractRequest in, ExtractResponse out, both in the
//                     proto3 JSON mapping (Document.text is bytes, so it is
//                     base64). A body sent as text/plain is taken as the
//                     document text itself, with ?id= and ?reference_date=.
//                     Header X-Timeout-Ms sets the time budget.
//   GET /metrics      Prometheus text format (see service/server/metrics.h)
//   GET /healthz      200 {"status":"SERVING"}, 503 once shutting down
//
// Extraction goes through FactExtractorService::ExtractDocument: the same
// validation, worker pool and deadlines as the gRPC Extract call.
//
//   HttpOptions options;
//   options.listen = "127.0.0.1:0";
//   auto http = HttpServer::Start(options, server->service(),
//                                 server->metrics());
//   std::cout << "http listening on " << (*http)->address() << "\n";
//   ...
//   (*http)->Shutdown(absl::Seconds(20));  // before the gRPC server's
#ifndef REPORTFACTS_SERVICE_HTTP_HTTP_SERVER_H_
#define REPORTFACTS_SERVICE_HTTP_HTTP_SERVER_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/server/auth.h"
#include "service/server/fact_extractor_service.h"
#include "service/server/metrics.h"

namespace httplib {
class Server;
}

namespace reportfacts {

// HttpOptions configures HttpServer::Start.
struct HttpOptions {
  // Address to bind, host:port ("[::1]:8080" for IPv6). Port 0 picks a free
  // port; HttpServer::port() then tells which.
  std::string listen = "0.0.0.0:8080";

  // Largest request body; a larger one gets 413 before it is read. 0: room
  // for the largest document the service accepts, base64-encoded, plus
  // JSON framing.
  size_t max_body_bytes = 0;

  // Threads that read requests and wait for extraction results.
  int threads = 16;

  // Accepted bearer tokens; when any is given, POST /v1/extract needs
  // "Authorization: Bearer <token>" (401 otherwise). /healthz and /metrics
  // stay open, like gRPC health, for probes and scrapers.
  std::vector<std::string> auth_tokens;
};

// HttpServer is a running HTTP side. Its methods are safe for concurrent
// use.
class HttpServer {
 public:
  // Start binds options.listen and serves in the background. `service`
  // and `metrics` must outlive the HttpServer.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(
      const HttpOptions& options, FactExtractorService& service,
      Metrics& metrics);

  // Shuts down at once if Shutdown was not called.
  ~HttpServer();

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // port is the bound port.
  int port() const { return port_; }

  // address is host:port with the bound port.
  const std::string& address() const { return address_; }

  // max_body_bytes is the resolved body limit.
  size_t max_body_bytes() const { return max_body_bytes_; }

  // Shutdown turns /healthz to 503, closes the port, lets running requests
  // finish for up to `drain` and then answers those still waiting with
  // 503, and joins the threads. Idempotent.
  void Shutdown(absl::Duration drain);

 private:
  HttpServer(FactExtractorService& service, Metrics& metrics);
  void Route();

  FactExtractorService& service_;
  Metrics& metrics_;
  std::unique_ptr<httplib::Server> http_;
  std::thread listener_;
  int port_ = 0;
  std::string address_;
  size_t max_body_bytes_ = 0;
  std::optional<TokenChecker> tokens_;  // set when tokens are required
  std::atomic<bool> serving_{true};
  // Set when the drain time is over: waiting requests give up.
  std::atomic<bool> cancel_all_{false};
  std::once_flag shutdown_once_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_HTTP_HTTP_SERVER_H_
