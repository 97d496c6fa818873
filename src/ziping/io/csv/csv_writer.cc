#include <string>
#include <vector>

#include "ziping/io/csv/csv_columns.h"
#include "ziping/io/csv/csv_form.h"

namespace ziping::io::csv {
namespace {

using model::Form;

std::string quoted(const std::string& field) {
  bool needs = field.find_first_of(",\"\r\n") != std::string::npos || field.starts_with(' ') ||
               field.ends_with(' ') || field.starts_with('\t');
  if (!needs) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Excel computes a cell that starts with = + or @; ="…" makes it show the text instead.
std::string shielded(const std::string& text) {
  if (text.empty() || (text[0] != '=' && text[0] != '+' && text[0] != '@')) return text;
  std::string out = "=\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(const std::optional<num::Decimal>& value) {
  return value ? value->to_string() : std::string();
}

} // namespace

std::string write_csv(const Form& form) {
  bool used[64] = {};
  for (const auto& goal : form.goals)
    for (const auto& leaf : goal.indicators) {
      used[int(Column::Nature)] |= !leaf.nature.empty();
      used[int(Column::Unit)] |= !leaf.unit.empty();
      used[int(Column::AdjustedTarget)] |= !leaf.adjusted_target.empty();
      used[int(Column::ScoreCoefficient)] |= leaf.score_coefficient.has_value();
      used[int(Column::Core)] |= leaf.core.has_value();
      used[int(Column::ScoringStandard)] |= !leaf.scoring_standard.empty();
    }
  used[int(Column::Problems)] = !form.problems.empty();
  used[int(Column::Improvements)] = !form.improvements.empty();
  used[int(Column::ProjectLeader)] = !form.project_leader.empty();
  used[int(Column::FinanceLeader)] = !form.finance_leader.empty();
  std::vector<Column> columns;
  std::string out = "\xEF\xBB\xBF";
  std::string line;
  for (const auto& name : csv_columns()) {
    if (name.optional && !used[int(name.column)]) continue;
    columns.push_back(name.column);
    line += (line.empty() ? "" : ",") + quoted(std::string(name.header));
  }
  for (std::size_t s = 1; s <= form.budget.sources.size(); ++s)
    for (auto suffix : kSourceFields)
      line += "," + std::string(kSourcePrefix) + std::to_string(s) + std::string(suffix);
  out += line + "\r\n";

  auto row = [&](const model::Goal* goal, const model::Indicator* leaf) {
    // A row whose indicator (or goal) columns would all be empty still names one: its name
    // (or goal text) is written ="" — empty on screen, present for the reader.
    bool empty_leaf = leaf && leaf->level1.empty() && leaf->level2.empty() && leaf->name.empty() &&
                      leaf->nature.empty() && leaf->unit.empty() && leaf->target.empty() &&
                      leaf->adjusted_target.empty() && leaf->actual.empty() && !leaf->weight &&
                      !leaf->score_coefficient && !leaf->score && !leaf->core &&
                      leaf->scoring_standard.empty() && leaf->deviation_reason.empty();
    bool empty_goal = goal && !leaf && !goal->number && goal->target.empty() &&
                      goal->actual.empty() && goal->deviation_reason.empty() && !goal->weight &&
                      !goal->score;
    std::string text;
    bool first = true;
    for (Column column : columns) {
      std::string value;
      switch (column) {
      case Column::GoalNumber:
        value = goal && goal->number ? std::to_string(*goal->number) : "";
        break;
      case Column::Level1:
        value = leaf ? shielded(leaf->level1) : "";
        break;
      case Column::Level2:
        value = leaf ? shielded(leaf->level2) : "";
        break;
      case Column::Name:
        value = empty_leaf ? "=\"\"" : leaf ? shielded(leaf->name) : "";
        break;
      case Column::Nature:
        value = leaf ? shielded(leaf->nature) : "";
        break;
      case Column::Unit:
        value = leaf ? shielded(leaf->unit) : "";
        break;
      case Column::Target:
        value = leaf ? shielded(leaf->target) : "";
        break;
      case Column::AdjustedTarget:
        value = leaf ? shielded(leaf->adjusted_target) : "";
        break;
      case Column::Actual:
        value = leaf ? shielded(leaf->actual) : "";
        break;
      case Column::Weight:
        value = leaf ? number(leaf->weight) : "";
        break;
      case Column::ScoreCoefficient:
        value = leaf ? number(leaf->score_coefficient) : "";
        break;
      case Column::Score:
        value = leaf ? number(leaf->score) : "";
        break;
      case Column::Core:
        value = leaf && leaf->core ? (*leaf->core ? "是" : "否") : "";
        break;
      case Column::ScoringStandard:
        value = leaf ? shielded(leaf->scoring_standard) : "";
        break;
      case Column::Reason:
        value = leaf ? shielded(leaf->deviation_reason) : "";
        break;
      case Column::GoalTarget:
        value = empty_goal ? "=\"\"" : goal ? shielded(goal->target) : "";
        break;
      case Column::GoalActual:
        value = goal ? shielded(goal->actual) : "";
        break;
      case Column::GoalReason:
        value = goal ? shielded(goal->deviation_reason) : "";
        break;
      case Column::GoalWeight:
        value = goal ? number(goal->weight) : "";
        break;
      case Column::GoalScore:
        value = goal ? number(goal->score) : "";
        break;
      case Column::Kind:
        value = form.kind == model::FormKind::Project ? "项目" : "部门整体";
        break;
      case Column::Title:
        value = shielded(form.title);
        break;
      case Column::Year:
        value = form.year ? std::to_string(*form.year) : "";
        break;
      case Column::Department:
        value = shielded(form.department);
        break;
      case Column::Project:
        value = shielded(form.project);
        break;
      case Column::ImplementingUnit:
        value = shielded(form.implementing_unit);
        break;
      case Column::MoneyUnit:
        value = shielded(form.money_unit);
        break;
      case Column::BudgetInitial:
        value = number(form.budget.initial);
        break;
      case Column::BudgetAnnual:
        value = number(form.budget.annual);
        break;
      case Column::BudgetExecuted:
        value = number(form.budget.executed);
        break;
      case Column::BudgetWeight:
        value = number(form.budget.weight);
        break;
      case Column::BudgetScore:
        value = number(form.budget.score);
        break;
      case Column::BudgetRate:
        value = shielded(form.budget.rate);
        break;
      case Column::BudgetReason:
        value = shielded(form.budget.deviation_reason);
        break;
      case Column::TotalWeight:
        value = number(form.total_weight);
        break;
      case Column::TotalScore:
        value = number(form.total_score);
        break;
      case Column::Grade:
        value = shielded(form.grade);
        break;
      case Column::Conclusion:
        value = shielded(form.conclusion);
        break;
      case Column::Problems:
        value = shielded(form.problems);
        break;
      case Column::Improvements:
        value = shielded(form.improvements);
        break;
      case Column::ProjectLeader:
        value = shielded(form.project_leader);
        break;
      case Column::FinanceLeader:
        value = shielded(form.finance_leader);
        break;
      case Column::GoalLabel:
        break;
      }
      text += (first ? "" : ",") + quoted(value);
      first = false;
    }
    for (const auto& source : form.budget.sources) {
      text += "," + quoted(shielded(source.label)) + "," + number(source.initial) + "," +
              number(source.annual) + "," + number(source.executed) + "," +
              quoted(shielded(source.rate));
    }
    out += text + "\r\n";
  };
  if (form.goals.empty()) row(nullptr, nullptr);
  for (const auto& goal : form.goals) {
    if (goal.indicators.empty()) row(&goal, nullptr);
    for (const auto& leaf : goal.indicators) row(&goal, &leaf);
  }
  return out;
}

} // namespace ziping::io::csv
