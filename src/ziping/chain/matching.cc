#include "ziping/chain/matching.h"

#include <set>

#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::chain {

std::string name_key(const std::string& name) {
  std::string folded = value::fold(name);
  std::string out;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    char32_t c = text::next_code_point(folded, pos);
    // Spacing and punctuation do not tell two indicators apart.
    static const std::u32string kDropped =
        U" \t\r\n,.;:!?、，。；：！？\"'“”‘’()[]（）【】《》<>-_·/";
    if (kDropped.find(c) != std::u32string::npos) continue;
    text::append_utf8(out, c);
  }
  return out;
}

num::Decimal similarity(const std::string& a, const std::string& b) {
  auto grams = [](const std::string& key) {
    auto points = text::code_points(key);
    std::multiset<std::u32string> out;
    if (points.size() == 1) out.insert(std::u32string(1, points[0]));
    for (std::size_t i = 0; i + 1 < points.size(); ++i)
      out.insert(std::u32string{points[i], points[i + 1]});
    return out;
  };
  auto ga = grams(a);
  auto gb = grams(b);
  if (ga.empty() || gb.empty()) return num::Decimal();
  long long common = 0;
  auto rest = gb;
  for (const auto& g : ga) {
    auto it = rest.find(g);
    if (it != rest.end()) {
      ++common;
      rest.erase(it);
    }
  }
  return num::Decimal::from_int(2 * common)
      .divide(num::Decimal::from_int(static_cast<long long>(ga.size() + gb.size())), 2,
              num::RoundingMode::HalfUp);
}

Matching match_leaves(const std::vector<LeafName>& from, const std::vector<LeafName>& to) {
  Matching out;
  out.from.resize(from.size());
  out.matched_to.assign(to.size(), false);
  std::vector<std::string> from_keys, to_keys;
  for (const auto& leaf : from) from_keys.push_back(name_key(leaf.name));
  for (const auto& leaf : to) to_keys.push_back(name_key(leaf.name));
  // Equal names in the same goal first, then equal names anywhere.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < from.size(); ++i) {
      if (out.from[i].other || from_keys[i].empty()) continue;
      for (std::size_t j = 0; j < to.size(); ++j) {
        if (out.matched_to[j] || to_keys[j] != from_keys[i]) continue;
        if (pass == 0 && from[i].goal_number != to[j].goal_number) continue;
        out.from[i].other = j;
        out.matched_to[j] = true;
        break;
      }
    }
  }
  // Proposals for what is left: the most similar unmatched name, never applied.
  const num::Decimal threshold = num::Decimal::of("0.5");
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (out.from[i].other) continue;
    num::Decimal best;
    for (std::size_t j = 0; j < to.size(); ++j) {
      if (out.matched_to[j]) continue;
      auto s = similarity(from_keys[i], to_keys[j]);
      if (s >= threshold && s > best) {
        best = s;
        out.from[i].proposal = j;
        out.from[i].similarity = s;
      }
    }
  }
  return out;
}

} // namespace ziping::chain
