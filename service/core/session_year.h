// The year of a national CPPCC session named in a text.
//
//   NationalSessionYear(U"全国政协十四届三次会议开幕")  // 2025
//
// The National Committee sits for five-year terms since its sixth (1983),
// holding one plenary session a year: the k-th session of the n-th term is
// in 1983 + 5 (n - 6) + (k - 1). A news item about such a session often
// writes no year at all; the session's name gives it.
#ifndef REPORTFACTS_SERVICE_CORE_SESSION_YEAR_H_
#define REPORTFACTS_SERVICE_CORE_SESSION_YEAR_H_

#include <optional>
#include <string_view>

namespace reportfacts {

// NationalSessionYear reads the first national session the text names
// (全国政协十四届三次会议, 政协第十四届全国委员会第三次会议, 十四届全国政协
// 二次会议), or nullopt. Pinyin glosses after characters (三次(ci)会议) are
// read through.
std::optional<int> NationalSessionYear(std::u32string_view text);

// PlenarySession reads the session of a committee's plenary meeting that
// `text` names first (政协某市第十届委员会第三次会议 → 3, 县政协十一届五次
// 会议 → 5), or nullopt; a standing committee's meeting (常委会第八次会议,
// 常务委员会第十次会议) is no plenary.
std::optional<int> PlenarySession(std::u32string_view text);

// SmallNumeral reads a number of one to twenty written in Chinese
// characters (三, 十四, 二十) or Arabic digits at text[i]; sets *end.
std::optional<int> SmallNumeral(std::u32string_view text, size_t i,
                                size_t* end);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_SESSION_YEAR_H_
