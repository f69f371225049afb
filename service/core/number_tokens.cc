#include "service/core/number_tokens.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "service/core/chars.h"

namespace reportfacts {
namespace {

// The most digits a double reads exactly enough for a report's figures.
constexpr int kMaxSignificantDigits = 17;
// Integers up to 15 digits are exact in a double (2^53 > 10^15).
constexpr size_t kMaxExactDigits = 15;

constexpr bool IsThousandsSeparator(char32_t c) {
  return c == U',' || c == U'，';
}

// IsSignBefore says whether text[at] is a minus sign for the digits after
// it: not the dash of a range (3-5) and not a hyphen inside a code.
bool IsSignBefore(std::u32string_view text, size_t at) {
  const char32_t c = text[at];
  if (!IsMinusSign(c) && c != U'负') return false;
  if (at == 0) return true;
  const char32_t before = text[at - 1];
  return !IsDigit(before) && !IsLatin(before) && !IsDecimalPoint(before);
}

// GroupOfThreeAt is true when text[at] is a separator followed by exactly
// three digits.
bool GroupOfThreeAt(std::u32string_view text, size_t at) {
  if (at + 3 >= text.size() || !IsThousandsSeparator(text[at])) return false;
  for (size_t k = at + 1; k <= at + 3; ++k) {
    if (!IsDigit(text[k])) return false;
  }
  return at + 4 >= text.size() || !IsDigit(text[at + 4]);
}

// A blank that groups digits by three in typeset text (3 480, 12 500 000):
// a space, a no-break space or a thin one.
constexpr bool IsGroupingBlank(char32_t c) {
  return c == U' ' || c == U'\u00A0' || c == U'\u2009' || c == U'\u202F';
}

// BlankGroupOfThreeAt is GroupOfThreeAt with the blank `blank` between the
// groups: exactly three digits after it, and no digit or further digits
// of a group after those.
bool BlankGroupOfThreeAt(std::u32string_view text, size_t at, char32_t blank) {
  if (at + 3 >= text.size() || text[at] != blank) return false;
  for (size_t k = at + 1; k <= at + 3; ++k) {
    if (!IsDigit(text[k])) return false;
  }
  return at + 4 >= text.size() || !IsDigit(text[at + 4]);
}

size_t DigitsEnd(std::u32string_view text, size_t pos) {
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  return pos;
}

// kExactPowersOfTen[e] is 10^e, exact in a double up to e = 22.
constexpr double kExactPowersOfTen[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace

bool ParseDecimalDigits(std::string_view digits, int exponent, double* value) {
  if (digits.empty() || digits.size() > NumberToken::kMaxDigits) return false;
  // An integer of at most 15 digits times a small power of ten is exact in
  // a double: no need to parse text (the common case, and the fast one).
  if (exponent >= 0 && digits.size() + exponent <= kMaxExactDigits &&
      digits.find('.') == std::string_view::npos) {
    int64_t n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      n = n * 10 + (c - '0');
    }
    for (int i = 0; i < exponent; ++i) n *= 10;
    *value = static_cast<double>(n);
    return true;
  }
  // A decimal of at most 15 digits over a power of ten up to 10^22 (or
  // times one, while the product stays below 10^15): both are exact
  // doubles, so the one division or product is the correctly rounded
  // value, which is what strtod returns (Clinger's fast path).
  {
    int64_t n = 0;
    int digit_count = 0, fraction_digits = 0, points = 0;
    bool plain = true;
    for (char c : digits) {
      if (c == '.') {
        ++points;
      } else if (c >= '0' && c <= '9') {
        n = n * 10 + (c - '0');
        ++digit_count;
        fraction_digits += points;
      } else {
        plain = false;
      }
    }
    const int scale = exponent - fraction_digits;
    if (plain && points <= 1 && digit_count > 0 &&
        digit_count <= static_cast<int>(kMaxExactDigits)) {
      if (scale < 0 && scale >= -22) {
        *value = static_cast<double>(n) / kExactPowersOfTen[-scale];
        return true;
      }
      if (scale >= 0 &&
          digit_count + scale <= static_cast<int>(kMaxExactDigits)) {
        // The product is an integer below 10^15: exact.
        *value = static_cast<double>(n) * kExactPowersOfTen[scale];
        return true;
      }
    }
  }
  // Otherwise strtod reads "<digits>e<exponent>" as one decimal number, so
  // 57.71 by 8 is exactly 5771000000. The buffer is built by hand: this
  // runs once per number, and snprintf would cost more than the rest.
  char buf[NumberToken::kMaxDigits + 16];
  size_t n = 0;
  for (char c : digits) {
    if ((c < '0' || c > '9') && c != '.') return false;
    buf[n++] = c;
  }
  buf[n++] = 'e';
  if (exponent < 0) {
    buf[n++] = '-';
    exponent = -exponent;
  }
  if (exponent > 9999) return false;
  char rev[8];
  size_t r = 0;
  do {
    rev[r++] = static_cast<char>('0' + exponent % 10);
    exponent /= 10;
  } while (exponent > 0);
  while (r > 0) buf[n++] = rev[--r];
  buf[n] = '\0';
  char* end = nullptr;
  const double v = std::strtod(buf, &end);
  if (end != buf + n || !std::isfinite(v)) return false;
  *value = v;
  return true;
}

namespace {

// kPowersOfTen[e] is 10^e, exact in an int64_t up to e = 18.
constexpr int64_t kPowersOfTen[] = {1,
                                    10,
                                    100,
                                    1000,
                                    10000,
                                    100000,
                                    1000000,
                                    10000000,
                                    100000000,
                                    1000000000,
                                    10000000000,
                                    100000000000,
                                    1000000000000,
                                    10000000000000,
                                    100000000000000,
                                    1000000000000000};

}  // namespace

double NumberToken::Scaled(int exponent) const {
  if (!readable()) return 0;
  // The fast path of ParseDecimalDigits without reading the digits again:
  // an integer of at most 15 digits is `value` exactly, and so is its
  // product with a power of ten that keeps it within 15 digits.
  if (!has_point && exponent >= 0 &&
      size_t{length} + static_cast<size_t>(exponent) <= kMaxExactDigits) {
    const auto n = static_cast<int64_t>(negative ? -value : value);
    const auto v = static_cast<double>(n * kPowersOfTen[exponent]);
    return negative ? -v : v;
  }
  double v = 0;
  if (!ParseDecimalDigits(digits(), exponent, &v)) return 0;
  return negative ? -v : v;
}

NumberToken ReadNumberTokenAt(std::u32string_view text, size_t i) {
  NumberToken t;
  t.begin = i;
  t.sign_begin = i;
  if (i > 0 && IsSignBefore(text, i - 1)) {
    t.negative = true;
    t.sign_begin = i - 1;
  }
  // Most tokens are a plain integer of a few digits: one pass reads,
  // normalises and values them. Anything after the digits that may go on
  // the token (a separator, a point, a sixteenth digit) takes the full
  // reading below.
  {
    const char32_t* const chars = text.data();
    const size_t size = text.size();
    // Zeros after the digits: a copy of fixed size keeps `ascii`
    // NUL-terminated without a library call.
    char digits[16] = {};
    static_assert(kMaxExactDigits < sizeof(digits), "room for the NUL");
    static_assert(sizeof(digits) <= sizeof(NumberToken::ascii), "fits");
    int64_t n = 0;
    size_t j = i;
    for (; j < size && j - i < kMaxExactDigits; ++j) {
      const int d = DigitValue(chars[j]);
      if (d < 0) break;
      digits[j - i] = static_cast<char>('0' + d);
      n = n * 10 + d;
    }
    if (j == size || (!IsDigit(chars[j]) && !IsThousandsSeparator(chars[j]) &&
                      !IsDecimalPoint(chars[j]) &&
                      !(IsGroupingBlank(chars[j]) && j - i <= 3))) {
      const size_t length = j - i;
      std::memcpy(t.ascii, digits, sizeof(digits));
      t.length = static_cast<uint8_t>(length);
      t.integer_digits = static_cast<int>(length);
      t.end = j;
      const auto v = static_cast<double>(n);
      t.value = t.negative ? -v : v;
      return t;
    }
  }
  size_t j = DigitsEnd(text, i);
  // Thousands separators: a head of one to three digits, then groups of
  // exactly three. A broken group after an accepted one is an error.
  if (j - i <= 3 && GroupOfThreeAt(text, j)) {
    while (GroupOfThreeAt(text, j)) j += 4;
    t.has_separator = true;
    if (j + 1 < text.size() && IsThousandsSeparator(text[j]) &&
        IsDigit(text[j + 1])) {
      t.flags |= NumberToken::kBadSeparator;
      while (j + 1 < text.size() && IsThousandsSeparator(text[j]) &&
             IsDigit(text[j + 1])) {
        j = DigitsEnd(text, j + 1);
      }
    }
  }
  // Groups parted by one kind of blank, as typeset text and PDFs print
  // them (3 480人次): a head of one to three digits, then groups of
  // exactly three. (A blank after a group of other length parts numbers.)
  if (!t.has_separator && j - i <= 3 && j < text.size() &&
      IsGroupingBlank(text[j]) && BlankGroupOfThreeAt(text, j, text[j])) {
    const char32_t blank = text[j];
    while (BlankGroupOfThreeAt(text, j, blank)) j += 4;
    t.has_separator = true;
  }
  if (j + 1 < text.size() && IsDecimalPoint(text[j]) && IsDigit(text[j + 1])) {
    t.has_point = true;
    j = DigitsEnd(text, j + 1);
    // 1.2.3.4 is a version or a list number, never a quantity: take the
    // whole chain so that no part of it is read as a number.
    while (j + 1 < text.size() && IsDecimalPoint(text[j]) &&
           IsDigit(text[j + 1])) {
      t.flags |= NumberToken::kUnreadable;
      j = DigitsEnd(text, j + 1);
    }
  }
  t.end = j;
  // Normalise: ASCII digits and '.', separators dropped.
  int digit_count = 0;
  bool after_point = false;
  for (size_t k = t.begin; k < t.end; ++k) {
    const char32_t c = text[k];
    char out;
    if (IsDigit(c)) {
      out = static_cast<char>('0' + DigitValue(c));
      ++digit_count;
      if (!after_point) ++t.integer_digits;
    } else if (IsDecimalPoint(c)) {
      if (after_point) break;  // unreadable, flagged above
      after_point = true;
      out = '.';
    } else {
      continue;  // a separator
    }
    if (digit_count > kMaxSignificantDigits) {
      t.flags |= NumberToken::kTooLong;
      break;
    }
    t.ascii[t.length++] = out;
  }
  t.ascii[t.length] = '\0';
  if (t.readable() && !t.has_point && size_t{t.length} <= kMaxExactDigits) {
    // ParseDecimalDigits's fast path, on the digits just normalised.
    int64_t n = 0;
    for (size_t k = 0; k < t.length; ++k) n = n * 10 + (t.ascii[k] - '0');
    const auto v = static_cast<double>(n);
    t.value = t.negative ? -v : v;
  } else if (t.readable()) {
    double v = 0;
    if (ParseDecimalDigits(t.digits(), 0, &v)) {
      t.value = t.negative ? -v : v;
    } else {
      t.flags |= NumberToken::kUnreadable;
    }
  }
  return t;
}

std::vector<NumberToken> TokenizeNumbers(std::u32string_view text) {
  std::vector<NumberToken> tokens;
  const char32_t* const chars = text.data();
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    // Han characters (most of a text) lie between the ASCII and the
    // full-width digits: one range test passes over them.
    if (const char32_t c = chars[i]; (c > U'9' && c < U'０') || !IsDigit(c)) {
      ++i;
      continue;
    }
    tokens.push_back(ReadNumberTokenAt(text, i));
    i = tokens.back().end;
  }
  FlagNumbersWrappedAcrossLines(text, &tokens);
  return tokens;
}

void FlagNumbersWrappedAcrossLines(std::u32string_view text,
                                   std::vector<NumberToken>* tokens) {
  for (size_t k = 1; k < tokens->size(); ++k) {
    NumberToken& before = (*tokens)[k - 1];
    NumberToken& after = (*tokens)[k];
    // Only blanks and one line break (\n or \r\n) between the two.
    size_t breaks = 0;
    bool only_gap = after.sign_begin > before.end;
    for (size_t i = before.end; i < after.sign_begin && only_gap; ++i) {
      const char32_t c = text[i];
      if (c == U'\n') {
        ++breaks;
      } else if (c != U'\r' && !IsBlank(c)) {
        only_gap = false;
      }
    }
    // Blanks alone between single digits are letter spacing of PDF text
    // (2 8个: 28, or 2 and 8?); between longer runs they part two numbers
    // (2024 480人), and groups of three were read whole (3 480).
    const bool letter_spaced = breaks == 0 && before.end - before.begin == 1 &&
                               after.end - after.begin == 1;
    if (only_gap && (breaks == 1 || letter_spaced)) {
      before.flags |= NumberToken::kWrapped;
      after.flags |= NumberToken::kWrapped;
    }
  }
}

}  // namespace reportfacts
