// store/migrations/facts_schema.h — migration 4 (branch facts, issue 13): the per-leaf and
// per-form facts of every form's current revision, for analyses in SQL (store/facts.h).
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view facts_schema();

} // namespace ziping::store
