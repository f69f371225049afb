#include "client/table_format.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "reportfacts/v1/facts.pb.h"

namespace reportfacts::cli {
namespace {

// Wide reports whether a code point takes two terminal columns (CJK,
// Hangul, fullwidth forms and the supplementary ideographic planes).
bool Wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::string Pad(const std::string& cell, int width) {
  return cell +
         std::string(
             static_cast<size_t>(std::max(0, width - DisplayWidth(cell))), ' ');
}

// OrDash shows "-" for an empty cell so that columns stay readable.
std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

void AppendReportFacts(const v1::ExtractResponse& response, int report,
                       bool all, std::string* out) {
  const auto belongs = [report, all, &response](int index) {
    if (all) return true;
    if (report < 0) return index < 0 || index >= response.reports_size();
    return index == report;
  };

  // A paged document (a PDF) shows the page of each fact first.
  const bool paged = response.pages_size() > 0;
  const auto with_page = [paged](std::vector<std::string> cells,
                                 std::string page) {
    if (paged) cells.insert(cells.begin(), std::move(page));
    return cells;
  };
  const auto page_of = [](const auto& fact) {
    return fact.has_page() ? absl::StrCat(fact.page()) : std::string("-");
  };
  Table metrics(with_page({"#", "text", "unit_text", "value", "unit",
                           "qualifier", "object", "action", "indicator"},
                          "page"));
  for (int i = 0; i < response.metrics_size(); ++i) {
    const v1::Metric& m = response.metrics(i);
    if (!belongs(m.report())) continue;
    metrics.AddRow(with_page(
        {absl::StrCat(i + 1), m.text(), OrDash(m.unit_text()),
         FormatValue(m.value()), OrDash(m.unit()),
         v1::Metric::Qualifier_Name(m.qualifier()), OrDash(m.object()),
         OrDash(m.action()), OrDash(m.indicator())},
        page_of(m)));
  }
  Table dates(with_page({"text", "start", "finish"}, "page"));
  for (const v1::DateMention& d : response.dates()) {
    if (!belongs(d.report())) continue;
    dates.AddRow(with_page({d.text(), OrDash(d.start()), OrDash(d.finish())},
                           page_of(d)));
  }
  Table people(with_page({"name", "role", "organization"}, "page"));
  for (const v1::Person& p : response.people()) {
    if (!belongs(p.report())) continue;
    people.AddRow(with_page(
        {p.name(), OrDash(p.role()), OrDash(p.organization())}, page_of(p)));
  }

  const auto section = [out](const char* title, const Table& table,
                             size_t rows) {
    absl::StrAppend(out, "\n  ", title, " (", rows, ")\n");
    if (!table.empty()) absl::StrAppend(out, table.Render("    "));
  };
  size_t n = 0;
  for (const v1::Metric& m : response.metrics()) n += belongs(m.report());
  section("Metrics", metrics, n);
  n = 0;
  for (const v1::DateMention& d : response.dates()) n += belongs(d.report());
  section("Dates", dates, n);
  n = 0;
  for (const v1::Person& p : response.people()) n += belongs(p.report());
  section("People", people, n);
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    char32_t c = lead;
    size_t len = 1;
    if (lead >= 0xF0) {
      len = 4;
      c = lead & 0x07;
    } else if (lead >= 0xE0) {
      len = 3;
      c = lead & 0x0F;
    } else if (lead >= 0xC0) {
      len = 2;
      c = lead & 0x1F;
    }
    for (size_t k = 1; k < len && i + k < text.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    width += Wide(c) ? 2 : 1;
    i += len;
  }
  return width;
}

Table::Table(std::vector<std::string> header) : header_(std::move(header)) {}

void Table::AddRow(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

std::string Table::Render(std::string_view indent) const {
  std::vector<int> widths(header_.size(), 0);
  for (size_t c = 0; c < header_.size(); ++c) {
    widths[c] = DisplayWidth(header_[c]);
    for (const auto& row : rows_) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string s(indent);
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c + 1 == cells.size()) {
        absl::StrAppend(&s, cells[c]);
      } else {
        absl::StrAppend(&s, Pad(cells[c], widths[c]), "  ");
      }
    }
    return absl::StrCat(s, "\n");
  };
  std::string out = line(header_);
  std::vector<std::string> rule;
  for (int w : widths) rule.push_back(std::string(static_cast<size_t>(w), '-'));
  absl::StrAppend(&out, line(rule));
  for (const auto& row : rows_) absl::StrAppend(&out, line(row));
  return out;
}

std::string FormatValue(double value) {
  return absl::StrFormat("%.15g", value);
}

std::string FormatExtraction(const v1::ExtractResponse& response) {
  std::string out = absl::StrCat("Document: ", response.document_id());
  if (response.pages_size() > 0) {
    absl::StrAppend(&out, " (", response.pages_size(),
                    response.pages_size() == 1 ? " page)" : " pages)");
  }
  absl::StrAppend(&out, "\n");
  if (response.reports_size() == 0) {
    absl::StrAppend(&out, "\n(no report structure found)\n");
    AppendReportFacts(response, -1, /*all=*/true, &out);
    return out;
  }
  for (int r = 0; r < response.reports_size(); ++r) {
    const v1::Report& report = response.reports(r);
    std::vector<std::string> authors;
    for (const v1::Author& a : report.authors()) {
      authors.push_back(a.role().empty()
                            ? a.name()
                            : absl::StrCat(a.name(), " (", a.role(), ")"));
    }
    absl::StrAppend(&out, "\nReport ", r + 1, ": ", OrDash(report.title()),
                    "\n");
    const auto field = [&out](std::string_view name, const std::string& value) {
      absl::StrAppend(&out, "  ", Pad(std::string(name), 14), value, "\n");
    };
    field("subtitle", OrDash(report.subtitle()));
    field("organization", OrDash(report.organization()));
    field("city", OrDash(report.city()));
    field("province", OrDash(report.province()));
    field("year", report.has_year() ? absl::StrCat(report.year()) : "-");
    field("authors", authors.empty() ? "-" : absl::StrJoin(authors, "、"));
    field("span", absl::StrCat(report.begin(), "-", report.end()));
    if (report.has_page()) field("page", absl::StrCat(report.page()));
    AppendReportFacts(response, r, /*all=*/false, &out);
  }
  // Facts whose report index points nowhere still get shown.
  bool orphans = false;
  const auto outside = [&response](int index) {
    return index < 0 || index >= response.reports_size();
  };
  for (const auto& m : response.metrics()) orphans |= outside(m.report());
  for (const auto& d : response.dates()) orphans |= outside(d.report());
  for (const auto& p : response.people()) orphans |= outside(p.report());
  if (orphans) {
    absl::StrAppend(&out, "\nOutside any report\n");
    AppendReportFacts(response, -1, /*all=*/false, &out);
  }
  return out;
}

std::string FormatIndicators(const v1::ListIndicatorsResponse& response) {
  Table table({"id", "description"});
  for (const v1::Indicator& i : response.indicators()) {
    table.AddRow({i.id(), OrDash(i.description())});
  }
  return table.Render("");
}

}  // namespace reportfacts::cli
