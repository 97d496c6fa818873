// check_chain: the plans' own checks, the forms' identity (kinds, scope, year, names), then the
// indicator and budget families; everything sorted by form (declaration, monitoring, 自评表)
// and by place within each.
#include "ziping/chain/chain.h"

#include <algorithm>
#include <tuple>

#include "ziping/chain/context.h"
#include "ziping/chain/matching.h"

namespace ziping::chain {
namespace {

using diag::DiagId;

std::string scope_name(model::FormKind scope) {
  return scope == model::FormKind::Project ? diag::bilingual("项目支出", "project")
                                           : diag::bilingual("部门整体", "department-wide");
}

std::string plan_name(const model::Plan& plan) {
  bool declaration = plan.kind == model::PlanKind::Declaration;
  return plan.scope == model::FormKind::Project
             ? (declaration ? diag::bilingual("项目支出绩效目标申报表", "project goal declaration")
                            : diag::bilingual("项目支出绩效运行监控表", "project monitoring form"))
             : (declaration
                    ? diag::bilingual("部门整体绩效目标申报表", "department-wide goal declaration")
                    : diag::bilingual("部门整体绩效运行监控表", "department-wide monitoring form"));
}

std::string slot_name(model::PlanKind kind) {
  return kind == model::PlanKind::Declaration ? diag::bilingual("申报表", "declaration")
                                              : diag::bilingual("监控表", "monitoring form");
}

// The plan in a slot is of the slot's kind and the 自评表's scope; false stops the chain.
bool right_kind(const Emitter& e, const PlanInput& in, model::PlanKind slot,
                const SelfInput& self) {
  if (in.plan.kind != slot) {
    e.emit(DiagId::err_chain_wrong_kind, in.map, "kind", {slot_name(slot), plan_name(in.plan)});
    return false;
  }
  if (in.plan.scope != self.form.kind) {
    auto& d = e.emit(DiagId::err_chain_wrong_kind, in.map, "scope",
                     {slot_name(slot), plan_name(in.plan)});
    e.note(d, DiagId::note_chain_in_self, self.map, "kind", {scope_name(self.form.kind)});
    return false;
  }
  return true;
}

} // namespace

void check_identity(const Emitter& e, const ChainForms& forms) {
  const auto& self = forms.self.form;
  for (const PlanInput* in : {&forms.declaration, forms.monitoring}) {
    if (in == nullptr) continue;
    std::string slot = slot_name(in->plan.kind);
    if (in->plan.year && self.year && *in->plan.year != *self.year) {
      auto& d = e.emit(DiagId::err_chain_year_mismatch, in->map, "year",
                       {slot, std::to_string(*in->plan.year), std::to_string(*self.year)});
      e.note(d, DiagId::note_chain_in_self, forms.self.map, "year", {std::to_string(*self.year)});
    }
    auto differs = [](const std::string& a, const std::string& b) {
      return !a.empty() && !b.empty() && name_key(a) != name_key(b);
    };
    auto name_check = [&](const std::string& mine, const std::string& theirs, const char* key,
                          const std::string& what) {
      if (!differs(mine, theirs)) return;
      auto& d = e.emit(DiagId::warn_chain_name_mismatch, in->map, key, {slot, what, mine, theirs});
      e.note(d, DiagId::note_chain_in_self, forms.self.map, key, {theirs});
    };
    name_check(in->plan.department, self.department, "department",
               diag::bilingual("部门", "department"));
    if (self.kind == model::FormKind::Project)
      name_check(in->plan.project, self.project, "project",
                 diag::bilingual("项目名称", "project name"));
  }
}

std::vector<diag::Diagnostic> check_chain(const PlanInput& declaration, const PlanInput* monitoring,
                                          const SelfInput& self, const rules::RuleSet& rules) {
  std::vector<diag::Diagnostic> out;
  Emitter e{rules, out};
  bool kinds = right_kind(e, declaration, model::PlanKind::Declaration, self);
  if (monitoring) kinds = right_kind(e, *monitoring, model::PlanKind::Monitoring, self) && kinds;
  if (!kinds) return out;

  auto own = check_plan(declaration, rules);
  out.insert(out.end(), own.begin(), own.end());
  if (monitoring) {
    auto watched = check_plan(*monitoring, rules);
    // Behind time progress at monitoring: the 自评表's final rate, beside it.
    for (auto& d : watched) {
      if (d.id != DiagId::warn_behind_time_progress || !self.evaluation.budget.rate) continue;
      e.note(d, DiagId::note_chain_in_self, self.map, "budget.executed",
             {diag::bilingual("全年执行率 " + percent(*self.evaluation.budget.rate),
                              "execution for the year " + percent(*self.evaluation.budget.rate))});
    }
    out.insert(out.end(), watched.begin(), watched.end());
  }
  ChainForms forms{declaration, monitoring, self};
  check_identity(e, forms);
  check_indicators(e, forms);
  check_budget_chain(e, forms);

  auto rank = [&](const diag::Diagnostic& d) {
    if (d.where.file == declaration.map.file()) return 0;
    if (monitoring && d.where.file == monitoring->map.file()) return 1;
    return 2;
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    return std::make_tuple(rank(a), a.where.line, a.where.column) <
           std::make_tuple(rank(b), b.where.line, b.where.column);
  });
  return out;
}

} // namespace ziping::chain
