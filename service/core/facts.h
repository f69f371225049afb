// Plain structs for the facts that the extractor finds in a report.
//
// Every offset is a Unicode code point index into the submitted text,
// counted from 0, end exclusive, so that a fact can be grounded to the exact
// characters it came from. Field names follow ../shared/gold/GUIDE.md.
#ifndef REPORTFACTS_SERVICE_CORE_FACTS_H_
#define REPORTFACTS_SERVICE_CORE_FACTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportfacts {

// Qualifier says how the written number relates to the true quantity.
enum class Qualifier { kExact, kMoreThan, kNearly, kAbout, kLessThan };

// QualifierName returns the guide's spelling: "EXACT", "MORE_THAN", ...
std::string_view QualifierName(Qualifier qualifier);

// Metric is one number in Arabic digits with its unit: a count, an amount,
// a share, a size or a duration.
struct Metric {
  int64_t begin = 0;  // span of the digits only
  int64_t end = 0;
  std::string text;       // the digits as written
  std::string unit_text;  // what follows the digits and gives the unit
  double value = 0;       // in the canonical unit, multipliers applied
  std::string unit;       // canonical unit, e.g. "件", "元", "%"
  Qualifier qualifier = Qualifier::kExact;
  std::string object;          // what is counted, shortest form; may be empty
  std::string action;          // the verb the count belongs to; may be empty
  std::string indicator;       // taxonomy id, or "other"
  int64_t sentence_begin = 0;  // the sentence holding the metric
  int64_t sentence_end = 0;
  int report = 0;  // index into Extraction::reports
};

// Author is a byline or photo credit of a report.
struct Author {
  std::string name;
  std::string role;
};

// Report is one report inside a document (a document may hold several).
struct Report {
  int64_t begin = 0;  // where the title text starts
  int64_t end = 0;    // where the next report starts, or the text ends
  std::string title;
  std::string subtitle;
  std::string organization;  // normalised: "兰州市政协"
  std::string city;          // without 市
  std::string province;      // without 省
  std::optional<int> year;   // the year the report reviews
  std::vector<Author> authors;
};

// DateMention is a date or date range naming at least a month.
struct DateMention {
  int64_t begin = 0;
  int64_t end = 0;
  std::string text;
  std::string start;   // ISO: YYYY-MM-DD, or YYYY-MM without a day
  std::string finish;  // equals start for a single day
  int report = 0;
};

// Person is a named person with one role (one entry per role).
struct Person {
  std::string name;
  std::string role;
  std::string organization;
  int64_t begin = 0;  // first mention
  int64_t end = 0;
  int report = 0;
};

// Extraction is everything found in one document.
struct Extraction {
  std::vector<Report> reports;
  std::vector<Metric> metrics;
  std::vector<DateMention> dates;
  std::vector<Person> people;
};

// ReportIndexAt returns the index of the report whose span holds `offset`
// (the last report beginning at or before it), or 0. `reports` are sorted
// by begin.
int ReportIndexAt(const std::vector<Report>& reports, int64_t offset);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_FACTS_H_
