// io/pdf/pdf_budget.h — what a PDF may cost before poppler is asked to lay out its text. poppler
// cannot be interrupted inside a page, so the two costs a hostile file controls are bounded
// before it starts: the bytes its compressed streams inflate to (a 1 MB "flate bomb" inflating
// to 400 MiB cost 15–21 s), counted here with zlib and stopped at the limit, and the page count
// (50,000 empty pages cost 17–22 s). The page loop also stops at a time limit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ziping::io::pdf {

inline constexpr std::size_t kMaxPdfInflatedBytes = 128u << 20;
inline constexpr int kMaxPdfPages = 2000;
inline constexpr int kMaxPdfReadSeconds = 20;
// Characters of text over all pages: a dense page holds about 2,000; a form, tens of thousands.
// Bounds the word boxes the table rebuilder and the text recovery are given.
inline constexpr std::size_t kMaxPdfCharacters = 2000000;

// The bytes all of the file's Flate streams inflate to, counting stopped once past `limit`
// (then the result is > limit). Streams that are not zlib data count nothing.
std::size_t inflated_size(std::string_view pdf, std::size_t limit);

} // namespace ziping::io::pdf
