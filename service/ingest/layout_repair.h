// Layout repair: the text poppler takes out of a PDF, made into the text a
// reader sees. A printed page breaks lines where the column ends, repeats
// a running header or footer on every page, numbers its pages and spaces
// out title letters; extraction would read each of these as text.
//
//   PageText extracted{pdf->text, pdf->page_starts};
//   RepairedText repaired = RepairLayout(extracted);
//   Extract(repaired.text);                        // offsets into it
//   repaired.map.ToExtracted(metric.begin);        // back to poppler's text
//
// The rules, each applied only where its evidence is on the page:
// - A running header or footer, a line at the top or foot of a page (the
//   first or last two lines) that recurs there, digits aside, on more than
//   half of the pages of a document (on both pages of a two-page one),
//   is dropped.
// - A page-number line at the top or foot of a page is dropped: `12`,
//   `- 3 -`, `— 12 —`, `第3页`, `第3页 共20页`, `Page 4`, `Page 4 of 20`,
//   `4/20`.
// - A hard-wrapped line is joined to the next: it fills the column (at
//   least four fifths of the document's usual full line), does not end a
//   sentence (。！？；, or such a mark before a closing quote or bracket)
//   nor with a colon, the next line does not start a list item (一、 （一）
//   1. 1、 (1) ① ● ...) and, in the body's font size, either fills the
//   column too or ends with a mark (a short line ending in a word, such as
//   a name under a full line, stands alone; a title set larger ends in a
//   word), both lines are set in one font size,
//   and the characters either side of the break are Chinese text (a Han
//   character or a Chinese mark on at least one side, never a digit on
//   both). Blanks at the break go with it.
// - A letter-spaced title line (four or more single Han characters, each
//   gap one space: `工 作 报 告`) is closed up; three are more often a
//   spaced byline (`文 王 明`), which stays.
// Lines are otherwise kept as extracted; blank lines stay paragraph breaks.
// Linear in the text.
#ifndef REPORTFACTS_SERVICE_INGEST_LAYOUT_REPAIR_H_
#define REPORTFACTS_SERVICE_INGEST_LAYOUT_REPAIR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportfacts::ingest {

// OffsetMap maps code point offsets between the repaired text and the
// extracted text it was made from. Repair only deletes characters, so
// every repaired character is one extracted character.
class OffsetMap {
 public:
  // ToExtracted is the extracted offset of repaired offset `repaired`; the
  // end of the repaired text maps to the end of the extracted text.
  int64_t ToExtracted(int64_t repaired) const;
  // ToRepaired is the repaired offset of extracted offset `extracted`, or,
  // for a deleted character, of the first kept character after it.
  int64_t ToRepaired(int64_t extracted) const;

  // Built by RepairLayout: `repaired` code point `r` copies extracted code
  // point `extracted`; calls come in increasing order of both.
  void Copy(int64_t repaired, int64_t extracted);
  // Truncate forgets repaired offsets from `repaired_size` on (blanks
  // taken back at a joined line break).
  void Truncate(int64_t repaired_size);
  void Finish(int64_t repaired_size, int64_t extracted_size);

 private:
  struct Run {
    int64_t repaired;   // first repaired offset of a verbatim run
    int64_t extracted;  // the extracted offset it copies
  };
  std::vector<Run> runs_;
  int64_t repaired_size_ = 0;
  int64_t extracted_size_ = 0;
};

// PageText is text with page boundaries.
struct PageText {
  std::string_view text;                    // UTF-8
  const std::vector<int64_t>& page_starts;  // code points, ascending
  // When given, one per line of `text`: the line's font size (0 unknown).
  // Lines of different sizes (a title above its body) are never joined.
  const std::vector<double>* line_font_sizes = nullptr;
};

// RepairedText is the text after layout repair.
struct RepairedText {
  std::string text;  // UTF-8
  // page_starts[k]: repaired offset where page k + 1 starts (the first
  // character kept from it; the end of the text for a page with none).
  std::vector<int64_t> page_starts;
  OffsetMap map;
};

// RepairLayout applies the rules above to extracted PDF text.
RepairedText RepairLayout(const PageText& extracted);

// The rules, exposed for their tests. Each reads one line without its
// line break.
bool IsPageNumberLine(std::u32string_view line);
bool IsLetterSpacedTitle(std::u32string_view line);
bool StartsListItem(std::u32string_view line);
// DisplayWidth counts a Han character or full-width form as 2, others 1.
int DisplayWidth(std::u32string_view line);
// JoinsAcross is true when a line ending in `before` (its last non-blank
// line content) continues on a line starting with `after`, the first line
// filling the column; it checks the sentence-end, colon, list item and
// script rules.
bool JoinsAcross(std::u32string_view before, std::u32string_view after);

}  // namespace reportfacts::ingest

#endif  // REPORTFACTS_SERVICE_INGEST_LAYOUT_REPAIR_H_
