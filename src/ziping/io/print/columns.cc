// The column grid of the official layout: the indicator table's columns, which every other
// block of the form spans. Optional columns exist only when some leaf fills them.
#include "ziping/io/print/grid.h"

namespace ziping::io::print {

std::vector<Column> grid_columns(const model::Form& form) {
  bool nature = false, unit = false, adjusted = false, coefficient = false, standard = false,
       core = false;
  for (const auto& goal : form.goals) {
    for (const auto& leaf : goal.indicators) {
      nature = nature || !leaf.nature.empty();
      unit = unit || !leaf.unit.empty();
      adjusted = adjusted || !leaf.adjusted_target.empty();
      coefficient = coefficient || leaf.score_coefficient.has_value();
      standard = standard || !leaf.scoring_standard.empty();
      core = core || leaf.core.has_value();
    }
  }
  // Shares are per cent of the table width for the nine standard columns; optional ones add
  // to the sum and every column narrows in proportion.
  std::vector<Column> columns = {{"goal", 8}, {"level1", 7}, {"level2", 8}, {"name", 13}};
  if (nature) columns.push_back({"nature", 5});
  if (unit) columns.push_back({"unit", 5});
  columns.push_back({"target", 10});
  if (adjusted) columns.push_back({"adjusted", 9});
  columns.push_back({"actual", 15});
  columns.push_back({"weight", 5});
  if (coefficient) columns.push_back({"coefficient", 5});
  columns.push_back({"score", 6});
  columns.push_back({"reason", 28});
  if (standard) columns.push_back({"standard", 14});
  if (core) columns.push_back({"core", 5});
  return columns;
}

Grid::Grid(std::vector<Column> columns_) : columns(std::move(columns_)) {
  auto find = [&](std::string_view key) {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].key == key) return int(i);
    return -1;
  };
  target = find("target");
  actual = find("actual");
  weight = find("weight");
  score = find("score");
  reason = find("reason");
  end = int(columns.size());
}

Cell Grid::cell(int from, int to, std::string text, Style style,
                std::vector<std::string> paths) const {
  Cell c;
  c.column = from;
  c.span = to - from;
  c.text = std::move(text);
  c.style = style;
  c.paths = std::move(paths);
  return c;
}

} // namespace ziping::io::print
