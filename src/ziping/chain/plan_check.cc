// A declaration's and a monitoring form's own checks (ZP0420–ZP0431).
#include <algorithm>

#include "ziping/chain/context.h"
#include "ziping/value/value.h"

namespace ziping::chain {
namespace {

using diag::DiagId;
using model::Plan;

std::string funding_path(std::size_t row, const char* field) {
  return "funding[" + std::to_string(row) + "]." + field;
}
std::string leaf_path(std::size_t goal, std::size_t index, const char* field) {
  return model::indicator_path(goal, index) + "." + field;
}

// Row 0 is the total; the rows below it are its sources (财政拨款, 其他资金, …).
void check_funding_sum(const Emitter& e, const PlanInput& in,
                       std::optional<num::Decimal> model::PlanFunding::*member, const char* field,
                       const std::string& label) {
  const auto& rows = in.plan.funding;
  if (rows.size() < 2 || !(rows[0].*member)) return;
  num::Decimal sum;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (!(rows[i].*member)) return; // an empty source: nothing to add up
    sum += *(rows[i].*member);
  }
  if (sum == *(rows[0].*member)) return;
  std::string parts;
  for (std::size_t i = 1; i < rows.size(); ++i)
    parts += (i > 1 ? " + " : "") + rows[i].label + " " + (rows[i].*member)->to_string();
  e.emit(DiagId::err_plan_funding_sum, in.map, funding_path(0, field),
         {label, (rows[0].*member)->to_string(), sum.to_string(), parts});
}

// A 部门整体 declaration's 年度主要任务 (LINKED-FORMS.md A2): each task's 总额 is its 财政拨款
// plus 其他资金 (an empty one counts as nothing, as the template leaves 其他资金 blank when
// there is none), and the tasks' 总额 add up to the 金额合计, the plan's 年度资金总额 — the
// one-stop system computes the department total as the sum of its tasks.
void check_tasks(const Emitter& e, const PlanInput& in) {
  const auto& tasks = in.plan.tasks;
  bool all_totals = !tasks.empty();
  num::Decimal totals;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    const auto& task = tasks[t];
    if (!task.total) {
      all_totals = false;
      continue;
    }
    totals += *task.total;
    if (!task.fiscal && !task.other) continue;
    num::Decimal sources =
        task.fiscal.value_or(num::Decimal()) + task.other.value_or(num::Decimal());
    if (sources != *task.total)
      e.emit(DiagId::err_plan_task_sum, in.map, "tasks[" + std::to_string(t) + "].total",
             {task.name, task.total->to_string(), sources.to_string()});
  }
  const auto& funding = in.plan.funding;
  if (all_totals && !funding.empty() && funding[0].annual && totals != *funding[0].annual)
    e.emit(DiagId::err_plan_tasks_total, in.map, funding_path(0, "annual"),
           {totals.to_string(), funding[0].annual->to_string()});
}

void check_declaration(const Emitter& e, const PlanInput& in) {
  check_funding_sum(e, in, &model::PlanFunding::annual, "annual",
                    diag::bilingual("年度资金", "annual funds"));
  check_funding_sum(e, in, &model::PlanFunding::medium, "medium",
                    diag::bilingual("中期资金", "medium-term funds"));
  check_tasks(e, in);
  bool any_weight = false;
  num::Decimal weights;
  for (std::size_t g = 0; g < in.plan.goals.size(); ++g) {
    const auto& goal = in.plan.goals[g];
    for (std::size_t i = 0; i < goal.indicators.size(); ++i) {
      const auto& leaf = goal.indicators[i];
      if (leaf.weight) {
        any_weight = true;
        weights += *leaf.weight;
      }
      if (value::fold(leaf.target).empty())
        e.emit(DiagId::warn_plan_target_missing, in.map, leaf_path(g, i, "target"), {leaf.name});
    }
  }
  // Declared weights share either the whole 100 points or what budget execution leaves.
  const auto& r = e.rules;
  auto indicators_only = r.total_points - r.budget_weight;
  if (any_weight && weights != r.total_points && weights != indicators_only)
    e.emit(DiagId::warn_plan_weights_sum, in.map, "goals",
           {weights.to_string(), r.total_points.to_string(), indicators_only.to_string()});
}

bool is_likelihood(const std::string& text) {
  return std::find(std::begin(model::kLikelihoods), std::end(model::kLikelihoods), text) !=
         std::end(model::kLikelihoods);
}

// 1–N月执行率 against time progress N/12, on the 资金总额 row.
void check_execution(const Emitter& e, const PlanInput& in) {
  const Plan& plan = in.plan;
  if (plan.funding.empty() || !plan.month || *plan.month < 1 || *plan.month > 12) return;
  const auto& total = plan.funding[0];
  auto budget = total.adjusted ? total.adjusted : total.initial;
  if (!budget || !total.executed || budget->is_zero() || budget->is_negative()) return;
  auto rate = total.executed->divide(*budget, 6, num::RoundingMode::HalfUp);
  std::string month = std::to_string(*plan.month);
  if (!total.rate.empty()) {
    auto printed = value::parse_value(total.rate, value::Role::Actual).value;
    if (printed.kind == value::ValueKind::Quantity &&
        printed.unit.dimension == value::Dimension::Percent) {
      auto computed = rate * num::Decimal::from_int(100);
      if ((printed.number - computed).abs() > e.rules.rate_tolerance_points)
        e.emit(DiagId::err_plan_rate_mismatch, in.map, funding_path(0, "rate"),
               {month, total.rate, percent(rate)});
    }
  }
  auto progress = num::Decimal::from_int(*plan.month)
                      .divide(num::Decimal::from_int(12), 6, num::RoundingMode::HalfUp);
  if (rate < progress * e.rules.chain.behind_share && model::is_placeholder(plan.measures))
    e.emit(DiagId::warn_behind_time_progress, in.map, funding_path(0, "executed"),
           {month, percent(rate), percent(progress)});
}

void check_monitoring(const Emitter& e, const PlanInput& in) {
  const Plan& plan = in.plan;
  if (plan.month && (*plan.month < 1 || *plan.month > 12))
    e.emit(DiagId::err_plan_month_range, in.map, "month", {std::to_string(*plan.month)});
  check_funding_sum(e, in, &model::PlanFunding::initial, "initial",
                    diag::bilingual("年初预算数", "year-start budget"));
  check_execution(e, in);
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    const auto& goal = plan.goals[g];
    for (std::size_t i = 0; i < goal.indicators.size(); ++i) {
      const auto& leaf = goal.indicators[i];
      if (model::is_placeholder(leaf.likelihood)) {
        e.emit(DiagId::warn_plan_likelihood_missing, in.map, leaf_path(g, i, "likelihood"),
               {leaf.name});
        continue;
      }
      if (!is_likelihood(leaf.likelihood)) {
        e.emit(DiagId::err_plan_likelihood_value, in.map, leaf_path(g, i, "likelihood"),
               {leaf.likelihood});
        continue;
      }
      if (leaf.likelihood != model::kLikelihoods[0] && model::is_placeholder(leaf.measures))
        e.emit(DiagId::warn_plan_at_risk_without_measures, in.map, leaf_path(g, i, "measures"),
               {leaf.name, leaf.likelihood});
      if (leaf.likelihood == model::kLikelihoods[2] && !model::has_cause(leaf))
        e.emit(DiagId::warn_plan_impossible_without_cause, in.map, leaf_path(g, i, "cause_funding"),
               {leaf.name});
    }
  }
}

} // namespace

std::vector<diag::Diagnostic> check_plan(const PlanInput& plan, const rules::RuleSet& rules) {
  std::vector<diag::Diagnostic> out;
  Emitter emitter{rules, out};
  if (plan.plan.kind == model::PlanKind::Declaration)
    check_declaration(emitter, plan);
  else
    check_monitoring(emitter, plan);
  return out;
}

} // namespace ziping::chain
