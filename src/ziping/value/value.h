// value/value.h — the value notation of 年度指标值 and 实际完成值 (DOMAIN.md §3):
// "≥5次", "≤353.3 万元", "=100%", "95.20%", "19.07亿元", "2022年12月底前", "合格以上", "及时",
// "全部达成预期指标", and free text.
//
// parse_value() never throws on content and never loses the original text: a Value keeps it,
// and everything it could not understand stays as text with a diagnostic. Half-width and
// full-width spellings (≥ ≧ >= ＞＝ 不低于 …以上) parse to the same Value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/num/decimal.h"

namespace ziping::value {

using num::Decimal;

enum class Comparator {
  None,     // no comparison (an actual value, a text)
  AtLeast,  // ≥, >=, 不低于, 不少于, 达到, …以上, …及以上
  MoreThan, // >
  AtMost,   // ≤, <=, 不超过, 不高于, …以内, …以下, 控制在…以内
  LessThan, // <
  Equal,    // =, ＝, ═, ﹦, ==, and a bare number in a target
};

// Dimensions whose units convert exactly into one another; a Count unit converts only to
// itself ("次" to "次"), so counts of different things are never silently compared.
enum class Dimension {
  None,    // a bare number
  Count,   // 次 件 个 家 人 人次 项 套 台 篇 场 期 名 份 户 所 座 辆 …
  Money,   // 元 千元 万元 百万元 亿元 (base: 元)
  Percent, // % ％ 百分之… (base: percentage points); ‰ converts (÷10)
  Duration, // 分钟 小时 天 日 周 (base: minutes); 工作日, 月, 年 are their own Count-like units
  Length, // 米 千米 公里 (base: m)
  Area,   // 平方米 平方公里 (base: m²); 亩 and 公顷 kept as their own units
  Mass,   // 克 千克 公斤 吨 (base: g)
  Other,  // a unit we do not know: compared only with the same spelling
};

struct Unit {
  Dimension dimension = Dimension::None;
  std::string text; // canonical spelling: "万元", "次", "%", "小时"; empty for None
  Decimal factor = Decimal::from_int(1); // value in the dimension's base unit per 1 of this unit

  bool operator==(const Unit& other) const = default;
};

// Qualitative outcome tiers of 财预〔2020〕10号 (and the older 80/50 wording).
enum class Tier {
  Achieved,    // 达成年度指标 / 全部达成 / 达成预期指标 / 已完成
  Partial,     // 部分达成年度指标并具有一定效果
  NotAchieved, // 未达成年度指标且效果较差
};

// The tier's identifier in rule files and JSON output: "achieved", "partial", "not_achieved".
std::string_view tier_id(Tier tier);
std::optional<Tier> tier_from_id(std::string_view id);

enum class ValueKind {
  Empty,    // blank cell
  Quantity, // a number with an optional unit, with or without comparator
  Range,    // "90%-95%", "3至5次": both bounds, same unit
  Date, // a date or deadline: "2022年12月底", "2022年内完成", "12月31日前", "年底前"
  Ordinal, // a level on an ordered scale: 合格/良好/优秀, 差/中/良/优, 低/中/高, 及时, 是/否 …
  Tier,    // an outcome tier phrase: 全部达成预期指标, 部分达成…, 未达成…
  Text,    // anything else, kept verbatim
};

// A calendar point or deadline; unknown parts are 0 ("2022年内" has month = day = 0).
struct DateValue {
  int year = 0; // 0 when the year is implied ("年底前", "12月31日前")
  int month = 0;
  int day = 0; // 31 for 月底 / 年底 style ends is not assumed: see `end_of`
  enum class Edge {
    On,     // that day/month/year
    EndOf,  // 月底 / 年底 / 年内: the end of the named month or year
    Before, // …前 / …之前 / …以前 / 截至…
  } edge = Edge::On;
  bool done = false; // the text states completion: "已完成", "全部完成", "完成"

  bool operator==(const DateValue& other) const = default;
};

struct Value {
  std::string original; // the text exactly as written (never changed)
  ValueKind kind = ValueKind::Empty;
  Comparator comparator = Comparator::None;
  bool explicit_comparator = false; // written by the unit, not implied by a bare target number

  // Quantity: number and unit; Range: low and high with the same unit.
  Decimal number;
  Decimal high; // Range only
  Unit unit;

  DateValue date; // Date only

  // Ordinal: the scale's name and this value's rank on it (higher is better); Tier: tier.
  std::string scale; // "grade" (不合格<合格<良好<优秀), "timeliness" (不及时<及时), …
  int rank = 0;
  std::optional<Tier> tier; // also set for Ordinal/Date values that imply a tier

  std::string text; // normalised text (folded), for Text and for equality

  bool operator==(const Value& other) const = default;
};

enum class Role {
  Target, // 年度指标值: a bare number means "=", "以上/以下" set the comparator
  Actual, // 实际完成值: a bare number is a plain value; "=58个" is also a plain value
};

struct ParseResult {
  Value value;
  // Diagnostics without a path (the caller knows which cell this was and sets it).
  std::vector<diag::Diagnostic> diagnostics;
};

ParseResult parse_value(std::string_view text, Role role);

// The canonical spelling: "≥5次", "≤353.3万元", "=100%", "2022年12月底前", "合格以上".
// parse_value(format_value(v), role).value equals v except for `original`.
std::string format_value(const Value& value);

// NFKC plus our fold table: full-width to half-width, ≧ ⩾ >= ＞＝ → ≥, ≦ ⩽ <= → ≤,
// ═ ﹦ == ＝ → =, ％ ﹪ → %, （ → (, U+2212 → -, ideographic space → space, spaces collapsed.
std::string fold(std::string_view text);
// True when fold(text) is `text` itself (false also when that is not certain): texts that are
// both folded compare equal folded exactly when they are equal, with nothing allocated.
bool is_folded(std::string_view text);

// A unit's canonical form and dimension; nullopt when unknown. "万元" → Money ×10000.
std::optional<Unit> lookup_unit(std::string_view spelling);

// True when `value` measured in `unit` can be converted to `to`; then `converted` holds it.
bool convert(const Decimal& value, const Unit& from, const Unit& to, Decimal& converted);

} // namespace ziping::value
