#include "ziping/sample/form_generator.h"

#include "ziping/rules/scorer.h"

namespace ziping::sample {
namespace {

using model::Form;
using model::FormKind;
using model::Indicator;
using num::Decimal;
using num::RoundingMode;

constexpr DepartmentSpec kDepartments[] = {
    {"市教育局",
     "教育公共服务",
     {"义务教育薄弱环节改善与能力提升项目", "学生资助项目"},
     {"市教育装备中心", "市学生资助管理中心"}},
    {"市卫生健康委员会",
     "医疗卫生服务",
     {"基本公共卫生服务项目", "基层医疗卫生机构能力提升项目"},
     {"市疾病预防控制中心", "市基层卫生指导中心"}},
    {"市民政局",
     "基本民生保障",
     {"城乡低保资金项目", "养老服务体系建设项目"},
     {"市社会救助服务中心", "市养老服务指导中心"}},
    {"市交通运输局",
     "交通运输服务",
     {"农村公路养护工程项目", "公交线网优化项目"},
     {"市公路事业发展中心", "市公共交通服务中心"}},
    {"市农业农村局",
     "农业农村发展",
     {"高标准农田建设项目", "农村人居环境整治项目"},
     {"市农田建设管理站", "市乡村建设服务中心"}},
    {"市生态环境局",
     "生态环境治理",
     {"大气污染防治项目", "水环境监测能力建设项目"},
     {"市环境监测中心站", "市生态环境保护综合行政执法支队"}},
    {"市文化和旅游局",
     "公共文化服务",
     {"公共文化服务体系建设项目", "文物保护修缮项目"},
     {"市图书馆", "市文物保护中心"}},
    {"市人力资源和社会保障局",
     "就业和社会保障服务",
     {"就业补助资金项目", "职业技能提升行动项目"},
     {"市就业服务中心", "市职业技能鉴定中心"}},
    {"市住房和城乡建设局",
     "城市建设管理",
     {"老旧小区改造项目", "城市燃气管网更新项目"},
     {"市城市更新服务中心", "市燃气安全监管中心"}},
    {"市市场监督管理局",
     "市场监管服务",
     {"食品安全抽检项目", "特种设备安全监察项目"},
     {"市食品药品检验所", "市特种设备检验研究院"}},
    {"市水务局",
     "水利和供水保障",
     {"河道综合治理项目", "农村饮水安全巩固提升项目"},
     {"市河道管理中心", "市农村供水管理站"}},
    {"市应急管理局",
     "应急管理和安全生产",
     {"应急物资储备项目", "森林防火能力建设项目"},
     {"市应急物资储备中心", "市森林消防大队"}},
};

constexpr const char* kAuthors[] = {"张伟", "王芳", "李娜", "刘洋", "陈静",
                                    "杨磊", "赵敏", "黄强", "周婷", "吴刚"};

struct QualitySpec {
  int miss_percent;  // leaves whose target is missed
  int shortfall_low; // a missed quantity reaches this share of its target (percent)
  int shortfall_high;
  int no_reason_percent;   // missed leaves left without 偏差原因分析
  int overdeclare_percent; // missed leaves declared at full weight anyway
  int rate_low;            // budget execution rate in basis points
  int rate_high;
};

const QualitySpec& spec_of(Quality q) {
  static const QualitySpec kSpecs[] = {
      {5, 85, 98, 0, 0, 9600, 10000},
      {20, 70, 92, 10, 0, 8800, 9800},
      {45, 45, 80, 25, 10, 7500, 9200},
      {70, 15, 55, 40, 20, 5000, 8000},
  };
  return kSpecs[int(q)];
}

enum class LeafKind { Count, Percent, Cost, Qualitative, Deadline };

struct LeafSpec {
  const char* level1;
  const char* level2;
  const char* name;
  LeafKind kind;
  const char* unit;
  int low;
  int high;
  const char* met;    // qualitative: target and actual when met
  const char* missed; // qualitative: actual when missed
};

constexpr LeafSpec kOutputs[] = {
    {"产出指标", "数量指标", "开展业务培训次数", LeafKind::Count, "次", 6, 30, "", ""},
    {"产出指标", "数量指标", "服务对象覆盖人次", LeafKind::Count, "人次", 2000, 60000, "", ""},
    {"产出指标", "数量指标", "完成专项检查数量", LeafKind::Count, "家次", 50, 800, "", ""},
    {"产出指标", "数量指标", "政策宣传活动场次", LeafKind::Count, "场", 10, 60, "", ""},
    {"产出指标", "质量指标", "项目验收合格率", LeafKind::Percent, "", 95, 100, "", ""},
    {"产出指标", "质量指标", "检查发现问题整改到位率", LeafKind::Percent, "", 90, 99, "", ""},
    {"产出指标", "质量指标", "工作质量", LeafKind::Qualitative, "", 0, 0, "合格", "基本合格"},
    {"产出指标", "时效指标", "年度任务完成时间", LeafKind::Deadline, "", 0, 0, "", ""},
    {"产出指标", "时效指标", "资金拨付及时率", LeafKind::Percent, "", 90, 99, "", ""},
    {"产出指标", "成本指标", "项目经费支出", LeafKind::Cost, "万元", 50, 900, "", ""},
};
constexpr LeafSpec kEffects[] = {
    {"效益指标", "经济效益指标", "节约财政资金", LeafKind::Count, "万元", 20, 300, "", ""},
    {"效益指标", "社会效益指标", "政策知晓率", LeafKind::Percent, "", 80, 95, "", ""},
    {"效益指标", "社会效益指标", "公共服务水平", LeafKind::Qualitative, "", 0, 0, "有所提高",
     "未明显提高"},
    {"效益指标", "生态效益指标", "生态环境质量", LeafKind::Qualitative, "", 0, 0, "有所改善",
     "未明显改善"},
    {"效益指标", "可持续影响指标", "长效管理机制", LeafKind::Qualitative, "", 0, 0, "健全",
     "初步建立"},
};
constexpr LeafSpec kSatisfaction[] = {
    {"满意度指标", "服务对象满意度指标", "服务对象满意度", LeafKind::Percent, "", 85, 95, "", ""},
    {"满意度指标", "服务对象满意度指标", "群众满意度", LeafKind::Percent, "", 85, 95, "", ""},
};

constexpr const char* kReasons[] = {
    "受年度任务调整影响，部分工作未能按计划完成。下一步将科学设定指标值，加强过程监控。",
    "因项目审批和采购流程较长，实施进度滞后。下一步将提前谋划，加快实施进度。",
    "受客观因素影响，服务需求低于预期。下一步将加强需求调研，合理测算指标值。",
};

std::string decimal_text(int value, int places) {
  std::string digits = std::to_string(value);
  if (places == 0) return digits;
  while (int(digits.size()) <= places) digits.insert(0, "0");
  return digits.substr(0, digits.size() - std::size_t(places)) + "." +
         digits.substr(digits.size() - std::size_t(places));
}

struct Leaf {
  Indicator indicator;
  bool missed = false;
};

// `fixed` gives the target of a number leaf instead of drawing it (the province's series keep
// an indicator's target from year to year); without it the draws are the demo's, unchanged.
Leaf make_leaf(Draw& draw, const LeafSpec& spec, const QualitySpec& q, int year,
               std::optional<int> fixed = std::nullopt) {
  Leaf leaf;
  Indicator& x = leaf.indicator;
  x.level1 = spec.level1;
  x.level2 = spec.level2;
  x.name = spec.name;
  leaf.missed = draw.chance(q.miss_percent);
  switch (spec.kind) {
  case LeafKind::Count: {
    int target = fixed ? *fixed : draw.between(spec.low, spec.high);
    int actual = leaf.missed ? target * draw.between(q.shortfall_low, q.shortfall_high) / 100
                             : target + draw.between(0, target / 10 + 1);
    x.target = "≥" + std::to_string(target) + spec.unit;
    x.actual = std::to_string(actual) + spec.unit;
    break;
  }
  case LeafKind::Percent: {
    int target = fixed ? *fixed : draw.between(spec.low, spec.high);
    int reached = draw.between(q.shortfall_low + (100 - q.shortfall_low) / 2, 99); // percent
    int actual =
        leaf.missed ? target * reached / 10 : std::min(1000, target * 10 + draw.between(0, 40));
    x.target = "≥" + std::to_string(target) + "%";
    x.actual = decimal_text(actual, 1) + "%";
    break;
  }
  case LeafKind::Cost: {
    int target = fixed ? *fixed : draw.between(spec.low, spec.high);
    int actual = leaf.missed ? target * draw.between(105, 125) : target * draw.between(85, 100);
    x.target = "≤" + std::to_string(target) + spec.unit;
    x.actual = decimal_text(actual, 2) + spec.unit;
    break;
  }
  case LeafKind::Qualitative:
    x.target = spec.met;
    x.actual = leaf.missed ? spec.missed : spec.met;
    break;
  case LeafKind::Deadline:
    x.target = std::to_string(year) + "年12月底前";
    x.actual = leaf.missed ? std::to_string(year + 1) + "年1月" +
                                 std::to_string(draw.between(10, 28)) + "日"
                           : std::to_string(year) + "年" + std::to_string(draw.between(10, 12)) +
                                 "月" + std::to_string(draw.between(1, 25)) + "日";
    break;
  }
  if (leaf.missed && !draw.chance(q.no_reason_percent)) x.deviation_reason = draw.pick(kReasons);
  return leaf;
}

// 90 points over the leaves: whole numbers, the remainder to the first ones.
void spread_weights(std::vector<Leaf*>& leaves) {
  int count = int(leaves.size());
  for (int i = 0; i < count; ++i)
    leaves[std::size_t(i)]->indicator.weight =
        Decimal::from_int(90 / count + (i < 90 % count ? 1 : 0));
}

void fill_budget(Draw& draw, Form& form, const QualitySpec& q, int low, int high) {
  int annual_tenths = draw.between(low, high) * 10 + draw.between(0, 9);
  Decimal annual = Decimal::of(decimal_text(annual_tenths, 1));
  int rate = draw.between(q.rate_low, q.rate_high); // basis points
  form.budget.annual = annual;
  form.budget.initial = (annual * Decimal::of(decimal_text(draw.between(900, 1000), 3)))
                            .rounded(1, RoundingMode::HalfUp);
  form.budget.executed =
      (annual * Decimal::of(decimal_text(rate, 4))).rounded(2, RoundingMode::HalfUp);
  form.budget.weight = Decimal::from_int(10);
  if (rate < 9000 && !draw.chance(q.no_reason_percent))
    form.budget.deviation_reason = "部分项目采购和结算进度滞后，资金未能在年内全部支付。下一步将加"
                                   "强预算执行监控，加快支出进度。";
  if (form.kind == FormKind::Project) {
    auto share = [&](const Decimal& total, int percent) {
      return (total * Decimal::of(decimal_text(percent, 2))).rounded(2, RoundingMode::HalfUp);
    };
    int own = draw.between(70, 90);
    int carried = draw.between(0, 100 - own);
    Decimal initial = *form.budget.initial;
    Decimal executed = *form.budget.executed;
    auto row = [&](const char* label, Decimal a, Decimal i, Decimal e) {
      model::FundingRow r{label, i, a, e, ""};
      if (!a.is_zero()) // "93.47%"
        r.rate = (e.divide(a, 4, RoundingMode::HalfUp) * Decimal::from_int(100))
                     .rounded(2, RoundingMode::HalfUp)
                     .with_min_scale(2)
                     .to_string() +
                 "%";
      return r;
    };
    Decimal a1 = share(annual, own), i1 = share(initial, own), e1 = share(executed, own);
    Decimal a2 = share(annual, carried), i2 = share(initial, carried),
            e2 = share(executed, carried);
    form.budget.sources.push_back(row("本年财政拨款", a1, i1, e1));
    form.budget.sources.push_back(row("上年结转资金", a2, i2, e2));
    form.budget.sources.push_back(
        row("其他资金", annual - a1 - a2, initial - i1 - i2, executed - e1 - e2));
  }
}

// The declared scores a unit would write: the formula's where there is one, full weight for a
// met target, 70% of it for a missed qualitative one; sloppy units sometimes claim full weight
// for a missed target. Then the declared budget score, total and grade as the rules give them.
// `slip_percent` overrides the quality's chance of a slip in the declared total (the same draw
// is made either way, so the demo's forms do not change).
void declare_scores(Draw& draw, Form& form, std::vector<std::vector<bool>>& missed,
                    const QualitySpec& q, const rules::RuleSet& rules, int slip_percent = -1) {
  rules::Evaluation automatic = rules::score(form, rules, rules::Mode::Auto);
  for (const auto& goal : automatic.goals) {
    for (const auto& leaf : goal.leaves) {
      Indicator& x = form.goals[leaf.goal_index].indicators[leaf.indicator_index];
      bool miss = missed[leaf.goal_index][leaf.indicator_index];
      if (leaf.formula)
        x.score = *leaf.formula;
      else
        x.score =
            miss ? (*x.weight * Decimal::of("0.7")).rounded(2, RoundingMode::HalfUp) : *x.weight;
      if (miss && draw.chance(q.overdeclare_percent)) x.score = x.weight;
    }
  }
  const auto& budget = automatic.budget;
  form.budget.score = budget.score;
  if (budget.rate_percent) form.budget.rate = budget.rate_percent->to_string() + "%";
  rules::Evaluation review = rules::score(form, rules, rules::Mode::Review);
  form.total_weight = Decimal::from_int(100);
  form.total_score = review.total;
  form.grade = review.grade;
  if (draw.chance(slip_percent >= 0 ? slip_percent
                                    : q.overdeclare_percent)) // a slip in the declared total
    form.total_score = *form.total_score + Decimal::of("0.5");
  form.conclusion =
      "本年度自评得分" + form.total_score->to_string() + "分，自评等级为" + form.grade + "。" +
      (q.miss_percent > 20 ? "部分指标未达到年度目标，偏差原因及改进措施见各指标说明。"
                           : "年度绩效目标总体完成较好。");
}

// The benchmarks' shape (formerly bench/gen_forms.cc; the same draws, so the same forms).
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

model::Indicator benchmark_leaf(Draw& draw, const Decimal& weight) {
  const Pattern& pattern = draw.pick(kPatterns);
  model::Indicator leaf;
  leaf.level1 = pattern.level1;
  leaf.level2 = pattern.level2;
  leaf.name = pattern.name;
  leaf.weight = weight;
  leaf.score = weight;
  int target = 10 + draw.between(0, 489);
  switch (draw.between(0, 5)) {
  case 0: {
    int actual = draw.chance(15)   ? target * 7 / 10
                 : draw.chance(20) ? target * 3 / 2
                                   : target + draw.between(0, 4);
    leaf.target = "≥" + std::to_string(target) + "次";
    leaf.actual = std::to_string(actual) + "次";
    break;
  }
  case 1:
    leaf.target = "≤" + std::to_string(target) + "." + std::to_string(draw.between(0, 9)) + "万元";
    leaf.actual = std::to_string(target * (60 + draw.between(0, 44)) / 100) + "." +
                  std::to_string(draw.between(0, 99)) + "万元";
    break;
  case 2:
    leaf.target = "≥" + std::to_string(80 + draw.between(0, 19)) + "%";
    leaf.actual =
        std::to_string(70 + draw.between(0, 29)) + "." + std::to_string(draw.between(0, 99)) + "%";
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

model::Form benchmark_form(Draw& draw, std::size_t index) {
  model::Form form;
  form.kind = model::FormKind::Department;
  form.title = "部门整体支出绩效自评表";
  form.year = 2023;
  form.department = "第" + std::to_string(index + 1) + "部门";
  int annual = 1000 + draw.between(0, 89999);
  form.budget.annual = Decimal::from_int(annual);
  form.budget.executed = Decimal::from_int(annual * (70 + draw.between(0, 30)) / 100);
  form.budget.weight = Decimal::from_int(10);
  std::size_t goals = std::size_t(5 + draw.between(0, 7));
  for (std::size_t g = 0; g < goals; ++g) {
    model::Goal goal;
    goal.number = int(g) + 1;
    goal.target = "完成年度重点工作任务，提升公共服务水平。";
    goal.actual = "按计划完成各项任务。";
    std::size_t leaves = std::size_t(5 + draw.between(0, 8));
    for (std::size_t l = 0; l < leaves; ++l)
      goal.indicators.push_back(benchmark_leaf(draw, Decimal::of("1.5")));
    form.goals.push_back(std::move(goal));
  }
  form.total_weight = Decimal::from_int(100);
  form.grade = "优";
  return form;
}

// ---- the province (issue 13) ----------------------------------------------------------------

constexpr int kFormsPerUnitYear = 3; // a 部门整体 form and two project forms

struct PlannedLeaf {
  const LeafSpec* spec;
  int target = 0;     // number leaves: this year's target
  bool exact = false; // actual = target every year
};

struct UnitPlan {
  std::vector<std::vector<PlannedLeaf>> goals; // the department form's goals
  std::vector<PlannedLeaf> projects[2];        // the two project forms' leaves
  bool inflater = false;                       // claims full points for missed targets
};

bool is_number_leaf(const LeafSpec& spec) {
  return spec.kind == LeafKind::Count || spec.kind == LeafKind::Percent ||
         spec.kind == LeafKind::Cost;
}

PlannedLeaf plan_leaf(Draw& draw, const LeafSpec& spec, const ProvinceSpec& p) {
  PlannedLeaf leaf{&spec};
  if (is_number_leaf(spec)) {
    leaf.target = draw.between(spec.low, spec.high);
    leaf.exact = draw.chance(p.exact_percent);
  }
  return leaf;
}

UnitPlan plan_unit(Draw& draw, const ProvinceSpec& p) {
  UnitPlan plan;
  plan.goals.resize(std::size_t(draw.between(3, 5)));
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    int outputs = draw.between(2, 4);
    for (int i = 0; i < outputs; ++i)
      plan.goals[g].push_back(plan_leaf(draw, draw.pick(kOutputs), p));
    plan.goals[g].push_back(plan_leaf(draw, draw.pick(kEffects), p));
    if (g + 1 == plan.goals.size())
      plan.goals[g].push_back(plan_leaf(draw, draw.pick(kSatisfaction), p));
  }
  for (int which = 0; which < 2; ++which) {
    auto& leaves = plan.projects[which];
    for (int i = 0; i < 5; ++i)
      leaves.push_back(plan_leaf(draw, kOutputs[std::size_t((i * 2 + which) % 10)], p));
    for (int i = 0; i < 3; ++i)
      leaves.push_back(plan_leaf(draw, kEffects[std::size_t((i + which) % 5)], p));
    leaves.push_back(plan_leaf(draw, kSatisfaction[std::size_t(which)], p));
  }
  plan.inflater = draw.chance(10);
  return plan;
}

// Next year's target: usually kept or raised a little; lowered in `lowered_percent` of cases
// (for a cost ceiling, lowering the ambition means raising the number).
void next_target(Draw& draw, PlannedLeaf& leaf, const ProvinceSpec& p) {
  if (!is_number_leaf(*leaf.spec)) return;
  bool lowered = !leaf.exact && draw.chance(p.lowered_percent);
  int t = leaf.target;
  switch (leaf.spec->kind) {
  case LeafKind::Count:
    leaf.target = lowered ? std::max(1, t * draw.between(70, 90) / 100)
                          : t + (draw.chance(50) ? 0 : draw.between(1, t / 10 + 1));
    break;
  case LeafKind::Percent:
    leaf.target = lowered ? std::max(50, t - draw.between(3, 10)) : t;
    break;
  case LeafKind::Cost:
    leaf.target = lowered ? t * draw.between(110, 130) / 100 : t;
    break;
  default:
    break;
  }
}

Leaf planned(Draw& draw, const PlannedLeaf& plan, const QualitySpec& q, int year) {
  Leaf leaf =
      make_leaf(draw, *plan.spec, q, year,
                is_number_leaf(*plan.spec) ? std::optional<int>(plan.target) : std::nullopt);
  if (plan.exact) { // exactly the target, no more and no less
    leaf.missed = false;
    leaf.indicator.deviation_reason.clear();
    leaf.indicator.actual = std::to_string(plan.target) +
                            (plan.spec->kind == LeafKind::Percent ? "%" : plan.spec->unit);
  }
  return leaf;
}

std::string unit_name(std::size_t u) {
  const DepartmentSpec& d = kDepartments[u % std::size(kDepartments)];
  std::size_t n = u / std::size(kDepartments);
  return std::string(d.units[n % 2]) + "第" + std::to_string(n / 2 + 1) + "分中心";
}

void province_unit_forms(std::size_t u, const ProvinceSpec& p, const rules::RuleSet& rules,
                         std::size_t& left, const std::function<void(model::Form&&)>& emit) {
  Draw draw(p.seed + std::uint32_t(u) * 7919u);
  const DepartmentSpec& d = kDepartments[u % std::size(kDepartments)];
  std::string unit = unit_name(u);
  UnitPlan plan = plan_unit(draw, p);
  for (int y = 0; y < p.years && left > 0; ++y) {
    int year = p.first_year + y;
    if (y > 0) {
      for (auto& goal : plan.goals)
        for (auto& leaf : goal) next_target(draw, leaf, p);
      for (auto& leaves : plan.projects)
        for (auto& leaf : leaves) next_target(draw, leaf, p);
    }
    QualitySpec q = spec_of(draw_quality(draw));
    if (plan.inflater) q.overdeclare_percent = 90;
    { // the 部门整体 form
      Form form;
      form.kind = FormKind::Department;
      form.title = "部门整体支出绩效自评表";
      form.year = year;
      form.department = unit;
      std::vector<std::vector<bool>> missed;
      std::vector<std::vector<Leaf>> goals;
      for (const auto& goal : plan.goals) {
        goals.emplace_back();
        for (const auto& leaf : goal) goals.back().push_back(planned(draw, leaf, q, year));
      }
      std::vector<Leaf*> all;
      for (auto& goal : goals)
        for (auto& leaf : goal) all.push_back(&leaf);
      spread_weights(all);
      for (std::size_t g = 0; g < goals.size(); ++g) {
        model::Goal goal;
        goal.number = int(g) + 1;
        goal.target = std::string(g == 0 ? "全面完成年度重点工作任务" : "推进专项工作落实") +
                      "，提升" + d.service + "水平。";
        missed.emplace_back();
        bool any = false;
        for (auto& leaf : goals[g]) {
          goal.indicators.push_back(leaf.indicator);
          missed.back().push_back(leaf.missed);
          any = any || leaf.missed;
        }
        goal.actual = any ? "大部分任务按期完成，个别指标因客观原因未达到年度目标。"
                          : "已按计划完成年度各项任务。";
        form.goals.push_back(std::move(goal));
      }
      fill_budget(draw, form, q, 800, 30000);
      declare_scores(draw, form, missed, q, rules, p.slip_percent);
      emit(std::move(form));
      if (--left == 0) return;
    }
    for (int which = 0; which < 2; ++which) {
      Form form;
      form.kind = FormKind::Project;
      form.title = "项目支出绩效自评表";
      form.year = year;
      form.department = unit;
      form.project = std::to_string(year) + "年" + d.projects[which];
      form.implementing_unit = unit;
      std::vector<Leaf> leaves;
      for (const auto& leaf : plan.projects[which]) leaves.push_back(planned(draw, leaf, q, year));
      std::vector<Leaf*> all;
      for (auto& leaf : leaves) all.push_back(&leaf);
      spread_weights(all);
      model::Goal goal;
      goal.target =
          "完成" + std::string(d.projects[which]) + "年度任务，提升" + d.service + "水平。";
      std::vector<std::vector<bool>> missed(1);
      for (auto& leaf : leaves) {
        goal.indicators.push_back(leaf.indicator);
        missed[0].push_back(leaf.missed);
      }
      goal.actual = "项目年度任务按计划推进。";
      form.goals.push_back(std::move(goal));
      fill_budget(draw, form, q, 50, 3000);
      declare_scores(draw, form, missed, q, rules, p.slip_percent);
      form.project_leader = draw.pick(kAuthors);
      form.finance_leader = draw.pick(kAuthors);
      emit(std::move(form));
      if (--left == 0) return;
    }
  }
}

std::size_t unit_count(const ProvinceSpec& p) {
  std::size_t per_unit = std::size_t(std::max(1, p.years) * kFormsPerUnitYear);
  return (p.forms + per_unit - 1) / per_unit;
}

} // namespace

std::vector<ProvinceUnit> province_units(const ProvinceSpec& spec) {
  std::vector<ProvinceUnit> out;
  for (std::size_t u = 0; u < unit_count(spec); ++u)
    out.push_back({kDepartments[u % std::size(kDepartments)].name, unit_name(u)});
  return out;
}

void province_forms(const ProvinceSpec& spec, const rules::RuleSet& rules,
                    const std::function<void(model::Form&&)>& emit) {
  std::size_t left = spec.forms;
  for (std::size_t u = 0; left > 0 && u < unit_count(spec); ++u)
    province_unit_forms(u, spec, rules, left, emit);
}

std::span<const DepartmentSpec> departments() {
  return kDepartments;
}

std::span<const char* const> people() {
  return kAuthors;
}

Form department_form(Draw& draw, const DepartmentSpec& d, int year, Quality quality,
                     const rules::RuleSet& rules) {
  const QualitySpec& q = spec_of(quality);
  Form form;
  form.kind = FormKind::Department;
  form.title = "部门整体支出绩效自评表";
  form.year = year;
  form.department = d.name;
  std::vector<std::vector<bool>> missed;
  std::vector<Leaf*> all;
  std::vector<std::vector<Leaf>> goals(std::size_t(draw.between(3, 5)));
  for (std::size_t g = 0; g < goals.size(); ++g) {
    int outputs = draw.between(2, 4);
    for (int i = 0; i < outputs; ++i)
      goals[g].push_back(make_leaf(draw, draw.pick(kOutputs), q, year));
    goals[g].push_back(make_leaf(draw, draw.pick(kEffects), q, year));
    if (g + 1 == goals.size())
      goals[g].push_back(make_leaf(draw, draw.pick(kSatisfaction), q, year));
  }
  for (auto& goal : goals)
    for (auto& leaf : goal) all.push_back(&leaf);
  spread_weights(all);
  for (std::size_t g = 0; g < goals.size(); ++g) {
    model::Goal goal;
    goal.number = int(g) + 1;
    goal.target = std::string(g == 0 ? "全面完成年度重点工作任务" : "推进专项工作落实") + "，提升" +
                  d.service + "水平。";
    bool any_missed = false;
    missed.emplace_back();
    for (auto& leaf : goals[g]) {
      goal.indicators.push_back(leaf.indicator);
      missed.back().push_back(leaf.missed);
      any_missed = any_missed || leaf.missed;
    }
    goal.actual = any_missed
                      ? "大部分任务按期完成，个别指标因客观原因未达到年度目标。"
                      : "已按计划完成年度各项任务，" + std::string(d.service) + "水平稳步提升。";
    form.goals.push_back(std::move(goal));
  }
  fill_budget(draw, form, q, 800, 30000);
  declare_scores(draw, form, missed, q, rules);
  return form;
}

Form project_form(Draw& draw, const DepartmentSpec& d, int which, int year, Quality quality,
                  const rules::RuleSet& rules) {
  const QualitySpec& q = spec_of(quality);
  Form form;
  form.kind = FormKind::Project;
  form.title = "项目支出绩效自评表";
  form.year = year;
  form.department = d.name;
  form.project = std::to_string(year) + "年" + d.projects[which];
  form.implementing_unit = d.units[which];
  std::vector<Leaf> leaves;
  for (int i = 0; i < 5; ++i)
    leaves.push_back(make_leaf(draw, kOutputs[std::size_t((i * 2 + which) % 10)], q, year));
  for (int i = 0; i < 3; ++i)
    leaves.push_back(make_leaf(draw, kEffects[std::size_t((i + which) % 5)], q, year));
  leaves.push_back(make_leaf(draw, kSatisfaction[std::size_t(which)], q, year));
  std::vector<Leaf*> all;
  for (auto& leaf : leaves) all.push_back(&leaf);
  spread_weights(all); // 9 leaves of 10: 产出 50, 效益 30, 满意度 10
  model::Goal goal;
  goal.target = "完成" + std::string(d.projects[which]) + "年度建设和服务任务，提升" + d.service +
                "水平，服务对象满意度达到预期。";
  std::vector<std::vector<bool>> missed(1);
  bool any_missed = false;
  for (auto& leaf : leaves) {
    goal.indicators.push_back(leaf.indicator);
    missed[0].push_back(leaf.missed);
    any_missed = any_missed || leaf.missed;
  }
  goal.actual = any_missed ? "项目主体任务已完成，个别指标未达到年度目标。"
                           : "项目年度任务全部完成，达到预期效果。";
  form.goals.push_back(std::move(goal));
  fill_budget(draw, form, q, 50, 3000);
  declare_scores(draw, form, missed, q, rules);
  form.project_leader = draw.pick(kAuthors);
  form.finance_leader = draw.pick(kAuthors);
  return form;
}

Quality draw_quality(Draw& draw) {
  int r = draw.between(0, 99);
  return r < 30   ? Quality::Excellent
         : r < 60 ? Quality::Good
         : r < 82 ? Quality::Fair
                  : Quality::Poor;
}

std::vector<model::Form> benchmark_forms(std::size_t count, std::uint32_t seed) {
  Draw draw(seed);
  std::vector<model::Form> forms;
  forms.reserve(count);
  for (std::size_t i = 0; i < count; ++i) forms.push_back(benchmark_form(draw, i));
  return forms;
}

} // namespace ziping::sample
