// server/overview.h — one year across departments, for the dashboard: execution per department
// (Σ全年执行数 ÷ Σ全年预算数 of its forms) and the indicators farthest from their targets.
// Deviations are the scorer's (value notation parsed, units compared), so they are computed
// here under each form's own rule set and mode, never in the browser.
//
// Cost: every matching form is read and scored (about 2 ms each on SQLite), so this is meant
// for a year's forms (hundreds), not for unfiltered questions over the whole store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ziping/server/workbench.h"

namespace ziping::server {

struct DepartmentExecution {
  store::Id department_id = 0;
  std::string department;
  int forms = 0;
  std::optional<num::Decimal> annual; // Σ 全年预算数 in 万元, over forms that state both amounts
  std::optional<num::Decimal> executed; // Σ 全年执行数 in 万元
  std::optional<num::Decimal> rate;     // executed ÷ annual × 100, 2 decimals, half up
};

struct LeafDeviation {
  store::Id form_id = 0;
  std::string department;
  model::FormKind kind = model::FormKind::Department;
  std::string project;
  std::optional<int> goal; // 目标序号 (department forms)
  std::string path;        // "goals[8].indicators[4]"
  std::string name, target, actual;
  num::Decimal deviation; // (B − A) / A, signed, as the scorer gives it
  std::optional<num::Decimal> weight, score;
  bool reason_given = false;
};

struct Overview {
  std::int64_t forms = 0;
  std::vector<DepartmentExecution> departments; // by department name
  std::vector<LeafDeviation> deviations;        // largest |deviation| first, at most `top`
};

// Every form the filter selects (its limit and offset are ignored).
Overview overview(Workbench& bench, store::FormFilter filter, int top);

std::string overview_json(const Overview& overview, std::optional<int> year);

} // namespace ziping::server
