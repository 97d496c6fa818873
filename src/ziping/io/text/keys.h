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

// Number of code points (ill-formed bytes count one each).
std::size_t code_point_count(std::string_view text);

} // namespace ziping::io::text
