// reportfacts-server: flags -> ServerOptions -> Server::Start -> wait for a
// signal -> drain -> exit 0.
//
//   reportfacts-server --listen=127.0.0.1:0 --workers=2
//
// Prints "listening on HOST:PORT" to stdout once the port is bound and the
// data is loaded, then "http listening on HOST:PORT" when --http_listen is
// set; logs go to stderr.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "service/admission/tokens.h"
#include "service/core/data_dir.h"
#include "service/http/http_server.h"
#include "service/server/options.h"
#include "service/server/server.h"
#include "spdlog/sinks/stdout_color_sinks.h"
#include "spdlog/spdlog.h"

// Every default lives in ServerOptions; the flags take theirs from it.
const reportfacts::ServerOptions kDefaults;

ABSL_FLAG(std::string, listen, kDefaults.listen,
          "Address to serve on, host:port; port 0 picks a free port.");
ABSL_FLAG(int32_t, workers,
          static_cast<int32_t>(std::thread::hardware_concurrency()),
          "Extraction threads (default: the number of hardware cores).");
ABSL_FLAG(int32_t, queue_capacity, kDefaults.queue_capacity,
          "Documents that may wait for a worker; 0 means 4 x workers. When "
          "full, Extract answers RESOURCE_EXHAUSTED and ExtractStream waits.");
ABSL_FLAG(int64_t, max_doc_bytes, kDefaults.max_doc_bytes,
          "Largest document text accepted, in bytes (default 8 MiB).");
ABSL_FLAG(int64_t, max_facts_per_doc, kDefaults.max_facts_per_doc,
          "Facts (metrics, dates, people, reports) one document may yield; "
          "over it the document gets RESOURCE_EXHAUSTED. 0 means "
          "max(10000, text bytes / 8).");
ABSL_FLAG(int32_t, document_threads, kDefaults.document_threads,
          "Threads one large document may use while a worker is idle "
          "(1: one thread per document).");
ABSL_FLAG(int32_t, max_message_bytes, kDefaults.max_message_bytes,
          "gRPC cap on a received message, in bytes (default 16 MiB).");
ABSL_FLAG(std::string, data_dir, reportfacts::DefaultDataDir(),
          "Folder with the extractor's data files.");
ABSL_FLAG(std::string, taxonomy, "",
          "Indicator taxonomy file (default: <data_dir>/taxonomy.tsv).");
ABSL_FLAG(std::string, log_level, "info",
          "Log level: trace, debug, info, warn or error.");
ABSL_FLAG(int64_t, default_deadline_ms,
          absl::ToInt64Milliseconds(kDefaults.default_deadline),
          "Time budget of a document when the caller sets no deadline.");
ABSL_FLAG(int32_t, drain_seconds,
          static_cast<int32_t>(absl::ToInt64Seconds(kDefaults.drain)),
          "On SIGTERM/SIGINT, how long running calls may finish before they "
          "are cancelled.");
ABSL_FLAG(bool, enable_reflection, kDefaults.enable_reflection,
          "Serve gRPC server reflection (for grpcurl and similar tools).");
ABSL_FLAG(bool, log_text, kDefaults.log_text,
          "Debug aid: put (the start of) document text into debug logs.");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM server certificate chain; with --tls_key turns on TLS.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert.");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA of client certificates: clients must present a certificate "
          "it signed (mutual TLS). Needs --tls_cert and --tls_key.");
ABSL_FLAG(std::string, auth_token_file, "",
          "File of accepted bearer tokens, one per line; tokens in the "
          "environment variable REPORTFACTS_AUTH_TOKENS are accepted too. "
          "With any token, FactExtractor calls need \"authorization: Bearer "
          "<token>\"; health checks stay open.");
ABSL_FLAG(std::string, health_listen, "",
          "Extra plaintext host:port serving only grpc.health.v1, for probes "
          "that cannot speak TLS. Empty: none.");
ABSL_FLAG(int32_t, http_max_connections, 512,
          "HTTP connections open at once; more are closed as they arrive.");
ABSL_FLAG(int64_t, http_idle_timeout_ms, 10000,
          "An HTTP connection that sends nothing for this long is closed.");
ABSL_FLAG(int64_t, http_request_timeout_ms, 30000,
          "Time an HTTP client has to send a whole request (and to take its "
          "response), extraction not counted; stops clients that trickle "
          "bytes.");
ABSL_FLAG(bool, http_page, true,
          "Serve the analysts' page at / on the HTTP side (files from "
          "<data_dir>/web).");
ABSL_FLAG(int32_t, malloc_arenas, 0,
          "glibc malloc arenas; 0 means one per worker (at least 2). glibc's "
          "own default, 8 per core, lets a long-running server's RSS creep "
          "up through fragmentation. The MALLOC_ARENA_MAX environment "
          "variable, when set, wins.");
ABSL_FLAG(std::string, http_listen, "",
          "host:port of the HTTP side (POST /v1/extract, GET /metrics, GET "
          "/healthz); port 0 picks a free port. Empty: no HTTP side.");

namespace {

// Exit codes.
constexpr int kExitOk = 0;
constexpr int kExitStartFailed = 1;
constexpr int kExitUsage = 2;

// SetUpLogging sends spdlog output to stderr at `level`; false if the
// level name is unknown.
bool SetUpLogging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("reportfacts");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%L%$ %v");
  const spdlog::level::level_enum parsed = spdlog::level::from_str(level);
  // from_str maps unknown names to "off"; only accept the documented ones.
  if (level != "trace" && level != "debug" && level != "info" &&
      level != "warn" && level != "error") {
    return false;
  }
  spdlog::set_level(parsed);
  spdlog::flush_on(spdlog::level::warn);
  return true;
}

// LimitMallocArenas caps glibc's malloc arenas before any thread exists.
// Each thread that meets contention gets an arena of its own, and memory
// freed in one arena is not reused by another, so with gRPC's many threads
// and documents of very different sizes the resident set kept growing under
// a steady load; a few arenas keep it flat at no measurable cost in speed.
void LimitMallocArenas(int arenas, int workers) {
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;
  if (arenas <= 0) arenas = workers > 2 ? workers : 2;
  mallopt(M_ARENA_MAX, arenas);
}

}  // namespace

int main(int argc, char** argv) {
  // Debian builds Abseil without NDEBUG, which leaves absl::Mutex's deadlock
  // detection on: every lock gRPC takes then updates a global lock graph
  // under a global spin lock (about 1 % of a serving core, and a point
  // of contention between threads): a check meant for debug builds.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  // Block the shutdown signals before any thread exists, so that every
  // thread inherits the mask and only the sigwait thread below sees them.
  sigset_t shutdown_signals;
  sigemptyset(&shutdown_signals);
  sigaddset(&shutdown_signals, SIGTERM);
  sigaddset(&shutdown_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &shutdown_signals, nullptr);

  absl::SetProgramUsageMessage(
      "Serves reportfacts.v1.FactExtractor over gRPC.\n"
      "Usage: reportfacts-server [--listen=HOST:PORT] [flags]");
  const std::vector<char*> rest = absl::ParseCommandLine(argc, argv);
  if (rest.size() > 1) {
    std::cerr << "reportfacts-server: unexpected argument \"" << rest[1]
              << "\"; see --help\n";
    return kExitUsage;
  }
  if (!SetUpLogging(absl::GetFlag(FLAGS_log_level))) {
    std::cerr << "reportfacts-server: --log_level must be one of trace, "
                 "debug, info, warn, error\n";
    return kExitUsage;
  }

  if (absl::GetFlag(FLAGS_malloc_arenas) < 0) {
    std::cerr << "reportfacts-server: --malloc_arenas must not be negative\n";
    return kExitUsage;
  }
  LimitMallocArenas(absl::GetFlag(FLAGS_malloc_arenas),
                    absl::GetFlag(FLAGS_workers));

  reportfacts::ServerOptions options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.workers = absl::GetFlag(FLAGS_workers);
  options.queue_capacity = absl::GetFlag(FLAGS_queue_capacity);
  options.max_doc_bytes = absl::GetFlag(FLAGS_max_doc_bytes);
  options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  options.max_facts_per_doc = absl::GetFlag(FLAGS_max_facts_per_doc);
  options.document_threads = absl::GetFlag(FLAGS_document_threads);
  options.data_dir = absl::GetFlag(FLAGS_data_dir);
  options.taxonomy = absl::GetFlag(FLAGS_taxonomy);
  options.default_deadline =
      absl::Milliseconds(absl::GetFlag(FLAGS_default_deadline_ms));
  options.drain = absl::Seconds(absl::GetFlag(FLAGS_drain_seconds));
  options.enable_reflection = absl::GetFlag(FLAGS_enable_reflection);
  options.log_text = absl::GetFlag(FLAGS_log_text);
  options.tls_cert = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key = absl::GetFlag(FLAGS_tls_key);
  options.tls_client_ca = absl::GetFlag(FLAGS_tls_client_ca);
  options.health_listen = absl::GetFlag(FLAGS_health_listen);
  options.http_listen = absl::GetFlag(FLAGS_http_listen);
  absl::StatusOr<std::vector<std::string>> auth_tokens =
      reportfacts::LoadAuthTokens(absl::GetFlag(FLAGS_auth_token_file),
                                  std::getenv(reportfacts::kAuthTokensEnv));
  if (!auth_tokens.ok()) {
    std::cerr << "reportfacts-server: " << auth_tokens.status().message()
              << "\n";
    return kExitUsage;
  }
  options.auth_tokens = *std::move(auth_tokens);

  if (absl::Status valid = reportfacts::ValidateServerOptions(options);
      !valid.ok()) {
    std::cerr << "reportfacts-server: " << valid.message() << "\n";
    return kExitUsage;
  }
  absl::StatusOr<std::unique_ptr<reportfacts::Server>> server =
      reportfacts::Server::Start(options);
  if (!server.ok()) {
    spdlog::error("cannot start: {}", server.status().ToString());
    spdlog::shutdown();
    return kExitStartFailed;
  }
  // Both sides are up before either line is printed, so that whoever waits
  // for "listening on" never sees a server that then exits.
  std::unique_ptr<reportfacts::HttpServer> http;
  if (!options.http_listen.empty()) {
    reportfacts::HttpOptions http_options;
    http_options.listen = options.http_listen;
    http_options.max_connections = absl::GetFlag(FLAGS_http_max_connections);
    http_options.idle_timeout =
        absl::Milliseconds(absl::GetFlag(FLAGS_http_idle_timeout_ms));
    http_options.request_timeout =
        absl::Milliseconds(absl::GetFlag(FLAGS_http_request_timeout_ms));
    if (absl::GetFlag(FLAGS_http_page)) {
      http_options.web_dir = options.data_dir + "/web";
    }
    absl::StatusOr<std::unique_ptr<reportfacts::HttpServer>> started =
        reportfacts::HttpServer::Start(http_options, (*server)->service(),
                                       (*server)->metrics());
    if (!started.ok()) {
      spdlog::error("cannot start: {}", started.status().ToString());
      (*server)->Shutdown(absl::ZeroDuration());
      spdlog::shutdown();
      return kExitStartFailed;
    }
    http = *std::move(started);
  }
  std::cout << "listening on " << (*server)->address() << std::endl;
  if (http != nullptr) {
    std::cout << "http listening on " << http->address() << std::endl;
  }

  // The first signal starts a graceful drain on the main thread; a second
  // one ends the process at once.
  auto first_signal = std::make_shared<std::promise<int>>();
  std::future<int> signalled = first_signal->get_future();
  std::thread([shutdown_signals, first_signal] {
    int sig = 0;
    sigwait(&shutdown_signals, &sig);
    first_signal->set_value(sig);
    sigwait(&shutdown_signals, &sig);
    spdlog::warn("received {} again: exiting without waiting", strsignal(sig));
    spdlog::default_logger()->flush();
    std::_Exit(128 + sig);
  }).detach();

  const int sig = signalled.get();
  spdlog::info("received {}: draining for up to {} s", strsignal(sig),
               absl::ToInt64Seconds(options.drain));
  // Both sides drain at once; the HTTP side is destroyed before the server
  // it calls into.
  std::thread http_drain([&http, &options] {
    if (http != nullptr) http->Shutdown(options.drain);
  });
  (*server)->Shutdown(options.drain);
  http_drain.join();
  http.reset();
  spdlog::info("reportfacts-server stopped");
  spdlog::default_logger()->flush();
  return kExitOk;
}
