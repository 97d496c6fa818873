// store/migrations/unit_order_schema.h — migration 10 (branch scale-pg4, issue 13): the units'
// names in byte order as an index, which target_changes walks to take a page of 500 rows unit
// by unit instead of sorting every changed target of a province.
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view unit_order_schema();

} // namespace ziping::store
