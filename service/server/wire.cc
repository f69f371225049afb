#include "service/server/wire.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "grpcpp/support/proto_buffer_reader.h"
#include "grpcpp/support/slice.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;

// Field numbers of reportfacts.v1.ExtractRequest and Document.
constexpr int kRequestDocument = 1;
constexpr int kRequestOmitSentenceText = 2;
constexpr int kDocumentId = 1;
constexpr int kDocumentText = 2;
constexpr int kDocumentReferenceDate = 3;
constexpr int kDocumentContent = 4;
constexpr int kDocumentMediaType = 5;

absl::Status NotARequest(const char* what) {
  return absl::InvalidArgumentError(
      absl::StrCat("the request is not a reportfacts.v1.ExtractRequest (", what,
                   "); check that the client uses the same .proto"));
}

// EndsMessage tells whether ReadTag's `tag` ends the message being read:
// a zero tag (the end, or bytes that are not a tag), field number 0, or
// an end-group tag, which no open group can match here.
bool EndsMessage(uint32_t tag) {
  return WireFormatLite::GetTagFieldNumber(tag) == 0 ||
         WireFormatLite::GetTagWireType(tag) ==
             WireFormatLite::WIRETYPE_END_GROUP;
}

// AtCleanEnd tells, after EndsMessage(tag), whether the message ended
// where it should: the stream's limit reached, not a bad tag before it.
bool AtCleanEnd(uint32_t tag, CodedInputStream& in) {
  return tag == 0 && in.ConsumedEntireMessage();
}

// ReadLengthDelimited reads a bytes or string value straight into
// `value`, replacing it: the only copy a document's text goes through.
bool ReadLengthDelimited(CodedInputStream& in, std::string* value) {
  uint32_t length = 0;
  if (!in.ReadVarint32(&length)) return false;
  if (static_cast<int64_t>(length) > in.BytesUntilLimit()) return false;
  return in.ReadString(value, static_cast<int>(length));
}

// MergeDocument merges the encoded Document that `in` is limited to into
// `document`; a field seen twice keeps its last value, as protobuf merges.
// A known number with another wire type is an unknown field to the
// generated parser too, and is skipped like one.
bool MergeDocument(CodedInputStream& in, v1::Document* document) {
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (EndsMessage(tag)) return AtCleanEnd(tag, in);
    std::string* field = nullptr;
    if (WireFormatLite::GetTagWireType(tag) ==
        WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      switch (WireFormatLite::GetTagFieldNumber(tag)) {
        case kDocumentId:
          field = document->mutable_id();
          break;
        case kDocumentText:
          field = document->mutable_text();
          break;
        case kDocumentReferenceDate:
          field = document->mutable_reference_date();
          break;
        case kDocumentContent:
          field = document->mutable_content();
          break;
        case kDocumentMediaType:
          field = document->mutable_media_type();
          break;
        default:
          break;
      }
    }
    const bool read = field != nullptr ? ReadLengthDelimited(in, field)
                                       : WireFormatLite::SkipField(&in, tag);
    if (!read) return false;
  }
}

// DecodeFrom parses an ExtractRequest of `size` bytes from `in`.
absl::Status DecodeFrom(CodedInputStream& in, int64_t size,
                        v1::ExtractRequest* request) {
  request->Clear();
  if (size > std::numeric_limits<int>::max()) {
    return NotARequest("larger than protobuf allows");
  }
  const CodedInputStream::Limit whole = in.PushLimit(static_cast<int>(size));
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (EndsMessage(tag)) {
      if (!AtCleanEnd(tag, in)) {
        return NotARequest("not a valid protobuf message");
      }
      in.PopLimit(whole);
      return absl::OkStatus();
    }
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    const auto type = WireFormatLite::GetTagWireType(tag);
    if (number == kRequestOmitSentenceText &&
        type == WireFormatLite::WIRETYPE_VARINT) {
      uint64_t value = 0;
      if (!in.ReadVarint64(&value)) {
        return NotARequest("not a valid protobuf message");
      }
      request->set_omit_sentence_text(value != 0);
    } else if (number == kRequestDocument &&
               type == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length = 0;
      if (!in.ReadVarint32(&length) ||
          static_cast<int64_t>(length) > in.BytesUntilLimit()) {
        return NotARequest("not a valid protobuf message");
      }
      const CodedInputStream::Limit document =
          in.PushLimit(static_cast<int>(length));
      if (!MergeDocument(in, request->mutable_document())) {
        return NotARequest("document is not a valid protobuf message");
      }
      in.PopLimit(document);
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      // Unknown to this server: skipped, as protobuf does.
      return NotARequest("not a valid protobuf message");
    }
  }
}

}  // namespace

absl::Status DecodeExtractRequest(std::string_view bytes,
                                  v1::ExtractRequest* request) {
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    request->Clear();
    return NotARequest("larger than protobuf allows");
  }
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  return DecodeFrom(in, static_cast<int64_t>(bytes.size()), request);
}

absl::Status DecodeExtractRequest(const grpc::ByteBuffer& buffer,
                                  v1::ExtractRequest* request) {
  if (!buffer.Valid()) {
    request->Clear();
    return absl::OkStatus();  // an empty message: every field at default
  }
  // Read in place over gRPC's slices, without joining them first; the
  // copy shares the slices.
  grpc::ByteBuffer shared(buffer);
  grpc::ProtoBufferReader reader(&shared);
  if (!reader.status().ok()) {
    request->Clear();
    return absl::OkStatus();
  }
  CodedInputStream in(&reader);
  return DecodeFrom(in, static_cast<int64_t>(buffer.Length()), request);
}

void EncodeExtractResponse(const v1::ExtractResponse& response,
                           grpc::ByteBuffer* buffer) {
  // Straight into the slice gRPC sends: a string in between would copy
  // an answer of megabytes once more.
  const size_t size = response.ByteSizeLong();
  grpc::Slice slice(size);
  response.SerializeWithCachedSizesToArray(const_cast<uint8_t*>(slice.begin()));
  grpc::ByteBuffer encoded(&slice, 1);
  buffer->Swap(&encoded);
}

void EncodeExtractResponse(const EncodedResponse& response,
                           grpc::ByteBuffer* buffer) {
  grpc::Slice slice(response.size());
  response.WriteTo(const_cast<uint8_t*>(slice.begin()));
  grpc::ByteBuffer encoded(&slice, 1);
  buffer->Swap(&encoded);
}

std::string ToValidUtf8(std::string_view bytes) {
  std::string out;
  while (std::optional<size_t> bad = FindInvalidUtf8(bytes)) {
    out.append(bytes.substr(0, *bad));
    out.append("\xEF\xBF\xBD");
    bytes.remove_prefix(*bad + 1);
  }
  out.append(bytes);
  return out;
}

}  // namespace reportfacts
