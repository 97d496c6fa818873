#include "ziping/io/csv/columns.h"

#include <algorithm>

#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::sheet {
namespace {

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0x3000 || cp == 0xA0;
}

} // namespace

std::string fold_header(std::string_view text) {
  // A header is short; a long cell is never one, and folding it would only cost time.
  if (text.size() > 200) return {};
  std::string folded = value::fold(text);
  std::string out;
  int depth = 0;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    char32_t cp = text::next_code_point(folded, pos);
    if (cp == U'(' || cp == U'[' || cp == 0x3010) {
      ++depth;
      continue;
    }
    if (cp == U')' || cp == U']' || cp == 0x3011) {
      if (depth > 0) --depth;
      continue;
    }
    if (depth > 0 || is_space(cp) || cp == U'*') continue;
    text::append_utf8(out, cp);
  }
  while (!out.empty() && (out.back() == ':')) out.pop_back();
  return out;
}

std::optional<std::string> parenthesised(std::string_view text) {
  std::string folded = value::fold(text);
  auto close = folded.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  auto open = folded.rfind('(', close);
  if (open == std::string::npos) return std::nullopt;
  return std::string(text::trim(std::string_view(folded).substr(open + 1, close - open - 1)));
}

std::span<const HeaderName> indicator_headers() {
  static const std::vector<HeaderName> kHeaders = {
      {Field::GoalLabel, "绩效目标", {"目标", "目标名称"}},
      {Field::GoalNumber, "目标序号", {"绩效目标序号"}},
      {Field::RowNumber, "序号", {"行号", "编号"}},
      {Field::Level1, "一级指标", {"一级指标名称"}},
      {Field::Level2, "二级指标", {"二级指标名称"}},
      {Field::Name, "三级指标", {"指标名称", "三级指标名称", "绩效指标", "年度绩效指标", "具体指标"}},
      {Field::Nature, "指标性质", {"指标类型", "指标属性"}},
      {Field::Unit, "度量单位", {"计量单位", "单位"}},
      {Field::Target,
       "年度指标值",
       {"指标值", "年初指标值", "年度目标值", "目标值", "预期指标值", "年初目标值"}},
      {Field::AdjustedTarget, "调整指标值", {"调整后指标值", "调整后目标值"}},
      {Field::Actual,
       "实际完成值",
       {"全年实际值", "实际完成情况", "实际值", "完成值", "全年完成值", "实际完成"}},
      {Field::Weight, "分值", {"权重", "分数", "指标分值", "权重分值", "标准分值"}},
      {Field::ScoreCoefficient, "得分系数", {"得分系数%"}},
      {Field::Score, "得分", {"自评得分", "评分", "实际得分", "自评分"}},
      {Field::Core, "是否核心指标", {"核心指标"}},
      {Field::ScoringStandard, "评分标准", {"评分规则", "扣分标准", "评分方法"}},
      {Field::Reason,
       "偏差原因分析及改进措施",
       {"偏差原因", "偏差原因分析", "偏差原因及改进措施", "未完成原因", "原因分析",
        "偏差原因分析及改进措施说明"}},
  };
  return kHeaders;
}

std::span<const HeaderName> goal_headers() {
  static const std::vector<HeaderName> kHeaders = {
      {Field::GoalNumber, "目标序号", {"序号"}},
      {Field::GoalLabel, "绩效目标", {"目标"}},
      {Field::GoalTarget, "年度绩效目标", {"预期目标", "年度目标", "绩效目标内容", "年初设定目标"}},
      {Field::GoalActual, "实际完成情况", {"全年实际完成情况", "实际完成"}},
      {Field::Reason, "偏差原因分析及改进措施", {"偏差原因", "偏差原因分析", "偏差原因及改进措施"}},
  };
  return kHeaders;
}

std::span<const HeaderName> budget_headers() {
  static const std::vector<HeaderName> kHeaders = {
      {Field::BudgetInitial, "年初预算数", {"年初预算"}},
      {Field::BudgetAnnual, "全年预算数", {"全年预算", "调整后预算数"}},
      {Field::BudgetExecuted, "全年执行数", {"全年执行", "实际执行数", "执行数"}},
      {Field::BudgetWeight, "分值", {"权重", "分数"}},
      {Field::BudgetRate, "执行率", {"预算执行率"}},
      {Field::BudgetScore, "得分", {"自评得分"}},
      {Field::Reason, "偏差原因分析及改进措施", {"偏差原因", "偏差原因分析", "偏差原因及改进措施"}},
  };
  return kHeaders;
}

std::span<const HeaderName> label_headers() {
  static const std::vector<HeaderName> kHeaders = {
      {Field::Department, "部门名称", {"主管部门", "部门", "单位名称", "预算部门"}},
      {Field::Project, "项目名称", {}},
      {Field::ImplementingUnit, "实施单位", {}},
      {Field::Year, "年度", {"评价年度", "预算年度", "自评年度"}},
      {Field::Grade, "自评等级", {"等级", "评价等级", "绩效等级"}},
      {Field::Conclusion,
       "自评结论",
       {"整体支出绩效自评结论", "评价结论", "绩效自评结论", "自评结论及说明",
        "项目支出绩效自评结论"}},
      {Field::Problems, "存在问题", {"存在的问题"}},
      {Field::Improvements, "改进措施", {"改进意见", "整改措施"}},
      {Field::ProjectLeader, "项目负责人", {}},
      {Field::FinanceLeader, "财务负责人", {}},
      {Field::Total, "总分", {"合计", "总计", "总得分"}},
      {Field::Subtotal, "小计", {}},
  };
  return kHeaders;
}

bool is_canonical_header(std::string_view folded, std::span<const HeaderName> table) {
  for (const auto& header : table)
    if (folded == header.canonical) return true;
  return false;
}

std::optional<Field> match_header(std::string_view folded, std::span<const HeaderName> table) {
  if (folded.empty()) return std::nullopt;
  for (const auto& header : table) {
    if (folded == header.canonical) return header.field;
  }
  for (const auto& header : table) {
    for (auto synonym : header.synonyms) {
      if (folded == synonym) return header.field;
    }
  }
  return std::nullopt;
}

namespace {

std::size_t edit_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

} // namespace

std::string suggest_header(std::string_view folded, std::span<const HeaderName> table) {
  if (folded.empty() || folded.size() > 120) return {};
  auto unknown = text::code_points(folded);
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  auto consider = [&](std::string_view candidate, std::string_view canonical) {
    auto points = text::code_points(candidate);
    std::size_t distance = edit_distance(unknown, points);
    std::size_t limit = std::max<std::size_t>(1, std::max(points.size(), unknown.size()) / 3);
    if (distance <= limit && distance < best_distance) {
      best_distance = distance;
      best = std::string(canonical);
    }
  };
  for (const auto& header : table) {
    consider(header.canonical, header.canonical);
    for (auto synonym : header.synonyms) consider(synonym, header.canonical);
  }
  return best;
}

std::optional<int> number_in(std::string_view text) {
  std::string folded = value::fold(text);
  std::size_t pos = 0;
  while (pos < folded.size() && !(folded[pos] >= '0' && folded[pos] <= '9')) ++pos;
  if (pos == folded.size()) return std::nullopt;
  long long number = 0;
  while (pos < folded.size() && folded[pos] >= '0' && folded[pos] <= '9') {
    number = number * 10 + (folded[pos] - '0');
    if (number > 999999999) return std::nullopt;
    ++pos;
  }
  return int(number);
}

} // namespace ziping::io::sheet

namespace ziping::io::sheet {

NumberText parse_number_text(std::string_view text, std::optional<num::Decimal>& out) {
  std::string_view trimmed = text::trim(text);
  if (trimmed.empty()) return NumberText::Blank;
  if (trimmed.size() > 100) return NumberText::NotANumber;
  std::string folded = std::string(text::trim(value::fold(trimmed)));
  if (folded == "-" || folded == "—" || folded == "/" || folded == "--" || folded == "——" ||
      folded == "\xE2\x80\x94\xE2\x80\x94")
    return NumberText::Blank;
  if (folded.ends_with("分")) folded = std::string(text::trim(folded.substr(0, folded.size() - 3)));
  // Thousands separators only where they group three digits before the point.
  std::string digits;
  auto point = folded.find('.');
  std::size_t integer_end = point == std::string::npos ? folded.size() : point;
  bool grouped = folded.find(',') != std::string::npos;
  if (grouped) {
    std::size_t group = 0;
    for (std::size_t i = integer_end; i-- > 0;) {
      char c = folded[i];
      if (c == ',') {
        if (group != 3) return NumberText::NotANumber;
        group = 0;
      } else {
        ++group;
      }
    }
    for (char c : folded)
      if (c != ',') digits += c;
    if (folded.find(',', integer_end) != std::string::npos) return NumberText::NotANumber;
  } else {
    digits = folded;
  }
  if (!digits.empty() && digits[0] == '+') digits.erase(0, 1);
  auto parsed = num::Decimal::parse(digits);
  if (!parsed) return NumberText::NotANumber;
  out = *parsed;
  return NumberText::Number;
}

} // namespace ziping::io::sheet
