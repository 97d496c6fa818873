#include "ziping/io/text/vocabulary.h"

#include <array>
#include <utility>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/text/header_synonyms.h"
#include "ziping/io/text/keys.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text {
namespace {

using namespace std::string_view_literals;

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto word : words) {
    if (text == word) return true;
  }
  return false;
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto word : words) {
    if (text.starts_with(word)) return true;
  }
  return false;
}

// 一 … 九十九 as written in 绩效目标十二; 0 when it is not such a numeral.
int chinese_number(std::string_view text) {
  static constexpr std::array<std::string_view, 10> kDigits = {
      "零"sv, "一"sv, "二"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv, "九"sv};
  auto digit = [&](std::string_view piece) {
    for (std::size_t i = 0; i < kDigits.size(); ++i) {
      if (piece == kDigits[i]) return int(i);
    }
    return -1;
  };
  std::vector<std::string> chars;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    ziping::text::next_code_point(text, pos);
    chars.emplace_back(text.substr(start, pos - start));
  }
  if (chars.empty() || chars.size() > 3) return 0;
  if (chars.size() == 1) {
    if (chars[0] == "十") return 10;
    int d = digit(chars[0]);
    return d > 0 ? d : 0;
  }
  std::size_t ten = chars.size();
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i] == "十") ten = i;
  }
  if (ten == chars.size()) return 0;
  int tens = 1;
  if (ten == 1) {
    tens = digit(chars[0]);
    if (tens <= 0) return 0;
  } else if (ten != 0) {
    return 0;
  }
  int ones = 0;
  if (ten + 1 < chars.size()) {
    if (ten + 2 != chars.size()) return 0;
    ones = digit(chars[ten + 1]);
    if (ones <= 0) return 0;
  }
  return tens * 10 + ones;
}

int arabic_number(std::string_view text) {
  if (text.empty() || text.size() > 3) return 0;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "一、产出指标", "(一)产出指标", "1.产出指标", "1、产出指标" → "产出指标".
std::string_view strip_enumerator(std::string_view key) {
  if (key.starts_with("(")) {
    auto close = key.find(')');
    if (close != std::string_view::npos && close <= 10 &&
        (chinese_number(key.substr(1, close - 1)) > 0 ||
         arabic_number(key.substr(1, close - 1)) > 0)) {
      return key.substr(close + 1);
    }
  }
  for (auto mark : {"、"sv, "."sv}) {
    auto at = key.find(mark);
    if (at != std::string_view::npos && at > 0 && at <= 9) {
      std::string_view head = key.substr(0, at);
      if (chinese_number(head) > 0 || arabic_number(head) > 0) return key.substr(at + mark.size());
    }
  }
  return key;
}

// "产出指标(50分)", "产出指标(权重50分)", "产出指标50分" → ("产出指标", 50).
std::pair<std::string_view, std::optional<num::Decimal>> strip_points(std::string_view key) {
  auto read_points = [](std::string_view inner) -> std::optional<num::Decimal> {
    for (auto prefix : {"分值"sv, "权重"sv, "满分"sv, "分值:"sv, "权重:"sv}) {
      if (inner.starts_with(prefix)) inner.remove_prefix(prefix.size());
    }
    if (inner.starts_with(":")) inner.remove_prefix(1);
    if (inner.ends_with("分")) inner.remove_suffix("分"sv.size());
    if (inner.empty()) return std::nullopt;
    return num::Decimal::parse(inner);
  };
  if (key.ends_with(")")) {
    auto open = key.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      if (auto points = read_points(key.substr(open + 1, key.size() - open - 2)))
        return {key.substr(0, open), points};
    }
  }
  if (key.ends_with("分")) {
    std::size_t end = key.size() - "分"sv.size();
    std::size_t start = end;
    while (start > 0 && ((key[start - 1] >= '0' && key[start - 1] <= '9') || key[start - 1] == '.'))
      --start;
    if (start < end && start > 0) {
      if (auto points = num::Decimal::parse(key.substr(start, end - start)))
        return {key.substr(0, start), points};
    }
  }
  return {key, std::nullopt};
}

std::string_view stem_of(std::string_view base) {
  if (base.size() > "指标"sv.size() && base.ends_with("指标")) base.remove_suffix("指标"sv.size());
  return base;
}

struct Level2Entry {
  std::string_view stem;
  std::string_view level1;
};
constexpr Level2Entry kLevel2[] = {
    {"数量", "产出"},
    {"质量", "产出"},
    {"时效", "产出"},
    {"成本", "产出"},
    {"经济效益", "效益"},
    {"社会效益", "效益"},
    {"生态效益", "效益"},
    {"环境效益", "效益"}, // a common local name of 生态效益
    {"可持续影响", "效益"},
    {"服务对象满意度", "满意度"},
    {"社会公众满意度", "满意度"},
    {"社会公众或服务对象满意度", "满意度"},
    {"经济成本", "成本"},
    {"社会成本", "成本"},
    {"生态环境成本", "成本"},
    {"生态成本", "成本"},
};

bool is_section_key(std::string_view key) {
  return one_of(key,
                {"年度指标完成情况", "年度绩效目标完成情况", "年度绩效指标完成情况",
                 "绩效指标完成情况", "指标完成情况", "年度绩效指标", "绩效指标", "年度绩效目标",
                 "年度总体目标完成情况", "绩效指标情况", "年度绩效指标完成情况表"});
}

// "目标1：推进党的政治建设…", "绩效目标2、…": a goal label followed by the goal's text, as some
// department templates print the first column of the indicator table.
std::optional<int> goal_with_text(std::string_view text) {
  std::string_view t = ziping::text::trim(text);
  for (auto prefix : {"年度绩效目标"sv, "绩效目标"sv, "目标"sv}) {
    if (!t.starts_with(prefix)) continue;
    std::string_view rest = t.substr(prefix.size());
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 3 && rest[digits] >= '0' && rest[digits] <= '9')
      ++digits;
    if (digits == 0) return std::nullopt;
    std::string_view after = rest.substr(digits);
    for (auto separator : {"："sv, ":"sv, "、"sv, "."sv, "．"sv, "）"sv, ")"sv, " "sv}) {
      if (after.starts_with(separator) && after.size() > separator.size())
        return arabic_number(rest.substr(0, digits));
    }
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

Label classify_label(std::string_view text) {
  Label label;
  if (auto number = goal_with_text(text); number && *number > 0) {
    label.kind = LabelKind::Goal;
    label.goal_number = *number;
    label.name = std::string(ziping::text::trim(text));
    return label;
  }
  std::string k = key(text);
  if (k.empty()) return label;
  // "绩效指标(90分)": the table's merged label with the points of its part.
  if (is_section_key(k) || is_section_key(strip_points(k).first)) {
    label.kind = LabelKind::Section;
    label.name = std::string(ziping::text::trim(text));
    return label;
  }
  std::string_view body = strip_enumerator(k);
  if (body.ends_with(":")) body.remove_suffix(1);
  // 绩效目标3 / 目标3 / 年度绩效目标三
  for (auto prefix : {"年度绩效目标"sv, "绩效目标"sv, "目标"sv}) {
    if (body.starts_with(prefix)) {
      std::string_view rest = body.substr(prefix.size());
      int number = arabic_number(rest);
      if (number == 0) number = chinese_number(rest);
      if (number > 0) {
        label.kind = LabelKind::Goal;
        label.goal_number = number;
        label.name = std::string(ziping::text::trim(text));
        return label;
      }
    }
  }
  auto [base, points] = strip_points(body);
  std::string_view stem = stem_of(base);
  if (one_of(stem, {"产出", "效益", "满意度", "成本"})) {
    label.kind = stem == "成本" ? LabelKind::Level1or2 : LabelKind::Level1;
  } else {
    for (const auto& entry : kLevel2) {
      if (stem == entry.stem) label.kind = LabelKind::Level2;
    }
  }
  if (label.kind == LabelKind::None) return label;
  label.stem = std::string(stem);
  label.points = points;
  std::string_view printed = ziping::text::trim(text);
  // An enumerator in front ("一、产出指标", "（一）数量指标") numbers the outline; it is not part
  // of the label, which is the framework's closed vocabulary.
  if (std::string_view numbered = strip_enumerator(k); numbered.size() < k.size()) {
    for (std::size_t i = 1; i < printed.size() && i <= 40; ++i) {
      if ((static_cast<unsigned char>(printed[i]) & 0xC0) == 0x80) continue;
      if (key(printed.substr(i)) == numbered) {
        printed = ziping::text::trim(printed.substr(i));
        break;
      }
    }
  }
  if (points) {
    // Cut the printed text where the points begin: at the last "(" / "（", else before digits.
    std::size_t cut = std::string_view::npos;
    for (auto open : {"（"sv, "("sv}) {
      auto at = printed.rfind(open);
      if (at != std::string_view::npos && (cut == std::string_view::npos || at > cut)) cut = at;
    }
    if (cut == std::string_view::npos) {
      cut = printed.size();
      while (cut > 0 && printed[cut - 1] != ' ' &&
             ((printed[cut - 1] >= '0' && printed[cut - 1] <= '9') || printed[cut - 1] == '.' ||
              printed.substr(0, cut).ends_with("分"))) {
        cut -= printed.substr(0, cut).ends_with("分") ? "分"sv.size() : 1;
      }
    }
    printed = ziping::text::trim(printed.substr(0, cut));
  }
  // A recognised 一级/二级 label printed in traditional characters is written in the framework's
  // simplified spelling, so that rule sets recognise it (docs/import.md); texts are not touched.
  label.name = has_traditional(printed) ? simplified(printed) : std::string(printed);
  return label;
}

std::string_view natural_level1(std::string_view level2_stem) {
  for (const auto& entry : kLevel2) {
    if (entry.stem == level2_stem) return entry.level1;
  }
  return {};
}

bool level2_belongs(std::string_view level1_stem, std::string_view level2_stem) {
  for (const auto& entry : kLevel2) {
    if (entry.stem == level2_stem && entry.level1 == level1_stem) return true;
  }
  return false;
}

int level1_rank(std::string_view stem) {
  if (stem == "产出") return 0;
  if (stem == "成本") return 1;
  if (stem == "效益") return 2;
  if (stem == "满意度") return 3;
  return -1;
}

std::string level_display(std::string_view stem) {
  return std::string(stem) + "指标";
}

std::string column_name(Column column) {
  switch (column) {
  case Column::Goal:
    return diag::bilingual("绩效目标", "goal");
  case Column::Level1:
    return diag::bilingual("一级指标", "level-1");
  case Column::Level2:
    return diag::bilingual("二级指标", "level-2");
  case Column::Name:
    return diag::bilingual("三级指标", "level-3");
  case Column::Nature:
    return diag::bilingual("指标性质", "nature");
  case Column::Unit:
    return diag::bilingual("度量单位", "unit");
  case Column::Target:
    return diag::bilingual("年度指标值", "target");
  case Column::Adjusted:
    return diag::bilingual("调整指标值", "adjusted target");
  case Column::Actual:
    return diag::bilingual("实际完成值", "actual");
  case Column::Weight:
    return diag::bilingual("分值", "weight");
  case Column::Score:
    return diag::bilingual("得分", "score");
  case Column::Coefficient:
    return diag::bilingual("得分系数", "score coefficient");
  case Column::Reason:
    return diag::bilingual("偏差原因", "deviation reason");
  case Column::Standard:
    return diag::bilingual("评分标准", "scoring standard");
  case Column::Explanation:
    return diag::bilingual("指标解释", "explanation");
  case Column::Core:
    return diag::bilingual("是否核心指标", "core");
  case Column::Other:
    return diag::bilingual("其他", "other");
  case Column::Review:
    return diag::bilingual("复核分", "reviewer's score");
  case Column::Rate:
    return diag::bilingual("完成率", "completion rate");
  case Column::None:
    break;
  }
  return "?";
}

Column indicator_column(std::string_view k) {
  if (k.empty()) return Column::None;
  if (is_section_key(k)) return Column::Goal;
  if (contains(k, "一级指标")) return Column::Level1;
  if (contains(k, "二级指标")) return Column::Level2;
  // A header worded exactly as the one synonym table has it (the field catalogue's words,
  // shared with the sheet readers); the substring rules below catch the other wordings.
  if (auto exact = exact_header_column(k)) return *exact;
  if (contains(k, "三级指标") || one_of(k, {"指标名称", "具体指标", "指标内容"}))
    return Column::Name;
  if (contains(k, "指标性质") || k == "性质") return Column::Nature;
  if (contains(k, "度量单位") || contains(k, "计量单位") || k == "单位") return Column::Unit;
  if (contains(k, "得分系数")) return Column::Coefficient;
  if (contains(k, "核心指标")) return Column::Core;
  if (contains(k, "评分标准") || contains(k, "扣分标准") || contains(k, "评(扣)分标准") ||
      contains(k, "计分方法") || contains(k, "评分依据"))
    return Column::Standard;
  if (contains(k, "调整") && (contains(k, "指标值") || contains(k, "目标值")))
    return Column::Adjusted;
  if (contains(k, "实际")) return Column::Actual;
  if (contains(k, "指标值") || contains(k, "目标值") || contains(k, "预期值") ||
      contains(k, "计划值") || one_of(k, {"年度目标", "预期指标", "目标"}))
    return Column::Target;
  if (contains(k, "分值") || contains(k, "权重") || one_of(k, {"标准分", "满分", "指标分值"}))
    return Column::Weight;
  if (contains(k, "得分") || one_of(k, {"评分", "自评分"})) return Column::Score;
  if (contains(k, "偏差") || contains(k, "原因") || contains(k, "改进措施") ||
      one_of(k, {"说明", "备注"}))
    return Column::Reason;
  if (contains(k, "指标解释") || one_of(k, {"指标说明", "指标内涵"})) return Column::Explanation;
  if (contains(k, "完成率") || contains(k, "指标方向") || contains(k, "数据来源") ||
      contains(k, "完成情况"))
    return Column::Other;
  return Column::None;
}

std::optional<num::Decimal> budget_header_points(std::string_view k) {
  BudgetColumn column = budget_column(k);
  if (column != BudgetColumn::Label && column != BudgetColumn::Rate &&
      column != BudgetColumn::Weight)
    return std::nullopt;
  auto points = strip_points(k).second;
  if (points && !(*points > num::Decimal::from_int(0))) return std::nullopt;
  return points;
}

BudgetColumn budget_column(std::string_view k) {
  if (k.empty()) return BudgetColumn::None;
  // "得分(20分*执行率)": the score, whatever formula follows it.
  if (k.starts_with("得分")) return BudgetColumn::Score;
  if (contains(k, "执行率")) return BudgetColumn::Rate;
  if (contains(k, "年初预算")) return BudgetColumn::Initial;
  if (contains(k, "全年预算") || contains(k, "调整后预算") || k.starts_with("预算数"))
    return BudgetColumn::Annual;
  if (contains(k, "执行数") || contains(k, "全年执行") || contains(k, "实际支出") ||
      contains(k, "支出数"))
    return BudgetColumn::Executed;
  if (contains(k, "分值") || k == "权重") return BudgetColumn::Weight;
  if (contains(k, "得分")) return BudgetColumn::Score;
  if (contains(k, "资金") || contains(k, "预算执行情况") || contains(k, "预算金额") ||
      contains(k, "资金来源") || contains(k, "(万元)") || contains(k, "(元)"))
    return BudgetColumn::Label; // 年度预算数(万元): a merged cell over the amounts
  return BudgetColumn::None;
}

GoalColumn goal_column(std::string_view k) {
  if (k.empty() || (is_section_key(k) && k != "年度绩效目标")) return GoalColumn::None;
  if (one_of(k, {"目标序号", "序号", "目标编号"})) return GoalColumn::Number;
  if (contains(k, "偏差原因") || contains(k, "未完成原因")) return GoalColumn::Reason;
  if (contains(k, "实际完成") || one_of(k, {"完成情况", "实际完成情况", "全年实际完成情况"}))
    return GoalColumn::Actual;
  if (one_of(k, {"年度绩效目标", "预期目标", "绩效目标", "年度目标", "总体目标", "年初目标",
                 "年度预期目标"}))
    return GoalColumn::Target;
  return GoalColumn::None;
}

namespace {

struct FieldWord {
  std::string_view key;
  Field field;
};
constexpr FieldWord kFields[] = {
    {"部门名称", Field::Department},
    {"部门(单位)名称", Field::Department},
    {"部门(单位)", Field::Department},
    {"单位名称", Field::Department},
    {"预算单位", Field::Department},
    {"预算单位名称", Field::Department},
    {"预算部门", Field::Department},
    {"预算部门名称", Field::Department},
    {"项目名称", Field::Project},
    {"主管部门", Field::Supervisor},
    {"主管部门(单位)", Field::Supervisor},
    {"主管单位", Field::Supervisor},
    {"项目主管部门", Field::Supervisor},
    {"项目主管单位", Field::Supervisor}, // Hubei (广水)
    {"实施单位", Field::ImplementingUnit},
    {"项目实施单位", Field::ImplementingUnit},
    {"项目单位", Field::ImplementingUnit},
    {"实施单位(盖章)", Field::ImplementingUnit},
    {"年度资金总额", Field::FundingTotal},
    {"资金总额", Field::FundingTotal},
    {"年度财政资金总额", Field::FundingTotal},
    {"财政资金总额", Field::FundingTotal},
    {"总额", Field::FundingTotal},
    {"年度总体目标", Field::OverallGoal},
    {"总体目标", Field::OverallGoal},
    {"总分", Field::Total},
    {"合计", Field::Total},
    {"总计", Field::Total},
    {"总得分", Field::Total},
    {"综合得分", Field::Total},
    {"合计得分", Field::Total},
    {"自评得分", Field::Total},
    {"自评结论", Field::Conclusion},
    {"评价结论", Field::Conclusion},
    {"整体支出绩效自评结论", Field::Conclusion},
    {"部门整体支出绩效自评结论", Field::Conclusion},
    {"绩效自评结论", Field::Conclusion},
    {"项目支出绩效自评结论", Field::Conclusion},
    {"自评结果", Field::Conclusion},
    {"评价结果", Field::Conclusion},
    {"总体评价", Field::Conclusion},
    {"总体结论", Field::Conclusion},
    {"结论", Field::Conclusion},
    {"自评等级", Field::Grade},
    {"评价等级", Field::Grade},
    {"绩效等级", Field::Grade},
    {"自评级别", Field::Grade},
    {"等级", Field::Grade},
    {"存在问题", Field::Problems},
    {"存在的问题", Field::Problems},
    {"主要问题", Field::Problems},
    {"改进措施", Field::Improvements},
    {"整改措施", Field::Improvements},
    {"改进意见", Field::Improvements},
    {"改进建议", Field::Improvements},
    {"下一步改进措施", Field::Improvements},
    {"项目负责人", Field::ProjectLeader},
    {"财务负责人", Field::FinanceLeader},
    {"填表人", Field::Ignored},
    {"填报人", Field::Ignored},
    {"联系电话", Field::Ignored},
    {"填报日期", Field::Ignored},
    {"填表日期", Field::Ignored},
    {"单位负责人", Field::Ignored},
    {"审核人", Field::Ignored},
    {"联系人", Field::Ignored},
    {"注", Field::Note},
    {"备注", Field::Note},
    {"说明", Field::Note},
};

Field field_of_key(std::string_view k) {
  for (const auto& word : kFields) {
    if (k == word.key) return word.field;
  }
  std::string_view bare = k;
  if (bare.starts_with("其中:")) bare.remove_prefix("其中:"sv.size());
  if (bare.starts_with("其中")) bare.remove_prefix("其中"sv.size());
  if (starts_with_any(bare, {"本年财政拨款", "当年财政拨款", "财政拨款", "上年结转", "其他资金",
                             "财政资金", "本级财政资金", "上级补助资金", "自筹资金"}) &&
      bare.size() <= 30)
    return Field::FundingSource;
  if (starts_with_any(k, {"项目资金", "预算执行情况", "年度预算执行情况", "部门预算金额",
                          "年度预算申请", "资金情况"}))
    return Field::FundingHeader;
  if (k.starts_with("年度资金总额")) return Field::FundingTotal;
  if (starts_with_any(k, {"偏差原因", "预算执行偏差原因"})) return Field::BudgetReason;
  return Field::None;
}

} // namespace

FieldMatch match_field(std::string_view text) {
  FieldMatch match;
  std::string_view printed = ziping::text::trim(text);
  // "label：value" (full-width or ASCII colon) with a short label.
  for (auto colon : {"："sv, ":"sv}) {
    auto at = printed.find(colon);
    if (at == std::string_view::npos || code_point_count(printed.substr(0, at)) > 16) continue;
    std::string k = key(printed.substr(0, at));
    Field field = field_of_key(k);
    if (field == Field::FundingSource || field == Field::FundingTotal) {
      // "其中：本年财政拨款" is one label, not a label and a value.
      Field whole = field_of_key(key(printed));
      if (whole == Field::FundingSource || whole == Field::FundingTotal) {
        match.field = whole;
        match.label = std::string(printed);
        return match;
      }
    }
    if (field != Field::None) {
      match.field = field;
      match.label = std::string(ziping::text::trim(printed.substr(0, at)));
      match.rest = std::string(ziping::text::trim(printed.substr(at + colon.size())));
      return match;
    }
  }
  std::string k = key(printed);
  match.field = field_of_key(k);
  if (match.field != Field::None) match.label = std::string(printed);
  return match;
}

std::string funding_label(std::string_view text) {
  std::string_view printed = ziping::text::trim(text);
  for (auto prefix : {"其中："sv, "其中:"sv, "其中"sv}) {
    if (printed.starts_with(prefix)) {
      printed.remove_prefix(prefix.size());
      break;
    }
  }
  printed = ziping::text::trim(printed);
  for (auto colon : {"："sv, ":"sv}) {
    if (printed.ends_with(colon)) printed.remove_suffix(colon.size());
  }
  return std::string(ziping::text::trim(printed));
}

bool is_title(std::string_view k) {
  // The title ends with its 表 (a year in brackets may follow): "项目支出绩效自评表",
  // "2022年度部门整体支出绩效自评表(2022年度)"; a sentence that mentions a 自评表 is not one.
  if (k.empty()) return false;
  if (k.ends_with(")")) {
    auto open = k.rfind('(');
    if (open != std::string_view::npos) k = k.substr(0, open);
  }
  if (!k.ends_with("表")) return false;
  return contains(k, "自评表") || contains(k, "绩效自评") || contains(k, "绩效评价表");
}

std::optional<bool> title_is_project(std::string_view k) {
  if (contains(k, "项目")) return true;
  if (contains(k, "整体") || contains(k, "部门") || contains(k, "单位")) return false;
  return std::nullopt;
}

std::optional<int> year_in(std::string_view k) {
  for (std::size_t i = 0; i + 4 < k.size() + 1; ++i) {
    if (i + 4 > k.size()) break;
    bool digits = true;
    for (std::size_t j = 0; j < 4; ++j) digits = digits && k[i + j] >= '0' && k[i + j] <= '9';
    if (!digits) continue;
    if (i > 0 && k[i - 1] >= '0' && k[i - 1] <= '9') continue;
    if (k.substr(i + 4).starts_with("年")) {
      int year =
          (k[i] - '0') * 1000 + (k[i + 1] - '0') * 100 + (k[i + 2] - '0') * 10 + (k[i + 3] - '0');
      if (year >= 1990 && year <= 2100) return year;
    }
  }
  return std::nullopt;
}

std::string_view name_field_path(Field field) {
  switch (field) {
  case Field::Project:
    return "project";
  case Field::Supervisor:
  case Field::Department:
    return "department";
  case Field::ImplementingUnit:
    return "implementing_unit";
  default:
    return {};
  }
}

} // namespace ziping::io::text
