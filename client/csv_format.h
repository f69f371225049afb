// CSV for spreadsheets and scripts (RFC 4180 quoting), and the metric table
// that `extract --format csv` and `batch` write.
//
//   std::string out = CsvLine(MetricCsvHeader());
//   out += MetricCsvRows(response);  // one line per metric
//
// Fields holding a comma, a double quote, a line break or edge spaces are
// quoted, with inner quotes doubled; lines end with "\n".
#ifndef REPORTFACTS_CLIENT_CSV_FORMAT_H_
#define REPORTFACTS_CLIENT_CSV_FORMAT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "reportfacts/v1/fact_extractor.pb.h"

namespace reportfacts::cli {

// CsvField quotes `field` when it needs quoting.
std::string CsvField(std::string_view field);

// CsvLine joins fields into one CSV line ending in "\n".
std::string CsvLine(const std::vector<std::string>& fields);

// CsvRecords is the result of ParseCsv.
struct CsvRecords {
  std::vector<std::vector<std::string>> records;
  // Bytes of input up to the end of the last complete record: a record cut
  // off mid-way (no final newline, or an open quote) is not in `records`.
  size_t complete_bytes = 0;
};

// ParseCsv splits CSV text into records (accepts "\n" and "\r\n").
CsvRecords ParseCsv(std::string_view text);

// MetricCsvHeader names the columns of MetricCsvRows: the document, its
// report (index, title, organization, city, province, year), then the
// metric (span, text, unit_text, value, unit, qualifier, object, action,
// indicator, sentence).
const std::vector<std::string>& MetricCsvHeader();

// MetricCsvRows renders one line per metric of `response`. A document with
// no metric still gets one line, with the metric columns empty, so that
// every processed document shows up in the file.
std::string MetricCsvRows(const v1::ExtractResponse& response);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_CSV_FORMAT_H_
