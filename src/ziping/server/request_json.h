// server/request_json.h — reading the JSON bodies of requests (save envelopes, new
// departments) with io/json's strict parser, turning every misfit into a 400 ApiError that
// names the field.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ziping/io/json/json_value.h"
#include "ziping/num/decimal.h"

namespace ziping::server {

using io::json::JsonValue;

// The body as a JSON object; ApiError 400 invalid_json (ZP0710) otherwise.
JsonValue parse_object_body(std::string_view body);

// A member of `object`: nullopt when absent (or null) unless `required` (then ApiError 400
// missing_field, ZP0712); ApiError 400 invalid_field (ZP0711) when of the wrong type.
std::optional<std::string> string_member(const JsonValue& object, std::string_view key,
                                         bool required = false);
std::optional<long long> integer_member(const JsonValue& object, std::string_view key,
                                        bool required = false);
const JsonValue* object_member(const JsonValue& object, std::string_view key,
                               bool required = false);
std::optional<bool> bool_member(const JsonValue& object, std::string_view key,
                                bool required = false);
// A JSON number (or a string holding one), read exactly.
std::optional<num::Decimal> decimal_member(const JsonValue& object, std::string_view key,
                                           bool required = false);
const JsonValue* array_member(const JsonValue& object, std::string_view key, bool required = false);

} // namespace ziping::server
