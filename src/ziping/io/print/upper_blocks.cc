// The blocks above the indicator table: 部门名称 (or 项目名称 / 主管部门 / 实施单位), the budget
// block (预算执行情况, or 项目资金 with its source rows), its 偏差原因, and the goals (年度绩效目标
// 完成情况, or the project's 年度总体目标).
#include "ziping/io/print/grid.h"

namespace ziping::io::print {
namespace {

using model::FormKind;

Cell label(const Grid& g, int from, int to, std::string text, std::vector<std::string> paths = {}) {
  return g.cell(from, to, std::move(text), Style::Label, std::move(paths));
}

Section fields(const model::Form& form, const Grid& g) {
  Section s;
  s.name = "fields";
  s.keep_together = true;
  if (form.kind == FormKind::Project) {
    s.body.push_back(
        {{label(g, 0, 2, "项目名称"), g.cell(2, g.end, form.project, Style::Text, {"project"})}});
    s.body.push_back(
        {{label(g, 0, 2, "主管部门"),
          g.cell(2, g.weight, form.department, Style::Text, {"department"}),
          label(g, g.weight, g.reason, "实施单位"),
          g.cell(g.reason, g.end, form.implementing_unit, Style::Text, {"implementing_unit"})}});
  } else {
    s.body.push_back({{label(g, 0, 2, "部门名称"),
                       g.cell(2, g.end, form.department, Style::Text, {"department"})}});
  }
  return s;
}

// The amounts of one budget row over the grid: 年初预算数, (A), (B), then 分值 / 得分 / 执行率 in
// the order of the form's kind.
struct Amounts {
  std::string initial, annual, executed, weight, score, rate;
  std::string path; // "budget" or "budget.sources[1]"
};

Row amounts_row(const model::Form& form, const Grid& g, Cell first, const Amounts& a) {
  auto number = [&](int from, int to, const std::string& text, const char* field) {
    std::vector<std::string> paths;
    if (field) paths.push_back(a.path + "." + field);
    return g.cell(from, to, text, Style::Number, std::move(paths));
  };
  Row row;
  row.cells.push_back(std::move(first));
  row.cells.push_back(number(Grid::name, g.target, a.initial, "initial"));
  row.cells.push_back(number(g.target, g.actual, a.annual, "annual"));
  row.cells.push_back(number(g.actual, g.weight, a.executed, "executed"));
  bool total = a.path == "budget";
  if (form.kind == FormKind::Project) {
    // 财预〔2020〕10号: 分值 | 执行率 | 得分.
    row.cells.push_back(number(g.weight, g.score, a.weight, total ? "weight" : nullptr));
    row.cells.push_back(number(g.score, g.reason, a.rate, "rate"));
    row.cells.push_back(number(g.reason, g.end, a.score, total ? "score" : nullptr));
  } else {
    // The Tianjin department form: 分值 | 得分 | 执行率, 分值 and 得分 over the indicators' own.
    row.cells.push_back(number(g.weight, g.score, a.weight, "weight"));
    row.cells.push_back(number(g.score, g.reason, a.score, "score"));
    row.cells.push_back(number(g.reason, g.end, a.rate, "rate"));
  }
  return row;
}

Row amounts_heading(const model::Form& form, const Grid& g, Cell first) {
  Row row;
  row.cells.push_back(std::move(first));
  row.cells.push_back(label(g, Grid::name, g.target, "年初预算数"));
  row.cells.push_back(label(g, g.target, g.actual, "全年预算数（A）"));
  row.cells.push_back(label(g, g.actual, g.weight, "全年执行数（B）"));
  if (form.kind == FormKind::Project) {
    row.cells.push_back(label(g, g.weight, g.score, "分值"));
    row.cells.push_back(label(g, g.score, g.reason, "执行率（B/A）"));
    row.cells.push_back(label(g, g.reason, g.end, "得分"));
  } else {
    row.cells.push_back(label(g, g.weight, g.score, "分值"));
    row.cells.push_back(label(g, g.score, g.reason, "得分"));
    row.cells.push_back(label(g, g.reason, g.end, "执行率（B/A）"));
  }
  return row;
}

Section budget(const model::Form& form, const Grid& g) {
  const auto& b = form.budget;
  Section s;
  s.name = "budget";
  s.keep_together = true;
  Amounts total{number_text(b.initial),
                number_text(b.annual),
                number_text(b.executed),
                number_text(b.weight),
                number_text(b.score),
                b.rate,
                "budget"};
  if (form.kind == FormKind::Project) {
    s.label = label(g, 0, 1, "项目资金（" + form.money_unit + "）", {"budget"});
    s.header.push_back(amounts_heading(form, g, label(g, 1, Grid::name, "")));
    s.body.push_back(amounts_row(form, g, label(g, 1, Grid::name, "年度资金总额"), total));
    for (std::size_t i = 0; i < b.sources.size(); ++i) {
      const auto& source = b.sources[i];
      std::string path = "budget.sources[" + std::to_string(i) + "]";
      // "其中：" is the template's word for the breakdown, not part of the source's name.
      std::string text =
          (i == 0 && !source.label.starts_with("其中") ? "其中：" : "") + source.label;
      Amounts amounts{number_text(source.initial),
                      number_text(source.annual),
                      number_text(source.executed),
                      "—",
                      "—",
                      source.rate.empty() ? "—" : source.rate,
                      path};
      s.body.push_back(
          amounts_row(form, g, label(g, 1, Grid::name, text, {path + ".label", path}), amounts));
    }
  } else {
    s.label = label(g, 0, 1, "预算执行情况", {"budget"});
    Cell money = label(g, 1, Grid::name, "部门预算金额（" + form.money_unit + "）");
    money.rows = 2;
    s.body.push_back(amounts_heading(form, g, money));
    Row values = amounts_row(form, g, Cell{}, total);
    values.cells.erase(values.cells.begin()); // under the merged 部门预算金额 label
    s.body.push_back(std::move(values));
  }
  return s;
}

Section budget_reason(const model::Form& form, const Grid& g) {
  Section s;
  s.name = "budget-reason";
  s.keep_together = true;
  s.body.push_back({{label(g, 0, Grid::name, "偏差原因分析及改进措施"),
                     g.cell(Grid::name, g.end, form.budget.deviation_reason, Style::Text,
                            {"budget.deviation_reason"})}});
  return s;
}

std::string goal_number(const model::Goal& goal) {
  return goal.number ? std::to_string(*goal.number) : std::string();
}

Section department_goals(const model::Form& form, const Grid& g) {
  Section s;
  s.name = "goals";
  s.label = label(g, 0, 1, "年度绩效目标完成情况");
  s.header.push_back({{label(g, 1, 2, "目标序号"), label(g, 2, g.target, "年度绩效目标"),
                       label(g, g.target, g.reason, "实际完成情况"),
                       label(g, g.reason, g.end, "偏差原因分析及改进措施")}});
  for (std::size_t i = 0; i < form.goals.size(); ++i) {
    const auto& goal = form.goals[i];
    std::string path = model::goal_path(i);
    s.body.push_back({{g.cell(1, 2, goal_number(goal), Style::Number, {path + ".number", path}),
                       g.cell(2, g.target, goal.target, Style::Text, {path + ".target"}),
                       g.cell(g.target, g.reason, goal.actual, Style::Text, {path + ".actual"}),
                       g.cell(g.reason, g.end, goal.deviation_reason, Style::Text,
                              {path + ".deviation_reason"})}});
  }
  return s;
}

Section overall_goal(const model::Form& form, const Grid& g) {
  Section s;
  s.name = "goals";
  s.label = label(g, 0, 1, "年度总体目标", {"goals"});
  const model::Goal empty;
  const model::Goal& goal = form.goals.empty() ? empty : form.goals.front();
  std::string path = model::goal_path(0);
  // The template has two columns; a third appears only for a goal that explains a deviation.
  bool reason = !goal.deviation_reason.empty();
  int split = reason ? g.target : g.actual;
  int stop = reason ? g.reason : g.end;
  Row head{{label(g, 1, split, "预期目标"), label(g, split, stop, "实际完成情况")}};
  Row body{{g.cell(1, split, goal.target, Style::Text, {path + ".target", path}),
            g.cell(split, stop, goal.actual, Style::Text, {path + ".actual"})}};
  if (reason) {
    head.cells.push_back(label(g, g.reason, g.end, "偏差原因分析及改进措施"));
    body.cells.push_back(
        g.cell(g.reason, g.end, goal.deviation_reason, Style::Text, {path + ".deviation_reason"}));
  }
  s.header.push_back(std::move(head));
  s.body.push_back(std::move(body));
  s.keep_together = true;
  return s;
}

} // namespace

bool one_overall_goal(const model::Form& form) {
  // A project form with several goals is malformed (ZP0814); it is printed goal by goal, as a
  // department form is, so that nothing it holds is left out.
  return form.kind == FormKind::Project && form.goals.size() <= 1;
}

std::string number_text(const std::optional<num::Decimal>& number) {
  return number ? number->to_string() : std::string();
}

std::vector<Section> header_sections(const model::Form& form, const Grid& grid) {
  std::vector<Section> sections;
  sections.push_back(fields(form, grid));
  sections.push_back(budget(form, grid));
  if (form.kind == FormKind::Department || !form.budget.deviation_reason.empty())
    sections.push_back(budget_reason(form, grid));
  sections.push_back(one_overall_goal(form) ? overall_goal(form, grid)
                                            : department_goals(form, grid));
  return sections;
}

} // namespace ziping::io::print
