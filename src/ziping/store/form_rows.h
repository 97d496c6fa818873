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
// A form's summary as the forms and revisions tables hold it: total, grade, execution rate,
// indicator score, errors, warnings, notes (in that column order).
void append_summary(std::vector<SqlParam>& params, const Summary& summary);
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

// `n` new ids for `table`'s {id} column, ascending. PostgreSQL takes them from the column's
// sequence; SQLite (whose write transactions are serial) gives the ids after the largest, as
// its own rowid allocation would, so the rows must be inserted before the next allocation for
// the same table in the transaction. Several forms' rows can then be written with one
// statement per table, and every child row knows its parent's id without a round trip.
std::vector<Id> allocate_ids(Transaction& tx, std::string_view table, std::size_t n);

// The revision rows and child rows of several revisions, written with one append per table
// (SqlConnection::append_rows: COPY in PostgreSQL when there are many).
class ContentRows {
public:
  void add(Id revision_id, Id form_id, const Revision& revision, const model::Form& form);
  void write(Transaction& tx) const;

private:
  std::vector<SqlParam> revisions_, funding_, goals_, indicators_;
};

// Inserts revision `revision` of form `form_id` with its content; returns the revision row id.
Id insert_revision(Transaction& tx, Id form_id, const Revision& revision, const model::Form& form);

struct LoadedRevision {
  Id form_id = 0;
  Revision revision;
  model::Form form;
};

// The revisions that `from_where` selects from `revisions r` (" FROM revisions r WHERE …", other
// tables joined as needed), with their content, ordered by form id and number: one query for
// the revision rows and one per child table, however many revisions.
std::vector<LoadedRevision> load_revisions(Transaction& tx, std::string_view from_where,
                                           std::span<const SqlParam> params);

// Revision `number` of form `form_id` with its content; nullopt when there is no such revision.
std::optional<std::pair<Revision, model::Form>> load_revision(Transaction& tx, Id form_id,
                                                              int number);

// "$first, $first+1, …" for `n` parameters: the inside of an IN list.
std::string placeholders(std::size_t first, std::size_t n);

// `values` in IN lists of at most 500 parameters (far below SQLite's and PostgreSQL's limits,
// and plans stay cheap): `each(params, in_list)` once per chunk, `in_list` the "$1, …" inside.
template <class Values, class Each> void in_chunks(const Values& values, Each each) {
  constexpr std::size_t kPerQuery = 500;
  for (std::size_t start = 0; start < values.size(); start += kPerQuery) {
    std::size_t n = std::min(values.size() - start, kPerQuery);
    std::vector<SqlParam> params(values.begin() + std::ptrdiff_t(start),
                                 values.begin() + std::ptrdiff_t(start + n));
    each(params, placeholders(1, n));
  }
}

// Appends one row per item to `table` (Transaction::append_rows); `row` appends the item's
// `width` parameters.
template <class Item, class Fill>
void insert_rows(Transaction& tx, std::string_view table, std::string_view columns,
                 std::size_t width, const std::vector<Item>& items, Fill row) {
  std::vector<SqlParam> params;
  params.reserve(items.size() * width);
  for (std::size_t i = 0; i < items.size(); ++i) row(params, items[i], i);
  tx.append_rows(table, columns, width, params);
}

} // namespace ziping::store
