#include "tests/ingest/pdf_builder.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <memory>
#include <sstream>

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

}  // namespace reportfacts::ingest
