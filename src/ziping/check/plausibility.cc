// Plausibility: figures that are arithmetically possible but unlikely to be what the unit
// meant — a 率 measured in hours, amounts in 元 under a 万元 header, cost indicators larger
// than the whole budget, spending over budget or over a cost ceiling scored full.
#include "ziping/check/context.h"
#include "ziping/rules/display.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::check {
namespace {

using diag::DiagId;
using num::Decimal;
using rules::LeafEvaluation;
using rules::plain;
using value::Dimension;

bool named_as_rate(const std::string& name) {
  std::string_view key = text::trim(name);
  return key.ends_with("率") || key.ends_with("占比");
}

bool non_ratio_unit(const value::Value& v) {
  bool numeric = v.kind == value::ValueKind::Quantity || v.kind == value::ValueKind::Range;
  return numeric && v.unit.dimension != Dimension::None && v.unit.dimension != Dimension::Percent;
}

void check_rate_units(const CheckContext& c, const model::Indicator& indicator,
                      const LeafEvaluation& leaf) {
  if (!named_as_rate(indicator.name)) return;
  const value::Value* measured = non_ratio_unit(leaf.target)   ? &leaf.target
                                 : non_ratio_unit(leaf.actual) ? &leaf.actual
                                                               : nullptr;
  if (measured) {
    c.emit_leaf(DiagId::warn_rate_with_non_ratio_unit, leaf,
                measured == &leaf.target ? ".target" : ".actual",
                {indicator.name, measured->unit.text});
  }
}

// The form's money unit (its header), looked up once per form rather than per leaf.
std::optional<value::Unit> header_money_unit(const CheckContext& c) {
  auto header = value::lookup_unit(c.form.money_unit);
  if (!header || header->dimension != Dimension::Money) return std::nullopt;
  return header;
}

// An amount in the form's money unit, when `number` `unit` is one.
std::optional<Decimal> amount_in_header_unit(const value::Unit& header, const Decimal& number,
                                             const value::Unit& unit) {
  if (unit.dimension != Dimension::Money) return std::nullopt;
  Decimal converted;
  try {
    if (!value::convert(number, unit, header, converted)) return std::nullopt;
  } catch (const num::DecimalOverflow&) {
    return std::nullopt; // beyond 28 digits in the header's unit: nothing to compare it with
  }
  return converted;
}

void compare_costs_with_budget(const CheckContext& c);

// Sums of amounts near the decimal range can overflow; such a form is not plausible anyway, and
// its amounts are reported by the value checks (found by fuzz_form_check).
void check_costs_against_budget(const CheckContext& c) {
  try {
    compare_costs_with_budget(c);
  } catch (const num::DecimalOverflow&) {
  }
}

void compare_costs_with_budget(const CheckContext& c) {
  const auto& annual = c.form.budget.annual;
  if (!annual || !(Decimal() < *annual)) return;
  std::optional<value::Unit> header;
  bool header_known = false;
  Decimal targets;
  Decimal actuals;
  bool any = false;
  c.each_leaf([&](const model::Indicator& indicator, const LeafEvaluation& leaf) {
    if (!leaf.cost || leaf.target.kind != value::ValueKind::Quantity) return;
    if (!header_known) {
      header = header_money_unit(c);
      header_known = true;
    }
    if (!header) return;
    auto target = amount_in_header_unit(*header, leaf.target.number, leaf.target.unit);
    if (!target) return;
    any = true;
    targets += *target;
    if (*target > *annual) {
      c.emit_leaf(DiagId::warn_cost_amount_exceeds_budget, leaf, ".target",
                  {indicator.name, leaf.target.original, plain(*annual), c.form.money_unit});
    }
    const value::Value& actual = leaf.actual;
    if (actual.kind != value::ValueKind::Quantity) return;
    // DOMAIN.md §3: a bare actual takes the target's unit.
    const value::Unit& unit =
        actual.unit.dimension == Dimension::None ? leaf.target.unit : actual.unit;
    if (auto amount = amount_in_header_unit(*header, actual.number, unit)) actuals += *amount;
  });
  if (!any) return;
  if (targets > *annual) {
    c.emit(DiagId::warn_cost_exceeds_budget, "budget.annual",
           {"年度指标值", plain(targets), c.form.money_unit, plain(*annual)});
  }
  const auto& executed = c.form.budget.executed;
  if (executed && actuals > *executed && actuals > *annual) {
    c.emit(DiagId::warn_cost_exceeds_budget, "budget.executed",
           {"实际完成值", plain(actuals), c.form.money_unit, plain(*annual)});
  }
}

void check_amount_units(const CheckContext& c) {
  if (c.form.money_unit != "万元") return;
  // 10^7 万元 is 1000 亿元: no department budget reaches it, an amount in 元 easily does.
  const Decimal implausible = Decimal::from_int(10000000);
  auto check = [&](const std::optional<Decimal>& amount, const char* path, const char* label) {
    if (amount && *amount >= implausible) {
      c.emit(DiagId::warn_amount_unit_suspect, path, {"万元", label, plain(*amount), "元"});
    }
  };
  check(c.form.budget.initial, "budget.initial", "年初预算数");
  check(c.form.budget.annual, "budget.annual", "全年预算数");
  check(c.form.budget.executed, "budget.executed", "全年执行数");
}

void check_overspending(const CheckContext& c) {
  const auto& budget = c.form.budget;
  if (budget.annual && budget.executed && *budget.executed > *budget.annual &&
      !budget.annual->is_zero()) {
    c.emit(DiagId::warn_executed_over_budget, "budget.executed",
           {plain(*budget.executed), plain(*budget.annual)});
  }
  c.each_leaf([&](const model::Indicator&, const LeafEvaluation& leaf) {
    bool over_ceiling = leaf.cost && leaf.method == rules::Method::Reverse && leaf.met == false;
    if (over_ceiling && leaf.declared && leaf.weight && *leaf.declared >= *leaf.weight) {
      auto& d = c.emit_leaf(DiagId::warn_over_ceiling_full_score, leaf, ".score",
                            {leaf.actual.original, leaf.target.original, plain(*leaf.declared)});
      d.notes.push_back(c.note(DiagId::note_derivation, leaf.path, arguments(leaf.derivation)));
    }
  });
}

} // namespace

void check_plausibility(const CheckContext& c) {
  c.each_leaf([&](const model::Indicator& indicator, const LeafEvaluation& leaf) {
    check_rate_units(c, indicator, leaf);
  });
  check_amount_units(c);
  check_costs_against_budget(c);
  check_overspending(c);
}

} // namespace ziping::check
