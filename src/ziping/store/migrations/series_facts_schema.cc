#include "ziping/store/migrations/series_facts_schema.h"

#include <string>

namespace ziping::store {
namespace {

// series_facts: one row per leaf fact (same key, same year partitions), holding only what the
// year-over-year analyses ask: the series key, whether actual = target exactly (`exact_hit`:
// leaf_facts.deviation_micro = 0), whether the target is a quantity, its comparator, unit and
// value, and what follows from the series' other years (kRefresh): how many earlier years it
// was filed in, since when, how many of those rows missed an exact hit (always_full), and how
// its target changed from the year before (target_changes). Both analyses then read one
// partial index of the year asked (~20,000 and ~84,000 entries at 100,000 forms) instead of
// joining a year's ~390,000 leaves with another year's, and leaf_facts only for the texts of
// the page they answer, by primary key.
// Written in the same transaction as the leaf facts (store/fact_rows.cc), deleted with them;
// a write refreshes the derived columns of every row of the series it touched, whatever their
// year (a form of 2022 filed after those of 2023 changes what 2023's rows say).
// The (series_key, year) index moves here from leaf_facts: one index fewer on the wide table.
//
// forms (year, kind, grade, id, department_id, review_state) replaces (year, kind, grade): the
// count of a 财政 list (`… WHERE year, kind, grade AND (department_id IN org_scope OR
// review_state = 'published')`) is then read from the index alone (PostgreSQL: an index-only
// scan once the table is vacuumed) instead of ~2,000 heap pages (200 ms cold, 20 ms warm →
// 20 ms cold, 5 ms of CPU warm for 3,848 of 100,000 forms on the loaded bench machine), and
// the same index walks a year, kind and grade in id order for the page.
//
// Leaves stored before migration 7 may still have no series_key when this runs; the store fills
// both tables' keys, and refreshes, when it opens the database (SqlStore::fill_series_keys).
constexpr std::string_view kTable = R"SQL(
CREATE TABLE series_facts (
  year INTEGER NOT NULL,
  form_id {ref} NOT NULL,
  goal_ordinal INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  department_id {ref} NOT NULL,
  series_key BIGINT,
  exact_hit INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  comparator TEXT NOT NULL,
  target_unit TEXT NOT NULL,
  target_micro BIGINT,
  prior_years INTEGER NOT NULL DEFAULT 0,
  prior_first INTEGER,
  prior_misses INTEGER NOT NULL DEFAULT 0,
  change_rank INTEGER,
  prev_form_id {ref},
  prev_goal_ordinal INTEGER,
  prev_ordinal INTEGER,
  PRIMARY KEY (year, form_id, goal_ordinal, ordinal)
){by_year};
{partitions:series_facts}
INSERT INTO series_facts (year, form_id, goal_ordinal, ordinal, department_id, series_key,
    exact_hit, quantity, comparator, target_unit, target_micro)
  SELECT year, form_id, goal_ordinal, ordinal, department_id, series_key,
    CASE WHEN deviation_micro = 0 THEN 1 ELSE 0 END,
    CASE WHEN target_kind = 'quantity' THEN 1 ELSE 0 END, comparator, target_unit, target_micro
  FROM leaf_facts;
CREATE INDEX series_facts_by_series_key ON series_facts (series_key, year);
DROP INDEX leaf_facts_by_series_key;
)SQL";

// After the backfill's refresh: indexes built once rather than kept up through it. The two
// partial ones carry every column their analysis reads of series_facts, so that PostgreSQL
// answers from the index alone once the table is vacuumed (target_changes at 100,000 forms:
// 240 → 180 ms of CPU, always_full 80 → 60 ms).
constexpr std::string_view kIndexes = R"SQL(
CREATE INDEX series_facts_by_form ON series_facts (form_id);
CREATE INDEX series_facts_always_full ON series_facts (year, prior_years, department_id, form_id,
  goal_ordinal, ordinal, prior_first) WHERE exact_hit = 1 AND prior_misses = 0 AND
  prior_years > 0;
CREATE INDEX series_facts_changed ON series_facts (year, change_rank, department_id, form_id,
  goal_ordinal, ordinal, prev_form_id, prev_goal_ordinal, prev_ordinal) WHERE change_rank IS NOT
  NULL;

DROP INDEX forms_by_year_kind_grade;
CREATE INDEX forms_by_year_kind_grade_id ON forms (year, kind, grade, id, department_id,
  review_state);
)SQL";

// The derived columns of the rows the caller's WHERE selects: how many earlier years (> 0)
// have a row of the series, the first of them, how many of their rows missed an exact hit; and
// the year before's row (the first by key, of those whose quantity target differs) with the
// change's rank: 1 lowered, 2 comparator changed, 3 unit changed, 4 raised.
constexpr std::string_view kRefresh =
    "UPDATE series_facts SET (prior_years, prior_first, prior_misses) = (SELECT COUNT(DISTINCT "
    "h.year), MIN(h.year), COALESCE(SUM(1 - h.exact_hit), 0) FROM series_facts h WHERE "
    "h.series_key = series_facts.series_key AND h.year > 0 AND h.year < series_facts.year), "
    "(change_rank, prev_form_id, prev_goal_ordinal, prev_ordinal) = (SELECT CASE WHEN "
    "series_facts.comparator <> b.comparator THEN 2 WHEN series_facts.target_unit <> "
    "b.target_unit THEN 3 WHEN series_facts.comparator IN ('<=', '<') AND "
    "series_facts.target_micro > b.target_micro THEN 1 WHEN series_facts.comparator NOT IN "
    "('<=', '<') AND series_facts.target_micro < b.target_micro THEN 1 ELSE 4 END, b.form_id, "
    "b.goal_ordinal, b.ordinal FROM series_facts b WHERE b.series_key = series_facts.series_key "
    "AND b.year = series_facts.year - 1 AND series_facts.quantity = 1 AND b.quantity = 1 AND "
    "(series_facts.comparator <> b.comparator OR series_facts.target_unit <> b.target_unit OR "
    "series_facts.target_micro <> b.target_micro) ORDER BY b.form_id, b.goal_ordinal, "
    "b.ordinal LIMIT 1)";

} // namespace

std::string_view series_facts_schema() {
  static const std::string whole =
      std::string(kTable) + std::string(kRefresh) + ";\n" + std::string(kIndexes);
  return whole;
}

std::string_view series_refresh_sql() {
  return kRefresh;
}

} // namespace ziping::store
