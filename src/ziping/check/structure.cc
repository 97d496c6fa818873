// Structure: the form's shape before any arithmetic — goal numbering, the 一级/二级 framework,
// weights present and positive, scores within [0, weight], weights adding up to the total.
#include <set>

#include "ziping/check/context.h"
#include "ziping/rules/display.h"
#include "ziping/rules/framework.h"
#include "ziping/text/utf8.h"

namespace ziping::check {
namespace {

using diag::DiagId;
using num::Decimal;
using rules::plain;

void check_goal_numbers(const CheckContext& c) {
  if (c.form.kind == model::FormKind::Project) {
    if (c.form.goals.size() != 1) {
      c.emit(DiagId::err_project_goal_count, "goals", {std::to_string(c.form.goals.size())});
    }
    return;
  }
  std::set<int> seen;
  for (std::size_t index = 0; index < c.form.goals.size(); ++index) {
    const auto& goal = c.form.goals[index];
    std::string path = model::goal_path(index) + ".number";
    int expected = int(index) + 1;
    if (!goal.number) {
      c.emit(DiagId::err_goal_number_gap, path,
             {std::to_string(expected), diag::bilingual("空", "nothing")});
      continue;
    }
    if (!seen.insert(*goal.number).second) {
      c.emit(DiagId::err_goal_number_duplicate, path, {std::to_string(*goal.number)});
    } else if (*goal.number != expected) {
      c.emit(DiagId::err_goal_number_gap, path,
             {std::to_string(expected), std::to_string(*goal.number)});
    }
  }
}

// The framework's answer for the last (一级, 二级) pair asked: a form lists its leaves by 一级
// and 二级, so consecutive leaves nearly always ask the same thing, and each answer costs three
// level_key() folds and two lookups.
struct LevelVerdicts {
  std::string level1;
  std::string level2;
  bool known_level1 = false;
  bool level2_allowed = false;

  void ask(const rules::RuleSet& rules, const std::string& l1, const std::string& l2) {
    if (asked_ && l1 == level1 && l2 == level2) return;
    asked_ = true;
    level1 = l1;
    level2 = l2;
    known_level1 = rules::is_known_level1(rules, l1);
    level2_allowed = known_level1 && rules::level2_allowed(rules, l1, l2);
  }

private:
  bool asked_ = false;
};

void check_levels(const CheckContext& c, const model::Indicator& indicator,
                  const rules::LeafEvaluation& leaf, LevelVerdicts& verdicts) {
  if (text::trim(indicator.level1).empty()) {
    c.emit_leaf(DiagId::err_level1_missing, leaf, ".level1");
    return;
  }
  if (c.rules.framework.empty()) return;
  verdicts.ask(c.rules, indicator.level1, indicator.level2);
  if (!verdicts.known_level1) {
    c.emit_leaf(DiagId::warn_unknown_level1, leaf, ".level1", {indicator.level1});
    return;
  }
  if (text::trim(indicator.level2).empty() || verdicts.level2_allowed) {
    return;
  }
  if (auto owner = rules::level1_of(c.rules, indicator.level2)) {
    c.emit_leaf(DiagId::err_level2_not_under_level1, leaf, ".level2",
                {indicator.level2, indicator.level1, *owner});
  } else {
    c.emit_leaf(DiagId::warn_unknown_level2, leaf, ".level2", {indicator.level2});
  }
}

bool is_multiple(const Decimal& value, const Decimal& step) {
  Decimal quotient = value.divide(step, 0, num::RoundingMode::Down);
  return quotient * step == value;
}

void check_leaf_numbers(const CheckContext& c, const model::Indicator& indicator,
                        const rules::LeafEvaluation& leaf) {
  if (text::trim(indicator.name).empty())
    c.emit_leaf(DiagId::err_indicator_name_missing, leaf, ".name");
  if (!indicator.weight) {
    c.emit_leaf(DiagId::err_weight_missing, leaf, ".weight");
  } else if (!(Decimal() < *indicator.weight)) {
    c.emit_leaf(DiagId::err_weight_not_positive, leaf, ".weight", {plain(*indicator.weight)});
  }
  if (!leaf.declared) {
    c.emit_leaf(DiagId::err_score_missing, leaf, ".score");
    return;
  }
  const Decimal& declared = *leaf.declared;
  bool weight_usable = indicator.weight && Decimal() < *indicator.weight;
  if (declared.is_negative() || (weight_usable && declared > *indicator.weight)) {
    c.emit_leaf(DiagId::err_score_out_of_range, leaf, ".score",
                {plain(declared), indicator.weight ? plain(*indicator.weight) : "分值"});
  }
  if (c.rules.score_granularity && !is_multiple(declared, *c.rules.score_granularity)) {
    c.emit_leaf(DiagId::note_score_granularity, leaf, ".score",
                {plain(declared), plain(*c.rules.score_granularity)});
  }
}

void check_weight_total(const CheckContext& c) {
  Decimal budget_weight = c.form.budget.weight.value_or(c.rules.budget_weight);
  Decimal total = c.evaluation.indicator_weight + budget_weight;
  if (total != c.rules.total_points) {
    c.emit(DiagId::err_weights_total, "total.weight",
           {plain(total), plain(c.evaluation.indicator_weight), plain(budget_weight),
            plain(c.rules.total_points)});
  }
}

void check_goal_weights(const CheckContext& c) {
  for (const auto& goal : c.evaluation.goals) {
    const auto& declared = c.form.goals[goal.goal_index].weight;
    if (declared && *declared != goal.weight) {
      c.emit(
          DiagId::err_goal_weight_mismatch, model::goal_path(goal.goal_index) + ".weight",
          {goal.number ? std::to_string(*goal.number) : "", plain(*declared), plain(goal.weight)});
    }
  }
}

// "效益指标+满意度指标" weighs the named 一级 together.
Decimal level1_weight(const CheckContext& c, const std::string& spec) {
  Decimal sum;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t plus = spec.find('+', start);
    std::string part =
        spec.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
    for (const auto& subtotal : c.evaluation.level1) {
      if (rules::level_key(subtotal.level1) == rules::level_key(part)) sum += subtotal.weight;
    }
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  return sum;
}

void check_level1_weights(const CheckContext& c) {
  if (c.form.kind != model::FormKind::Project) return;
  for (const auto& [spec, expected] : c.rules.project_level1_weights) {
    Decimal actual = level1_weight(c, spec);
    if (actual != expected) {
      // A form with no goal has no indicator table to point at: the warning goes on goals.
      c.emit(DiagId::warn_level1_weight, c.form.goals.empty() ? "goals" : "goals[0].indicators",
             {spec, plain(actual), plain(expected)});
    }
  }
}

} // namespace

void check_structure(const CheckContext& c) {
  if (c.form.indicator_count() == 0) {
    c.emit(DiagId::err_no_indicators, "goals");
  }
  check_goal_numbers(c);
  LevelVerdicts verdicts;
  c.each_leaf([&](const model::Indicator& indicator, const rules::LeafEvaluation& leaf) {
    check_levels(c, indicator, leaf, verdicts);
    check_leaf_numbers(c, indicator, leaf);
  });
  check_weight_total(c);
  check_goal_weights(c);
  check_level1_weights(c);
}

} // namespace ziping::check
