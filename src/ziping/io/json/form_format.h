// io/json/form_format.h — the identity of the canonical form JSON (docs/form-json.md): the
// values of "format" and "format_version" that the writer stamps and the reader demands.
//
// Only constants live here; changing one is a new format version, never an edit.
#pragma once

#include <string_view>

namespace ziping::io::json {

inline constexpr std::string_view kFormFormatName = "ziping-form";
inline constexpr int kFormFormatVersion = 1;

} // namespace ziping::io::json
