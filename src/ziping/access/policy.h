// access/policy.h — authorization in one place: the table in endpoints.def (endpoint × role ×
// relation of the form's unit to the person) and decide(), the one function that reads it.
// Pure data and logic: the caller resolves who is asking (a session, a token or nobody) and
// which unit a request concerns; nothing here touches a database or a request.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "ziping/access/role.h"

namespace ziping::access {

enum class EndpointId : std::uint8_t {
#define ZP_ENDPOINT(id, method, path, variant, state, scope, pub, filler, head, sup, fin, admin) id,
#include "ziping/access/endpoints.def"
#undef ZP_ENDPOINT
};

enum class Method : std::uint8_t { GET, POST, PUT, DELETE, PATCH };
enum class RouteState : std::uint8_t { Served, Planned };
enum class Scope : std::uint8_t { Global, Unit };

// A cell of the table: the relations (and the published exception) a role is allowed.
using Allowance = std::uint8_t;
namespace allow {
inline constexpr Allowance OwnBit = 1, UnderBit = 2, OtherBit = 4, PublishedBit = 8;
inline constexpr Allowance No = 0;
inline constexpr Allowance Own = OwnBit;
inline constexpr Allowance Mine = OwnBit | UnderBit;
inline constexpr Allowance Pub = PublishedBit;
inline constexpr Allowance OwnPub = OwnBit | PublishedBit;
inline constexpr Allowance MinePub = OwnBit | UnderBit | PublishedBit;
inline constexpr Allowance All = OwnBit | UnderBit | OtherBit | PublishedBit;
} // namespace allow

struct Endpoint {
  EndpointId id;
  std::string_view name; // "form_get"
  Method method;
  std::string_view path;    // "/api/forms/{id}", as docs/openapi.yaml writes it
  std::string_view variant; // "" or the query that selects a second behaviour ("save=true")
  RouteState state;
  Scope scope;
  Allowance allow[std::size(kRoles)]; // indexed by Role
};

std::span<const Endpoint> endpoints();
const Endpoint& endpoint(EndpointId id);
std::string_view method_name(Method method); // "GET", …

// Who is asking. Public: no account (org empty).
struct Principal {
  Role role = Role::Public;
  std::optional<std::int64_t> org; // the organisation the person acts for
};

// What a Unit-scoped request concerns.
struct Target {
  // The form's unit followed by its ancestors (unit, 主管部门, 财政局); empty when the form's
  // department is in no organisation tree, which only All reaches.
  std::vector<std::int64_t> unit_chain;
  bool published = false; // the form is 已公开
};

enum class Relation : std::uint8_t { Own, Under, Other };
std::string_view relation_name(Relation relation); // "own", "under", "other"
Relation relation_of(const Principal& who, const Target& target);

struct Decision {
  bool allowed = false;
  // Denied to the public for want of an account: the answer is 401 (log in), not 403.
  bool needs_login = false;
  Relation relation = Relation::Other;
};

// The one place that says yes or no. A Global endpoint ignores `target`.
Decision decide(EndpointId endpoint, const Principal& who, const Target& target = {});

} // namespace ziping::access
