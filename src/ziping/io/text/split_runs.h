// io/text/split_runs.h — the pieces the run splitter (split_runs.cc) shares with its two
// number cutters: a line as code points (Chars), the row being built, and the cutters for a
// budget line's figures (split_runs_budget.cc) and an indicator row (split_runs_indicator.cc).
// Internal to io/text: the public entry point is split_runs() in layout.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/io/text/grid.h"
#include "ziping/io/text/layout.h"
#include "ziping/io/text/vocabulary.h"

namespace ziping::io::text::runs {

// A line as code points, with a simplified, bracket-folded copy of the same length for matching.
struct Chars {
  std::vector<std::string> raw;   // one UTF-8 code point each
  std::vector<std::string> match; // simplified, （）：→ ():
  std::string text(std::size_t from, std::size_t to) const;
  std::size_t size() const { return raw.size(); }
  bool digit(std::size_t i) const {
    return i < raw.size() && raw[i].size() == 1 && raw[i][0] >= '0' && raw[i][0] <= '9';
  }
  bool digit_or_dot(std::size_t i) const { return digit(i) || (i < raw.size() && raw[i] == "."); }
  // Whether `word` (simplified, folded) stands at `pos`.
  bool at(std::size_t pos, std::string_view word) const;
  std::size_t length_of(std::string_view word) const;
};

Chars chars_of(std::string_view line);

// A score as printed: digits with at most one dot and `max_places` decimals, no leading zero.
bool valid_score_text(std::string_view text, int max_places = 2);

struct RowBuilder {
  Row row;
  const Line& line;
  explicit RowBuilder(const Line& l);
  // The code points [from, to) as one cell, trimmed; nothing when empty.
  void add(const Chars& chars, std::size_t from, std::size_t to);
  // A cell whose text is not a slice of the line (a figure cut from a run of digits).
  void add_text(std::string text, std::size_t column);
};

// ZP0130: a run of digits or texts had more than one split; `split` is the one taken.
void report_split(Grid& grid, const Line& line, std::size_t column, std::string printed,
                  std::string split);

// 年度资金总额 figures run together, cut into the budget header's `columns` from `from` on.
void split_budget_figures(Grid& grid, RowBuilder& row, const Chars& chars, std::size_t from,
                          const std::vector<BudgetColumn>& columns);

// An indicator row run together: labels, 三级指标, 年度指标值, 实际完成值, 分值, 得分, reason.
void split_indicator(Grid& grid, RowBuilder& row, const Chars& chars, std::size_t from);

} // namespace ziping::io::text::runs
