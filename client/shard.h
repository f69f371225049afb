// Splitting an archive into shards that separate processes (the pods of a
// Kubernetes Indexed Job) take one each, with no coordination: a document
// belongs to the shard its id hashes to, so the split is the same on every
// run and a document added later does not move the others.
//
//   if (!InShard(file.id, shard_index, shard_count)) continue;
#ifndef REPORTFACTS_CLIENT_SHARD_H_
#define REPORTFACTS_CLIENT_SHARD_H_

#include <cstdint>
#include <string_view>

namespace reportfacts::cli {

// ShardOf is the shard (0 .. count-1) of the document `id`; `count` >= 1.
int64_t ShardOf(std::string_view id, int64_t count);

// InShard tells whether the document `id` belongs to shard `index` of
// `count`.
inline bool InShard(std::string_view id, int64_t index, int64_t count) {
  return ShardOf(id, count) == index;
}

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_SHARD_H_
