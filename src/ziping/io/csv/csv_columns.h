// io/csv/csv_columns.h — the columns of ziping's CSV form, in the order written: the
// catalogue's fields (model/fields.def) laid out flat, one row per indicator leaf.
#pragma once

#include <span>
#include <string_view>

#include "ziping/model/fields.h"

namespace ziping::io::csv {

using Column = model::FieldId;

struct ColumnName {
  Column column;
  std::string_view header;
  bool optional; // written only when some node fills it (a local template's column)
  const model::FieldInfo* info;
};

// The row's own fields first (目标序号, then the indicator columns in the official order,
// then the goal's), then the form's fields every row repeats (head, budget, total, closing).
std::span<const ColumnName> csv_columns();

// "资金来源3" + "全年预算数": the funding-row columns, numbered from 1, each named by the
// catalogue's column of a Funding field ("" for the label).
inline constexpr std::string_view kSourcePrefix = "资金来源";

} // namespace ziping::io::csv
