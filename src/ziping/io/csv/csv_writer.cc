#include <string>
#include <vector>

#include "ziping/io/csv/csv_columns.h"
#include "ziping/io/csv/csv_form.h"

namespace ziping::io::csv {
namespace {

using model::Form;

std::string quoted(const std::string& field) {
  bool needs = field.find_first_of(",\"\r\n") != std::string::npos || field.starts_with(' ') ||
               field.ends_with(' ') || field.starts_with('\t');
  if (!needs) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Excel computes a cell that starts with = + or @; ="…" makes it show the text instead.
std::string shielded(const std::string& text) {
  if (text.empty() || (text[0] != '=' && text[0] != '+' && text[0] != '@')) return text;
  std::string out = "=\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// One cell's text for a value of each C++ type the catalogue holds.
std::string cell_text(const std::string& text) {
  return shielded(text);
}
std::string cell_text(const std::optional<num::Decimal>& value) {
  return value ? value->to_string() : std::string();
}
std::string cell_text(const std::optional<int>& value) {
  return value ? std::to_string(*value) : std::string();
}
std::string cell_text(const std::optional<bool>& value) {
  return value ? (*value ? "是" : "否") : "";
}
std::string cell_text(model::FormKind kind) {
  return kind == model::FormKind::Project ? "项目" : "部门整体";
}

// The text of field `id` in the node that owns it; "" when this row has no such node.
std::string field_text(const Form& form, const model::Goal* goal, const model::Indicator* leaf,
                       Column id) {
  std::string out;
  auto take = [&](const auto& value) { out = cell_text(value); };
  switch (model::field(id).owner) {
  case model::Owner::Indicator:
    if (leaf) model::visit_member(*leaf, id, take);
    break;
  case model::Owner::Goal:
    if (goal) model::visit_member(*goal, id, take);
    break;
  case model::Owner::Budget:
    model::visit_member(form.budget, id, take);
    break;
  default:
    model::visit_member(form, id, take);
    break;
  }
  return out;
}

template <class Struct> bool all_empty(const Struct& object, model::Owner owner) {
  bool empty = true;
  model::for_each_member<Struct>(owner, [&](const model::FieldInfo&, auto member) {
    if (model::has_content(object.*member)) empty = false;
  });
  return empty;
}

} // namespace

std::string write_csv(const Form& form) {
  std::vector<Column> columns;
  std::string out = "\xEF\xBB\xBF";
  std::string line;
  for (const auto& name : csv_columns()) {
    if (name.optional && !model::field_used(form, *name.info)) continue;
    columns.push_back(name.column);
    line += (line.empty() ? "" : ",") + quoted(std::string(name.header));
  }
  auto funding = model::fields_of(model::Owner::Funding);
  for (std::size_t s = 1; s <= form.budget.sources.size(); ++s)
    for (const auto* info : funding)
      line += "," + std::string(kSourcePrefix) + std::to_string(s) + std::string(info->column);
  out += line + "\r\n";

  auto row = [&](const model::Goal* goal, const model::Indicator* leaf) {
    // A row whose indicator (or goal) columns would all be empty still names one: its name
    // (or goal text) is written ="" — empty on screen, present for the reader.
    bool empty_leaf = leaf && all_empty(*leaf, model::Owner::Indicator);
    bool empty_goal = goal && !leaf && all_empty(*goal, model::Owner::Goal);
    std::string text;
    bool first = true;
    for (Column column : columns) {
      std::string value = field_text(form, goal, leaf, column);
      if ((column == Column::Name && empty_leaf) || (column == Column::GoalTarget && empty_goal))
        value = "=\"\"";
      text += (first ? "" : ",") + quoted(value);
      first = false;
    }
    for (const auto& source : form.budget.sources) {
      for (const auto* info : funding) {
        std::string value;
        model::visit_member(source, info->id, [&](const auto& v) { value = cell_text(v); });
        text += "," + quoted(value);
      }
    }
    out += text + "\r\n";
  };
  if (form.goals.empty()) row(nullptr, nullptr);
  for (const auto& goal : form.goals) {
    if (goal.indicators.empty()) row(&goal, nullptr);
    for (const auto& leaf : goal.indicators) row(&goal, &leaf);
  }
  return out;
}

} // namespace ziping::io::csv
