// store/review_log.h — a form's passage through the review chain: its state, the transitions
// made (who, when, why), the reviewers' comments pinned to cells (form paths, like
// diagnostics) and the 财政复核 scores per leaf beside the self-score. The chain's rules are
// access/review_chain.def; the store applies a transition only when the table has its row and
// the form is still in the state the caller saw, and writes the audit entry in the same
// transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ziping/access/review_chain.h"
#include "ziping/num/decimal.h"
#include "ziping/store/audit_trail.h"
#include "ziping/store/store.h"

namespace ziping::store {

using access::ReviewState;

struct ReviewEvent {
  Id id = 0;
  int revision = 0; // the form's revision when it happened
  access::Action action = access::Action::Submit;
  ReviewState from = ReviewState::Draft;
  ReviewState to = ReviewState::Draft;
  std::string actor;
  access::Role role = access::Role::Filler;
  std::string reason;
  std::string at;
};

struct ReviewComment {
  Id id = 0;
  int revision = 0;
  std::string path; // "goals[0].indicators[3].actual"
  std::string text;
  std::string author;
  access::Role role = access::Role::Supervisor;
  std::string at;
};

struct ReviewScore {
  std::string path; // a leaf: "goals[0].indicators[3]"
  int revision = 0;
  std::optional<num::Decimal> self_score; // the form's 得分 when the score was given
  num::Decimal reviewer_score;
  std::optional<num::Decimal> difference; // reviewer − self
  std::string reason;
  std::string reviewer;
  std::string at;
};

struct TransitionRequest {
  Id form_id = 0;
  access::Action action = access::Action::Submit;
  ReviewState expected; // the state the caller decided on; another one is a conflict
  access::Role role = access::Role::Filler;
  Actor actor;
  std::string reason;
};

struct TransitionResult {
  enum class Outcome { Done, NotFound, Conflict, NotAllowed, ReasonRequired };
  Outcome outcome = Outcome::NotFound;
  ReviewState state = ReviewState::Draft; // the state now (Done: the new one)
};

class ReviewLog {
public:
  virtual ~ReviewLog() = default;
  virtual std::optional<ReviewState> state(Id form_id) = 0;
  virtual TransitionResult transition(const TransitionRequest& request) = 0;
  virtual std::vector<ReviewEvent> events(Id form_id) = 0; // oldest first
  // nullopt: no such form.
  virtual std::optional<ReviewComment> add_comment(Id form_id, const std::string& path,
                                                   const std::string& text, access::Role role,
                                                   const Actor& actor) = 0;
  virtual std::vector<ReviewComment> comments(Id form_id) = 0;
  // A later score for the same leaf replaces the earlier one (the audit trail keeps both).
  virtual bool set_score(Id form_id, const ReviewScore& score, const Actor& actor) = 0;
  virtual std::vector<ReviewScore> scores(Id form_id) = 0;
  // Forms in a state, limited to the given departments (nullopt: all; empty: none), for
  // 我的待办 and progress boards.
  virtual std::vector<Id> forms_in(ReviewState state,
                                   const std::optional<std::vector<Id>>& departments) = 0;
};

// forms.status as it was before the review chain (draft, submitted, returned, approved).
Status coarse_status(ReviewState state);

} // namespace ziping::store
