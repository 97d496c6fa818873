// io/pdf/pdf_table_parts.h — what the table rebuilder (pdf_table.cc: words → phrases → cell
// blocks → bands → header) shares with the indicator table's row builder (pdf_table_rows.cc).
// Internal to io/pdf.
#pragma once

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/io/text/grid.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/vocabulary.h"

namespace ziping::io::pdf::table {

using text::Column;

inline double overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

using text::append_wrapped; // io/text/keys.h

// A cell's text: phrases stacked in one column at line pitch (wrapped text).
struct Block {
  int page = 0;
  double x0 = 0, x1 = 0;
  double first_y = 0, last_y = 0;
  std::string text;
  double height = 0; // of its Chinese lines
  bool chinese = false;
  int column = -1; // in the indicator table: its header column
  double y() const { return (first_y + last_y) / 2; }
};

struct Metrics {
  double char_width = 9; // median width of one character
  double line_tolerance = 2;
  double pitch = 12; // distance between the lines of a wrapped cell
};

// Labels that lay out the table rather than fill it: 项目资金（万元）, 年度总体目标, 绩效指标, …
bool is_layout_label(const Block& block);

text::Cell cell_of(const Block& block);

struct OutRow {
  int page = 0;
  double y = 0;
  text::Row row;
};

struct Header {
  std::vector<Column> types;
  std::vector<double> x0, x1; // extents of the header texts
  std::vector<std::string> texts;
  bool label_column(std::size_t c) const {
    return types[c] == Column::Goal || types[c] == Column::Level1 || types[c] == Column::Level2;
  }
  // The column a block falls in: the one its extent overlaps most, boundaries halfway between
  // neighbouring header texts.
  int column_of(const Block& block) const {
    int best = 0;
    double best_overlap = -std::numeric_limits<double>::max();
    for (std::size_t c = 0; c < types.size(); ++c) {
      double lo = c == 0 ? -1e9 : (x1[c - 1] + x0[c]) / 2;
      double hi = c + 1 == types.size() ? 1e9 : (x1[c] + x0[c + 1]) / 2;
      double o = overlap(lo, hi, block.x0, block.x1);
      if (o > best_overlap) {
        best_overlap = o;
        best = int(c);
      }
    }
    return best;
  }
};

// The rows of one indicator table, over all its pages (pdf_table_rows.cc).
void indicator_rows(const Header& header, const std::vector<const Block*>& blocks, const Metrics& m,
                    std::vector<OutRow>& out);

} // namespace ziping::io::pdf::table
