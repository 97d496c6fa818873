// store/sqlite/sqlite_store.h — the default store: one SQLite file in WAL mode (readers never
// wait for the writer), foreign keys on, writers queueing through busy_timeout. SQLiteCpp is
// included in this folder only.
#pragma once

#include <memory>
#include <string>

#include "ziping/store/sql.h"
#include "ziping/store/store.h"

namespace ziping::store {

// Opens (creating when absent) the database file at `path` and migrates it. Throws StoreError.
// One connection to the file (WAL, foreign keys, busy timeout), for a store of the caller's
// making: tests wrap it to inject faults between the store's statements.
std::unique_ptr<SqlConnection> open_sqlite_connection(const std::string& path);

std::unique_ptr<Store> open_sqlite_store(const std::string& path, std::size_t connections = 8);

} // namespace ziping::store
