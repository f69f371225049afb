// Options of the reportfacts gRPC server, each with its default.
//
//   reportfacts::ServerOptions options;
//   options.listen = "127.0.0.1:0";
//   auto server = reportfacts::Server::Start(options);
//
// service/main.cc fills these from command-line flags of the same names.
#ifndef REPORTFACTS_SERVICE_SERVER_OPTIONS_H_
#define REPORTFACTS_SERVICE_SERVER_OPTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace reportfacts {

// ServerOptions configures Server::Start. Zero means "derive a default" for
// the numeric fields that say so.
struct ServerOptions {
  // Address to bind, host:port. Port 0 picks a free port; Server::port()
  // then tells which.
  std::string listen = "0.0.0.0:50051";

  // Extraction threads. 0: one per hardware core.
  int workers = 0;

  // Documents that may wait for a worker. 0: 4 × workers. When the queue
  // is full a unary call is refused with RESOURCE_EXHAUSTED and a stream
  // waits for room.
  int queue_capacity = 0;

  // Documents a single ExtractStream may have queued, running or waiting
  // to be written at once. 0: 2 × workers.
  int stream_in_flight = 0;

  // Largest document text accepted; longer text gets INVALID_ARGUMENT
  // (HTTP 413) and never reaches the core.
  int64_t max_doc_bytes = int64_t{8} << 20;

  // Facts (metrics, dates, people and reports together) one document may
  // yield. 0: max(10,000, text bytes / 8). A document over it gets
  // INVALID_ARGUMENT naming the limit (the same document fails on every
  // retry) and no response is built for it; the core stops at the budget,
  // which bounds the memory and size of one answer.
  int64_t max_facts_per_doc = 0;

  // Threads one large document (32 K code points or more) may use while a
  // worker is idle: its phrase analysis runs beside its report, date and
  // people scans (the facts are the same). 1 keeps every document on its
  // worker's thread.
  int document_threads = 2;

  // gRPC's cap on a received message. Larger messages are refused by gRPC
  // with RESOURCE_EXHAUSTED before any handler runs.
  int max_message_bytes = 16 << 20;

  // Folder of the core's data files. Empty: DefaultDataDir().
  std::string data_dir;

  // Taxonomy file. Empty: <data_dir>/taxonomy.tsv.
  std::string taxonomy;

  // Time budget of a document when the caller sets no deadline.
  absl::Duration default_deadline = absl::Seconds(30);

  // How long Shutdown lets running calls finish before cancelling them.
  absl::Duration drain = absl::Seconds(20);

  // Serve grpc.reflection.v1alpha so tools like grpcurl can list the API.
  bool enable_reflection = true;

  // Debug aid: include (the start of) document text in debug logs. Off by
  // default so that logs never hold report content.
  bool log_text = false;

  // TLS: PEM files of the server certificate chain and its key. Both empty:
  // plaintext. With tls_client_ca as well, clients must present a
  // certificate signed by that CA (mutual TLS).
  std::string tls_cert;
  std::string tls_key;
  std::string tls_client_ca;

  // Bearer tokens accepted for reportfacts.v1.FactExtractor and the HTTP
  // side's POST /v1/extract. Empty: no authentication. Health checks (and
  // /healthz, /metrics) never need one. main.cc reads them from
  // --auth_token_file and REPORTFACTS_AUTH_TOKENS, never from a flag value.
  std::vector<std::string> auth_tokens;

  // A second, plaintext address serving only grpc.health.v1, for probes
  // that cannot speak TLS. Empty: none.
  std::string health_listen;

  // host:port of the HTTP side (service/http), which service/main.cc starts
  // beside the server. Empty: none. Server itself ignores it.
  std::string http_listen;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_OPTIONS_H_
