// io/text/recover_sections.cc — the parts of a form around its indicator table: title and
// header fields, the budget (预算执行情况 / 项目资金) with its funding rows, the goal table
// (绩效目标 1..N or the 年度总体目标), and the closing rows (总分, 结论, 等级, 问题, 负责人).
#include <algorithm>

#include "ziping/io/text/cell_numbers.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/recovery.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text::recovery {
namespace {

using namespace std::string_view_literals;

struct Pair {
  Field field = Field::None;
  const Cell* label = nullptr;
  std::vector<const Cell*> values; // the cells after the label, up to the next label
  std::string rest;                // a value in the label's own cell ("项目名称：X")
  std::string text() const {
    std::string out = rest;
    for (const Cell* cell : values) append_wrapped(out, cell->text);
    return out;
  }
  const Cell* value_cell() const { return values.empty() ? label : values.front(); }
};

// A cell that is only a separator the layout left ("项目名称 |" split at spaces), or the stamp
// note printed after 实施单位 ("(盖章)"): not a value.
bool is_no_value(std::string_view text) {
  std::string k = key(text);
  return (!k.empty() && k.find_first_not_of('|') == std::string::npos) || k == "(盖章)";
}

std::vector<Pair> field_pairs(const Row& row) {
  std::vector<Pair> pairs;
  for (const Cell* cell : row.filled()) {
    if (is_no_value(cell->text)) continue;
    FieldMatch match = match_field(cell->text);
    if (match.field != Field::None) {
      pairs.push_back({match.field, cell, {}, match.rest});
    } else if (!pairs.empty()) {
      pairs.back().values.push_back(cell);
    }
  }
  return pairs;
}

bool is_section_label(const Cell* cell) {
  return classify_label(cell->text).kind == LabelKind::Section;
}

std::vector<const Cell*> without_section_labels(Context& c, const Row& row, bool report) {
  std::vector<const Cell*> out;
  for (const Cell* cell : row.filled()) {
    if (out.empty() && is_section_label(cell)) {
      if (report) c.report(DiagId::note_import_layout_label, c.where(*cell), {cell->text});
      continue;
    }
    out.push_back(cell);
  }
  return out;
}

void set_text(Context& c, std::string& field, const std::string& path, const Cell* cell,
              std::string text) {
  if (!field.empty()) {
    append_wrapped(field, text);
  } else {
    field = std::move(text);
    c.locate(path, cell);
  }
  c.last_text = &field;
}

void read_grade(Context& c, const std::string& printed, const Cell* cell) {
  std::string k = key(printed);
  std::string grade;
  if (k == "优" || k == "良" || k == "中" || k == "差")
    grade = k;
  else if (k == "优秀")
    grade = "优";
  else if (k == "良好")
    grade = "良";
  else if (k == "中等" || k == "一般" || k == "合格")
    grade = "中";
  else if (k == "较差" || k == "不合格")
    grade = "差";
  if (grade.empty()) {
    c.form.grade = printed; // as printed; the checker judges it
  } else {
    c.form.grade = grade;
    if (grade != printed)
      c.report(DiagId::note_import_grade_from_text, c.where(*cell), {grade, printed}, "grade");
  }
  c.locate("grade", cell);
}

// Reads an amount cell into `out`, reporting a unit or an unreadable cell.
void read_amount_cell(Context& c, const Cell& cell, std::optional<num::Decimal>& out,
                      const std::string& path, std::string_view what) {
  Amount amount = read_amount(cell.text, c.form.money_unit);
  if (amount.unreadable) {
    c.report(DiagId::warn_import_number_unreadable, c.where(cell), {std::string(what), cell.text},
             path);
    return;
  }
  if (!amount.value) return;
  out = amount.value;
  c.locate(path, &cell);
  if (!amount.unit.empty()) {
    c.report(DiagId::note_import_amount_unit, c.where(cell),
             {std::string(what), cell.text, amount.value->to_string(), c.form.money_unit}, path);
  }
}

void read_score_cell(Context& c, const Cell& cell, std::optional<num::Decimal>& out,
                     const std::string& path, std::string_view what) {
  if (is_placeholder(cell.text)) return;
  auto number = score_number(cell.text);
  if (!number) {
    c.report(DiagId::warn_import_number_unreadable, c.where(cell), {std::string(what), cell.text},
             path);
    return;
  }
  out = number;
  c.locate(path, &cell);
}

bool is_value_text(std::string_view text) {
  std::string folded = key(text);
  if (folded.empty()) return false;
  if (is_placeholder(text)) return true;
  if (folded.ends_with("%")) folded.pop_back();
  Amount amount = read_amount(folded, "万元");
  return amount.value.has_value() || score_number(folded).has_value();
}

bool is_value_cell(const Cell* cell) {
  std::string folded = key(cell->text);
  if (folded.empty()) return false;
  if (is_placeholder(cell->text)) return true;
  if (folded.ends_with("%")) folded.pop_back();
  Amount amount = read_amount(folded, "万元");
  return amount.value.has_value() || score_number(folded).has_value();
}

// The first "(N分)" a budget header cell prints: the block's weight, when no 分值 cell has it.
void note_budget_header_points(Context& c, const std::vector<const Cell*>& cells) {
  if (c.budget_header_points) return;
  for (const Cell* cell : cells) {
    if (auto points = budget_header_points(key(cell->text))) {
      c.budget_header_points = points;
      c.budget_header_points_cell = cell;
      return;
    }
  }
}

} // namespace

namespace {

// A merged 项目资金（万元） / 年度预算执行情况（万元） cell standing alone (PDF, one cell per
// line): the block's label, with the money unit.
bool try_funding_label(Context& c, const std::vector<const Cell*>& filled) {
  if (filled.size() != 1 || match_field(filled[0]->text).field != Field::FundingHeader)
    return false;
  std::string unit = money_unit_in(filled[0]->text);
  if (!unit.empty()) c.form.money_unit = unit;
  note_budget_header_points(c, filled);
  return true;
}

// The indicator table's header (also when repeated at a page break).
bool try_indicator_header(Context& c, const Row& row) {
  IndicatorHeader header = read_indicator_header(row);
  if (!header.present) return false;
  if (c.saw_indicator_header) c.report(DiagId::note_import_header_repeated, c.where(row));
  c.header = header;
  c.saw_indicator_header = true;
  c.section = Section::Indicators;
  return true;
}

// The budget header: 年初预算数 全年预算数 全年执行数 分值 执行率 得分.
bool try_budget_header(Context& c, const Row& row, const std::vector<const Cell*>& filled) {
  std::vector<BudgetColumn> budget(row.cells.size(), BudgetColumn::None);
  int amounts = 0;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    budget[i] = budget_column(key(row.cells[i].text));
    if (budget[i] == BudgetColumn::Initial || budget[i] == BudgetColumn::Annual ||
        budget[i] == BudgetColumn::Executed || budget[i] == BudgetColumn::Rate)
      ++amounts;
  }
  if (amounts < 2) return false;
  if (!c.saw_budget || c.budget_types.empty())
    c.budget_types = budget;
  else
    c.report(DiagId::note_import_header_repeated, c.where(row));
  for (const Cell* cell : filled) {
    std::string unit = money_unit_in(cell->text);
    if (!unit.empty()) c.form.money_unit = unit;
  }
  note_budget_header_points(c, filled);
  c.saw_budget = true;
  c.section = Section::Budget;
  return true;
}

// 年度总体目标 | 预期目标text | 实际text, or the label alone with the texts below.
void overall_goal_label(Context& c, const Row& row, const std::vector<const Cell*>& filled) {
  c.saw_overall_goal = true;
  c.overall.row = &row;
  c.section = Section::Goals;
  c.goal_types.clear();
  FieldMatch match = match_field(filled[0]->text);
  std::vector<const Cell*> texts(filled.begin() + 1, filled.end());
  if (!match.rest.empty()) {
    set_text(c, c.overall.goal.target, "", filled[0], match.rest);
    c.overall.cells["target"] = filled[0];
  }
  for (const Cell* cell : texts) {
    std::string& field =
        c.overall.goal.target.empty() ? c.overall.goal.target : c.overall.goal.actual;
    c.overall.cells[&field == &c.overall.goal.target ? "target" : "actual"] = cell;
    set_text(c, field, "", cell, cell->text);
  }
  c.overall_expect_texts = texts.empty() && match.rest.empty();
}

// The goal table's header: 目标序号 年度绩效目标 实际完成情况 偏差原因分析及改进措施, or the
// 年度总体目标 row with 预期目标 / 实际完成情况.
bool try_goal_header(Context& c, const Row& row, const std::vector<const Cell*>& filled) {
  std::vector<GoalColumn> goals(row.cells.size(), GoalColumn::None);
  bool number = false, target = false, actual = false, overall = false;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (row.cells[i].empty()) continue;
    goals[i] = goal_column(key(row.cells[i].text));
    number = number || goals[i] == GoalColumn::Number;
    target = target || goals[i] == GoalColumn::Target;
    actual = actual || goals[i] == GoalColumn::Actual;
    if (match_field(row.cells[i].text).field == Field::OverallGoal) overall = true;
  }
  if (number && (target || actual)) {
    c.goal_types = goals;
    c.saw_goal_table = true;
  } else if (target && actual && (overall || filled.size() <= 3)) {
    c.goal_types = goals;
    c.saw_overall_goal = true;
    c.overall_expect_texts = true;
    c.overall.row = &row;
  } else if (overall && match_field(filled[0]->text).field == Field::OverallGoal) {
    overall_goal_label(c, row, filled);
    return true;
  } else {
    return false;
  }
  c.section = Section::Goals;
  return true;
}

} // namespace

bool try_header_rows(Context& c, const Row& row) {
  auto filled = row.filled();
  return try_funding_label(c, filled) || try_indicator_header(c, row) ||
         try_budget_header(c, row, filled) || try_goal_header(c, row, filled);
}

bool try_preamble_row(Context& c, const Row& row) {
  auto filled = row.filled();
  std::string first = key(filled[0]->text);
  // The title, once, before the tables.
  if (!c.saw_title && filled.size() <= 2 && is_title(first)) {
    std::string_view title = ziping::text::trim(filled[0]->text);
    while (title.starts_with("#")) title = ziping::text::trim(title.substr(1));
    c.form.title = std::string(title);
    c.map.set("title", c.where(*filled[0]));
    c.title_project = title_is_project(first);
    if (auto year = year_in(first)) {
      c.form.year = year;
      c.locate("year", filled[0]);
    }
    c.saw_title = true;
    if (filled.size() == 2) {
      std::string second = key(filled[1]->text);
      if (auto year = year_in(second); year && second.size() <= 20) {
        c.form.year = year;
        c.locate("year", filled[1]);
      }
    }
    return true;
  }
  // (2022年度), 年度：2022年
  if (filled.size() == 1 && first.size() <= 24 && c.section == Section::Preamble) {
    std::string_view k = first;
    if (k.starts_with("年度:")) k.remove_prefix("年度:"sv.size());
    if (auto year = year_in(std::string(k) + (k.ends_with("年") || k.ends_with("年度") ||
                                                      k.ends_with("年度)") || k.ends_with("年)")
                                                  ? ""
                                                  : "年"));
        year && (k.starts_with("(") || (k[0] >= '0' && k[0] <= '9'))) {
      c.form.year = year;
      c.locate("year", filled[0]);
      return true;
    }
  }
  // 单位：万元
  if (filled.size() <= 2 && first.find("单位:") != std::string::npos &&
      match_field(filled[0]->text).field == Field::None) {
    std::string unit = money_unit_in(first);
    if (!unit.empty()) {
      c.form.money_unit = unit;
      c.take(row);
      return true;
    }
  }
  auto pairs = field_pairs(row);
  bool used = false;
  for (const auto& pair : pairs) {
    std::string* target = name_text(c.form, pair.field);
    if (target == nullptr) continue;
    (pair.field == Field::Department ? c.saw_department_field : c.saw_project_field) = true;
    std::string path(name_field_path(pair.field));
    used = true;
    std::string value = pair.text();
    if (!value.empty() && target->empty()) {
      *target = value;
      c.locate(path, pair.value_cell());
    }
  }
  return used && pairs.front().label == filled.front();
}

std::string* name_text(model::Form& form, Field field) {
  switch (field) {
  case Field::Project:
    return &form.project;
  case Field::Supervisor:
  case Field::Department:
    return &form.department;
  case Field::ImplementingUnit:
    return &form.implementing_unit;
  default:
    return nullptr;
  }
}

namespace {

// The merged 项目资金（万元） cell printed on the total's row, in front of 年度资金总额 (space- and
// tab-separated text where the label's span starts on the first funding row): it is the block's
// label with the money unit, and the row is the total's.
void drop_funding_header(Context& c, std::vector<const Cell*>& filled) {
  if (filled.size() > 1 && match_field(filled[0]->text).field == Field::FundingHeader) {
    std::string unit = money_unit_in(filled[0]->text);
    if (!unit.empty()) c.form.money_unit = unit;
    filled.erase(filled.begin());
  }
}

void budget_reason_row(Context& c, const Row& row, const std::vector<const Cell*>& filled,
                       const FieldMatch& match) {
  std::vector<const Cell*> rest(filled.begin() + 1, filled.end());
  std::string text = match.rest;
  for (const Cell* cell : rest) append_wrapped(text, cell->text);
  set_text(c, c.form.budget.deviation_reason, "budget.deviation_reason",
           rest.empty() ? filled[0] : rest.front(), text);
  c.last_text_row = &row;
}

// A row of the block that starts with neither a funding label nor a figure: the deviation
// reason wrapped onto it, a second header line, or something dropped (and said so).
void budget_text_row(Context& c, const Row& row, const std::vector<const Cell*>& filled,
                     const FieldMatch& match) {
  if (filled.size() == 1 && c.last_text != nullptr &&
      c.last_text == &c.form.budget.deviation_reason) {
    append_wrapped(*c.last_text, filled[0]->text);
    c.report(DiagId::note_import_wrapped_joined, c.where(row),
             {diag::bilingual("偏差原因", "deviation reason")});
    return;
  }
  if (match.field == Field::FundingHeader) return; // a second header line of the block
  c.report(DiagId::warn_import_row_dropped, c.where(row), {quoted_cells(row)});
}

// A single space between the funding label and its first figure (pdftotext -layout where the
// columns are tight: "其中：当年财政拨款 680"): the figure is the first value, else every figure
// would move one column left. Returns the label without the figure.
std::string split_label_figure(Context& c, const Cell& label, std::vector<const Cell*>& values) {
  std::string_view printed = ziping::text::trim(label.text);
  auto space = printed.find_last_of(' ');
  std::size_t width = 1;
  if (auto wide = printed.rfind("　");
      wide != std::string_view::npos && (space == std::string_view::npos || wide > space)) {
    space = wide;
    width = std::string_view("　").size();
  }
  if (space == std::string_view::npos || space == 0) return label.text;
  std::string_view figure = ziping::text::trim(printed.substr(space + width));
  if (figure.empty() || !is_value_text(figure)) return label.text;
  Cell cut = label;
  cut.text = std::string(figure);
  cut.column += int(code_point_count(printed.substr(0, space))) + 1;
  c.cut_cells.push_back(std::move(cut));
  values.insert(values.begin(), &c.cut_cells.back());
  std::string label_text(ziping::text::trim(printed.substr(0, space)));
  c.report(DiagId::warn_import_numbers_run_together, c.where(label),
           {std::string(printed), label_text + " | " + std::string(figure)});
  return label_text;
}

// Each value's column by position, when every value sits under a budget column.
std::optional<std::vector<BudgetColumn>>
positional_columns(const Context& c, const Row& row, const std::vector<const Cell*>& values) {
  if (!row.positional || c.budget_types.empty()) return std::nullopt;
  std::vector<BudgetColumn> assigned(values.size(), BudgetColumn::None);
  for (std::size_t v = 0; v < values.size(); ++v) {
    std::size_t index = std::size_t(values[v] - row.cells.data());
    BudgetColumn type = index < c.budget_types.size() ? c.budget_types[index] : BudgetColumn::None;
    if (type == BudgetColumn::None || type == BudgetColumn::Label) return std::nullopt;
    assigned[v] = type;
  }
  return assigned;
}

// Each value's column in order of the header's columns (the national template's without one);
// a percentage is the rate wherever it stands, the other cells fill the other columns.
std::vector<BudgetColumn> ordered_columns(const Context& c,
                                          const std::vector<const Cell*>& values) {
  std::vector<BudgetColumn> order;
  for (auto type : c.budget_types)
    if (type != BudgetColumn::None && type != BudgetColumn::Label) order.push_back(type);
  if (order.empty())
    order = {BudgetColumn::Initial, BudgetColumn::Annual, BudgetColumn::Executed,
             BudgetColumn::Weight,  BudgetColumn::Rate,   BudgetColumn::Score};
  std::vector<BudgetColumn> others;
  std::size_t rate_at = order.size();
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i] == BudgetColumn::Rate)
      rate_at = i;
    else
      others.push_back(order[i]);
  }
  const bool has_rate = rate_at < order.size();
  std::vector<BudgetColumn> assigned(values.size(), BudgetColumn::None);
  std::size_t next = 0;
  for (std::size_t v = 0; v < values.size(); ++v) {
    bool percent = key(values[v]->text).ends_with("%");
    // A placeholder standing where the rate is printed ("—" under 执行率) is the rate's.
    if (has_rate && (percent || (values.size() == order.size() && v == rate_at)))
      assigned[v] = BudgetColumn::Rate;
    else if (next < others.size())
      assigned[v] = others[next++];
  }
  return assigned;
}

// One value of the total's row (`source` null) or of a funding source's row into its place.
void store_budget_cell(Context& c, const Cell& cell, BudgetColumn column, model::FundingRow* source,
                       const std::string& base) {
  auto& budget = c.form.budget;
  switch (column) {
  case BudgetColumn::Initial:
    read_amount_cell(c, cell, source ? source->initial : budget.initial, base + ".initial",
                     diag::bilingual("年初预算数", "initial budget"));
    break;
  case BudgetColumn::Annual:
    read_amount_cell(c, cell, source ? source->annual : budget.annual, base + ".annual",
                     diag::bilingual("全年预算数", "annual budget"));
    break;
  case BudgetColumn::Executed:
    read_amount_cell(c, cell, source ? source->executed : budget.executed, base + ".executed",
                     diag::bilingual("全年执行数", "executed amount"));
    break;
  case BudgetColumn::Rate:
    if (!is_placeholder(cell.text)) {
      (source ? source->rate : budget.rate) = cell.text;
      c.locate(base + ".rate", &cell);
    }
    break;
  case BudgetColumn::Weight:
    if (!source)
      read_score_cell(c, cell, budget.weight, "budget.weight", diag::bilingual("分值", "weight"));
    break;
  case BudgetColumn::Score:
    if (!source)
      read_score_cell(c, cell, budget.score, "budget.score", diag::bilingual("得分", "score"));
    break;
  default:
    c.report(DiagId::warn_import_cell_unplaced, c.where(cell), {cell.text});
    break;
  }
}

} // namespace

void budget_row(Context& c, const Row& row) {
  auto filled = row.filled();
  drop_funding_header(c, filled);
  FieldMatch match = match_field(filled[0]->text);
  if (match.field == Field::BudgetReason) return budget_reason_row(c, row, filled, match);
  bool labelled = match.field == Field::FundingTotal || match.field == Field::FundingSource ||
                  match.field == Field::Total;
  if (!labelled && !is_value_cell(filled[0])) return budget_text_row(c, row, filled, match);
  std::vector<const Cell*> values(filled.begin() + (labelled ? 1 : 0), filled.end());
  std::string label_text = filled[0]->text;
  if (labelled && match.rest.empty()) label_text = split_label_figure(c, *filled[0], values);
  std::vector<BudgetColumn> assigned =
      positional_columns(c, row, values).value_or(std::vector<BudgetColumn>{});
  if (assigned.empty() && !values.empty()) assigned = ordered_columns(c, values);
  bool is_source = match.field == Field::FundingSource;
  if (!is_source && c.budget_total_read) {
    c.report(DiagId::warn_import_row_dropped, c.where(row), {quoted_cells(row)});
    return;
  }
  model::FundingRow source;
  std::string base = is_source
                         ? "budget.sources[" + std::to_string(c.form.budget.sources.size()) + "]"
                         : std::string("budget");
  if (is_source) {
    source.label = funding_label(label_text);
    c.locate(base, filled[0]);
    c.locate(base + ".label", filled[0]);
    c.saw_funding_source = true;
  } else {
    c.budget_total_read = true;
    c.locate("budget", labelled ? filled[0] : values.empty() ? filled[0] : values.front());
  }
  for (std::size_t v = 0; v < values.size(); ++v)
    store_budget_cell(c, *values[v], assigned[v], is_source ? &source : nullptr, base);
  auto& budget = c.form.budget;
  if (is_source) budget.sources.push_back(std::move(source));
  if (!is_source && !budget.weight && c.budget_header_points) {
    // The weight printed in the header, not in a 分值 cell (Hubei's "预算执行情况(20分)"): read
    // there, so the checker can hold it against the rule set's (ZP0508).
    budget.weight = c.budget_header_points;
    c.locate("budget.weight", c.budget_header_points_cell);
  }
  c.last_text = nullptr;
}

// A goal label that carries the goal's text: "目标1：保障……", "绩效目标2、改善……".
bool goal_text_in_label(std::string_view text) {
  Label label = classify_label(text);
  if (label.kind != LabelKind::Goal) return false;
  std::string_view trimmed = ziping::text::trim(text);
  for (std::string_view separator : {"：", ":", "、"}) {
    auto at = trimmed.find(separator);
    if (at != std::string_view::npos && at <= 18 &&
        !ziping::text::trim(trimmed.substr(at + separator.size())).empty())
      return true;
  }
  return false;
}

namespace {

GoalColumn goal_type_at(const Context& c, const Row& row, const Cell* cell) {
  std::size_t index = std::size_t(cell - row.cells.data());
  return index < c.goal_types.size() ? c.goal_types[index] : GoalColumn::None;
}

// Each cell's goal column: by position when every cell sits under a goal text column (and
// `positional` allows it), else 年度绩效目标, 实际完成情况, 偏差原因 in order.
std::vector<GoalColumn> goal_columns(const Context& c, const Row& row,
                                     const std::vector<const Cell*>& cells, bool positional) {
  std::vector<GoalColumn> assigned;
  for (const Cell* cell : cells) {
    GoalColumn type = goal_type_at(c, row, cell);
    if (type != GoalColumn::Target && type != GoalColumn::Actual && type != GoalColumn::Reason)
      positional = false;
    assigned.push_back(type);
  }
  if (!positional) {
    static constexpr GoalColumn kOrder[] = {GoalColumn::Target, GoalColumn::Actual,
                                            GoalColumn::Reason};
    for (std::size_t i = 0; i < assigned.size(); ++i)
      assigned[i] = i < 3 ? kOrder[i] : GoalColumn::None;
  }
  return assigned;
}

// The goal's text a column holds, and its name in the row's cells; null for other columns.
std::pair<std::string*, const char*> goal_text(model::Goal& goal, GoalColumn column) {
  switch (column) {
  case GoalColumn::Target:
    return {&goal.target, "target"};
  case GoalColumn::Actual:
    return {&goal.actual, "actual"};
  case GoalColumn::Reason:
    return {&goal.deviation_reason, "deviation_reason"};
  default:
    return {nullptr, ""};
  }
}

// The texts of the 年度总体目标 (project form, national department template).
void overall_goal_row(Context& c, const Row& row, const std::vector<const Cell*>& cells) {
  std::vector<GoalColumn> assigned = goal_columns(c, row, cells, row.positional);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    auto [field, name] = goal_text(c.overall.goal, assigned[i]);
    if (field == nullptr) {
      c.report(DiagId::warn_import_cell_unplaced, c.where(*cells[i]), {cells[i]->text});
      continue;
    }
    set_text(c, *field, "", cells[i], cells[i]->text);
    c.overall.cells[name] = cells[i];
  }
  c.overall_expect_texts = false;
}

// The 序号 a row opens with ("1", or a goal label "目标1"); 0 when it opens with none.
int goal_number_of(const Cell& cell) {
  std::string k = key(cell.text);
  if (!k.empty() && k.size() <= 2 && k.find_first_not_of("0123456789") == std::string::npos)
    return std::stoi(k);
  Label label = classify_label(cell.text);
  return label.kind == LabelKind::Goal ? label.goal_number : 0;
}

// A row without a number: a wrapped line of the goal above (each piece into its own column when
// printed under the columns: the 年度绩效目标 may wrap while the 实际完成情况 beside it starts on
// this line) or of the 年度总体目标; else it is dropped and said so.
void unnumbered_goal_row(Context& c, const Row& row, const std::vector<const Cell*>& cells) {
  if (row.positional && !c.goal_rows.empty() && cells.size() <= 3) {
    GoalRow& above = c.goal_rows.back();
    bool by_column = std::all_of(cells.begin(), cells.end(), [&](const Cell* cell) {
      return goal_text(above.goal, goal_type_at(c, row, cell)).first != nullptr;
    });
    if (by_column) {
      for (const Cell* cell : cells) {
        auto [field, name] = goal_text(above.goal, goal_type_at(c, row, cell));
        if (field->empty()) above.cells[name] = cell;
        append_wrapped(*field, cell->text);
        c.last_text = field;
      }
      c.report(DiagId::note_import_wrapped_joined, c.where(row),
               {diag::bilingual("绩效目标文字", "goal text")});
      return;
    }
  }
  if (c.last_text != nullptr && cells.size() <= 3) {
    for (const Cell* cell : cells) append_wrapped(*c.last_text, cell->text);
    c.report(DiagId::note_import_wrapped_joined, c.where(row),
             {diag::bilingual("绩效目标文字", "goal text")});
    return;
  }
  c.report(DiagId::warn_import_row_dropped, c.where(row), {quoted_cells(row)});
}

// A numbered goal: 序号, then its texts ("目标1：保障……": the number cell is also the goal's
// text, kept as printed).
void numbered_goal_row(Context& c, const Row& row, const std::vector<const Cell*>& cells,
                       int number) {
  const Cell* number_cell = cells.front();
  GoalRow goal;
  goal.goal.number = number;
  goal.row = &row;
  goal.cells["number"] = number_cell;
  bool text_in_label = goal_text_in_label(number_cell->text);
  std::vector<const Cell*> texts(cells.begin() + (text_in_label ? 0 : 1), cells.end());
  bool positional =
      row.positional && goal_type_at(c, row, number_cell) == GoalColumn::Number && !text_in_label;
  std::vector<GoalColumn> assigned = goal_columns(c, row, texts, positional);
  c.goal_rows.push_back(std::move(goal));
  GoalRow& added = c.goal_rows.back();
  c.last_text = nullptr;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto [field, name] = goal_text(added.goal, assigned[i]);
    if (field == nullptr) {
      c.report(DiagId::warn_import_cell_unplaced, c.where(*texts[i]), {texts[i]->text});
      continue;
    }
    if (field->empty()) added.cells[name] = texts[i];
    append_wrapped(*field, texts[i]->text);
    c.last_text = field;
  }
}

} // namespace

void goal_row(Context& c, const Row& row) {
  auto cells = without_section_labels(c, row, true);
  if (cells.empty()) return;
  // "目标1：保障……" opens a numbered goal even under 预期目标 / 实际完成情况: the national
  // template with its goals numbered in their text.
  if (c.overall_expect_texts && goal_text_in_label(cells.front()->text))
    c.overall_expect_texts = false;
  if (c.overall_expect_texts) return overall_goal_row(c, row, cells);
  int number = goal_number_of(*cells.front());
  if (number == 0) return unnumbered_goal_row(c, row, cells);
  numbered_goal_row(c, row, cells, number);
}

namespace {

// The 总分 row: its last two figures are 分值 and 得分 (one figure: the 分值 when it stands under
// that column, else the 得分); a grade word beside them is the grade.
void total_pair(Context& c, const Row& row, const Pair& pair) {
  std::vector<const Cell*> numbers;
  for (const Cell* cell : pair.values) {
    if (score_number(cell->text)) {
      numbers.push_back(cell);
    } else if (!is_placeholder(cell->text)) {
      std::string k = key(cell->text);
      if (k == "优" || k == "良" || k == "中" || k == "差")
        read_grade(c, cell->text, cell);
      else
        c.report(DiagId::warn_import_cell_unplaced, c.where(*cell), {cell->text});
    }
  }
  const Cell* weight = nullptr;
  const Cell* score = nullptr;
  if (numbers.size() >= 2) {
    weight = numbers[numbers.size() - 2];
    score = numbers.back();
  } else if (numbers.size() == 1) {
    std::size_t index = std::size_t(numbers[0] - row.cells.data());
    if (row.positional && c.header.present && int(index) == c.header.index_of(Column::Weight))
      weight = numbers[0];
    else
      score = numbers[0];
  }
  if (weight)
    read_score_cell(c, *weight, c.form.total_weight, "total.weight",
                    diag::bilingual("总分分值", "total weight"));
  if (score)
    read_score_cell(c, *score, c.form.total_score, "total.score",
                    diag::bilingual("总分得分", "total score"));
  if (weight || score) c.locate("total", pair.label);
  c.saw_total = true;
  c.last_text = nullptr;
}

// One labelled field of the closing rows into the form.
void closing_pair(Context& c, const Row& row, const Pair& pair) {
  auto text_field = [&](std::string& field, const char* path, bool ends_text) {
    set_text(c, field, path, pair.value_cell(), pair.text());
    if (ends_text) c.last_text = nullptr;
  };
  switch (pair.field) {
  case Field::Total:
    return total_pair(c, row, pair);
  case Field::Conclusion:
    text_field(c.form.conclusion, "conclusion", false);
    c.saw_conclusion = true;
    return;
  case Field::Grade: {
    std::string value = pair.text();
    if (!value.empty()) read_grade(c, value, pair.value_cell());
    c.last_text = nullptr;
    return;
  }
  case Field::Problems:
    return text_field(c.form.problems, "problems", false);
  case Field::Improvements:
    return text_field(c.form.improvements, "improvements", false);
  case Field::ProjectLeader:
    return text_field(c.form.project_leader, "project_leader", true);
  case Field::FinanceLeader:
    return text_field(c.form.finance_leader, "finance_leader", true);
  default:
    c.last_text = nullptr;
    return;
  }
}

} // namespace

bool try_closing_row(Context& c, const Row& row) {
  auto cells = row.filled();
  FieldMatch match = match_field(cells[0]->text);
  if (match.field == Field::None && cells.size() > 1 && is_section_label(cells[0]))
    match = match_field(cells[1]->text);
  switch (match.field) {
  case Field::Total:
    if (c.section == Section::Budget) return false;
    break;
  case Field::Conclusion:
  case Field::Grade:
  case Field::Problems:
  case Field::Improvements:
  case Field::ProjectLeader:
  case Field::FinanceLeader:
    break;
  case Field::Ignored:
  case Field::Note:
    // Footnotes and signatures are not form content: skipped on purpose, without a diagnostic.
    c.take(row);
    if (c.section == Section::Closing || c.section == Section::Indicators) c.last_text = nullptr;
    return true;
  default:
    return false;
  }
  for (const auto& pair : field_pairs(row)) closing_pair(c, row, pair);
  c.section = Section::Closing;
  return true;
}

void closing_continuation(Context& c, const Row& row) {
  if (c.last_text == nullptr || !row.may_continue_above) {
    c.last_text = nullptr; // what follows a row that ends the text continues nothing either
    c.report(DiagId::warn_import_row_dropped, c.where(row), {quoted_cells(row)});
    return;
  }
  for (const Cell* cell : row.filled()) append_wrapped(*c.last_text, cell->text);
  c.report(DiagId::note_import_wrapped_joined, c.where(row), {diag::bilingual("文字", "text")});
}

} // namespace ziping::io::text::recovery
