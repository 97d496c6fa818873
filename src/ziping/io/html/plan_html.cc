#include "ziping/io/html/plan_html.h"

#include "ziping/io/html/html_parts.h"
#include "ziping/io/html/html_writer.h"
#include "ziping/io/print/plan_cells.h"
#include "ziping/model/fields.h"

namespace ziping::io::html {
namespace {

using model::FieldId;
using model::FieldInfo;
using model::Owner;

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

using print::shown;

// "goals[1].indicators[2].target" → "goals-1-indicators-2-target", as the 自评表's page.
std::string id_of(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '[' || c == '.') {
      out += '-';
    } else if (c != ']') {
      out += c;
    }
  }
  return out;
}

std::string join(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

template <class Struct>
void field_rows(std::string& out, Owner owner, const Struct& node, const std::string& path) {
  model::for_each_member<Struct>(owner, [&](const FieldInfo& info, auto member) {
    if (info.id == FieldId::DeclTitle || info.id == FieldId::MonTitle) return;
    out += "<tr><th>" + escape(label_of(info)) + "</th><td id=\"" +
           escape(id_of(join(path, info.json_key))) + "\">" + escape(shown(node.*member)) +
           "</td></tr>\n";
  });
}

template <class Struct>
void value_row(std::string& out, Owner owner, const Struct& node, const std::string& path) {
  out += "<tr>";
  model::for_each_member<Struct>(owner, [&](const FieldInfo& info, auto member) {
    out += "<td id=\"" + escape(id_of(join(path, info.json_key))) + "\">" +
           escape(shown(node.*member)) + "</td>";
  });
  out += "</tr>\n";
}

} // namespace

std::string write_plan_html(const model::Plan& plan) {
  auto owners = model::plan_owners(plan.kind);
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + escape(plan.title.empty() ? shown(plan.kind) : plan.title) + "</title>\n";
  out += "<style>\n" + std::string(stylesheet()) + "</style>\n</head>\n<body>\n";
  out += "<h1 id=\"title\">" + escape(plan.title) + "</h1>\n";
  out += "<table class=\"form-head\">\n";
  field_rows(out, owners.head, plan, "");
  out += "</table>\n<table class=\"funding\">\n<thead><tr>";
  for (const auto* info : model::fields_of(owners.funding))
    out += "<th>" + escape(header_of(*info)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < plan.funding.size(); ++i)
    value_row(out, owners.funding, plan.funding[i], "funding[" + std::to_string(i) + "]");
  out += "</tbody>\n</table>\n";
  if (plan.kind == model::PlanKind::Declaration && !plan.tasks.empty()) {
    // 年度主要任务: 预算金额 over 总额 · 财政拨款 · 其他资金, as 88号's 部门整体 template.
    out += "<table class=\"tasks\">\n<caption>年度主要任务</caption>\n<thead><tr>";
    std::string amounts;
    for (const auto* info : model::fields_of(Owner::DeclTask)) {
      if (info->kind == model::FieldKind::Decimal) {
        if (amounts.empty()) out += "<th colspan=\"3\">预算金额</th>";
        amounts += "<th>" + escape(header_of(*info)) + "</th>";
      } else {
        out += "<th rowspan=\"2\">" + escape(header_of(*info)) + "</th>";
      }
    }
    out += "</tr>\n<tr>" + amounts + "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < plan.tasks.size(); ++i)
      value_row(out, Owner::DeclTask, plan.tasks[i], "tasks[" + std::to_string(i) + "]");
    out += "</tbody>\n</table>\n";
  }
  auto leaves = model::fields_of(owners.indicator);
  bool causes = false;
  for (const auto* info : leaves) causes = causes || is_cause(*info);
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    const auto& goal = plan.goals[g];
    out += "<table class=\"goal\">\n";
    field_rows(out, owners.goal, goal, model::goal_path(g));
    out += "</table>\n<table class=\"indicators\">\n<thead><tr>";
    bool opened = false;
    for (const auto* info : leaves) {
      if (is_cause(*info)) {
        if (!opened) out += "<th colspan=\"5\">偏差原因分析</th>";
        opened = true;
        continue;
      }
      out += std::string("<th") + (causes ? " rowspan=\"2\"" : "") + ">" +
             escape(header_of(*info)) + "</th>";
    }
    out += "</tr>\n";
    if (causes) {
      out += "<tr>";
      for (const auto* info : leaves)
        if (is_cause(*info)) out += "<th>" + escape(header_of(*info)) + "</th>";
      out += "</tr>\n";
    }
    out += "</thead>\n<tbody>\n";
    for (std::size_t i = 0; i < goal.indicators.size(); ++i)
      value_row(out, owners.indicator, goal.indicators[i], model::indicator_path(g, i));
    out += "</tbody>\n</table>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

} // namespace ziping::io::html
