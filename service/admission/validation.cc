#include "service/admission/validation.h"

#include <algorithm>
#include <optional>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "service/api/status.h"
#include "service/api/utf8_check.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// Longest media_type accepted; real ones are a few dozen bytes.
constexpr size_t kMaxMediaTypeBytes = 200;

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Digits parses a run of ASCII digits; nullopt if any other byte occurs.
std::optional<int> Digits(std::string_view s) {
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

bool IsIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  const std::optional<int> year = Digits(date.substr(0, 4));
  const std::optional<int> month = Digits(date.substr(5, 2));
  const std::optional<int> day = Digits(date.substr(8, 2));
  if (!year || !month || !day) return false;
  if (*month < 1 || *month > 12 || *day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  int days = kDays[*month - 1];
  if (*month == 2 && IsLeapYear(*year)) days = 29;
  return *day <= days;
}

absl::Status DocumentTooLargeError(int64_t size, int64_t limit) {
  // INVALID_ARGUMENT, not RESOURCE_EXHAUSTED: that code means "overloaded,
  // retry", and the same document is refused again on every retry.
  absl::Status status = absl::InvalidArgumentError(absl::StrCat(
      "document text is ", size, " bytes, over the limit of ", limit,
      " bytes (--max_doc_bytes); split the document or raise the limit"));
  status.SetPayload(kDocumentTooLargePayload,
                    absl::Cord(absl::StrCat(size, "/", limit)));
  return status;
}

absl::Status TooManyFactsError(int64_t facts, int64_t limit) {
  const std::string count =
      facts < 0 ? absl::StrCat("more than ", limit) : absl::StrCat(facts);
  absl::Status status = absl::InvalidArgumentError(absl::StrCat(
      "the document yields ", count, " facts, over the limit of ", limit,
      " facts per document (--max_facts_per_doc; by default max(10000, text "
      "bytes / 8)); split the document"));
  status.SetPayload(kDocumentTooLargePayload,
                    absl::Cord(absl::StrCat("facts:", count, "/", limit)));
  return status;
}

bool IsDocumentTooLarge(const absl::Status& status) {
  return status.GetPayload(kDocumentTooLargePayload).has_value();
}

absl::Status ValidateDocument(const v1::Document& document,
                              int64_t max_doc_bytes) {
  const std::string& text = document.text();
  if (!text.empty() && !document.content().empty()) {
    return absl::InvalidArgumentError(
        "the document has both text and content; send the UTF-8 text in "
        "text or the file's bytes in content, not both");
  }
  const int64_t size =
      static_cast<int64_t>(std::max(text.size(), document.content().size()));
  if (size > max_doc_bytes) {
    return DocumentTooLargeError(size, max_doc_bytes);
  }
  if (document.media_type().size() > kMaxMediaTypeBytes ||
      FindInvalidUtf8(document.media_type()).has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "media_type is not a media type such as \"text/html; charset=GBK\" "
        "(it is over ",
        kMaxMediaTypeBytes, " bytes or not valid UTF-8)"));
  }
  if (std::optional<size_t> bad = FindInvalidUtf8(document.id())) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "document id is not valid UTF-8: byte 0x%02X at byte offset %d "
        "does not start a well-formed sequence",
        static_cast<unsigned char>(document.id()[*bad]), *bad));
  }
  if (FindInvalidUtf8(document.reference_date()).has_value()) {
    return absl::InvalidArgumentError(
        "reference_date is not valid UTF-8, so not a date written YYYY-MM-DD");
  }
  // The one check of every byte of the text on the server's path, so
  // the vector one.
  if (std::optional<size_t> bad = FindInvalidUtf8Fast(text)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "document text is not valid UTF-8: byte 0x%02X at byte offset %d "
        "does not start a well-formed sequence; convert the text to UTF-8 "
        "(e.g. from GBK) before sending",
        static_cast<unsigned char>(text[*bad]), *bad));
  }
  if (!document.reference_date().empty() &&
      !IsIsoDate(document.reference_date())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "reference_date \"", TruncateMessage(document.reference_date(), 40),
        "\" is not a date written YYYY-MM-DD"));
  }
  return absl::OkStatus();
}

}  // namespace reportfacts
