// io/html_reader/page_rows.h — a web page as the rows of cells the text recovery reads.
//
// The page is parsed by libgumbo, a complete HTML5 parser (the tree a browser builds: unclosed
// <td> and <tr> closed, entities decoded, stray markup moved where a browser moves it). From
// the tree: every row of a data table becomes a row of cells at their columns (table_slots.h:
// the columns a rowspan or colspan covers are empty cells, as a spreadsheet dump prints merged
// cells); a row whose cells hold tables is layout, and its cells are read as page content;
// text outside tables becomes rows of one cell, a block element (<p>, <div>, <br> …) ending
// one. Inside a cell, <br> and block elements are line breaks of the cell's text, joined as
// the text reader joins wrapped cells. <head>, <script>, <style>, comments and the like are
// not text; the appendices of ziping's own pages (computed scores, diagnostics, the numbered
// marks in cells) are not the form. Cells are located at the line and column of their tag.
#pragma once

#include <string>
#include <string_view>

#include "ziping/io/text/grid.h"

namespace ziping::io::html_reader {

// Bounds on hostile pages: far above any form (a few hundred cells), far below what would
// exhaust memory. Cells a span covers count.
inline constexpr std::size_t kMaxCells = 200000;
inline constexpr int kMaxTableDepth = 64;

// `html` is UTF-8. Diagnostics (a page over the bounds) are in the Grid, located in `file`.
text::Grid page_rows(std::string_view html, const std::string& file);

} // namespace ziping::io::html_reader
