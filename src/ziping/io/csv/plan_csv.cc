#include "ziping/io/csv/plan_csv.h"

#include <map>

#include "ziping/io/csv/csv_table.h"
#include "ziping/model/fields.h"

namespace ziping::io::csv {
namespace {

using diag::DiagId;
using model::FieldInfo;
using model::Owner;
using model::Plan;

constexpr std::string_view kRecord = "记录";
constexpr std::string_view kHead = "表头";
constexpr std::string_view kFunding = "资金";
constexpr std::string_view kGoal = "目标";
constexpr std::string_view kIndicator = "指标";
constexpr std::string_view kTask = "任务";

std::string column_of(const FieldInfo& info) {
  return std::string(info.column.empty() ? info.header : info.column);
}

// The kind's columns: head, funding row, goal, indicator, each in catalogue order; then a
// declaration's 年度主要任务 (last, so that a plan without tasks keeps its columns where they
// were; written only when the plan has tasks, always read).
std::vector<const FieldInfo*> columns(model::PlanKind kind, bool tasks = true) {
  auto owners = model::plan_owners(kind);
  std::vector<const FieldInfo*> out;
  for (Owner owner : {owners.head, owners.funding, owners.goal, owners.indicator})
    for (const auto* info : model::fields_of(owner)) out.push_back(info);
  if (kind == model::PlanKind::Declaration && tasks)
    for (const auto* info : model::fields_of(Owner::DeclTask)) out.push_back(info);
  return out;
}

std::string cell(const std::string& text) {
  return text;
}
std::string cell(const std::optional<num::Decimal>& value) {
  return value ? value->to_string() : "";
}
std::string cell(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "";
}
std::string cell(const std::optional<bool>& value) {
  return value ? (*value ? "是" : "否") : "";
}
std::string cell(model::FormKind kind) {
  return std::string(model::kind_name(kind));
}
std::string cell(model::PlanKind kind) {
  return std::string(model::plan_kind_name(kind));
}

std::string quoted(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

class Writer {
public:
  explicit Writer(const Plan& plan)
      : plan_(plan), columns_(columns(plan.kind, !plan.tasks.empty())) {}

  std::string write() {
    std::vector<std::string> header{std::string(kRecord)};
    for (const auto* info : columns_) header.push_back(column_of(*info));
    line(header);
    auto owners = model::plan_owners(plan_.kind);
    row(kHead, owners.head, plan_);
    for (const auto& funding : plan_.funding) row(kFunding, owners.funding, funding);
    if (plan_.kind == model::PlanKind::Declaration)
      for (const auto& task : plan_.tasks) row(kTask, Owner::DeclTask, task);
    for (const auto& goal : plan_.goals) {
      row(kGoal, owners.goal, goal);
      for (const auto& leaf : goal.indicators) row(kIndicator, owners.indicator, leaf);
    }
    return out_;
  }

private:
  template <class Struct> void row(std::string_view record, Owner owner, const Struct& node) {
    std::vector<std::string> cells{std::string(record)};
    for (const auto* info : columns_) {
      std::string text;
      if (info->owner == owner)
        model::visit_member(node, info->id, [&](const auto& value) { text = cell(value); });
      cells.push_back(std::move(text));
    }
    line(cells);
  }
  void line(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out_ += (i ? "," : "") + quoted(cells[i]);
    out_ += "\r\n";
  }

  const Plan& plan_;
  std::vector<const FieldInfo*> columns_;
  std::string out_;
};

class Reader {
public:
  Reader(const std::string& file, model::PlanReadResult& result) : file_(file), result_(result) {}

  void read(const Table& table) {
    std::size_t header = 0;
    while (header < table.rows.size() &&
           (table.rows[header].empty() || table.rows[header][0].text != kRecord))
      ++header;
    if (header == table.rows.size()) {
      report(DiagId::err_csv_no_header, "", 1, 1, {});
      return;
    }
    const Row& names = table.rows[header];
    // The kind is in the head row's 表类型 cell; the kind decides which columns belong.
    std::optional<model::PlanKind> kind;
    const Field* kind_cell = nullptr;
    for (std::size_t r = header + 1; r < table.rows.size() && !kind_cell; ++r) {
      const Row& row = table.rows[r];
      if (row.empty() || row[0].text != kHead) continue;
      for (std::size_t c = 1; c < row.size() && c < names.size(); ++c)
        if (names[c].text == "表类型") kind_cell = &row[c];
      break;
    }
    if (!kind_cell) {
      report(DiagId::err_json_missing_field, "kind", names[0].line, names[0].column, {"kind"});
      return;
    }
    kind = model::parse_plan_kind(kind_cell->text);
    if (!kind) {
      report(DiagId::err_bad_enum_value, "kind", kind_cell->line, kind_cell->column,
             {"kind", "「" + kind_cell->text + "」", "\"declaration\", \"monitoring\""});
      return;
    }
    Plan plan;
    plan.kind = *kind;
    auto known = columns(*kind);
    std::vector<const FieldInfo*> by_column(names.size(), nullptr);
    for (std::size_t c = 1; c < names.size(); ++c) {
      for (const auto* info : known)
        if (column_of(*info) == names[c].text) by_column[c] = info;
      if (!by_column[c])
        report(DiagId::warn_json_unknown_field, names[c].text, names[c].line, names[c].column,
               {names[c].text});
    }
    auto owners = model::plan_owners(*kind);
    result_.map.set("", diag::SourceLocation::text(file_, names[0].line, names[0].column));
    bool head_seen = false;
    for (std::size_t r = header + 1; r < table.rows.size(); ++r) {
      const Row& row = table.rows[r];
      if (row.empty() || (row.size() == 1 && row[0].text.empty())) continue;
      if (row.size() != names.size())
        report(DiagId::warn_csv_ragged_row, "", row[0].line, row[0].column,
               {std::to_string(row.size()), std::to_string(names.size())});
      std::string_view record = row[0].text;
      if (record == kHead && !head_seen) {
        head_seen = true;
        fill(row, by_column, owners.head, plan, "");
      } else if (record == kFunding) {
        std::string path = "funding[" + std::to_string(plan.funding.size()) + "]";
        fill(row, by_column, owners.funding, plan.funding.emplace_back(), path);
      } else if (record == kTask && *kind == model::PlanKind::Declaration) {
        std::string path = "tasks[" + std::to_string(plan.tasks.size()) + "]";
        fill(row, by_column, Owner::DeclTask, plan.tasks.emplace_back(), path);
      } else if (record == kGoal) {
        fill(row, by_column, owners.goal, plan.goals.emplace_back(),
             model::goal_path(plan.goals.size() - 1));
      } else if (record == kIndicator) {
        if (plan.goals.empty()) plan.goals.emplace_back(); // an indicator before any goal
        auto& goal = plan.goals.back();
        fill(row, by_column, owners.indicator, goal.indicators.emplace_back(),
             model::indicator_path(plan.goals.size() - 1, goal.indicators.size() - 1));
      } else {
        report(DiagId::warn_import_row_dropped, "", row[0].line, row[0].column, {row[0].text});
      }
    }
    result_.plan = std::move(plan);
  }

private:
  template <class Struct>
  void fill(const Row& row, const std::vector<const FieldInfo*>& by_column, Owner owner,
            Struct& node, const std::string& path) {
    result_.map.set(path, diag::SourceLocation::text(file_, row[0].line, row[0].column));
    for (std::size_t c = 1; c < row.size() && c < by_column.size(); ++c) {
      const FieldInfo* info = by_column[c];
      if (!info || info->owner != owner) continue;
      std::string field_path =
          path.empty() ? std::string(info->json_key) : path + "." + std::string(info->json_key);
      result_.map.set(field_path, diag::SourceLocation::text(file_, row[c].line, row[c].column));
      model::visit_member(node, info->id,
                          [&](auto& value) { take(value, row[c], field_path, *info); });
    }
  }

  void take(std::string& out, const Field& f, const std::string&, const FieldInfo&) {
    out = f.text;
  }
  void take(std::optional<num::Decimal>& out, const Field& f, const std::string& path,
            const FieldInfo& info) {
    if (f.text.empty()) return;
    if (auto value = num::Decimal::parse(f.text)) {
      out = value;
    } else {
      unreadable(f, path, info);
    }
  }
  void take(std::optional<int>& out, const Field& f, const std::string& path,
            const FieldInfo& info) {
    if (f.text.empty()) return;
    auto value = num::Decimal::parse(f.text);
    if (value && f.text.find('.') == std::string::npos && f.text.size() <= 9) {
      out = std::stoi(f.text);
    } else {
      unreadable(f, path, info);
    }
  }
  void take(std::optional<bool>& out, const Field& f, const std::string& path,
            const FieldInfo& info) {
    if (f.text.empty()) return;
    if (f.text == "是") {
      out = true;
    } else if (f.text == "否") {
      out = false;
    } else {
      unreadable(f, path, info);
    }
  }
  void take(model::FormKind& out, const Field& f, const std::string& path, const FieldInfo&) {
    if (auto kind = model::parse_kind(f.text)) {
      out = *kind;
    } else {
      report(DiagId::err_bad_enum_value, path, f.line, f.column,
             {path, "「" + f.text + "」", "\"department\", \"project\""});
    }
  }
  void take(model::PlanKind&, const Field&, const std::string&, const FieldInfo&) {}

  void unreadable(const Field& f, const std::string& path, const FieldInfo& info) {
    report(DiagId::warn_import_number_unreadable, path, f.line, f.column,
           {column_of(info), f.text});
  }
  void report(DiagId id, const std::string& path, int line, int column,
              std::vector<std::string> args) {
    auto d = diag::make(id, path, std::move(args));
    d.where = diag::SourceLocation::text(file_, line, column);
    result_.diagnostics.push_back(std::move(d));
  }

  std::string file_;
  model::PlanReadResult& result_;
};

} // namespace

std::string write_plan_csv(const Plan& plan) {
  return Writer(plan).write();
}

model::PlanReadResult read_plan_csv(std::string_view bytes, const std::string& file_name) {
  model::PlanReadResult result;
  result.map.set_file(file_name);
  auto table = read_table(bytes, file_name);
  result.diagnostics = std::move(table.diagnostics);
  if (!table.table) return result;
  Reader(file_name, result).read(*table.table);
  return result;
}

} // namespace ziping::io::csv
