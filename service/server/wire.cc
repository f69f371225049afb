#include "service/server/wire.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/unknown_field_set.h"
#include "grpcpp/support/slice.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

using google::protobuf::UnknownField;
using google::protobuf::UnknownFieldSet;

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

// MergeDocument merges one encoded Document into `document`; a field seen
// twice keeps its last value, as protobuf merges.
absl::Status MergeDocument(std::string* encoded, v1::Document* document) {
  UnknownFieldSet fields;
  if (!fields.ParseFromArray(encoded->data(),
                             static_cast<int>(encoded->size()))) {
    return NotARequest("document is not a valid protobuf message");
  }
  for (int i = 0; i < fields.field_count(); ++i) {
    UnknownField* field = fields.mutable_field(i);
    const int number = field->number();
    if (number < kDocumentId || number > kDocumentMediaType) {
      continue;  // unknown to this server: skipped, as protobuf does
    }
    // A known number with another wire type is an unknown field to the
    // generated parser too.
    if (field->type() != UnknownField::TYPE_LENGTH_DELIMITED) continue;
    std::string value = std::move(*field->mutable_length_delimited());
    switch (number) {
      case kDocumentId:
        document->set_id(std::move(value));
        break;
      case kDocumentText:
        document->set_text(std::move(value));
        break;
      case kDocumentReferenceDate:
        document->set_reference_date(std::move(value));
        break;
      case kDocumentContent:
        document->set_content(std::move(value));
        break;
      default:  // kDocumentMediaType
        document->set_media_type(std::move(value));
        break;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status DecodeExtractRequest(std::string_view bytes,
                                  v1::ExtractRequest* request) {
  request->Clear();
  UnknownFieldSet fields;
  if (!fields.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return NotARequest("not a valid protobuf message");
  }
  for (int i = 0; i < fields.field_count(); ++i) {
    UnknownField* field = fields.mutable_field(i);
    if (field->number() == kRequestOmitSentenceText &&
        field->type() == UnknownField::TYPE_VARINT) {
      request->set_omit_sentence_text(field->varint() != 0);
      continue;
    }
    if (field->number() != kRequestDocument) continue;
    if (field->type() != UnknownField::TYPE_LENGTH_DELIMITED) continue;
    if (absl::Status merged = MergeDocument(field->mutable_length_delimited(),
                                            request->mutable_document());
        !merged.ok()) {
      return merged;
    }
  }
  return absl::OkStatus();
}

absl::Status DecodeExtractRequest(const grpc::ByteBuffer& buffer,
                                  v1::ExtractRequest* request) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Valid() || !buffer.Dump(&slices).ok()) {
    request->Clear();
    return absl::OkStatus();  // an empty message: every field at default
  }
  if (slices.size() == 1) {
    return DecodeExtractRequest(
        std::string_view(reinterpret_cast<const char*>(slices[0].begin()),
                         slices[0].size()),
        request);
  }
  std::string bytes;
  bytes.reserve(buffer.Length());
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return DecodeExtractRequest(bytes, request);
}

void EncodeExtractResponse(const v1::ExtractResponse& response,
                           grpc::ByteBuffer* buffer) {
  grpc::Slice slice(response.SerializeAsString());
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
