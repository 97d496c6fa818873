// Structure: the form's shape before any arithmetic — goal numbering, the 一级/二级 framework,
// weights present and positive, scores within [0, weight], weights adding up to the total.
#include <set>

#include <unordered_map>

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

// The framework's answers for the (一级, 二级) pairs of one form, by the names as written: a
// form repeats a handful of pairs over all its leaves, and each fresh answer costs three
// level_key() folds and two lookups.
class LevelVerdicts {
public:
  struct Verdict {
    bool known_level1 = false;
    bool level2_allowed = false;
  };

  LevelVerdicts() { recent_.reserve(kRecent); }

  // The reference holds until the next question.
  const Verdict& ask(const rules::RuleSet& rules, const std::string& level1,
                     const std::string& level2) {
    // A form repeats a handful of pairs: they are found by the names as written, with no key
    // built; only a form with unusually many pairs goes on to the map.
    for (const auto& seen : recent_)
      if (seen.level1 == level1 && seen.level2 == level2) return seen.verdict;
    if (recent_.size() < kRecent) {
      recent_.push_back(Seen{level1, level2, decide(rules, level1, level2)});
      return recent_.back().verdict;
    }
    return answer(rules, level1, level2);
  }

private:
  static constexpr std::size_t kRecent = 16;

  static Verdict decide(const rules::RuleSet& rules, const std::string& level1,
                        const std::string& level2) {
    Verdict verdict;
    verdict.known_level1 = rules::is_known_level1(rules, level1);
    verdict.level2_allowed = verdict.known_level1 && rules::level2_allowed(rules, level1, level2);
    return verdict;
  }

  const Verdict& answer(const rules::RuleSet& rules, const std::string& level1,
                        const std::string& level2) {
    // The first name's length leads, so no two pairs share a key whatever the names hold.
    key_.assign(std::to_string(level1.size()));
    key_.push_back(':');
    key_.append(level1);
    key_.append(level2);
    auto found = verdicts_.find(key_);
    if (found != verdicts_.end()) return found->second;
    return verdicts_.emplace(key_, decide(rules, level1, level2)).first->second;
  }

  struct Seen {
    std::string level1;
    std::string level2;
    Verdict verdict;
  };
  std::vector<Seen> recent_; // at most kRecent
  std::string key_;          // reused: no allocation per leaf once it is long enough
  std::unordered_map<std::string, Verdict> verdicts_;
};

void check_levels(const CheckContext& c, const model::Indicator& indicator,
                  const rules::LeafEvaluation& leaf, LevelVerdicts& verdicts) {
  if (text::trim(indicator.level1).empty()) {
    c.emit_leaf(DiagId::err_level1_missing, leaf, ".level1");
    return;
  }
  if (c.rules.framework.empty()) return;
  const LevelVerdicts::Verdict& verdict = verdicts.ask(c.rules, indicator.level1, indicator.level2);
  if (!verdict.known_level1) {
    c.emit_leaf(DiagId::warn_unknown_level1, leaf, ".level1", {indicator.level1});
    return;
  }
  if (text::trim(indicator.level2).empty() || verdict.level2_allowed) {
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
  // Asked for every leaf, so the usual case is done without Decimal division: a value with
  // no more places than the step (0.05, 0.5, 0.01) and an ordinary coefficient is brought to
  // the step's scale, where it is a multiple exactly when the coefficients divide.
  using Coefficient = Decimal::Coefficient;
  constexpr Coefficient kOrdinary = Coefficient(1) << 62; // × 10^18 stays below 2^122
  int gap = step.scale() - value.scale();
  if (gap >= 0 && gap <= 18 && step.coefficient() > 0 && value.coefficient() < kOrdinary &&
      value.coefficient() > -kOrdinary) {
    Coefficient scaled = value.coefficient();
    for (int i = 0; i < gap; ++i) scaled *= 10;
    return scaled % step.coefficient() == 0;
  }
  Decimal quotient = value.divide(step, 0, num::RoundingMode::Down);
  return quotient * step == value;
}

// A score-only template (Hubei's 20/80: 得分 without a 分值 column): no leaf has a weight and
// some have a score. The missing weights are the template's, not the filler's slips.
bool score_only(const model::Form& form) {
  bool any_score = false;
  for (const auto& goal : form.goals) {
    for (const auto& indicator : goal.indicators) {
      if (indicator.weight) return false;
      any_score = any_score || indicator.score.has_value();
    }
  }
  return any_score;
}

void check_leaf_numbers(const CheckContext& c, const model::Indicator& indicator,
                        const rules::LeafEvaluation& leaf, bool weights_printed) {
  if (text::trim(indicator.name).empty())
    c.emit_leaf(DiagId::err_indicator_name_missing, leaf, ".name");
  if (!indicator.weight) {
    if (weights_printed) c.emit_leaf(DiagId::err_weight_missing, leaf, ".weight");
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
  bool weights_printed = !score_only(c.form);
  LevelVerdicts verdicts;
  c.each_leaf([&](const model::Indicator& indicator, const rules::LeafEvaluation& leaf) {
    check_levels(c, indicator, leaf, verdicts);
    check_leaf_numbers(c, indicator, leaf, weights_printed);
  });
  if (!weights_printed) {
    c.emit(DiagId::note_score_only_template, "goals");
    return;
  }
  check_weight_total(c);
  check_goal_weights(c);
  check_level1_weights(c);
}

} // namespace ziping::check
