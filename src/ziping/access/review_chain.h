// access/review_chain.h — the review chain as a state machine: 填报中 → 已提交 (signed off by
// the unit's head) → 主管审核 (通过 or 退回) → 财政复核 (通过 or 退回) → 已公开. The table is
// review_chain.def; a returned form goes back to its unit, an approved form cannot be edited and
// only the role that approved it may reopen it, with a reason.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "ziping/access/policy.h"
#include "ziping/access/role.h"

namespace ziping::access {

enum class ReviewState : std::uint8_t {
  Draft,     // 填报中: the unit fills it in
  Submitted, // 已提交: waiting for the 主管部门
  Returned,  // 已退回: back with the unit, to fix and resubmit
  Reviewed,  // 主管已审核: waiting for 财政复核
  Approved,  // 已通过: 财政复核 passed, not yet public
  Published, // 已公开
};
inline constexpr ReviewState kReviewStates[] = {ReviewState::Draft,    ReviewState::Submitted,
                                                ReviewState::Returned, ReviewState::Reviewed,
                                                ReviewState::Approved, ReviewState::Published};
std::string_view state_name(ReviewState state); // "draft", "submitted", …, "published"
std::string_view
state_name_zh(ReviewState state); // 填报中, 已提交, 已退回, 主管已审核, 已通过, 已公开
std::optional<ReviewState> parse_state(std::string_view name);

enum class Action : std::uint8_t { Submit, Return, Approve, Reopen, Publish };
std::string_view action_name(Action action);    // "submit", "return", …
std::string_view action_name_zh(Action action); // 上报, 退回, 通过, 撤回, 公开
std::optional<Action> parse_action(std::string_view name);

struct Transition {
  Action action;
  ReviewState from;
  ReviewState to;
  Role role;
  bool reason_required;
};
std::span<const Transition> transitions();

// The row for `action` from `from` made by `role`; nullopt when the table has none.
std::optional<Transition> find_transition(Action action, ReviewState from, Role role);

enum class TransitionVerdict : std::uint8_t {
  Allowed,
  NeedsLogin,     // the public: 401
  NotYourForm,    // the relation to the form's unit is not allowed (403)
  NotInThisState, // no row for this action from this state by this role (409 / 403)
  ReasonRequired, // the row needs a reason and none was given
};
struct TransitionDecision {
  TransitionVerdict verdict = TransitionVerdict::NotInThisState;
  std::optional<Transition> transition; // set when allowed
};
// form_transition's row (who, whose form) and then the chain's row (which action, from where).
TransitionDecision decide_transition(Action action, const Principal& who, const Target& target,
                                     ReviewState current, bool has_reason);

// The unit may change the content only while the form is with it (填报中, 已退回).
bool editable(ReviewState state);
// Reviewers pin comments while the form waits for them: the 主管部门 in 已提交, 财政 in 主管已审核.
bool may_comment(ReviewState state, Role role);
// 财政复核 scores are given while the form waits for 财政.
bool may_score(ReviewState state, Role role);
// Whose turn it is (我的待办): the role that acts next, nullopt when the chain has ended.
std::optional<Role> waiting_for(ReviewState state);

} // namespace ziping::access
