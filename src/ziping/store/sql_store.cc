#include "ziping/store/sql_store.h"

#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <tuple>

#include "ziping/store/analyses.h"
#include "ziping/store/count_cache.h"
#include "ziping/store/fact_rows.h"
#include "ziping/store/form_rows.h"
#include "ziping/store/migrations/migrations.h"
#include "ziping/store/migrations/series_facts_schema.h"
#include "ziping/store/sql_accounts.h"

namespace ziping::store {
namespace {

using diag::DiagId;

// Ties every advisory lock this program takes in PostgreSQL to one number ("ziping" in ASCII,
// truncated), so concurrent first starts do not both run the migrations.
constexpr std::int64_t kMigrationLock = 0x7a6970696e67;

constexpr std::string_view kRecordColumns =
    "f.id, f.department_id, d.name, f.kind, f.year, f.title, f.project, f.status, f.rule_set, "
    "f.mode, f.revision, f.total, f.grade, f.execution_rate, f.indicator_score, f.errors, "
    "f.warnings, f.notes, f.created_at, f.updated_at, f.updated_by, f.review_state";
constexpr std::string_view kRecordFrom =
    " FROM forms f JOIN departments d ON d.id = f.department_id";

std::string text_of(const SqlCell& cell) {
  return cell ? *cell : std::string();
}

std::int64_t int_of(const SqlCell& cell) {
  return cell ? std::stoll(*cell) : 0;
}

FormRecord record_from(const SqlRow& row) {
  FormRecord r;
  r.id = int_of(row[0]);
  r.department_id = int_of(row[1]);
  r.department = text_of(row[2]);
  r.kind = parse_kind(text_of(row[3])).value_or(model::FormKind::Department);
  if (row[4]) r.year = int(int_of(row[4]));
  r.title = text_of(row[5]);
  r.project = text_of(row[6]);
  r.status = parse_status(text_of(row[7])).value_or(Status::Draft);
  r.rule_set = text_of(row[8]);
  r.mode = text_of(row[9]);
  r.revision = int(int_of(row[10]));
  r.summary = summary_from(row, 11);
  r.created_at = text_of(row[18]);
  r.updated_at = text_of(row[19]);
  r.updated_by = text_of(row[20]);
  r.review_state = text_of(row[21]);
  return r;
}

Department department_from(const SqlRow& row) {
  return Department{int_of(row[0]), text_of(row[1]), text_of(row[2]), int(int_of(row[3]))};
}

std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  return out + "%";
}

// How a filter's visible_under is tested. Join: `department_id IN (SELECT … org_scope …)`,
// which PostgreSQL hashes once (11,000 rows for a 财政厅) and then looks up per form — the
// cheaper way to count thousands of forms. Probe: one index probe of org_scope per form
// examined, for a page that stops after `limit` forms (50 probes instead of the hash: 4.5 →
// 1.5 ms of CPU per page of a 财政 list at 100,000 forms).
enum class ScopeTest { Join, Probe };

// WHERE clause and parameters of a filter, numbered from $1.
struct Where {
  std::string sql;
  std::vector<SqlParam> params;

  void add(std::string_view condition, SqlParam param) {
    params.push_back(std::move(param));
    std::string n = "$" + std::to_string(params.size());
    std::string c(condition);
    for (auto at = c.find('?'); at != std::string::npos; at = c.find('?', at + n.size()))
      c.replace(at, 1, n);
    sql += (sql.empty() ? " WHERE " : " AND ") + c;
  }
};

Where where_of(const FormFilter& filter, ScopeTest scope = ScopeTest::Join) {
  Where w;
  if (filter.year) w.add("f.year = ?", std::int64_t(*filter.year));
  if (filter.kind) w.add("f.kind = ?", std::string(kind_name(*filter.kind)));
  if (filter.status) w.add("f.status = ?", std::string(status_name(*filter.status)));
  if (filter.grade) w.add("f.grade = ?", *filter.grade);
  if (filter.department_id) w.add("f.department_id = ?", *filter.department_id);
  if (filter.review_state) w.add("f.review_state = ?", *filter.review_state);
  if (filter.visible_departments || filter.visible_under) {
    std::vector<std::string> any;
    std::string in;
    for (Id id : filter.visible_departments.value_or(std::vector<Id>{})) {
      w.params.push_back(id);
      in += (in.empty() ? "$" : ", $") + std::to_string(w.params.size());
    }
    if (!in.empty()) any.push_back("f.department_id IN (" + in + ")");
    if (filter.visible_under) {
      w.params.push_back(*filter.visible_under);
      std::string org = "$" + std::to_string(w.params.size());
      // A scalar subquery, not EXISTS: PostgreSQL would hash an EXISTS under OR as it does IN.
      any.push_back(
          scope == ScopeTest::Join
              ? "f.department_id IN (SELECT department_id FROM org_scope WHERE org_id = " + org +
                    ")"
              : "(SELECT o.org_id FROM org_scope o WHERE o.org_id = " + org +
                    " AND o.department_id = f.department_id LIMIT 1) IS NOT NULL");
    }
    if (filter.or_published) any.push_back("f.review_state = 'published'");
    std::string condition;
    for (const auto& c : any) condition += (condition.empty() ? "(" : " OR ") + c;
    condition = condition.empty() ? "1 = 0" : condition + ")"; // "1 = 0": nothing visible
    w.sql += (w.sql.empty() ? " WHERE " : " AND ") + condition;
  }
  if (!filter.text.empty())
    w.add("(f.title LIKE ? ESCAPE '\\' OR f.project LIKE ? ESCAPE '\\' OR d.name LIKE ? ESCAPE "
          "'\\')",
          like_pattern(filter.text));
  return w;
}

class SqlStore final : public Store {
public:
  SqlStore(SqlStoreOptions options, ConnectionFactory factory)
      : options_(std::move(options)), pool_(std::move(factory), options_.connections),
        directory_(make_sql_directory(pool_)), review_log_(make_sql_review_log(pool_)),
        audit_trail_(make_sql_audit_trail(pool_)), analyses_(make_sql_analyses(pool_)),
        plans_(make_sql_plan_shelf(pool_)) {
    migrate();
  }

  Analyses& analyses() override { return *analyses_; }

  Directory& directory() override { return *directory_; }
  ReviewLog& review_log() override { return *review_log_; }
  AuditTrail& audit_trail() override { return *audit_trail_; }
  PlanShelf& plans() override { return *plans_; }

  std::string_view backend() const override { return options_.backend; }
  std::string description() const override { return options_.description; }

  int schema_version() override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    auto rows = tx.query("SELECT MAX(version) FROM schema_migrations");
    return rows.empty() ? 0 : int(int_of(rows[0][0]));
  }

  std::vector<Department> departments() override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<Department> out;
    for (const auto& row : tx.query(department_query(""))) out.push_back(department_from(row));
    return out;
  }

  std::vector<Department> departments(const FormFilter& counted) override {
    // The filter's conditions join the forms counted, so a department none of whose forms
    // match is still listed, with 0.
    Where w = where_of(counted);
    std::string on =
        w.sql.empty() ? "" : " AND " + w.sql.substr(std::string_view(" WHERE ").size());
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<Department> out;
    for (const auto& row : tx.query(department_query("", on), w.params))
      out.push_back(department_from(row));
    return out;
  }

  std::optional<Department> department(Id id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    auto rows = tx.query(department_query(" WHERE d.id = $1"), {id});
    if (rows.empty()) return std::nullopt;
    return department_from(rows[0]);
  }

  Department ensure_department(const std::string& name) override {
    auto c = pool_.lease();
    Id id = 0;
    {
      Transaction tx(*c, true);
      id = ensure_department(tx, name);
      tx.commit();
    }
    Transaction tx(*c, false);
    return department_from(tx.query(department_query(" WHERE d.id = $1"), {id}).at(0));
  }

  // What is answered is read inside the writing transaction, before its commit: a separate
  // read afterwards could see another client's newer revision (issue 9).
  std::vector<FormRecord> create_forms(std::span<const NewForm> forms) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    std::vector<Id> ids = create(tx, forms);
    std::vector<FormRecord> out = records(tx, ids);
    tx.commit();
    return out;
  }

  StoredForm create_stored(const NewForm& form) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    StoredForm out = *stored(tx, create(tx, std::span(&form, 1)).at(0), 1);
    tx.commit();
    return out;
  }

  SaveResult save_form(const Save& save) override {
    auto c = pool_.lease();
    SaveResult result;
    Transaction tx(*c, true);
    auto rows = tx.query("SELECT revision FROM forms WHERE id = $1", {save.form_id});
    if (rows.empty()) return result; // NotFound
    if (int_of(rows[0][0]) == save.base_revision && apply(tx, save)) {
      result.outcome = SaveResult::Outcome::Saved;
      result.current = stored(tx, save.form_id, save.base_revision + 1);
      tx.commit();
      return result;
    }
    // Refused: the rows as they stand, from the same snapshot that refused it.
    result.outcome = SaveResult::Outcome::Conflict;
    result.current = stored(tx, save.form_id, std::nullopt);
    return result;
  }

  std::optional<StoredForm> form(Id id, std::optional<int> revision) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    return stored(tx, id, revision);
  }

  std::optional<FormRecord> form_record(Id id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    return record(tx, id);
  }

  void refresh_statistics() override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    if (c->dialect() == Dialect::PostgreSQL)
      c->execute_script("ANALYZE departments, forms, revisions, funding_sources, goals, "
                        "indicators, form_facts, leaf_facts, series_facts, loaded_sources");
    else
      c->execute_script("PRAGMA optimize");
    tx.commit();
  }

  void settle_form_facts() override {
    auto c = pool_.lease();
    // VACUUM runs outside a transaction block, alone in its statement.
    if (c->dialect() == Dialect::PostgreSQL) c->execute_script("VACUUM form_facts");
  }

  std::vector<StoredForm> current_forms(std::span<const Id> ids) override {
    auto c = pool_.lease();
    Transaction tx(*c, false); // one snapshot: records and contents agree
    std::map<Id, FormRecord> found;
    std::map<Id, LoadedRevision> content;
    in_chunks(ids, [&](const std::vector<SqlParam>& params, const std::string& in_list) {
      std::string in = " WHERE f.id IN (" + in_list + ")";
      for (const auto& row : tx.query(
               "SELECT " + std::string(kRecordColumns) + std::string(kRecordFrom) + in, params)) {
        FormRecord r = record_from(row);
        found.emplace(r.id, std::move(r));
      }
      for (auto& loaded : load_revisions(
               tx,
               " FROM revisions r JOIN forms f ON f.id = r.form_id AND f.revision = r.number" + in,
               params))
        content.emplace(loaded.form_id, std::move(loaded));
    });
    std::vector<StoredForm> out;
    for (Id id : ids) {
      auto r = found.find(id);
      auto l = content.find(id);
      if (r == found.end() || l == content.end()) continue;
      out.push_back(
          {std::move(r->second), std::move(l->second.revision), std::move(l->second.form)});
    }
    return out;
  }

  std::vector<Revision> revisions(Id form_id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<Revision> out;
    auto rows = tx.query("SELECT " + std::string(kRevisionColumns) +
                             " FROM revisions WHERE form_id = $1 ORDER BY number DESC",
                         {form_id});
    for (const auto& row : rows) out.push_back(revision_from(row));
    return out;
  }

  std::int64_t list_version() override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    return int_of(tx.query("SELECT version FROM data_versions WHERE name = 'lists'").at(0).at(0));
  }

  FormPage list_forms(const FormFilter& asked) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::int64_t version =
        int_of(tx.query("SELECT version FROM data_versions WHERE name = 'lists'").at(0).at(0));
    FormFilter filter = asked;
    // A scope that holds every unit (a province's 财政厅) hides nothing: no test per form.
    if (filter.visible_under && scope_is_everything(tx, version, *filter.visible_under)) {
      filter.visible_under.reset();
      filter.visible_departments.reset();
      filter.or_published = false;
    }
    Where w = where_of(filter);
    FormPage page;
    page.total = counted(tx, version, filter, w);
    bool updated = filter.order == FormFilter::Order::Updated;
    std::string order = updated ? " ORDER BY f.updated_at DESC, f.id DESC" : " ORDER BY f.id";
    int limit = std::clamp(filter.limit, 1, kMaxPageSize);
    w = where_of(filter, ScopeTest::Probe);
    // Keyset: the forms after the cursor in the list's order, which the index walks to
    // directly (an offset reads and drops every form before it).
    if (filter.after) {
      if (updated) {
        w.params.push_back(filter.after->updated_at);
        w.params.push_back(filter.after->id);
        std::string a = "$" + std::to_string(w.params.size() - 1);
        std::string b = "$" + std::to_string(w.params.size());
        w.sql += (w.sql.empty() ? " WHERE " : " AND ") +
                 ("(f.updated_at < " + a + " OR (f.updated_at = " + a + " AND f.id < " + b + "))");
      } else {
        w.add("f.id > ?", filter.after->id);
      }
    }
    // One form more than the page: whether another page follows.
    w.params.push_back(std::int64_t(limit) + 1);
    w.params.push_back(std::int64_t(std::max(filter.offset, 0)));
    std::string n = std::to_string(w.params.size());
    std::string sql = "SELECT " + std::string(kRecordColumns) + std::string(kRecordFrom) + w.sql +
                      order + " LIMIT $" + std::to_string(w.params.size() - 1) + " OFFSET $" + n;
    for (const auto& row : tx.query(sql, w.params)) page.items.push_back(record_from(row));
    if (page.items.size() > std::size_t(limit)) {
      page.items.resize(std::size_t(limit));
      const FormRecord& last = page.items.back();
      page.next = FormCursor{last.id, updated ? last.updated_at : std::string()};
    }
    return page;
  }

  FormCounts count_forms(const FormFilter& filter) override {
    Where w = where_of(filter);
    auto c = pool_.lease();
    Transaction tx(*c, false);
    FormCounts counts;
    auto group = [&](std::string_view column) {
      std::string sql = "SELECT " + std::string(column) + ", COUNT(*)" + std::string(kRecordFrom) +
                        w.sql + " GROUP BY " + std::string(column) + " ORDER BY " +
                        std::string(column);
      return tx.query(sql, w.params);
    };
    for (const auto& row : group("f.grade")) {
      counts.by_grade.emplace_back(text_of(row[0]), int_of(row[1]));
      counts.total += int_of(row[1]);
    }
    for (const auto& row : group("f.status"))
      counts.by_status.emplace_back(text_of(row[0]), int_of(row[1]));
    for (const auto& row : group("f.kind"))
      counts.by_kind.emplace_back(text_of(row[0]), int_of(row[1]));
    for (const auto& row : group("f.year"))
      if (row[0]) counts.by_year.emplace_back(int(int_of(row[0])), int_of(row[1]));
    return counts;
  }

  std::int64_t form_count() override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    return int_of(tx.query("SELECT COUNT(*) FROM forms").at(0).at(0));
  }

  std::vector<std::string> known_sources(std::span<const std::string> hashes) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<std::string> out;
    constexpr std::size_t kChunk = 500;
    for (std::size_t start = 0; start < hashes.size(); start += kChunk) {
      std::size_t end = std::min(hashes.size(), start + kChunk);
      std::string sql = "SELECT hash FROM loaded_sources WHERE hash IN (";
      std::vector<SqlParam> params;
      for (std::size_t i = start; i < end; ++i) {
        params.push_back(hashes[i]);
        sql += (i > start ? ", $" : "$") + std::to_string(params.size());
      }
      for (const auto& row : tx.query(sql + ")", params)) out.push_back(text_of(row[0]));
    }
    return out;
  }

  std::vector<CurrentRevision> current_revisions(std::optional<int> year) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::string sql = "SELECT f.id, f.revision, f.year, f.rule_set, f.mode, ff.rules_digest, "
                      "ff.revision FROM forms f LEFT JOIN form_facts ff ON ff.form_id = f.id";
    std::vector<SqlParam> params;
    if (year) {
      sql += " WHERE f.year = $1";
      params.push_back(std::int64_t(*year));
    }
    std::vector<CurrentRevision> out;
    for (const auto& row : tx.query(sql + " ORDER BY f.id", params)) {
      CurrentRevision r;
      r.id = int_of(row[0]);
      r.revision = int(int_of(row[1]));
      if (row[2]) r.year = int(int_of(row[2]));
      r.rule_set = text_of(row[3]);
      r.mode = text_of(row[4]);
      // Facts of an older revision (a save without facts cannot leave any) count as none.
      if (row[6] && int_of(row[6]) == r.revision) r.facts_digest = text_of(row[5]);
      out.push_back(std::move(r));
    }
    return out;
  }

  std::size_t rescore(std::span<const Rescore> rescores) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    std::size_t applied = 0;
    for (std::size_t start = 0; start < rescores.size(); start += kRowsPerInsert) {
      std::size_t n = std::min(rescores.size() - start, kRowsPerInsert);
      applied += rescore_chunk(tx, rescores.subspan(start, n));
    }
    tx.commit();
    return applied;
  }

private:
  // COUNT(*) of a list's filter as its caller sees it (`w`: where_of(filter), the Join
  // scope), kept per version of the data (CountCache, migration 9). The version is read
  // before the count, so a write committed in between can only make the kept count newer
  // than its version says, never older: the next reader sees a higher version and counts
  // again.
  std::int64_t counted(Transaction& tx, std::int64_t version, const FormFilter& filter,
                       const Where& w) {
    // The count joins departments only when the text filter reads its name: every form has
    // one, and without it PostgreSQL counts from forms_by_year_kind_grade_id alone.
    std::string from = filter.text.empty() ? " FROM forms f" : std::string(kRecordFrom);
    std::string key = from + w.sql;
    for (const auto& p : w.params) {
      key += '\x1f';
      if (auto* n = std::get_if<std::int64_t>(&p))
        key += 'i' + std::to_string(*n);
      else if (auto* t = std::get_if<std::string>(&p))
        key += 's' + *t;
    }
    if (auto kept = counts_.find(version, key)) return *kept;
    std::int64_t total = int_of(tx.query("SELECT COUNT(*)" + from + w.sql, w.params).at(0).at(0));
    counts_.keep(version, key, total);
    return total;
  }

  // Whether the organisation's scope (org_scope) holds every unit, kept beside the counts:
  // org_scope and departments raise the version too.
  bool scope_is_everything(Transaction& tx, std::int64_t version, Id org) {
    std::string key = "\x1escope " + std::to_string(org);
    if (auto kept = counts_.find(version, key)) return *kept == 1;
    auto r = tx.query("SELECT (SELECT COUNT(*) FROM org_scope WHERE org_id = $1), (SELECT "
                      "COUNT(*) FROM departments)",
                      {org});
    bool everything = int_of(r.at(0).at(0)) == int_of(r.at(0).at(1));
    counts_.keep(version, key, everything ? 1 : 0);
    return everything;
  }

  // What a rescore reads of a form's current row and of its stored facts.
  struct RescoreBase {
    int revision = 0;
    Id department_id = 0;
    std::string mode;
    model::Form head; // kind, year, project: what the facts need of the content
    std::optional<int> facts_revision;
    std::string digest, leaves_digest;
  };

  // The forms' rows, then their stored facts' revisions and digests: one read each. The
  // facts are read by form id within the chunk's years (PostgreSQL prunes the other
  // partitions when planning); a join of the two had PostgreSQL hash every form_facts row per
  // chunk (10,000 rows a chunk at 10,000 forms: 1.0 of 1.9 s of a rescore's server CPU).
  static std::map<Id, RescoreBase> rescore_bases(Transaction& tx,
                                                 std::span<const Rescore> rescores) {
    std::vector<SqlParam> ids;
    for (const auto& r : rescores) ids.emplace_back(r.form_id);
    std::map<Id, RescoreBase> current;
    std::set<std::int64_t> years;
    for (const auto& row :
         tx.query("SELECT id, revision, department_id, mode, kind, year, project FROM forms "
                  "WHERE id IN (" +
                      placeholders(1, ids.size()) + ")",
                  ids)) {
      RescoreBase& x = current[int_of(row[0])];
      x.revision = int(int_of(row[1]));
      x.department_id = int_of(row[2]);
      x.mode = text_of(row[3]);
      x.head.kind = parse_kind(text_of(row[4])).value_or(model::FormKind::Department);
      if (row[5]) x.head.year = int(int_of(row[5]));
      x.head.project = text_of(row[6]);
      years.insert(x.head.year.value_or(0)); // form_facts.year: 0 without one
    }
    if (current.empty()) return current;
    std::vector<SqlParam> params = ids;
    for (std::int64_t y : years) params.emplace_back(y);
    for (const auto& row :
         tx.query("SELECT form_id, year, revision, digest, leaves_digest FROM form_facts WHERE "
                  "form_id IN (" +
                      placeholders(1, ids.size()) + ") AND year IN (" +
                      placeholders(ids.size() + 1, years.size()) + ")",
                  params)) {
      auto found = current.find(int_of(row[0]));
      if (found == current.end() || int_of(row[1]) != found->second.head.year.value_or(0))
        continue; // facts filed under another year: as the join on the year read them
      found->second.facts_revision = int(int_of(row[2]));
      found->second.digest = text_of(row[3]);
      found->second.leaves_digest = text_of(row[4]);
    }
    return current;
  }

  // At most kRowsPerInsert rescores: the forms' rows and stored digests (rescore_bases), the
  // changed forms' summaries in one UPDATE, their facts deleted and appended per table; a form
  // whose leaves come out with the stored leaves_digest keeps its leaf and series rows.
  static std::size_t rescore_chunk(Transaction& tx, std::span<const Rescore> rescores) {
    std::map<Id, RescoreBase> current = rescore_bases(tx, rescores);
    std::size_t unchanged = 0;
    std::vector<SqlParam> values; // the UPDATE's rows
    std::map<Id, FactRows> rows;  // the changed forms' facts
    std::vector<Id> leaves_kept;  // of those, the forms whose leaf rows stay as stored
    for (const auto& r : rescores) {
      auto found = current.find(r.form_id);
      if (found == current.end() || found->second.revision != r.revision) continue;
      const RescoreBase& x = found->second;
      FactRows facts;
      FactDigests digests =
          facts.add({r.form_id, r.revision, x.department_id, &x.head, r.rule_set, x.mode},
                    r.summary, r.facts);
      if (x.facts_revision == r.revision && x.digest == digests.form) {
        ++unchanged; // the same rows are stored: nothing to write
        continue;
      }
      if (!x.leaves_digest.empty() && x.leaves_digest == digests.leaves) {
        facts.keep_stored_leaves();
        leaves_kept.push_back(r.form_id);
      }
      const Summary& s = r.summary;
      values.insert(values.end(), {r.form_id, std::int64_t(r.revision), r.rule_set});
      append_summary(values, s);
      rows.emplace(r.form_id, std::move(facts));
    }
    if (values.empty()) return unchanged;
    // The revision test is the lock, as in a save: a form saved meanwhile matches no row.
    std::string decimal = tx.dialect() == Dialect::PostgreSQL ? "NUMERIC" : "TEXT";
    std::string sql =
        "UPDATE forms SET rule_set = v.column3, total = CAST(v.column4 AS " + decimal +
        "), grade = v.column5, execution_rate = CAST(v.column6 AS " + decimal +
        "), indicator_score = CAST(v.column7 AS " + decimal +
        "), errors = CAST(v.column8 AS INTEGER), warnings = CAST(v.column9 AS INTEGER), notes = "
        "CAST(v.column10 AS INTEGER) FROM (VALUES ";
    for (std::size_t i = 0; i < values.size() / 10; ++i)
      sql += (i ? ", (" : "(") + placeholders(i * 10 + 1, 10) + ")";
    sql += ") AS v WHERE forms.id = CAST(v.column1 AS BIGINT) AND forms.revision = "
           "CAST(v.column2 AS INTEGER) RETURNING forms.id";
    std::vector<Id> written;
    for (const auto& row : tx.query(sql, values)) written.push_back(int_of(row[0]));
    std::sort(written.begin(), written.end());
    std::sort(leaves_kept.begin(), leaves_kept.end());
    std::vector<Id> leaves_written; // written forms whose leaf rows are written again
    for (Id id : written)
      if (!std::binary_search(leaves_kept.begin(), leaves_kept.end(), id))
        leaves_written.push_back(id);
    std::vector<Id> units, kept = series_as_stored(tx, leaves_written, rows);
    for (Id id : leaves_written)
      if (!std::binary_search(kept.begin(), kept.end(), id))
        units.push_back(current.at(id).department_id);
    lock_units(tx, units);
    std::vector<std::int64_t> removed = delete_facts(tx, written, kept, leaves_kept);
    FactRows all;
    for (Id id : written) all.append(std::move(rows.at(id)));
    all.keep_stored_series(kept);
    all.write(tx, std::move(removed));
    return unchanged + written.size();
  }

  // Of these forms (sorted), those whose series rows come out as stored (new rules, same
  // targets and actuals: the usual rescore), sorted. Those keep their rows, and the other
  // years' rows of their series need no look: at 100,000 forms that is 1.17 million rows
  // neither deleted, copied again nor re-derived, and no unit lock (lock_units guards the
  // series rows only), which two workers otherwise wait on for the units their chunks share
  // (71 s of a 205 s rescore, pg_stat_statements).
  static std::vector<Id> series_as_stored(Transaction& tx, const std::vector<Id>& form_ids,
                                          const std::map<Id, FactRows>& rows) {
    std::map<Id, std::vector<SeriesRow>> stored;
    for (auto& r : stored_series_rows(tx, form_ids)) stored[r.form_id].push_back(std::move(r));
    auto by_position = [](const SeriesRow& a, const SeriesRow& b) {
      return std::tie(a.year, a.goal_ordinal, a.ordinal) <
             std::tie(b.year, b.goal_ordinal, b.ordinal);
    };
    std::vector<Id> kept;
    for (Id id : form_ids) {
      std::vector<SeriesRow> now = rows.at(id).series().rows();
      std::vector<SeriesRow>& before = stored[id];
      std::sort(now.begin(), now.end(), by_position);
      std::sort(before.begin(), before.end(), by_position);
      if (now == before) kept.push_back(id);
    }
    return kept;
  }

  // `join` narrows the forms counted (" AND f.…"), `where` the departments listed.
  static std::string department_query(std::string_view where, std::string_view join = "") {
    return "SELECT d.id, d.name, d.created_at, COUNT(f.id) FROM departments d LEFT JOIN forms f "
           "ON f.department_id = d.id" +
           std::string(join) + std::string(where) +
           " GROUP BY d.id, d.name, d.created_at ORDER BY d.id";
  }

  void migrate() {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    if (tx.dialect() == Dialect::PostgreSQL)
      tx.query("SELECT pg_advisory_xact_lock($1)", {kMigrationLock});
    tx.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
               "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    auto rows = tx.query("SELECT MAX(version) FROM schema_migrations");
    int current = rows.empty() ? 0 : int(int_of(rows[0][0]));
    if (current > latest_schema_version())
      throw StoreError(
          diag::make(DiagId::err_store_schema_newer, "",
                     {std::to_string(current), std::to_string(latest_schema_version())}));
    // Every migration not yet recorded, in order (not only those above the newest applied):
    // branches that each added a migration leave databases with gaps, which this closes.
    std::set<std::int64_t> applied;
    for (const auto& row : tx.query("SELECT version FROM schema_migrations"))
      applied.insert(int_of(row[0]));
    for (const auto& m : migrations()) {
      if (applied.contains(m.version)) continue;
      c->execute_script(render(m.sql, tx.dialect()));
      tx.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                 {std::int64_t(m.version), std::string(m.name), now_utc()});
    }
    fill_series_keys(tx);
    tx.commit();
  }

  // Leaf facts stored before migration 7 have no series_key (it is computed in C++, fact_rows.h),
  // nor their series_facts rows (migration 8 copied them): filled here, in the migrations'
  // transaction, by primary key, a thousand rows per statement. A database without such rows
  // pays one indexed probe (series_facts_by_series_key; leaf_facts has no index on the key).
  static void fill_series_keys(Transaction& tx) {
    if (tx.query("SELECT 1 FROM series_facts WHERE series_key IS NULL LIMIT 1").empty()) return;
    auto missing = tx.query("SELECT year, form_id, goal_ordinal, ordinal, department_id, series "
                            "FROM leaf_facts WHERE series_key IS NULL");
    constexpr std::size_t kPerStatement = 1000, kWidth = 5;
    for (std::size_t start = 0; start < missing.size(); start += kPerStatement) {
      std::size_t n = std::min(missing.size() - start, kPerStatement);
      std::vector<SqlParam> values;
      std::string sql =
          "UPDATE leaf_facts SET series_key = CAST(v.column5 AS BIGINT) FROM (VALUES ";
      for (std::size_t i = 0; i < n; ++i) {
        const auto& row = missing[start + i];
        for (std::size_t k = 0; k < 4; ++k) values.push_back(int_of(row[k]));
        values.push_back(series_key(int_of(row[4]), text_of(row[5])));
        sql += (i ? ", (" : "(") + placeholders(i * kWidth + 1, kWidth) + ")";
      }
      sql += ") AS v WHERE leaf_facts.year = CAST(v.column1 AS INTEGER) AND leaf_facts.form_id = "
             "CAST(v.column2 AS BIGINT) AND leaf_facts.goal_ordinal = CAST(v.column3 AS INTEGER) "
             "AND leaf_facts.ordinal = CAST(v.column4 AS INTEGER)";
      tx.execute(sql, values);
    }
    // series_facts copied those leaves' NULL keys (migration 8's backfill): copied again, and
    // every row's derived columns computed anew (the keys join the years).
    tx.execute("UPDATE series_facts SET series_key = (SELECT l.series_key FROM leaf_facts l "
               "WHERE l.year = series_facts.year AND l.form_id = series_facts.form_id AND "
               "l.goal_ordinal = series_facts.goal_ordinal AND l.ordinal = series_facts.ordinal) "
               "WHERE series_key IS NULL");
    tx.execute(std::string(series_refresh_sql()));
  }

  static Id ensure_department(Transaction& tx, const std::string& name) {
    return ensure_departments(tx, std::span(&name, 1)).at(name);
  }

  // The ids of these departments, created when new: one insert and one read. Names are
  // inserted in sorted order, so two transactions creating the same departments take their
  // row locks in the same order and cannot deadlock.
  static std::map<std::string, Id> ensure_departments(Transaction& tx,
                                                      std::span<const std::string> names) {
    std::set<std::string> distinct(names.begin(), names.end());
    if (distinct.contains(""))
      throw StoreError(diag::make(DiagId::err_form_no_department, "department"));
    std::map<std::string, Id> out;
    std::vector<std::string> sorted(distinct.begin(), distinct.end());
    constexpr std::size_t kPerStatement = 500;
    std::string now = now_utc();
    for (std::size_t start = 0; start < sorted.size(); start += kPerStatement) {
      std::size_t n = std::min(sorted.size() - start, kPerStatement);
      std::vector<SqlParam> values, names_in;
      for (std::size_t i = start; i < start + n; ++i) {
        values.insert(values.end(), {sorted[i], now});
        names_in.emplace_back(sorted[i]);
      }
      tx.insert_values("departments", "name, created_at", 2, values,
                       "ON CONFLICT (name) DO NOTHING");
      for (const auto& row :
           tx.query("SELECT id, name FROM departments WHERE name IN (" + placeholders(1, n) + ")",
                    names_in))
        out[text_of(row[1])] = int_of(row[0]);
    }
    return out;
  }

  static void refuse_unstorable(const model::Form& form) {
    if (auto path = unstorable_text(form))
      throw StoreError(diag::make(DiagId::err_text_nul, *path, {*path}));
  }

  // Files every form as revision 1 with a statement per table for them all (rows appended
  // with COPY in PostgreSQL when many), then their audit entries, last (append_audits).
  static std::vector<Id> create(Transaction& tx, std::span<const NewForm> forms) {
    std::vector<std::string> names;
    for (const auto& f : forms) {
      refuse_unstorable(f.form);
      names.push_back(f.form.department);
    }
    std::map<std::string, Id> departments = ensure_departments(tx, names);
    std::vector<Id> ids = allocate_ids(tx, "forms", forms.size());
    std::vector<Id> revision_ids = allocate_ids(tx, "revisions", forms.size());
    std::string now = now_utc();
    std::vector<SqlParam> form_rows, sources;
    ContentRows content;
    FactRows facts;
    std::vector<AuditRecord> audits;
    for (std::size_t i = 0; i < forms.size(); ++i) {
      const NewForm& f = forms[i];
      Id department = departments.at(f.form.department);
      std::string status(status_name(f.status));
      form_rows.insert(form_rows.end(), {ids[i], department, std::string(kind_name(f.form.kind)),
                                         optional_int(f.form.year), f.form.title, f.form.project,
                                         status, f.rule_set, f.mode, std::int64_t(1)});
      append_summary(form_rows, f.summary);
      form_rows.insert(form_rows.end(), {now, now, f.author, status});
      Revision revision{1, f.author, f.comment, now, f.status, f.rule_set, f.mode, f.summary};
      content.add(revision_ids[i], ids[i], revision, f.form);
      if (f.facts)
        facts.add({ids[i], 1, department, &f.form, f.rule_set, f.mode}, f.summary, *f.facts);
      if (!f.source_hash.empty())
        sources.insert(sources.end(), {f.source_hash, ids[i], f.source_name, now});
      audits.push_back({{f.author_id, f.author}, "form.create", ids[i], 1, f.comment});
    }
    tx.append_rows("forms",
                   "id, department_id, kind, year, title, project, status, rule_set, mode, "
                   "revision, total, grade, execution_rate, indicator_score, errors, warnings, "
                   "notes, created_at, updated_at, updated_by, review_state",
                   21, form_rows);
    content.write(tx);
    facts.write(tx);
    tx.insert_values("loaded_sources", "hash, form_id, name, loaded_at", 4, sources,
                     "ON CONFLICT (hash) DO NOTHING");
    append_audits(tx, audits);
    return ids;
  }

  // The save on top of its base, inside the caller's write transaction; false when another
  // save got there first (the caller rolls back and reports the conflict).
  static bool apply(Transaction& tx, const Save& s) {
    refuse_unstorable(s.form);
    auto rows = tx.query("SELECT status, rule_set, mode FROM forms WHERE id = $1", {s.form_id});
    Status status = s.status.value_or(parse_status(text_of(rows.at(0)[0])).value_or(Status::Draft));
    std::string rule_set = s.rule_set.value_or(text_of(rows[0][1]));
    std::string mode = s.mode.value_or(text_of(rows[0][2]));
    Id department = ensure_department(tx, s.form.department);
    std::string now = now_utc();
    int number = s.base_revision + 1;
    // The revision test in the WHERE clause is the lock: of two saves on the same base, the
    // second one's UPDATE (after waiting for the first in PostgreSQL) matches no row.
    auto changed = tx.execute(
        "UPDATE forms SET department_id = $1, kind = $2, year = $3, title = $4, project = $5, "
        "status = $6, rule_set = $7, mode = $8, revision = $9, total = $10, grade = $11, "
        "execution_rate = $12, indicator_score = $13, errors = $14, warnings = $15, notes = $16, "
        "updated_at = $17, updated_by = $18, review_state = CASE WHEN $21 = 1 THEN $6 ELSE "
        "review_state END WHERE id = $19 AND revision = $20",
        {department,
         std::string(kind_name(s.form.kind)),
         optional_int(s.form.year),
         s.form.title,
         s.form.project,
         std::string(status_name(status)),
         rule_set,
         mode,
         std::int64_t(number),
         decimal_param(s.summary.total),
         s.summary.grade,
         decimal_param(s.summary.execution_rate),
         decimal_param(s.summary.indicator_score),
         std::int64_t(s.summary.errors),
         std::int64_t(s.summary.warnings),
         std::int64_t(s.summary.notes),
         now,
         s.author,
         s.form_id,
         std::int64_t(s.base_revision),
         std::int64_t(s.status ? 1 : 0)});
    if (changed != 1) return false;
    Revision revision{number, s.author, s.comment, now, status, rule_set, mode, s.summary};
    insert_revision(tx, s.form_id, revision, s.form);
    replace_facts(tx, {s.form_id, number, department, &s.form, rule_set, mode}, s.summary, s.facts);
    append_audit(tx, {{s.author_id, s.author}, "form.save", s.form_id, number, s.comment});
    return true;
  }

  static std::optional<FormRecord> record(Transaction& tx, Id id) {
    auto rows = tx.query("SELECT " + std::string(kRecordColumns) + std::string(kRecordFrom) +
                             " WHERE f.id = $1",
                         {id});
    if (rows.empty()) return std::nullopt;
    return record_from(rows[0]);
  }

  // The records of these forms, in the order of `ids` (every one must exist).
  static std::vector<FormRecord> records(Transaction& tx, std::span<const Id> ids) {
    std::map<Id, FormRecord> found;
    in_chunks(ids, [&](const std::vector<SqlParam>& params, const std::string& in_list) {
      for (const auto& row :
           tx.query("SELECT " + std::string(kRecordColumns) + std::string(kRecordFrom) +
                        " WHERE f.id IN (" + in_list + ")",
                    params)) {
        FormRecord r = record_from(row);
        found.emplace(r.id, std::move(r));
      }
    });
    std::vector<FormRecord> out;
    for (Id id : ids) out.push_back(std::move(found.at(id)));
    return out;
  }

  static std::optional<StoredForm> stored(Transaction& tx, Id id, std::optional<int> number) {
    auto r = record(tx, id);
    if (!r) return std::nullopt;
    auto loaded = load_revision(tx, id, number.value_or(r->revision));
    if (!loaded) return std::nullopt;
    return StoredForm{std::move(*r), std::move(loaded->first), std::move(loaded->second)};
  }

  SqlStoreOptions options_;
  ConnectionPool pool_;
  CountCache counts_;
  std::unique_ptr<Directory> directory_;
  std::unique_ptr<ReviewLog> review_log_;
  std::unique_ptr<AuditTrail> audit_trail_;
  std::unique_ptr<Analyses> analyses_;
  std::unique_ptr<PlanShelf> plans_;
};

} // namespace

std::string now_utc() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::time_t seconds = system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(ms));
  return buffer;
}

std::unique_ptr<Store> make_sql_store(SqlStoreOptions options, ConnectionFactory factory) {
  return std::make_unique<SqlStore>(std::move(options), std::move(factory));
}

} // namespace ziping::store
