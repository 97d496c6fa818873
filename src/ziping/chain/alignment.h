// chain/alignment.h — the three forms' indicators side by side, for the chain view (web UI,
// GET /api/forms/{id}/chain): one row per indicator of the declaration, then the 自评表's
// indicators that were not declared, then the monitoring form's that neither holds. Rows are
// made by the same matching as the checks (matching.h), so the view and the diagnostics agree;
// a proposal (a similar name, below certainty) is carried beside the row, never applied.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ziping/model/form.h"
#include "ziping/model/plan.h"
#include "ziping/num/decimal.h"

namespace ziping::chain {

enum class Side { Declaration, Monitoring, Self };
std::string_view side_name(Side side); // "declaration", "monitoring", "self"

struct AlignedRow {
  // Model paths of the indicator in each form ("goals[0].indicators[3]"), when it is there.
  std::optional<std::string> declaration;
  std::optional<std::string> monitoring;
  std::optional<std::string> self;
  // A row missing in `proposal_side` whose indicator looks like `proposal_path` there.
  std::optional<Side> proposal_side;
  std::string proposal_path;
  num::Decimal similarity;
};

// Either plan may be absent.
std::vector<AlignedRow> align(const model::Plan* declaration, const model::Plan* monitoring,
                              const model::Form& self);

} // namespace ziping::chain
