// text/utf8.h — UTF-8 as the project speaks it: validation, code points, terminal display
// width (CJK characters take two columns) and JSON string escaping.
//
// Every byte sequence that enters ziping is validated here first; nothing in this module
// allocates per code point or throws on bad input.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ziping::text {

// Offset of the first byte that is not part of well-formed UTF-8 (overlongs, surrogates and
// code points above U+10FFFF are ill-formed), or nullopt when the whole text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// Decodes one code point at `pos` and advances it; returns U+FFFD for an ill-formed sequence
// (advancing one byte) so that callers can walk untrusted text safely.
char32_t next_code_point(std::string_view text, std::size_t& pos);
std::vector<char32_t> code_points(std::string_view text);
void append_utf8(std::string& out, char32_t code_point);

// Columns a string occupies in a terminal: East Asian wide and full-width characters count 2.
std::size_t display_width(std::string_view text);
// Pads with spaces on the right to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);
// Cuts to at most `width` display columns, ending with "…" when something was cut.
std::string truncate_display(std::string_view text, std::size_t width);

// A JSON string literal, quotes included. Non-ASCII is written as UTF-8, control characters
// as \uXXXX, so the output is byte-stable and readable.
std::string json_quote(std::string_view text);

// Trims ASCII whitespace and the ideographic space U+3000 from both ends.
std::string_view trim(std::string_view text);

} // namespace ziping::text
