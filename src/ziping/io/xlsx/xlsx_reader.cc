// Reads the form out of the cells: each sheet is walked row by row; a row that names the
// columns of a block (indicator table, budget, goals) starts that block, every other row is
// searched for labelled cells (部门名称 …, 年度 …, 自评等级 …). What the blocks yield is put
// together at the end, because hand-made workbooks put goals and their indicators in any
// order and on any sheet.
#include "ziping/io/xlsx/xlsx_reader.h"

#include <algorithm>
#include <map>
#include <set>

#include "ziping/io/csv/columns.h"
#include "ziping/io/xlsx/cell_value.h"
#include "ziping/io/xlsx/workbook.h"
#include "ziping/io/xlsx/xlsx_writer.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::xlsx {
namespace {

using diag::DiagId;
using num::Decimal;
using sheet::Field;

constexpr std::size_t kMaxDiagnostics = 100;

// Where each field of a node was read: "score" → the cell.
using Places = std::map<std::string, diag::SourceLocation>;

struct GoalRow {
  std::optional<int> number;
  std::string target, actual, reason;
  Places places;
};

struct Leaf {
  model::Indicator indicator;
  Places places;
};

struct Group {
  std::optional<int> number;
  bool numbered_by_label = false;
  std::vector<Leaf> leaves;
  std::optional<Decimal> weight, score;
  Places places;
  // Goal texts given on a one-goal sheet (年度绩效目标: …) rather than in a goals block.
  std::string target, actual;
};

struct Collected {
  std::optional<std::string> title;
  std::map<Field, std::pair<std::string, diag::SourceLocation>> labels;
  std::optional<int> year;
  diag::SourceLocation year_at;
  std::optional<std::string> money_unit;
  diag::SourceLocation money_unit_at;
  bool budget_seen = false;
  model::Budget budget;
  Places budget_places;
  std::vector<Places> source_places;
  std::vector<GoalRow> goals;
  std::vector<Group> groups;
  std::optional<Decimal> total_weight, total_score;
  Places total_places;
  int project_evidence = 0, department_evidence = 0;
  bool table_seen = false;
};

class Reporter {
public:
  Reporter(std::vector<diag::Diagnostic>& out) : out_(out) {}
  void add(DiagId id, diag::SourceLocation where, std::vector<std::string> args) {
    if (count_ == kMaxDiagnostics) {
      auto d = diag::make(DiagId::err_too_many_errors, "", {std::to_string(kMaxDiagnostics)});
      d.where = where;
      out_.push_back(std::move(d));
    }
    if (count_++ >= kMaxDiagnostics) return;
    auto d = diag::make(id, "", std::move(args));
    d.where = std::move(where);
    out_.push_back(std::move(d));
  }

private:
  std::vector<diag::Diagnostic>& out_;
  std::size_t count_ = 0;
};

std::string field_name(Field field) {
  switch (field) {
  case Field::Weight:
    return diag::bilingual("分值", "the weight (分值)");
  case Field::Score:
    return diag::bilingual("得分", "the score (得分)");
  case Field::ScoreCoefficient:
    return diag::bilingual("得分系数", "the score coefficient");
  case Field::BudgetInitial:
    return diag::bilingual("年初预算数", "the initial budget (年初预算数)");
  case Field::BudgetAnnual:
    return diag::bilingual("全年预算数", "the annual budget (全年预算数)");
  case Field::BudgetExecuted:
    return diag::bilingual("全年执行数", "the executed amount (全年执行数)");
  case Field::BudgetWeight:
    return diag::bilingual("预算执行分值", "the execution weight");
  case Field::BudgetScore:
    return diag::bilingual("预算执行得分", "the execution score");
  case Field::Year:
    return diag::bilingual("年度", "the year (年度)");
  case Field::Total:
    return diag::bilingual("总分", "the total (总分)");
  case Field::Subtotal:
    return diag::bilingual("小计", "the subtotal (小计)");
  case Field::GoalNumber:
    return diag::bilingual("目标序号", "the goal number");
  case Field::Core:
    return diag::bilingual("是否核心指标", "是否核心指标 (core indicator)");
  default:
    return diag::bilingual("数值", "a number");
  }
}

// How a person names the field a text cell was read for.
std::string key_label(const std::string& key) {
  static const std::map<std::string, std::pair<const char*, const char*>> kLabels = {
      {"target", {"年度指标值", "the target (年度指标值)"}},
      {"actual", {"实际完成值", "the actual value (实际完成值)"}},
      {"adjusted_target", {"调整指标值", "the adjusted target"}},
      {"name", {"三级指标", "the indicator name"}},
      {"deviation_reason", {"偏差原因分析及改进措施", "the deviation reason"}},
      {"rate", {"执行率", "the execution rate"}},
  };
  auto found = kLabels.find(key);
  if (found == kLabels.end()) return diag::bilingual("单元格", "the cell");
  return diag::bilingual(found->second.first, found->second.second);
}

bool is_label_text(const std::string& folded) {
  return sheet::match_header(folded, sheet::label_headers()).has_value();
}

class SheetReader {
public:
  SheetReader(const Sheet& sheet, const std::string& file, Collected& out, Reporter& report)
      : sheet_(sheet), file_(file), out_(out), report_(report) {
    for (const auto& [at, cell] : sheet.cells) rows_[at.row].push_back(at.column);
    for (const auto& merge : sheet.merges)
      for (int r = merge.first.row + 1; r <= merge.last.row && r < sheet.rows; ++r)
        if (rows_.count(r)) merged_down_[r].push_back(merge.first.column);
  }

  void read() {
    auto row = rows_.begin();
    while (row != rows_.end()) {
      int r = row->first;
      int next = r + 1;
      if (auto table = indicator_header(r)) {
        next = indicator_table(r, *table);
        blocks_seen_ = true;
      } else if (auto budget = block_header(r, sheet::budget_headers(), Field::BudgetAnnual,
                                            Field::BudgetExecuted)) {
        next = budget_block(r, *budget);
        blocks_seen_ = true;
      } else if (auto goals =
                     block_header(r, sheet::goal_headers(), Field::GoalTarget, Field::GoalActual)) {
        next = goals_block(r, *goals);
        blocks_seen_ = true;
      } else {
        labels(r);
      }
      row = rows_.lower_bound(next);
    }
    // The title is the single cell above the first labels, on a sheet that holds part of the
    // form (not on a sheet of instructions before it).
    if (blocks_seen_ && title_ && !out_.title) out_.title = title_;
  }

private:
  using Columns = std::map<Field, int>;

  diag::SourceLocation where(int r, int c) const {
    return diag::SourceLocation::at_cell(file_, sheet_.name, cell_name({r, c}));
  }

  // The cell whose value (r, c) shows: the top-left of its merge, or itself.
  std::pair<const Cell*, CellRef> shown(int r, int c) const {
    if (const Range* merge = sheet_.merge_of({r, c}))
      return {sheet_.at(merge->first), merge->first};
    return {sheet_.at({r, c}), CellRef{r, c}};
  }
  bool covered_not_first(int r, int c) const {
    const Range* merge = sheet_.merge_of({r, c});
    return merge && !(merge->first.row == r && merge->first.column == c);
  }
  bool from_above(int r, int c) const {
    const Range* merge = sheet_.merge_of({r, c});
    return merge && merge->first.row < r;
  }
  std::string text_at(int r, int c) const {
    auto [cell, at] = shown(r, c);
    return cell ? shown_text(*cell) : std::string();
  }
  // Every row is asked whether it is a header, so each cell's folded text is kept.
  const std::string& folded_at(int r, int c) const {
    static const std::string kNone;
    auto [cell, at] = shown(r, c);
    if (!cell || cell->type != Cell::Type::Text) return kNone;
    auto found = folded_.find(at);
    if (found == folded_.end()) found = folded_.emplace(at, sheet::fold_header(cell->value)).first;
    return found->second;
  }
  // The cells of row r that start something: own cells not covered by another's merge. Kept
  // per row: every row is asked several times (is it empty, a header, which block).
  const std::vector<int>& starts(int r) const {
    auto [kept, added] = starts_.try_emplace(r);
    if (!added) return kept->second;
    if (auto found = rows_.find(r); found != rows_.end())
      for (int c : found->second)
        if (!covered_not_first(r, c)) kept->second.push_back(c);
    return kept->second;
  }
  bool row_empty(int r) const {
    for (int c : starts(r)) {
      const Cell* cell = sheet_.at({r, c});
      if (cell &&
          (cell->type != Cell::Type::Text || !text::trim(cell->value).empty() || cell->formula))
        return false;
    }
    return true;
  }

  // A header row's cells: its own, and those merged down from a header row above it (a
  // two-row header: 分值 spanning both rows beside 一级/二级/三级 under 绩效指标).
  std::vector<int> header_cells(int r) const {
    std::vector<int> out = starts(r);
    if (auto found = merged_down_.find(r); found != merged_down_.end()) {
      out.insert(out.end(), found->second.begin(), found->second.end());
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    return out;
  }

  Columns map_columns(int r, std::span<const sheet::HeaderName> table, bool warn_unknown) {
    Columns columns;
    std::set<Field> by_canonical_name;
    for (int c : header_cells(r)) {
      std::string folded = folded_at(r, c);
      if (folded.empty()) continue;
      auto field = sheet::match_header(folded, table);
      if (!field) {
        // The writer's 复核得分/复核意见 (the 财政复核, not the unit's form) are read as nothing.
        if (folded == sheet::fold_header(kReviewScoreHeader) ||
            folded == sheet::fold_header(kReviewReasonHeader))
          continue;
        if (warn_unknown) {
          std::string suggestion = sheet::suggest_header(folded, table);
          report_.add(
              DiagId::warn_sheet_unknown_column, where(r, c),
              {text_at(r, c), suggestion.empty()
                                  ? std::string()
                                  : diag::bilingual("（是否应为「" + suggestion + "」？）",
                                                    " (did you mean " + suggestion + "?)")});
        }
        continue;
      }
      bool canonical = sheet::is_canonical_header(folded, table);
      if (columns.count(*field)) {
        // The national template heads its indicator block with 绩效指标 (merged down the
        // block, left of 一级/二级/三级指标): a synonym that labels the block yields to the
        // column that carries the canonical name.
        if (canonical && !by_canonical_name.count(*field)) {
          columns[*field] = c;
          by_canonical_name.insert(*field);
          continue;
        }
        report_.add(DiagId::warn_sheet_duplicate_column, where(r, c), {text_at(r, c)});
        continue;
      }
      if (canonical) by_canonical_name.insert(*field);
      columns[*field] = c;
    }
    return columns;
  }

  // Whether some cell of row r is merged down into row `below`.
  bool spans_into(int r, int below) const {
    auto found = merged_down_.find(below);
    if (found == merged_down_.end()) return false;
    for (int c : found->second)
      if (const Range* merge = sheet_.merge_of({below, c}); merge && merge->first.row == r)
        return true;
    return false;
  }

  bool looks_like_indicator_header(int r) const {
    std::set<Field> fields;
    for (int c : header_cells(r))
      if (auto field = sheet::match_header(folded_at(r, c), sheet::indicator_headers()))
        fields.insert(*field);
    return fields.count(Field::Name) &&
           (fields.count(Field::Weight) || fields.count(Field::Score) ||
            fields.count(Field::Target) || fields.count(Field::Actual));
  }

  std::optional<Columns> indicator_header(int r) {
    if (!looks_like_indicator_header(r)) return std::nullopt;
    // The upper row of a two-row header: the table's columns are named in the row below.
    if (auto next = rows_.upper_bound(r); next != rows_.end() && spans_into(r, next->first) &&
                                          looks_like_indicator_header(next->first))
      return std::nullopt;
    return map_columns(r, sheet::indicator_headers(), true);
  }

  std::optional<Columns> block_header(int r, std::span<const sheet::HeaderName> table, Field a,
                                      Field b) {
    std::set<Field> fields;
    for (int c : starts(r))
      if (auto field = sheet::match_header(folded_at(r, c), table)) fields.insert(*field);
    if (!fields.count(a) || !fields.count(b)) return std::nullopt;
    return map_columns(r, table, false);
  }

  bool is_header(int r) {
    std::set<Field> indicator, budget, goals;
    for (int c : header_cells(r)) {
      std::string folded = folded_at(r, c);
      if (auto f = sheet::match_header(folded, sheet::indicator_headers())) indicator.insert(*f);
      if (auto f = sheet::match_header(folded, sheet::budget_headers())) budget.insert(*f);
      if (auto f = sheet::match_header(folded, sheet::goal_headers())) goals.insert(*f);
    }
    return (indicator.count(Field::Name) &&
            (indicator.count(Field::Weight) || indicator.count(Field::Score) ||
             indicator.count(Field::Target) || indicator.count(Field::Actual))) ||
           (budget.count(Field::BudgetAnnual) && budget.count(Field::BudgetExecuted)) ||
           (goals.count(Field::GoalTarget) && goals.count(Field::GoalActual));
  }

  // A row that starts the closing block or another labelled part: its first cell is a label.
  // Only cells left of column `limit` (a block's label area) count: a value cell of a data
  // row that happens to read like a label does not end the block.
  bool starts_with_label(int r, int limit) {
    for (int c : starts(r)) {
      if (c >= limit) return false;
      if (text::trim(text_at(r, c)).empty()) continue;
      return ends_block(folded_at(r, c));
    }
    return false;
  }

  // A label (部门名称, 总分 …) or the goals' heading: no row of the block before it.
  static bool ends_block(const std::string& folded) {
    return is_label_text(folded) || folded == "年度总体目标" || folded == "年度绩效目标";
  }

  // A numeric field from the cell at (r, c); merged-from-above cells are not this row's.
  std::optional<Decimal> number(int r, int c, Field field, Places& places, const std::string& key) {
    if (c < 0) return std::nullopt;
    auto [cell, at] = shown(r, c);
    if (from_above(r, c)) return std::nullopt;
    places[key] = where(at.row, at.column);
    std::optional<Decimal> value;
    auto kind = cell_number(cell, value);
    if (kind == sheet::NumberText::NotANumber) {
      report_.add(DiagId::err_sheet_not_a_number, where(at.row, at.column),
                  {field_name(field), shown_text(*cell)});
      return std::nullopt;
    }
    return value;
  }

  std::string text(int r, int c, Places& places, const std::string& key) {
    if (c < 0) return {};
    auto [cell, at] = shown(r, c);
    places[key] = where(at.row, at.column);
    if (!cell) return {};
    bool date = false;
    std::string value = shown_text(*cell, &date);
    if (date)
      report_.add(DiagId::note_sheet_date_cell, where(at.row, at.column), {key_label(key), value});
    return value;
  }

  static int column(const Columns& columns, Field field) {
    auto found = columns.find(field);
    return found == columns.end() ? -1 : found->second;
  }

  // ---- labelled cells ---------------------------------------------------------------------
  void labels(int r) {
    auto cells = starts(r);
    std::size_t non_empty = 0;
    for (int c : cells)
      if (!text::trim(text_at(r, c)).empty()) ++non_empty;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      int c = cells[i];
      std::string raw = text_at(r, c);
      if (text::trim(raw).empty()) continue;
      std::string folded = folded_at(r, c);
      auto field = sheet::match_header(folded, sheet::label_headers());
      std::optional<std::string> inline_value;
      if (!field) {
        if (auto labelled = inline_label(raw)) {
          field = labelled->field;
          inline_value = std::move(labelled->value);
          folded = std::move(labelled->folded);
        }
      }
      if (!field) {
        if (unlabelled(r, cells, i, raw, folded, non_empty)) ++i;
        continue;
      }
      seen_content_ = true;
      if (folded == "主管部门") out_.project_evidence += 2;
      if (folded == "部门名称") out_.department_evidence += 2;
      if (*field == Field::Project || *field == Field::ImplementingUnit) ++out_.project_evidence;
      if (labelled(r, cells, i, *field, inline_value)) ++i;
    }
    if (!cells.empty() && title_row_ != r) seen_content_ = true;
  }

  struct InlineLabel {
    Field field;
    std::string value, folded;
  };

  // "部门名称：天津市…" in one cell.
  static std::optional<InlineLabel> inline_label(const std::string& raw) {
    for (std::string_view colon : {"：", ":"}) {
      auto at = raw.find(colon);
      if (at == std::string::npos || at == 0) continue;
      auto prefix = sheet::fold_header(raw.substr(0, at));
      if (auto f = sheet::match_header(prefix, sheet::label_headers()))
        return InlineLabel{*f, std::string(text::trim(raw.substr(at + colon.size()))), prefix};
    }
    return std::nullopt;
  }

  // A text that is no label: a one-goal sheet's goal text, the year under the title, or the
  // title. True when the next cell was taken as its value.
  bool unlabelled(int r, const std::vector<int>& cells, std::size_t i, const std::string& raw,
                  const std::string& folded, std::size_t non_empty) {
    // Goal texts on a one-goal sheet: 年度绩效目标 | … .
    if (auto goal_field = sheet::match_header(folded, sheet::goal_headers());
        goal_field && (*goal_field == Field::GoalTarget || *goal_field == Field::GoalActual) &&
        i + 1 < cells.size()) {
      sheet_goal_[*goal_field] = text_at(r, cells[i + 1]);
      return true;
    }
    if (folded == "年度总体目标") ++out_.project_evidence;
    if (non_empty != 1) return false;
    if (!year_under_title(r, cells[i], raw) && !title_ && !out_.title && !seen_content_)
      take_title(r, cells[i], raw);
    return false;
  }

  // "（2023年度）" under the title, when no 年度 cell says it.
  bool year_under_title(int r, int c, const std::string& raw) {
    if (!(title_ || out_.title) || out_.year || !out_.year_at.empty()) return false;
    std::string bare;
    for (char ch : value::fold(raw))
      if (ch != '(' && ch != ')' && ch != ' ') bare += ch;
    if (bare.size() > 16 || !(bare.ends_with("年度") || bare.ends_with("年"))) return false;
    auto year = sheet::number_in(bare);
    if (!year || *year < 1900 || *year > 2999) return false;
    out_.year = year;
    out_.year_at = where(r, c);
    return true;
  }

  void take_title(int r, int c, const std::string& raw) {
    title_ = raw;
    title_row_ = r;
    // "2023年度部门整体支出绩效自评表": a title that starts with its year.
    std::string folded_title = value::fold(text::trim(raw));
    if (!out_.year && out_.year_at.empty() && folded_title.size() > 4 &&
        std::all_of(folded_title.begin(), folded_title.begin() + 4,
                    [](char ch) { return ch >= '0' && ch <= '9'; }) &&
        folded_title.compare(4, 3, "年") == 0) {
      if (int year = std::stoi(folded_title.substr(0, 4)); year >= 1900 && year <= 2999) {
        out_.year = year;
        out_.year_at = where(r, c);
      }
    }
  }

  // A label cell: its value inline or in the next cell (unless that is a label too). True when
  // the next cell was taken as the value.
  bool labelled(int r, const std::vector<int>& cells, std::size_t i, Field field,
                const std::optional<std::string>& inline_value) {
    int c = cells[i];
    std::string value;
    diag::SourceLocation at = where(r, c);
    const Cell* value_cell = nullptr;
    bool took_next = false;
    if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < cells.size()) {
      int next = cells[i + 1];
      std::string next_folded = folded_at(r, next);
      if (!is_label_text(next_folded) || next_folded.empty()) {
        auto [cell, ref] = shown(r, next);
        value_cell = cell;
        value = value_cell ? shown_text(*value_cell) : "";
        at = where(ref.row, ref.column);
        took_next = true;
      }
    }
    if (field == Field::Year)
      label_year(value_cell, value, at);
    else if (field != Field::Total && field != Field::Subtotal && !out_.labels.count(field))
      out_.labels[field] = {value, at};
    return took_next;
  }

  void label_year(const Cell* value_cell, const std::string& value,
                  const diag::SourceLocation& at) {
    if (out_.year) return;
    std::optional<Decimal> number;
    if (value_cell && cell_number(value_cell, number) == sheet::NumberText::Number && number &&
        number->normalized().scale() <= 0) {
      auto whole = number->normalized();
      if (!whole.is_negative() && whole < Decimal::from_int(1000000000))
        out_.year = int((long long)whole.coefficient());
    } else if (!text::trim(value).empty()) {
      out_.year = sheet::number_in(value);
      if (!out_.year)
        report_.add(DiagId::err_sheet_not_a_number, at, {field_name(Field::Year), value});
    }
    out_.year_at = at;
  }

  // ---- budget ---------------------------------------------------------------------------
  int budget_block(int header, const Columns& columns) {
    seen_content_ = true;
    out_.budget_seen = true;
    int first_amount = INT32_MAX;
    for (auto [field, c] : columns)
      if (field != Field::BudgetReason) first_amount = std::min(first_amount, c);
    budget_unit(header, first_amount);
    int r = header + 1;
    int data_rows = 0;
    bool breakdown = false;
    auto row = rows_.lower_bound(r);
    for (; row != rows_.end(); ++row) {
      r = row->first;
      if (row_empty(r) || is_header(r) || starts_with_label(r, first_amount)) break;
      // The national 部门整体 template breaks the total down 按收入性质分 / 按支出性质分, side
      // by side in one row each; the form model holds no such breakdown, so from its heading
      // on every row is reported where it stands and skipped, never read as funding rows.
      if (!breakdown && data_rows > 0) breakdown = starts_breakdown(r);
      if (breakdown) {
        report_row_not_held(r);
        continue;
      }
      RowLabel label = row_label(r, first_amount);
      // The label read is the one written back: a goals heading there ends the block as it
      // would at the row's first cell (a sheet whose first text cell is something else).
      if (label.present && ends_block(sheet::fold_header(label.text))) break;
      if (!any_amount(r, columns, data_rows) && !label.present) break;
      if (data_rows == 0)
        budget_total_row(r, columns, label.text, first_amount);
      else
        funding_row(r, columns, label, data_rows);
      ++data_rows;
    }
    return row == rows_.end() ? sheet_.rows : r;
  }

  // The unit: "预算执行情况（万元）", "项目资金（万元）" or "（单位：万元）" in the block's label.
  void budget_unit(int header, int first_amount) {
    for (int c : starts(header)) {
      if (c >= first_amount) break;
      std::string raw = text_at(header, c);
      if (auto unit = sheet::parenthesised(raw)) {
        std::string u = *unit;
        for (std::string_view prefix : {"单位:", "单位："})
          if (u.rfind(prefix, 0) == 0) u = std::string(text::trim(u.substr(prefix.size())));
        if (!out_.money_unit) {
          out_.money_unit = u;
          out_.money_unit_at = where(header, c);
        }
      }
    }
  }

  bool starts_breakdown(int r) {
    for (int c : starts(r)) {
      std::string folded = value::fold(text_at(r, c));
      if (folded.starts_with("按收入性质分") || folded.starts_with("按支出性质分")) return true;
    }
    return false;
  }

  void report_row_not_held(int r) {
    std::string joined;
    for (int c : starts(r)) {
      if (from_above(r, c)) continue;
      std::string value(text::trim(text_at(r, c)));
      if (!value.empty()) joined += (joined.empty() ? "" : " | ") + value;
    }
    report_.add(DiagId::warn_sheet_row_not_held, where(r, starts(r).empty() ? 0 : starts(r)[0]),
                {joined});
  }

  struct RowLabel {
    std::string text;
    int column = -1;
    bool present = false;
  };

  // The row's label: its own rightmost text left of the amounts (an explicit empty text, ="",
  // names a row whose label is empty).
  RowLabel row_label(int r, int first_amount) {
    RowLabel label;
    for (int c : starts(r)) {
      if (c >= first_amount) break;
      if (from_above(r, c)) continue;
      const Cell* cell = sheet_.at({r, c});
      std::string value = text_at(r, c);
      if (!text::trim(value).empty())
        label = {value, c, true};
      else if (cell && cell->formula && label.text.empty())
        label.column = c, label.present = true;
    }
    return label;
  }

  bool any_amount(int r, const Columns& columns, int data_rows) {
    for (auto [field, c] : columns) {
      if ((field == Field::BudgetReason && data_rows > 0) || from_above(r, c)) continue;
      if (const Cell* cell = sheet_.at({r, c});
          cell &&
          (cell->type != Cell::Type::Text || cell->formula || !text::trim(cell->value).empty()))
        return true;
    }
    return false;
  }

  // The block's first row: the whole budget (年度资金总额).
  void budget_total_row(int r, const Columns& columns, const std::string& label, int first_amount) {
    if (label == "年度资金总额" || label.find("资金总额") != std::string::npos)
      out_.project_evidence += 2;
    Places& places = out_.budget_places;
    auto& b = out_.budget;
    b.initial =
        number(r, column(columns, Field::BudgetInitial), Field::BudgetInitial, places, "initial");
    b.annual =
        number(r, column(columns, Field::BudgetAnnual), Field::BudgetAnnual, places, "annual");
    b.executed = number(r, column(columns, Field::BudgetExecuted), Field::BudgetExecuted, places,
                        "executed");
    b.weight =
        number(r, column(columns, Field::BudgetWeight), Field::BudgetWeight, places, "weight");
    b.score = number(r, column(columns, Field::BudgetScore), Field::BudgetScore, places, "score");
    b.rate = text(r, column(columns, Field::BudgetRate), places, "rate");
    b.deviation_reason = text(r, column(columns, Field::BudgetReason), places, "deviation_reason");
    places[""] = where(r, first_amount == INT32_MAX ? 0 : first_amount);
  }

  // A row under the total: one source of funds (其中：财政拨款 …).
  void funding_row(int r, const Columns& columns, const RowLabel& label, int data_rows) {
    Places places;
    model::FundingRow source;
    source.label = label.text;
    if (data_rows == 1) {
      for (std::string_view prefix : {"其中：", "其中:"})
        if (source.label.rfind(prefix, 0) == 0) {
          source.label = source.label.substr(prefix.size());
          break;
        }
    }
    places["label"] = where(r, label.column < 0 ? 0 : label.column);
    places[""] = places["label"];
    source.initial =
        number(r, column(columns, Field::BudgetInitial), Field::BudgetInitial, places, "initial");
    source.annual =
        number(r, column(columns, Field::BudgetAnnual), Field::BudgetAnnual, places, "annual");
    source.executed = number(r, column(columns, Field::BudgetExecuted), Field::BudgetExecuted,
                             places, "executed");
    source.rate = text(r, column(columns, Field::BudgetRate), places, "rate");
    out_.budget.sources.push_back(std::move(source));
    out_.source_places.push_back(std::move(places));
  }

  // ---- goals block ------------------------------------------------------------------------
  int goals_block(int header, const Columns& columns) {
    seen_content_ = true;
    bool numbered = columns.count(Field::GoalNumber) || columns.count(Field::GoalLabel);
    // The label area: the columns before the goal texts (目标序号, or 年度总体目标 down column A).
    int label_limit = INT32_MAX;
    for (Field text_field : {Field::GoalTarget, Field::GoalActual, Field::GoalReason})
      if (auto found = columns.find(text_field); found != columns.end())
        label_limit = std::min(label_limit, found->second);
    if (numbered) ++out_.department_evidence;
    for (int c : starts(header)) {
      std::string folded = folded_at(header, c);
      if (folded == "预期目标" || folded == "年度总体目标") out_.project_evidence += 2;
    }
    auto row = rows_.lower_bound(header + 1);
    int r = header + 1;
    for (; row != rows_.end(); ++row) {
      r = row->first;
      if (row_empty(r) || is_header(r) || starts_with_label(r, label_limit)) break;
      GoalRow goal;
      int number_col = column(columns, Field::GoalNumber);
      if (number_col < 0) number_col = column(columns, Field::GoalLabel);
      if (number_col >= 0) {
        auto [cell, at] = shown(r, number_col);
        goal.places["number"] = where(at.row, at.column);
        std::optional<Decimal> value;
        if (cell) {
          auto kind = cell_number(cell, value);
          if (kind == sheet::NumberText::Number && value && value->normalized().scale() == 0 &&
              !value->is_negative() && *value < Decimal::from_int(1000000000))
            goal.number = int((long long)value->normalized().coefficient());
          else if (kind != sheet::NumberText::Blank)
            goal.number = sheet::number_in(shown_text(*cell));
        }
      }
      goal.target = text(r, column(columns, Field::GoalTarget), goal.places, "target");
      goal.actual = text(r, column(columns, Field::GoalActual), goal.places, "actual");
      // Without a number column the national template numbers its goals in the text:
      // "目标1：保障……" (the text is kept as written).
      if (!goal.number) goal.number = leading_goal_number(goal.target);
      goal.reason = text(r, column(columns, Field::GoalReason), goal.places, "deviation_reason");
      goal.places[""] = goal.places["target"];
      out_.goals.push_back(std::move(goal));
    }
    return row == rows_.end() ? sheet_.rows : r;
  }

  static std::optional<int> leading_goal_number(std::string_view target) {
    std::string folded = value::fold(text::trim(target));
    for (std::string_view prefix : {"绩效目标", "年度目标", "目标"}) {
      if (!folded.starts_with(prefix)) continue;
      std::string_view rest = std::string_view(folded).substr(prefix.size());
      std::size_t digits = 0;
      while (digits < rest.size() && digits < 3 && rest[digits] >= '0' && rest[digits] <= '9')
        ++digits;
      if (digits == 0 || digits == rest.size()) return std::nullopt;
      char after = rest[digits];
      if (after != ':' && after != '.' && after != ' ' && !rest.substr(digits).starts_with("、"))
        return std::nullopt;
      return std::stoi(std::string(rest.substr(0, digits)));
    }
    return std::nullopt;
  }

  // ---- indicator table --------------------------------------------------------------------

  // Which goal the table's rows belong to as it is walked: a goal column's merged cell, a
  // number column's value, or (neither) the sheet as one goal.
  struct GoalCursor {
    int goal_col = -1, number_col = -1;
    std::optional<std::size_t> current;
    std::optional<CellRef> key;
    std::optional<int> number;
  };

  int indicator_table(int header, const Columns& columns) {
    seen_content_ = true;
    out_.table_seen = true;
    report_missing_columns(header, columns);
    GoalCursor goals{column(columns, Field::GoalLabel), column(columns, Field::GoalNumber)};
    if (goals.goal_col >= 0 || goals.number_col >= 0) ++out_.department_evidence;
    int weight_col = column(columns, Field::Weight), score_col = column(columns, Field::Score);
    int name_col = column(columns, Field::Name);
    std::set<std::size_t> warned_merges;
    auto row = rows_.lower_bound(header + 1);
    int r = header + 1;
    for (; row != rows_.end(); ++row) {
      r = row->first;
      if (is_header(r)) break;
      if (row_empty(r)) continue; // spacer rows
      auto [first_folded, first_col] = first_text(r);
      std::optional<Field> label;
      if (label_row(r, name_col, first_col))
        label = sheet::match_header(first_folded, sheet::label_headers());
      follow_goals(r, goals, label);
      if (label && *label == Field::Total) {
        total_row(r, weight_col, score_col);
        ++row;
        r = row == rows_.end() ? sheet_.rows : row->first;
        break;
      }
      bool subtotal = false;
      for (int c : starts(r))
        if (folded_at(r, c) == "小计" && label_row(r, name_col, c)) subtotal = true;
      if (!subtotal && label && *label != Field::Subtotal) break; // the closing block
      if (!goals.current)
        new_group(goals,
                  goals.goal_col < 0 && goals.number_col < 0 ? sheet::number_in(sheet_.name)
                                                             : std::nullopt,
                  false);
      Group& group = out_.groups[*goals.current];
      if (!group.places.count("")) group.places[""] = where(r, std::max(0, name_col));
      if (subtotal)
        subtotal_row(r, group, weight_col, score_col);
      else
        leaf(r, columns, group, warned_merges);
    }
    return row == rows_.end() ? sheet_.rows : r;
  }

  void report_missing_columns(int header, const Columns& columns) {
    constexpr std::pair<Field, const char*> kNeeded[] = {{Field::Target, "年度指标值"},
                                                         {Field::Actual, "实际完成值"},
                                                         {Field::Weight, "分值"},
                                                         {Field::Score, "得分"}};
    for (auto [needed, name] : kNeeded)
      if (!columns.count(needed))
        report_.add(DiagId::err_sheet_missing_column, where(header, 0), {name});
  }

  // The row's first cell with text (folded) and its column.
  std::pair<std::string, int> first_text(int r) {
    std::string folded;
    int col = -1;
    for (int c : starts(r)) {
      folded = folded_at(r, c);
      col = c;
      if (!folded.empty() || !text::trim(text_at(r, c)).empty()) break;
    }
    return {folded, col};
  }

  // A label (总分, 小计, 自评结论 …) stands left of the 三级指标 column and leaves that cell
  // empty or spans it: an indicator whose 一级指标 happens to read 总分 still has its name.
  bool label_row(int r, int name_col, int label_col) const {
    if (name_col < 0 || label_col < 0 || label_col >= name_col) return false;
    const Range* merge = sheet_.merge_of({r, name_col});
    if (merge && merge->first.row == r && merge->first.column <= label_col) return true;
    const Cell* own = sheet_.at({r, name_col});
    if (merge && !own) own = sheet_.at(merge->first);
    return !own ||
           (own->type == Cell::Type::Text && text::trim(own->value).empty() && !own->formula);
  }

  // Without a goal column the sheet is one goal: its number from the sheet's name ("绩效目标3",
  // "目标3") when it has one.
  void new_group(GoalCursor& goals, std::optional<int> number, bool by_label) {
    Group group;
    group.number = number;
    group.numbered_by_label = by_label;
    if (goals.goal_col < 0 && goals.number_col < 0) {
      if (sheet_goal_.count(Field::GoalTarget)) group.target = sheet_goal_[Field::GoalTarget];
      if (sheet_goal_.count(Field::GoalActual)) group.actual = sheet_goal_[Field::GoalActual];
    }
    out_.groups.push_back(std::move(group));
    goals.current = out_.groups.size() - 1;
  }

  // Which goal the row belongs to: a new goal cell or number starts a new group.
  void follow_goals(int r, GoalCursor& goals, const std::optional<Field>& label) {
    if (goals.goal_col >= 0) {
      auto [cell, at] = shown(r, goals.goal_col);
      if (!cell || text::trim(shown_text(*cell)).empty() || (label && *label == Field::Total))
        return;
      if (goals.key && *goals.key == at) return;
      goals.key = at;
      std::string goal_text = shown_text(*cell);
      new_group(goals, sheet::number_in(goal_text), true);
      Group& group = out_.groups[*goals.current];
      group.places[""] = where(at.row, at.column);
      // "绩效目标1：推进党的政治建设…" carries the goal's text when no goals table does.
      for (std::string_view colon : {"：", ":"}) {
        if (auto cut = goal_text.find(colon); cut != std::string::npos) {
          group.target = std::string(text::trim(goal_text.substr(cut + colon.size())));
          break;
        }
      }
    } else if (goals.number_col >= 0) {
      std::optional<Decimal> value;
      if (cell_number(shown(r, goals.number_col).first, value) != sheet::NumberText::Number ||
          !value || value->normalized().scale() != 0 || value->is_negative() ||
          !(*value < Decimal::from_int(1000000000)))
        return;
      int number = int((long long)value->normalized().coefficient());
      if (!goals.current || goals.number != number) {
        goals.number = number;
        new_group(goals, number, false);
      }
    }
  }

  void total_row(int r, int weight_col, int score_col) {
    out_.total_weight = number(r, weight_col, Field::Total, out_.total_places, "weight");
    out_.total_score = number(r, score_col, Field::Total, out_.total_places, "score");
    out_.total_places[""] = out_.total_places["score"];
    // The national template prints the grade in the 总分 row's last cell (优/良/中/差).
    for (int c : starts(r)) {
      if (c <= std::max(weight_col, score_col)) continue;
      std::string word(text::trim(text_at(r, c)));
      if ((word == "优" || word == "良" || word == "中" || word == "差") &&
          !out_.labels.count(Field::Grade))
        out_.labels[Field::Grade] = {word, where(r, c)};
    }
  }

  // ziping writes a 小计 formula only where the form declares no subtotal.
  void subtotal_row(int r, Group& group, int weight_col, int score_col) {
    auto declared = [&](int c, const char* key) -> std::optional<Decimal> {
      if (c < 0) return std::nullopt;
      const Cell* cell = shown(r, c).first;
      group.places[key] = where(r, c);
      if (cell && cell->formula) return std::nullopt;
      return number(r, c, Field::Subtotal, group.places, key);
    };
    group.weight = declared(weight_col, "weight");
    group.score = declared(score_col, "score");
  }

  void leaf(int r, const Columns& columns, Group& group, std::set<std::size_t>& warned_merges) {
    Leaf leaf;
    auto& ind = leaf.indicator;
    const Leaf* previous = group.leaves.empty() ? nullptr : &group.leaves.back();
    carry_level(r, column(columns, Field::Level1), leaf, previous, "level1",
                &model::Indicator::level1);
    carry_level(r, column(columns, Field::Level2), leaf, previous, "level2",
                &model::Indicator::level2);
    // Every other indicator column of the catalogue, by the type of the member it fills; these
    // belong to one row: a merge reaching down from a row above is reported once.
    model::for_each_member<model::Indicator>(
        model::Owner::Indicator, [&](const model::FieldInfo& info, auto member) {
          using Member = std::remove_reference_t<decltype(ind.*member)>;
          if (info.id == Field::Level1 || info.id == Field::Level2) return;
          int c = column(columns, info.id);
          if (c < 0) return;
          std::string key(info.json_key);
          constexpr bool is_text = std::is_same_v<Member, std::string>;
          if constexpr (std::is_same_v<Member, std::optional<bool>>) {
            if (!from_above(r, c)) ind.*member = flag(r, c, info.id, leaf.places, key);
          } else if constexpr (is_text || std::is_same_v<Member, std::optional<Decimal>>) {
            std::string what =
                is_text ? diag::bilingual("「" + key + "」", key) : field_name(info.id);
            if (merged_from_above(r, c, what, warned_merges)) {
              leaf.places[key] = where(r, c);
            } else if constexpr (is_text) {
              ind.*member = text(r, c, leaf.places, key);
            } else {
              ind.*member = number(r, c, info.id, leaf.places, key);
            }
          }
        });
    int name_col = column(columns, Field::Name);
    leaf.places[""] = where(r, name_col < 0 ? 0 : name_col);
    group.leaves.push_back(std::move(leaf));
  }

  // 一级/二级 carry down: merged cells show their top-left value, blank unmerged cells the
  // value above (hand-made sheets often leave them blank instead of merging).
  void carry_level(int r, int c, Leaf& leaf, const Leaf* previous, const std::string& key,
                   std::string model::Indicator::*member) {
    if (c < 0) return;
    if (sheet_.at({r, c}) || sheet_.merge_of({r, c})) {
      leaf.indicator.*member = text(r, c, leaf.places, key);
    } else if (previous) {
      leaf.indicator.*member = previous->indicator.*member;
      leaf.places[key] = previous->places.count(key) ? previous->places.at(key) : where(r, c);
    }
  }

  // A cell covered by a merge from a row above; the merge is reported once, naming `what`.
  bool merged_from_above(int r, int c, const std::string& what,
                         std::set<std::size_t>& warned_merges) {
    if (!from_above(r, c)) return false;
    const Range* merge = sheet_.merge_of({r, c});
    std::size_t index = std::size_t(merge - sheet_.merges.data());
    if (warned_merges.insert(index).second)
      report_.add(DiagId::warn_sheet_merge_across_rows,
                  where(merge->first.row, merge->first.column), {range_name(*merge), what});
    return true;
  }

  std::optional<bool> flag(int r, int c, Field field, Places& places, const std::string& key) {
    std::string flag = std::string(text::trim(value::fold(text(r, c, places, key))));
    if (flag == "是" || flag == "√" || flag == "Y" || flag == "y" || flag == "TRUE" ||
        flag == "true" || flag == "核心")
      return true;
    if (flag == "否" || flag == "×" || flag == "N" || flag == "n" || flag == "FALSE" ||
        flag == "false")
      return false;
    if (!flag.empty())
      report_.add(DiagId::warn_sheet_not_a_flag, places[key], {field_name(field), flag});
    return std::nullopt;
  }

  const Sheet& sheet_;
  const std::string& file_;
  Collected& out_;
  Reporter& report_;
  std::optional<std::string> title_;
  bool blocks_seen_ = false;
  bool seen_content_ = false;
  int title_row_ = -1;
  std::map<int, std::vector<int>> rows_;
  std::map<Field, std::string> sheet_goal_;
  mutable std::map<CellRef, std::string> folded_;
  mutable std::map<int, std::vector<int>> starts_; // starts(r), once per row
  std::map<int, std::vector<int>> merged_down_; // row → columns of merges reaching it from above
};

void locate(model::SourceMap& map, const std::string& path, const Places& places) {
  for (const auto& [key, location] : places)
    map.set(key.empty() ? path : path + "." + key, location);
}

// The kind: what the layout says (主管部门 / 部门名称, 年度总体目标 / 目标序号, 年度资金总额),
// then the title, then the user's --kind.
// A title that names its kind outranks the layout: the national 部门整体 template has a
// 年度资金总额 row and funding breakdown much like a project's.
void decide_kind(model::Form& form, const Collected& in, Reporter& report,
                 std::optional<model::FormKind> kind, const std::string& file) {
  const std::string& title = form.title;
  if (title.find("项目支出") != std::string::npos)
    form.kind = model::FormKind::Project;
  else if (title.find("整体支出") != std::string::npos ||
           title.find("部门整体") != std::string::npos)
    form.kind = model::FormKind::Department;
  else if (in.project_evidence > in.department_evidence)
    form.kind = model::FormKind::Project;
  else if (in.department_evidence > in.project_evidence)
    form.kind = model::FormKind::Department;
  else if (kind)
    form.kind = *kind;
  else
    report.add(DiagId::warn_sheet_kind_unknown,
               diag::SourceLocation{diag::SourceLocation::Kind::None, file},
               {diag::bilingual("部门整体支出绩效自评表", "a department form")});
}

// The labelled fields, the year and money unit, the budget and the totals, with their places.
void form_fields(model::Form& form, const Collected& in, model::SourceMap& map) {
  auto label = [&](Field field, std::string& out, const char* path) {
    auto found = in.labels.find(field);
    if (found == in.labels.end()) return;
    out = found->second.first;
    map.set(path, found->second.second);
  };
  label(Field::Department, form.department, "department");
  label(Field::Project, form.project, "project");
  label(Field::ImplementingUnit, form.implementing_unit, "implementing_unit");
  label(Field::Grade, form.grade, "grade");
  label(Field::Conclusion, form.conclusion, "conclusion");
  label(Field::Problems, form.problems, "problems");
  label(Field::Improvements, form.improvements, "improvements");
  label(Field::ProjectLeader, form.project_leader, "project_leader");
  label(Field::FinanceLeader, form.finance_leader, "finance_leader");
  form.year = in.year;
  if (!in.year_at.empty()) map.set("year", in.year_at);
  if (in.money_unit) {
    form.money_unit = *in.money_unit;
    map.set("money_unit", in.money_unit_at);
  }
  form.budget = in.budget;
  locate(map, "budget", in.budget_places);
  for (std::size_t i = 0; i < in.source_places.size(); ++i)
    locate(map, "budget.sources[" + std::to_string(i) + "]", in.source_places[i]);
  form.total_weight = in.total_weight;
  form.total_score = in.total_score;
  locate(map, "total", in.total_places);
}

// The goal table's rows, one goal each.
void listed_goals(model::Form& form, const Collected& in, model::SourceMap& map) {
  for (std::size_t g = 0; g < in.goals.size(); ++g) {
    auto& row = in.goals[g];
    model::Goal goal;
    goal.number = row.number;
    goal.target = row.target;
    goal.actual = row.actual;
    goal.deviation_reason = row.reason;
    form.goals.push_back(std::move(goal));
    locate(map, model::goal_path(g), row.places);
  }
}

diag::SourceLocation group_place(const Group& group) {
  return group.places.count("") ? group.places.at("") : diag::SourceLocation{};
}

// The goal an indicator group belongs to: the unmatched goal of its number, the one overall
// goal of a project, the first goal for the department's one unnumbered table, else a new goal
// (reported when the goal table does not list it).
std::size_t goal_of_group(model::Form& form, const Collected& in, std::vector<bool>& matched,
                          const Group& group, Reporter& report) {
  for (std::size_t g = 0; g < matched.size(); ++g) {
    if (!matched[g] && form.goals[g].number == group.number) return g;
  }
  // A project's one table belongs to its one overall goal, numbered or not.
  if (form.goals.size() == 1 && !matched[0] && in.groups.size() == 1) return 0;
  // One indicator table with no goal column under a list of goals (the national 部门整体
  // template): the table is the department's; it is filed under the first goal rather
  // than invented as a goal of its own.
  if (!form.goals.empty() && !matched[0] && in.groups.size() == 1 && !group.numbered_by_label &&
      form.kind == model::FormKind::Department) {
    report.add(DiagId::note_import_table_under_first_goal, group_place(group),
               {form.goals[0].number ? std::to_string(*form.goals[0].number) : "1"});
    return 0;
  }
  if (!in.goals.empty()) {
    report.add(
        DiagId::warn_sheet_goal_unmatched, group_place(group),
        {group.number ? "绩效目标" + std::to_string(*group.number) : std::string("绩效目标")});
  }
  model::Goal goal;
  goal.number = group.number;
  if (form.kind == model::FormKind::Project && !group.numbered_by_label) goal.number = std::nullopt;
  goal.target = group.target;
  goal.actual = group.actual;
  form.goals.push_back(std::move(goal));
  matched.push_back(false);
  return form.goals.size() - 1;
}

// The group's weight, score and leaves under goal `target`, with their places.
void file_group(model::Form& form, model::SourceMap& map, std::size_t target, Group& group) {
  auto& goal = form.goals[target];
  std::string path = model::goal_path(target);
  goal.weight = group.weight;
  goal.score = group.score;
  for (const auto& [key, location] : group.places)
    if (key == "weight" || key == "score") map.set(path + "." + key, location);
  if (group.places.count("") && !map.find(path)) map.set(path, group.places.at(""));
  for (auto& leaf : group.leaves) {
    std::size_t index = goal.indicators.size();
    goal.indicators.push_back(std::move(leaf.indicator));
    locate(map, model::indicator_path(target, index), leaf.places);
  }
}

model::Form assemble(Collected& in, model::SourceMap& map, Reporter& report,
                     std::optional<model::FormKind> kind, const std::string& file) {
  model::Form form;
  form.title = in.title.value_or("");
  decide_kind(form, in, report, kind, file);
  form_fields(form, in, map);
  listed_goals(form, in, map);
  std::vector<bool> matched(form.goals.size(), false);
  for (auto& group : in.groups) {
    std::size_t target = goal_of_group(form, in, matched, group, report);
    matched[target] = true;
    file_group(form, map, target, group);
  }
  return form;
}

} // namespace

namespace {

model::ReadResult from_workbook(WorkbookRead workbook, const std::string& file_name,
                                std::optional<model::FormKind> kind) {
  model::ReadResult result;
  result.map.set_file(file_name);
  result.diagnostics = std::move(workbook.diagnostics);
  if (!workbook.workbook) return result;
  Reporter report(result.diagnostics);
  Collected collected;
  for (const auto& sheet : workbook.workbook->sheets) {
    if (sheet.name == kDiagnosticsSheetName) continue;
    if (sheet.cells.empty()) continue;
    SheetReader reader(sheet, file_name, collected, report);
    reader.read();
  }
  if (!collected.table_seen) {
    for (const auto& d : result.diagnostics)
      if (d.severity == diag::Severity::Error) return result; // the broken part said why
    auto d = diag::make(DiagId::err_sheet_no_form, "");
    d.where.file = file_name;
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  result.form = assemble(collected, result.map, report, kind, file_name);
  if (!workbook.workbook->sheets.empty())
    result.map.set(
        "", diag::SourceLocation::at_cell(file_name, workbook.workbook->sheets[0].name, "A1"));
  return result;
}

} // namespace

model::ReadResult read_xlsx(std::string_view bytes, const std::string& file_name,
                            std::optional<model::FormKind> kind) {
  return from_workbook(read_workbook(bytes, file_name), file_name, kind);
}

model::ReadResult read_xlsx_parts(const std::map<std::string, std::string>& parts,
                                  const std::string& file_name,
                                  std::optional<model::FormKind> kind) {
  return from_workbook(read_workbook_parts(parts, file_name), file_name, kind);
}

} // namespace ziping::io::xlsx
