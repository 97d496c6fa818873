// value/number.h — the numbers of the value notation: Arabic (with grouping), small Chinese
// numerals and 百分之….
#pragma once

#include <optional>

#include "ziping/num/decimal.h"
#include "ziping/value/cursor.h"

namespace ziping::value {

struct NumberReading {
  num::Decimal value;
  bool out_of_range = false; // more digits than Decimal holds exactly: the caller keeps text
};

// "5", "-3", "+2", "353.3", "1,030" (groups of three only). No exponent, no leading '.'.
// On failure the cursor is unchanged.
std::optional<NumberReading> read_arabic_number(Cursor& cursor);

// "五", "十二", "两", "一百零五", "三千五", "两万", "三点五" (below 10^8). A leading 百 or 千
// ("百分之百") is accepted only with `allow_leading_magnitude`.
std::optional<num::Decimal> read_chinese_numeral(Cursor& cursor, bool allow_leading_magnitude);

// True when the cursor is at a character that starts a Chinese numeral ("五", "十", "两" …).
bool at_chinese_numeral(const Cursor& cursor);

// "百分之九十五", "百分之95", "百分之百": the number of percentage points.
std::optional<NumberReading> read_percent_words(Cursor& cursor);

} // namespace ziping::value
