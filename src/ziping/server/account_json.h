// server/account_json.h — users, organisations and tokens as the API writes them (the shapes
// of docs/openapi.yaml: ids with their Chinese labels beside them).
#pragma once

#include "ziping/server/json_out.h"
#include "ziping/store/directory.h"

namespace ziping::server {

void write_org_ref(JsonOut& out, const store::Org& org); // {id, kind, kind_label, name}
void write_org(JsonOut& out, const store::Org& org);     // + code, parent_id, department_id
// `admin`: also failed_logins, locked_until, created_at (GET /api/users).
void write_user(JsonOut& out, store::Directory& directory, const store::User& user, bool admin);
void write_token(JsonOut& out, const store::ApiToken& token);

} // namespace ziping::server
