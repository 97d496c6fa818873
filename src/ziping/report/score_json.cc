// The score JSON of `ziping score --format json` (docs/cli.md): exact decimals as JSON numbers,
// declared figures beside computed ones, every leaf with its derivation, and the diagnostics.
#include "ziping/diag/render.h"
#include "ziping/report/score_report.h"
#include "ziping/rules/display.h"
#include "ziping/text/json_writer.h"

namespace ziping::report {
namespace {

using num::Decimal;
using text::JsonWriter;

void number(JsonWriter& w, const char* key, const std::optional<Decimal>& value) {
  w.key(key).decimal(value);
}

class ScoreJson {
public:
  explicit ScoreJson(const ScoredForm& s) : s_(s) {}

  std::string run() {
    const auto& e = s_.evaluation;
    w_.begin_object();
    w_.key("format").string("ziping-score");
    w_.key("format_version").integer(1);
    w_.key("rules").string(s_.rules.name);
    w_.key("mode").string(mode_name(e.mode));
    w_.key("kind").string(s_.form.kind == model::FormKind::Project ? "project" : "department");
    w_.key("title").string(s_.form.title);
    w_.key("year");
    if (s_.form.year)
      w_.integer(*s_.form.year);
    else
      w_.null();
    w_.key("department").string(s_.form.department);
    w_.key("project").string(s_.form.project);
    w_.key("total").number(e.total.to_string());
    w_.key("grade").string(e.grade);
    w_.key("indicator_weight").number(e.indicator_weight.to_string());
    w_.key("indicator_score").number(e.indicator_score.to_string());
    declared();
    budget();
    level1();
    goals();
    w_.key("diagnostics");
    diag::write_json(w_, s_.diagnostics);
    summary();
    w_.end_object();
    return w_.finish();
  }

private:
  void declared() {
    w_.key("declared").begin_object();
    number(w_, "total", s_.form.total_score);
    w_.key("grade").string(s_.form.grade);
    w_.end_object();
  }

  void budget() {
    const auto& b = s_.evaluation.budget;
    w_.key("budget").begin_object();
    number(w_, "annual", s_.form.budget.annual);
    number(w_, "executed", s_.form.budget.executed);
    number(w_, "rate", b.rate_percent);
    number(w_, "rate_ratio", b.rate);
    w_.key("weight").number(b.weight.to_string());
    number(w_, "score", b.score);
    number(w_, "declared_score", s_.form.budget.score);
    w_.key("declared_rate").string(s_.form.budget.rate);
    w_.key("derivation").string(b.derivation);
    w_.end_object();
  }

  void level1() {
    w_.key("level1").begin_array();
    for (const auto& subtotal : s_.evaluation.level1) {
      w_.begin_object();
      w_.key("name").string(subtotal.level1);
      w_.key("weight").number(subtotal.weight.to_string());
      w_.key("score").number(subtotal.score.to_string());
      w_.end_object();
    }
    w_.end_array();
  }

  void goals() {
    w_.key("goals").begin_array();
    for (const auto& goal : s_.evaluation.goals) {
      w_.begin_object();
      w_.key("number");
      if (goal.number)
        w_.integer(*goal.number);
      else
        w_.null();
      w_.key("weight").number(goal.weight.to_string());
      w_.key("score").number(goal.score.to_string());
      w_.key("indicators").begin_array();
      for (const auto& leaf : goal.leaves) this->leaf(leaf);
      w_.end_array();
      w_.end_object();
    }
    w_.end_array();
  }

  void leaf(const rules::LeafEvaluation& leaf) {
    const auto& indicator = s_.form.goals[leaf.goal_index].indicators[leaf.indicator_index];
    w_.begin_object();
    w_.key("path").string(leaf.path);
    w_.key("level1").string(indicator.level1);
    w_.key("level2").string(indicator.level2);
    w_.key("name").string(indicator.name);
    w_.key("target").string(indicator.target);
    w_.key("actual").string(indicator.actual);
    number(w_, "weight", leaf.weight);
    number(w_, "score", leaf.score);
    number(w_, "declared_score", leaf.declared);
    number(w_, "formula_score", leaf.formula);
    w_.key("method").string(method_name(leaf.method));
    w_.key("met");
    if (leaf.met)
      w_.boolean(*leaf.met);
    else
      w_.null();
    number(w_, "ratio", leaf.ratio);
    number(w_, "deviation", leaf.deviation);
    w_.key("large_deviation").boolean(leaf.large_deviation);
    w_.key("tier");
    if (leaf.tier)
      w_.string(value::tier_id(*leaf.tier));
    else
      w_.null();
    w_.key("allowed");
    if (leaf.allowed) {
      w_.begin_object();
      w_.key("min").number(leaf.allowed->min.to_string());
      w_.key("max").number(leaf.allowed->max.to_string());
      w_.key("basis").string(leaf.allowed->basis);
      w_.end_object();
    } else {
      w_.null();
    }
    w_.key("reason_required").boolean(leaf.reason_required);
    w_.key("reason_given").boolean(leaf.reason_given);
    w_.key("derivation").string(leaf.derivation);
    w_.end_object();
  }

  void summary() {
    auto count = [&](diag::Severity severity) {
      long long n = 0;
      for (const auto& d : s_.diagnostics) n += d.severity == severity;
      return n;
    };
    w_.key("summary").begin_object();
    w_.key("errors").integer(count(diag::Severity::Error));
    w_.key("warnings").integer(count(diag::Severity::Warning));
    w_.key("notes").integer(count(diag::Severity::Note));
    w_.end_object();
  }

  const ScoredForm& s_;
  JsonWriter w_;
};

} // namespace

std::string render_score_json(const ScoredForm& scored) {
  return ScoreJson(scored).run();
}

} // namespace ziping::report
