// Sessions and API tokens: who am I (GET /api/session), log in and out, change one's password,
// and one's tokens for scripts. The cookie's value never appears in a body; the CSRF token is
// handed out here and checked by the gate on every write made with the cookie.
#include <cstdio>
#include <ctime>

#include "ziping/server/account_json.h"
#include "ziping/server/api_error.h"
#include "ziping/server/json_out.h"
#include "ziping/server/request_json.h"
#include "ziping/server/routes.h"
#include "ziping/store/directory.h"

namespace ziping::server {
namespace {

using diag::DiagId;

// Seconds from now until an ISO 8601 UTC time ("2026-12-07T06:50:01.123Z"); at least 1.
long long seconds_until(const std::string& at) {
  std::tm tm{};
  int ms = 0;
  if (std::sscanf(at.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms) < 6)
    return 1;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  long long then = timegm(&tm);
  long long now = std::time(nullptr);
  return std::max(1LL, then - now + 1);
}

void write_session(JsonOut& out, store::Directory& directory, const Caller& caller,
                   const std::string& csrf_token, const std::string& expires_at) {
  out.begin_object();
  out.key("authenticated").boolean(caller.user.has_value());
  out.key("via").string(caller.via == Caller::Via::Session ? "session"
                        : caller.via == Caller::Via::Token ? "token"
                                                           : "none");
  out.key("role").string(access::role_name(caller.principal.role));
  out.key("role_label").string(access::role_name_zh(caller.principal.role));
  out.key("user");
  if (caller.user)
    write_user(out, directory, *caller.user, false);
  else
    out.null();
  out.key("csrf_token");
  if (caller.via == Caller::Via::Session && !csrf_token.empty())
    out.string(csrf_token);
  else
    out.null();
  out.key("csrf_header").string(kCsrfHeader);
  out.key("expires_at");
  if (caller.via == Caller::Via::Session && !expires_at.empty())
    out.string(expires_at);
  else
    out.null();
  out.end_object();
}

// A session the store just made, as the caller of this answer.
Caller caller_of(const store::Session& session) {
  Caller caller;
  caller.via = Caller::Via::Session;
  caller.user = session.user;
  caller.principal = {session.user.role, session.user.org_id};
  caller.session_token = session.token;
  return caller;
}

void answer_login(RouteContext& ctx, const store::Session& session, Response& res) {
  res.set_header("Set-Cookie", ctx.gate.session_cookie(session.token));
  JsonOut out;
  write_session(out, ctx.bench.store().directory(), caller_of(session),
                ctx.gate.csrf_token(session.token), session.expires_at);
  send_json(res, 200, out.take());
}

// GET /api/session: the caller, and for a session its CSRF token (derived from the session's
// secret, so a page that reloads gets the same one: Gate::csrf_token).
void get_session(RouteContext& ctx, const Request& req, Response& res) {
  JsonOut out;
  std::string csrf;
  if (req.caller.via == Caller::Via::Session) csrf = ctx.gate.csrf_token(req.caller.session_token);
  write_session(out, ctx.bench.store().directory(), req.caller, csrf,
                req.caller.session_expires_at);
  send_json(res, 200, out.take());
}

void login(RouteContext& ctx, const Request& req, Response& res) {
  if (auto wait = ctx.gate.login_throttled(req.remote_address)) {
    res.set_header("Retry-After", std::to_string(*wait));
    JsonOut details;
    details.begin_object().key("retry_after_seconds").integer(*wait).end_object();
    throw ApiError(429, "too_many_attempts",
                   diag::make(DiagId::err_too_many_attempts, "", {std::to_string(*wait)}),
                   details.take());
  }
  JsonValue body = parse_object_body(req.body);
  std::string name = *string_member(body, "login", true);
  std::string password = *string_member(body, "password", true);
  store::Login result = ctx.bench.store().directory().login(name, password, store::Clock::now());
  switch (result.outcome) {
  case store::Login::Outcome::Ok:
    answer_login(ctx, *result.session, res);
    return;
  case store::Login::Outcome::Locked: {
    ctx.gate.login_failed(req.remote_address);
    res.set_header("Retry-After", std::to_string(seconds_until(result.retry_after)));
    JsonOut details;
    details.begin_object().key("retry_after").string(result.retry_after).end_object();
    throw ApiError(429, "login_locked",
                   diag::make(DiagId::err_login_locked, "", {result.retry_after}), details.take());
  }
  case store::Login::Outcome::Wrong:
  case store::Login::Outcome::Disabled:
    break;
  }
  // A disabled account is answered as a wrong password: nothing tells which logins exist.
  ctx.gate.login_failed(req.remote_address);
  throw ApiError(401, "login_failed", diag::make(DiagId::err_login_failed, ""));
}

void logout(RouteContext& ctx, const Request& req, Response& res) {
  if (req.caller.via == Caller::Via::Session)
    ctx.bench.store().directory().end_session(req.caller.session_token, req.caller.actor());
  res.set_header("Set-Cookie", ctx.gate.cleared_cookie());
  res.set_header("Cache-Control", "no-store");
  res.status = 204;
}

void change_password(RouteContext& ctx, const Request& req, Response& res) {
  JsonValue body = parse_object_body(req.body);
  std::string current = *string_member(body, "current_password", true);
  std::string fresh = *string_member(body, "new_password", true);
  auto& directory = ctx.bench.store().directory();
  const store::User& user = *req.caller.user;
  if (fresh.size() < store::kMinPasswordBytes) {
    JsonOut details;
    details.begin_object().key("field").string("new_password").end_object();
    throw ApiError(
        400, "invalid_field",
        diag::make(DiagId::err_password_short, "", {std::to_string(store::kMinPasswordBytes)}),
        details.take());
  }
  // The current password, checked as a login is (so it counts toward the lockout).
  store::Login check = directory.login(user.login, current, store::Clock::now());
  if (check.outcome != store::Login::Outcome::Ok) {
    ctx.gate.login_failed(req.remote_address);
    throw ApiError(403, "login_failed", diag::make(DiagId::err_login_failed, ""));
  }
  directory.set_password(user.login, fresh, req.caller.actor()); // ends every session
  store::Login again = directory.login(user.login, fresh, store::Clock::now());
  if (again.outcome != store::Login::Outcome::Ok)
    throw ApiError(403, "login_failed", diag::make(DiagId::err_login_failed, ""));
  answer_login(ctx, *again.session, res);
}

void list_tokens(RouteContext& ctx, const Request& req, Response& res) {
  JsonOut out;
  out.begin_object().key("tokens").begin_array();
  for (const auto& token : ctx.bench.store().directory().api_tokens(req.caller.user->id))
    write_token(out, token);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

void create_token(RouteContext& ctx, const Request& req, Response& res) {
  JsonValue body = parse_object_body(req.body.empty() ? "{}" : req.body);
  std::string label = string_member(body, "label").value_or("");
  std::optional<store::Clock::time_point> expires;
  if (auto days = integer_member(body, "expires_in_days")) {
    if (*days < 1 || *days > 3650)
      throw bad_parameter("expires_in_days", std::to_string(*days), "1 到 3650 之间的整数",
                          "an integer from 1 to 3650");
    expires = store::Clock::now() + std::chrono::hours(24 * *days);
  }
  store::ApiToken token = ctx.bench.store().directory().create_api_token(
      req.caller.user->id, label, expires, req.caller.actor());
  JsonOut out;
  write_token(out, token);
  send_json(res, 201, out.take());
}

void revoke_token(RouteContext& ctx, const Request& req, Response& res) {
  store::Id id = path_id(req);
  if (!ctx.bench.store().directory().revoke_api_token(id, req.caller.user->id,
                                                      req.caller.actor())) {
    JsonOut details;
    details.begin_object().key("token_id").integer(id).end_object();
    throw ApiError(404, "not_found",
                   diag::make(DiagId::err_no_such_endpoint, "", {"DELETE", req.path}),
                   details.take());
  }
  res.set_header("Cache-Control", "no-store");
  res.status = 204;
}

} // namespace

void add_session_routes(Router& router, RouteContext& ctx) {
  using E = access::EndpointId;
  auto bind = [&ctx](void (*route)(RouteContext&, const Request&, Response&)) {
    return [&ctx, route](const Request& req, Response& res) { route(ctx, req, res); };
  };
  router.add(E::session_get, bind(get_session));
  router.add(E::session_create, bind(login));
  router.add(E::session_delete, bind(logout));
  router.add(E::password_change, bind(change_password));
  router.add(E::tokens_list, bind(list_tokens));
  router.add(E::tokens_create, bind(create_token));
  router.add(E::tokens_delete, bind(revoke_token));
}

} // namespace ziping::server
