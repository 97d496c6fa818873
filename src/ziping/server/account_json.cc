#include "ziping/server/account_json.h"

namespace ziping::server {
namespace {

void org_ref_members(JsonOut& out, const store::Org& org) {
  out.key("id").integer(org.id);
  out.key("kind").string(access::org_kind_name(org.kind));
  out.key("kind_label").string(access::org_kind_name_zh(org.kind));
  out.key("name").string(org.name);
}

void optional_id(JsonOut& out, const std::optional<store::Id>& id) {
  if (id)
    out.integer(*id);
  else
    out.null();
}

} // namespace

void write_org_ref(JsonOut& out, const store::Org& org) {
  out.begin_object();
  org_ref_members(out, org);
  out.end_object();
}

void write_org(JsonOut& out, const store::Org& org) {
  out.begin_object();
  org_ref_members(out, org);
  out.key("code").string(org.code);
  out.key("parent_id");
  optional_id(out, org.parent_id);
  out.key("department_id");
  optional_id(out, org.department_id);
  out.end_object();
}

void write_user(JsonOut& out, store::Directory& directory, const store::User& user, bool admin) {
  out.begin_object();
  out.key("id").integer(user.id);
  out.key("login").string(user.login);
  out.key("name").string(user.name);
  out.key("role").string(access::role_name(user.role));
  out.key("role_label").string(access::role_name_zh(user.role));
  out.key("org");
  std::optional<store::Org> org = user.org_id ? directory.org(*user.org_id) : std::nullopt;
  if (org)
    write_org_ref(out, *org);
  else
    out.null();
  out.key("disabled").boolean(user.disabled);
  if (admin) {
    out.key("failed_logins").integer(user.failed_logins);
    out.key("locked_until").string(user.locked_until);
    out.key("created_at").string(user.created_at);
  }
  out.end_object();
}

void write_token(JsonOut& out, const store::ApiToken& token) {
  out.begin_object();
  out.key("id").integer(token.id);
  if (!token.token.empty()) out.key("token").string(token.token);
  out.key("label").string(token.label);
  out.key("created_at").string(token.created_at);
  out.key("expires_at").string(token.expires_at);
  out.key("last_used_at").string(token.last_used_at);
  out.end_object();
}

} // namespace ziping::server
