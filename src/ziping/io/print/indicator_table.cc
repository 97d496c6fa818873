// The 年度指标完成情况 table: one block of rows per goal (绩效目标N merged down the first
// column), 一级 and 二级 labels merged over the consecutive leaves that share them, and a
// 小计 row where the template declares a goal's subtotal. A project form's single table sits
// under the 绩效指标 label instead.
#include "ziping/io/print/grid.h"

namespace ziping::io::print {
namespace {

// The printed heading of a grid column: the catalogue's header, with the full-width
// brackets of the printed form ("评(扣)分标准" → "评（扣）分标准").
std::string heading(model::FieldId field) {
  std::string out;
  for (char c : model::field(field).header) {
    if (c == '(')
      out += "（";
    else if (c == ')')
      out += "）";
    else
      out += c;
  }
  return out;
}

std::string cell_text(const std::string& text) {
  return text;
}
std::string cell_text(const std::optional<num::Decimal>& value) {
  return number_text(value);
}
std::string cell_text(const std::optional<bool>& flag) {
  return flag ? (*flag ? "是" : "否") : "";
}

// The cells of one leaf from 一级指标 on, in grid order. Numbers are right-aligned, the wide
// texts (三级指标 excepted, which is short by habit) wrap, everything else is short.
Row leaf_row(const model::Indicator& leaf, const std::string& path, const Grid& g) {
  Row row;
  for (int column = Grid::level1; column < g.end; ++column) {
    const auto& info = model::field(g.columns[std::size_t(column)].field);
    model::visit_member(leaf, info.id, [&](const auto& value) {
      using Value = std::remove_cvref_t<decltype(value)>;
      Style style = std::is_same_v<Value, std::optional<num::Decimal>>    ? Style::Number
                    : info.width >= 20 && info.id != model::FieldId::Name ? Style::Text
                                                                          : Style::Short;
      std::vector<std::string> paths{path + "." + std::string(info.json_key)};
      if (info.id == model::FieldId::Name) paths.push_back(path); // the leaf's own anchor
      row.cells.push_back(g.cell(column, column + 1, cell_text(value), style, std::move(paths)));
    });
  }
  return row;
}

// Merges the cells of `column` over runs of consecutive equal, non-empty texts among `rows`
// (all leaves of one goal), but never across a boundary in `breaks` (the 一级 runs bound the
// 二级 runs). Returns the run starts it kept, for the next level down.
std::vector<bool> merge_runs(std::vector<Row>& rows, int column, const std::vector<bool>& breaks) {
  auto find = [&](Row& row) -> Cell* {
    for (auto& cell : row.cells)
      if (cell.column == column) return &cell;
    return nullptr;
  };
  std::vector<bool> starts(rows.size(), true);
  std::size_t run = 0;
  for (std::size_t i = 1; i <= rows.size(); ++i) {
    Cell* head = find(rows[run]);
    Cell* here = i < rows.size() ? find(rows[i]) : nullptr;
    bool same = here && head && !breaks[i] && !head->text.empty() && here->text == head->text;
    if (same) {
      head->paths.insert(head->paths.end(), here->paths.begin(), here->paths.end());
      starts[i] = false;
      continue;
    }
    if (head) head->rows = int(i - run);
    for (std::size_t k = run + 1; k < i; ++k) {
      auto& cells = rows[k].cells;
      std::erase_if(cells, [&](const Cell& cell) { return cell.column == column; });
    }
    run = i;
  }
  return starts;
}

std::vector<Row> goal_rows(const model::Goal& goal, std::size_t goal_index, const Grid& g) {
  std::vector<Row> rows;
  for (std::size_t j = 0; j < goal.indicators.size(); ++j)
    rows.push_back(leaf_row(goal.indicators[j], model::indicator_path(goal_index, j), g));
  if (!rows.empty()) {
    std::vector<bool> none(rows.size(), false);
    auto level1_starts = merge_runs(rows, Grid::level1, none);
    merge_runs(rows, Grid::level2, level1_starts);
  }
  std::string path = model::goal_path(goal_index);
  if (goal.indicators.empty()) {
    // A goal without leaves keeps its line, so that its number is still printed.
    Row row;
    row.cells.push_back(g.cell(Grid::level1, g.end, "", Style::Short));
    rows.push_back(std::move(row));
  }
  if (goal.weight || goal.score) {
    rows.push_back(
        {{g.cell(Grid::level1, g.weight, "小计", Style::Label),
          g.cell(g.weight, g.score, number_text(goal.weight), Style::Number, {path + ".weight"}),
          g.cell(g.score, g.reason, number_text(goal.score), Style::Number, {path + ".score"}),
          g.cell(g.reason, g.end, "", Style::Text)}});
  }
  return rows;
}

} // namespace

std::vector<Section> indicator_sections(const model::Form& form, const Grid& g) {
  Section s;
  s.name = "indicators";
  Row head;
  bool overall = one_overall_goal(form);
  if (overall) {
    s.label = g.cell(0, 1, "绩效指标", Style::Label, {"goals[0].indicators"});
  } else {
    head.cells.push_back(g.cell(0, 1, "年度指标完成情况", Style::Label));
  }
  for (int column = Grid::level1; column < g.end; ++column)
    head.cells.push_back(
        g.cell(column, column + 1, heading(g.columns[std::size_t(column)].field), Style::Label));
  s.header.push_back(std::move(head));

  for (std::size_t i = 0; i < form.goals.size(); ++i) {
    const auto& goal = form.goals[i];
    auto rows = goal_rows(goal, i, g);
    if (!overall) {
      std::string path = model::goal_path(i);
      Cell label = g.cell(0, 1, "绩效目标" + (goal.number ? std::to_string(*goal.number) : ""),
                          Style::Label, {path + ".indicators"});
      label.rows = int(rows.size());
      rows.front().cells.insert(rows.front().cells.begin(), std::move(label));
    }
    for (auto& row : rows) s.body.push_back(std::move(row));
  }
  std::vector<Section> sections;
  sections.push_back(std::move(s));
  return sections;
}

} // namespace ziping::io::print
