#include "ziping/check/check.h"

#include "ziping/check/context.h"
#include "ziping/rules/display.h"
#include "ziping/rules/scorer.h"

namespace ziping::check {

diag::Diagnostic CheckContext::note(diag::DiagId id, std::string path,
                                    std::vector<std::string> args) const {
  auto d = diag::make(id, std::move(path), std::move(args));
  if (auto severity = rules.severity_for(d.code())) d.severity = *severity;
  return d;
}

diag::Diagnostic& CheckContext::emit(diag::DiagId id, std::string path,
                                     std::vector<std::string> args) const {
  out.push_back(note(id, std::move(path), std::move(args)));
  return out.back();
}

diag::Diagnostic& CheckContext::emit_leaf(diag::DiagId id, const rules::LeafEvaluation& leaf,
                                          const char* field, std::vector<std::string> args) const {
  auto& d = emit(id, leaf.path + field, std::move(args));
  d.subject = leaf_label(leaf);
  return d;
}

std::string CheckContext::score(const num::Decimal& value) const {
  return rules::score_text(value, rules.places);
}

std::string CheckContext::leaf_label(const rules::LeafEvaluation& leaf) const {
  const auto& goal = form.goals[leaf.goal_index];
  const auto& indicator = goal.indicators[leaf.indicator_index];
  std::string prefix = goal.number ? "绩效目标" + std::to_string(*goal.number) : std::string();
  if (indicator.name.empty()) {
    return prefix + "第" + std::to_string(leaf.indicator_index + 1) + "项指标";
  }
  return prefix + "「" + indicator.name + "」";
}

std::vector<diag::Diagnostic> check_form(const model::Form& form,
                                         const rules::Evaluation& evaluation,
                                         const rules::RuleSet& rules) {
  std::vector<diag::Diagnostic> out;
  CheckContext context{form, evaluation, rules, out};
  check_structure(context);
  check_budget(context);
  check_values(context);
  check_judgement(context);
  check_explanations(context);
  check_plausibility(context);
  check_consistency(context);
  check_totals(context);
  return out;
}

Assessment assess(const model::Form& form, const rules::RuleSet& rules, rules::Mode mode) {
  Assessment assessment;
  assessment.evaluation = rules::score(form, rules, mode);
  assessment.diagnostics = check_form(form, assessment.evaluation, rules);
  return assessment;
}

} // namespace ziping::check
