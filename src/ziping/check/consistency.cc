// Consistency warnings of the 一体化 system (DOMAIN.md §4): budget execution below 80%, and
// indicator achievement outrunning budget execution by more than 5% relative:
// (S/S_max − E/E_max) / (S/S_max) > 0.05.
#include "ziping/check/context.h"
#include "ziping/rules/display.h"

namespace ziping::check {

using diag::DiagId;
using num::Decimal;
using num::RoundingMode;

void check_consistency(const CheckContext& c) {
  const auto& budget = c.evaluation.budget;
  if (!budget.rate || !budget.score) return;
  if (c.rules.execution_warn_below && *budget.rate < *c.rules.execution_warn_below) {
    c.emit(DiagId::warn_execution_below_threshold, "budget.executed",
           {rules::percent_text(*budget.rate), rules::share_text(*c.rules.execution_warn_below)});
  }
  const Decimal& s = c.evaluation.indicator_score;
  const Decimal& s_max = c.evaluation.indicator_weight;
  if (!c.rules.outrun_relative || !(Decimal() < s) || !(Decimal() < s_max) ||
      !(Decimal() < budget.weight)) {
    return;
  }
  Decimal achievement = s.divide(s_max, 10, RoundingMode::HalfUp);
  Decimal execution = budget.score->divide(budget.weight, 10, RoundingMode::HalfUp);
  Decimal relative = (achievement - execution).divide(achievement, 10, RoundingMode::HalfUp);
  if (relative > *c.rules.outrun_relative) {
    c.emit(DiagId::warn_performance_outruns_execution, "total.score",
           {rules::percent_text(achievement), rules::percent_text(execution),
            rules::percent_text(relative), rules::share_text(*c.rules.outrun_relative)});
  }
}

} // namespace ziping::check
