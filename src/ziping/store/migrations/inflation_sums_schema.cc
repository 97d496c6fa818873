#include "ziping/store/migrations/inflation_sums_schema.h"

namespace ziping::store {
namespace {

// inflation and inflation_distribution (store/sql_analyses.cc) read, per form of a year with a
// leaf compared, its unit and three sums; the year's form_facts rows are ~400 bytes wide (codes,
// project, digests), these columns ~40. With every column the query reads in the index, a year
// is an index-only scan of its entries (PostgreSQL: of the year's partition's index, as long as
// the visibility map is current, which VACUUM keeps; SQLite: a covering index).
constexpr std::string_view kSchema = R"SQL(
CREATE INDEX form_facts_inflation ON form_facts (year, department_id, compared_leaves,
  leaves_over, excess_micro) WHERE compared_leaves > 0;
)SQL";

} // namespace

std::string_view inflation_sums_schema() {
  return kSchema;
}

} // namespace ziping::store
