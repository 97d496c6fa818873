#include "ziping/io/print/plan_layout.h"

#include <algorithm>

#include "ziping/io/print/plan_cells.h"
#include "ziping/model/fields.h"

namespace ziping::io::print {
namespace {

using model::FieldId;
using model::FieldInfo;
using model::Owner;

std::string join(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

bool is_cause(const FieldInfo& info) {
  return info.id == FieldId::MonCauseFunding || info.id == FieldId::MonCauseRules ||
         info.id == FieldId::MonCauseStaff || info.id == FieldId::MonCauseHardware ||
         info.id == FieldId::MonCauseOther;
}

std::string label_of(const FieldInfo& info) {
  return std::string(info.column.empty() ? info.header : info.column);
}
std::string header_of(const FieldInfo& info) {
  return std::string(info.header.empty() ? info.column : info.header);
}

Style style_of(const FieldInfo& info) {
  if (info.kind == model::FieldKind::Decimal || info.kind == model::FieldKind::Integer)
    return Style::Number;
  return info.kind == model::FieldKind::Text ? Style::Text : Style::Short;
}

// Spans that share `width` grid columns among `parts` cells, the last taking what is left.
std::vector<int> spans(int width, int parts) {
  std::vector<int> out(std::size_t(std::max(parts, 1)), std::max(width / std::max(parts, 1), 1));
  int used = 0;
  for (std::size_t i = 0; i + 1 < out.size(); ++i) used += out[i];
  out.back() = std::max(width - used, 1);
  return out;
}

// The head or a goal: one row per field, its label over the first quarter of the grid.
template <class Struct>
Section field_rows(std::string name, Owner owner, const Struct& node, const std::string& path,
                   int width) {
  Section section;
  section.name = std::move(name);
  section.keep_together = true;
  int label = std::max(width / 4, 1);
  model::for_each_member<Struct>(owner, [&](const FieldInfo& info, auto member) {
    if (info.id == FieldId::DeclTitle || info.id == FieldId::MonTitle) return;
    Row row;
    row.cells.push_back({0, label, 1, label_of(info), Style::Label, {}});
    row.cells.push_back({label,
                         width - label,
                         1,
                         shown(node.*member),
                         info.kind == model::FieldKind::Text ? Style::Text : Style::Short,
                         {join(path, info.json_key)}});
    section.body.push_back(std::move(row));
  });
  return section;
}

// 资金 (funding): one header row of the funding fields, one row per source, spread over the
// table's width.
Section funding_section(const model::Plan& plan, const model::PlanOwners& owners, int width) {
  Section funding;
  funding.name = "funding";
  funding.keep_together = true;
  auto funding_fields = model::fields_of(owners.funding);
  auto funding_spans = spans(width, int(funding_fields.size()));
  Row header;
  int column = 0;
  for (std::size_t i = 0; i < funding_fields.size(); ++i) {
    header.cells.push_back(
        {column, funding_spans[i], 1, header_of(*funding_fields[i]), Style::Label, {}});
    column += funding_spans[i];
  }
  funding.header.push_back(std::move(header));
  for (std::size_t r = 0; r < plan.funding.size(); ++r) {
    Row row;
    int at = 0;
    std::size_t i = 0;
    std::string path = "funding[" + std::to_string(r) + "]";
    model::for_each_member<model::PlanFunding>(
        owners.funding, [&](const FieldInfo& info, auto member) {
          row.cells.push_back({at,
                               funding_spans[i],
                               1,
                               shown(plan.funding[r].*member),
                               style_of(info),
                               {join(path, info.json_key)}});
          at += funding_spans[i++];
        });
    funding.body.push_back(std::move(row));
  }
  return funding;
}

// 年度主要任务 (88号's 部门整体 template): the label down the first columns, then 任务名称,
// 主要内容 (two shares) and 预算金额 over 总额 · 财政拨款 · 其他资金.
Section tasks_section(const model::Plan& plan, int width) {
  Section tasks;
  tasks.name = "tasks";
  int label = std::max(width / 8, 1);
  tasks.label = Cell{0, label, 1, "年度主要任务", Style::Label, {}};
  auto parts = spans(width - label, 6);
  std::vector<int> first(5), span(5);
  int column = label;
  for (std::size_t f = 0, part = 0; f < 5; ++f) {
    first[f] = column;
    span[f] = parts[part++];
    if (f == 1) span[f] += parts[part++]; // 主要内容 takes two shares
    column += span[f];
  }
  auto fields = model::fields_of(Owner::DeclTask);
  Row top, second;
  for (std::size_t f = 0; f < fields.size() && f < 5; ++f) {
    const FieldInfo& info = *fields[f];
    if (info.kind == model::FieldKind::Decimal) {
      if (second.cells.empty())
        top.cells.push_back(
            {first[f], span[f] + span[f + 1] + span[f + 2], 1, "预算金额", Style::Label, {}});
      second.cells.push_back({first[f], span[f], 1, header_of(info), Style::Label, {}});
    } else {
      top.cells.push_back({first[f], span[f], 2, header_of(info), Style::Label, {}});
    }
  }
  tasks.header.push_back(std::move(top));
  tasks.header.push_back(std::move(second));
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    Row row;
    std::size_t f = 0;
    std::string path = "tasks[" + std::to_string(t) + "]";
    model::for_each_member<model::PlanTask>(Owner::DeclTask,
                                            [&](const FieldInfo& info, auto member) {
                                              row.cells.push_back({first[f],
                                                                   span[f],
                                                                   1,
                                                                   shown(plan.tasks[t].*member),
                                                                   style_of(info),
                                                                   {join(path, info.json_key)}});
                                              ++f;
                                            });
    tasks.body.push_back(std::move(row));
  }
  return tasks;
}

// A goal's indicator table: a column per indicator field, the 偏差原因分析 columns under one
// heading (a second header row) when the plan has them.
Section indicator_section(const model::Plan& plan, std::size_t g,
                          std::span<const FieldInfo* const> leaves, Owner owner, bool causes) {
  const auto& goal = plan.goals[g];
  const int width = int(leaves.size());
  Section table;
  table.name = "indicators";
  Row top, second;
  for (int c = 0; c < width; ++c) {
    const FieldInfo& info = *leaves[std::size_t(c)];
    if (is_cause(info)) {
      if (top.cells.empty() || top.cells.back().text != "偏差原因分析")
        top.cells.push_back({c, 5, 1, "偏差原因分析", Style::Label, {}});
      second.cells.push_back({c, 1, 1, header_of(info), Style::Label, {}});
      continue;
    }
    top.cells.push_back({c, 1, causes ? 2 : 1, header_of(info), Style::Label, {}});
  }
  table.header.push_back(std::move(top));
  if (causes) table.header.push_back(std::move(second));
  for (std::size_t i = 0; i < goal.indicators.size(); ++i) {
    Row row;
    int c = 0;
    std::string path = model::indicator_path(g, i);
    model::for_each_member<model::PlanIndicator>(owner, [&](const FieldInfo& info, auto member) {
      row.cells.push_back({c++,
                           1,
                           1,
                           shown(goal.indicators[i].*member),
                           style_of(info),
                           {join(path, info.json_key)}});
    });
    table.body.push_back(std::move(row));
  }
  return table;
}

} // namespace

Sheet plan_layout(const model::Plan& plan) {
  auto owners = model::plan_owners(plan.kind);
  Sheet sheet;
  sheet.title = plan.title.empty() ? (plan.kind == model::PlanKind::Monitoring ? "绩效运行监控表"
                                                                               : "绩效目标申报表")
                                   : plan.title;
  if (plan.year) sheet.subtitle = "（" + std::to_string(*plan.year) + "年度）";
  sheet.heading = sheet.title + sheet.subtitle;

  auto leaves = model::fields_of(owners.indicator);
  for (const auto* info : leaves)
    sheet.columns.push_back({info->json_key, std::max(info->share, 1), info->id});
  int width = int(sheet.columns.size());

  sheet.sections.push_back(field_rows("head", owners.head, plan, "", width));
  sheet.sections.push_back(funding_section(plan, owners, width));
  if (plan.kind == model::PlanKind::Declaration && !plan.tasks.empty())
    sheet.sections.push_back(tasks_section(plan, width));
  bool causes = std::any_of(leaves.begin(), leaves.end(), [](auto* i) { return is_cause(*i); });
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    sheet.sections.push_back(
        field_rows("goal", owners.goal, plan.goals[g], model::goal_path(g), width));
    sheet.sections.push_back(indicator_section(plan, g, leaves, owners.indicator, causes));
  }
  return sheet;
}

} // namespace ziping::io::print
