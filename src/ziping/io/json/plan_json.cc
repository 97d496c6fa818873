#include "ziping/io/json/plan_json.h"

#include "ziping/io/json/field_reader.h"
#include "ziping/io/json/field_values.h"
#include "ziping/io/json/form_format.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/json_parser.h"
#include "ziping/model/fields.h"
#include "ziping/text/json_writer.h"

namespace ziping::io::json {
namespace {

using diag::DiagId;
using model::FieldInfo;
using model::Owner;
using model::Plan;
using model::PlanFunding;
using model::PlanGoal;
using model::PlanIndicator;
using model::PlanTask;

void read_plan_kind(FieldReader& reader, const JsonValue& value, const std::string& path,
                    Plan& plan) {
  std::string kind;
  if (!reader.read_text(value, path, kind)) return;
  if (auto known = model::parse_plan_kind(kind)) {
    plan.kind = *known;
  } else {
    reader.report(DiagId::err_bad_enum_value, path, value.position(),
                  {path, shown_value(value), "\"declaration\", \"monitoring\""});
  }
}

void read_scope(FieldReader& reader, const JsonValue& value, const std::string& path, Plan& plan) {
  std::string scope;
  if (!reader.read_text(value, path, scope)) return;
  if (auto known = model::parse_kind(scope)) {
    plan.scope = *known;
  } else {
    reader.report(DiagId::err_bad_enum_value, path, value.position(),
                  {path, shown_value(value), "\"department\", \"project\""});
  }
}

// The function itself, named through the member's type: clang checks a generic lambda's
// non-dependent statements when the enclosing template is instantiated, even in a discarded
// `if constexpr` branch, so `&read_plan_kind` (which takes a Plan) must depend on `member`.
template <class Member, class Function> Function* for_member(Function* function) {
  return function;
}

// The rules of one owner from the catalogue, plus the members that hold nested objects.
template <class Struct>
std::vector<FieldRule<Struct>> rules_for(Owner owner, std::vector<FieldRule<Struct>> nested = {}) {
  std::vector<FieldRule<Struct>> rules;
  model::for_each_member<Struct>(owner, [&](const FieldInfo& info, auto member) {
    Need need = info.presence == model::Presence::Required ? Need::Required : Need::Optional;
    if constexpr (std::is_same_v<decltype(member), model::PlanKind Struct::*>) {
      rules.push_back({info.json_key, need, for_member<decltype(member)>(&read_plan_kind)});
    } else if constexpr (std::is_same_v<decltype(member), model::FormKind Struct::*>) {
      rules.push_back({info.json_key, need, for_member<decltype(member)>(&read_scope)});
    } else {
      rules.push_back({info.json_key, need, member});
    }
  });
  rules.insert(rules.end(), nested.begin(), nested.end());
  return rules;
}

// Each kind's rules, built once.
struct KindRules {
  std::vector<FieldRule<Plan>> head;
  std::vector<FieldRule<PlanFunding>> funding;
  std::vector<FieldRule<PlanTask>> task;
  std::vector<FieldRule<PlanGoal>> goal;
  std::vector<FieldRule<PlanIndicator>> indicator;
};

void read_funding(FieldReader& reader, const JsonValue& value, const std::string& path, Plan& plan);
void read_goals(FieldReader& reader, const JsonValue& value, const std::string& path, Plan& plan);
void read_tasks(FieldReader& reader, const JsonValue& value, const std::string& path, Plan& plan);
void read_indicators(FieldReader& reader, const JsonValue& value, const std::string& path,
                     PlanGoal& goal);

const KindRules& kind_rules(model::PlanKind kind) {
  auto build = [](model::PlanKind k) {
    auto owners = model::plan_owners(k);
    KindRules rules;
    std::vector<FieldRule<Plan>> nested{{"format", Need::Required, AlreadyRead{}},
                                        {"format_version", Need::Required, AlreadyRead{}},
                                        {"funding", Need::Optional, &read_funding},
                                        {"goals", Need::Required, &read_goals}};
    // 年度主要任务: a declaration's (部门整体) only; a monitoring form names it as unknown.
    if (k == model::PlanKind::Declaration) nested.push_back({"tasks", Need::Optional, &read_tasks});
    rules.head = rules_for<Plan>(owners.head, std::move(nested));
    rules.funding = rules_for<PlanFunding>(owners.funding);
    rules.task = rules_for<PlanTask>(Owner::DeclTask);
    rules.goal =
        rules_for<PlanGoal>(owners.goal, {{"indicators", Need::Required, &read_indicators}});
    rules.indicator = rules_for<PlanIndicator>(owners.indicator);
    return rules;
  };
  static const KindRules kDeclaration = build(model::PlanKind::Declaration);
  static const KindRules kMonitoring = build(model::PlanKind::Monitoring);
  return kind == model::PlanKind::Monitoring ? kMonitoring : kDeclaration;
}

// The kind being read, for the nested readers (they receive only their own node). Reading is
// single-threaded per call; a thread_local keeps concurrent readers apart.
thread_local model::PlanKind tl_kind = model::PlanKind::Declaration;

void read_funding_row(FieldReader& reader, const JsonValue& value, const std::string& path,
                      PlanFunding& row) {
  reader.read_fields(value, path, row, kind_rules(tl_kind).funding);
}
void read_funding(FieldReader& reader, const JsonValue& value, const std::string& path,
                  Plan& plan) {
  reader.read_objects(value, path, plan.funding, &read_funding_row);
}
void read_task(FieldReader& reader, const JsonValue& value, const std::string& path,
               PlanTask& task) {
  reader.read_fields(value, path, task, kind_rules(tl_kind).task);
}
void read_tasks(FieldReader& reader, const JsonValue& value, const std::string& path, Plan& plan) {
  reader.read_objects(value, path, plan.tasks, &read_task);
}
void read_indicator(FieldReader& reader, const JsonValue& value, const std::string& path,
                    PlanIndicator& leaf) {
  reader.read_fields(value, path, leaf, kind_rules(tl_kind).indicator);
}
void read_indicators(FieldReader& reader, const JsonValue& value, const std::string& path,
                     PlanGoal& goal) {
  reader.read_objects(value, path, goal.indicators, &read_indicator);
}
void read_goal(FieldReader& reader, const JsonValue& value, const std::string& path,
               PlanGoal& goal) {
  reader.read_fields(value, path, goal, kind_rules(tl_kind).goal);
}
void read_goals(FieldReader& reader, const JsonValue& value, const std::string& path, Plan& plan) {
  reader.read_objects(value, path, plan.goals, &read_goal);
}

// --- writing --------------------------------------------------------------------------------

using io::json::write_value; // the shared overloads (field_values.h) beside the plan's own
using text::JsonWriter;

void write_value(JsonWriter& json, model::PlanKind kind) {
  json.string(model::plan_kind_name(kind));
}

// A local template's field (Variant) is written only where it holds something, as for Form.
template <class Struct> void write_members(JsonWriter& json, Owner owner, const Struct& object) {
  model::for_each_member<Struct>(owner, [&](const FieldInfo& info, auto member) {
    const auto& value = object.*member;
    if (info.presence == model::Presence::Variant && !model::has_content(value)) return;
    json.key(info.json_key);
    write_value(json, value);
  });
}

} // namespace

PlanReadResult read_plan_json(std::string_view bytes, const std::string& file_name) {
  PlanReadResult result;
  result.map.set_file(file_name);
  auto fail = [&](diag::Diagnostic d) {
    d.where.file = file_name;
    result.diagnostics.push_back(std::move(d));
    return std::move(result);
  };
  if (bytes.size() > kMaxFormJsonBytes)
    return fail(diag::make(DiagId::err_input_too_large, "",
                           {std::to_string(bytes.size()), std::to_string(kMaxFormJsonBytes)}));
  auto parsed = parse_json(bytes);
  if (parsed.error) return fail(std::move(*parsed.error));
  const JsonValue& root = *parsed.value;
  FieldReader reader(file_name, result.map, result.diagnostics);
  reader.locate("", root.position());
  if (!reader.expect_object(root, "")) return result;
  const JsonValue* format = root.find("format");
  if (format == nullptr || !format->is(JsonType::String) || format->text() != kFormFormatName) {
    reader.report(DiagId::err_json_not_a_form, "format",
                  format ? format->position() : root.position(),
                  {format ? shown_value(*format) : std::string("null")});
    return result;
  }
  const JsonValue* version = root.find("format_version");
  std::optional<int> number;
  if (version == nullptr || !reader.read_integer(*version, "format_version", number) ||
      number != kFormFormatVersion) {
    reader.report(DiagId::err_format_version, "format_version",
                  version ? version->position() : root.position(),
                  {version ? shown_value(*version) : std::string("null"),
                   std::to_string(kFormFormatVersion)});
    return result;
  }
  // The kind decides which fields belong: read it first, then walk with that kind's rules.
  Plan plan;
  const JsonValue* kind = root.find("kind");
  if (kind == nullptr) {
    reader.report(DiagId::err_json_missing_field, "kind", root.position(), {"kind"});
    return result;
  }
  std::size_t before = result.diagnostics.size();
  read_plan_kind(reader, *kind, "kind", plan);
  if (result.diagnostics.size() != before) return result;
  tl_kind = plan.kind;
  reader.read_fields(root, "", plan, kind_rules(plan.kind).head);
  result.plan = std::move(plan);
  return result;
}

std::string write_plan_json(const Plan& plan) {
  auto owners = model::plan_owners(plan.kind);
  JsonWriter json;
  json.begin_object();
  json.key("format").string(kFormFormatName);
  json.key("format_version").integer(kFormFormatVersion);
  write_members(json, owners.head, plan);
  json.key("funding").begin_array();
  for (const auto& row : plan.funding) {
    json.begin_object();
    write_members(json, owners.funding, row);
    json.end_object();
  }
  json.end_array();
  // Written when the plan has tasks, as a local template's field: a project declaration has none.
  if (plan.kind == model::PlanKind::Declaration && !plan.tasks.empty()) {
    json.key("tasks").begin_array();
    for (const auto& task : plan.tasks) {
      json.begin_object();
      write_members(json, Owner::DeclTask, task);
      json.end_object();
    }
    json.end_array();
  }
  json.key("goals").begin_array();
  for (const auto& goal : plan.goals) {
    json.begin_object();
    write_members(json, owners.goal, goal);
    json.key("indicators").begin_array();
    for (const auto& leaf : goal.indicators) {
      json.begin_object();
      write_members(json, owners.indicator, leaf);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.finish();
}

std::string json_form_kind(std::string_view bytes) {
  if (bytes.size() > kMaxFormJsonBytes) return "";
  auto parsed = parse_json(bytes);
  if (parsed.error || !parsed.value->is(JsonType::Object)) return "";
  const JsonValue* kind = parsed.value->find("kind");
  if (kind == nullptr || !kind->is(JsonType::String)) return "";
  return kind->text();
}

} // namespace ziping::io::json
