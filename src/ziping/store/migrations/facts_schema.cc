#include "ziping/store/migrations/facts_schema.h"

namespace ziping::store {
namespace {

// form_facts: one row per form (its current revision): what the list's summary holds plus the
// budget sums, the rule set's execution line, the declared total beside the sum of its declared
// parts, and the rule set's digest (a rescore skips forms already scored under the same rules).
// leaf_facts: one row per leaf (三级指标) of that revision.
// loaded_sources: the content hash (SHA-256) of every file `ziping load` filed, so a second run
// skips what is stored.
//
// Both fact tables are keyed by year first (0 when a form names none): PostgreSQL partitions
// them by year ({by_year}, {partitions:…}: one partition per year 2010–2039 and a default), so
// an analysis of one year reads one partition; SQLite ignores both tokens. Every analysed
// figure is a *_micro integer (millionths; store/facts.h says why).
// department_id is copied into the facts so that an analysis by unit needs no join to forms.
// Facts are derived data: no foreign keys (a partitioned table's keys would have to carry the
// year), and the store deletes a form's facts whenever it replaces them.
constexpr std::string_view kSchema = R"SQL(
CREATE TABLE form_facts (
  year INTEGER NOT NULL,
  form_id {ref} NOT NULL,
  revision INTEGER NOT NULL,
  department_id {ref} NOT NULL,
  kind TEXT NOT NULL,
  project TEXT NOT NULL,
  rule_set TEXT NOT NULL,
  rules_digest TEXT NOT NULL,
  mode TEXT NOT NULL,
  grade TEXT NOT NULL,
  declared_grade TEXT NOT NULL,
  total_micro BIGINT,
  execution_rate_micro BIGINT,
  execution_line_micro BIGINT,
  execution_score_micro BIGINT,
  budget_annual_micro BIGINT,
  budget_executed_micro BIGINT,
  indicator_weight_micro BIGINT,
  indicator_score_micro BIGINT,
  formula_score_micro BIGINT,
  declared_budget_score_micro BIGINT,
  declared_leaves_micro BIGINT,
  declared_total_micro BIGINT,
  declared_parts_micro BIGINT,
  leaves INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  notes INTEGER NOT NULL,
  codes TEXT NOT NULL,
  PRIMARY KEY (year, form_id)
){by_year};
{partitions:form_facts}
CREATE INDEX form_facts_by_form ON form_facts (form_id);
CREATE INDEX form_facts_by_department ON form_facts (year, department_id);

CREATE TABLE leaf_facts (
  year INTEGER NOT NULL,
  form_id {ref} NOT NULL,
  goal_ordinal INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  department_id {ref} NOT NULL,
  series TEXT NOT NULL,
  level1 TEXT NOT NULL,
  level2 TEXT NOT NULL,
  name TEXT NOT NULL,
  method TEXT NOT NULL,
  comparator TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_text TEXT NOT NULL,
  target_number {decimal},
  target_micro BIGINT,
  target_unit TEXT NOT NULL,
  actual_text TEXT NOT NULL,
  actual_number {decimal},
  actual_micro BIGINT,
  actual_unit TEXT NOT NULL,
  ratio_micro BIGINT,
  deviation_micro BIGINT,
  met INTEGER,
  large_deviation INTEGER NOT NULL,
  tier TEXT NOT NULL,
  weight_micro BIGINT,
  declared_micro BIGINT,
  formula_micro BIGINT,
  score_micro BIGINT,
  codes TEXT NOT NULL,
  PRIMARY KEY (year, form_id, goal_ordinal, ordinal)
){by_year};
{partitions:leaf_facts}
CREATE INDEX leaf_facts_by_form ON leaf_facts (form_id);
CREATE INDEX leaf_facts_by_series ON leaf_facts (department_id, series, year);

CREATE TABLE loaded_sources (
  hash TEXT PRIMARY KEY,
  form_id {ref} NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);
)SQL";

} // namespace

std::string_view facts_schema() {
  return kSchema;
}

} // namespace ziping::store
