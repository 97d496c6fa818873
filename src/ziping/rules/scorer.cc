// Scores a whole form: budget execution, every leaf, subtotals per goal and per 一级, the
// total and the grade. Totals add rounded leaf scores (DOMAIN.md §4: "totals are sums of
// rounded leaves") so that the arithmetic matches what a person adds up on paper.
#include "ziping/rules/scorer.h"

#include "ziping/rules/framework.h"

namespace ziping::rules {

std::size_t Evaluation::leaf_count() const {
  std::size_t count = 0;
  for (const auto& goal : goals) count += goal.leaves.size();
  return count;
}

namespace {

// `keys` holds level_key() of each subtotal's name; `last` the subtotal of the previous leaf's
// 一级 as written, which the next leaf nearly always repeats (then nothing is folded).
struct Level1Index {
  std::vector<std::string> keys;
  const std::string* last_written = nullptr;
  std::size_t last = 0;
};

void add_to_level1(std::vector<Level1Subtotal>& subtotals, Level1Index& index_of,
                   const model::Indicator& indicator, const LeafEvaluation& leaf) {
  auto add = [&](Level1Subtotal& subtotal) {
    if (leaf.weight) subtotal.weight += *leaf.weight;
    if (leaf.score) subtotal.score += *leaf.score;
  };
  if (index_of.last_written && *index_of.last_written == indicator.level1)
    return add(subtotals[index_of.last]);
  index_of.last_written = &indicator.level1;
  // A name written as a subtotal's first writing has that subtotal's key: no fold needed.
  for (std::size_t index = 0; index < subtotals.size(); ++index) {
    if (subtotals[index].level1 == indicator.level1) {
      index_of.last = index;
      return add(subtotals[index]);
    }
  }
  std::string key = level_key(indicator.level1);
  auto& keys = index_of.keys;
  for (std::size_t index = 0; index < subtotals.size(); ++index) {
    if (keys[index] == key) {
      index_of.last = index;
      return add(subtotals[index]);
    }
  }
  index_of.last = subtotals.size();
  keys.push_back(std::move(key));
  subtotals.push_back(Level1Subtotal{indicator.level1, leaf.weight.value_or(Decimal()),
                                     leaf.score.value_or(Decimal())});
}

// The sums below are exact: a leaf with a point beyond points_range.h's limit is scored as
// a copy of that leaf alone with the point cleared (`bounded` says the form has one), so the
// form itself is never copied and the evaluation may refer to it.
Evaluation score_within_range(const model::Form& form, const RuleSet& rules, Mode mode,
                              bool bounded) {
  Evaluation evaluation;
  evaluation.mode = mode;
  evaluation.rule_set = rules.name;
  evaluation.budget = score_budget(form.budget, rules);
  Level1Index level1_keys;
  evaluation.goals.reserve(form.goals.size());
  for (std::size_t goal_index = 0; goal_index < form.goals.size(); ++goal_index) {
    const auto& goal = form.goals[goal_index];
    GoalEvaluation goal_evaluation;
    goal_evaluation.goal_index = goal_index;
    goal_evaluation.number = goal.number;
    goal_evaluation.leaves.reserve(goal.indicators.size());
    for (std::size_t leaf_index = 0; leaf_index < goal.indicators.size(); ++leaf_index) {
      const auto& indicator = goal.indicators[leaf_index];
      // Scored in place: a LeafEvaluation holds two Values and a dozen strings, and moving one
      // into the vector cost as much as a fifth of scoring it.
      LeafEvaluation& leaf = goal_evaluation.leaves.emplace_back();
      std::string path = model::indicator_path(goal_index, leaf_index);
      if (bounded && !points_in_range(indicator))
        score_leaf_into(with_points_in_range(indicator), rules, mode, std::move(path), leaf);
      else
        score_leaf_into(indicator, rules, mode, std::move(path), leaf);
      leaf.goal_index = goal_index;
      leaf.indicator_index = leaf_index;
      if (leaf.weight) goal_evaluation.weight += *leaf.weight;
      if (leaf.score) goal_evaluation.score += *leaf.score;
      add_to_level1(evaluation.level1, level1_keys, indicator, leaf);
    }
    evaluation.indicator_weight += goal_evaluation.weight;
    evaluation.indicator_score += goal_evaluation.score;
    evaluation.goals.push_back(std::move(goal_evaluation));
  }
  evaluation.total = evaluation.indicator_score;
  if (evaluation.budget.score) evaluation.total += *evaluation.budget.score;
  evaluation.grade = grade_for(evaluation.total, rules);
  return evaluation;
}

} // namespace

Evaluation score(const model::Form& form, const RuleSet& rules, Mode mode) {
  std::vector<PointsOutOfRange> cleared = points_out_of_range(form);
  Evaluation evaluation = score_within_range(form, rules, mode, !cleared.empty());
  evaluation.points_out_of_range = std::move(cleared);
  return evaluation;
}

} // namespace ziping::rules
