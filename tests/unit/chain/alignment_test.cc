// The chain view's rows: the declaration's indicators with their matches in the 自评表 and the
// monitoring form, then the 自评表's undeclared ones, then the monitoring form's leftovers; a
// similar name is carried as a proposal beside the row, never as its match.
#include <gtest/gtest.h>

#include "ziping/chain/alignment.h"

namespace ziping::chain {
namespace {

model::PlanIndicator plan_leaf(std::string name) {
  model::PlanIndicator i;
  i.name = std::move(name);
  return i;
}

model::Indicator self_leaf(std::string name) {
  model::Indicator i;
  i.name = std::move(name);
  return i;
}

TEST(ChainAlignment, RowsFollowTheDeclarationThenWhatOnlyLaterFormsHold) {
  model::Plan decl, mon;
  decl.goals.push_back(
      {1, "", "", "", {plan_leaf("坐席电话接通率"), plan_leaf("营商环境政策解读覆盖率")}});
  mon.goals.push_back(
      {1,
       "",
       "",
       "",
       {plan_leaf("营商环境政策解读覆盖率"), plan_leaf("坐席电话 接通率"), plan_leaf("监控新增")}});
  model::Form self;
  self.goals.push_back({});
  self.goals[0].number = 1;
  self.goals[0].indicators = {self_leaf("坐席电话接通率"), self_leaf("营商环境政策解读宣传覆盖率")};

  auto rows = align(&decl, &mon, self);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].declaration, "goals[0].indicators[0]");
  EXPECT_EQ(rows[0].monitoring, "goals[0].indicators[1]");
  EXPECT_EQ(rows[0].self, "goals[0].indicators[0]");
  EXPECT_FALSE(rows[0].proposal_side);
  // Dropped from the 自评表: a look-alike there is proposed, not matched.
  EXPECT_EQ(rows[1].declaration, "goals[0].indicators[1]");
  EXPECT_EQ(rows[1].monitoring, "goals[0].indicators[0]");
  EXPECT_FALSE(rows[1].self);
  ASSERT_TRUE(rows[1].proposal_side);
  EXPECT_EQ(*rows[1].proposal_side, Side::Self);
  EXPECT_EQ(rows[1].proposal_path, "goals[0].indicators[1]");
  // The look-alike's own row: undeclared, with the declared name proposed.
  EXPECT_EQ(rows[2].self, "goals[0].indicators[1]");
  EXPECT_FALSE(rows[2].declaration);
  ASSERT_TRUE(rows[2].proposal_side);
  EXPECT_EQ(*rows[2].proposal_side, Side::Declaration);
  // Only in the monitoring form.
  EXPECT_EQ(rows[3].monitoring, "goals[0].indicators[2]");
  EXPECT_FALSE(rows[3].declaration);
  EXPECT_FALSE(rows[3].self);
}

TEST(ChainAlignment, WithoutADeclarationTheSelfFormLeads) {
  model::Plan mon;
  mon.goals.push_back({1, "", "", "", {plan_leaf("完成率")}});
  model::Form self;
  self.goals.push_back({});
  self.goals[0].number = 1;
  self.goals[0].indicators = {self_leaf("完成率"), self_leaf("满意度")};
  auto rows = align(nullptr, &mon, self);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].self, "goals[0].indicators[0]");
  EXPECT_EQ(rows[0].monitoring, "goals[0].indicators[0]");
  EXPECT_EQ(rows[1].self, "goals[0].indicators[1]");
  EXPECT_FALSE(rows[1].monitoring);
  EXPECT_FALSE(rows[1].proposal_side);
}

} // namespace
} // namespace ziping::chain
