// store/sql.h — the narrow waist between the store's logic and a database driver: a connection
// that runs one SQL text with positional parameters ($1, $2, … in both dialects) and returns
// rows of text cells. Everything the store knows (schema, queries, the mapping of a Form to
// rows, optimistic saves) is written once above this; a backend (sqlite/, postgres/) only
// implements SqlConnection. Dialect differences are explicit: Dialect values, never guesses.
//
// Values cross as text or 64-bit integers only, so exact decimals stay exact: a Decimal goes
// in as its text ("0.80") and comes back as the same text (SQLite TEXT, PostgreSQL NUMERIC).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ziping::store {

enum class Dialect { SQLite, PostgreSQL };

using SqlParam = std::variant<std::monostate, std::int64_t, std::string>; // monostate = NULL
using SqlCell = std::optional<std::string>;                               // nullopt = NULL
using SqlRow = std::vector<SqlCell>;
using SqlRows = std::vector<SqlRow>;

// One database connection. Not thread-safe: the pool hands it to one caller at a time.
// Failures throw StoreError (store.h) with a ZP07xx diagnostic.
class SqlConnection {
public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  virtual SqlRows query(std::string_view sql, std::span<const SqlParam> params) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, std::span<const SqlParam> params) = 0;
  // Several statements without parameters (migrations); outside a transaction (PostgreSQL),
  // each commits on its own, as VACUUM needs.
  virtual void execute_script(std::string_view sql) = 0;
  // Appends rows to `table`: `values` holds them one after another, `width` values each, in the
  // order of `columns` ("a, b, c"). The default is multi-row INSERTs of kRowsPerInsert rows;
  // PostgreSQL streams many rows with COPY (one round trip, no parameter parsing).
  virtual void append_rows(std::string_view table, std::string_view columns, std::size_t width,
                           std::span<const SqlParam> values);
  // `write`: the transaction will write. SQLite takes the write lock at once (BEGIN IMMEDIATE)
  // so that two writers queue instead of deadlocking on the upgrade.
  virtual void begin(bool write) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0; // never throws
  // False after a failure that may have left the connection unusable (the pool drops it).
  virtual bool healthy() const { return true; }
};

// Rows per multi-row INSERT: few round trips, far below both dialects' parameter limits.
inline constexpr std::size_t kRowsPerInsert = 100;

// INSERT INTO table (columns) VALUES (…), (…) [suffix] for `values.size() / width` rows, in
// statements of at most kRowsPerInsert rows. The suffix is ON CONFLICT … when one is needed.
void insert_values(SqlConnection& connection, std::string_view table, std::string_view columns,
                   std::size_t width, std::span<const SqlParam> values,
                   std::string_view suffix = "");

using ConnectionFactory = std::function<std::unique_ptr<SqlConnection>()>;

// A bounded set of open connections. lease() waits while all are in use.
class ConnectionPool {
public:
  ConnectionPool(ConnectionFactory factory, std::size_t size);

  class Lease {
  public:
    Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> connection);
    Lease(Lease&&) = default;
    ~Lease();
    SqlConnection& operator*() { return *connection_; }
    SqlConnection* operator->() { return connection_.get(); }

  private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> connection_;
  };
  Lease lease();

private:
  void give_back(std::unique_ptr<SqlConnection> connection);

  ConnectionFactory factory_;
  std::size_t size_;
  std::size_t open_ = 0;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

// A transaction on a leased connection: rolled back unless commit() was called.
class Transaction {
public:
  Transaction(SqlConnection& connection, bool write);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

  SqlRows query(std::string_view sql, std::initializer_list<SqlParam> params = {});
  SqlRows query(std::string_view sql, std::span<const SqlParam> params);
  std::int64_t execute(std::string_view sql, std::initializer_list<SqlParam> params = {});
  std::int64_t execute(std::string_view sql, std::span<const SqlParam> params);
  // SqlConnection::append_rows / insert_values on this transaction's connection.
  void append_rows(std::string_view table, std::string_view columns, std::size_t width,
                   std::span<const SqlParam> values);
  void insert_values(std::string_view table, std::string_view columns, std::size_t width,
                     std::span<const SqlParam> values, std::string_view suffix = "");
  Dialect dialect() const { return connection_.dialect(); }

private:
  SqlConnection& connection_;
  bool open_ = true;
};

} // namespace ziping::store
