#include "ziping/model/fields.h"

namespace ziping::model {
namespace {

std::vector<std::string_view> split_synonyms(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    auto bar = list.find('|');
    out.push_back(list.substr(0, bar));
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return out;
}

std::vector<FieldInfo> build() {
  std::vector<FieldInfo> out;
#define ZP_FIELD(id, owner, member, json_key, column, header, kind, presence, share, width,        \
                 synonyms)                                                                         \
  out.push_back(FieldInfo{FieldId::id, Owner::owner, json_key, column, header, FieldKind::kind,    \
                          Presence::presence, share, width, split_synonyms(synonyms)});
#include "ziping/model/fields.def"
#undef ZP_FIELD
  return out;
}

template <class Struct> bool used_in(const Struct& object, const FieldInfo& info) {
  bool used = false;
  visit_member(object, info.id, [&](const auto& value) { used = has_content(value); });
  return used;
}

} // namespace

std::string_view field_kind_name(FieldKind kind) {
  switch (kind) {
  case FieldKind::Text:
    return "text";
  case FieldKind::Value:
    return "value";
  case FieldKind::Decimal:
    return "decimal";
  case FieldKind::Integer:
    return "integer";
  case FieldKind::Bool:
    return "bool";
  case FieldKind::Enum:
    return "enum";
  }
  return "text";
}

std::string_view presence_name(Presence presence) {
  switch (presence) {
  case Presence::Required:
    return "required";
  case Presence::Standard:
    return "standard";
  case Presence::Variant:
    return "variant";
  }
  return "standard";
}

std::span<const FieldInfo> fields() {
  static const std::vector<FieldInfo> kFields = build();
  return kFields;
}

const FieldInfo& field(FieldId id) {
  return fields()[std::size_t(id)];
}

std::span<const FieldInfo* const> fields_of(Owner owner) {
  static const auto kByOwner = [] {
    std::vector<std::vector<const FieldInfo*>> by_owner(std::size_t(Owner::DeclTask) + 1);
    for (const auto& info : fields()) by_owner[std::size_t(info.owner)].push_back(&info);
    return by_owner;
  }();
  return kByOwner[std::size_t(owner)];
}

bool field_used(const Form& form, const FieldInfo& info) {
  switch (info.owner) {
  case Owner::Header:
  case Owner::Total:
  case Owner::Closing:
    return used_in(form, info);
  case Owner::Budget:
    return used_in(form.budget, info);
  case Owner::Funding:
    for (const auto& row : form.budget.sources)
      if (used_in(row, info)) return true;
    return false;
  case Owner::Goal:
    for (const auto& goal : form.goals)
      if (used_in(goal, info)) return true;
    return false;
  case Owner::Indicator:
    for (const auto& goal : form.goals)
      for (const auto& leaf : goal.indicators)
        if (used_in(leaf, info)) return true;
    return false;
  case Owner::Layout:
  default: // a plan's owner: no Form holds it
    return false;
  }
}

bool field_used(const Plan& plan, const FieldInfo& info) {
  auto kind = plan_kind_of(info.owner);
  if (!kind || *kind != plan.kind) return false;
  PlanOwners owners = plan_owners(*kind);
  if (info.owner == owners.head) return used_in(plan, info);
  if (info.owner == owners.funding) {
    for (const auto& row : plan.funding)
      if (used_in(row, info)) return true;
    return false;
  }
  if (info.owner == Owner::DeclTask) {
    for (const auto& task : plan.tasks)
      if (used_in(task, info)) return true;
    return false;
  }
  for (const auto& goal : plan.goals) {
    if (info.owner == owners.goal && used_in(goal, info)) return true;
    if (info.owner == owners.indicator)
      for (const auto& leaf : goal.indicators)
        if (used_in(leaf, info)) return true;
  }
  return false;
}

std::optional<PlanKind> plan_kind_of(Owner owner) {
  switch (owner) {
  case Owner::DeclHead:
  case Owner::DeclFunding:
  case Owner::DeclGoal:
  case Owner::DeclIndicator:
  case Owner::DeclTask:
    return PlanKind::Declaration;
  case Owner::MonHead:
  case Owner::MonFunding:
  case Owner::MonGoal:
  case Owner::MonIndicator:
    return PlanKind::Monitoring;
  default:
    return std::nullopt;
  }
}

PlanOwners plan_owners(PlanKind kind) {
  if (kind == PlanKind::Monitoring)
    return {Owner::MonHead, Owner::MonFunding, Owner::MonGoal, Owner::MonIndicator};
  return {Owner::DeclHead, Owner::DeclFunding, Owner::DeclGoal, Owner::DeclIndicator};
}

} // namespace ziping::model
