// store/sqlite/sqlite_store.h — the default store: one SQLite file in WAL mode (readers never
// wait for the writer), foreign keys on, writers queueing through busy_timeout. SQLiteCpp is
// included in this folder only.
#pragma once

#include <memory>
#include <string>

#include "ziping/store/store.h"

namespace ziping::store {

// Opens (creating when absent) the database file at `path` and migrates it. Throws StoreError.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, std::size_t connections = 8);

} // namespace ziping::store
