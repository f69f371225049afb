// Renders extraction results as aligned plain-text tables for people.
//
//   std::cout << FormatExtraction(response);
//
// Columns are aligned by display width: a Chinese character takes two
// terminal columns.
#ifndef REPORTFACTS_CLIENT_TABLE_FORMAT_H_
#define REPORTFACTS_CLIENT_TABLE_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "reportfacts/v1/fact_extractor.pb.h"

namespace reportfacts::cli {

// DisplayWidth is the number of terminal columns `text` takes.
int DisplayWidth(std::string_view text);

// Table collects rows and renders them with aligned columns.
class Table {
 public:
  explicit Table(std::vector<std::string> header);
  void AddRow(std::vector<std::string> row);
  bool empty() const { return rows_.empty(); }
  // Render returns the table, each line starting with `indent`.
  std::string Render(std::string_view indent) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// FormatValue prints a metric value without an exponent or trailing zeros.
std::string FormatValue(double value);

// FormatExtraction renders one document's facts: per report its metadata,
// then the metrics, dates and people of that report.
std::string FormatExtraction(const v1::ExtractResponse& response);

// FormatIndicators renders the taxonomy as a two-column table.
std::string FormatIndicators(const v1::ListIndicatorsResponse& response);

}  // namespace reportfacts::cli

#endif  // REPORTFACTS_CLIENT_TABLE_FORMAT_H_
