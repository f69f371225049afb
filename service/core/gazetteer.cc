#include "service/core/gazetteer.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

bool ParseLevel(const std::string& s, PlaceLevel* level) {
  if (s == "province") {
    *level = PlaceLevel::kProvince;
  } else if (s == "municipality") {
    *level = PlaceLevel::kMunicipality;
  } else if (s == "prefecture") {
    *level = PlaceLevel::kPrefecture;
  } else if (s == "county") {
    *level = PlaceLevel::kCounty;
  } else {
    return false;
  }
  return true;
}

// CodeLength is the number of digits a level's code has.
size_t CodeLength(PlaceLevel level) {
  switch (level) {
    case PlaceLevel::kProvince:
    case PlaceLevel::kMunicipality:
      return 2;
    case PlaceLevel::kPrefecture:
      return 4;
    case PlaceLevel::kCounty:
      return 6;
  }
  return 0;
}

bool AllDigits(const std::string& s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// SplitAliases splits "a,b" into its names; an empty field gives none.
std::vector<std::u32string> SplitAliases(const std::string& field) {
  std::vector<std::u32string> out;
  size_t start = 0;
  while (start <= field.size() && !field.empty()) {
    size_t comma = field.find(',', start);
    if (comma == std::string::npos) comma = field.size();
    out.push_back(DecodeUtf8(field.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

}  // namespace

absl::StatusOr<Gazetteer> Gazetteer::Load(const std::string& path) {
  auto lines = ReadDataLines(path);
  if (!lines.ok()) return lines.status();
  Gazetteer g;
  g.places_.reserve(lines->size());
  // Short name -> index, to check the province and prefecture columns.
  absl::flat_hash_map<std::u32string, uint32_t, U32Hash, U32Eq> provinces;
  absl::flat_hash_map<std::u32string, std::vector<uint32_t>, U32Hash, U32Eq>
      prefectures;
  absl::flat_hash_map<std::string, int> codes;  // code -> line
  for (const DataLine& line : *lines) {
    const auto& f = line.fields;
    auto error = [&](std::string_view message) {
      return DataLineError(path, line.line_number, message);
    };
    if (f.size() != 7) {
      return error(
          "expected 7 tab-separated columns: code, full_name, short_name, "
          "level, province, prefecture, aliases");
    }
    Place place;
    if (!ParseLevel(f[3], &place.level)) {
      return error(
          "level must be province, municipality, prefecture or county");
    }
    place.code = f[0];
    if (!AllDigits(place.code) ||
        place.code.size() != CodeLength(place.level)) {
      return error(absl::StrCat("code must be ", CodeLength(place.level),
                                " digits at level ", f[3]));
    }
    if (auto [it, inserted] = codes.try_emplace(place.code, line.line_number);
        !inserted) {
      return error(
          absl::StrCat("code ", place.code, " already on line ", it->second));
    }
    place.full_name = DecodeUtf8(f[1]);
    place.short_name = DecodeUtf8(f[2]);
    place.province = DecodeUtf8(f[4]);
    place.prefecture = DecodeUtf8(f[5]);
    place.aliases = SplitAliases(f[6]);
    if (place.full_name.size() < 2 || place.short_name.size() < 2) {
      return error("full_name and short_name need two characters or more");
    }
    for (const std::u32string& alias : place.aliases) {
      if (alias.size() < 2) {
        return error("each alias needs two characters or more");
      }
    }
    const uint32_t id = static_cast<uint32_t>(g.places_.size());
    if (place.province_level()) {
      if (place.province != place.short_name || !place.prefecture.empty()) {
        return error(
            "a province's province column is its short name and its "
            "prefecture column is empty");
      }
      if (!provinces.try_emplace(place.short_name, id).second) {
        return error("province short name already used");
      }
    } else {
      auto p = provinces.find(place.province);
      if (p == provinces.end()) {
        return error("province must be the short name of a province above");
      }
      const Place& province = g.places_[p->second];
      if (place.code.compare(0, 2, province.code) != 0) {
        return error("code does not lie in the province's code");
      }
      if (place.level == PlaceLevel::kPrefecture && !place.prefecture.empty()) {
        return error("a prefecture's prefecture column is empty");
      }
      if (place.level == PlaceLevel::kCounty && !place.prefecture.empty()) {
        // The municipality for its districts, else a prefecture above whose
        // code the county's code extends.
        bool found = province.level == PlaceLevel::kMunicipality &&
                     place.prefecture == province.short_name;
        auto q = prefectures.find(place.prefecture);
        for (size_t k = 0;
             !found && q != prefectures.end() && k < q->second.size(); ++k) {
          const Place& pref = g.places_[q->second[k]];
          found = pref.province == place.province &&
                  place.code.compare(0, 4, pref.code) == 0;
        }
        if (!found) {
          return error(
              "prefecture must be the short name of a prefecture above in "
              "the same province and code");
        }
      }
    }
    if (place.level == PlaceLevel::kPrefecture) {
      prefectures[place.short_name].push_back(id);
    }
    // Index every name once per place.
    std::vector<const std::u32string*> names = {&place.full_name,
                                                &place.short_name};
    for (const std::u32string& alias : place.aliases) names.push_back(&alias);
    for (size_t k = 0; k < names.size(); ++k) {
      bool repeated = false;
      for (size_t j = 0; j < k; ++j) repeated |= *names[j] == *names[k];
      if (repeated) continue;
      g.index_[*names[k]].push_back(id);
      g.all_names_.Add(*names[k]);
      if (!place.county_level()) g.names_.Add(*names[k]);
    }
    g.places_.push_back(std::move(place));
  }
  if (g.places_.empty()) return DataLineError(path, 0, "no places");
  return g;
}

std::vector<const Place*> Gazetteer::FindAll(std::u32string_view name) const {
  std::vector<const Place*> out;
  auto it = index_.find(name);
  if (it == index_.end()) return out;
  for (uint32_t id : it->second) out.push_back(&places_[id]);
  return out;
}

const Place* Gazetteer::Find(std::u32string_view name) const {
  auto it = index_.find(name);
  if (it == index_.end()) return nullptr;
  const Place* city = nullptr;
  size_t cities = 0;
  for (uint32_t id : it->second) {
    const Place& p = places_[id];
    if (p.prefecture_level()) return &p;
    if (p.county_level() && p.full_name.back() == U'市') {
      city = &p;
      ++cities;
    }
  }
  return cities == 1 ? city : nullptr;
}

const Place* Gazetteer::FindProvince(std::u32string_view name) const {
  auto it = index_.find(name);
  if (it == index_.end()) return nullptr;
  for (uint32_t id : it->second) {
    if (places_[id].province_level()) return &places_[id];
  }
  return nullptr;
}

const Place* Gazetteer::FindCounty(std::u32string_view name,
                                   const PlaceHint& hint) const {
  auto it = index_.find(name);
  if (it == index_.end()) return nullptr;
  const Place* only = nullptr;
  size_t counties = 0;
  const Place* in_prefecture = nullptr;
  size_t prefecture_matches = 0;
  const Place* in_province = nullptr;
  size_t province_matches = 0;
  for (uint32_t id : it->second) {
    const Place& p = places_[id];
    if (!p.county_level()) continue;
    only = &p;
    ++counties;
    if (!hint.prefecture.empty() && p.prefecture == hint.prefecture) {
      in_prefecture = &p;
      ++prefecture_matches;
    }
    if (!hint.province.empty() && p.province == hint.province) {
      in_province = &p;
      ++province_matches;
    }
  }
  if (counties == 1) return only;
  if (prefecture_matches == 1) return in_prefecture;
  if (prefecture_matches == 0 && province_matches == 1) return in_province;
  return nullptr;
}

}  // namespace reportfacts
