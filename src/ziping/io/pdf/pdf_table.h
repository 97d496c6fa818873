// io/pdf/pdf_table.h — a table rebuilt from positioned words: words on one line join into
// phrases, phrases stacked in one column join into cell blocks (wrapped text), blocks whose
// centres line up form rows, the indicator table's columns come from its header's x ranges,
// and a merged 一级/二级/绩效目标 cell, printed once at the centre of the rows it spans, is given
// to the first of those rows (as text layouts print it), found by geometry.
#pragma once

#include <string>
#include <vector>

#include "ziping/io/text/grid.h"

namespace ziping::io::pdf {

struct Word {
  int page = 0;          // 1-based
  double x0 = 0, x1 = 0; // horizontal extent, points
  double y = 0;          // baseline, points from the top of the page
  std::string text;      // UTF-8
  double height = 0;     // of its box: tells a title from the line under it
};

// The Grid (layout Pdf) the recovery reads; notes about spanned cells go in its diagnostics.
text::Grid table_from_words(std::vector<Word> words, const std::string& file_name);

} // namespace ziping::io::pdf
