// server/routes.h — internal to server/: the routes by resource and what they share. Each
// route translates a request into Workbench calls and answers JSON; errors are thrown as
// ApiError and rendered in one place (http_server.cc).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "ziping/server/http_server.h"
#include "ziping/store/store.h"

namespace ziping::server {

inline constexpr const char* kJson = "application/json; charset=utf-8";

void add_form_routes(httplib::Server& server, Workbench& workbench);
void add_transfer_routes(httplib::Server& server, Workbench& workbench);
void add_catalog_routes(httplib::Server& server, Workbench& workbench);

void send_json(httplib::Response& response, int status, std::string body);

// Query parameters; ApiError 400 invalid_parameter when present but malformed.
std::optional<std::string> text_param(const httplib::Request& request, const std::string& name);
std::optional<long long> integer_param(const httplib::Request& request, const std::string& name,
                                       long long min, long long max);
std::optional<store::Status> status_param(const httplib::Request& request);
// The path capture `index` as an id (the route's regex guarantees digits).
store::Id path_id(const httplib::Request& request, std::size_t index = 1);

} // namespace ziping::server
