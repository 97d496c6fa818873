// store/migrations/series_facts_schema.h — migration 8 (branch scale-pg3, issue 13): a narrow
// row per leaf with what the year-over-year analyses (always_full, target_changes) ask, kept up
// by every write of facts, so that each reads one partial index instead of joining two years'
// leaves; and the forms index that lets a 财政 list count from the index alone.
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view series_facts_schema();

// The UPDATE of series_facts' derived columns, without its WHERE (store/fact_rows.cc adds the
// series keys a write touched; the migration runs it over every row).
std::string_view series_refresh_sql();

} // namespace ziping::store
