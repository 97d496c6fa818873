#include "ziping/store/fact_rows.h"

#include "ziping/store/form_rows.h"

namespace ziping::store {
namespace {

// A figure as its micro integer (facts.h); NULL when absent or not representable.
struct Micro {
  std::optional<std::int64_t> value;
};
Micro micro(const std::optional<Decimal>& value) {
  return {to_micro(value)};
}
// A decimal as its own text (target_number, actual_number).
struct Exact {
  const std::optional<Decimal>& value;
};

// Parameters built in place, one by one: GCC 12 reports a false maybe-uninitialized on
// variants of strings copied out of long initializer lists.
void put(std::vector<SqlParam>& p, std::int64_t v) {
  p.emplace_back(std::in_place_index<1>, v);
}
void put(std::vector<SqlParam>& p, const std::string& v) {
  p.emplace_back(std::in_place_index<2>, v);
}
void put(std::vector<SqlParam>& p, Micro v) {
  if (v.value)
    put(p, *v.value);
  else
    p.emplace_back();
}
void put(std::vector<SqlParam>& p, Exact v) {
  if (v.value)
    put(p, v.value->to_string());
  else
    p.emplace_back();
}
void put(std::vector<SqlParam>& p, const std::optional<bool>& v) {
  if (v)
    put(p, std::int64_t(*v ? 1 : 0));
  else
    p.emplace_back();
}
template <class... Params> void add(std::vector<SqlParam>& p, const Params&... params) {
  (put(p, params), ...);
}

constexpr std::string_view kFormColumns =
    "year, form_id, revision, department_id, kind, project, rule_set, rules_digest, mode, grade, "
    "declared_grade, total_micro, execution_rate_micro, execution_line_micro, "
    "execution_score_micro, budget_annual_micro, budget_executed_micro, indicator_weight_micro, "
    "indicator_score_micro, formula_score_micro, declared_budget_score_micro, "
    "declared_leaves_micro, declared_total_micro, declared_parts_micro, leaves, errors, warnings, "
    "notes, codes";
constexpr std::size_t kFormWidth = 29;

constexpr std::string_view kLeafColumns =
    "year, form_id, goal_ordinal, ordinal, department_id, series, level1, level2, name, method, "
    "comparator, target_kind, target_text, target_number, target_micro, target_unit, "
    "actual_text, actual_number, actual_micro, actual_unit, ratio_micro, deviation_micro, met, "
    "large_deviation, tier, weight_micro, declared_micro, formula_micro, score_micro, codes";
constexpr std::size_t kLeafWidth = 30;

} // namespace

void replace_facts(Transaction& tx, const FactsOwner& o, const Summary& s,
                   const std::optional<FormFacts>& facts, bool fresh) {
  if (!fresh) {
    tx.execute("DELETE FROM leaf_facts WHERE form_id = $1", {SqlParam(o.form_id)});
    tx.execute("DELETE FROM form_facts WHERE form_id = $1", {o.form_id});
  }
  if (!facts) return;
  const FormFacts& f = *facts;
  std::int64_t year = o.form->year.value_or(0);
  std::vector<SqlParam> p;
  add(p, std::int64_t(year), o.form_id, std::int64_t(o.revision), o.department_id,
      std::string(kind_name(o.form->kind)), o.form->project, o.rule_set, f.rules_digest, o.mode,
      s.grade, f.declared_grade, micro(s.total), micro(s.execution_rate), micro(f.execution_line),
      micro(f.execution_score), micro(f.budget_annual), micro(f.budget_executed),
      micro(f.indicator_weight), micro(s.indicator_score), micro(f.formula_score),
      micro(f.declared_budget_score), micro(f.declared_leaves), micro(f.declared_total),
      micro(f.declared_parts), std::int64_t(f.leaves.size()), std::int64_t(s.errors),
      std::int64_t(s.warnings), std::int64_t(s.notes), f.codes);
  std::string sql = "INSERT INTO form_facts (" + std::string(kFormColumns) + ") VALUES (";
  for (std::size_t i = 1; i <= kFormWidth; ++i) sql += (i > 1 ? ", $" : "$") + std::to_string(i);
  tx.execute(sql + ")", p);
  insert_rows(tx, "leaf_facts", kLeafColumns, kLeafWidth, f.leaves,
              [&](std::vector<SqlParam>& q, const LeafFact& l, std::size_t) {
                add(q, year, o.form_id, std::int64_t(l.goal_ordinal), std::int64_t(l.ordinal),
                    o.department_id, l.series, l.level1, l.level2, l.name, l.method, l.comparator,
                    l.target_kind, l.target_text, Exact{l.target_number}, micro(l.target_number),
                    l.target_unit, l.actual_text, Exact{l.actual_number}, micro(l.actual_number),
                    l.actual_unit, micro(l.ratio), micro(l.deviation));
                put(q, l.met);
                add(q, std::int64_t(l.large_deviation ? 1 : 0), l.tier, micro(l.weight),
                    micro(l.declared), micro(l.formula), micro(l.score), l.codes);
              });
}

std::optional<std::int64_t> to_micro(const Decimal& value) {
  if (value.significant_places() > 6) return std::nullopt;
  Decimal scaled = value.normalized().with_min_scale(6);
  Decimal::Coefficient c = scaled.coefficient();
  if (c > Decimal::Coefficient(INT64_MAX) || c < Decimal::Coefficient(INT64_MIN))
    return std::nullopt;
  return std::int64_t(c);
}

std::optional<std::int64_t> to_micro(const std::optional<Decimal>& value) {
  if (!value) return std::nullopt;
  return to_micro(*value);
}

Decimal from_micro(std::int64_t micro, int places) {
  return (Decimal::from_int(micro) * Decimal::of("0.000001")).normalized().with_min_scale(places);
}

} // namespace ziping::store
