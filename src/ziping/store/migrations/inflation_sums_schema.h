// store/migrations/inflation_sums_schema.h — migration 11 (branch scale-pg5, issue 13): the
// per-form sums the inflation analyses read, as a covering index of the forms that have any, so
// that a year's sums per unit are an index-only scan instead of a scan of the year's wide
// form_facts.
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view inflation_sums_schema();

} // namespace ziping::store
