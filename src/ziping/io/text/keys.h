// io/text/keys.h — how the importer compares what a form prints with the words it knows:
// traditional characters read through their simplified forms (ICU's Hant-Hans), full-width
// and look-alike symbols folded (value::fold), spaces dropped. Keys are for recognising
// headers and labels only; no text of the form is ever replaced by its key.
#pragma once

#include <string>
#include <string_view>

namespace ziping::io::text {

// Cells longer than this are never a header or a label; their key is not computed.
inline constexpr std::size_t kMaxKeyCodePoints = 48;

// Traditional → simplified (ICU "Hant-Hans"); text without traditional characters comes
// back unchanged. ASCII is returned at once.
std::string simplified(std::string_view text);

// The comparable form: simplified, folded (NFKC + value::fold's table), whitespace removed,
// a leading Markdown "#" dropped. Empty for cells longer than kMaxKeyCodePoints.
std::string key(std::string_view text);

// True when `text` has characters that simplify differently (a traditional-script form).
bool has_traditional(std::string_view text);

// Text extracted from many Chinese PDFs spells ordinary characters with look-alike radicals
// (⾏ U+2F8F for 行, ⻔ U+2ED4 for 门) because of how their fonts map glyphs. Returns the text with
// the ordinary characters, and how many were replaced.
std::string unify_radicals(std::string_view text, std::size_t& replaced);

// A page number as PDF text prints it: "- 3 -", "第3页", "第3页 共7页", "3/7", "Page 3"; a bare
// "3" too when `bare_numbers` (layouts where a lone number cannot be a cell).
bool looks_like_page_number(std::string_view text, bool bare_numbers);

// Appends a line wrapped out of a cell to the cell's text, trimmed; a space only between two
// ASCII words (Chinese text wraps without one). Shared by the text recovery and the PDF table.
void append_wrapped(std::string& text, std::string_view piece);

// Number of code points (ill-formed bytes count one each).
std::size_t code_point_count(std::string_view text);

} // namespace ziping::io::text
