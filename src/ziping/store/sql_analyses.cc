#include <algorithm>
#include <functional>
#include <tuple>

#include "ziping/store/analyses.h"
#include "ziping/store/sql_accounts.h"

namespace ziping::store {
namespace {

using Kind = AnalysisColumn::Kind;
using Cells = std::vector<std::optional<std::string>>;

constexpr AnalysisInfo kCatalogue[] = {
    {"inflation", "自评分虚高（按单位）", "self-score inflation per unit"},
    {"inflation_distribution", "自评分虚高分布（按表）", "distribution of inflation per form"},
    {"always_full", "连年恰好完成 100% 的指标", "indicators met at exactly 100% year after year"},
    {"target_changes", "指标值与上年相比的变化（调低在前）",
     "targets changed from the year before (lowered first)"},
    {"execution_units", "预算执行率（按单位）", "budget execution per unit"},
    {"execution_supervisors", "预算执行率（按主管部门）",
     "budget execution per supervising department"},
    {"grades", "自评等级分布（按主管部门）", "grade distribution per supervising department"},
    {"total_mismatch", "总分与各项得分之和不符的表",
     "forms whose total disagrees with their parts"},
};

// The unit's 主管部门: its parent in the organisation tree, else the department itself.
constexpr std::string_view kGroupJoin =
    " JOIN departments d ON d.id = x.department_id LEFT JOIN orgs u ON u.department_id = d.id "
    "LEFT JOIN orgs s ON s.id = u.parent_id AND s.kind = 'supervisor'";
constexpr std::string_view kSupervisor = "COALESCE(s.name, d.name)";

std::optional<std::string> cell(const SqlCell& c) {
  return c;
}

std::int64_t integer(const SqlCell& c) {
  return c ? std::stoll(*c) : 0;
}

std::optional<std::string> decimal_cell(const SqlCell& micro, int places) {
  if (!micro) return std::nullopt;
  return from_micro(std::stoll(*micro), places).to_string();
}

// "义务教育项目|产出指标|数量指标|培训次数#2" → "义务教育项目 / 产出指标 / 数量指标 / 培训次数#2",
// without the empty project of a 部门整体 form.
std::optional<std::string> series_label(const SqlCell& c) {
  if (!c) return std::nullopt;
  std::string out;
  std::size_t start = 0;
  for (;;) {
    std::size_t bar = c->find('|', start);
    std::string part = c->substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    if (!part.empty()) out += (out.empty() ? "" : " / ") + part;
    if (bar == std::string::npos) return out;
    start = bar + 1;
  }
}

std::optional<std::string> flag(bool value) {
  return std::string(value ? "1" : "0");
}

// Σ / count, `places` decimals, half up.
std::optional<Decimal> mean_of(const SqlCell& sum_micro, std::int64_t count, int places) {
  if (!sum_micro || count == 0) return std::nullopt;
  return from_micro(std::stoll(*sum_micro))
      .divide(Decimal::from_int(count), places, num::RoundingMode::HalfUp);
}

class Context {
public:
  Context(Transaction& tx, const AnalysisQuery& q) : tx_(tx), query_(q) {
    params_.push_back(std::int64_t(q.year));
  }

  // " AND x.department_id IN ($2, …)" for a filtered query, " AND x.department_id IN (SELECT
  // … org_scope …)" for an organisation's units; "" for every department.
  std::string filter(std::string_view alias = "x") {
    // Before any parameter is added: a parameter the SQL does not use fails in PostgreSQL.
    if (query_.departments && query_.departments->empty()) return " AND 1 = 0";
    std::string sql;
    if (query_.under_org && !scope_is_everything()) {
      params_.push_back(*query_.under_org);
      sql += " AND " + std::string(alias) +
             ".department_id IN (SELECT department_id FROM org_scope WHERE org_id = $" +
             std::to_string(params_.size()) + ")";
    }
    if (!query_.departments) return sql;
    sql += " AND " + std::string(alias) + ".department_id IN (";
    for (std::size_t i = 0; i < query_.departments->size(); ++i) {
      params_.push_back((*query_.departments)[i]);
      sql += (i ? ", $" : "$") + std::to_string(params_.size());
    }
    return sql + ")";
  }

  SqlRows rows(const std::string& sql) { return tx_.query(sql, params_); }
  // A second statement's context: its own parameters ($1 the year), the same transaction.
  Context another() const { return Context(tx_, query_); }
  SqlRows rows_without_params(const std::string& sql) { return tx_.query(sql); }
  // The query with the limit applied in SQL; the total comes from COUNT(*) OVER (), the last
  // column of every row (dropped from the rows returned).
  SqlRows limited(const std::string& sql, std::int64_t& total) {
    std::string s = sql;
    if (query_.limit > 0) s += " LIMIT " + std::to_string(query_.limit);
    SqlRows out = tx_.query(s, params_);
    total = out.empty() ? 0 : integer(out[0].back());
    for (auto& row : out) row.pop_back();
    return out;
  }
  // " LIMIT n" for a limited query, else "".
  std::string limit_clause() const {
    return query_.limit > 0 ? " LIMIT " + std::to_string(query_.limit) : "";
  }
  // The query as given (its limit inside); the total is the last column of every row.
  SqlRows with_total(const std::string& sql, std::int64_t& total) {
    SqlRows out = tx_.query(sql, params_);
    total = out.empty() ? 0 : integer(out[0].back());
    for (auto& row : out) row.pop_back();
    return out;
  }
  int year() const { return query_.year; }
  // Names sort by their bytes on both backends (PostgreSQL's default collation is the
  // locale's, which would order Chinese names differently from SQLite).
  std::string collate() const {
    return tx_.dialect() == Dialect::PostgreSQL ? " COLLATE \"C\"" : "";
  }
  int limit() const { return query_.limit; }

private:
  // Whether the organisation's scope holds every unit (a province's 财政厅): then it filters
  // nothing, and the analyses skip the join with its 11,000 org_scope rows (target_changes'
  // count at 100,000 forms: 60–170 → 20–26 ms on the loaded bench machine). Asked once per
  // analysis: two index counts of ~11,000 entries.
  bool scope_is_everything() {
    if (!everything_) {
      auto r = tx_.query("SELECT (SELECT COUNT(*) FROM org_scope WHERE org_id = $1), (SELECT "
                         "COUNT(*) FROM departments)",
                         {*query_.under_org});
      everything_ = !r.empty() && integer(r[0][0]) == integer(r[0][1]);
    }
    return *everything_;
  }

  Transaction& tx_;
  const AnalysisQuery& query_;
  std::vector<SqlParam> params_;
  std::optional<bool> everything_;
};

AnalysisTable table_of(std::string_view id) {
  AnalysisTable t;
  for (const auto& info : kCatalogue)
    if (info.id == id) {
      t.id = info.id;
      t.title_zh = info.title_zh;
      t.title_en = info.title_en;
    }
  return t;
}

void apply_limit(AnalysisTable& t, int limit) {
  t.total_rows = std::int64_t(t.rows.size());
  if (limit > 0 && t.rows.size() > std::size_t(limit)) t.rows.resize(std::size_t(limit));
}

// Per form, over the leaves that have both a declared and a formula score: how many, how many
// declared above the formula, Σ(declared − formula) — sums the save keeps in form_facts, so
// these analyses read one row per form instead of its leaves.
std::string per_form_excess(Context& c) {
  return "SELECT x.form_id, x.department_id, x.excess_micro AS excess, x.compared_leaves AS "
         "compared, x.leaves_over AS over FROM form_facts x WHERE x.year = $1 AND "
         "x.compared_leaves > 0" +
         c.filter();
}

// The q-th quartile (1 or 3) of the values, by the nearest-rank method (exact, no averaging):
// the rank-th smallest, found without sorting them all (the values are reordered).
Decimal quartile(std::vector<Decimal>& values, int q) {
  std::size_t rank = (values.size() * std::size_t(q) + 3) / 4; // ceil(n·q/4)
  auto at = values.begin() + std::ptrdiff_t(std::max<std::size_t>(rank, 1) - 1);
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

AnalysisTable inflation(Context& c) {
  AnalysisTable t = table_of("inflation");
  t.columns = {
      {"supervisor", "主管部门", "supervising department", Kind::Text},
      {"unit", "单位", "unit", Kind::Text},
      {"forms", "表数", "forms", Kind::Integer},
      {"leaves_compared", "可按公式核算的指标数", "leaves with a formula", Kind::Integer},
      {"leaves_over", "自评高于公式的指标数", "leaves declared above the formula", Kind::Integer},
      {"excess_total", "虚高合计（分）", "total excess (points)", Kind::Decimal},
      {"mean_excess", "每表平均虚高（分）", "mean excess per form", Kind::Decimal},
      {"max_excess", "单表最大虚高（分）", "largest excess of a form", Kind::Decimal},
      {"outlier", "异常", "outlier", Kind::Flag}};
  // Summed per department first (one integer key), then named: a department has one unit and
  // that unit at most one 主管部门, so the names join 11,000 rows, not 33,000.
  std::string sql =
      "WITH p AS (SELECT x.department_id, COUNT(*) AS forms, SUM(x.compared) AS "
      "compared, SUM(x.over) AS over, SUM(x.excess) AS excess, MAX(x.excess) AS "
      "most FROM (" +
      per_form_excess(c) + ") x GROUP BY x.department_id) SELECT " + std::string(kSupervisor) +
      ", d.name, x.forms, x.compared, x.over, x.excess, x.most FROM p x" + std::string(kGroupJoin);
  // The query's rows as they come, each with its mean; cells are made only for the rows
  // answered (the API's 500 of 11,111 units), after a partial sort.
  struct Row {
    SqlRow raw;
    Decimal mean;
  };
  std::vector<Row> rows;
  std::vector<Decimal> means;
  for (auto& r : c.rows(sql)) {
    Decimal mean = mean_of(r[5], integer(r[2]), 2).value_or(Decimal());
    means.push_back(mean);
    rows.push_back({std::move(r), mean});
  }
  std::optional<Decimal> fence;
  if (means.size() >= 4) {
    Decimal q1 = quartile(means, 1), q3 = quartile(means, 3);
    fence = q3 + (q3 - q1) * Decimal::of("1.5");
  }
  // Highest mean first; ties by 主管部门 and unit, bytewise (the same on both backends; a
  // unit's name is unique, so the order is total and a partial sort gives the same rows).
  std::vector<const Row*> order;
  order.reserve(rows.size());
  for (const auto& row : rows) order.push_back(&row);
  std::size_t shown = c.limit() > 0 ? std::min(order.size(), std::size_t(c.limit())) : order.size();
  std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(shown), order.end(),
                    [](const Row* a, const Row* b) {
                      if (a->mean != b->mean) return a->mean > b->mean;
                      return std::tie(a->raw[0], a->raw[1]) < std::tie(b->raw[0], b->raw[1]);
                    });
  for (std::size_t i = 0; i < shown; ++i) {
    const SqlRow& r = order[i]->raw;
    const Decimal& mean = order[i]->mean;
    t.rows.push_back({cell(r[0]), cell(r[1]), cell(r[2]), cell(r[3]), cell(r[4]),
                      decimal_cell(r[5], 2), mean.to_string(), decimal_cell(r[6], 2),
                      flag(fence && mean > *fence && mean > Decimal())});
  }
  t.total_rows = std::int64_t(rows.size());
  return t;
}

AnalysisTable inflation_distribution(Context& c) {
  AnalysisTable t = table_of("inflation_distribution");
  t.columns = {{"bucket", "每表虚高（分）", "excess per form (points)", Kind::Text},
               {"forms", "表数", "forms", Kind::Integer},
               {"share", "占比（%）", "share (%)", Kind::Decimal}};
  static const char* kBuckets[] = {"≤ 0", "0 – 1", "1 – 3", "3 – 5", "> 5"};
  std::string sql = "WITH p AS (" + per_form_excess(c) +
                    ") SELECT CASE WHEN excess <= 0 THEN 0 WHEN excess <= 1000000 THEN 1 WHEN "
                    "excess <= 3000000 THEN 2 WHEN excess <= 5000000 THEN 3 ELSE 4 END AS b, "
                    "COUNT(*) FROM p GROUP BY b ORDER BY b";
  std::int64_t counts[5] = {0, 0, 0, 0, 0}, all = 0;
  for (const auto& r : c.rows(sql)) {
    counts[std::clamp<std::int64_t>(integer(r[0]), 0, 4)] = integer(r[1]);
    all += integer(r[1]);
  }
  for (int b = 0; b < 5; ++b) {
    std::optional<std::string> share;
    if (all > 0)
      share = (Decimal::from_int(counts[b] * 100))
                  .divide(Decimal::from_int(all), 1, num::RoundingMode::HalfUp)
                  .to_string();
    t.rows.push_back({std::string(kBuckets[b]), std::to_string(counts[b]), share});
  }
  t.total_rows = 5;
  return t;
}

// A page of a year-over-year analysis (always_full, target_changes): `ranked` selects the rows'
// leaf keys and figures from series_facts (narrow rows whose comparison with other years was
// made when they were written, migration 8) with `unit` (the department's name) and `total`
// (COUNT(*) OVER (): every row, before the limit), ordered by `order` and cut to the limit in
// SQL; only that page is then joined to its texts in leaf_facts (by primary key) and to the
// unit's 主管部门. A province's 84,000 changed targets are counted and ranked from one partial
// index, and 500 of them read whole.
constexpr std::string_view kSupervisorOfPage =
    " LEFT JOIN orgs u ON u.department_id = x.department_id LEFT JOIN orgs s ON s.id = "
    "u.parent_id AND s.kind = 'supervisor'";

std::string leaf_of_page(std::string_view alias, std::string_view year, std::string_view prefix) {
  std::string a(alias), p(prefix);
  return " JOIN leaf_facts " + a + " ON " + a + ".year = " + std::string(year) + " AND " + a +
         ".form_id = x." + p + "form_id AND " + a + ".goal_ordinal = x." + p + "goal_ordinal AND " +
         a + ".ordinal = x." + p + "ordinal";
}

AnalysisTable always_full(Context& c) {
  AnalysisTable t = table_of("always_full");
  t.columns = {{"supervisor", "主管部门", "supervising department", Kind::Text},
               {"unit", "单位", "unit", Kind::Text},
               {"series", "指标", "indicator", Kind::Text},
               {"target", "本年指标值", "this year's target", Kind::Text},
               {"actual", "本年实际完成值", "this year's actual", Kind::Text},
               {"years", "年数", "years", Kind::Integer},
               {"first_year", "始于", "since", Kind::Integer}};
  // This year's leaves with actual = target whose series was filed in an earlier year and hit
  // exactly in every earlier row (series_facts_always_full). Most years first, then by unit and
  // the indicator's place in its form.
  std::string order =
      " ORDER BY x.years DESC, x.unit" + c.collate() + ", x.form_id, x.goal_ordinal, x.ordinal";
  std::string sql =
      "WITH ranked AS (SELECT x.form_id, x.goal_ordinal, x.ordinal, x.department_id, "
      "x.prior_years + 1 AS years, x.prior_first AS first_year, d.name AS unit, COUNT(*) OVER () "
      "AS total FROM series_facts x JOIN departments d ON d.id = x.department_id WHERE x.year = "
      "$1 AND x.exact_hit = 1 AND x.prior_misses = 0 AND x.prior_years > 0" +
      c.filter() + "), page AS (SELECT * FROM ranked x" + order + c.limit_clause() +
      ") SELECT COALESCE(s.name, x.unit), x.unit, l.series, l.target_text, l.actual_text, "
      "x.years, x.first_year, x.total FROM page x" +
      leaf_of_page("l", "$1", "") + std::string(kSupervisorOfPage) + order;
  for (const auto& r : c.with_total(sql, t.total_rows))
    t.rows.push_back({cell(r[0]), cell(r[1]), series_label(r[2]), cell(r[3]), cell(r[4]),
                      cell(r[5]), cell(r[6])});
  return t;
}

AnalysisTable target_changes(Context& c) {
  AnalysisTable t = table_of("target_changes");
  t.columns = {{"change", "变化", "change", Kind::Text},
               {"supervisor", "主管部门", "supervising department", Kind::Text},
               {"unit", "单位", "unit", Kind::Text},
               {"series", "指标", "indicator", Kind::Text},
               {"previous_target", "上年指标值", "last year's target", Kind::Text},
               {"target", "本年指标值", "this year's target", Kind::Text},
               {"previous_actual", "上年实际完成值", "last year's actual", Kind::Text}};
  // This year's quantity targets that differ from the year before's in value, comparator or
  // unit (series_facts_changed; a deadline or a wording moves every year without meaning
  // anything). Lowered first, then by unit and the indicator's place in its form.
  //
  // Counted apart (an index-only count), and the page taken per rank (1 lowered … 4 raised):
  // within a rank the units are walked in name order (departments_by_name_bytes, migration 10) and
  // each probes the index (year, change_rank, department_id, …), so a page of 500 reads ~500
  // entries of ~70 units instead of joining, windowing and sorting all 84,000 changed targets
  // of a province (0.39–0.44 s through the API at 100,000 forms, docs/scale.md).
  Context counting = c.another();
  t.total_rows = integer(counting
                             .rows("SELECT COUNT(*) FROM series_facts x WHERE x.year = $1 "
                                   "AND x.change_rank IS NOT NULL" +
                                   counting.filter())
                             .at(0)
                             .at(0));
  std::string page;
  for (int rank = 1; rank <= 4; ++rank)
    page += std::string(rank > 1 ? " UNION ALL " : "") +
            "SELECT * FROM (SELECT x.form_id, x.goal_ordinal, x.ordinal, x.department_id, "
            "x.prev_form_id AS b_form_id, x.prev_goal_ordinal AS b_goal_ordinal, "
            "x.prev_ordinal AS b_ordinal, x.change_rank AS rank, d.name AS unit FROM departments "
            "d JOIN series_facts x ON x.department_id = d.id WHERE x.year = $1 AND "
            "x.change_rank = " +
            std::to_string(rank) + c.filter() +
            // Every row (the report): one sort below, none per rank.
            (c.limit() > 0 ? " ORDER BY d.name" + c.collate() +
                                 ", x.form_id, x.goal_ordinal, x.ordinal" + c.limit_clause()
                           : std::string()) +
            ") r" + std::to_string(rank);
  std::string order =
      " ORDER BY x.rank, x.unit" + c.collate() + ", x.form_id, x.goal_ordinal, x.ordinal";
  std::string sql = "WITH page AS (SELECT * FROM (" + page + ") x" + order + c.limit_clause() +
                    ") SELECT x.rank, COALESCE(s.name, x.unit), x.unit, l.series, b.target_text, "
                    "l.target_text, b.actual_text FROM page x" +
                    leaf_of_page("l", "$1", "") + leaf_of_page("b", "$1 - 1", "b_") +
                    std::string(kSupervisorOfPage) + order;
  static const char* kChange[] = {"", "调低 lowered", "比较符改变 comparator", "单位改变 unit",
                                  "调高 raised"};
  for (const auto& r : c.rows(sql))
    t.rows.push_back({std::string(kChange[std::clamp<std::int64_t>(integer(r[0]), 1, 4)]),
                      cell(r[1]), cell(r[2]), series_label(r[3]), cell(r[4]), cell(r[5]),
                      cell(r[6])});
  return t;
}

// Σ executed ÷ Σ budget in percent, 2 decimals half up (the scorer's rate rounding).
std::optional<std::string> rate_of(const SqlCell& executed, const SqlCell& annual) {
  if (!executed || !annual || std::stoll(*annual) == 0) return std::nullopt;
  return (Decimal::from_int(std::stoll(*executed)) * Decimal::from_int(100))
      .divide(Decimal::from_int(std::stoll(*annual)), 2, num::RoundingMode::HalfUp)
      .to_string();
}

AnalysisTable execution(Context& c, bool per_unit) {
  AnalysisTable t = table_of(per_unit ? "execution_units" : "execution_supervisors");
  t.columns = {{"supervisor", "主管部门", "supervising department", Kind::Text}};
  if (per_unit)
    t.columns.push_back({"unit", "单位", "unit", Kind::Text});
  else
    t.columns.push_back({"units", "单位数", "units", Kind::Integer});
  t.columns.insert(t.columns.end(),
                   {{"forms", "表数", "forms", Kind::Integer},
                    {"annual", "全年预算数合计", "budget", Kind::Decimal},
                    {"executed", "全年执行数合计", "executed", Kind::Decimal},
                    {"rate", "执行率（%）", "rate (%)", Kind::Decimal},
                    {"line", "执行率标准线（%）", "execution line (%)", Kind::Decimal},
                    {"below_line", "低于标准线", "below the line", Kind::Flag},
                    {"forms_below", "低于标准线的表数", "forms below the line", Kind::Integer}});
  // Summed per department first (one integer key), then named and, per 主管部门, summed again.
  std::string per_department =
      "WITH p AS (SELECT x.department_id, COUNT(*) AS forms, SUM(x.budget_annual_micro) AS "
      "annual, SUM(x.budget_executed_micro) AS executed, MAX(x.execution_line_micro) AS line, "
      "SUM(CASE WHEN x.execution_rate_micro < x.execution_line_micro THEN 1 ELSE 0 END) AS below "
      "FROM form_facts x WHERE x.year = $1" +
      c.filter() + " GROUP BY x.department_id) ";
  std::string sql =
      per_department + "SELECT " + std::string(kSupervisor) +
      (per_unit ? ", d.name, x.forms, x.annual, x.executed, x.line, x.below FROM p x" +
                      std::string(kGroupJoin)
                : ", COUNT(*), SUM(x.forms), SUM(x.annual), SUM(x.executed), MAX(x.line), "
                  "SUM(x.below) FROM p x" +
                      std::string(kGroupJoin) + " GROUP BY " + std::string(kSupervisor));
  for (const auto& r : c.rows(sql)) {
    auto rate = rate_of(r[4], r[3]);
    auto line = decimal_cell(r[5], 0);
    bool below = rate && line && Decimal::of(*rate) < Decimal::of(*line);
    t.rows.push_back({cell(r[0]), cell(r[1]), cell(r[2]), decimal_cell(r[3], 2),
                      decimal_cell(r[4], 2), rate, line, flag(below), cell(r[6])});
  }
  // Lowest rate first: where execution is farthest behind.
  std::sort(t.rows.begin(), t.rows.end(), [](const Cells& a, const Cells& b) {
    if (bool(a[5]) != bool(b[5])) return bool(a[5]);
    if (a[5] && *a[5] != *b[5]) return Decimal::of(*a[5]) < Decimal::of(*b[5]);
    return std::tie(a[0], a[1]) < std::tie(b[0], b[1]);
  });
  apply_limit(t, c.limit());
  return t;
}

AnalysisTable grades(Context& c) {
  AnalysisTable t = table_of("grades");
  t.columns = {{"supervisor", "主管部门", "supervising department", Kind::Text},
               {"forms", "表数", "forms", Kind::Integer},
               {"excellent", "优", "excellent", Kind::Integer},
               {"good", "良", "good", Kind::Integer},
               {"fair", "中", "fair", Kind::Integer},
               {"poor", "差", "poor", Kind::Integer},
               {"unscored", "未评", "not scored", Kind::Integer}};
  // Counted per department first (one integer key), then per 主管部门.
  std::string sql = "WITH p AS (SELECT x.department_id, COUNT(*) AS forms, SUM(CASE WHEN x.grade "
                    "= '优' THEN 1 ELSE 0 END) AS g1, SUM(CASE WHEN x.grade = '良' THEN 1 ELSE 0 "
                    "END) AS g2, SUM(CASE WHEN x.grade = '中' THEN 1 ELSE 0 END) AS g3, SUM(CASE "
                    "WHEN x.grade = '差' THEN 1 ELSE 0 END) AS g4, SUM(CASE WHEN x.grade NOT IN "
                    "('优', '良', '中', '差') THEN 1 ELSE 0 END) AS g0 FROM form_facts x WHERE "
                    "x.year = $1" +
                    c.filter() + " GROUP BY x.department_id) SELECT " + std::string(kSupervisor) +
                    ", SUM(x.forms), SUM(x.g1), SUM(x.g2), SUM(x.g3), SUM(x.g4), SUM(x.g0) FROM p "
                    "x" +
                    std::string(kGroupJoin) + " GROUP BY " + std::string(kSupervisor) +
                    " ORDER BY " + std::string(kSupervisor) + c.collate();
  for (const auto& r : c.rows(sql)) {
    Cells row;
    for (const auto& v : r) row.push_back(cell(v));
    t.rows.push_back(std::move(row));
  }
  apply_limit(t, c.limit());
  return t;
}

AnalysisTable total_mismatch(Context& c) {
  AnalysisTable t = table_of("total_mismatch");
  t.columns = {{"form_id", "表编号", "form", Kind::Integer},
               {"supervisor", "主管部门", "supervising department", Kind::Text},
               {"unit", "单位", "unit", Kind::Text},
               {"kind", "类型", "kind", Kind::Text},
               {"project", "项目", "project", Kind::Text},
               {"declared_total", "自评总分", "declared total", Kind::Decimal},
               {"declared_parts", "各项自评得分之和", "sum of declared parts", Kind::Decimal},
               {"difference", "差额", "difference", Kind::Decimal}};
  std::string sql =
      "SELECT x.form_id, " + std::string(kSupervisor) +
      ", d.name, x.kind, x.project, x.declared_total_micro, x.declared_parts_micro, "
      "x.declared_total_micro - x.declared_parts_micro, COUNT(*) OVER () FROM form_facts x" +
      std::string(kGroupJoin) + " WHERE x.year = $1" + c.filter() +
      " AND x.declared_total_micro <> x.declared_parts_micro ORDER BY ABS(x.declared_total_micro "
      "- x.declared_parts_micro) DESC, x.form_id";
  for (const auto& r : c.limited(sql, t.total_rows))
    t.rows.push_back({cell(r[0]), cell(r[1]), cell(r[2]), cell(r[3]), cell(r[4]),
                      decimal_cell(r[5], 2), decimal_cell(r[6], 2), decimal_cell(r[7], 2)});
  return t;
}

class SqlAnalyses final : public Analyses {
public:
  explicit SqlAnalyses(ConnectionPool& pool) : pool_(pool) {}

  std::optional<AnalysisTable> run(std::string_view id, const AnalysisQuery& query) override {
    static const std::pair<std::string_view, std::function<AnalysisTable(Context&)>> kRuns[] = {
        {"inflation", inflation},
        {"inflation_distribution", inflation_distribution},
        {"always_full", always_full},
        {"target_changes", target_changes},
        {"execution_units", [](Context& c) { return execution(c, true); }},
        {"execution_supervisors", [](Context& c) { return execution(c, false); }},
        {"grades", grades},
        {"total_mismatch", total_mismatch},
    };
    for (const auto& [name, run] : kRuns) {
      if (name != id) continue;
      auto c = pool_.lease();
      Transaction tx(*c, false);
      // A year's leaves are ~400,000 rows at 100,000 forms: the default 4 MB makes the
      // year-over-year joins and sorts spill to disk. For this transaction only.
      if (tx.dialect() == Dialect::PostgreSQL) tx.execute("SET LOCAL work_mem = '64MB'");
      Context context(tx, query);
      return run(context);
    }
    return std::nullopt;
  }

  std::vector<int> years() override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<int> out;
    for (const auto& r :
         tx.query("SELECT DISTINCT year FROM form_facts WHERE year > 0 ORDER BY year DESC"))
      out.push_back(int(integer(r[0])));
    return out;
  }

private:
  ConnectionPool& pool_;
};

} // namespace

std::span<const AnalysisInfo> analysis_catalogue() {
  return kCatalogue;
}

std::unique_ptr<Analyses> make_sql_analyses(ConnectionPool& pool) {
  return std::make_unique<SqlAnalyses>(pool);
}

} // namespace ziping::store
