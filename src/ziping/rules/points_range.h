// rules/points_range.h — the 分值 and 得分 the scorer can add up exactly.
//
// A Decimal holds 28 significant digits and 18 decimals, but a sum has to align the scales of
// its terms: 28-digit points beside points with 18 decimals need 46 digits, and the scorer's
// sums would overflow (a fuzzing finding, tests/fuzz/corpus/form_check/regress-…). No real
// form's points come near 10^12, so points of that magnitude or more are left out of every
// sum and reported (ZP0907 at the field), rather than crashing or giving a total that is not
// the sum of what the form declares. Below the limit every sum of a form's points is exact:
// 10^12 with 18 decimals is a 31-digit coefficient, and a form holds far fewer than 10^6 leaves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ziping/model/form.h"
#include "ziping/num/decimal.h"

namespace ziping::rules {

// Points whose magnitude reaches 10^kPointsLimitDigits are not added up.
inline constexpr int kPointsLimitDigits = 12;

struct PointsOutOfRange {
  std::string path; // "goals[0].indicators[2].weight", "total.score"
  std::string field; // its column name in the field catalogue: 分值, 得分, 目标得分, 总得分, …
  num::Decimal value;
};

bool points_in_range(const num::Decimal& value);

// Every out-of-range point of the form, in form order (empty in the usual case), without
// copying the form.
std::vector<PointsOutOfRange> points_out_of_range(const model::Form& form);

// The leaf with its out-of-range points (分值, 得分, 得分系数) cleared, as the scorer reads it.
model::Indicator with_points_in_range(const model::Indicator& indicator);
bool points_in_range(const model::Indicator& indicator);

// The form with every out-of-range point cleared (absent), and what was cleared in form
// order; nullopt (and `cleared` untouched) when every point is in range, the usual case.
std::optional<model::Form> without_points_out_of_range(const model::Form& form,
                                                       std::vector<PointsOutOfRange>& cleared);

} // namespace ziping::rules
