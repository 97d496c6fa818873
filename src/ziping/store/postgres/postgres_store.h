// store/postgres/postgres_store.h — the store on a PostgreSQL server (libpqxx 6.4; its headers
// are included in this folder only), for a deployment where many people work at once.
#pragma once

#include <memory>
#include <string>

#include "ziping/store/store.h"

namespace ziping::store {

// `url` is a libpq connection URI (postgresql://user@host:port/db?…). Connects, migrates.
// Throws StoreError.
std::unique_ptr<Store> open_postgres_store(const std::string& url, std::size_t connections = 8);

// The URI without its password, for messages and logs.
std::string redact_url(const std::string& url);

} // namespace ziping::store
