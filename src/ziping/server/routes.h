// server/routes.h — internal to server/: the routes by resource and what they share. Each
// route translates a request into Workbench calls and answers JSON; errors are thrown as
// ApiError and rendered in one place (http_server.cc).
#pragma once

#include <optional>
#include <string>

#include <map>

#include "ziping/server/gate.h"
#include "ziping/server/http_server.h"
#include "ziping/server/http_types.h"
#include "ziping/server/list_cache.h"
#include "ziping/store/store.h"

namespace ziping::server {

inline constexpr const char* kJson = "application/json; charset=utf-8";

// What the routes share: the workbench, the gate (for the unit in a body and list filters)
// and the review settings.
struct RouteContext {
  Workbench& bench;
  Gate& gate;
  std::map<int, std::string> deadlines; // year → "YYYY-MM-DD" (ServerOptions::deadlines)
  ListCache lists;                      // GET /api/forms' responses per data version
};

void add_form_routes(Router& router, RouteContext& context);
void add_transfer_routes(Router& router, RouteContext& context);
void add_catalog_routes(Router& router, RouteContext& context);
void add_session_routes(Router& router, RouteContext& context);
void add_review_routes(Router& router, RouteContext& context);
void add_progress_routes(Router& router, RouteContext& context); // routes_progress.cc
void add_admin_routes(Router& router, RouteContext& context);
void add_analysis_routes(Router& router, RouteContext& context);
void add_plan_routes(Router& router, RouteContext& context); // the chain (routes_plans.cc)

void send_json(Response& response, int status, std::string body);

// Query parameters; ApiError 400 invalid_parameter when present but malformed.
std::optional<std::string> text_param(const Request& request, const std::string& name);
std::optional<long long> integer_param(const Request& request, const std::string& name,
                                       long long min, long long max);
std::optional<store::Status> status_param(const Request& request);
// The path capture `index` as an id (the route's regex guarantees digits); a number too large
// for an id is a 404 naming it as written.
store::Id path_id(const Request& request, std::size_t index = 1);

} // namespace ziping::server
