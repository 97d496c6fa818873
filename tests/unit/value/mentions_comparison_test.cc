// mentions_comparison() looks for the comparison words in one pass; it must say what a search
// for each word says, also where a word is cut off at the end, sits in ill-formed bytes, or
// shares its first character with a word that does not follow.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ziping/value/comparator.h"

namespace ziping::value {
namespace {

bool by_search(std::string_view folded) {
  const std::vector<std::string_view> words = {"不低于", "不少于", "不小于", "不超过", "不高于",
                                               "不大于", "不多于", "以上",   "以下",   "以内",
                                               "大于",   "小于",   "等于",   "低于",   "高于"};
  bool sign_or_digit = std::any_of(folded.begin(), folded.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '<' || c == '>' || c == '=';
  });
  if (sign_or_digit || folded.find("≥") != folded.npos || folded.find("≤") != folded.npos)
    return true;
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return folded.find(w) != folded.npos; });
}

TEST(MentionsComparison, AgreesWithASearchForEachWord) {
  const std::vector<std::string> texts = {
      "",
      "有所提高",
      "不低",
      "不低于",
      "效果不低于往年",
      "以",
      "以上",
      "逐年以",
      "高",
      "大幅提高",
      "大于",
      "不",
      "不得",
      "等",
      "等于上年",
      "低",
      "低于",
      "控制在预算内",
      "x以下",
      "\xE4\xBB",
      "\xE4\xBB\xA5",
      "\xFF以内",
      "\xE4以上",
      "合格",
      "全部达成预期指标",
      "通过持续开展宣传和培训，服务水平进一步提升，群众反映良好。",
      "≥",
      "约5次",
      "高于平均水平"};
  for (const auto& text : texts) EXPECT_EQ(mentions_comparison(text), by_search(text)) << text;
  // Every prefix of every text: words cut off at the end.
  for (const auto& text : texts)
    for (std::size_t n = 0; n <= text.size(); ++n) {
      std::string_view prefix(text.data(), n);
      EXPECT_EQ(mentions_comparison(prefix), by_search(prefix)) << text << " [" << n << "]";
    }
}

} // namespace
} // namespace ziping::value
