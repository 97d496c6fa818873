#include "ziping/rules/points_range.h"

#include "ziping/model/fields.h"

namespace ziping::rules {
namespace {

using model::FieldId;

const num::Decimal& points_limit() {
  static const num::Decimal limit = num::Decimal::of("1" + std::string(kPointsLimitDigits, '0'));
  return limit;
}

// Visits every point of the form (weights, scores, subtotals, totals, 得分系数) with its path
// and the field it is; `Form` may be const or not.
template <class Form, class Visit> void each_point(Form& form, Visit visit) {
  auto header = [](FieldId id) { return std::string(model::field(id).column); };
  visit(form.budget.weight, "budget.weight", header(FieldId::BudgetWeight));
  visit(form.budget.score, "budget.score", header(FieldId::BudgetScore));
  for (std::size_t g = 0; g < form.goals.size(); ++g) {
    auto& goal = form.goals[g];
    visit(goal.weight, model::goal_path(g) + ".weight", header(FieldId::GoalWeight));
    visit(goal.score, model::goal_path(g) + ".score", header(FieldId::GoalScore));
    for (std::size_t i = 0; i < goal.indicators.size(); ++i) {
      auto& indicator = goal.indicators[i];
      std::string path = model::indicator_path(g, i);
      visit(indicator.weight, path + ".weight", header(FieldId::Weight));
      visit(indicator.score, path + ".score", header(FieldId::Score));
      visit(indicator.score_coefficient, path + ".score_coefficient",
            header(FieldId::ScoreCoefficient));
    }
  }
  visit(form.total_weight, "total.weight", header(FieldId::TotalWeight));
  visit(form.total_score, "total.score", header(FieldId::TotalScore));
}

} // namespace

bool points_in_range(const num::Decimal& value) {
  // Compared on the integer part so that no comparison itself needs to align 46 digits.
  return value.abs().rounded(0, num::RoundingMode::Down) < points_limit();
}

std::optional<model::Form> without_points_out_of_range(const model::Form& form,
                                                       std::vector<PointsOutOfRange>& cleared) {
  bool any = false;
  each_point(form, [&](const std::optional<num::Decimal>& value, const std::string&,
                       const std::string&) { any = any || (value && !points_in_range(*value)); });
  if (!any) return std::nullopt;
  model::Form bounded = form;
  each_point(bounded, [&](std::optional<num::Decimal>& value, std::string path, std::string field) {
    if (!value || points_in_range(*value)) return;
    cleared.push_back(PointsOutOfRange{std::move(path), std::move(field), *value});
    value.reset();
  });
  return bounded;
}

} // namespace ziping::rules
