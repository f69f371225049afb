// Transport security of the server: plaintext, TLS, or mutual TLS.
//
//   TlsFiles files{.cert = "server.pem", .key = "server.key",
//                  .client_ca = "clients-ca.pem"};
//   absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> creds =
//       MakeServerCredentials(files);
//
// With no files the server is plaintext, as before. A certificate and key
// turn on TLS; a client CA as well requires every client to present a
// certificate signed by that CA (mutual TLS).
#ifndef REPORTFACTS_SERVICE_SERVER_CREDENTIALS_H_
#define REPORTFACTS_SERVICE_SERVER_CREDENTIALS_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/security/server_credentials.h"

namespace reportfacts {

// TlsFiles names PEM files; empty means not given.
struct TlsFiles {
  std::string cert;       // server certificate chain
  std::string key;        // its private key
  std::string client_ca;  // CA that signs client certificates (mTLS)
};

// MakeServerCredentials reads the files and builds the credentials. It
// fails, naming the file, when one cannot be read or is empty, when only
// one of cert and key is given, or when a client CA is given without them.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TlsFiles& files);

// ReadPemFile returns the contents of a PEM file, or an error naming it.
absl::StatusOr<std::string> ReadPemFile(const std::string& path,
                                        const std::string& what);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_SERVER_CREDENTIALS_H_
