#include "ziping/io/xlsx/plan_xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <unistd.h>

#include "ziping/io/xlsx/cell_value.h"
#include "ziping/io/xlsx/scratch_file.h"
#include "ziping/io/xlsx/workbook.h"
#include "ziping/model/fields.h"
#include "ziping/text/utf8.h"

namespace ziping::io::xlsx {
namespace {

using diag::DiagId;
using model::FieldId;
using model::FieldInfo;
using model::Owner;
using model::Plan;
using num::Decimal;

constexpr const char* kFundingLabel = "资金来源";
constexpr const char* kCauses = "偏差原因分析";
constexpr const char* kLikelihood = "完成目标可能性";
constexpr const char* kGoalNumber = "目标序号";
constexpr const char* kDeclGoalBlock = "总体目标";
constexpr const char* kMonGoalBlock = "年度总体目标";
constexpr const char* kTick = "√";
constexpr const char* kTasks = "年度主要任务";
constexpr const char* kTaskBudget = "预算金额";

// The column of a likelihood word in the tick layout (kLikelihoods' order), -1 for any other.
int likelihood_tick(std::string_view text) {
  for (int t = 0; t < 3; ++t)
    if (text == model::kLikelihoods[t]) return t;
  return -1;
}
// A cell that ticks its column: the marks printed and typed in these forms.
bool is_tick_mark(std::string_view text) {
  return text == "√" || text == "✓" || text == "✔" || text == "☑" || text == "✅";
}

std::string label_of(const FieldInfo& info) {
  return std::string(info.column.empty() ? info.header : info.column);
}
std::string header_of(const FieldInfo& info) {
  return std::string(info.header.empty() ? info.column : info.header);
}
bool is_cause(const FieldInfo& info) {
  return info.id == FieldId::MonCauseFunding || info.id == FieldId::MonCauseRules ||
         info.id == FieldId::MonCauseStaff || info.id == FieldId::MonCauseHardware ||
         info.id == FieldId::MonCauseOther;
}

// --- writing --------------------------------------------------------------------------------

double as_double(const Decimal& value) {
  std::string text = value.to_string();
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

int significant_digits(const Decimal& value) {
  auto coefficient = value.normalized().coefficient();
  if (coefficient < 0) coefficient = -coefficient;
  int digits = 0;
  while (coefficient > 0) {
    coefficient /= 10;
    ++digits;
  }
  return digits < 1 ? 1 : digits;
}

class SheetWriter {
public:
  SheetWriter(lxw_workbook* book, lxw_worksheet* sheet) : book_(book), sheet_(sheet) {
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(header_);
    format_set_border(header_, LXW_BORDER_THIN);
    tick_ = workbook_add_format(book_);
    format_set_align(tick_, LXW_ALIGN_CENTER);
    format_set_border(tick_, LXW_BORDER_THIN);
    format_set_num_format(tick_, "@");
    text_ = workbook_add_format(book_);
    format_set_text_wrap(text_);
    format_set_border(text_, LXW_BORDER_THIN);
    format_set_num_format(text_, "@");
    title_ = workbook_add_format(book_);
    format_set_bold(title_);
    format_set_font_size(title_, 16);
    format_set_align(title_, LXW_ALIGN_CENTER);
  }

  void title(int row, int last_col, const std::string& text) {
    worksheet_merge_range(sheet_, lxw_row_t(row), 0, lxw_row_t(row), lxw_col_t(last_col),
                          text.c_str(), title_);
  }
  void heading(int row, int col, const std::string& text) {
    worksheet_write_string(sheet_, lxw_row_t(row), lxw_col_t(col), text.c_str(), header_);
  }
  void heading(int row, int col, int last_row, int last_col, const std::string& text) {
    if (row == last_row && col == last_col) return heading(row, col, text);
    worksheet_merge_range(sheet_, lxw_row_t(row), lxw_col_t(col), lxw_row_t(last_row),
                          lxw_col_t(last_col), text.c_str(), header_);
  }
  // A head or goal field: label | value merged to the last column.
  template <class T> void pair(int row, int last_col, const std::string& label, const T& value) {
    heading(row, 0, label);
    if (last_col > 1)
      worksheet_merge_range(sheet_, lxw_row_t(row), 1, lxw_row_t(row), lxw_col_t(last_col), "",
                            text_);
    put(row, 1, value);
  }

  void tick(int row, int col) {
    worksheet_write_string(sheet_, lxw_row_t(row), lxw_col_t(col), kTick, tick_);
  }
  void put(int row, int col, const std::string& text) {
    worksheet_write_string(sheet_, lxw_row_t(row), lxw_col_t(col), text.c_str(), text_);
  }
  void put(int row, int col, const std::optional<Decimal>& value) {
    if (!value) {
      worksheet_write_blank(sheet_, lxw_row_t(row), lxw_col_t(col), text_);
    } else if (significant_digits(*value) > 15) {
      put(row, col, value->to_string());
    } else {
      worksheet_write_number(sheet_, lxw_row_t(row), lxw_col_t(col), as_double(*value),
                             number_format(value->scale()));
    }
  }
  void put(int row, int col, const std::optional<int>& value) {
    put(row, col, value ? std::optional<Decimal>(Decimal::from_int(*value)) : std::nullopt);
  }
  void put(int row, int col, const std::optional<bool>& value) {
    put(row, col, std::string(value ? (*value ? "是" : "否") : ""));
  }
  void put(int row, int col, model::FormKind kind) {
    put(row, col, std::string(model::kind_name(kind)));
  }
  void put(int row, int col, model::PlanKind kind) {
    put(row, col, std::string(model::plan_kind_name(kind)));
  }
  // An empty merged text cell over columns col..last_col of `row` (the value is put after).
  void merge(int row, int col, int last_col) {
    if (last_col > col)
      worksheet_merge_range(sheet_, lxw_row_t(row), lxw_col_t(col), lxw_row_t(row),
                            lxw_col_t(last_col), "", text_);
  }
  void height(int row, double points) {
    worksheet_set_row(sheet_, lxw_row_t(row), points, nullptr);
  }
  void width(int col, int characters) {
    worksheet_set_column(sheet_, lxw_col_t(col), lxw_col_t(col), characters, nullptr);
  }

private:
  lxw_format* number_format(int decimals) {
    auto found = numbers_.find(decimals);
    if (found != numbers_.end()) return found->second;
    lxw_format* format = workbook_add_format(book_);
    std::string code = "0";
    if (decimals > 0) code += "." + std::string(std::size_t(decimals), '0');
    format_set_num_format(format, code.c_str());
    format_set_border(format, LXW_BORDER_THIN);
    numbers_[decimals] = format;
    return format;
  }

  lxw_workbook* book_;
  lxw_worksheet* sheet_;
  lxw_format* header_;
  lxw_format* text_;
  lxw_format* title_;
  lxw_format* tick_;
  std::map<int, lxw_format*> numbers_;
};

template <class Struct>
void write_fields(SheetWriter& out, int& row, int last_col, Owner owner, const Struct& node,
                  bool skip_title) {
  model::for_each_member<Struct>(owner, [&](const FieldInfo& info, auto member) {
    if (skip_title && (info.id == FieldId::DeclTitle || info.id == FieldId::MonTitle)) return;
    out.pair(row++, last_col, label_of(info), node.*member);
  });
}

// One column of the indicator table: a catalogue field, or one of the three tick columns of
// 完成目标可能性 (`tick` 0..2, kLikelihoods' order).
struct LeafColumn {
  const FieldInfo* info;
  int tick = -1;
};

// A likelihood that a tick column shows: one of the three words (a tick in its column), an
// empty cell, or any other text written as it is in the first column. A text that reads as a
// tick itself would come back as 确定能, so such a plan keeps the one word column.
bool tick_layout_holds(const Plan& plan) {
  if (plan.kind != model::PlanKind::Monitoring) return false;
  for (const auto& goal : plan.goals)
    for (const auto& leaf : goal.indicators)
      if (likelihood_tick(leaf.likelihood) < 0 && !leaf.likelihood.empty() &&
          is_tick_mark(leaf.likelihood))
        return false;
  return true;
}

std::vector<LeafColumn> leaf_columns(const Plan& plan, Owner owner) {
  bool ticks = tick_layout_holds(plan);
  std::vector<LeafColumn> out;
  for (const auto* info : model::fields_of(owner)) {
    // A local template's column (调整后指标值, 计量单位 …) only when some indicator fills it.
    if (info->presence == model::Presence::Variant && !model::field_used(plan, *info)) continue;
    if (ticks && info->id == FieldId::MonLikelihood) {
      for (int t = 0; t < 3; ++t) out.push_back({info, t});
    } else {
      out.push_back({info});
    }
  }
  return out;
}

// The goal's texts side by side under their headers, as the templates print 中期目标 ‖ 年度目标
// (88号) and 年初设定目标 ‖ 1—7月执行情况 (136号): the first column holds 目标序号 and the
// goal's number, or the block's label (总体目标) over both rows for a goal without a number.
std::vector<const FieldInfo*> goal_texts(const Plan& plan, Owner owner) {
  std::vector<const FieldInfo*> out;
  for (const auto* info : model::fields_of(owner)) {
    if (info->id == FieldId::DeclGoalNumber || info->id == FieldId::MonGoalNumber) continue;
    // The 部门整体 template has no 中期目标: shown only when some goal has one.
    if (info->id == FieldId::DeclGoalMedium && plan.scope == model::FormKind::Department &&
        !model::field_used(plan, *info))
      continue;
    out.push_back(info);
  }
  return out;
}

std::string goal_header(const Plan& plan, const FieldInfo& info) {
  std::string header = header_of(info);
  if (info.id == FieldId::DeclGoalMedium && !plan.period.empty())
    header += "（" + plan.period + "）";
  if (info.id == FieldId::MonGoalProgress && plan.month)
    header = "1-" + std::to_string(*plan.month) + "月执行情况";
  return header;
}

// The lines a text takes in a cell `width` characters wide, for the goal row's height (an
// Excel row does not grow to its merged cells' text).
int text_lines(const std::string& text, int width) {
  int lines = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line(text.data() + start,
                          (end == std::string::npos ? text.size() : end) - start);
    lines += std::max(1, int((text::display_width(line) + std::size_t(width) - 1) /
                             std::size_t(std::max(width, 1))));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

void write_goal_block(SheetWriter& out, int& row, const std::vector<int>& widths, const Plan& plan,
                      const model::PlanGoal& goal, Owner owner) {
  auto texts = goal_texts(plan, owner);
  int last_col = int(widths.size()) - 1;
  if (goal.number) {
    out.heading(row, 0, kGoalNumber);
    out.put(row + 1, 0, goal.number);
  } else {
    out.heading(row, 0, row + 1, 0,
                plan.kind == model::PlanKind::Monitoring ? kMonGoalBlock : kDeclGoalBlock);
  }
  // Columns 1..last_col shared among the texts by width, each taking about its share.
  int total = 0;
  for (int c = 1; c <= last_col; ++c) total += widths[std::size_t(c)];
  int parts = int(texts.size());
  int col = 1;
  int lines = 1;
  for (int i = 0; i < parts && col <= last_col; ++i) {
    int last = col;
    int width = widths[std::size_t(col)];
    if (i + 1 == parts) {
      for (last = col + 1; last <= last_col; ++last) width += widths[std::size_t(last)];
      last = last_col;
    } else {
      while (last + 1 <= last_col - (parts - i - 1) && width < total / parts)
        width += widths[std::size_t(++last)];
    }
    out.heading(row, col, row, last, goal_header(plan, *texts[std::size_t(i)]));
    out.merge(row + 1, col, last);
    model::visit_member(goal, texts[std::size_t(i)]->id, [&](const auto& value) {
      out.put(row + 1, col, value);
      if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>)
        lines = std::max(lines, text_lines(value, width));
    });
    col = last + 1;
  }
  out.height(row, 18);
  out.height(row + 1, 15.0 * std::min(lines, 20) + 4);
  row += 2;
}

// 88号's 部门整体 申报表: 年度主要任务 — 任务名称 · 主要内容 · 预算金额 (总额 · 财政拨款 · 其他
// 资金 under a two-row header), one row per task, the block's label over all its rows.
void write_tasks(SheetWriter& out, int& row, const std::vector<int>& widths, const Plan& plan) {
  int last_col = int(widths.size()) - 1;
  auto width_of = [&](int first, int last) {
    int sum = 0;
    for (int c = first; c <= last && c < int(widths.size()); ++c) sum += widths[std::size_t(c)];
    return std::max(sum, 1);
  };
  auto fields = model::fields_of(Owner::DeclTask);
  int first_amount = std::max(last_col - 2, 3);
  int content_last = first_amount - 1;
  // The columns of name, content and the three amounts.
  std::vector<int> at{1, 2, first_amount, first_amount + 1, first_amount + 2};
  int rows = 2 + int(plan.tasks.size());
  out.heading(row, 0, row + rows - 1, 0, kTasks);
  for (std::size_t f = 0; f < fields.size() && f < at.size(); ++f) {
    const FieldInfo& info = *fields[f];
    if (info.kind == model::FieldKind::Decimal) {
      out.heading(row + 1, at[f], header_of(info));
    } else {
      out.heading(row, at[f], row + 1, f == 1 ? content_last : at[f], header_of(info));
    }
  }
  out.heading(row, first_amount, row, first_amount + 2, kTaskBudget);
  row += 2;
  for (const auto& task : plan.tasks) {
    // A row does not grow to its wrapped (or merged) text: sized to the longer of the two.
    int lines = std::max(text_lines(task.name, width_of(at[0], at[0])),
                         text_lines(task.content, width_of(at[1], content_last)));
    out.height(row, 15.0 * std::min(lines, 20) + 4);
    std::size_t f = 0;
    model::for_each_member<model::PlanTask>(Owner::DeclTask, [&](const FieldInfo&, auto member) {
      if (f == 1) out.merge(row, at[f], content_last);
      out.put(row, at[f], task.*member);
      ++f;
    });
    ++row;
  }
}

void write_indicator_table(SheetWriter& out, int& row, const std::vector<LeafColumn>& columns,
                           const model::PlanGoal& goal) {
  // One header row, or two with 偏差原因分析 over its causes and 完成目标可能性 over its ticks.
  bool two = std::any_of(columns.begin(), columns.end(),
                         [](const LeafColumn& c) { return is_cause(*c.info) || c.tick >= 0; });
  int first_cause = -1;
  int first_tick = -1;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const LeafColumn& column = columns[c];
    if (column.tick >= 0) {
      if (first_tick < 0) first_tick = int(c);
      out.heading(row + 1, int(c), std::string(model::kLikelihoods[column.tick]));
    } else if (is_cause(*column.info)) {
      if (first_cause < 0) first_cause = int(c);
      out.heading(row + 1, int(c), header_of(*column.info));
    } else {
      out.heading(row, int(c), row + (two ? 1 : 0), int(c), header_of(*column.info));
    }
  }
  if (first_cause >= 0) out.heading(row, first_cause, row, first_cause + 4, kCauses);
  if (first_tick >= 0) out.heading(row, first_tick, row, first_tick + 2, kLikelihood);
  out.height(row, 18);
  if (two) out.height(row + 1, 30);
  row += two ? 2 : 1;
  for (const auto& leaf : goal.indicators) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const LeafColumn& column = columns[c];
      if (column.tick >= 0) {
        int tick = likelihood_tick(leaf.likelihood);
        if (tick == column.tick) {
          out.tick(row, int(c));
        } else if (tick < 0 && column.tick == 0 && !leaf.likelihood.empty()) {
          out.put(row, int(c), leaf.likelihood); // not one of the three: the text as written
        } else {
          out.put(row, int(c), std::string());
        }
        continue;
      }
      model::visit_member(leaf, column.info->id,
                          [&](const auto& value) { out.put(row, int(c), value); });
    }
    ++row;
  }
}

} // namespace

std::string write_plan_xlsx(const Plan& plan) {
  ScratchFile file("ziping-plan", "write_plan_xlsx");
  {
    lxw_workbook_options options{};
    lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
    if (book == nullptr) throw std::runtime_error("write_plan_xlsx: no workbook");
    lxw_doc_properties properties{};
    char creator[] = "ziping";
    properties.author = creator;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
      properties.created = std::time_t(std::strtoll(epoch, nullptr, 10));
    workbook_set_properties(book, &properties);
    bool monitoring = plan.kind == model::PlanKind::Monitoring;
    lxw_worksheet* sheet = workbook_add_worksheet(book, monitoring ? "监控表" : "申报表");
    SheetWriter out(book, sheet);
    auto owners = model::plan_owners(plan.kind);
    auto columns = leaf_columns(plan, owners.indicator);
    auto funding_fields = model::fields_of(owners.funding);
    int last_col = int(columns.size()) - 1;
    std::vector<int> widths;
    for (const auto& column : columns) {
      int width = column.info->width > 0 ? column.info->width : 12;
      if (column.tick >= 0) width = int(text::display_width(model::kLikelihoods[column.tick])) + 2;
      widths.push_back(width);
      out.width(int(widths.size()) - 1, width);
    }

    int row = 0;
    out.title(row++, last_col, plan.title);
    write_fields(out, row, last_col, owners.head, plan, true);
    ++row;
    for (std::size_t c = 0; c < funding_fields.size(); ++c)
      out.heading(row, int(c), header_of(*funding_fields[c]));
    ++row;
    for (const auto& funding : plan.funding) {
      int col = 0;
      model::for_each_member<model::PlanFunding>(
          owners.funding,
          [&](const FieldInfo&, auto member) { out.put(row, col++, funding.*member); });
      ++row;
    }
    if (plan.kind == model::PlanKind::Declaration && !plan.tasks.empty()) {
      ++row;
      write_tasks(out, row, widths, plan);
    }
    for (const auto& goal : plan.goals) {
      ++row;
      write_goal_block(out, row, widths, plan, goal, owners.goal);
      write_indicator_table(out, row, columns, goal);
    }
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);
    worksheet_fit_to_pages(sheet, 1, 0);
    if (workbook_close(book) != LXW_NO_ERROR)
      throw std::runtime_error("write_plan_xlsx: libxlsxwriter failed to write the workbook");
  }
  return file.bytes();
}

namespace {

// --- reading --------------------------------------------------------------------------------

class PlanSheetReader {
public:
  PlanSheetReader(const Sheet& sheet, const std::string& file, model::PlanReadResult& result)
      : sheet_(sheet), file_(file), result_(result) {}

  void read() {
    Plan plan;
    // The kind first: the 表类型 row.
    std::optional<model::PlanKind> kind;
    for (int r = 0; r < sheet_.rows && !kind; ++r) {
      if (text(r, 0) != "表类型") continue;
      kind = model::parse_plan_kind(text(r, 1));
      if (!kind) {
        report(DiagId::err_bad_enum_value, "kind", r, 1,
               {"kind", "「" + text(r, 1) + "」", "\"declaration\", \"monitoring\""});
        return;
      }
    }
    if (!kind) {
      report(DiagId::err_json_missing_field, "kind", 0, 0, {"kind"});
      return;
    }
    plan.kind = *kind;
    owners_ = model::plan_owners(*kind);
    result_.map.set("", at(0, 0));
    plan.title = text(0, 0);
    result_.map.set("title", at(0, 0));
    int r = 1;
    while (r < sheet_.rows) {
      std::string a = text(r, 0);
      if (a.empty()) {
        ++r;
        continue;
      }
      if (auto texts = goal_header(r); !texts.empty()) {
        // The side-by-side goal block: headers on this row, the texts on the next.
        auto& goal = plan.goals.emplace_back();
        std::string path = model::goal_path(plan.goals.size() - 1);
        result_.map.set(path, at(r, 0));
        if (a == kGoalNumber) take_cell(goal, *model::fields_of(owners_.goal)[0], r + 1, 0, path);
        for (const auto& [col, info] : texts) take_cell(goal, *info, r + 1, col, path);
        r += 2;
      } else if (const FieldInfo* info = labelled(owners_.head, a)) {
        take(plan, *info, r, "");
        ++r;
      } else if (a == kFundingLabel || matches(*model::fields_of(owners_.funding)[0], a)) {
        r = table(
            r, 1, owners_.funding,
            [&]() -> model::PlanFunding& { return plan.funding.emplace_back(); },
            [&] { return "funding[" + std::to_string(plan.funding.size() - 1) + "]"; });
      } else if (a == kTasks && plan.kind == model::PlanKind::Declaration) {
        r = table(
            r, 2, Owner::DeclTask, [&]() -> model::PlanTask& { return plan.tasks.emplace_back(); },
            [&] { return "tasks[" + std::to_string(plan.tasks.size() - 1) + "]"; });
      } else if (const FieldInfo* goal_field = labelled(owners_.goal, a)) {
        // The first goal field opens a goal (目标序号), as does any goal field before a goal.
        if (goal_field == model::fields_of(owners_.goal)[0] || plan.goals.empty() ||
            !plan.goals.back().indicators.empty())
          plan.goals.emplace_back();
        take(plan.goals.back(), *goal_field, r, model::goal_path(plan.goals.size() - 1));
        ++r;
      } else if (is_indicator_header(r)) {
        if (plan.goals.empty()) plan.goals.emplace_back();
        auto& goal = plan.goals.back();
        std::size_t g = plan.goals.size() - 1;
        int rows = is_cause_header(r + 1) ? 2 : 1;
        r = table(
            r, rows, owners_.indicator,
            [&]() -> model::PlanIndicator& { return goal.indicators.emplace_back(); },
            [&] { return model::indicator_path(g, goal.indicators.size() - 1); });
      } else {
        report(DiagId::warn_import_row_dropped, "", r, 0, {a});
        ++r;
      }
    }
    result_.plan = std::move(plan);
  }

private:
  std::string text(int row, int col) const {
    const Cell* cell = sheet_.at({row, col});
    return cell ? shown_text(*cell) : std::string();
  }
  diag::SourceLocation at(int row, int col) const {
    return diag::SourceLocation::at_cell(file_, sheet_.name, cell_name({row, col}));
  }
  void report(DiagId id, const std::string& path, int row, int col, std::vector<std::string> args) {
    auto d = diag::make(id, path, std::move(args));
    d.where = at(row, col);
    result_.diagnostics.push_back(std::move(d));
  }

  static bool matches(const FieldInfo& info, const std::string& text) {
    if (text == label_of(info) || text == header_of(info)) return true;
    for (auto synonym : info.synonyms)
      if (text == synonym) return true;
    return false;
  }
  const FieldInfo* labelled(Owner owner, const std::string& text) const {
    for (const auto* info : model::fields_of(owner))
      if (text == label_of(*info)) return info;
    return nullptr;
  }
  bool is_indicator_header(int row) const {
    for (int c = 0; c < sheet_.columns; ++c)
      if (text(row, c) == "三级指标") return true;
    return false;
  }
  // The second header row of a monitoring table: the causes under 偏差原因分析, or the three
  // tick columns under 完成目标可能性.
  bool is_cause_header(int row) const {
    for (int c = 0; c < sheet_.columns; ++c)
      if (text(row, c) == "经费保障" || likelihood_tick(text(row, c)) >= 0) return true;
    return false;
  }

  // A header as the catalogue names it: without the period the template appends to 中期目标
  // ("中期目标（2022年—2024年）") and with the month of "1-7月执行情况" as N.
  static std::string header_key(std::string text) {
    auto open = text.find("（");
    if (open != std::string::npos && open > 0 && text.size() >= 3 &&
        text.compare(text.size() - 3, 3, "）") == 0)
      text.erase(open);
    if (text.rfind("1-", 0) == 0) {
      std::size_t end = 2;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      if (end > 2) text.replace(2, end - 2, "N");
    }
    return text;
  }
  // The header row of a side-by-side goal block: 目标序号 or the block's label in the first
  // column, a goal text's header in some other. Its columns and fields; empty if it is not one.
  std::vector<std::pair<int, const FieldInfo*>> goal_header(int row) const {
    std::vector<std::pair<int, const FieldInfo*>> out;
    std::string first = text(row, 0);
    if (first != kGoalNumber && first != kDeclGoalBlock && first != kMonGoalBlock) return out;
    auto goal_fields = model::fields_of(owners_.goal);
    for (int c = 1; c < sheet_.columns; ++c) {
      std::string key = header_key(text(row, c));
      if (key.empty()) continue;
      for (std::size_t f = 1; f < goal_fields.size(); ++f)
        if (key == label_of(*goal_fields[f]) || key == header_of(*goal_fields[f]))
          out.emplace_back(c, goal_fields[f]);
    }
    return out;
  }

  // A table: `header_rows` header rows at `row` (a two-row header's second row names the
  // columns its first row spans), then one node per row until a row with an empty first cell.
  template <class NewNode, class PathOf>
  int table(int row, int header_rows, Owner owner, NewNode new_node, PathOf path_of) {
    std::vector<const FieldInfo*> by_column(std::size_t(sheet_.columns), nullptr);
    // 完成目标可能性 as three tick columns (136号's print): the word of each column.
    std::vector<int> ticks(std::size_t(sheet_.columns), -1);
    bool ticked = false;
    if (header_rows == 2)
      for (int c = 0; c < sheet_.columns; ++c) {
        ticks[std::size_t(c)] = likelihood_tick(text(row + 1, c));
        ticked = ticked || ticks[std::size_t(c)] >= 0;
      }
    for (int c = 0; c < sheet_.columns; ++c) {
      if (ticks[std::size_t(c)] >= 0) continue;
      for (int h = header_rows - 1; h >= 0 && !by_column[std::size_t(c)]; --h) {
        std::string name = text(row + h, c);
        if (name.empty()) continue;
        for (const auto* info : model::fields_of(owner))
          if (matches(*info, name)) by_column[std::size_t(c)] = info;
      }
    }
    row += header_rows;
    for (; row < sheet_.rows; ++row) {
      bool empty = true;
      for (int c = 0; c < sheet_.columns && empty; ++c) empty = sheet_.at({row, c}) == nullptr;
      if (empty) break;
      auto& node = new_node();
      std::string path = path_of();
      result_.map.set(path, at(row, 0));
      for (int c = 0; c < sheet_.columns; ++c)
        if (const FieldInfo* info = by_column[std::size_t(c)]) take_cell(node, *info, row, c, path);
      if constexpr (std::is_same_v<std::decay_t<decltype(node)>, model::PlanIndicator>)
        if (ticked) take_ticks(node, ticks, row, path);
    }
    return row;
  }

  // The likelihood of a row in the tick layout: a tick (or the column's own word) names its
  // column's word, any other text is kept as written; several are joined with 、 so that the
  // plan's check says it is not one of the three. Located at the cell that holds it.
  void take_ticks(model::PlanIndicator& leaf, const std::vector<int>& ticks, int row,
                  const std::string& parent) {
    int first_column = -1;
    int first_filled = -1;
    for (int c = 0; c < sheet_.columns; ++c) {
      int tick = ticks[std::size_t(c)];
      if (tick < 0) continue;
      if (first_column < 0) first_column = c;
      std::string shown = text(row, c);
      if (shown.empty()) continue;
      if (first_filled < 0) first_filled = c;
      if (!leaf.likelihood.empty()) leaf.likelihood += "、";
      bool mark = is_tick_mark(shown) || shown == model::kLikelihoods[tick];
      leaf.likelihood += mark ? std::string(model::kLikelihoods[tick]) : shown;
    }
    int located = first_filled >= 0 ? first_filled : first_column;
    if (located >= 0) result_.map.set(parent + ".likelihood", at(row, located));
  }

  template <class Struct>
  void take(Struct& node, const FieldInfo& info, int row, const std::string& parent) {
    take_cell(node, info, row, 1, parent);
  }
  template <class Struct>
  void take_cell(Struct& node, const FieldInfo& info, int row, int col, const std::string& parent) {
    std::string path =
        parent.empty() ? std::string(info.json_key) : parent + "." + std::string(info.json_key);
    result_.map.set(path, at(row, col));
    const Cell* cell = sheet_.at({row, col});
    model::visit_member(node, info.id, [&](auto& value) { assign(value, cell, row, col, path); });
  }

  void assign(std::string& out, const Cell* cell, int, int, const std::string&) {
    out = cell ? shown_text(*cell) : std::string();
  }
  void assign(std::optional<Decimal>& out, const Cell* cell, int row, int col,
              const std::string& path) {
    if (cell_number(cell, out) == sheet::NumberText::NotANumber)
      report(DiagId::warn_import_number_unreadable, path, row, col, {path, shown_text(*cell)});
  }
  void assign(std::optional<int>& out, const Cell* cell, int row, int col,
              const std::string& path) {
    std::optional<Decimal> number;
    auto kind = cell_number(cell, number);
    if (kind == sheet::NumberText::Blank) return;
    std::string digits = number ? number->to_string() : "";
    if (kind == sheet::NumberText::Number && digits.find('.') == std::string::npos &&
        digits.size() <= 9) {
      out = std::stoi(digits);
    } else {
      report(DiagId::warn_import_number_unreadable, path, row, col,
             {path, cell ? shown_text(*cell) : std::string()});
    }
  }
  void assign(std::optional<bool>& out, const Cell* cell, int row, int col,
              const std::string& path) {
    std::string shown = cell ? shown_text(*cell) : std::string();
    if (shown == "是") {
      out = true;
    } else if (shown == "否") {
      out = false;
    } else if (!shown.empty()) {
      report(DiagId::warn_import_number_unreadable, path, row, col, {path, shown});
    }
  }
  void assign(model::FormKind& out, const Cell* cell, int row, int col, const std::string& path) {
    std::string shown = cell ? shown_text(*cell) : std::string();
    if (auto kind = model::parse_kind(shown)) {
      out = *kind;
    } else {
      report(DiagId::err_bad_enum_value, path, row, col,
             {path, "「" + shown + "」", "\"department\", \"project\""});
    }
  }
  void assign(model::PlanKind&, const Cell*, int, int, const std::string&) {}

  const Sheet& sheet_;
  std::string file_;
  model::PlanReadResult& result_;
  model::PlanOwners owners_{};
};

} // namespace

model::PlanReadResult read_plan_xlsx(std::string_view bytes, const std::string& file_name) {
  model::PlanReadResult result;
  result.map.set_file(file_name);
  auto book = read_workbook(bytes, file_name);
  result.diagnostics = std::move(book.diagnostics);
  if (!book.workbook || book.workbook->sheets.empty()) {
    if (result.diagnostics.empty()) {
      auto d = diag::make(DiagId::err_json_missing_field, "kind", {"kind"});
      d.where.file = file_name;
      result.diagnostics.push_back(std::move(d));
    }
    return result;
  }
  PlanSheetReader(book.workbook->sheets[0], file_name, result).read();
  return result;
}

} // namespace ziping::io::xlsx
