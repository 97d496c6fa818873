// The authorization table (access/endpoints.def): it covers every route of docs/openapi.yaml,
// and decide() answers every endpoint × role × relation as the table says.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>

#include "ziping/access/policy.h"

namespace ziping::access {
namespace {

using Route = std::pair<std::string, std::string>; // "GET", "/api/forms/{id}"

// The routes of docs/openapi.yaml: a path is a two-space-indented key starting with '/', its
// operations four-space-indented HTTP method keys (the file's block style; a path written any
// other way finds no operations, and the count check below catches that). An operation whose
// block holds `x-planned: true` is described (the API's contract) but not routed yet: it must
// match a Planned row.
struct OpenApiRoutes {
  std::set<Route> served;
  std::set<Route> planned;
};
OpenApiRoutes openapi_routes() {
  std::ifstream in(std::filesystem::path(ZIPING_SOURCE_DIR) / "docs" / "openapi.yaml");
  OpenApiRoutes routes;
  std::string line, path;
  std::optional<Route> operation;
  bool planned = false;
  auto close = [&] {
    if (operation) (planned ? routes.planned : routes.served).insert(*operation);
    operation.reset();
    planned = false;
  };
  static const std::regex path_line(R"(^  (/[^:\s]*):\s*$)");
  static const std::regex method_line(R"(^    (get|post|put|delete|patch):)");
  static const std::regex other_key(R"(^    [a-z])");
  static const std::regex planned_line(R"(^      x-planned:\s*true\b)");
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, path_line)) {
      close();
      path = m[1];
    } else if (!line.empty() && line[0] != ' ') {
      close();
      path.clear(); // left the paths: section
    } else if (!path.empty() && std::regex_search(line, m, method_line)) {
      close();
      std::string method = m[1];
      for (auto& c : method) c = char(std::toupper(static_cast<unsigned char>(c)));
      operation = Route(method, path);
    } else if (!path.empty() && std::regex_search(line, other_key)) {
      close();
    } else if (operation && std::regex_search(line, planned_line)) {
      planned = true;
    }
  }
  close();
  return routes;
}

TEST(AuthorizationTable, EveryOpenApiRouteHasARow) {
  auto routes = openapi_routes();
  ASSERT_GE(routes.served.size(), 19u) << "docs/openapi.yaml was not read";
  std::set<Route> served, planned;
  for (const auto& e : endpoints())
    (e.state == RouteState::Served ? served : planned)
        .emplace(std::string(method_name(e.method)), std::string(e.path));
  for (const auto& r : routes.served)
    EXPECT_TRUE(served.count(r)) << r.first << " " << r.second
                                 << " is in docs/openapi.yaml but has no Served row in "
                                    "access/endpoints.def";
  for (const auto& r : served)
    EXPECT_TRUE(routes.served.count(r))
        << r.first << " " << r.second
        << " is marked Served but docs/openapi.yaml does not describe it as served "
           "(mark it Planned, or describe it without x-planned)";
  for (const auto& r : routes.planned)
    EXPECT_TRUE(planned.count(r))
        << r.first << " " << r.second
        << " is x-planned in docs/openapi.yaml but its row is not Planned";
}

TEST(AuthorizationTable, RowsAreUniqueAndNamed) {
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const auto& e : endpoints()) {
    EXPECT_TRUE(seen.emplace(method_name(e.method), e.path, e.variant).second)
        << e.name << " repeats a route";
    EXPECT_EQ(&endpoint(e.id), &e);
    EXPECT_FALSE(e.name.empty());
  }
}

Target target(Relation relation, bool published, const Principal& who) {
  // unit 10 under supervisor 20 under finance 30; "other" is unit 11 under 21 under 31.
  Target t;
  t.published = published;
  if (relation == Relation::Other) {
    t.unit_chain = {11, 21, 31};
  } else if (relation == Relation::Own) {
    t.unit_chain = {who.org.value_or(10), 20, 30};
  } else {
    t.unit_chain = {10, who.org.value_or(20), 30};
  }
  return t;
}

Principal principal(Role role) {
  switch (role) {
  case Role::Filler:
  case Role::UnitHead:
    return {role, 10};
  case Role::Supervisor:
    return {role, 20};
  case Role::Finance:
    return {role, 30};
  case Role::Admin:
  case Role::Public:
    return {role, std::nullopt};
  }
  return {};
}

// Every cell of the table, through decide(): what the cell says is what decide() does.
TEST(AuthorizationTable, DecideFollowsEveryCell) {
  int checked = 0;
  for (const auto& e : endpoints()) {
    for (Role role : kRoles) {
      Principal who = principal(role);
      Allowance cell = e.allow[std::size_t(role)];
      for (Relation relation : {Relation::Own, Relation::Under, Relation::Other}) {
        for (bool published : {false, true}) {
          Target t = target(relation, published, who);
          Decision d = decide(e.id, who, t);
          bool expected;
          if (e.scope == Scope::Global) {
            expected = cell != allow::No;
          } else {
            Relation actual = relation_of(who, t);
            Allowance bit = actual == Relation::Own     ? allow::OwnBit
                            : actual == Relation::Under ? allow::UnderBit
                                                        : allow::OtherBit;
            expected = (cell & bit) || ((cell & allow::PublishedBit) && published);
          }
          EXPECT_EQ(d.allowed, expected)
              << e.name << " " << role_name(role) << " " << relation_name(relation)
              << (published ? " published" : "");
          if (!d.allowed && role != Role::Public) {
            EXPECT_FALSE(d.needs_login) << e.name;
          }
          ++checked;
        }
      }
    }
  }
  EXPECT_EQ(checked, int(endpoints().size()) * 6 * 3 * 2);
}

TEST(AuthorizationTable, TheIssuesRefusals) {
  Principal filler{Role::Filler, 10};
  Target own{{10, 20, 30}, false};
  Target other{{11, 21, 31}, false};
  Target other_published{{11, 21, 31}, true};
  // A 填报人 reading another unit's form (unless it is public).
  EXPECT_TRUE(decide(EndpointId::form_get, filler, own).allowed);
  EXPECT_FALSE(decide(EndpointId::form_get, filler, other).allowed);
  EXPECT_TRUE(decide(EndpointId::form_get, filler, other_published).allowed);
  EXPECT_FALSE(decide(EndpointId::form_put, filler, other).allowed);
  // A 主管部门审核人 acting on a unit outside its 主管部门.
  Principal supervisor{Role::Supervisor, 20};
  EXPECT_EQ(decide(EndpointId::form_transition, supervisor, own).relation, Relation::Under);
  EXPECT_TRUE(decide(EndpointId::form_transition, supervisor, own).allowed);
  EXPECT_FALSE(decide(EndpointId::form_transition, supervisor, other).allowed);
  // 财政 reaches every unit of its 财政局, not another 财政局's.
  Principal finance{Role::Finance, 30};
  EXPECT_TRUE(decide(EndpointId::form_review_scores, finance, own).allowed);
  EXPECT_FALSE(decide(EndpointId::form_review_scores, finance, other).allowed);
  EXPECT_FALSE(decide(EndpointId::form_review_scores, supervisor, own).allowed);
  // An unauthenticated write asks for a login; the public still reads what is published.
  Principal nobody;
  auto write = decide(EndpointId::form_put, nobody, own);
  EXPECT_FALSE(write.allowed);
  EXPECT_TRUE(write.needs_login);
  EXPECT_FALSE(decide(EndpointId::form_get, nobody, other).allowed);
  EXPECT_TRUE(decide(EndpointId::form_get, nobody, other_published).allowed);
  EXPECT_TRUE(decide(EndpointId::health, nobody).allowed);
  // Administrators manage people, not form content; a unit outside every tree is theirs only.
  Principal admin{Role::Admin, std::nullopt};
  EXPECT_FALSE(decide(EndpointId::form_put, admin, own).allowed);
  EXPECT_TRUE(decide(EndpointId::users_create, admin).allowed);
  EXPECT_FALSE(decide(EndpointId::users_create, finance).allowed);
  Target untied{{}, false};
  EXPECT_TRUE(decide(EndpointId::form_get, admin, untied).allowed);
  EXPECT_FALSE(decide(EndpointId::form_get, supervisor, untied).allowed);
  EXPECT_FALSE(decide(EndpointId::form_get, filler, untied).allowed);
}

TEST(Roles, NamesRoundTripInBothLanguages) {
  for (Role role : kRoles) {
    EXPECT_EQ(parse_role(role_name(role)), role);
    EXPECT_EQ(parse_role(role_name_zh(role)), role);
  }
  EXPECT_EQ(parse_role("主管部门审核人"), Role::Supervisor);
  EXPECT_FALSE(parse_role("root"));
  for (OrgKind kind : {OrgKind::Finance, OrgKind::Supervisor, OrgKind::Unit}) {
    EXPECT_EQ(parse_org_kind(org_kind_name(kind)), kind);
    EXPECT_EQ(parse_org_kind(org_kind_name_zh(kind)), kind);
  }
  EXPECT_EQ(org_kind_of(Role::UnitHead), OrgKind::Unit);
  EXPECT_FALSE(org_kind_of(Role::Admin));
  EXPECT_EQ(parent_kind_of(OrgKind::Unit), OrgKind::Supervisor);
  EXPECT_FALSE(parent_kind_of(OrgKind::Finance));
}

} // namespace
} // namespace ziping::access
