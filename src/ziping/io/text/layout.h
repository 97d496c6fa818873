// io/text/layout.h — from bytes to a Grid: the text split into lines, the layout of the
// table recognised by scoring every splitter's evidence (never by a single guess), and the
// lines split into rows of cells by that layout's splitter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ziping/io/text/grid.h"

namespace ziping::io::text {

struct Line {
  std::string_view text; // without its line ending
  int number = 0;        // 1-based
  bool page_break_before = false; // a form feed (pdftotext's page end) came before it
};

// Splits on \n, \r\n and \r; a form feed also ends a line and marks the next as a new page.
std::vector<Line> split_lines(std::string_view text);

struct LayoutScore {
  Layout layout;
  double score = 0; // 0..1, the share of the evidence that fits this layout
};
// Every layout's score, best first.
std::vector<LayoutScore> score_layouts(const std::vector<Line>& lines);

// The splitters, one per layout.
Grid split_tabs(const std::vector<Line>& lines);
Grid split_pipes(const std::vector<Line>& lines);
Grid split_spaces(const std::vector<Line>& lines);
Grid split_one_per_line(const std::vector<Line>& lines);
Grid split_runs(const std::vector<Line>& lines);

// Detects the layout and splits: the Grid carries a note naming the layout and its score.
Grid split_text(std::string_view text, const std::string& file_name);
// Splits as the given layout, whatever the text looks like (tests and fuzzing).
Grid split_text_as(std::string_view text, Layout layout);

// 1-based code-point column of byte offset `offset` in `line`.
int column_of(std::string_view line, std::size_t offset);

} // namespace ziping::io::text
