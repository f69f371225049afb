// The HTTP side of reportfacts-server, on its own port (libmicrohttpd):
//
//   POST /v1/extract  ExtractRequest in, ExtractResponse out, both in the
//                     proto3 JSON mapping (Document.text is bytes, so it is
//                     base64). A body sent as text/plain is taken as the
//                     document text itself, with ?id= and ?reference_date=.
//                     Header X-Timeout-Ms sets the time budget.
//   GET /metrics      Prometheus text format (see service/metrics/metrics.h)
//   GET /healthz      200 {"status":"SERVING"}, 503 once shutting down
//
// Extraction goes through ExtractionService (service/admission): the same
// admission (bearer tokens, drain), validation, worker pool, budgets and
// counters as the gRPC calls. /healthz and /metrics need no token.
//
// One event thread (epoll) reads every connection and answers /healthz
// and /metrics at once, so slow or idle clients cannot starve them. A
// POST /v1/extract is read whole (its body up to max_body_bytes), then its
// connection is suspended while one of `threads` waiters parses it and
// waits for the extraction, and resumed with the response. A connection
// has `request_timeout` to deliver each request and again to take each
// response, however slowly it trickles bytes, `idle_timeout` of silence
// at most, and a request at most 100 header fields in 32 KiB (431).
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
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/admission/extraction_service.h"
#include "service/http/web_assets.h"
#include "service/metrics/metrics.h"

struct MHD_Connection;
struct MHD_Daemon;

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

  // Request bodies held at once over all connections, in bytes; a body
  // that would go over is read to its end, dropped and answered 503. 0:
  // 4 × max_body_bytes.
  size_t max_buffered_bytes = 0;

  // Threads that wait for extraction results, one per POST /v1/extract
  // being extracted (more wait in line). Reading requests, /healthz and
  // /metrics need none: one event thread serves every connection.
  int threads = 16;

  // Open connections at most; more are closed as they arrive.
  int max_connections = 512;

  // A connection that sends or takes nothing for this long is closed
  // (idle keep-alive connections too). Whole seconds, at least 1.
  absl::Duration idle_timeout = absl::Seconds(10);

  // A connection must deliver each request (from its first byte, or from
  // the end of the previous response, to the end of the body) within this
  // time, and take each response within it again; else it is closed. This
  // is what stops clients that trickle a byte now and then.
  absl::Duration request_timeout = absl::Seconds(30);

  // Folder of the analysts' page (index.html, app.js, style.css), served
  // at / and /web/...; empty: no page (GET / is 404).
  std::string web_dir;
};

// HttpServer is a running HTTP side. Its methods are safe for concurrent
// use.
class HttpServer {
 public:
  // Start binds options.listen and serves in the background. `service`
  // and `metrics` must outlive the HttpServer. POST /v1/extract needs a
  // bearer token when the service has tokens (ServerOptions::auth_tokens):
  // "Authorization: Bearer <token>", else 401.
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(
      const HttpOptions& options, ExtractionService& service, Metrics& metrics);

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

  // Shutdown starts the service's drain (new calls on either transport are
  // refused: 503 here, UNAVAILABLE on gRPC), turns /healthz to 503, closes
  // the port, lets running requests
  // finish for up to `drain` and then answers those still waiting with
  // 503, and joins the threads. Idempotent.
  void Shutdown(absl::Duration drain);

 private:
  struct Connection;
  struct Request;
  struct Reply;
  struct Callbacks;  // the C callbacks libmicrohttpd calls
  friend struct Callbacks;

  HttpServer(ExtractionService& service, Metrics& metrics);

  static Reply ErrorReply(int http_status, const absl::Status& status);

  // On the event thread: one call of libmicrohttpd's access handler.
  int Handle(MHD_Connection* connection, const char* url, const char* method,
             const char* upload_data, size_t* upload_data_size,
             void** request_context);
  // On the event thread: answers a request that needs no waiter, or
  // starts its extraction on one.
  void Dispatch(MHD_Connection* connection, Request& request);
  // On a waiter: the rest of POST /v1/extract.
  Reply Extract(Request& request);
  // ReleaseBody frees a request's body and its share of the buffer budget.
  void ReleaseBody(Request& request);
  void QueueReply(MHD_Connection* connection, Request& request, Reply reply);
  void RequestCompleted(MHD_Connection* connection, Request* request);

  void ConnectionOpened(MHD_Connection* connection, void** socket_context);
  void ConnectionClosed(void** socket_context);
  // SetPhase starts the clock of `request_timeout` for the connection, or
  // stops it (timed = false) while its request is being extracted.
  void SetPhase(MHD_Connection* connection, bool timed);
  // Watchdog closes the connections over `request_timeout`.
  void Watchdog();
  void WaiterLoop();

  ExtractionService& service_;
  Metrics& metrics_;
  MHD_Daemon* daemon_ = nullptr;
  int listen_fd_ = -1;
  int port_ = 0;
  std::string address_;
  size_t max_body_bytes_ = 0;
  size_t max_buffered_bytes_ = 0;
  std::atomic<size_t> buffered_bytes_{0};  // bodies held now
  absl::Duration request_timeout_;
  std::optional<WebAssets> web_;  // set when the page is served
  std::atomic<bool> serving_{true};
  // Start succeeded (set before the server is handed out); only then does
  // Shutdown drain the service.
  bool started_ = false;
  // Set when the drain time is over: waiting requests give up.
  std::atomic<bool> cancel_all_{false};
  std::once_flag shutdown_once_;

  // Open connections, for the watchdog. A connection leaves the set on
  // the event thread before its socket is closed, under `connections_mu_`,
  // so the watchdog never touches a socket number already reused.
  std::mutex connections_mu_;
  std::unordered_set<Connection*> connections_;
  std::condition_variable watchdog_cv_;
  bool stopping_ = false;  // guarded by connections_mu_
  std::thread watchdog_;

  // Extractions in line or running on a waiter, and those suspended until
  // their response is written.
  std::mutex waiters_mu_;
  std::condition_variable waiters_cv_;  // work arrived or the count fell
  std::deque<std::function<void()>> waiting_work_;
  int extracting_ = 0;  // in line or on a waiter
  int suspended_ = 0;   // suspended, response not yet written
  bool waiters_stop_ = false;
  std::vector<std::thread> waiters_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_HTTP_HTTP_SERVER_H_
