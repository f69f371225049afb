#include "service/admission/tokens.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace reportfacts {
namespace {

constexpr std::string_view kBearer = "bearer ";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && absl::ascii_isspace(static_cast<unsigned char>(s[0]))) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         absl::ascii_isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return s;
}

// IsHeaderSafe tells whether a token can be sent as a header value: visible
// ASCII only, no spaces.
bool IsHeaderSafe(std::string_view token) {
  for (char c : token) {
    if (c <= 0x20 || c >= 0x7F) return false;
  }
  return true;
}

absl::Status AddToken(std::string_view raw, const std::string& source,
                      std::vector<std::string>* tokens) {
  const std::string_view token = Trim(raw);
  if (token.empty() || token[0] == '#') return absl::OkStatus();
  if (!IsHeaderSafe(token)) {
    return absl::InvalidArgumentError(
        absl::StrCat(source,
                     " holds a token with a space or a non-ASCII or control "
                     "character; tokens must be visible ASCII"));
  }
  tokens->emplace_back(token);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> LoadAuthTokens(
    const std::string& token_file, const char* env_value) {
  std::vector<std::string> tokens;
  if (!token_file.empty()) {
    std::ifstream in(token_file);
    if (!in) {
      return absl::NotFoundError(absl::StrCat("cannot read auth token file ",
                                              token_file, ": ",
                                              std::strerror(errno)));
    }
    std::string line;
    int line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      absl::Status added =
          AddToken(line, absl::StrCat(token_file, ":", line_number), &tokens);
      if (!added.ok()) return added;
    }
    if (tokens.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "auth token file ", token_file,
          " holds no token; refusing to start with authentication that "
          "nobody could pass"));
    }
  }
  if (env_value != nullptr) {
    for (absl::string_view piece :
         absl::StrSplit(env_value, absl::ByAnyChar(", \t\r\n"))) {
      absl::Status added =
          AddToken(std::string_view(piece.data(), piece.size()), kAuthTokensEnv,
                   &tokens);
      if (!added.ok()) return added;
    }
  }
  return tokens;
}

bool ConstantTimeEquals(std::string_view expected, std::string_view presented) {
  // Walk the whole presented string whatever the contents; an empty
  // expected string never matches.
  if (expected.empty()) return false;
  unsigned char diff = expected.size() == presented.size() ? 0 : 1;
  for (size_t i = 0; i < presented.size(); ++i) {
    diff |= static_cast<unsigned char>(expected[i % expected.size()]) ^
            static_cast<unsigned char>(presented[i]);
  }
  return diff == 0;
}

TokenChecker::TokenChecker(std::vector<std::string> tokens)
    : tokens_(std::move(tokens)) {}

bool TokenChecker::IsAuthorized(std::string_view authorization) const {
  if (authorization.size() <= kBearer.size()) return false;
  for (size_t i = 0; i < kBearer.size(); ++i) {
    if (absl::ascii_tolower(static_cast<unsigned char>(authorization[i])) !=
        kBearer[i]) {
      return false;
    }
  }
  const std::string_view presented = authorization.substr(kBearer.size());
  bool match = false;
  for (const std::string& token : tokens_) {
    match |= ConstantTimeEquals(token, presented);
  }
  return match;
}

}  // namespace reportfacts
