// store/store.h — where forms live between requests: departments, forms and every revision of
// each form, behind one interface with two implementations (SQLite, the default single file;
// PostgreSQL for a multi-user deployment) that pass one shared test suite (tests/contract).
//
// A Form is stored normalised (revisions, funding sources, goals, indicators as rows; exact
// decimals as TEXT/NUMERIC, never floating point), so questions across many forms are SQL.
// Every save is a new revision carrying who, when and why; saves are optimistic: each names
// the revision it was based on, and a stale one is refused with the current version instead
// of overwriting it. The store never scores: the caller computes the Summary (total, grade,
// counts) that list filters use and hands it in with the save.
//
// Expected outcomes (not found, conflict) are return values. Exceptions (StoreError) mean the
// database itself failed: unreachable, corrupt, or a schema newer than this program.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/num/decimal.h"
#include "ziping/store/facts.h"

namespace ziping::store {

class Directory;  // directory.h: organisations, users, sessions, tokens
class ReviewLog;  // review_log.h: the review chain's state, comments and reviewer scores
class AuditTrail; // audit_trail.h: the hash-chained record of every action
class Analyses;   // analyses.h: the questions across forms, as SQL over the facts
class PlanShelf;  // plan_shelf.h: the chain's 申报表 and 监控表 and their links

using num::Decimal;
using Id = std::int64_t;

// Where a form is in its review, coarsely: the review chain's finer state (access::ReviewState,
// review_log.h) is kept beside it and maps onto these four (coarse_status()).
enum class Status {
  Draft,     // 填报中
  Submitted, // 已提交
  Returned,  // 已退回
  Approved,  // 已审核
};
std::string_view status_name(Status status);    // "draft", "submitted", "returned", "approved"
std::string_view status_name_zh(Status status); // 填报中, 已提交, 已退回, 已审核
std::optional<Status> parse_status(std::string_view name);
std::string status_names(); // "draft, submitted, returned, approved"

using model::kind_name; // the kinds' names are the model's
using model::parse_kind;

// What scoring said about a revision, computed by the caller when it saves.
struct Summary {
  std::optional<Decimal> total;           // execution + indicator score
  std::string grade;                      // 优/良/中/差 from the total ("" when not scored)
  std::optional<Decimal> execution_rate;  // B / A in percent, 2 decimals
  std::optional<Decimal> indicator_score; // Σ leaf scores
  int errors = 0;
  int warnings = 0;
  int notes = 0;
};

struct Department {
  Id id = 0;
  std::string name;
  std::string created_at; // ISO 8601 UTC, "2026-11-28T16:08:01.123Z"
  int form_count = 0;
};

struct Revision {
  int number = 0; // 1, 2, …; the first save is revision 1
  std::string author;
  std::string comment;
  std::string created_at;
  Status status = Status::Draft;
  std::string rule_set; // the rule set the summary was computed under
  std::string mode;     // "review" or "auto"
  Summary summary;
};

// A form as lists show it: the current revision's metadata and summary, not its content.
struct FormRecord {
  Id id = 0;
  Id department_id = 0;
  std::string department; // the department's name
  model::FormKind kind = model::FormKind::Department;
  std::optional<int> year;
  std::string title;
  std::string project;
  Status status = Status::Draft;
  std::string rule_set;
  std::string mode;
  int revision = 0; // the current revision's number
  Summary summary;  // of the current revision
  std::string created_at;
  std::string updated_at;
  std::string updated_by;
  std::string review_state = "draft"; // the review chain's state (access::state_name)
};

struct StoredForm {
  FormRecord record;
  Revision revision; // the revision `form` is (the current one unless an older was asked for)
  model::Form form;
};

// A new form: revision 1.
struct NewForm {
  model::Form form; // form.department names the department (created when new; not empty)
  Status status = Status::Draft;
  std::string rule_set;
  std::string mode = "review";
  std::string author;
  std::optional<Id> author_id; // the user, when there are accounts (the audit entry names them)
  std::string comment;
  Summary summary;
  // The leaf facts (facts.h), written in the same transaction; none when absent.
  std::optional<FormFacts> facts;
  // `ziping load`: the file's SHA-256 and name, so a second load skips it (known_sources()).
  std::string source_hash;
  std::string source_name;
};

// A save on top of `base_revision`.
struct Save {
  Id form_id = 0;
  int base_revision = 0;
  model::Form form;
  std::optional<Status> status;        // unchanged when absent
  std::optional<std::string> rule_set; // unchanged when absent
  std::optional<std::string> mode;     // unchanged when absent
  std::string author;
  std::optional<Id> author_id; // the user, when there are accounts
  std::string comment;
  Summary summary; // computed under the rule set and mode the form will have after the save
  // The leaf facts under the same rules; when absent the form's old facts are removed (facts
  // always describe the current revision or nothing).
  std::optional<FormFacts> facts;
};

// What a rescore needs to know of a form's current revision.
struct CurrentRevision {
  Id id = 0;
  int revision = 0;
  std::optional<int> year;
  std::string rule_set;
  std::string mode;
  std::string facts_digest; // the rules digest its facts were computed under; "" = no facts
};

// A rescore of a form's current revision (`ziping rescore`): the summary and facts replace the
// form's, under `rule_set`, without a new revision (the content did not change). The revision
// rows keep what was computed when they were saved.
struct Rescore {
  Id form_id = 0;
  int revision = 0; // applied only while this is still the current revision
  std::string rule_set;
  Summary summary;
  FormFacts facts;
};

struct SaveResult {
  enum class Outcome { Saved, Conflict, NotFound };
  Outcome outcome = Outcome::NotFound;
  // Saved: the new current version. Conflict: the current version that the save did not
  // overwrite (its content too, so a client can merge and save again). NotFound: empty.
  std::optional<StoredForm> current;
};

// A place in a list (keyset paging): the sort key of a page's last form — its id, and with
// FormFilter::Order::Updated also its updated_at. The page after it starts at the next form in
// the list's order, found through the index instead of counted past as an offset would be.
struct FormCursor {
  Id id = 0;
  std::string updated_at; // Order::Updated only
  bool operator==(const FormCursor&) const = default;
};

struct FormFilter {
  std::optional<int> year;
  std::optional<model::FormKind> kind;
  std::optional<Status> status;
  std::optional<std::string> grade; // the computed grade of the current revision
  std::optional<Id> department_id;
  std::string text; // substring of the title, project or department name; empty = any
  // What the caller may see (the server's row-by-row authorization, done in SQL so that paging
  // and counts stay right): when set, only forms of these departments, or published ones when
  // `or_published`, or (below) of the departments under `visible_under`. Unset: every form.
  std::optional<std::vector<Id>> visible_departments;
  // The departments of the units at or under this organisation (a 财政局's or a 主管部门's),
  // joined in SQL (org_scope) rather than listed: a 财政局 over 11,000 units would otherwise
  // send 11,000 parameters with every list request. Visible: these or visible_departments.
  std::optional<Id> visible_under;
  bool or_published = false;
  std::optional<std::string> review_state; // access::state_name
  enum class Order {
    Created, // oldest first (by id)
    Updated, // most recently saved first
  };
  Order order = Order::Created;
  int limit = 50;                  // 1..kMaxPageSize
  int offset = 0;                  // forms skipped (after `after`, when both are given)
  std::optional<FormCursor> after; // the page after this form, in `order`
};
inline constexpr int kMaxPageSize = 500;

struct FormPage {
  std::vector<FormRecord> items;
  // Matching forms, ignoring limit, offset and `after`. Exact: the store counts once per
  // filter, caller scope and version of the data (migration 9) and keeps the count.
  std::int64_t total = 0;
  std::optional<FormCursor> next; // the last item's place when more forms follow it
};

// Counts of the forms a filter selects (limit, offset and order are ignored).
struct FormCounts {
  std::int64_t total = 0;
  std::vector<std::pair<std::string, std::int64_t>> by_grade;  // "" = not scored
  std::vector<std::pair<std::string, std::int64_t>> by_status; // status names
  std::vector<std::pair<std::string, std::int64_t>> by_kind;
  std::vector<std::pair<int, std::int64_t>> by_year; // forms without a year are left out
};

// The model path of the first text of `form` that holds U+0000 ("goals[1].indicators[0].name"),
// which no backend stores (PostgreSQL text cannot hold it), so neither accepts it (ZP0723).
std::optional<std::string> unstorable_text(const model::Form& form);

// The database failed, or was asked to store what it cannot (ZP0705, ZP0723): carries a
// catalogue diagnostic.
class StoreError : public std::runtime_error {
public:
  explicit StoreError(diag::Diagnostic diagnostic);
  const diag::Diagnostic& diagnostic() const { return diagnostic_; }

private:
  diag::Diagnostic diagnostic_;
};

class Store {
public:
  virtual ~Store() = default;

  virtual std::string_view backend() const = 0; // "sqlite" or "postgresql"
  virtual std::string description() const = 0;  // the file or the server, without password
  virtual int schema_version() = 0;             // the last migration applied

  virtual std::vector<Department> departments() = 0;
  // Every department, with form_count counting only the forms `counted` selects (its paging and
  // order are ignored): what a caller may see of each (the server's scoped department list).
  virtual std::vector<Department> departments(const FormFilter& counted) = 0;
  virtual std::optional<Department> department(Id id) = 0;
  // Creates the department when no department has this name; returns it either way.
  virtual Department ensure_department(const std::string& name) = 0;

  // All or nothing: either every form is created (revision 1 each) or none.
  virtual std::vector<FormRecord> create_forms(std::span<const NewForm> forms) = 0;
  FormRecord create_form(const NewForm& form);
  // One form, answered with exactly what was stored (revision 1), read inside the transaction
  // that wrote it: a save by someone else right after cannot slip into the answer.
  virtual StoredForm create_stored(const NewForm& form) = 0;

  // Saved: `current` is the revision this save wrote, read inside its own transaction.
  // Conflict: the current revision as it stood when the save was refused.
  virtual SaveResult save_form(const Save& save) = 0;

  // The current revision, or revision `revision` when given; nullopt when either is missing.
  virtual std::optional<StoredForm> form(Id id, std::optional<int> revision = std::nullopt) = 0;
  virtual std::optional<FormRecord> form_record(Id id) = 0;
  // The current revisions of these forms, in the order of `ids`, forms that do not exist left
  // out: one read per table for them all (`ziping rescore` reads its chunks so).
  virtual std::vector<StoredForm> current_forms(std::span<const Id> ids) = 0;
  virtual std::vector<Revision> revisions(Id form_id) = 0; // newest first; empty: no such form
  virtual FormPage list_forms(const FormFilter& filter) = 0;
  // The version of what a form list shows (data_versions 'lists'): raised by every transaction
  // that writes forms, departments, org_scope or plans (migrations 9 and 12), so that whatever
  // was made from the data after reading it may be kept until it changes.
  virtual std::int64_t list_version() = 0;
  virtual FormCounts count_forms(const FormFilter& filter) = 0;
  virtual std::int64_t form_count() = 0;

  // Batch work (issue 13). The hashes among `hashes` that a load already filed.
  virtual std::vector<std::string> known_sources(std::span<const std::string> hashes) = 0;
  // Every form's current revision (of `year` when given), by id.
  virtual std::vector<CurrentRevision> current_revisions(std::optional<int> year) = 0;
  // All or nothing; each rescore whose revision is no longer current is skipped. A form whose
  // fact rows come out the same as stored (form_facts.digest) is not written again. Returns how
  // many were applied (written or already equal).
  virtual std::size_t rescore(std::span<const Rescore> rescores) = 0;
  virtual Analyses& analyses() = 0;
  // Brings the planner's statistics up to date after bulk writes (`ziping load`): PostgreSQL's
  // planner, without them, scans whole tables for the batch's `IN (…)` lookups until
  // autovacuum gets round to them. SQLite: PRAGMA optimize.
  virtual void refresh_statistics() = 0;
  // After many forms' facts were rewritten (`ziping load`, `ziping rescore`): PostgreSQL
  // VACUUMs form_facts, whose per-form sums the inflation analyses read by an index-only scan
  // (migration 11) — a rewritten row's index entry sends every reader to the table until
  // VACUUM marks the page all-visible again (autovacuum does, a minute or so later). SQLite:
  // nothing (its covering indexes never visit the table).
  virtual void settle_form_facts() = 0;

  // Accounts and review (issue 10), over the same database and connections. Every save and
  // creation above appends an audit entry in its own transaction.
  virtual Directory& directory() = 0;
  virtual ReviewLog& review_log() = 0;
  virtual AuditTrail& audit_trail() = 0;

  // The year's chain (issue 14, docs/chain.md): declaration and monitoring forms beside the
  // self-evaluations.
  virtual PlanShelf& plans() = 0;
};

} // namespace ziping::store
