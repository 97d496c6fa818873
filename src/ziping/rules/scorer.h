// rules/scorer.h — scoring a declared Form under a RuleSet (DOMAIN.md §4).
//
// Pure: the same form and rules always give the same Evaluation; the Form is never changed.
// Scoring never throws on content: a leaf that cannot be computed keeps its declared score and
// says why. Rounding happens only here, with the rule set's places and mode.
#pragma once

#include "ziping/model/form.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::rules {

// Points beyond points_range.h's limit are left out of every sum and listed in the result.
Evaluation score(const model::Form& form, const RuleSet& rules, Mode mode);

BudgetEvaluation score_budget(const model::Budget& budget, const RuleSet& rules);
// `path` names the leaf in diagnostics ("goals[3].indicators[2]").
LeafEvaluation score_leaf(const model::Indicator& indicator, const RuleSet& rules, Mode mode,
                          const std::string& path);
// The same into `evaluation`, which must be freshly constructed.
void score_leaf_into(const model::Indicator& indicator, const RuleSet& rules, Mode mode,
                     std::string path, LeafEvaluation& evaluation);

// The grade a total earns under the rule set's bands ("" when no band matches).
std::string grade_for(const Decimal& total, const RuleSet& rules);

// A cost indicator: 一级 or 二级 named 成本, or a target measured in money.
bool is_cost_indicator(const model::Indicator& indicator, const value::Value& target);

} // namespace ziping::rules
