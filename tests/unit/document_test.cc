// Document: one decode, lines, sentences and the Traditional view.
#include "service/core/document.h"

#include <memory>

#include "gtest/gtest.h"
#include "service/core/chars.h"
#include "service/core/traditional.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

// Index reads its candidates from a bit set of 64 code points a word:
// texts are tried after leads that put their marks on either side of a
// word's edge.
constexpr size_t kLeads[] = {0,  1,  2,  3,  4,  58,  60,
                             61, 62, 63, 64, 65, 127, 128};

std::u32string Sentence(const Document& doc, size_t offset) {
  const TextSpan s = doc.SentenceAt(offset);
  return std::u32string(doc.text().substr(s.begin, s.end - s.begin));
}

TEST(Document, InvalidUtf8NamesTheBadByte) {
  auto doc = Document::FromUtf8("ab\xff", nullptr);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(doc.status().message().find("offset 2"), std::string::npos);
}

TEST(Document, EmptyTextHasOneEmptySentenceAndOneLine) {
  auto doc = Document::FromUtf8("", nullptr);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->text().empty());
  ASSERT_EQ(doc->sentences().size(), 1u);
  EXPECT_EQ(doc->lines().size(), 1u);
}

TEST(Document, SentencesEndAtMarksAndKeepClosingQuotes) {
  const Document doc = Document::FromCodePoints(
      U"全年开展调研12次。他说：“要再接再厉。”会议结束！");
  ASSERT_EQ(doc.sentences().size(), 3u);
  EXPECT_EQ(Sentence(doc, 0), U"全年开展调研12次。");
  EXPECT_EQ(Sentence(doc, 12), U"他说：“要再接再厉。”");
  EXPECT_EQ(Sentence(doc, doc.text().size() - 1), U"会议结束！");
}

TEST(Document, LineBreaksEndSentencesUnlessTheySplitAWord) {
  const Document doc = Document::FromCodePoints(U"标题一行\n\n正文开\n展调研");
  // A blank line ends a paragraph; one break between Han characters only
  // wraps the line (开\n展 is the word 开展).
  EXPECT_TRUE(SentenceEndsAt(U"共12次\n\n下一段", 4));
  EXPECT_TRUE(SentenceEndsAt(U"共12次\n下一段", 4) == false);
  EXPECT_FALSE(SentenceEndsAt(U"开\n展", 1));
  EXPECT_TRUE(SentenceEndsAt(U"12件\n(", 3));
  EXPECT_TRUE(SentenceEndsAt(U"结束。", 2));
  EXPECT_FALSE(SentenceEndsAt(U"提案，立案", 2));
  EXPECT_EQ(doc.lines().size(), 4u);
  ASSERT_EQ(doc.sentences().size(), 2u);
  EXPECT_EQ(Sentence(doc, 8), U"正文开\n展调研");
}

TEST(Document, ALineOfProseWrapsIntoANumberOrItsUnit) {
  // A long line with clause punctuation that breaks before a number, or
  // between the number and its unit, is a wrapped line.
  const std::u32string prose = U"本年度收到各方提案一百多件，经审查立案\n198件";
  const size_t wrap = prose.find(U'\n');
  EXPECT_TRUE(LineWrapsAt(prose, wrap, wrap + 1));
  EXPECT_FALSE(SentenceEndsAt(prose, wrap));
  const std::u32string unit = U"本年度收到各方提案一百多件，经审查立案198\n件";
  EXPECT_TRUE(LineWrapsAt(unit, unit.find(U'\n'), unit.find(U'\n') + 1));
  // Negative: a heading (short, unpunctuated) before a number ends there,
  // and so does a line of prose before a paragraph break.
  const std::u32string heading = U"一、工作回顾\n2022年，全年收到提案";
  EXPECT_FALSE(
      LineWrapsAt(heading, heading.find(U'\n'), heading.find(U'\n') + 1));
  EXPECT_TRUE(SentenceEndsAt(heading, heading.find(U'\n')));
  const std::u32string paragraph =
      U"本年度收到各方提案一百多件，经审查立案\n\n198件";
  EXPECT_TRUE(SentenceEndsAt(paragraph, paragraph.find(U'\n')));
}

TEST(Document, ALineGoingOnFromAWrappedOneWrapsIntoANumber) {
  auto wraps = [](std::u32string_view text) {
    const size_t at = text.rfind(U'\n');
    return LineWrapsAt(text, at, at + 1);
  };
  // A short line without marks that goes on from a line broken in
  // mid-sentence is prose: 办结 + 40件 is one clause.
  EXPECT_TRUE(
      wraps(U"今年各方面共提出建议，多数已经\n交有关部门研究办结\n40件"));
  // So is a first line of a paragraph as long as a line of the page.
  EXPECT_TRUE(wraps(U"各乡镇联络组一年来共收集群众反映的意见\n52条"));
  // Negative: the line before ends a sentence, so this one opens a short
  // heading-like line of its own.
  EXPECT_FALSE(wraps(U"全年工作圆满完成。\n交有关部门研究办结\n40件"));
  // Negative: a heading after a wrapped line, marked as one, ends there.
  EXPECT_FALSE(
      wraps(U"今年各方面共提出建议，多数已经\n（二）重点工作推进情况\n40件"));
  // Negative: a label shorter than a line of prose ends there.
  EXPECT_FALSE(wraps(U"今年各方面共提出建议，多数已经\n收到\n40件"));
}

TEST(Document, TraditionalTextIsReadInSimplifiedAndMappedBack) {
  auto converter = TraditionalConverter::Load(kDefaultT2sConfig);
  ASSERT_TRUE(converter.ok()) << converter.status();
  const std::string input = "委員會收到建議12件。";
  auto doc = Document::FromUtf8(input, converter->get());
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->converted());
  EXPECT_EQ(doc->text(), U"委员会收到建议12件。");

  Extraction facts;
  Metric metric;
  metric.begin = 7;
  metric.end = 9;
  metric.text = "12";
  metric.object = "委员会";
  metric.sentence_begin = 0;
  metric.sentence_end = 10;
  facts.metrics.push_back(metric);
  doc->MapBack(&facts);
  EXPECT_EQ(facts.metrics[0].object, "委員會");  // as written
  EXPECT_EQ(facts.metrics[0].begin, 7);
}

TEST(Document, NumbersAreReadOnceForEveryScanner) {
  const Document doc = Document::FromCodePoints(U"收到提案１２件，立案9件。");
  ASSERT_EQ(doc.numbers().size(), 2u);
  EXPECT_EQ(doc.numbers()[0].begin, 4u);
  EXPECT_EQ(doc.numbers()[0].end, 6u);
  EXPECT_EQ(doc.numbers()[1].begin, 10u);
}

TEST(Document, SimplifiedTextIsNotConverted) {
  auto converter = TraditionalConverter::Load(kDefaultT2sConfig);
  ASSERT_TRUE(converter.ok());
  auto doc = Document::FromUtf8("委员会收到建议12件。", converter->get());
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->converted());
  EXPECT_EQ(doc->text(), DecodeUtf8("委员会收到建议12件。"));
}

// Index passes over characters that lie between U+3003 and U+FF00 without
// asking SentenceEndsAt or reading a number: no sentence mark, line break
// or digit may be there.
TEST(Document, NoSentenceEndOrDigitBetweenU3003AndFullWidthForms) {
  for (char32_t c = 0x3003; c < 0xFF01; ++c) {
    ASSERT_FALSE(IsSentenceEnd(c) || IsLineBreak(c) || IsDigit(c))
        << static_cast<int>(c);
    // Nor an enclosing mark above U+300D, where the pass skips text.
    if (c > 0x300D) {
      ASSERT_FALSE(IsEnclosingMark(c)) << static_cast<int>(c);
    }
  }
}

TEST(Document, EnclosingMarksAreTheQuoteAndTitleMarksAndLineBreaks) {
  const std::u32string marks = U"“”《》「」\n\v\f\u2028\u2029";
  for (char32_t c = 0; c < 0x30000; ++c) {
    ASSERT_EQ(IsEnclosingMark(c), marks.find(c) != std::u32string::npos)
        << static_cast<int>(c);
  }
}

// The enclosing marks are every quotation or book-title mark and line
// break, also those Index passes over as part of a sentence's end (”
// after 。, a blank-line run) and those in the last code points.
TEST(Document, EnclosingMarksAreEveryMarkOfTheText) {
  const std::vector<std::u32string> texts = {
      U"他说：“提案12件。”\n\n《条例》第3条「口号」\n",
      U"无标记的一句话",
      U"《",
      U"委员\u2028提出“10”项\f建议。\n\n\n",
  };
  for (const std::u32string& text : texts) {
    for (size_t lead : kLeads) {
      const std::u32string t = std::u32string(lead, U'政') + text;
      const Document doc = Document::FromCodePoints(t);
      std::vector<uint32_t> want;
      for (size_t i = 0; i < t.size(); ++i) {
        if (IsEnclosingMark(t[i])) want.push_back(static_cast<uint32_t>(i));
      }
      EXPECT_EQ(doc.enclosing_marks(), want) << lead;
    }
  }
}

// Index takes the lines from its list of marks: they are SplitLines's,
// blank lines, markdown marks, a break after a closing quote and a text
// ending in a break included.
TEST(Document, LinesAreThoseOfSplitLines) {
  const std::vector<std::u32string> texts = {
      U"",
      U"\n",
      U"一行",
      U"## 标题\n\n  > 引文。”\n\n\n**加粗**  \r\n末行\n",
      U"他说：“好。”\n“再议。”\n《条例》\u2028第二行\f\n",
  };
  for (const std::u32string& text : texts) {
    for (size_t lead : kLeads) {
      const std::u32string t = std::u32string(lead, U'政') + text;
      const Document doc = Document::FromCodePoints(t);
      const std::vector<TextLine> want = SplitLines(t);
      ASSERT_EQ(doc.lines().size(), want.size()) << lead;
      for (size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(doc.lines()[i].begin, want[i].begin) << lead << " " << i;
        EXPECT_EQ(doc.lines()[i].end, want[i].end) << lead << " " << i;
        EXPECT_EQ(doc.lines()[i].content_begin, want[i].content_begin);
        EXPECT_EQ(doc.lines()[i].content_end, want[i].content_end);
      }
    }
  }
}

// The tokens Index reads in its one pass are TokenizeNumbers's.
TEST(Document, NumbersAreThoseOfTokenizeNumbers) {
  const std::u32string body =
      U"共1,234.5万元。（３）项，-3.2%，1.2.3；2024年\n12,"
      U"34与１２；立案2\n86件";
  for (size_t lead : kLeads) {
    const std::u32string text = std::u32string(lead, U'政') + body;
    const Document doc = Document::FromCodePoints(text);
    const std::vector<NumberToken> want = TokenizeNumbers(text);
    ASSERT_EQ(doc.numbers().size(), want.size()) << lead;
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(doc.numbers()[i].begin, want[i].begin) << lead;
      EXPECT_EQ(doc.numbers()[i].end, want[i].end) << lead;
      EXPECT_EQ(doc.numbers()[i].sign_begin, want[i].sign_begin) << lead;
      EXPECT_EQ(doc.numbers()[i].flags, want[i].flags) << lead;
      EXPECT_EQ(doc.numbers()[i].digits(), want[i].digits()) << lead;
    }
  }
}

// Index marks its candidates 64 code points a word, eight or four at a
// time, and the last few one at a time: a mark or digit at every position
// of two words, and in the last few code points, is found all the same.
TEST(Document, MarksAndDigitsAreFoundAtEveryOffsetOfABlock) {
  for (size_t lead = 0; lead < 140; ++lead) {
    const std::u32string text = std::u32string(lead, U'政') + U"协。委员12人" +
                                std::u32string(lead % 8, U'会');
    const Document doc = Document::FromCodePoints(text);
    ASSERT_EQ(doc.sentences().size(), 2u) << lead;
    EXPECT_EQ(doc.sentences()[0].end, lead + 2) << lead;
    ASSERT_EQ(doc.numbers().size(), 1u) << lead;
    EXPECT_EQ(doc.numbers()[0].begin, lead + 4) << lead;
    EXPECT_EQ(doc.numbers()[0].end, lead + 6) << lead;
  }
}

}  // namespace
}  // namespace reportfacts
