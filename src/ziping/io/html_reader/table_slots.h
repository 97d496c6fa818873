// io/html_reader/table_slots.h — the HTML table model's column of every cell: a cell takes the
// first column of its row that no rowspan from a row above still covers, and covers colspan
// columns itself. The reader then prints each row with its cells at their columns and the
// covered columns empty, as a spreadsheet's dump prints merged cells, so the recovery sees
// every value under its header (a row under a row-spanned 一级指标 starts with an empty cell
// instead of shifting its values one column left).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace ziping::io::html_reader {

// A span attribute as the HTML standard reads it: leading digits, clamped to [low, high];
// anything else is `fallback`. rowspan="0" means "to the end of the row group".
int parse_span(std::string_view text, int fallback, int low, int high);

inline constexpr int kMaxColspan = 1000; // the HTML standard's limits
inline constexpr int kMaxRowspan = 65534;

class TableSlots {
public:
  struct Span {
    int colspan = 1;
    int rowspan = 1; // 0: to the end of the table
  };

  // Places one row's cells and returns the first column of each; call once per <tr>, in order.
  // Costs the row's own columns only (a hostile page may have many rows under one wide span).
  std::vector<std::size_t> place_row(const std::vector<Span>& cells);

private:
  long row_ = 0;
  // Per column: the last row a cell placed so far covers (-1: none).
  std::vector<long> last_row_;
};

} // namespace ziping::io::html_reader
