// store/migrations/series_scope_schema.h — migration 7 (branch scale-pg2, issue 13): a 64-bit
// key per indicator series for the year-over-year analyses, and the organisation tree's scope
// as rows, so that a 财政 or 主管部门 caller's lists and analyses join one table instead of
// carrying every unit's id as a parameter.
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view series_scope_schema();

// The statement that rebuilds org_scope from orgs (both dialects): run by the migration and by
// every transaction that writes orgs, after its writes.
std::string_view org_scope_rebuild();

} // namespace ziping::store
