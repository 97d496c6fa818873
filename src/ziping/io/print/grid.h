// io/print/grid.h — internal to the layout: the column grid and the anchor columns every
// block spans from (the budget's 分值 sits over the indicators' 分值, and so on).
#pragma once

#include <string>
#include <vector>

#include "ziping/io/print/layout.h"

namespace ziping::io::print {

std::vector<Column> grid_columns(const model::Form& form);

struct Grid {
  explicit Grid(std::vector<Column> columns);

  // Fixed columns: 0 goal, 1 一级, 2 二级, 3 三级; the rest by key.
  static constexpr int goal = 0, level1 = 1, level2 = 2, name = 3;
  int target = 0, actual = 0, weight = 0, score = 0, reason = 0, end = 0;
  std::vector<Column> columns;

  // A cell over columns [from, to).
  Cell cell(int from, int to, std::string text, Style style,
            std::vector<std::string> paths = {}) const;
};

// Builders of each block, one file each.
std::vector<Section> header_sections(const model::Form& form, const Grid& grid);
std::vector<Section> indicator_sections(const model::Form& form, const Grid& grid);
std::vector<Section> closing_sections(const model::Form& form, const Grid& grid);

// Whether the goals print as one 年度总体目标 (a project form with at most one goal).
bool one_overall_goal(const model::Form& form);

// A declared number exactly as the form wrote it ("0.80" stays "0.80"); empty when absent.
std::string number_text(const std::optional<num::Decimal>& number);

} // namespace ziping::io::print
