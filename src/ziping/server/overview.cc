#include "ziping/server/overview.h"

#include <algorithm>
#include <map>

#include "ziping/server/json_out.h"

namespace ziping::server {
namespace {

using num::Decimal;

// Budgets are summed in 万元 whatever unit a form was written in: a form in 元 next to one in
// 万元 would otherwise swamp it by a factor of 10,000.
std::optional<Decimal> in_wan(const std::optional<Decimal>& amount, const std::string& unit) {
  if (!amount || unit != "元") return amount;
  return *amount * Decimal::of("0.0001");
}

void add_budget(DepartmentExecution& d, const model::Form& form) {
  auto annual = in_wan(form.budget.annual, form.money_unit);
  auto executed = in_wan(form.budget.executed, form.money_unit);
  if (!annual || !executed) return; // a half-stated budget would skew the ratio
  d.annual = d.annual.value_or(Decimal::from_int(0)) + *annual;
  d.executed = d.executed.value_or(Decimal::from_int(0)) + *executed;
}

void add_deviations(std::vector<LeafDeviation>& out, const store::StoredForm& stored,
                    const rules::Evaluation& evaluation) {
  for (const auto& goal : evaluation.goals) {
    for (const auto& leaf : goal.leaves) {
      if (!leaf.deviation) continue;
      const auto& indicator = stored.form.goals[leaf.goal_index].indicators[leaf.indicator_index];
      LeafDeviation d;
      d.form_id = stored.record.id;
      d.department = stored.record.department;
      d.kind = stored.record.kind;
      d.project = stored.record.project;
      d.goal = goal.number;
      d.path = leaf.path;
      d.name = indicator.name;
      d.target = indicator.target;
      d.actual = indicator.actual;
      d.deviation = *leaf.deviation;
      d.weight = leaf.weight;
      d.score = leaf.score;
      d.reason_given = leaf.reason_given;
      out.push_back(std::move(d));
    }
  }
}

// Largest magnitude first; ties in a stable order (form, then path) so pages never shuffle.
bool farther(const LeafDeviation& a, const LeafDeviation& b) {
  auto da = a.deviation.abs(), db = b.deviation.abs();
  if (da != db) return db < da;
  if (a.form_id != b.form_id) return a.form_id < b.form_id;
  return a.path < b.path;
}

} // namespace

Overview overview(Workbench& bench, store::FormFilter filter, int top) {
  Overview result;
  std::map<store::Id, DepartmentExecution> departments;
  std::vector<LeafDeviation> deviations;
  filter.limit = store::kMaxPageSize;
  filter.offset = 0;
  filter.order = store::FormFilter::Order::Created;
  for (;;) {
    store::FormPage page = bench.store().list_forms(filter);
    result.forms = page.total;
    for (const auto& record : page.items) {
      auto stored = bench.store().form(record.id);
      if (!stored) continue; // deleted between the list and the read
      auto& d = departments[record.department_id];
      d.department_id = record.department_id;
      d.department = record.department;
      ++d.forms;
      add_budget(d, stored->form);
      Scored scored = bench.score(stored->form, bench.rule_set(record.rule_set),
                                  Workbench::parse_mode(record.mode));
      add_deviations(deviations, *stored, scored.assessment.evaluation);
    }
    if (page.items.size() < std::size_t(filter.limit)) break;
    filter.offset += filter.limit;
  }
  for (auto& [id, d] : departments) {
    // Sums of amounts converted from 元 carry four extra places (1466.5000): not worth showing.
    if (d.annual) d.annual = d.annual->normalized();
    if (d.executed) d.executed = d.executed->normalized();
    if (d.annual && d.executed && Decimal::from_int(0) < *d.annual)
      d.rate =
          (*d.executed * Decimal::from_int(100)).divide(*d.annual, 2, num::RoundingMode::HalfUp);
    result.departments.push_back(std::move(d));
  }
  std::sort(result.departments.begin(), result.departments.end(),
            [](const auto& a, const auto& b) { return a.department < b.department; });
  std::size_t keep = std::min(deviations.size(), std::size_t(std::max(top, 0)));
  std::partial_sort(deviations.begin(), deviations.begin() + std::ptrdiff_t(keep), deviations.end(),
                    farther);
  deviations.resize(keep);
  result.deviations = std::move(deviations);
  return result;
}

std::string overview_json(const Overview& o, std::optional<int> year) {
  JsonOut out;
  out.begin_object();
  out.key("year").optional_integer(year);
  out.key("forms").integer(o.forms);
  out.key("departments").begin_array();
  for (const auto& d : o.departments) {
    out.begin_object();
    out.key("department_id").integer(d.department_id);
    out.key("department").string(d.department);
    out.key("forms").integer(d.forms);
    out.key("annual").decimal(d.annual);
    out.key("executed").decimal(d.executed);
    out.key("execution_rate").decimal(d.rate);
    out.end_object();
  }
  out.end_array();
  out.key("deviations").begin_array();
  for (const auto& d : o.deviations) {
    out.begin_object();
    out.key("form_id").integer(d.form_id);
    out.key("department").string(d.department);
    out.key("kind").string(store::kind_name(d.kind));
    out.key("project").string(d.project);
    out.key("goal").optional_integer(d.goal);
    out.key("path").string(d.path);
    out.key("name").string(d.name);
    out.key("target").string(d.target);
    out.key("actual").string(d.actual);
    out.key("deviation").decimal(d.deviation); // 4 places, as in the score JSON
    out.key("weight").decimal(d.weight);
    out.key("score").decimal(d.score);
    out.key("reason_given").boolean(d.reason_given);
    out.end_object();
  }
  out.end_array();
  out.end_object();
  return out.take();
}

} // namespace ziping::server
