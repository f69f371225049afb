#include "service/core/gazetteer.h"

#include "service/core/utf8.h"

namespace reportfacts {

absl::StatusOr<Gazetteer> Gazetteer::Load(const std::string& path) {
  auto lines = ReadDataLines(path);
  if (!lines.ok()) return lines.status();
  Gazetteer g;
  for (const DataLine& line : *lines) {
    const auto& f = line.fields;
    if (f.size() < 4 || f.size() > 5 || f[0].empty() || f[1].empty() ||
        f[3].empty()) {
      return DataLineError(path, line.line_number,
                           "expected full_name, short_name, level, province, "
                           "parent (tab-separated)");
    }
    if (f[2] != "municipality" && f[2] != "prefecture" && f[2] != "county") {
      return DataLineError(path, line.line_number,
                           "level must be municipality, prefecture or county");
    }
    Place place{DecodeUtf8(f[0]), DecodeUtf8(f[1]), DecodeUtf8(f[3]),
                f[2] == "county"};
    const size_t id = g.places_.size();
    for (const std::u32string* name : {&place.full_name, &place.short_name}) {
      auto [it, inserted] = g.index_.try_emplace(*name, id);
      // A prefecture wins over a county-level city of the same name.
      if (!inserted && g.places_[it->second].county_level &&
          !place.county_level) {
        it->second = id;
      }
      // County-level names are often ordinary words (合作, 开远): only
      // prefectures and provinces count as phrase-opening places.
      if (!place.county_level) g.names_.Add(*name);
    }
    g.names_.Add(place.province);
    g.names_.Add(place.province + U"省");
    g.places_.push_back(std::move(place));
  }
  if (g.places_.empty()) return DataLineError(path, 0, "no places");
  return g;
}

const Place* Gazetteer::Find(std::u32string_view name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &places_[it->second];
}

}  // namespace reportfacts
