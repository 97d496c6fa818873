#include "ziping/store/open/open_store.h"

#include "ziping/store/postgres/postgres_store.h"
#include "ziping/store/sqlite/sqlite_store.h"

namespace ziping::store {

std::optional<StoreAddress> parse_store_address(const std::string& url) {
  using Backend = StoreAddress::Backend;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return StoreAddress{Backend::PostgreSQL, url};
  if (url.starts_with("sqlite://")) return StoreAddress{Backend::SQLite, url.substr(9)};
  if (url.starts_with("sqlite:")) return StoreAddress{Backend::SQLite, url.substr(7)};
  if (url.empty() || url.find("://") != std::string::npos) return std::nullopt;
  return StoreAddress{Backend::SQLite, url};
}

std::unique_ptr<Store> open_store(const std::string& url, std::size_t connections) {
  auto address = parse_store_address(url);
  if (!address || address->target.empty())
    throw StoreError(diag::make(diag::DiagId::err_store_url, "", {url}));
  if (address->backend == StoreAddress::Backend::PostgreSQL)
    return open_postgres_store(address->target, connections);
  return open_sqlite_store(address->target, connections);
}

} // namespace ziping::store
