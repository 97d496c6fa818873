// Reads ziping's CSV form and hand-made CSV tables: the header row is the first row with a
// 三级指标 column (title lines above it are skipped); columns are found by header, our own
// names first, then the synonyms of sheet::indicator_headers() and label_headers().
#include <map>
#include <set>

#include "ziping/io/csv/columns.h"
#include "ziping/io/csv/csv_columns.h"
#include "ziping/io/csv/csv_form.h"
#include "ziping/io/csv/csv_table.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::csv {
namespace {

using diag::DiagId;
using num::Decimal;

constexpr std::size_t kMaxDiagnostics = 100;

std::optional<Column> synonym_column(sheet::Field field) {
  using F = sheet::Field;
  switch (field) {
  case F::GoalLabel:
    return Column::GoalLabel;
  case F::GoalNumber:
    return Column::GoalNumber;
  case F::Level1:
    return Column::Level1;
  case F::Level2:
    return Column::Level2;
  case F::Name:
    return Column::Name;
  case F::Nature:
    return Column::Nature;
  case F::Unit:
    return Column::Unit;
  case F::Target:
    return Column::Target;
  case F::AdjustedTarget:
    return Column::AdjustedTarget;
  case F::Actual:
    return Column::Actual;
  case F::Weight:
    return Column::Weight;
  case F::ScoreCoefficient:
    return Column::ScoreCoefficient;
  case F::Score:
    return Column::Score;
  case F::Core:
    return Column::Core;
  case F::ScoringStandard:
    return Column::ScoringStandard;
  case F::Reason:
    return Column::Reason;
  case F::Department:
    return Column::Department;
  case F::Project:
    return Column::Project;
  case F::ImplementingUnit:
    return Column::ImplementingUnit;
  case F::Year:
    return Column::Year;
  case F::Grade:
    return Column::Grade;
  case F::Conclusion:
    return Column::Conclusion;
  case F::Problems:
    return Column::Problems;
  case F::Improvements:
    return Column::Improvements;
  case F::ProjectLeader:
    return Column::ProjectLeader;
  case F::FinanceLeader:
    return Column::FinanceLeader;
  default:
    return std::nullopt;
  }
}

std::string field_label(Column column) {
  for (const auto& name : csv_columns())
    if (name.column == column) return std::string(name.header);
  return "数值";
}

// ="…" is how a text that starts with = is kept from Excel's formula engine.
std::string unshielded(const std::string& text) {
  if (text.size() < 3 || !text.starts_with("=\"") || text.back() != '"') return text;
  std::string inner = text.substr(2, text.size() - 3);
  std::string out;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '"') {
      if (i + 1 < inner.size() && inner[i + 1] == '"') {
        out += '"';
        ++i;
        continue;
      }
      return text; // not the form we write
    }
    out += inner[i];
  }
  return out;
}

struct SourceColumns {
  int label = -1, initial = -1, annual = -1, executed = -1, rate = -1;
};

class Reader {
public:
  Reader(const Table& table, const std::string& file, model::ReadResult& result)
      : table_(table), file_(file), result_(result) {}

  void report(DiagId id, const Field* at, std::vector<std::string> args = {}) {
    if (reported_ == kMaxDiagnostics) {
      auto d = diag::make(DiagId::err_too_many_errors, "", {std::to_string(kMaxDiagnostics)});
      d.where.file = file_;
      result_.diagnostics.push_back(std::move(d));
    }
    if (reported_++ >= kMaxDiagnostics) return;
    auto d = diag::make(id, "", std::move(args));
    d.where = at ? diag::SourceLocation::text(file_, at->line, at->column) : diag::SourceLocation{};
    if (!at) d.where.file = file_;
    result_.diagnostics.push_back(std::move(d));
  }

  std::optional<model::Form> read(std::optional<model::FormKind> kind) {
    std::size_t header = table_.rows.size();
    for (std::size_t r = 0; r < table_.rows.size() && header == table_.rows.size(); ++r)
      for (const auto& field : table_.rows[r])
        if (sheet::match_header(sheet::fold_header(field.text), sheet::indicator_headers()) ==
            sheet::Field::Name)
          header = r;
    if (header == table_.rows.size()) {
      report(DiagId::err_csv_no_header,
             table_.rows.empty() || table_.rows[0].empty() ? nullptr : &table_.rows[0][0]);
      return std::nullopt;
    }
    map_columns(table_.rows[header]);
    header_size_ = table_.rows[header].size();
    model::Form form;
    bool first = true;
    for (std::size_t r = header + 1; r < table_.rows.size(); ++r) {
      const Row& row = table_.rows[r];
      bool empty = true;
      for (const auto& field : row)
        if (!text::trim(field.text).empty()) empty = false;
      if (empty) continue;
      if (row.size() != header_size_ && !ragged_reported_) {
        report(DiagId::warn_csv_ragged_row, &row[0],
               {std::to_string(row.size()), std::to_string(header_size_)});
        ragged_reported_ = true;
      }
      row_ = &row;
      if (first) {
        form_fields(form, kind);
        first = false;
      } else {
        compare_form_fields();
      }
      // A goal is the run of rows that give the same goal (number, texts, subtotals as read):
      // what the writer repeats on each row of a goal reads back as one goal.
      model::Goal here = goal_of_row();
      bool goal_columns_empty = !here.number && here.target.empty() && here.actual.empty() &&
                                here.deviation_reason.empty() && !here.weight && !here.score &&
                                raw(Column::GoalNumber).empty() && raw(Column::GoalLabel).empty() &&
                                raw(Column::GoalTarget).empty(); // ="" names an empty goal
      bool leaf = false;
      for (Column c : {Column::Level1, Column::Level2, Column::Name, Column::Nature, Column::Unit,
                       Column::Target, Column::AdjustedTarget, Column::Actual, Column::Weight,
                       Column::ScoreCoefficient, Column::Score, Column::Core,
                       Column::ScoringStandard, Column::Reason})
        if (!raw(c).empty()) leaf = true;
      if (form.goals.empty() || !same_goal(form.goals.back(), here)) {
        if (!leaf && goal_columns_empty) continue; // the row of a form without goals
        start_goal(form);
      }
      if (leaf) read_leaf(form);
    }
    if (first) { // a header without rows: the form's columns are empty
      static const Row kNoFields;
      row_ = &kNoFields;
      form_fields(form, kind);
    }
    return form;
  }

private:
  void map_columns(const Row& header) {
    std::vector<std::pair<std::string, Column>> ours;
    for (const auto& name : csv_columns())
      ours.emplace_back(sheet::fold_header(name.header), name.column);
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string folded = sheet::fold_header(header[i].text);
      if (folded.empty()) continue;
      std::optional<Column> column;
      for (const auto& [name, c] : ours)
        if (folded == name) column = c;
      if (!column && folded.starts_with(kSourcePrefix)) {
        std::string rest = folded.substr(kSourcePrefix.size());
        std::size_t digits = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
        if (digits > 0 && digits < 4) {
          int number = std::stoi(rest.substr(0, digits));
          std::string suffix = rest.substr(digits);
          auto& source = sources_[number];
          int index = int(i);
          if (suffix.empty())
            source.label = index;
          else if (suffix == kSourceFields[1])
            source.initial = index;
          else if (suffix == kSourceFields[2])
            source.annual = index;
          else if (suffix == kSourceFields[3])
            source.executed = index;
          else if (suffix == kSourceFields[4])
            source.rate = index;
          continue;
        }
      }
      if (!column) {
        auto field = sheet::match_header(folded, sheet::indicator_headers());
        if (field == sheet::Field::RowNumber) continue; // a row count: nothing to keep
        if (field)
          column = synonym_column(*field);
        else if (auto label = sheet::match_header(folded, sheet::label_headers()))
          column = synonym_column(*label);
      }
      if (!column) {
        std::string suggestion = sheet::suggest_header(folded, sheet::indicator_headers());
        report(DiagId::warn_sheet_unknown_column, &header[i],
               {header[i].text, suggestion.empty()
                                    ? std::string()
                                    : diag::bilingual("（是否应为「" + suggestion + "」？）",
                                                      " (did you mean " + suggestion + "?)")});
        continue;
      }
      if (columns_.count(*column)) {
        report(DiagId::warn_sheet_duplicate_column, &header[i], {header[i].text});
        continue;
      }
      columns_[*column] = i;
    }
    for (auto [column, name] : {std::pair{Column::Target, "年度指标值"},
                                {Column::Actual, "实际完成值"},
                                {Column::Weight, "分值"},
                                {Column::Score, "得分"}})
      if (!columns_.count(column)) report(DiagId::err_sheet_missing_column, &header[0], {name});
  }

  const Field* cell(Column column) const {
    auto found = columns_.find(column);
    if (found == columns_.end() || found->second >= row_->size()) return nullptr;
    return &(*row_)[found->second];
  }
  const Field* cell_at(int index) const {
    if (index < 0 || std::size_t(index) >= row_->size()) return nullptr;
    return &(*row_)[std::size_t(index)];
  }
  std::string raw(Column column) const {
    const Field* field = cell(column);
    return field ? field->text : std::string();
  }
  void locate(const std::string& path, const Field* field) {
    if (field) result_.map.set(path, diag::SourceLocation::text(file_, field->line, field->column));
  }
  std::string text(Column column, const std::string& path) {
    const Field* field = cell(column);
    locate(path, field);
    return field ? unshielded(field->text) : std::string();
  }
  std::optional<Decimal> number_at(const Field* field, const std::string& path,
                                   const std::string& label) {
    locate(path, field);
    if (!field) return std::nullopt;
    std::optional<Decimal> value;
    if (sheet::parse_number_text(field->text, value) == sheet::NumberText::NotANumber) {
      report(DiagId::err_sheet_not_a_number, field, {label, field->text});
      return std::nullopt;
    }
    return value;
  }
  std::optional<Decimal> number(Column column, const std::string& path) {
    return number_at(cell(column), path, field_label(column));
  }

  void form_fields(model::Form& form, std::optional<model::FormKind> kind) {
    if (!row_->empty()) result_.map.set("", diag::SourceLocation::text(file_, (*row_)[0].line, 1));
    std::string kind_text = std::string(text::trim(value::fold(text(Column::Kind, "kind"))));
    if (kind_text.find("项目") != std::string::npos || kind_text == "project") {
      form.kind = model::FormKind::Project;
    } else if (kind_text.find("部门") != std::string::npos ||
               kind_text.find("整体") != std::string::npos || kind_text == "department") {
      form.kind = model::FormKind::Department;
    } else if (!kind_text.empty()) {
      report(DiagId::err_csv_bad_kind, cell(Column::Kind), {kind_text});
    } else if (kind) {
      form.kind = *kind;
    } else if (columns_.count(Column::Project) && !raw(Column::Project).empty()) {
      form.kind = model::FormKind::Project;
    } else if (!columns_.count(Column::GoalNumber) && !columns_.count(Column::GoalLabel)) {
      report(DiagId::warn_sheet_kind_unknown, nullptr,
             {diag::bilingual("部门整体支出绩效自评表", "a department form")});
    }
    form.title = text(Column::Title, "title");
    if (const Field* year = cell(Column::Year); year && !text::trim(year->text).empty()) {
      locate("year", year);
      form.year = sheet::number_in(year->text);
      if (!form.year) report(DiagId::err_sheet_not_a_number, year, {"年度", year->text});
    }
    form.department = text(Column::Department, "department");
    form.project = text(Column::Project, "project");
    form.implementing_unit = text(Column::ImplementingUnit, "implementing_unit");
    if (columns_.count(Column::MoneyUnit)) form.money_unit = text(Column::MoneyUnit, "money_unit");
    auto& b = form.budget;
    b.initial = number(Column::BudgetInitial, "budget.initial");
    b.annual = number(Column::BudgetAnnual, "budget.annual");
    b.executed = number(Column::BudgetExecuted, "budget.executed");
    b.weight = number(Column::BudgetWeight, "budget.weight");
    b.score = number(Column::BudgetScore, "budget.score");
    b.rate = text(Column::BudgetRate, "budget.rate");
    b.deviation_reason = text(Column::BudgetReason, "budget.deviation_reason");
    for (const auto& [number_, source_columns] : sources_) {
      std::string path = "budget.sources[" + std::to_string(b.sources.size()) + "]";
      model::FundingRow source;
      const Field* label = cell_at(source_columns.label);
      locate(path, label);
      locate(path + ".label", label);
      source.label = label ? unshielded(label->text) : "";
      source.initial = number_at(cell_at(source_columns.initial), path + ".initial", "年初预算数");
      source.annual = number_at(cell_at(source_columns.annual), path + ".annual", "全年预算数");
      source.executed =
          number_at(cell_at(source_columns.executed), path + ".executed", "全年执行数");
      const Field* rate = cell_at(source_columns.rate);
      locate(path + ".rate", rate);
      source.rate = rate ? unshielded(rate->text) : "";
      b.sources.push_back(std::move(source));
    }
    form.total_weight = number(Column::TotalWeight, "total.weight");
    form.total_score = number(Column::TotalScore, "total.score");
    form.grade = text(Column::Grade, "grade");
    form.conclusion = text(Column::Conclusion, "conclusion");
    form.problems = text(Column::Problems, "problems");
    form.improvements = text(Column::Improvements, "improvements");
    form.project_leader = text(Column::ProjectLeader, "project_leader");
    form.finance_leader = text(Column::FinanceLeader, "finance_leader");
    for (const auto& name : csv_columns()) {
      if (name.column < Column::Kind || name.column == Column::GoalLabel) continue;
      if (const Field* field = cell(name.column)) first_row_[name.column] = field->text;
    }
  }

  void compare_form_fields() {
    for (const auto& [column, first] : first_row_) {
      const Field* field = cell(column);
      std::string value = field ? field->text : "";
      if (value != first && !differing_.count(column)) {
        differing_.insert(column);
        report(DiagId::warn_csv_differing_form_field, field ? field : &(*row_)[0],
               {field_label(column), value, first});
      }
    }
  }

  static bool same_number(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
    return a.has_value() == b.has_value() && (!a || a->to_string() == b->to_string());
  }
  static bool same_goal(const model::Goal& a, const model::Goal& b) {
    return a.number == b.number && a.target == b.target && a.actual == b.actual &&
           a.deviation_reason == b.deviation_reason && same_number(a.weight, b.weight) &&
           same_number(a.score, b.score);
  }
  // The goal this row names, read quietly (start_goal reads it again with locations).
  model::Goal goal_of_row() const {
    model::Goal goal;
    goal.number = goal_number();
    auto quiet_text = [&](Column c) {
      const Field* field = cell(c);
      return field ? unshielded(field->text) : std::string();
    };
    auto quiet_number = [&](Column c) -> std::optional<Decimal> {
      const Field* field = cell(c);
      std::optional<Decimal> value;
      if (field && sheet::parse_number_text(field->text, value) == sheet::NumberText::Number)
        return value;
      return std::nullopt;
    };
    goal.target = quiet_text(Column::GoalTarget);
    goal.actual = quiet_text(Column::GoalActual);
    goal.deviation_reason = quiet_text(Column::GoalReason);
    goal.weight = quiet_number(Column::GoalWeight);
    goal.score = quiet_number(Column::GoalScore);
    return goal;
  }

  std::optional<int> goal_number() const {
    if (const Field* number = cell(Column::GoalNumber);
        number && !text::trim(number->text).empty()) {
      std::optional<Decimal> value;
      if (sheet::parse_number_text(number->text, value) == sheet::NumberText::Number && value &&
          value->normalized().scale() == 0 && !value->is_negative() &&
          *value < Decimal::from_int(1000000000))
        return int((long long)value->normalized().coefficient());
      return sheet::number_in(number->text);
    }
    if (const Field* label = cell(Column::GoalLabel); label && !text::trim(label->text).empty())
      return sheet::number_in(label->text);
    return std::nullopt;
  }

  void start_goal(model::Form& form) {
    std::size_t g = form.goals.size();
    std::string path = model::goal_path(g);
    model::Goal goal;
    goal.number = goal_number();
    if (const Field* number = cell(Column::GoalNumber); number && !text::trim(number->text).empty())
      locate(path + ".number", number);
    else if (const Field* label = cell(Column::GoalLabel);
             label && !text::trim(label->text).empty())
      locate(path + ".number", label);
    locate(path, &(*row_)[0]);
    goal.target = text(Column::GoalTarget, path + ".target");
    goal.actual = text(Column::GoalActual, path + ".actual");
    goal.deviation_reason = text(Column::GoalReason, path + ".deviation_reason");
    goal.weight = number(Column::GoalWeight, path + ".weight");
    goal.score = number(Column::GoalScore, path + ".score");
    form.goals.push_back(std::move(goal));
  }

  void read_leaf(model::Form& form) {
    std::size_t g = form.goals.size() - 1;
    auto& goal = form.goals[g];
    std::string path = model::indicator_path(g, goal.indicators.size());
    model::Indicator leaf;
    locate(path, cell(Column::Name) ? cell(Column::Name) : &(*row_)[0]);
    leaf.level1 = text(Column::Level1, path + ".level1");
    leaf.level2 = text(Column::Level2, path + ".level2");
    leaf.name = text(Column::Name, path + ".name");
    leaf.target = text(Column::Target, path + ".target");
    leaf.actual = text(Column::Actual, path + ".actual");
    leaf.weight = number(Column::Weight, path + ".weight");
    leaf.score = number(Column::Score, path + ".score");
    leaf.deviation_reason = text(Column::Reason, path + ".deviation_reason");
    leaf.adjusted_target = text(Column::AdjustedTarget, path + ".adjusted_target");
    leaf.nature = text(Column::Nature, path + ".nature");
    leaf.unit = text(Column::Unit, path + ".unit");
    leaf.score_coefficient = number(Column::ScoreCoefficient, path + ".score_coefficient");
    leaf.scoring_standard = text(Column::ScoringStandard, path + ".scoring_standard");
    if (const Field* core = cell(Column::Core)) {
      locate(path + ".core", core);
      std::string flag = std::string(text::trim(value::fold(core->text)));
      if (flag == "是" || flag == "√" || flag == "Y" || flag == "TRUE" || flag == "true")
        leaf.core = true;
      else if (flag == "否" || flag == "×" || flag == "N" || flag == "FALSE" || flag == "false")
        leaf.core = false;
      else if (!flag.empty())
        report(DiagId::warn_sheet_not_a_flag, core, {"是否核心指标", flag});
    }
    goal.indicators.push_back(std::move(leaf));
  }

  const Table& table_;
  const std::string& file_;
  model::ReadResult& result_;
  std::map<Column, std::size_t> columns_;
  std::map<int, SourceColumns> sources_;
  std::map<Column, std::string> first_row_;
  std::set<Column> differing_;
  const Row* row_ = nullptr;
  std::size_t header_size_ = 0;
  bool ragged_reported_ = false;
  std::size_t reported_ = 0;
};

} // namespace

model::ReadResult read_csv(std::string_view bytes, const std::string& file_name,
                           std::optional<model::FormKind> kind) {
  model::ReadResult result;
  result.map.set_file(file_name);
  auto table = read_table(bytes, file_name);
  result.diagnostics = std::move(table.diagnostics);
  if (!table.table) return result;
  Reader reader(*table.table, file_name, result);
  result.form = reader.read(kind);
  return result;
}

} // namespace ziping::io::csv
