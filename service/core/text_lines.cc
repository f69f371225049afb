#include "service/core/text_lines.h"

#include "service/core/utf8.h"

namespace reportfacts {
namespace {

bool IsBlank(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\u3000' ||
         c == U'\u00A0' || c == U'\uFEFF';
}

}  // namespace

TextLine LineAt(std::u32string_view text, size_t begin, size_t end) {
  TextLine line{begin, end, begin, end};
  size_t& b = line.content_begin;
  size_t& e = line.content_end;
  while (true) {
    while (b < e && IsBlank(text[b])) ++b;
    size_t k = b;
    while (k < e && text[k] == U'#') ++k;
    if (k > b && (k == e || IsBlank(text[k]))) {
      b = k;
      continue;
    }
    if (b < e && text[b] == U'>' && (b + 1 == e || IsBlank(text[b + 1]))) {
      ++b;
      continue;
    }
    if (b + 1 < e && text[b] == U'*' && text[b + 1] == U'*') {
      b += 2;
      continue;
    }
    break;
  }
  while (true) {
    while (e > b && IsBlank(text[e - 1])) --e;
    if (e >= b + 2 && text[e - 1] == U'*' && text[e - 2] == U'*') {
      e -= 2;
      continue;
    }
    break;
  }
  return line;
}

std::vector<TextLine> SplitLines(std::u32string_view text) {
  std::vector<TextLine> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t end = FindCodePoint(text, U'\n', begin);
    lines.push_back(LineAt(text, begin, end));
    if (end == text.size()) break;
    begin = end + 1;
  }
  return lines;
}

}  // namespace reportfacts
