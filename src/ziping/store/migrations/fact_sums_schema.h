// store/migrations/fact_sums_schema.h — migration 6 (branch scale-pg, issue 13): what makes a
// province's year fast: per-form sums the inflation analyses read instead of the leaves, a
// digest of each form's fact rows (a rescore rewrites only what changed), and the narrow
// indexes of the year-over-year analyses.
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view fact_sums_schema();

} // namespace ziping::store
