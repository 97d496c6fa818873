// The review chain's table (access/review_chain.def) and what it implies.
#include <gtest/gtest.h>

#include <set>

#include "ziping/access/review_chain.h"

namespace ziping::access {
namespace {

TEST(ReviewChain, EveryStateIsReachableFromDraftAndPublishedIsReached) {
  std::set<ReviewState> reached{ReviewState::Draft};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& t : transitions())
      if (reached.count(t.from) && reached.insert(t.to).second) grew = true;
  }
  for (ReviewState s : kReviewStates) EXPECT_TRUE(reached.count(s)) << state_name(s);
}

TEST(ReviewChain, RowsAreUnambiguous) {
  std::set<std::tuple<Action, ReviewState, Role>> seen;
  for (const auto& t : transitions()) {
    EXPECT_TRUE(seen.emplace(t.action, t.from, t.role).second)
        << action_name(t.action) << " from " << state_name(t.from);
    EXPECT_NE(t.role, Role::Admin); // administrators never move a form
    EXPECT_NE(t.role, Role::Public);
  }
}

TEST(ReviewChain, ReturnsGoBackToTheUnitAndNeedAReason) {
  for (const auto& t : transitions()) {
    if (t.action == Action::Return || t.action == Action::Reopen) {
      EXPECT_EQ(t.to, ReviewState::Returned);
      EXPECT_TRUE(t.reason_required);
      EXPECT_TRUE(editable(t.to));
    }
  }
}

TEST(ReviewChain, OnlyTheRoleThatApprovedMayReopen) {
  // The role whose approval led into each state is the only one that may reopen it.
  for (const auto& reopen : transitions()) {
    if (reopen.action != Action::Reopen) continue;
    bool approved_by_same_role = false;
    for (const auto& t : transitions())
      if ((t.action == Action::Approve || t.action == Action::Publish) && t.to == reopen.from)
        approved_by_same_role |= t.role == reopen.role;
    EXPECT_TRUE(approved_by_same_role) << state_name(reopen.from);
  }
  EXPECT_FALSE(find_transition(Action::Reopen, ReviewState::Approved, Role::Supervisor));
  EXPECT_FALSE(find_transition(Action::Reopen, ReviewState::Reviewed, Role::Finance));
}

TEST(ReviewChain, ApprovedFormsCannotBeEdited) {
  EXPECT_TRUE(editable(ReviewState::Draft));
  EXPECT_TRUE(editable(ReviewState::Returned));
  for (ReviewState s : {ReviewState::Submitted, ReviewState::Reviewed, ReviewState::Approved,
                        ReviewState::Published})
    EXPECT_FALSE(editable(s)) << state_name(s);
}

TEST(ReviewChain, DecideTransitionChecksWhoseFormThenTheTable) {
  Target own{{10, 20, 30}, false};
  Target other{{11, 21, 31}, false};
  Principal head{Role::UnitHead, 10};
  Principal filler{Role::Filler, 10};
  Principal supervisor{Role::Supervisor, 20};
  using V = TransitionVerdict;
  EXPECT_EQ(decide_transition(Action::Submit, head, own, ReviewState::Draft, false).verdict,
            V::Allowed);
  EXPECT_EQ(decide_transition(Action::Submit, head, other, ReviewState::Draft, false).verdict,
            V::NotYourForm);
  EXPECT_EQ(decide_transition(Action::Submit, filler, own, ReviewState::Draft, false).verdict,
            V::NotYourForm); // 填报人 fill in; the head signs off
  EXPECT_EQ(decide_transition(Action::Approve, supervisor, own, ReviewState::Draft, false).verdict,
            V::NotInThisState);
  EXPECT_EQ(
      decide_transition(Action::Return, supervisor, own, ReviewState::Submitted, false).verdict,
      V::ReasonRequired);
  auto ok = decide_transition(Action::Return, supervisor, own, ReviewState::Submitted, true);
  ASSERT_EQ(ok.verdict, V::Allowed);
  EXPECT_EQ(ok.transition->to, ReviewState::Returned);
  EXPECT_EQ(
      decide_transition(Action::Approve, supervisor, other, ReviewState::Submitted, false).verdict,
      V::NotYourForm);
  EXPECT_EQ(decide_transition(Action::Submit, Principal{}, own, ReviewState::Draft, false).verdict,
            V::NeedsLogin);
}

TEST(ReviewChain, CommentsScoresAndWhoIsNext) {
  EXPECT_TRUE(may_comment(ReviewState::Submitted, Role::Supervisor));
  EXPECT_FALSE(may_comment(ReviewState::Submitted, Role::Finance));
  EXPECT_TRUE(may_comment(ReviewState::Reviewed, Role::Finance));
  EXPECT_TRUE(may_score(ReviewState::Reviewed, Role::Finance));
  EXPECT_FALSE(may_score(ReviewState::Approved, Role::Finance));
  EXPECT_EQ(waiting_for(ReviewState::Returned), Role::UnitHead);
  EXPECT_EQ(waiting_for(ReviewState::Submitted), Role::Supervisor);
  EXPECT_EQ(waiting_for(ReviewState::Reviewed), Role::Finance);
  EXPECT_FALSE(waiting_for(ReviewState::Published));
  for (ReviewState s : kReviewStates) EXPECT_EQ(parse_state(state_name(s)), s);
}

} // namespace
} // namespace ziping::access
