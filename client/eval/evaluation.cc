#include "client/eval/evaluation.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"
#include "service/core/facts.h"

namespace reportfacts::eval {
namespace {

using Json = nlohmann::json;

double SafeDiv(double a, double b) { return b == 0 ? 0 : a / b; }

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// ReadJsonl reads one JSON object per line; a missing file is empty.
absl::StatusOr<std::vector<Json>> ReadJsonl(const std::string& path,
                                            bool required) {
  std::ifstream in(path);
  if (!in) {
    if (required)
      return absl::NotFoundError(absl::StrCat("cannot read ", path));
    return std::vector<Json>{};
  }
  std::vector<Json> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json row = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded() || !row.is_object() || !row.contains("doc")) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": not a JSON object with \"doc\""));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string Str(const Json& row, const char* key) {
  auto it = row.find(key);
  if (it == row.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

int64_t Int(const Json& row, const char* key) {
  auto it = row.find(key);
  return it != row.end() && it->is_number() ? it->get<int64_t>() : -1;
}

// EndsWith tells whether `text` ends with `suffix`.
bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// LenientMatch accepts a longer or shorter form of the same noun: one
// object is a suffix of the other (委员提案 and 提案), both non-empty, or
// both empty.
bool LenientMatch(const std::string& want, const std::string& have) {
  if (want.empty() || have.empty()) return want == have;
  return EndsWith(want, have) || EndsWith(have, want);
}

bool SameValue(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

void Count(FieldAccuracy* acc, bool ok) {
  ++acc->total;
  if (ok) ++acc->correct;
}

void AddCounts(MatchCounts* into, const MatchCounts& from) {
  into->gold += from.gold;
  into->predicted += from.predicted;
  into->matched += from.matched;
}

void AddAccuracy(FieldAccuracy* into, const FieldAccuracy& from) {
  into->correct += from.correct;
  into->total += from.total;
}

void AddScores(Scores* into, const Scores& from) {
  AddCounts(&into->metrics, from.metrics);
  for (const auto& [k, v] : from.metric_fields) {
    AddAccuracy(&into->metric_fields[k], v);
  }
  AddAccuracy(&into->report_fields, from.report_fields);
  for (const auto& [k, v] : from.report_field_detail) {
    AddAccuracy(&into->report_field_detail[k], v);
  }
  AddCounts(&into->dates, from.dates);
  AddAccuracy(&into->date_bounds, from.date_bounds);
  AddCounts(&into->people, from.people);
}

struct GoldDoc {
  std::vector<Json> reports;
  std::vector<Json> metrics;
  std::vector<Json> dates;
  std::vector<Json> people;
  bool has_reports = false;
};

void ScoreMetrics(const std::string& doc, const GoldDoc& gold,
                  const Extraction& got, Scores* s,
                  std::vector<std::string>* errors) {
  std::map<std::pair<int64_t, int64_t>, const Metric*> predicted;
  for (const Metric& m : got.metrics) predicted[{m.begin, m.end}] = &m;
  s->metrics.gold = static_cast<int>(gold.metrics.size());
  s->metrics.predicted = static_cast<int>(got.metrics.size());
  std::set<std::pair<int64_t, int64_t>> gold_spans;
  for (const Json& g : gold.metrics) {
    const auto span = std::make_pair(Int(g, "begin"), Int(g, "end"));
    gold_spans.insert(span);
    auto it = predicted.find(span);
    if (it == predicted.end()) {
      errors->push_back(absl::StrCat(doc, " metric missed @", span.first, " '",
                                     Str(g, "text"), Str(g, "unit_text"), "'"));
      continue;
    }
    ++s->metrics.matched;
    const Metric& m = *it->second;
    const auto check = [&](const char* field, bool ok, const std::string& want,
                           const std::string& have) {
      Count(&s->metric_fields[field], ok);
      if (!ok) {
        errors->push_back(absl::StrCat(doc, " metric @", span.first, " ", field,
                                       ": want '", want, "' got '", have, "'"));
      }
    };
    const auto value_it = g.find("value");
    const double want_value = value_it != g.end() && value_it->is_number()
                                  ? value_it->get<double>()
                                  : std::nan("");
    check("value", SameValue(want_value, m.value),
          absl::StrFormat("%.17g", want_value),
          absl::StrFormat("%.17g", m.value));
    check("unit", Str(g, "unit") == m.unit, Str(g, "unit"), m.unit);
    const std::string qualifier(QualifierName(m.qualifier));
    check("qualifier", Str(g, "qualifier") == qualifier, Str(g, "qualifier"),
          qualifier);
    check("object", Str(g, "object") == m.object, Str(g, "object"), m.object);
    Count(&s->metric_fields["object_lenient"],
          LenientMatch(Str(g, "object"), m.object));
    check("action", Str(g, "action") == m.action, Str(g, "action"), m.action);
    check("indicator", Str(g, "indicator") == m.indicator, Str(g, "indicator"),
          m.indicator);
  }
  for (const Metric& m : got.metrics) {
    if (!gold_spans.count({m.begin, m.end})) {
      errors->push_back(absl::StrCat(doc, " metric extra @", m.begin, " '",
                                     m.text, m.unit_text, "'"));
    }
  }
}

void ScoreReports(const std::string& doc, const GoldDoc& gold,
                  const Extraction& got, Scores* s,
                  std::vector<std::string>* errors) {
  for (size_t i = 0; i < gold.reports.size(); ++i) {
    const Json& g = gold.reports[i];
    const Report* r = i < got.reports.size() ? &got.reports[i] : nullptr;
    const auto check = [&](const char* field, const std::string& want,
                           const std::string& have) {
      const bool ok = r != nullptr && want == have;
      Count(&s->report_fields, ok);
      Count(&s->report_field_detail[field], ok);
      if (!ok) {
        errors->push_back(absl::StrCat(doc, " report ", i, " ", field,
                                       ": want '", want, "' got '", have, "'"));
      }
    };
    std::string want_authors, have_authors;
    if (g.contains("authors") && g["authors"].is_array()) {
      for (const Json& a : g["authors"]) {
        absl::StrAppend(&want_authors, Str(a, "name"), "/", Str(a, "role"),
                        ";");
      }
    }
    if (r) {
      for (const Author& a : r->authors) {
        absl::StrAppend(&have_authors, a.name, "/", a.role, ";");
      }
    }
    check("begin", Str(g, "begin"), r ? absl::StrCat(r->begin) : "");
    check("title", Str(g, "title"), r ? r->title : "");
    check("subtitle", Str(g, "subtitle"), r ? r->subtitle : "");
    check("organization", Str(g, "organization"), r ? r->organization : "");
    check("city", Str(g, "city"), r ? r->city : "");
    check("province", Str(g, "province"), r ? r->province : "");
    check("year", Str(g, "year"), r && r->year ? absl::StrCat(*r->year) : "");
    check("authors", want_authors, have_authors);
  }
}

void ScoreDates(const std::string& doc, const GoldDoc& gold,
                const Extraction& got, Scores* s,
                std::vector<std::string>* errors) {
  std::map<std::pair<int64_t, int64_t>, const DateMention*> predicted;
  for (const DateMention& d : got.dates) predicted[{d.begin, d.end}] = &d;
  s->dates.gold = static_cast<int>(gold.dates.size());
  s->dates.predicted = static_cast<int>(got.dates.size());
  std::set<std::pair<int64_t, int64_t>> gold_spans;
  for (const Json& g : gold.dates) {
    const auto span = std::make_pair(Int(g, "begin"), Int(g, "end"));
    gold_spans.insert(span);
    auto it = predicted.find(span);
    if (it == predicted.end()) {
      errors->push_back(absl::StrCat(doc, " date missed @", span.first, " '",
                                     Str(g, "text"), "'"));
      continue;
    }
    ++s->dates.matched;
    const bool ok = Str(g, "start") == it->second->start &&
                    Str(g, "finish") == it->second->finish;
    Count(&s->date_bounds, ok);
    if (!ok) {
      errors->push_back(absl::StrCat(doc, " date @", span.first, " want ",
                                     Str(g, "start"), "..", Str(g, "finish"),
                                     " got ", it->second->start, "..",
                                     it->second->finish));
    }
  }
  for (const DateMention& d : got.dates) {
    if (!gold_spans.count({d.begin, d.end})) {
      errors->push_back(
          absl::StrCat(doc, " date extra @", d.begin, " '", d.text, "'"));
    }
  }
}

void ScorePeople(const std::string& doc, const GoldDoc& gold,
                 const Extraction& got, Scores* s,
                 std::vector<std::string>* errors) {
  std::set<std::pair<std::string, std::string>> want, have;
  for (const Json& g : gold.people)
    want.insert({Str(g, "name"), Str(g, "role")});
  for (const Person& p : got.people) have.insert({p.name, p.role});
  s->people.gold = static_cast<int>(want.size());
  s->people.predicted = static_cast<int>(have.size());
  for (const auto& p : want) {
    if (have.count(p)) {
      ++s->people.matched;
    } else {
      errors->push_back(
          absl::StrCat(doc, " person missed ", p.first, "/", p.second));
    }
  }
  for (const auto& p : have) {
    if (!want.count(p)) {
      errors->push_back(
          absl::StrCat(doc, " person extra ", p.first, "/", p.second));
    }
  }
}

std::string Pct(double x) { return absl::StrFormat("%6.2f%%", 100 * x); }

void AppendScoreLines(const std::string& name, const Scores& s,
                      std::string* out) {
  absl::StrAppendFormat(out, "== %s ==\n", name);
  const auto prf = [&](const char* what, const MatchCounts& c) {
    absl::StrAppendFormat(
        out, "  %-8s gold %4d  found %4d  matched %4d   P %s  R %s  F1 %s\n",
        what, c.gold, c.predicted, c.matched, Pct(c.Precision()),
        Pct(c.Recall()), Pct(c.F1()));
  };
  prf("metrics", s.metrics);
  for (const char* field : {"value", "unit", "qualifier", "object",
                            "object_lenient", "action", "indicator"}) {
    auto it = s.metric_fields.find(field);
    if (it == s.metric_fields.end()) continue;
    absl::StrAppendFormat(out, "    %-10s %s  (%d/%d)\n", field,
                          Pct(it->second.Rate()), it->second.correct,
                          it->second.total);
  }
  absl::StrAppendFormat(out, "  %-8s fields right %s  (%d/%d)\n", "reports",
                        Pct(s.report_fields.Rate()), s.report_fields.correct,
                        s.report_fields.total);
  for (const auto& [field, acc] : s.report_field_detail) {
    absl::StrAppendFormat(out, "    %-12s %s  (%d/%d)\n", field,
                          Pct(acc.Rate()), acc.correct, acc.total);
  }
  prf("dates", s.dates);
  absl::StrAppendFormat(out, "    %-10s %s  (%d/%d)\n", "start+end",
                        Pct(s.date_bounds.Rate()), s.date_bounds.correct,
                        s.date_bounds.total);
  prf("people", s.people);
}

Json ScoresJson(const Scores& s) {
  const auto counts = [](const MatchCounts& c) {
    return Json{{"gold", c.gold},       {"predicted", c.predicted},
                {"matched", c.matched}, {"precision", c.Precision()},
                {"recall", c.Recall()}, {"f1", c.F1()}};
  };
  const auto acc = [](const FieldAccuracy& a) {
    return Json{{"correct", a.correct}, {"total", a.total}, {"rate", a.Rate()}};
  };
  Json fields = Json::object();
  for (const auto& [k, v] : s.metric_fields) fields[k] = acc(v);
  Json report_detail = Json::object();
  for (const auto& [k, v] : s.report_field_detail) report_detail[k] = acc(v);
  return Json{{"metrics", counts(s.metrics)},
              {"metric_fields", fields},
              {"report_fields", acc(s.report_fields)},
              {"report_field_detail", report_detail},
              {"dates", counts(s.dates)},
              {"date_bounds", acc(s.date_bounds)},
              {"people", counts(s.people)}};
}

}  // namespace

double MatchCounts::Precision() const { return SafeDiv(matched, predicted); }
double MatchCounts::Recall() const { return SafeDiv(matched, gold); }
double MatchCounts::F1() const {
  const double p = Precision(), r = Recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

absl::StatusOr<EvalReport> Evaluate(const std::string& corpus_dir,
                                    const std::string& gold_dir,
                                    const ExtractFn& extract) {
  std::map<std::string, GoldDoc> docs;
  const struct {
    const char* file;
    bool required;
    std::vector<Json> GoldDoc::*rows;
  } kFiles[] = {{"metrics.jsonl", true, &GoldDoc::metrics},
                {"reports.jsonl", false, &GoldDoc::reports},
                {"dates.jsonl", false, &GoldDoc::dates},
                {"people.jsonl", false, &GoldDoc::people}};
  bool any_reports = false;
  for (const auto& f : kFiles) {
    auto rows = ReadJsonl(absl::StrCat(gold_dir, "/", f.file), f.required);
    if (!rows.ok()) return rows.status();
    for (Json& row : *rows) {
      GoldDoc& doc = docs[Str(row, "doc")];
      if (f.rows == &GoldDoc::reports) {
        doc.has_reports = true;
        any_reports = true;
        if (row.contains("reports") && row["reports"].is_array()) {
          for (Json& r : row["reports"]) doc.reports.push_back(std::move(r));
        }
      } else {
        (doc.*(f.rows)).push_back(std::move(row));
      }
    }
  }
  (void)any_reports;
  EvalReport report;
  for (const auto& [name, gold] : docs) {
    auto text = ReadFile(absl::StrCat(corpus_dir, "/", name));
    if (!text.ok()) return text.status();
    auto got = extract(name, *text);
    if (!got.ok()) {
      return absl::Status(got.status().code(),
                          absl::StrCat(name, ": ", got.status().message()));
    }
    Scores& s = report.per_document[name];
    ScoreMetrics(name, gold, *got, &s, &report.errors);
    ScoreReports(name, gold, *got, &s, &report.errors);
    ScoreDates(name, gold, *got, &s, &report.errors);
    ScorePeople(name, gold, *got, &s, &report.errors);
    AddScores(&report.overall, s);
  }
  return report;
}

std::string FormatTable(const EvalReport& report) {
  std::string out;
  AppendScoreLines("overall", report.overall, &out);
  for (const auto& [name, s] : report.per_document) {
    AppendScoreLines(name, s, &out);
  }
  return out;
}

std::string FormatJson(const EvalReport& report) {
  Json per_doc = Json::object();
  for (const auto& [name, s] : report.per_document)
    per_doc[name] = ScoresJson(s);
  Json out{{"overall", ScoresJson(report.overall)}, {"documents", per_doc}};
  return out.dump(2);
}

}  // namespace reportfacts::eval
