// The blocks under the indicator table: 总分, the conclusion (整体支出绩效自评结论 or 自评结论),
// 自评等级, and the closing fields some project templates add (存在问题, 改进措施, 项目负责人,
// 财务负责人).
#include "ziping/io/print/grid.h"

namespace ziping::io::print {
namespace {

Section one_row(std::string name, Row row) {
  Section s;
  s.name = std::move(name);
  s.keep_together = true;
  s.body.push_back(std::move(row));
  return s;
}

// A labelled text over the width of the table: label under 一级 … 二级, text from 三级 on.
Section text_field(const Grid& g, std::string name, std::string label, const std::string& text,
                   const char* path) {
  return one_row(std::move(name), {{g.cell(0, Grid::name, std::move(label), Style::Label),
                                    g.cell(Grid::name, g.end, text, Style::Text, {path})}});
}

} // namespace

std::vector<Section> closing_sections(const model::Form& form, const Grid& g) {
  std::vector<Section> sections;
  sections.push_back(one_row(
      "total",
      {{g.cell(0, g.weight, "总分", Style::Label, {"total"}),
        g.cell(g.weight, g.score, number_text(form.total_weight), Style::Number, {"total.weight"}),
        g.cell(g.score, g.reason, number_text(form.total_score), Style::Number, {"total.score"}),
        g.cell(g.reason, g.end, "", Style::Text)}}));
  bool project = form.kind == model::FormKind::Project;
  sections.push_back(text_field(g, "conclusion", project ? "自评结论" : "整体支出绩效自评结论",
                                form.conclusion, "conclusion"));
  // Templates differ on whether the grade has its own cell; the form holds it as a field, so
  // it is printed whenever declared (the text importer reads a 自评等级 cell back).
  if (!form.grade.empty())
    sections.push_back(text_field(g, "grade", "自评等级", form.grade, "grade"));
  if (!form.problems.empty())
    sections.push_back(text_field(g, "problems", "存在问题", form.problems, "problems"));
  if (!form.improvements.empty())
    sections.push_back(
        text_field(g, "improvements", "改进措施", form.improvements, "improvements"));
  if (!form.project_leader.empty() || !form.finance_leader.empty()) {
    sections.push_back(one_row(
        "leaders",
        {{g.cell(0, 2, "项目负责人", Style::Label),
          g.cell(2, g.weight, form.project_leader, Style::Short, {"project_leader"}),
          g.cell(g.weight, g.reason, "财务负责人", Style::Label),
          g.cell(g.reason, g.end, form.finance_leader, Style::Short, {"finance_leader"})}}));
  }
  return sections;
}

} // namespace ziping::io::print
