// store/directory.h — organisations and people: the tree 财政局 → 主管部门 → 预算单位, users
// with a role, passwords (argon2id), login with slow-down and lockout, sessions and API tokens.
//
// Form → unit: a 预算单位 is tied to the department row its forms name (`form.department`), so
// a form belongs to the unit whose name is its department's. A department no unit claims is
// outside every tree: only an administrator reaches its forms until `ziping org import` places
// it.
//
// Secrets are stored hashed only: passwords as argon2id strings, session, CSRF and API tokens as
// SHA-256 (they are 256 random bits, so a slow hash would add nothing). The token itself is
// returned once, when it is made.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ziping/access/org_csv.h"
#include "ziping/access/role.h"
#include "ziping/diag/diagnostic.h"
#include "ziping/store/audit_trail.h"

namespace ziping::store {

using Clock = std::chrono::system_clock;
using access::OrgKind;
using access::OrgRow;
using access::Role;

struct Org {
  Id id = 0;
  OrgKind kind = OrgKind::Unit;
  std::string name;
  std::string code;
  std::optional<Id> parent_id;
  std::optional<Id> department_id; // units only: the department their forms name
};

struct OrgImport {
  int created = 0;
  int updated = 0;                           // code or parent changed
  std::vector<diag::Diagnostic> diagnostics; // non-empty: nothing was written
};

struct User {
  Id id = 0;
  std::string login;
  std::string name;
  Role role = Role::Filler;
  std::optional<Id> org_id;
  bool disabled = false;
  int failed_logins = 0;
  std::string locked_until; // ISO 8601 UTC, "" when not locked
  std::string created_at;
};

struct NewUser {
  std::string login;
  std::string name;
  Role role = Role::Filler;
  std::optional<Id> org_id; // required for every role but admin, of the role's kind
  std::string password;
};

struct AddUser {
  enum class Outcome { Added, LoginTaken, BadOrg, BadLogin, WeakPassword };
  Outcome outcome = Outcome::Added;
  std::optional<User> user;
};

// Failed logins: the first kFreeAttempts are free; each further failure locks the account for
// kFirstLock, doubling, up to kMaxLock. A success resets the count. Locked: the password is not
// even checked (no oracle), and the answer says when to try again.
struct LoginPolicy {
  int free_attempts = 5;
  std::chrono::seconds first_lock{30};
  std::chrono::seconds max_lock{15 * 60};
  std::chrono::seconds session_lifetime{8 * 60 * 60}; // one working day
};
inline constexpr std::size_t kMinPasswordBytes = 8;

struct Session {
  std::string token;      // the cookie value: returned once, stored hashed
  std::string csrf_token; // echoed by the client on every state-changing request
  std::string expires_at;
  User user;
};

struct Login {
  enum class Outcome { Ok, Wrong, Locked, Disabled };
  Outcome outcome = Outcome::Wrong;
  std::optional<Session> session; // Ok
  std::string retry_after;        // Locked: ISO 8601 UTC
};

struct ApiToken {
  Id id = 0;
  std::string token; // returned once when created; empty in listings
  std::string label;
  std::string created_at;
  std::string expires_at;   // "" never
  std::string last_used_at; // to the minute: not written again within the same minute
};

class Directory {
public:
  virtual ~Directory() = default;

  // ---- organisations
  virtual std::vector<Org> orgs() = 0;
  virtual std::optional<Org> org(Id id) = 0;
  virtual std::optional<Org> find_org(OrgKind kind, const std::string& name) = 0;
  // All or nothing; a unit gets (or is tied to) the department of the same name.
  virtual OrgImport import_orgs(std::span<const OrgRow> rows, const Actor& actor) = 0;
  // The unit that owns `department_id` and its ancestors (unit, 主管部门, 财政局); empty when
  // no unit claims the department. This is access::Target::unit_chain.
  virtual std::vector<Id> unit_chain(Id department_id) = 0;
  // Departments of every unit at or under `org` (a unit: itself).
  virtual std::vector<Id> departments_under(Id org) = 0;

  // ---- users
  virtual std::int64_t user_count() = 0;
  virtual std::vector<User> users() = 0;
  virtual std::optional<User> user(Id id) = 0;
  virtual std::optional<User> find_user(const std::string& login) = 0;
  virtual AddUser add_user(const NewUser& user, const Actor& actor) = 0;
  // False when no such user (or the password is shorter than kMinPasswordBytes).
  virtual bool set_password(const std::string& login, const std::string& password,
                            const Actor& actor) = 0;
  // Disabling also ends the user's sessions and revokes their tokens.
  virtual bool set_disabled(const std::string& login, bool disabled, const Actor& actor) = 0;

  // ---- login, sessions, API tokens
  virtual Login login(const std::string& login, const std::string& password, Clock::time_point now,
                      const LoginPolicy& policy = {}) = 0;
  // The user behind a live session token; nullopt when unknown, expired, ended or disabled.
  virtual std::optional<User> session_user(const std::string& token, Clock::time_point now) = 0;
  virtual bool check_csrf(const std::string& session_token, const std::string& csrf_token) = 0;
  virtual void end_session(const std::string& token, const Actor& actor) = 0;
  virtual ApiToken create_api_token(Id user_id, const std::string& label,
                                    std::optional<Clock::time_point> expires,
                                    const Actor& actor) = 0;
  virtual std::vector<ApiToken> api_tokens(Id user_id) = 0;
  virtual bool revoke_api_token(Id token_id, Id user_id, const Actor& actor) = 0;
  virtual std::optional<User> api_token_user(const std::string& token, Clock::time_point now) = 0;
};

// ISO 8601 UTC with milliseconds, as the store writes every time.
std::string utc_text(Clock::time_point at);

} // namespace ziping::store
