// `reportfacts bench`: a load generator for reportfacts-server.
#ifndef REPORTFACTS_CLIENT_BENCH_COMMAND_H_
#define REPORTFACTS_CLIENT_BENCH_COMMAND_H_

#include <string>
#include <vector>

namespace reportfacts::cli {

// RunBench: reportfacts bench [--concurrency] [--duration_s | --count]
// [--rate] [--doc_bytes] [--rpc unary|stream] INPUT...
int RunBench(int argc, char** argv);

// CutDocuments joins `texts` and cuts the result into documents of about
// `doc_bytes` bytes each (at a line break when one is near, never inside a
// UTF-8 sequence). doc_bytes 0 keeps the texts as they are.
std::vector<std::string> CutDocuments(const std::vector<std::string>& texts,
                                      size_t doc_bytes);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_BENCH_COMMAND_H_
