#include "ziping/io/json/form_writer.h"

#include "ziping/io/json/field_values.h"
#include "ziping/io/json/form_format.h"
#include "ziping/model/fields.h"
#include "ziping/text/json_writer.h"

namespace ziping::io::json {
namespace {

using model::Decimal;
using model::FieldInfo;
using model::Owner;
using text::JsonWriter;

// The members of one owner in catalogue order (docs/form-json.md): the key order is the
// format, the reader accepts any. A local template's field (Variant) appears only when it
// holds something, so a form from the national template carries none of them.
template <class Struct> void write_members(JsonWriter& json, Owner owner, const Struct& object) {
  model::for_each_member<Struct>(owner, [&](const FieldInfo& info, auto member) {
    const auto& value = object.*member;
    if (info.presence == model::Presence::Variant && !model::has_content(value)) return;
    json.key(info.json_key);
    write_value(json, value);
  });
}

template <class Item>
void write_objects(JsonWriter& json, Owner owner, const std::vector<Item>& items) {
  json.begin_array();
  for (const auto& item : items) {
    json.begin_object();
    write_members(json, owner, item);
    if constexpr (std::is_same_v<Item, model::Goal>) {
      json.key("indicators");
      write_objects(json, Owner::Indicator, item.indicators);
    }
    json.end_object();
  }
  json.end_array();
}

} // namespace

std::string write_form_json(const model::Form& form) {
  JsonWriter json;
  json.begin_object();
  json.key("format").string(kFormFormatName);
  json.key("format_version").integer(kFormFormatVersion);
  write_members(json, Owner::Header, form);
  json.key("budget").begin_object();
  write_members(json, Owner::Budget, form.budget);
  json.key("sources");
  write_objects(json, Owner::Funding, form.budget.sources);
  json.end_object();
  json.key("goals");
  write_objects(json, Owner::Goal, form.goals);
  json.key("total").begin_object();
  write_members(json, Owner::Total, form);
  json.end_object();
  write_members(json, Owner::Closing, form);
  json.end_object();
  return json.finish();
}

} // namespace ziping::io::json
