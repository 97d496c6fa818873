// Measuring the sheet: each cell's text set in its column range (bold for labels), each row's
// natural height, each merged cell's text kept for the page breaker to give it room.
#include <algorithm>

#include "ziping/io/pdf_writer/page_setup.h"

namespace ziping::io::pdf_writer {

std::vector<Pt> column_edges(const std::vector<print::Column>& columns, const PageSetup& setup) {
  int total = 0;
  for (const auto& column : columns) total += column.share;
  std::vector<Pt> edges;
  Pt x = setup.margin_x;
  int covered = 0;
  edges.push_back(x);
  for (const auto& column : columns) {
    covered += column.share;
    // From the running sum, so that the last edge is exactly the table's right edge.
    edges.push_back(setup.margin_x + setup.table_width() * covered / std::max(total, 1));
  }
  return edges;
}

namespace {

CellBox measure_cell(const print::Cell& cell, const Document& document, Typesetter& typesetter,
                     const PageSetup& setup) {
  CellBox box;
  box.column = cell.column;
  box.span = cell.span;
  box.rows = cell.rows;
  Pt width = document.edges[std::size_t(cell.column + cell.span)] -
             document.edges[std::size_t(cell.column)] - 2 * setup.cell_padding_x;
  Face face = cell.style == print::Style::Label ? Face::Bold : Face::Regular;
  Align align = cell.style == print::Style::Text ? Align::Left : Align::Center;
  box.text = typesetter.set(cell.text, width, setup.text_size, face, align, box.lines,
                            cell.style == print::Style::Short);
  return box;
}

RowBox measure_row(const print::Row& row, const Document& document, Typesetter& typesetter,
                   const PageSetup& setup) {
  RowBox box;
  for (const auto& cell : row.cells)
    box.cells.push_back(measure_cell(cell, document, typesetter, setup));
  box.height = natural_height(box, document.frame);
  return box;
}

} // namespace

void measure(Document& document, Typesetter& typesetter, const PageSetup& setup,
             WriteDeadline& deadline) {
  document.boxes.clear();
  for (const auto& section : document.sections) {
    SectionBox box;
    if (section.label) box.label = measure_cell(*section.label, document, typesetter, setup);
    for (const auto& row : section.header) {
      box.header.push_back(measure_row(row, document, typesetter, setup));
      deadline.row_set();
    }
    for (const auto& row : section.body) {
      box.body.push_back(measure_row(row, document, typesetter, setup));
      deadline.row_set();
    }
    box.keep_together = section.keep_together;
    box.new_page = section.name == "review" || section.name == "diagnostics" ||
                   section.name == "finance-review";
    document.boxes.push_back(std::move(box));
  }
}

Pt title_height(const Document& document, const PageSetup& setup) {
  Pt height = setup.title_size * 1.6;
  if (!document.subtitle.empty()) height += setup.subtitle_size * 1.6;
  return height + 4;
}

} // namespace ziping::io::pdf_writer
