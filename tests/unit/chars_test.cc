// The shared character classes: each class with members and non-members.
#include "service/core/chars.h"

#include "gtest/gtest.h"

namespace reportfacts {
namespace {

TEST(Chars, HanIdeographsOfEveryBlockAreCjk) {
  for (char32_t c : {U'政', U'协', U'㐀', U'龥', U'豈', U'𠀀'}) {
    EXPECT_TRUE(IsCjk(c)) << static_cast<uint32_t>(c);
  }
  for (char32_t c : {U'a', U'1', U'，', U'。', U'ア', U'가', U' '}) {
    EXPECT_FALSE(IsCjk(c)) << static_cast<uint32_t>(c);
  }
}

TEST(Chars, AsciiAndFullwidthDigitsHaveTheirValues) {
  EXPECT_EQ(DigitValue(U'0'), 0);
  EXPECT_EQ(DigitValue(U'7'), 7);
  EXPECT_EQ(DigitValue(U'０'), 0);
  EXPECT_EQ(DigitValue(U'９'), 9);
  for (char32_t c : {U'a', U'五', U'.', U'٣', U'①'}) {
    EXPECT_FALSE(IsDigit(c)) << static_cast<uint32_t>(c);
    EXPECT_EQ(DigitValue(c), -1);
  }
  EXPECT_TRUE(IsDecimalPoint(U'.'));
  EXPECT_TRUE(IsDecimalPoint(U'．'));
  EXPECT_FALSE(IsDecimalPoint(U'。'));
}

TEST(Chars, BlanksIncludeTheIdeographicSpaceButNoLineBreak) {
  for (char32_t c :
       {U' ', U'\t', U'\r', U'\u3000', U'\u00A0', U'\u2009', U'\uFEFF'}) {
    EXPECT_TRUE(IsBlank(c)) << static_cast<uint32_t>(c);
    EXPECT_TRUE(IsSpace(c));
  }
  for (char32_t c : {U'\n', U'\u2028', U'\u2029'}) {
    EXPECT_FALSE(IsBlank(c));
    EXPECT_TRUE(IsLineBreak(c));
    EXPECT_TRUE(IsSpace(c));
  }
  EXPECT_FALSE(IsSpace(U'_'));
  EXPECT_FALSE(IsSpace(U'、'));
}

TEST(Chars, DashesAndRangeMarks) {
  for (char32_t c : {U'—', U'–', U'―', U'-', U'－', U'−'}) {
    EXPECT_TRUE(IsDash(c)) << static_cast<uint32_t>(c);
    EXPECT_TRUE(IsRangeMark(c));
  }
  EXPECT_TRUE(IsRangeMark(U'~'));
  EXPECT_TRUE(IsRangeMark(U'～'));
  EXPECT_FALSE(IsDash(U'~'));
  EXPECT_FALSE(IsDash(U'_'));
  EXPECT_FALSE(IsRangeMark(U'至'));  // a word, read by the date rules
  EXPECT_TRUE(IsMinusSign(U'-'));
  EXPECT_TRUE(IsMinusSign(U'−'));
  EXPECT_FALSE(IsMinusSign(U'—'));
}

TEST(Chars, SentenceEndsAreClauseBreaksButTheListCommaIsNot) {
  for (char32_t c : {U'。', U'！', U'？', U'；', U'!', U'?', U';'}) {
    EXPECT_TRUE(IsSentenceEnd(c)) << static_cast<uint32_t>(c);
    EXPECT_TRUE(IsClauseBreak(c));
  }
  for (char32_t c : {U'，', U',', U'：', U':'}) {
    EXPECT_FALSE(IsSentenceEnd(c)) << static_cast<uint32_t>(c);
    EXPECT_TRUE(IsClauseBreak(c));
  }
  EXPECT_FALSE(IsClauseBreak(U'、'));
  EXPECT_TRUE(IsListSeparator(U'、'));
  EXPECT_FALSE(IsClauseBreak(U'的'));
}

TEST(Chars, QuotesAndBrackets) {
  EXPECT_TRUE(IsOpenQuote(U'“'));
  EXPECT_TRUE(IsCloseQuote(U'”'));
  EXPECT_TRUE(IsOpenQuote(U'「'));
  EXPECT_TRUE(IsCloseQuote(U'」'));
  EXPECT_FALSE(IsOpenQuote(U'”'));
  EXPECT_TRUE(IsQuoteMark(U'\''));
  EXPECT_TRUE(IsOpenBracket(U'（'));
  EXPECT_TRUE(IsCloseBracket(U'】'));
  EXPECT_FALSE(IsOpenBracket(U'《'));  // book titles are their own mark
}

TEST(Chars, PunctuationIsWhatIsNeitherLetterDigitHanNorSpace) {
  for (char32_t c :
       {U'，', U'。', U'、', U'“', U'《', U'—', U'!', U'%', U'·'}) {
    EXPECT_TRUE(IsPunctuation(c)) << static_cast<uint32_t>(c);
  }
  for (char32_t c : {U'政', U'a', U'7', U'７', U' ', U'\n'}) {
    EXPECT_FALSE(IsPunctuation(c)) << static_cast<uint32_t>(c);
  }
}

}  // namespace
}  // namespace reportfacts
