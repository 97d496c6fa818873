#include "ziping/access/policy.h"

#include <algorithm>

namespace ziping::access {
namespace {

using enum Method;
using enum RouteState;
using enum Scope;
using namespace allow;

constexpr Endpoint kEndpoints[] = {
#define ZP_ENDPOINT(id, method, path, variant, state, scope, pub, filler, head, sup, fin, admin)   \
  Endpoint{EndpointId::id, #id,   method, path,                                                    \
           variant,        state, scope,  {pub, filler, head, sup, fin, admin}},
#include "ziping/access/endpoints.def"
#undef ZP_ENDPOINT
};

// The table is indexed by the enum's value and the allowances by Role's: both checked here
// so that a reordered row or role cannot silently shift a column.
constexpr bool table_in_order() {
  for (std::size_t i = 0; i < std::size(kEndpoints); ++i)
    if (std::size_t(kEndpoints[i].id) != i) return false;
  for (std::size_t i = 0; i < std::size(kRoles); ++i)
    if (std::size_t(kRoles[i]) != i) return false;
  for (const auto& e : kEndpoints)
    if (e.scope == Global)
      for (Allowance a : e.allow)
        if (a != No && a != All) return false; // a Global row has no relation to look at
  return true;
}
static_assert(table_in_order(), "endpoints.def rows must follow EndpointId and Role order");

} // namespace

std::span<const Endpoint> endpoints() {
  return kEndpoints;
}

const Endpoint& endpoint(EndpointId id) {
  return kEndpoints[std::size_t(id)];
}

std::string_view method_name(Method method) {
  switch (method) {
  case GET:
    return "GET";
  case POST:
    return "POST";
  case PUT:
    return "PUT";
  case DELETE:
    return "DELETE";
  case PATCH:
    return "PATCH";
  }
  return "GET";
}

std::string_view relation_name(Relation relation) {
  switch (relation) {
  case Relation::Own:
    return "own";
  case Relation::Under:
    return "under";
  case Relation::Other:
    return "other";
  }
  return "other";
}

Relation relation_of(const Principal& who, const Target& target) {
  if (!who.org || target.unit_chain.empty()) return Relation::Other;
  if (target.unit_chain.front() == *who.org) return Relation::Own;
  if (std::find(target.unit_chain.begin() + 1, target.unit_chain.end(), *who.org) !=
      target.unit_chain.end())
    return Relation::Under;
  return Relation::Other;
}

Decision decide(EndpointId id, const Principal& who, const Target& target) {
  const Endpoint& e = endpoint(id);
  Allowance allow = e.allow[std::size_t(who.role)];
  Decision d;
  if (e.scope == Global) {
    d.allowed = allow != No;
  } else {
    d.relation = relation_of(who, target);
    Allowance bit = d.relation == Relation::Own     ? OwnBit
                    : d.relation == Relation::Under ? UnderBit
                                                    : OtherBit;
    d.allowed = (allow & bit) != 0 || ((allow & PublishedBit) != 0 && target.published);
  }
  // The public is told to log in when some account could do this; never for what no role may.
  if (!d.allowed && who.role == Role::Public)
    d.needs_login = std::any_of(std::begin(e.allow) + 1, std::end(e.allow),
                                [](Allowance a) { return a != No; });
  return d;
}

} // namespace ziping::access
