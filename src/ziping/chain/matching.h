// chain/matching.h — which indicator of one form is which indicator of another.
//
// Names are compared after the value notation's fold (full-width → half-width, NFKC) with
// spaces and punctuation dropped: "坐席电话接通率" and "坐席电话 接通率" are one name. Equal
// names match (the same goal number first, for 部门整体 forms whose goals repeat names like
// 完成时间); every indicator is matched at most once. A leaf left without a match is given the
// most similar unmatched name on the other side (character-bigram Dice ≥ 0.5) as a proposal
// only: the caller shows it and still treats the two as unmatched.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ziping/num/decimal.h"

namespace ziping::chain {

struct LeafName {
  std::size_t goal = 0;  // goal index in its form
  std::size_t index = 0; // indicator index in the goal
  std::optional<int> goal_number;
  std::string name; // as written
};

struct LeafMatch {
  std::optional<std::size_t> other;    // index into the other side's list: a match
  std::optional<std::size_t> proposal; // no match, but this one looks alike
  num::Decimal similarity;             // of the proposal, 2 decimals
};

// The comparable key of an indicator's name.
std::string name_key(const std::string& name);
// Bigram Dice similarity of two keys, 0–1 rounded to 2 places.
num::Decimal similarity(const std::string& a, const std::string& b);

// For every leaf of `from`, its match in `to`. `matched_to[j]` says whether to[j] was matched.
struct Matching {
  std::vector<LeafMatch> from;
  std::vector<bool> matched_to;
};
Matching match_leaves(const std::vector<LeafName>& from, const std::vector<LeafName>& to);

// The leaves of a form's or a plan's goals, in order.
template <class GoalT> std::vector<LeafName> leaf_names(const std::vector<GoalT>& goals) {
  std::vector<LeafName> out;
  for (std::size_t g = 0; g < goals.size(); ++g)
    for (std::size_t i = 0; i < goals[g].indicators.size(); ++i)
      out.push_back({g, i, goals[g].number, goals[g].indicators[i].name});
  return out;
}

} // namespace ziping::chain
