// CodePointCursor and SentenceCutter must give, for any order of
// questions, what one walk from the start of the text gives.
#include "service/api/code_points.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace reportfacts {
namespace {

// ByteByWalk is the plain definition: walk from the start.
size_t ByteByWalk(std::string_view text, int64_t position) {
  size_t byte = 0;
  for (int64_t k = 0; k < position && byte < text.size(); ++k) {
    byte += Utf8SequenceLength(static_cast<unsigned char>(text[byte]));
  }
  return std::min(byte, text.size());
}

TEST(CodePointCursorTest, ForwardBackwardAndPastTheEnd) {
  // ASCII, two-, three- and four-byte sequences, a stray continuation
  // byte and a lead byte cut off by the end of the text.
  std::string text;
  for (int k = 0; k < 3000; ++k)
    text += "a\xC3\xA9\xE6\x8A\xA5\xF0\x9F\x93\x8A";
  text += "\x80z\xE6";
  std::mt19937 rng(7);
  const int64_t past_end = static_cast<int64_t>(text.size()) + 5;
  std::uniform_int_distribution<int64_t> any(-3, past_end);
  CodePointCursor cursor(text);
  std::vector<int64_t> positions = {0,    1, 2,     4095,     4096, 4097,
                                    9000, 3, 12000, past_end, 8192, 0};
  for (int k = 0; k < 2000; ++k) positions.push_back(any(rng));
  for (int64_t position : positions) {
    ASSERT_EQ(cursor.ByteAt(position), ByteByWalk(text, position))
        << "code point " << position;
  }
}

TEST(CodePointCursorTest, MarksShareOneWalk) {
  std::string text;
  for (int k = 0; k < 5000; ++k) text += "ab\xE6\x8A\xA5";
  CodePointCursor cursor(text);
  CodePointCursor::Mark first;
  CodePointCursor::Mark second;
  std::mt19937 rng(11);
  std::uniform_int_distribution<int64_t> any(0, 16000);
  for (int k = 0; k < 1000; ++k) {
    const int64_t a = any(rng);
    const int64_t b = any(rng);
    ASSERT_EQ(cursor.ByteAt(a, &first), ByteByWalk(text, a)) << a;
    ASSERT_EQ(cursor.ByteAt(b, &second), ByteByWalk(text, b)) << b;
    if (k % 3 == 0) first = second;  // a mark copied onto another
  }
}

TEST(SentenceCutterTest, CutsInAnyOrderAsFromTheStart) {
  std::string text;
  for (int k = 0; k < 3000; ++k) text += "全年\xC3\xA9x。";
  std::mt19937 rng(5);
  std::uniform_int_distribution<int64_t> any(-2, 16000);
  SentenceCutter cutter(text);
  for (int k = 0; k < 3000; ++k) {
    // Mostly forward, overlapping spans, as metrics give them; now and
    // then anywhere.
    int64_t begin = k % 10 == 0 ? any(rng) : k * 4;
    int64_t end = begin + static_cast<int64_t>(rng() % 40) - 5;
    const size_t from = ByteByWalk(text, begin);
    const size_t to = ByteByWalk(text, end);
    const std::string_view expected =
        from < to ? std::string_view(text).substr(from, to - from)
                  : std::string_view();
    ASSERT_EQ(cutter.Cut(begin, end), expected) << begin << ".." << end;
  }
}

TEST(SentenceCutterTest, CutsByCodePointsAndClamps) {
  const std::string text = "前言。全年收到提案412件。";
  SentenceCutter cutter(text);
  EXPECT_EQ(cutter.Cut(0, 3), "前言。");
  EXPECT_EQ(cutter.Cut(3, 14), "全年收到提案412件。");
  EXPECT_EQ(cutter.Cut(9, 12), "412");
  EXPECT_EQ(cutter.Cut(5, 5), "");        // empty
  EXPECT_EQ(cutter.Cut(6, 2), "");        // reversed
  EXPECT_EQ(cutter.Cut(12, 99), "件。");  // clamped to the text
  EXPECT_EQ(cutter.Cut(-4, 2), "前言");
  EXPECT_EQ(SentenceCutter("").Cut(0, 10), "");
}

}  // namespace
}  // namespace reportfacts

namespace reportfacts {
namespace {

TEST(CodePointCursorTest, ValidTextWalksBlocksToTheSameBytes) {
  // Mixed widths, so that sequences straddle the 32-byte blocks, and a
  // text longer than a checkpoint spacing.
  const std::string pieces[] = {"a", "é", "政", "，", "\xF0\x9F\x98\x80", "12"};
  std::mt19937 random(7);
  std::string text;
  while (text.size() < 40000) text += pieces[random() % 6];
  for (const bool valid : {true, false}) {
    CodePointCursor cursor(text, valid);
    CodePointCursor::Mark mark;
    for (int round = 0; round < 3000; ++round) {
      // Mostly forward, sometimes back, sometimes past the end.
      const int64_t position =
          round % 5 == 4
              ? static_cast<int64_t>(random() % 20000)
              : mark.code_point + static_cast<int64_t>(random() % 90);
      ASSERT_EQ(cursor.ByteAt(position, &mark), ByteByWalk(text, position))
          << "position " << position << (valid ? " (valid)" : "");
    }
  }
  SentenceCutter cutter(text);
  EXPECT_TRUE(cutter.text_valid());
  EXPECT_FALSE(SentenceCutter("ab\xFF").text_valid());
}

}  // namespace
}  // namespace reportfacts
