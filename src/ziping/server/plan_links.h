// server/plan_links.h — which stored plans make a 自评表's chain (docs/chain.md, "In the
// workbench"), and the chain checked as `ziping chain check` checks files.
//
// Per kind (declaration, monitoring) one plan is chosen: the newest linked to the form by hand;
// else the newest linked automatically — same department, year and scope, and for a project
// the same project name (folded as the chain's matcher folds names) or the project code of the
// other plan chosen. A plan unlinked by hand, or linked by hand to another form, is never
// chosen automatically. Everything else of the department and year is offered for linking by
// hand (`others`).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/plan.h"
#include "ziping/server/workbench.h"
#include "ziping/store/plan_shelf.h"

namespace ziping::server {

struct ChainSlots {
  std::optional<store::PlanRecord> declaration;
  std::optional<store::PlanRecord> monitoring;
  std::vector<store::PlanRecord> others;
};

// The plans that may belong to these forms' chains, in two queries: those of the forms'
// departments, and those linked by hand to one of them.
std::vector<store::PlanRecord> chain_candidates(store::Store& store,
                                                std::span<const store::FormRecord> forms);
ChainSlots choose_plans(const store::FormRecord& form,
                        std::span<const store::PlanRecord> candidates);

// The chain of a stored form, checked: the plans read back from their canonical JSON, the
// diagnostics located by form — location.file is "declaration", "monitoring" or "self" — and
// the form's Run. Diagnostics are empty when no plan is linked.
struct CheckedChain {
  ChainSlots slots;
  std::optional<model::Plan> declaration;
  std::optional<model::Plan> monitoring;
  std::vector<diag::Diagnostic> diagnostics;
};
CheckedChain check_stored_chain(Workbench& bench, const store::StoredForm& stored,
                                ChainSlots slots);

} // namespace ziping::server
