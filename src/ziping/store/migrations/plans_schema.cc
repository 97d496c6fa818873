#include "ziping/store/migrations/plans_schema.h"

namespace ziping::store {
namespace {

// plans: one row per imported declaration or monitoring form. The plan itself is its canonical
// JSON (docs/form-json.md, "The chain's plans") in `content`: nothing across plans is asked in
// SQL yet, and the JSON is lossless, so the columns beside it are only what linking and lists
// need (department, kind, scope, year, project name and code). Linking (docs/chain.md):
//   link = 'auto'   the plan belongs to the 自评表 of its department, year and scope (and, for a
//                   project, project name or the project code another linked plan carries);
//   link = 'manual' a person linked it to form_id (codes or names missing or different);
//   link = 'none'   a person unlinked it: automatic linking leaves it alone.
constexpr std::string_view kSchema = R"SQL(
CREATE TABLE plans (
  id {id},
  department_id {ref} NOT NULL REFERENCES departments (id),
  kind TEXT NOT NULL CHECK (kind IN ('declaration', 'monitoring')),
  scope TEXT NOT NULL CHECK (scope IN ('department', 'project')),
  year INTEGER,
  title TEXT NOT NULL,
  project TEXT NOT NULL,
  project_code TEXT NOT NULL,
  content TEXT NOT NULL,
  source_name TEXT NOT NULL,
  link TEXT NOT NULL CHECK (link IN ('auto', 'manual', 'none')),
  form_id {ref} REFERENCES forms (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  linked_by TEXT NOT NULL
);
CREATE INDEX plans_by_department_year ON plans (department_id, year);
CREATE INDEX plans_by_form ON plans (form_id);
)SQL";

} // namespace

std::string_view plans_schema() {
  return kSchema;
}

} // namespace ziping::store
