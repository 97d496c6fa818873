// value/parse_general.h — parse_value()'s general path, for every text, also those its fast
// path (quick_quantity.h) reads; the unit tests hold the two equal.
#pragma once

#include <string_view>

#include "ziping/value/value.h"

namespace ziping::value {

ParseResult parse_value_general(std::string_view text, Role role);

} // namespace ziping::value
