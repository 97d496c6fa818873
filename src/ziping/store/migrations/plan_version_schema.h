// store/migrations/plan_version_schema.h — migration 12 (branch scale-pg5, issue 13): writes of
// plans raise the list version too, because a form list's response shows the chain of the
// page's forms (their linked 申报表 and 监控表), and the server keeps whole responses per
// version (server/list_cache.h).
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view plan_version_schema();

} // namespace ziping::store
