#include "service/core/segmenter.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/chars.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

const std::string kLexiconMin =
    std::string(REPORTFACTS_DATA_DIR) + "/../../tests/testdata/lexicon_min";

// Cut returns the words of `text` joined by '/', each with its class.
std::string Cut(const Dictionary& dict, std::u32string_view text) {
  std::string out;
  for (const Word& w : Segment(text, 0, text.size(), dict)) {
    if (!out.empty()) out += '/';
    out += EncodeUtf8(text.substr(w.begin, w.size()));
  }
  return out;
}

class MinLexicon : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dict = Dictionary::Load(kLexiconMin + "/dict.txt",
                                 {kLexiconMin + "/genre.tsv"});
    ASSERT_TRUE(dict.ok()) << dict.status();
    dict_ = std::make_unique<Dictionary>(*std::move(dict));
  }
  std::unique_ptr<Dictionary> dict_;
};

TEST_F(MinLexicon, MostProbablePath) {
  const struct {
    std::u32string text;
    std::string want;
  } cases[] = {
      {U"委员提交提案", "委员/提交/提案"},
      {U"收到集体提案", "收到/集体/提案"},
      {U"城乡建设方面提案", "城乡建设/方面/提案"},
      {U"编报社情民意信息", "编报/社情民意/信息"},
      {U"召开主席会议", "召开/主席/会议"},
      // The overlay's compound beats its parts.
      {U"委员提案", "委员提案"},
      // Characters no word covers come out as one unknown word.
      {U"收到犇犇提案", "收到/犇犇/提案"},
      // Digits, Latin letters and marks are words of their own.
      {U"项目12个、资金", "项目/12/个/、/资金"},
      {U"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Cut(*dict_, c.text), c.want) << EncodeUtf8(c.text);
  }
}

TEST_F(MinLexicon, OverlayRetags) {
  EXPECT_EQ(dict_->PosOf(U"提案"), Pos::kNoun);  // v in jieba
  EXPECT_EQ(dict_->PosOf(U"立案"), Pos::kVerb);  // n in jieba
  EXPECT_EQ(dict_->PosOf(U"年度"), Pos::kTime);
  EXPECT_EQ(dict_->PosOf(U"市政协"), Pos::kAgent);
  EXPECT_EQ(dict_->PosOf(U"活动"), Pos::kVerbalNoun);
  EXPECT_EQ(dict_->PosOf(U"犇"), Pos::kUnknown);
  // A prefix of a word is not a word.
  EXPECT_FALSE(dict_->Contains(U"经济建"));
  EXPECT_TRUE(dict_->Contains(U"经济建设"));
}

TEST_F(MinLexicon, SpanBoundsAreKept) {
  const std::u32string text = U"委员提交提案";
  const std::vector<Word> words = Segment(text, 2, 6, *dict_);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].begin, 2u);
  EXPECT_EQ(words[1].end, 6u);
  EXPECT_TRUE(Segment(text, 4, 2, *dict_).empty());
  EXPECT_TRUE(Segment(text, 0, 100, *dict_).size() == 3u);
}

// SegmentInto clears the caller's buffer and cuts as Segment does, for a
// run longer than the cut's stack arrays too.
TEST_F(MinLexicon, SegmentIntoReusesTheBuffer) {
  std::u32string text;
  std::string want;
  for (int i = 0; i < 30; ++i) {
    text += U"委员提交提案";
    want += std::string(want.empty() ? "" : "/") + "委员/提交/提案";
  }
  EXPECT_EQ(Cut(*dict_, text), want);
  std::vector<Word> words = Segment(U"召开主席会议", 0, 6, *dict_);
  SegmentInto(text, 0, text.size(), *dict_, &words);
  const std::vector<Word> fresh = Segment(text, 0, text.size(), *dict_);
  ASSERT_EQ(words.size(), fresh.size());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(words[i].begin, fresh[i].begin);
    EXPECT_EQ(words[i].end, fresh[i].end);
    EXPECT_EQ(words[i].pos, fresh[i].pos);
  }
  SegmentInto(text, 4, 2, *dict_, &words);
  EXPECT_TRUE(words.empty());
}

// Blanks and line breaks of every kind are no word (the phrase rules rely
// on it: the words around them stand side by side).
TEST_F(MinLexicon, BlanksAndLineBreaksAreDropped) {
  EXPECT_EQ(Cut(*dict_, U"委员 14\u3000件\n立案\r\n198\u2028件\t"),
            "委员/14/件/立案/198/件");
  const std::u32string text = U" \n委员\u00A0提交 \v\f提案 ";
  for (const Word& w : Segment(text, 0, text.size(), *dict_)) {
    EXPECT_FALSE(IsSpace(text[w.begin])) << w.begin;
  }
}

TEST(Dictionary, OverlayErrorsNameFileAndLine) {
  const std::string path = ::testing::TempDir() + "/bad_overlay.tsv";
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("# ok\n提案\tn\n立案\tnotatag\n", f);
  std::fclose(f);
  auto dict = Dictionary::Load(kLexiconMin + "/dict.txt", {path});
  ASSERT_FALSE(dict.ok());
  EXPECT_NE(std::string(dict.status().message()).find("bad_overlay.tsv:3"),
            std::string::npos);
  EXPECT_FALSE(Dictionary::Load("/nonexistent/dict.txt", {}).ok());
}

TEST(Dictionary, FromWords) {
  const Dictionary dict =
      Dictionary::FromWords({{U"督办", "v", 100}, {U"重点课题", "n", 100}});
  EXPECT_EQ(dict.size(), 2u);
  EXPECT_EQ(Cut(dict, U"督办重点课题"), "督办/重点课题");
}

// Every word and only the words are found, whichever path a trie step
// takes: the root table, the hash table of two-character prefixes (a first
// character with hundreds of second ones, as common characters have), the
// binary search below them, and characters beyond the Basic Multilingual
// Plane, which the two tables leave to the binary search.
TEST(Dictionary, TrieFindsEveryWordAndNoOther) {
  std::vector<Dictionary::Row> rows;
  std::vector<std::u32string> absent;
  for (char32_t second = 0x4E00; second < 0x4E00 + 600; second += 2) {
    rows.push_back({std::u32string{U'中', second}, "n", 10});
    rows.push_back({std::u32string{U'中', second, U'心'}, "v", 5});
    absent.push_back({U'中', static_cast<char32_t>(second + 1)});
    absent.push_back({U'中', second, U'区'});
  }
  rows.push_back({U"𠀀𠀁", "n", 7});   // both beyond the BMP
  rows.push_back({U"文𠀂", "nr", 7});  // the second beyond
  rows.push_back({U"𠀃文", "ns", 7});  // the first beyond
  absent.push_back(U"𠀀𠀂");
  absent.push_back(U"文𠀃");
  absent.push_back(U"中");  // a prefix only
  const Dictionary dict = Dictionary::FromWords(rows);
  EXPECT_EQ(dict.size(), rows.size());
  for (const auto& row : rows) {
    EXPECT_TRUE(dict.Contains(row.word)) << EncodeUtf8(row.word);
    EXPECT_EQ(dict.PosOf(row.word), PosFromTag(row.tag))
        << EncodeUtf8(row.word);
  }
  for (const auto& word : absent) {
    EXPECT_FALSE(dict.Contains(word)) << EncodeUtf8(word);
  }
  // The cut uses the same steps (and the prefetching walks ahead of it).
  EXPECT_EQ(Cut(dict, U"中一心中丂"), "中一心/中丂");
  EXPECT_EQ(Cut(dict, U"文𠀂𠀃文"), "文𠀂/𠀃文");
  // A dictionary without words finds nothing.
  const Dictionary empty = Dictionary::FromWords({});
  EXPECT_FALSE(empty.Contains(U"中"));
  EXPECT_EQ(Cut(empty, U"中文"), "中文");
}

// Thousands of two-character prefixes fill some buckets of the pair table
// past their four slots, so that lookups go on to the next bucket: every
// word is still found, and no other.
TEST(Dictionary, PairTableOverflowsIntoTheNextBucket) {
  std::vector<Dictionary::Row> rows;
  std::vector<std::u32string> absent;
  for (char32_t first = 0x5000; first < 0x5000 + 40; ++first) {
    for (char32_t second = 0x6000; second < 0x6000 + 200; second += 2) {
      rows.push_back({std::u32string{first, second}, "n", 3});
      absent.push_back({first, static_cast<char32_t>(second + 1)});
    }
  }
  const Dictionary dict = Dictionary::FromWords(rows);
  for (const auto& row : rows) {
    ASSERT_TRUE(dict.Contains(row.word)) << EncodeUtf8(row.word);
  }
  for (const auto& word : absent) {
    ASSERT_FALSE(dict.Contains(word)) << EncodeUtf8(word);
  }
  const std::u32string text = {0x5001, 0x6002, 0x5003, 0x6005};
  const std::vector<Word> words = Segment(text, 0, text.size(), dict);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].pos, Pos::kNoun);     // a word of the table
  EXPECT_EQ(words[1].pos, Pos::kUnknown);  // two characters no word covers
}

// The walk's first steps: a one-character word, however rare, is a word
// and not an unknown character; a two-character set phrase is a word, a
// longer one is cut into its parts.
TEST(Dictionary, WalkKeepsShortWordsAndCutsLongSetPhrases) {
  const Dictionary dict = Dictionary::FromWords({{U"会", "v", 1},
                                                 {U"齐心", "l", 20},
                                                 {U"齐心协力", "i", 5000},
                                                 {U"协力", "v", 20}});
  const std::u32string text = U"会齐心协力";
  const std::vector<Word> words = Segment(text, 0, text.size(), dict);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].pos, Pos::kVerb);
  EXPECT_EQ(words[1].pos, Pos::kSetPhrase);
  EXPECT_EQ(words[1].size(), 2u);
  EXPECT_EQ(words[2].pos, Pos::kVerb);
  EXPECT_EQ(Cut(dict, U"齐心协力"), "齐心/协力");
}

// The shipped dictionary (jieba's) and the genre overlay load and hold the
// words the rules rely on. Load time is measured by bench/core_bench
// (BM_LoadData), not here.
TEST(Dictionary, ShippedDictionaryLoadsWithTheOverlay) {
  auto dict = Dictionary::Load(
      REPORTFACTS_JIEBA_DICT,
      {std::string(REPORTFACTS_DATA_DIR) + "/genre_words.tsv"});
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_GT(dict->size(), 250000u);
  EXPECT_TRUE(dict->Contains(U"提案"));
  EXPECT_EQ(dict->PosOf(U"立案"), Pos::kVerb);  // the overlay's tag wins
}

}  // namespace
}  // namespace reportfacts
