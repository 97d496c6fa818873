// io/text/grid.h — a published form as rows of cells, each cell with the place it came from.
//
// Every layout splitter (tabs, `|` tables, one cell per line, spaces, no separators) and the
// PDF reader produce a Grid; the recovery stage (recover.h) turns a Grid into a Form. A Grid
// holds text exactly as printed: splitting only decides where cells begin and end.
#pragma once

#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"

namespace ziping::io::text {

struct Cell {
  std::string text; // trimmed of surrounding whitespace, otherwise as printed
  int line = 0;     // 1-based line of its first character (text input)
  int column = 0;   // 1-based code-point column (text input)
  int page = 0;     // 1-based page (PDF input); 0 for text
  double x0 = 0;    // horizontal extent in points (PDF input), for diagnostics only
  double x1 = 0;

  bool empty() const { return text.empty(); }
};

enum class Layout {
  Tabs,       // cells separated by tabs: text copied out of a PDF (the seed)
  Pipes,      // "| a | b |": dumps of HTML tables
  OnePerLine, // every cell on its own line: text copied from a web page or a PDF viewer
  Spaces,     // cells joined by spaces on one line per row
  Runs,       // no separators at all: cells and numbers run together
  Pdf,        // rebuilt from PDF word boxes
};

// How a layout is named in diagnostics, both languages.
std::string layout_name(Layout layout);

struct Row {
  std::vector<Cell> cells;
  int line = 0; // first line of the row
  int page = 0; // PDF page, 0 for text
  // Cells sit at their table columns (tabs, pipes, PDF): an empty cell is an empty column.
  // Otherwise (spaces, one per line, runs) cells are a sequence and empty columns vanish.
  bool positional = true;
  bool page_break_before = false; // a form feed, a blank gap or a PDF page starts here
  bool labels_moved = false;      // the recovery put labels printed elsewhere in front of it
  // The row may be the wrapped rest of the text above it. Not on a web page's table rows, nor
  // on the first line after a table: a cell's text ends with its cell (html_reader).
  bool may_continue_above = true;

  // Non-empty cells, in order.
  std::vector<const Cell*> filled() const;
};

struct Grid {
  Layout layout = Layout::Tabs;
  std::vector<Row> rows;
  // What splitting had to decide (page numbers removed, numbers split apart).
  std::vector<diag::Diagnostic> diagnostics;
  // The text as printed, when the Grid was split from text: the stream recovery reads it
  // again with every separator as evidence rather than as the splitter decided (stream.h).
  std::string source;
};

} // namespace ziping::io::text
