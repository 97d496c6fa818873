// value/comparator.h — comparator signs and words before a value (≥, 不低于, 控制在) and after
// it (以上, 及以上, 以下, 以内), combined into one Comparator.
#pragma once

#include <string_view>

#include "ziping/value/value.h"

namespace ziping::value {

struct ComparatorSplit {
  Comparator written = Comparator::None; // what the text says, before the role rules apply
  bool conflict = false;                 // "≥95%以下": directions disagree (ZP0204)
  bool states_value = false; // only "=", "等于", "达到": in an actual, a plain value
  std::string_view core;     // the value between them, spaces trimmed
};

// `body` is folded text without trailing punctuation.
ComparatorSplit split_comparators(std::string_view body);

// "≥", ">", "≤", "<", "="; empty for None.
std::string_view comparator_sign(Comparator comparator);

// True when folded text holds a digit, a comparator sign or a comparator word: a target like
// that was meant as a value, so failing to parse it deserves a note (ZP0203).
bool mentions_comparison(std::string_view folded);

} // namespace ziping::value
