#include "ziping/facts/evaluation_facts.h"

#include <algorithm>
#include <map>
#include <vector>

namespace ziping::facts {
namespace {

using num::Decimal;

// " ZP0303 ZP0408 ": sorted, so that the same findings give the same text whatever order the
// diagnostics came in (a form read from a file and the same form read back from the store
// order them differently; a rescore compares the rows it would write with the stored ones).
std::string padded(std::vector<std::string_view>& codes) {
  std::sort(codes.begin(), codes.end());
  std::string out = " ";
  for (auto code : codes) {
    out += code;
    out += ' ';
  }
  return out;
}

std::string_view comparator_text(value::Comparator c) {
  switch (c) {
  case value::Comparator::AtLeast:
    return ">=";
  case value::Comparator::MoreThan:
    return ">";
  case value::Comparator::AtMost:
    return "<=";
  case value::Comparator::LessThan:
    return "<";
  case value::Comparator::Equal:
    return "=";
  case value::Comparator::None:
    return "";
  }
  return "";
}

std::string_view kind_text(value::ValueKind k) {
  switch (k) {
  case value::ValueKind::Empty:
    return "empty";
  case value::ValueKind::Quantity:
    return "quantity";
  case value::ValueKind::Range:
    return "range";
  case value::ValueKind::Date:
    return "date";
  case value::ValueKind::Ordinal:
    return "ordinal";
  case value::ValueKind::Tier:
    return "tier";
  case value::ValueKind::Text:
    return "text";
  }
  return "text";
}

bool is_number(const value::Value& v) {
  return v.kind == value::ValueKind::Quantity || v.kind == value::ValueKind::Range;
}

// Whether a diagnostic's path lies on or under the leaf's path ("goals[1].indicators[0]" owns
// "goals[1].indicators[0].score", not "goals[1].indicators[01]").
bool under(const std::string& path, const std::string& leaf) {
  if (path.compare(0, leaf.size(), leaf) != 0) return false;
  return path.size() == leaf.size() || path[leaf.size()] == '.';
}

void add_sum(std::optional<Decimal>& sum, const std::optional<Decimal>& value) {
  if (!value) return;
  sum = sum ? *sum + *value : *value;
}

} // namespace

std::string project_key(std::string_view project) {
  // Four ASCII digits and 年 (three UTF-8 bytes) at the start.
  if (project.size() > 7 && project.substr(4, 3) == "年") {
    bool digits = true;
    for (std::size_t i = 0; i < 4; ++i) digits = digits && project[i] >= '0' && project[i] <= '9';
    if (digits) return std::string(project.substr(7));
  }
  return std::string(project);
}

store::FormFacts facts_of(const check::Run& run) {
  const model::Form& form = run.form;
  const rules::Evaluation& e = run.evaluation;
  store::FormFacts f;
  if (run.rules) {
    f.rules_digest = run.rules->digest;
    if (run.rules->execution_warn_below)
      f.execution_line = (*run.rules->execution_warn_below * Decimal::from_int(100)).normalized();
  }
  f.budget_annual = form.budget.annual;
  f.budget_executed = form.budget.executed;
  f.execution_score = e.budget.score;
  f.indicator_weight = e.indicator_weight;
  f.declared_budget_score = form.budget.score;
  f.declared_total = form.total_score;
  f.declared_grade = form.grade;

  std::string key = project_key(form.project);
  std::map<std::string, int> seen; // series → occurrences so far in this form
  std::optional<Decimal> declared_leaves;
  for (const auto& goal : e.goals) {
    for (const auto& leaf : goal.leaves) {
      const model::Indicator& x = form.goals[leaf.goal_index].indicators[leaf.indicator_index];
      store::LeafFact l;
      l.goal_ordinal = int(leaf.goal_index);
      l.ordinal = int(leaf.indicator_index);
      l.level1 = x.level1;
      l.level2 = x.level2;
      l.name = x.name;
      l.series = key + "|" + x.level1 + "|" + x.level2 + "|" + x.name;
      int n = ++seen[l.series];
      if (n > 1) l.series += "#" + std::to_string(n);
      l.method = method_name(leaf.method);
      l.comparator = comparator_text(leaf.target.comparator);
      l.target_kind = kind_text(leaf.target.kind);
      l.target_text = x.target;
      if (is_number(leaf.target)) {
        l.target_number = leaf.target.number;
        l.target_unit = leaf.target.unit.text;
      }
      l.actual_text = x.actual;
      if (is_number(leaf.actual)) {
        l.actual_number = leaf.actual.number;
        l.actual_unit = leaf.actual.unit.text;
      }
      l.ratio = leaf.ratio;
      l.deviation = leaf.deviation;
      l.met = leaf.met;
      l.large_deviation = leaf.large_deviation;
      if (leaf.tier) l.tier = value::tier_id(*leaf.tier);
      l.weight = leaf.weight;
      l.declared = leaf.declared;
      l.formula = leaf.formula;
      l.score = leaf.score;
      add_sum(f.formula_score, leaf.formula);
      add_sum(declared_leaves, leaf.declared);
      std::vector<std::string_view> codes;
      for (const auto& d : run.diagnostics)
        if (!d.path.empty() && under(d.path, leaf.path)) codes.push_back(d.code());
      l.codes = padded(codes);
      f.leaves.push_back(std::move(l));
    }
  }
  f.declared_leaves = declared_leaves;
  if (f.declared_budget_score || declared_leaves) {
    f.declared_parts = f.declared_budget_score;
    add_sum(f.declared_parts, declared_leaves);
  }
  std::vector<std::string_view> codes;
  for (const auto& d : run.diagnostics) codes.push_back(d.code());
  f.codes = padded(codes);
  return f;
}

} // namespace ziping::facts
