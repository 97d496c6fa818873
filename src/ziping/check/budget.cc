// Budget execution: A and B present, positive and non-zero; the printed rate and the declared
// execution score against B/A; the weight the rule set gives; funding rows adding up.
#include "ziping/check/context.h"
#include "ziping/rules/display.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::check {
namespace {

using diag::DiagId;
using num::Decimal;
using num::RoundingMode;
using rules::plain;

// The printed rate as a percentage: "87.3%" → 87.3; "0.873" (a ratio) → 87.3.
std::optional<Decimal> printed_percent(const std::string& rate) {
  auto parsed = value::parse_value(rate, value::Role::Actual).value;
  if (parsed.kind != value::ValueKind::Quantity) return std::nullopt;
  if (parsed.unit.dimension == value::Dimension::Percent) return parsed.number;
  if (parsed.unit.dimension != value::Dimension::None) return std::nullopt;
  if (parsed.number <= Decimal::from_int(1)) return parsed.number * Decimal::from_int(100);
  return parsed.number;
}

bool amounts_present(const CheckContext& c) {
  const auto& budget = c.form.budget;
  bool ok = true;
  if (!budget.annual) {
    c.emit(DiagId::err_budget_missing, "budget.annual", {"全年预算数（A）"});
    ok = false;
  }
  if (!budget.executed) {
    c.emit(DiagId::err_budget_missing, "budget.executed", {"全年执行数（B）"});
    ok = false;
  }
  auto negative = [&](const std::optional<Decimal>& amount, const char* path, const char* label) {
    if (amount && amount->is_negative()) {
      c.emit(DiagId::err_budget_negative, path, {label, plain(*amount)});
      ok = false;
    }
  };
  negative(budget.initial, "budget.initial", "年初预算数");
  negative(budget.annual, "budget.annual", "全年预算数（A）");
  negative(budget.executed, "budget.executed", "全年执行数（B）");
  if (budget.annual && budget.annual->is_zero()) {
    c.emit(DiagId::err_budget_zero, "budget.annual");
    ok = false;
  }
  return ok;
}

void check_rate(const CheckContext& c) {
  const auto& budget = c.form.budget;
  if (text::trim(budget.rate).empty()) return;
  const Decimal& a = *budget.annual;
  const Decimal& b = *budget.executed;
  Decimal hundred_b = b * Decimal::from_int(100);
  Decimal exact = hundred_b.divide(a, 10, RoundingMode::HalfUp);
  std::string computed = c.evaluation.budget.rate_percent->to_string_min_places(2) + "%";
  auto declared = printed_percent(budget.rate);
  if (!declared) {
    c.emit(DiagId::err_rate_mismatch, "budget.rate", {budget.rate, computed, plain(b), plain(a)});
    return;
  }
  int places = declared->scale();
  bool rounds_to_it = hundred_b.divide(a, places, RoundingMode::HalfUp) == *declared;
  bool within = (*declared - exact).abs() <= c.rules.rate_tolerance_points;
  if (rounds_to_it) {
    if (places < 2 && *declared != *c.evaluation.budget.rate_percent) {
      c.emit(DiagId::note_rate_printed, "budget.rate", {computed, plain(b), plain(a), budget.rate});
    }
    return;
  }
  // Truncation is a slip even inside the tolerance: the printed digits are not B/A's.
  if (hundred_b.divide(a, places, RoundingMode::Down) == *declared) {
    c.emit(DiagId::warn_rate_truncated, "budget.rate", {budget.rate, computed});
    return;
  }
  if (within) return;
  c.emit(DiagId::err_rate_mismatch, "budget.rate", {budget.rate, computed, plain(b), plain(a)});
}

void check_execution_score(const CheckContext& c) {
  const auto& declared = c.form.budget.score;
  const auto& computed = c.evaluation.budget.score;
  if (!declared || !computed) return;
  if ((*declared - *computed).abs() <= c.rules.score_tolerance) return;
  int places = declared->scale();
  // The declared score is quoted with the digits the unit wrote: 8.70 (two places, an error
  // against 8.73) must not read as 8.7 (one place, only a note).
  if (places < c.rules.places && computed->rounded(places, RoundingMode::HalfUp) == *declared) {
    c.emit(DiagId::note_execution_score_printed, "budget.score",
           {declared->to_string(), c.score(*computed), std::to_string(places)});
    return;
  }
  c.emit(DiagId::err_execution_score_mismatch, "budget.score",
         {declared->to_string(), c.score(*computed), c.evaluation.budget.derivation});
}

void check_funding_rows(const CheckContext& c) {
  const auto& budget = c.form.budget;
  if (budget.sources.empty()) return;
  auto compare = [&](const char* label, const char* path, const std::optional<Decimal>& total,
                     std::optional<Decimal> model::FundingRow::*field) {
    if (!total) return;
    Decimal sum;
    for (const auto& row : budget.sources) {
      if (!(row.*field)) return; // a row left blank: nothing to add up
      sum += *(row.*field);
    }
    if (sum != *total)
      c.emit(DiagId::err_funding_rows_sum, path, {label, plain(sum), plain(*total)});
  };
  compare("年初预算数", "budget.initial", budget.initial, &model::FundingRow::initial);
  compare("全年预算数", "budget.annual", budget.annual, &model::FundingRow::annual);
  compare("全年执行数", "budget.executed", budget.executed, &model::FundingRow::executed);
}

} // namespace

void check_budget(const CheckContext& c) {
  const auto& budget = c.form.budget;
  if (budget.weight && *budget.weight != c.rules.budget_weight) {
    c.emit(DiagId::err_budget_weight_mismatch, "budget.weight",
           {plain(*budget.weight), c.rules.name, plain(c.rules.budget_weight)});
  }
  check_funding_rows(c);
  if (!amounts_present(c)) return;
  if (!c.evaluation.budget.rate_percent) return;
  check_rate(c);
  check_execution_score(c);
}

} // namespace ziping::check
