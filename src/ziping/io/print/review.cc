// The computed-scores and diagnostics appendices. Every figure comes from the Evaluation as
// the scorer produced it; nothing is recomputed here (report/ shares that rule).
#include "ziping/io/print/review.h"

#include "ziping/diag/render.h"
#include "ziping/io/print/grid.h"
#include "ziping/report/score_report.h"
#include "ziping/rules/display.h"

namespace ziping::io::print {
namespace {

using num::Decimal;

std::string opt_plain(const std::optional<Decimal>& value) {
  return value ? rules::plain(*value) : std::string("—");
}

struct ReviewTable {
  const Grid& g;
  int places;
  Section section;

  std::string score(const std::optional<Decimal>& value) const {
    return value ? rules::score_text(*value, places) : std::string("—");
  }

  void row(std::string item, std::string declared, std::string computed, std::string how,
           std::vector<std::string> paths = {}) {
    Row r;
    r.cells.push_back(g.cell(0, g.target, std::move(item), Style::Short, std::move(paths)));
    r.cells.push_back(g.cell(g.target, g.actual, std::move(declared), Style::Number));
    r.cells.push_back(g.cell(g.actual, g.reason, std::move(computed), Style::Number));
    r.cells.push_back(g.cell(g.reason, g.end, std::move(how), Style::Text));
    section.body.push_back(std::move(r));
  }
};

std::string leaf_subject(const model::Form& form, const rules::LeafEvaluation& leaf) {
  const auto& goal = form.goals[leaf.goal_index];
  std::string prefix = goal.number ? "绩效目标" + std::to_string(*goal.number) : std::string();
  return prefix + "「" + goal.indicators[leaf.indicator_index].name + "」";
}

// A leaf belongs in the appendix when the declared score is not what the formula gives, or
// lies outside the allowed interval.
bool differs(const rules::LeafEvaluation& leaf) {
  if (!leaf.declared) return leaf.score.has_value();
  if (leaf.formula && *leaf.formula != *leaf.declared) return true;
  if (leaf.allowed && (*leaf.declared < leaf.allowed->min || *leaf.declared > leaf.allowed->max))
    return true;
  return leaf.score && *leaf.score != *leaf.declared;
}

} // namespace

std::string review_title(const rules::Evaluation& evaluation, const rules::RuleSet& rules) {
  return "附：ziping 复核计算（规则集 " + rules.name + "，" +
         std::string(rules::mode_name(evaluation.mode)) +
         " 模式）——非表单申报内容 / computed by ziping, not part of the declared form";
}

std::vector<Section> review_sections(const Sheet& sheet, const model::Form& form,
                                     const rules::Evaluation& e, const rules::RuleSet& rules) {
  Grid g(sheet.columns);
  ReviewTable t{g, rules.places, {}};
  t.section.name = "review";
  t.section.header.push_back({{g.cell(0, g.end, review_title(e, rules), Style::Label)}});
  t.section.header.push_back({{g.cell(0, g.target, "项目", Style::Label),
                               g.cell(g.target, g.actual, "表中申报", Style::Label),
                               g.cell(g.actual, g.reason, "ziping 计算", Style::Label),
                               g.cell(g.reason, g.end, "计算过程与依据", Style::Label)}});
  const auto& b = form.budget;
  t.row("执行率（B/A）", b.rate.empty() ? "—" : b.rate,
        e.budget.rate_percent ? e.budget.rate_percent->to_string_min_places(2) + "%" : "—",
        e.budget.derivation, {"budget.rate"});
  t.row("预算执行得分", opt_plain(b.score), t.score(e.budget.score),
        "分值 " + rules::plain(e.budget.weight), {"budget.score"});
  t.row("指标得分（满分 " + rules::plain(e.indicator_weight) + "）", "—",
        rules::score_text(e.indicator_score, rules.places),
        e.mode == rules::Mode::Review ? "审核模式：申报得分计入，逐项判断是否在规则允许的区间内"
                                      : "自动模式：按公式计分");
  for (const auto& subtotal : e.level1) {
    t.row("　" + subtotal.level1, "—", rules::score_text(subtotal.score, rules.places),
          "分值 " + rules::plain(subtotal.weight));
  }
  t.row("总分", opt_plain(form.total_score), rules::score_text(e.total, rules.places),
        "预算执行得分 + 指标得分", {"total.score"});
  t.row("自评等级", form.grade.empty() ? "—" : form.grade, e.grade.empty() ? "—" : e.grade,
        "按规则集的等级划分", {"grade"});
  for (const auto& goal : e.goals) {
    for (const auto& leaf : goal.leaves) {
      if (!differs(leaf)) continue;
      std::string how = leaf.derivation;
      if (leaf.allowed) {
        how += (how.empty() ? "" : "；") + std::string("允许 ") +
               rules::score_text(leaf.allowed->min, rules.places) + "–" +
               rules::score_text(leaf.allowed->max, rules.places);
        if (!leaf.allowed->basis.empty()) how += "（" + leaf.allowed->basis + "）";
      }
      t.row(leaf_subject(form, leaf), opt_plain(leaf.declared),
            leaf.formula ? "公式 " + t.score(leaf.formula) : t.score(leaf.score), how,
            {leaf.path + ".score"});
    }
  }
  std::vector<Section> sections;
  sections.push_back(std::move(t.section));
  return sections;
}

std::string severity_code(const diag::Diagnostic& d) {
  return std::string(diag::severity_name_zh(d.severity)) + " " +
         std::string(diag::severity_name(d.severity)) + " " + std::string(d.code());
}

std::vector<Section> diagnostic_sections(const Sheet& sheet,
                                         const std::vector<diag::Diagnostic>& diagnostics) {
  Grid g(sheet.columns);
  Section s;
  s.name = "diagnostics";
  s.header.push_back({{g.cell(0, g.end,
                              "附：ziping 检查结果（" + std::to_string(diagnostics.size()) +
                                  " 条）——非表单申报内容 / diagnostics, not part of the form",
                              Style::Label)}});
  s.header.push_back({{g.cell(0, Grid::name, "级别与代码", Style::Label),
                       g.cell(Grid::name, g.reason, "说明", Style::Label),
                       g.cell(g.reason, g.end, "位置", Style::Label)}});
  for (const auto& d : diag::in_source_order(diagnostics)) {
    std::string message = d.subject.empty() ? "" : d.subject + "：";
    message += d.message_zh() + "\n" + d.message_en();
    for (const auto& note : d.notes)
      message += "\n" + std::string(note.code()) + " " + note.message_zh();
    std::string where = d.where.empty() ? std::string() : d.where.to_string();
    if (!d.path.empty()) where += (where.empty() ? "" : "\n") + d.path;
    s.body.push_back({{g.cell(0, Grid::name, severity_code(d), Style::Short),
                       g.cell(Grid::name, g.reason, message, Style::Text),
                       g.cell(g.reason, g.end, where, Style::Text)}});
  }
  std::vector<Section> sections;
  sections.push_back(std::move(s));
  return sections;
}

} // namespace ziping::io::print
