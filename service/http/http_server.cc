#include "service/http/http_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <string_view>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "httplib.h"
#include "reportfacts/v1/fact_extractor.pb.h"
#include "service/http/http_status.h"
#include "service/server/status.h"
#include "service/server/validation.h"
#include "spdlog/spdlog.h"

namespace reportfacts {
namespace {

// kTimeoutHeader carries the caller's time budget in milliseconds, the
// HTTP counterpart of a gRPC deadline.
constexpr char kTimeoutHeader[] = "X-Timeout-Ms";
constexpr char kMetricsType[] = "text/plain; version=0.0.4; charset=utf-8";
constexpr char kTransport[] = "http";

// Limits on a request's header section (RFC 9112 leaves them to the
// server); over either is 431. cpp-httplib already caps one line at 8 KiB.
constexpr size_t kMaxHeaderCount = 100;
constexpr size_t kMaxHeaderBytes = 32 << 10;

// Start time of the request this thread is serving. cpp-httplib serves a
// request on one thread from routing to logging, so the pre-routing
// handler can hand it to the logger this way.
thread_local absl::Time request_start = absl::InfinitePast();

// MethodLabel names a request for metrics; anything unknown is "other" so
// that stray paths cannot create unbounded series.
std::string MethodLabel(const httplib::Request& request) {
  for (const char* known :
       {"POST /v1/extract", "GET /metrics", "GET /healthz"}) {
    if (absl::StrCat(request.method, " ", request.path) == known) return known;
  }
  return "other";
}

// AllowedMethods lists the methods of a known path ("" for an unknown one).
std::string_view AllowedMethods(const std::string& path) {
  if (path == "/v1/extract") return "POST";
  if (path == "/metrics" || path == "/healthz") return "GET, HEAD";
  return "";
}

// IsAllowed tells whether `method` is one of `allowed` ("GET, HEAD").
bool IsAllowed(std::string_view allowed, const std::string& method) {
  for (std::string_view rest = allowed; !rest.empty();) {
    const size_t comma = rest.find(", ");
    if (rest.substr(0, comma) == method) return true;
    rest = comma == std::string_view::npos ? std::string_view()
                                           : rest.substr(comma + 2);
  }
  return false;
}

// FramingError checks what cpp-httplib does not: the size of the header
// section and that the body's length is unambiguous (RFC 9112 §6.3: a
// Content-Length that is not one decimal number, several that disagree,
// or one beside Transfer-Encoding). It returns the HTTP status to answer
// (0 when the request is fine) and says why in `why`.
int FramingError(const httplib::Request& request, std::string* why) {
  size_t header_bytes = 0;
  for (const auto& [name, value] : request.headers) {
    header_bytes += name.size() + value.size() + 4;  // ": " and CRLF
  }
  if (request.headers.size() > kMaxHeaderCount ||
      header_bytes > kMaxHeaderBytes) {
    *why = absl::StrCat("the request has ", request.headers.size(),
                        " header fields in ", header_bytes,
                        " bytes; the limits are ", kMaxHeaderCount,
                        " fields and ", kMaxHeaderBytes, " bytes");
    return 431;
  }
  const size_t lengths = request.get_header_value_count("Content-Length");
  if (lengths == 0) return 0;
  if (request.has_header("Transfer-Encoding")) {
    *why = "the request has both Content-Length and Transfer-Encoding";
    return 400;
  }
  const std::string first = request.get_header_value("Content-Length", 0);
  for (size_t i = 0; i < lengths; ++i) {
    const std::string value = request.get_header_value("Content-Length", i);
    const bool digits =
        !value.empty() && value.size() <= 18 &&
        std::all_of(value.begin(), value.end(),
                    [](unsigned char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      *why = "Content-Length is not a decimal number of bytes";
      return 400;
    }
    if (value != first) {
      *why = "the request has several Content-Length fields that disagree";
      return 400;
    }
  }
  return 0;
}

// MediaType is the Content-Type without parameters, lower case.
std::string MediaType(const httplib::Request& request) {
  std::string type = request.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(),
                            [](unsigned char c) { return std::isspace(c); }),
             type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return type;
}

void SetError(httplib::Response& response, int http_status,
              const absl::Status& status) {
  response.status = http_status;
  if (http_status == 429 || http_status == 503) {
    response.set_header("Retry-After", "1");
  }
  response.set_content(ErrorBody(http_status, status), kJsonType);
}

// ParseExtractRequest reads the body as proto3 JSON, or as the document
// text itself when it is text/plain.
absl::Status ParseExtractRequest(const httplib::Request& http_request,
                                 const std::string& media_type,
                                 v1::ExtractRequest* request) {
  if (media_type == "text/plain") {
    v1::Document* document = request->mutable_document();
    document->set_text(http_request.body);
    document->set_id(http_request.get_param_value("id"));
    document->set_reference_date(
        http_request.get_param_value("reference_date"));
    return absl::OkStatus();
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;  // a misspelt field is an error
  const auto parsed = google::protobuf::util::JsonStringToMessage(
      http_request.body, request, options);
  if (!parsed.ok()) {
    // Not the parser's own message: it quotes the body, and an error must
    // never echo the request (it may be a whole report).
    return absl::InvalidArgumentError(
        "the body is not an ExtractRequest in proto3 JSON: it must be a "
        "JSON object {\"document\": {\"id\": ..., \"text\": ...}} with "
        "known fields only, and document.text is bytes, so it must be "
        "base64; or send the text itself as Content-Type: text/plain");
  }
  return absl::OkStatus();
}

// CallerDeadline reads the X-Timeout-Ms header; absl::InfiniteFuture()
// when it is absent.
absl::StatusOr<absl::Time> CallerDeadline(const httplib::Request& request,
                                          absl::Time start) {
  if (!request.has_header(kTimeoutHeader)) return absl::InfiniteFuture();
  const std::string value = request.get_header_value(kTimeoutHeader);
  int64_t millis = 0;
  if (!absl::SimpleAtoi(value, &millis) || millis <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("header ", kTimeoutHeader,
                     " must be a positive number of milliseconds"));
  }
  return start + absl::Milliseconds(millis);
}

// DefaultErrorStatus describes an error cpp-httplib produced itself.
absl::Status DefaultErrorStatus(int status, size_t max_body_bytes) {
  switch (status) {
    case 404:
      return absl::NotFoundError(
          "no such endpoint; the endpoints are POST /v1/extract, GET "
          "/metrics and GET /healthz");
    case 413:
      return absl::ResourceExhaustedError(absl::StrCat(
          "the request body is over the limit of ", max_body_bytes, " bytes"));
    default:
      return absl::Status(
          status >= 500 ? absl::StatusCode::kInternal
                        : absl::StatusCode::kInvalidArgument,
          absl::StrCat("the request failed with HTTP status ", status));
  }
}

// HostAndPort splits "host:port" ("[::1]:8080" gives "::1").
absl::Status SplitListen(const std::string& listen, std::string* host,
                         int* port) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(listen.substr(colon + 1), port) || *port < 0 ||
      *port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat(
        "HTTP listen address \"", listen, "\" is not of the form host:port"));
  }
  *host = listen.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  return absl::OkStatus();
}

// InFlight counts a request as in flight for its lifetime.
class InFlight {
 public:
  explicit InFlight(Metrics& metrics) : metrics_(metrics) {
    metrics_.RequestStarted(kTransport);
  }
  ~InFlight() { metrics_.RequestFinished(kTransport); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  Metrics& metrics_;
};

}  // namespace

HttpServer::HttpServer(FactExtractorService& service, Metrics& metrics)
    : service_(service),
      metrics_(metrics),
      http_(std::make_unique<httplib::Server>()) {}

HttpServer::~HttpServer() { Shutdown(absl::ZeroDuration()); }

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(
    const HttpOptions& options, FactExtractorService& service,
    Metrics& metrics) {
  std::string host;
  int requested_port = 0;
  if (absl::Status split = SplitListen(options.listen, &host, &requested_port);
      !split.ok()) {
    return split;
  }
  std::unique_ptr<HttpServer> server(new HttpServer(service, metrics));
  if (!options.auth_tokens.empty())
    server->tokens_.emplace(options.auth_tokens);
  const int64_t max_doc_bytes = service.max_doc_bytes();
  server->max_body_bytes_ =
      options.max_body_bytes > 0
          ? options.max_body_bytes
          : static_cast<size_t>(4 * ((max_doc_bytes + 2) / 3) + (64 << 10));

  httplib::Server& http = *server->http_;
  const int threads = std::max(1, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(server->max_body_bytes_);
  http.set_read_timeout(std::chrono::seconds(10));
  http.set_write_timeout(std::chrono::seconds(10));
  // Idle keep-alive connections hold up shutdown for this long at most.
  http.set_keep_alive_timeout(2);
  // Without it, the small "100 Continue" reply that curl waits for before
  // sending a body meets delayed ACKs: ~40 ms per request.
  http.set_tcp_nodelay(true);
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, which would
  // let a second server share the port silently.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server->Route();

  const int port =
      requested_port == 0
          ? http.bind_to_any_port(host)
          : (http.bind_to_port(host, requested_port) ? requested_port : -1);
  if (port <= 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen,
                     " (HTTP): the address is invalid or already in use"));
  }
  server->port_ = port;
  server->address_ = absl::StrCat(
      host.find(':') != std::string::npos ? "[" + host + "]" : host, ":", port);
  server->listener_ = std::thread([&http] { http.listen_after_bind(); });
  // stop() is a no-op until the accept loop runs, so wait for it.
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  while (!http.is_running() && absl::Now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!http.is_running()) {
    server->Shutdown(absl::ZeroDuration());
    return absl::InternalError("the HTTP server did not start");
  }
  spdlog::info("HTTP serving on {} (body limit {} bytes)", server->address_,
               server->max_body_bytes_);
  return server;
}

void HttpServer::Route() {
  httplib::Server& http = *http_;

  // Runs once the header section is read and before the body is: requests
  // whose framing is bad or whose method does not fit the path are
  // answered here, and the connection closes, since the bytes after the
  // headers cannot be trusted to be this request's body.
  http.set_pre_routing_handler([](const httplib::Request& request,
                                  httplib::Response& response) {
    request_start = absl::Now();
    std::string why;
    if (const int status = FramingError(request, &why); status != 0) {
      response.set_header("Connection", "close");
      SetError(response, status, absl::InvalidArgumentError(why));
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string_view allowed = AllowedMethods(request.path);
    if (!allowed.empty() && !IsAllowed(allowed, request.method)) {
      response.set_header("Allow", std::string(allowed));
      response.set_header("Connection", "close");
      SetError(
          response, 405,
          absl::InvalidArgumentError(absl::StrCat(
              "this method is not allowed here; use ", std::string(allowed))));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Every response passes here once written, including cpp-httplib's own
  // 404 and 413: the one place that sees every final status.
  http.set_logger([this](const httplib::Request& request,
                         const httplib::Response& response) {
    const absl::Duration latency = request_start == absl::InfinitePast()
                                       ? absl::ZeroDuration()
                                       : absl::Now() - request_start;
    request_start = absl::InfinitePast();
    metrics_.RecordRequest(kTransport, MethodLabel(request),
                           absl::StrCat(response.status),
                           response.status >= 400, latency);
  });

  // Gives cpp-httplib's own errors a JSON body like ours.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        response.set_content(
            ErrorBody(response.status,
                      DefaultErrorStatus(response.status, max_body_bytes_)),
            kJsonType);
        return httplib::Server::HandlerResponse::Handled;
      }));

  http.set_exception_handler([](const httplib::Request&,
                                httplib::Response& response,
                                std::exception_ptr) {
    SetError(response, 500, absl::InternalError("internal error"));
  });

  http.Get("/healthz",
           [this](const httplib::Request&, httplib::Response& response) {
             const bool serving = serving_.load();
             response.status = serving ? 200 : 503;
             response.set_content(serving ? "{\"status\":\"SERVING\"}\n"
                                          : "{\"status\":\"NOT_SERVING\"}\n",
                                  kJsonType);
           });

  http.Get("/metrics",
           [this](const httplib::Request&, httplib::Response& response) {
             response.set_content(metrics_.Render(), kMetricsType);
           });

  http.Post("/v1/extract", [this](const httplib::Request& http_request,
                                  httplib::Response& http_response) {
    InFlight in_flight(metrics_);
    const absl::Time start = absl::Now();
    if (!serving_.load()) {
      SetError(http_response, 503,
               absl::UnavailableError("the server is shutting down"));
      return;
    }
    if (tokens_ && !tokens_->IsAuthorized(
                       http_request.get_header_value("Authorization"))) {
      http_response.set_header("WWW-Authenticate", "Bearer");
      SetError(http_response, 401,
               absl::UnauthenticatedError(
                   "send \"Authorization: Bearer <token>\" with an accepted "
                   "token"));
      return;
    }
    const std::string media_type = MediaType(http_request);
    if (!media_type.empty() && media_type != "application/json" &&
        media_type != "text/plain") {
      SetError(http_response, 415,
               absl::InvalidArgumentError(
                   "this Content-Type is not supported: send "
                   "application/json (an ExtractRequest) or text/plain (the "
                   "document text)"));
      return;
    }
    v1::ExtractRequest request;
    if (absl::Status parsed =
            ParseExtractRequest(http_request, media_type, &request);
        !parsed.ok()) {
      SetError(http_response, 400, parsed);
      return;
    }
    absl::StatusOr<absl::Time> deadline = CallerDeadline(http_request, start);
    if (!deadline.ok()) {
      SetError(http_response, 400, deadline.status());
      return;
    }

    v1::ExtractResponse response;
    absl::Status status = service_.ExtractDocument(
        "HTTP /v1/extract", request.document(), *deadline,
        [this] { return cancel_all_.load(); }, &response);
    if (!status.ok()) {
      int http_status = HttpStatusFor(status.code());
      if (IsDocumentTooLarge(status)) {
        http_status = 413;
      } else if (absl::IsCancelled(status) && cancel_all_.load()) {
        status = absl::UnavailableError(
            "the server shut down before the document was done; retry");
        http_status = 503;
      }
      SetError(http_response, http_status, status);
      return;
    }
    google::protobuf::util::JsonPrintOptions print;
    print.always_print_primitive_fields = true;
    print.preserve_proto_field_names = true;
    std::string json;
    const auto printed =
        google::protobuf::util::MessageToJsonString(response, &json, print);
    if (!printed.ok()) {
      SetError(http_response, 500,
               absl::InternalError("cannot print the response as JSON"));
      return;
    }
    json += "\n";
    http_response.set_content(json, kJsonType);
  });
}

void HttpServer::Shutdown(absl::Duration drain) {
  std::call_once(shutdown_once_, [this, drain] {
    serving_.store(false);
    // Running requests may finish until the drain time is over; then the
    // ones still waiting for a worker give up.
    std::mutex mu;
    std::condition_variable stopped;
    bool done = false;
    std::thread canceller([&] {
      std::unique_lock<std::mutex> lock(mu);
      if (!stopped.wait_for(lock, absl::ToChronoMilliseconds(drain),
                            [&done] { return done; })) {
        cancel_all_.store(true);
      }
    });
    http_->stop();
    if (listener_.joinable()) listener_.join();
    {
      std::lock_guard<std::mutex> lock(mu);
      done = true;
    }
    stopped.notify_all();
    canceller.join();
  });
}

}  // namespace reportfacts
