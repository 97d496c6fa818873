#include "ziping/store/migrations/series_scope_schema.h"

#include <string>

namespace ziping::store {
namespace {

// leaf_facts.series_key: a 64-bit hash of the department and the series text (store/
// fact_rows.cc, series_key()), computed at save time. target_changes and always_full join a
// year's leaves with another year's on it: an integer hash join a fraction of the size of one
// on (department_id, series text), which spilled to disk at 100,000 forms. Rows stored before
// this migration have NULL; the store fills them in when it opens the database
// (SqlStore::fill_series_keys), because the hash is computed in C++, not in SQL.
// The old (department_id, series, year) index is replaced by (series_key, year): one index
// fewer to keep during a bulk load.
//
// org_scope: one row per (organisation, department of a unit at or under it), the transitive
// closure of orgs.parent_id restricted to units with a department. A 财政局 with 11,000 units
// has 11,000 rows; the whole table is rebuilt by every organisation import (few, small).
//
// forms (year, kind, grade) replaces (year, kind): the list's usual filter, whose COUNT(*)
// read every form of the grade through forms_by_grade and dropped four in five (280 ms against
// 26 ms for a 财政 list of 3,848 forms among 100,000 on the loaded bench machine).
constexpr std::string_view kSchema = R"SQL(
ALTER TABLE leaf_facts ADD COLUMN series_key BIGINT;
DROP INDEX leaf_facts_by_series;
CREATE INDEX leaf_facts_by_series_key ON leaf_facts (series_key, year);

DROP INDEX forms_by_year_kind;
CREATE INDEX forms_by_year_kind_grade ON forms (year, kind, grade);

CREATE TABLE org_scope (
  org_id {ref} NOT NULL,
  department_id {ref} NOT NULL,
  PRIMARY KEY (org_id, department_id)
);
)SQL";

constexpr std::string_view kRebuild =
    "DELETE FROM org_scope;\n"
    "INSERT INTO org_scope (org_id, department_id) "
    "WITH RECURSIVE under (org_id, id) AS (SELECT id, id FROM orgs UNION ALL SELECT u.org_id, "
    "o.id FROM orgs o JOIN under u ON o.parent_id = u.id) "
    "SELECT DISTINCT u.org_id, o.department_id FROM under u JOIN orgs o ON o.id = u.id WHERE "
    "o.department_id IS NOT NULL;\n";

} // namespace

std::string_view series_scope_schema() {
  static const std::string whole = std::string(kSchema) + std::string(kRebuild);
  return whole;
}

std::string_view org_scope_rebuild() {
  return kRebuild;
}

} // namespace ziping::store
