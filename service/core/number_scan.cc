#include "service/core/number_scan.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "service/core/utf8.h"

namespace reportfacts {
namespace {

constexpr size_t kQuoteWindow = 30;  // a quoted name is short
constexpr size_t kTitleWindow = 80;  // a book title may be long
constexpr size_t kMaxQuotedName = 24;
// Blanks a PDF leaves between a number and its unit or qualifier.
constexpr size_t kMaxBlanks = 3;
constexpr int kMaxPower = 16;  // of a multiplier or a unit's scale

// Rule: blanks and one line break between number and unit (PDF text,
// `318 人次`, `33\n名`). SkipGap returns the position after them.
size_t SkipGap(std::u32string_view text, size_t pos) {
  size_t blanks = 0;
  bool line_break = false;
  while (pos < text.size()) {
    if (IsBlank(text[pos]) && blanks < kMaxBlanks) {
      ++blanks;
    } else if (IsLineBreak(text[pos]) && !line_break) {
      line_break = true;
    } else {
      break;
    }
    ++pos;
  }
  return pos;
}

// SkipGapBack is SkipGap read backwards from `pos` (exclusive).
size_t SkipGapBack(std::u32string_view text, size_t pos) {
  size_t blanks = 0;
  bool line_break = false;
  while (pos > 0) {
    const char32_t c = text[pos - 1];
    if (IsBlank(c) && blanks < kMaxBlanks) {
      ++blanks;
    } else if (IsLineBreak(c) && !line_break) {
      line_break = true;
    } else {
      break;
    }
    --pos;
  }
  return pos;
}

// EnclosingMarks finds the quotation and book-title marks around a number
// from the positions of every such mark and every line break of the text
// (Document finds them in its pass): a question visits only the marks
// within its window, where a scan of the window per number stopped at
// every digit and mark in it.
class EnclosingMarks {
 public:
  // `marks` are the positions of the IsEnclosingMark characters of `text`
  // when the caller has them, else null.
  EnclosingMarks(std::u32string_view text, const std::vector<uint32_t>* marks)
      : text_(text), marks_(marks) {}

  // The open marks before a number of each pair that may enclose it: the
  // nearest mark of the pair before `begin` when it is the open one, with
  // no line break between and within the pair's window (kQuoteWindow for
  // “” and 「」, kTitleWindow for 《》); npos when there is none.
  struct Openers {
    size_t quote = std::u32string_view::npos;   // “
    size_t corner = std::u32string_view::npos;  // 「
    size_t title = std::u32string_view::npos;   // 《
  };

  // OpenersBefore walks back over the marks once for all three pairs (a
  // number asks about all of them), and keeps the answer for the next
  // question about the same `begin`.
  const Openers& OpenersBefore(size_t begin) {
    if (marks_ == nullptr) Find();
    if (openers_begin_ == begin) return openers_;
    openers_begin_ = begin;
    openers_ = Openers();
    const std::vector<uint32_t>& marks = *marks_;
    const size_t quote_floor = begin > kQuoteWindow ? begin - kQuoteWindow : 0;
    const size_t title_floor = begin > kTitleWindow ? begin - kTitleWindow : 0;
    static_assert(kTitleWindow >= kQuoteWindow);
    bool seek_quote = true, seek_corner = true, seek_title = true;
    size_t k = FirstAtOrAfter(begin, &before_);
    while ((seek_quote || seek_corner || seek_title) && k > 0 &&
           marks[k - 1] >= title_floor) {
      const size_t i = marks[--k];
      const char32_t c = text_[i];
      if (IsLineBreak(c)) break;  // ends every pair's search
      if (c == U'“' || c == U'”') {
        if (seek_quote && c == U'“' && i >= quote_floor) openers_.quote = i;
        seek_quote = false;
      } else if (c == U'「' || c == U'」') {
        if (seek_corner && c == U'「' && i >= quote_floor) openers_.corner = i;
        seek_corner = false;
      } else if (c == U'《' || c == U'》') {
        if (seek_title && c == U'《') openers_.title = i;
        seek_title = false;
      }
    }
    return openers_;
  }

  // ClosedAfter reports whether the first mark of the pair after `end` is
  // `close`, with no line break between and within `window` code points;
  // it sets *close_at.
  bool ClosedAfter(size_t end, char32_t open, char32_t close, size_t window,
                   size_t* close_at) {
    if (marks_ == nullptr) Find();
    const std::vector<uint32_t>& marks = *marks_;
    const size_t limit = std::min(text_.size(), end + window);
    for (size_t j = FirstAtOrAfter(end, &after_); j < marks.size(); ++j) {
      const size_t at = marks[j];
      if (at >= limit) return false;
      const char32_t c = text_[at];
      if (c != open && c != close && !IsLineBreak(c)) continue;
      if (c != close) return false;
      *close_at = at;
      return true;
    }
    return false;
  }

 private:
  void Find() {
    for (size_t i = 0; i < text_.size(); ++i) {
      if (IsEnclosingMark(text_[i])) found_.push_back(static_cast<uint32_t>(i));
    }
    marks_ = &found_;
  }

  // FirstAtOrAfter is the index of the first mark at or after `at`. The
  // numbers ask in text order, so a cursor (one for the starts of numbers,
  // one for their ends) usually moves a step or none.
  size_t FirstAtOrAfter(size_t at, size_t* cursor) const {
    const std::vector<uint32_t>& marks = *marks_;
    if (*cursor > 0 && marks[*cursor - 1] >= at) {
      *cursor = static_cast<size_t>(
          std::lower_bound(marks.begin(), marks.end(), at) - marks.begin());
      return *cursor;
    }
    while (*cursor < marks.size() && marks[*cursor] < at) ++*cursor;
    return *cursor;
  }

  std::u32string_view text_;
  const std::vector<uint32_t>* marks_;
  std::vector<uint32_t> found_;    // when the caller gave none
  size_t before_ = 0, after_ = 0;  // cursors into *marks_
  size_t openers_begin_ = std::u32string_view::npos;
  Openers openers_;
};

// Rule: numbers inside a quoted name or slogan (“1335”发展思路) are no
// metrics; quoted speech is a sentence and its numbers are.
bool InsideQuotedName(std::u32string_view text, EnclosingMarks* marks,
                      size_t begin, size_t end) {
  const EnclosingMarks::Openers& openers = marks->OpenersBefore(begin);
  size_t open, close;
  if (openers.quote != std::u32string_view::npos &&
      marks->ClosedAfter(end, U'“', U'”', kQuoteWindow, &close)) {
    open = openers.quote;
  } else if (openers.corner != std::u32string_view::npos &&
             marks->ClosedAfter(end, U'「', U'」', kQuoteWindow, &close)) {
    open = openers.corner;
  } else {
    return false;
  }
  if (close - open - 1 > kMaxQuotedName) return false;
  for (size_t k = open + 1; k < close; ++k) {
    if (IsClauseBreak(text[k])) return false;
  }
  return true;
}

// Rule: numbers inside book-title marks name a document.
bool InsideBookTitle(EnclosingMarks* marks, size_t begin, size_t end) {
  size_t close;
  return marks->OpenersBefore(begin).title != std::u32string_view::npos &&
         marks->ClosedAfter(end, U'《', U'》', kTitleWindow, &close);
}

bool IsYearValue(const NumberToken& t) {
  return t.IsInteger() && !t.has_separator && !t.negative &&
         t.integer_digits == 4 && t.value >= 1900 && t.value <= 2100;
}

bool IsDayOrMonthMark(char32_t c) {
  return c == U'月' || c == U'日' || c == U'号';
}

// Rule: years (2023年, 2024 年), months (10月), days (17日) and the first
// half of their ranges (2024—2026年, 3—5月, 28日—29日) are dates.
bool IsDateNumber(std::u32string_view text,
                  const std::vector<NumberToken>& tokens, size_t k) {
  const NumberToken& t = tokens[k];
  if (!t.IsInteger() || t.has_separator || t.negative) return false;
  const size_t at = SkipGap(text, t.end);
  if (at >= text.size()) return false;
  const char32_t next = text[at];
  const bool year_like = IsYearValue(t);
  if (year_like && (next == U'年' || next == U'届')) return true;
  const bool small = t.integer_digits <= 2;
  if (small && next == U'月' && t.value >= 1 && t.value <= 12) return true;
  if (small && (next == U'日' || next == U'号') && t.value >= 1 &&
      t.value <= 31) {
    return true;
  }
  size_t after = 0;
  if (IsRangeMark(next)) {
    after = at + 1;
    if (after < text.size() && IsRangeMark(text[after])) ++after;
  } else if (next == U'至' || next == U'到') {
    after = at + 1;
  } else {
    return false;
  }
  if (k + 1 >= tokens.size()) return false;
  const NumberToken& other = tokens[k + 1];
  if (other.sign_begin != SkipGap(text, after) &&
      other.begin != SkipGap(text, after)) {
    return false;
  }
  const size_t unit_at = SkipGap(text, other.end);
  if (unit_at >= text.size()) return false;
  const char32_t unit = text[unit_at];
  if (year_like) return unit == U'年';
  return small && IsDayOrMonthMark(unit);
}

// Rule: clock times (19:05, 8：30, 10:15:30) are dates: two-digit minutes
// or seconds after a colon that follows an hour or a minute; whatever word
// follows a time (10:15 字号) is no unit of it.
bool IsClockPart(std::u32string_view text,
                 const std::vector<NumberToken>& tokens, size_t k) {
  const auto is_colon = [](char32_t c) { return c == U':' || c == U'：'; };
  const auto small = [](const NumberToken& t, int max) {
    return t.IsInteger() && !t.has_separator && !t.negative &&
           t.integer_digits <= 2 && t.value <= max;
  };
  const NumberToken& t = tokens[k];
  // An hour or minute with two-digit minutes after its colon.
  if (small(t, 24) && k + 1 < tokens.size() && t.end < text.size() &&
      is_colon(text[t.end]) && tokens[k + 1].sign_begin == t.end + 1 &&
      tokens[k + 1].integer_digits == 2 && small(tokens[k + 1], 59)) {
    return true;
  }
  // Minutes or seconds after an hour and its colon.
  return t.integer_digits == 2 && small(t, 59) && k > 0 && t.sign_begin > 0 &&
         is_colon(text[t.sign_begin - 1]) &&
         tokens[k - 1].end == t.sign_begin - 1 && small(tokens[k - 1], 59);
}

// Rule: an age told as an anniversary or a journey (75周年, 75年历程).
bool IsAnniversary(std::u32string_view text, const NumberToken& t,
                   const UnitTable& table) {
  return table.anniversary_after.LongestStartingAt(text, SkipGap(text, t.end),
                                                   text.size()) > 0;
}

// Rule: ordinals, terms and sessions (第1, 5届, 十四届3次会议).
bool IsOrdinal(std::u32string_view text, const NumberToken& t,
               const UnitTable& table) {
  return table.ordinal_before.LongestEndingAt(
             text, SkipGapBack(text, t.sign_begin)) > 0 ||
         table.ordinal_after.LongestStartingAt(text, SkipGap(text, t.end),
                                               text.size()) > 0;
}

// Rule: codes, versions and hotlines (A12, 3.0版, 12345热线, 1+2+8 chains).
// `latin_unit` says a Latin unit follows (12km), which is no code.
bool IsCode(std::u32string_view text, const NumberToken& t,
            const UnitTable& table, bool latin_unit, bool unit_before) {
  if (!unit_before && t.sign_begin > 0 && IsLatin(text[t.sign_begin - 1])) {
    return true;
  }
  if (!latin_unit && t.end < text.size() && IsLatin(text[t.end])) return true;
  if (table.code_after.LongestStartingAt(text, SkipGap(text, t.end),
                                         text.size()) > 0) {
    return true;
  }
  const auto is_plus = [](char32_t c) { return c == U'+' || c == U'＋'; };
  if (t.sign_begin > 0 && is_plus(text[t.sign_begin - 1])) return true;
  return t.end < text.size() && is_plus(text[t.end]);
}

// ReadMultiplier reads a multiplier (万, 亿, 千万, 萬) at pos unless a
// longer unit starts there (千米, 千瓦时: 千 is then the SI prefix).
size_t ReadMultiplier(std::u32string_view text, size_t pos,
                      const UnitTable& table, int* power) {
  const size_t len =
      table.multipliers.LongestStartingAt(text, pos, text.size());
  if (len == 0) return 0;
  if (table.units.LongestStartingAt(text, pos, text.size()) > len) return 0;
  *power = table.multiplier_power.find(text.substr(pos, len))->second;
  return len;
}

// UnitAt is a unit read after a number.
struct UnitAt {
  size_t length = 0;  // 0: none
  const UnitTable::Unit* unit = nullptr;
};

// UnitReadings finds a unit's reading in UnitTable::canonical, and keeps
// the last few found: a report writes the same few units again and again,
// and comparing a word of one or two code points costs less than hashing
// it. It lives for one scan; the table must not change meanwhile.
class UnitReadings {
 public:
  explicit UnitReadings(const UnitTable::WordMap& readings)
      : readings_(readings) {}

  // Find returns the reading of `unit`, which must be a key of the table.
  const UnitTable::Unit& Find(std::u32string_view unit) {
    Entry& entry = entries_[unit.front() % kEntries];
    if (entry.reading == nullptr || entry.unit != unit) {
      const auto it = readings_.find(unit);
      entry.unit = it->first;
      entry.reading = &it->second;
    }
    return *entry.reading;
  }

 private:
  static constexpr size_t kEntries = 16;
  struct Entry {
    std::u32string_view unit;  // a key of the table
    const UnitTable::Unit* reading = nullptr;
  };
  const UnitTable::WordMap& readings_;
  Entry entries_[kEntries];
};

// ReadUnit reads the longest unit at pos. A Latin unit must not run on into
// letters or digits (12kmh); 大 before a measure word counts as part of
// it (5大方面 -> 方面) when `allow_big`.
UnitAt ReadUnit(std::u32string_view text, size_t pos, const UnitTable& table,
                bool allow_big, UnitReadings* readings) {
  UnitAt found;
  size_t len = table.units.LongestStartingAt(text, pos, text.size());
  // Rule: 个点 is percentage points only where 点 ends the word; a word 点
  // opens (8个点位, 个点赞) makes the measure word 个 alone.
  if (len == 2 && text[pos] == U'个' && text[pos + 1] == U'点' &&
      pos + 2 < text.size() &&
      std::u32string_view(U"位赞评击单名").find(text[pos + 2]) !=
          std::u32string_view::npos) {
    len = table.units.LongestStartingAt(text, pos, pos + 1);
  }
  if (len > 0) {
    const UnitTable::Unit& unit = readings->Find(text.substr(pos, len));
    if (!unit.is_unit) return found;
    const char32_t last = text[pos + len - 1];
    const bool latin_end = IsLatin(last) || IsDigit(last);
    if (latin_end && pos + len < text.size() &&
        (IsLatin(text[pos + len]) || IsDigit(text[pos + len]))) {
      return found;
    }
    found.length = len;
    found.unit = &unit;
    return found;
  }
  if (allow_big && pos < text.size() && text[pos] == U'大') {
    UnitAt inner = ReadUnit(text, pos + 1, table, false, readings);
    if (inner.length > 0 && !IsLatin(text[pos + 1])) {
      inner.length += 1;
      return inner;
    }
  }
  return found;
}

// Rule: 余/多 between digits and unit (60多次, 3.6万多元, 340余万元).
bool ReadInnerQualifier(std::u32string_view text, size_t* pos,
                        const UnitTable& table, Qualifier* qualifier) {
  if (*pos >= text.size()) return false;
  if (!table.inner_chars.contains(text[*pos])) return false;
  auto it = table.inner.find(text[*pos]);
  if (it == table.inner.end()) return false;
  *qualifier = it->second;
  ++*pos;
  return true;
}

double PowerOfTen(int power) {
  double v = 1;
  for (int i = 0; i < power; ++i) v *= 10;
  return v;
}

bool IsCurrency(std::u32string_view canonical) {
  return !canonical.empty() && canonical.back() == U'元';
}

}  // namespace

absl::StatusOr<UnitTable> LoadUnitTable(const std::string& units_path,
                                        const std::string& qualifiers_path,
                                        const std::string& context_path) {
  UnitTable table;
  auto units = ReadDataLines(units_path);
  if (!units.ok()) return units.status();
  for (const DataLine& line : *units) {
    if (line.fields.empty() || line.fields.size() > 3 ||
        line.fields[0].empty()) {
      return DataLineError(
          units_path, line.line_number,
          "expected <unit>[<TAB><canonical>[<TAB><power of ten>]]");
    }
    const std::u32string written = DecodeUtf8(line.fields[0]);
    UnitTable::Unit unit;
    unit.canonical = line.fields.size() >= 2 && !line.fields[1].empty()
                         ? DecodeUtf8(line.fields[1])
                         : written;
    if (line.fields.size() >= 2 && line.fields[1] == "NONE") {
      unit.is_unit = false;
    }
    if (line.fields.size() == 3 &&
        (!absl::SimpleAtoi(line.fields[2], &unit.exponent) ||
         unit.exponent < -kMaxPower || unit.exponent > kMaxPower)) {
      return DataLineError(units_path, line.line_number,
                           "power of ten must be an integer in -16..16");
    }
    if (table.canonical.contains(written)) {
      return DataLineError(
          units_path, line.line_number,
          absl::StrCat("unit '", line.fields[0], "' is listed twice"));
    }
    table.units.Add(written);
    table.canonical.emplace(written, std::move(unit));
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
      table.inner_chars.insert(word[0]);
    } else {
      return DataLineError(qualifiers_path, line.line_number,
                           "position must be before, after or inner (one "
                           "character), and NONE only goes with before");
    }
  }

  auto context = ReadDataLines(context_path);
  if (!context.ok()) return context.status();
  for (const DataLine& line : *context) {
    const auto fail = [&](std::string_view why) {
      return DataLineError(context_path, line.line_number, why);
    };
    if (line.fields.size() < 2 || line.fields[1].empty()) {
      return fail("expected <kind><TAB><word>[<TAB><argument>]");
    }
    const std::string& kind = line.fields[0];
    const std::u32string word = DecodeUtf8(line.fields[1]);
    const bool has_argument = line.fields.size() == 3;
    if (line.fields.size() > 3) return fail("too many fields");
    if (kind == "multiplier") {
      int power = 0;
      if (!has_argument || !absl::SimpleAtoi(line.fields[2], &power) ||
          power < 1 || power > kMaxPower) {
        return fail("a multiplier needs a power of ten in 1..16");
      }
      table.multipliers.Add(word);
      table.multiplier_power[word] = power;
    } else if (kind == "unit_before") {
      if (!has_argument || line.fields[2].empty()) {
        return fail("unit_before needs the canonical unit");
      }
      table.units_before.Add(word);
      table.unit_before_canonical[word] = DecodeUtf8(line.fields[2]);
    } else if (has_argument) {
      return fail(absl::StrCat("kind '", kind, "' takes no argument"));
    } else if (kind == "anniversary") {
      table.anniversary_after.Add(word);
    } else if (kind == "ordinal_before") {
      table.ordinal_before.Add(word);
    } else if (kind == "ordinal_after") {
      table.ordinal_after.Add(word);
    } else if (kind == "code_after") {
      table.code_after.Add(word);
    } else {
      return fail(absl::StrCat(
          "unknown kind '", kind,
          "' (multiplier, unit_before, anniversary, ordinal_before, "
          "ordinal_after, code_after)"));
    }
  }
  if (table.multipliers.empty()) {
    return DataLineError(context_path, 0, "no multipliers");
  }
  return table;
}

std::vector<NumberMention> ScanNumberTokens(
    std::u32string_view text, const std::vector<NumberToken>& tokens,
    const UnitTable& table, std::vector<Exclusion>* exclusions,
    const std::vector<uint32_t>* enclosing_marks) {
  std::vector<NumberMention> out;
  // At most one mention per token: the list never grows (each growth
  // moved every mention and its unit).
  out.reserve(tokens.size());
  if (exclusions) exclusions->assign(tokens.size(), Exclusion::kNone);
  const auto exclude = [&](size_t k, Exclusion why) {
    if (exclusions) (*exclusions)[k] = why;
  };
  EnclosingMarks marks(text, enclosing_marks);
  UnitReadings unit_readings(table.canonical);
  for (size_t k = 0; k < tokens.size(); ++k) {
    const NumberToken& t = tokens[k];
    if (!t.readable()) {
      exclude(k, Exclusion::kUnreadable);
      continue;
    }
    // Rule: a unit or currency written before the number (百分之22, ￥300,
    // 人民币1,000万元, 美元3000万).
    const size_t before_end = SkipGapBack(text, t.sign_begin);
    const size_t before_len =
        table.units_before.LongestEndingAt(text, before_end);
    const std::u32string* unit_before = nullptr;
    if (before_len > 0) {
      unit_before = &table.unit_before_canonical
                         .find(text.substr(before_end - before_len, before_len))
                         ->second;
    }

    // Reading after the digits: [gap] [余|多] [multiplier [mixed tail]]
    // [余|多] [unit].
    Qualifier qualifier = Qualifier::kExact;
    size_t pos = SkipGap(text, t.end);
    const size_t gap_end = pos;
    size_t unit_begin = gap_end;
    ReadInnerQualifier(text, &pos, table, &qualifier);
    size_t digits_end = t.end;
    int power = 0;
    int tail_power = 0;
    const NumberToken* tail = nullptr;
    bool has_multiplier = false;
    if (const size_t len = ReadMultiplier(text, pos, table, &power)) {
      has_multiplier = true;
      pos += len;
      // Rule: mixed multiplier forms are one number (3万4000, 3万4千,
      // 1亿2000万): an integer tail right after the multiplier that is
      // smaller than it.
      if (k + 1 < tokens.size() && tokens[k + 1].sign_begin == pos &&
          tokens[k + 1].readable() && tokens[k + 1].IsInteger() &&
          t.IsInteger() && !t.negative && qualifier == Qualifier::kExact) {
        const NumberToken& next = tokens[k + 1];
        size_t after = next.end;
        int next_power = 0;
        after += ReadMultiplier(text, after, table, &next_power);
        if (next_power < power && next.Scaled(next_power) < PowerOfTen(power)) {
          tail = &next;
          tail_power = next_power;
          digits_end = next.end;
          unit_begin = next.end;
          pos = after;
        }
      }
      if (qualifier == Qualifier::kExact) {
        ReadInnerQualifier(text, &pos, table, &qualifier);
      }
    }
    UnitAt unit = ReadUnit(text, pos, table, !has_multiplier, &unit_readings);
    // Rule: blanks or a PDF line break between the multiplier and the unit
    // (1.2万\n人), as between the digits and either.
    if (has_multiplier && unit.length == 0) {
      if (const size_t after_gap = SkipGap(text, pos); after_gap > pos) {
        const UnitAt later =
            ReadUnit(text, after_gap, table, false, &unit_readings);
        if (later.length > 0) {
          pos = after_gap;
          unit = later;
        }
      }
    }
    const bool latin_unit =
        unit.length > 0 && pos == t.end && IsLatin(text[pos]);
    // The cheap test first: most digit runs without a unit stop here.
    if (unit.length == 0 && !has_multiplier && unit_before == nullptr &&
        !latin_unit) {
      exclude(k, IsDateNumber(text, tokens, k) ? Exclusion::kDate
                                               : Exclusion::kNoUnit);
      continue;
    }
    if (IsCode(text, t, table, latin_unit, unit_before != nullptr)) {
      exclude(k, Exclusion::kCode);
      continue;
    }
    if (InsideBookTitle(&marks, t.begin, t.end)) {
      exclude(k, Exclusion::kTitle);
      continue;
    }
    if (InsideQuotedName(text, &marks, t.begin, t.end)) {
      exclude(k, Exclusion::kQuoted);
      continue;
    }
    if (IsDateNumber(text, tokens, k) || IsClockPart(text, tokens, k)) {
      exclude(k, Exclusion::kDate);
      continue;
    }
    if (IsAnniversary(text, t, table)) {
      exclude(k, Exclusion::kAnniversary);
      continue;
    }
    if (IsOrdinal(text, t, table)) {
      exclude(k, Exclusion::kOrdinal);
      continue;
    }

    NumberMention& m = out.emplace_back();  // built in place: no move
    m.begin = t.begin;
    m.end = digits_end;
    m.sign_begin = t.sign_begin;
    const int scale = unit.unit ? unit.unit->exponent : 0;
    m.value = t.Scaled(power + scale);
    if (tail) m.value += tail->Scaled(tail_power + scale);
    if (unit.unit) {
      m.unit = unit.unit->canonical;
      // A currency named before an amount in 元 names the currency.
      if (unit_before && IsCurrency(*unit_before) && m.unit == U"元") {
        m.unit = *unit_before;
      }
    } else if (unit_before) {
      m.unit = *unit_before;
    }
    pos += unit.length;
    if (pos > gap_end || unit_before == nullptr) {
      m.unit_begin = unit_begin;
      m.unit_end = pos;
    } else {
      // Nothing follows the digits: the unit is the one before them.
      m.unit_begin = before_end - before_len;
      m.unit_end = before_end;
    }

    // Qualifier after the unit (99%以上, 99% 以上) and before the number
    // (近50次, 约人民币1185亿元), blanks allowed between qualifier and
    // number or unit.
    m.mention_end = pos;
    const size_t after_gap = SkipGap(text, pos);
    if (const size_t len =
            table.after_words.LongestStartingAt(text, after_gap, text.size())) {
      qualifier = table.after.find(text.substr(after_gap, len))->second;
      m.mention_end = after_gap + len;
    }
    m.qualifier_begin = unit_before ? before_end - before_len : t.sign_begin;
    const size_t qualifier_end = SkipGapBack(text, m.qualifier_begin);
    if (const size_t len =
            table.before_words.LongestEndingAt(text, qualifier_end)) {
      const std::u32string_view word = text.substr(qualifier_end - len, len);
      if (!table.blockers.contains(word)) {
        qualifier = table.before.find(word)->second;
        m.qualifier_begin = qualifier_end - len;
      }
    }
    m.qualifier = qualifier;
    if (tail) ++k;  // the tail is part of this number
  }
  return out;
}

std::vector<NumberMention> ScanNumbers(std::u32string_view text,
                                       const UnitTable& table) {
  return ScanNumberTokens(text, TokenizeNumbers(text), table);
}

}  // namespace reportfacts
