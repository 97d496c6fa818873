// value/quantity.h — a number with its unit ("353.3万元", "5次", "百分之九十五") or a range of
// two ("90%-95%", "3至5次"), once the comparators around it are removed.
#pragma once

#include <string_view>

#include "ziping/value/value.h"

namespace ziping::value {

enum class QuantityStatus {
  NotQuantity, // the text is something else
  Parsed,
  OutOfRange, // a quantity whose number Decimal cannot hold exactly (ZP0202)
};

struct QuantityReading {
  QuantityStatus status = QuantityStatus::NotQuantity;
  ValueKind kind = ValueKind::Quantity; // or Range
  Decimal number;
  Decimal high;
  Unit unit;
  bool unknown_unit = false; // an Other unit we guessed from its shape (ZP0201)
};

QuantityReading read_quantity(std::string_view core);

} // namespace ziping::value
