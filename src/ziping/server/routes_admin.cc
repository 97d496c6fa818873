// Administration over HTTP: accounts, the organisation tree and the audit trail — what
// `ziping user`, `ziping org import` and `ziping audit` do from the command line.
#include <map>

#include "ziping/access/org_csv.h"
#include "ziping/diag/render.h"
#include "ziping/server/account_json.h"
#include "ziping/server/api_error.h"
#include "ziping/server/json_out.h"
#include "ziping/server/request_json.h"
#include "ziping/server/routes.h"
#include "ziping/store/audit_trail.h"
#include "ziping/store/directory.h"

namespace ziping::server {
namespace {

using diag::DiagId;

ApiError field_error(int status, std::string code, diag::Diagnostic d, const std::string& field) {
  JsonOut details;
  details.begin_object().key("field").string(field).end_object();
  return ApiError(status, std::move(code), std::move(d), details.take());
}

void list_users(RouteContext& ctx, const Request&, Response& res) {
  auto& directory = ctx.bench.store().directory();
  JsonOut out;
  out.begin_object().key("users").begin_array();
  for (const auto& user : directory.users()) write_user(out, directory, user, true);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

void create_user(RouteContext& ctx, const Request& req, Response& res) {
  JsonValue body = parse_object_body(req.body);
  store::NewUser n;
  n.login = *string_member(body, "login", true);
  n.name = string_member(body, "name").value_or("");
  std::string role = *string_member(body, "role", true);
  auto parsed = access::parse_role(role);
  if (!parsed || *parsed == access::Role::Public)
    throw field_error(400, "invalid_field",
                      diag::make(DiagId::err_role_unknown, "", {role, access::role_names()}),
                      "role");
  n.role = *parsed;
  if (auto org = integer_member(body, "org_id")) n.org_id = *org;
  n.password = *string_member(body, "password", true);
  auto& directory = ctx.bench.store().directory();
  store::AddUser added = directory.add_user(n, req.caller.actor());
  using Outcome = store::AddUser::Outcome;
  switch (added.outcome) {
  case Outcome::Added:
    break;
  case Outcome::LoginTaken:
    throw field_error(409, "user_exists", diag::make(DiagId::err_user_exists, "", {n.login}),
                      "login");
  case Outcome::BadLogin:
    throw field_error(400, "invalid_field",
                      diag::make(DiagId::err_user_login_invalid, "", {n.login}), "login");
  case Outcome::WeakPassword:
    throw field_error(
        400, "invalid_field",
        diag::make(DiagId::err_password_short, "", {std::to_string(store::kMinPasswordBytes)}),
        "password");
  case Outcome::BadOrg: {
    auto kind = access::org_kind_of(n.role);
    if (!kind)
      throw field_error(400, "invalid_field", diag::make(DiagId::err_admin_org, ""), "org_id");
    throw field_error(
        400, "invalid_field",
        diag::make(
            DiagId::err_user_org_required, "",
            {diag::bilingual(access::role_name_zh(n.role), access::role_name(n.role)),
             diag::bilingual(access::org_kind_name_zh(*kind), access::org_kind_name(*kind))}),
        "org_id");
  }
  }
  JsonOut out;
  write_user(out, directory, *added.user, true);
  res.set_header("Location", "/api/users/" + std::to_string(added.user->id));
  send_json(res, 201, out.take());
}

void update_user(RouteContext& ctx, const Request& req, Response& res) {
  store::Id id = path_id(req);
  auto& directory = ctx.bench.store().directory();
  auto user = directory.user(id);
  if (!user) {
    JsonOut details;
    details.begin_object().key("user_id").integer(id).end_object();
    throw ApiError(404, "not_found",
                   diag::make(DiagId::err_user_not_found, "", {std::to_string(id)}),
                   details.take());
  }
  JsonValue body = parse_object_body(req.body);
  auto password = string_member(body, "password");
  auto disabled = bool_member(body, "disabled");
  if (password && password->size() < store::kMinPasswordBytes)
    throw field_error(
        400, "invalid_field",
        diag::make(DiagId::err_password_short, "", {std::to_string(store::kMinPasswordBytes)}),
        "password");
  if (password) directory.set_password(user->login, *password, req.caller.actor());
  if (disabled) directory.set_disabled(user->login, *disabled, req.caller.actor());
  JsonOut out;
  write_user(out, directory, *directory.user(id), true);
  send_json(res, 200, out.take());
}

// An administrator sees the whole tree; anyone else the organisations above their own and
// those under it — not the names of units they have nothing to do with.
void list_orgs(RouteContext& ctx, const Request& req, Response& res) {
  std::vector<store::Org> orgs = ctx.bench.store().directory().orgs();
  const access::Principal& who = req.caller.principal;
  if (who.role != access::Role::Admin) {
    std::map<store::Id, std::optional<store::Id>> parent;
    for (const auto& o : orgs) parent[o.id] = o.parent_id;
    auto reaches = [&](store::Id from, store::Id to) { // `to` is `from` or above it
      for (std::optional<store::Id> at = from; at; at = parent[*at])
        if (*at == to) return true;
      return false;
    };
    std::erase_if(orgs, [&](const store::Org& o) {
      return !who.org || !(reaches(*who.org, o.id) || reaches(o.id, *who.org));
    });
  }
  JsonOut out;
  out.begin_object().key("orgs").begin_array();
  for (const auto& org : orgs) write_org(out, org);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

void import_orgs(RouteContext& ctx, const Request& req, Response& res) {
  access::OrgCsv csv = access::read_org_csv(req.body, "orgs.csv");
  std::vector<diag::Diagnostic> problems = csv.diagnostics;
  store::OrgImport result;
  if (problems.empty()) {
    result = ctx.bench.store().directory().import_orgs(csv.rows, req.caller.actor());
    problems = result.diagnostics;
  }
  if (!problems.empty()) {
    JsonOut details;
    details.begin_object().key("diagnostics").raw(diag::render_json(problems)).end_object();
    throw ApiError(422, "invalid_orgs", problems.front(), details.take());
  }
  JsonOut out;
  out.begin_object().key("created").integer(result.created).key("updated").integer(result.updated);
  out.end_object();
  send_json(res, 200, out.take());
}

void write_entry(JsonOut& out, const store::AuditEntry& e) {
  out.begin_object();
  out.key("seq").integer(e.seq);
  out.key("at").string(e.at);
  out.key("actor").string(e.record.actor.name);
  out.key("user_id");
  if (e.record.actor.user_id)
    out.integer(*e.record.actor.user_id);
  else
    out.null();
  out.key("action").string(e.record.action);
  out.key("form_id");
  if (e.record.form_id)
    out.integer(*e.record.form_id);
  else
    out.null();
  out.key("revision").optional_integer(e.record.revision);
  out.key("detail").string(e.record.detail);
  out.key("prev_hash").string(e.prev_hash);
  out.key("hash").string(e.hash);
  out.end_object();
}

void list_audit(RouteContext& ctx, const Request& req, Response& res) {
  auto after = integer_param(req, "after", 0, INT64_MAX).value_or(0);
  int limit = int(integer_param(req, "limit", 1, 500).value_or(100));
  std::optional<store::Id> form;
  if (auto id = integer_param(req, "form", 1, INT64_MAX)) form = *id;
  bool newest = false;
  if (auto order = text_param(req, "order")) {
    if (*order != "oldest" && *order != "newest")
      throw bad_parameter("order", *order, "oldest 或 newest", "oldest or newest");
    newest = *order == "newest";
  }
  JsonOut out;
  out.begin_object().key("entries").begin_array();
  for (const auto& e : ctx.bench.store().audit_trail().entries(after, limit, form, newest))
    write_entry(out, e);
  out.end_array().end_object();
  send_json(res, 200, out.take());
}

void verify_audit(RouteContext& ctx, const Request&, Response& res) {
  store::AuditVerification v = ctx.bench.store().audit_trail().verify();
  JsonOut out;
  out.begin_object();
  out.key("ok").boolean(v.ok);
  out.key("entries").integer(v.entries);
  out.key("head").string(v.head);
  out.key("broken");
  if (v.broken)
    out.integer(*v.broken);
  else
    out.null();
  out.key("problem").string(v.problem);
  // What kind of break (the UI says it in Chinese, as `ziping audit verify` does).
  using P = store::AuditVerification::Problem;
  out.key("kind").string(v.kind == P::Changed    ? "changed"
                         : v.kind == P::Unlinked ? "unlinked"
                         : v.kind == P::Gap      ? "gap"
                                                 : "none");
  out.end_object();
  send_json(res, 200, out.take());
}

} // namespace

void add_admin_routes(Router& router, RouteContext& ctx) {
  using E = access::EndpointId;
  auto bind = [&ctx](void (*route)(RouteContext&, const Request&, Response&)) {
    return [&ctx, route](const Request& req, Response& res) { route(ctx, req, res); };
  };
  router.add(E::users_list, bind(list_users));
  router.add(E::users_create, bind(create_user));
  router.add(E::users_update, bind(update_user));
  router.add(E::orgs_list, bind(list_orgs));
  router.add(E::orgs_import, bind(import_orgs));
  router.add(E::audit_list, bind(list_audit));
  router.add(E::audit_verify, bind(verify_audit));
}

} // namespace ziping::server
