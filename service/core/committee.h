// Finding the committee a text names and normalising it (GUIDE §1).
//
//   auto committee = FindCommittee(U"政协兰州市委员会召开会议", gazetteer);
//   // committee->organization == U"兰州市政协", city 兰州, province 甘肃
//
// Immutable inputs only; safe for concurrent use.
#ifndef REPORTFACTS_SERVICE_CORE_COMMITTEE_H_
#define REPORTFACTS_SERVICE_CORE_COMMITTEE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "service/core/gazetteer.h"

namespace reportfacts {

// Committee is a CPPCC committee named in a text.
struct Committee {
  size_t begin = 0;  // span of the name in the text searched
  size_t end = 0;
  std::u32string organization;  // normalised: 兰州市政协, 奉化区政协
  std::u32string city;          // prefecture without 市, or empty
  std::u32string province;      // without 省/自治区, or empty
};

// FindCommittee finds the first committee named in `text` ("烟台市政协",
// "政协兰州市委员会") whose place the gazetteer knows, or nullopt.
std::optional<Committee> FindCommittee(std::u32string_view text,
                                       const Gazetteer& gazetteer);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_COMMITTEE_H_
