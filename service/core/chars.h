// Character classes of Chinese report text, defined once for every scanner.
//
//   if (IsDigit(c)) value = value * 10 + DigitValue(c);  // 7 and ７ alike
//   while (IsBlank(text[i])) ++i;                        // U+3000 included
//
// Every scanner of the core (numbers, dates, reports, people, phrases) asks
// these functions, so that they agree on what a digit, a blank, a dash or a
// clause break is. All are pure and constexpr. They run at nearly every
// character of a text, so each first rules out the range that holds none
// of its members (most often: the Han characters, U+3400..U+FAFF); the
// unit test checks every code point against the member lists.
#ifndef REPORTFACTS_SERVICE_CORE_CHARS_H_
#define REPORTFACTS_SERVICE_CORE_CHARS_H_

namespace reportfacts {

// IsCjk is true for Han ideographs: the Unified block, Extension A and the
// Compatibility block (U+F900..FAFF) that some legacy encodings produce.
constexpr bool IsCjk(char32_t c) {
  // The Unified block first (most of a text), then one comparison for
  // everything below Extension A (Latin, digits, most marks).
  return (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0x3400 && (c <= 0x4DBF || (c >= 0xF900 && c <= 0xFAFF) ||
                          (c >= 0x20000 && c <= 0x2FA1F)));
}

// IsAsciiDigit is 0-9; IsFullwidthDigit is ０-９ (U+FF10..FF19).
constexpr bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
constexpr bool IsFullwidthDigit(char32_t c) { return c >= U'０' && c <= U'９'; }
constexpr bool IsDigit(char32_t c) {
  return IsAsciiDigit(c) || IsFullwidthDigit(c);
}

// DigitValue is the value of an ASCII or full-width digit, else -1.
constexpr int DigitValue(char32_t c) {
  if (IsAsciiDigit(c)) return static_cast<int>(c - U'0');
  if (IsFullwidthDigit(c)) return static_cast<int>(c - U'０');
  return -1;
}

// IsDecimalPoint is '.' or the full-width '．'.
constexpr bool IsDecimalPoint(char32_t c) { return c == U'.' || c == U'．'; }

// IsLatin is an ASCII or full-width Latin letter.
constexpr bool IsLatin(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
}

// IsBlank is horizontal white space: ASCII blanks, no-break space, the
// ideographic space U+3000, thin and other typographic spaces, and the byte
// order mark. Line breaks are not blanks (IsLineBreak).
constexpr bool IsBlank(char32_t c) {
  if (c > 0x3000) return c == U'\uFEFF';
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\u00A0' ||
         c == U'\u3000' || c == U'\uFEFF' || (c >= 0x2000 && c <= 0x200B) ||
         c == U'\u202F' || c == U'\u205F';
}

// IsLineBreak is '\n' and the Unicode line and paragraph separators.
constexpr bool IsLineBreak(char32_t c) {
  // \n \v \f are U+000A..000C.
  return c <= 0x2029 && ((c >= U'\n' && c <= U'\f') || c >= 0x2028);
}

// IsSpace is IsBlank or IsLineBreak.
constexpr bool IsSpace(char32_t c) { return IsBlank(c) || IsLineBreak(c); }

// IsDash is a dash or hyphen as Chinese text writes one between the ends of
// a range or before a subtitle: — – ― ─ - － and the minus sign.
constexpr bool IsDash(char32_t c) {
  if (c > U'─') return c == U'－';
  return c == U'—' || c == U'–' || c == U'―' || c == U'─' || c == U'-' ||
         c == U'－' || c == U'−' || c == U'‐' || c == U'‒';
}

// IsRangeMark is a dash or tilde between the two ends of a range.
constexpr bool IsRangeMark(char32_t c) {
  return IsDash(c) || c == U'~' || c == U'～' || c == U'〜';
}

// IsMinusSign is a character that may stand for a negative sign before
// digits: the ASCII hyphen-minus, the minus sign, full-width hyphen-minus.
constexpr bool IsMinusSign(char32_t c) {
  return c == U'-' || c == U'−' || c == U'－';
}

// IsSentenceEnd ends a sentence: 。！？ and their ASCII forms, ；.
constexpr bool IsSentenceEnd(char32_t c) {
  if (c > U'。' && c < U'！') return false;
  return c == U'。' || c == U'！' || c == U'!' || c == U'？' || c == U'?' ||
         c == U'；' || c == U';' || c == U'｡';
}

// IsClauseBreak ends a clause: a sentence end, a comma or a colon. The
// enumeration comma 、 separates list items inside a clause and is not one.
constexpr bool IsClauseBreak(char32_t c) {
  if (c > U'。' && c < U'！') return false;
  return IsSentenceEnd(c) || c == U'，' || c == U',' || c == U'：' ||
         c == U':' || c == U'､';
}

// IsOpenQuote / IsCloseQuote: quotation marks that enclose a name or speech.
constexpr bool IsOpenQuote(char32_t c) {
  if (c > U'『') return false;
  return c == U'“' || c == U'‘' || c == U'「' || c == U'『' || c == U'"';
}
constexpr bool IsCloseQuote(char32_t c) {
  if (c > U'』') return false;
  return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'"';
}
constexpr bool IsQuoteMark(char32_t c) {
  return IsOpenQuote(c) || IsCloseQuote(c) || c == U'\'';
}

// IsOpenBracket / IsCloseBracket: round and square brackets, both widths.
constexpr bool IsOpenBracket(char32_t c) {
  if (c > U'〔' && c < U'（') return false;
  return c == U'(' || c == U'（' || c == U'[' || c == U'【' || c == U'〔' ||
         c == U'［';
}
constexpr bool IsCloseBracket(char32_t c) {
  if (c > U'〕' && c < U'）') return false;
  return c == U')' || c == U'）' || c == U']' || c == U'】' || c == U'〕' ||
         c == U'］';
}

// IsListSeparator separates items of an enumeration: 、 and the
// semicolon-free comma forms inside brackets are handled by callers.
constexpr bool IsListSeparator(char32_t c) { return c == U'、'; }

// IsListJoiner joins the items of a list: 、 and the conjunctions 和, 及, 与.
constexpr bool IsListJoiner(char32_t c) {
  return IsListSeparator(c) || c == U'和' || c == U'及' || c == U'与';
}

// IsPunctuation is any of the marks above or another CJK or ASCII mark: a
// character that is neither a letter, a digit, a Han ideograph nor a space.
constexpr bool IsPunctuation(char32_t c) {
  if (IsCjk(c) || IsDigit(c) || IsLatin(c) || IsSpace(c)) return false;
  return (c >= 0x21 && c <= 0x7E) || (c >= 0x2010 && c <= 0x205E) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) ||
         c == U'·' || c == U'•';
}

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_CHARS_H_
