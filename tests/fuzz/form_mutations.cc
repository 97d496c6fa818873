#include "form_mutations.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <string_view>
#include <utility>

#include "ziping/io/json/form_reader.h"

namespace ziping::fuzz {
namespace {

using model::Form;
using model::Goal;
using model::Indicator;
using num::Decimal;

// Cells of forms seen in the wild and what the value notation treats specially (docs/
// value-notation.md): comparators in signs and words, units, dates, levels, tiers, blanks.
constexpr std::string_view kValueTexts[] = {"",
                                            "—",
                                            "/",
                                            "-",
                                            "无",
                                            "≥5次",
                                            "≤353.3万元",
                                            "=58个",
                                            "合格以上",
                                            "合格",
                                            "优",
                                            "良好",
                                            "满意",
                                            "较满意",
                                            "100%",
                                            "≥95%以上",
                                            "≥95%以下",
                                            "≤5%以内",
                                            "控制在5%以内",
                                            "不低于90%",
                                            "达到98.73%",
                                            "2022年12月底前",
                                            "2022年12月31日前",
                                            "2022-06-30",
                                            "按期完成",
                                            "及时",
                                            "是",
                                            "否",
                                            "有所提升",
                                            "显著提升",
                                            "达到预期",
                                            "全部达成预期指标",
                                            "5~10次",
                                            "5-10次",
                                            "3至5个",
                                            "１２３４５",
                                            "≧95％",
                                            "五次",
                                            "三十个",
                                            "1.2亿元",
                                            "350万元",
                                            "0元",
                                            "-3%",
                                            "0",
                                            "0%",
                                            "≥0",
                                            "4小时",
                                            "≥1套"};

constexpr std::string_view kComparators[] = {"",     "≥",  "≤",      ">",      "<",    "=",
                                             "＞＝", "≦",  "不低于", "不超过", "达到", "大于",
                                             "小于", "约", "≥=",     "≯"};
constexpr std::string_view kUnits[] = {"",     "%",  "次",   "个", "万元", "元",   "亿元", "千元",
                                       "人次", "天", "小时", "年", "个月", "公里", "km",   "项",
                                       "‰",    "家", "套",   "件", "m²",   "℃",    "以上", "以内"};
// Pieces of texts: digits in several widths, signs, units, Chinese numerals, level words,
// spaces the folding removes, and a NUL (which the store refuses, ZP0723).
constexpr std::string_view kTextPieces[] = {"0",      "1",    "5",    "9",
                                            "12",     ".",    "%",    "≥",
                                            "≤",      "<",    ">",    "=",
                                            "次",     "个",   "万元", "年",
                                            "月",     "日",   "前",   "优",
                                            "良",     "中",   "差",   "满意",
                                            "提升",   " ",    "\t",   "\n",
                                            "\u3000", "０",   "１",   "．",
                                            "％",     "，",   "、",   "（",
                                            "）",     "-",    "+",    "e",
                                            "一",     "二",   "十",   "百",
                                            "千",     "万",   "亿",   "半",
                                            "约",     "以上", "以下", "不低于",
                                            "不超过", "合格", "达标", "\u200b",
                                            "\ufeff", "ﾃｽﾄ",  "é",    "\xf0\x9f\x98\x80",
                                            "{0}",    "\"",   "\\",   std::string_view("\0", 1)};
constexpr std::string_view kLevel1[] = {"产出指标", "效益指标", "满意度指标", "成本指标",
                                        "产出",     "效益",     "",           "其他指标"};
constexpr std::string_view kGrades[] = {"优", "良", "中", "差", "", "A", "优秀", "良好"};
constexpr std::string_view kMoneyUnits[] = {"万元", "元", "亿元", "千元", "", "美元"};

// Integers stay within what every reader produces (the JSON reader takes at most 9 digits, the
// sheet readers the same): the canonical JSON of a year beyond that would not read back.
constexpr int kMaxReadInteger = 999999999;

template <std::size_t N> std::string pick(Choices& choices, const std::string_view (&list)[N]) {
  return std::string(list[choices.below(N)]);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "form_mutations: cannot read %s\n", path.c_str());
    std::abort();
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every target and actual of the base forms: realistic cells to put anywhere.
const std::vector<std::string>& example_values() {
  static const std::vector<std::string> values = [] {
    std::set<std::string> seen;
    for (const Form& form : base_forms()) {
      for (const Goal& goal : form.goals) {
        for (const Indicator& indicator : goal.indicators) {
          seen.insert(indicator.target);
          seen.insert(indicator.actual);
        }
      }
    }
    return std::vector<std::string>(seen.begin(), seen.end());
  }();
  return values;
}

std::string digits(Choices& choices, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += char('0' + choices.below(10));
  return out;
}

std::string pieces(Choices& choices, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += kTextPieces[choices.below(std::size(kTextPieces))];
  return out;
}

// A number as a form prints it: from the decimal generator, or in Chinese numerals.
std::string number_text(Choices& choices) {
  if (choices.below(8) == 0) return pieces(choices, 1 + choices.below(3));
  auto value = chosen_decimal(choices);
  return value ? value->to_string() : "0";
}

Indicator* chosen_indicator(Form& form, Choices& choices) {
  if (form.goals.empty()) return nullptr;
  Goal& goal = form.goals[choices.below(form.goals.size())];
  if (goal.indicators.empty()) return nullptr;
  return &goal.indicators[choices.below(goal.indicators.size())];
}

void edit_indicator_text(Indicator& indicator, Choices& choices) {
  std::string* fields[] = {
      &indicator.level1,          &indicator.level2, &indicator.name, &indicator.deviation_reason,
      &indicator.adjusted_target, &indicator.nature, &indicator.unit, &indicator.scoring_standard};
  std::size_t which = choices.below(std::size(fields));
  if (which == 0 && choices.coin()) {
    indicator.level1 = pick(choices, kLevel1);
  } else if (which == 4 || which == 6) {
    *fields[which] = which == 6 ? pick(choices, kUnits) : chosen_value_text(choices);
  } else if (which == 5) {
    indicator.nature = choices.coin() ? "定量" : (choices.coin() ? "定性" : chosen_text(choices));
  } else {
    *fields[which] = chosen_text(choices);
  }
}

void edit_indicator_number(Indicator& indicator, Choices& choices) {
  switch (choices.below(3)) {
  case 0:
    indicator.weight = chosen_decimal(choices);
    break;
  case 1:
    indicator.score = chosen_decimal(choices);
    break;
  default:
    indicator.score_coefficient = chosen_decimal(choices);
    break;
  }
}

std::size_t indicator_total(const Form& form) {
  std::size_t total = 0;
  for (const Goal& goal : form.goals) total += goal.indicators.size();
  return total;
}

// Array lengths: remove, duplicate, truncate, swap and move indicators.
void edit_indicator_rows(Form& form, Choices& choices) {
  if (form.goals.empty()) return;
  Goal& goal = form.goals[choices.below(form.goals.size())];
  std::size_t size = goal.indicators.size();
  switch (choices.below(5)) {
  case 0:
    if (size > 0) goal.indicators.erase(goal.indicators.begin() + long(choices.below(size)));
    break;
  case 1:
    if (size > 0 && indicator_total(form) < kMaxIndicators) {
      Indicator copy = goal.indicators[choices.below(size)];
      goal.indicators.insert(goal.indicators.begin() + long(choices.below(size + 1)),
                             std::move(copy));
    }
    break;
  case 2:
    goal.indicators.resize(std::min(size, choices.below(size + 1)));
    break;
  case 3:
    if (size > 1)
      std::swap(goal.indicators[choices.below(size)], goal.indicators[choices.below(size)]);
    break;
  default: {
    Goal& other = form.goals[choices.below(form.goals.size())];
    if (size > 0 && &other != &goal) {
      std::size_t from = choices.below(size);
      other.indicators.push_back(std::move(goal.indicators[from]));
      goal.indicators.erase(goal.indicators.begin() + long(from));
    }
  }
  }
}

void edit_goal(Form& form, Choices& choices) {
  if (form.goals.empty()) {
    form.goals.emplace_back();
    return;
  }
  std::size_t index = choices.below(form.goals.size());
  Goal& goal = form.goals[index];
  switch (choices.below(9)) {
  case 0: {
    std::size_t kind = choices.below(4);
    if (kind == 0)
      goal.number.reset();
    else if (kind == 1)
      goal.number = int(choices.below(20));
    else if (kind == 2)
      goal.number = -int(choices.below(3)) - 1;
    else
      goal.number = kMaxReadInteger - int(choices.below(2));
    break;
  }
  case 1:
    goal.target = chosen_text(choices);
    break;
  case 2:
    goal.actual = chosen_text(choices);
    break;
  case 3:
    goal.deviation_reason = chosen_text(choices);
    break;
  case 4:
    goal.weight = chosen_decimal(choices);
    break;
  case 5:
    goal.score = chosen_decimal(choices);
    break;
  case 6:
    form.goals.erase(form.goals.begin() + long(index));
    break;
  case 7:
    if (form.goals.size() < kMaxGoals &&
        indicator_total(form) + goal.indicators.size() <= kMaxIndicators) {
      Goal copy = goal;
      form.goals.insert(form.goals.begin() + long(choices.below(form.goals.size() + 1)),
                        std::move(copy));
    }
    break;
  default:
    form.goals.resize(choices.below(form.goals.size() + 1));
    break;
  }
}

void edit_budget(Form& form, Choices& choices) {
  model::Budget& budget = form.budget;
  switch (choices.below(9)) {
  case 0:
    budget.initial = chosen_decimal(choices);
    break;
  case 1:
    budget.annual = chosen_decimal(choices);
    break;
  case 2:
    budget.executed = chosen_decimal(choices);
    break;
  case 3:
    budget.weight = chosen_decimal(choices);
    break;
  case 4:
    budget.score = chosen_decimal(choices);
    break;
  case 5:
    budget.rate = choices.coin() ? number_text(choices) + "%" : chosen_value_text(choices);
    break;
  case 6:
    budget.deviation_reason = chosen_text(choices);
    break;
  case 7: { // the funding rows: remove, add, or change one
    auto& rows = budget.sources;
    std::size_t what = choices.below(3);
    if (what == 0 && !rows.empty()) {
      rows.erase(rows.begin() + long(choices.below(rows.size())));
    } else if (what == 1 && rows.size() < 8) {
      rows.push_back(model::FundingRow{chosen_text(choices), chosen_decimal(choices),
                                       chosen_decimal(choices), chosen_decimal(choices),
                                       number_text(choices) + "%"});
    } else if (!rows.empty()) {
      model::FundingRow& row = rows[choices.below(rows.size())];
      switch (choices.below(5)) {
      case 0:
        row.label = chosen_text(choices);
        break;
      case 1:
        row.initial = chosen_decimal(choices);
        break;
      case 2:
        row.annual = chosen_decimal(choices);
        break;
      case 3:
        row.executed = chosen_decimal(choices);
        break;
      default:
        row.rate = chosen_value_text(choices);
        break;
      }
    }
    break;
  }
  default:
    form.money_unit = choices.coin() ? pick(choices, kMoneyUnits) : chosen_text(choices);
    break;
  }
}

void edit_form(Form& form, Choices& choices) {
  switch (choices.below(12)) {
  case 0:
    form.kind = form.kind == model::FormKind::Department ? model::FormKind::Project
                                                         : model::FormKind::Department;
    break;
  case 1: {
    std::size_t kind = choices.below(4);
    if (kind == 0)
      form.year.reset();
    else if (kind == 1)
      form.year = 2015 + int(choices.below(15));
    else if (kind == 2)
      form.year = -int(choices.below(2));
    else
      form.year = choices.coin() ? kMaxReadInteger : -kMaxReadInteger;
    break;
  }
  case 2:
    form.total_weight = chosen_decimal(choices);
    break;
  case 3:
    form.total_score = chosen_decimal(choices);
    break;
  case 4:
    form.grade = choices.coin() ? pick(choices, kGrades) : chosen_text(choices);
    break;
  case 5:
    form.conclusion = chosen_text(choices);
    break;
  case 6:
    form.department = chosen_text(choices);
    break;
  case 7:
    form.title = chosen_text(choices);
    break;
  case 8:
    form.project = chosen_text(choices);
    break;
  case 9:
    form.implementing_unit = chosen_text(choices);
    break;
  case 10:
    form.problems = chosen_text(choices);
    break;
  default:
    form.project_leader = chosen_text(choices);
    break;
  }
}

} // namespace

std::size_t Choices::below(std::size_t n) {
  if (n == 0) return 0;
  std::size_t raw = byte();
  if (n > 256) raw = raw << 8 | byte();
  return raw % n;
}

const std::vector<Form>& base_forms() {
  static const std::vector<Form> forms = [] {
    std::vector<Form> out;
    for (const char* name : {"tianjin-2022-dept.json", "county-roads-2023-proj.json"}) {
      std::string path = std::string(ZIPING_SOURCE_DIR) + "/examples/" + name;
      auto read = io::json::read_form_json(read_file(path), path);
      if (!read.form) {
        std::fprintf(stderr, "form_mutations: %s is not a form\n", path.c_str());
        std::abort();
      }
      out.push_back(std::move(*read.form));
    }
    return out;
  }();
  return forms;
}

std::optional<Decimal> chosen_decimal(Choices& choices) {
  switch (choices.below(8)) {
  case 0:
    return std::nullopt;
  case 1:
    return Decimal::from_int(long(choices.below(4)) * 5); // 0, 5, 10, 15
  case 2: {
    constexpr std::string_view interesting[] = {"100",
                                                "10",
                                                "0.5",
                                                "99.99",
                                                "-1",
                                                "0.80",
                                                "0.000000000000000001",
                                                "9999999999999999999999999999",
                                                "-9999999999999999999999999999",
                                                "1.000",
                                                "1466.5",
                                                "0.01"};
    return Decimal::parse(interesting[choices.below(std::size(interesting))]);
  }
  default: {
    // Mostly what forms hold (up to 6 digits, 0 to 2 decimals); now and then the limits.
    bool wide = choices.below(16) == 0;
    std::size_t count = wide ? 1 + choices.below(Decimal::kMaxDigits) : 1 + choices.below(6);
    std::size_t scale =
        wide ? choices.below(std::size_t(Decimal::kMaxScale) + 1) : choices.below(3);
    scale = std::min(scale, count);
    std::string text = digits(choices, count);
    if (scale > 0) text.insert(text.size() - scale, ".");
    if (text.front() == '.') text.insert(0, "0");
    if (choices.below(8) == 0) text.insert(0, "-");
    return Decimal::parse(text);
  }
  }
}

std::string chosen_value_text(Choices& choices) {
  switch (choices.below(6)) {
  case 0:
    return pick(choices, kValueTexts);
  case 1: {
    const auto& values = example_values();
    return values[choices.below(values.size())];
  }
  case 2:
  case 3:
    return pick(choices, kComparators) + number_text(choices) + pick(choices, kUnits);
  case 4:
    return pieces(choices, choices.below(8));
  default:
    return pick(choices, kComparators) + number_text(choices) + pick(choices, kUnits) + "~" +
           number_text(choices) + pick(choices, kUnits);
  }
}

std::string chosen_text(Choices& choices) {
  switch (choices.below(4)) {
  case 0:
    return "";
  case 1:
    return chosen_value_text(choices);
  default:
    return pieces(choices, choices.below(24));
  }
}

Form mutated_form(Choices& choices) {
  const auto& bases = base_forms();
  Form form = bases[choices.below(bases.size())];
  for (std::size_t edit = 0; edit < kMaxEdits && choices.more(); ++edit) {
    switch (choices.below(8)) {
    case 0:
    case 1:
      if (Indicator* indicator = chosen_indicator(form, choices)) {
        (choices.coin() ? indicator->target : indicator->actual) = chosen_value_text(choices);
      }
      break;
    case 2:
      if (Indicator* indicator = chosen_indicator(form, choices))
        edit_indicator_number(*indicator, choices);
      break;
    case 3:
      if (Indicator* indicator = chosen_indicator(form, choices)) {
        if (choices.below(4) == 0) {
          std::size_t core = choices.below(3);
          indicator->core = core == 0 ? std::nullopt : std::optional<bool>(core == 1);
        } else {
          edit_indicator_text(*indicator, choices);
        }
      }
      break;
    case 4:
      edit_indicator_rows(form, choices);
      break;
    case 5:
      edit_goal(form, choices);
      break;
    case 6:
      edit_budget(form, choices);
      break;
    default:
      edit_form(form, choices);
      break;
    }
  }
  return form;
}

} // namespace ziping::fuzz
