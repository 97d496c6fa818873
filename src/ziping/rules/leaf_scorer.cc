// Scores one indicator leaf: parses its target and actual, decides how the pair can be
// compared, and computes the formula score, the interval a declared score may take and
// whether a reason is required — all as data, with a derivation a person can check by hand.
#include <algorithm>
#include <tuple>

#include "ziping/rules/display.h"
#include "ziping/rules/framework.h"
#include "ziping/rules/scorer.h"
#include "ziping/text/utf8.h"

namespace ziping::rules {
namespace {

using value::Comparator;
using value::Tier;
using value::Value;
using value::ValueKind;

const Decimal kZero;

// The pieces joined with one allocation: derivations are built for every leaf, and a chain of
// `+` regrew the string piece by piece.
std::string concat(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  std::string out;
  out.reserve(size);
  for (std::string_view piece : pieces) out.append(piece);
  return out;
}

class LeafScorer {
public:
  LeafScorer(const model::Indicator& indicator, const RuleSet& rules, Mode mode, LeafEvaluation& e)
      : indicator_(indicator), rules_(rules), mode_(mode), e_(e) {}

  void run() {
    parse_values();
    e_.weight = indicator_.weight;
    e_.declared = declared_score();
    e_.reason_given = !text::trim(indicator_.deviation_reason).empty();
    e_.cost = is_cost_indicator(indicator_, e_.target);
    if (!e_.weight) {
      not_computable(Uncomputable::WeightMissing, "分值为空");
    } else {
      w_ = *e_.weight;
      classify_and_score();
    }
    choose_score();
  }

private:
  // --- parsing -----------------------------------------------------------------------------
  void parse_values() {
    const std::string& target_text = text::trim(indicator_.adjusted_target).empty()
                                         ? indicator_.target
                                         : indicator_.adjusted_target;
    e_.target = parse(target_text, value::Role::Target, ".target");
    e_.actual = parse(indicator_.actual, value::Role::Actual, ".actual");
  }

  Value parse(const std::string& source, value::Role role, const char* field) {
    auto result = value::parse_value(source, role);
    for (auto& d : result.diagnostics) {
      d.path = e_.path + field;
      e_.value_diagnostics.push_back(std::move(d));
    }
    Value parsed = std::move(result.value);
    // A 度量单位 column gives the unit to numbers written without one.
    bool numeric = parsed.kind == ValueKind::Quantity || parsed.kind == ValueKind::Range;
    if (numeric && parsed.unit.dimension == value::Dimension::None &&
        !text::trim(indicator_.unit).empty()) {
      std::string unit_text(text::trim(indicator_.unit));
      if (auto unit = value::lookup_unit(unit_text)) {
        parsed.unit = *unit;
      } else {
        parsed.unit = value::Unit{value::Dimension::Other, unit_text, Decimal::from_int(1)};
      }
    }
    return parsed;
  }

  std::optional<Decimal> declared_score() const {
    if (indicator_.score) return indicator_.score;
    if (indicator_.score_coefficient && indicator_.weight) {
      return (*indicator_.score_coefficient * *indicator_.weight)
          .divide(Decimal::from_int(100), rules_.places, rules_.rounding);
    }
    return std::nullopt;
  }

  // --- classification ----------------------------------------------------------------------
  void classify_and_score() {
    const Value& target = e_.target;
    const Value& actual = e_.actual;
    if (target.kind == ValueKind::Empty)
      return not_computable(Uncomputable::TargetMissing, "年度指标值为空");
    if (actual.kind == ValueKind::Empty)
      return not_computable(Uncomputable::ActualMissing, "实际完成值为空");
    if (actual.kind == ValueKind::Tier && actual.tier) {
      return qualitative(*actual.tier, concat({"「", actual.original, "」"}));
    }
    if (same_text(target, actual)) return qualitative(Tier::Achieved, "实际完成值与年度指标值相同");
    bool target_numeric = target.kind == ValueKind::Quantity || target.kind == ValueKind::Range;
    if (target_numeric && actual.kind == ValueKind::Quantity) return quantitative();
    if (target.kind == ValueKind::Ordinal && actual.kind == ValueKind::Ordinal) return ordinal();
    if (target.kind == ValueKind::Date && actual.kind == ValueKind::Date) return deadline();
    if (actual.kind == ValueKind::Text) {
      return not_computable(Uncomputable::TextActual,
                            concat({"实际完成值为文字，无法与「", target.original, "」比较"}));
    }
    if (target.kind == ValueKind::Text) {
      return not_computable(Uncomputable::TextTarget, "年度指标值为文字，无法按公式比较");
    }
    not_computable(
        Uncomputable::IncomparableKinds,
        concat({"「", actual.original, "」与「", target.original, "」不是可比较的同类值"}));
  }

  static bool same_text(const Value& target, const Value& actual) {
    if (target.kind == ValueKind::Quantity) return false; // decided by the numbers
    std::string a_storage;
    std::string b_storage;
    std::string_view a = folded_original(target, a_storage);
    std::string_view b = folded_original(actual, b_storage);
    return !a.empty() && a == b;
  }

  // fold(value.original) without folding again where the parser already has: a Text value's
  // `text` is its folded original (value.h), and a folded original is its own fold.
  static std::string_view folded_original(const Value& value, std::string& storage) {
    if (value.kind == ValueKind::Text) return value.text;
    if (value::is_folded(value.original)) return value.original;
    storage = value::fold(value.original);
    return storage;
  }

  // --- quantitative --------------------------------------------------------------------------
  void quantitative() {
    const Value& target = e_.target;
    const Value& actual = e_.actual;
    Decimal b;
    if (!aligned_actual(b)) {
      return not_computable(Uncomputable::IncomparableUnits,
                            concat({"实际完成值「", actual.original, "」与年度指标值「",
                                    target.original, "」的单位不可比"}));
    }
    if (b.is_negative() && rules_.negative_actual_as_zero) b = kZero;
    b_ = b;
    b_text_ = quantity_text(b, target.unit);
    if (actual.unit.dimension != value::Dimension::None && !(actual.unit == target.unit) &&
        target.unit.dimension != value::Dimension::None) {
      b_text_ = concat({actual.original, "（= ", quantity_text(b, target.unit), "）"});
    }
    if (target.kind == ValueKind::Range) return range();
    a_ = target.number;
    a_text_ = quantity_text(a_, target.unit);
    switch (target.comparator) {
    case Comparator::AtLeast:
    case Comparator::MoreThan:
      positive(Method::Positive);
      break;
    case Comparator::AtMost:
    case Comparator::LessThan:
      reverse();
      break;
    case Comparator::Equal:
    case Comparator::None:
      equal();
      break;
    }
    measure_deviation();
    set_quantitative_interval();
  }

  bool aligned_actual(Decimal& b) const {
    const Value& target = e_.target;
    const Value& actual = e_.actual;
    // An actual without a unit takes the target's (DOMAIN.md §3); a target without one
    // compares plain numbers.
    if (actual.unit.dimension == value::Dimension::None ||
        target.unit.dimension == value::Dimension::None) {
      b = actual.number;
      return true;
    }
    return value::convert(actual.number, actual.unit, target.unit, b);
  }

  Decimal rounded(const Decimal& x) const { return x.rounded(rules_.places, rules_.rounding); }
  std::string score_str(const Decimal& x) const { return score_text(x, rules_.places); }

  void full(std::string_view relation) {
    e_.met = true;
    e_.formula = w_;
    e_.derivation = concat({b_text_, " ", relation, " ", a_text_, "，达成 → ", plain(w_)});
  }

  void positive(Method method) {
    e_.method = method;
    if (b_ >= a_) return full("≥");
    e_.met = false;
    if (!(kZero < a_)) {
      e_.formula = rounded(kZero);
      e_.derivation = concat({b_text_, " < ", a_text_, " → 0"});
      return;
    }
    e_.formula = (b_ * w_).divide(a_, rules_.places, rules_.rounding);
    e_.derivation =
        concat({b_text_, " ÷ ", a_text_, " × ", plain(w_), " = ", score_str(*e_.formula)});
  }

  void equal() {
    if (kZero < a_ || a_.is_negative()) return positive(Method::Equal);
    e_.method = Method::Equal;
    if (!(kZero < b_)) {
      e_.met = true;
      e_.formula = w_;
      e_.derivation = concat({b_text_, " ≤ 0，达成 → ", plain(w_)});
    } else {
      e_.met = false;
      e_.formula = rounded(kZero);
      e_.derivation = concat({b_text_, " > 0，目标为 0 → 0"});
    }
  }

  void reverse() {
    e_.method = Method::Reverse;
    if (b_ <= a_) return full("≤");
    e_.met = false;
    if (!(kZero < a_)) {
      e_.formula = rounded(kZero);
      e_.derivation = concat({b_text_, " > ", a_text_, " → 0"});
      return;
    }
    if (rules_.reverse == ReverseFormula::Ratio) {
      e_.formula = (a_ * w_).divide(b_, rules_.places, rules_.rounding);
      e_.derivation =
          concat({a_text_, " ÷ ", b_text_, " × ", plain(w_), " = ", score_str(*e_.formula)});
      return;
    }
    Decimal twice = a_ + a_;
    if (b_ >= twice) {
      e_.formula = rounded(kZero);
      e_.derivation = concat({b_text_, " ≥ 2 × ", a_text_, " → 0"});
      return;
    }
    e_.formula = ((twice - b_) * w_).divide(a_, rules_.places, rules_.rounding);
    e_.derivation = concat({"(1 − (", b_text_, " − ", a_text_, ") ÷ ", a_text_, ") × ", plain(w_),
                            " = ", score_str(*e_.formula)});
  }

  void range() {
    const Value& target = e_.target;
    Decimal low = target.number;
    Decimal high = target.high;
    const std::string& range_text = target.original;
    if (b_ >= low && b_ <= high) {
      e_.method = Method::Positive;
      e_.met = true;
      e_.formula = w_;
      e_.derivation = concat({b_text_, " 在 ", range_text, " 之内，达成 → ", plain(w_)});
      set_quantitative_interval();
      return;
    }
    if (b_ < low) {
      a_ = low;
      a_text_ = quantity_text(low, target.unit);
      positive(Method::Positive);
    } else {
      a_ = high;
      a_text_ = quantity_text(high, target.unit);
      reverse();
    }
    measure_deviation();
    set_quantitative_interval();
  }

  void measure_deviation() {
    if (a_.is_zero()) {
      const auto& absolute = rules_.deviation.zero_target_absolute;
      bool counted = e_.method != Method::Reverse;
      if (absolute && counted && b_ >= *absolute) e_.large_deviation = true;
      return;
    }
    e_.ratio = b_.divide(a_, 4, num::RoundingMode::HalfUp);
    e_.deviation = (b_ - a_).divide(a_, 4, num::RoundingMode::HalfUp);
    const auto& rule = rules_.deviation;
    if (!rule.threshold) return;
    Decimal limit = *rule.threshold * a_.abs();
    auto beyond = [&](const Decimal& gap) { return rule.inclusive ? gap >= limit : gap > limit; };
    bool over = e_.method != Method::Reverse && b_ > a_ && rule.over && beyond(b_ - a_);
    bool under =
        e_.method == Method::Reverse && e_.cost && b_ < a_ && rule.under_cost && beyond(a_ - b_);
    e_.large_deviation = over || under;
    if (e_.large_deviation) {
      Decimal gap = b_ > a_ ? b_ - a_ : a_ - b_;
      e_.derivation += "；偏离 " + percent_text(*e_.deviation, true) +
                       (gap > limit ? "，超过阈值 " : "，达到阈值 ") +
                       plain(*rule.threshold * Decimal::from_int(100)) + "%";
    }
  }

  void set_quantitative_interval() {
    if (*e_.met) {
      if (!e_.large_deviation) {
        e_.allowed = Interval{w_, w_, "达成年度指标值且偏离度在阈值以内，应得满分"};
        return;
      }
      Decimal deduction = rounded(rules_.deviation.max_deduction_share * w_);
      std::string threshold =
          rules_.deviation.threshold
              ? plain(*rules_.deviation.threshold * Decimal::from_int(100)) + "%"
              : std::string("阈值");
      e_.allowed = Interval{w_ - deduction, w_,
                            deduction.is_zero()
                                ? "偏离度超过 " + threshold + "，须说明原因，不扣分"
                                : "偏离度超过 " + threshold + "，说明原因后可酌情扣分，至多扣 " +
                                      score_str(deduction)};
      e_.reason_required = rules_.deviation.reason_required;
      return;
    }
    e_.reason_required = rules_.missed_reason_required;
    if (rules_.missed == MissedTarget::Formula) {
      e_.allowed = Interval{*e_.formula, *e_.formula, "未达成年度指标值，按完成比例计分"};
    } else {
      e_.allowed = Interval{kZero, *e_.formula, "未达成年度指标值，得分不高于按完成比例计算的分数"};
    }
  }

  // --- qualitative ---------------------------------------------------------------------------
  void ordinal() {
    const Value& target = e_.target;
    const Value& actual = e_.actual;
    if (target.scale != actual.scale) {
      return not_computable(
          Uncomputable::IncomparableKinds,
          concat({"「", actual.original, "」与「", target.original, "」不在同一评价等级序列"}));
    }
    bool at_most =
        target.comparator == Comparator::AtMost || target.comparator == Comparator::LessThan;
    int gap = at_most ? actual.rank - target.rank : target.rank - actual.rank;
    Tier tier = gap <= 0 ? Tier::Achieved : gap == 1 ? Tier::Partial : Tier::NotAchieved;
    std::string_view relation = gap <= 0 ? "达到" : "未达到";
    qualitative(tier, concat({"「", actual.original, "」", relation, "「", target.original, "」"}));
  }

  // Calendar key of a date: unknown parts are the latest they could be, the year defaulting
  // to the other side's so that "年底前" compares with "2022年12月".
  static std::tuple<int, int, int> date_key(const value::DateValue& date, int default_year) {
    int year = date.year != 0 ? date.year : default_year;
    int month = date.month != 0 ? date.month : 12;
    int day = date.day != 0 ? date.day : 31;
    return {year, month, day};
  }

  void deadline() {
    const auto& due = e_.target.date;
    const auto& done = e_.actual.date;
    int year = due.year != 0 ? due.year : done.year;
    bool met = date_key(done, year) <= date_key(due, year);
    std::string_view relation = met ? "不晚于" : "晚于";
    qualitative(met ? Tier::Achieved : Tier::Partial,
                concat({"「", e_.actual.original, "」", relation, "「", e_.target.original, "」"}));
  }

  static std::string_view tier_name(Tier tier) {
    switch (tier) {
    case Tier::Achieved:
      return "达成";
    case Tier::Partial:
      return "部分达成";
    case Tier::NotAchieved:
      return "未达成";
    }
    return "";
  }

  void qualitative(Tier tier, std::string_view reasoning) {
    e_.method = Method::Qualitative;
    e_.tier = tier;
    e_.met = tier == Tier::Achieved;
    const QualitativeBand* band = nullptr;
    for (const auto& candidate : rules_.qualitative) {
      if (candidate.tier == tier) band = &candidate;
    }
    if (!band) { // a rule set without bands: only the achieved tier is scorable (full)
      if (tier == Tier::Achieved) {
        e_.formula = w_;
        e_.allowed = Interval{w_, w_, "达成"};
      }
      e_.derivation = concat({reasoning, " → ", tier_name(tier)});
      return;
    }
    // An exclusive upper bound is the largest score below it at the rule set's precision.
    Decimal low = rounded(band->min * w_);
    Decimal high = rounded(band->max * w_);
    if (!band->max_inclusive) high = high - least_step(rules_.places);
    if (high < low) high = low;
    e_.allowed = Interval{low, high, band_basis(*band)};
    if (tier == Tier::Achieved) {
      e_.formula = high;
    } else if (e_.declared && *e_.declared >= low && *e_.declared <= high) {
      e_.formula = *e_.declared;
    } else if (e_.declared && *e_.declared > high) {
      e_.formula = high;
    } else {
      e_.formula = low;
    }
    e_.reason_required = tier != Tier::Achieved && rules_.qualitative_reason_required;
    e_.derivation = concat({reasoning, "：", tier_name(tier), "档 [", score_str(low), ", ",
                            score_str(high), "] → ", score_str(*e_.formula)});
  }

  // 10^-places, the least score step at the rule set's precision; the last one asked is kept,
  // since every qualitative leaf of a run asks the same.
  static const Decimal& least_step(int places) {
    thread_local int last_places = -1;
    thread_local Decimal last_step;
    if (places != last_places) {
      last_step = Decimal::from_int(1).divide(pow10(places), places, num::RoundingMode::HalfUp);
      last_places = places;
    }
    return last_step;
  }

  // "定性评价「达成」档：[80%, 100%] × 分值": it depends on the band alone, so the text of the
  // bands last met is kept (compared by content: a rule set may be changed or freed between
  // runs) instead of being spelt again for every qualitative leaf.
  static const std::string& band_basis(const QualitativeBand& band) {
    struct Spelt {
      QualitativeBand band;
      std::string basis;
    };
    thread_local std::vector<Spelt> spelt;
    for (const auto& known : spelt) {
      if (known.band.tier == band.tier && known.band.max_inclusive == band.max_inclusive &&
          known.band.min == band.min && known.band.max == band.max)
        return known.basis;
    }
    if (spelt.size() >= 8) spelt.clear();
    spelt.push_back(Spelt{band, concat({"定性评价「", tier_name(band.tier), "」档：[",
                                        plain(band.min * Decimal::from_int(100)), "%, ",
                                        plain(band.max * Decimal::from_int(100)),
                                        band.max_inclusive ? "%]" : "%)", " × 分值"})});
    return spelt.back().basis;
  }

  static Decimal pow10(int places) {
    Decimal result = Decimal::from_int(1);
    for (int i = 0; i < places; ++i) result = result * Decimal::from_int(10);
    return result;
  }

  // --- not computable --------------------------------------------------------------------------
  void not_computable(Uncomputable why, std::string explanation) {
    e_.method = Method::NotComputable;
    e_.uncomputable = why;
    e_.derivation = std::move(explanation);
    if (e_.weight) e_.allowed = Interval{kZero, *e_.weight, "无法按公式计分，得分在 0 与分值之间"};
  }

  // --- the score that counts -----------------------------------------------------------------
  void choose_score() {
    if (mode_ == Mode::Auto) {
      e_.score = e_.formula    ? e_.formula
                 : e_.declared ? e_.declared
                               : std::optional<Decimal>(kZero);
    } else {
      e_.score = e_.declared  ? e_.declared
                 : e_.formula ? e_.formula
                              : std::optional<Decimal>(kZero);
    }
  }

  const model::Indicator& indicator_;
  const RuleSet& rules_;
  Mode mode_;
  LeafEvaluation& e_;
  Decimal w_;
  Decimal a_;
  Decimal b_;
  std::string a_text_;
  std::string b_text_;
};

} // namespace

bool is_cost_indicator(const model::Indicator& indicator, const value::Value& target) {
  bool money = (target.kind == ValueKind::Quantity || target.kind == ValueKind::Range) &&
               target.unit.dimension == value::Dimension::Money;
  if (money) return true;
  // 成本 has no other spelling, so the raw text is searched without folding, byte by byte in
  // one loop: a search for the lead byte and then the rest (memchr per E6 byte, and most
  // ideographs of level names begin with E6) was a few percent of scoring.
  auto mentions_cost = [](std::string_view name) {
    constexpr unsigned char kCost[] = {0xE6, 0x88, 0x90, 0xE6, 0x9C, 0xAC}; // 成本
    for (std::size_t at = 0; at + sizeof kCost <= name.size(); ++at) {
      if (static_cast<unsigned char>(name[at]) != kCost[0]) continue;
      std::size_t i = 1;
      while (i < sizeof kCost && static_cast<unsigned char>(name[at + i]) == kCost[i]) ++i;
      if (i == sizeof kCost) return true;
    }
    return false;
  };
  return mentions_cost(indicator.level1) || mentions_cost(indicator.level2);
}

LeafEvaluation score_leaf(const model::Indicator& indicator, const RuleSet& rules, Mode mode,
                          const std::string& path) {
  LeafEvaluation evaluation;
  score_leaf_into(indicator, rules, mode, path, evaluation);
  return evaluation;
}

void score_leaf_into(const model::Indicator& indicator, const RuleSet& rules, Mode mode,
                     std::string path, LeafEvaluation& evaluation) {
  evaluation.path = std::move(path);
  try {
    LeafScorer(indicator, rules, mode, evaluation).run();
  } catch (const num::DecimalOverflow&) {
    // Parsed values are bounded, so this needs absurd weights; keep the declared score.
    evaluation.method = Method::NotComputable;
    evaluation.uncomputable = Uncomputable::IncomparableUnits;
    evaluation.formula.reset();
    evaluation.derivation = "数值超出精确计算范围";
    evaluation.score = indicator.score ? indicator.score : std::optional<Decimal>(Decimal());
  }
}

} // namespace ziping::rules
