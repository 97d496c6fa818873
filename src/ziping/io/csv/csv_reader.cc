// Reads ziping's CSV form and hand-made CSV tables: the header row is the first row with a
// 三级指标 column (title lines above it are skipped); columns are found by header, our own
// names first, then the synonyms of sheet::indicator_headers() and label_headers().
#include <map>
#include <set>

#include "ziping/io/csv/columns.h"
#include "ziping/io/csv/csv_columns.h"
#include "ziping/io/csv/csv_form.h"
#include "ziping/io/csv/csv_table.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::csv {
namespace {

using diag::DiagId;
using num::Decimal;

constexpr std::size_t kMaxDiagnostics = 100;

using model::Owner;

// A header the sheet tables know names a CSV column unless it is a layout word (序号, 总分,
// 小计); the 绩效目标 label column of hand-made files is read for its goal number.
std::optional<Column> synonym_column(sheet::Field field) {
  if (model::field(field).owner == Owner::Layout && field != sheet::Field::GoalLabel)
    return std::nullopt;
  return field;
}

bool is_form_field(Column column) {
  Owner owner = model::field(column).owner;
  return owner == Owner::Header || owner == Owner::Budget || owner == Owner::Total ||
         owner == Owner::Closing;
}

std::string field_label(Column column) {
  for (const auto& name : csv_columns())
    if (name.column == column) return std::string(name.header);
  return "数值";
}

// ="…" is how a text that starts with = is kept from Excel's formula engine.
std::string unshielded(const std::string& text) {
  if (text.size() < 3 || !text.starts_with("=\"") || text.back() != '"') return text;
  std::string inner = text.substr(2, text.size() - 3);
  std::string out;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '"') {
      if (i + 1 < inner.size() && inner[i + 1] == '"') {
        out += '"';
        ++i;
        continue;
      }
      return text; // not the form we write
    }
    out += inner[i];
  }
  return out;
}

class Reader {
public:
  Reader(const Table& table, const std::string& file, model::ReadResult& result)
      : table_(table), file_(file), result_(result) {}

  void report(DiagId id, const Field* at, std::vector<std::string> args = {}) {
    if (reported_ == kMaxDiagnostics) {
      auto d = diag::make(DiagId::err_too_many_errors, "", {std::to_string(kMaxDiagnostics)});
      d.where.file = file_;
      result_.diagnostics.push_back(std::move(d));
    }
    if (reported_++ >= kMaxDiagnostics) return;
    auto d = diag::make(id, "", std::move(args));
    d.where = at ? diag::SourceLocation::text(file_, at->line, at->column) : diag::SourceLocation{};
    if (!at) d.where.file = file_;
    result_.diagnostics.push_back(std::move(d));
  }

  std::optional<model::Form> read(std::optional<model::FormKind> kind) {
    std::size_t header = table_.rows.size();
    for (std::size_t r = 0; r < table_.rows.size() && header == table_.rows.size(); ++r)
      for (const auto& field : table_.rows[r])
        if (sheet::match_header(sheet::fold_header(field.text), sheet::indicator_headers()) ==
            sheet::Field::Name)
          header = r;
    if (header == table_.rows.size()) {
      report(DiagId::err_csv_no_header,
             table_.rows.empty() || table_.rows[0].empty() ? nullptr : &table_.rows[0][0]);
      return std::nullopt;
    }
    map_columns(table_.rows[header]);
    header_size_ = table_.rows[header].size();
    model::Form form;
    bool first = true;
    for (std::size_t r = header + 1; r < table_.rows.size(); ++r) {
      const Row& row = table_.rows[r];
      bool empty = true;
      for (const auto& field : row)
        if (!text::trim(field.text).empty()) empty = false;
      if (empty) continue;
      if (row.size() != header_size_ && !ragged_reported_) {
        report(DiagId::warn_csv_ragged_row, &row[0],
               {std::to_string(row.size()), std::to_string(header_size_)});
        ragged_reported_ = true;
      }
      row_ = &row;
      if (first) {
        form_fields(form, kind);
        first = false;
      } else {
        compare_form_fields();
      }
      // A goal is the run of rows that give the same goal (number, texts, subtotals as read):
      // what the writer repeats on each row of a goal reads back as one goal.
      model::Goal here = goal_of_row();
      bool goal_columns_empty = !here.number && here.target.empty() && here.actual.empty() &&
                                here.deviation_reason.empty() && !here.weight && !here.score &&
                                raw(Column::GoalNumber).empty() && raw(Column::GoalLabel).empty() &&
                                raw(Column::GoalTarget).empty(); // ="" names an empty goal
      bool leaf = false;
      for (const auto* info : model::fields_of(Owner::Indicator))
        if (!raw(info->id).empty()) leaf = true;
      if (form.goals.empty() || !same_goal(form.goals.back(), here)) {
        if (!leaf && goal_columns_empty) continue; // the row of a form without goals
        start_goal(form);
      }
      if (leaf) read_leaf(form);
    }
    if (first) { // a header without rows: the form's columns are empty
      static const Row kNoFields;
      row_ = &kNoFields;
      form_fields(form, kind);
    }
    return form;
  }

private:
  void map_columns(const Row& header) {
    // Our own headers and the funding columns' suffixes, folded once: every read asks.
    static const std::vector<std::pair<std::string, Column>> ours = [] {
      std::vector<std::pair<std::string, Column>> out;
      for (const auto& name : csv_columns())
        out.emplace_back(sheet::fold_header(name.header), name.column);
      return out;
    }();
    static const std::vector<std::pair<std::string, model::FieldId>> funding_suffixes = [] {
      std::vector<std::pair<std::string, model::FieldId>> out;
      for (const auto* info : model::fields_of(Owner::Funding))
        out.emplace_back(sheet::fold_header(info->column), info->id);
      return out;
    }();
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string folded = sheet::fold_header(header[i].text);
      if (folded.empty()) continue;
      std::optional<Column> column;
      for (const auto& [name, c] : ours)
        if (folded == name) column = c;
      if (!column && folded.starts_with(kSourcePrefix)) {
        std::string rest = folded.substr(kSourcePrefix.size());
        std::size_t digits = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
        if (digits > 0 && digits < 4) {
          int number = std::stoi(rest.substr(0, digits));
          std::string suffix = rest.substr(digits);
          for (const auto& [folded_suffix, id] : funding_suffixes)
            if (suffix == folded_suffix) sources_[number][id] = int(i);
          continue;
        }
      }
      if (!column) {
        auto field = sheet::match_header(folded, sheet::indicator_headers());
        if (field == sheet::Field::RowNumber) continue; // a row count: nothing to keep
        if (field)
          column = synonym_column(*field);
        else if (auto label = sheet::match_header(folded, sheet::label_headers()))
          column = synonym_column(*label);
      }
      if (!column) {
        // A suggestion past the diagnostics limit would be computed only to be dropped.
        std::string suggestion = reported_ < kMaxDiagnostics
                                     ? sheet::suggest_header(folded, sheet::indicator_headers())
                                     : std::string();
        report(DiagId::warn_sheet_unknown_column, &header[i],
               {header[i].text, suggestion.empty()
                                    ? std::string()
                                    : diag::bilingual("（是否应为「" + suggestion + "」？）",
                                                      " (did you mean " + suggestion + "?)")});
        continue;
      }
      if (columns_.count(*column)) {
        report(DiagId::warn_sheet_duplicate_column, &header[i], {header[i].text});
        continue;
      }
      columns_[*column] = i;
    }
    for (auto [column, name] : {std::pair{Column::Target, "年度指标值"},
                                {Column::Actual, "实际完成值"},
                                {Column::Weight, "分值"},
                                {Column::Score, "得分"}})
      if (!columns_.count(column)) report(DiagId::err_sheet_missing_column, &header[0], {name});
  }

  const Field* cell(Column column) const {
    auto found = columns_.find(column);
    if (found == columns_.end() || found->second >= row_->size()) return nullptr;
    return &(*row_)[found->second];
  }
  const Field* cell_at(int index) const {
    if (index < 0 || std::size_t(index) >= row_->size()) return nullptr;
    return &(*row_)[std::size_t(index)];
  }
  std::string raw(Column column) const {
    const Field* field = cell(column);
    return field ? field->text : std::string();
  }
  void locate(const std::string& path, const Field* field) {
    if (field) result_.map.set(path, diag::SourceLocation::text(file_, field->line, field->column));
  }
  std::string text(Column column, const std::string& path) {
    const Field* field = cell(column);
    locate(path, field);
    return field ? unshielded(field->text) : std::string();
  }
  std::optional<Decimal> number_at(const Field* field, const std::string& path,
                                   const std::string& label) {
    locate(path, field);
    if (!field) return std::nullopt;
    std::optional<Decimal> value;
    if (sheet::parse_number_text(field->text, value) == sheet::NumberText::NotANumber) {
      report(DiagId::err_sheet_not_a_number, field, {label, field->text});
      return std::nullopt;
    }
    return value;
  }
  std::optional<Decimal> number(Column column, const std::string& path) {
    return number_at(cell(column), path, field_label(column));
  }

  // One cell into a member, by the member's type; `info` names the field in messages.
  void read_value(std::string& out, const Field* field, const std::string& path,
                  const model::FieldInfo&) {
    locate(path, field);
    out = field ? unshielded(field->text) : std::string();
  }
  void read_value(std::optional<Decimal>& out, const Field* field, const std::string& path,
                  const model::FieldInfo& info) {
    out = number_at(field, path, std::string(info.column.empty() ? info.header : info.column));
  }
  void read_value(std::optional<int>& out, const Field* field, const std::string& path,
                  const model::FieldInfo& info) {
    if (!field || text::trim(field->text).empty()) return;
    locate(path, field);
    out = sheet::number_in(field->text);
    if (!out)
      report(DiagId::err_sheet_not_a_number, field, {std::string(info.header), field->text});
  }
  void read_value(std::optional<bool>& out, const Field* field, const std::string& path,
                  const model::FieldInfo& info) {
    if (!field) return;
    locate(path, field);
    std::string flag = std::string(text::trim(value::fold(field->text)));
    if (flag == "是" || flag == "√" || flag == "Y" || flag == "TRUE" || flag == "true")
      out = true;
    else if (flag == "否" || flag == "×" || flag == "N" || flag == "FALSE" || flag == "false")
      out = false;
    else if (!flag.empty())
      report(DiagId::warn_sheet_not_a_flag, field, {std::string(info.header), flag});
  }
  void read_value(model::FormKind&, const Field*, const std::string&, const model::FieldInfo&) {
    // read by form_fields, which also weighs what the caller knows
  }

  // The cells of `owner`'s fields into `object`, the struct that holds them; `prefix` starts
  // each field's path ("budget.", "goals[2].indicators[0].").
  template <class Struct>
  void read_members(Struct& object, Owner owner, const std::string& prefix) {
    model::for_each_member<Struct>(owner, [&](const model::FieldInfo& info, auto member) {
      if (info.id == Column::GoalNumber) return;                            // goal_number()
      if (info.id == Column::MoneyUnit && !columns_.count(info.id)) return; // keeps 万元
      read_value(object.*member, cell(info.id), prefix + std::string(info.json_key), info);
    });
  }

  void form_fields(model::Form& form, std::optional<model::FormKind> kind) {
    if (!row_->empty()) result_.map.set("", diag::SourceLocation::text(file_, (*row_)[0].line, 1));
    std::string kind_text = std::string(text::trim(value::fold(text(Column::Kind, "kind"))));
    if (kind_text.find("项目") != std::string::npos || kind_text == "project") {
      form.kind = model::FormKind::Project;
    } else if (kind_text.find("部门") != std::string::npos ||
               kind_text.find("整体") != std::string::npos || kind_text == "department") {
      form.kind = model::FormKind::Department;
    } else if (!kind_text.empty()) {
      report(DiagId::err_csv_bad_kind, cell(Column::Kind), {kind_text});
    } else if (kind) {
      form.kind = *kind;
    } else if (columns_.count(Column::Project) && !raw(Column::Project).empty()) {
      form.kind = model::FormKind::Project;
    } else if (!columns_.count(Column::GoalNumber) && !columns_.count(Column::GoalLabel)) {
      report(DiagId::warn_sheet_kind_unknown, nullptr,
             {diag::bilingual("部门整体支出绩效自评表", "a department form")});
    }
    read_members(form, Owner::Header, "");
    auto& b = form.budget;
    read_members(b, Owner::Budget, "budget.");
    for (const auto& entry : sources_) {
      // Not a structured binding: clang 14 cannot capture one in the lambda below.
      const auto& source_columns = entry.second;
      std::string path = "budget.sources[" + std::to_string(b.sources.size()) + "]";
      model::FundingRow source;
      locate(path, cell_at(source_columns.count(Column::FundingLabel)
                               ? source_columns.at(Column::FundingLabel)
                               : -1));
      model::for_each_member<model::FundingRow>(
          Owner::Funding, [&](const model::FieldInfo& info, auto member) {
            auto found = source_columns.find(info.id);
            const Field* field = cell_at(found == source_columns.end() ? -1 : found->second);
            read_value(source.*member, field, path + "." + std::string(info.json_key), info);
          });
      b.sources.push_back(std::move(source));
    }
    read_members(form, Owner::Total, "total.");
    read_members(form, Owner::Closing, "");
    for (const auto& name : csv_columns()) {
      if (!is_form_field(name.column)) continue;
      if (const Field* field = cell(name.column)) first_row_[name.column] = field->text;
    }
  }

  void compare_form_fields() {
    for (const auto& [column, first] : first_row_) {
      const Field* field = cell(column);
      std::string value = field ? field->text : "";
      if (value != first && !differing_.count(column)) {
        differing_.insert(column);
        report(DiagId::warn_csv_differing_form_field, field ? field : &(*row_)[0],
               {field_label(column), value, first});
      }
    }
  }

  static bool same_number(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
    return a.has_value() == b.has_value() && (!a || a->to_string() == b->to_string());
  }
  static bool same_goal(const model::Goal& a, const model::Goal& b) {
    return a.number == b.number && a.target == b.target && a.actual == b.actual &&
           a.deviation_reason == b.deviation_reason && same_number(a.weight, b.weight) &&
           same_number(a.score, b.score);
  }
  // The goal this row names, read quietly (start_goal reads it again with locations).
  model::Goal goal_of_row() const {
    model::Goal goal;
    goal.number = goal_number();
    auto quiet_text = [&](Column c) {
      const Field* field = cell(c);
      return field ? unshielded(field->text) : std::string();
    };
    auto quiet_number = [&](Column c) -> std::optional<Decimal> {
      const Field* field = cell(c);
      std::optional<Decimal> value;
      if (field && sheet::parse_number_text(field->text, value) == sheet::NumberText::Number)
        return value;
      return std::nullopt;
    };
    model::for_each_member<model::Goal>(
        Owner::Goal, [&](const model::FieldInfo& info, auto member) {
          using Member = std::remove_reference_t<decltype(goal.*member)>;
          if constexpr (std::is_same_v<Member, std::string>)
            goal.*member = quiet_text(info.id);
          else if constexpr (std::is_same_v<Member, std::optional<Decimal>>)
            goal.*member = quiet_number(info.id);
        });
    return goal;
  }

  std::optional<int> goal_number() const {
    if (const Field* number = cell(Column::GoalNumber);
        number && !text::trim(number->text).empty()) {
      std::optional<Decimal> value;
      if (sheet::parse_number_text(number->text, value) == sheet::NumberText::Number && value &&
          value->normalized().scale() == 0 && !value->is_negative() &&
          *value < Decimal::from_int(1000000000))
        return int((long long)value->normalized().coefficient());
      return sheet::number_in(number->text);
    }
    if (const Field* label = cell(Column::GoalLabel); label && !text::trim(label->text).empty())
      return sheet::number_in(label->text);
    return std::nullopt;
  }

  void start_goal(model::Form& form) {
    std::size_t g = form.goals.size();
    std::string path = model::goal_path(g);
    model::Goal goal;
    goal.number = goal_number();
    if (const Field* number = cell(Column::GoalNumber); number && !text::trim(number->text).empty())
      locate(path + ".number", number);
    else if (const Field* label = cell(Column::GoalLabel);
             label && !text::trim(label->text).empty())
      locate(path + ".number", label);
    locate(path, &(*row_)[0]);
    read_members(goal, Owner::Goal, path + ".");
    form.goals.push_back(std::move(goal));
  }

  void read_leaf(model::Form& form) {
    std::size_t g = form.goals.size() - 1;
    auto& goal = form.goals[g];
    std::string path = model::indicator_path(g, goal.indicators.size());
    model::Indicator leaf;
    locate(path, cell(Column::Name) ? cell(Column::Name) : &(*row_)[0]);
    read_members(leaf, Owner::Indicator, path + ".");
    goal.indicators.push_back(std::move(leaf));
  }

  const Table& table_;
  const std::string& file_;
  model::ReadResult& result_;
  std::map<Column, std::size_t> columns_;
  std::map<int, std::map<Column, int>> sources_; // 资金来源N → its columns
  std::map<Column, std::string> first_row_;
  std::set<Column> differing_;
  const Row* row_ = nullptr;
  std::size_t header_size_ = 0;
  bool ragged_reported_ = false;
  std::size_t reported_ = 0;
};

} // namespace

model::ReadResult read_csv(std::string_view bytes, const std::string& file_name,
                           std::optional<model::FormKind> kind) {
  model::ReadResult result;
  result.map.set_file(file_name);
  auto table = read_table(bytes, file_name);
  result.diagnostics = std::move(table.diagnostics);
  if (!table.table) return result;
  Reader reader(*table.table, file_name, result);
  result.form = reader.read(kind);
  return result;
}

} // namespace ziping::io::csv
