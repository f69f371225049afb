// Throughput of the client's output path: printing an ExtractResponse as
// JSON with protobuf's printer and with service/api/response_json.h, the
// size of the answer with and without sentence text, and the lean answer
// printed with its sentences cut from the text (what `extract` does).
// bench/extract_e2e.sh measures the whole command against a server.
//
//   build/bin/output_bench
//
// The response is the extractor's answer for a ~4 MB archive made of the
// sample corpus (../shared/corpus) repeated; bytes/s counts document bytes,
// so the figures compare with the core's rate.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "client/json_io.h"
#include "service/api/convert.h"
#include "service/api/response_json.h"
#include "service/core/data_dir.h"
#include "service/core/extractor.h"

namespace reportfacts {
namespace {

constexpr size_t kArchiveBytes = 4 << 20;

std::string Archive() {
  std::string corpus;
  const std::filesystem::path dir =
      std::filesystem::path(REPORTFACTS_SHARED_DIR) / "corpus";
  if (std::filesystem::is_directory(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      corpus += buffer.str();
    }
  }
  if (corpus.empty()) corpus = "全年共收到提案412件，立案386件。\n";
  std::string archive;
  while (archive.size() < kArchiveBytes) archive += corpus;
  return archive;
}

struct Answer {
  std::string text;
  v1::ExtractResponse full;
  v1::ExtractResponse lean;  // omit_sentence_text
};

const Answer& SharedAnswer() {
  static const Answer* answer = [] {
    auto extractor = Extractor::Load({DefaultDataDir(), ""});
    if (!extractor.ok()) {
      std::fprintf(stderr, "cannot load data: %s\n",
                   std::string(extractor.status().message()).c_str());
      std::abort();
    }
    auto* built = new Answer;
    built->text = Archive();
    auto facts = (*extractor)->Extract(built->text, {});
    if (!facts.ok()) std::abort();
    ExtractionToProto(*facts, built->text, &built->full);
    AnswerOptions lean;
    lean.sentence_text = false;
    ExtractionToProto(*facts, built->text, &built->lean, lean);
    return built;
  }();
  return *answer;
}

void Report(benchmark::State& state, size_t output_bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(SharedAnswer().text.size()));
  state.counters["output_MB"] = static_cast<double>(output_bytes) / 1e6;
}

// Protobuf's printer through the generic Message overload.
void BM_ProtobufJson(benchmark::State& state) {
  const Answer& answer = SharedAnswer();
  const auto& response = state.range(0) != 0 ? answer.lean : answer.full;
  size_t size = 0;
  for (auto _ : state) {
    std::string json = cli::ToJson(
        static_cast<const google::protobuf::Message&>(response), true);
    size = json.size();
    benchmark::DoNotOptimize(json);
  }
  Report(state, size);
}
BENCHMARK(BM_ProtobufJson)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ResponseJson(benchmark::State& state) {
  const Answer& answer = SharedAnswer();
  const auto& response = state.range(0) != 0 ? answer.lean : answer.full;
  size_t size = 0;
  for (auto _ : state) {
    std::string json;
    if (!AppendResponseJson(response, true, &json)) std::abort();
    size = json.size();
    benchmark::DoNotOptimize(json);
  }
  Report(state, size);
}
BENCHMARK(BM_ResponseJson)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The client's path: the answer asked without sentences, each sentence
// cut from the document text while printing; the same bytes as Arg(0)
// above.
void BM_ResponseJsonCutFromText(benchmark::State& state) {
  const Answer& answer = SharedAnswer();
  size_t size = 0;
  for (auto _ : state) {
    std::string json;
    if (!AppendResponseJson(answer.lean, true, answer.text, &json)) {
      std::abort();
    }
    size = json.size();
    benchmark::DoNotOptimize(json);
  }
  Report(state, size);
}
BENCHMARK(BM_ResponseJsonCutFromText)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reportfacts

BENCHMARK_MAIN();
