#include "service/core/lexicon.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace reportfacts {
namespace {

WordSet MakeSet(std::initializer_list<std::u32string_view> words) {
  WordSet set;
  for (std::u32string_view w : words) set.Add(w);
  return set;
}

TEST(WordSet, ContainsOnlyWholeWords) {
  const WordSet set = MakeSet({U"委员", U"政协委员", U"欧阳"});
  EXPECT_TRUE(set.Contains(U"委员"));
  EXPECT_TRUE(set.Contains(U"政协委员"));
  EXPECT_FALSE(set.Contains(U"政协"));  // a prefix of a word only
  EXPECT_FALSE(set.Contains(U"委"));
  EXPECT_FALSE(set.Contains(U""));
  EXPECT_FALSE(set.empty());
  EXPECT_TRUE(WordSet().empty());
}

TEST(WordSet, LongestStartingAtPrefersTheLongestWithinTheLimit) {
  const WordSet set = MakeSet({U"政协", U"政协委员", U"委员"});
  const std::u32string_view text = U"省政协委员会";
  EXPECT_EQ(set.LongestStartingAt(text, 1, text.size()), 4u);
  EXPECT_EQ(set.LongestStartingAt(text, 1, 4), 2u);  // 政协委 cut at 委
  EXPECT_EQ(set.LongestStartingAt(text, 0, text.size()), 0u);
  EXPECT_EQ(set.LongestStartingAt(text, 3, text.size()), 2u);
  EXPECT_EQ(set.LongestStartingAt(text, 6, text.size()), 0u);  // at the end
  EXPECT_EQ(set.LongestStartingAt(text, 1, 100), 4u);  // limit past the end
}

TEST(WordSet, LongestEndingAtRespectsTheFloor) {
  const WordSet set = MakeSet({U"委员", U"政协委员", U"员"});
  const std::u32string_view text = U"省政协委员会";
  EXPECT_EQ(set.LongestEndingAt(text, 5), 4u);
  EXPECT_EQ(set.LongestEndingAt(text, 5, 2), 2u);  // 政协委员 starts at 1
  EXPECT_EQ(set.LongestEndingAt(text, 5, 4), 1u);
  EXPECT_EQ(set.LongestEndingAt(text, 6), 0u);
  EXPECT_EQ(set.LongestEndingAt(text, 7), 0u);  // past the end
}

TEST(WordSet, HandlesCodePointsOutsideTheBasicPlane) {
  const WordSet set = MakeSet({U"𠀀甲", U"a𠀁"});
  const std::u32string_view text = U"x𠀀甲a𠀁";
  EXPECT_EQ(set.LongestStartingAt(text, 1, text.size()), 2u);
  EXPECT_EQ(set.LongestEndingAt(text, 5), 2u);
  EXPECT_TRUE(set.Contains(U"a𠀁"));
}

// A node's edges live in one shared array and move to a larger block as
// they grow: words added in any order, many under one node, are all found,
// in both directions, and no word is found that was not added.
TEST(WordSet, FindsEveryWordWhileNodesGrow) {
  WordSet set;
  std::vector<std::u32string> words;
  // 97 is prime, so the second characters come in scrambled order.
  for (int k = 0; k < 200; ++k) {
    const char32_t second = 0x4E00 + (k * 97) % 200;
    words.push_back({U'主', second});
    words.push_back({second, U'席'});  // many first steps backwards too
    if (k % 3 == 0) words.push_back({U'主', second, U'任'});
  }
  for (const auto& w : words) set.Add(w);
  for (const auto& w : words) {
    EXPECT_TRUE(set.Contains(w));
    EXPECT_EQ(set.LongestStartingAt(w, 0, w.size()), w.size());
    EXPECT_EQ(set.LongestEndingAt(w, w.size()), w.size());
  }
  EXPECT_FALSE(set.Contains(U"主"));
  EXPECT_FALSE(set.Contains(std::u32string{U'主', char32_t{0x4E00 + 201}}));
  EXPECT_FALSE(set.Contains(std::u32string{U'主', char32_t{0x4E07}, U'任'}));
  EXPECT_EQ(set.LongestStartingAt(U"主\u4E00任", 0, 3), 3u);  // k = 0
  EXPECT_EQ(set.LongestStartingAt(U"主\u4E07任", 0, 3), 2u);  // k = 31: no 任
  // Every label below, among and above a node's children, found or not
  // (a search that halves the children must miss none and invent none).
  for (char32_t second = 0x4DF0; second < 0x4E00 + 216; ++second) {
    const bool listed = second >= 0x4E00 && second < 0x4E00 + 200;
    EXPECT_EQ(set.Contains(std::u32string{U'主', second}), listed);
    EXPECT_EQ(set.LongestEndingAt(std::u32string{U'主', second, U'席'}, 3),
              listed ? 2u : 0u);
  }
}

TEST(CharSet, TellsMembersInAndOutsideTheBasicPlane) {
  CharSet set;
  set.insert(U'主');
  set.insert(U'𠀀');
  EXPECT_TRUE(set.contains(U'主'));
  EXPECT_TRUE(set.contains(U'𠀀'));
  EXPECT_FALSE(set.contains(U'席'));
  EXPECT_FALSE(set.contains(U'𠀁'));
}

}  // namespace
}  // namespace reportfacts
