// The review log over SQL: transitions checked against access/review_chain.def inside the
// write transaction that applies them, comments and reviewer scores, each with its audit entry.
#include "ziping/store/form_rows.h"
#include "ziping/store/sql_accounts.h"
#include "ziping/store/sql_store.h"

namespace ziping::store {
namespace {

using namespace cells;
using access::Action;
using access::Role;

class SqlReviewLog final : public ReviewLog {
public:
  explicit SqlReviewLog(ConnectionPool& pool) : pool_(pool) {}

  std::optional<ReviewState> state(Id form_id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    auto rows = tx.query("SELECT review_state FROM forms WHERE id = $1", {form_id});
    if (rows.empty()) return std::nullopt;
    return access::parse_state(text(rows[0][0])).value_or(ReviewState::Draft);
  }

  TransitionResult transition(const TransitionRequest& r) override {
    TransitionResult result;
    auto c = pool_.lease();
    Transaction tx(*c, true);
    auto rows = tx.query("SELECT review_state, revision FROM forms WHERE id = $1", {r.form_id});
    if (rows.empty()) return result; // NotFound
    ReviewState current = access::parse_state(text(rows[0][0])).value_or(ReviewState::Draft);
    int revision = int(integer(rows[0][1]));
    result.state = current;
    if (current != r.expected) {
      result.outcome = TransitionResult::Outcome::Conflict;
      return result;
    }
    auto t = access::find_transition(r.action, current, r.role);
    if (!t) {
      result.outcome = TransitionResult::Outcome::NotAllowed;
      return result;
    }
    if (t->reason_required && r.reason.empty()) {
      result.outcome = TransitionResult::Outcome::ReasonRequired;
      return result;
    }
    // The state test in the WHERE clause is the lock, as for saves: of two transitions from the
    // same state, the second matches no row.
    if (tx.execute("UPDATE forms SET review_state = $1, status = $2 WHERE id = $3 AND "
                   "review_state = $4",
                   {std::string(access::state_name(t->to)),
                    std::string(status_name(coarse_status(t->to))), r.form_id,
                    std::string(access::state_name(current))}) != 1) {
      result.outcome = TransitionResult::Outcome::Conflict;
      return result;
    }
    tx.execute("INSERT INTO review_events (form_id, revision, action, from_state, to_state, "
               "actor_id, actor, role, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
               "$10)",
               {r.form_id, std::int64_t(revision), std::string(access::action_name(r.action)),
                std::string(access::state_name(current)), std::string(access::state_name(t->to)),
                maybe(r.actor.user_id), r.actor.name, std::string(access::role_name(r.role)),
                r.reason, now_utc()});
    append_audit(
        tx,
        {r.actor, "review." + std::string(access::action_name(r.action)), r.form_id, revision,
         std::string(access::state_name(current)) + " -> " +
             std::string(access::state_name(t->to)) + (r.reason.empty() ? "" : ": " + r.reason)});
    tx.commit();
    result.outcome = TransitionResult::Outcome::Done;
    result.state = t->to;
    return result;
  }

  std::vector<ReviewEvent> events(Id form_id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<ReviewEvent> out;
    for (const auto& row : tx.query("SELECT id, revision, action, from_state, to_state, actor, "
                                    "role, reason, at FROM review_events WHERE form_id = $1 "
                                    "ORDER BY id",
                                    {form_id})) {
      ReviewEvent e;
      e.id = integer(row[0]);
      e.revision = int(integer(row[1]));
      e.action = access::parse_action(text(row[2])).value_or(Action::Submit);
      e.from = access::parse_state(text(row[3])).value_or(ReviewState::Draft);
      e.to = access::parse_state(text(row[4])).value_or(ReviewState::Draft);
      e.actor = text(row[5]);
      e.role = access::parse_role(text(row[6])).value_or(Role::Filler);
      e.reason = text(row[7]);
      e.at = text(row[8]);
      out.push_back(std::move(e));
    }
    return out;
  }

  std::optional<ReviewComment> add_comment(Id form_id, const std::string& path,
                                           const std::string& text_, Role role,
                                           const Actor& actor) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    auto rows = tx.query("SELECT revision FROM forms WHERE id = $1", {form_id});
    if (rows.empty()) return std::nullopt;
    ReviewComment comment{0, int(integer(rows[0][0])), path, text_, actor.name, role, now_utc()};
    auto inserted =
        tx.query("INSERT INTO review_comments (form_id, revision, path, text, "
                 "author_id, author, role, at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                 "$8) RETURNING id",
                 {form_id, std::int64_t(comment.revision), path, text_, maybe(actor.user_id),
                  actor.name, std::string(access::role_name(role)), comment.at});
    comment.id = integer(inserted.at(0).at(0));
    append_audit(tx, {actor, "review.comment", form_id, comment.revision, path + ": " + text_});
    tx.commit();
    return comment;
  }

  std::vector<ReviewComment> comments(Id form_id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<ReviewComment> out;
    for (const auto& row : tx.query("SELECT id, revision, path, text, author, role, at FROM "
                                    "review_comments WHERE form_id = $1 ORDER BY id",
                                    {form_id}))
      out.push_back(ReviewComment{
          integer(row[0]), int(integer(row[1])), text(row[2]), text(row[3]), text(row[4]),
          access::parse_role(text(row[5])).value_or(Role::Supervisor), text(row[6])});
    return out;
  }

  bool set_score(Id form_id, const ReviewScore& s, const Actor& actor) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    auto rows = tx.query("SELECT revision FROM forms WHERE id = $1", {form_id});
    if (rows.empty()) return false;
    auto revision = std::int64_t(integer(rows[0][0]));
    tx.execute("INSERT INTO review_scores (form_id, path, revision, self_score, reviewer_score, "
               "reason, reviewer_id, reviewer, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
               "ON CONFLICT (form_id, path) DO UPDATE SET revision = excluded.revision, "
               "self_score = excluded.self_score, reviewer_score = excluded.reviewer_score, "
               "reason = excluded.reason, reviewer_id = excluded.reviewer_id, reviewer = "
               "excluded.reviewer, at = excluded.at",
               {form_id, s.path, revision, decimal_param(s.self_score),
                s.reviewer_score.to_string(), s.reason, maybe(actor.user_id), actor.name,
                now_utc()});
    append_audit(tx, {actor, "review.score", form_id, int(revision),
                      s.path + " = " + s.reviewer_score.to_string() +
                          (s.reason.empty() ? "" : ": " + s.reason)});
    tx.commit();
    return true;
  }

  std::vector<ReviewScore> scores(Id form_id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<ReviewScore> out;
    for (const auto& row : tx.query("SELECT path, revision, self_score, reviewer_score, reason, "
                                    "reviewer, at FROM review_scores WHERE form_id = $1 ORDER BY "
                                    "path",
                                    {form_id})) {
      ReviewScore s;
      s.path = text(row[0]);
      s.revision = int(integer(row[1]));
      s.self_score = decimal_from(row[2]);
      s.reviewer_score = decimal_from(row[3]).value_or(num::Decimal());
      if (s.self_score) s.difference = s.reviewer_score - *s.self_score;
      s.reason = text(row[4]);
      s.reviewer = text(row[5]);
      s.at = text(row[6]);
      out.push_back(std::move(s));
    }
    return out;
  }

  std::vector<Id> forms_in(ReviewState state,
                           const std::optional<std::vector<Id>>& departments) override {
    if (departments && departments->empty()) return {};
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<SqlParam> params;
    params.reserve(1 + (departments ? departments->size() : 0));
    params.emplace_back(std::in_place_type<std::string>, access::state_name(state));
    std::string sql = "SELECT id FROM forms WHERE review_state = $1";
    if (departments) {
      sql += " AND department_id IN (";
      for (std::size_t i = 0; i < departments->size(); ++i) {
        params.push_back((*departments)[i]);
        sql += (i ? ", $" : "$") + std::to_string(params.size());
      }
      sql += ")";
    }
    std::vector<Id> out;
    for (const auto& row : tx.query(sql + " ORDER BY id", params)) out.push_back(integer(row[0]));
    return out;
  }

private:
  ConnectionPool& pool_;
};

} // namespace

Status coarse_status(ReviewState state) {
  switch (state) {
  case ReviewState::Draft:
    return Status::Draft;
  case ReviewState::Submitted:
  case ReviewState::Reviewed:
    return Status::Submitted;
  case ReviewState::Returned:
    return Status::Returned;
  case ReviewState::Approved:
  case ReviewState::Published:
    return Status::Approved;
  }
  return Status::Draft;
}

std::unique_ptr<ReviewLog> make_sql_review_log(ConnectionPool& pool) {
  return std::make_unique<SqlReviewLog>(pool);
}

} // namespace ziping::store
