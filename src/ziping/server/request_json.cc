#include "ziping/server/request_json.h"

#include "ziping/io/json/json_parser.h"
#include "ziping/server/api_error.h"
#include "ziping/server/json_out.h"
#include "ziping/text/utf8.h"

namespace ziping::server {
namespace {

using diag::DiagId;
using io::json::JsonType;

[[noreturn]] void wrong_type(std::string_view key, std::string_view zh, std::string_view en) {
  JsonOut details;
  details.begin_object().key("field").string(key).end_object();
  throw ApiError(
      400, "invalid_field",
      diag::make(DiagId::err_request_field, "", {std::string(key), diag::bilingual(zh, en)}),
      details.take());
}

const JsonValue* member(const JsonValue& object, std::string_view key, bool required) {
  const JsonValue* value = object.find(key);
  if ((value == nullptr || value->is(JsonType::Null)) && required) {
    JsonOut details;
    details.begin_object().key("field").string(key).end_object();
    throw ApiError(400, "missing_field",
                   diag::make(DiagId::err_request_missing_field, "", {std::string(key)}),
                   details.take());
  }
  if (value == nullptr || value->is(JsonType::Null)) return nullptr;
  return value;
}

} // namespace

JsonValue parse_object_body(std::string_view body) {
  auto parsed = io::json::parse_json(body);
  if (parsed.error) {
    std::string where =
        std::to_string(parsed.error->where.line) + ":" + std::to_string(parsed.error->where.column);
    JsonOut details;
    details.begin_object().key("line").integer(parsed.error->where.line);
    details.key("column").integer(parsed.error->where.column).end_object();
    throw ApiError(400, "invalid_json",
                   diag::make(DiagId::err_request_json, "",
                              {diag::bilingual(where + " " + parsed.error->message_zh(),
                                               where + " " + parsed.error->message_en())}),
                   details.take());
  }
  if (!parsed.value->is(JsonType::Object)) wrong_type("(body)", "对象", "an object");
  return std::move(*parsed.value);
}

std::optional<std::string> string_member(const JsonValue& object, std::string_view key,
                                         bool required) {
  const JsonValue* value = member(object, key, required);
  if (!value) return std::nullopt;
  if (!value->is(JsonType::String)) wrong_type(key, "字符串", "a string");
  // No backend stores U+0000 (PostgreSQL refuses it, SQLite would keep it): refused here, so
  // both answer the same 400.
  if (value->text().find('\0') != std::string::npos) {
    JsonOut details;
    details.begin_object().key("field").string(key).end_object();
    throw ApiError(400, "invalid_field",
                   diag::make(diag::DiagId::err_text_nul, std::string(key), {std::string(key)}),
                   details.take());
  }
  return value->text();
}

std::optional<long long> integer_member(const JsonValue& object, std::string_view key,
                                        bool required) {
  const JsonValue* value = member(object, key, required);
  if (!value) return std::nullopt;
  const std::string& token = value->text();
  bool digits = value->is(JsonType::Number) && !token.empty() && token.size() <= 15 &&
                token.find_first_not_of("0123456789-") == std::string::npos;
  if (!digits) wrong_type(key, "整数", "an integer");
  return std::stoll(token);
}

const JsonValue* object_member(const JsonValue& object, std::string_view key, bool required) {
  const JsonValue* value = member(object, key, required);
  if (value && !value->is(JsonType::Object)) wrong_type(key, "对象", "an object");
  return value;
}

} // namespace ziping::server

namespace ziping::server {

std::optional<bool> bool_member(const JsonValue& object, std::string_view key, bool required) {
  const JsonValue* value = member(object, key, required);
  if (!value) return std::nullopt;
  if (!value->is(JsonType::Boolean)) wrong_type(key, "true 或 false", "true or false");
  return value->boolean_value();
}

std::optional<num::Decimal> decimal_member(const JsonValue& object, std::string_view key,
                                           bool required) {
  const JsonValue* value = member(object, key, required);
  if (!value) return std::nullopt;
  std::optional<num::Decimal> parsed;
  if (value->is(JsonType::Number) || value->is(JsonType::String))
    parsed = num::Decimal::parse(value->text());
  if (!parsed) wrong_type(key, "十进制数", "a decimal number");
  return parsed;
}

const JsonValue* array_member(const JsonValue& object, std::string_view key, bool required) {
  const JsonValue* value = member(object, key, required);
  if (value && !value->is(JsonType::Array)) wrong_type(key, "数组", "an array");
  return value;
}

} // namespace ziping::server
