#include "service/core/number_scan.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr size_t kQuoteWindow = 30;  // a quoted name is short
constexpr size_t kTitleWindow = 80;  // a book title may be long
constexpr size_t kMaxQuotedName = 24;

bool IsLatin(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
}

bool IsRangeDash(char32_t c) {
  return c == U'—' || c == U'–' || c == U'-' || c == U'~' || c == U'～' ||
         c == U'至' || c == U'到' || c == U'－';
}

bool IsSentencePunct(char32_t c) {
  return c == U'，' || c == U'。' || c == U'；' || c == U'！' || c == U'？' ||
         c == U',' || c == U';' || c == U'\n';
}

int DigitValue(char32_t c) {
  return c >= U'０' ? static_cast<int>(c - U'０') : static_cast<int>(c - U'0');
}

// ParseDecimal reads digits with at most one decimal point.
double ParseDecimal(std::u32string_view digits) {
  double value = 0;
  double scale = 0;
  for (char32_t c : digits) {
    if (c == U'.' || c == U'．') {
      scale = 1;
      continue;
    }
    if (scale > 0) {
      scale /= 10;
      value += DigitValue(c) * scale;
    } else {
      value = value * 10 + DigitValue(c);
    }
  }
  return value;
}

bool StartsWith(std::u32string_view text, size_t pos, std::u32string_view w) {
  return pos <= text.size() && text.substr(pos, w.size()) == w;
}

// DigitsAt returns the end of a digit run starting at pos (pos if none).
size_t DigitsAt(std::u32string_view text, size_t pos) {
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  return pos;
}

// EnclosedBy reports whether [begin, end) sits between `open` and `close`
// within `window` characters on each side, with no line break between.
bool EnclosedBy(std::u32string_view text, size_t begin, size_t end,
                char32_t open, char32_t close, size_t window, size_t* open_at,
                size_t* close_at) {
  size_t i = begin;
  bool found = false;
  while (i > 0 && begin - i < window) {
    --i;
    const char32_t c = text[i];
    if (c == close || c == U'\n') return false;
    if (c == open) {
      found = true;
      break;
    }
  }
  if (!found) return false;
  for (size_t j = end; j < text.size() && j - end < window; ++j) {
    const char32_t c = text[j];
    if (c == open || c == U'\n') return false;
    if (c == close) {
      *open_at = i;
      *close_at = j;
      return true;
    }
  }
  return false;
}

bool InsideQuotedName(std::u32string_view text, size_t begin, size_t end) {
  size_t open, close;
  if (!EnclosedBy(text, begin, end, U'“', U'”', kQuoteWindow, &open, &close) &&
      !EnclosedBy(text, begin, end, U'「', U'」', kQuoteWindow, &open,
                  &close)) {
    return false;
  }
  // Quoted speech is a sentence; a quoted name or slogan is short and has
  // no sentence punctuation.
  if (close - open - 1 > kMaxQuotedName) return false;
  for (size_t k = open + 1; k < close; ++k) {
    if (IsSentencePunct(text[k]) || text[k] == U'。') return false;
  }
  return true;
}

bool InsideBookTitle(std::u32string_view text, size_t begin, size_t end) {
  size_t open, close;
  return EnclosedBy(text, begin, end, U'《', U'》', kTitleWindow, &open,
                    &close);
}

// IsDateNumber covers years (2023年, 2024—2026年), months (10月) and days
// (17日, 28日—29日, 11日至13日).
bool IsDateNumber(std::u32string_view text, size_t begin, size_t end,
                  double value) {
  const bool integral = std::floor(value) == value;
  if (!integral || end >= text.size()) return false;
  const char32_t next = text[end];
  const size_t width = end - begin;
  const bool year_like = width == 4 && value >= 1900 && value <= 2100;
  if (year_like && (next == U'年' || next == U'届')) return true;
  if (next == U'月' && value >= 1 && value <= 12) return true;
  if ((next == U'日' || next == U'号') && value >= 1 && value <= 31) {
    return true;
  }
  // The first half of a range: 2024—2026年, 28—29日, 3—5月.
  if (IsRangeDash(next)) {
    const size_t other = DigitsAt(text, end + 1);
    if (other > end + 1 && other < text.size()) {
      const char32_t unit = text[other];
      if (year_like && unit == U'年') return true;
      if (!year_like && (unit == U'日' || unit == U'号' || unit == U'月')) {
        return true;
      }
    }
  }
  // A bare year before a month: 2023.10 is written too rarely to matter, but
  // "2023年度" and "2023—" are handled above.
  return false;
}

bool IsAnniversary(std::u32string_view text, size_t end) {
  if (StartsWith(text, end, U"周年")) return true;
  // "75年风雨兼程", "75年砥砺前行": an age told as a journey.
  static constexpr std::u32string_view kJourney[] = {
      U"年风雨", U"年砥砺", U"年峥嵘", U"年历程",
      U"年春秋", U"年征程", U"年华诞", U"年来的"};
  for (std::u32string_view w : kJourney) {
    if (StartsWith(text, end, w)) return true;
  }
  return false;
}

bool IsOrdinal(std::u32string_view text, size_t begin, size_t end) {
  if (begin > 0 && text[begin - 1] == U'第') return true;
  return StartsWith(text, end, U"届") || StartsWith(text, end, U"次会议") ||
         StartsWith(text, end, U"号文");
}

bool IsCode(std::u32string_view text, size_t begin, size_t end) {
  if (begin > 0 && IsLatin(text[begin - 1])) return true;
  if (end < text.size() && IsLatin(text[end])) return true;
  if (StartsWith(text, end, U"版") || StartsWith(text, end, U"专线") ||
      StartsWith(text, end, U"热线")) {
    return true;
  }
  // Chains such as 1+2+8 are names of schemes.
  if (begin > 0 && (text[begin - 1] == U'+' || text[begin - 1] == U'＋')) {
    return true;
  }
  if (end < text.size() && (text[end] == U'+' || text[end] == U'＋')) {
    return true;
  }
  return false;
}

struct Multiplier {
  std::u32string_view word;
  double factor;
};
constexpr Multiplier kMultipliers[] = {{U"万亿", 1e12}, {U"千万", 1e7},
                                       {U"百万", 1e6},  {U"亿", 1e8},
                                       {U"万", 1e4},    {U"千", 1e3}};

}  // namespace

absl::StatusOr<UnitTable> LoadUnitTable(const std::string& units_path,
                                        const std::string& qualifiers_path) {
  UnitTable table;
  auto units = ReadDataLines(units_path);
  if (!units.ok()) return units.status();
  for (const DataLine& line : *units) {
    if (line.fields.empty() || line.fields.size() > 2 ||
        line.fields[0].empty()) {
      return DataLineError(units_path, line.line_number,
                           "expected <unit> or <unit><TAB><canonical>");
    }
    std::u32string unit = DecodeUtf8(line.fields[0]);
    std::u32string canonical =
        line.fields.size() == 2 && !line.fields[1].empty()
            ? DecodeUtf8(line.fields[1])
            : unit;
    table.units.Add(unit);
    table.canonical[unit] = std::move(canonical);
  }
  if (table.units.empty()) return DataLineError(units_path, 0, "no units");

  auto quals = ReadDataLines(qualifiers_path);
  if (!quals.ok()) return quals.status();
  for (const DataLine& line : *quals) {
    if (line.fields.size() != 3) {
      return DataLineError(qualifiers_path, line.line_number,
                           "expected <word><TAB><position><TAB><qualifier>");
    }
    const std::string& name = line.fields[2];
    Qualifier q = Qualifier::kExact;
    bool blocker = false;
    if (name == "MORE_THAN") {
      q = Qualifier::kMoreThan;
    } else if (name == "NEARLY") {
      q = Qualifier::kNearly;
    } else if (name == "ABOUT") {
      q = Qualifier::kAbout;
    } else if (name == "LESS_THAN") {
      q = Qualifier::kLessThan;
    } else if (name == "NONE") {
      blocker = true;
    } else if (name != "EXACT") {
      return DataLineError(qualifiers_path, line.line_number,
                           absl::StrCat("unknown qualifier '", name, "'"));
    }
    std::u32string word = DecodeUtf8(line.fields[0]);
    const std::string& position = line.fields[1];
    if (position == "before") {
      table.before_words.Add(word);
      if (blocker) {
        table.blockers.insert(word);
      } else {
        table.before[word] = q;
      }
    } else if (position == "after" && !blocker) {
      table.after_words.Add(word);
      table.after[word] = q;
    } else if (position == "inner" && !blocker && word.size() == 1) {
      table.inner[word[0]] = q;
    } else {
      return DataLineError(qualifiers_path, line.line_number,
                           "position must be before, after or inner (one "
                           "character), and NONE only goes with before");
    }
  }
  return table;
}

Exclusion ClassifyDigitRun(std::u32string_view text, size_t begin, size_t end,
                           const UnitTable& table, NumberMention* mention) {
  const double digits_value = ParseDecimal(text.substr(begin, end - begin));
  if (IsCode(text, begin, end)) return Exclusion::kCode;
  if (InsideBookTitle(text, begin, end)) return Exclusion::kTitle;
  if (InsideQuotedName(text, begin, end)) return Exclusion::kQuoted;
  if (IsDateNumber(text, begin, end, digits_value)) return Exclusion::kDate;
  if (IsAnniversary(text, end)) return Exclusion::kAnniversary;
  if (IsOrdinal(text, begin, end)) return Exclusion::kOrdinal;

  // Unit: [余|多] [multiplier] [余|多] unit
  Qualifier qualifier = Qualifier::kExact;
  size_t pos = end;
  const auto take_inner = [&]() {
    if (pos < text.size()) {
      auto it = table.inner.find(text[pos]);
      if (it != table.inner.end()) {
        qualifier = it->second;
        ++pos;
      }
    }
  };
  take_inner();
  double factor = 1;
  size_t unit_len = table.units.LongestStartingAt(text, pos, text.size());
  if (unit_len == 0 || !(text[pos] == U'千' && unit_len > 1)) {
    // A multiplier unless a unit that begins with 千 (千米, 千克) is here.
    for (const Multiplier& m : kMultipliers) {
      if (StartsWith(text, pos, m.word)) {
        factor = m.factor;
        pos += m.word.size();
        break;
      }
    }
    if (factor != 1) {
      if (qualifier == Qualifier::kExact) take_inner();
      unit_len = table.units.LongestStartingAt(text, pos, text.size());
    }
  }
  std::u32string unit;
  if (unit_len > 0) {
    auto it = table.canonical.find(text.substr(pos, unit_len));
    unit = it->second;
    pos += unit_len;
  } else if (factor == 1) {
    return Exclusion::kNoUnit;
  }
  mention->begin = begin;
  mention->end = end;
  mention->unit_begin = end;
  mention->unit_end = pos;
  mention->value = digits_value * factor;
  // Keep values such as 57.71亿 exact in decimal: 5771000000.
  if (factor > 1) mention->value = std::round(mention->value * 1e4) / 1e4;
  mention->unit = std::move(unit);

  // Qualifier after the unit (99%以上) and before the number (近50次).
  mention->mention_end = pos;
  if (const size_t len =
          table.after_words.LongestStartingAt(text, pos, text.size())) {
    auto it = table.after.find(text.substr(pos, len));
    qualifier = it->second;
    mention->mention_end = pos + len;
  }
  mention->qualifier_begin = begin;
  if (const size_t len = table.before_words.LongestEndingAt(text, begin)) {
    std::u32string_view word = text.substr(begin - len, len);
    if (!table.blockers.contains(word)) {
      qualifier = table.before.find(word)->second;
      mention->qualifier_begin = begin - len;
    }
  }
  mention->qualifier = qualifier;
  return Exclusion::kNone;
}

std::vector<NumberMention> ScanNumbers(std::u32string_view text,
                                       const UnitTable& table) {
  std::vector<NumberMention> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    size_t end = DigitsAt(text, i);
    if (end + 1 < text.size() && (text[end] == U'.' || text[end] == U'．') &&
        IsDigit(text[end + 1])) {
      end = DigitsAt(text, end + 1);
    }
    NumberMention mention;
    if (ClassifyDigitRun(text, i, end, table, &mention) == Exclusion::kNone) {
      out.push_back(std::move(mention));
    }
    i = end;
  }
  return out;
}

}  // namespace reportfacts
