// reportfacts: the command-line client of reportfacts-server.
//
//   reportfacts extract --format table client/samples/sample_report.txt
//   reportfacts health --server 127.0.0.1:50051
//
// Exit codes: 0 ok, 1 extraction or status error, 2 usage error, 3 server
// unreachable.
#include <iostream>
#include <string>

#include "absl/synchronization/mutex.h"
#include "client/bench_command.h"
#include "client/commands.h"
#include "client/rpc.h"

namespace {

constexpr char kUsage[] =
    "Usage: reportfacts COMMAND [flags] [args]\n"
    "\n"
    "Extracts structured facts (reports, metrics, dates, people) from "
    "Chinese work reports through a reportfacts-server.\n"
    "\n"
    "Commands:\n"
    "  extract FILE...   Extract facts from files (- for stdin).\n"
    "  batch DIR         Extract a whole folder over one stream; resumable.\n"
    "  compare INPUT...  Table of indicators by report, city and year.\n"
    "  bench INPUT...    Load-test a server: throughput and latency.\n"
    "  indicators        List the indicator taxonomy.\n"
    "  health            Check that the server is SERVING.\n"
    "  eval              Score extraction against gold files.\n"
    "\n"
    "Run 'reportfacts COMMAND --help' for the flags of a command.\n"
    "Exit codes: 0 ok, 1 extraction or status error, 2 usage error, 3 "
    "server unreachable.\n";

}  // namespace

int main(int argc, char** argv) {
  namespace cli = reportfacts::cli;
  // Off as in the server (service/main.cc): Debian's Abseil keeps
  // absl::Mutex's deadlock graph on, a cost on every lock gRPC takes.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  if (argc < 2) {
    std::cerr << kUsage;
    return cli::kExitUsage;
  }
  const std::string command = argv[1];
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return cli::kExitOk;
  }
  if (command == "extract") return cli::RunExtract(argc, argv);
  if (command == "batch") return cli::RunBatch(argc, argv);
  if (command == "compare") return cli::RunCompare(argc, argv);
  if (command == "bench") return cli::RunBench(argc, argv);
  if (command == "indicators") return cli::RunIndicators(argc, argv);
  if (command == "health") return cli::RunHealth(argc, argv);
  if (command == "eval") return cli::RunEval(argc, argv);
  std::cerr << "reportfacts: unknown command \"" << command << "\"\n\n"
            << kUsage;
  return cli::kExitUsage;
}
