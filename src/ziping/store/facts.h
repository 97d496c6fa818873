// store/facts.h — what scoring said about a form, leaf by leaf, as rows SQL can query across
// forms (issue 13): the comparator, target and actual as exact numbers with their units, the
// deviation, the formula's score beside the declared one, the diagnostics' codes; and the
// form's own summary (budget, execution line, declared total and the sum of its parts).
//
// The store never scores: the caller (facts/ builds these from a check::Run) hands them in with
// the save, and they are written in the save's transaction, for the current revision only (a
// save or a rescore replaces the form's facts; analyses are about what forms say now).
//
// Figures that SQL adds up or compares (scores, weights, deviations, rates, targets) are kept
// as exact integers of millionths (`*_micro` columns: 87.26 → 87260000), because SQLite keeps
// decimals as TEXT and would add them as doubles; the target and actual are also kept as their
// own decimal text. A number with more than six decimal places has no micro value (NULL).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ziping/num/decimal.h"

namespace ziping::store {

using num::Decimal;

struct LeafFact {
  int goal_ordinal = 0;
  int ordinal = 0;
  // The indicator's identity from one year to the next within a unit: the project (without its
  // leading "2023年"), 一级, 二级, 三级 names, and "#2", "#3" for a repeated name in one form.
  std::string series;
  std::string level1;
  std::string level2;
  std::string name;
  std::string method;      // positive, reverse, equal, qualitative, not_computable
  std::string comparator;  // ">=", ">", "<=", "<", "=", "" (none)
  std::string target_kind; // quantity, range, date, ordinal, tier, text, empty
  std::string target_text; // as written
  std::optional<Decimal> target_number;
  std::string target_unit; // canonical spelling: "万元", "%", "次"; "" for a bare number
  std::string actual_text;
  std::optional<Decimal> actual_number;
  std::string actual_unit;
  std::optional<Decimal> ratio;     // B / A
  std::optional<Decimal> deviation; // (B − A) / A
  std::optional<bool> met;
  bool large_deviation = false;
  std::string tier; // achieved, partial, not_achieved, ""
  std::optional<Decimal> weight;
  std::optional<Decimal> declared; // 得分 as the unit wrote it
  std::optional<Decimal> formula;  // what the formula gives
  std::optional<Decimal> score;    // what counts in the form's mode
  std::string codes;               // " ZP0301 ZP0505 ": every diagnostic on this leaf, padded
};

struct FormFacts {
  std::string rules_digest; // the rule set's digest (RuleSet::digest): a rescore skips equal ones
  std::optional<Decimal> budget_annual;
  std::optional<Decimal> budget_executed;
  std::optional<Decimal> execution_line;  // percent, from the rule set (80)
  std::optional<Decimal> execution_score; // counted
  std::optional<Decimal> indicator_weight;
  std::optional<Decimal> formula_score; // Σ formula scores of the leaves that have one
  std::optional<Decimal> declared_budget_score;
  std::optional<Decimal> declared_leaves; // Σ declared leaf scores
  std::optional<Decimal> declared_total;
  std::optional<Decimal> declared_parts; // declared budget score + Σ declared leaf scores
  std::string declared_grade;
  std::string codes; // every diagnostic code of the form, padded like LeafFact::codes
  std::vector<LeafFact> leaves;
};

// 87.26 → 87260000; nullopt when the value has more than six decimal places or does not fit.
std::optional<std::int64_t> to_micro(const Decimal& value);
std::optional<std::int64_t> to_micro(const std::optional<Decimal>& value);
// 87260000 → 87.26 with at least `places` decimals.
Decimal from_micro(std::int64_t micro, int places = 0);

} // namespace ziping::store
