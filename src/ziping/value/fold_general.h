// value/fold_general.h — fold()'s general path (ICU's NFKC, then the table) for every text,
// also those fold() reads by its plain fast path; the unit tests hold the two equal.
#pragma once

#include <string>
#include <string_view>

namespace ziping::value {

std::string fold_general(std::string_view text);

// fold(), also telling whether `text` was well-formed UTF-8 (the fast path has already checked,
// so parse_value() need not scan the text again).
std::string fold(std::string_view text, bool& well_formed);

} // namespace ziping::value
