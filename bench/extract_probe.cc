// A small driver for measuring and checking the extraction core without
// Google Benchmark's timing loop, for callgrind and for output diffs.
//
//   build/bin/extract_probe dump           # every fact of both dev sets
//   build/bin/extract_probe passes 5       # 5 Extract passes, sample corpus
//   build/bin/extract_probe archive 1000000  # one pass over a 1 MB archive
//   build/bin/extract_probe load           # load the data only, then exit
//   build/bin/extract_probe reports a.txt b.txt  # report fields of files
//   build/bin/extract_probe people a.txt b.txt   # people of files
//   build/bin/extract_probe metrics a.txt b.txt  # metrics, dates of files
//
// `dump` prints each fact with its full-precision value, so that two builds
// can be compared with diff: a speed-up must not change one line of it.
// `passes` runs Extract only inside ExtractPass, so that
//   valgrind --tool=callgrind --toggle-collect='*ExtractPass*'
//       build/bin/extract_probe passes 5
// counts the instructions of extraction alone, without the data load.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/corpus_files.h"
#include "service/core/data_dir.h"
#include "service/core/extractor.h"

namespace reportfacts {
namespace {

std::unique_ptr<Extractor> LoadOrDie() {
  auto loaded = Extractor::Load({DefaultDataDir(), ""});
  if (!loaded.ok()) {
    std::fprintf(stderr, "cannot load data: %s\n",
                 std::string(loaded.status().message()).c_str());
    std::exit(1);
  }
  return *std::move(loaded);
}

void Dump(const Extraction& e) {
  for (const Report& r : e.reports) {
    std::printf(
        "report %lld %lld title=%s subtitle=%s org=%s city=%s "
        "province=%s year=%d\n",
        static_cast<long long>(r.begin), static_cast<long long>(r.end),
        r.title.c_str(), r.subtitle.c_str(), r.organization.c_str(),
        r.city.c_str(), r.province.c_str(), r.year ? *r.year : -1);
    for (const Author& a : r.authors) {
      std::printf("  author %s role=%s\n", a.name.c_str(), a.role.c_str());
    }
  }
  for (const Metric& m : e.metrics) {
    std::printf(
        "metric %lld %lld text=%s unit_text=%s value=%.17g unit=%s "
        "qual=%s object=%s action=%s indicator=%s sentence=%lld-%lld "
        "report=%d\n",
        static_cast<long long>(m.begin), static_cast<long long>(m.end),
        m.text.c_str(), m.unit_text.c_str(), m.value, m.unit.c_str(),
        std::string(QualifierName(m.qualifier)).c_str(), m.object.c_str(),
        m.action.c_str(), m.indicator.c_str(),
        static_cast<long long>(m.sentence_begin),
        static_cast<long long>(m.sentence_end), m.report);
  }
  for (const DateMention& d : e.dates) {
    std::printf("date %lld %lld text=%s start=%s finish=%s report=%d\n",
                static_cast<long long>(d.begin), static_cast<long long>(d.end),
                d.text.c_str(), d.start.c_str(), d.finish.c_str(), d.report);
  }
  for (const Person& p : e.people) {
    std::printf("person %lld %lld name=%s role=%s org=%s report=%d\n",
                static_cast<long long>(p.begin), static_cast<long long>(p.end),
                p.name.c_str(), p.role.c_str(), p.organization.c_str(),
                p.report);
  }
}

// ForEachFile extracts each file named after the mode and hands its file
// name and facts to `print`; a file that fails prints its error instead.
template <typename Print>
void ForEachFile(const Extractor& extractor, int argc, char** argv,
                 const Print& print) {
  for (int i = 2; i < argc; ++i) {
    auto result = extractor.Extract(ReadAll(argv[i]), {});
    if (!result.ok()) {
      std::printf("%s\terror %s\n", argv[i],
                  std::string(result.status().message()).c_str());
      continue;
    }
    print(std::filesystem::path(argv[i]).filename().c_str(), *result);
  }
}

// ExtractPass runs Extract once over every document; callgrind collects
// inside it only.
__attribute__((noinline)) size_t ExtractPass(
    const Extractor& extractor, const std::vector<std::string>& docs) {
  size_t facts = 0;
  for (const std::string& doc : docs) {
    auto result = extractor.Extract(doc, {});
    if (result.ok()) facts += result->metrics.size() + result->people.size();
  }
  return facts;
}

int Main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "dump";
  if (mode == "load") {
    auto extractor = LoadOrDie();
    std::printf("loaded\n");
    return 0;
  }
  auto extractor = LoadOrDie();
  if (mode == "dump") {
    for (const char* corpus : {"corpus", "corpus-web"}) {
      for (const auto& path : CorpusFiles(corpus)) {
        std::printf("== %s/%s\n", corpus, path.filename().c_str());
        auto result = extractor->Extract(ReadAll(path), {});
        if (!result.ok()) {
          std::printf("error %s\n",
                      std::string(result.status().message()).c_str());
          continue;
        }
        Dump(*result);
      }
    }
    return 0;
  }
  if (mode == "reports") {
    // The report fields of each file named, one line a report: for probing
    // report reading on hand-written texts outside the dev sets.
    ForEachFile(
        *extractor, argc, argv, [](const char* file, const Extraction& e) {
          for (const Report& r : e.reports) {
            std::string authors;
            for (const Author& a : r.authors) {
              authors += a.name + "/" + a.role + ";";
            }
            std::printf(
                "%s\tbegin=%lld\ttitle=%s\tsubtitle=%s\torg=%s\tcity=%s\t"
                "province=%s\tyear=%s\tauthors=%s\n",
                file, static_cast<long long>(r.begin), r.title.c_str(),
                r.subtitle.c_str(), r.organization.c_str(), r.city.c_str(),
                r.province.c_str(),
                r.year ? std::to_string(*r.year).c_str() : "", authors.c_str());
          }
        });
    return 0;
  }
  if (mode == "metrics") {
    // The metrics of each file named, one line a metric: for probing the
    // phrase rules on hand-written texts outside the dev sets.
    ForEachFile(
        *extractor, argc, argv, [](const char* file, const Extraction& e) {
          for (const Metric& m : e.metrics) {
            std::printf(
                "%s\t%s%s\t%.17g %s %s\tobject=%s\taction=%s\t%s\n", file,
                m.text.c_str(), m.unit_text.c_str(), m.value, m.unit.c_str(),
                std::string(QualifierName(m.qualifier)).c_str(),
                m.object.c_str(), m.action.c_str(), m.indicator.c_str());
          }
          for (const DateMention& d : e.dates) {
            std::printf("%s\tdate %s\t%s..%s\n", file, d.text.c_str(),
                        d.start.c_str(), d.finish.c_str());
          }
        });
    return 0;
  }
  if (mode == "people") {
    // The people of each file named, one line a person: for probing the
    // people rules on hand-written texts outside the dev sets.
    ForEachFile(*extractor, argc, argv,
                [](const char* file, const Extraction& e) {
                  for (const Person& p : e.people) {
                    std::printf("%s\t%lld\t%s\t%s\t%s\n", file,
                                static_cast<long long>(p.begin), p.name.c_str(),
                                p.role.c_str(), p.organization.c_str());
                  }
                });
    return 0;
  }
  if (mode == "passes") {
    const int passes = argc > 2 ? std::atoi(argv[2]) : 1;
    const std::vector<std::string> docs = ReadCorpus("corpus");
    size_t facts = 0;
    for (int i = 0; i < passes; ++i) facts += ExtractPass(*extractor, docs);
    std::printf("%d passes, %zu facts\n", passes, facts);
    return 0;
  }
  if (mode == "archive") {
    // One Extract pass over the sample corpus repeated to N bytes, to
    // compare instructions per byte across sizes (see BM_DocumentSize).
    const size_t bytes = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 0;
    const std::vector<std::string> docs = {
        Archive(ReadCorpus("corpus"), bytes)};
    const size_t facts = ExtractPass(*extractor, docs);
    std::printf("%zu bytes, %zu facts\n", docs[0].size(), facts);
    return 0;
  }
  std::fprintf(stderr,
               "usage: extract_probe dump|passes N|archive BYTES|load|reports "
               "FILE...\n");
  return 2;
}

}  // namespace
}  // namespace reportfacts

int main(int argc, char** argv) { return reportfacts::Main(argc, argv); }
