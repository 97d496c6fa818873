#include "ziping/store/fact_rows.h"

#include <algorithm>

#include "ziping/crypto/crypto.h"
#include "ziping/store/form_rows.h"

namespace ziping::store {
namespace {

// pg_advisory_xact_lock(kUnitFactsLock, department id): lock_units (the two-key form, apart
// from the one-key locks of migrations and the audit chain).
constexpr std::int32_t kUnitFactsLock = 0x7a70;

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
template <class... Params> void add_params(std::vector<SqlParam>& p, const Params&... params) {
  (put(p, params), ...);
}

constexpr std::string_view kFormColumns =
    "year, form_id, revision, department_id, kind, project, rule_set, rules_digest, mode, grade, "
    "declared_grade, total_micro, execution_rate_micro, execution_line_micro, "
    "execution_score_micro, budget_annual_micro, budget_executed_micro, indicator_weight_micro, "
    "indicator_score_micro, formula_score_micro, declared_budget_score_micro, "
    "declared_leaves_micro, declared_total_micro, declared_parts_micro, leaves, errors, warnings, "
    "notes, codes, compared_leaves, leaves_over, excess_micro, digest, leaves_digest";
constexpr std::size_t kFormWidth = 34;

constexpr std::string_view kLeafColumns =
    "year, form_id, goal_ordinal, ordinal, department_id, series, series_key, level1, level2, "
    "name, method, "
    "comparator, target_kind, target_text, target_number, target_micro, target_unit, "
    "actual_text, actual_number, actual_micro, actual_unit, ratio_micro, deviation_micro, met, "
    "large_deviation, tier, weight_micro, declared_micro, formula_micro, score_micro, codes";
constexpr std::size_t kLeafWidth = 31;

// The rows' values, each length-prefixed and typed, so different rows cannot read the same.
void digest_text(std::string& out, std::span<const SqlParam> values) {
  for (const auto& v : values) {
    if (auto* n = std::get_if<std::int64_t>(&v)) {
      out += 'i';
      out += std::to_string(*n);
    } else if (auto* t = std::get_if<std::string>(&v)) {
      out += 's';
      out += std::to_string(t->size());
      out += ':';
      out += *t;
    } else {
      out += 'n';
    }
    out += ';';
  }
}

} // namespace

FactDigests FactRows::add(const FactsOwner& o, const Summary& s, const FormFacts& f) {
  std::int64_t year = o.form->year.value_or(0);
  std::size_t leaves_start = leaves_.size();
  // Σ(declared − formula) over the leaves that have both: the inflation analyses' per-form
  // figures, kept here so that they read one row per form instead of its leaves.
  std::int64_t compared = 0, over = 0, excess = 0;
  for (const LeafFact& l : f.leaves) {
    std::vector<SqlParam>& q = leaves_;
    std::int64_t key = series_key(o.department_id, l.series);
    Micro target = micro(l.target_number), deviation = micro(l.deviation);
    add_params(q, year, o.form_id, std::int64_t(l.goal_ordinal), std::int64_t(l.ordinal),
               o.department_id, l.series, key, l.level1, l.level2, l.name, l.method, l.comparator,
               l.target_kind, l.target_text, Exact{l.target_number}, target, l.target_unit,
               l.actual_text, Exact{l.actual_number}, micro(l.actual_number), l.actual_unit,
               micro(l.ratio), deviation);
    put(q, l.met);
    Micro declared = micro(l.declared), formula = micro(l.formula);
    add_params(q, std::int64_t(l.large_deviation ? 1 : 0), l.tier, micro(l.weight), declared,
               formula, micro(l.score), l.codes);
    series_.add({year, o.form_id, std::int64_t(l.goal_ordinal), std::int64_t(l.ordinal),
                 o.department_id, key, deviation.value == std::int64_t(0),
                 l.target_kind == "quantity", l.comparator, l.target_unit, target.value});
    if (declared.value && formula.value) {
      ++compared;
      if (*declared.value > *formula.value) ++over;
      excess += *declared.value - *formula.value;
    }
  }
  std::size_t form_start = forms_.size();
  std::vector<SqlParam>& p = forms_;
  add_params(p, std::int64_t(year), o.form_id, std::int64_t(o.revision), o.department_id,
             std::string(kind_name(o.form->kind)), o.form->project, o.rule_set, f.rules_digest,
             o.mode, s.grade, f.declared_grade, micro(s.total), micro(s.execution_rate),
             micro(f.execution_line), micro(f.execution_score), micro(f.budget_annual),
             micro(f.budget_executed), micro(f.indicator_weight), micro(s.indicator_score),
             micro(f.formula_score), micro(f.declared_budget_score), micro(f.declared_leaves),
             micro(f.declared_total), micro(f.declared_parts), std::int64_t(f.leaves.size()),
             std::int64_t(s.errors), std::int64_t(s.warnings), std::int64_t(s.notes), f.codes,
             compared, over);
  if (compared > 0)
    put(p, excess);
  else
    p.emplace_back();
  // leaves_digest: the leaf rows; digest: the form's row and leaves_digest, so that the leaves
  // are hashed once (libsodium's SHA-256 over ~2.5 kB a form: ~1.7 s of a 100,000-form
  // rescore's client CPU when they were hashed for both). Digests stored before migration 13
  // (ziping-facts-1, the leaves' text itself) differ: the first rescore after it writes every
  // form's facts once.
  std::string leaves = "ziping-leaves-1;";
  digest_text(leaves, std::span(leaves_).subspan(leaves_start));
  FactDigests digests;
  digests.leaves = crypto::sha256_hex(leaves);
  std::string text = "ziping-facts-2;";
  digest_text(text, std::span(forms_).subspan(form_start));
  text += digests.leaves;
  digests.form = crypto::sha256_hex(text);
  put(p, digests.form);
  put(p, digests.leaves);
  return digests;
}

void FactRows::keep_stored_leaves() {
  leaves_.clear();
  series_ = {};
}

void FactRows::append(FactRows&& other) {
  forms_.insert(forms_.end(), std::make_move_iterator(other.forms_.begin()),
                std::make_move_iterator(other.forms_.end()));
  leaves_.insert(leaves_.end(), std::make_move_iterator(other.leaves_.begin()),
                 std::make_move_iterator(other.leaves_.end()));
  series_.append(std::move(other.series_));
}

void lock_units(Transaction& tx, std::vector<Id> department_ids) {
  if (tx.dialect() != Dialect::PostgreSQL || department_ids.empty()) return;
  std::sort(department_ids.begin(), department_ids.end());
  department_ids.erase(std::unique(department_ids.begin(), department_ids.end()),
                       department_ids.end());
  // One statement; the select list is evaluated left to right, so in ascending order.
  std::string sql = "SELECT ";
  std::vector<SqlParam> params;
  for (Id id : department_ids) {
    params.emplace_back(id);
    sql += (params.size() > 1 ? ", " : "") + std::string("pg_advisory_xact_lock(") +
           std::to_string(kUnitFactsLock) + ", CAST($" + std::to_string(params.size()) +
           " AS INTEGER))";
  }
  tx.query(sql, params);
}

void FactRows::write(Transaction& tx, std::vector<std::int64_t> removed_keys) const {
  // The units whose series rows this writes (a rescore leaves out those it keeps); the units
  // of removed_keys were locked by the caller before it deleted.
  std::vector<Id> units;
  for (const auto& r : series_.rows()) units.push_back(r.department_id);
  lock_units(tx, std::move(units));
  tx.append_rows("form_facts", kFormColumns, kFormWidth, forms_);
  tx.append_rows("leaf_facts", kLeafColumns, kLeafWidth, leaves_);
  series_.write(tx, std::move(removed_keys));
}

std::int64_t series_key(Id department_id, std::string_view series) {
  std::string text = std::to_string(department_id);
  text += '\n';
  text += series;
  std::uint64_t bits = std::stoull(crypto::sha256_hex(text).substr(0, 16), nullptr, 16);
  return std::int64_t(bits); // two's complement: the same bits on every platform we build for
}

std::vector<std::int64_t> delete_facts(Transaction& tx, std::span<const Id> form_ids) {
  return delete_facts(tx, form_ids, {});
}

std::vector<std::int64_t> delete_facts(Transaction& tx, std::span<const Id> form_ids,
                                       std::span<const Id> series_kept) {
  return delete_facts(tx, form_ids, series_kept, {});
}

std::vector<std::int64_t> delete_facts(Transaction& tx, std::span<const Id> form_ids,
                                       std::span<const Id> series_kept,
                                       std::span<const Id> leaves_kept) {
  std::vector<std::int64_t> keys;
  std::vector<Id> series_gone, leaves_gone;
  auto holds = [](std::span<const Id> sorted, Id id) {
    return std::binary_search(sorted.begin(), sorted.end(), id);
  };
  for (Id id : form_ids) {
    if (!holds(series_kept, id) && !holds(leaves_kept, id)) series_gone.push_back(id);
    if (!holds(leaves_kept, id)) leaves_gone.push_back(id);
  }
  in_chunks(series_gone, [&](const std::vector<SqlParam>& params, const std::string& in) {
    for (const auto& row : tx.query(
             "SELECT DISTINCT series_key FROM series_facts WHERE form_id IN (" + in + ")", params))
      if (row[0]) keys.push_back(std::stoll(*row[0]));
    tx.execute("DELETE FROM series_facts WHERE form_id IN (" + in + ")", params);
  });
  in_chunks(leaves_gone, [&](const std::vector<SqlParam>& params, const std::string& in) {
    tx.execute("DELETE FROM leaf_facts WHERE form_id IN (" + in + ")", params);
  });
  in_chunks(form_ids, [&](const std::vector<SqlParam>& params, const std::string& in) {
    tx.execute("DELETE FROM form_facts WHERE form_id IN (" + in + ")", params);
  });
  return keys;
}

void replace_facts(Transaction& tx, const FactsOwner& o, const Summary& s,
                   const std::optional<FormFacts>& facts, bool fresh) {
  std::vector<std::int64_t> removed;
  if (!fresh) {
    // The unit the facts were filed under, and the one they will be: a save may move a form.
    std::vector<Id> units = {o.department_id};
    for (const auto& row :
         tx.query("SELECT department_id FROM form_facts WHERE form_id = $1", {o.form_id}))
      if (row[0]) units.push_back(std::stoll(*row[0]));
    lock_units(tx, units);
    removed = delete_facts(tx, std::span(&o.form_id, 1));
  }
  FactRows rows;
  if (facts) rows.add(o, s, *facts);
  rows.write(tx, std::move(removed));
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
  static const Decimal kMillionth =
      Decimal::of("0.000001"); // parsed once: analyses call this per cell
  return (Decimal::from_int(micro) * kMillionth).normalized().with_min_scale(places);
}

} // namespace ziping::store
