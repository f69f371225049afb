#include "service/core/session_year.h"

#include <string>

#include "service/core/chars.h"
#include "service/core/han_numerals.h"

namespace reportfacts {
namespace {

constexpr int kFirstFiveYearTerm = 6;  // the sixth National Committee
constexpr int kFirstFiveYearTermStart = 1983;
constexpr int kTermYears = 5;
constexpr int kLastTerm = 20;   // beyond any text of this genre
constexpr size_t kWindow = 24;  // characters searched around 全国

// Term reads "第十四届"/"十四届" at i, returns the term and sets *end after 届.
std::optional<int> Term(std::u32string_view text, size_t i, size_t* end) {
  if (i < text.size() && text[i] == U'第') ++i;
  size_t after = 0;
  const std::optional<int> n = SmallNumeral(text, i, &after);
  if (!n || after >= text.size() || text[after] != U'届') return std::nullopt;
  *end = after + 1;
  return n;
}

// Session reads "第三次会议"/"三次会议" at i.
std::optional<int> Session(std::u32string_view text, size_t i) {
  if (i < text.size() && text[i] == U'第') ++i;
  size_t after = 0;
  const std::optional<int> n = SmallNumeral(text, i, &after);
  if (!n || text.substr(after, 3) != U"次会议") return std::nullopt;
  return n;
}

std::optional<int> YearOf(int term, int session) {
  if (term < kFirstFiveYearTerm || term > kLastTerm || session < 1 ||
      session > kTermYears) {
    return std::nullopt;
  }
  return kFirstFiveYearTermStart + kTermYears * (term - kFirstFiveYearTerm) +
         session - 1;
}

// WithoutGlosses drops pinyin glosses that some mirrors print after a
// character ("三次(ci)会议" reads "三次会议"): a bracketed run of Latin
// letters (tone marks included) right after a Han character.
std::u32string WithoutGlosses(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == U'(' || text[i] == U'（') && !out.empty() &&
        IsCjk(out.back())) {
      size_t j = i + 1;
      while (j < text.size() && j - i <= 8 &&
             (IsLatin(text[j]) || (text[j] >= 0xC0 && text[j] <= 0x24F))) {
        ++j;
      }
      if (j > i + 1 && j < text.size() &&
          (text[j] == U')' || text[j] == U'）')) {
        i = j;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

std::optional<int> SmallNumeral(std::u32string_view text, size_t i,
                                size_t* end) {
  if (i >= text.size()) return std::nullopt;
  if (IsDigit(text[i])) {
    int value = 0;
    size_t j = i;
    while (j < text.size() && IsDigit(text[j]) && j - i < 2) {
      value = value * 10 + DigitValue(text[j]);
      ++j;
    }
    if (j < text.size() && IsDigit(text[j])) return std::nullopt;
    *end = j;
    return value;
  }
  // 三, 十, 十四, 二十: a count in numerals.
  return ReadHanCount(text, i, kLastTerm, end);
}

std::optional<int> PlenarySession(std::u32string_view text) {
  for (size_t k = text.find(U"次会议"); k != std::u32string_view::npos;
       k = text.find(U"次会议", k + 3)) {
    // Back over the number and an optional 第 to what names the body.
    size_t begin = k;
    while (begin > 0 && begin + 3 > k &&
           (IsDigit(text[begin - 1]) || HanDigitValue(text[begin - 1]) > 0 ||
            text[begin - 1] == U'十')) {
      --begin;
    }
    if (begin == k) continue;
    size_t after = 0;
    const std::optional<int> n = SmallNumeral(text, begin, &after);
    if (!n || after != k) continue;
    size_t before = begin;
    if (before > 0 && text[before - 1] == U'第') --before;
    const std::u32string_view head = text.substr(0, before);
    const auto ends = [&](std::u32string_view w) {
      return head.size() >= w.size() &&
             head.substr(head.size() - w.size()) == w;
    };
    if (ends(U"常务委员会") || ends(U"常委会")) continue;
    if (ends(U"委员会") || ends(U"届")) return n;
  }
  return std::nullopt;
}

std::optional<int> NationalSessionYear(std::u32string_view original) {
  if (original.find(U"全国") == std::u32string_view::npos) return std::nullopt;
  const std::u32string cleaned = WithoutGlosses(original);
  const std::u32string_view text = cleaned;
  for (size_t k = text.find(U"全国"); k != std::u32string_view::npos;
       k = text.find(U"全国", k + 2)) {
    size_t end = 0;
    // 全国政协十四届三次会议
    if (text.substr(k, 4) == U"全国政协") {
      if (auto term = Term(text, k + 4, &end)) {
        if (auto session = Session(text, end)) {
          if (auto year = YearOf(*term, *session)) return year;
        }
      }
    }
    // 政协第十四届全国委员会第三次会议, 十四届全国政协二次会议: the term
    // stands before 全国.
    const size_t from = k > kWindow ? k - kWindow : 0;
    for (size_t i = from; i < k; ++i) {
      if (text[i] != U'第' && !IsCjk(text[i]) && !IsDigit(text[i])) continue;
      const std::optional<int> term = Term(text, i, &end);
      if (!term || end != k) continue;
      size_t tail = k + 2;
      if (text.substr(tail, 3) == U"委员会") {
        tail += 3;
      } else if (text.substr(tail, 2) == U"政协") {
        tail += 2;
      } else {
        continue;
      }
      if (auto session = Session(text, tail)) {
        if (auto year = YearOf(*term, *session)) return year;
      }
    }
  }
  return std::nullopt;
}

}  // namespace reportfacts
