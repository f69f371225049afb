// Sends many documents over one ExtractStream call with a bounded number
// in flight: a writer thread reads each file just before sending it, so
// memory stays at about `concurrency` documents (twice that while their
// texts wait for the answers' sentences) however large the folder.
#ifndef REPORTFACTS_CLIENT_BATCH_STREAM_H_
#define REPORTFACTS_CLIENT_BATCH_STREAM_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "client/documents.h"
#include "grpcpp/support/status.h"
#include "reportfacts/v1/fact_extractor.grpc.pb.h"

namespace reportfacts::cli {

// StreamOptions tune StreamDocuments.
struct StreamOptions {
  int concurrency = 16;        // documents sent but not yet answered
  std::string reference_date;  // for every document
  // Answers always come without sentence text, which would repeat the
  // documents; unless this is set, each document's text is kept until its
  // answer and handed to on_response to cut the sentences from.
  bool omit_sentence_text = false;
  int64_t timeout_ms = 0;  // deadline of the whole call; 0 = none
};

// StreamCallbacks receive the outcome of each document. They are called
// one at a time (never concurrently), from either thread.
struct StreamCallbacks {
  // A response: success, or error_code/error_message set by the server.
  // `sentence_text` is the text its metrics' sentence spans point into
  // (the document's, or the converted text the response carries), empty
  // under omit_sentence_text: print with AppendJson, or FillSentences.
  std::function<void(const DocumentFile&, v1::ExtractResponse& response,
                     std::string_view sentence_text)>
      on_response;
  // A document that never reached the server or got no answer.
  std::function<void(const DocumentFile&, const std::string& why)> on_failure;
};

// StreamDocuments sends `files` (ids from DocumentFile::id) and returns
// the call's final status; a broken call reports every unanswered file
// through on_failure first.
grpc::Status StreamDocuments(v1::FactExtractor::StubInterface& stub,
                             const std::vector<DocumentFile>& files,
                             const StreamOptions& options,
                             const StreamCallbacks& callbacks);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_BATCH_STREAM_H_
