// The 财政复核 pages: what the finance bureau's reviewer scored and wrote, printed after the
// form and apart from it. Every figure is the review's own (the score as the reviewer typed
// it, the difference the store kept); nothing is recomputed here.
#include "ziping/io/print/grid.h"
#include "ziping/io/print/review.h"
#include "ziping/model/fields.h"

namespace ziping::io::print {
namespace {

std::string decimal_text(const std::optional<num::Decimal>& value) {
  return value ? value->to_string() : std::string("—");
}

std::string leaf_subject(const model::Form& form, std::size_t g, std::size_t i) {
  const auto& goal = form.goals[g];
  std::string prefix = goal.number ? "绩效目标" + std::to_string(*goal.number) : std::string();
  return prefix + "「" + goal.indicators[i].name + "」";
}

// "goals[0].indicators[2].actual" → 绩效目标1「…」 with the path beside it; a path outside
// the form's leaves prints as itself, the whole form ("") as 全表.
std::string pinned_to(const model::Form& form, const std::string& path) {
  if (path.empty()) return "全表 whole form";
  for (std::size_t g = 0; g < form.goals.size(); ++g)
    for (std::size_t i = 0; i < form.goals[g].indicators.size(); ++i) {
      std::string leaf = model::indicator_path(g, i);
      if (path == leaf) return leaf_subject(form, g, i) + "\n" + path;
      if (path.starts_with(leaf + ".")) {
        std::string_view key = std::string_view(path).substr(leaf.size() + 1);
        std::string column;
        for (const auto* info : model::fields_of(model::Owner::Indicator))
          if (info->json_key == key) column = "·" + std::string(info->header);
        return leaf_subject(form, g, i) + column + "\n" + path;
      }
    }
  return path;
}

std::string who_when(const std::string& who, const std::string& when) {
  return who + (when.empty() ? "" : "\n" + when);
}

} // namespace

std::vector<Section> reviewer_sections(const Sheet& sheet, const model::Form& form,
                                       const model::Review& review) {
  std::vector<Section> sections;
  if (review.empty()) return sections;
  Grid g(sheet.columns);
  std::string title = "附：复核意见（财政复核）";
  if (!review.state.empty()) title += "　状态：" + review.state;
  title += "——非单位申报内容 / the finance review, not part of the unit's declared form";

  Section scores;
  scores.name = "finance-review";
  scores.header.push_back({{g.cell(0, g.end, title, Style::Label)}});
  scores.header.push_back({{g.cell(0, g.target, "指标", Style::Label),
                            g.cell(g.target, g.actual, "自评得分", Style::Label),
                            g.cell(g.actual, g.score, "复核得分", Style::Label),
                            g.cell(g.score, g.reason, "差额", Style::Label),
                            g.cell(g.reason, g.end, "复核理由", Style::Label)}});
  std::vector<const model::ReviewedLeaf*> printed;
  for (std::size_t gi = 0; gi < form.goals.size(); ++gi)
    for (std::size_t i = 0; i < form.goals[gi].indicators.size(); ++i) {
      std::string path = model::indicator_path(gi, i);
      const model::ReviewedLeaf* s = review.score_for(path);
      if (!s) continue;
      printed.push_back(s);
      scores.body.push_back(
          {{g.cell(0, g.target, leaf_subject(form, gi, i), Style::Short),
            g.cell(g.target, g.actual, decimal_text(s->self_score), Style::Number),
            g.cell(g.actual, g.score, s->reviewer_score.to_string(), Style::Number),
            g.cell(g.score, g.reason, decimal_text(s->difference), Style::Number),
            g.cell(g.reason, g.end, s->reason + "\n" + who_when(s->reviewer, s->at),
                   Style::Text)}});
    }
  // A score whose leaf the current revision no longer has still prints, by its path.
  for (const auto& s : review.scores) {
    bool done = false;
    for (const auto* p : printed) done = done || p == &s;
    if (done) continue;
    scores.body.push_back(
        {{g.cell(0, g.target, s.path, Style::Short),
          g.cell(g.target, g.actual, decimal_text(s.self_score), Style::Number),
          g.cell(g.actual, g.score, s.reviewer_score.to_string(), Style::Number),
          g.cell(g.score, g.reason, decimal_text(s.difference), Style::Number),
          g.cell(g.reason, g.end, s.reason + "\n" + who_when(s.reviewer, s.at), Style::Text)}});
  }
  if (scores.body.empty())
    scores.body.push_back({{g.cell(0, g.end, "（复核人未逐项评分）", Style::Text)}});
  sections.push_back(std::move(scores));

  if (!review.comments.empty()) {
    Section notes;
    notes.name = "finance-review-comments";
    notes.header.push_back({{g.cell(
        0, g.end, "复核评语（" + std::to_string(review.comments.size()) + " 条）", Style::Label)}});
    notes.header.push_back({{g.cell(0, g.actual, "所在单元格", Style::Label),
                             g.cell(g.actual, g.reason, "意见", Style::Label),
                             g.cell(g.reason, g.end, "提出人与时间", Style::Label)}});
    for (const auto& c : review.comments)
      notes.body.push_back({{g.cell(0, g.actual, pinned_to(form, c.path), Style::Text),
                             g.cell(g.actual, g.reason, c.text, Style::Text),
                             g.cell(g.reason, g.end, who_when(c.author, c.at), Style::Text)}});
    sections.push_back(std::move(notes));
  }
  return sections;
}

} // namespace ziping::io::print
