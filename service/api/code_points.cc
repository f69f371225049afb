#include "service/api/code_points.h"

#include <algorithm>

#include "service/api/utf8_check.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define REPORTFACTS_CODE_POINTS_AVX2 1
#include <immintrin.h>
#endif

namespace reportfacts {
namespace {

#if defined(REPORTFACTS_CODE_POINTS_AVX2)
bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

// SkipBlocksAvx2 walks valid UTF-8 from the sequence start `*byte` 32
// bytes a step while at least 32 code points remain before `stop`: the
// code points of a block are its bytes that are not continuations, and
// the next sequence starts after the continuations that open the next
// block.
__attribute__((target("avx2"))) void SkipBlocksAvx2(std::string_view text,
                                                    int64_t stop,
                                                    int64_t* code_point,
                                                    size_t* byte) {
  const char* const data = text.data();
  const size_t size = text.size();
  const __m256i last_continuation = _mm256_set1_epi8(static_cast<char>(0xBF));
  while (*code_point + 32 <= stop && *byte + 32 <= size) {
    const __m256i v =
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + *byte));
    // Signed: ASCII and leads (C0..FF) are above BF, continuations not.
    const unsigned starts = static_cast<unsigned>(
        _mm256_movemask_epi8(_mm256_cmpgt_epi8(v, last_continuation)));
    *code_point += __builtin_popcount(starts);
    *byte += 32;
    while (*byte < size &&
           (static_cast<unsigned char>(data[*byte]) & 0xC0) == 0x80) {
      ++*byte;
    }
  }
}
#endif

}  // namespace

size_t CodePointCursor::ByteAt(int64_t position, Mark* mark) {
  position = std::max<int64_t>(position, 0);
  if (position < mark->code_point) {
    const size_t checkpoint =
        std::min(static_cast<size_t>(position / kCheckpointSpacing),
                 checkpoints_.size() - 1);
    mark->code_point = static_cast<int64_t>(checkpoint) * kCheckpointSpacing;
    mark->byte = checkpoints_[checkpoint];
  }
  const char* const data = text_.data();
  const size_t size = text_.size();
  int64_t code_point = mark->code_point;
  size_t byte = mark->byte;
  while (code_point < position && byte < size) {
    // Walk to the position or to the first checkpoint not yet taken,
    // whichever comes first, without a checkpoint test per step. Marks
    // only walk, so whichever reaches that checkpoint first takes it.
    const int64_t next_checkpoint =
        static_cast<int64_t>(checkpoints_.size()) * kCheckpointSpacing;
    const int64_t stop = code_point < next_checkpoint
                             ? std::min(position, next_checkpoint)
                             : position;
#if defined(REPORTFACTS_CODE_POINTS_AVX2)
    if (valid_utf8_ && HasAvx2()) {
      SkipBlocksAvx2(text_, stop, &code_point, &byte);
    }
#endif
    while (code_point < stop && byte < size) {
      byte += Utf8SequenceLength(static_cast<unsigned char>(data[byte]));
      ++code_point;
    }
    if (code_point == next_checkpoint) {
      checkpoints_.push_back(std::min(byte, size));
    }
  }
  mark->code_point = code_point;
  mark->byte = byte;
  return std::min(byte, size);
}

SentenceCutter::SentenceCutter(std::string_view text)
    : text_(text), text_valid_(IsValidUtf8(text)), cursor_(text, text_valid_) {}

}  // namespace reportfacts
