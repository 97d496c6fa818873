// Drawing a page with cairo: grounds of the label cells first, then the grid lines, then the
// text, so that no ground covers a line. A merged cell is drawn once per page over the rows it
// covers there, its label repeated on every page it continues on.
#include <cairo.h>

#include <map>
#include <tuple>

#include "ziping/io/pdf_writer/page_setup.h"

namespace ziping::io::pdf_writer {
namespace {

struct Box {
  Pt x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  const print::Cell* cell = nullptr;
  const CellBox* measured = nullptr;
  int first = 0, end = 0; // lines set here
  bool centred = true;    // vertically; a split row's part is set from its top
};

void draw_boxes(cairo_t* cr, Typesetter& typesetter, const std::vector<Box>& boxes,
                const PageSetup& setup) {
  cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
  for (const auto& b : boxes) {
    if (b.cell->style != print::Style::Label) continue;
    cairo_rectangle(cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, setup.rule);
  for (const auto& b : boxes) cairo_rectangle(cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
  cairo_stroke(cr);
  for (const auto& b : boxes) {
    if (b.first >= b.end) continue;
    Pt height = b.measured->lines_height(b.first, b.end);
    Pt y = b.centred ? b.y0 + (b.y1 - b.y0 - height) / 2 : b.y0 + setup.cell_padding_y;
    typesetter.draw_lines(b.measured->text, b.measured->lines, b.first, b.end,
                          b.x0 + setup.cell_padding_x, y);
  }
}

} // namespace

void draw_page(cairo_t* cr, Typesetter& typesetter, const Document& document, const PageBox& page,
               int number, int count, const PageSetup& setup) {
  const auto& edges = document.edges;
  if (number == 1) {
    Pt y = setup.margin_top;
    typesetter.draw(document.title, setup.title_size, Face::Bold, setup.margin_x, y, Align::Center,
                    setup.table_width());
    y += setup.title_size * 1.6;
    if (!document.subtitle.empty())
      typesetter.draw(document.subtitle, setup.subtitle_size, Face::Regular, setup.margin_x, y,
                      Align::Center, setup.table_width());
  }

  std::vector<Box> boxes;
  // Merged cells: (section, part, start row, cell) → the box over the rows on this page.
  std::map<std::tuple<int, int, int, int>, Box> merged;
  auto extend = [&](std::tuple<int, int, int, int> key, const print::Cell& cell,
                    const CellBox& measured, const Slice& slice) {
    auto [it, fresh] = merged.try_emplace(key);
    Box& b = it->second;
    if (fresh) {
      b.x0 = edges[std::size_t(measured.column)];
      b.x1 = edges[std::size_t(measured.column + measured.span)];
      b.y0 = slice.y;
      b.cell = &cell;
      b.measured = &measured;
      b.end = int(measured.lines.size());
    }
    b.y1 = slice.y + slice.height;
  };

  for (const auto& slice : page.slices) {
    const auto& section = document.sections[std::size_t(slice.section)];
    const auto& box = document.boxes[std::size_t(slice.section)];
    const auto& rows = slice.header ? section.header : section.body;
    const auto& measured_rows = slice.header ? box.header : box.body;
    int part = slice.header ? 0 : 1;
    if (section.label) extend({slice.section, -1, 0, -1}, *section.label, *box.label, slice);
    // Merged cells that began on an earlier row and cover this one.
    for (int r = 0; r <= slice.row; ++r) {
      const auto& cells = rows[std::size_t(r)].cells;
      for (int c = 0; c < int(cells.size()); ++c) {
        int covered = cells[std::size_t(c)].rows;
        if (covered > 1 && r + covered > slice.row)
          extend({slice.section, part, r, c}, cells[std::size_t(c)],
                 measured_rows[std::size_t(r)].cells[std::size_t(c)], slice);
      }
    }
    const auto& cells = rows[std::size_t(slice.row)].cells;
    const auto& measured = measured_rows[std::size_t(slice.row)].cells;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].rows > 1) continue;
      Box b;
      b.x0 = edges[std::size_t(measured[c].column)];
      b.x1 = edges[std::size_t(measured[c].column + measured[c].span)];
      b.y0 = slice.y;
      b.y1 = slice.y + slice.height;
      b.cell = &cells[c];
      b.measured = &measured[c];
      if (slice.lines.empty()) {
        b.end = int(measured[c].lines.size());
      } else {
        b.first = slice.lines[c].first;
        b.end = slice.lines[c].second;
        b.centred = false;
      }
      boxes.push_back(b);
    }
  }
  for (auto& [key, b] : merged) boxes.push_back(b);
  draw_boxes(cr, typesetter, boxes, setup);

  std::string folio = "第 " + std::to_string(number) + " 页 共 " + std::to_string(count) + " 页";
  typesetter.draw(folio, setup.footer_size, Face::Regular, setup.margin_x,
                  setup.height - setup.margin_bottom + 10, Align::Center, setup.table_width());
}

} // namespace ziping::io::pdf_writer
