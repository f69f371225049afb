// A small command-line parser for the subcommands of `reportfacts`.
//
//   ArgParser args("extract", "FILE...", "Extract facts from report files.");
//   args.AddFlag("server", "HOST:PORT", "127.0.0.1:50051", "Server address.");
//   args.AddBool("verbose", "Print every mismatch.");
//   if (ParseOutcome o = args.Parse(argc, argv, 2); o != ParseOutcome::kOk)
//     ...;
//   std::string server = args.Get("server");
//
// Accepts --name=value, --name value, --bool, --bool=true|false, "--" to
// end flags, and "-" as a positional argument (stdin).
#ifndef REPORTFACTS_CLIENT_ARGS_H_
#define REPORTFACTS_CLIENT_ARGS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

namespace reportfacts::cli {

// ParseOutcome says what the caller should do after Parse.
enum class ParseOutcome {
  kOk,     // run the command
  kHelp,   // --help was given; Help() has the text
  kError,  // bad usage; error() says what
};

// ArgParser holds the flags of one subcommand. Not thread-safe.
class ArgParser {
 public:
  // `command` names the subcommand, `positional` describes the positional
  // arguments for the usage line ("FILE..."), `summary` says what it does.
  ArgParser(std::string command, std::string positional, std::string summary);

  // AddFlag declares --name taking a value, with a default.
  void AddFlag(const std::string& name, const std::string& value_name,
               const std::string& default_value, const std::string& help);

  // AddBool declares a boolean --name, false unless given.
  void AddBool(const std::string& name, const std::string& help);

  // Parse reads argv[first..argc).
  ParseOutcome Parse(int argc, char** argv, int first);

  // Get returns a flag's value (its default when not given).
  const std::string& Get(const std::string& name) const;

  // GetBool returns a boolean flag's value.
  bool GetBool(const std::string& name) const;

  // Given tells whether the flag was on the command line.
  bool Given(const std::string& name) const { return given_.count(name) > 0; }

  // Positional returns the non-flag arguments in order.
  const std::vector<std::string>& positional() const { return positional_; }

  // Error describes what was wrong after ParseOutcome::kError.
  const std::string& error() const { return error_; }

  // Help renders the usage text with every flag and its default.
  std::string Help() const;

 private:
  struct Flag {
    std::string value_name;  // empty for booleans
    std::string value;
    std::string default_value;
    std::string help;
  };

  std::string command_;
  std::string positional_usage_;
  std::string summary_;
  std::vector<std::string> order_;  // flag names in declaration order
  std::map<std::string, Flag> flags_;
  std::set<std::string> given_;
  std::vector<std::string> positional_;
  std::string error_;
};

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_ARGS_H_
