// io/json/json_parser.h — RFC 8259 JSON text to a JsonValue tree, with the position of every
// value and the first problem located at line:column.
//
// Strict on purpose: well-formed UTF-8 only (a leading BOM is skipped), no comments, no
// trailing commas, no repeated keys, at most kMaxJsonDepth nested arrays and objects. It
// stops at the first error (what follows a syntax error cannot be trusted), runs in time
// linear in the input, recurses no deeper than the depth limit and never throws on content.
#pragma once

#include <optional>
#include <string_view>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/json/json_value.h"

namespace ziping::io::json {

inline constexpr int kMaxJsonDepth = 64;

struct JsonParseResult {
  std::optional<JsonValue> value; // set exactly when `error` is not
  // ZP0101 (not UTF-8), ZP0102 (syntax), ZP0103 (too deep), ZP0109 (duplicate key) or
  // ZP0110 (empty). `where` holds line:column with an empty file name for the caller to
  // fill; `path` names the member being read when the error happened ("goals[2].name").
  std::optional<diag::Diagnostic> error;
};

JsonParseResult parse_json(std::string_view bytes);

} // namespace ziping::io::json
