// value/qualitative.h — qualitative values: levels on ordered scales (合格, 良好, 及时, 是 …)
// and the outcome tiers of 财预〔2020〕10号 (全部达成, 部分达成, 未达成 …).
#pragma once

#include <optional>
#include <string_view>

#include "ziping/value/value.h"

namespace ziping::value {

struct Level {
  std::string_view scale; // "grade", "timeliness", …
  int rank = 0;           // position on the scale, 0 = lowest
};

// `compact` is the whole value (comparators removed), folded, without spaces.
std::optional<Level> read_level(std::string_view compact);

// The canonical word for a rank ("timeliness", 2 → "及时"); empty when there is none.
std::string_view level_word(std::string_view scale, int rank);

// A whole outcome phrase: "全部达成预期指标", "部分完成", "未达成年度指标且效果较差".
std::optional<Tier> read_tier(std::string_view compact);

// The canonical phrase: "全部达成", "部分达成", "未达成".
std::string_view tier_phrase(Tier tier);

} // namespace ziping::value
