#include "ziping/store/migrations/migrations.h"

#include "ziping/store/migrations/accounts_schema.h"
#include "ziping/store/migrations/fact_sums_schema.h"
#include "ziping/store/migrations/facts_schema.h"
#include "ziping/store/migrations/inflation_sums_schema.h"
#include "ziping/store/migrations/leaves_digest_schema.h"
#include "ziping/store/migrations/list_version_schema.h"
#include "ziping/store/migrations/plan_version_schema.h"
#include "ziping/store/migrations/plans_schema.h"
#include "ziping/store/migrations/series_facts_schema.h"
#include "ziping/store/migrations/series_scope_schema.h"
#include "ziping/store/migrations/unit_order_schema.h"

namespace ziping::store {
namespace {

// Version 1: departments, forms (one row per form: what lists and filters need, kept equal to
// the current revision), revisions (one row per save: who, when, why, the form's own scalar
// fields and the computed summary), and the form's repeated parts as child rows of the
// revision. Texts are NOT NULL ('' when absent, as in the model); numbers may be NULL.
constexpr std::string_view kInitial = R"SQL(
CREATE TABLE departments (
  id {id},
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE forms (
  id {id},
  department_id {ref} NOT NULL REFERENCES departments (id),
  kind TEXT NOT NULL CHECK (kind IN ('department', 'project')),
  year INTEGER,
  title TEXT NOT NULL,
  project TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  rule_set TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('auto', 'review')),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  total {decimal},
  grade TEXT NOT NULL,
  execution_rate {decimal},
  indicator_score {decimal},
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  notes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX forms_by_department ON forms (department_id);
CREATE INDEX forms_by_year_kind ON forms (year, kind);
CREATE INDEX forms_by_status ON forms (status);
CREATE INDEX forms_by_grade ON forms (grade);

CREATE TABLE revisions (
  id {id},
  form_id {ref} NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  author TEXT NOT NULL,
  comment TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  rule_set TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('auto', 'review')),
  kind TEXT NOT NULL CHECK (kind IN ('department', 'project')),
  title TEXT NOT NULL,
  year INTEGER,
  department TEXT NOT NULL,
  project TEXT NOT NULL,
  implementing_unit TEXT NOT NULL,
  money_unit TEXT NOT NULL,
  budget_initial {decimal},
  budget_annual {decimal},
  budget_executed {decimal},
  budget_weight {decimal},
  budget_score {decimal},
  budget_rate TEXT NOT NULL,
  budget_deviation_reason TEXT NOT NULL,
  total_weight {decimal},
  declared_total {decimal},
  declared_grade TEXT NOT NULL,
  conclusion TEXT NOT NULL,
  problems TEXT NOT NULL,
  improvements TEXT NOT NULL,
  project_leader TEXT NOT NULL,
  finance_leader TEXT NOT NULL,
  total {decimal},
  grade TEXT NOT NULL,
  execution_rate {decimal},
  indicator_score {decimal},
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  notes INTEGER NOT NULL,
  UNIQUE (form_id, number)
);

CREATE TABLE funding_sources (
  revision_id {ref} NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  label TEXT NOT NULL,
  initial {decimal},
  annual {decimal},
  executed {decimal},
  rate TEXT NOT NULL,
  PRIMARY KEY (revision_id, ordinal)
);

CREATE TABLE goals (
  revision_id {ref} NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  number INTEGER,
  target TEXT NOT NULL,
  actual TEXT NOT NULL,
  deviation_reason TEXT NOT NULL,
  weight {decimal},
  score {decimal},
  PRIMARY KEY (revision_id, ordinal)
);

CREATE TABLE indicators (
  revision_id {ref} NOT NULL,
  goal_ordinal INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  level1 TEXT NOT NULL,
  level2 TEXT NOT NULL,
  name TEXT NOT NULL,
  target TEXT NOT NULL,
  actual TEXT NOT NULL,
  weight {decimal},
  score {decimal},
  deviation_reason TEXT NOT NULL,
  adjusted_target TEXT NOT NULL,
  nature TEXT NOT NULL,
  unit TEXT NOT NULL,
  score_coefficient {decimal},
  core INTEGER CHECK (core IN (0, 1)),
  scoring_standard TEXT NOT NULL,
  PRIMARY KEY (revision_id, goal_ordinal, ordinal),
  FOREIGN KEY (revision_id, goal_ordinal) REFERENCES goals (revision_id, ordinal) ON DELETE CASCADE
);
)SQL";

// 指标解释 (Indicator::explanation), a column some provinces print beside 三级指标.
constexpr std::string_view kIndicatorExplanation = R"SQL(
ALTER TABLE indicators ADD COLUMN explanation TEXT NOT NULL DEFAULT ''
)SQL";

const Migration kMigrations[] = {
    {1, "initial schema", kInitial},
    {2, "indicator explanation", kIndicatorExplanation},
    {3, "accounts, review chain, audit trail", accounts_schema()},
    {4, "facts for analyses (branch facts)", facts_schema()},
    {5, "plans of the year's chain (branch chain-server)", plans_schema()},
    {6, "fact sums, digests and year-over-year indexes (branch scale-pg)", fact_sums_schema()},
    {7, "series keys and organisation scope (branch scale-pg2)", series_scope_schema()},
    {8, "narrow series facts for the year-over-year analyses (branch scale-pg3)",
     series_facts_schema()},
    {9, "list version for counts kept per version (branch scale-pg4)", list_version_schema()},
    {10, "units in byte order of their names (branch scale-pg4)", unit_order_schema()},
    {11, "covering index of the inflation sums (branch scale-pg5)", inflation_sums_schema()},
    {12, "plans raise the list version (branch scale-pg5)", plan_version_schema()},
    {13, "digest of a form's leaf facts (branch rescore-speed)", leaves_digest_schema()},
};

void replace_all(std::string& text, std::string_view token, std::string_view with) {
  for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + with.size()))
    text.replace(at, token.size(), with);
}

// {partitions:TABLE}: PostgreSQL gets one partition of TABLE per year of kFirstYear…kLastYear
// and a default one (years outside, and 0 for a form without a year); SQLite gets nothing.
constexpr int kFirstYear = 2010;
constexpr int kLastYear = 2039;

// {pg}…{/pg} and {sqlite}…{/sqlite}: statements of one dialect only (triggers, functions).
void keep_dialect_blocks(std::string& text, bool pg) {
  for (std::string_view name : {"pg", "sqlite"}) {
    std::string open = "{" + std::string(name) + "}", close = "{/" + std::string(name) + "}";
    bool keep = pg == (name == "pg");
    for (auto at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
      auto end = text.find(close, at);
      if (end == std::string::npos) end = text.size(); // unterminated: to the end
      std::string inner = keep ? text.substr(at + open.size(), end - at - open.size()) : "";
      text.replace(at, std::min(end + close.size(), text.size()) - at, inner);
      at += inner.size();
    }
  }
}

void expand_partitions(std::string& text, bool pg) {
  constexpr std::string_view kToken = "{partitions:";
  for (auto at = text.find(kToken); at != std::string::npos; at = text.find(kToken, at)) {
    auto end = text.find('}', at);
    std::string table = text.substr(at + kToken.size(), end - at - kToken.size());
    std::string with;
    if (pg) {
      for (int year = kFirstYear; year <= kLastYear; ++year)
        with += "CREATE TABLE " + table + "_y" + std::to_string(year) + " PARTITION OF " + table +
                " FOR VALUES FROM (" + std::to_string(year) + ") TO (" + std::to_string(year + 1) +
                ");\n";
      with += "CREATE TABLE " + table + "_other PARTITION OF " + table + " DEFAULT;";
    }
    text.replace(at, end + 1 - at, with);
    at += with.size();
  }
}

} // namespace

std::span<const Migration> migrations() {
  return kMigrations;
}

int latest_schema_version() {
  return kMigrations[std::size(kMigrations) - 1].version;
}

std::string render(std::string_view sql, Dialect dialect) {
  std::string out(sql);
  bool pg = dialect == Dialect::PostgreSQL;
  replace_all(out, "{id}",
              pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY");
  replace_all(out, "{ref}", pg ? "BIGINT" : "INTEGER");
  replace_all(out, "{decimal}", pg ? "NUMERIC" : "TEXT");
  replace_all(out, "{by_year}", pg ? " PARTITION BY RANGE (year)" : "");
  expand_partitions(out, pg);
  keep_dialect_blocks(out, pg);
  return out;
}

} // namespace ziping::store
