// io/pdf_writer/write_budget.h — what writing one PDF may cost (issue 11). Typesetting is the
// cost: every cell's text set by pango, then every page drawn; a stored 40,000-indicator form
// took ~60 s, and anyone who can ask for an export could repeat it. So the page count is
// bounded before any text is set (a lower bound from the rows, each at least the minimum row
// height) and again after the page breaking, and the typesetting and drawing loops check a
// deadline after every row and page. Passing either throws OverBudget: nothing is written.
#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>

#include "ziping/diag/diagnostic.h"

namespace ziping::io::pdf_writer {

// A real form prints on 2–30 pages; 1,000 is what about 30,000 one-line rows need.
inline constexpr int kMaxPdfWritePages = 1000;
inline constexpr int kMaxPdfWriteSeconds = 20;

// The PDF would pass the page limit (ZP0192) or took longer than the time limit (ZP0193).
struct OverBudget : std::runtime_error {
  explicit OverBudget(diag::Diagnostic d);
  diag::Diagnostic diagnostic;
};

// The time limit of one write, checked cooperatively between rows and between pages.
class WriteDeadline {
public:
  explicit WriteDeadline(int seconds);
  void set_rows(std::size_t total) { rows_total_ = total; }
  void row_set() { ++rows_set_, check(); }
  void page_drawn() { ++pages_drawn_, check(); }

private:
  void check() const;
  int seconds_;
  std::chrono::steady_clock::time_point end_;
  std::size_t rows_total_ = 0, rows_set_ = 0, pages_drawn_ = 0;
};

} // namespace ziping::io::pdf_writer
