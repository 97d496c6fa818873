// check/check.h — the checker: every finding about a scored form, as diagnostics that point
// at the node to fix. One family per file (structure, arithmetic, budget, explanations,
// judgement of declared scores, plausibility, consistency, values).
//
// Checks read the Form, its Evaluation and the RuleSet; they never change any of them and
// never throw on content. Severities come from the catalogue unless the rule set overrides
// them ([severity] in the rule file).
#pragma once

#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::check {

// Scoring plus checking: what the CLI and the server do with every form.
struct Assessment {
  rules::Evaluation evaluation;
  std::vector<diag::Diagnostic> diagnostics;
};
Assessment assess(const model::Form& form, const rules::RuleSet& rules, rules::Mode mode);

std::vector<diag::Diagnostic> check_form(const model::Form& form,
                                         const rules::Evaluation& evaluation,
                                         const rules::RuleSet& rules);

} // namespace ziping::check
