// The subcommands of `reportfacts`. Each takes the whole argv (argv[1] is
// the subcommand's name) and returns the process exit code (see rpc.h).
#ifndef REPORTFACTS_CLIENT_COMMANDS_H_
#define REPORTFACTS_CLIENT_COMMANDS_H_

#include <cstdint>
#include <optional>

#include "client/args.h"

namespace reportfacts::cli {

// RunExtract: reportfacts extract [--server] [--format] FILE...
int RunExtract(int argc, char** argv);

// RunIndicators: reportfacts indicators [--server] [--format]
int RunIndicators(int argc, char** argv);

// RunHealth: reportfacts health [--server] [--service]
int RunHealth(int argc, char** argv);

// RunBatch: reportfacts batch [--output FILE] [--format] DIR
int RunBatch(int argc, char** argv);

// RunCompare: reportfacts compare [--format markdown|csv] INPUT...
int RunCompare(int argc, char** argv);

// RunEval: reportfacts eval --corpus DIR --gold DIR [--server | --data_dir]
int RunEval(int argc, char** argv);

// ParseArgs parses a subcommand's flags (argv[2..]) and handles --help and
// usage errors: returns the exit code when the command should stop, nullopt
// to go on.
std::optional<int> ParseArgs(ArgParser& args, int argc, char** argv);

// TimeoutOf parses the --timeout_ms flag; prints a usage error and returns
// nullopt unless it is a positive integer.
std::optional<int64_t> TimeoutOf(const ArgParser& args, const char* command);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_COMMANDS_H_
