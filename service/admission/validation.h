// Checks a document before any work is queued for it.
//
//   absl::Status s = ValidateDocument(request.document(), max_doc_bytes);
//   if (!s.ok()) return s;  // INVALID_ARGUMENT, whatever the transport
#ifndef REPORTFACTS_SERVICE_ADMISSION_VALIDATION_H_
#define REPORTFACTS_SERVICE_ADMISSION_VALIDATION_H_

#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "reportfacts/v1/facts.pb.h"

namespace reportfacts {

// kDocumentTooLargePayload is the type URL of the payload that marks a
// status as "the document is over the size limit". The code alone
// (INVALID_ARGUMENT) says "do not retry"; the payload lets the HTTP side
// answer 413 without measuring the text again.
inline constexpr char kDocumentTooLargePayload[] =
    "type.googleapis.com/reportfacts.v1.DocumentTooLarge";

// DocumentTooLargeError is INVALID_ARGUMENT naming `size` and `limit`,
// marked with kDocumentTooLargePayload.
absl::Status DocumentTooLargeError(int64_t size, int64_t limit);

// TooManyFactsError is INVALID_ARGUMENT for a document that yields more
// than `limit` facts (`facts` of them, or -1 when extraction stopped at the
// limit), marked with kDocumentTooLargePayload like an over-size text: the
// same document is refused again on every retry.
absl::Status TooManyFactsError(int64_t facts, int64_t limit);

// IsDocumentTooLarge tells whether `status` came from DocumentTooLargeError
// or TooManyFactsError.
bool IsDocumentTooLarge(const absl::Status& status);

// ValidateDocument returns INVALID_ARGUMENT when the text (or the content
// bytes) is longer than `max_doc_bytes` (naming the size and the limit,
// marked as IsDocumentTooLarge), when the document has both text and
// content, when the text or the id is not valid UTF-8 (naming the byte
// offset of the first bad byte), when media_type is not short UTF-8, or
// when reference_date is set but is not an ISO date; OK otherwise. None of
// these is worth retrying. Content bytes are checked when converted
// (service/ingest), not here.
absl::Status ValidateDocument(const v1::Document& document,
                              int64_t max_doc_bytes);

// IsIsoDate tells whether `date` is a real calendar date written
// YYYY-MM-DD.
bool IsIsoDate(std::string_view date);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_ADMISSION_VALIDATION_H_
