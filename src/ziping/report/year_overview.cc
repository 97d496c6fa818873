#include "ziping/report/year_overview.h"

#include <algorithm>

#include "ziping/rules/scorer.h"
#include "ziping/text/json_writer.h"

namespace ziping::report {
namespace {

// Budgets are summed in 万元 whatever unit a form was written in: a form in 元 next to one in
// 万元 would otherwise swamp it by a factor of 10,000. Exact: 元 × 0.0001 loses nothing.
std::optional<Decimal> in_wan(const std::optional<Decimal>& amount, const std::string& unit) {
  if (!amount || unit != "元") return amount;
  return *amount * Decimal::of("0.0001");
}

// Largest magnitude first; ties in a stable order (form, then path) so pages never shuffle.
bool farther(const LeafDeviation& a, const LeafDeviation& b) {
  auto da = a.deviation.abs(), db = b.deviation.abs();
  if (da != db) return db < da;
  if (a.filed.form_id != b.filed.form_id) return a.filed.form_id < b.filed.form_id;
  return a.path < b.path;
}

} // namespace

YearOverviewBuilder::YearOverviewBuilder(const rules::RuleSet& rules, std::optional<int> year,
                                         int top)
    : rules_(rules), top_(std::size_t(std::max(top, 0))) {
  result_.year = year;
  result_.rule_set = rules.name;
  if (rules.execution_warn_below)
    result_.execution_line = (*rules.execution_warn_below * Decimal::from_int(100)).normalized();
}

void YearOverviewBuilder::add(const FiledForm& filed, const model::Form& form,
                              const rules::Evaluation& evaluation) {
  ++result_.forms;
  auto& d = departments_[filed.department_id];
  d.department_id = filed.department_id;
  d.department = filed.department;
  ++d.forms;
  auto annual = in_wan(form.budget.annual, form.money_unit);
  auto executed = in_wan(form.budget.executed, form.money_unit);
  if (annual && executed) { // a half-stated budget would skew the ratio
    d.annual = d.annual.value_or(Decimal::from_int(0)) + *annual;
    d.executed = d.executed.value_or(Decimal::from_int(0)) + *executed;
  }
  for (const auto& goal : evaluation.goals) {
    for (const auto& leaf : goal.leaves) {
      if (!leaf.deviation) continue;
      const auto& indicator = form.goals[leaf.goal_index].indicators[leaf.indicator_index];
      LeafDeviation x;
      x.filed = filed;
      x.goal = goal.number;
      x.path = leaf.path;
      x.name = indicator.name;
      x.target = indicator.target;
      x.actual = indicator.actual;
      x.deviation = *leaf.deviation;
      x.weight = leaf.weight;
      x.score = leaf.score;
      x.reason_given = leaf.reason_given;
      deviations_.push_back(std::move(x));
    }
  }
  // Keep the candidates bounded while a large year streams through.
  if (deviations_.size() > 4 * top_ + 64) {
    std::nth_element(deviations_.begin(), deviations_.begin() + std::ptrdiff_t(top_),
                     deviations_.end(), farther);
    deviations_.resize(top_);
  }
}

YearOverview YearOverviewBuilder::finish() && {
  for (auto& [id, d] : departments_) {
    // Sums of amounts converted from 元 carry four extra places (1466.5000): not worth showing.
    if (d.annual) d.annual = d.annual->normalized();
    if (d.executed) d.executed = d.executed->normalized();
    if (d.annual && d.executed) {
      model::Budget sums;
      sums.annual = d.annual;
      sums.executed = d.executed;
      d.rate = rules::score_budget(sums, rules_).rate_percent; // the scorer's rounding
      if (d.rate && result_.execution_line) d.below_line = *d.rate < *result_.execution_line;
    }
    result_.departments.push_back(std::move(d));
  }
  std::sort(result_.departments.begin(), result_.departments.end(),
            [](const auto& a, const auto& b) { return a.department < b.department; });
  std::size_t keep = std::min(deviations_.size(), top_);
  std::partial_sort(deviations_.begin(), deviations_.begin() + std::ptrdiff_t(keep),
                    deviations_.end(), farther);
  deviations_.resize(keep);
  result_.deviations = std::move(deviations_);
  return std::move(result_);
}

std::string year_overview_json(const YearOverview& o) {
  text::JsonWriter w(text::JsonWriter::Layout::Compact);
  w.begin_object();
  w.key("year").optional_integer(o.year);
  w.key("rule_set").string(o.rule_set);
  w.key("execution_line").decimal(o.execution_line);
  w.key("forms").integer(o.forms);
  w.key("departments").begin_array();
  for (const auto& d : o.departments) {
    w.begin_object();
    w.key("department_id").integer(d.department_id);
    w.key("department").string(d.department);
    w.key("forms").integer(d.forms);
    w.key("annual").decimal(d.annual);
    w.key("executed").decimal(d.executed);
    w.key("execution_rate").decimal(d.rate);
    w.key("below_line").boolean(d.below_line);
    w.end_object();
  }
  w.end_array();
  w.key("deviations").begin_array();
  for (const auto& d : o.deviations) {
    w.begin_object();
    w.key("form_id").integer(d.filed.form_id);
    w.key("department").string(d.filed.department);
    w.key("kind").string(model::kind_name(d.filed.kind));
    w.key("project").string(d.filed.project);
    w.key("goal").optional_integer(d.goal);
    w.key("path").string(d.path);
    w.key("name").string(d.name);
    w.key("target").string(d.target);
    w.key("actual").string(d.actual);
    w.key("deviation").decimal(d.deviation); // 4 places, as in the score JSON
    w.key("weight").decimal(d.weight);
    w.key("score").decimal(d.score);
    w.key("reason_given").boolean(d.reason_given);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.finish();
}

} // namespace ziping::report
