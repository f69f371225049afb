#include "service/core/committee.h"

namespace reportfacts {
namespace {

const Place* LookupPlace(std::u32string_view name, const Gazetteer& gazetteer) {
  if (name.size() < 2) return nullptr;
  if (const Place* p = gazetteer.Find(name)) return p;
  if (name.size() > 2 && name.back() == U'市') {
    return gazetteer.Find(name.substr(0, name.size() - 1));
  }
  return nullptr;
}

}  // namespace

std::optional<Committee> FindCommittee(std::u32string_view text,
                                       const Gazetteer& gazetteer) {
  for (size_t k = text.find(U"政协"); k != std::u32string_view::npos;
       k = text.find(U"政协", k + 2)) {
    const Place* place = nullptr;
    Committee committee;
    // 政协兰州市委员会
    for (size_t len = 6; len >= 2 && place == nullptr; --len) {
      if (k + 2 + len + 3 > text.size()) continue;
      if (text.substr(k + 2 + len, 3) != U"委员会") continue;
      place = LookupPlace(text.substr(k + 2, len), gazetteer);
      committee.begin = k;
      committee.end = k + 2 + len + 3;
    }
    // 兰州市政协
    for (size_t len = 6; len >= 2 && place == nullptr; --len) {
      if (len > k) continue;
      place = LookupPlace(text.substr(k - len, len), gazetteer);
      committee.begin = k - len;
      committee.end = k + 2;
    }
    if (place == nullptr) continue;
    const std::u32string& full = place->full_name;
    if (!full.empty() && full.back() == U'市') {
      committee.organization = place->short_name + U"市政协";
    } else {
      committee.organization = full + U"政协";
    }
    committee.city = place->short_name;
    committee.province = place->province;
    return committee;
  }
  return std::nullopt;
}

}  // namespace reportfacts
