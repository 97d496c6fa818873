// io/pdf_writer/page_setup.h — internal: the page, its margins and type sizes, and the two
// steps between the sheet and the pages: measuring cells and drawing a page.
#pragma once

#include <string>
#include <vector>

#include "ziping/io/pdf_writer/geometry.h"
#include "ziping/io/pdf_writer/typesetter.h"
#include "ziping/io/pdf_writer/write_budget.h"
#include "ziping/io/print/layout.h"

namespace ziping::io::pdf_writer {

// A4 landscape in points, and the type. Geometry only (see geometry.h on Pt).
struct PageSetup {
  Pt width = 841.89;
  Pt height = 595.28;
  Pt margin_x = 28.35;   // 10 mm
  Pt margin_top = 28.35; // 10 mm
  Pt margin_bottom = 36; // room for the page number
  Pt cell_padding_x = 3;
  Pt cell_padding_y = 2.5;
  Pt min_row = 17;
  Pt rule = 0.6; // grid line width
  Pt text_size = 8.5;
  Pt title_size = 17;
  Pt subtitle_size = 10.5;
  Pt footer_size = 8;

  Pt table_width() const { return width - 2 * margin_x; }
};

// The sections to print (the form's, then any appendix) and where the grid's columns lie.
struct Document {
  std::string title;    // 整体支出绩效自评表
  std::string subtitle; // （2022年度）
  std::vector<print::Section> sections;
  std::vector<Pt> edges; // x of each column's left edge, then the table's right edge
  std::vector<SectionBox> boxes;
  PageFrame frame;
};

// Column edges from the relative shares of the grid.
std::vector<Pt> column_edges(const std::vector<print::Column>& columns, const PageSetup& setup);

// Lays out every cell's text and measures rows into `document.boxes`, checking the deadline
// after each row.
void measure(Document& document, Typesetter& typesetter, const PageSetup& setup,
             WriteDeadline& deadline);

// The title block's height on the first page.
Pt title_height(const Document& document, const PageSetup& setup);

// Draws one page: the title on the first, the cells of its slices with their grid lines,
// the merged cells over the rows they cover there, and "第 N 页 共 M 页".
void draw_page(cairo_t* cr, Typesetter& typesetter, const Document& document, const PageBox& page,
               int number, int count, const PageSetup& setup);

} // namespace ziping::io::pdf_writer
