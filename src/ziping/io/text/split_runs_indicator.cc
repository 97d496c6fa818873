// io/text/split_runs_indicator.cc — an indicator row whose cells ran together
// ("产出指标数量指标道路长度≥386公里386公里66"): the 一级/二级 labels at the front by
// vocabulary; 分值 and 得分 cut from a run of digits (two valid scores, score ≤ weight, the run
// likeliest to hold them); 年度指标值 found by its comparator, a doubled qualitative word, a year
// or a known phrase; 实际完成值 where both sides read as values. More than one reading is
// reported (ZP0130).
#include <algorithm>
#include <string>

#include "ziping/io/text/split_runs.h"
#include "ziping/num/decimal.h"
#include "ziping/value/value.h"

namespace ziping::io::text::runs {
namespace {

using num::Decimal;
constexpr std::size_t npos = std::string::npos;

// Labels at the front: 绩效目标N, 一级, 二级 (with their points), longest first; returns where
// they end.
std::size_t label_cells(RowBuilder& row, const Chars& chars, std::size_t from) {
  std::size_t pos = from;
  while (pos < chars.size()) {
    std::size_t best = 0;
    for (std::size_t len = 2; len <= 16 && pos + len <= chars.size(); ++len) {
      Label label = classify_label(chars.text(pos, pos + len));
      if (label.kind != LabelKind::None && label.kind != LabelKind::Section) best = len;
    }
    if (best == 0) break;
    row.add(chars, pos, pos + best);
    pos += best;
  }
  return pos;
}

// 实际完成值 ends, 分值 ends, 得分 ends, in a run of digits that ends at run_end.
struct Cut {
  std::size_t actual_end, weight_end, score_end, run_end;
};

// The run of digits [i, end) cannot hold scores: a percentage, a decimal cut short, a date
// ("2022年", "12月", "31日").
bool not_a_score_run(const Chars& chars, std::size_t i, std::size_t end) {
  std::size_t n = chars.size();
  if (end < n && (chars.match[end] == "%" || chars.match[end] == "％" || chars.match[end] == "‰" ||
                  chars.match[end] == "."))
    return true;
  return end < n && ((end - i == 4 && chars.match[end] == "年") ||
                     (end - i <= 2 && (chars.match[end] == "月" || chars.match[end] == "日")));
}

// What is left of the run after the 得分 must start the reason as a year does ("2023年").
bool year_remainder(const Chars& chars, std::size_t e, std::size_t end) {
  if (e >= end) return true;
  std::string rest = chars.text(e, end);
  return rest.size() == 4 && (rest.starts_with("20") || rest.starts_with("19")) &&
         end < chars.size() && chars.match[end] == "年";
}

// Every (actual end, 分值, 得分) cut of the run [i, end): two valid scores, 0 < weight ≤ 100,
// score ≤ weight; the digits before them may end the 实际完成值 ("353.3").
void cuts_in_run(const Chars& chars, std::size_t i, std::size_t end, std::vector<Cut>& cuts) {
  for (std::size_t c = i; c < end; ++c) {
    if (c > i && !valid_score_text(chars.text(i, c), 4)) continue; // a bare actual value
    for (std::size_t d = c + 1; d < end; ++d) {
      std::string w = chars.text(c, d);
      if (!valid_score_text(w)) continue;
      for (std::size_t e = d + 1; e <= end; ++e) {
        std::string s = chars.text(d, e);
        if (!valid_score_text(s)) continue;
        auto wd = Decimal::parse(w), sd = Decimal::parse(s);
        if (!wd || !sd || *wd > Decimal::from_int(100) || *sd > *wd || wd->is_zero()) continue;
        if (!year_remainder(chars, e, end)) continue;
        cuts.push_back({c, d, e, end});
      }
    }
  }
}

// The runs of digits after `pos` that could hold 分值 and 得分, each with its cuts.
std::vector<std::vector<Cut>> score_runs(const Chars& chars, std::size_t pos) {
  std::size_t n = chars.size();
  std::vector<std::vector<Cut>> runs;
  for (std::size_t i = pos + 1; i < n; ++i) {
    if (!chars.digit(i) || chars.digit_or_dot(i - 1)) continue;
    std::size_t end = i;
    while (end < n && chars.digit_or_dot(end)) ++end;
    if (not_a_score_run(chars, i, end)) continue;
    std::vector<Cut> cuts;
    cuts_in_run(chars, i, end, cuts);
    if (!cuts.empty()) runs.push_back(std::move(cuts));
  }
  return runs;
}

bool is_unit_start(const Chars& chars, std::size_t pos) {
  if (pos >= chars.size()) return false;
  const std::string& c = chars.match[pos];
  if (c == "%" || c == "％" || c == "‰") return true;
  if (c == "年") return false; // "2023年…" starts a reason as often as 年 is a unit
  for (std::size_t len = 1; len <= 2 && pos + len <= chars.size(); ++len) {
    std::string unit;
    for (std::size_t i = pos; i < pos + len; ++i) unit += chars.match[i];
    if (value::lookup_unit(unit)) return true;
  }
  return false;
}

// How likely the run ending at `end` holds 分值 and 得分: at the end of the line, or before a
// reason's usual opening; not one followed by a measure word ("6413笔").
int run_plausibility(const Chars& chars, std::size_t end, bool last_run) {
  int score = last_run ? 1 : 0;
  if (end == chars.size()) return score + 4;
  static constexpr std::string_view kOpenings[] = {
      "一是", "受", "因",   "由于", "主要", "下一步", "年初", "该",   "我单位", "我办",
      "部分", "经", "通过", "根据", "在",   "为",     "按照", "今年", "本年",   "指标"};
  for (auto opening : kOpenings) {
    if (chars.at(end, opening)) score += 2;
  }
  if (chars.match[end] == "，" || chars.match[end] == "、" || chars.match[end] == "。" ||
      chars.match[end] == ")" || chars.match[end] == "）")
    score -= 3;
  bool measure_word = is_unit_start(chars, end);
  for (auto measure :
       {"笔", "项", "个", "家", "次", "件", "人", "名", "户", "万", "亿", "多", "余"}) {
    measure_word = measure_word || chars.match[end] == measure;
  }
  if (measure_word) score -= 3;
  return score;
}

// Prefer the actual taking no digits, then the shortest reason-year remainder, then equal places.
int cut_rank(const Chars& chars, const Cut& cut) {
  int r = 0;
  bool before_unit = cut.actual_end > 0 && !chars.digit_or_dot(cut.actual_end - 1);
  if (!before_unit) r += 4; // the actual is a bare number: less likely
  if (cut.score_end < cut.run_end) r += 1;
  std::string w = chars.text(cut.actual_end, cut.weight_end);
  std::string s = chars.text(cut.weight_end, cut.score_end);
  if (Decimal::parse(w) == Decimal::parse(s)) r -= 1;
  // 分值 and 得分 are alike in size: "0.6 | 0.4", not "80.6 | 0.4".
  auto whole = [](const std::string& t) {
    return t.find('.') == std::string::npos ? t.size() : t.find('.');
  };
  r += int(whole(w) > whole(s) ? whole(w) - whole(s) : whole(s) - whole(w)) * 2;
  return r;
}

// The cuts of the run likeliest to hold 分值 and 得分, likeliest first; empty when none.
std::vector<Cut> score_cuts(const Chars& chars, std::size_t pos) {
  std::vector<std::vector<Cut>> runs = score_runs(chars, pos);
  if (runs.empty()) return {};
  auto plausibility = [&](std::size_t r) {
    return run_plausibility(chars, runs[r].front().run_end, r + 1 == runs.size());
  };
  std::size_t best = 0;
  for (std::size_t r = 1; r < runs.size(); ++r) {
    if (plausibility(r) >= plausibility(best)) best = r;
  }
  std::vector<Cut> cuts = runs[best];
  std::stable_sort(cuts.begin(), cuts.end(), [&](const Cut& x, const Cut& y) {
    return cut_rank(chars, x) < cut_rank(chars, y);
  });
  return cuts;
}

// [start, end) of the 年度指标值 in (pos, c); end is npos when only the start is known.
struct Span {
  std::size_t start = npos, end = npos;
};

std::size_t comparator_at(const Chars& chars, std::size_t pos, std::size_t c) {
  for (std::size_t i = pos + 1; i < c; ++i) {
    const std::string& m = chars.match[i];
    if (m == "≥" || m == "≤" || m == "=" || m == "<" || m == ">" || m == "≧" || m == "≦" ||
        m == "═" || m == "﹦" || m == "＝" || m == "＞" || m == "＜")
      return i;
  }
  return npos;
}

// A qualitative target printed twice ("合格合格").
Span doubled_at(const Chars& chars, std::size_t pos, std::size_t c) {
  for (std::size_t k = (c - pos) / 2; k >= 1; --k) {
    if (c < 2 * k || c - 2 * k <= pos) continue;
    if (chars.text(c - 2 * k, c - k) == chars.text(c - k, c)) return {c - 2 * k, c - k};
  }
  return {};
}

// A date target: four digits and 年.
std::size_t year_at(const Chars& chars, std::size_t pos, std::size_t c) {
  for (std::size_t i = pos + 1; i + 4 < c; ++i) {
    if (chars.digit(i) && chars.digit(i + 1) && chars.digit(i + 2) && chars.digit(i + 3) &&
        chars.match[i + 4] == "年" && !chars.digit(i - 1))
      return i;
  }
  return npos;
}

// A qualitative target: the first place a known phrase (longest first) or a word the value
// notation reads as a level starts.
Span phrase_at(const Chars& chars, std::size_t pos, std::size_t c) {
  static constexpr std::string_view kPhrases[] = {
      "持续有效运行", "有效运行", "持续改善", "逐步改善", "明显改善", "有所改善", "有所提高",
      "有所提升",     "明显提高", "显著提高", "显著提升", "有所降低", "有所下降", "明显降低",
      "持续推进",     "稳步提升", "全部完成", "按时完成", "达到预期", "符合要求", "合格",
      "达标",         "及时",     "优秀",     "良好"};
  for (std::size_t i = pos + 2; i < c; ++i) {
    std::size_t longest = 0;
    for (auto phrase : kPhrases) {
      std::size_t len = chars.length_of(phrase);
      if (i + len < c && chars.at(i, phrase)) longest = std::max(longest, len);
    }
    for (std::size_t len = 6; len >= 2 && len > longest; --len) {
      if (i + len >= c) continue;
      auto parsed = value::parse_value(chars.text(i, i + len), value::Role::Target);
      if (parsed.value.kind == value::ValueKind::Ordinal) {
        longest = len;
        break;
      }
    }
    if (longest > 0) return {i, i + longest};
  }
  return {};
}

Span target_span(const Chars& chars, std::size_t pos, std::size_t c) {
  if (std::size_t start = comparator_at(chars, pos, c); start != npos) return {start, npos};
  if (Span doubled = doubled_at(chars, pos, c); doubled.start != npos) return doubled;
  if (std::size_t start = year_at(chars, pos, c); start != npos) return {start, npos};
  return phrase_at(chars, pos, c);
}

bool is_value(const value::Value& v) {
  return v.kind != value::ValueKind::Text && v.kind != value::ValueKind::Empty;
}

bool parses(std::string_view text, value::Role role) {
  if (text.empty()) return false;
  return is_value(value::parse_value(text, role).value);
}

// The same unit text after the digits of both (units the notation does not know too).
std::size_t same_unit_cut(const Chars& chars, std::size_t start, std::size_t c) {
  auto unit_after_digits = [&](std::size_t begin, std::size_t to) {
    std::size_t last = to;
    while (last > begin && !chars.digit(last - 1)) --last;
    return last > begin ? chars.text(last, to) : std::string();
  };
  for (std::size_t b = c - 1; b > start + 1; --b) {
    if (!chars.digit(b) || chars.digit_or_dot(b - 1)) continue;
    std::string unit = unit_after_digits(start, b);
    if (!unit.empty() && unit == unit_after_digits(b, c)) return b;
  }
  return npos;
}

// Where the 年度指标值 starting at `start` ends and the 实际完成值 begins: where both sides read
// as values, best where both carry the same unit (≤35微克/立方米 | 33微克/立方米), else the
// longest target.
std::size_t target_end(const Chars& chars, std::size_t start, std::size_t c) {
  if (std::size_t same = same_unit_cut(chars, start, c); same != npos) return same;
  std::size_t longest = npos;
  for (std::size_t b = c - 1; b > start; --b) {
    auto target = value::parse_value(chars.text(start, b), value::Role::Target).value;
    auto actual = value::parse_value(chars.text(b, c), value::Role::Actual).value;
    if (!is_value(target) || !is_value(actual)) continue;
    if (longest == npos) longest = b;
    if (target.kind == value::ValueKind::Quantity && actual.kind == value::ValueKind::Quantity &&
        !target.unit.text.empty() && target.unit.text == actual.unit.text)
      return b;
  }
  if (longest != npos) return longest;
  for (std::size_t b = c; b > start + 1; --b) {
    if (parses(chars.text(start, b), value::Role::Target)) return b;
  }
  return c;
}

} // namespace

void split_indicator(Grid& grid, RowBuilder& row, const Chars& chars, std::size_t from) {
  std::size_t pos = label_cells(row, chars, from);
  std::size_t n = chars.size();
  std::vector<Cut> cuts = score_cuts(chars, pos);
  if (cuts.empty()) {
    row.add(chars, pos, n);
    return;
  }
  Cut cut = cuts.front();
  if (cuts.size() > 1) {
    report_split(grid, row.line, cut.actual_end, chars.text(cut.actual_end, cut.run_end),
                 chars.text(cut.actual_end, cut.weight_end) + " | " +
                     chars.text(cut.weight_end, cut.score_end));
  }
  // 三级指标, 年度指标值, 实际完成值 before the numbers.
  std::size_t c = cut.actual_end;
  Span target = target_span(chars, pos, c);
  if (target.start == npos) {
    row.add(chars, pos, c);
  } else {
    if (target.end == npos) target.end = target_end(chars, target.start, c);
    row.add(chars, pos, target.start);
    row.add(chars, target.start, target.end);
    row.add(chars, target.end, c);
  }
  row.add(chars, cut.actual_end, cut.weight_end);
  row.add(chars, cut.weight_end, cut.score_end);
  row.add(chars, cut.score_end, n);
}

} // namespace ziping::io::text::runs
