#include "ziping/store/migrations/accounts_schema.h"

namespace ziping::store {
namespace {

// orgs: the tree 财政局 → 主管部门 → 预算单位. A unit is tied to the department row that forms
// name (forms.department_id), so the form → unit mapping is the department's name.
// forms.review_state: the review chain's state (access/review_chain.def); forms.status keeps
// the four coarse values it always had (reviewed → submitted, published → approved), because
// its CHECK cannot be widened in SQLite without rebuilding the forms table.
// audit_entries.seq is assigned by the program (previous + 1), never by the database, so a
// deleted entry leaves a gap that verification names.
constexpr std::string_view kSchema = R"SQL(
CREATE TABLE orgs (
  id {id},
  kind TEXT NOT NULL CHECK (kind IN ('finance', 'supervisor', 'unit')),
  name TEXT NOT NULL,
  code TEXT NOT NULL,
  parent_id {ref} REFERENCES orgs (id),
  department_id {ref} UNIQUE REFERENCES departments (id),
  created_at TEXT NOT NULL,
  UNIQUE (kind, name)
);
CREATE INDEX orgs_by_parent ON orgs (parent_id);

CREATE TABLE users (
  id {id},
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('filler', 'unit_head', 'supervisor', 'finance', 'admin')),
  org_id {ref} REFERENCES orgs (id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL,
  locked_until TEXT NOT NULL,
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

CREATE TABLE sessions (
  id {id},
  token_hash TEXT NOT NULL UNIQUE,
  csrf_hash TEXT NOT NULL,
  user_id {ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked INTEGER NOT NULL CHECK (revoked IN (0, 1))
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id {id},
  token_hash TEXT NOT NULL UNIQUE,
  user_id {ref} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  revoked INTEGER NOT NULL CHECK (revoked IN (0, 1))
);

ALTER TABLE forms ADD COLUMN review_state TEXT NOT NULL DEFAULT 'draft'
  CHECK (review_state IN ('draft', 'submitted', 'returned', 'reviewed', 'approved', 'published'));
UPDATE forms SET review_state = status;
CREATE INDEX forms_by_review_state ON forms (review_state);

CREATE TABLE review_events (
  id {id},
  form_id {ref} NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_id {ref} REFERENCES users (id),
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX review_events_by_form ON review_events (form_id);

CREATE TABLE review_comments (
  id {id},
  form_id {ref} NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  path TEXT NOT NULL,
  text TEXT NOT NULL,
  author_id {ref} REFERENCES users (id),
  author TEXT NOT NULL,
  role TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX review_comments_by_form ON review_comments (form_id);

CREATE TABLE review_scores (
  form_id {ref} NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  revision INTEGER NOT NULL,
  self_score {decimal},
  reviewer_score {decimal} NOT NULL,
  reason TEXT NOT NULL,
  reviewer_id {ref} REFERENCES users (id),
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (form_id, path)
);

CREATE TABLE audit_entries (
  seq {ref} PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id {ref},
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  form_id {ref},
  revision INTEGER,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
)SQL";

} // namespace

std::string_view accounts_schema() {
  return kSchema;
}

} // namespace ziping::store
