// store/sql_store.h — the Store written once over SqlConnection: migrations, the mapping of a
// Form to rows and back, filters as SQL, optimistic saves. The backends (sqlite/, postgres/)
// supply connections; nothing here knows which driver runs the SQL except through Dialect.
#pragma once

#include <memory>
#include <string>

#include "ziping/store/sql.h"
#include "ziping/store/store.h"

namespace ziping::store {

struct SqlStoreOptions {
  Dialect dialect = Dialect::SQLite;
  std::string backend;     // "sqlite", "postgresql"
  std::string description; // shown to people: the file, or host/database without password
  std::size_t connections = 8;
};

// Opens one connection at once (so a bad address fails here, not on the first request) and
// brings the schema up to date. Throws StoreError.
std::unique_ptr<Store> make_sql_store(SqlStoreOptions options, ConnectionFactory factory);

// The current time as stored: ISO 8601 UTC with milliseconds, "2026-11-28T16:08:01.123Z".
std::string now_utc();

} // namespace ziping::store
