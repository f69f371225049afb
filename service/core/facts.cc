#include "service/core/facts.h"

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

}  // namespace reportfacts
