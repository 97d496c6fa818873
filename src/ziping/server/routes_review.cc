// The review chain over HTTP: 我的待办 (the progress board is routes_progress.cc), a form's
// review (state, history, comments pinned to cells, reviewer scores), transitions, comments and
// 财政复核 scores. Who may act on which form is the gate's (endpoints.def); which step from
// which state is the chain's (review_chain.def), asked through access::decide_transition.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <regex>

#include "ziping/access/review_chain.h"
#include "ziping/server/account_json.h"
#include "ziping/server/api_error.h"
#include "ziping/server/json_out.h"
#include "ziping/server/render.h"
#include "ziping/server/request_json.h"
#include "ziping/server/review_deadline.h"
#include "ziping/server/routes.h"
#include "ziping/store/directory.h"
#include "ziping/store/review_log.h"

namespace ziping::server {
namespace {

using access::ReviewState;
using diag::DiagId;

ReviewState state_of(const store::FormRecord& record) {
  return access::parse_state(record.review_state).value_or(ReviewState::Draft);
}

// The steps the caller may take from `state` on a form whose unit is `target`.
std::vector<access::Transition> offers(const Caller& caller, const access::Target& target,
                                       ReviewState state) {
  std::vector<access::Transition> out;
  for (const auto& t : access::transitions()) {
    if (t.from != state || t.role != caller.principal.role) continue;
    auto d = access::decide_transition(t.action, caller.principal, target, state, true);
    if (d.verdict == access::TransitionVerdict::Allowed) out.push_back(t);
  }
  return out;
}

bool editable_by(const Caller& caller, const access::Target& target, ReviewState state) {
  return access::editable(state) &&
         access::decide(access::EndpointId::form_put, caller.principal, target).allowed;
}

void write_offers(JsonOut& out, const std::vector<access::Transition>& steps) {
  out.begin_array();
  for (const auto& t : steps) {
    out.begin_object();
    out.key("action").string(access::action_name(t.action));
    out.key("action_label").string(access::action_name_zh(t.action));
    out.key("to").string(access::state_name(t.to));
    out.key("to_label").string(access::state_name_zh(t.to));
    out.key("reason_required").boolean(t.reason_required);
    out.end_object();
  }
  out.end_array();
}

void write_event(JsonOut& out, const store::ReviewEvent& e) {
  out.begin_object();
  out.key("id").integer(e.id);
  out.key("revision").integer(e.revision);
  out.key("action").string(access::action_name(e.action));
  out.key("action_label").string(access::action_name_zh(e.action));
  out.key("from").string(access::state_name(e.from));
  out.key("from_label").string(access::state_name_zh(e.from));
  out.key("to").string(access::state_name(e.to));
  out.key("to_label").string(access::state_name_zh(e.to));
  out.key("actor").string(e.actor);
  out.key("role").string(access::role_name(e.role));
  out.key("role_label").string(access::role_name_zh(e.role));
  out.key("reason").string(e.reason);
  out.key("at").string(e.at);
  out.end_object();
}

void write_comment(JsonOut& out, const store::ReviewComment& c) {
  out.begin_object();
  out.key("id").integer(c.id);
  out.key("revision").integer(c.revision);
  out.key("path").string(c.path);
  out.key("text").string(c.text);
  out.key("author").string(c.author);
  out.key("role").string(access::role_name(c.role));
  out.key("role_label").string(access::role_name_zh(c.role));
  out.key("at").string(c.at);
  out.end_object();
}

void write_score(JsonOut& out, const store::ReviewScore& s) {
  out.begin_object();
  out.key("path").string(s.path);
  out.key("revision").integer(s.revision);
  out.key("self_score").decimal(s.self_score);
  out.key("reviewer_score").decimal(std::optional(s.reviewer_score));
  out.key("difference").decimal(s.difference);
  out.key("reason").string(s.reason);
  out.key("reviewer").string(s.reviewer);
  out.key("at").string(s.at);
  out.end_object();
}

// The form of a route's {id}: the gate has already found it and allowed the caller.
store::FormRecord record_of(RouteContext& ctx, const Request& req) {
  store::Id id = path_id(req);
  auto record = ctx.bench.store().form_record(id);
  if (!record) throw form_not_found(id);
  return *record;
}

// ---- the year's deadline (review_deadline.h) -----------------------------------------------

// "2023-04-30" as a day count (cmd_serve checked the shape of every configured date).
std::optional<std::chrono::sys_days> day_of(std::string_view date) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (date.size() != 10 || std::from_chars(date.data(), date.data() + 4, y).ec != std::errc() ||
      std::from_chars(date.data() + 5, date.data() + 7, m).ec != std::errc() ||
      std::from_chars(date.data() + 8, date.data() + 10, d).ec != std::errc())
    return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

// The unit's part is late once the deadline has passed while the form is still with it (填报中
// or 已退回): the progress board's rule for a unit, applied to one form.
bool late_state(ReviewState state) {
  return state == ReviewState::Draft || state == ReviewState::Returned;
}

// A to-do item's deadline: the form's year's, the days left (negative once passed) and whether
// the form is overdue. Nothing for a form without a year.
void write_deadline(JsonOut& out, const RouteContext& ctx, const store::FormRecord& record,
                    ReviewState state, const std::string& today) {
  if (!record.year) {
    out.key("deadline").null().key("days_left").null().key("overdue").boolean(false);
    return;
  }
  std::string deadline = deadline_of(ctx, *record.year);
  out.key("deadline").string(deadline);
  auto due = day_of(deadline), now = day_of(today);
  out.key("days_left");
  if (due && now)
    out.integer((*due - *now).count());
  else
    out.null();
  out.key("overdue").boolean(today > deadline && late_state(state));
}

// ---- 我的待办 -------------------------------------------------------------------------------

void todo(RouteContext& ctx, const Request& req, Response& res) {
  const Caller& caller = req.caller;
  auto& store = ctx.bench.store();
  JsonOut out;
  std::string today = today_utc();
  out.begin_object().key("forms").begin_array();
  if (caller.principal.org) {
    std::map<store::Id, access::Target> targets; // by department
    for (ReviewState state : access::kReviewStates) {
      // Only states in which this role can do something at all.
      bool some_step = std::any_of(access::transitions().begin(), access::transitions().end(),
                                   [&](const access::Transition& t) {
                                     return t.from == state && t.role == caller.principal.role;
                                   });
      bool some_edit = access::editable(state) &&
                       access::endpoint(access::EndpointId::form_put)
                               .allow[std::size_t(caller.principal.role)] != access::allow::No;
      if (!some_step && !some_edit) continue;
      store::FormFilter filter;
      filter.review_state = std::string(access::state_name(state));
      // The units at or under the caller's organisation, joined in SQL (org_scope), not listed.
      filter.visible_under = *caller.principal.org;
      filter.limit = store::kMaxPageSize;
      for (;;) {
        store::FormPage page = store.list_forms(filter);
        for (const auto& record : page.items) {
          auto found = targets.find(record.department_id);
          if (found == targets.end())
            found = targets.emplace(record.department_id, ctx.gate.target_of_form(record)).first;
          auto steps = offers(caller, found->second, state);
          bool edit = editable_by(caller, found->second, state);
          if (steps.empty() && !edit) continue;
          // The record's own members, then what the caller may do.
          JsonOut item;
          write_record(item, record);
          std::string text = item.take();
          text.pop_back(); // the closing brace: the todo item extends the record
          JsonOut extra;
          extra.begin_object();
          extra.key("actions");
          write_offers(extra, steps);
          extra.key("editable").boolean(edit);
          write_deadline(extra, ctx, record, state, today);
          extra.end_object();
          std::string tail = extra.take();
          out.raw(text + "," + tail.substr(1));
        }
        if (!page.next) break;
        filter.after = page.next; // keyset: the next page from the index, not past an offset
      }
    }
  }
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

// ---- one form's review ----------------------------------------------------------------------

void review(RouteContext& ctx, const Request& req, Response& res) {
  store::FormRecord record = record_of(ctx, req);
  access::Target target = ctx.gate.target_of_form(record);
  ReviewState state = state_of(record);
  const Caller& caller = req.caller;
  auto& log = ctx.bench.store().review_log();
  JsonOut out;
  out.begin_object();
  out.key("form_id").integer(record.id);
  out.key("revision").integer(record.revision);
  out.key("review_state").string(access::state_name(state));
  out.key("review_state_label").string(access::state_name_zh(state));
  out.key("editable").boolean(editable_by(caller, target, state));
  out.key("actions");
  write_offers(out, offers(caller, target, state));
  out.key("may_comment")
      .boolean(access::may_comment(state, caller.principal.role) &&
               access::decide(access::EndpointId::form_comment, caller.principal, target).allowed);
  out.key("may_score")
      .boolean(
          access::may_score(state, caller.principal.role) &&
          access::decide(access::EndpointId::form_review_scores, caller.principal, target).allowed);
  out.key("events").begin_array();
  for (const auto& e : log.events(record.id)) write_event(out, e);
  out.end_array();
  out.key("comments").begin_array();
  for (const auto& c : log.comments(record.id)) write_comment(out, c);
  out.end_array();
  out.key("scores").begin_array();
  for (const auto& s : log.scores(record.id)) write_score(out, s);
  out.end_array();
  out.end_object();
  send_json(res, 200, out.take());
}

ApiError not_in_review(const store::FormRecord& record, ReviewState state, access::Role role) {
  JsonOut details;
  details.begin_object().key("form_id").integer(record.id);
  details.key("review_state").string(access::state_name(state)).end_object();
  return ApiError(
      409, "not_in_review",
      diag::make(DiagId::err_not_in_review, "",
                 {std::to_string(record.id), std::string(access::state_name_zh(state)),
                  diag::bilingual(access::role_name_zh(role), access::role_name(role))}),
      details.take());
}

ApiError state_conflict(store::Id id, ReviewState now, ReviewState expected) {
  JsonOut details;
  details.begin_object().key("form_id").integer(id);
  details.key("current_state").string(access::state_name(now));
  details.key("current_state_label").string(access::state_name_zh(now));
  details.key("expected_state").string(access::state_name(expected)).end_object();
  return ApiError(409, "state_conflict",
                  diag::make(DiagId::err_state_conflict, "",
                             {std::to_string(id), std::string(access::state_name_zh(now)),
                              std::string(access::state_name_zh(expected))}),
                  details.take());
}

void transition(RouteContext& ctx, const Request& req, Response& res) {
  JsonValue body = parse_object_body(req.body);
  std::string action_text = *string_member(body, "action", true);
  std::string expected_text = *string_member(body, "expected_state", true);
  std::string reason = string_member(body, "reason").value_or("");
  auto action = access::parse_action(action_text);
  if (!action)
    throw bad_parameter("action", action_text, "submit、return、approve、reopen、publish 之一",
                        "one of submit, return, approve, reopen, publish");
  auto expected = access::parse_state(expected_text);
  if (!expected)
    throw bad_parameter("expected_state", expected_text, "审核状态之一", "a review state");
  store::FormRecord record = record_of(ctx, req);
  ReviewState now = state_of(record);
  if (now != *expected) throw state_conflict(record.id, now, *expected);
  const Caller& caller = req.caller;
  access::Target target = ctx.gate.target_of_form(record);
  bool has_reason = reason.find_first_not_of(" \t\r\n") != std::string::npos;
  auto decision = access::decide_transition(*action, caller.principal, target, now, has_reason);
  switch (decision.verdict) {
  case access::TransitionVerdict::Allowed:
    break;
  case access::TransitionVerdict::NeedsLogin:
  case access::TransitionVerdict::NotYourForm:
    ctx.gate.require(access::EndpointId::form_transition, caller, target); // throws 401/403
    [[fallthrough]];
  case access::TransitionVerdict::NotInThisState: {
    JsonOut details;
    details.begin_object().key("form_id").integer(record.id);
    details.key("review_state").string(access::state_name(now));
    details.key("action").string(access::action_name(*action));
    details.key("allowed");
    write_offers(details, offers(caller, target, now));
    details.end_object();
    throw ApiError(409, "transition_not_allowed",
                   diag::make(DiagId::err_transition_not_allowed, "",
                              {std::string(access::state_name_zh(now)),
                               diag::bilingual(access::role_name_zh(caller.principal.role),
                                               access::role_name(caller.principal.role)),
                               diag::bilingual(access::action_name_zh(*action),
                                               access::action_name(*action))}),
                   details.take());
  }
  case access::TransitionVerdict::ReasonRequired: {
    JsonOut details;
    details.begin_object().key("field").string("reason").end_object();
    throw ApiError(400, "reason_required",
                   diag::make(DiagId::err_reason_required, "",
                              {diag::bilingual(access::action_name_zh(*action),
                                               access::action_name(*action))}),
                   details.take());
  }
  }
  auto& log = ctx.bench.store().review_log();
  store::TransitionResult result =
      log.transition({record.id, *action, now, caller.principal.role, caller.actor(), reason});
  using Outcome = store::TransitionResult::Outcome;
  if (result.outcome == Outcome::NotFound) throw form_not_found(record.id);
  if (result.outcome == Outcome::Conflict) throw state_conflict(record.id, result.state, now);
  if (result.outcome != Outcome::Done) // the table said yes a moment ago: the same table
    throw ApiError(409, "transition_not_allowed",
                   diag::make(DiagId::err_transition_not_allowed, "",
                              {std::string(access::state_name_zh(now)),
                               std::string(access::role_name_zh(caller.principal.role)),
                               std::string(access::action_name_zh(*action))}));
  auto events = log.events(record.id);
  JsonOut out;
  out.begin_object();
  out.key("form_id").integer(record.id);
  out.key("review_state").string(access::state_name(result.state));
  out.key("review_state_label").string(access::state_name_zh(result.state));
  out.key("status").string(store::status_name(store::coarse_status(result.state)));
  out.key("event");
  if (!events.empty())
    write_event(out, events.back());
  else
    out.null();
  out.end_object();
  send_json(res, 200, out.take());
}

void comment(RouteContext& ctx, const Request& req, Response& res) {
  JsonValue body = parse_object_body(req.body);
  std::string path = string_member(body, "path").value_or("");
  std::string text = string_member(body, "text", true).value_or("");
  if (path.size() > 200)
    throw bad_parameter("path", path.substr(0, 40), "不超过 200 字节的表单路径",
                        "a form path of at most 200 bytes");
  if (text.find_first_not_of(" \t\r\n") == std::string::npos || text.size() > 4000)
    throw bad_parameter("text", text.substr(0, 40), "1 到 4000 字节的意见",
                        "a comment of 1 to 4000 bytes");
  store::FormRecord record = record_of(ctx, req);
  ReviewState state = state_of(record);
  if (!access::may_comment(state, req.caller.principal.role))
    throw not_in_review(record, state, req.caller.principal.role);
  auto added = ctx.bench.store().review_log().add_comment(
      record.id, path, text, req.caller.principal.role, req.caller.actor());
  if (!added) throw form_not_found(record.id);
  JsonOut out;
  write_comment(out, *added);
  send_json(res, 201, out.take());
}

// "goals[2].indicators[5]" → the indicator's declared score; nullopt when no such leaf.
std::optional<const model::Indicator*> leaf_at(const model::Form& form, const std::string& path) {
  static const std::regex pattern(R"(goals\[(\d{1,4})\]\.indicators\[(\d{1,4})\])");
  std::smatch m;
  if (!std::regex_match(path, m, pattern)) return std::nullopt;
  std::size_t goal = std::stoul(m[1]), indicator = std::stoul(m[2]);
  if (goal >= form.goals.size() || indicator >= form.goals[goal].indicators.size())
    return std::nullopt;
  return &form.goals[goal].indicators[indicator];
}

void review_scores(RouteContext& ctx, const Request& req, Response& res) {
  JsonValue body = parse_object_body(req.body);
  const JsonValue* items = array_member(body, "scores", true);
  store::StoredForm stored = ctx.bench.stored(path_id(req), std::nullopt);
  ReviewState state = state_of(stored.record);
  if (!access::may_score(state, req.caller.principal.role))
    throw not_in_review(stored.record, state, req.caller.principal.role);
  std::vector<store::ReviewScore> scores;
  for (const JsonValue& item : items->items()) {
    if (!item.is(io::json::JsonType::Object))
      throw bad_parameter("scores", "…", "对象数组", "an array of objects");
    store::ReviewScore s;
    s.path = *string_member(item, "path", true);
    s.reviewer_score = *decimal_member(item, "reviewer_score", true);
    s.reason = string_member(item, "reason").value_or("");
    auto leaf = leaf_at(stored.form, s.path);
    if (!leaf) {
      JsonOut details;
      details.begin_object().key("path").string(s.path).end_object();
      throw ApiError(400, "invalid_field", diag::make(DiagId::err_not_a_leaf, s.path, {s.path}),
                     details.take());
    }
    s.self_score = (*leaf)->score;
    if (s.self_score) s.difference = s.reviewer_score - *s.self_score;
    scores.push_back(std::move(s));
  }
  if (scores.empty()) throw bad_parameter("scores", "[]", "至少一项", "at least one score");
  auto& log = ctx.bench.store().review_log();
  for (const auto& s : scores)
    if (!log.set_score(stored.record.id, s, req.caller.actor()))
      throw form_not_found(stored.record.id);
  JsonOut out;
  out.begin_object().key("form_id").integer(stored.record.id).key("scores").begin_array();
  for (const auto& s : log.scores(stored.record.id)) write_score(out, s);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

} // namespace

void add_review_routes(Router& router, RouteContext& ctx) {
  using E = access::EndpointId;
  auto bind = [&ctx](void (*route)(RouteContext&, const Request&, Response&)) {
    return [&ctx, route](const Request& req, Response& res) { route(ctx, req, res); };
  };
  router.add(E::todo, bind(todo));
  router.add(E::form_review_get, bind(review));
  router.add(E::form_transition, bind(transition));
  router.add(E::form_comment, bind(comment));
  router.add(E::form_review_scores, bind(review_scores));
}

} // namespace ziping::server
