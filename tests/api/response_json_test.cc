// AppendResponseJson must print exactly what protobuf's JSON printer
// prints with the client's options: on hand-made responses that reach
// every escape, number form and optional field, and on the answers the
// extractor gives for both development sets.
#include "service/api/response_json.h"

#include <limits>
#include <random>
#include <string>
#include <vector>

#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "service/api/code_points.h"
#include "service/api/convert.h"
#include "service/api/response_wire.h"
#include "service/core/extractor.h"
#include "tests/testing/dev_sets.h"

namespace reportfacts {
namespace {

std::string ProtobufJson(const v1::ExtractResponse& response, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  EXPECT_TRUE(
      google::protobuf::util::MessageToJsonString(response, &json, options)
          .ok());
  if (!json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

// WireJson prints `bytes` with AppendWireResponseJson, which must take
// them.
std::string WireJson(std::string_view bytes, bool pretty,
                     bool cut_sentences = false,
                     std::string_view document_text = {}) {
  std::string json;
  EXPECT_TRUE(AppendWireResponseJson(bytes, pretty, cut_sentences,
                                     document_text, &json));
  return json;
}

// Both printers, the one from the message and the one from its wire
// bytes, against protobuf's.
void ExpectSameAsProtobuf(const v1::ExtractResponse& response) {
  const std::string bytes = response.SerializeAsString();
  for (const bool pretty : {false, true}) {
    std::string ours;
    ASSERT_TRUE(AppendResponseJson(response, pretty, &ours));
    const std::string theirs = ProtobufJson(response, pretty);
    ASSERT_EQ(ours, theirs) << (pretty ? "pretty" : "compact");
    ASSERT_EQ(WireJson(bytes, pretty), theirs)
        << "from the wire, " << (pretty ? "pretty" : "compact");
  }
}

// ExpectWireAsParsed: AppendWireResponseJson on any bytes prints what
// protobuf's parser and AppendResponseJson make of them, or refuses them
// (leaving `out` alone) when those would not print.
void ExpectWireAsParsed(const std::string& bytes) {
  // Damaged strings would log a line each.
  google::protobuf::LogSilencer quiet;
  v1::ExtractResponse parsed;
  const bool parses = parsed.ParseFromString(bytes);
  std::string from_wire = "kept";
  const bool printed =
      AppendWireResponseJson(bytes, /*pretty=*/true, false, {}, &from_wire);
  if (!parses) {
    ASSERT_FALSE(printed) << "printed bytes protobuf refuses";
    ASSERT_EQ(from_wire, "kept");
    return;
  }
  std::string from_message = "kept";
  if (!AppendResponseJson(parsed, true, &from_message)) {
    ASSERT_FALSE(printed);
    return;
  }
  if (printed) {
    ASSERT_EQ(from_wire, from_message);
  }
}

std::string Utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

TEST(ResponseJsonTest, EmptyResponse) {
  ExpectSameAsProtobuf(v1::ExtractResponse());
}

TEST(ResponseJsonTest, EveryCodePointEscapesAsProtobufEscapesIt) {
  // One string per block of code points, so that a difference names it.
  for (char32_t block = 0; block < 0x110000; block += 0x1000) {
    v1::ExtractResponse response;
    std::string text;
    for (char32_t c = block; c < block + 0x1000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      text += Utf8(c);
    }
    response.set_document_id(text);
    std::string ours;
    ASSERT_TRUE(AppendResponseJson(response, false, &ours));
    ASSERT_EQ(ours, ProtobufJson(response, false))
        << "block U+" << std::hex << block;
  }
}

TEST(ResponseJsonTest, NumbersAndOptionalFields) {
  v1::ExtractResponse response;
  response.set_document_id("报告");
  response.set_error_code(3);
  response.set_error_message("bad \"quote\" <tag>\n");
  v1::Report* with_year = response.add_reports();
  with_year->set_year(2024);
  with_year->set_begin(std::numeric_limits<int64_t>::max());
  with_year->set_end(std::numeric_limits<int64_t>::min());
  v1::Author* author = with_year->add_authors();
  author->set_name("某某");
  response.add_reports();  // no year, no authors
  v1::Report* year_zero = response.add_reports();
  year_zero->set_year(0);  // present although zero
  for (const double value : {0.0,
                             -0.0,
                             0.3,
                             0.1 + 0.2,
                             1e21,
                             1e-7,
                             1e15,
                             1e16,
                             3860000000.0,
                             -3.2,
                             5e-324,
                             std::numeric_limits<double>::max(),
                             2.5e-5,
                             12345.678,
                             123456789012345678.0,
                             42.0,
                             -7.0,
                             123456789012345.0,
                             999999999999999.0,
                             -999999999999999.0,
                             9007199254740992.0,
                             std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity()}) {
    v1::Metric* metric = response.add_metrics();
    metric->set_value(value);
    metric->set_qualifier(v1::Metric::MORE_THAN);
    metric->mutable_sentence_span()->set_end(7);
  }
  v1::Metric* bare = response.add_metrics();  // no span, unknown qualifier
  bare->set_qualifier(static_cast<v1::Metric::Qualifier>(42));
  bare->set_report(-1);
  response.add_dates()->set_start("2024-01-01");
  response.add_people()->set_name("某某");
  ExpectSameAsProtobuf(response);
}

TEST(ResponseJsonTest, ConvertedTextIsPrintedOnlyWhenPresent) {
  v1::ExtractResponse response;
  response.set_document_id("page.html");
  ExpectSameAsProtobuf(response);
  response.set_text("");  // present although empty
  ExpectSameAsProtobuf(response);
  response.set_text("标题\n\n正文\t\"引文\"");
  ExpectSameAsProtobuf(response);
}

TEST(ResponseJsonTest, PagesAndThePageOfEachFact) {
  v1::ExtractResponse response;
  response.set_document_id("report.pdf");
  response.set_text("第一页\n第二页\n");
  for (int k = 0; k < 2; ++k) {
    v1::Page* page = response.add_pages();
    page->set_number(k + 1);
    page->mutable_span()->set_begin(4 * k);
    page->mutable_span()->set_end(4 * k + 4);
  }
  response.add_pages()->set_number(3);  // no span
  v1::Report* report = response.add_reports();
  report->set_page(1);
  report->set_year(2024);
  response.add_reports()->set_page(2);  // a page but no year
  response.add_metrics()->set_page(2);
  response.add_dates()->set_page(1);
  response.add_people()->set_page(0);  // present although zero
  ExpectSameAsProtobuf(response);
}

// ExtractionToProto numbers the pages and puts each fact on the page
// holding its first code point.
TEST(ResponseJsonTest, ConvertPutsEachFactOnItsPage) {
  Extraction facts;
  facts.reports.push_back(Report{});
  facts.reports[0].begin = 0;
  Metric metric;
  metric.begin = 5;
  metric.end = 7;
  facts.metrics.push_back(metric);
  DateMention date;
  date.begin = 3;
  facts.dates.push_back(date);
  Person person;
  person.begin = 8;
  facts.people.push_back(person);
  const std::string text = "第一页。\n提案12件\n";  // 4 + 1 + 5 + 1
  v1::ExtractResponse paged;
  ExtractionToProto(facts, text, &paged, {}, {0, 5, 11});
  ASSERT_EQ(paged.pages_size(), 3);
  EXPECT_EQ(paged.pages(1).number(), 2);
  EXPECT_EQ(paged.pages(1).span().begin(), 5);
  EXPECT_EQ(paged.pages(1).span().end(), 11);
  EXPECT_EQ(paged.pages(2).span().begin(), 11);  // empty last page
  EXPECT_EQ(paged.pages(2).span().end(), 11);
  EXPECT_EQ(paged.reports(0).page(), 1);
  EXPECT_EQ(paged.metrics(0).page(), 2);
  EXPECT_EQ(paged.dates(0).page(), 1);
  EXPECT_EQ(paged.people(0).page(), 2);
  // Unpaged text: no pages, no page on any fact.
  v1::ExtractResponse plain;
  ExtractionToProto(facts, text, &plain);
  EXPECT_EQ(plain.pages_size(), 0);
  EXPECT_FALSE(plain.metrics(0).has_page());
  EXPECT_FALSE(plain.reports(0).has_page());
  ExpectSameAsProtobuf(paged);
}

TEST(ResponseJsonTest, InvalidUtf8IsLeftToProtobuf) {
  v1::ExtractResponse response;
  response.set_document_id("ab\xFF");
  std::string out = "kept";
  EXPECT_FALSE(AppendResponseJson(response, true, &out));
  EXPECT_EQ(out, "kept");
}

TEST(ResponseJsonTest, CutSentencesEscapeAsProtobufEscapesThem) {
  // The sentences cut from a valid text take a vector scan: every code
  // point, in blocks, at every offset within 32 bytes.
  for (char32_t block = 0; block < 0x110000; block += 0x800) {
    if (block == 0xD800) continue;  // surrogates only: no text
    std::string text;
    int64_t code_points = 0;
    for (char32_t c = block; c < block + 0x800; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      text += Utf8(c);
      ++code_points;
      if (c % 61 == 0) {  // runs of plain text between
        text += "政协委员，提案。abc";
        code_points += 11;
      }
    }
    const int64_t shift = block % 31;
    v1::ExtractResponse lean;
    v1::Metric* metric = lean.add_metrics();
    metric->mutable_sentence_span()->set_begin(shift);
    metric->mutable_sentence_span()->set_end(code_points);
    v1::ExtractResponse full = lean;
    std::string_view cut = text;
    for (int64_t k = 0; k < shift; ++k) {
      cut.remove_prefix(code_points_internal::kSequenceLengths
                            .of[static_cast<unsigned char>(cut[0])]);
    }
    full.mutable_metrics(0)->set_sentence(std::string(cut));
    for (const bool pretty : {false, true}) {
      std::string ours;
      ASSERT_TRUE(AppendResponseJson(lean, pretty, text, &ours));
      ASSERT_EQ(ours, ProtobufJson(full, pretty))
          << "block U+" << std::hex << block;
      ASSERT_EQ(WireJson(lean.SerializeAsString(), pretty, true, text), ours)
          << "block U+" << std::hex << block;
    }
  }
}

TEST(ResponseJsonTest, WireFieldsAsProtobufParsesThem) {
  v1::ExtractResponse response;
  response.set_document_id("第一");
  v1::Metric* metric = response.add_metrics();
  metric->set_text("412件");
  metric->set_value(412);
  metric->set_qualifier(v1::Metric::MORE_THAN);
  metric->mutable_sentence_span()->set_begin(3);
  metric->mutable_sentence_span()->set_end(9);
  metric->set_page(-2);
  response.add_reports()->set_year(2023);
  response.add_reports()->add_authors()->set_name("委员");
  response.add_pages()->set_number(1);
  response.add_people()->set_report(-1);
  response.add_dates()->set_text("2023年");
  const std::string bytes = response.SerializeAsString();
  ExpectWireAsParsed(bytes);
  // A field repeated later: the last string wins, a sub-message merges,
  // a repeated field appends; unknown numbers and wire types are skipped.
  v1::ExtractResponse later;
  later.set_document_id("第二");
  later.add_metrics()->mutable_sentence_span()->set_end(4);
  later.set_error_code(7);
  std::string extra = later.SerializeAsString();
  extra += std::string("\x50\x05", 2);  // field 10, varint
  extra += std::string(
      "\x5A\x02"
      "xy",
      4);                                           // field 11, bytes
  extra += std::string("\x0D\x01\x02\x03\x04", 5);  // field 1 as fixed32
  ExpectWireAsParsed(bytes + extra);
  // A metric's span sent in two pieces merges into one.
  std::string metric_bytes = metric->SerializeAsString();
  metric_bytes += std::string("\x62\x02\x08\x05", 4);  // span.begin = 5
  std::string two_pieces = "\x1A";
  two_pieces += static_cast<char>(metric_bytes.size());
  two_pieces += metric_bytes;
  ExpectWireAsParsed(two_pieces);
  // Groups and malformed bytes are protobuf's to judge.
  ExpectWireAsParsed(std::string("\x0B\x0C", 2));
  ExpectWireAsParsed(
      std::string("\x0A\x05"
                  "ab",
                  4));
  ExpectWireAsParsed(std::string("\x1A\x02\x1A\x05", 4));
  ExpectWireAsParsed(
      std::string("\x0A\x03"
                  "a\xFF"
                  "b",
                  5));
  ExpectWireAsParsed("");
}

TEST(ResponseJsonTest, AnswersOnBothDevelopmentSets) {
  auto extractor = Extractor::Load({REPORTFACTS_DATA_OUT, ""});
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  int documents = 0;
  for (const char* set : {"corpus", "corpus-web"}) {
    for (const std::string& file : testing::DevSetFiles(set)) {
      const std::string text = testing::ReadWholeFile(file);
      auto facts = (*extractor)->Extract(text, {});
      ASSERT_TRUE(facts.ok()) << file << ": " << facts.status();
      v1::ExtractResponse response;
      response.set_document_id(file);
      ExtractionToProto(*facts, text, &response);
      ExpectSameAsProtobuf(response);
      // As if the text came from a PDF, a page every 400 bytes or so.
      std::vector<int64_t> page_starts;
      for (int64_t start = 0; start < static_cast<int64_t>(text.size()) / 3;
           start += 150) {
        page_starts.push_back(start);
      }
      // Asked without sentence text, then cut from the text by the
      // printer or by FillSentences: the same bytes as the full answer.
      AnswerOptions lean_options;
      lean_options.sentence_text = false;
      v1::ExtractResponse lean;
      lean.set_document_id(file);
      ExtractionToProto(*facts, text, &lean, lean_options);
      // The server's own wire bytes of that lean answer, as the client
      // prints them.
      const EncodedResponse encoded(file, *facts, text, lean_options, {},
                                    /*with_text=*/false);
      std::string wire(encoded.size(), '\0');
      encoded.WriteTo(reinterpret_cast<uint8_t*>(wire.data()));
      for (const bool pretty : {false, true}) {
        std::string cut;
        ASSERT_TRUE(AppendResponseJson(lean, pretty, text, &cut));
        ASSERT_EQ(cut, ProtobufJson(response, pretty)) << file;
        ASSERT_EQ(WireJson(wire, pretty, true, text), cut) << file;
        ASSERT_EQ(WireJson(lean.SerializeAsString(), pretty, true, text), cut)
            << file;
        // Without cutting, the sentences stay empty, as they came.
        ASSERT_EQ(WireJson(wire, pretty), ProtobufJson(lean, pretty)) << file;
      }
      // A converted document: the spans point into the answer's own text,
      // which the printer then cuts from, not from the text passed.
      const EncodedResponse converted(file, *facts, text, lean_options, {},
                                      /*with_text=*/true);
      std::string converted_wire(converted.size(), '\0');
      converted.WriteTo(reinterpret_cast<uint8_t*>(converted_wire.data()));
      v1::ExtractResponse full_converted = response;
      full_converted.set_text(text);
      ASSERT_EQ(WireJson(converted_wire, true, true, "other text"),
                ProtobufJson(full_converted, true))
          << file;
      // Damaged copies of a real answer: printed as protobuf parses them,
      // or refused.
      if (documents % 7 == 0) {
        std::mt19937 random(documents);
        for (int round = 0; round < 300; ++round) {
          std::string damaged = wire;
          if (round % 3 == 0) {
            damaged.resize(random() % damaged.size());
          } else {
            for (int e = 0; e < 1 + round % 4; ++e) {
              damaged[random() % damaged.size()] =
                  static_cast<char>(random() % 256);
            }
          }
          ExpectWireAsParsed(damaged);
        }
      }
      FillSentences(text, &lean);
      ASSERT_EQ(lean.SerializeAsString(), response.SerializeAsString()) << file;
      v1::ExtractResponse paged;
      paged.set_document_id(file);
      ExtractionToProto(*facts, text, &paged, {}, page_starts);
      paged.set_text(text);
      ExpectSameAsProtobuf(paged);
      ++documents;
    }
  }
  EXPECT_GE(documents, 35);
}

}  // namespace
}  // namespace reportfacts
