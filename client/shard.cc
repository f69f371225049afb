#include "client/shard.h"

namespace reportfacts::cli {

int64_t ShardOf(std::string_view id, int64_t count) {
  if (count <= 1) return 0;
  // FNV-1a, 64 bits: fixed by its definition, so shards stay the same
  // across builds, machines and versions (std::hash promises none of it).
  uint64_t hash = 14695981039346656037ull;
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return static_cast<int64_t>(hash % static_cast<uint64_t>(count));
}

}  // namespace reportfacts::cli
