// Numeric tokens: every run of Arabic digits of a text, read once, so that
// the number scanner, the date finder and the report scanner agree on what
// a number is.
//
//   const std::vector<NumberToken> tokens = TokenizeNumbers(text);
//   for (const NumberToken& t : tokens) {
//     if (!t.readable()) continue;          // 1.2.3, 400 digits, 12,34,5
//     double v = t.value;                   // exact: strtod on t.digits()
//     double w = t.Scaled(8);               // 57.71 -> 5771000000 exactly
//   }
//
// A token is ASCII or full-width digits with at most one decimal point
// (. or ．) and thousands separators (, or ，) only between groups of
// exactly three digits after a head of one to three (1,000 and 12,345.6;
// never the list 1,2,3 or 12,34). A minus sign (- − － or 负) right before
// the digits, and not after another digit (a range 3-5), makes it negative.
// begin/end cover the digits only, without the sign (GUIDE §2).
#ifndef REPORTFACTS_SERVICE_CORE_NUMBER_TOKENS_H_
#define REPORTFACTS_SERVICE_CORE_NUMBER_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace reportfacts {

// NumberToken is one run of digits.
struct NumberToken {
  // Flags say why a token cannot be read; such a token is no number.
  enum Flag : uint8_t {
    kBadSeparator = 1,  // 1,234,56: groups broken after a separator
    kTooLong = 2,       // more significant digits than a double holds
    kUnreadable = 4,    // 1.2.3.4: more than one decimal point
    kWrapped = 8,       // 2\n86: digits on both sides of a line break
  };
  // The longest normalised digit string kept (sign, digits and a point).
  static constexpr size_t kMaxDigits = 18;

  size_t begin = 0;       // first digit
  size_t end = 0;         // after the last digit
  size_t sign_begin = 0;  // the sign, or begin when there is none
  bool negative = false;
  bool has_point = false;
  bool has_separator = false;
  uint8_t flags = 0;
  uint8_t length = 0;      // of ascii
  int integer_digits = 0;  // digits before the point (separators not counted)
  double value = 0;        // signed; 0 when not readable
  char ascii[kMaxDigits + 2] = {};  // ASCII, no sign, NUL-terminated

  bool readable() const { return flags == 0; }
  // digits returns the normalised ASCII digits ("1234.56" for "1,234.56").
  std::string_view digits() const { return {ascii, length}; }
  // IsInteger is true for a token without a decimal point.
  bool IsInteger() const { return !has_point; }
  // Scaled returns the value times 10^exponent, read as one decimal number
  // (the digits with an exponent appended), so no binary rounding error
  // enters: Scaled of 57.71 by 8 is exactly 5771000000.
  double Scaled(int exponent) const;
};

// IsEnclosingMark is a mark that may enclose a number (“ ” 《 》 「 」) or
// a line break, which ends what such a pair encloses. Document lists where
// they are, so that the number scanner asks what encloses a number without
// reading the text around it.
constexpr bool IsEnclosingMark(char32_t c) {
  // Bitwise, not short-circuit: one branch on the answer, none per test.
  return (c - U'“' <= U'”' - U'“') | (c - U'《' <= U'」' - U'《') |
         (c - U'\n' <= U'\f' - U'\n') | (c - U'\u2028' <= 1);
}

// TokenizeNumbers returns the digit runs of `text` in order, one linear
// pass, no allocation per character. Unreadable runs are returned with
// their flags so that callers leave them out as a whole.
std::vector<NumberToken> TokenizeNumbers(std::u32string_view text);

// FlagNumbersWrappedAcrossLines flags (kWrapped) the two tokens either side
// of a line break with only blanks around it (立案2\n86件: PDF text that
// wraps inside a number), and single digits parted by blanks only (2 8个:
// letter-spaced): one number or two, the value cannot be read for sure,
// so neither is taken. TokenizeNumbers and Document call it.
void FlagNumbersWrappedAcrossLines(std::u32string_view text,
                                   std::vector<NumberToken>* tokens);

// ReadNumberTokenAt reads the token whose first digit is text[i] (text[i]
// must be a digit, and not inside a token read before): TokenizeNumbers
// for a caller that passes over the text anyway, as Document does.
NumberToken ReadNumberTokenAt(std::u32string_view text, size_t i);

// ParseDecimalDigits reads an ASCII decimal string with an optional
// exponent suffix; returns false on overflow (never inf) or bad input.
bool ParseDecimalDigits(std::string_view digits, int exponent, double* value);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_NUMBER_TOKENS_H_
