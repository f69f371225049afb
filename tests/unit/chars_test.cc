// The shared character classes: each class with members and non-members.
#include "service/core/chars.h"

#include <string_view>

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

// Every class is exactly its members: the fast range tests in chars.h must
// neither drop a member nor take in another character, checked over every
// code point.
template <typename Predicate>
void ExpectExactly(Predicate predicate, std::u32string_view members,
                   const char* name) {
  for (char32_t c = 0; c < 0x110000; ++c) {
    const bool member = members.find(c) != std::u32string_view::npos;
    ASSERT_EQ(predicate(c), member)
        << name << " U+" << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(Chars, CjkIsExactlyTheFourHanRanges) {
  for (char32_t c = 0; c < 0x110000; ++c) {
    const bool han =
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
    ASSERT_EQ(IsCjk(c), han) << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(Chars, EachMarkClassIsExactlyItsMembers) {
  ExpectExactly(IsBlank,
                U" \t\r\u00A0\u3000\uFEFF\u2000\u2001\u2002\u2003\u2004\u2005"
                U"\u2006\u2007\u2008\u2009\u200A\u200B\u202F\u205F",
                "IsBlank");
  ExpectExactly(IsLineBreak, U"\n\u2028\u2029\v\f", "IsLineBreak");
  ExpectExactly(IsDash, U"—–―─-－−‐‒", "IsDash");
  ExpectExactly(IsSentenceEnd, U"。！!？?；;｡", "IsSentenceEnd");
  ExpectExactly(IsClauseBreak, U"。！!？?；;｡，,：:､", "IsClauseBreak");
  ExpectExactly(IsOpenQuote, U"“‘「『\"", "IsOpenQuote");
  ExpectExactly(IsCloseQuote, U"”’」』\"", "IsCloseQuote");
  ExpectExactly(IsOpenBracket, U"(（[【〔［", "IsOpenBracket");
  ExpectExactly(IsCloseBracket, U")）]】〕］", "IsCloseBracket");
}

}  // namespace
}  // namespace reportfacts
