// store/series_rows.h — the rows of series_facts (migration 8) a write of facts appends, with
// their derived columns computed in C++ from the series' other years, and the other years' rows
// whose derived columns the write changes. Internal to store/ (fact_rows.cc).
//
// The same figures as the migration's SQL refresh (series_refresh_sql(), which the contract
// test checks against): per row, the earlier years (> 0) of its series (how many, the first),
// how many of their rows missed an exact hit, and the year before's first row (by form, goal,
// position) whose quantity target differs, with the change's rank (1 lowered, 2 comparator,
// 3 unit, 4 raised). Computed here rather than by a correlated UPDATE: that one is planned
// per statement over every partition and, before the planner has statistics (a bulk load's
// first minutes), scanned whole partitions per row.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ziping/store/sql.h"

namespace ziping::store {

struct SeriesRow {
  std::int64_t year = 0, form_id = 0, goal_ordinal = 0, ordinal = 0, department_id = 0;
  std::int64_t key = 0;
  bool exact_hit = false, quantity = false;
  std::string comparator, target_unit;
  std::optional<std::int64_t> target_micro;
  bool operator==(const SeriesRow&) const = default;
};

// The series rows stored for these forms, without their derived columns (what a write of
// facts gives): a rescore compares them with the new ones and leaves a form's rows alone when
// they are the same.
std::vector<SeriesRow> stored_series_rows(Transaction& tx, std::span<const std::int64_t> form_ids);

class SeriesRows {
public:
  void add(SeriesRow row) { rows_.push_back(std::move(row)); }
  void append(SeriesRows&& other);
  const std::vector<SeriesRow>& rows() const { return rows_; }
  // Drops the rows of these forms (sorted ids): their stored rows stay as they are.
  void drop_forms(std::span<const std::int64_t> sorted_form_ids);
  // Reads the stored rows of the series these rows and `removed_keys` belong to (after the
  // caller removed its old rows), appends these rows with their derived columns, and updates
  // the stored rows whose derived columns change.
  void write(Transaction& tx, std::vector<std::int64_t> removed_keys) const;

private:
  std::vector<SeriesRow> rows_;
};

} // namespace ziping::store
