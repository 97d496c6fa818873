// The 年度指标完成情况 table: one block of rows per goal (绩效目标N merged down the first
// column), 一级 and 二级 labels merged over the consecutive leaves that share them, and a
// 小计 row where the template declares a goal's subtotal. A project form's single table sits
// under the 绩效指标 label instead.
#include "ziping/io/print/grid.h"

namespace ziping::io::print {
namespace {

// Heading of each grid column from 一级指标 on.
std::string heading(std::string_view key) {
  if (key == "level1") return "一级指标";
  if (key == "level2") return "二级指标";
  if (key == "name") return "三级指标";
  if (key == "nature") return "指标性质";
  if (key == "unit") return "度量单位";
  if (key == "target") return "年度指标值";
  if (key == "adjusted") return "调整指标值";
  if (key == "actual") return "实际完成值";
  if (key == "weight") return "分值";
  if (key == "coefficient") return "得分系数（%）";
  if (key == "score") return "得分";
  if (key == "reason") return "偏差原因分析及改进措施";
  if (key == "standard") return "评（扣）分标准";
  if (key == "core") return "是否核心指标";
  return std::string(key);
}

// The cells of one leaf from 一级指标 on, in grid order.
Row leaf_row(const model::Indicator& leaf, const std::string& path, const Grid& g) {
  Row row;
  for (int column = Grid::level1; column < g.end; ++column) {
    std::string_view key = g.columns[std::size_t(column)].key;
    auto add = [&](std::string text, Style style, const char* field, bool self = false) {
      std::vector<std::string> paths{path + "." + field};
      if (self) paths.push_back(path);
      row.cells.push_back(g.cell(column, column + 1, std::move(text), style, std::move(paths)));
    };
    if (key == "level1")
      add(leaf.level1, Style::Short, "level1");
    else if (key == "level2")
      add(leaf.level2, Style::Short, "level2");
    else if (key == "name")
      add(leaf.name, Style::Short, "name", true);
    else if (key == "nature")
      add(leaf.nature, Style::Short, "nature");
    else if (key == "unit")
      add(leaf.unit, Style::Short, "unit");
    else if (key == "target")
      add(leaf.target, Style::Short, "target");
    else if (key == "adjusted")
      add(leaf.adjusted_target, Style::Short, "adjusted_target");
    else if (key == "actual")
      add(leaf.actual, Style::Short, "actual");
    else if (key == "weight")
      add(number_text(leaf.weight), Style::Number, "weight");
    else if (key == "coefficient")
      add(number_text(leaf.score_coefficient), Style::Number, "score_coefficient");
    else if (key == "score")
      add(number_text(leaf.score), Style::Number, "score");
    else if (key == "reason")
      add(leaf.deviation_reason, Style::Text, "deviation_reason");
    else if (key == "standard")
      add(leaf.scoring_standard, Style::Text, "scoring_standard");
    else if (key == "core")
      add(leaf.core ? (*leaf.core ? "是" : "否") : "", Style::Short, "core");
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
        g.cell(column, column + 1, heading(g.columns[std::size_t(column)].key), Style::Label));
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
