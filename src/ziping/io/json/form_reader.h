// io/json/form_reader.h — reads a canonical form JSON file (docs/form-json.md) into a
// model::Form, with the file:line:column of every node it read in the SourceMap.
//
// Never throws on content and never stops at the first bad field: every problem becomes a
// diagnostic carrying the model path and the location, and the rest of the form is still
// read. Only input that cannot be a form at all (too large, not UTF-8, a JSON syntax error,
// not an object, the wrong "format" or "format_version") leaves the form empty. It judges
// structure and types only; whether the numbers make sense is the checker's business.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ziping/io/json/json_value.h"
#include "ziping/model/read_result.h"

namespace ziping::io::json {

// Real forms are tens of kilobytes; the limit bounds the memory a hostile file can take
// (the parsed tree costs about a hundred bytes per JSON value).
inline constexpr std::size_t kMaxFormJsonBytes = 8 * 1024 * 1024;

// `file_name` is what diagnostics and the SourceMap name the file ("-" for standard input).
model::ReadResult read_form_json(std::string_view bytes, const std::string& file_name);
// A form that is one value of a larger JSON document already parsed (the "content" of an API
// request): the SourceMap and the diagnostics give line:column in that document.
model::ReadResult read_form_json(const JsonValue& form, const std::string& file_name);

} // namespace ziping::io::json
