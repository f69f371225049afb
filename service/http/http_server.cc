#include "service/http/http_server.h"

#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <exception>
#include <string_view>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "reportfacts/v1/fact_extractor.pb.h"
#include "service/admission/validation.h"
#include "service/api/response_json.h"
#include "service/api/status.h"
#include "service/http/http_status.h"
#include "spdlog/spdlog.h"

namespace reportfacts {
namespace {

// kTimeoutHeader carries the caller's time budget in milliseconds, the
// HTTP counterpart of a gRPC deadline.
constexpr char kTimeoutHeader[] = "X-Timeout-Ms";
constexpr char kMetricsType[] = "text/plain; version=0.0.4; charset=utf-8";
constexpr char kTransport[] = "http";

// Limits on a request's header section (RFC 9112 leaves them to the
// server); over either is 431.
constexpr size_t kMaxHeaderCount = 100;
constexpr size_t kMaxHeaderBytes = 32 << 10;

// Memory of one connection for its request line, header section and read
// buffer (libmicrohttpd's pool). Room for kMaxHeaderBytes, so that our
// check answers 431 with a JSON body; a header section that does not fit
// at all gets libmicrohttpd's own 431.
constexpr size_t kConnectionMemory = 96 << 10;

// How often the watchdog looks for connections over request_timeout.
constexpr std::chrono::milliseconds kWatchdogPeriod(100);

// How long Shutdown waits, after the extractions are over, for their
// responses to be written.
constexpr absl::Duration kFlushTime = absl::Seconds(2);

// MethodLabel names a request for metrics; anything unknown is "other" so
// that stray paths cannot create unbounded series.
std::string MethodLabel(std::string_view method, std::string_view path) {
  for (const char* known : {"POST /v1/extract", "GET /metrics", "GET /healthz",
                            "GET /", "GET /web/app.js", "GET /web/style.css"}) {
    if (absl::StrCat(std::string(method), " ", std::string(path)) == known) {
      return known;
    }
  }
  return "other";
}

// AllowedMethods lists the methods of a known path ("" for an unknown one).
std::string_view AllowedMethods(std::string_view path) {
  if (path == "/v1/extract") return "POST";
  if (path == "/metrics" || path == "/healthz") return "GET, HEAD";
  if (path == "/" || path == "/index.html" || path.substr(0, 5) == "/web/") {
    return "GET, HEAD";
  }
  return "";
}

// IsAllowed tells whether `method` is one of `allowed` ("GET, HEAD").
bool IsAllowed(std::string_view allowed, std::string_view method) {
  for (std::string_view rest = allowed; !rest.empty();) {
    const size_t comma = rest.find(", ");
    if (rest.substr(0, comma) == method) return true;
    rest = comma == std::string_view::npos ? std::string_view()
                                           : rest.substr(comma + 2);
  }
  return false;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// HeaderSection is what FramingError needs of the header fields.
struct HeaderSection {
  size_t count = 0;
  size_t bytes = 0;
  std::vector<std::string> content_lengths;
  bool transfer_encoding = false;
  // Authorization takes one credential (RFC 9110 §11.6.2); the values are
  // never kept, so an error cannot echo them.
  size_t authorizations = 0;
};

MHD_Result CollectHeader(void* cls, MHD_ValueKind, const char* key,
                         size_t key_size, const char* value,
                         size_t value_size) {
  auto* section = static_cast<HeaderSection*>(cls);
  ++section->count;
  section->bytes += key_size + value_size + 4;  // ": " and CRLF
  const std::string_view name(key, key_size);
  if (EqualsIgnoringCase(name, "Content-Length")) {
    section->content_lengths.emplace_back(value == nullptr ? "" : value,
                                          value == nullptr ? 0 : value_size);
  } else if (EqualsIgnoringCase(name, "Transfer-Encoding")) {
    section->transfer_encoding = true;
  } else if (EqualsIgnoringCase(name, "Authorization")) {
    ++section->authorizations;
  }
  return MHD_YES;
}

// FramingError checks the size of the header section, that the body's
// length is unambiguous (RFC 9112 §6.3: a Content-Length that is not one
// decimal number, several that disagree, or one beside Transfer-Encoding),
// and that the request carries at most one Authorization field: with two,
// a proxy and this server could each check a different one.
// It returns the HTTP status to answer (0 when the request is fine) and
// says why in `why`.
int FramingError(const HeaderSection& headers, std::string* why) {
  if (headers.count > kMaxHeaderCount || headers.bytes > kMaxHeaderBytes) {
    *why =
        absl::StrCat("the request has ", headers.count, " header fields in ",
                     headers.bytes, " bytes; the limits are ", kMaxHeaderCount,
                     " fields and ", kMaxHeaderBytes, " bytes");
    return 431;
  }
  if (headers.authorizations > 1) {
    *why =
        "the request has several Authorization fields; send one bearer token";
    return 400;
  }
  if (headers.content_lengths.empty()) return 0;
  if (headers.transfer_encoding) {
    *why = "the request has both Content-Length and Transfer-Encoding";
    return 400;
  }
  const std::string& first = headers.content_lengths.front();
  for (const std::string& value : headers.content_lengths) {
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

std::string HeaderValue(MHD_Connection* connection, const char* name) {
  const char* value =
      MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
  return value == nullptr ? std::string() : std::string(value);
}

bool HasHeader(MHD_Connection* connection, const char* name) {
  return MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name) !=
         nullptr;
}

std::string QueryValue(MHD_Connection* connection, const char* name) {
  const char* value =
      MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, name);
  return value == nullptr ? std::string() : std::string(value);
}

// MediaType is a Content-Type without parameters, lower case.
std::string MediaType(std::string type) {
  type = type.substr(0, type.find(';'));
  type.erase(std::remove_if(type.begin(), type.end(),
                            [](unsigned char c) { return std::isspace(c); }),
             type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return type;
}

// IsDocumentFileType says whether a POST /v1/extract body of this media
// type (lower case, no parameters) is a document file for the converters
// (service/ingest): a web page, a PDF, a Word file, or bytes whose type
// the server is to recognise.
bool IsDocumentFileType(std::string_view type) {
  return type == "text/html" || type == "application/xhtml+xml" ||
         type == "application/pdf" || type == "application/msword" ||
         type ==
             "application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.document" ||
         type == "application/octet-stream";
}

// DeclaresLegacyCharset says whether a Content-Type value names a charset
// other than UTF-8 or US-ASCII ("text/plain; charset=GBK"): such a body is
// converted rather than read as UTF-8 text.
bool DeclaresLegacyCharset(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  const size_t at = type.find("charset=");
  if (at == std::string::npos) return false;
  std::string charset = type.substr(at + 8);
  charset = charset.substr(0, charset.find(';'));
  charset.erase(std::remove_if(charset.begin(), charset.end(),
                               [](unsigned char c) {
                                 return std::isspace(c) || c == '"';
                               }),
                charset.end());
  return !charset.empty() && charset != "utf-8" && charset != "utf8" &&
         charset != "us-ascii";
}

// CallerDeadline reads the X-Timeout-Ms header; absl::InfiniteFuture()
// when it is absent.
absl::StatusOr<absl::Time> CallerDeadline(const std::optional<std::string>& ms,
                                          absl::Time start) {
  if (!ms.has_value()) return absl::InfiniteFuture();
  int64_t millis = 0;
  if (!absl::SimpleAtoi(*ms, &millis) || millis <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("header ", kTimeoutHeader,
                     " must be a positive number of milliseconds"));
  }
  return start + absl::Milliseconds(millis);
}

// SplitListen splits "host:port" ("[::1]:8080" gives "::1").
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

// Listen opens a listening socket on host:port (SO_REUSEADDR only, so a
// second server cannot share the port) and returns it with the bound port.
absl::StatusOr<int> Listen(const std::string& host, int port, int* bound_port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = absl::StrCat(port);
  if (getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(),
                  &hints, &found) != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot listen on ", host, ":", port,
                     " (HTTP): the address is invalid"));
  }
  int fd = -1;
  for (addrinfo* at = found; at != nullptr && fd < 0; at = at->ai_next) {
    fd = socket(at->ai_family, at->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                at->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    if (bind(fd, at->ai_addr, at->ai_addrlen) != 0 ||
        listen(fd, SOMAXCONN) != 0) {
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  if (fd < 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", host, ":", port,
                     " (HTTP): the address is invalid or already in use"));
  }
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  *bound_port =
      address.ss_family == AF_INET6
          ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
          : ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
  return fd;
}

// Seconds rounds up to whole seconds, at least 1.
unsigned int Seconds(absl::Duration d) {
  const int64_t seconds = absl::ToInt64Seconds(absl::Ceil(d, absl::Seconds(1)));
  return static_cast<unsigned int>(std::clamp<int64_t>(seconds, 1, 1 << 30));
}

void LogFromLibrary(void*, const char* format, va_list args) {
  char line[512];
  vsnprintf(line, sizeof(line), format, args);
  std::string_view text(line);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  spdlog::debug("libmicrohttpd: {}", text);
}

}  // namespace

// Connection is libmicrohttpd's socket context of one connection: what the
// watchdog needs. Guarded by HttpServer::connections_mu_.
struct HttpServer::Connection {
  int fd = -1;
  // Whether request_timeout runs, and since when.
  bool timed = true;
  absl::Time since;
  bool closed_by_watchdog = false;
};

// Reply is a response not yet queued.
struct HttpServer::Reply {
  int status = 200;
  std::string body;
  const char* content_type = kJsonType;
  std::vector<std::pair<const char*, std::string>> headers;
  bool close = false;  // the bytes that follow cannot be trusted
};

// Request is libmicrohttpd's request context: one request on a connection,
// from its header section to its response.
struct HttpServer::Request {
  absl::Time start;
  std::string method;
  std::string path;
  std::string body;
  bool body_too_large = false;
  bool over_buffer_budget = false;
  // Set for POST /v1/extract when the body is complete.
  std::string media_type;
  // The whole Content-Type value, for a body that is a document file.
  std::string content_type;
  std::optional<std::string> timeout_ms;
  std::string query_id;
  std::string query_reference_date;
  // POST /v1/extract once admitted: counted as running until the request
  // is over (its response written, or the connection gone).
  std::optional<Admission::Ticket> admitted;
  // Set on a waiter before the connection is resumed.
  std::optional<Reply> reply;
  bool suspended = false;
  int status = 0;  // of the response queued; 0 before
};

// Callbacks has the C entry points: they find the HttpServer in `cls`.
struct HttpServer::Callbacks {
  static MHD_Result Access(void* cls, MHD_Connection* connection,
                           const char* url, const char* method, const char*,
                           const char* upload_data, size_t* upload_data_size,
                           void** request_context) {
    // An exception must not cross into C: the connection is closed
    // instead (out of memory is the only one expected).
    try {
      return static_cast<HttpServer*>(cls)->Handle(
                 connection, url, method, upload_data, upload_data_size,
                 request_context) == MHD_YES
                 ? MHD_YES
                 : MHD_NO;
    } catch (const std::exception& e) {
      spdlog::warn("HTTP: closing a connection after an error: {}", e.what());
      return MHD_NO;
    }
  }
  static void Completed(void* cls, MHD_Connection* connection,
                        void** request_context, MHD_RequestTerminationCode) {
    static_cast<HttpServer*>(cls)->RequestCompleted(
        connection, static_cast<Request*>(*request_context));
    *request_context = nullptr;
  }
  static void Notify(void* cls, MHD_Connection* connection,
                     void** socket_context,
                     MHD_ConnectionNotificationCode code) {
    auto* server = static_cast<HttpServer*>(cls);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      server->ConnectionOpened(connection, socket_context);
    } else {
      server->ConnectionClosed(socket_context);
    }
  }
  static void FreeBody(void* body) { delete static_cast<std::string*>(body); }
};

HttpServer::HttpServer(ExtractionService& service, Metrics& metrics)
    : service_(service), metrics_(metrics) {}

HttpServer::~HttpServer() { Shutdown(absl::ZeroDuration()); }

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(
    const HttpOptions& options, ExtractionService& service, Metrics& metrics) {
  std::string host;
  int requested_port = 0;
  if (absl::Status split = SplitListen(options.listen, &host, &requested_port);
      !split.ok()) {
    return split;
  }
  if (options.request_timeout <= absl::ZeroDuration() ||
      options.idle_timeout <= absl::ZeroDuration() ||
      options.max_connections <= 0) {
    return absl::InvalidArgumentError(
        "HTTP request_timeout, idle_timeout and max_connections must be "
        "positive");
  }
  std::unique_ptr<HttpServer> server(new HttpServer(service, metrics));
  if (!options.web_dir.empty()) {
    absl::StatusOr<WebAssets> web = WebAssets::Load(options.web_dir);
    if (!web.ok()) return web.status();
    server->web_ = *std::move(web);
  }
  const int64_t max_doc_bytes = service.max_doc_bytes();
  server->max_body_bytes_ =
      options.max_body_bytes > 0
          ? options.max_body_bytes
          : static_cast<size_t>(4 * ((max_doc_bytes + 2) / 3) + (64 << 10));
  server->max_buffered_bytes_ = options.max_buffered_bytes > 0
                                    ? options.max_buffered_bytes
                                    : 4 * server->max_body_bytes_;
  server->request_timeout_ = options.request_timeout;

  int port = 0;
  absl::StatusOr<int> listen_fd = Listen(host, requested_port, &port);
  if (!listen_fd.ok()) return listen_fd.status();
  server->listen_fd_ = *listen_fd;
  server->port_ = port;
  server->address_ = absl::StrCat(
      host.find(':') != std::string::npos ? "[" + host + "]" : host, ":", port);

  const int threads = std::max(1, options.threads);
  for (int i = 0; i < threads; ++i) {
    server->waiters_.emplace_back([s = server.get()] { s->WaiterLoop(); });
  }
  server->watchdog_ = std::thread([s = server.get()] { s->Watchdog(); });

  HttpServer* self = server.get();
  server->daemon_ = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
          MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC | MHD_USE_ERROR_LOG,
      0, nullptr, nullptr, &Callbacks::Access, self,  //
      MHD_OPTION_LISTEN_SOCKET, static_cast<MHD_socket>(server->listen_fd_),
      MHD_OPTION_CONNECTION_LIMIT,
      static_cast<unsigned int>(options.max_connections),
      MHD_OPTION_CONNECTION_TIMEOUT, Seconds(options.idle_timeout),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, kConnectionMemory,
      MHD_OPTION_NOTIFY_COMPLETED, &Callbacks::Completed, self,
      MHD_OPTION_NOTIFY_CONNECTION, &Callbacks::Notify, self,
      MHD_OPTION_EXTERNAL_LOGGER, &LogFromLibrary, nullptr, MHD_OPTION_END);
  if (server->daemon_ == nullptr) {
    server->Shutdown(absl::ZeroDuration());
    return absl::InternalError("the HTTP server did not start");
  }
  spdlog::info(
      "HTTP serving on {} (body limit {} bytes, {} connections, request "
      "timeout {}, idle timeout {})",
      server->address_, server->max_body_bytes_, options.max_connections,
      absl::FormatDuration(options.request_timeout),
      absl::FormatDuration(options.idle_timeout));
  server->started_ = true;
  return server;
}

int HttpServer::Handle(MHD_Connection* connection, const char* url,
                       const char* method, const char* upload_data,
                       size_t* upload_data_size, void** request_context) {
  auto* request = static_cast<Request*>(*request_context);
  if (request == nullptr) {
    // The header section is in: answer at once what needs no body.
    request = new Request;
    *request_context = request;
    request->start = absl::Now();
    request->method = method;
    request->path = url;
    HeaderSection headers;
    MHD_get_connection_values_n(connection, MHD_HEADER_KIND, &CollectHeader,
                                &headers);
    std::string why;
    if (const int status = FramingError(headers, &why); status != 0) {
      Reply reply = ErrorReply(status, absl::InvalidArgumentError(why));
      reply.close = true;
      QueueReply(connection, *request, std::move(reply));
      return MHD_YES;
    }
    const std::string_view allowed = AllowedMethods(request->path);
    if (!allowed.empty() && !IsAllowed(allowed, request->method)) {
      Reply reply = ErrorReply(405, absl::InvalidArgumentError(absl::StrCat(
                                        "this method is not allowed here; use ",
                                        std::string(allowed))));
      reply.headers.emplace_back("Allow", std::string(allowed));
      reply.close = true;
      QueueReply(connection, *request, std::move(reply));
      return MHD_YES;
    }
    uint64_t declared = 0;
    if (!headers.content_lengths.empty() &&
        absl::SimpleAtoi(headers.content_lengths.front(), &declared) &&
        declared > max_body_bytes_) {
      request->body_too_large = true;
      Dispatch(connection, *request);
      return MHD_YES;
    }
    if (request->path != "/v1/extract") Dispatch(connection, *request);
    return MHD_YES;
  }
  if (*upload_data_size > 0) {
    // A body is read whole before the request is handled; past the limit
    // it is dropped, and answered 413 once it is over.
    // Bodies held at once have a budget too, else many connections could
    // each hold one up to the limit.
    const size_t bytes = *upload_data_size;
    if (!request->body_too_large && !request->over_buffer_budget &&
        request->status == 0) {
      if (request->body.size() + bytes > max_body_bytes_) {
        request->body_too_large = true;
        ReleaseBody(*request);
      } else if (buffered_bytes_.fetch_add(bytes) + bytes >
                 max_buffered_bytes_) {
        buffered_bytes_.fetch_sub(bytes);
        request->over_buffer_budget = true;
        ReleaseBody(*request);
      } else {
        request->body.append(upload_data, bytes);
      }
    }
    *upload_data_size = 0;
    return MHD_YES;
  }
  if (request->status != 0) return MHD_YES;  // answered already
  if (request->reply.has_value()) {          // resumed after extraction
    Reply reply = std::move(*request->reply);
    request->reply.reset();
    QueueReply(connection, *request, std::move(reply));
    return MHD_YES;
  }
  Dispatch(connection, *request);
  return MHD_YES;
}

void HttpServer::Dispatch(MHD_Connection* connection, Request& request) {
  if (request.body_too_large) {
    Reply reply = ErrorReply(413, absl::ResourceExhaustedError(absl::StrCat(
                                      "the request body is over the limit of ",
                                      max_body_bytes_, " bytes")));
    reply.close = true;
    QueueReply(connection, request, std::move(reply));
    return;
  }
  if (request.over_buffer_budget) {
    QueueReply(connection, request,
               ErrorReply(503, absl::UnavailableError(
                                   "the server is receiving too many request "
                                   "bodies at once; retry")));
    return;
  }
  if (request.path == "/healthz") {
    const bool serving = serving_.load();
    Reply reply;
    reply.status = serving ? 200 : 503;
    reply.body = serving ? "{\"status\":\"SERVING\"}\n"
                         : "{\"status\":\"NOT_SERVING\"}\n";
    QueueReply(connection, request, std::move(reply));
    return;
  }
  if (web_.has_value()) {
    if (const WebAsset* asset = web_->Find(request.path)) {
      Reply reply;
      reply.body = asset->body;
      reply.content_type = asset->content_type.c_str();
      for (const auto& [name, value] : kWebSecurityHeaders) {
        reply.headers.emplace_back(name.c_str(), value);
      }
      QueueReply(connection, request, std::move(reply));
      return;
    }
  }
  if (request.path == "/metrics") {
    Reply reply;
    reply.body = metrics_.Render();
    reply.content_type = kMetricsType;
    QueueReply(connection, request, std::move(reply));
    return;
  }
  if (request.path != "/v1/extract") {
    QueueReply(connection, request,
               ErrorReply(404, absl::NotFoundError(
                                   "no such endpoint; the endpoints are POST "
                                   "/v1/extract, GET /metrics and GET "
                                   "/healthz")));
    return;
  }

  // POST /v1/extract with its body: the checks that need no parsing here,
  // the rest on a waiter.
  metrics_.RequestStarted(kTransport);
  auto answer_now = [&](Reply reply) {
    metrics_.RequestFinished(kTransport);
    QueueReply(connection, request, std::move(reply));
  };
  // Token and drain: the same admission as every gRPC call.
  CallInfo call;
  call.rpc = "HTTP /v1/extract";
  if (const char* authorization = MHD_lookup_connection_value(
          connection, MHD_HEADER_KIND, "Authorization")) {
    call.authorizations.emplace_back(authorization);
  }
  absl::StatusOr<Admission::Ticket> admitted = service_.Admit(call);
  if (!admitted.ok()) {
    Reply reply =
        ErrorReply(HttpStatusFor(admitted.status().code()), admitted.status());
    if (absl::IsUnauthenticated(admitted.status())) {
      reply.headers.emplace_back("WWW-Authenticate", "Bearer");
    }
    answer_now(std::move(reply));
    return;
  }
  request.admitted.emplace(*std::move(admitted));
  request.content_type = HeaderValue(connection, "Content-Type");
  request.media_type = MediaType(request.content_type);
  if (!request.media_type.empty() && request.media_type != "application/json" &&
      request.media_type != "text/plain" &&
      !IsDocumentFileType(request.media_type)) {
    answer_now(ErrorReply(
        415, absl::InvalidArgumentError(
                 "this Content-Type is not supported: send application/json "
                 "(an ExtractRequest), text/plain (the document text), or a "
                 "document file as text/html, application/pdf, the Word "
                 ".docx type or application/octet-stream")));
    return;
  }
  if (HasHeader(connection, kTimeoutHeader)) {
    request.timeout_ms = HeaderValue(connection, kTimeoutHeader);
  }
  request.query_id = QueryValue(connection, "id");
  request.query_reference_date = QueryValue(connection, "reference_date");

  // The request is in: its clock stops until the response is queued.
  SetPhase(connection, /*timed=*/false);
  MHD_suspend_connection(connection);
  request.suspended = true;
  std::lock_guard<std::mutex> lock(waiters_mu_);
  ++extracting_;
  ++suspended_;
  waiting_work_.emplace_back([this, connection, &request] {
    try {
      request.reply = Extract(request);
    } catch (const std::exception& e) {
      spdlog::warn("HTTP /v1/extract failed: {}", e.what());
      request.reply = ErrorReply(500, absl::InternalError("internal error"));
    }
    metrics_.RequestFinished(kTransport);
    MHD_resume_connection(connection);
  });
  waiters_cv_.notify_one();
}

HttpServer::Reply HttpServer::Extract(Request& http_request) {
  if (cancel_all_.load()) {
    return ErrorReply(503, absl::UnavailableError(
                               "the server shut down before the document was "
                               "done; retry"));
  }
  v1::ExtractRequest request;
  const bool file_body = IsDocumentFileType(http_request.media_type) ||
                         (http_request.media_type == "text/plain" &&
                          DeclaresLegacyCharset(http_request.content_type));
  if (http_request.media_type == "text/plain" || file_body) {
    v1::Document* document = request.mutable_document();
    if (file_body) {
      document->set_content(http_request.body);
      // octet-stream says nothing: the converters recognise the bytes.
      if (http_request.media_type != "application/octet-stream") {
        document->set_media_type(http_request.content_type);
      }
    } else {
      document->set_text(http_request.body);
    }
    document->set_id(http_request.query_id);
    document->set_reference_date(http_request.query_reference_date);
  } else {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;  // a misspelt field is an error
    if (!google::protobuf::util::JsonStringToMessage(http_request.body,
                                                     &request, options)
             .ok()) {
      // Not the parser's own message: it quotes the body, and an error
      // must never echo the request (it may be a whole report).
      return ErrorReply(
          400,
          absl::InvalidArgumentError(
              "the body is not an ExtractRequest in proto3 JSON: it must be "
              "a JSON object {\"document\": {\"id\": ..., \"text\": ...}} "
              "with known fields only, and document.text is bytes, so it "
              "must be base64; or send the text itself as Content-Type: "
              "text/plain"));
    }
  }
  ReleaseBody(http_request);  // the document has its own copy
  absl::StatusOr<absl::Time> deadline =
      CallerDeadline(http_request.timeout_ms, http_request.start);
  if (!deadline.ok()) return ErrorReply(400, deadline.status());

  v1::ExtractResponse response;
  absl::Status status = service_.ExtractDocument(
      *http_request.admitted, request.document(), *deadline,
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
    return ErrorReply(http_status, status);
  }
  Reply reply;
  // The fast printer gives protobuf's bytes; protobuf's own printer is the
  // fallback for what the fast one leaves to it (invalid UTF-8).
  google::protobuf::util::JsonPrintOptions print;
  print.always_print_primitive_fields = true;
  print.preserve_proto_field_names = true;
  if (!AppendResponseJson(response, /*pretty=*/false, &reply.body) &&
      !google::protobuf::util::MessageToJsonString(response, &reply.body, print)
           .ok()) {
    return ErrorReply(500,
                      absl::InternalError("cannot print the response as JSON"));
  }
  reply.body += "\n";
  return reply;
}

void HttpServer::QueueReply(MHD_Connection* connection, Request& request,
                            Reply reply) {
  auto* body = new std::string(std::move(reply.body));
  MHD_Response* response =
      MHD_create_response_from_buffer_with_free_callback_cls(
          body->size(), body->data(), &Callbacks::FreeBody, body);
  if (response == nullptr) {
    delete body;
    return;  // out of memory: libmicrohttpd closes the connection
  }
  MHD_add_response_header(response, "Content-Type", reply.content_type);
  if (reply.status == 429 || reply.status == 503) {
    MHD_add_response_header(response, "Retry-After", "1");
  }
  for (const auto& [name, value] : reply.headers) {
    MHD_add_response_header(response, name, value.c_str());
  }
  if (reply.close) MHD_add_response_header(response, "Connection", "close");
  request.status = reply.status;
  SetPhase(connection, /*timed=*/true);
  if (MHD_queue_response(connection, static_cast<unsigned int>(reply.status),
                         response) != MHD_YES) {
    spdlog::debug("HTTP: cannot queue a {} response", reply.status);
  }
  MHD_destroy_response(response);
}

void HttpServer::ReleaseBody(Request& request) {
  buffered_bytes_.fetch_sub(request.body.size());
  std::string().swap(request.body);
}

void HttpServer::RequestCompleted(MHD_Connection* connection,
                                  Request* request) {
  if (request == nullptr) return;
  ReleaseBody(*request);
  // The next request on this connection gets request_timeout from now.
  SetPhase(connection, /*timed=*/true);
  if (request->status != 0) {
    metrics_.RecordRequest(
        kTransport, MethodLabel(request->method, request->path),
        absl::StrCat(request->status), request->status >= 400,
        absl::Now() - request->start);
  }
  if (request->suspended) {
    std::lock_guard<std::mutex> lock(waiters_mu_);
    --suspended_;
    waiters_cv_.notify_all();
  }
  delete request;
}

void HttpServer::ConnectionOpened(MHD_Connection* connection,
                                  void** socket_context) {
  auto* state = new Connection;
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
  state->fd = info == nullptr ? -1 : info->connect_fd;
  state->since = absl::Now();
  *socket_context = state;
  std::lock_guard<std::mutex> lock(connections_mu_);
  connections_.insert(state);
}

void HttpServer::ConnectionClosed(void** socket_context) {
  auto* state = static_cast<Connection*>(*socket_context);
  if (state == nullptr) return;
  *socket_context = nullptr;
  {
    std::lock_guard<std::mutex> lock(connections_mu_);
    connections_.erase(state);
  }
  if (state->closed_by_watchdog) {
    spdlog::debug("HTTP: closed a connection over the request timeout");
  }
  delete state;
}

void HttpServer::SetPhase(MHD_Connection* connection, bool timed) {
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  if (info == nullptr || info->socket_context == nullptr) return;
  auto* state = static_cast<Connection*>(info->socket_context);
  std::lock_guard<std::mutex> lock(connections_mu_);
  state->timed = timed;
  state->since = absl::Now();
}

void HttpServer::Watchdog() {
  std::unique_lock<std::mutex> lock(connections_mu_);
  while (!stopping_) {
    watchdog_cv_.wait_for(lock, kWatchdogPeriod);
    const absl::Time now = absl::Now();
    for (Connection* state : connections_) {
      if (state->timed && !state->closed_by_watchdog && state->fd >= 0 &&
          now - state->since > request_timeout_) {
        // The event thread sees the end of the stream and closes the
        // connection itself; the socket stays open until it does.
        shutdown(state->fd, SHUT_RDWR);
        state->closed_by_watchdog = true;
      }
    }
  }
}

void HttpServer::WaiterLoop() {
  std::unique_lock<std::mutex> lock(waiters_mu_);
  for (;;) {
    waiters_cv_.wait(
        lock, [this] { return waiters_stop_ || !waiting_work_.empty(); });
    if (waiting_work_.empty()) return;  // stopping, nothing left
    std::function<void()> work = std::move(waiting_work_.front());
    waiting_work_.pop_front();
    lock.unlock();
    work();
    lock.lock();
    --extracting_;
    waiters_cv_.notify_all();
  }
}

void HttpServer::Shutdown(absl::Duration drain) {
  std::call_once(shutdown_once_, [this, drain] {
    serving_.store(false);
    // One process, one drain: the gRPC side refuses new calls too. Not
    // for a server that never started: a failed Start leaves the service
    // as it was.
    if (started_) service_.StartDraining();
    if (daemon_ != nullptr) {
      // No new connections; the open ones go on until the daemon stops.
      const MHD_socket listening = MHD_quiesce_daemon(daemon_);
      if (listening != MHD_INVALID_SOCKET) close(listening);
    } else if (listen_fd_ >= 0) {
      close(listen_fd_);
    }
    listen_fd_ = -1;
    {
      // Running extractions may finish until the drain time is over; then
      // the ones still waiting give up, and their 503s are written.
      std::unique_lock<std::mutex> lock(waiters_mu_);
      if (!waiters_cv_.wait_for(lock, absl::ToChronoMilliseconds(drain),
                                [this] { return extracting_ == 0; })) {
        cancel_all_.store(true);
        waiters_cv_.wait(lock, [this] { return extracting_ == 0; });
      }
      waiters_cv_.wait_for(lock, absl::ToChronoMilliseconds(kFlushTime),
                           [this] { return suspended_ == 0; });
      waiters_stop_ = true;
      waiters_cv_.notify_all();
    }
    for (std::thread& waiter : waiters_) waiter.join();
    {
      std::lock_guard<std::mutex> lock(connections_mu_);
      stopping_ = true;
    }
    watchdog_cv_.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
    if (daemon_ != nullptr) MHD_stop_daemon(daemon_);
    daemon_ = nullptr;
  });
}

HttpServer::Reply HttpServer::ErrorReply(int http_status,
                                         const absl::Status& status) {
  Reply reply;
  reply.status = http_status;
  reply.body = ErrorBody(http_status, status);
  return reply;
}

}  // namespace reportfacts
