#include "client/batch_stream.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "client/documents.h"
#include "client/rpc.h"
#include "grpcpp/client_context.h"

namespace reportfacts::cli {

grpc::Status StreamDocuments(v1::FactExtractor::StubInterface& stub,
                             const std::vector<DocumentFile>& files,
                             const StreamOptions& options,
                             const StreamCallbacks& callbacks) {
  grpc::ClientContext context;
  if (options.timeout_ms > 0) SetTimeout(context, options.timeout_ms);
  auto stream = stub.ExtractStream(&context);
  const size_t concurrency =
      static_cast<size_t>(std::max(1, options.concurrency));

  std::mutex mu;  // guards everything below and serialises the callbacks
  std::condition_variable room;
  bool reader_done = false;
  // Each document sent and not yet answered, with its text while the
  // answer's sentences are still to be cut from it.
  struct InFlight {
    const DocumentFile* file;
    std::string text;
  };
  std::map<std::string, InFlight> in_flight;

  std::thread writer([&] {
    for (const DocumentFile& file : files) {
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] {
          return in_flight.size() < concurrency || reader_done;
        });
        if (reader_done) break;
      }
      std::optional<std::string> text = ReadInput(file.path);
      if (!text) {
        std::lock_guard<std::mutex> lock(mu);
        callbacks.on_failure(file, "cannot read the file");
        continue;
      }
      v1::ExtractRequest request;
      request.mutable_document()->set_id(file.id);
      SetDocumentBody(file.path, *std::move(text), request.mutable_document());
      request.mutable_document()->set_reference_date(options.reference_date);
      request.set_omit_sentence_text(true);
      // A copy: the answer may come before Write returns.
      std::string kept = options.omit_sentence_text ? std::string()
                                                    : request.document().text();
      {
        std::lock_guard<std::mutex> lock(mu);
        in_flight[file.id] = {&file, std::move(kept)};
      }
      if (!stream->Write(request)) break;  // the call is over; Finish says why
    }
    stream->WritesDone();
  });

  v1::ExtractResponse response;
  while (stream->Read(&response)) {
    std::lock_guard<std::mutex> lock(mu);
    const auto it = in_flight.find(response.document_id());
    if (it == in_flight.end()) continue;  // not ours; cannot happen
    const DocumentFile* file = it->second.file;
    const std::string text = std::move(it->second.text);
    in_flight.erase(it);
    room.notify_one();
    const std::string_view sentence_text =
        options.omit_sentence_text ? std::string_view()
        : response.has_text()      ? std::string_view(response.text())
                                   : std::string_view(text);
    callbacks.on_response(*file, response, sentence_text);
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    reader_done = true;
  }
  room.notify_all();
  writer.join();
  const grpc::Status status = stream->Finish();
  for (const auto& [id, entry] : in_flight) {
    callbacks.on_failure(*entry.file, status.ok()
                                          ? "the server sent no response"
                                          : "the stream ended before its "
                                            "response");
  }
  return status;
}

}  // namespace reportfacts::cli
