// Totals and grade: the declared 总分 and grade against a recomputation from the form's own
// declared leaf scores and the computed execution score. This checks the form's arithmetic in
// either mode; in auto mode the formula scores are a separate question (ZP0308).
#include "ziping/check/context.h"
#include "ziping/rules/display.h"
#include "ziping/rules/scorer.h"
#include "ziping/text/utf8.h"

namespace ziping::check {
namespace {

using diag::DiagId;
using num::Decimal;
using rules::plain;

Decimal declared_leaf_sum(const rules::GoalEvaluation& goal) {
  Decimal sum;
  for (const auto& leaf : goal.leaves) {
    if (leaf.declared)
      sum += *leaf.declared;
    else if (leaf.formula)
      sum += *leaf.formula;
  }
  return sum;
}

void check_goal_scores(const CheckContext& c) {
  for (const auto& goal : c.evaluation.goals) {
    const auto& declared = c.form.goals[goal.goal_index].score;
    if (!declared) continue;
    Decimal computed = declared_leaf_sum(goal);
    if ((*declared - computed).abs() > c.rules.score_tolerance) {
      c.emit(
          DiagId::err_goal_score_mismatch, model::goal_path(goal.goal_index) + ".score",
          {goal.number ? std::to_string(*goal.number) : "", plain(*declared), c.score(computed)});
    }
  }
}

} // namespace

void check_totals(const CheckContext& c) {
  check_goal_scores(c);
  const auto& form = c.form;
  if (form.total_weight && *form.total_weight != c.rules.total_points) {
    c.emit(DiagId::err_total_weight_mismatch, "total.weight",
           {plain(*form.total_weight), c.rules.name, plain(c.rules.total_points)});
  }
  Decimal indicators;
  for (const auto& goal : c.evaluation.goals) indicators += declared_leaf_sum(goal);
  std::optional<Decimal> execution = c.evaluation.budget.score;
  if (!execution) execution = form.budget.score;
  Decimal recomputed = indicators + execution.value_or(Decimal());
  if (!form.total_score) {
    c.emit(DiagId::warn_total_missing, "total.score");
  } else if ((*form.total_score - recomputed).abs() > c.rules.score_tolerance) {
    c.emit(DiagId::err_total_mismatch, "total.score",
           {plain(*form.total_score), c.score(recomputed), c.score(execution.value_or(Decimal())),
            c.score(indicators)});
  }
  std::string declared_grade(text::trim(form.grade));
  if (declared_grade.empty()) {
    c.emit(DiagId::warn_grade_missing, "grade");
    return;
  }
  std::string expected = rules::grade_for(recomputed, c.rules);
  if (declared_grade != expected) {
    c.emit(DiagId::err_grade_mismatch, "grade", {declared_grade, c.score(recomputed), expected});
  }
}

} // namespace ziping::check
