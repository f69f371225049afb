#include "service/core/facts.h"

#include <algorithm>

namespace reportfacts {

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact:
      return "EXACT";
    case Qualifier::kMoreThan:
      return "MORE_THAN";
    case Qualifier::kNearly:
      return "NEARLY";
    case Qualifier::kAbout:
      return "ABOUT";
    case Qualifier::kLessThan:
      return "LESS_THAN";
  }
  return "EXACT";
}

int ReportIndexAt(const std::vector<Report>& reports, int64_t offset) {
  auto it =
      std::upper_bound(reports.begin(), reports.end(), offset,
                       [](int64_t o, const Report& r) { return o < r.begin; });
  if (it == reports.begin()) return 0;
  return static_cast<int>(it - reports.begin()) - 1;
}

}  // namespace reportfacts
