// The lines of a document, with their content bounds. Computed once per
// document and shared by the stages that read line by line.
#ifndef REPORTFACTS_SERVICE_CORE_TEXT_LINES_H_
#define REPORTFACTS_SERVICE_CORE_TEXT_LINES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace reportfacts {

// TextLine is one line of the text; content_* exclude surrounding blanks
// and markdown marks (#, >, **).
struct TextLine {
  size_t begin = 0;
  size_t end = 0;  // at the '\n' or the text end
  size_t content_begin = 0;
  size_t content_end = 0;
  bool blank() const { return content_begin >= content_end; }
};

// SplitLines returns every line of `text` in order.
std::vector<TextLine> SplitLines(std::u32string_view text);

// LineAt is the line text[begin, end) (`end` at a '\n' or the text end)
// with its content bounds: SplitLines for a caller that knows where the
// line breaks are.
TextLine LineAt(std::u32string_view text, size_t begin, size_t end);

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_TEXT_LINES_H_
