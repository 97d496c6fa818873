// Explanations: a score below its weight without 偏差原因分析, and budget execution below the
// rule set's threshold without one. Large deviations are judged in judgement.cc, which knows
// whether points were deducted.
#include "ziping/check/context.h"
#include "ziping/rules/display.h"
#include "ziping/text/utf8.h"

namespace ziping::check {

using diag::DiagId;
using rules::plain;

void check_explanations(const CheckContext& c) {
  c.each_leaf([&](const model::Indicator&, const rules::LeafEvaluation& leaf) {
    if (leaf.large_deviation || leaf.reason_given || !leaf.score || !leaf.weight) return;
    if (*leaf.score < *leaf.weight && !leaf.score->is_negative()) {
      c.emit_leaf(DiagId::warn_reason_missing, leaf, ".deviation_reason",
                  {plain(*leaf.score), plain(*leaf.weight)});
    }
  });
  const auto& budget = c.evaluation.budget;
  const auto& below = c.rules.budget_reason_below;
  if (budget.rate && below && *budget.rate < *below &&
      text::trim(c.form.budget.deviation_reason).empty()) {
    c.emit(DiagId::warn_execution_reason_missing, "budget.deviation_reason",
           {rules::percent_text(*budget.rate), rules::share_text(*below)});
  }
}

} // namespace ziping::check
