#include "ziping/io/xlsx/plan_xlsx.h"

#include <xlsxwriter.h>

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
    auto leaf_fields = model::fields_of(owners.indicator);
    auto funding_fields = model::fields_of(owners.funding);
    int last_col = int(leaf_fields.size()) - 1;
    for (std::size_t c = 0; c < leaf_fields.size(); ++c)
      out.width(int(c), leaf_fields[c]->width > 0 ? leaf_fields[c]->width : 12);

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
    for (const auto& goal : plan.goals) {
      ++row;
      write_fields(out, row, last_col, owners.goal, goal, false);
      // The indicator table's header: one row, or two with 偏差原因分析 over its causes.
      int first_cause = -1;
      for (std::size_t c = 0; c < leaf_fields.size(); ++c)
        if (is_cause(*leaf_fields[c]) && first_cause < 0) first_cause = int(c);
      int header_rows = first_cause >= 0 ? 2 : 1;
      for (std::size_t c = 0; c < leaf_fields.size(); ++c) {
        if (is_cause(*leaf_fields[c])) {
          out.heading(row + 1, int(c), header_of(*leaf_fields[c]));
        } else {
          out.heading(row, int(c), row + header_rows - 1, int(c), header_of(*leaf_fields[c]));
        }
      }
      if (first_cause >= 0) out.heading(row, first_cause, row, first_cause + 4, kCauses);
      row += header_rows;
      for (const auto& leaf : goal.indicators) {
        int col = 0;
        model::for_each_member<model::PlanIndicator>(
            owners.indicator,
            [&](const FieldInfo&, auto member) { out.put(row, col++, leaf.*member); });
        ++row;
      }
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
      if (const FieldInfo* info = labelled(owners_.head, a)) {
        take(plan, *info, r, "");
        ++r;
      } else if (a == kFundingLabel || matches(*model::fields_of(owners_.funding)[0], a)) {
        r = table(
            r, 1, owners_.funding,
            [&]() -> model::PlanFunding& { return plan.funding.emplace_back(); },
            [&] { return "funding[" + std::to_string(plan.funding.size() - 1) + "]"; });
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
  bool is_cause_header(int row) const {
    for (int c = 0; c < sheet_.columns; ++c)
      if (text(row, c) == "经费保障") return true;
    return false;
  }

  // A table: `header_rows` header rows at `row` (a two-row header's second row names the
  // columns its first row spans), then one node per row until a row with an empty first cell.
  template <class NewNode, class PathOf>
  int table(int row, int header_rows, Owner owner, NewNode new_node, PathOf path_of) {
    std::vector<const FieldInfo*> by_column(std::size_t(sheet_.columns), nullptr);
    for (int c = 0; c < sheet_.columns; ++c) {
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
    }
    return row;
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
