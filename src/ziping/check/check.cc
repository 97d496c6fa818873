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
  std::string path;
  path.reserve(leaf.path.size() + std::char_traits<char>::length(field));
  path.append(leaf.path).append(field);
  auto& d = emit(id, std::move(path), std::move(args));
  d.subject = leaf_label(leaf);
  return d;
}

std::string CheckContext::score(const num::Decimal& value) const {
  return rules::score_text(value, rules.places);
}

std::string CheckContext::leaf_label(const rules::LeafEvaluation& leaf) const {
  const auto& goal = form.goals[leaf.goal_index];
  const auto& indicator = goal.indicators[leaf.indicator_index];
  // Built in one buffer: a label is spelt for every diagnostic about a leaf.
  std::string label;
  label.reserve(32 + indicator.name.size());
  if (goal.number) label.append("绩效目标").append(std::to_string(*goal.number));
  if (indicator.name.empty())
    return label.append("第").append(std::to_string(leaf.indicator_index + 1)).append("项指标");
  return label.append("「").append(indicator.name).append("」");
}

namespace {

std::vector<diag::Diagnostic> check_within_range(const model::Form& form,
                                                 const rules::Evaluation& evaluation,
                                                 const rules::RuleSet& rules) {
  std::vector<diag::Diagnostic> out;
  // Room for about one finding per leaf up front: a Diagnostic is large (strings, notes), and
  // moving every one of them each time the vector grew was a few percent of checking.
  out.reserve(evaluation.leaf_count() + 16);
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

} // namespace

std::vector<diag::Diagnostic> check_form(const model::Form& form,
                                         const rules::Evaluation& evaluation,
                                         const rules::RuleSet& rules) {
  std::vector<rules::PointsOutOfRange> cleared;
  auto bounded = rules::without_points_out_of_range(form, cleared);
  if (!bounded) return check_within_range(form, evaluation, rules);
  // The families check the form the scorer scored: the cleared points are absent there, and
  // what the families say about those very fields (分值为空, …) gives way to ZP0907.
  std::vector<diag::Diagnostic> out;
  CheckContext context{*bounded, evaluation, rules, out};
  std::string limit = "1" + std::string(rules::kPointsLimitDigits, '0');
  for (const auto& point : cleared)
    context.emit(diag::DiagId::err_points_out_of_range, point.path,
                 {point.field, point.value.to_string(), limit});
  for (auto& d : check_within_range(*bounded, evaluation, rules)) {
    bool on_cleared = false;
    for (const auto& point : cleared) on_cleared = on_cleared || d.path == point.path;
    if (!on_cleared) out.push_back(std::move(d));
  }
  return out;
}

Assessment assess(const model::Form& form, const rules::RuleSet& rules, rules::Mode mode) {
  Assessment assessment;
  assessment.evaluation = rules::score(form, rules, mode);
  assessment.diagnostics = check_form(form, assessment.evaluation, rules);
  return assessment;
}

} // namespace ziping::check
