// The score table shown by `ziping score`: budget execution, each goal with its leaves and
// their derivations, subtotals per 一级, the total and the grade.
#include "ziping/report/score_report.h"
#include "ziping/rules/display.h"
#include "ziping/text/utf8.h"

namespace ziping::report {
namespace {

using num::Decimal;
using rules::plain;
using text::pad_right;
using text::truncate_display;

std::string cell(std::string_view content, std::size_t width) {
  // One column stays blank so that a cut text never touches the next column.
  return pad_right(truncate_display(text::trim(content), width - 1), width);
}

std::string opt(const std::optional<Decimal>& value) {
  return value ? plain(*value) : "—";
}

class TableWriter {
public:
  explicit TableWriter(const ScoredForm& s) : s_(s), places_(s.rules.places) {}

  std::string run() {
    header();
    budget();
    for (const auto& goal : s_.evaluation.goals) this->goal(goal);
    level1();
    total();
    return out_;
  }

private:
  std::string score(const Decimal& value) const { return rules::score_text(value, places_); }

  void header() {
    const auto& form = s_.form;
    out_ += form.title.empty()
                ? std::string(form.kind == model::FormKind::Project ? "项目支出绩效自评表"
                                                                    : "部门整体支出绩效自评表")
                : form.title;
    if (form.year) out_ += "（" + std::to_string(*form.year) + "年度）";
    out_ += "\n";
    if (!form.project.empty()) out_ += "项目名称：" + form.project + "\n";
    if (!form.department.empty()) {
      out_ += (form.kind == model::FormKind::Project ? "主管部门：" : "部门名称：") +
              form.department + "\n";
    }
    out_ += "规则集 (rules)：" + s_.rules.name;
    if (!s_.rules.title.empty()) out_ += "（" + s_.rules.title + "）";
    out_ += "\n模式 (mode)：" + std::string(mode_name(s_.evaluation.mode)) +
            (s_.evaluation.mode == rules::Mode::Review ? "（审核申报得分）" : "（按公式计分）") +
            "\n\n";
  }

  void budget() {
    const auto& b = s_.form.budget;
    const auto& e = s_.evaluation.budget;
    out_ += "预算执行情况（分值 " + plain(e.weight) + "）\n";
    out_ += "  全年预算数(A) " + opt(b.annual) + " " + s_.form.money_unit + "，全年执行数(B) " +
            opt(b.executed) + " " + s_.form.money_unit + "，执行率 " +
            (e.rate_percent ? e.rate_percent->to_string_min_places(2) + "%" : std::string("—"));
    if (!b.rate.empty()) out_ += "（表中 " + b.rate + "）";
    out_ += "\n  得分 " + (e.score ? score(*e.score) : std::string("—"));
    if (b.score) out_ += "（申报 " + plain(*b.score) + "）";
    if (!e.derivation.empty()) out_ += "  " + e.derivation;
    out_ += "\n\n";
  }

  void goal(const rules::GoalEvaluation& goal) {
    const auto& model_goal = s_.form.goals[goal.goal_index];
    std::string title =
        goal.number ? "绩效目标" + std::to_string(*goal.number) : std::string("年度总体目标");
    out_ += title + "  分值 " + plain(goal.weight) + "  得分 " + score(goal.score) + "\n";
    if (!model_goal.target.empty()) out_ += "  " + truncate_display(model_goal.target, 96) + "\n";
    out_ += "  " + cell("三级指标", 28) + cell("年度指标值", 14) + cell("实际完成值", 14) +
            cell("分值", 6) + cell("申报", 6) + cell("得分", 7) + "计算 (derivation)\n";
    std::string group;
    for (const auto& leaf : goal.leaves) {
      const auto& indicator = model_goal.indicators[leaf.indicator_index];
      std::string this_group = indicator.level1 + " / " + indicator.level2;
      if (this_group != group) {
        out_ += "  " + this_group + "\n";
        group = this_group;
      }
      std::string marker = leaf.score && leaf.weight && *leaf.score < *leaf.weight ? "*" : " ";
      out_ += "  " + marker + cell(indicator.name, 27) + cell(indicator.target, 14) +
              cell(indicator.actual, 14) + cell(opt(leaf.weight), 6) + cell(opt(leaf.declared), 6) +
              cell(leaf.score ? score(*leaf.score) : "—", 7) + leaf.derivation + "\n";
    }
    out_ += "\n";
  }

  void level1() {
    out_ += "一级指标小计 (by level-1)\n";
    for (const auto& subtotal : s_.evaluation.level1) {
      out_ += "  " + cell(subtotal.level1, 14) + "分值 " + cell(plain(subtotal.weight), 8) +
              "得分 " + score(subtotal.score) + "\n";
    }
    out_ += "\n";
  }

  void total() {
    const auto& e = s_.evaluation;
    out_ += "总分 (total)：预算执行 " +
            (e.budget.score ? score(*e.budget.score) : std::string("—")) + " + 指标 " +
            score(e.indicator_score) + "（满分 " + plain(e.indicator_weight) +
            "）= " + score(e.total) + "\n";
    out_ += "等级 (grade)：" + (e.grade.empty() ? std::string("—") : e.grade);
    const auto& form = s_.form;
    if (form.total_score || !form.grade.empty()) {
      out_ += "（申报 " + (form.total_score ? plain(*form.total_score) : std::string("—")) + " " +
              (form.grade.empty() ? std::string("—") : form.grade) + "）";
    }
    out_ += "\n";
  }

  const ScoredForm& s_;
  int places_;
  std::string out_;
};

} // namespace

std::string render_score_text(const ScoredForm& scored) {
  return TableWriter(scored).run();
}

} // namespace ziping::report
