// Writes the official layout with libxlsxwriter. The one place in ziping where a Decimal
// becomes a double: XLSX stores numbers as binary floating point, so each number cell gets a
// number format with exactly the Decimal's decimals, and the reader rounds back to them
// (cell_value.h); a number with more than 15 significant digits is written as text instead.
//
// libxlsxwriter 1.1.4 can only write to a file: the workbook goes to a private temporary
// file that is read back and removed at once (the only file I/O under io/).
#include "ziping/io/xlsx/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <unistd.h>

#include "ziping/io/xlsx/cell_value.h"
#include "ziping/io/xlsx/scratch_file.h"
#include "ziping/io/xlsx/workbook.h"
#include "ziping/model/fields.h"
#include "ziping/text/utf8.h"

namespace ziping::io::xlsx {
namespace {

using model::Form;
using model::FormKind;
using num::Decimal;

using Col = model::FieldId;

// One column of the indicator table: a catalogue field (model/fields.def) with its printed
// header and XLSX width.
struct ColumnInfo {
  Col col;
  std::string header;
  double width;
  const model::FieldInfo* info;
};

constexpr int kMinimumWidth = 8; // the budget block: label, six amounts, reason

struct Plan {
  std::vector<ColumnInfo> columns;
  int width = 0; // columns of the sheet (≥ the table's)
  // 复核得分 and 复核意见 at width and width + 1 when the review has scores; -1: none. They
  // stand outside the form's width: the form's blocks keep their official span.
  int review = -1;
  int at(Col col) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].col == col) return int(i);
    return -1;
  }
  bool has(Col col) const { return at(col) >= 0; }
};

bool goal_column(const Form& form) {
  return form.kind == FormKind::Department || form.goals.size() != 1;
}

// The 绩效目标 label column (department forms), then the indicator fields in the official
// order; a local template's column only when some leaf fills it.
Plan plan_for(const Form& form, const model::Review* review) {
  Plan plan;
  auto add = [&](const model::FieldInfo& info) {
    plan.columns.push_back({info.id, std::string(info.header), double(info.width), &info});
  };
  if (goal_column(form)) add(model::field(Col::GoalLabel));
  for (const auto* info : model::fields_of(model::Owner::Indicator))
    if (info->presence != model::Presence::Variant || model::field_used(form, *info)) add(*info);
  plan.width = std::max<int>(int(plan.columns.size()), kMinimumWidth);
  if (review && !review->scores.empty()) plan.review = plan.width;
  return plan;
}

int significant_digits(const Decimal& value) {
  auto normal = value.normalized();
  auto coefficient = normal.coefficient();
  if (coefficient < 0) coefficient = -coefficient;
  int digits = 0;
  while (coefficient > 0) {
    coefficient /= 10;
    ++digits;
  }
  return std::max(digits, 1);
}

double as_double(const Decimal& value) {
  std::string text = value.to_string();
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

// What the reader will make of a number cell holding `value` under a format with `decimals`.
std::string read_back(const Decimal& value, int decimals, bool percent) {
  Cell cell;
  cell.type = Cell::Type::Number;
  cell.value = value.to_string();
  cell.style.decimals = decimals;
  cell.style.percent = percent;
  return shown_text(cell);
}

std::string decimals_format(int decimals, bool grouped) {
  std::string out = grouped ? "#,##0" : "0";
  if (decimals > 0) out += "." + std::string(std::size_t(decimals), '0');
  return out;
}

// The decimals of a printed rate ("87.3%" → 1), or -1 when it is not a plain percentage.
int rate_decimals(const std::string& rate) {
  if (rate.size() < 2 || rate.back() != '%') return -1;
  std::string number = rate.substr(0, rate.size() - 1);
  if (!Decimal::parse(number) || number.find('+') != std::string::npos) return -1;
  auto point = number.find('.');
  return point == std::string::npos ? 0 : int(number.size() - point - 1);
}

enum class Look { Title, Header, Label, Text, Centered, Number, Money, Rate, Plain, Link };

class Book {
public:
  explicit Book(const std::string& path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    workbook_ = workbook_new_opt(path.c_str(), &options);
  }
  ~Book() {
    if (workbook_ != nullptr && !closed_) workbook_close(workbook_);
  }
  bool ok() const { return workbook_ != nullptr; }
  lxw_workbook* workbook() { return workbook_; }
  bool close() {
    closed_ = true;
    return workbook_close(workbook_) == LXW_NO_ERROR;
  }

  lxw_format* format(Look look, const std::string& number_format = "") {
    std::string key = std::to_string(int(look)) + "|" + number_format;
    auto found = formats_.find(key);
    if (found != formats_.end()) return found->second;
    lxw_format* f = workbook_add_format(workbook_);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (look != Look::Title && look != Look::Plain && look != Look::Link)
      format_set_border(f, LXW_BORDER_THIN);
    switch (look) {
    case Look::Title:
      format_set_bold(f);
      format_set_font_size(f, 16);
      format_set_align(f, LXW_ALIGN_CENTER);
      break;
    case Look::Header:
    case Look::Label:
      format_set_bold(f);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_text_wrap(f);
      format_set_bg_color(f, 0xF2F2F2);
      break;
    case Look::Text:
      format_set_text_wrap(f);
      break;
    case Look::Centered:
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_text_wrap(f);
      break;
    case Look::Number:
    case Look::Money:
    case Look::Rate:
      format_set_align(f, LXW_ALIGN_CENTER);
      if (!number_format.empty()) format_set_num_format(f, number_format.c_str());
      break;
    case Look::Plain:
      format_set_text_wrap(f);
      break;
    case Look::Link:
      format_set_font_color(f, LXW_COLOR_BLUE);
      format_set_underline(f, LXW_UNDERLINE_SINGLE);
      break;
    }
    formats_[key] = f;
    return f;
  }

private:
  lxw_workbook* workbook_ = nullptr;
  bool closed_ = false;
  std::map<std::string, lxw_format*> formats_;
};

// Excel's limit on the characters of one cell.
constexpr std::size_t kMaxCellCharacters = 32767;

std::string cell_safe(const std::string& text) {
  auto points = text::code_points(text);
  if (points.size() <= kMaxCellCharacters) return text;
  std::string out;
  for (std::size_t i = 0; i < kMaxCellCharacters; ++i) text::append_utf8(out, points[i]);
  return out;
}

// Lines a text takes in a column `width` characters wide (a CJK character is about 1.7 of
// Excel's width units in a 10 pt CJK font; a line break starts a line).
int wrapped_lines(const std::string& value, double width) {
  width = std::max(2.0, width - 1.5);
  int lines = 0;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find('\n', start);
    std::string_view line(value.data() + start,
                          (end == std::string::npos ? value.size() : end) - start);
    lines += std::max(1, int((0.85 * double(text::display_width(line)) + width - 1) / width));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

double row_height(int lines) {
  return std::min(409.0, std::max(20.0, 13.5 * lines + 6));
}

class FormSheet {
public:
  FormSheet(Book& book, lxw_worksheet* sheet, const Plan& plan)
      : book_(book), sheet_(sheet), plan_(plan) {}

  std::map<std::string, CellRef> paths; // model path → cell, for the diagnostics sheet

  void locate(const std::string& path, int row, int col) { paths[path] = {row, col}; }

  void text(int row, int col, const std::string& value, Look look = Look::Text) {
    lxw_format* f = book_.format(look);
    if (value.empty()) {
      worksheet_write_blank(sheet_, lxw_row_t(row), lxw_col_t(col), f);
      return;
    }
    worksheet_write_string(sheet_, lxw_row_t(row), lxw_col_t(col), cell_safe(value).c_str(), f);
    need(row, col, col, value);
  }

  // A text that must read back as "" even where a blank would take the value above.
  void explicit_empty(int row, int col, Look look = Look::Text) {
    worksheet_write_formula_str(sheet_, lxw_row_t(row), lxw_col_t(col), "=\"\"", book_.format(look),
                                "");
  }

  void merged_text(int row, int col, int last_row, int last_col, const std::string& value,
                   Look look = Look::Text) {
    if (row == last_row && col == last_col) return text(row, col, value, look);
    worksheet_merge_range(sheet_, lxw_row_t(row), lxw_col_t(col), lxw_row_t(last_row),
                          lxw_col_t(last_col), cell_safe(value).c_str(), book_.format(look));
    if (row == last_row) need(row, col, last_col, value);
  }

  // A declared number: a number cell with the Decimal's own decimals, or text beyond 15
  // significant digits. Returns false when it had to be text.
  bool number(int row, int col, const std::optional<Decimal>& value, bool money = false) {
    Look look = money ? Look::Money : Look::Number;
    if (!value) {
      worksheet_write_blank(sheet_, lxw_row_t(row), lxw_col_t(col), book_.format(look, "General"));
      return true;
    }
    if (significant_digits(*value) > 15) {
      worksheet_write_string(sheet_, lxw_row_t(row), lxw_col_t(col), value->to_string().c_str(),
                             book_.format(Look::Centered));
      return false;
    }
    worksheet_write_number(sheet_, lxw_row_t(row), lxw_col_t(col), as_double(*value),
                           book_.format(look, decimals_format(value->scale(), money)));
    return true;
  }

  void integer(int row, int col, std::optional<int> value) {
    if (!value) {
      worksheet_write_blank(sheet_, lxw_row_t(row), lxw_col_t(col),
                            book_.format(Look::Number, "General"));
      return;
    }
    worksheet_write_number(sheet_, lxw_row_t(row), lxw_col_t(col), double(*value),
                           book_.format(Look::Number, "0"));
  }

  void formula(int row, int col, const std::string& text, const Decimal& cached,
               const std::string& format, Look look = Look::Number) {
    worksheet_write_formula_num(sheet_, lxw_row_t(row), lxw_col_t(col), text.c_str(),
                                book_.format(look, format), as_double(cached));
  }

  // Rows grow to show wrapped text (neither Excel nor LibreOffice sizes rows of merged cells).
  void need(int row, int first_col, int last_col, const std::string& value) {
    double width = 0;
    for (int c = first_col; c <= last_col; ++c) width += column_width(c);
    heights_[row] = std::max(heights_[row], wrapped_lines(value, width));
  }

  // A text in a range several rows high: its lines are shared among the rows.
  void need_block(int first_row, int last_row, int first_col, int last_col,
                  const std::string& value) {
    if (first_row == last_row) return need(first_row, first_col, last_col, value);
    std::map<int, int> saved;
    saved.swap(heights_);
    need(first_row, first_col, last_col, value);
    int lines = heights_[first_row];
    heights_.swap(saved);
    int rows = last_row - first_row + 1;
    for (int r = first_row; r <= last_row; ++r)
      heights_[r] = std::max(heights_[r], (lines + rows - 1) / rows);
  }

  double column_width(int col) const {
    if (col < int(plan_.columns.size())) return plan_.columns[std::size_t(col)].width;
    if (plan_.review >= 0 && col == plan_.review + 1) return 30; // 复核意见: prose
    return 12;
  }

  void finish_rows() {
    for (auto [row, lines] : heights_)
      worksheet_set_row(sheet_, lxw_row_t(row), row_height(lines), nullptr);
  }

  void set_height(int row, int lines) { heights_[row] = std::max(heights_[row], lines); }

private:
  Book& book_;
  lxw_worksheet* sheet_;
  const Plan& plan_;
  std::map<int, int> heights_;
};

struct Spans {
  int target_first, target_last, actual_first, actual_last, reason_first, reason_last;
};

Spans goal_spans(int width) {
  int available = width - 1;
  int third = (available + 2) / 3;
  return {1, third, third + 1, 2 * third, 2 * third + 1, width - 1};
}

class LayoutWriter {
public:
  LayoutWriter(Book& book, lxw_worksheet* sheet, const Form& form, const SheetExtras& extras)
      : form_(form), extras_(extras), plan_(plan_for(form, extras.review)),
        out_(book, sheet, plan_), sheet_(sheet) {}

  std::map<std::string, CellRef> write() {
    int w = plan_.width;
    int set = plan_.review >= 0 ? w + 2 : w;
    for (int c = 0; c < set; ++c)
      worksheet_set_column(sheet_, lxw_col_t(c), lxw_col_t(c), out_.column_width(c), nullptr);
    // Title.
    out_.merged_text(row_, 0, row_, w - 1, form_.title, Look::Title);
    worksheet_set_row(sheet_, 0, 30, nullptr);
    row_ += 1;
    header_block();
    budget_block();
    goals_block();
    indicator_table();
    closing_block();
    out_.finish_rows();
    page_setup();
    return out_.paths;
  }

private:
  void label_value(int row, int label_col, int first, int last, const char* label,
                   const std::string& value, const std::string& path) {
    out_.text(row, label_col, label, Look::Label);
    out_.merged_text(row, first, row, last, value, Look::Text);
    out_.locate(path, row, first);
  }

  void year_cells(int row) {
    int w = plan_.width;
    out_.text(row, w - 2, "年度", Look::Label);
    out_.integer(row, w - 1, form_.year);
    out_.locate("year", row, w - 1);
  }

  void header_block() {
    int w = plan_.width;
    if (form_.kind == FormKind::Department) {
      label_value(row_, 0, 1, w - 3, "部门名称", form_.department, "department");
      year_cells(row_++);
      if (!form_.project.empty())
        label_value(row_++, 0, 1, w - 1, "项目名称", form_.project, "project");
      if (!form_.implementing_unit.empty())
        label_value(row_++, 0, 1, w - 1, "实施单位", form_.implementing_unit, "implementing_unit");
    } else {
      label_value(row_, 0, 1, w - 3, "项目名称", form_.project, "project");
      year_cells(row_++);
      int middle = w / 2;
      label_value(row_, 0, 1, middle - 1, "主管部门", form_.department, "department");
      label_value(row_, middle, middle + 1, w - 1, "实施单位", form_.implementing_unit,
                  "implementing_unit");
      row_++;
    }
  }

  // B/A as a live formula where it shows exactly the declared rate; the declared text otherwise.
  void rate_cell(int row, int col, const std::string& declared,
                 const std::optional<Decimal>& annual, const std::optional<Decimal>& executed,
                 CellRef annual_at, CellRef executed_at, const std::optional<Decimal>& computed) {
    int decimals = rate_decimals(declared);
    std::optional<Decimal> ratio = computed;
    if (!ratio && annual && executed && !annual->is_zero()) {
      try {
        ratio = executed->divide(*annual, 10, num::RoundingMode::HalfUp);
      } catch (const std::exception&) {
      }
    }
    if (decimals >= 0 && decimals <= 10 && ratio && significant_digits(*ratio) <= 15 &&
        read_back(*ratio, decimals, true) == declared) {
      std::string format = decimals_format(decimals, false) + "%";
      out_.formula(row, col, "=" + cell_name(executed_at) + "/" + cell_name(annual_at), *ratio,
                   format, Look::Rate);
      return;
    }
    out_.text(row, col, declared, Look::Centered);
  }

  // Column A labels the block (and, in the project layout, each funding row); B–G hold the
  // six amounts; the reason spans the rest, as wide as the indicator table's reason column.
  void budget_block() {
    const auto& budget = form_.budget;
    int w = plan_.width;
    bool rows_style = form_.kind == FormKind::Project || !budget.sources.empty();
    const int base = 1; // first amount column
    int header = row_;
    int first_data = header + 1;
    int last_data = first_data + (rows_style ? int(budget.sources.size()) : 0);
    std::string unit_label =
        std::string(rows_style ? "项目资金" : "预算执行情况") + "（" + form_.money_unit + "）";
    if (rows_style)
      out_.text(header, 0, unit_label, Look::Label);
    else
      out_.merged_text(header, 0, last_data, 0, unit_label, Look::Label);
    out_.locate("money_unit", header, 0);
    const char* headers[] = {"年初预算数", "全年预算数（A）", "全年执行数（B）",
                             "分值",       "执行率（B/A）",   "得分"};
    for (int i = 0; i < 6; ++i) out_.text(header, base + i, headers[i], Look::Header);
    int reason = base + 6;
    out_.merged_text(header, reason, header, w - 1, "偏差原因分析及改进措施", Look::Header);
    out_.set_height(header, 2);

    int r = first_data;
    if (rows_style) out_.text(r, 0, "年度资金总额", Look::Label);
    out_.number(r, base, budget.initial, true);
    bool annual_ok = out_.number(r, base + 1, budget.annual, true);
    bool executed_ok = out_.number(r, base + 2, budget.executed, true);
    out_.number(r, base + 3, budget.weight);
    out_.locate("budget.initial", r, base);
    out_.locate("budget.annual", r, base + 1);
    out_.locate("budget.executed", r, base + 2);
    out_.locate("budget.weight", r, base + 3);
    out_.locate("budget.rate", r, base + 4);
    out_.locate("budget.score", r, base + 5);
    out_.locate("budget", r, base);
    std::optional<Decimal> computed;
    if (extras_.evaluation && extras_.evaluation->budget.rate)
      computed = extras_.evaluation->budget.rate;
    if (annual_ok && executed_ok)
      rate_cell(r, base + 4, budget.rate, budget.annual, budget.executed, {r, base + 1},
                {r, base + 2}, computed);
    else
      out_.text(r, base + 4, budget.rate, Look::Centered);
    execution_score(r, base);
    out_.merged_text(first_data, reason, last_data, w - 1, budget.deviation_reason, Look::Text);
    out_.need_block(first_data, last_data, reason, w - 1, budget.deviation_reason);
    out_.locate("budget.deviation_reason", first_data, reason);
    for (std::size_t i = 0; i < budget.sources.size(); ++i) {
      const auto& source = budget.sources[i];
      int sr = first_data + 1 + int(i);
      std::string path = "budget.sources[" + std::to_string(i) + "]";
      out_.text(sr, 0, (i == 0 ? "其中：" : "") + source.label, Look::Label);
      if (i > 0 && source.label.empty()) out_.explicit_empty(sr, 0, Look::Label);
      out_.number(sr, base, source.initial, true);
      bool a = out_.number(sr, base + 1, source.annual, true);
      bool b = out_.number(sr, base + 2, source.executed, true);
      out_.text(sr, base + 3, "", Look::Centered);
      if (a && b)
        rate_cell(sr, base + 4, source.rate, source.annual, source.executed, {sr, base + 1},
                  {sr, base + 2}, std::nullopt);
      else
        out_.text(sr, base + 4, source.rate, Look::Centered);
      out_.text(sr, base + 5, "", Look::Centered);
      out_.locate(path, sr, 0);
      out_.locate(path + ".label", sr, 0);
      out_.locate(path + ".initial", sr, base);
      out_.locate(path + ".annual", sr, base + 1);
      out_.locate(path + ".executed", sr, base + 2);
      out_.locate(path + ".rate", sr, base + 4);
    }
    budget_weight_at_ = {r, base + 3};
    budget_score_at_ = {r, base + 5};
    row_ = last_data + 1;
  }

  // round(min(B/A, 1) × 分值) as a formula where the rule set's execution score, printed with
  // the declared decimals, is the declared score (8.73 shown as "8.7"): the total then adds up.
  void execution_score(int r, int base) {
    const auto& budget = form_.budget;
    execution_value_ = budget.score.value_or(Decimal::from_int(0));
    const rules::RuleSet* rules = extras_.rules;
    const rules::Evaluation* evaluation = extras_.evaluation;
    bool formula = rules && evaluation && evaluation->budget.score && budget.score &&
                   budget.weight && budget.annual && budget.executed &&
                   *budget.weight == rules->budget_weight &&
                   rules->rounding != num::RoundingMode::Never &&
                   significant_digits(*evaluation->budget.score) <= 15 &&
                   significant_digits(*budget.score) <= 15 &&
                   read_back(*evaluation->budget.score, budget.score->scale(), false) ==
                       budget.score->to_string();
    if (!formula) {
      if (!out_.number(r, base + 5, budget.score)) sums_exact_ = false;
      return;
    }
    std::string a = cell_name({r, base + 1}), b = cell_name({r, base + 2}),
                w = cell_name({r, base + 3});
    std::string ratio = rules->budget_cap ? "MIN(" + b + "/" + a + ",1)" : b + "/" + a;
    std::string round = rules->rounding == num::RoundingMode::HalfUp ? "ROUND" : "ROUNDDOWN";
    out_.formula(r, base + 5,
                 "=" + round + "(" + ratio + "*" + w + "," + std::to_string(rules->places) + ")",
                 *evaluation->budget.score, decimals_format(budget.score->scale(), false));
    execution_value_ = *evaluation->budget.score;
  }

  void goals_block() {
    int w = plan_.width;
    Spans s = goal_spans(w);
    bool numbered = form_.kind == FormKind::Department || form_.goals.size() != 1 ||
                    (form_.goals.size() == 1 && form_.goals[0].number);
    int header = row_;
    if (numbered) {
      out_.text(header, 0, "目标序号", Look::Header);
      out_.merged_text(header, s.target_first, header, s.target_last, "年度绩效目标", Look::Header);
    } else {
      out_.merged_text(header, 0, header + int(form_.goals.size()), 0, "年度总体目标", Look::Label);
      out_.merged_text(header, s.target_first, header, s.target_last, "预期目标", Look::Header);
    }
    out_.merged_text(header, s.actual_first, header, s.actual_last, "实际完成情况", Look::Header);
    out_.merged_text(header, s.reason_first, header, s.reason_last, "偏差原因分析及改进措施",
                     Look::Header);
    int r = header + 1;
    for (std::size_t g = 0; g < form_.goals.size(); ++g, ++r) {
      const auto& goal = form_.goals[g];
      std::string path = model::goal_path(g);
      if (numbered) {
        out_.integer(r, 0, goal.number);
        out_.locate(path + ".number", r, 0);
      }
      bool empty_row = !goal.number && goal.target.empty() && goal.actual.empty() &&
                       goal.deviation_reason.empty();
      out_.merged_text(r, s.target_first, r, s.target_last, goal.target);
      if (empty_row || (!numbered && goal.target.empty() && goal.actual.empty() &&
                        goal.deviation_reason.empty()))
        out_.explicit_empty(r, s.target_first);
      out_.merged_text(r, s.actual_first, r, s.actual_last, goal.actual);
      out_.merged_text(r, s.reason_first, r, s.reason_last, goal.deviation_reason);
      out_.locate(path, r, s.target_first);
      out_.locate(path + ".target", r, s.target_first);
      out_.locate(path + ".actual", r, s.actual_first);
      out_.locate(path + ".deviation_reason", r, s.reason_first);
    }
    if (form_.goals.empty()) r = header + 1;
    row_ = r;
  }

  void leaf_row(int r, std::size_t g, std::size_t i) {
    const auto& leaf = form_.goals[g].indicators[i];
    std::string path = model::indicator_path(g, i);
    out_.locate(path, r, plan_.at(Col::Name));
    for (std::size_t c = 0; c < plan_.columns.size(); ++c) {
      const auto& info = *plan_.columns[c].info;
      // 一级/二级 are merged over runs of leaves by level_cells; 绩效目标 by the table.
      if (info.owner != model::Owner::Indicator || info.id == Col::Level1 || info.id == Col::Level2)
        continue;
      model::visit_member(leaf, info.id, [&](const auto& value) { put(r, int(c), info, value); });
      out_.locate(path + "." + std::string(info.json_key), r, int(c));
    }
    // An empty name is written as an explicit empty text: a row with an empty 三级指标 cell
    // could otherwise pass for a 小计/总分 label row.
    if (leaf.name.empty()) out_.explicit_empty(r, plan_.at(Col::Name));
    if (plan_.review >= 0) review_cells(r, path);
  }

  // The reviewer's score as typed (a text, so its digits stay exact) and the reason; empty
  // cells for a leaf the reviewer did not score.
  void review_cells(int r, const std::string& path) {
    const model::ReviewedLeaf* given = extras_.review->score_for(path);
    out_.text(r, plan_.review, given ? given->reviewer_score.to_string() : "", Look::Centered);
    out_.text(r, plan_.review + 1, given ? given->reason : "", Look::Text);
  }

  // One leaf cell by the value's type: wide text columns wrap left-aligned, short ones centre.
  void put(int r, int c, const model::FieldInfo& info, const std::string& value) {
    out_.text(r, c, value, info.width >= 20 ? Look::Text : Look::Centered);
  }
  void put(int r, int c, const model::FieldInfo& info, const std::optional<Decimal>& value) {
    bool exact = out_.number(r, c, value);
    // The 小计 and 总分 formulas sum these two columns: only exact cells may be summed.
    if (!exact && (info.id == Col::Weight || info.id == Col::Score)) sums_exact_ = false;
  }
  void put(int r, int c, const model::FieldInfo&, const std::optional<bool>& value) {
    out_.text(r, c, value ? (*value ? "是" : "否") : "", Look::Centered);
  }

  // Runs of equal 一级 (then 二级 inside them) are merged as in the published forms; an empty
  // level is written as an explicit empty text so that it does not take the value above.
  void level_cells(int first_row, std::size_t g, Col col, bool level1) {
    const auto& leaves = form_.goals[g].indicators;
    int c = plan_.at(col);
    std::size_t i = 0;
    while (i < leaves.size()) {
      const std::string& value = level1 ? leaves[i].level1 : leaves[i].level2;
      std::size_t j = i + 1;
      while (j < leaves.size() && (level1 ? leaves[j].level1 : leaves[j].level2) == value &&
             (level1 || leaves[j].level1 == leaves[i].level1))
        ++j;
      for (std::size_t k = i; k < j; ++k)
        out_.locate(model::indicator_path(g, k) + (level1 ? ".level1" : ".level2"),
                    first_row + int(k), c);
      if (value.empty()) {
        for (std::size_t k = i; k < j; ++k)
          out_.explicit_empty(first_row + int(k), c, Look::Centered);
      } else {
        out_.merged_text(first_row + int(i), c, first_row + int(j) - 1, c, value, Look::Centered);
      }
      i = j;
    }
  }

  std::string range(int col, int first, int last) {
    return cell_name({first, col}) + ":" + cell_name({last, col});
  }

  void subtotal_cell(int r, int col, const std::optional<Decimal>& declared, const Decimal& sum,
                     int decimals, int first, int last) {
    if (declared || !sums_exact_ || first > last) {
      out_.number(r, col, declared);
      return;
    }
    out_.formula(r, col, "=SUM(" + range(col, first, last) + ")", sum,
                 decimals_format(decimals, false));
  }

  void indicator_table() {
    int header = row_;
    for (std::size_t c = 0; c < plan_.columns.size(); ++c)
      out_.text(header, int(c), plan_.columns[c].header, Look::Header);
    if (plan_.width > int(plan_.columns.size()))
      out_.merged_text(header, int(plan_.columns.size()) - 1, header, plan_.width - 1,
                       plan_.columns.back().header, Look::Header);
    if (plan_.review >= 0) {
      out_.text(header, plan_.review, kReviewScoreHeader, Look::Header);
      out_.text(header, plan_.review + 1, kReviewReasonHeader, Look::Header);
    }
    out_.set_height(header, 2);
    worksheet_repeat_rows(sheet_, lxw_row_t(header), lxw_row_t(header));
    int r = header + 1;
    bool subtotals = form_.kind == FormKind::Department;
    int weight_col = plan_.at(Col::Weight), score_col = plan_.at(Col::Score);
    for (std::size_t g = 0; g < form_.goals.size(); ++g) {
      const auto& goal = form_.goals[g];
      int first = r;
      std::size_t count = goal.indicators.size();
      for (std::size_t i = 0; i < count; ++i) leaf_row(first + int(i), g, i);
      level_cells(first, g, Col::Level1, true);
      level_cells(first, g, Col::Level2, false);
      int last_leaf = first + int(count) - 1;
      if (count > 0) {
        weight_ranges_.push_back(range(weight_col, first, last_leaf));
        score_ranges_.push_back(range(score_col, first, last_leaf));
      }
      r = first + int(count);
      bool has_subtotal = subtotals || goal.weight || goal.score || count == 0;
      if (has_subtotal) {
        int label_first = plan_.at(Col::Level1);
        out_.merged_text(r, label_first, r, plan_.at(Col::Name), "小计", Look::Label);
        Decimal weights, scores;
        int weight_places = 0, score_places = 0;
        for (const auto& leaf : goal.indicators) {
          if (leaf.weight)
            weights += *leaf.weight, weight_places = std::max(weight_places, leaf.weight->scale());
          if (leaf.score)
            scores += *leaf.score, score_places = std::max(score_places, leaf.score->scale());
        }
        subtotal_cell(r, weight_col, goal.weight, weights, weight_places, first, last_leaf);
        subtotal_cell(r, score_col, goal.score, scores, score_places, first, last_leaf);
        out_.locate(model::goal_path(g) + ".weight", r, weight_col);
        out_.locate(model::goal_path(g) + ".score", r, score_col);
        for (int c = 0; c < plan_.width; ++c) {
          if (c >= label_first && c <= plan_.at(Col::Name)) continue;
          if (c == weight_col || c == score_col || (c == 0 && plan_.has(Col::GoalLabel))) continue;
          out_.text(r, c, "", Look::Text);
        }
        ++r;
      }
      if (plan_.has(Col::GoalLabel)) {
        std::string label =
            "绩效目标" + (goal.number ? std::to_string(*goal.number) : std::string());
        out_.merged_text(first, 0, r - 1, 0, label, Look::Centered);
        out_.locate(model::goal_path(g) + ".indicators", first, 0);
      }
    }
    total_row(r);
    row_ = r + 1;
  }

  std::string sum_of(const std::vector<std::string>& ranges) {
    std::string out;
    for (const auto& part : ranges) out += (out.empty() ? "" : ",") + part;
    return "SUM(" + out + ")";
  }

  void total_row(int r) {
    int weight_col = plan_.at(Col::Weight), score_col = plan_.at(Col::Score);
    out_.merged_text(r, 0, r, weight_col - 1, "总分", Look::Label);
    Decimal weights = form_.budget.weight.value_or(Decimal::from_int(0));
    Decimal scores = execution_value_;
    for (const auto& goal : form_.goals)
      for (const auto& leaf : goal.indicators) {
        if (leaf.weight) weights += *leaf.weight;
        if (leaf.score) scores += *leaf.score;
      }
    bool formulas = sums_exact_ && weight_ranges_.size() <= 200;
    auto total_cell = [&](int col, const std::optional<Decimal>& declared, const Decimal& sum,
                          CellRef budget_at, const std::vector<std::string>& ranges) {
      if (formulas && declared && significant_digits(sum) <= 15 &&
          read_back(sum, declared->scale(), false) == declared->to_string()) {
        std::string text =
            "=" + cell_name(budget_at) + (ranges.empty() ? "" : "+" + sum_of(ranges));
        out_.formula(r, col, text, sum, decimals_format(declared->scale(), false));
      } else {
        out_.number(r, col, declared);
      }
    };
    total_cell(weight_col, form_.total_weight, weights, budget_weight_at_, weight_ranges_);
    total_cell(score_col, form_.total_score, scores, budget_score_at_, score_ranges_);
    out_.locate("total", r, score_col);
    out_.locate("total.weight", r, weight_col);
    out_.locate("total.score", r, score_col);
    for (int c = weight_col + 1; c < plan_.width; ++c)
      if (c != score_col) out_.text(r, c, "", Look::Text);
  }

  void closing_block() {
    int w = plan_.width;
    const char* label = form_.kind == FormKind::Department ? "整体支出绩效自评结论" : "自评结论";
    out_.text(row_, 0, label, Look::Label);
    out_.merged_text(row_, 1, row_, w - 3, form_.conclusion);
    out_.locate("conclusion", row_, 1);
    out_.text(row_, w - 2, "自评等级", Look::Label);
    out_.text(row_, w - 1, form_.grade, Look::Centered);
    out_.locate("grade", row_, w - 1);
    ++row_;
    if (!form_.problems.empty()) {
      label_value(row_++, 0, 1, w - 1, "存在问题", form_.problems, "problems");
    }
    if (!form_.improvements.empty()) {
      label_value(row_++, 0, 1, w - 1, "改进措施", form_.improvements, "improvements");
    }
    if (!form_.project_leader.empty() || !form_.finance_leader.empty()) {
      int middle = w / 2;
      label_value(row_, 0, 1, middle - 1, "项目负责人", form_.project_leader, "project_leader");
      label_value(row_, middle, middle + 1, w - 1, "财务负责人", form_.finance_leader,
                  "finance_leader");
      ++row_;
    }
  }

  void page_setup() {
    worksheet_set_landscape(sheet_);
    worksheet_set_paper(sheet_, 9); // A4
    worksheet_set_margins(sheet_, 0.4, 0.4, 0.6, 0.6);
    worksheet_center_horizontally(sheet_);
    worksheet_fit_to_pages(sheet_, 1, 0);
    worksheet_set_footer(sheet_, "&C第 &P 页，共 &N 页");
  }

  const Form& form_;
  const SheetExtras& extras_;
  Plan plan_;
  FormSheet out_;
  lxw_worksheet* sheet_;
  int row_ = 0;
  CellRef budget_weight_at_{}, budget_score_at_{};
  Decimal execution_value_;
  bool sums_exact_ = true;
  std::vector<std::string> weight_ranges_, score_ranges_;
};

std::string quoted_sheet(const std::string& name) {
  return "'" + name + "'";
}

void diagnostics_sheet(Book& book, const std::vector<diag::Diagnostic>& diagnostics,
                       const std::map<std::string, CellRef>& paths, const SheetExtras& extras) {
  lxw_worksheet* sheet = workbook_add_worksheet(book.workbook(), kDiagnosticsSheetName);
  const char* headers[] = {"位置", "代码", "级别", "对象", "说明", "English"};
  const double widths[] = {10, 9, 7, 30, 60, 60};
  for (int c = 0; c < 6; ++c) {
    worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
    worksheet_write_string(sheet, 0, lxw_col_t(c), headers[c], book.format(Look::Header));
  }
  worksheet_repeat_rows(sheet, 0, 0);
  worksheet_freeze_panes(sheet, 1, 0);
  int row = 1;
  for (const auto& d : diagnostics) {
    // The nearest node the form sheet shows: "goals[3].indicators[2].score" → its cell.
    std::string path = d.path;
    const CellRef* at = nullptr;
    while (true) {
      auto found = paths.find(path);
      if (found != paths.end()) {
        at = &found->second;
        break;
      }
      if (path.empty()) break;
      auto dot = path.find_last_of(".[");
      path = dot == std::string::npos ? "" : path.substr(0, dot);
    }
    if (at) {
      std::string target = "internal:" + quoted_sheet(kFormSheetName) + "!" + cell_name(*at);
      worksheet_write_url_opt(sheet, lxw_row_t(row), 0, target.c_str(), book.format(Look::Link),
                              cell_name(*at).c_str(), nullptr);
    }
    std::string message = d.message_zh();
    std::string english = d.message_en();
    for (const auto& note : d.notes) {
      message +=
          "\n" + std::string(diag::severity_name_zh(note.severity)) + "：" + note.message_zh();
      english += "\n" + std::string(diag::severity_name(note.severity)) + ": " + note.message_en();
    }
    worksheet_write_string(sheet, lxw_row_t(row), 1, std::string(d.code()).c_str(),
                           book.format(Look::Plain));
    worksheet_write_string(sheet, lxw_row_t(row), 2,
                           std::string(diag::severity_name_zh(d.severity)).c_str(),
                           book.format(Look::Plain));
    worksheet_write_string(sheet, lxw_row_t(row), 3, cell_safe(d.subject).c_str(),
                           book.format(Look::Plain));
    worksheet_write_string(sheet, lxw_row_t(row), 4, cell_safe(message).c_str(),
                           book.format(Look::Plain));
    worksheet_write_string(sheet, lxw_row_t(row), 5, cell_safe(english).c_str(),
                           book.format(Look::Plain));
    int lines = std::max({wrapped_lines(d.subject, widths[3]), wrapped_lines(message, widths[4]),
                          wrapped_lines(english, widths[5])});
    worksheet_set_row(sheet, lxw_row_t(row), row_height(lines), nullptr);
    ++row;
  }
  if (extras.evaluation) {
    const auto& e = *extras.evaluation;
    std::string summary =
        "规则集 " + e.rule_set + "（" + (e.mode == rules::Mode::Auto ? "auto" : "review") +
        "）计分：预算执行 " + (e.budget.score ? e.budget.score->to_string() : "—") + "，指标 " +
        e.indicator_score.to_string() + "，总分 " + e.total.to_string() + "，" + e.grade;
    worksheet_write_string(sheet, lxw_row_t(row + 1), 3, summary.c_str(), nullptr);
  }
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);
  worksheet_fit_to_pages(sheet, 1, 0);
}

} // namespace

std::string write_xlsx(const model::Form& form, const SheetExtras& extras) {
  ScratchFile file("ziping-xlsx", "write_xlsx");
  std::map<std::string, CellRef> paths;
  {
    Book book(file.path());
    if (!book.ok())
      throw std::runtime_error("write_xlsx: libxlsxwriter could not start a workbook");
    lxw_doc_properties properties{};
    std::string title = form.title;
    properties.title = title.data();
    char creator[] = "ziping";
    properties.author = creator;
    // Reproducible output on request (the reproducible-builds convention): the creation time
    // is the only thing in the file that is not a function of the form.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
      properties.created = std::time_t(std::strtoll(epoch, nullptr, 10));
    workbook_set_properties(book.workbook(), &properties);
    lxw_worksheet* sheet = workbook_add_worksheet(book.workbook(), kFormSheetName);
    LayoutWriter layout(book, sheet, form, extras);
    paths = layout.write();
    if (extras.diagnostics && !extras.diagnostics->empty())
      diagnostics_sheet(book, *extras.diagnostics, paths, extras);
    if (!book.close())
      throw std::runtime_error("write_xlsx: libxlsxwriter failed to write the workbook");
  }
  return file.bytes();
}

} // namespace ziping::io::xlsx
