#include "ziping/server/plan_links.h"

#include <algorithm>
#include <set>

#include "ziping/chain/chain.h"
#include "ziping/chain/matching.h"
#include "ziping/io/json/plan_json.h"

namespace ziping::server {
namespace {

using model::PlanKind;
using store::PlanLink;
using store::PlanRecord;

// An automatic link needs the form's department, year and scope; a project also its name.
bool same_identity(const store::FormRecord& form, const PlanRecord& plan) {
  if (plan.link != PlanLink::Auto || !form.year || plan.year != form.year) return false;
  if (plan.department_id != form.department_id || plan.scope != form.kind) return false;
  return true;
}

std::optional<PlanRecord> choose(const store::FormRecord& form,
                                 std::span<const PlanRecord> candidates, PlanKind kind,
                                 const std::optional<PlanRecord>& other) {
  // Newest first: candidates come ordered by id descending.
  for (const auto& p : candidates)
    if (p.kind == kind && p.link == PlanLink::Manual && p.form_id == form.id) return p;
  std::string project = chain::name_key(form.project);
  for (const auto& p : candidates)
    if (p.kind == kind && same_identity(form, p) &&
        (form.kind == model::FormKind::Department || chain::name_key(p.project) == project))
      return p;
  // The project code the other chosen plan carries names this one too (a project renamed
  // between the forms).
  if (other && !other->project_code.empty())
    for (const auto& p : candidates)
      if (p.kind == kind && same_identity(form, p) && p.project_code == other->project_code)
        return p;
  return std::nullopt;
}

// The plan's canonical JSON read back; a stored plan always reads (it was written by us).
std::optional<model::Plan> read_back(Workbench& bench, const PlanRecord& record) {
  auto stored = bench.store().plans().plan(record.id);
  if (!stored) return std::nullopt;
  auto read = io::json::read_plan_json(stored->content, "plan " + std::to_string(record.id));
  return std::move(read.plan);
}

} // namespace

std::vector<PlanRecord> chain_candidates(store::Store& store,
                                         std::span<const store::FormRecord> forms) {
  if (forms.empty()) return {};
  std::set<store::Id> departments, form_ids;
  for (const auto& f : forms) departments.insert(f.department_id), form_ids.insert(f.id);
  store::PlanFilter by_department;
  by_department.visible_departments =
      std::vector<store::Id>(departments.begin(), departments.end());
  by_department.limit = 1000;
  std::vector<PlanRecord> out = store.plans().plans(by_department);
  store::PlanFilter linked;
  linked.linked_forms = std::vector<store::Id>(form_ids.begin(), form_ids.end());
  linked.limit = 1000;
  for (auto& p : store.plans().plans(linked))
    if (!departments.count(p.department_id)) out.push_back(std::move(p));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
  return out;
}

ChainSlots choose_plans(const store::FormRecord& form, std::span<const PlanRecord> candidates) {
  ChainSlots slots;
  slots.declaration = choose(form, candidates, PlanKind::Declaration, std::nullopt);
  slots.monitoring = choose(form, candidates, PlanKind::Monitoring, slots.declaration);
  if (!slots.declaration && slots.monitoring)
    slots.declaration = choose(form, candidates, PlanKind::Declaration, slots.monitoring);
  for (const auto& p : candidates) {
    bool chosen = (slots.declaration && slots.declaration->id == p.id) ||
                  (slots.monitoring && slots.monitoring->id == p.id);
    bool here = p.department_id == form.department_id && p.year == form.year;
    if (!chosen && (here || p.form_id == form.id)) slots.others.push_back(p);
  }
  return slots;
}

CheckedChain check_stored_chain(Workbench& bench, const store::StoredForm& stored,
                                ChainSlots slots) {
  CheckedChain out;
  if (slots.declaration) out.declaration = read_back(bench, *slots.declaration);
  if (slots.monitoring) out.monitoring = read_back(bench, *slots.monitoring);
  out.slots = std::move(slots);
  if (!out.declaration && !out.monitoring) return out;
  const rules::RuleSet& rules = bench.rule_set(stored.revision.rule_set);
  check::Run run = check::run(stored.form, rules, Workbench::parse_mode(stored.revision.mode));
  // Each form's diagnostics name it by file; stored JSON lines would mean nothing to a reader.
  model::SourceMap decl_map, mon_map, self_map;
  decl_map.set_file("declaration");
  mon_map.set_file("monitoring");
  self_map.set_file("self");
  std::optional<chain::PlanInput> mon;
  if (out.monitoring) mon.emplace(chain::PlanInput{*out.monitoring, mon_map});
  if (out.declaration) {
    chain::PlanInput decl{*out.declaration, decl_map};
    chain::SelfInput self{run.form, self_map, run.evaluation};
    out.diagnostics = chain::check_chain(decl, mon ? &*mon : nullptr, self, rules);
  } else {
    out.diagnostics = chain::check_plan(*mon, rules);
  }
  return out;
}

} // namespace ziping::server
