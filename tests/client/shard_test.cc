#include "client/shard.h"

#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace reportfacts::cli {
namespace {

TEST(ShardTest, EveryDocumentIsInExactlyOneShard) {
  for (const int64_t count : {1, 2, 3, 8, 64}) {
    for (int i = 0; i < 500; ++i) {
      const std::string id = absl::StrCat("2024/报告-", i, ".txt");
      int owners = 0;
      for (int64_t index = 0; index < count; ++index) {
        owners += InShard(id, index, count) ? 1 : 0;
      }
      EXPECT_EQ(owners, 1) << id << " of " << count;
    }
  }
}

TEST(ShardTest, OneShardTakesEverything) {
  EXPECT_TRUE(InShard("a.txt", 0, 1));
  EXPECT_TRUE(InShard("", 0, 1));
}

TEST(ShardTest, TheSplitIsFixedByTheAlgorithm) {
  // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c; these values must never change,
  // or a re-run would send documents to other shards than the first run.
  EXPECT_EQ(ShardOf("a", 1000),
            static_cast<int64_t>(0xaf63dc4c8601ec8cull % 1000));
  EXPECT_EQ(ShardOf("", 7), static_cast<int64_t>(14695981039346656037ull % 7));
}

TEST(ShardTest, ShardsAreRoughlyEven) {
  std::map<int64_t, int> sizes;
  for (int i = 0; i < 8000; ++i) {
    ++sizes[ShardOf(absl::StrCat("archive/", i, ".txt"), 8)];
  }
  ASSERT_EQ(sizes.size(), 8u);
  for (const auto& [shard, size] : sizes) {
    EXPECT_GT(size, 800) << shard;
    EXPECT_LT(size, 1200) << shard;
  }
}

}  // namespace
}  // namespace reportfacts::cli
