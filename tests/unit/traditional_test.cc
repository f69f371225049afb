// Traditional Chinese input: the sample corpus is converted to Traditional
// with OpenCC (s2t) at test time, and extraction from both scripts must
// find the same facts, with every Traditional span pointing at the
// Traditional text.
#include "service/core/traditional.h"

#include <SimpleConverter.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/core/extractor.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Cut returns code points [begin, end) of UTF-8 `text`.
std::string Cut(const std::string& text, int64_t begin, int64_t end) {
  const std::u32string cps = DecodeUtf8(text);
  EXPECT_LE(0, begin);
  EXPECT_LE(begin, end);
  EXPECT_LE(end, static_cast<int64_t>(cps.size()));
  if (begin < 0 || end < begin || end > static_cast<int64_t>(cps.size())) {
    return "<bad span>";
  }
  return EncodeUtf8(std::u32string_view(cps).substr(begin, end - begin));
}

class TraditionalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = extractor->release();
    const std::filesystem::path config_dir =
        std::filesystem::path(kDefaultT2sConfig).parent_path();
    to_traditional_ =
        new opencc::SimpleConverter((config_dir / "s2t.json").string());
    to_simplified_ = new opencc::SimpleConverter(kDefaultT2sConfig);
    const std::filesystem::path corpus =
        std::filesystem::path(REPORTFACTS_SHARED_DIR) / "corpus";
    if (!std::filesystem::is_directory(corpus)) return;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
      if (entry.path().extension() == ".txt") {
        corpus_files_.push_back(entry.path());
      }
    }
    std::sort(corpus_files_.begin(), corpus_files_.end());
  }
  static void TearDownTestSuite() {
    delete extractor_;
    delete to_traditional_;
    delete to_simplified_;
  }
  void SetUp() override {
    // The corpus is part of the test: without it this is a failure.
    ASSERT_FALSE(corpus_files_.empty()) << "no ../shared/corpus";
  }

  static std::string T2s(const std::string& s) {
    return to_simplified_->Convert(s);
  }

  // Equivalent tells whether Traditional `t` and Simplified `s` are the
  // same text in two scripts. s2t is not one-to-one (坐 and 座 both give
  // 座), so either direction of conversion may be the one that agrees.
  static bool Equivalent(const std::string& t, const std::string& s) {
    return DecodeUtf8(t).size() == DecodeUtf8(s).size() &&
           (t == to_traditional_->Convert(s) || T2s(t) == s ||
            T2s(t) == T2s(s));
  }

  // ExpectSameFacts extracts from `simplified` and `traditional` (the same
  // text in two scripts) and compares the facts field by field.
  static void ExpectSameFacts(const std::string& simplified,
                              const std::string& traditional) {
    auto s = extractor_->Extract(simplified, {});
    auto t = extractor_->Extract(traditional, {});
    ASSERT_TRUE(s.ok()) << s.status();
    ASSERT_TRUE(t.ok()) << t.status();
    ASSERT_GT(s->metrics.size(), 0u);
    ASSERT_EQ(s->metrics.size(), t->metrics.size());
    ASSERT_EQ(s->dates.size(), t->dates.size());
    ASSERT_EQ(s->people.size(), t->people.size());
    ASSERT_EQ(s->reports.size(), t->reports.size());
    for (size_t i = 0; i < s->metrics.size(); ++i) {
      const Metric& sm = s->metrics[i];
      const Metric& tm = t->metrics[i];
      SCOPED_TRACE("metric " + sm.text + sm.unit_text);
      EXPECT_EQ(sm.value, tm.value);
      EXPECT_EQ(sm.unit, tm.unit);
      EXPECT_EQ(sm.qualifier, tm.qualifier);
      EXPECT_EQ(sm.indicator, tm.indicator);
      EXPECT_EQ(sm.report, tm.report);
      // The span cut from the Traditional text is the Traditional form of
      // the Simplified span, and the quoted fields are cut from it.
      const std::string cut = Cut(traditional, tm.begin, tm.end);
      EXPECT_TRUE(Equivalent(cut, Cut(simplified, sm.begin, sm.end)));
      EXPECT_EQ(cut, tm.text);
      EXPECT_TRUE(
          Equivalent(Cut(traditional, tm.sentence_begin, tm.sentence_end),
                     Cut(simplified, sm.sentence_begin, sm.sentence_end)));
      EXPECT_TRUE(Equivalent(tm.object, sm.object));
      EXPECT_TRUE(Equivalent(tm.action, sm.action));
      EXPECT_NE(traditional.find(tm.unit_text), std::string::npos);
    }
    for (size_t i = 0; i < s->dates.size(); ++i) {
      const DateMention& sd = s->dates[i];
      const DateMention& td = t->dates[i];
      EXPECT_EQ(sd.start, td.start);
      EXPECT_EQ(sd.finish, td.finish);
      EXPECT_EQ(Cut(traditional, td.begin, td.end), td.text);
      EXPECT_TRUE(Equivalent(td.text, sd.text));
    }
    for (size_t i = 0; i < s->people.size(); ++i) {
      const Person& sp = s->people[i];
      const Person& tp = t->people[i];
      EXPECT_TRUE(Equivalent(tp.name, sp.name));
      EXPECT_EQ(sp.role, tp.role);
      EXPECT_TRUE(Equivalent(Cut(traditional, tp.begin, tp.end),
                             Cut(simplified, sp.begin, sp.end)));
    }
    for (size_t i = 0; i < s->reports.size(); ++i) {
      const Report& sr = s->reports[i];
      const Report& tr = t->reports[i];
      EXPECT_EQ(sr.city, tr.city);
      EXPECT_EQ(sr.province, tr.province);
      EXPECT_EQ(sr.year, tr.year);
      EXPECT_EQ(sr.organization, tr.organization);
      EXPECT_TRUE(Equivalent(tr.title, sr.title));
      EXPECT_NE(traditional.find(tr.title), std::string::npos);
      EXPECT_TRUE(Equivalent(Cut(traditional, tr.begin, tr.end),
                             Cut(simplified, sr.begin, sr.end)));
    }
  }

  static Extractor* extractor_;
  static opencc::SimpleConverter* to_traditional_;
  static opencc::SimpleConverter* to_simplified_;
  static std::vector<std::filesystem::path> corpus_files_;
};
Extractor* TraditionalTest::extractor_ = nullptr;
opencc::SimpleConverter* TraditionalTest::to_traditional_ = nullptr;
opencc::SimpleConverter* TraditionalTest::to_simplified_ = nullptr;
std::vector<std::filesystem::path> TraditionalTest::corpus_files_;

TEST_F(TraditionalTest, CorpusInTraditionalGivesTheSameFacts) {
  for (const auto& path : corpus_files_) {
    SCOPED_TRACE(path.filename().string());
    const std::string simplified = ReadFile(path);
    const std::string traditional = to_traditional_->Convert(simplified);
    ASSERT_NE(simplified, traditional) << "s2t changed nothing";
    ExpectSameFacts(simplified, traditional);
  }
}

TEST_F(TraditionalTest, SimplifiedInputIsNotConverted) {
  auto converter = TraditionalConverter::Load(kDefaultT2sConfig);
  ASSERT_TRUE(converter.ok()) << converter.status();
  for (const auto& path : corpus_files_) {
    const std::string simplified = ReadFile(path);
    EXPECT_FALSE((*converter)->HasTraditional(simplified)) << path;
    EXPECT_FALSE((*converter)->ToSimplified(simplified).has_value());
    const std::string traditional = to_traditional_->Convert(simplified);
    EXPECT_TRUE((*converter)->HasTraditional(traditional));
    // The check on decoded text agrees with the one on bytes.
    EXPECT_FALSE((*converter)->HasTraditional(DecodeUtf8(simplified)));
    EXPECT_TRUE((*converter)->HasTraditional(DecodeUtf8(traditional)));
  }
}

// OpenCC stops at a NUL byte, so the phrase conversion comes back short
// and the character-by-character fallback must keep the offsets right.
TEST_F(TraditionalTest, FallbackConversionKeepsOffsets) {
  const std::string simplified =
      std::string("\0", 1) + ReadFile(corpus_files_.front());
  const std::string traditional =
      std::string("\0", 1) +
      to_traditional_->Convert(ReadFile(corpus_files_.front()));
  ExpectSameFacts(simplified, traditional);
}

TEST(TraditionalConverterTest, MissingConfigurationIsNotFound) {
  auto converter = TraditionalConverter::Load("/nonexistent/t2s.json");
  EXPECT_EQ(converter.status().code(), absl::StatusCode::kNotFound);
}

// Replacements of other lengths than one move every later offset; MapBack
// must undo that and cut quoted fields from the original.
TEST(ConvertedTextTest, LengthChangingPiecesMapBack) {
  const ConvertedText converted = ConvertedText::ByCodePoint(
      U"ab甲cd乙ef", [](char32_t c) -> std::u32string_view {
        if (c == U'甲') return U"一二";
        if (c == U'乙') return U"三四五";
        return {};
      });
  ASSERT_EQ(converted.simplified(), "ab一二cd三四五ef");
  EXPECT_EQ(converted.OriginalBegin(3), 2);  // inside 甲's piece
  EXPECT_EQ(converted.OriginalEnd(3), 3);    // after all of 甲
  EXPECT_EQ(converted.OriginalBegin(4), 3);
  EXPECT_EQ(converted.OriginalEnd(9), 6);  // after 乙's whole piece
  EXPECT_EQ(converted.OriginalEnd(11), 8);
  EXPECT_EQ(converted.OriginalEnd(20), 8);  // clamped

  Extraction facts;
  Metric metric;
  metric.begin = 4;  // "cd"
  metric.end = 6;
  metric.text = "cd";
  metric.unit_text = "三四五";
  metric.object = "一二";
  metric.sentence_begin = 0;
  metric.sentence_end = 11;
  facts.metrics.push_back(metric);
  DateMention date;
  date.begin = 2;  // "一二cd"
  date.end = 6;
  date.text = "一二cd";
  facts.dates.push_back(date);
  Person person;
  person.name = "三四五";
  person.begin = 6;
  person.end = 9;
  facts.people.push_back(person);
  Report report;
  report.begin = 0;
  report.end = 11;
  report.title = "b一二c";
  facts.reports.push_back(report);

  converted.MapBack(&facts);
  const Metric& m = facts.metrics[0];
  EXPECT_EQ(m.begin, 3);
  EXPECT_EQ(m.end, 5);
  EXPECT_EQ(m.text, "cd");
  EXPECT_EQ(m.unit_text, "乙");
  EXPECT_EQ(m.object, "甲");
  EXPECT_EQ(m.sentence_end, 8);
  EXPECT_EQ(facts.dates[0].begin, 2);
  EXPECT_EQ(facts.dates[0].end, 5);
  EXPECT_EQ(facts.dates[0].text, "甲cd");
  EXPECT_EQ(facts.people[0].name, "乙");
  EXPECT_EQ(facts.people[0].begin, 5);
  EXPECT_EQ(facts.people[0].end, 6);
  EXPECT_EQ(facts.reports[0].title, "b甲c");
  EXPECT_EQ(facts.reports[0].end, 8);
}

TEST(ConvertedTextTest, SpacedBylineNamesComeBackAsWritten) {
  // A byline spaces a name's characters; the author's name is matched
  // through the blanks and returned in the original script without them.
  const ConvertedText converted = ConvertedText::ByCodePoint(
      U"文 夏 穎\n記者 陳明\n", [](char32_t c) -> std::u32string_view {
        if (c == U'穎') return U"颖";
        if (c == U'記') return U"记";
        if (c == U'陳') return U"陈";
        return {};
      });
  Extraction facts;
  Report report;
  report.end = 12;
  for (const char* name : {"夏颖", "陈明", "王五"}) {
    Author author;
    author.name = name;
    report.authors.push_back(author);
  }
  facts.reports.push_back(report);
  converted.MapBack(&facts);
  const std::vector<Author>& authors = facts.reports[0].authors;
  EXPECT_EQ(authors[0].name, "夏穎");
  EXPECT_EQ(authors[1].name, "陳明");
  EXPECT_EQ(authors[2].name, "王五");  // not in the text: kept as found
}

// A field the phrase reader read through a pronunciation gloss (甲(jia)乙
// read as 一乙) is cut from the original through the gloss too, and
// without it; letters in brackets that are no gloss stop the match.
TEST(ConvertedTextTest, FieldReadThroughAGlossMapsBack) {
  const ConvertedText converted = ConvertedText::ByCodePoint(
      U"收甲(jia)乙12件，丙(AB)乙3件", [](char32_t c) -> std::u32string_view {
        if (c == U'甲') return U"一";
        if (c == U'丙') return U"二";
        return {};
      });
  Extraction facts;
  Metric glossed;
  glossed.object = "一乙";
  glossed.action = "收";
  glossed.sentence_begin = 0;
  glossed.sentence_end = 21;
  facts.metrics.push_back(glossed);
  Metric not_glossed = glossed;
  not_glossed.object = "二乙";
  not_glossed.action = "";
  facts.metrics.push_back(not_glossed);
  converted.MapBack(&facts);
  EXPECT_EQ(facts.metrics[0].object, "甲乙");
  EXPECT_EQ(facts.metrics[0].action, "收");
  // (AB): capitals are no gloss; the field is left as it was.
  EXPECT_EQ(facts.metrics[1].object, "二乙");
}

// An object carried over from an earlier sentence is not in its own
// sentence: it is cut where it was last written before.
TEST(ConvertedTextTest, CarriedFieldIsCutWhereItWasWritten) {
  const ConvertedText converted = ConvertedText::ByCodePoint(
      U"甲乙10件。乙8件。", [](char32_t c) -> std::u32string_view {
        if (c == U'甲') return U"一";
        return {};
      });
  Extraction facts;
  Metric carried;
  carried.object = "一乙";
  carried.sentence_begin = 6;
  carried.sentence_end = 10;
  facts.metrics.push_back(carried);
  // Negative: a field written nowhere before is left as it was.
  Metric unwritten = carried;
  unwritten.object = "一丙";
  facts.metrics.push_back(unwritten);
  converted.MapBack(&facts);
  EXPECT_EQ(facts.metrics[0].object, "甲乙");
  EXPECT_EQ(facts.metrics[1].object, "一丙");
}

TEST(TraditionalConverterTest, SpansOfAShortTextMapBack) {
  auto extractor = Extractor::Load({REPORTFACTS_DATA_DIR, ""});
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  // A Traditional sentence whose metric sits after characters that t2s
  // changes; the span must still cut the digits from the input.
  const std::string text = "全年共收到委員提案386件，經審查立案352件。";
  auto facts = (*extractor)->Extract(text, {});
  ASSERT_TRUE(facts.ok()) << facts.status();
  ASSERT_FALSE(facts->metrics.empty());
  for (const Metric& m : facts->metrics) {
    EXPECT_EQ(Cut(text, m.begin, m.end), m.text);
    EXPECT_NE(text.find(m.text + m.unit_text), std::string::npos);
  }
}

}  // namespace
}  // namespace reportfacts
