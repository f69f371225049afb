// The protobuf wire bytes of an ExtractResponse, written straight from the
// core's structs (service/core/facts.h), for the server's answers.
//
//   EncodedResponse encoded(id, *facts, text, answer, page_starts);
//   grpc::Slice slice(encoded.size());
//   encoded.WriteTo(const_cast<uint8_t*>(slice.begin()));
//
// The bytes are exactly what SerializeToString gives for the message that
// ExtractionToProto (convert.h) builds from the same facts, with
// document_id set and, for a converted document, `text`: fields in number
// order, proto3 defaults left out. Building that message first costs an
// allocation and a copy per string of every fact, and its serializer
// checks every string's UTF-8 again; the core's strings are UTF-8 already.
// response_wire_test compares the two on hand-made facts and on the
// extractor's answers for both development sets.
#ifndef REPORTFACTS_SERVICE_API_RESPONSE_WIRE_H_
#define REPORTFACTS_SERVICE_API_RESPONSE_WIRE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "service/api/convert.h"
#include "service/core/facts.h"

namespace reportfacts {

// EncodedResponse holds references to `facts` and to the bytes of its
// string arguments, which must outlive it.
class EncodedResponse {
 public:
  // `text` is the document the facts point into (sentences are cut from
  // it); `with_text` also puts it in the response's `text` field, as for a
  // document sent as content. `page_starts` as in ExtractionToProto.
  EncodedResponse(std::string_view document_id, const Extraction& facts,
                  std::string_view text, const AnswerOptions& answer,
                  const std::vector<int64_t>& page_starts, bool with_text);

  // size is the number of bytes WriteTo writes.
  size_t size() const { return size_; }

  // WriteTo writes the message to `out`, which has room for size() bytes,
  // and returns the end of what it wrote.
  uint8_t* WriteTo(uint8_t* out) const;

 private:
  std::string_view document_id_;
  const Extraction& facts_;
  std::string_view text_;
  std::vector<int64_t> page_starts_;  // a copy: a PDF's few pages
  bool with_text_;
  // Each metric's sentence text, when the answer carries them.
  std::vector<std::string_view> sentences_;
  // Each page's span end (code points), for a paged document.
  std::vector<int64_t> page_ends_;
  size_t size_ = 0;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_API_RESPONSE_WIRE_H_
