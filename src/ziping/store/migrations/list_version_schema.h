// store/migrations/list_version_schema.h — migration 9 (branch scale-pg4, issue 13): a version
// number of what a form list can select, raised by every transaction that writes forms,
// departments or org_scope, so that the store counts a list's matches once per version
// (SqlStore::list_forms) instead of once per page.
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view list_version_schema();

} // namespace ziping::store
