// Forms for the spreadsheet tests: the examples as read from examples/, and a form that uses
// every field and every awkward case the layout has to carry (variant columns, empty levels,
// a goal without indicators, declared subtotals, long numbers, texts with line breaks).
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/model/form.h"

namespace ziping::sheet_testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::filesystem::path source_dir() {
  return ZIPING_SOURCE_DIR;
}

inline std::string example_json(const std::string& name) {
  return read_file(source_dir() / "examples" / name);
}

inline model::Form example_form(const std::string& name) {
  return *io::json::read_form_json(example_json(name), name).form;
}

inline model::Form awkward_form() {
  using num::Decimal;
  model::Form form;
  form.kind = model::FormKind::Department;
  form.title = "";
  form.year = std::nullopt;
  form.department = "某单位\n（二级）";
  form.project = "附带的项目名";
  form.money_unit = "元";
  form.budget.initial = Decimal::of("1234567890123456.78"); // 18 digits: kept as text
  form.budget.annual = Decimal::of("0.80");
  form.budget.executed = Decimal::of("-3");
  form.budget.weight = Decimal::of("10.000");
  form.budget.rate = "=12%";
  form.budget.sources.push_back(
      {"其中：自有资金", Decimal::of("1"), std::nullopt, Decimal::of("2.50"), "250%"});
  model::Goal first;
  first.number = 3;
  first.target = "  前后有空格  ";
  first.actual = "带\t制表符和 \"引号\", 逗号";
  first.weight = Decimal::of("5");
  first.score = Decimal::of("4.5");
  model::Indicator a;
  a.level1 = "产出指标";
  a.level2 = "";
  a.name = "名称=1+1";
  a.target = "100";
  a.actual = "+5%";
  a.weight = Decimal::of("2.50");
  a.score = Decimal::of("0");
  a.adjusted_target = "≥90%";
  a.nature = "定量";
  a.unit = "%";
  a.score_coefficient = Decimal::of("95");
  a.core = true;
  a.scoring_standard = "完成得满分";
  model::Indicator b;
  b.level1 = "";
  b.level2 = "数量指标";
  b.name = "第二项";
  b.core = false;
  model::Indicator c; // everything empty
  first.indicators = {a, b, c};
  model::Goal empty;
  empty.number = 4;
  empty.target = "没有指标的目标";
  model::Goal unnumbered;
  unnumbered.target = "无序号";
  unnumbered.indicators = {b};
  form.goals = {first, empty, unnumbered};
  form.total_weight = Decimal::of("100");
  form.total_score = Decimal::of("0.000000001");
  form.grade = "";
  form.conclusion = "结论";
  form.problems = "问题";
  form.finance_leader = "财务";
  return form;
}

} // namespace ziping::sheet_testing
