#include "service/api/code_points.h"

#include <algorithm>

namespace reportfacts {

size_t CodePointCursor::ByteAt(int64_t position) {
  position = std::max<int64_t>(position, 0);
  if (position < code_point_) {
    const size_t checkpoint =
        std::min(static_cast<size_t>(position / kCheckpointSpacing),
                 checkpoints_.size() - 1);
    code_point_ = static_cast<int64_t>(checkpoint) * kCheckpointSpacing;
    byte_ = checkpoints_[checkpoint];
  }
  const char* const data = text_.data();
  const size_t size = text_.size();
  while (code_point_ < position && byte_ < size) {
    // Walk to the position or to the next checkpoint, whichever is first,
    // without a checkpoint test per step.
    const int64_t next_checkpoint =
        static_cast<int64_t>(checkpoints_.size()) * kCheckpointSpacing;
    const int64_t stop = std::min(
        position, code_point_ < next_checkpoint ? next_checkpoint : position);
    size_t byte = byte_;
    int64_t code_point = code_point_;
    while (code_point < stop && byte < size) {
      byte += Utf8SequenceLength(static_cast<unsigned char>(data[byte]));
      ++code_point;
    }
    byte_ = byte;
    code_point_ = code_point;
    if (code_point_ == next_checkpoint) {
      checkpoints_.push_back(std::min(byte_, size));
    }
  }
  return std::min(byte_, size);
}

}  // namespace reportfacts
