// io/text/cell_numbers.h — the numbers of a form's number cells (分值, 得分, amounts), read
// exactly: "2", "0.75", "2分", "1,030", "22681.6万元". A cell that is not such a number is
// not guessed at: the caller leaves the field empty and says so.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ziping/num/decimal.h"

namespace ziping::io::text {

// "—", "-", "/", "无", "——": printed where a template has no value.
bool is_placeholder(std::string_view text);

// A plain decimal, allowing full-width digits, a trailing 分 and thousands separators.
std::optional<num::Decimal> score_number(std::string_view text);

struct Amount {
  std::optional<num::Decimal> value; // in the form's money unit
  std::string unit;                  // the unit printed in the cell ("万元"), empty if none
  bool converted = false;            // the cell's unit differed and was converted exactly
  bool unreadable = false;           // not a number: the field stays empty
};
// An amount cell, read in `money_unit` ("万元" or "元"): "22681.6", "22,681.6",
// "22681.6万元", "226816000元" (converted exactly when the unit differs).
Amount read_amount(std::string_view text, std::string_view money_unit);

// A folded cell that is a percentage and nothing else: "95.00%".
bool is_percent(std::string_view folded);

// A money unit named in a header: "项目资金（万元）" → "万元", "(元)" → "元".
std::string money_unit_in(std::string_view text);

} // namespace ziping::io::text
