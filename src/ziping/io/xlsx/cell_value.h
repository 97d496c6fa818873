// io/xlsx/cell_value.h — what a cell means as a form field: the exact decimal a number cell
// shows (its stored binary value cut to the 15 significant digits Excel itself shows, then
// to the decimals of its number format, so 8.7300000000000004 in a "0.0" cell reads 8.7 and
// in a "0.00" cell 8.73), the text a cell shows (percentages as "87.3%", dates as
// "2023年10月25日"), and numbers typed as text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ziping/io/csv/columns.h"
#include "ziping/io/xlsx/workbook.h"
#include "ziping/num/decimal.h"

namespace ziping::io::xlsx {

// The number in an XML <v> ("8.7300000000000004", "1.5E-3", "-0") at 15 significant digits
// and at most 18 decimals; nullopt when it is not a number or beyond the exact range.
std::optional<num::Decimal> xml_number(std::string_view text);

// The number a number cell shows: rounded half up to its format's decimals (and written with
// exactly that many), or, under General, without trailing zeros. Percent formats keep the
// stored fraction (0.873), since the field's unit is the caller's business.
std::optional<num::Decimal> shown_number(const Cell& cell);

// The text a cell shows, for text fields: a text cell as is, a number as shown_number()
// prints it ("87.3%" under a percent format), a date as "2023年10月25日", a boolean as
// "是"/"否", an error as its code ("#N/A"). `was_date` tells the caller to say so.
std::string shown_text(const Cell& cell, bool* was_date = nullptr);

// A numeric field: a number cell as shown_number(), a text cell through
// sheet::parse_number_text ("1,466.50", "２"), a dash or blank as Blank.
sheet::NumberText cell_number(const Cell* cell, std::optional<num::Decimal>& out);

// "2023年10月25日" for an Excel serial day number (1900 date system).
std::string serial_date_text(long long serial);

} // namespace ziping::io::xlsx
