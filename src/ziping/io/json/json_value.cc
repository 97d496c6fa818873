#include "ziping/io/json/json_value.h"

namespace ziping::io::json {

std::string_view json_type_name(JsonType type) {
  switch (type) {
  case JsonType::Null:
    return "null";
  case JsonType::Boolean:
    return "boolean";
  case JsonType::Number:
    return "number";
  case JsonType::String:
    return "string";
  case JsonType::Array:
    return "array";
  case JsonType::Object:
    return "object";
  }
  return "null";
}

JsonValue::JsonValue(JsonType type, JsonPosition position) : type_(type), position_(position) {}

JsonValue JsonValue::null(JsonPosition position) {
  return JsonValue(JsonType::Null, position);
}

JsonValue JsonValue::boolean(bool value, JsonPosition position) {
  JsonValue result(JsonType::Boolean, position);
  result.boolean_ = value;
  return result;
}

JsonValue JsonValue::number(std::string token, JsonPosition position) {
  JsonValue result(JsonType::Number, position);
  result.text_ = std::move(token);
  return result;
}

JsonValue JsonValue::string(std::string text, JsonPosition position) {
  JsonValue result(JsonType::String, position);
  result.text_ = std::move(text);
  return result;
}

JsonValue JsonValue::array(JsonPosition position) {
  return JsonValue(JsonType::Array, position);
}

JsonValue JsonValue::object(JsonPosition position) {
  return JsonValue(JsonType::Object, position);
}

// Defined here, where JsonMember is complete, because JsonValue holds a vector of it.
JsonValue::JsonValue(const JsonValue&) = default;
JsonValue::JsonValue(JsonValue&&) noexcept = default;
JsonValue& JsonValue::operator=(const JsonValue&) = default;
JsonValue& JsonValue::operator=(JsonValue&&) noexcept = default;
JsonValue::~JsonValue() = default;

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& member : members_) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

void JsonValue::append_item(JsonValue item) {
  items_.push_back(std::move(item));
}

JsonMember& JsonValue::append_member(std::string key, JsonPosition key_position, JsonValue value) {
  members_.push_back(JsonMember{std::move(key), key_position, std::move(value)});
  return members_.back();
}

} // namespace ziping::io::json
