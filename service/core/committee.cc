#include "service/core/committee.h"

#include <algorithm>
#include <vector>

#include "service/core/chars.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr std::u32string_view kShortForm = U"政协";
constexpr std::u32string_view kLongForm = U"中国人民政治协商会议";
constexpr std::u32string_view kCommitteeWord = U"委员会";
constexpr std::u32string_view kNationalCommittee = U"全国委员会";
constexpr std::u32string_view kNational = U"全国";
constexpr size_t kLongestName = 24;  // code points of the longest place name
constexpr size_t kChainLength = 3;   // province, prefecture, county
constexpr size_t kGapBlanks = 3;     // blanks or line breaks between parts

// Words that end in a level character but are no level (园区政协联络组
// is not a district's committee).
constexpr std::u32string_view kNotLevels[] = {
    U"社区", U"园区", U"新区", U"城区", U"景区", U"街区", U"辖区",
    U"地区", U"小区", U"山区", U"库区", U"片区", U"郊区", U"老区",
    U"边区", U"牧区", U"校区", U"城市", U"都市", U"超市",
};

// FindForm is text.find(form, from), by a vectorised search for the
// form's character at `anchor`: 协 (in both forms) is far rarer in a text
// than the first characters 政 and 中, at which a plain find stops to
// compare.
size_t FindForm(std::u32string_view text, std::u32string_view form,
                size_t anchor, size_t from) {
  const char32_t mark = form[anchor];
  for (size_t k = FindCodePoint(text, mark, from + anchor); k < text.size();
       k = FindCodePoint(text, mark, k + 1)) {
    if (text.substr(k - anchor, form.size()) == form) return k - anchor;
  }
  return std::u32string_view::npos;
}
constexpr size_t kShortAnchor = 1;  // 政协
constexpr size_t kLongAnchor = 6;   // 中国人民政治协商会议
static_assert(kShortForm[kShortAnchor] == kLongForm[kLongAnchor]);

bool StartsWith(std::u32string_view text, size_t at, std::u32string_view w) {
  return at <= text.size() && text.substr(at, w.size()) == w;
}

bool EndsWith(std::u32string_view s, std::u32string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}

size_t SkipGap(std::u32string_view text, size_t at) {
  for (size_t k = 0; k < kGapBlanks && at < text.size() && IsSpace(text[at]);
       ++k) {
    ++at;
  }
  return at;
}

bool IsChineseNumeral(char32_t c) {
  return std::u32string_view(U"〇零一二三四五六七八九十百两").find(c) !=
         std::u32string_view::npos;
}

// SkipTerm skips "第十三届" or "十三届" (a committee's term) at `at`.
size_t SkipTerm(std::u32string_view text, size_t at) {
  size_t k = at;
  if (k < text.size() && text[k] == U'第') ++k;
  const size_t digits = k;
  while (k < text.size() && k - digits < 6 &&
         (IsChineseNumeral(text[k]) || IsDigit(text[k]))) {
    ++k;
  }
  if (k == digits || k >= text.size() || text[k] != U'届') return at;
  return k + 1;
}

// BareLevel is a committee named by its level alone: 区政协, 自治区政协.
struct BareLevel {
  size_t begin = 0;
  size_t end = 0;
  std::u32string_view word;  // 省, 自治区, 市, 州, 自治州, 县, 区, 旗, 盟
};

std::optional<BareLevel> BareLevelBefore(std::u32string_view text, size_t k) {
  for (std::u32string_view word : {U"自治区", U"自治州"}) {
    if (k >= word.size() && text.substr(k - word.size(), word.size()) == word) {
      return BareLevel{k - word.size(), k + kShortForm.size(), word};
    }
  }
  if (k == 0) return std::nullopt;
  const std::u32string_view c = text.substr(k - 1, 1);
  if (std::u32string_view(U"省市州县区旗盟").find(c[0]) ==
      std::u32string_view::npos) {
    return std::nullopt;
  }
  if (k >= 2) {
    const char32_t before = text[k - 2];
    // 省市政协, 市县政协, 县区政协: the committees of several levels.
    if (std::u32string_view(U"省市州县区、").find(before) !=
        std::u32string_view::npos) {
      return std::nullopt;
    }
    for (std::u32string_view word : kNotLevels) {
      if (text.substr(k - 2, 2) == word) return std::nullopt;
    }
  }
  return BareLevel{k - 1, k + kShortForm.size(), c};
}

// MatchesLevel is true where `name`, naming `place`, is a full name of the
// kind a bare committee name stands for (区政协 → 奉化区; 州政协 → 黔东南州).
bool MatchesLevel(const Place& place, std::u32string_view name,
                  std::u32string_view level) {
  if (!EndsWith(name, level)) return false;
  if (name == place.short_name && name != place.full_name &&
      !EndsWith(name, U"州")) {
    return false;
  }
  switch (place.level) {
    case PlaceLevel::kProvince:
      return level == U"省" || level == U"自治区";
    case PlaceLevel::kMunicipality:
      return level == U"市";
    case PlaceLevel::kPrefecture:
      if (EndsWith(place.full_name, U"地区")) return false;
      return level == U"市" || level == U"州" || level == U"自治州" ||
             level == U"盟";
    case PlaceLevel::kCounty:
      return level == U"县" || level == U"区" || level == U"市" ||
             level == U"旗";
  }
  return false;
}

// IsElsewhereAt is true where the place or committee named at text[at] is
// not the text's own: where someone goes (赴兰州, 到奉化区, 前往绛县; 去 and
// 往 as well), what is learnt from or measured against (借鉴杭州, 对标宁波,
// 学习/考察 X).
bool IsElsewhereAt(std::u32string_view text, size_t at) {
  if (at == 0) return false;
  if (std::u32string_view(U"赴到往去").find(text[at - 1]) !=
      std::u32string_view::npos) {
    return true;
  }
  if (at < 2) return false;
  const std::u32string_view word = text.substr(at - 2, 2);
  for (std::u32string_view w : {U"借鉴", U"对标", U"学习", U"考察"}) {
    if (word == w) return true;
  }
  return false;
}

// NamedPlaces is what a text says about where it is: the provinces and
// prefectures it names.
struct NamedPlaces {
  std::vector<std::u32string> provinces;
  std::vector<std::u32string> prefectures;
  bool HasProvince(std::u32string_view s) const {
    return std::find(provinces.begin(), provinces.end(), s) != provinces.end();
  }
  bool HasPrefecture(std::u32string_view s) const {
    return std::find(prefectures.begin(), prefectures.end(), s) !=
           prefectures.end();
  }
};

class CommitteeFinder {
 public:
  CommitteeFinder(std::u32string_view text, const Gazetteer& gazetteer,
                  const PlaceHint& hint, const ShortNameWords& words)
      : text_(text),
        gazetteer_(gazetteer),
        hint_(hint),
        ordinary_words_(words.ordinary),
        surnames_(words.surnames),
        dictionary_(words.dictionary) {}

  std::optional<Committee> Run() {
    std::optional<BareLevel> bare;
    size_t next_short = FindForm(text_, kShortForm, kShortAnchor, 0);
    size_t next_long = FindForm(text_, kLongForm, kLongAnchor, 0);
    while (next_short != std::u32string_view::npos ||
           next_long != std::u32string_view::npos) {
      if (next_long < next_short) {
        const size_t k = next_long;
        next_long =
            FindForm(text_, kLongForm, kLongAnchor, k + kLongForm.size());
        if (auto c = Forward(k, k + kLongForm.size());
            c && Own(*c) && Fits(*c, bare)) {
          return c;
        }
        continue;
      }
      const size_t k = next_short;
      next_short =
          FindForm(text_, kShortForm, kShortAnchor, k + kShortForm.size());
      if (auto c = Forward(k, k + kShortForm.size());
          c && Own(*c) && Fits(*c, bare)) {
        return c;
      }
      if (auto c = Backward(k); c && Own(*c) && Fits(*c, bare)) return c;
      if (!bare) bare = BareLevelBefore(text_, k);
    }
    if (bare) return FromBareLevel(*bare);
    return std::nullopt;
  }

 private:
  // Own is false for a committee the text goes to or learns from, and for
  // one named inside a longer book title
  // (《…全国委员会…条例》, a regulation): the title is about
  // the document. A title that is the name alone (《奉化政协》, the
  // committee's journal) still names it.
  bool Own(const Committee& c) const {
    // A committee visited or learnt from (赴襄阳市政协) is another's.
    if (IsElsewhereAt(text_, c.begin)) return false;
    const size_t floor = c.begin > kLongestName ? c.begin - kLongestName : 0;
    for (size_t i = c.begin; i > floor; --i) {
      const char32_t ch = text_[i - 1];
      if (ch == U'》' || IsLineBreak(ch)) return true;
      if (ch == U'《') return c.end < text_.size() && text_[c.end] == U'》';
    }
    return true;
  }

  // Fits is false for a committee above the level of a bare one the text
  // named before it (市政协 … 全国政协的常委X, 县政协 … 省政协一位副主席X): the
  // text is the bare committee's, the other is met in passing. A municipality's
  // committee (北京市政协) fits a bare 市政协.
  static bool Fits(const Committee& c, const std::optional<BareLevel>& bare) {
    if (!bare) return true;
    if (c.level == CommitteeLevel::kNational) return false;
    const std::u32string_view w = bare->word;
    if (w == U"省" || w == U"自治区") return true;
    if (c.level == CommitteeLevel::kProvince) {
      return w == U"市" && EndsWith(c.organization, U"市政协");
    }
    const bool county = w == U"县" || w == U"区" || w == U"旗";
    return !(county && c.level == CommitteeLevel::kPrefecture);
  }

  // IsOuter is true for a name that may stand before another in a chain:
  // a province or a prefecture-level place.
  bool IsOuter(std::u32string_view name) const {
    if (gazetteer_.FindProvince(name)) return true;
    const Place* p = gazetteer_.Find(name);
    return p != nullptr && p->prefecture_level();
  }

  struct Chain {
    std::vector<std::u32string_view> names;  // outer first
  };

  // Forward reads "政协[第…届]<places>[第…届]委员会" from `at` (just after
  // the opener that starts at `begin`).
  std::optional<Committee> Forward(size_t begin, size_t at) {
    size_t q = SkipGap(text_, SkipTerm(text_, SkipGap(text_, at)));
    if (StartsWith(text_, q, kNationalCommittee)) {
      return National(begin, q + kNationalCommittee.size());
    }
    Chain chain;
    while (chain.names.size() < kChainLength) {
      const size_t len =
          gazetteer_.all_names().LongestStartingAt(text_, q, q + kLongestName);
      if (len == 0) break;
      if (!chain.names.empty() && !IsOuter(chain.names.back())) break;
      chain.names.push_back(text_.substr(q, len));
      q = SkipGap(text_, q + len);
    }
    if (chain.names.empty()) return std::nullopt;
    q = SkipGap(text_, SkipTerm(text_, q));
    if (!StartsWith(text_, q, kCommitteeWord)) return std::nullopt;
    return FromChain(chain, begin, q + kCommitteeWord.size());
  }

  // Backward reads "<places>政协" and "全国政协" ending at `k`.
  std::optional<Committee> Backward(size_t k) {
    if (k >= kNational.size() &&
        text_.substr(k - kNational.size(), kNational.size()) == kNational) {
      return National(k - kNational.size(), k + kShortForm.size());
    }
    Chain chain;
    size_t begin = k;
    while (chain.names.size() < kChainLength) {
      const size_t floor = begin > kLongestName ? begin - kLongestName : 0;
      const size_t len =
          gazetteer_.all_names().LongestEndingAt(text_, begin, floor);
      if (len == 0) break;
      const std::u32string_view name = text_.substr(begin - len, len);
      if (!chain.names.empty() && !IsOuter(name)) break;  // 会同|兰州市政协
      begin -= len;
      chain.names.insert(chain.names.begin(), name);
    }
    if (chain.names.empty()) {
      // No name as the gazetteer writes it: an abbreviation (锡盟政协).
      const auto abbreviation =
          AbbreviatedPlaceEndingAt(text_, k, gazetteer_, hint_);
      if (!abbreviation) return std::nullopt;
      const size_t from = k - abbreviation->length;
      return Name(*abbreviation->place, text_.substr(from, k - from), from,
                  k + kShortForm.size());
    }
    // A county's short name is often a word (友好, 富裕, 平安): "<short>政协"
    // counts only where no other word runs into it and not as a quoted
    // slogan (“平安政协”).
    const bool run_in =
        chain.names.size() == 1 && begin > 0 &&
        (IsCjk(text_[begin - 1]) || IsOpenQuote(text_[begin - 1]));
    return FromChain(chain, begin, k + kShortForm.size(), run_in);
  }

  std::optional<Committee> National(size_t begin, size_t end) const {
    Committee c;
    c.begin = begin;
    c.end = end;
    c.level = CommitteeLevel::kNational;
    c.organization = U"全国政协";
    return c;
  }

  // FromChain resolves the innermost name of a chain, the outer names and
  // the hints narrowing it, and names its committee.
  std::optional<Committee> FromChain(const Chain& chain, size_t begin,
                                     size_t end, bool run_in = false) {
    PlaceHint hint = hint_;
    for (size_t i = 0; i + 1 < chain.names.size(); ++i) {
      if (const Place* p = gazetteer_.FindProvince(chain.names[i])) {
        hint.province = p->short_name;
        if (p->level == PlaceLevel::kMunicipality) {
          hint.prefecture = p->short_name;
        }
      } else if (const Place* p = gazetteer_.Find(chain.names[i]);
                 p && p->prefecture_level()) {
        hint.province = p->province;
        hint.prefecture = p->short_name;
      }
    }
    const std::u32string_view name = chain.names.back();
    // Two-character districts (城区, 东区) are words as much as names: only
    // with the prefecture before them.
    if (name.size() == 2 && name.back() == U'区' && chain.names.size() == 1) {
      return std::nullopt;
    }
    const std::vector<const Place*> all = gazetteer_.FindAll(name);
    const Place* province = nullptr;
    const Place* prefecture = nullptr;
    size_t counties = 0;
    for (const Place* p : all) {
      if (p->province_level() && province == nullptr) province = p;
      if (p->prefecture_level() && prefecture == nullptr) prefecture = p;
      if (p->county_level()) ++counties;
    }
    // A county in the prefecture the outer names give wins over a
    // prefecture of the same name (北京朝阳政协).
    const Place* county =
        counties > 0 ? gazetteer_.FindCounty(name, hint) : nullptr;
    if (county && !hint.prefecture.empty() &&
        county->prefecture != hint.prefecture) {
      county = counties == 1 && prefecture == nullptr ? county : nullptr;
    }
    const Place* place = nullptr;
    if (province && (province->full_name == name || chain.names.size() == 1 ||
                     prefecture == nullptr)) {
      place = province;  // 河南省政协, 河南政协, 北京市政协
    } else if (county && !hint.prefecture.empty()) {
      place = county;
    } else if (prefecture) {
      place = prefecture;
    } else if (counties > 0) {
      place = county ? county : CountyFromContext(name, hint);
      if (place == nullptr) {
        // The committee is named but its place is not settled: keep the
        // name if every candidate gives the same one.
        std::optional<Committee> named;
        for (const Place* p : all) {
          if (!p->county_level()) continue;
          if (run_in && name != p->full_name) return std::nullopt;
          Committee c = Name(*p, name, begin, end);
          if (named && named->organization != c.organization) {
            return std::nullopt;
          }
          named = std::move(c);
        }
        named->city.clear();
        named->province.clear();
        return named;
      }
    }
    if (place == nullptr) return std::nullopt;
    if (run_in && place->county_level() && name == place->short_name &&
        name != place->full_name) {
      return std::nullopt;
    }
    return Name(*place, name, begin, end);
  }

  // CountyFromContext picks among same-named counties the one whose
  // prefecture, else province, the text names.
  const Place* CountyFromContext(std::u32string_view name,
                                 const PlaceHint& hint) {
    const NamedPlaces& named = Named();
    const Place* by_prefecture = nullptr;
    size_t prefectures = 0;
    const Place* by_province = nullptr;
    size_t provinces = 0;
    for (const Place* p : gazetteer_.FindAll(name)) {
      if (!p->county_level()) continue;
      if (!hint.province.empty() && p->province != hint.province) continue;
      if (!p->prefecture.empty() && named.HasPrefecture(p->prefecture)) {
        by_prefecture = p;
        ++prefectures;
      }
      if (named.HasProvince(p->province)) {
        by_province = p;
        ++provinces;
      }
    }
    if (prefectures == 1) return by_prefecture;
    if (prefectures == 0 && provinces == 1) return by_province;
    return nullptr;
  }

  const NamedPlaces& Named() {
    if (named_) return *named_;
    named_.emplace();
    const WordSet& names = gazetteer_.names();
    for (size_t i = 0; i < text_.size();) {
      const size_t len = names.LongestStartingAt(text_, i, i + kLongestName);
      if (len == 0) {
        ++i;
        continue;
      }
      const std::u32string_view name = text_.substr(i, len);
      if (const Place* p = gazetteer_.FindProvince(name)) {
        named_->provinces.push_back(p->short_name);
        if (p->level == PlaceLevel::kMunicipality) {
          named_->prefectures.push_back(p->short_name);
        }
      } else if (const Place* p = gazetteer_.Find(name);
                 p && p->prefecture_level()) {
        named_->prefectures.push_back(p->short_name);
        named_->provinces.push_back(p->province);
      }
      i += len;
    }
    return *named_;
  }

  // NamedCountyInFull is the one county-level place whose full name, with
  // its 县, 区 or 旗, is `name` (settled by the hint when several share
  // it); short names are too often ordinary words to count.
  // `places` are the gazetteer's places of that name.
  const Place* NamedCountyInFull(std::u32string_view name,
                                 const std::vector<const Place*>& places) {
    if (!EndsWith(name, U"县") && !EndsWith(name, U"区") &&
        !EndsWith(name, U"旗")) {
      return nullptr;
    }
    std::vector<const Place*> counties;
    for (const Place* p : places) {
      if (p->county_level() && p->full_name == name) counties.push_back(p);
    }
    if (counties.size() == 1) return counties.front();
    return counties.empty() ? nullptr : CountyFromContext(name, hint_);
  }

  // FromBareLevel reads 区政协 as the one district the text names in full.
  // A place the text names as where someone goes (赴、到、前往 X) is
  // another committee's, and counts for nothing. Failing a full name: a
  // committee of a county or prefecture level (县政协, 区政协, 旗政协,
  // 市政协, 州政协, 盟政协) is the one place of that level whose short name
  // the text uses (为始兴发展, 宜昌日报), where short names may be read
  // (ordinary_words_ given) and the name is none of them; a provincial one
  // (省政协, 自治区政协) is the province every province and prefecture the
  // text names lies in.
  std::optional<Committee> FromBareLevel(const BareLevel& bare) {
    const Place* found = nullptr;
    std::u32string_view found_name;
    // The prefecture of the counties named in full (西吉县), if one: a
    // 市政协 whose text names no city but its counties is theirs.
    const bool city_level = bare.word == U"市";
    const bool province_level = bare.word == U"省" || bare.word == U"自治区";
    std::u32string_view counties_prefecture;
    bool counties_agree = true;
    Agreement by_short_name;
    Agreement by_province;
    size_t destination_end = 0;  // after the last destination named
    const WordSet& names = gazetteer_.all_names();
    for (size_t i = 0; i < text_.size();) {
      const size_t len = names.LongestStartingAt(text_, i, i + kLongestName);
      if (len == 0) {
        ++i;
        continue;
      }
      const std::u32string_view name = text_.substr(i, len);
      // 到奉化区和鄞州区: a destination's list shares it.
      const bool destination =
          IsElsewhereAt(text_, i) ||
          (destination_end > 0 && i == destination_end + 1 &&
           IsListJoiner(text_[destination_end]));
      if (destination) destination_end = i + len;
      const std::vector<const Place*> places = gazetteer_.FindAll(name);
      std::vector<const Place*> matching;
      for (const Place* p : places) {
        if (MatchesLevel(*p, name, bare.word)) matching.push_back(p);
      }
      // A name several places share that the text does not settle
      // (新城区, 城关区) is no evidence either way.
      const Place* place = nullptr;
      if (destination) {
        // another committee's place
      } else if (matching.size() == 1) {
        place = matching.front();
      } else if (matching.size() > 1) {
        place = CountyFromContext(name, hint_);
      }
      if (place != nullptr) {
        if (found != nullptr && found != place) return std::nullopt;
        found = place;
        found_name = name;
      }
      if (const Place* county =
              city_level ? NamedCountyInFull(name, places) : nullptr;
          county != nullptr && !county->prefecture.empty()) {
        if (!counties_prefecture.empty() &&
            counties_prefecture != county->prefecture) {
          counties_agree = false;
        }
        counties_prefecture = county->prefecture;
      }
      if (!province_level && matching.empty() && !destination) {
        by_short_name.Add(PlaceByShortName(name, i, places, bare.word));
      }
      if (province_level && !destination) {
        by_province.Add(ProvinceOf(name));
      }
      i += len;
    }
    if (found == nullptr && city_level && counties_agree &&
        !counties_prefecture.empty()) {
      const Place* prefecture = gazetteer_.Find(counties_prefecture);
      if (prefecture != nullptr && prefecture->prefecture_level()) {
        found = prefecture;
      }
    }
    if (found == nullptr) found = by_short_name.Only();
    if (const Place* province = by_province.Only();
        found == nullptr && province != nullptr &&
        MatchesLevel(*province, province->full_name, bare.word)) {
      found = province;
    }
    if (found == nullptr) found = FromHint(bare);
    if (found == nullptr) return std::nullopt;
    if (found_name.empty()) found_name = found->full_name;
    return Name(*found, found_name, bare.begin, bare.end);
  }

  // Agreement is the one place all evidence names, if there is one.
  class Agreement {
   public:
    void Add(const Place* place) {
      if (place == nullptr) return;
      if (place_ != nullptr && place_ != place) conflict_ = true;
      place_ = place;
    }
    const Place* Only() const { return conflict_ ? nullptr : place_; }

   private:
    const Place* place_ = nullptr;
    bool conflict_ = false;
  };

  // PlaceByShortName is the place a short name (始兴 for 始兴县, 宜昌 for
  // 宜昌市) at text_[begin, begin + name.size()) stands for, of the level
  // `word` of a bare committee (县, 区, 旗; 市, 州, 自治州, 盟), or nullptr:
  // an ordinary word (富裕, 平安), a name an ordinary word crosses (和政 in
  // 概况和政协), one after a surname of its own (李永嘉), one that opens a
  // name of three characters (江海燕) or one run into a settlement word
  // (始兴镇) is none; names
  // several counties share are settled by context.
  const Place* PlaceByShortName(std::u32string_view name, size_t begin,
                                const std::vector<const Place*>& places,
                                std::u32string_view word) {
    if (ordinary_words_ == nullptr || ordinary_words_->Contains(name)) {
      return nullptr;
    }
    const size_t end = begin + name.size();
    for (size_t k = begin + 1; k < end; ++k) {
      if (k + ordinary_words_->LongestStartingAt(text_, k, k + kLongestName) >
              end ||
          ordinary_words_->LongestEndingAt(
              text_, k, begin > kLongestName ? begin - kLongestName : 0) >
              k - begin) {
        return nullptr;
      }
    }
    // 李永嘉: a surname of its own before the name makes it a given name.
    if (surnames_ != nullptr && begin > 0 &&
        surnames_->Contains(text_.substr(begin - 1, 1)) &&
        ordinary_words_->LongestEndingAt(
            text_, begin, begin > kLongestName ? begin - kLongestName : 0) <
            2) {
      return nullptr;
    }
    // 江海燕 standing alone (a byline's name): a name that opens with a
    // surname and ends one character later is a person's.
    if (surnames_ != nullptr && surnames_->Contains(name.substr(0, 1)) &&
        end < text_.size() && IsCjk(text_[end]) &&
        (end + 1 == text_.size() || !IsCjk(text_[end + 1]))) {
      return nullptr;
    }
    if (end < text_.size() &&
        std::u32string_view(U"省市州盟县区旗镇乡村街路").find(text_[end]) !=
            std::u32string_view::npos) {
      return nullptr;
    }
    if (InsideLongerWord(begin, end)) return nullptr;
    const bool county = word == U"县" || word == U"区" || word == U"旗";
    const Place* only = nullptr;
    size_t matches = 0;
    for (const Place* p : places) {
      if (p->short_name != name || p->full_name == name ||
          !EndsWith(p->full_name, word) ||
          (county ? !p->county_level() : !p->prefecture_level())) {
        continue;
      }
      only = p;
      ++matches;
    }
    if (matches == 1) return only;
    return matches > 1 && county ? CountyFromContext(name, hint_) : nullptr;
  }

  // InsideLongerWord says whether a word of the dictionary longer than
  // text_[begin, end) covers it (共和 in 共和国 or 中华人民共和国): the name
  // is then a piece of that word, no place.
  bool InsideLongerWord(size_t begin, size_t end) const {
    if (dictionary_ == nullptr) return false;
    constexpr size_t kLongestWord = 8;
    const size_t from = begin > kLongestWord ? begin - kLongestWord : 0;
    for (size_t s = from; s <= begin; ++s) {
      uint32_t node = Dictionary::kRoot;
      for (size_t k = s; k < text_.size() && k - s < kLongestWord; ++k) {
        node = dictionary_->Child(node, text_[k]);
        if (node == Dictionary::kRoot) break;
        if (k + 1 >= end && k + 1 - s > end - begin &&
            dictionary_->NodeAt(node).is_word) {
          return true;
        }
      }
    }
    return false;
  }

  // ProvinceOf is the province a province or a prefecture-level name lies
  // in, or nullptr.
  const Place* ProvinceOf(std::u32string_view name) const {
    if (const Place* p = gazetteer_.FindProvince(name)) return p;
    const Place* p = gazetteer_.Find(name);
    if (p == nullptr || !p->prefecture_level()) return nullptr;
    return gazetteer_.FindProvince(p->province);
  }

  // FromHint reads 自治区政协 or 市政协 as the caller's province or
  // prefecture where that is of the level named.
  const Place* FromHint(const BareLevel& bare) const {
    const Place* place = nullptr;
    if (!hint_.prefecture.empty()) place = gazetteer_.Find(hint_.prefecture);
    if (place != nullptr && place->prefecture_level() &&
        MatchesLevel(*place, place->full_name, bare.word)) {
      return place;
    }
    place = hint_.province.empty() ? nullptr
                                   : gazetteer_.FindProvince(hint_.province);
    if (place != nullptr && MatchesLevel(*place, place->full_name, bare.word)) {
      return place;
    }
    return nullptr;
  }

  // Name gives the committee of `place`, named `name` in the text.
  Committee Name(const Place& place, std::u32string_view name, size_t begin,
                 size_t end) const {
    Committee c;
    c.begin = begin;
    c.end = end;
    c.province = place.province;
    const std::u32string& full = place.full_name;
    const bool autonomous = full.find(U"自治") != std::u32string::npos;
    switch (place.level) {
      case PlaceLevel::kProvince:
        c.level = CommitteeLevel::kProvince;
        c.organization = full;
        break;
      case PlaceLevel::kMunicipality:
        c.level = CommitteeLevel::kProvince;
        c.organization = full;
        c.city = place.short_name;
        break;
      case PlaceLevel::kPrefecture:
        c.level = CommitteeLevel::kPrefecture;
        c.city = place.short_name;
        c.organization = full;
        if (autonomous) {  // 黔东南州政协
          c.organization = place.short_name;
          if (!EndsWith(place.short_name, U"州")) c.organization += U"州";
        }
        break;
      case PlaceLevel::kCounty:
        c.level = CommitteeLevel::kCounty;
        c.organization = full;
        if (autonomous && place.short_name != full) {  // 石柱县政协
          c.organization = place.short_name;
          if (!EndsWith(place.short_name, full.substr(full.size() - 1))) {
            c.organization += full.back();
          }
        }
        // A county-level city stands for itself (宜兴); a county or a
        // district for its prefecture.
        c.city = full.back() == U'市' ? place.short_name : place.prefecture;
        break;
    }
    // A former full name is the committee's name as the text gives it
    // (奉化市政协 before 2016).
    for (const std::u32string& alias : place.aliases) {
      if (alias == name && name.size() > 2 &&
          std::u32string_view(U"市县区").find(name.back()) !=
              std::u32string_view::npos) {
        c.organization = alias;
      }
    }
    c.organization += U"政协";
    return c;
  }

  std::u32string_view text_;
  const Gazetteer& gazetteer_;
  const PlaceHint& hint_;
  const WordSet* ordinary_words_;  // nullptr: short names are not read
  const WordSet* surnames_;        // may be nullptr
  const Dictionary* dictionary_;   // may be nullptr
  std::optional<NamedPlaces> named_;
};

// The levels an abbreviation keeps, longest first: 自治旗 before 旗.
constexpr std::u32string_view kAbbreviatedLevels[] = {
    U"自治区", U"自治州", U"自治县", U"自治旗", U"盟", U"旗"};
constexpr size_t kLongestStem = 4;  // 科右中 (科尔沁右翼中旗)

// IsAbbreviationOf: `stem` opens with the first character of `body` and
// keeps some of the rest of it in order (科右中 of 科尔沁右翼中).
bool IsAbbreviationOf(std::u32string_view stem, std::u32string_view body) {
  if (stem.empty() || body.empty() || stem[0] != body[0]) return false;
  size_t k = 1;
  for (size_t i = 1; i < body.size() && k < stem.size(); ++i) {
    if (body[i] == stem[k]) ++k;
  }
  return k == stem.size();
}

}  // namespace

std::optional<PlaceAbbreviation> AbbreviatedPlaceEndingAt(
    std::u32string_view text, size_t end, const Gazetteer& gazetteer,
    const PlaceHint& hint) {
  for (std::u32string_view level : kAbbreviatedLevels) {
    if (end < level.size() + 1 ||
        text.substr(end - level.size(), level.size()) != level) {
      continue;
    }
    const size_t stem_end = end - level.size();
    // A one-character stem names a league or a banner (锡盟, 达旗), not an
    // autonomous region or prefecture (区, 州 alone are levels).
    const size_t shortest = level.size() == 1 ? 1 : 2;
    size_t available = 0;
    while (available < kLongestStem && available < stem_end &&
           IsCjk(text[stem_end - available - 1])) {
      ++available;
    }
    for (size_t len = available; len >= shortest; --len) {
      const std::u32string_view stem = text.substr(stem_end - len, len);
      std::vector<const Place*> matches;
      for (const Place& place : gazetteer.places()) {
        const std::u32string& full = place.full_name;
        if (full.size() <= level.size() ||
            std::u32string_view(full).substr(full.size() - level.size()) !=
                level) {
          continue;
        }
        const std::u32string_view body =
            std::u32string_view(full).substr(0, full.size() - level.size());
        if (body != stem && IsAbbreviationOf(stem, body)) {
          matches.push_back(&place);
        }
      }
      if (matches.empty()) continue;
      // The longest stem that matches decides; several are settled by the
      // hint or not at all.
      const auto settle = [&](auto in_hint) -> const Place* {
        const Place* found = nullptr;
        for (const Place* p : matches) {
          if (!in_hint(*p)) continue;
          if (found != nullptr) return nullptr;
          found = p;
        }
        return found;
      };
      const Place* place = matches.size() == 1 ? matches[0] : nullptr;
      if (place == nullptr && !hint.prefecture.empty()) {
        place = settle(
            [&](const Place& p) { return p.prefecture == hint.prefecture; });
      }
      if (place == nullptr && !hint.province.empty()) {
        place =
            settle([&](const Place& p) { return p.province == hint.province; });
      }
      if (place == nullptr) return std::nullopt;
      return PlaceAbbreviation{place, len + level.size()};
    }
  }
  return std::nullopt;
}

std::optional<Committee> FindCommittee(std::u32string_view text,
                                       const Gazetteer& gazetteer,
                                       const PlaceHint& hint) {
  return CommitteeFinder(text, gazetteer, hint, ShortNameWords{}).Run();
}

std::optional<Committee> FindCommittee(std::u32string_view text,
                                       const Gazetteer& gazetteer,
                                       const PlaceHint& hint,
                                       const ShortNameWords& words) {
  return CommitteeFinder(text, gazetteer, hint, words).Run();
}

std::optional<Committee> FindCommittee(std::u32string_view text,
                                       const Gazetteer& gazetteer) {
  return FindCommittee(text, gazetteer, PlaceHint{});
}

}  // namespace reportfacts
