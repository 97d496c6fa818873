// store/open/open_store.h — picks the backend from a database address, the one place that
// knows both: `ziping.db`, `sqlite:path/to.db` or `sqlite:///abs/path.db` open SQLite;
// `postgresql://…` (or `postgres://…`) opens PostgreSQL.
#pragma once

#include <memory>
#include <string>

#include "ziping/store/store.h"

namespace ziping::store {

struct StoreAddress {
  enum class Backend { SQLite, PostgreSQL };
  Backend backend = Backend::SQLite;
  std::string target; // the file path, or the libpq URI
};

// nullopt for an address with a scheme this program does not know (ZP0702).
std::optional<StoreAddress> parse_store_address(const std::string& url);

// Opens and migrates the store. Throws StoreError (ZP0701–ZP0704).
std::unique_ptr<Store> open_store(const std::string& url, std::size_t connections = 8);

} // namespace ziping::store
