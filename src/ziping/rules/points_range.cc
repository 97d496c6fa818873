#include "ziping/rules/points_range.h"

#include <array>

#include "ziping/model/fields.h"

namespace ziping::rules {
namespace {

using model::FieldId;

// Visits every point of the form (weights, scores, subtotals, totals, 得分系数) with the
// field it is and a function that spells its path; `Form` may be const or not. Paths are
// spelt only for the points that are reported, so the usual form (every point in range)
// costs no string at all.
template <class Form, class Visit> void each_point(Form& form, Visit visit) {
  auto fixed = [](const char* path) { return [path] { return std::string(path); }; };
  visit(form.budget.weight, fixed("budget.weight"), FieldId::BudgetWeight);
  visit(form.budget.score, fixed("budget.score"), FieldId::BudgetScore);
  for (std::size_t g = 0; g < form.goals.size(); ++g) {
    auto& goal = form.goals[g];
    visit(
        goal.weight, [g] { return model::goal_path(g) + ".weight"; }, FieldId::GoalWeight);
    visit(
        goal.score, [g] { return model::goal_path(g) + ".score"; }, FieldId::GoalScore);
    for (std::size_t i = 0; i < goal.indicators.size(); ++i) {
      auto& indicator = goal.indicators[i];
      auto under = [g, i](const char* field) {
        return [g, i, field] { return model::indicator_path(g, i) + field; };
      };
      visit(indicator.weight, under(".weight"), FieldId::Weight);
      visit(indicator.score, under(".score"), FieldId::Score);
      visit(indicator.score_coefficient, under(".score_coefficient"), FieldId::ScoreCoefficient);
    }
  }
  visit(form.total_weight, fixed("total.weight"), FieldId::TotalWeight);
  visit(form.total_score, fixed("total.score"), FieldId::TotalScore);
}

} // namespace

bool points_in_range(const num::Decimal& value) {
  // |coefficient| < 10^(kPointsLimitDigits + scale), asked without building the bound as a
  // Decimal: a coefficient is below 2^127 < 10^39, so from that exponent on it always holds.
  using Coefficient = num::Decimal::Coefficient;
  static constexpr auto kPowers = [] {
    std::array<Coefficient, 39> powers{};
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
    return powers;
  }();
  Coefficient coefficient = value.coefficient();
  // The usual point: below the smallest bound (scale 0) whatever its scale.
  constexpr Coefficient kLeast = kPowers[kPointsLimitDigits];
  if (coefficient < kLeast && coefficient > -kLeast) return true;
  int exponent = kPointsLimitDigits + value.scale();
  if (exponent >= 39) return true;
  Coefficient bound = kPowers[std::size_t(exponent)];
  return coefficient < bound && coefficient > -bound;
}

namespace {
bool in_range(const std::optional<num::Decimal>& value) {
  return !value || points_in_range(*value);
}
} // namespace

bool points_in_range(const model::Indicator& indicator) {
  return in_range(indicator.weight) && in_range(indicator.score) &&
         in_range(indicator.score_coefficient);
}

model::Indicator with_points_in_range(const model::Indicator& indicator) {
  model::Indicator bounded = indicator;
  for (auto* point : {&bounded.weight, &bounded.score, &bounded.score_coefficient})
    if (!in_range(*point)) point->reset();
  return bounded;
}

std::vector<PointsOutOfRange> points_out_of_range(const model::Form& form) {
  std::vector<PointsOutOfRange> found;
  each_point(form, [&](const std::optional<num::Decimal>& value, auto&& path, FieldId field) {
    if (in_range(value)) return;
    found.push_back(PointsOutOfRange{path(), std::string(model::field(field).column), *value});
  });
  return found;
}

std::optional<model::Form> without_points_out_of_range(const model::Form& form,
                                                       std::vector<PointsOutOfRange>& cleared) {
  bool any = false;
  each_point(form, [&](const std::optional<num::Decimal>& value, auto&&, FieldId) {
    any = any || (value && !points_in_range(*value));
  });
  if (!any) return std::nullopt;
  model::Form bounded = form;
  each_point(bounded, [&](std::optional<num::Decimal>& value, auto&& path, FieldId field) {
    if (!value || points_in_range(*value)) return;
    cleared.push_back(PointsOutOfRange{path(), std::string(model::field(field).column), *value});
    value.reset();
  });
  return bounded;
}

} // namespace ziping::rules
