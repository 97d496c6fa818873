// store/migrations/accounts_schema.h — the SQL of the accounts migration (issue 10), kept in
// its own file so that the one list in migrations.cc gains a line, not a page.
#pragma once

#include <string_view>

namespace ziping::store {

// Organisations, users, sessions, API tokens, the review chain's state and records, and the
// audit trail.
std::string_view accounts_schema();

} // namespace ziping::store
