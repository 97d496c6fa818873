#include "ziping/store/series_rows.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "ziping/store/form_rows.h"

namespace ziping::store {
namespace {

struct Derived {
  std::int64_t prior_years = 0;
  std::optional<std::int64_t> prior_first;
  std::int64_t prior_misses = 0;
  std::optional<std::int64_t> change_rank, prev_form_id, prev_goal_ordinal, prev_ordinal;
  bool operator==(const Derived&) const = default;
};

struct Row {
  SeriesRow row;
  Derived stored; // as read (stored rows only)
  Derived now;
  bool is_new = false;
};

constexpr std::string_view kColumns =
    "year, form_id, goal_ordinal, ordinal, department_id, series_key, exact_hit, quantity, "
    "comparator, target_unit, target_micro, prior_years, prior_first, prior_misses, "
    "change_rank, prev_form_id, prev_goal_ordinal, prev_ordinal";
constexpr std::size_t kWidth = 18;

std::optional<std::int64_t> maybe(const SqlCell& c) {
  if (!c) return std::nullopt;
  return std::stoll(*c);
}

void put(std::vector<SqlParam>& p, const std::optional<std::int64_t>& v) {
  if (v)
    p.emplace_back(std::in_place_index<1>, *v);
  else
    p.emplace_back();
}

bool ceiling(const std::string& comparator) {
  return comparator == "<=" || comparator == "<";
}

// The SQL refresh's CASE, with SQL's NULL comparisons (a missing number is never "<>").
std::optional<std::int64_t> rank_against(const SeriesRow& x, const SeriesRow& b) {
  if (!x.quantity || !b.quantity) return std::nullopt;
  bool both = x.target_micro && b.target_micro;
  if (x.comparator == b.comparator && x.target_unit == b.target_unit &&
      !(both && *x.target_micro != *b.target_micro))
    return std::nullopt; // no change
  if (x.comparator != b.comparator) return 2;
  if (x.target_unit != b.target_unit) return 3;
  if (ceiling(x.comparator) && both && *x.target_micro > *b.target_micro) return 1;
  if (!ceiling(x.comparator) && both && *x.target_micro < *b.target_micro) return 1;
  return 4;
}

// Every row of one series, sorted by (year, form, goal, position).
void derive(std::vector<Row*>& rows) {
  auto key = [](const Row* r) {
    return std::tie(r->row.year, r->row.form_id, r->row.goal_ordinal, r->row.ordinal);
  };
  std::sort(rows.begin(), rows.end(), [&](const Row* a, const Row* b) { return key(a) < key(b); });
  for (Row* x : rows) {
    Derived d;
    std::optional<std::int64_t> last_year;
    for (const Row* h : rows) {
      if (h->row.year <= 0) continue;
      if (h->row.year >= x->row.year) break;
      if (last_year != h->row.year) ++d.prior_years, last_year = h->row.year;
      if (!d.prior_first) d.prior_first = h->row.year;
      if (!h->row.exact_hit) ++d.prior_misses;
    }
    for (const Row* b : rows) {
      if (b->row.year != x->row.year - 1) continue;
      if (auto rank = rank_against(x->row, b->row)) {
        d.change_rank = rank;
        d.prev_form_id = b->row.form_id;
        d.prev_goal_ordinal = b->row.goal_ordinal;
        d.prev_ordinal = b->row.ordinal;
        break;
      }
    }
    x->now = d;
  }
}

} // namespace

std::vector<SeriesRow> stored_series_rows(Transaction& tx, std::span<const std::int64_t> form_ids) {
  std::vector<SeriesRow> out;
  in_chunks(form_ids, [&](const std::vector<SqlParam>& params, const std::string& in_list) {
    for (const auto& c :
         tx.query("SELECT year, form_id, goal_ordinal, ordinal, department_id, series_key, "
                  "exact_hit, quantity, comparator, target_unit, target_micro FROM series_facts "
                  "WHERE form_id IN (" +
                      in_list + ")",
                  params))
      out.push_back({std::stoll(*c[0]), std::stoll(*c[1]), std::stoll(*c[2]), std::stoll(*c[3]),
                     std::stoll(*c[4]), c[5] ? std::stoll(*c[5]) : 0, *c[6] == "1", *c[7] == "1",
                     *c[8], *c[9], maybe(c[10])});
  });
  return out;
}

void SeriesRows::drop_forms(std::span<const std::int64_t> sorted_form_ids) {
  std::erase_if(rows_, [&](const SeriesRow& r) {
    return std::binary_search(sorted_form_ids.begin(), sorted_form_ids.end(), r.form_id);
  });
}

void SeriesRows::append(SeriesRows&& other) {
  rows_.insert(rows_.end(), std::make_move_iterator(other.rows_.begin()),
               std::make_move_iterator(other.rows_.end()));
}

void SeriesRows::write(Transaction& tx, std::vector<std::int64_t> keys) const {
  for (const auto& r : rows_) keys.push_back(r.key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<Row> all;
  all.reserve(rows_.size());
  for (const auto& r : rows_) all.push_back({r, {}, {}, true});
  in_chunks(keys, [&](const std::vector<SqlParam>& params, const std::string& in_list) {
    for (const auto& c : tx.query("SELECT " + std::string(kColumns) +
                                      " FROM series_facts WHERE series_key IN (" + in_list + ")",
                                  params)) {
      Row r;
      r.row = {std::stoll(*c[0]),
               std::stoll(*c[1]),
               std::stoll(*c[2]),
               std::stoll(*c[3]),
               std::stoll(*c[4]),
               std::stoll(*c[5]),
               *c[6] == "1",
               *c[7] == "1",
               *c[8],
               *c[9],
               maybe(c[10])};
      r.stored = {std::stoll(*c[11]), maybe(c[12]), std::stoll(*c[13]), maybe(c[14]),
                  maybe(c[15]),       maybe(c[16]), maybe(c[17])};
      all.push_back(std::move(r));
    }
  });
  std::map<std::int64_t, std::vector<Row*>> by_key;
  for (auto& r : all) by_key[r.row.key].push_back(&r);
  for (auto& [key, rows] : by_key) derive(rows);

  std::vector<SqlParam> fresh;
  std::map<std::int64_t, std::vector<SqlParam>> changed; // by year: one partition a statement
  for (const Row& r : all) {
    const Derived& d = r.now;
    if (r.is_new) {
      const SeriesRow& s = r.row;
      fresh.insert(fresh.end(), {s.year, s.form_id, s.goal_ordinal, s.ordinal, s.department_id,
                                 s.key, std::int64_t(s.exact_hit), std::int64_t(s.quantity),
                                 s.comparator, s.target_unit});
      put(fresh, s.target_micro);
    } else if (d != r.stored) {
      std::vector<SqlParam>& p = changed[r.row.year];
      p.insert(p.end(), {r.row.form_id, r.row.goal_ordinal, r.row.ordinal});
    } else {
      continue;
    }
    std::vector<SqlParam>& p = r.is_new ? fresh : changed[r.row.year];
    p.emplace_back(std::in_place_index<1>, d.prior_years);
    put(p, d.prior_first);
    p.emplace_back(std::in_place_index<1>, d.prior_misses);
    for (const auto& v : {d.change_rank, d.prev_form_id, d.prev_goal_ordinal, d.prev_ordinal})
      put(p, v);
  }
  tx.append_rows("series_facts", kColumns, kWidth, fresh);
  constexpr std::size_t kUpdateWidth = 10, kPerUpdate = 100;
  for (const auto& [year, values] : changed) {
    std::size_t rows = values.size() / kUpdateWidth;
    for (std::size_t start = 0; start < rows; start += kPerUpdate) {
      std::size_t n = std::min(rows - start, kPerUpdate);
      std::string sql =
          "UPDATE series_facts SET prior_years = CAST(v.column4 AS INTEGER), prior_first = "
          "CAST(v.column5 AS INTEGER), prior_misses = CAST(v.column6 AS INTEGER), change_rank = "
          "CAST(v.column7 AS INTEGER), prev_form_id = CAST(v.column8 AS BIGINT), "
          "prev_goal_ordinal = CAST(v.column9 AS INTEGER), prev_ordinal = CAST(v.column10 AS "
          "INTEGER) FROM (VALUES ";
      for (std::size_t i = 0; i < n; ++i)
        sql += (i ? ", (" : "(") + placeholders(i * kUpdateWidth + 1, kUpdateWidth) + ")";
      // The year as a literal: PostgreSQL plans the statement against that year's partition.
      sql += ") AS v WHERE series_facts.year = " + std::to_string(year) +
             " AND series_facts.form_id = CAST(v.column1 AS BIGINT) AND "
             "series_facts.goal_ordinal = CAST(v.column2 AS INTEGER) AND series_facts.ordinal = "
             "CAST(v.column3 AS INTEGER)";
      std::span<const SqlParam> part(values.data() + start * kUpdateWidth, n * kUpdateWidth);
      tx.execute(sql, part);
    }
  }
}

} // namespace ziping::store
