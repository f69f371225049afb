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

// DecodeBothWays decodes `input` with the vector path and without it and
// checks that both give the same answer as FindInvalidUtf8 and DecodeUtf8,
// marks included.
void DecodeBothWays(const std::string& input, const uint8_t* marks) {
  const std::optional<size_t> expected_bad = FindInvalidUtf8(input);
  std::u32string decoded[2];
  bool marked[2] = {false, false};
  for (int vector = 0; vector < 2; ++vector) {
    utf8_internal::EnableVectorDecode(vector == 1);
    const std::optional<size_t> bad =
        DecodeValidUtf8(input, &decoded[vector], marks, &marked[vector]);
    ASSERT_EQ(bad, expected_bad) << "vector " << vector;
    if (!bad) {
      ASSERT_EQ(decoded[vector], DecodeUtf8(input)) << "vector " << vector;
    }
  }
  utf8_internal::EnableVectorDecode(true);
  if (!expected_bad) {
    EXPECT_EQ(marked[0], marked[1]);
    bool any = false;
    for (char32_t c : decoded[0]) {
      any |= c >= 0x800 && c < 0x10000 && marks[c] != 0;
    }
    EXPECT_EQ(marked[0], any);
  }
}

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
  const std::vector<uint8_t> no_marks(0x10000, 0);
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
    SCOPED_TRACE(round);
    DecodeBothWays(input, no_marks.data());
    if (HasFatalFailure()) return;
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

// Runs of Han (what the vector path takes eight at a time) broken by every
// other form at every offset of a step, well-formed or not, with marked
// characters at every lane: both paths agree on the code points, the first
// bad byte and the marks.
TEST(DecodeValidUtf8, VectorAndScalarPathsAgree) {
  if (!utf8_internal::VectorDecodeAvailable()) {
    GTEST_SKIP() << "no vector path on this processor";
  }
  std::vector<uint8_t> marks(0x10000, 0);
  marks[U'發'] = 1;
  marks[U'會'] = 1;
  marks[0xD7A3] = 1;  // lead ED, never in a vector step
  const std::string han[] = {"政", "协", "委", "员",           "發",
                             "會", "，", "。", "\xEF\xBF\xBF", "\xE1\x80\x80"};
  const std::string breaks[] = {"a",
                                "9",
                                "\n",
                                "\xC3\xA9",
                                "\xE0\xA0\x80",
                                "\xED\x9E\xA3",
                                "\xF0\x9F\x98\x80",
                                "\x80",
                                "\xE4\xB8",
                                "\xE4",
                                "\xED\xA0\x80",
                                "\xE0\x80\xAF",
                                "\xFF",
                                "\xE4\x41\x80",
                                "\xE4\xB8\xC0"};
  std::mt19937 random(20261202);
  for (int round = 0; round < 4000; ++round) {
    std::string input;
    const int pieces = static_cast<int>(random() % (round < 3800 ? 40 : 900));
    // One piece in `spacing` breaks the run: rarely in most inputs.
    const int spacing = 2 + static_cast<int>(random() % 30);
    const bool clean = random() % 2 == 0;
    for (int i = 0; i < pieces; ++i) {
      if (random() % spacing == 0) {
        input += breaks[random() % (clean ? 7 : std::size(breaks))];
      } else {
        input += han[random() % std::size(han)];
      }
    }
    SCOPED_TRACE(round);
    DecodeBothWays(input, marks.data());
    if (HasFatalFailure()) return;
  }
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

TEST(FindText, AnswersAsTheStandardSearch) {
  const std::u32string_view text = U"收到来信80封，办结来信75封，来";
  const std::u32string_view words[] = {
      U"来信",   U"来", U"封，", U"办结来信75封，来",
      U"来信来", U"",   U"无",   U"收到来信80封，办结来信75封，来！"};
  for (const std::u32string_view word : words) {
    for (size_t from = 0; from <= text.size() + 1; ++from) {
      EXPECT_EQ(FindText(text, word, from), text.find(word, from))
          << "from " << from;
    }
    EXPECT_EQ(RFindText(text, word), text.rfind(word));
    EXPECT_EQ(RFindText(text.substr(0, 3), word),
              text.substr(0, 3).rfind(word));
  }
  EXPECT_EQ(FindText(U"", U""), 0u);
  EXPECT_EQ(FindText(U"", U"a"), std::u32string_view::npos);
  EXPECT_EQ(RFindText(U"", U""), 0u);
  EXPECT_EQ(RFindText(U"", U"a"), std::u32string_view::npos);
  // A word that ends the text is found; one character short is not.
  EXPECT_EQ(FindText(U"提案办结", U"办结"), 2u);
  EXPECT_EQ(FindText(U"提案办", U"办结"), std::u32string_view::npos);
}

TEST(DecodeUtf8, ReplacesEachBadByte) {
  const std::u32string cps = DecodeUtf8(
      "a\xFF\xFE"
      "b");
  EXPECT_EQ(cps, U"a\uFFFD\uFFFDb");
}

}  // namespace
}  // namespace reportfacts
