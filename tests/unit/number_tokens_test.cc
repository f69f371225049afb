// Tests of the numeric token pass: each notation with inputs that must
// give a number and inputs that must not.
#include "service/core/number_tokens.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// Tokens returns "text|digits|value" for every readable token and
// "text|!" for an unreadable one.
std::vector<std::string> Tokens(const std::string& text) {
  const std::u32string cps = DecodeUtf8(text);
  std::vector<std::string> out;
  for (const NumberToken& t : TokenizeNumbers(cps)) {
    std::string s = EncodeUtf8(
        std::u32string_view(cps).substr(t.sign_begin, t.end - t.sign_begin));
    if (!t.readable()) {
      out.push_back(s + "|!");
      continue;
    }
    char value[64];
    std::snprintf(value, sizeof value, "%.15g", t.value);
    out.push_back(s + "|" + std::string(t.digits()) + "|" + value);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(NumberTokensTest, AsciiAndFullWidthDigits) {
  EXPECT_EQ(Tokens("共12件"), V{"12|12|12"});
  EXPECT_EQ(Tokens("共１２件"), V{"１２|12|12"});
  EXPECT_EQ(Tokens("３．５亿"), V{"３．５|3.5|3.5"});
  EXPECT_EQ(Tokens("没有数字"), V{});
}

TEST(NumberTokensTest, DecimalsAreReadAsDecimals) {
  EXPECT_EQ(Tokens("0.3元"), V{"0.3|0.3|0.3"});
  const auto t = TokenizeNumbers(U"43.27亿");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].Scaled(8), 4327000000.0);
  EXPECT_EQ(TokenizeNumbers(U"0.3")[0].Scaled(0) * 1, 0.3);
  // A point not followed by a digit ends the number.
  EXPECT_EQ(Tokens("共5.下一"), V{"5|5|5"});
}

TEST(NumberTokensTest, ThousandsSeparators) {
  EXPECT_EQ(Tokens("1,000万元"), V{"1,000|1000|1000"});
  EXPECT_EQ(Tokens("1,234.56亿元"), V{"1,234.56|1234.56|1234.56"});
  EXPECT_EQ(Tokens("12，345，678人"), V{"12，345，678|12345678|12345678"});
  // Lists and wrong groups are not separators.
  EXPECT_EQ(Tokens("1,2,3"), (V{"1|1|1", "2|2|2", "3|3|3"}));
  EXPECT_EQ(Tokens("12,34"), (V{"12|12|12", "34|34|34"}));
  EXPECT_EQ(Tokens("1234,567"), (V{"1234|1234|1234", "567|567|567"}));
  EXPECT_EQ(Tokens("1,2345"), (V{"1|1|1", "2345|2345|2345"}));
  // A broken group after a good one: no guess.
  EXPECT_EQ(Tokens("1,234,56人"), V{"1,234,56|!"});
}

TEST(NumberTokensTest, Signs) {
  EXPECT_EQ(Tokens("增速为-3.2%"), V{"-3.2|3.2|-3.2"});
  EXPECT_EQ(Tokens("负3.9%"), V{"负3.9|3.9|-3.9"});
  EXPECT_EQ(Tokens("气温−5℃"), V{"−5|5|-5"});
  EXPECT_EQ(Tokens("－8"), V{"－8|8|-8"});
  const auto t = TokenizeNumbers(U"为-3.2%");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].begin, 2u);  // digits only
  EXPECT_EQ(t[0].sign_begin, 1u);
  // A range dash and a code hyphen are no signs.
  EXPECT_EQ(Tokens("3-5"), (V{"3|3|3", "5|5|5"}));
  EXPECT_EQ(Tokens("A-5"), V{"5|5|5"});
  EXPECT_EQ(Tokens("下降3.2%"), V{"3.2|3.2|3.2"});
}

TEST(NumberTokensTest, BadRunsAreLeftOutWhole) {
  EXPECT_EQ(Tokens("1.2.3.4"), V{"1.2.3.4|!"});
  EXPECT_EQ(Tokens(std::string(400, '9') + "元"),
            V{std::string(400, '9') + "|!"});
  EXPECT_EQ(Tokens("140520020210001886"), V{"140520020210001886|!"});
  // Values near the range of a double never become inf.
  const auto t = TokenizeNumbers(U"99999999999999999");
  ASSERT_EQ(t.size(), 1u);
  ASSERT_TRUE(t[0].readable());
  EXPECT_TRUE(std::isfinite(t[0].Scaled(300)));
  EXPECT_EQ(t[0].Scaled(400), 0);  // overflow: no value, not inf
}

// Digits on both sides of a line break with only blanks around it (PDF
// text wrapped inside a number, 立案2\n86件) are one number or two: which,
// the text does not say, so neither is read.
TEST(NumberTokensTest, DigitsWrappedAcrossALineAreLeftOut) {
  EXPECT_EQ(Tokens("立案2\n86件"), (V{"2|!", "86|!"}));
  EXPECT_EQ(Tokens("立案 2 \r\n 86 件"), (V{"2|!", "86|!"}));
  // Blanks alone part letter-spaced digits the same way; groups of three
  // are one number (3 480).
  EXPECT_EQ(Tokens("站点 2 8 个"), (V{"2|!", "8|!"}));
  EXPECT_EQ(Tokens("3 480人次"), (V{"3 480|3480|3480"}));
  // Negative: a mark, a unit or a blank line between them parts them.
  EXPECT_EQ(Tokens("立案2。\n86件"), (V{"2|2|2", "86|86|86"}));
  EXPECT_EQ(Tokens("立案2件\n86件"), (V{"2|2|2", "86|86|86"}));
  EXPECT_EQ(Tokens("附表2\n\n86件"), (V{"2|2|2", "86|86|86"}));
  // (Document's own token pass agrees: see document_test.)
}

// The value and Scaled take integers of up to 15 digits without parsing
// the digits again: they agree with ParseDecimalDigits on every length and
// exponent around that bound, signs and decimals included.
TEST(NumberTokensTest, ValueAndScaledAgreeWithParseDecimalDigits) {
  const std::vector<std::u32string> texts = {U"0",
                                             U"-0",
                                             U"7",
                                             U"负12",
                                             U"1,234",
                                             U"57.71",
                                             U"-3.5",
                                             U"999999999999999",
                                             U"1000000000000000",
                                             U"12345678901234567",
                                             U"１２３４５"};
  for (const std::u32string& text : texts) {
    const std::vector<NumberToken> tokens = TokenizeNumbers(text);
    ASSERT_EQ(tokens.size(), 1u) << EncodeUtf8(text);
    const NumberToken& t = tokens[0];
    ASSERT_TRUE(t.readable()) << EncodeUtf8(text);
    double parsed = 0;
    ASSERT_TRUE(ParseDecimalDigits(t.digits(), 0, &parsed));
    EXPECT_EQ(t.value, t.negative ? -parsed : parsed) << EncodeUtf8(text);
    for (int exponent = -3; exponent <= 17; ++exponent) {
      double want = 0;
      if (ParseDecimalDigits(t.digits(), exponent, &want) && t.negative) {
        want = -want;
      }
      EXPECT_EQ(t.Scaled(exponent), want)
          << EncodeUtf8(text) << " e" << exponent;
      EXPECT_EQ(std::signbit(t.Scaled(exponent)), std::signbit(want));
    }
  }
}

TEST(NumberTokensTest, ParseDecimalDigitsRejectsGarbage) {
  double v = 0;
  EXPECT_TRUE(ParseDecimalDigits("12.5", 8, &v));
  EXPECT_EQ(v, 1250000000.0);
  EXPECT_FALSE(ParseDecimalDigits("", 0, &v));
  EXPECT_FALSE(ParseDecimalDigits("1x", 0, &v));
  EXPECT_FALSE(ParseDecimalDigits("9", 400, &v));
  EXPECT_FALSE(ParseDecimalDigits("1.2.3", 0, &v));
  EXPECT_FALSE(ParseDecimalDigits(".", 0, &v));
}

// The exact division and product of the fast paths give strtod's value,
// bit for bit, on every shape of decimal: point anywhere, many digits,
// exponents either side.
TEST(NumberTokensTest, ParseDecimalDigitsIsStrtodOnDecimals) {
  const std::vector<std::string> shapes = {"0.1",
                                           "0.3",
                                           "57.71",
                                           "3.6",
                                           "1.05",
                                           "99.99",
                                           "0.07",
                                           "123456.789012",
                                           "1.23456789012",
                                           "0.000001",
                                           "12345678901234.5",
                                           "9007199254.740993",
                                           "5.",
                                           ".5",
                                           "7"};
  for (const std::string& digits : shapes) {
    for (int exponent = -30; exponent <= 20; ++exponent) {
      double got = 0;
      ASSERT_TRUE(ParseDecimalDigits(digits, exponent, &got)) << digits;
      const std::string written = digits + "e" + std::to_string(exponent);
      EXPECT_EQ(got, std::strtod(written.c_str(), nullptr))
          << digits << " by " << exponent;
    }
  }
}

}  // namespace
}  // namespace reportfacts
