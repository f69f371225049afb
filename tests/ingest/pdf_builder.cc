#include "tests/ingest/pdf_builder.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "service/core/utf8.h"

namespace reportfacts::ingest {
namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* data,
                           unsigned int length) {
  static_cast<std::string*>(closure)->append(
      reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Printer {
  const PdfPageStyle& style;
  cairo_t* cr;
  PangoFontDescription* font;
  int page = 1;
  double y = 0;

  double Top() const { return style.margin_pt; }
  double Bottom() const { return style.page_height_pt - style.margin_pt; }
  double ColumnWidth() const {
    return style.column_width_pt > 0
               ? style.column_width_pt
               : style.page_width_pt - 2 * style.margin_pt;
  }

  // Furniture prints the running header and the page number of the page.
  void Furniture() {
    if (!style.running_header.empty()) {
      Line(style.running_header, style.margin_pt / 2);
    }
    if (!style.page_number.empty()) {
      char number[64];
      std::snprintf(number, sizeof number, style.page_number.c_str(), page);
      Line(number, style.page_height_pt - style.margin_pt / 2);
    }
  }

  void Line(const std::string& text, double top) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    cairo_move_to(cr, style.margin_pt, top);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
  }

  void NewPage() {
    cairo_show_page(cr);
    ++page;
    y = Top();
    Furniture();
  }

  // Paragraph prints one paragraph line by line, breaking the page when a
  // line does not fit.
  void Paragraph(const std::string& text, const PangoFontDescription* face) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    pango_layout_set_font_description(layout, face);
    pango_layout_set_width(layout,
                           static_cast<int>(ColumnWidth() * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const double height = static_cast<double>(logical.height) / PANGO_SCALE;
      const double baseline =
          static_cast<double>(pango_layout_iter_get_baseline(it) - logical.y) /
          PANGO_SCALE;
      if (y + height > Bottom()) NewPage();
      cairo_move_to(cr, style.margin_pt, y + baseline);
      pango_cairo_show_layout_line(cr, line);
      y += height;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(layout);
  }
};

}  // namespace

std::string LayOutPdf(const std::string& text, const PdfPageStyle& style) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      AppendBytes, &pdf, style.page_width_pt, style.page_height_pt);
  cairo_t* cr = cairo_create(surface);
  PangoFontDescription* font =
      pango_font_description_from_string("WenQuanYi Micro Hei");
  pango_font_description_set_absolute_size(font,
                                           style.font_size_pt * PANGO_SCALE);
  PangoFontDescription* title_font = pango_font_description_copy(font);
  pango_font_description_set_absolute_size(
      title_font, style.font_size_pt * style.title_scale * PANGO_SCALE);
  Printer printer{style, cr, font};
  printer.y = printer.Top();
  printer.Furniture();
  std::istringstream in(text);
  bool title = true;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      printer.y += style.font_size_pt;
      continue;
    }
    // The first paragraph is a title when it is a heading, not a
    // sentence.
    const bool heading = title && line.find("。") == std::string::npos &&
                         line.find("；") == std::string::npos &&
                         line.find(';') == std::string::npos;
    printer.Paragraph(line, heading ? title_font : font);
    title = false;
  }
  pango_font_description_free(title_font);
  pango_font_description_free(font);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

std::string PdfWithStandardCjkFont(const std::string& text) {
  // The page's text: one line per input line, each a hex string of UCS-2
  // codes, which UniGB-UCS2-H maps to Adobe-GB1 character ids.
  std::string content = "BT /F1 12 Tf 14 TL 56 780 Td\n";
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    content += "<";
    for (const char32_t c : DecodeUtf8(line)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(c));
      content += hex;
    }
    content += "> Tj T*\n";
  }
  content += "ET\n";

  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
      "/Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>",
      "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light "
      "/Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>",
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
      "/FontDescriptor 6 0 R /DW 1000 >>",
      "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
      "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 "
      "/Descent -120 /CapHeight 626 /StemV 93 >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
          content + "endstream",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) +
         "\n0000000000 65535 f \n";
  for (const size_t offset : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace reportfacts::ingest
