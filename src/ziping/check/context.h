// check/context.h — what every check family receives, and the one way they emit (so that
// rule-set severity overrides apply everywhere).
#pragma once

#include <string>
#include <vector>

#include "ziping/check/check.h"

namespace ziping::check {

struct CheckContext {
  const model::Form& form;
  const rules::Evaluation& evaluation;
  const rules::RuleSet& rules;
  std::vector<diag::Diagnostic>& out;

  diag::Diagnostic& emit(diag::DiagId id, std::string path,
                         std::vector<std::string> args = {}) const;
  // Emits about a leaf: path under the leaf, subject naming it.
  diag::Diagnostic& emit_leaf(diag::DiagId id, const rules::LeafEvaluation& leaf, const char* field,
                              std::vector<std::string> args = {}) const;
  // A note to attach to a diagnostic (same override rules, never emitted on its own).
  diag::Diagnostic note(diag::DiagId id, std::string path,
                        std::vector<std::string> args = {}) const;

  // The model's indicator and its evaluation, walked together.
  template <typename Fn> void each_leaf(Fn fn) const {
    for (const auto& goal : evaluation.goals) {
      for (const auto& leaf : goal.leaves) {
        fn(form.goals[leaf.goal_index].indicators[leaf.indicator_index], leaf);
      }
    }
  }
  std::string score(const num::Decimal& value) const;
  // "绩效目标4「营商环境宣传费用支出」" — how a message names a leaf.
  std::string leaf_label(const rules::LeafEvaluation& leaf) const;
};

// A diagnostic's arguments, each moved (or copied once) into place: a braced list copies
// every string twice (into the list, then out of it), and a basis or a derivation is a long
// Chinese sentence that never fits a short-string buffer.
template <typename... Args> std::vector<std::string> arguments(Args&&... args) {
  std::vector<std::string> out;
  out.reserve(sizeof...(Args));
  (out.emplace_back(std::forward<Args>(args)), ...);
  return out;
}

void check_structure(const CheckContext& context);
void check_budget(const CheckContext& context);
void check_totals(const CheckContext& context);
void check_explanations(const CheckContext& context);
void check_judgement(const CheckContext& context);
void check_plausibility(const CheckContext& context);
void check_consistency(const CheckContext& context);
void check_values(const CheckContext& context);

} // namespace ziping::check
