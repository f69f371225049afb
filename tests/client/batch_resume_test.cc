// Resuming `batch`: which documents an output file already holds, and how
// much of it is whole after an interrupted run.
#include "client/batch_resume.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "client/csv_format.h"
#include "client/json_io.h"
#include "gtest/gtest.h"

namespace reportfacts::cli {
namespace {

std::string JsonLine(const std::string& id) {
  v1::ExtractResponse response;
  response.set_document_id(id);
  response.add_metrics()->set_text("1");
  return ToJson(response, /*pretty=*/false) + "\n";
}

std::string CsvRows(const std::string& id, int metrics) {
  v1::ExtractResponse response;
  response.set_document_id(id);
  for (int i = 0; i < metrics; ++i) {
    response.add_metrics()->set_sentence("句子,带逗号\n和换行");
  }
  return MetricCsvRows(response);
}

TEST(ResumeTest, JsonLinesIdsAreDone) {
  const std::string text = JsonLine("a.txt") + JsonLine("sub/b.txt");
  auto state = ResumeFromText(text, BatchFormat::kJsonLines);
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_EQ(state->done, (std::set<std::string>{"a.txt", "sub/b.txt"}));
  EXPECT_EQ(state->valid_bytes, text.size());
}

TEST(ResumeTest, JsonLinesCutOffLastLineIsDropped) {
  const std::string whole = JsonLine("a.txt");
  const std::string partial = JsonLine("b.txt").substr(0, 10);
  auto state = ResumeFromText(whole + partial, BatchFormat::kJsonLines);
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_EQ(state->done, (std::set<std::string>{"a.txt"}));
  EXPECT_EQ(state->valid_bytes, whole.size());
}

TEST(ResumeTest, ForeignFileIsRefused) {
  EXPECT_FALSE(ResumeFromText("hello world\n", BatchFormat::kJsonLines).ok());
  EXPECT_FALSE(ResumeFromText("a,b\n", BatchFormat::kCsv).ok());
  // A JSON Lines file read as CSV has no batch header.
  EXPECT_FALSE(ResumeFromText(JsonLine("a.txt"), BatchFormat::kCsv).ok());
}

TEST(ResumeTest, CsvIdsAreDoneAcrossMultilineFields) {
  const std::string text =
      CsvLine(MetricCsvHeader()) + CsvRows("a.txt", 2) + CsvRows("b.txt", 0);
  auto state = ResumeFromText(text, BatchFormat::kCsv);
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_TRUE(state->has_header);
  EXPECT_EQ(state->done, (std::set<std::string>{"a.txt", "b.txt"}));
  EXPECT_EQ(state->valid_bytes, text.size());
}

TEST(ResumeTest, CsvCutOffRecordIsDropped) {
  const std::string whole = CsvLine(MetricCsvHeader()) + CsvRows("a.txt", 1);
  const std::string next = CsvRows("b.txt", 1);
  // Cut inside the quoted sentence of b.txt's row.
  const std::string cut = next.substr(0, next.find('\n'));
  auto state = ResumeFromText(whole + cut, BatchFormat::kCsv);
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_EQ(state->done, (std::set<std::string>{"a.txt"}));
  EXPECT_EQ(state->valid_bytes, whole.size());
}

TEST(ResumeTest, CsvWithOnlyAPartialHeaderStartsOver) {
  auto state = ResumeFromText("document_id,rep", BatchFormat::kCsv);
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_FALSE(state->has_header);
  EXPECT_EQ(state->valid_bytes, 0u);
}

TEST(ResumeTest, MissingFileIsAFreshStart) {
  auto state =
      ReadResumeState("/nonexistent/dir/out.jsonl", BatchFormat::kJsonLines);
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_TRUE(state->done.empty());
}

TEST(ResumeTest, ErrorNamesTheFileAndTheWayOut) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("resume_test_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(path) << "not json\n";
  auto state = ReadResumeState(path.string(), BatchFormat::kJsonLines);
  std::filesystem::remove(path);
  ASSERT_FALSE(state.ok());
  EXPECT_NE(state.status().message().find(path.string()), std::string::npos);
  EXPECT_NE(state.status().message().find("--overwrite"), std::string::npos);
}

}  // namespace
}  // namespace reportfacts::cli
