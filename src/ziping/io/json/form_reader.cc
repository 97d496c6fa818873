#include "ziping/io/json/form_reader.h"

#include "ziping/io/json/field_reader.h"
#include "ziping/io/json/form_format.h"
#include "ziping/io/json/json_parser.h"
#include "ziping/model/fields.h"
#include "ziping/model/plan.h"

namespace ziping::io::json {
namespace {

using diag::DiagId;
using model::Budget;
using model::Form;
using model::FundingRow;
using model::Goal;
using model::Indicator;
using model::Owner;

void read_kind(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form);
void read_budget(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form);
void read_sources(FieldReader& reader, const JsonValue& value, const std::string& path,
                  Budget& budget);
void read_goals(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form);
void read_indicators(FieldReader& reader, const JsonValue& value, const std::string& path,
                     Goal& goal);
void read_total(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form);

// The rules are the format: the catalogue's fields of each owner (model/fields.def), plus
// the members that hold nested objects. docs/form.schema.json says the same, and a test holds
// the three together.
// A member read as it is stored; the form's kind (only Form has one) by read_kind. Overloads,
// not `if constexpr` in the generic lambda below: clang 14 instantiates the discarded branch.
template <class Struct, class Member>
FieldRule<Struct> rule_of(std::string_view key, Need need, Member member) {
  return {key, need, member};
}
template <class Struct>
FieldRule<Struct> rule_of(std::string_view key, Need need, model::FormKind Struct::*) {
  return {key, need, &read_kind};
}

template <class Struct>
std::vector<FieldRule<Struct>> rules_for(Owner owner, std::vector<FieldRule<Struct>> nested = {}) {
  std::vector<FieldRule<Struct>> rules;
  model::for_each_member<Struct>(owner, [&](const model::FieldInfo& info, auto member) {
    Need need = info.presence == model::Presence::Required ? Need::Required : Need::Optional;
    rules.push_back(rule_of<Struct>(info.json_key, need, member));
  });
  rules.insert(rules.end(), nested.begin(), nested.end());
  return rules;
}

const std::vector<FieldRule<Form>>& form_rules() {
  static const auto kRules = [] {
    auto rules = rules_for<Form>(Owner::Header, {{"format", Need::Required, AlreadyRead{}},
                                                 {"format_version", Need::Required, AlreadyRead{}},
                                                 {"budget", Need::Optional, &read_budget},
                                                 {"goals", Need::Required, &read_goals},
                                                 {"total", Need::Optional, &read_total}});
    auto closing = rules_for<Form>(Owner::Closing);
    rules.insert(rules.end(), closing.begin(), closing.end());
    return rules;
  }();
  return kRules;
}

void read_kind(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form) {
  std::string kind;
  if (!reader.read_text(value, path, kind)) return;
  if (auto known = model::parse_kind(kind)) {
    form.kind = *known;
  } else {
    reader.report(DiagId::err_bad_enum_value, path, value.position(),
                  {path, shown_value(value), "\"department\", \"project\""});
  }
}

void read_budget(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form) {
  if (reader.expect_object(value, path)) {
    static const auto kRules =
        rules_for<Budget>(Owner::Budget, {{"sources", Need::Optional, &read_sources}});
    reader.read_fields(value, path, form.budget, kRules);
  }
}

void read_funding_row(FieldReader& reader, const JsonValue& value, const std::string& path,
                      FundingRow& row) {
  static const auto kRules = rules_for<FundingRow>(Owner::Funding);
  reader.read_fields(value, path, row, kRules);
}

void read_sources(FieldReader& reader, const JsonValue& value, const std::string& path,
                  Budget& budget) {
  reader.read_objects(value, path, budget.sources, &read_funding_row);
}

void read_indicator(FieldReader& reader, const JsonValue& value, const std::string& path,
                    Indicator& indicator) {
  static const auto kRules = rules_for<Indicator>(Owner::Indicator);
  reader.read_fields(value, path, indicator, kRules);
}

void read_indicators(FieldReader& reader, const JsonValue& value, const std::string& path,
                     Goal& goal) {
  reader.read_objects(value, path, goal.indicators, &read_indicator);
}

void read_goal(FieldReader& reader, const JsonValue& value, const std::string& path, Goal& goal) {
  static const auto kRules =
      rules_for<Goal>(Owner::Goal, {{"indicators", Need::Required, &read_indicators}});
  reader.read_fields(value, path, goal, kRules);
}

void read_goals(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form) {
  reader.read_objects(value, path, form.goals, &read_goal);
}

void read_total(FieldReader& reader, const JsonValue& value, const std::string& path, Form& form) {
  static const auto kRules = rules_for<Form>(Owner::Total);
  if (reader.expect_object(value, path)) reader.read_fields(value, path, form, kRules);
}

// "format" and "format_version" say whether the rest can be read at all: a file of another
// format or of a version this program does not know is refused before any field is judged.
bool is_readable_form(FieldReader& reader, const JsonValue& root) {
  const JsonValue* format = root.find("format");
  if (format == nullptr) {
    reader.report(DiagId::err_json_missing_field, "format", root.position(), {"format"});
    return false;
  }
  if (!format->is(JsonType::String) || format->text() != kFormFormatName) {
    reader.report(DiagId::err_json_not_a_form, "format", format->position(),
                  {shown_value(*format)});
    return false;
  }
  const JsonValue* version = root.find("format_version");
  if (version == nullptr) {
    reader.report(DiagId::err_json_missing_field, "format_version", root.position(),
                  {"format_version"});
    return false;
  }
  std::optional<int> number;
  if (version->is(JsonType::Null)) {
    reader.report(DiagId::err_json_wrong_type, "format_version", version->position(),
                  {"format_version", diag::bilingual("整数", "an integer"), "null"});
    return false;
  }
  if (!reader.read_integer(*version, "format_version", number)) return false;
  if (number != kFormFormatVersion) {
    reader.report(DiagId::err_format_version, "format_version", version->position(),
                  {shown_value(*version), std::to_string(kFormFormatVersion)});
    return false;
  }
  return true;
}

} // namespace

model::ReadResult read_form_json(std::string_view bytes, const std::string& file_name) {
  model::ReadResult result;
  result.map.set_file(file_name);
  if (bytes.size() > kMaxFormJsonBytes) {
    auto too_large = diag::make(DiagId::err_input_too_large, "",
                                {std::to_string(bytes.size()), std::to_string(kMaxFormJsonBytes)});
    too_large.where.file = file_name;
    result.diagnostics.push_back(std::move(too_large));
    return result;
  }
  auto parsed = parse_json(bytes);
  if (parsed.error) {
    parsed.error->where.file = file_name;
    result.diagnostics.push_back(std::move(*parsed.error));
    return result;
  }
  return read_form_json(*parsed.value, file_name);
}

model::ReadResult read_form_json(const JsonValue& root, const std::string& file_name) {
  model::ReadResult result;
  result.map.set_file(file_name);
  FieldReader reader(file_name, result.map, result.diagnostics);
  reader.locate("", root.position());
  if (!reader.expect_object(root, "")) return result;
  if (!is_readable_form(reader, root)) return result;
  // A 申报表 or 监控表 (model/plan.h) is a document of this format but not a 自评表: it is
  // named as what it is, and no form is read from it (`ziping chain check` reads it).
  if (const JsonValue* kind = root.find("kind"); kind && kind->is(JsonType::String)) {
    if (auto plan = model::parse_plan_kind(kind->text())) {
      reader.report(DiagId::err_chain_wrong_kind, "kind", kind->position(),
                    {diag::bilingual("自评表", "self-evaluation"),
                     *plan == model::PlanKind::Declaration
                         ? diag::bilingual("绩效目标申报表（请用 ziping chain check）",
                                           "goal declaration (use ziping chain check)")
                         : diag::bilingual("绩效运行监控表（请用 ziping chain check）",
                                           "monitoring form (use ziping chain check)")});
      return result;
    }
  }
  Form form;
  reader.read_fields(root, "", form, form_rules());
  result.form = std::move(form);
  return result;
}

} // namespace ziping::io::json
