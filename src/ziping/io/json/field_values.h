// io/json/field_values.h — a catalogue field's value as canonical JSON writes it (a decimal as
// its own digits, an absent value as null), shared by the form's writer and the plans' writer.
#pragma once

#include <optional>
#include <string>

#include "ziping/model/form.h"
#include "ziping/text/json_writer.h"

namespace ziping::io::json {

inline void write_value(text::JsonWriter& json, const std::string& text) {
  json.string(text);
}
inline void write_value(text::JsonWriter& json, const std::optional<model::Decimal>& value) {
  if (value) {
    json.number(value->to_string());
  } else {
    json.null();
  }
}
inline void write_value(text::JsonWriter& json, const std::optional<int>& value) {
  if (value) {
    json.integer(*value);
  } else {
    json.null();
  }
}
inline void write_value(text::JsonWriter& json, const std::optional<bool>& value) {
  if (value) {
    json.boolean(*value);
  } else {
    json.null();
  }
}
inline void write_value(text::JsonWriter& json, model::FormKind kind) {
  json.string(model::kind_name(kind));
}

} // namespace ziping::io::json
