// rules/evaluation.h — what the scorer computes from a Form under a RuleSet.
//
// An Evaluation is derived data: it is never stored back into the Form. For every leaf it
// records how it was judged (direction, deviation, formula score, the interval a declared
// score may take, whether a reason is required) and a one-line derivation a person can check
// by hand ("74.75% ÷ 90% × 1 = 0.83").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/num/decimal.h"
#include "ziping/rules/points_range.h"
#include "ziping/value/value.h"

namespace ziping::rules {

using num::Decimal;

enum class Mode {
  Auto,   // the formulas give the scores (declared scores kept only where none applies)
  Review, // the declared scores are the scores; each is judged against its interval
};

// The modes' names in rule files, the CLI, the API and the store: "auto", "review".
constexpr std::string_view mode_name(Mode mode) {
  return mode == Mode::Auto ? "auto" : "review";
}
constexpr std::optional<Mode> parse_mode(std::string_view name) {
  if (name == "auto") return Mode::Auto;
  if (name == "review") return Mode::Review;
  return std::nullopt;
}

enum class Method {
  Positive,      // ≥ / > targets: B ≥ A scores full, else B/A × w
  Reverse,       // ≤ / < targets: B ≤ A scores full, else linear or ratio loss
  Equal,         // = targets: as positive for A > 0; A = 0 scores full only for B ≤ 0
  Qualitative,   // an ordinal scale, an outcome tier, a deadline or identical text: tier bands
  NotComputable, // text against a number, incomparable units, missing values
};
constexpr std::string_view method_name(Method method) { // "positive", "reverse", …
  switch (method) {
  case Method::Positive:
    return "positive";
  case Method::Reverse:
    return "reverse";
  case Method::Equal:
    return "equal";
  case Method::Qualitative:
    return "qualitative";
  case Method::NotComputable:
    return "not_computable";
  }
  return "not_computable";
}

// Why a leaf could not be scored by formula.
enum class Uncomputable {
  None,
  TargetMissing,     // 年度指标值 empty
  ActualMissing,     // 实际完成值 empty
  TextActual,        // the actual is free text
  TextTarget,        // the target is free text
  IncomparableUnits, // 次 against 个, 万元 against %
  IncomparableKinds, // a date against a number, an ordinal against a quantity
  WeightMissing,     // no 分值 to scale
};

struct Interval {
  Decimal min;
  Decimal max;
  std::string basis; // why these bounds, in Chinese: "达成目标且偏离度不超过20%，应得满分"
};

struct LeafEvaluation {
  std::size_t goal_index = 0;
  std::size_t indicator_index = 0;
  std::string path; // "goals[3].indicators[2]"

  value::Value target; // the adjusted target when one is declared
  value::Value actual;
  Method method = Method::NotComputable;
  Uncomputable uncomputable = Uncomputable::None;

  std::optional<bool> met;          // target reached
  std::optional<Decimal> ratio;     // B / A (quantities; 4 decimals, for display)
  std::optional<Decimal> deviation; // (B − A) / A, signed (4 decimals, for display)
  bool large_deviation = false;     // beyond the rule set's threshold, in a counted direction
  std::optional<value::Tier> tier;  // qualitative leaves
  bool cost = false;                // a cost indicator (成本指标, or an amount)

  std::optional<Decimal> weight;   // 分值 as declared
  std::optional<Decimal> declared; // 得分 as declared
  std::optional<Decimal> formula;  // what the formula gives, rounded by the rule set
  std::optional<Interval> allowed; // where a declared score may lie under the rules
  bool reason_required = false;
  bool reason_given = false;
  std::optional<Decimal> score; // the score that counts in this mode
  std::string derivation;       // "74.75% ÷ 90% × 1 = 0.83"

  std::vector<diag::Diagnostic> value_diagnostics; // from parsing target and actual
};

struct GoalEvaluation {
  std::size_t goal_index = 0;
  std::optional<int> number;
  Decimal weight; // Σ leaf weights
  Decimal score;  // Σ leaf scores
  std::vector<LeafEvaluation> leaves;
};

struct Level1Subtotal {
  std::string level1; // 一级指标, as first written
  Decimal weight;
  Decimal score;
};

struct BudgetEvaluation {
  Decimal weight;                      // the rule set's execution weight
  std::optional<Decimal> rate;         // B / A, 6 decimals (exact enough to print any %)
  std::optional<Decimal> rate_percent; // B / A × 100, 2 decimals: 87.26
  std::optional<Decimal> score;        // round(min(B/A, 1) × weight, places)
  std::string derivation;              // "19792.2 ÷ 22681.6 = 87.26%; 87.26% × 10 = 8.73"
};

struct Evaluation {
  Mode mode = Mode::Review;
  std::string rule_set; // the RuleSet's name
  BudgetEvaluation budget;
  std::vector<GoalEvaluation> goals;
  std::vector<Level1Subtotal> level1;
  Decimal indicator_weight; // Σ leaf weights
  Decimal indicator_score;  // Σ leaf scores (each already rounded)
  Decimal total;            // execution score + indicator score
  std::string grade;        // from the rounded total
  // Points beyond what can be added up exactly (points_range.h): left out of every figure
  // above, reported by the checker (ZP0907).
  std::vector<PointsOutOfRange> points_out_of_range;

  std::size_t leaf_count() const;
};

} // namespace ziping::rules
