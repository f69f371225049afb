// Code point positions to byte offsets in UTF-8 text: the facts' spans
// count code points, and cutting a sentence out of the text needs bytes.
//
//   SentenceCutter sentences(text);
//   for (const v1::Metric& m : response.metrics())
//     Print(sentences.Cut(m.sentence_span().begin(), m.sentence_span().end()));
//
// The server (ExtractionToProto) and the client (which cuts the sentences
// itself when it asked for an answer without them) share it, so that both
// cut the same bytes.
#ifndef REPORTFACTS_SERVICE_API_CODE_POINTS_H_
#define REPORTFACTS_SERVICE_API_CODE_POINTS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace reportfacts {

// CodePointCursor walks the text forward from its last answer, so spans
// asked in text order cost one walk over the text in all. A step back
// restarts from the nearest checkpoint behind it (one every
// kCheckpointSpacing code points), so any order stays linear in the
// distances asked. Bytes that are not UTF-8 count one code point each; a
// position past the end gives the text's size.
class CodePointCursor {
 public:
  // Mark is a place in the text that a walk reached: a code point and its
  // byte offset. Several marks can walk one text and share its
  // checkpoints; a mark may be copied onto another.
  struct Mark {
    int64_t code_point = 0;
    size_t byte = 0;
  };

  // `valid_utf8` says that `text` is known to be valid UTF-8 (checked by
  // the caller); the walk then counts 32 bytes a step.
  explicit CodePointCursor(std::string_view text, bool valid_utf8 = false)
      : text_(text), valid_utf8_(valid_utf8) {}

  // ByteAt answers from the cursor's own mark.
  size_t ByteAt(int64_t position) { return ByteAt(position, &mark_); }
  // ByteAt answers from `mark` (of this text), which it moves there.
  size_t ByteAt(int64_t position, Mark* mark);

 private:
  static constexpr int64_t kCheckpointSpacing = 4096;

  std::string_view text_;
  bool valid_utf8_;
  Mark mark_;
  // checkpoints_[k]: byte offset of code point k * kCheckpointSpacing.
  std::vector<size_t> checkpoints_ = {0};
};

// SentenceCutter cuts spans out of the text as Metric.sentence holds
// them: the bytes between the two positions, clamped to the text, empty
// when the span is empty or reversed. Two marks, one for the begins and
// one for the ends, each moving forward over metrics in text order; each
// starts from the other when that one is ahead, so the text is walked
// about once in all.
class SentenceCutter {
 public:
  // The text is checked once for valid UTF-8 (IsValidUtf8, well under an
  // instruction a byte): a valid text is walked 32 bytes a step, and each
  // cut of it is valid too (text_valid()).
  explicit SentenceCutter(std::string_view text);

  bool text_valid() const { return text_valid_; }

  std::string_view Cut(int64_t begin, int64_t end) {
    if (end_.code_point <= begin && begin_.code_point < end_.code_point) {
      begin_ = end_;
    }
    const size_t from = cursor_.ByteAt(begin, &begin_);
    if (end_.code_point < begin_.code_point && begin_.code_point <= end) {
      end_ = begin_;
    }
    const size_t to = cursor_.ByteAt(end, &end_);
    return from < to ? text_.substr(from, to - from) : std::string_view();
  }

 private:
  std::string_view text_;
  bool text_valid_;
  CodePointCursor cursor_;
  CodePointCursor::Mark begin_;
  CodePointCursor::Mark end_;
};

namespace code_points_internal {
// kSequenceLength[lead] for every byte; a table, because the branches of
// the rule mispredict on text that mixes ASCII and CJK.
struct SequenceLengths {
  unsigned char of[256];
  constexpr SequenceLengths() : of() {
    for (int lead = 0; lead < 256; ++lead) {
      of[lead] = lead >= 0xF0 && lead <= 0xF7   ? 4
                 : lead >= 0xE0 && lead <= 0xEF ? 3
                 : lead >= 0xC0 && lead <= 0xDF ? 2
                                                : 1;
    }
  }
};
inline constexpr SequenceLengths kSequenceLengths;
}  // namespace code_points_internal

// Utf8SequenceLength is the length of the UTF-8 sequence that starts with
// `lead`; 1 for a stray byte, so that a walk always advances.
inline size_t Utf8SequenceLength(unsigned char lead) {
  return code_points_internal::kSequenceLengths.of[lead];
}

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_API_CODE_POINTS_H_
