#include "ziping/store/migrations/unit_order_schema.h"

namespace ziping::store {
namespace {

// The analyses order units by their names' bytes (COLLATE "C" in PostgreSQL, whose default
// collation is the locale's; SQLite's BINARY is bytes already, and its UNIQUE index on the
// name serves). PostgreSQL can walk an index in that order only if the index has that collation.
constexpr std::string_view kSchema = R"SQL(
{pg}
CREATE INDEX departments_by_name_bytes ON departments (name COLLATE "C");
{/pg}
)SQL";

} // namespace

std::string_view unit_order_schema() {
  return kSchema;
}

} // namespace ziping::store
