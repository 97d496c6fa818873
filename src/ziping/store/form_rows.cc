#include "ziping/store/form_rows.h"

#include <algorithm>
#include <map>

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

std::string child_columns(std::string_view keys, model::Owner owner) {
  return std::string(keys) + ", " + columns_of(owner);
}

// Children of the revisions in `ids`, `columns` after revision_id, ordered: one query per 500.
template <class Each>
void each_child_row(Transaction& tx, std::string_view table, std::string_view columns,
                    std::string_view order, const std::vector<Id>& ids, Each each) {
  in_chunks(ids, [&](const std::vector<SqlParam>& params, const std::string& in_list) {
    std::string sql = "SELECT revision_id, " + std::string(columns) + " FROM " +
                      std::string(table) + " WHERE revision_id IN (" + in_list +
                      ") ORDER BY revision_id, " + std::string(order);
    for (const auto& row : tx.query(sql, params)) each(std::stoll(text_of(row[0])), row);
  });
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

std::vector<Id> allocate_ids(Transaction& tx, std::string_view table, std::size_t n) {
  std::vector<Id> ids;
  if (n == 0) return ids;
  ids.reserve(n);
  if (tx.dialect() == Dialect::PostgreSQL) {
    for (const auto& row : tx.query("SELECT nextval(pg_get_serial_sequence('" + std::string(table) +
                                        "', 'id')) FROM generate_series(1, $1)",
                                    {std::int64_t(n)}))
      ids.push_back(std::stoll(text_of(row.at(0))));
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  auto rows = tx.query("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table));
  Id last = std::stoll(text_of(rows.at(0).at(0)));
  for (std::size_t i = 1; i <= n; ++i) ids.push_back(last + Id(i));
  return ids;
}

void append_summary(std::vector<SqlParam>& params, const Summary& s) {
  params.insert(params.end(), {decimal_param(s.total), s.grade, decimal_param(s.execution_rate),
                               decimal_param(s.indicator_score), std::int64_t(s.errors),
                               std::int64_t(s.warnings), std::int64_t(s.notes)});
}

void ContentRows::add(Id revision_id, Id form_id, const Revision& r, const model::Form& form) {
  using model::Owner;
  std::vector<SqlParam>& p = revisions_;
  p.insert(p.end(), {revision_id, form_id, std::int64_t(r.number), r.author, r.comment,
                     r.created_at, std::string(status_name(r.status)), r.rule_set, r.mode});
  append_summary(p, r.summary);
  content_params(p, form);
  for (std::size_t i = 0; i < form.budget.sources.size(); ++i) {
    funding_.insert(funding_.end(), {revision_id, std::int64_t(i)});
    fields_params(funding_, Owner::Funding, form.budget.sources[i]);
  }
  for (std::size_t g = 0; g < form.goals.size(); ++g) {
    goals_.insert(goals_.end(), {revision_id, std::int64_t(g)});
    fields_params(goals_, Owner::Goal, form.goals[g]);
    for (std::size_t i = 0; i < form.goals[g].indicators.size(); ++i) {
      indicators_.insert(indicators_.end(), {revision_id, std::int64_t(g), std::int64_t(i)});
      fields_params(indicators_, Owner::Indicator, form.goals[g].indicators[i]);
    }
  }
}

void ContentRows::write(Transaction& tx) const {
  using model::Owner;
  tx.append_rows("revisions",
                 "id, form_id, number, author, comment, created_at, status, rule_set, mode, "
                 "total, grade, execution_rate, indicator_score, errors, warnings, notes, " +
                     std::string(kContentColumns),
                 1 + kRevisionWidth + kContentWidth, revisions_);
  // Goals before the indicators that refer to them.
  tx.append_rows("funding_sources", child_columns("revision_id, ordinal", Owner::Funding),
                 2 + model::fields_of(Owner::Funding).size(), funding_);
  tx.append_rows("goals", child_columns("revision_id, ordinal", Owner::Goal),
                 2 + model::fields_of(Owner::Goal).size(), goals_);
  tx.append_rows("indicators",
                 child_columns("revision_id, goal_ordinal, ordinal", Owner::Indicator),
                 3 + model::fields_of(Owner::Indicator).size(), indicators_);
}

Id insert_revision(Transaction& tx, Id form_id, const Revision& r, const model::Form& form) {
  Id id = allocate_ids(tx, "revisions", 1).at(0);
  ContentRows rows;
  rows.add(id, form_id, r, form);
  rows.write(tx);
  return id;
}

std::string placeholders(std::size_t first, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", $" : "$") + std::to_string(first + i);
  return out;
}

std::vector<LoadedRevision> load_revisions(Transaction& tx, std::string_view from_where,
                                           std::span<const SqlParam> params) {
  using model::Owner;
  std::vector<LoadedRevision> out;
  std::vector<Id> ids; // revision row ids, ascending, beside `out`'s order
  std::map<Id, std::size_t> at;
  std::string columns;
  for (std::string_view c : {kRevisionColumns, kContentColumns}) {
    // Qualified: `from_where` may join tables with columns of the same names.
    std::size_t start = 0;
    while (start < c.size()) {
      std::size_t comma = std::min(c.find(',', start), c.size());
      std::string_view name = c.substr(start, comma - start);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      columns += (columns.empty() ? "r." : ", r.") + std::string(name);
      start = comma + 1;
    }
  }
  for (const auto& row : tx.query("SELECT r.form_id, " + columns + std::string(from_where) +
                                      " ORDER BY r.form_id, r.number",
                                  params)) {
    SqlRow rest(row.begin() + 1, row.end());
    LoadedRevision loaded{std::stoll(text_of(row[0])), revision_from(rest),
                          content_from(rest, kRevisionWidth)};
    Id id = std::stoll(text_of(rest[0]));
    at[id] = out.size();
    ids.push_back(id);
    out.push_back(std::move(loaded));
  }
  std::sort(ids.begin(), ids.end());
  auto form_of = [&](Id id) -> model::Form& { return out[at.at(id)].form; };
  each_child_row(tx, "funding_sources", columns_of(Owner::Funding), "ordinal", ids,
                 [&](Id id, const SqlRow& row) {
                   form_of(id).budget.sources.push_back(
                       fields_from<model::FundingRow>(row, 1, Owner::Funding));
                 });
  each_child_row(tx, "goals", columns_of(Owner::Goal), "ordinal", ids,
                 [&](Id id, const SqlRow& row) {
                   form_of(id).goals.push_back(fields_from<model::Goal>(row, 1, Owner::Goal));
                 });
  each_child_row(tx, "indicators", "goal_ordinal, " + columns_of(Owner::Indicator),
                 "goal_ordinal, ordinal", ids, [&](Id id, const SqlRow& row) {
                   model::Form& form = form_of(id);
                   auto goal = std::size_t(std::stoll(text_of(row[1])));
                   if (goal >= form.goals.size())
                     throw StoreError(diag::make(
                         DiagId::err_store_failure, "",
                         {"indicator row without its goal (revision " + std::to_string(id) + ")"}));
                   form.goals[goal].indicators.push_back(
                       fields_from<model::Indicator>(row, 2, Owner::Indicator));
                 });
  return out;
}

std::optional<std::pair<Revision, model::Form>> load_revision(Transaction& tx, Id form_id,
                                                              int number) {
  std::vector<SqlParam> params = {form_id, std::int64_t(number)};
  auto loaded =
      load_revisions(tx, " FROM revisions r WHERE r.form_id = $1 AND r.number = $2", params);
  if (loaded.empty()) return std::nullopt;
  return std::make_pair(std::move(loaded[0].revision), std::move(loaded[0].form));
}

} // namespace ziping::store
