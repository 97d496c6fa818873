// value/dates.h — dates and deadlines: "2022年12月底前", "12月31日前", "2022年内完成", "年底前".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ziping/value/value.h"

namespace ziping::value {

// `compact` is folded text without spaces or trailing punctuation. A plain "完成" after the
// date states completion only in an actual; "已完成" does in both roles.
std::optional<DateValue> read_date(std::string_view compact, Role role);

// The canonical spelling (docs/value-notation.md lists which edge gets which spelling).
std::string format_date(const DateValue& date);

} // namespace ziping::value
