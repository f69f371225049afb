// A strict little reader of the Prometheus text format (0.0.4) for tests:
// it rejects what a Prometheus scraper would, so a test that parses a page
// also checks the page's syntax.
#ifndef REPORTFACTS_TESTS_HTTP_PROMETHEUS_TEXT_H_
#define REPORTFACTS_TESTS_HTTP_PROMETHEUS_TEXT_H_

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace reportfacts::testing {

struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct ExpositionPage {
  std::map<std::string, std::string> types;  // family -> counter, gauge, ...
  std::vector<Sample> samples;

  // Find returns the value of the sample `name` whose labels include every
  // one of `labels`, or nullopt. More than one match is an error: nullopt.
  std::optional<double> Find(
      const std::string& name,
      const std::map<std::string, std::string>& labels = {}) const {
    const std::vector<Sample> matches = Select(name, labels);
    if (matches.size() != 1) return std::nullopt;
    return matches.front().value;
  }

  // Select returns every sample `name` whose labels include `labels`.
  std::vector<Sample> Select(
      const std::string& name,
      const std::map<std::string, std::string>& labels = {}) const {
    std::vector<Sample> out;
    for (const Sample& sample : samples) {
      if (sample.name != name) continue;
      bool match = true;
      for (const auto& [key, value] : labels) {
        auto it = sample.labels.find(key);
        if (it == sample.labels.end() || it->second != value) match = false;
      }
      if (match) out.push_back(sample);
    }
    return out;
  }
};

namespace internal {

inline bool IsNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':';
}
inline bool IsNameChar(char c) {
  return IsNameStart(c) || std::isdigit(static_cast<unsigned char>(c));
}

// ReadName reads [a-zA-Z_:][a-zA-Z0-9_:]* at `pos`.
inline bool ReadName(const std::string& line, size_t& pos, std::string* out) {
  if (pos >= line.size() || !IsNameStart(line[pos])) return false;
  const size_t start = pos;
  while (pos < line.size() && IsNameChar(line[pos])) ++pos;
  *out = line.substr(start, pos - start);
  return true;
}

// FamilyOf strips a histogram or summary suffix when the base name was
// declared with that type.
inline std::string FamilyOf(const std::string& name,
                            const std::map<std::string, std::string>& types) {
  for (const char* suffix : {"_bucket", "_sum", "_count"}) {
    const std::string s(suffix);
    if (name.size() > s.size() &&
        name.compare(name.size() - s.size(), s.size(), s) == 0) {
      const std::string base = name.substr(0, name.size() - s.size());
      auto it = types.find(base);
      if (it != types.end() &&
          (it->second == "histogram" || it->second == "summary")) {
        return base;
      }
    }
  }
  return name;
}

}  // namespace internal

// ParseExposition parses `text`; on a syntax error it returns nullopt and
// sets `*error` to the offending line. Every sample must belong to a family
// declared by a # TYPE line before it, and a family's lines must be
// contiguous.
inline std::optional<ExpositionPage> ParseExposition(const std::string& text,
                                                     std::string* error) {
  using internal::ReadName;
  ExpositionPage page;
  std::set<std::string> closed_families;
  std::string current_family;
  std::istringstream lines(text);
  std::string line;
  auto fail = [&](const std::string& why) {
    *error = why + ": \"" + line + "\"";
    return std::nullopt;
  };
  if (text.empty() || text.back() != '\n') {
    *error = "the page must end with a newline";
    return std::nullopt;
  }
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      std::istringstream words(line);
      std::string hash, kind, name, rest;
      words >> hash >> kind >> name;
      if (kind == "TYPE") {
        words >> rest;
        if (rest != "counter" && rest != "gauge" && rest != "histogram" &&
            rest != "summary" && rest != "untyped") {
          return fail("unknown type");
        }
        if (page.types.count(name)) return fail("family declared twice");
        page.types[name] = rest;
        if (!current_family.empty()) closed_families.insert(current_family);
        current_family = name;
      }
      continue;
    }
    Sample sample;
    size_t pos = 0;
    if (!ReadName(line, pos, &sample.name)) return fail("bad metric name");
    if (pos < line.size() && line[pos] == '{') {
      ++pos;
      while (pos < line.size() && line[pos] != '}') {
        std::string key;
        if (!ReadName(line, pos, &key)) return fail("bad label name");
        if (pos + 1 >= line.size() || line[pos] != '=' || line[pos + 1] != '"')
          return fail("expected =\"");
        pos += 2;
        std::string value;
        for (;;) {
          if (pos >= line.size()) return fail("unterminated label value");
          const char c = line[pos++];
          if (c == '"') break;
          if (c == '\\') {
            if (pos >= line.size()) return fail("bad escape");
            const char e = line[pos++];
            if (e == 'n') {
              value += '\n';
            } else if (e == '\\' || e == '"') {
              value += e;
            } else {
              return fail("bad escape");
            }
          } else {
            value += c;
          }
        }
        if (sample.labels.count(key)) return fail("label repeated");
        sample.labels[key] = value;
        if (pos < line.size() && line[pos] == ',') ++pos;
      }
      if (pos >= line.size()) return fail("unterminated label set");
      ++pos;  // '}'
    }
    if (pos >= line.size() || line[pos] != ' ') return fail("expected space");
    const std::string value = line.substr(pos + 1);
    if (value == "+Inf") {
      sample.value = HUGE_VAL;
    } else if (value == "-Inf") {
      sample.value = -HUGE_VAL;
    } else {
      char* end = nullptr;
      sample.value = std::strtod(value.c_str(), &end);
      if (value.empty() || *end != '\0') return fail("bad value");
    }
    const std::string family = internal::FamilyOf(sample.name, page.types);
    if (!page.types.count(family)) return fail("sample without # TYPE");
    if (family != current_family || closed_families.count(family)) {
      return fail("family lines not contiguous");
    }
    page.samples.push_back(std::move(sample));
  }
  return page;
}

}  // namespace reportfacts::testing

#endif  // REPORTFACTS_TESTS_HTTP_PROMETHEUS_TEXT_H_
