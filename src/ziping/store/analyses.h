// store/analyses.h — the questions a finance bureau asks across a year's forms (issue 13), each
// one SQL query over the facts (facts.h), written once for both backends and shared by the API
// (GET /api/analyses/…), `ziping report` and bench/scale.sh:
//
//   inflation               self-score inflation per unit: Σ(declared − formula) per form, the
//                           units' means, outliers (a mean above Q3 + 1.5 × IQR of the means)
//   inflation_distribution  how many forms inflate by how much
//   always_full             indicators met at exactly 100% (actual = target) every year they
//                           were filed, two years or more, up to the year asked
//   target_changes          the same indicator against the year before with its target,
//                           comparator or unit changed; lowered targets first
//   execution_units         execution per unit (Σ executed ÷ Σ budget) against the rule set's
//                           execution line
//   execution_supervisors   the same per 主管部门
//   grades                  grade distribution per 主管部门
//   total_mismatch          forms whose declared total is not the sum of their declared parts
//
// The 主管部门 of a unit is its parent in the organisation tree (orgs, issue 10) when the unit
// is registered there; a department without one is its own group. Every answer is a table of
// text cells with typed columns: decimals are exact text, never floating point.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/store/sql.h"
#include "ziping/store/store.h"

namespace ziping::store {

struct AnalysisColumn {
  std::string key; // "unit", "mean_excess"
  std::string zh;  // 单位
  std::string en;  // unit
  enum class Kind { Text, Integer, Decimal, Flag } kind = Kind::Text;
};

struct AnalysisTable {
  std::string id;
  std::string title_zh;
  std::string title_en;
  std::vector<AnalysisColumn> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
  std::int64_t total_rows = 0; // before the limit
};

struct AnalysisQuery {
  int year = 0;
  // Only forms of these departments (a supervisor's units); nullopt = every department.
  std::optional<std::vector<Id>> departments;
  int limit = 0; // rows at most; 0 = all
  // Only forms of the departments at or under this organisation (org_scope); with
  // `departments` too, forms of departments in both.
  std::optional<Id> under_org;
};

struct AnalysisInfo {
  std::string_view id;
  std::string_view title_zh;
  std::string_view title_en;
};
std::span<const AnalysisInfo> analysis_catalogue();

class Analyses {
public:
  virtual ~Analyses() = default;
  // nullopt for an id not in analysis_catalogue().
  virtual std::optional<AnalysisTable> run(std::string_view id, const AnalysisQuery& query) = 0;
  // The years that have facts, newest first.
  virtual std::vector<int> years() = 0;
};

std::unique_ptr<Analyses> make_sql_analyses(ConnectionPool& pool);

} // namespace ziping::store
