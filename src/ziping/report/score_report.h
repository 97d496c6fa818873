// report/score_report.h — a scored form for people (a table in the terminal) and for programs
// (the score JSON documented in docs/cli.md). Presentation only: every number comes from the
// Evaluation; nothing is recomputed here.
#pragma once

#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::report {

struct ScoredForm {
  const model::Form& form;
  const rules::Evaluation& evaluation;
  const rules::RuleSet& rules;
  const std::vector<diag::Diagnostic>& diagnostics;
};

std::string render_score_text(const ScoredForm& scored);
std::string render_score_json(const ScoredForm& scored);

} // namespace ziping::report
