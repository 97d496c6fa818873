// Forms for the layout, HTML and PDF tests: the two examples, scored, and an awkward form
// built here (markup in its texts, every optional column, a goal without leaves, a declared
// goal subtotal, line breaks, a very long explanation).
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>

#include "ziping/check/check.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/rules/load.h"

namespace ziping::testing {

inline model::Form example_form(const std::string& name) {
  std::filesystem::path path = std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / name;
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto result = io::json::read_form_json(bytes, path.string());
  if (!result.form) throw std::runtime_error("cannot read " + path.string());
  return *result.form;
}

inline model::Form seed_form() {
  return example_form("tianjin-2022-dept.json");
}

inline model::Form project_form() {
  return example_form("county-roads-2023-proj.json");
}

inline const rules::RuleSet& rule_set(const std::string& name) {
  static std::map<std::string, rules::RuleSet> loaded;
  auto found = loaded.find(name);
  if (found == loaded.end()) found = loaded.emplace(name, *rules::load_embedded(name).rules).first;
  return found->second;
}

inline model::Indicator leaf(const char* level1, const char* level2, const char* name,
                             const char* target, const char* actual, const char* weight,
                             const char* score, const char* reason = "") {
  model::Indicator indicator;
  indicator.level1 = level1;
  indicator.level2 = level2;
  indicator.name = name;
  indicator.target = target;
  indicator.actual = actual;
  indicator.weight = num::Decimal::of(weight);
  indicator.score = num::Decimal::of(score);
  indicator.deviation_reason = reason;
  return indicator;
}

// Markup and quotes in texts, every optional column, a goal without leaves, a goal subtotal.
inline model::Form awkward_form() {
  model::Form form;
  form.kind = model::FormKind::Department;
  form.title = "整体支出绩效自评表";
  form.year = 2024;
  form.department = "<script>alert(\"x\")</script> & 'q' 局";
  form.budget.initial = num::Decimal::of("100");
  form.budget.annual = num::Decimal::of("120.50");
  form.budget.executed = num::Decimal::of("118");
  form.budget.weight = num::Decimal::of("10");
  form.budget.score = num::Decimal::of("9.79");
  form.budget.rate = "97.93%";
  form.budget.deviation_reason = "第一行\n第二行 <b>粗</b>";
  model::Goal first;
  first.number = 1;
  first.target = "目标 A&B";
  first.actual = "完成 \"全部\"";
  first.weight = num::Decimal::of("45");
  first.score = num::Decimal::of("44.80");
  auto a = leaf("产出指标", "数量指标", "培训<次数>", "≥5次", "6次", "20", "20.00");
  a.nature = "定量";
  a.unit = "次";
  a.adjusted_target = "≥4次";
  a.score_coefficient = num::Decimal::of("100");
  a.core = true;
  a.scoring_standard = "完成得满分";
  first.indicators.push_back(a);
  auto b = leaf("产出指标", "数量指标", "覆盖人数", "≥100人", "98人", "15", "14.80",
                "差 2 人 & 原因：天气");
  b.core = false;
  first.indicators.push_back(b);
  first.indicators.push_back(leaf("效益指标", "社会效益指标", "满意度", "≥90%", "95%", "10", "10"));
  form.goals.push_back(first);
  model::Goal empty;
  empty.number = 2;
  empty.target = "没有指标的目标";
  form.goals.push_back(empty);
  form.total_weight = num::Decimal::of("100");
  form.total_score = num::Decimal::of("54.59");
  form.grade = "差";
  form.conclusion = "结论 <i>斜体</i>";
  return form;
}

// A form whose one explanation is taller than a page.
inline model::Form long_text_form() {
  model::Form form = awkward_form();
  std::string reason;
  for (int i = 0; i < 120; ++i)
    reason += "第" + std::to_string(i + 1) + "句：由于多种原因，实际完成值与年度指标值存在偏差。";
  form.goals[0].indicators[1].deviation_reason = reason;
  return form;
}

inline check::Assessment assessed(const model::Form& form, const std::string& rules,
                                  rules::Mode mode = rules::Mode::Review) {
  return check::assess(form, rule_set(rules), mode);
}

} // namespace ziping::testing
