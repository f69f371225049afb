// IsValidUtf8 and FindInvalidUtf8Fast must answer as the core's
// FindInvalidUtf8 does, on every short sequence at every place around
// the 32-byte blocks of the vector path.
#include "service/api/utf8_check.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// Expect checks one input both ways.
void Expect(const std::string& bytes) {
  const std::optional<size_t> want = FindInvalidUtf8(bytes);
  ASSERT_EQ(IsValidUtf8(bytes), !want.has_value())
      << testing::PrintToString(bytes);
  ASSERT_EQ(FindInvalidUtf8Fast(bytes), want);
}

TEST(Utf8CheckTest, VectorPathIsTested) {
  // The machines this runs on have AVX2; without it the check is
  // FindInvalidUtf8 itself and the tests below pass trivially.
  if (!utf8_check_internal::VectorCheckAvailable()) {
    GTEST_SKIP() << "no AVX2 here";
  }
}

TEST(Utf8CheckTest, SmallExamples) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("全年共收到提案，立案。"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));   // U+1F600
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // over U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE5\x85"));          // cut short
  EXPECT_FALSE(IsValidUtf8("\x80"));              // a stray continuation
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_EQ(FindInvalidUtf8Fast("ab\xE5\x85"), std::optional<size_t>(2));
}

TEST(Utf8CheckTest, EveryTwoAndThreeByteString) {
  // Each placed so that it straddles a block boundary or ends the input.
  const std::string before(30, 'a');
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string two = {static_cast<char>(a), static_cast<char>(b)};
      Expect(two);
      Expect(before + two);
      Expect(before + "x" + two + "y");
      for (int c = 0x70; c < 0x100; c += (c >= 0x7E && c < 0xC2) ? 1 : 13) {
        const std::string three = two + static_cast<char>(c);
        Expect(before + three);
        Expect(before + "x" + three);
      }
    }
  }
}

TEST(Utf8CheckTest, FourByteLeadsWithEveryContinuation) {
  const std::string before(29, 'a');
  for (int a = 0xF0; a < 0x100; ++a) {
    for (int b = 0x7F; b <= 0xC0; ++b) {
      for (int c = 0x7F; c <= 0xC0; c += 3) {
        for (int d : {0x20, 0x7F, 0x80, 0x95, 0xBF, 0xC0, 0xE5}) {
          const std::string four = {static_cast<char>(a), static_cast<char>(b),
                                    static_cast<char>(c), static_cast<char>(d)};
          Expect(four);
          Expect(before + four);
          Expect(before + "xy" + four + "z");
        }
      }
    }
  }
}

TEST(Utf8CheckTest, RandomMutationsOfChineseText) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "政协委员提交提案，共计百余件；A1-b2。";
  std::mt19937 random(15);
  for (int round = 0; round < 20000; ++round) {
    std::string bytes = text.substr(0, random() % text.size());
    const int edits = 1 + random() % 3;
    for (int e = 0; e < edits && !bytes.empty(); ++e) {
      bytes[random() % bytes.size()] = static_cast<char>(random() % 256);
    }
    Expect(bytes);
  }
  Expect(text);
}

}  // namespace
}  // namespace reportfacts
