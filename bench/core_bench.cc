// Throughput of the extraction core, in process, on one thread.
//
//   build/bin/core_bench [--benchmark_filter=...]
//
// Corpus: the sample documents in ../shared/corpus when present, else the
// bundled sample report. Synthetic archives repeat the corpus to reach a
// size, to show that time grows linearly with the document.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench/corpus_files.h"
#include "service/core/data_dir.h"
#include "service/core/extractor.h"

namespace reportfacts {
namespace {

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out = ReadCorpus("corpus");
    if (out.empty()) out.push_back("全年共收到提案412件，立案386件。");
    return out;
  }();
  return docs;
}

const Extractor& SharedExtractor() {
  static const Extractor* extractor = [] {
    auto loaded = Extractor::Load({DefaultDataDir(), ""});
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot load data: %s\n",
                   std::string(loaded.status().message()).c_str());
      std::abort();
    }
    return loaded->release();
  }();
  return *extractor;
}

void BM_SampleCorpus(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  size_t bytes = 0, metrics = 0;
  for (auto _ : state) {
    for (const std::string& doc : Corpus()) {
      auto result = extractor.Extract(doc, {});
      benchmark::DoNotOptimize(result);
      bytes += doc.size();
      metrics += result->metrics.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * Corpus().size()),
      benchmark::Counter::kIsRate);
  // Averaged, not summed, over the threads of a multi-threaded run.
  state.counters["metrics/doc"] = benchmark::Counter(
      static_cast<double>(metrics) / (state.iterations() * Corpus().size()),
      benchmark::Counter::kAvgThreads);
}
// Two threads share one Extractor, as the server's workers do: their
// combined rate against one thread's shows how extraction scales.
// Loading every data file: what a server start or a pod roll costs (jieba's
// dictionary is most of it).
void BM_LoadData(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = Extractor::Load({DefaultDataDir(), ""});
    if (!loaded.ok()) {
      state.SkipWithError(std::string(loaded.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(loaded->get());
  }
}
BENCHMARK(BM_LoadData)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK(BM_SampleCorpus)
    ->Unit(benchmark::kMicrosecond)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime();

void BM_DocumentSize(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  const std::string doc =
      Archive(Corpus(), static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto result = extractor.Extract(doc, {});
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_DocumentSize)
    ->RangeMultiplier(10)
    ->Range(1 << 10, 10 << 20)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

// One large document with max_threads 1 and 2: what running the phrase
// analysis beside the document-wide scans buys one caller (wall time).
void BM_LargeDocumentThreads(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  const std::string doc = Archive(Corpus(), size_t{4} << 20);
  ExtractOptions options;
  options.max_threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto result = extractor.Extract(doc, options);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_LargeDocumentThreads)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Density: a document that is nothing but metrics.
void BM_MetricDensity(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  std::string doc;
  for (int i = 0; i < state.range(0); ++i)
    doc += "开展活动" + std::to_string(i % 97 + 1) + "次，";
  size_t metrics = 0;
  for (auto _ : state) {
    auto result = extractor.Extract(doc, {});
    metrics = result->metrics.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * doc.size()));
  state.counters["metrics"] = static_cast<double>(metrics);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_MetricDensity)
    ->RangeMultiplier(10)
    ->Range(10, 100000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace
}  // namespace reportfacts

BENCHMARK_MAIN();
