// store/form_rows.h — a Form as rows and back: one revision row (the form's scalar fields, the
// budget block, who/when/why and the computed summary) plus ordered child rows for funding
// sources, goals and indicators. Writing then reading gives back the same Form, field for
// field, decimals with their own scale ("0.80" stays "0.80").
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ziping/model/form.h"
#include "ziping/store/sql.h"
#include "ziping/store/store.h"

namespace ziping::store {

SqlParam decimal_param(const std::optional<Decimal>& value);
SqlParam optional_int(const std::optional<int>& value);

// Throws StoreError when the cell does not hold a decimal (a damaged database).
std::optional<Decimal> decimal_from(const SqlCell& cell);
// Reads total, grade, execution_rate, indicator_score, errors, warnings, notes from `row`
// starting at column `first`.
Summary summary_from(const SqlRow& row, std::size_t first);

// SELECT list of a revision row's metadata, as revision_from() reads it.
inline constexpr std::string_view kRevisionColumns =
    "id, number, author, comment, created_at, status, rule_set, mode, total, grade, "
    "execution_rate, indicator_score, errors, warnings, notes";
Revision revision_from(const SqlRow& row);

// Inserts revision `revision` of form `form_id` with its content; returns the revision row id.
Id insert_revision(Transaction& tx, Id form_id, const Revision& revision, const model::Form& form);

// Revision `number` of form `form_id` with its content; nullopt when there is no such revision.
std::optional<std::pair<Revision, model::Form>> load_revision(Transaction& tx, Id form_id,
                                                              int number);

// Rows per multi-row INSERT: few round trips, far below both dialects' parameter limits.
inline constexpr std::size_t kRowsPerInsert = 100;

// INSERT INTO table (columns) VALUES (…), (…) in chunks; `row` appends one row's parameters.
template <class Item, class Fill>
void insert_rows(Transaction& tx, std::string_view table, std::string_view columns,
                 std::size_t width, const std::vector<Item>& items, Fill row) {
  for (std::size_t start = 0; start < items.size(); start += kRowsPerInsert) {
    std::size_t end = std::min(items.size(), start + kRowsPerInsert);
    std::vector<SqlParam> params;
    params.reserve((end - start) * width);
    std::string sql =
        "INSERT INTO " + std::string(table) + " (" + std::string(columns) + ") VALUES ";
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "(" : ", (";
      for (std::size_t c = 0; c < width; ++c)
        sql += (c ? ", $" : "$") + std::to_string(params.size() + c + 1);
      sql += ")";
      row(params, items[i], i);
    }
    tx.execute(sql, params);
  }
}

} // namespace ziping::store
