// The plans of the year's chain over SQL (plan_shelf.h): filed with an audit entry, read back,
// listed for linking, and linked or unlinked by hand with an audit entry in the same
// transaction.
#include <algorithm>

#include "ziping/store/plan_shelf.h"
#include "ziping/store/sql_accounts.h"
#include "ziping/store/sql_store.h"
#include "ziping/store/store.h"

namespace ziping::store {
namespace {

using namespace cells;
using diag::DiagId;

constexpr std::string_view kColumns =
    "SELECT p.id, p.department_id, d.name, p.kind, p.scope, p.year, p.title, p.project, "
    "p.project_code, p.source_name, p.link, p.form_id, p.created_at, p.created_by, p.linked_at, "
    "p.linked_by FROM plans p JOIN departments d ON d.id = p.department_id";

PlanRecord record_from(const SqlRow& row) {
  PlanRecord r;
  r.id = integer(row[0]);
  r.department_id = integer(row[1]);
  r.department = text(row[2]);
  r.kind = model::parse_plan_kind(text(row[3])).value_or(model::PlanKind::Declaration);
  r.scope = model::parse_kind(text(row[4])).value_or(model::FormKind::Project);
  if (auto year = maybe_integer(row[5])) r.year = int(*year);
  r.title = text(row[6]);
  r.project = text(row[7]);
  r.project_code = text(row[8]);
  r.source_name = text(row[9]);
  r.link = parse_plan_link(text(row[10])).value_or(PlanLink::Auto);
  r.form_id = maybe_integer(row[11]);
  r.created_at = text(row[12]);
  r.created_by = text(row[13]);
  r.linked_at = text(row[14]);
  r.linked_by = text(row[15]);
  return r;
}

std::string plan_label(const PlanRecord& r) {
  return "plan " + std::to_string(r.id) + " (" + std::string(model::plan_kind_name(r.kind)) + ")";
}

class SqlPlanShelf final : public PlanShelf {
public:
  explicit SqlPlanShelf(ConnectionPool& pool) : pool_(pool) {}

  PlanRecord add(const NewPlan& n) override {
    const model::Plan& p = n.plan;
    if (p.department.empty())
      throw StoreError(diag::make(DiagId::err_form_no_department, "department"));
    auto c = pool_.lease();
    Transaction tx(*c, true);
    std::string now = now_utc();
    tx.execute("INSERT INTO departments (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO "
               "NOTHING",
               {p.department, now});
    Id department =
        integer(tx.query("SELECT id FROM departments WHERE name = $1", {p.department}).at(0).at(0));
    // Built one by one: GCC 12 misreads a braced list of variants holding strings
    // (-Wmaybe-uninitialized).
    std::vector<SqlParam> params;
    params.emplace_back(department);
    params.emplace_back(std::string(model::plan_kind_name(p.kind)));
    params.emplace_back(std::string(model::kind_name(p.scope)));
    if (p.year)
      params.emplace_back(std::int64_t(*p.year));
    else
      params.emplace_back(std::monostate{});
    for (const std::string* text :
         std::initializer_list<const std::string*>{&p.title, &p.project, &p.project_code,
                                                   &n.content, &n.source_name, &now, &n.actor.name})
      params.emplace_back(*text);
    auto rows = tx.query(
        "INSERT INTO plans (department_id, kind, scope, year, title, project, project_code, "
        "content, source_name, link, form_id, created_at, created_by, linked_at, linked_by) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'auto', NULL, $10, $11, '', '') RETURNING id",
        std::span<const SqlParam>(params));
    Id id = integer(rows.at(0).at(0));
    auto r = read_record(tx, id).value();
    append_audit(tx, {n.actor, "plan.import", std::nullopt, std::nullopt,
                      plan_label(r) + " " + r.department + " " + n.source_name});
    tx.commit();
    return r;
  }

  std::optional<StoredPlan> plan(Id id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    auto r = read_record(tx, id);
    if (!r) return std::nullopt;
    auto rows = tx.query("SELECT content FROM plans WHERE id = $1", {id});
    return StoredPlan{std::move(*r), text(rows.at(0).at(0))};
  }

  std::optional<PlanRecord> record(Id id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    return read_record(tx, id);
  }

  std::vector<PlanRecord> plans(const PlanFilter& f) override {
    std::string sql(kColumns);
    std::vector<SqlParam> params;
    std::string where;
    auto add = [&](const char* condition, std::int64_t value) {
      params.emplace_back(value);
      where += (where.empty() ? " WHERE " : " AND ") + std::string(condition) + " = $" +
               std::to_string(params.size());
    };
    if (f.department_id) add("p.department_id", *f.department_id);
    if (f.year) add("p.year", std::int64_t(*f.year));
    if (f.form_id) add("p.form_id", *f.form_id);
    auto add_in = [&](const char* column, const std::vector<Id>& ids) {
      std::string in;
      for (Id id : ids) {
        params.emplace_back(id);
        in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
      }
      where += std::string(where.empty() ? " WHERE " : " AND ") +
               (in.empty() ? "1 = 0" : std::string(column) + " IN (" + in + ")");
    };
    if (f.visible_under) {
      // The listed departments or those under the organisation (PlanFilter::visible_under).
      std::string any;
      for (Id id : f.visible_departments.value_or(std::vector<Id>{})) {
        params.emplace_back(id);
        any += (any.empty() ? "p.department_id IN ($" : ", $") + std::to_string(params.size());
      }
      if (!any.empty()) any += ") OR ";
      params.emplace_back(*f.visible_under);
      where += std::string(where.empty() ? " WHERE " : " AND ") + "(" + any +
               "p.department_id IN (SELECT department_id FROM org_scope WHERE org_id = $" +
               std::to_string(params.size()) + "))";
    } else if (f.visible_departments) {
      add_in("p.department_id", *f.visible_departments);
    }
    if (f.linked_forms) add_in("p.form_id", *f.linked_forms);
    sql += where + " ORDER BY p.id DESC LIMIT " + std::to_string(std::clamp(f.limit, 1, 1000));
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<PlanRecord> out;
    for (const auto& row : tx.query(sql, std::span<const SqlParam>(params)))
      out.push_back(record_from(row));
    return out;
  }

  bool set_link(Id plan_id, PlanLink link, std::optional<Id> form_id, const Actor& actor) override {
    if (link != PlanLink::Manual) form_id.reset();
    if (link == PlanLink::Manual && !form_id) return false;
    auto c = pool_.lease();
    Transaction tx(*c, true);
    auto before = read_record(tx, plan_id);
    if (!before) return false;
    if (form_id && tx.query("SELECT id FROM forms WHERE id = $1", {*form_id}).empty()) return false;
    std::string now = now_utc();
    std::vector<SqlParam> params;
    params.emplace_back(std::string(plan_link_name(link)));
    if (form_id)
      params.emplace_back(*form_id);
    else
      params.emplace_back(std::monostate{});
    params.emplace_back(now);
    params.emplace_back(actor.name);
    params.emplace_back(plan_id);
    tx.execute("UPDATE plans SET link = $1, form_id = $2, linked_at = $3, linked_by = $4 WHERE id "
               "= $5",
               std::span<const SqlParam>(params));
    const char* action = link == PlanLink::Manual ? "plan.link"
                         : link == PlanLink::None ? "plan.unlink"
                                                  : "plan.autolink";
    // The form the plan was or is now linked to, so the form's audit history shows both.
    std::optional<Id> about = form_id ? form_id : before->form_id;
    append_audit(tx, {actor, action, about, std::nullopt, plan_label(*before)});
    tx.commit();
    return true;
  }

private:
  static std::optional<PlanRecord> read_record(Transaction& tx, Id id) {
    auto rows = tx.query(std::string(kColumns) + " WHERE p.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return record_from(rows[0]);
  }

  ConnectionPool& pool_;
};

} // namespace

std::string_view plan_link_name(PlanLink link) {
  switch (link) {
  case PlanLink::Manual:
    return "manual";
  case PlanLink::None:
    return "none";
  case PlanLink::Auto:
    break;
  }
  return "auto";
}

std::optional<PlanLink> parse_plan_link(std::string_view name) {
  if (name == "auto") return PlanLink::Auto;
  if (name == "manual") return PlanLink::Manual;
  if (name == "none") return PlanLink::None;
  return std::nullopt;
}

std::unique_ptr<PlanShelf> make_sql_plan_shelf(ConnectionPool& pool) {
  return std::make_unique<SqlPlanShelf>(pool);
}

} // namespace ziping::store
