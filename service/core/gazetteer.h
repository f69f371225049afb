// China's administrative divisions: provinces, prefectures and counties.
//
// Loaded from gazetteer.tsv (format in
// service/data/DATA_FORMATS_gazetteer_surnames.md), which
// scripts/make_gazetteer.py derives from the statistical division list.
// Used to give a committee its city and province, and to recognise place
// names that open a noun phrase (宁波港口物流 → 港口物流).
//
//   auto gazetteer = Gazetteer::Load("service/data/gazetteer.tsv");
//   const Place* p = gazetteer->FindCounty(U"奉化区");
//   // p->prefecture == U"宁波", p->province == U"浙江"
//   const Place* c = gazetteer->FindCounty(U"朝阳区", {U"", U"长春"});
//   // several 朝阳区: the hint picks 长春's; without a hint, nullptr
//
// Immutable after loading; safe for concurrent use.
#ifndef REPORTFACTS_SERVICE_CORE_GAZETTEER_H_
#define REPORTFACTS_SERVICE_CORE_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "service/core/lexicon.h"

namespace reportfacts {

enum class PlaceLevel {
  kProvince,  // 省, 自治区, 特别行政区: 河南省, 广西壮族自治区
  kMunicipality,  // 北京, 天津, 上海, 重庆: a province and a city at once
  kPrefecture,    // 地级市, 地区, 自治州, 盟
  kCounty,  // 县, 区, 县级市, 旗, 自治县, 自治旗, 林区, 特区
};

struct Place {
  std::string code;           // statistical division code: 330213
  std::u32string full_name;   // 奉化区, 湘西土家族苗族自治州
  std::u32string short_name;  // 奉化, 湘西; the full name if the stem
                              // is one character (绛县)
  PlaceLevel level = PlaceLevel::kCounty;
  std::u32string province;    // short name of its province: 浙江, 广西
  std::u32string prefecture;  // county level: its prefecture's short name
                              // (宁波; the municipality for a municipal
                              // district), empty where the province governs
                              // it directly (仙桃) and at higher levels
  std::vector<std::u32string> aliases;  // 黔东南州, former names (奉化市)

  bool county_level() const { return level == PlaceLevel::kCounty; }
  bool province_level() const {
    return level == PlaceLevel::kProvince || level == PlaceLevel::kMunicipality;
  }
  // prefecture_level is true for prefectures and municipalities: the places
  // a report's city names.
  bool prefecture_level() const {
    return level == PlaceLevel::kPrefecture ||
           level == PlaceLevel::kMunicipality;
  }
};

// PlaceHint is what the text says elsewhere about where it is: short names
// of a province and a prefecture, either may be empty.
struct PlaceHint {
  std::u32string_view province;
  std::u32string_view prefecture;
};

class Gazetteer {
 public:
  static absl::StatusOr<Gazetteer> Load(const std::string& path);

  // Find returns the place named `name` (full name, short name or alias)
  // that may stand as a report's city: a prefecture-level place, else the
  // one county-level city (县级市) of that name (宜兴). Prefectures win over
  // counties of the same name (朝阳 → 朝阳市). Provinces are FindProvince's,
  // other counties and districts FindCounty's: their short names are often
  // ordinary words or given names (富裕, 万年).
  const Place* Find(std::u32string_view name) const;

  // FindProvince returns the province-level place named `name` (河南省,
  // 河南, 广西壮族自治区, 广西, 北京市), or nullptr.
  const Place* FindProvince(std::u32string_view name) const;

  // FindCounty returns the county-level place named `name`. Where several
  // share the name, the one in the hint's prefecture, else in its province,
  // wins if it is the only one there; else nullptr: no guess.
  const Place* FindCounty(std::u32string_view name,
                          const PlaceHint& hint = {}) const;

  // FindAll returns every place of any level that has `name` as full name,
  // short name or alias, in file order.
  std::vector<const Place*> FindAll(std::u32string_view name) const;

  // names holds the full and short names and aliases of provinces and
  // prefecture-level places: the words that may open a phrase as a place.
  // County names are left out: their short names are often ordinary words
  // (合作, 开远, 红旗).
  const WordSet& names() const { return names_; }

  // all_names holds every name FindAll knows, counties included, for
  // scanning text for place names.
  const WordSet& all_names() const { return all_names_; }

  const std::vector<Place>& places() const { return places_; }

 private:
  std::vector<Place> places_;
  // name -> indices into places_, in file order.
  absl::flat_hash_map<std::u32string, std::vector<uint32_t>, U32Hash, U32Eq>
      index_;
  WordSet names_;
  WordSet all_names_;
};

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_GAZETTEER_H_
