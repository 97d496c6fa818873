// chain/chain.h — the year's chain checked against itself: a 绩效目标申报表 (declaration), a
// 绩效运行监控表 (monitoring) and the 自评表 of the same project or department and year
// (docs/chain.md; LINKED-FORMS.md §6 for the candidate checks and their basis).
//
// Two entry points: check_plan() gives a declaration's or a monitoring form's own findings
// (funding sums, likelihoods, execution behind time progress without 纠偏措施); check_chain()
// gives those of both plans plus the findings across the forms, each located in the form it
// is about with a note located in the other (a compiler's "previous declaration here").
// Indicators are matched across forms by their folded names (matching.h); a match below
// certainty is only proposed in a note, never applied. Nothing here changes a form.
#pragma once

#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/model/plan.h"
#include "ziping/model/source_map.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::chain {

// One plan as a reader gave it: the map locates its diagnostics.
struct PlanInput {
  const model::Plan& plan;
  const model::SourceMap& map;
};

// The 自评表, scored (its Evaluation says which targets were met and the scores).
struct SelfInput {
  const model::Form& form;
  const model::SourceMap& map;
  const rules::Evaluation& evaluation;
};

// A plan's own checks, located through its map.
std::vector<diag::Diagnostic> check_plan(const PlanInput& plan, const rules::RuleSet& rules);

// The plans' own checks and the chain's, located, declaration first, then monitoring, then
// the 自评表, each in source order. The monitoring form may be absent.
std::vector<diag::Diagnostic> check_chain(const PlanInput& declaration, const PlanInput* monitoring,
                                          const SelfInput& self, const rules::RuleSet& rules);

} // namespace ziping::chain
