// server/overview.h — the dashboard's year (GET /api/forms/overview): the stored forms a filter
// selects, streamed page by page through report::YearOverviewBuilder, each scored under its own
// rule set and mode by the scorer alone (no checking: the overview needs deviations, not
// diagnostics).
//
// Cost: every matching form is read and scored (well under a millisecond each), so this is
// meant for a year's forms, not for unfiltered questions over the whole store.
#pragma once

#include <string>

#include "ziping/report/year_overview.h"
#include "ziping/server/workbench.h"

namespace ziping::server {

// Every form the filter selects (its limit and offset are ignored); the execution line and
// the rounding of the rates are those of `rules`.
report::YearOverview overview(Workbench& bench, store::FormFilter filter,
                              const rules::RuleSet& rules, int top);

} // namespace ziping::server
