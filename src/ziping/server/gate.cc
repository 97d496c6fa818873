#include "ziping/server/gate.h"

#include <algorithm>

#include "ziping/access/review_chain.h"
#include "ziping/crypto/crypto.h"
#include "ziping/server/api_error.h"
#include "ziping/server/json_out.h"
#include "ziping/server/routes.h"
#include "ziping/store/directory.h"
#include "ziping/store/plan_shelf.h"
#include "ziping/store/review_log.h"

namespace ziping::server {
namespace {

using diag::DiagId;

std::string lower(std::string text) {
  for (auto& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool is_write(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

ApiError origin_refused(const std::string& reason, const std::string& value) {
  JsonOut details;
  details.begin_object().key("reason").string(reason).key("value").string(value).end_object();
  return ApiError(403, "origin_refused",
                  diag::make(DiagId::err_origin_refused, "", {reason + " " + value}),
                  details.take());
}

ApiError login_required() {
  return ApiError(401, "login_required", diag::make(DiagId::err_login_required, ""));
}

ApiError forbidden(access::EndpointId id, const Caller& caller, access::Relation relation) {
  const auto& e = access::endpoint(id);
  std::string route = std::string(access::method_name(e.method)) + " " + std::string(e.path);
  JsonOut details;
  details.begin_object();
  details.key("endpoint").string(e.name);
  details.key("role").string(access::role_name(caller.principal.role));
  details.key("relation").string(access::relation_name(relation));
  details.end_object();
  return ApiError(403, "forbidden",
                  diag::make(DiagId::err_forbidden, "",
                             {diag::bilingual(access::role_name_zh(caller.principal.role),
                                              access::role_name(caller.principal.role)),
                              route, std::string(access::relation_name(relation))}),
                  details.take());
}

// The value of cookie `name` in a Cookie header ("a=1; ziping_session=…").
std::string cookie_value(const std::string& header, std::string_view name) {
  std::string_view rest = header;
  while (!rest.empty()) {
    std::size_t semi = rest.find(';');
    std::string_view pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
  }
  return "";
}

// "example.org:8080" → "example.org"; "[::1]:80" → "[::1]".
std::string host_name(const std::string& authority) {
  if (authority.starts_with("[")) return authority.substr(0, authority.find(']') + 1);
  return authority.substr(0, authority.find(':'));
}

bool form_in_path(access::EndpointId id) {
  const auto& e = access::endpoint(id);
  return e.scope == access::Scope::Unit && e.path.starts_with("/api/forms/{id}");
}

// A route about one plan of the chain: decided on the plan's department, as for a form.
bool plan_in_path(access::EndpointId id) {
  const auto& e = access::endpoint(id);
  return e.scope == access::Scope::Unit && e.path.starts_with("/api/plans/{id}");
}

} // namespace

Gate::Gate(store::Store& store, GateOptions options) : store_(store), options_(std::move(options)) {
  for (const auto& origin : options_.public_origins) {
    std::string o = lower(origin);
    while (o.ends_with('/')) o.pop_back();
    origins_.push_back(o);
    if (o.starts_with("https://")) secure_ = true;
    std::size_t scheme = o.find("://");
    hosts_.push_back(host_name(scheme == std::string::npos ? o : o.substr(scheme + 3)));
  }
}

void Gate::listen_on(const std::string& host, int port) {
  std::string p = std::to_string(port);
  std::vector<std::string> names;
  bool v6 = host.find(':') != std::string::npos;
  names.push_back(v6 ? "[" + lower(host) + "]" : lower(host));
  bool loopback_or_any = host == "127.0.0.1" || host == "::1" || host == "0.0.0.0" ||
                         host == "::" || host == "localhost";
  if (loopback_or_any)
    for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) names.push_back(name);
  for (const auto& name : names) {
    hosts_.push_back(name);
    origins_.push_back("http://" + name + ":" + p);
  }
}

void Gate::check_origin(const Request& req) const {
  std::string host = lower(req.get_header_value("host"));
  // HTTP/1.0 may lack Host (the transport refuses an HTTP/1.1 request without one); a browser
  // always sends it, so DNS rebinding (a foreign name resolving to us) is caught here. The
  // name decides, not the port: a proxy may forward its own.
  if (!host.empty() && std::find(hosts_.begin(), hosts_.end(), host_name(host)) == hosts_.end())
    throw origin_refused("host", host);
  if (!is_write(req.method)) return;
  std::string origin = lower(req.get_header_value("origin"));
  if (!origin.empty() && std::find(origins_.begin(), origins_.end(), origin) == origins_.end())
    throw origin_refused("origin", origin);
  std::string site = lower(req.get_header_value("sec-fetch-site"));
  if (site == "cross-site" || site == "same-site") throw origin_refused("fetch_site", site);
  // The bodies a page on another site can send without the browser asking first (text/plain,
  // form-encoded): no route of ours reads them, so a write carrying one is refused outright.
  std::string type = lower(req.get_header_value("content-type"));
  if (type.starts_with("text/plain") || type.starts_with("application/x-www-form-urlencoded"))
    throw origin_refused("content_type", type);
}

Caller Gate::identify(const Request& req) {
  Caller caller;
  auto now = store::Clock::now();
  std::string authorization = req.get_header_value("authorization");
  if (!authorization.empty()) {
    std::string_view value = authorization;
    if (value.size() > 7 && lower(std::string(value.substr(0, 7))) == "bearer ") {
      std::string token(value.substr(7));
      auto user = store_.directory().api_token_user(token, now);
      if (!user) throw ApiError(401, "login_required", diag::make(DiagId::err_token_invalid, ""));
      caller.via = Caller::Via::Token;
      caller.principal = {user->role, user->org_id};
      caller.user = std::move(user);
      return caller;
    }
    throw ApiError(401, "login_required", diag::make(DiagId::err_token_invalid, ""));
  }
  std::string token = cookie_value(req.get_header_value("cookie"), kSessionCookie);
  if (token.empty()) return caller;
  auto user = store_.directory().session_user(token, now);
  if (!user) return caller; // ended or expired: nobody
  caller.via = Caller::Via::Session;
  caller.principal = {user->role, user->org_id};
  caller.user = std::move(user);
  caller.session_token = std::move(token);
  return caller;
}

void Gate::check_csrf(const Request& req) {
  if (req.caller.via != Caller::Via::Session || !is_write(req.method)) return;
  // Logging in again over a live session needs no token of the old one.
  if (req.endpoint == access::EndpointId::session_create) return;
  std::string token = req.get_header_value(kCsrfHeader);
  if (token.empty() || !crypto::equal_constant_time(token, csrf_token(req.caller.session_token)))
    throw ApiError(403, "csrf_failed", diag::make(DiagId::err_csrf_failed, ""));
}

void Gate::authorize(const Request& req) {
  access::EndpointId id = *req.endpoint;
  const auto& e = access::endpoint(id);
  access::Target target;
  if (e.scope == access::Scope::Unit) {
    if (plan_in_path(id)) {
      store::Id plan_id = path_id(req);
      auto plan = store_.plans().record(plan_id);
      if (!plan) {
        if (req.caller.principal.role == access::Role::Public) throw login_required();
        throw plan_not_found(plan_id);
      }
      target.unit_chain = store_.directory().unit_chain(plan->department_id);
      require(id, req.caller, target);
      return;
    }
    if (!form_in_path(id)) {
      // The unit is in the body: the handler asks require() before it writes. A role that may
      // do this for no unit at all is refused now, before the body is read.
      if (e.allow[std::size_t(req.caller.principal.role)] == access::allow::No)
        require(id, req.caller, target);
      return;
    }
    store::Id form_id = path_id(req);
    auto record = store_.form_record(form_id);
    // The public asking about a form that is not theirs to see learns nothing from 404 vs 401.
    if (!record) {
      if (req.caller.principal.role == access::Role::Public &&
          access::decide(id, req.caller.principal, {}).needs_login)
        throw login_required();
      throw form_not_found(form_id);
    }
    target = target_of_form(*record);
  }
  require(id, req.caller, target);
}

void Gate::require(access::EndpointId id, const Caller& caller,
                   const access::Target& target) const {
  access::Decision d = access::decide(id, caller.principal, target);
  if (d.allowed) return;
  if (d.needs_login) throw login_required();
  throw forbidden(id, caller, d.relation);
}

access::Target Gate::target_of_form(const store::FormRecord& record) {
  access::Target target;
  target.unit_chain = store_.directory().unit_chain(record.department_id);
  target.published = record.review_state == "published";
  return target;
}

access::Target Gate::target_of_department(const std::string& department) {
  access::Target target;
  if (auto unit = store_.directory().find_org(access::OrgKind::Unit, department))
    if (unit->department_id)
      target.unit_chain = store_.directory().unit_chain(*unit->department_id);
  return target;
}

void Gate::restrict(store::FormFilter& filter, const Caller& caller) {
  using namespace access::allow;
  access::Allowance a =
      access::endpoint(access::EndpointId::form_get).allow[std::size_t(caller.principal.role)];
  if (a & OtherBit) return; // every form
  filter.or_published = (a & PublishedBit) != 0;
  std::vector<store::Id> departments;
  if ((a & UnderBit) && caller.principal.org) {
    // Joined in SQL (org_scope): a 财政局's scope is every unit of the province.
    filter.visible_under = *caller.principal.org;
  } else if ((a & OwnBit) && caller.principal.org) {
    // Own only: the caller's own unit's department, not those under it.
    auto org = store_.directory().org(*caller.principal.org);
    if (org && org->department_id) departments.push_back(*org->department_id);
  }
  filter.visible_departments = std::move(departments);
}

std::optional<std::vector<store::Id>> Gate::visible_departments(const Caller& caller) {
  store::FormFilter filter;
  restrict(filter, caller);
  if (filter.visible_under) {
    auto under = store_.directory().departments_under(*filter.visible_under);
    filter.visible_departments->insert(filter.visible_departments->end(), under.begin(),
                                       under.end());
  }
  return filter.visible_departments;
}

std::optional<int> Gate::login_throttled(const std::string& address) {
  std::lock_guard lock(failures_mutex_);
  auto found = failures_.find(address);
  if (found == failures_.end()) return std::nullopt;
  auto now = std::chrono::steady_clock::now();
  auto& times = found->second;
  while (!times.empty() && now - times.front() > options_.login_window) times.pop_front();
  if (times.empty()) {
    failures_.erase(found);
    return std::nullopt;
  }
  if (int(times.size()) < options_.login_failures_per_address) return std::nullopt;
  auto wait = std::chrono::duration_cast<std::chrono::seconds>(options_.login_window -
                                                               (now - times.front()));
  return std::max<int>(1, int(wait.count()) + 1);
}

void Gate::login_failed(const std::string& address) {
  std::lock_guard lock(failures_mutex_);
  auto& times = failures_[address];
  times.push_back(std::chrono::steady_clock::now());
  // Bounded: only the newest failures matter for the limit.
  while (times.size() > std::size_t(std::max(1, options_.login_failures_per_address)))
    times.pop_front();
  // Bounded number of addresses: forget the oldest quiet ones under a flood.
  if (failures_.size() > 100000) failures_.erase(failures_.begin());
}

std::string Gate::csrf_token(const std::string& session_token) const {
  return crypto::sha256_hex("ziping-csrf\n" + session_token);
}

std::string Gate::session_cookie(const std::string& token) const {
  std::string cookie = std::string(kSessionCookie) + "=" + token +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(store::LoginPolicy{}.session_lifetime.count());
  if (secure_) cookie += "; Secure";
  return cookie;
}

std::string Gate::cleared_cookie() const {
  std::string cookie =
      std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
  if (secure_) cookie += "; Secure";
  return cookie;
}

std::string content_security_policy(const std::string& style_hash) {
  std::string style = "'self'";
  if (!style_hash.empty()) style += " 'sha256-" + style_hash + "'";
  return "default-src 'self'; script-src 'self'; style-src " + style +
         "; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}

void add_security_headers(Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
}

} // namespace ziping::server
