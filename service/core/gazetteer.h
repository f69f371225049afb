// Chinese administrative divisions: city names and their provinces.
//
// Loaded from gazetteer.tsv (format in service/data/README.md). Used to
// give a report's city its province, and to recognise place names that
// open a noun phrase (烟台林业生物质资源 → 林业生物质资源). Immutable after
// loading; safe for concurrent use.
#ifndef REPORTFACTS_SERVICE_CORE_GAZETTEER_H_
#define REPORTFACTS_SERVICE_CORE_GAZETTEER_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "service/core/lexicon.h"

namespace reportfacts {

struct Place {
  std::u32string full_name;   // 兰州市
  std::u32string short_name;  // 兰州
  std::u32string province;    // 甘肃
  bool county_level = false;
};

class Gazetteer {
 public:
  static absl::StatusOr<Gazetteer> Load(const std::string& path);

  // Find returns the place named `name` (full or short name), preferring
  // the prefecture-level one, or nullptr.
  const Place* Find(std::u32string_view name) const;

  // names holds the full and short names of prefecture-level places and
  // every province name with and without 省: the words that may open a
  // phrase as a place.
  const WordSet& names() const { return names_; }

 private:
  std::vector<Place> places_;
  absl::flat_hash_map<std::u32string, size_t, U32Hash, U32Eq> index_;
  WordSet names_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_GAZETTEER_H_
