#include "ziping/io/csv/csv_columns.h"

#include <vector>

namespace ziping::io::csv {

std::span<const ColumnName> csv_columns() {
  using model::Owner;
  static const std::vector<ColumnName> kColumns = [] {
    std::vector<ColumnName> out;
    auto add = [&](const model::FieldInfo& info) {
      if (info.column.empty()) return;
      out.push_back({info.id, info.column, info.presence == model::Presence::Variant, &info});
    };
    add(model::field(Column::GoalNumber));
    for (Owner owner : {Owner::Indicator, Owner::Goal, Owner::Header, Owner::Budget, Owner::Total,
                        Owner::Closing})
      for (const auto* info : model::fields_of(owner))
        if (info->id != Column::GoalNumber) add(*info);
    return out;
  }();
  return kColumns;
}

} // namespace ziping::io::csv
