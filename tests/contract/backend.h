// tests/contract/backend.h — a fresh, empty database of the backend under test, for each test.
//
// The backend comes from ZIPING_STORE_BACKEND ("sqlite" or "postgresql"; CTest sets it). SQLite:
// a file in a new temporary directory. PostgreSQL: a new schema in the database named by
// ZIPING_TEST_PG_URL (scripts/pg_throwaway.sh provides one), selected through the URL's
// search_path, so every test starts from nothing without creating a database.
#pragma once

#include <memory>
#include <string>

#include "ziping/store/store.h"

namespace ziping::testing {

class Backend {
public:
  // Fails the calling test (ADD_FAILURE + empty url) when the backend cannot be prepared.
  static std::unique_ptr<Backend> fresh();
  virtual ~Backend() = default;

  virtual std::string name() const = 0; // "sqlite", "postgresql"
  // The address for store::open_store / `ziping serve --db`.
  virtual std::string url() const = 0;
  // Runs SQL directly, bypassing the store (to damage or inspect a database on purpose).
  virtual void execute(const std::string& sql) = 0;
  virtual std::string scalar(const std::string& sql) = 0;
};

std::string backend_under_test();

} // namespace ziping::testing
