// value/hant_hans.h — traditional Chinese characters and their simplified forms, one code point
// at a time, as ICU's "Hant-Hans" transliterator gives them.
//
// The table is generated at build time from the ICU the program is built against
// (cmake/hant_hans_table.cc), so reading it loads no ICU and allocates nothing: a text import
// used to open libicui18n and build the transliterator's rules just to learn that 績 is 绩.
// It never changes a character the transliterator leaves alone.
#pragma once

#include <cstddef>
#include <string_view>

namespace ziping::value {

// The simplified form of `code_point` (UTF-8, one or more characters); empty when the code point
// has none other than itself.
std::string_view simplified_form(char32_t code_point);

namespace hant_hans_detail {
struct Mapping {
  char32_t from;
  const char* to; // UTF-8, NUL-terminated
};
extern const Mapping kMappings[]; // ascending `from`
extern const std::size_t kMappingCount;
} // namespace hant_hans_detail

} // namespace ziping::value
