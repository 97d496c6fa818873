// io/pdf_writer/geometry.h — the page geometry of the PDF writer and its page breaking, kept
// apart from cairo and pango so that it can be tested on made-up boxes.
//
// Pt is a length in PDF points (1/72 inch). It is layout geometry and the one place ziping
// uses binary floating point on purpose: no money, rate, weight or score ever becomes a Pt —
// those stay texts of the form (print::Cell::text) from the reader to the page.
#pragma once

#include <optional>
#include <utility>
#include <vector>

namespace ziping::io::pdf_writer {

using Pt = double;

// One line of a cell's text as the text engine set it: its top and height inside the cell's
// text block, its baseline and its left offset (alignment), all in points.
struct LineBox {
  Pt top = 0;
  Pt height = 0;
  Pt baseline = 0;
  Pt x = 0;
};

// A cell of the sheet, measured.
struct CellBox {
  int column = 0;
  int span = 1;
  int rows = 1;
  std::vector<LineBox> lines; // empty for an empty cell
  int text = -1;              // the writer's handle on the cell's laid-out text

  Pt text_height() const;
  // Height of lines [first, end) stacked.
  Pt lines_height(int first, int end) const;
};

struct RowBox {
  std::vector<CellBox> cells;
  Pt height = 0; // natural height: its single-row cells' text plus padding, at least the minimum
};

struct SectionBox {
  std::optional<CellBox> label; // merged down the first column over every row of the section
  std::vector<RowBox> header;   // repeated at the top of every page the section continues on
  std::vector<RowBox> body;
  bool keep_together = false;
  bool new_page = false; // starts on a fresh page (the appendices)
};

// A row (or the part of a split row) placed on a page.
struct Slice {
  int section = 0;
  bool header = false;
  int row = 0;
  Pt y = 0;      // top edge
  Pt height = 0; // after merged cells were given their room
  // A row too tall for a page is split between lines: for each cell of the row (by index),
  // the lines [first, end) set on this page. Empty: the whole row, vertically centred.
  std::vector<std::pair<int, int>> lines;
};

struct PageBox {
  std::vector<Slice> slices;
};

struct PageFrame {
  Pt first_top = 0; // where the table starts on the first page (under the title)
  Pt top = 0;       // where it starts on later pages
  Pt bottom = 0;    // the lowest edge a row may reach
  Pt padding = 0;   // above and below a cell's text
  Pt min_row = 0;   // the least height of a row
};

// Breaks the sections into pages: rows whole where they fit, a section's headings and merged
// labels repeated on each page it continues on, small blocks kept together, headings never
// left alone at the bottom of a page, and a row taller than a page split between its lines.
// Merged cells get the room their text needs on every page they appear on.
std::vector<PageBox> paginate(const std::vector<SectionBox>& sections, const PageFrame& frame);

// The natural height of a row: its single-row cells' text plus padding, at least min_row.
Pt natural_height(const RowBox& row, const PageFrame& frame);

} // namespace ziping::io::pdf_writer
