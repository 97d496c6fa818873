// The indicator family of the chain (ZP0453–ZP0462): which declared indicators the later forms
// kept, and whether their targets, comparators, units and weights stayed as declared; then the
// monitoring forecast against the final result and score.
#include <algorithm>
#include <map>

#include "ziping/chain/context.h"
#include "ziping/chain/matching.h"
#include "ziping/value/value.h"

namespace ziping::chain {
namespace {

using diag::DiagId;
using value::Comparator;
using value::Role;
using value::Value;
using value::ValueKind;

std::string path_of(const LeafName& leaf, const char* field) {
  return model::indicator_path(leaf.goal, leaf.index) + "." + field;
}

std::string levels_of(const std::string& level1, const std::string& level2) {
  if (level1.empty()) return level2;
  return level2.empty() ? level1 : level1 + "/" + level2;
}

Value parsed(const std::string& text) {
  return value::parse_value(text, Role::Target).value;
}

// Two targets say the same when their canonical spellings agree ("≥95%" ≡ "≥ 95 ％" ≡
// "不低于95%"; "100%" ≡ "=100%").
bool same_target(const std::string& a, const std::string& b) {
  if (value::fold(a) == value::fold(b)) return true;
  return value::format_value(parsed(a)) == value::format_value(parsed(b));
}

// How a target changed, for the message: 放宽 when the new one is easier to reach.
struct TargetChange {
  bool comparator = false;
  bool unit = false;
  bool convertible = false;
  bool value = false;
  std::string direction;
};

bool counts_up(Comparator c) {
  return c == Comparator::AtLeast || c == Comparator::MoreThan || c == Comparator::Equal;
}

TargetChange compare_targets(const std::string& declared, const std::string& later) {
  TargetChange change;
  if (same_target(declared, later)) return change;
  Value a = parsed(declared);
  Value b = parsed(later);
  if (a.kind != ValueKind::Quantity || b.kind != ValueKind::Quantity) {
    change.value = true;
    change.direction = diag::bilingual("改写", "rewritten");
    return change;
  }
  change.comparator = a.comparator != b.comparator;
  num::Decimal from = a.number;
  if (!(a.unit == b.unit)) {
    change.unit = true;
    change.convertible = value::convert(a.number, a.unit, b.unit, from);
    if (!change.convertible) return change;
  }
  if (from == b.number) return change;
  change.value = true;
  bool easier = counts_up(b.comparator) ? b.number < from : b.number > from;
  change.direction =
      easier ? diag::bilingual("放宽", "loosened") : diag::bilingual("收紧", "tightened");
  return change;
}

bool missed(const rules::LeafEvaluation& leaf) {
  if (leaf.met && !*leaf.met) return true;
  if (leaf.tier && *leaf.tier != value::Tier::Achieved) return true;
  return leaf.score && leaf.weight && *leaf.score < *leaf.weight;
}

struct Indicators {
  const Emitter& e;
  const ChainForms& forms;
  const model::Plan& decl;
  const model::Plan* mon;
  const model::Form& self;
  std::vector<LeafName> d, m, s;
  std::map<std::pair<std::size_t, std::size_t>, const rules::LeafEvaluation*> scored;

  Indicators(const Emitter& emitter, const ChainForms& f)
      : e(emitter), forms(f), decl(f.declaration.plan),
        mon(f.monitoring ? &f.monitoring->plan : nullptr), self(f.self.form) {
    d = leaf_names(decl.goals);
    s = leaf_names(self.goals);
    if (mon) m = leaf_names(mon->goals);
    for (const auto& goal : f.self.evaluation.goals)
      for (const auto& leaf : goal.leaves) scored[{leaf.goal_index, leaf.indicator_index}] = &leaf;
  }

  const model::PlanIndicator& decl_leaf(const LeafName& n) const {
    return decl.goals[n.goal].indicators[n.index];
  }
  const model::PlanIndicator& mon_leaf(const LeafName& n) const {
    return mon->goals[n.goal].indicators[n.index];
  }
  const model::Indicator& self_leaf(const LeafName& n) const {
    return self.goals[n.goal].indicators[n.index];
  }

  // Where a missing indicator would have been: the 自评表's goal of the same number.
  std::string self_goal_path(std::optional<int> number) const {
    for (std::size_t g = 0; g < self.goals.size(); ++g)
      if (self.goals[g].number == number) return model::goal_path(g);
    return self.goals.empty() ? "" : model::goal_path(0);
  }

  void run() {
    auto ds = match_leaves(d, s);
    auto sd = match_leaves(s, d);
    std::optional<Matching> dm;
    if (mon) dm = match_leaves(d, m);
    for (std::size_t i = 0; i < d.size(); ++i) {
      const LeafName* mon_match = dm && dm->from[i].other ? &m[*dm->from[i].other] : nullptr;
      if (mon && !mon_match) missing_from_monitoring(i, dm->from[i]);
      if (!ds.from[i].other) {
        dropped(i, ds.from[i], mon_match);
        continue;
      }
      compare(d[i], s[*ds.from[i].other], mon_match);
    }
    for (std::size_t j = 0; j < s.size(); ++j)
      if (!ds.matched_to[j]) added(j, sd.from[j]);
  }

  void dropped(std::size_t i, const LeafMatch& match, const LeafName* mn) {
    const auto& leaf = decl_leaf(d[i]);
    auto& diag = e.emit(DiagId::err_chain_indicator_dropped, forms.declaration.map,
                        path_of(d[i], "name"), {leaf.name, levels_of(leaf.level1, leaf.level2)});
    if (match.proposal) {
      const auto& other = s[*match.proposal];
      e.note(
          diag, DiagId::note_chain_match_proposed, forms.self.map, path_of(other, "name"),
          {diag::bilingual("自评表", "self-evaluation"), other.name, match.similarity.to_string()});
    } else {
      e.note(diag, DiagId::note_chain_in_self, forms.self.map, self_goal_path(d[i].goal_number),
             {diag::bilingual("无此指标", "no such indicator")});
    }
    // What monitoring said of it: a dropped indicator is often one judged out of reach.
    if (mn)
      e.note(diag, DiagId::note_chain_in_monitoring, forms.monitoring->map,
             path_of(*mn, "likelihood"),
             {diag::bilingual("完成目标可能性 " + mon_leaf(*mn).likelihood,
                              "likelihood " + mon_leaf(*mn).likelihood)});
  }

  void missing_from_monitoring(std::size_t i, const LeafMatch& match) {
    const auto& leaf = decl_leaf(d[i]);
    auto& diag = e.emit(DiagId::warn_chain_monitoring_indicator_missing, forms.declaration.map,
                        path_of(d[i], "name"), {leaf.name, levels_of(leaf.level1, leaf.level2)});
    if (match.proposal)
      e.note(diag, DiagId::note_chain_match_proposed, forms.monitoring->map,
             path_of(m[*match.proposal], "name"),
             {diag::bilingual("监控表", "monitoring form"), m[*match.proposal].name,
              match.similarity.to_string()});
  }

  void added(std::size_t j, const LeafMatch& match) {
    const auto& leaf = self_leaf(s[j]);
    auto& diag = e.emit(DiagId::warn_chain_indicator_added, forms.self.map, path_of(s[j], "name"),
                        {leaf.name, levels_of(leaf.level1, leaf.level2)});
    if (match.proposal)
      e.note(diag, DiagId::note_chain_match_proposed, forms.declaration.map,
             path_of(d[*match.proposal], "name"),
             {diag::bilingual("申报表", "declaration"), d[*match.proposal].name,
              match.similarity.to_string()});
  }

  void compare(const LeafName& dn, const LeafName& sn, const LeafName* mn) {
    const auto& dl = decl_leaf(dn);
    const auto& sl = self_leaf(sn);
    const model::PlanIndicator* ml = mn ? &mon_leaf(*mn) : nullptr;
    bool self_adjusted = !value::fold(sl.adjusted_target).empty();
    const std::string& used = self_adjusted ? sl.adjusted_target : sl.target;
    const char* used_field = self_adjusted ? "adjusted_target" : "target";

    // A recorded 调整: the 自评表 keeps the declared target beside its 调整指标值, or the
    // monitoring form records the adjusted target the 自评表 uses.
    bool recorded = self_adjusted && same_target(sl.target, dl.target);
    bool mon_adjusted = ml && !value::fold(ml->adjusted_target).empty();
    if (mon_adjusted && same_target(ml->adjusted_target, used)) recorded = true;

    // An empty declared target is the declaration's own finding (ZP0421): nothing to compare.
    if (value::fold(dl.target).empty()) recorded = true;
    if (!recorded) {
      auto change = compare_targets(dl.target, used);
      auto locate_others = [&](diag::Diagnostic& diag) {
        e.note(diag, DiagId::note_chain_in_declaration, forms.declaration.map,
               path_of(dn, "target"), {dl.target});
        if (ml)
          e.note(diag, DiagId::note_chain_in_monitoring, forms.monitoring->map,
                 path_of(*mn, "target"), {ml->target});
        if (mon_adjusted)
          e.note(diag, DiagId::note_chain_adjustment_seen, forms.monitoring->map,
                 path_of(*mn, "adjusted_target"), {ml->adjusted_target});
      };
      if (change.comparator) {
        auto& diag =
            e.emit(DiagId::err_chain_comparator_changed, forms.self.map, path_of(sn, used_field),
                   {sl.name, comparator_text(dl.target), comparator_text(used)});
        locate_others(diag);
      }
      if (change.unit) {
        auto& diag =
            e.emit(DiagId::warn_chain_unit_changed, forms.self.map, path_of(sn, used_field),
                   {sl.name, parsed(dl.target).unit.text, parsed(used).unit.text,
                    change.convertible ? diag::bilingual("可换算", "convertible")
                                       : diag::bilingual("不可换算", "not convertible")});
        locate_others(diag);
      }
      if (change.value) {
        auto& diag = e.emit(DiagId::err_chain_target_changed, forms.self.map,
                            path_of(sn, used_field), {sl.name, dl.target, used, change.direction});
        locate_others(diag);
      }
    }

    if (ml && !value::fold(dl.target).empty() && value::fold(ml->adjusted_target).empty() &&
        !same_target(dl.target, ml->target)) {
      auto change = compare_targets(dl.target, ml->target);
      auto& diag = e.emit(
          DiagId::warn_chain_monitoring_target_changed, forms.monitoring->map,
          path_of(*mn, "target"),
          {ml->name, ml->target, dl.target,
           change.direction.empty() ? diag::bilingual("改写", "rewritten") : change.direction});
      e.note(diag, DiagId::note_chain_in_declaration, forms.declaration.map, path_of(dn, "target"),
             {dl.target});
    }

    if (dl.weight && sl.weight) {
      const auto& scales = e.rules.chain.weight_scales;
      bool kept = std::any_of(scales.begin(), scales.end(),
                              [&](const num::Decimal& k) { return *dl.weight * k == *sl.weight; });
      if (!kept) {
        auto& diag =
            e.emit(DiagId::warn_chain_weight_changed, forms.self.map, path_of(sn, "weight"),
                   {sl.name, dl.weight->to_string(), sl.weight->to_string()});
        e.note(diag, DiagId::note_chain_in_declaration, forms.declaration.map,
               path_of(dn, "weight"), {dl.weight->to_string()});
      }
    }

    if (ml) forecast(*mn, *ml, sn, sl, recorded);
  }

  static std::string comparator_text(const std::string& target) {
    switch (parsed(target).comparator) {
    case Comparator::AtLeast:
      return "≥";
    case Comparator::MoreThan:
      return ">";
    case Comparator::AtMost:
      return "≤";
    case Comparator::LessThan:
      return "<";
    case Comparator::Equal:
      return "=";
    case Comparator::None:
      break;
    }
    return "";
  }

  // The monitoring forecast and likelihood against the 自评表's result and score.
  void forecast(const LeafName& mn, const model::PlanIndicator& ml, const LeafName& sn,
                const model::Indicator& sl, bool adjusted) {
    auto found = scored.find({sn.goal, sn.index});
    if (found == scored.end()) return;
    const rules::LeafEvaluation& leaf = *found->second;
    bool explained = !model::is_placeholder(sl.deviation_reason);
    if (explained) return;
    const auto& mon_map = forms.monitoring->map;
    std::string score = leaf.score ? leaf.score->to_string() : "—";
    std::string weight = leaf.weight ? leaf.weight->to_string() : "—";
    bool is_missed = missed(leaf);
    if (ml.likelihood == model::kLikelihoods[0] && is_missed) {
      auto& diag = e.emit(DiagId::warn_chain_certain_but_missed, forms.self.map,
                          path_of(sn, "score"), {sl.name, score, weight});
      e.note(diag, DiagId::note_chain_in_monitoring, mon_map, path_of(mn, "likelihood"),
             {ml.likelihood});
    }
    bool doubtful = ml.likelihood == model::kLikelihoods[2] ||
                    (ml.likelihood == model::kLikelihoods[1] && model::has_cause(ml));
    bool full = leaf.score && leaf.weight && *leaf.score >= *leaf.weight && !is_missed;
    if (doubtful && full && !adjusted) {
      auto& diag = e.emit(DiagId::warn_chain_impossible_but_full, forms.self.map,
                          path_of(sn, "score"), {sl.name, ml.likelihood, score});
      e.note(diag, DiagId::note_chain_in_monitoring, mon_map, path_of(mn, "likelihood"),
             {ml.likelihood});
    }
    Value predicted = value::parse_value(ml.forecast, Role::Actual).value;
    Value actual = value::parse_value(sl.actual, Role::Actual).value;
    if (predicted.kind != ValueKind::Quantity || actual.kind != ValueKind::Quantity) return;
    num::Decimal expected = predicted.number;
    if (!(predicted.unit == actual.unit) &&
        !value::convert(predicted.number, predicted.unit, actual.unit, expected))
      return;
    if (expected.is_zero()) return;
    auto gap =
        (actual.number - expected).abs().divide(expected.abs(), 6, num::RoundingMode::HalfUp);
    if (gap > e.rules.chain.forecast_gap) {
      auto& diag = e.emit(
          DiagId::warn_chain_forecast_gap, forms.self.map, path_of(sn, "actual"),
          {sl.name, ml.forecast, sl.actual, percent(gap), percent(e.rules.chain.forecast_gap)});
      e.note(diag, DiagId::note_chain_in_monitoring, mon_map, path_of(mn, "forecast"),
             {ml.forecast});
    }
  }
};

} // namespace

void check_indicators(const Emitter& emitter, const ChainForms& forms) {
  Indicators(emitter, forms).run();
}

} // namespace ziping::chain
