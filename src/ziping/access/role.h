// access/role.h — who a person is to ziping: a role, and the organisation they act for. The
// organisations form one tree, 财政局 (finance bureau) → 主管部门 (supervising department) →
// 预算单位 (budget unit); every form belongs to one unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ziping::access {

enum class Role : std::uint8_t {
  Public,     // 公众: no account; published forms only
  Filler,     // 填报人: fills in the forms of their unit
  UnitHead,   // 单位负责人: signs off (submits) their unit's forms
  Supervisor, // 主管部门审核人: reviews the units under their 主管部门
  Finance,    // 财政审核人: checks and publishes for all units of their 财政局
  Admin,      // 管理员: accounts and organisations, not form content
};
inline constexpr Role kRoles[] = {Role::Public,     Role::Filler,  Role::UnitHead,
                                  Role::Supervisor, Role::Finance, Role::Admin};
std::string_view role_name(Role role); // "public", "filler", "unit_head", "supervisor", …
std::string_view role_name_zh(Role role); // 公众, 填报人, 单位负责人, 主管部门审核人, …
std::optional<Role> parse_role(std::string_view name); // English or Chinese name
std::string role_names();                              // "filler, unit_head, …" (not public)

enum class OrgKind : std::uint8_t {
  Finance,    // 财政局
  Supervisor, // 主管部门
  Unit,       // 预算单位
};
std::string_view org_kind_name(OrgKind kind);    // "finance", "supervisor", "unit"
std::string_view org_kind_name_zh(OrgKind kind); // 财政局, 主管部门, 预算单位
std::optional<OrgKind> parse_org_kind(std::string_view name); // English or Chinese name
// The kind of organisation a role acts for (Admin and Public: none).
std::optional<OrgKind> org_kind_of(Role role);
// The kind a parent of `kind` must be (Finance: none, it is a root).
std::optional<OrgKind> parent_kind_of(OrgKind kind);

} // namespace ziping::access
