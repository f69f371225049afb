#include "service/api/code_points.h"

#include <algorithm>

namespace reportfacts {

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

}  // namespace reportfacts
