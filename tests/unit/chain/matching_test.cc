// Indicator matching across the chain's forms: folded equal names match, the same goal first;
// what is left gets a proposal, never a match.
#include <gtest/gtest.h>

#include "ziping/chain/matching.h"

namespace ziping::chain {
namespace {

TEST(ChainMatching, FoldedNamesMatch) {
  EXPECT_EQ(name_key("坐席电话 接通率"), name_key("坐席电话接通率"));
  EXPECT_EQ(name_key("培训合格率（%）"), name_key("培训合格率(%)"));
  EXPECT_EQ(name_key("ＷＩＦＩ覆盖"), name_key("WIFI覆盖"));
  EXPECT_NE(name_key("培训合格率"), name_key("培训完成率"));
}

TEST(ChainMatching, SameGoalFirstThenAnywhere) {
  std::vector<LeafName> from{{0, 0, 1, "完成时间"}, {1, 0, 2, "完成时间"}, {1, 1, 2, "覆盖率"}};
  std::vector<LeafName> to{{0, 0, 2, "完成时间"}, {1, 0, 1, "完成时间"}, {2, 0, 3, "覆盖率"}};
  auto m = match_leaves(from, to);
  EXPECT_EQ(m.from[0].other, std::optional<std::size_t>(1));
  EXPECT_EQ(m.from[1].other, std::optional<std::size_t>(0));
  EXPECT_EQ(m.from[2].other, std::optional<std::size_t>(2)); // moved to another goal
}

TEST(ChainMatching, SimilarNamesAreOnlyProposed) {
  std::vector<LeafName> from{{0, 0, {}, "营商环境政策解读覆盖率"}, {0, 1, {}, "党建经费"}};
  std::vector<LeafName> to{{0, 0, {}, "营商环境政策解读宣传覆盖率"}, {0, 1, {}, "满意度"}};
  auto m = match_leaves(from, to);
  EXPECT_FALSE(m.from[0].other);
  ASSERT_TRUE(m.from[0].proposal);
  EXPECT_EQ(*m.from[0].proposal, 0u);
  EXPECT_GE(m.from[0].similarity, num::Decimal::of("0.5"));
  EXPECT_FALSE(m.from[1].other);
  EXPECT_FALSE(m.from[1].proposal);
  EXPECT_FALSE(m.matched_to[0]);
}

TEST(ChainMatching, Similarity) {
  EXPECT_EQ(similarity("abc", "abc"), num::Decimal::of("1"));
  EXPECT_EQ(similarity("ab", "cd"), num::Decimal::of("0"));
  EXPECT_EQ(similarity("", "cd"), num::Decimal::of("0"));
}

} // namespace
} // namespace ziping::chain
