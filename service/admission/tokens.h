// Optional bearer-token authentication, transport-neutral: where tokens
// come from and whether a presented "Bearer <token>" is accepted.
// Admission (admission.h) applies the check to every call of both
// transports.
//
//   absl::StatusOr<std::vector<std::string>> tokens =
//       LoadAuthTokens(token_file, std::getenv(kAuthTokensEnv));
//   TokenChecker checker(*tokens);
//   if (!checker.IsAuthorized("Bearer s3cret")) return UNAUTHENTICATED;
#ifndef REPORTFACTS_SERVICE_ADMISSION_TOKENS_H_
#define REPORTFACTS_SERVICE_ADMISSION_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace reportfacts {

// kAuthTokensEnv names the environment variable the server reads tokens
// from (separated by commas, spaces or newlines).
inline constexpr char kAuthTokensEnv[] = "REPORTFACTS_AUTH_TOKENS";

// kAuthorizationHeader is the gRPC metadata key (the HTTP header, case
// aside) that carries "Bearer <token>".
inline constexpr char kAuthorizationHeader[] = "authorization";

// LoadAuthTokens gathers the accepted tokens from `token_file` (one per
// line; blank lines and lines starting with '#' are skipped; empty path:
// no file) and from `env_value` (may be null). It fails when the file
// cannot be read, when the file is given but holds no token, or when a
// token contains a character that cannot travel in a header.
absl::StatusOr<std::vector<std::string>> LoadAuthTokens(
    const std::string& token_file, const char* env_value);

// ConstantTimeEquals compares two strings in time that depends only on the
// length of `presented`, never on where they differ.
bool ConstantTimeEquals(std::string_view expected, std::string_view presented);

// TokenChecker decides whether a call carries an accepted token. It is
// immutable after construction and safe for concurrent use.
class TokenChecker {
 public:
  explicit TokenChecker(std::vector<std::string> tokens);

  // IsAuthorized tells whether `authorization` is "Bearer <token>" (scheme
  // case-insensitive) for an accepted token. Every accepted token is
  // compared, so the time taken does not tell which one nearly matched.
  bool IsAuthorized(std::string_view authorization) const;

  // TokenCount is the number of accepted tokens.
  size_t TokenCount() const { return tokens_.size(); }

 private:
  std::vector<std::string> tokens_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_ADMISSION_TOKENS_H_
