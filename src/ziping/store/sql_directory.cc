// The directory over SQL: organisations, users, login with lockout, sessions, API tokens.
#include <algorithm>
#include <ctime>
#include <map>

#include "ziping/crypto/crypto.h"
#include "ziping/store/migrations/series_scope_schema.h"
#include "ziping/store/sql_accounts.h"
#include "ziping/store/sql_store.h"

namespace ziping::store {
namespace {

using diag::DiagId;
using namespace cells;

constexpr std::string_view kOrgColumns = "id, kind, name, code, parent_id, department_id";
constexpr std::string_view kUserColumns =
    "id, login, name, role, org_id, disabled, failed_logins, locked_until, created_at";
constexpr std::size_t kUserWidth = 9;             // the columns above, as user_from reads them
constexpr std::string_view kTokenPrefix = "zpt_"; // API tokens say what they are in a log

Org org_from(const SqlRow& row) {
  Org o;
  o.id = integer(row[0]);
  o.kind = access::parse_org_kind(text(row[1])).value_or(OrgKind::Unit);
  o.name = text(row[2]);
  o.code = text(row[3]);
  o.parent_id = maybe_integer(row[4]);
  o.department_id = maybe_integer(row[5]);
  return o;
}

User user_from(const SqlRow& row) {
  User u;
  u.id = integer(row[0]);
  u.login = text(row[1]);
  u.name = text(row[2]);
  u.role = access::parse_role(text(row[3])).value_or(Role::Filler);
  u.org_id = maybe_integer(row[4]);
  u.disabled = integer(row[5]) != 0;
  u.failed_logins = int(integer(row[6]));
  u.locked_until = text(row[7]);
  u.created_at = text(row[8]);
  return u;
}

bool valid_login(const std::string& login) {
  if (login.empty() || login.size() > 64) return false;
  return std::none_of(login.begin(), login.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f;
  });
}

std::string bilingual_kind(OrgKind kind) {
  return diag::bilingual(access::org_kind_name_zh(kind), access::org_kind_name(kind));
}

// The hash under which a token is stored (tokens are 256 random bits: SHA-256 is enough).
std::string token_hash(const std::string& token) {
  return crypto::sha256_hex(token);
}

class SqlDirectory final : public Directory {
public:
  explicit SqlDirectory(ConnectionPool& pool) : pool_(pool) {}

  // ---- organisations

  std::vector<Org> orgs() override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<Org> out;
    for (const auto& row :
         tx.query("SELECT " + std::string(kOrgColumns) + " FROM orgs ORDER BY id"))
      out.push_back(org_from(row));
    return out;
  }

  std::optional<Org> org(Id id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    auto rows = tx.query("SELECT " + std::string(kOrgColumns) + " FROM orgs WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return org_from(rows[0]);
  }

  std::optional<Org> find_org(OrgKind kind, const std::string& name) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    return find(tx, kind, name);
  }

  OrgImport import_orgs(std::span<const OrgRow> rows, const Actor& actor) override {
    OrgImport result;
    auto c = pool_.lease();
    Transaction tx(*c, true);
    std::map<std::pair<OrgKind, std::string>, int> seen; // → line
    for (const auto& row : rows) {
      auto fail = [&](diag::Diagnostic d) {
        d.where = row.where;
        result.diagnostics.push_back(std::move(d));
      };
      if (row.name.empty()) {
        fail(diag::make(DiagId::err_org_name_empty, ""));
        continue;
      }
      auto [at, fresh] = seen.emplace(std::pair(row.kind, row.name), row.where.line);
      if (!fresh) {
        fail(diag::make(DiagId::err_org_duplicate, "",
                        {bilingual_kind(row.kind), row.name, std::to_string(at->second)}));
        continue;
      }
      std::optional<Id> parent;
      auto parent_kind = access::parent_kind_of(row.kind);
      if (!parent_kind && !row.parent.empty()) {
        fail(diag::make(DiagId::err_org_parent_forbidden, "", {row.name}));
        continue;
      }
      if (parent_kind) {
        if (row.parent.empty()) {
          fail(diag::make(DiagId::err_org_parent_required, "",
                          {bilingual_kind(row.kind), row.name, bilingual_kind(*parent_kind)}));
          continue;
        }
        auto p = find(tx, *parent_kind, row.parent);
        if (!p) {
          fail(diag::make(DiagId::err_org_parent_missing, "",
                          {bilingual_kind(*parent_kind), row.parent}));
          continue;
        }
        parent = p->id;
      }
      std::optional<Id> department;
      if (row.kind == OrgKind::Unit) department = ensure_department(tx, row.name);
      auto existing = find(tx, row.kind, row.name);
      if (!existing) {
        tx.execute("INSERT INTO orgs (kind, name, code, parent_id, department_id, created_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6)",
                   {std::string(access::org_kind_name(row.kind)), row.name, row.code, maybe(parent),
                    maybe(department), now_utc()});
        ++result.created;
      } else if (existing->code != row.code || existing->parent_id != parent ||
                 existing->department_id != department) {
        tx.execute("UPDATE orgs SET code = $1, parent_id = $2, department_id = $3 WHERE id = $4",
                   {row.code, maybe(parent), maybe(department), existing->id});
        ++result.updated;
      }
    }
    if (!result.diagnostics.empty()) return result; // rolled back
    c->execute_script(org_scope_rebuild());
    append_audit(tx, {actor, "org.import", std::nullopt, std::nullopt,
                      std::to_string(result.created) + " created, " +
                          std::to_string(result.updated) + " updated"});
    tx.commit();
    return result;
  }

  std::vector<Id> unit_chain(Id department_id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<Id> chain;
    auto rows = tx.query("SELECT id, parent_id FROM orgs WHERE department_id = $1 AND kind = "
                         "'unit'",
                         {department_id});
    std::optional<Id> parent;
    if (!rows.empty()) {
      chain.push_back(integer(rows[0][0]));
      parent = maybe_integer(rows[0][1]);
    }
    // The tree is three levels deep; the bound guards against a cycle made by hand.
    while (parent && chain.size() < 8) {
      chain.push_back(*parent);
      auto up = tx.query("SELECT parent_id FROM orgs WHERE id = $1", {*parent});
      parent = up.empty() ? std::nullopt : maybe_integer(up[0][0]);
    }
    return chain;
  }

  std::vector<Id> departments_under(Id org_id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<Id> out;
    for (const auto& row : tx.query("SELECT department_id FROM org_scope WHERE org_id = $1 ORDER "
                                    "BY department_id",
                                    {org_id}))
      out.push_back(integer(row[0]));
    return out;
  }

  // ---- users

  std::int64_t user_count() override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    return integer(tx.query("SELECT COUNT(*) FROM users").at(0).at(0));
  }

  std::vector<User> users() override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<User> out;
    for (const auto& row :
         tx.query("SELECT " + std::string(kUserColumns) + " FROM users ORDER BY id"))
      out.push_back(user_from(row));
    return out;
  }

  std::optional<User> user(Id id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    auto rows = tx.query("SELECT " + std::string(kUserColumns) + " FROM users WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return user_from(rows[0]);
  }

  std::optional<User> find_user(const std::string& login) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    return find_user(tx, login);
  }

  AddUser add_user(const NewUser& u, const Actor& actor) override {
    AddUser result;
    if (!valid_login(u.login)) {
      result.outcome = AddUser::Outcome::BadLogin;
      return result;
    }
    if (u.password.size() < kMinPasswordBytes) {
      result.outcome = AddUser::Outcome::WeakPassword;
      return result;
    }
    std::string hash = crypto::hash_password(u.password); // slow: outside the transaction
    auto c = pool_.lease();
    Transaction tx(*c, true);
    auto wanted = access::org_kind_of(u.role);
    if (wanted.has_value() != u.org_id.has_value()) {
      result.outcome = AddUser::Outcome::BadOrg;
      return result;
    }
    if (u.org_id) {
      auto rows = tx.query("SELECT kind FROM orgs WHERE id = $1", {*u.org_id});
      if (rows.empty() || access::parse_org_kind(text(rows[0][0])) != wanted) {
        result.outcome = AddUser::Outcome::BadOrg;
        return result;
      }
    }
    std::string now = now_utc();
    auto inserted = tx.query(
        "INSERT INTO users (login, name, role, org_id, password_hash, disabled, failed_logins, "
        "locked_until, created_at, password_changed_at) VALUES ($1, $2, $3, $4, $5, 0, 0, '', "
        "$6, $6) ON CONFLICT (login) DO NOTHING RETURNING id",
        {u.login, u.name, std::string(access::role_name(u.role)), maybe(u.org_id), hash, now});
    if (inserted.empty()) {
      result.outcome = AddUser::Outcome::LoginTaken;
      return result;
    }
    append_audit(tx, {actor, "user.add", std::nullopt, std::nullopt,
                      u.login + " " + std::string(access::role_name(u.role))});
    result.user = find_user(tx, u.login);
    tx.commit();
    return result;
  }

  bool set_password(const std::string& login, const std::string& password,
                    const Actor& actor) override {
    if (password.size() < kMinPasswordBytes) return false;
    std::string hash = crypto::hash_password(password);
    auto c = pool_.lease();
    Transaction tx(*c, true);
    auto changed = tx.execute("UPDATE users SET password_hash = $1, password_changed_at = $2, "
                              "failed_logins = 0, locked_until = '' WHERE login = $3",
                              {hash, now_utc(), login});
    if (changed != 1) return false;
    // A new password ends every session made with the old one.
    tx.execute("UPDATE sessions SET revoked = 1 WHERE user_id = (SELECT id FROM users WHERE "
               "login = $1)",
               {login});
    append_audit(tx, {actor, "user.passwd", std::nullopt, std::nullopt, login});
    tx.commit();
    return true;
  }

  bool set_disabled(const std::string& login, bool disabled, const Actor& actor) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    auto changed = tx.execute("UPDATE users SET disabled = $1 WHERE login = $2",
                              {std::int64_t(disabled ? 1 : 0), login});
    if (changed != 1) return false;
    if (disabled) {
      tx.execute("UPDATE sessions SET revoked = 1 WHERE user_id = (SELECT id FROM users WHERE "
                 "login = $1)",
                 {login});
      tx.execute("UPDATE api_tokens SET revoked = 1 WHERE user_id = (SELECT id FROM users WHERE "
                 "login = $1)",
                 {login});
    }
    append_audit(
        tx, {actor, disabled ? "user.disable" : "user.enable", std::nullopt, std::nullopt, login});
    tx.commit();
    return true;
  }

  // ---- login

  Login login(const std::string& login, const std::string& password, Clock::time_point now,
              const LoginPolicy& policy) override {
    Login result;
    std::string now_text = utc_text(now);
    std::optional<std::string> hash;
    std::optional<User> u;
    {
      auto c = pool_.lease();
      Transaction tx(*c, false);
      u = find_user(tx, login);
      if (u) {
        auto rows = tx.query("SELECT password_hash FROM users WHERE id = $1", {u->id});
        hash = text(rows.at(0).at(0));
      }
    }
    if (u && !u->locked_until.empty() && now_text < u->locked_until) {
      result.outcome = Login::Outcome::Locked;
      result.retry_after = u->locked_until;
      record(Actor{u->id, login}, "login.locked", "");
      return result;
    }
    // An unknown login costs the same hash as a known one, so timing does not tell them apart.
    bool ok = crypto::verify_password(hash ? *hash : dummy_hash(), password) && u.has_value();
    auto c = pool_.lease();
    Transaction tx(*c, true);
    Actor actor{u ? std::optional<Id>(u->id) : std::nullopt, login};
    if (!ok) {
      if (u) {
        int failures = u->failed_logins + 1;
        std::string until;
        if (failures > policy.free_attempts) {
          auto lock =
              policy.first_lock * (1LL << std::min(failures - policy.free_attempts - 1, 20));
          until = utc_text(now + std::min<std::chrono::seconds>(lock, policy.max_lock));
        }
        tx.execute("UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3",
                   {std::int64_t(failures), until, u->id});
        if (!until.empty()) {
          result.outcome = Login::Outcome::Locked;
          result.retry_after = until;
        }
      }
      append_audit(tx, {actor, "login.failed", std::nullopt, std::nullopt,
                        u ? "wrong password" : "unknown login"});
      tx.commit();
      return result;
    }
    if (u->disabled) {
      append_audit(tx, {actor, "login.disabled", std::nullopt, std::nullopt, ""});
      tx.commit();
      result.outcome = Login::Outcome::Disabled;
      return result;
    }
    Session s;
    s.token = crypto::random_token();
    s.csrf_token = crypto::random_token();
    s.expires_at = utc_text(now + policy.session_lifetime);
    tx.execute("UPDATE users SET failed_logins = 0, locked_until = '' WHERE id = $1", {u->id});
    tx.execute("INSERT INTO sessions (token_hash, csrf_hash, user_id, created_at, expires_at, "
               "revoked) VALUES ($1, $2, $3, $4, $5, 0)",
               {token_hash(s.token), token_hash(s.csrf_token), u->id, now_text, s.expires_at});
    append_audit(tx, {actor, "login.ok", std::nullopt, std::nullopt, ""});
    tx.commit();
    if (crypto::needs_rehash(*hash)) set_hash(u->id, password);
    u->failed_logins = 0;
    u->locked_until.clear();
    s.user = *u;
    result.outcome = Login::Outcome::Ok;
    result.session = std::move(s);
    return result;
  }

  std::optional<User> session_user(const std::string& token, Clock::time_point now) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    auto rows = tx.query("SELECT user_id FROM sessions WHERE token_hash = $1 AND revoked = 0 AND "
                         "expires_at > $2",
                         {token_hash(token), utc_text(now)});
    if (rows.empty()) return std::nullopt;
    auto rows2 = tx.query("SELECT " + std::string(kUserColumns) + " FROM users WHERE id = $1",
                          {integer(rows[0][0])});
    if (rows2.empty()) return std::nullopt;
    User u = user_from(rows2[0]);
    if (u.disabled) return std::nullopt;
    return u;
  }

  bool check_csrf(const std::string& session_token, const std::string& csrf_token) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    auto rows = tx.query("SELECT csrf_hash FROM sessions WHERE token_hash = $1 AND revoked = 0",
                         {token_hash(session_token)});
    return !rows.empty() && crypto::equal_constant_time(text(rows[0][0]), token_hash(csrf_token));
  }

  void end_session(const std::string& token, const Actor& actor) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    if (tx.execute("UPDATE sessions SET revoked = 1 WHERE token_hash = $1 AND revoked = 0",
                   {token_hash(token)}) == 1)
      append_audit(tx, {actor, "logout", std::nullopt, std::nullopt, ""});
    tx.commit();
  }

  ApiToken create_api_token(Id user_id, const std::string& label,
                            std::optional<Clock::time_point> expires, const Actor& actor) override {
    ApiToken t;
    t.token = std::string(kTokenPrefix) + crypto::random_token();
    t.label = label;
    t.created_at = now_utc();
    t.expires_at = expires ? utc_text(*expires) : "";
    auto c = pool_.lease();
    Transaction tx(*c, true);
    auto rows = tx.query("INSERT INTO api_tokens (token_hash, user_id, label, created_at, "
                         "expires_at, last_used_at, revoked) VALUES ($1, $2, $3, $4, $5, '', 0) "
                         "RETURNING id",
                         {token_hash(t.token), user_id, label, t.created_at, t.expires_at});
    t.id = integer(rows.at(0).at(0));
    append_audit(tx, {actor, "token.create", std::nullopt, std::nullopt,
                      "token " + std::to_string(t.id) + " " + label});
    tx.commit();
    return t;
  }

  std::vector<ApiToken> api_tokens(Id user_id) override {
    auto c = pool_.lease();
    Transaction tx(*c, false);
    std::vector<ApiToken> out;
    for (const auto& row : tx.query("SELECT id, label, created_at, expires_at, last_used_at FROM "
                                    "api_tokens WHERE user_id = $1 AND revoked = 0 ORDER BY id",
                                    {user_id}))
      out.push_back(
          ApiToken{integer(row[0]), "", text(row[1]), text(row[2]), text(row[3]), text(row[4])});
    return out;
  }

  bool revoke_api_token(Id token_id, Id user_id, const Actor& actor) override {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    if (tx.execute("UPDATE api_tokens SET revoked = 1 WHERE id = $1 AND user_id = $2 AND revoked "
                   "= 0",
                   {token_id, user_id}) != 1)
      return false;
    append_audit(tx, {actor, "token.revoke", std::nullopt, std::nullopt,
                      "token " + std::to_string(token_id)});
    tx.commit();
    return true;
  }

  std::optional<User> api_token_user(const std::string& token, Clock::time_point now) override {
    if (!token.starts_with(kTokenPrefix)) return std::nullopt;
    std::string now_text = utc_text(now);
    auto c = pool_.lease();
    std::optional<User> u;
    Id token_id = 0;
    std::string last_used;
    {
      // One statement (every API request of a script asks it): the token and its user.
      static const std::string kSql = [] {
        std::string columns;
        for (std::string_view rest = kUserColumns; !rest.empty();) {
          auto comma = rest.find(", ");
          columns += "u." + std::string(rest.substr(0, comma)) + ", ";
          rest = comma == std::string_view::npos ? "" : rest.substr(comma + 2);
        }
        return "SELECT " + columns +
               "t.id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE "
               "t.token_hash = $1 AND t.revoked = 0 AND (t.expires_at = '' OR t.expires_at > $2)";
      }();
      Transaction tx(*c, false);
      auto rows = tx.query(kSql, {token_hash(token), now_text});
      if (rows.empty()) return std::nullopt;
      u = user_from(rows[0]);
      token_id = integer(rows[0][kUserWidth]);
      last_used = text(rows[0][kUserWidth + 1]);
    }
    if (u->disabled) return std::nullopt;
    // The last use to the minute: a write transaction on every request of a script would cost
    // more than the request (a commit, and SQLite's one writer at a time).
    if (last_used.substr(0, 16) != now_text.substr(0, 16)) {
      Transaction tx(*c, true);
      tx.execute("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2", {now_text, token_id});
      tx.commit();
    }
    return u;
  }

private:
  static std::optional<Org> find(Transaction& tx, OrgKind kind, const std::string& name) {
    auto rows =
        tx.query("SELECT " + std::string(kOrgColumns) + " FROM orgs WHERE kind = $1 AND name = $2",
                 {std::string(access::org_kind_name(kind)), name});
    if (rows.empty()) return std::nullopt;
    return org_from(rows[0]);
  }

  static std::optional<User> find_user(Transaction& tx, const std::string& login) {
    auto rows =
        tx.query("SELECT " + std::string(kUserColumns) + " FROM users WHERE login = $1", {login});
    if (rows.empty()) return std::nullopt;
    return user_from(rows[0]);
  }

  static Id ensure_department(Transaction& tx, const std::string& name) {
    tx.execute("INSERT INTO departments (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO "
               "NOTHING",
               {name, now_utc()});
    return integer(tx.query("SELECT id FROM departments WHERE name = $1", {name}).at(0).at(0));
  }

  void record(const Actor& actor, std::string action, std::string detail) {
    auto c = pool_.lease();
    Transaction tx(*c, true);
    append_audit(tx, {actor, std::move(action), std::nullopt, std::nullopt, std::move(detail)});
    tx.commit();
  }

  void set_hash(Id user_id, const std::string& password) {
    std::string hash = crypto::hash_password(password);
    auto c = pool_.lease();
    Transaction tx(*c, true);
    tx.execute("UPDATE users SET password_hash = $1 WHERE id = $2", {hash, user_id});
    tx.commit();
  }

  const std::string& dummy_hash() {
    std::call_once(dummy_once_, [&] { dummy_ = crypto::hash_password("ziping: no such user"); });
    return dummy_;
  }

  ConnectionPool& pool_;
  std::once_flag dummy_once_;
  std::string dummy_;
};

} // namespace

std::string utc_text(Clock::time_point at) {
  using namespace std::chrono;
  auto ms = duration_cast<milliseconds>(at.time_since_epoch()).count();
  std::time_t seconds = std::time_t(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(ms % 1000));
  return buffer;
}

std::unique_ptr<Directory> make_sql_directory(ConnectionPool& pool) {
  return std::make_unique<SqlDirectory>(pool);
}

} // namespace ziping::store
