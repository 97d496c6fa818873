// Scores budget execution (预算执行率): rate = B / A of 全年预算数, score = round(min(rate, 1) ×
// weight). The score is computed from B and A in one exact division, never from a rounded
// rate, so 19792.2 / 22681.6 gives 8.73 even though the form prints 87.3%.
#include "ziping/rules/display.h"
#include "ziping/rules/scorer.h"

namespace ziping::rules {

BudgetEvaluation score_budget(const model::Budget& budget, const RuleSet& rules) {
  BudgetEvaluation e;
  e.weight = rules.budget_weight;
  if (!budget.annual || !budget.executed) return e;
  const Decimal& a = *budget.annual;
  const Decimal& b = *budget.executed;
  if (a.is_zero() || a.is_negative() || b.is_negative()) return e;
  try {
    e.rate = b.divide(a, 6, num::RoundingMode::HalfUp);
    e.rate_percent = (b * Decimal::from_int(100)).divide(a, 2, num::RoundingMode::HalfUp);
    std::string rate_text = e.rate_percent->to_string_min_places(2) + "%";
    if (rules.budget_cap && b > a) {
      e.score = e.weight;
      e.derivation = plain(b) + " ÷ " + plain(a) + " = " + rate_text + "，超过 100% 按 100% 计 → " +
                     plain(e.weight);
    } else {
      e.score = (b * e.weight).divide(a, rules.places, rules.rounding);
      e.derivation = plain(b) + " ÷ " + plain(a) + " × " + plain(e.weight) + " = " +
                     score_text(*e.score, rules.places) + "（执行率 " + rate_text + "）";
    }
  } catch (const num::DecimalOverflow&) {
    e = BudgetEvaluation{};
    e.weight = rules.budget_weight;
  }
  return e;
}

std::string grade_for(const Decimal& total, const RuleSet& rules) {
  for (const auto& band : rules.grades) {
    if (band.min_inclusive ? total >= band.min : total > band.min) return band.grade;
  }
  return {};
}

} // namespace ziping::rules
