#include "service/core/utf8.h"

#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace reportfacts {
namespace {

struct BadCase {
  std::string bytes;
  size_t offset;
};

TEST(FindInvalidUtf8, NamesTheFirstBadByte) {
  const BadCase cases[] = {
      {"\xD6\xD0\xCE\xC4", 0},   // GBK 中文
      {"报告\xE4\xB8", 6},       // truncated at the end
      {"ab\xED\xA0\x80", 2},     // UTF-16 surrogate
      {"\xC0\x80", 0},           // overlong NUL
      {"x\xF4\x90\x80\x80", 1},  // above U+10FFFF
      {"ok\x80", 2},             // lone continuation byte
      {"\xE0\x80\xAF", 0},       // overlong three-byte form
  };
  for (const BadCase& c : cases) {
    auto bad = FindInvalidUtf8(c.bytes);
    ASSERT_TRUE(bad.has_value()) << c.offset;
    EXPECT_EQ(*bad, c.offset);
  }
}

TEST(DecodeValidUtf8, AgreesWithFindAndDecode) {
  const std::string inputs[] = {
      "",
      "立案597件，满意率99%以上",
      "\xF0\x9F\x98\x80 emoji \xC3\xA9",
      std::string("nul\0inside", 10),
      "\xD6\xD0\xCE\xC4",
      "报告\xE4\xB8",
      "ab\xED\xA0\x80",
      "x\xF4\x90\x80\x80",
      "\xE0\x80\xAF",
  };
  for (const std::string& input : inputs) {
    std::u32string decoded = U"stale";
    const std::optional<size_t> bad = DecodeValidUtf8(input, &decoded);
    EXPECT_EQ(bad, FindInvalidUtf8(input)) << input;
    if (!bad) {
      EXPECT_EQ(decoded, DecodeUtf8(input)) << input;
    }
  }
}

TEST(DecodeValidUtf8, AgreesWithFindAndDecodeOnRandomMixes) {
  // Fragments of every sequence length, well-formed and not, joined at
  // random so that each lands on every position of the 8-byte counting
  // words and of the 3-byte fast path, including the last bytes.
  const std::string fragments[] = {"a",
                                   "9",
                                   "\xC3\xA9",
                                   "\xE4\xB8\xAD",
                                   "\xEF\xBC\x8C",
                                   "\xE0\xA0\x80",
                                   "\xED\x9F\xBF",
                                   "\xF0\x9F\x98\x80",
                                   "\x80",
                                   "\xBF",
                                   "\xE4\xB8",
                                   "\xC3",
                                   "\xED\xA0\x80",
                                   "\xE0\x80\xAF",
                                   "\xF8",
                                   "\xFF"};
  std::mt19937 random(20261123);
  for (int round = 0; round < 3200; ++round) {
    std::string input;
    // Most inputs are short; the last ones are long enough to cross the
    // decoder's blocks of code points several times.
    const int pieces =
        static_cast<int>(round < 3000 ? random() % 12 : random() % 3000);
    // Half the inputs are well-formed (the first 8 fragments only).
    const bool clean = random() % 2 == 0;
    for (int i = 0; i < pieces; ++i) {
      input += fragments[random() % (clean ? 8 : std::size(fragments))];
    }
    std::u32string decoded;
    const std::optional<size_t> bad = DecodeValidUtf8(input, &decoded);
    ASSERT_EQ(bad, FindInvalidUtf8(input)) << round;
    if (!bad) {
      ASSERT_EQ(decoded, DecodeUtf8(input)) << round;
    }
  }
}

// The marks folded into the decode: a marked three-byte character is seen
// wherever it stands (the fast steps, a long ASCII run before it, the last
// bytes), an unmarked text is not flagged, and the decode is unchanged.
TEST(DecodeValidUtf8, ReportsMarkedCharacters) {
  std::vector<uint8_t> marks(0x10000, 0);
  marks[U'發'] = 1;
  marks[0xD7A3] = 1;  // a three-byte form DecodeOne reads (lead ED)
  const std::string long_run(700, 'x');
  const struct {
    std::string text;
    bool marked;
  } cases[] = {
      {"", false},
      {"政协委员发言", false},
      {"政协委员發言，共计十二人次。", true},
      {long_run + "委员發言", true},  // in the last bytes
      {long_run + "委员發言，" + long_run, true},
      {"\xED\x9E\xA3 and more text", true},
      {"\xF0\x9F\x98\x80 not in the table", false},
  };
  for (const auto& c : cases) {
    std::u32string decoded;
    bool marked = !c.marked;
    ASSERT_FALSE(
        DecodeValidUtf8(c.text, &decoded, marks.data(), &marked).has_value());
    EXPECT_EQ(marked, c.marked) << c.text;
    EXPECT_EQ(decoded, DecodeUtf8(c.text)) << c.text;
  }
  std::u32string decoded;
  bool marked = true;
  EXPECT_FALSE(DecodeValidUtf8("發", &decoded, nullptr, &marked).has_value());
  EXPECT_FALSE(marked);
  EXPECT_EQ(DecodeValidUtf8("ab\xED\xA0\x80", &decoded, marks.data(), &marked),
            std::optional<size_t>(2));
}

TEST(FindInvalidUtf8, AcceptsWellFormedText) {
  EXPECT_FALSE(FindInvalidUtf8("").has_value());
  EXPECT_FALSE(FindInvalidUtf8("立案597件，满意率99%以上").has_value());
  EXPECT_FALSE(FindInvalidUtf8("\xF0\x9F\x98\x80 emoji").has_value());
  EXPECT_FALSE(FindInvalidUtf8(std::string("nul\0inside", 10)).has_value());
}

TEST(DecodeUtf8, CountsCodePointsAndRoundTrips) {
  const std::string text = "政协2024年，９月";
  const std::u32string cps = DecodeUtf8(text);
  EXPECT_EQ(cps.size(), 10u);
  EXPECT_EQ(cps[2], U'2');
  EXPECT_EQ(EncodeUtf8(cps), text);
}

TEST(EncodeUtf8, EncodesEveryLength) {
  EXPECT_EQ(EncodeUtf8(U""), "");
  EXPECT_EQ(EncodeUtf8(U"a\u00E9\u4E2D\U0001F600"),
            "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
}

// Short strings are encoded on the stack, longer ones in place: every
// length round-trips, of four-byte characters too.
TEST(EncodeUtf8, ShortAndLongTextsRoundTrip) {
  const std::u32string unit = U"a\u00E9\u4E2D\U0001F600";
  std::u32string text;
  for (size_t n = 0; n < 100; ++n) {
    text += unit[n % unit.size()];
    EXPECT_EQ(DecodeUtf8(EncodeUtf8(text)), text) << n;
  }
}

TEST(FindCodePoint, FindsTheNextOccurrenceOrTheEnd) {
  const std::u32string text = U"委员(王明)与（李华）";
  EXPECT_EQ(FindCodePoint(text, U'(', 0), 2u);
  EXPECT_EQ(FindCodePoint(text, U'（', 0), 7u);
  EXPECT_EQ(FindCodePoint(text, U'（', 7), 7u);
  EXPECT_EQ(FindCodePoint(text, U'(', 3), text.size());
  EXPECT_EQ(FindCodePoint(text, U'(', 100), text.size());
  EXPECT_EQ(FindCodePoint(U"", U'\n', 0), 0u);
  // A code point beyond the Basic Multilingual Plane is one unit.
  EXPECT_EQ(FindCodePoint(U"a\U0001F600b", U'b', 0), 2u);
}

TEST(DecodeUtf8, ReplacesEachBadByte) {
  const std::u32string cps = DecodeUtf8(
      "a\xFF\xFE"
      "b");
  EXPECT_EQ(cps, U"a\uFFFD\uFFFDb");
}

}  // namespace
}  // namespace reportfacts
