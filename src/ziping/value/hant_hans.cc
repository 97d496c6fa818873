#include "ziping/value/hant_hans.h"

#include <algorithm>

namespace ziping::value {

std::string_view simplified_form(char32_t code_point) {
  using hant_hans_detail::kMappingCount;
  using hant_hans_detail::kMappings;
  // Every traditional character is from U+2E80 on (the generator's range).
  if (code_point < 0x2E80) return {};
  const auto* end = kMappings + kMappingCount;
  const auto* found = std::lower_bound(
      kMappings, end, code_point,
      [](const hant_hans_detail::Mapping& mapping, char32_t cp) { return mapping.from < cp; });
  if (found == end || found->from != code_point) return {};
  return found->to;
}

} // namespace ziping::value
