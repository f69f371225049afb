#include "service/core/lexicon.h"

#include <string>

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
