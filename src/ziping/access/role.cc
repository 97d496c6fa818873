#include "ziping/access/role.h"

#include "ziping/text/enum_names.h"

namespace ziping::access {
namespace {

using text::EnumName;

constexpr EnumName<Role> kRoleNames[] = {
    {Role::Public, "public", "公众"},
    {Role::Filler, "filler", "填报人"},
    {Role::UnitHead, "unit_head", "单位负责人"},
    {Role::Supervisor, "supervisor", "主管部门审核人"},
    {Role::Finance, "finance", "财政审核人"},
    {Role::Admin, "admin", "管理员"},
};

constexpr EnumName<OrgKind> kKindNames[] = {
    {OrgKind::Unit, "unit", "预算单位"},
    {OrgKind::Supervisor, "supervisor", "主管部门"},
    {OrgKind::Finance, "finance", "财政局"},
};

} // namespace

std::string_view role_name(Role role) {
  return text::entry_of(kRoleNames, role).name;
}
std::string_view role_name_zh(Role role) {
  return text::entry_of(kRoleNames, role).zh;
}

std::optional<Role> parse_role(std::string_view name) {
  return text::parse_enum(kRoleNames, name, text::AcceptChinese::Yes);
}

std::string role_names() {
  return text::joined_names(kRoleNames, std::optional(Role::Public));
}

std::string_view org_kind_name(OrgKind kind) {
  return text::entry_of(kKindNames, kind).name;
}
std::string_view org_kind_name_zh(OrgKind kind) {
  return text::entry_of(kKindNames, kind).zh;
}

std::optional<OrgKind> parse_org_kind(std::string_view name) {
  return text::parse_enum(kKindNames, name, text::AcceptChinese::Yes);
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
