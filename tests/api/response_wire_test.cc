// EncodedResponse must write exactly the bytes protobuf serializes for the
// message ExtractionToProto builds: on hand-made facts that reach every
// default, sign, optional field and page, and on the extractor's answers
// for both development sets.
#include "service/api/response_wire.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "service/api/convert.h"
#include "service/core/extractor.h"
#include "tests/testing/dev_sets.h"

namespace reportfacts {
namespace {

std::string Encoded(std::string_view id, const Extraction& facts,
                    std::string_view text, const AnswerOptions& answer,
                    const std::vector<int64_t>& page_starts, bool with_text) {
  EncodedResponse encoded(id, facts, text, answer, page_starts, with_text);
  std::string bytes(encoded.size(), '\0');
  uint8_t* begin = reinterpret_cast<uint8_t*>(bytes.data());
  EXPECT_EQ(encoded.WriteTo(begin), begin + bytes.size());
  return bytes;
}

std::string Serialized(std::string_view id, const Extraction& facts,
                       std::string_view text, const AnswerOptions& answer,
                       const std::vector<int64_t>& page_starts,
                       bool with_text) {
  v1::ExtractResponse response;
  response.set_document_id(std::string(id));
  ExtractionToProto(facts, text, &response, answer, page_starts);
  if (with_text) response.set_text(std::string(text));
  return response.SerializeAsString();
}

// ExpectSameBytes compares the two with and without sentence text,
// pages and the text field.
void ExpectSameBytes(std::string_view id, const Extraction& facts,
                     std::string_view text,
                     const std::vector<int64_t>& page_starts) {
  for (const bool sentences : {true, false}) {
    AnswerOptions answer;
    answer.sentence_text = sentences;
    for (const bool with_text : {false, true}) {
      for (const bool paged : {false, true}) {
        const std::vector<int64_t> pages =
            paged ? page_starts : std::vector<int64_t>();
        ASSERT_EQ(Encoded(id, facts, text, answer, pages, with_text),
                  Serialized(id, facts, text, answer, pages, with_text))
            << "sentences=" << sentences << " with_text=" << with_text
            << " paged=" << paged;
      }
    }
  }
}

TEST(ResponseWireTest, EmptyAnswer) {
  ExpectSameBytes("", Extraction(), "", {0});
  ExpectSameBytes("doc-1", Extraction(), "", {0, 0});
}

TEST(ResponseWireTest, DefaultsSignsAndOptionalFields) {
  const std::string text =
      "二〇二三年，全年共收到提案412件，立案386件。\n下一页";
  Extraction facts;
  Report report;
  report.title = "工作报告";
  report.year = 0;  // present although zero: an optional field
  report.authors.push_back({"张三", ""});
  report.authors.push_back({"", ""});
  report.end = 1LL << 40;
  facts.reports.push_back(report);
  Report bare;  // every field at its default
  facts.reports.push_back(bare);
  Report negative;
  negative.begin = -1;
  negative.year = -2023;
  facts.reports.push_back(negative);

  Metric metric;
  metric.begin = 12;
  metric.end = 15;
  metric.text = "412";
  metric.unit_text = "件";
  metric.value = 412;
  metric.unit = "件";
  metric.qualifier = Qualifier::kMoreThan;
  metric.indicator = "proposals";
  metric.sentence_begin = 6;
  metric.sentence_end = 25;
  facts.metrics.push_back(metric);
  Metric zero;  // value 0, exact, empty sentence span: only the span
  facts.metrics.push_back(zero);
  Metric odd = metric;
  odd.value = -0.0;  // a sign bit is not the default
  odd.report = -1;
  odd.qualifier = Qualifier::kExact;
  odd.sentence_begin = 40;  // past the text: clamped, empty
  odd.sentence_end = 1000;
  facts.metrics.push_back(odd);
  for (const double value :
       {0.5, 1e300, -3.25, std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::infinity()}) {
    Metric m = metric;
    m.value = value;
    m.report = 2;
    m.sentence_begin = 20;  // reversed: no sentence
    m.sentence_end = 10;
    facts.metrics.push_back(m);
  }

  DateMention date;
  date.begin = 0;
  date.end = 5;
  date.text = "二〇二三年";
  date.start = "2023";
  date.finish = "2023";
  facts.dates.push_back(date);
  facts.dates.push_back(DateMention());
  DateMention late = date;
  late.begin = 28;
  late.report = 1;
  facts.dates.push_back(late);

  Person person;
  person.name = "李四";
  person.role = "主席";
  person.begin = 3;
  person.end = 5;
  facts.people.push_back(person);
  facts.people.push_back(Person());
  Person later = person;
  later.begin = 30;
  later.report = 300;
  facts.people.push_back(later);

  // Pages: a page at 0, an empty page, and one starting past the text.
  ExpectSameBytes("doc-2", facts, text, {0, 10, 10, 27, 500});
}

TEST(ResponseWireTest, AnswersOnBothDevelopmentSets) {
  auto extractor = Extractor::Load({REPORTFACTS_DATA_OUT, ""});
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  int documents = 0;
  for (const char* set : {"corpus", "corpus-web"}) {
    for (const std::string& file : testing::DevSetFiles(set)) {
      const std::string text = testing::ReadWholeFile(file);
      auto facts = (*extractor)->Extract(text, {});
      ASSERT_TRUE(facts.ok()) << file << ": " << facts.status();
      // As if the text came from a PDF, a page every 400 bytes or so.
      std::vector<int64_t> page_starts;
      for (int64_t start = 0; start < static_cast<int64_t>(text.size()) / 3;
           start += 150) {
        page_starts.push_back(start);
      }
      ExpectSameBytes(file, *facts, text, page_starts);
      ++documents;
    }
  }
  EXPECT_GE(documents, 35);
}

}  // namespace
}  // namespace reportfacts
