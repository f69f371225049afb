#include "client/args.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace reportfacts::cli {

ArgParser::ArgParser(std::string command, std::string positional,
                     std::string summary)
    : command_(std::move(command)),
      positional_usage_(std::move(positional)),
      summary_(std::move(summary)) {}

void ArgParser::AddFlag(const std::string& name, const std::string& value_name,
                        const std::string& default_value,
                        const std::string& help) {
  order_.push_back(name);
  flags_[name] = Flag{value_name, default_value, default_value, help};
}

void ArgParser::AddBool(const std::string& name, const std::string& help) {
  order_.push_back(name);
  flags_[name] = Flag{"", "false", "false", help};
}

ParseOutcome ArgParser::Parse(int argc, char** argv, int first) {
  bool flags_ended = false;
  for (int i = first; i < argc; ++i) {
    const std::string arg = argv[i];
    if (flags_ended || arg == "-" || arg.size() < 2 || arg[0] != '-') {
      positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_ended = true;
      continue;
    }
    if (arg == "-h" || arg == "--help" || arg == "-help") {
      return ParseOutcome::kHelp;
    }
    // Accept both --name and -name.
    std::string body = arg.substr(arg[1] == '-' ? 2 : 1);
    std::string value;
    bool has_value = false;
    if (const size_t eq = body.find('='); eq != std::string::npos) {
      value = body.substr(eq + 1);
      body.resize(eq);
      has_value = true;
    }
    auto it = flags_.find(body);
    if (it == flags_.end()) {
      error_ = absl::StrCat("unknown flag --", body);
      return ParseOutcome::kError;
    }
    Flag& flag = it->second;
    if (flag.value_name.empty()) {  // boolean
      if (!has_value) value = "true";
      if (value != "true" && value != "false") {
        error_ = absl::StrCat("--", body, " takes true or false, not \"", value,
                              "\"");
        return ParseOutcome::kError;
      }
    } else if (!has_value) {
      if (i + 1 >= argc) {
        error_ =
            absl::StrCat("--", body, " needs a value (", flag.value_name, ")");
        return ParseOutcome::kError;
      }
      value = argv[++i];
    }
    flag.value = value;
    given_.insert(body);
  }
  return ParseOutcome::kOk;
}

const std::string& ArgParser::Get(const std::string& name) const {
  return flags_.at(name).value;
}

bool ArgParser::GetBool(const std::string& name) const {
  return flags_.at(name).value == "true";
}

std::string ArgParser::Help() const {
  std::string out = absl::StrCat("Usage: reportfacts ", command_, " [flags]");
  if (!positional_usage_.empty()) absl::StrAppend(&out, " ", positional_usage_);
  absl::StrAppend(&out, "\n\n", summary_, "\n");
  if (order_.empty()) return out;
  absl::StrAppend(&out, "\nFlags:\n");
  for (const std::string& name : order_) {
    const Flag& flag = flags_.at(name);
    std::string left = absl::StrCat("  --", name);
    if (!flag.value_name.empty()) absl::StrAppend(&left, "=", flag.value_name);
    absl::StrAppend(&out, absl::StrFormat("%-28s %s", left, flag.help));
    if (!flag.value_name.empty() && !flag.default_value.empty()) {
      absl::StrAppend(&out, " (default: ", flag.default_value, ")");
    }
    absl::StrAppend(&out, "\n");
  }
  absl::StrAppend(&out, "  --help                       Show this help.\n");
  return out;
}

}  // namespace reportfacts::cli
