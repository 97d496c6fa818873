// model/fields.h — the field catalogue (fields.def) as data and as typed member access.
//
// Every format and the store iterate this instead of keeping their own list of columns: the
// JSON reader and writer, CSV, XLSX, the print grid (HTML, PDF) and the store's rows. What a
// format adds is its own layout (where a block sits, how a flag is spelt), never a field.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ziping/model/form.h"
#include "ziping/model/plan.h"

namespace ziping::model {

enum class FieldId {
#define ZP_FIELD(id, ...) id,
#include "ziping/model/fields.def"
#undef ZP_FIELD
};

enum class Owner {
  Header,
  Budget,
  Funding,
  Goal,
  Indicator,
  Total,
  Closing,
  Layout,
  // The chain's other two forms (model/plan.h), one set of owners per kind.
  DeclHead,
  DeclFunding,
  DeclGoal,
  DeclIndicator,
  MonHead,
  MonFunding,
  MonGoal,
  MonIndicator,
  DeclTask, // a 部门整体 申报表's 年度主要任务 row (PlanTask)
};

// The plan kind whose fields an owner holds; nullopt for the 自评表's owners.
std::optional<PlanKind> plan_kind_of(Owner owner);
// The owners of one plan kind's head, funding row, goal and indicator.
struct PlanOwners {
  Owner head, funding, goal, indicator;
};
PlanOwners plan_owners(PlanKind kind);
enum class FieldKind { Text, Value, Decimal, Integer, Bool, Enum };
enum class Presence { Required, Standard, Variant };

struct FieldInfo {
  FieldId id;
  Owner owner;
  std::string_view json_key;
  std::string_view column; // the CSV column; "" = none
  std::string_view header; // the printed header; "" = none
  FieldKind kind;
  Presence presence;
  int share; // per cent of the printed indicator table
  int width; // XLSX characters
  std::vector<std::string_view> synonyms;
};

// The names of the kinds and presences as the API and docs spell them ("decimal", "variant").
std::string_view field_kind_name(FieldKind kind);
std::string_view presence_name(Presence presence);

// Every field in catalogue order.
std::span<const FieldInfo> fields();
const FieldInfo& field(FieldId id);
// The fields of one owner, in catalogue (official) order; built once (readers ask for them per
// row and per cell).
std::span<const FieldInfo* const> fields_of(Owner owner);

// The struct that holds an owner's fields: Form for Header, Total and Closing.
struct NoMembers {};
template <Owner O> struct OwnerStructOf { using type = Form; };
template <> struct OwnerStructOf<Owner::Budget> { using type = Budget; };
template <> struct OwnerStructOf<Owner::Funding> { using type = FundingRow; };
template <> struct OwnerStructOf<Owner::Goal> { using type = Goal; };
template <> struct OwnerStructOf<Owner::Indicator> { using type = Indicator; };
template <> struct OwnerStructOf<Owner::Layout> { using type = NoMembers; };
template <> struct OwnerStructOf<Owner::DeclHead> { using type = Plan; };
template <> struct OwnerStructOf<Owner::DeclFunding> { using type = PlanFunding; };
template <> struct OwnerStructOf<Owner::DeclGoal> { using type = PlanGoal; };
template <> struct OwnerStructOf<Owner::DeclIndicator> { using type = PlanIndicator; };
template <> struct OwnerStructOf<Owner::DeclTask> { using type = PlanTask; };
template <> struct OwnerStructOf<Owner::MonHead> { using type = Plan; };
template <> struct OwnerStructOf<Owner::MonFunding> { using type = PlanFunding; };
template <> struct OwnerStructOf<Owner::MonGoal> { using type = PlanGoal; };
template <> struct OwnerStructOf<Owner::MonIndicator> { using type = PlanIndicator; };

// Calls f(info, member pointer) for every field of `owner`, in catalogue order; Struct is the
// owner's struct. The member pointer's type says the value's C++ type (std::string,
// std::optional<Decimal>, std::optional<int>, std::optional<bool>, FormKind).
template <class Struct, class F> void for_each_member(Owner owner, F&& f) {
#define ZP_FIELD(id, own, member, ...)                                                             \
  if constexpr (std::is_same_v<Struct, typename OwnerStructOf<Owner::own>::type>) {                \
    if (owner == Owner::own) f(field(FieldId::id), &Struct::member);                               \
  }
#include "ziping/model/fields.def"
#undef ZP_FIELD
}

// Calls f(member) on the one field `id` of `object`; false when the field is not held there.
template <class Struct, class F> bool visit_member(Struct& object, FieldId id, F&& f) {
  using Plain = std::remove_const_t<Struct>;
  bool found = false;
  for_each_member<Plain>(field(id).owner, [&](const FieldInfo& info, auto member) {
    if (info.id != id) return;
    f(object.*member);
    found = true;
  });
  return found;
}

// Whether a field holds anything: a non-empty text, a present number or flag.
inline bool has_content(const std::string& text) {
  return !text.empty();
}
template <class T> bool has_content(const std::optional<T>& value) {
  return value.has_value();
}
inline bool has_content(FormKind) {
  return true;
}
inline bool has_content(PlanKind) {
  return true;
}

// Whether some node of `owner` in the form fills the field: decides a Variant column.
bool field_used(const Form& form, const FieldInfo& info);
// The same for a plan: whether some node of the field's owner fills it.
bool field_used(const Plan& plan, const FieldInfo& info);

} // namespace ziping::model
