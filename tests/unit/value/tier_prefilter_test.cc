// read_tier() refuses a text at once unless a verb starts where some degree ends (a byte
// offset of 0, 3, 6, 9 or 12); the refusal must never turn away a phrase the full reading
// takes: every degree × verb × object × effect of tiers.cc reads as the degree's tier.
#include <string>

#include <gtest/gtest.h>

#include "ziping/value/qualitative.h"
#include "ziping/value/tier_degrees.h"

namespace ziping::value {
namespace {

TEST(TierPrefilter, NeverRefusesAPhraseTheReadingTakes) {
  const char* verbs[] = {"达成", "完成", "实现", "达到"};
  const char* objects[] = {"", "预期指标", "年度绩效目标", "目标值"};
  const char* effects[] = {"", "并具有一定效果", "且效果较差"};
  for (const TierDegree& degree : tier_degrees()) {
    for (const char* verb : verbs) {
      for (const char* object : objects) {
        for (const char* effect : effects) {
          std::string phrase = std::string(degree.spelling) + verb + object + effect;
          bool bare_reach = std::string(degree.spelling).empty() && std::string(verb) == "达到" &&
                            std::string(object).empty() && std::string(effect).empty();
          auto tier = read_tier(phrase);
          if (bare_reach) {
            EXPECT_FALSE(tier) << phrase; // 达到 alone is the comparator
          } else {
            ASSERT_TRUE(tier) << phrase;
            EXPECT_EQ(*tier, degree.tier) << phrase;
          }
        }
      }
    }
  }
}

TEST(TierPrefilter, RefusesWhatHasNoVerbAfterADegree) {
  for (const char* text : {"合格", "良好以上", "2023年12月底前", "及时", "群众满意度较高",
                           "项目按计划推进，已完成", "完", "达"})
    EXPECT_FALSE(read_tier(text)) << text;
}

} // namespace
} // namespace ziping::value
