// sample/form_generator.h — the one seeded generator of realistic forms, shared by the demo
// data (`ziping serve --demo`) and the benchmarks (bench/): department and project forms of
// twelve municipal departments, indicator spellings drawn from what published forms use
// (≥N次, ≤X万元, =100%, 合格, 有所提高, deadlines), a chosen quality that decides how many
// targets are missed, how many reasons are left out and how many scores are over-declared.
//
// Deterministic on every platform: raw mt19937 output (standardised), never <random>'s
// distributions (whose results are implementation-defined). The caller owns the Draw, so a
// caller that interleaves its own choices (the demo's statuses) keeps one reproducible stream.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "ziping/model/form.h"
#include "ziping/rules/rule_set.h"

namespace ziping::sample {

class Draw {
public:
  explicit Draw(std::uint32_t seed) : engine_(seed) {}
  int between(int low, int high) { return low + int(engine_() % std::uint32_t(high - low + 1)); }
  bool chance(int percent) { return between(0, 99) < percent; }
  template <class T, std::size_t N> const T& pick(const T (&items)[N]) {
    return items[std::size_t(between(0, int(N) - 1))];
  }
  template <class T> const T& pick(std::span<const T> items) {
    return items[std::size_t(between(0, int(items.size()) - 1))];
  }

private:
  std::mt19937 engine_;
};

struct DepartmentSpec {
  const char* name;
  const char* service; // what its goals improve
  const char* projects[2];
  const char* units[2]; // implementing units of the projects
};
std::span<const DepartmentSpec> departments();
std::span<const char* const> people(); // names of 填报人 and project leaders

// How well a unit did and how carefully it filled the form in.
enum class Quality { Excellent, Good, Fair, Poor };
Quality draw_quality(Draw& draw); // 30% / 30% / 22% / 18%

// A 部门整体 form of 3–5 goals (2–4 outputs and an effect each, satisfaction in the last),
// declared scores, total and grade as a unit would write them under `rules`, slips included.
model::Form department_form(Draw& draw, const DepartmentSpec& department, int year, Quality quality,
                            const rules::RuleSet& rules);
// A 项目 form for the department's project 0 or 1: nine leaves, funding rows.
model::Form project_form(Draw& draw, const DepartmentSpec& department, int which, int year,
                         Quality quality, const rules::RuleSet& rules);

// Large department forms for benchmarks: 5–12 goals of 5–13 leaves of 1.5 points each, values
// of every notation kind, declared scores at full weight (no scoring while generating).
std::vector<model::Form> benchmark_forms(std::size_t count, std::uint32_t seed = 42);

// A province's forms at scale (issue 13: `ziping generate`, bench/scale.sh, tests): units
// grouped under the twelve departments above as their 主管部门, each unit filing a 部门整体
// form and two project forms a year over several years, with the same indicators from year to
// year (so a target's change is visible), a controlled share of lowered targets, of
// indicators met at exactly 100% every year, of slips in the declared total, and a tenth of
// units that claim full points for missed targets. Deterministic per unit: unit u's forms do
// not depend on how many forms were asked for.
struct ProvinceSpec {
  std::size_t forms = 1200;
  int first_year = 2022;
  int years = 3;
  int slip_percent = 8;     // forms whose declared total is off by 0.5
  int lowered_percent = 12; // number targets lowered from the year before
  int exact_percent = 6;    // number indicators whose actual equals the target every year
  std::uint32_t seed = 2024;
};

struct ProvinceUnit {
  std::string supervisor; // 主管部门
  std::string unit;       // 预算单位: the forms' 部门
};
// The units that `spec.forms` forms come from, in order.
std::vector<ProvinceUnit> province_units(const ProvinceSpec& spec);

// Calls `emit` with each form in a fixed order (unit by unit, year by year), so that 100,000
// forms need not be held at once.
void province_forms(const ProvinceSpec& spec, const rules::RuleSet& rules,
                    const std::function<void(model::Form&&)>& emit);

} // namespace ziping::sample
