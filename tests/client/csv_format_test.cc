// CSV quoting and parsing, and the metric rows of `extract --format csv`.
#include "client/csv_format.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace reportfacts::cli {
namespace {

TEST(CsvFieldTest, PlainFieldsStayAsTheyAre) {
  EXPECT_EQ(CsvField("提案"), "提案");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("38.6"), "38.6");
}

TEST(CsvFieldTest, SpecialCharactersAreQuoted) {
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(CsvField(" padded "), "\" padded \"");
}

TEST(CsvLineTest, JoinsAndEndsWithNewline) {
  EXPECT_EQ(CsvLine({"a", "b,c", ""}), "a,\"b,c\",\n");
}

TEST(ParseCsvTest, RoundTripsAwkwardFields) {
  const std::vector<std::vector<std::string>> records = {
      {"id", "text"},
      {"x,1", "he said \"好\""},
      {"multi\nline", ""},
      {"", " edge "}};
  std::string text;
  for (const auto& r : records) text += CsvLine(r);
  const CsvRecords parsed = ParseCsv(text);
  EXPECT_EQ(parsed.records, records);
  EXPECT_EQ(parsed.complete_bytes, text.size());
}

TEST(ParseCsvTest, AcceptsCrLf) {
  const CsvRecords parsed = ParseCsv("a,b\r\n\"c\",d\r\n");
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[1], (std::vector<std::string>{"c", "d"}));
}

TEST(ParseCsvTest, CutOffRecordIsNotComplete) {
  const std::string whole = CsvLine({"a", "b"});
  // An open quote with a newline inside is still mid-record.
  const CsvRecords parsed = ParseCsv(whole + "\"c\nd");
  EXPECT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.complete_bytes, whole.size());
  EXPECT_EQ(ParseCsv(whole + "e,f").complete_bytes, whole.size());
}

v1::ExtractResponse SampleResponse() {
  v1::ExtractResponse response;
  response.set_document_id("docs/a,b.txt");
  v1::Report* report = response.add_reports();
  report->set_title("标题, \"引号\"");
  report->set_city("某市");
  report->set_year(2024);
  v1::Metric* metric = response.add_metrics();
  metric->set_begin(3);
  metric->set_end(6);
  metric->set_text("412");
  metric->set_unit_text("件");
  metric->set_value(412);
  metric->set_unit("件");
  metric->set_qualifier(v1::Metric::MORE_THAN);
  metric->set_indicator("proposals.submitted");
  metric->set_sentence("第一行\n第二行");
  metric->set_report(0);
  return response;
}

TEST(MetricCsvRowsTest, OneParsableRowPerMetric) {
  const v1::ExtractResponse response = SampleResponse();
  const CsvRecords parsed =
      ParseCsv(CsvLine(MetricCsvHeader()) + MetricCsvRows(response));
  ASSERT_EQ(parsed.records.size(), 2u);
  const std::vector<std::string>& header = parsed.records[0];
  const std::vector<std::string>& row = parsed.records[1];
  ASSERT_EQ(row.size(), header.size());
  const auto column = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return row[i];
    }
    ADD_FAILURE() << "no column " << name;
    return std::string();
  };
  EXPECT_EQ(column("document_id"), response.document_id());
  EXPECT_EQ(column("title"), response.reports(0).title());
  EXPECT_EQ(column("year"), "2024");
  EXPECT_EQ(column("value"), "412");
  EXPECT_EQ(column("qualifier"), "MORE_THAN");
  EXPECT_EQ(column("sentence"), response.metrics(0).sentence());
  EXPECT_EQ(column("begin"), "3");
}

TEST(MetricCsvRowsTest, DocumentWithoutMetricsStillHasARow) {
  v1::ExtractResponse response;
  response.set_document_id("empty.txt");
  const CsvRecords parsed = ParseCsv(MetricCsvRows(response));
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].size(), MetricCsvHeader().size());
  EXPECT_EQ(parsed.records[0][0], "empty.txt");
}

}  // namespace
}  // namespace reportfacts::cli
