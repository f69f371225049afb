// Finding the CPPCC committee a text names and normalising it (GUIDE §1).
//
//   auto committee = FindCommittee(U"政协嘉峪关市委员会举行座谈", gazetteer);
//   // committee->organization == U"嘉峪关市政协", city 嘉峪关, province 甘肃
//   FindCommittee(U"宁波市奉化区政协", gazetteer);  // 奉化区政协, 宁波, 浙江
//   FindCommittee(U"中国人民政治协商会议全国委员会", gazetteer);  // 全国政协
//
// The forms read, at every level:
//   <place>政协             河南省政协, 黔东南州政协, 奉化区政协, 奉化政协
//   <places>政协            长春市朝阳区政协 (the outer names pick among
//                           same-named counties and widen the span)
//   政协<place>委员会        政协兰州市委员会, 政协绛县第十三届委员会
//   中国人民政治协商会议<place>委员会, with 第…届 before or after the place
//   全国政协, 政协全国委员会, 中国人民政治协商会议全国委员会
//   <abbreviation>政协       锡盟政协, 科右中旗政协, 新疆自治区政协
// A committee named only by its level (区政协, 县政协, 市政协, 自治区政协)
// is read only where the text names exactly one place of that level (区政协
// … 奉化区) and no committee is named outright; a 市政协 whose text names
// no city but counties of one prefecture in full (绛县, 闻喜县) is that
// prefecture's. A place the text names as a destination (赴兰州, 到奉化区)
// is not the bare committee's. Where the caller gives the ordinary words
// of the language, a bare 县政协/区政协/旗政协 (or 市/州/盟政协) is also read
// as the one place of its level whose short name the text uses (县政协 …
// 为始兴发展 → 始兴县; 市政协 … 宜昌日报 → 宜昌市), unless that name is an
// ordinary word (富裕, 平安) or crossed by one; and a bare 省政协 as the
// one province that all provinces and prefectures the text names lie in
// (省政协 … 在郑州召开 → 河南省政协).
//
// Immutable inputs only; safe for concurrent use. Linear in the text.
#ifndef REPORTFACTS_SERVICE_CORE_COMMITTEE_H_
#define REPORTFACTS_SERVICE_CORE_COMMITTEE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "service/core/gazetteer.h"
#include "service/core/lexicon.h"
#include "service/core/segmenter.h"

namespace reportfacts {

enum class CommitteeLevel { kNational, kProvince, kPrefecture, kCounty };

// Committee is a CPPCC committee named in a text.
struct Committee {
  size_t begin = 0;  // span of the name in the text searched
  size_t end = 0;
  CommitteeLevel level = CommitteeLevel::kPrefecture;
  std::u32string organization;  // normalised: 兰州市政协, 奉化区政协, 全国政协
  // city: the prefecture's short name (兰州, 黔东南; 北京 for a municipality
  // and its districts); a county-level city names itself (宜兴). Empty for
  // national and provincial committees and where the place is ambiguous.
  std::u32string city;
  std::u32string province;  // short name (甘肃, 广西), empty where unknown
};

// FindCommittee finds the first committee named in `text` whose place the
// gazetteer knows (or the national committee), or nullopt. A county name
// several counties share (朝阳区) is settled by a province or prefecture
// the text names elsewhere; failing that the committee keeps its name but
// no city or province.
std::optional<Committee> FindCommittee(std::u32string_view text,
                                       const Gazetteer& gazetteer);

// This overload takes what the caller knows from outside `text` (the rest
// of the document): it settles same-named counties and is used before the
// places `text` names.
std::optional<Committee> FindCommittee(std::u32string_view text,
                                       const Gazetteer& gazetteer,
                                       const PlaceHint& hint);

// ShortNameWords are what reading a bare committee through a short name
// needs: a short name that is an ordinary word or crossed by one (富裕;
// 和政 in 和政协) or that follows a surname standing alone (主席李永嘉) is
// no place.
struct ShortNameWords {
  const WordSet* ordinary = nullptr;  // common_words.txt
  const WordSet* surnames = nullptr;  // surnames.txt
  // jieba's dictionary, proper nouns and all: a short name inside a longer
  // word of it (共和 in 中华人民共和国) is no place.
  const Dictionary* dictionary = nullptr;
};

// This overload also reads a bare committee through a short name.
std::optional<Committee> FindCommittee(std::u32string_view text,
                                       const Gazetteer& gazetteer,
                                       const PlaceHint& hint,
                                       const ShortNameWords& words);

// PlaceAbbreviation is a place named by an abbreviation of its full name.
struct PlaceAbbreviation {
  const Place* place = nullptr;
  size_t length = 0;  // code points of the abbreviation in the text
};

// AbbreviatedPlaceEndingAt reads the abbreviation of a league, banner or
// autonomous region that ends text[..., end): the first character of the
// full name and some of the rest in order, then its level (锡盟 →
// 锡林郭勒盟, 科右中旗 → 科尔沁右翼中旗, 新疆自治区 → 新疆维吾尔自治区,
// 鄂温克旗 → 鄂温克族自治旗). Several places matching are settled by the
// hint's prefecture, else province; failing that, or where none matches,
// nullopt. A full name is the gazetteer's, not an abbreviation.
std::optional<PlaceAbbreviation> AbbreviatedPlaceEndingAt(
    std::u32string_view text, size_t end, const Gazetteer& gazetteer,
    const PlaceHint& hint);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_COMMITTEE_H_
