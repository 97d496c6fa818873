#include "ziping/io/print/layout.h"

#include "ziping/io/print/grid.h"
#include "ziping/model/source_map.h"

namespace ziping::io::print {

Sheet official_layout(const model::Form& form) {
  Sheet sheet;
  bool project = form.kind == model::FormKind::Project;
  sheet.title = !form.title.empty() ? form.title
                : project           ? "项目支出绩效自评表"
                                    : "部门整体支出绩效自评表";
  if (form.year) sheet.subtitle = "（" + std::to_string(*form.year) + "年度）";
  sheet.heading = sheet.title + sheet.subtitle;
  Grid grid(grid_columns(form));
  for (auto* build : {&header_sections, &indicator_sections, &closing_sections}) {
    for (auto& section : build(form, grid)) sheet.sections.push_back(std::move(section));
  }
  sheet.columns = grid.columns;
  return sheet;
}

std::string anchor_id(std::string_view path) {
  if (path.empty()) return "form";
  std::string id;
  for (char c : path) {
    if (c == '[' || c == '.') {
      if (!id.empty() && id.back() != '-') id += '-';
    } else if (c != ']') {
      id += c;
    }
  }
  return id;
}

int column_index(const Sheet& sheet, std::string_view key) {
  for (std::size_t i = 0; i < sheet.columns.size(); ++i)
    if (sheet.columns[i].key == key) return int(i);
  return -1;
}

CellIndex::CellIndex(const Sheet& sheet) {
  auto add = [&](const Cell& cell) {
    if (cell.paths.empty()) return;
    by_anchor_.emplace(anchor_id(cell.paths.front()), &cell);
    for (const auto& path : cell.paths) by_path_.emplace(path, &cell);
  };
  for (const auto& section : sheet.sections) {
    if (section.label) add(*section.label);
    for (const auto* rows : {&section.header, &section.body})
      for (const auto& row : *rows)
        for (const auto& cell : row.cells) add(cell);
  }
}

std::optional<std::string> CellIndex::anchor_for(const std::string& path) const {
  std::string at = path;
  while (!at.empty()) {
    if (auto found = by_path_.find(at); found != by_path_.end())
      return anchor_id(found->second->paths.front());
    at = model::parent_path(at);
  }
  return std::nullopt;
}

const Cell* CellIndex::cell_with_anchor(const std::string& anchor) const {
  auto found = by_anchor_.find(anchor);
  return found == by_anchor_.end() ? nullptr : found->second;
}

} // namespace ziping::io::print
