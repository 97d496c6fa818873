#include "ziping/access/role.h"

namespace ziping::access {
namespace {

struct RoleName {
  Role role;
  std::string_view name;
  std::string_view zh;
};

constexpr RoleName kRoleNames[] = {
    {Role::Public, "public", "公众"},
    {Role::Filler, "filler", "填报人"},
    {Role::UnitHead, "unit_head", "单位负责人"},
    {Role::Supervisor, "supervisor", "主管部门审核人"},
    {Role::Finance, "finance", "财政审核人"},
    {Role::Admin, "admin", "管理员"},
};

struct KindName {
  OrgKind kind;
  std::string_view name;
  std::string_view zh;
};

constexpr KindName kKindNames[] = {
    {OrgKind::Finance, "finance", "财政局"},
    {OrgKind::Supervisor, "supervisor", "主管部门"},
    {OrgKind::Unit, "unit", "预算单位"},
};

} // namespace

std::string_view role_name(Role role) {
  for (const auto& r : kRoleNames)
    if (r.role == role) return r.name;
  return "public";
}

std::string_view role_name_zh(Role role) {
  for (const auto& r : kRoleNames)
    if (r.role == role) return r.zh;
  return "公众";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& r : kRoleNames)
    if (r.name == name || r.zh == name) return r.role;
  return std::nullopt;
}

std::string role_names() {
  std::string out;
  for (const auto& r : kRoleNames)
    if (r.role != Role::Public) out += (out.empty() ? "" : ", ") + std::string(r.name);
  return out;
}

std::string_view org_kind_name(OrgKind kind) {
  for (const auto& k : kKindNames)
    if (k.kind == kind) return k.name;
  return "unit";
}

std::string_view org_kind_name_zh(OrgKind kind) {
  for (const auto& k : kKindNames)
    if (k.kind == kind) return k.zh;
  return "预算单位";
}

std::optional<OrgKind> parse_org_kind(std::string_view name) {
  for (const auto& k : kKindNames)
    if (k.name == name || k.zh == name) return k.kind;
  return std::nullopt;
}

std::optional<OrgKind> org_kind_of(Role role) {
  switch (role) {
  case Role::Filler:
  case Role::UnitHead:
    return OrgKind::Unit;
  case Role::Supervisor:
    return OrgKind::Supervisor;
  case Role::Finance:
    return OrgKind::Finance;
  case Role::Public:
  case Role::Admin:
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<OrgKind> parent_kind_of(OrgKind kind) {
  switch (kind) {
  case OrgKind::Unit:
    return OrgKind::Supervisor;
  case OrgKind::Supervisor:
    return OrgKind::Finance;
  case OrgKind::Finance:
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace ziping::access
