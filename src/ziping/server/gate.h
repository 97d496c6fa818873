// server/gate.h — who is asking and whether they may, for every request, in one place:
//   1. the request comes from this site (Host, Origin, Sec-Fetch-Site, no "simple" write
//      bodies a foreign page could send without asking): else 403 origin_refused;
//   2. who: a session cookie, an API token (Authorization: Bearer zpt_…) or nobody;
//   3. a write made with the session cookie carries its CSRF token: else 403 csrf_failed;
//   4. the route's row of access/endpoints.def says yes for this caller (and, for a route about
//      one form, for the form's unit): else 401 login_required or 403 forbidden.
// Routes whose unit is in the body (creating a form, an import that saves) ask require()
// themselves before they write; lists ask restrict() so that only visible rows come back.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ziping/access/policy.h"
#include "ziping/server/http_types.h"
#include "ziping/store/store.h"

namespace ziping::server {

inline constexpr const char* kSessionCookie = "ziping_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

struct GateOptions {
  // Behind a reverse proxy: the address people type ("https://ziping.example.gov.cn"). Its
  // Origin and Host are accepted beside the listening address's; an https one marks the
  // session cookie Secure.
  std::vector<std::string> public_origins;
  // Failed logins per client address within login_window before 429 too_many_attempts (the
  // account's own lockout is the store's).
  int login_failures_per_address = 20;
  std::chrono::seconds login_window{600};
};

class Gate {
public:
  Gate(store::Store& store, GateOptions options);

  // The listening address, once bound: its Host and Origin (and localhost's for a loopback or
  // wildcard bind) are the server's own.
  void listen_on(const std::string& host, int port);

  // Step 1: throws ApiError 403 origin_refused.
  void check_origin(const Request& req) const;
  // Step 2: throws ApiError 401 for an API token that is unknown, expired or revoked; an
  // unknown or expired cookie is nobody.
  Caller identify(const Request& req);
  // Step 3 (the route's endpoint known): throws ApiError 403 csrf_failed.
  void check_csrf(const Request& req);
  // Step 4: the row's decision; a route about one form ({id} in its path) is decided on that
  // form's unit (404 when there is no such form). Throws 401/403/404.
  void authorize(const Request& req);

  // For routes whose unit is named in the body: throws 401/403.
  void require(access::EndpointId endpoint, const Caller& caller,
               const access::Target& target) const;
  access::Target target_of_form(const store::FormRecord& record);
  access::Target target_of_department(const std::string& department);
  // Narrows a list's filter to the forms form_get's cell lets the caller read.
  void restrict(store::FormFilter& filter, const Caller& caller);
  // The same scope as a list of department ids (nullopt: every department), for the few
  // callers that need the ids themselves rather than a filter.
  std::optional<std::vector<store::Id>> visible_departments(const Caller& caller);

  // The per-address slow-down of failed logins: seconds to wait, or nullopt.
  std::optional<int> login_throttled(const std::string& address);
  void login_failed(const std::string& address);

  // The CSRF token of a session: SHA-256 of the session's secret under a label. Only someone
  // who holds the cookie (HttpOnly: not even the page's scripts) can compute it, and a page
  // that reloads asks GET /api/session for it again. (The store's random per-session CSRF
  // token is given once at login and cannot be handed out again, since only its hash is kept.)
  std::string csrf_token(const std::string& session_token) const;
  std::string session_cookie(const std::string& token) const; // Set-Cookie value
  std::string cleared_cookie() const;
  bool secure_cookies() const { return secure_; }

private:
  store::Store& store_;
  GateOptions options_;
  std::vector<std::string> origins_; // lower-case "http://127.0.0.1:8080"
  std::vector<std::string> hosts_;   // lower-case names: "127.0.0.1", "localhost"
  bool secure_ = false;
  std::mutex failures_mutex_;
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> failures_;
};

// What every answer carries (nosniff, no framing, no referrer to other sites) and, for HTML,
// the Content-Security-Policy: scripts and styles from this origin only.
void add_security_headers(Response& res);
// The CSP for HTML pages; `style_hash` allows one inline <style> (the placeholder page's).
std::string content_security_policy(const std::string& style_hash = "");

} // namespace ziping::server
