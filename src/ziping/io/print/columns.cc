// The column grid of the official layout: the indicator table's columns, which every other
// block of the form spans. Optional columns exist only when some leaf fills them.
#include "ziping/io/print/grid.h"

namespace ziping::io::print {

std::vector<Column> grid_columns(const model::Form& form) {
  // Shares are per cent of the table width for the nine standard columns; optional ones add
  // to the sum and every column narrows in proportion.
  const auto& goal = model::field(model::FieldId::GoalLabel);
  std::vector<Column> columns = {{"goal", goal.share, goal.id}};
  for (const auto* info : model::fields_of(model::Owner::Indicator))
    if (info->presence != model::Presence::Variant || model::field_used(form, *info))
      columns.push_back({info->json_key, info->share, info->id});
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
  reason = find("deviation_reason");
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
