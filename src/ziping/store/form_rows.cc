#include "ziping/store/form_rows.h"

#include <algorithm>

#include "ziping/model/fields.h"

namespace ziping::store {
namespace {

using diag::DiagId;

std::string text_of(const SqlCell& cell) {
  return cell ? *cell : std::string();
}

std::optional<int> int_from(const SqlCell& cell) {
  if (!cell) return std::nullopt;
  return std::stoi(*cell);
}

SqlParam bool_param(const std::optional<bool>& value) {
  if (!value) return {};
  return std::int64_t(*value ? 1 : 0);
}

std::optional<bool> bool_from(const SqlCell& cell) {
  if (!cell) return std::nullopt;
  return *cell != "0" && *cell != "f" && *cell != "false";
}

// The funding_sources, goals and indicators tables have one column per field of their owner
// in the catalogue, named by its JSON key (a new field needs its migration, store/migrations).
std::string columns_of(model::Owner owner) {
  std::string out;
  for (const auto* info : model::fields_of(owner))
    out += (out.empty() ? "" : ", ") + std::string(info->json_key);
  return out;
}

SqlParam param_of(const std::string& text) {
  return text;
}
SqlParam param_of(const std::optional<num::Decimal>& value) {
  return decimal_param(value);
}
SqlParam param_of(const std::optional<bool>& value) {
  return bool_param(value);
}
SqlParam param_of(const std::optional<int>& value) {
  return optional_int(value);
}

// One row's parameters for the fields of `owner` held in `node`, in catalogue order.
template <class Struct>
void fields_params(std::vector<SqlParam>& p, model::Owner owner, const Struct& node) {
  model::for_each_member<Struct>(
      owner, [&](const model::FieldInfo&, auto member) { p.push_back(param_of(node.*member)); });
}

void read_cell(const SqlCell& cell, std::string& out) {
  out = text_of(cell);
}
void read_cell(const SqlCell& cell, std::optional<num::Decimal>& out) {
  out = decimal_from(cell);
}
void read_cell(const SqlCell& cell, std::optional<bool>& out) {
  out = bool_from(cell);
}
void read_cell(const SqlCell& cell, std::optional<int>& out) {
  out = int_from(cell);
}

// The fields of `owner` from a row whose columns from `first` on are columns_of(owner).
template <class Struct>
Struct fields_from(const SqlRow& row, std::size_t first, model::Owner owner) {
  Struct node;
  std::size_t column = first;
  model::for_each_member<Struct>(
      owner, [&](const model::FieldInfo&, auto member) { read_cell(row[column++], node.*member); });
  return node;
}

constexpr std::string_view kContentColumns =
    "kind, title, year, department, project, implementing_unit, money_unit, budget_initial, "
    "budget_annual, budget_executed, budget_weight, budget_score, budget_rate, "
    "budget_deviation_reason, total_weight, declared_total, declared_grade, conclusion, problems, "
    "improvements, project_leader, finance_leader";
constexpr std::size_t kContentWidth = 22;
constexpr std::size_t kRevisionWidth = 15; // kRevisionColumns

void content_params(std::vector<SqlParam>& p, const model::Form& f) {
  p.push_back(std::string(kind_name(f.kind)));
  p.push_back(f.title);
  p.push_back(optional_int(f.year));
  p.push_back(f.department);
  p.push_back(f.project);
  p.push_back(f.implementing_unit);
  p.push_back(f.money_unit);
  p.push_back(decimal_param(f.budget.initial));
  p.push_back(decimal_param(f.budget.annual));
  p.push_back(decimal_param(f.budget.executed));
  p.push_back(decimal_param(f.budget.weight));
  p.push_back(decimal_param(f.budget.score));
  p.push_back(f.budget.rate);
  p.push_back(f.budget.deviation_reason);
  p.push_back(decimal_param(f.total_weight));
  p.push_back(decimal_param(f.total_score));
  p.push_back(f.grade);
  p.push_back(f.conclusion);
  p.push_back(f.problems);
  p.push_back(f.improvements);
  p.push_back(f.project_leader);
  p.push_back(f.finance_leader);
}

model::Form content_from(const SqlRow& row, std::size_t i) {
  model::Form f;
  f.kind = parse_kind(text_of(row[i])).value_or(model::FormKind::Department);
  f.title = text_of(row[i + 1]);
  f.year = int_from(row[i + 2]);
  f.department = text_of(row[i + 3]);
  f.project = text_of(row[i + 4]);
  f.implementing_unit = text_of(row[i + 5]);
  f.money_unit = text_of(row[i + 6]);
  f.budget.initial = decimal_from(row[i + 7]);
  f.budget.annual = decimal_from(row[i + 8]);
  f.budget.executed = decimal_from(row[i + 9]);
  f.budget.weight = decimal_from(row[i + 10]);
  f.budget.score = decimal_from(row[i + 11]);
  f.budget.rate = text_of(row[i + 12]);
  f.budget.deviation_reason = text_of(row[i + 13]);
  f.total_weight = decimal_from(row[i + 14]);
  f.total_score = decimal_from(row[i + 15]);
  f.grade = text_of(row[i + 16]);
  f.conclusion = text_of(row[i + 17]);
  f.problems = text_of(row[i + 18]);
  f.improvements = text_of(row[i + 19]);
  f.project_leader = text_of(row[i + 20]);
  f.finance_leader = text_of(row[i + 21]);
  return f;
}

void insert_children(Transaction& tx, Id revision_id, const model::Form& form) {
  using model::Owner;
  insert_rows(tx, "funding_sources", "revision_id, ordinal, " + columns_of(Owner::Funding),
              2 + model::fields_of(Owner::Funding).size(), form.budget.sources,
              [&](std::vector<SqlParam>& p, const model::FundingRow& s, std::size_t i) {
                p.insert(p.end(), {revision_id, std::int64_t(i)});
                fields_params(p, Owner::Funding, s);
              });
  insert_rows(tx, "goals", "revision_id, ordinal, " + columns_of(Owner::Goal),
              2 + model::fields_of(Owner::Goal).size(), form.goals,
              [&](std::vector<SqlParam>& p, const model::Goal& g, std::size_t i) {
                p.insert(p.end(), {revision_id, std::int64_t(i)});
                fields_params(p, Owner::Goal, g);
              });
  struct Leaf {
    std::size_t goal;
    std::size_t index;
    const model::Indicator* indicator;
  };
  std::vector<Leaf> leaves;
  for (std::size_t g = 0; g < form.goals.size(); ++g)
    for (std::size_t i = 0; i < form.goals[g].indicators.size(); ++i)
      leaves.push_back({g, i, &form.goals[g].indicators[i]});
  insert_rows(tx, "indicators",
              "revision_id, goal_ordinal, ordinal, " + columns_of(Owner::Indicator),
              3 + model::fields_of(Owner::Indicator).size(), leaves,
              [&](std::vector<SqlParam>& p, const Leaf& leaf, std::size_t) {
                p.insert(p.end(), {revision_id, std::int64_t(leaf.goal), std::int64_t(leaf.index)});
                fields_params(p, Owner::Indicator, *leaf.indicator);
              });
}

void load_children(Transaction& tx, Id revision_id, model::Form& form) {
  using model::Owner;
  for (const auto& row : tx.query("SELECT " + columns_of(Owner::Funding) +
                                      " FROM funding_sources WHERE revision_id = $1 ORDER BY "
                                      "ordinal",
                                  {revision_id}))
    form.budget.sources.push_back(fields_from<model::FundingRow>(row, 0, Owner::Funding));
  for (const auto& row : tx.query("SELECT " + columns_of(Owner::Goal) +
                                      " FROM goals WHERE revision_id = $1 ORDER BY ordinal",
                                  {revision_id}))
    form.goals.push_back(fields_from<model::Goal>(row, 0, Owner::Goal));
  for (const auto& row : tx.query("SELECT goal_ordinal, " + columns_of(Owner::Indicator) +
                                      " FROM indicators WHERE revision_id = $1 ORDER BY "
                                      "goal_ordinal, ordinal",
                                  {revision_id})) {
    auto goal = std::size_t(std::stoll(text_of(row[0])));
    if (goal >= form.goals.size())
      throw StoreError(diag::make(
          DiagId::err_store_failure, "",
          {"indicator row without its goal (revision " + std::to_string(revision_id) + ")"}));
    auto x = fields_from<model::Indicator>(row, 1, Owner::Indicator);
    form.goals[goal].indicators.push_back(std::move(x));
  }
}

} // namespace

SqlParam decimal_param(const std::optional<Decimal>& value) {
  if (!value) return {};
  return value->to_string();
}

SqlParam optional_int(const std::optional<int>& value) {
  if (!value) return {};
  return std::int64_t(*value);
}

std::optional<Decimal> decimal_from(const SqlCell& cell) {
  if (!cell) return std::nullopt;
  auto value = Decimal::parse(*cell);
  if (!value)
    throw StoreError(diag::make(DiagId::err_store_failure, "",
                                {"stored value \"" + *cell + "\" is not a decimal"}));
  return value;
}

Summary summary_from(const SqlRow& row, std::size_t i) {
  Summary s;
  s.total = decimal_from(row[i]);
  s.grade = text_of(row[i + 1]);
  s.execution_rate = decimal_from(row[i + 2]);
  s.indicator_score = decimal_from(row[i + 3]);
  s.errors = int_from(row[i + 4]).value_or(0);
  s.warnings = int_from(row[i + 5]).value_or(0);
  s.notes = int_from(row[i + 6]).value_or(0);
  return s;
}

Revision revision_from(const SqlRow& row) {
  Revision r;
  r.number = int_from(row[1]).value_or(0);
  r.author = text_of(row[2]);
  r.comment = text_of(row[3]);
  r.created_at = text_of(row[4]);
  r.status = parse_status(text_of(row[5])).value_or(Status::Draft);
  r.rule_set = text_of(row[6]);
  r.mode = text_of(row[7]);
  r.summary = summary_from(row, 8);
  return r;
}

Id insert_revision(Transaction& tx, Id form_id, const Revision& r, const model::Form& form) {
  std::vector<SqlParam> p = {form_id,
                             std::int64_t(r.number),
                             r.author,
                             r.comment,
                             r.created_at,
                             std::string(status_name(r.status)),
                             r.rule_set,
                             r.mode,
                             decimal_param(r.summary.total),
                             r.summary.grade,
                             decimal_param(r.summary.execution_rate),
                             decimal_param(r.summary.indicator_score),
                             std::int64_t(r.summary.errors),
                             std::int64_t(r.summary.warnings),
                             std::int64_t(r.summary.notes)};
  content_params(p, form);
  std::string sql = "INSERT INTO revisions (form_id, number, author, comment, created_at, status, "
                    "rule_set, mode, total, grade, execution_rate, indicator_score, errors, "
                    "warnings, notes, " +
                    std::string(kContentColumns) + ") VALUES (";
  for (std::size_t i = 1; i <= p.size(); ++i) sql += (i > 1 ? ", $" : "$") + std::to_string(i);
  sql += ") RETURNING id";
  Id id = std::stoll(text_of(tx.query(sql, p).at(0).at(0)));
  insert_children(tx, id, form);
  return id;
}

std::optional<std::pair<Revision, model::Form>> load_revision(Transaction& tx, Id form_id,
                                                              int number) {
  auto rows =
      tx.query("SELECT " + std::string(kRevisionColumns) + ", " + std::string(kContentColumns) +
                   " FROM revisions WHERE form_id = $1 AND number = $2",
               {form_id, std::int64_t(number)});
  if (rows.empty()) return std::nullopt;
  Revision revision = revision_from(rows[0]);
  model::Form form = content_from(rows[0], kRevisionWidth);
  load_children(tx, std::stoll(text_of(rows[0][0])), form);
  static_assert(kContentWidth == 22);
  return std::make_pair(std::move(revision), std::move(form));
}

} // namespace ziping::store
