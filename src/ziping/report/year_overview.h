// report/year_overview.h — one year across departments, for the dashboard and the API:
// execution per department (Σ全年执行数 ÷ Σ全年预算数 of its forms, computed by the scorer's own
// budget arithmetic, judged against the rule set's execution line) and the indicators farthest
// from their targets (the scorer's deviations, value notation parsed and units compared).
//
// Presentation of Evaluations: the caller scores each form (rules::score, no checking needed)
// and hands it in with the facts of its filing; nothing here reads a store.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ziping/model/form.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::report {

using num::Decimal;

// Who filed a form, as the caller's records say.
struct FiledForm {
  std::int64_t form_id = 0;
  std::int64_t department_id = 0;
  std::string department;
  model::FormKind kind = model::FormKind::Department;
  std::string project;
};

struct DepartmentExecution {
  std::int64_t department_id = 0;
  std::string department;
  int forms = 0;
  std::optional<Decimal> annual; // Σ 全年预算数 in 万元, over forms that state both amounts
  std::optional<Decimal> executed; // Σ 全年执行数 in 万元
  std::optional<Decimal> rate;     // the scorer's rate_percent of the sums (87.26)
  bool below_line = false;         // rate under the rule set's execution line
};

struct LeafDeviation {
  FiledForm filed;
  std::optional<int> goal; // 目标序号 (department forms)
  std::string path;        // "goals[8].indicators[4]"
  std::string name, target, actual;
  Decimal deviation; // (B − A) / A, signed, as the scorer gives it
  std::optional<Decimal> weight, score;
  bool reason_given = false;
};

struct YearOverview {
  std::optional<int> year;
  std::string rule_set;                  // whose execution line and rounding apply
  std::optional<Decimal> execution_line; // percent (80), from execution_warn_below
  std::int64_t forms = 0;
  std::vector<DepartmentExecution> departments; // by department name
  std::vector<LeafDeviation> deviations;        // largest |deviation| first, at most `top`
};

// Built one form at a time, so that a caller can stream a year's forms through it.
class YearOverviewBuilder {
public:
  YearOverviewBuilder(const rules::RuleSet& rules, std::optional<int> year, int top);
  void add(const FiledForm& filed, const model::Form& form, const rules::Evaluation& evaluation);
  YearOverview finish() &&;

private:
  const rules::RuleSet& rules_;
  YearOverview result_;
  std::size_t top_;
  std::map<std::int64_t, DepartmentExecution> departments_;
  std::vector<LeafDeviation> deviations_;
};

// Compact JSON (docs/api.md, GET /api/forms/overview).
std::string year_overview_json(const YearOverview& overview);

} // namespace ziping::report
