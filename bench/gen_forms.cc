#include "gen_forms.h"

#include <random>
#include <string>

namespace ziping::bench {
namespace {

using num::Decimal;

// Uses raw mt19937 output (standardised) rather than <random> distributions (not portable).
class Draw {
public:
  explicit Draw(std::uint32_t seed) : engine_(seed) {}
  std::uint32_t below(std::uint32_t n) { return engine_() % n; }
  bool chance(std::uint32_t percent) { return below(100) < percent; }

private:
  std::mt19937 engine_;
};

struct Pattern {
  const char* level1;
  const char* level2;
  const char* name;
};

constexpr Pattern kPatterns[] = {
    {"产出指标", "数量指标", "培训次数"},       {"产出指标", "数量指标", "服务人次"},
    {"产出指标", "质量指标", "验收合格率"},     {"产出指标", "质量指标", "考评等次"},
    {"产出指标", "时效指标", "完成时间"},       {"产出指标", "成本指标", "项目经费支出"},
    {"效益指标", "社会效益指标", "政策知晓率"}, {"效益指标", "经济效益指标", "资金节约率"},
    {"效益指标", "可持续影响指标", "长效机制"}, {"满意度指标", "服务对象满意度指标", "群众满意度"},
};

model::Indicator make_leaf(Draw& draw, const Decimal& weight) {
  const Pattern& pattern = kPatterns[draw.below(std::size(kPatterns))];
  model::Indicator leaf;
  leaf.level1 = pattern.level1;
  leaf.level2 = pattern.level2;
  leaf.name = pattern.name;
  leaf.weight = weight;
  leaf.score = weight;
  int target = 10 + int(draw.below(490));
  switch (draw.below(6)) {
  case 0: {
    int actual = draw.chance(15)   ? target * 7 / 10
                 : draw.chance(20) ? target * 3 / 2
                                   : target + int(draw.below(5));
    leaf.target = "≥" + std::to_string(target) + "次";
    leaf.actual = std::to_string(actual) + "次";
    break;
  }
  case 1:
    leaf.target = "≤" + std::to_string(target) + "." + std::to_string(draw.below(10)) + "万元";
    leaf.actual = std::to_string(target * (60 + int(draw.below(45))) / 100) + "." +
                  std::to_string(draw.below(100)) + "万元";
    break;
  case 2:
    leaf.target = "≥" + std::to_string(80 + draw.below(20)) + "%";
    leaf.actual = std::to_string(70 + draw.below(30)) + "." + std::to_string(draw.below(100)) + "%";
    break;
  case 3:
    leaf.target = "合格以上";
    leaf.actual = draw.chance(90) ? "合格" : "基本合格";
    break;
  case 4:
    leaf.target = "2023年12月底前";
    leaf.actual = draw.chance(85) ? "2023年11月底" : "全部达成预期指标";
    break;
  default:
    leaf.target = "有所提高";
    leaf.actual = "通过持续开展宣传和培训，服务水平进一步提升，群众反映良好。";
  }
  if (draw.chance(10))
    leaf.deviation_reason = "受客观因素影响，部分工作进度滞后，下一步将加强统筹。";
  return leaf;
}

model::Form make_form(Draw& draw, std::size_t index) {
  model::Form form;
  form.kind = model::FormKind::Department;
  form.title = "部门整体支出绩效自评表";
  form.year = 2023;
  form.department = "第" + std::to_string(index + 1) + "部门";
  int annual = 1000 + int(draw.below(90000));
  form.budget.annual = Decimal::from_int(annual);
  form.budget.executed = Decimal::from_int(annual * (70 + int(draw.below(31))) / 100);
  form.budget.weight = Decimal::from_int(10);
  std::size_t goals = 5 + draw.below(8);
  for (std::size_t g = 0; g < goals; ++g) {
    model::Goal goal;
    goal.number = int(g) + 1;
    goal.target = "完成年度重点工作任务，提升公共服务水平。";
    goal.actual = "按计划完成各项任务。";
    std::size_t leaves = 5 + draw.below(9);
    for (std::size_t l = 0; l < leaves; ++l)
      goal.indicators.push_back(make_leaf(draw, Decimal::of("1.5")));
    form.goals.push_back(std::move(goal));
  }
  form.total_weight = Decimal::from_int(100);
  form.grade = "优";
  return form;
}

} // namespace

std::vector<model::Form> generate_forms(std::size_t count, std::uint32_t seed) {
  Draw draw(seed);
  std::vector<model::Form> forms;
  forms.reserve(count);
  for (std::size_t i = 0; i < count; ++i) forms.push_back(make_form(draw, i));
  return forms;
}

} // namespace ziping::bench
