#include "ziping/access/review_chain.h"

namespace ziping::access {
namespace {

constexpr Transition kTransitions[] = {
#define ZP_TRANSITION(action, from, to, role, reason)                                              \
  Transition{Action::action, ReviewState::from, ReviewState::to, Role::role, reason},
#include "ziping/access/review_chain.def"
#undef ZP_TRANSITION
};

struct StateName {
  ReviewState state;
  std::string_view name;
  std::string_view zh;
};

constexpr StateName kStateNames[] = {
    {ReviewState::Draft, "draft", "填报中"},
    {ReviewState::Submitted, "submitted", "已提交"},
    {ReviewState::Returned, "returned", "已退回"},
    {ReviewState::Reviewed, "reviewed", "主管已审核"},
    {ReviewState::Approved, "approved", "已通过"},
    {ReviewState::Published, "published", "已公开"},
};

struct ActionName {
  Action action;
  std::string_view name;
  std::string_view zh;
};

constexpr ActionName kActionNames[] = {
    {Action::Submit, "submit", "上报"},   {Action::Return, "return", "退回"},
    {Action::Approve, "approve", "通过"}, {Action::Reopen, "reopen", "撤回"},
    {Action::Publish, "publish", "公开"},
};

} // namespace

std::string_view state_name(ReviewState state) {
  for (const auto& s : kStateNames)
    if (s.state == state) return s.name;
  return "draft";
}

std::string_view state_name_zh(ReviewState state) {
  for (const auto& s : kStateNames)
    if (s.state == state) return s.zh;
  return "填报中";
}

std::optional<ReviewState> parse_state(std::string_view name) {
  for (const auto& s : kStateNames)
    if (s.name == name) return s.state;
  return std::nullopt;
}

std::string_view action_name(Action action) {
  for (const auto& a : kActionNames)
    if (a.action == action) return a.name;
  return "submit";
}

std::string_view action_name_zh(Action action) {
  for (const auto& a : kActionNames)
    if (a.action == action) return a.zh;
  return "上报";
}

std::optional<Action> parse_action(std::string_view name) {
  for (const auto& a : kActionNames)
    if (a.name == name) return a.action;
  return std::nullopt;
}

std::span<const Transition> transitions() {
  return kTransitions;
}

std::optional<Transition> find_transition(Action action, ReviewState from, Role role) {
  for (const auto& t : kTransitions)
    if (t.action == action && t.from == from && t.role == role) return t;
  return std::nullopt;
}

TransitionDecision decide_transition(Action action, const Principal& who, const Target& target,
                                     ReviewState current, bool has_reason) {
  TransitionDecision out;
  Decision d = decide(EndpointId::form_transition, who, target);
  if (!d.allowed) {
    out.verdict = d.needs_login ? TransitionVerdict::NeedsLogin : TransitionVerdict::NotYourForm;
    return out;
  }
  auto t = find_transition(action, current, who.role);
  if (!t) {
    out.verdict = TransitionVerdict::NotInThisState;
    return out;
  }
  if (t->reason_required && !has_reason) {
    out.verdict = TransitionVerdict::ReasonRequired;
    return out;
  }
  out.verdict = TransitionVerdict::Allowed;
  out.transition = t;
  return out;
}

bool editable(ReviewState state) {
  return state == ReviewState::Draft || state == ReviewState::Returned;
}

bool may_comment(ReviewState state, Role role) {
  return (state == ReviewState::Submitted && role == Role::Supervisor) ||
         (state == ReviewState::Reviewed && role == Role::Finance);
}

bool may_score(ReviewState state, Role role) {
  return state == ReviewState::Reviewed && role == Role::Finance;
}

std::optional<Role> waiting_for(ReviewState state) {
  switch (state) {
  case ReviewState::Draft:
  case ReviewState::Returned:
    return Role::UnitHead; // the unit: its 填报人 edits, its head submits
  case ReviewState::Submitted:
    return Role::Supervisor;
  case ReviewState::Reviewed:
  case ReviewState::Approved:
    return Role::Finance;
  case ReviewState::Published:
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace ziping::access
