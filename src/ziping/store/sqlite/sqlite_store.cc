#include "ziping/store/sqlite/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <unordered_map>

#include "ziping/store/sql_store.h"

namespace ziping::store {
namespace {

using diag::DiagId;

constexpr int kBusyTimeoutMs = 10000;
constexpr std::size_t kMaxCachedStatements = 256;

[[noreturn]] void fail(const std::exception& error) {
  throw StoreError(diag::make(DiagId::err_store_failure, "", {error.what()}));
}

// A prepared statement with the SQLite parameter index of each $N.
struct Prepared {
  SQLite::Statement statement;
  std::vector<int> index_of; // index_of[n - 1] = index of "$n", 0 when unused

  Prepared(SQLite::Database& db, std::string_view sql, std::size_t parameters)
      : statement(db, std::string(sql)) {
    for (std::size_t n = 1; n <= parameters; ++n)
      index_of.push_back(statement.getIndex(("$" + std::to_string(n)).c_str()));
  }
};

class SqliteConnection final : public SqlConnection {
public:
  explicit SqliteConnection(const std::string& path)
      : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {
    db_.setBusyTimeout(kBusyTimeoutMs);
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA foreign_keys = ON");
  }

  Dialect dialect() const override { return Dialect::SQLite; }

  SqlRows query(std::string_view sql, std::span<const SqlParam> params) override {
    try {
      Prepared& p = prepare(sql, params);
      SqlRows rows;
      int width = p.statement.getColumnCount();
      while (p.statement.executeStep()) {
        SqlRow row;
        row.reserve(std::size_t(width));
        for (int c = 0; c < width; ++c) {
          auto column = p.statement.getColumn(c);
          if (column.isNull())
            row.emplace_back(std::nullopt);
          else
            row.emplace_back(std::string(column.getText(), std::size_t(column.getBytes())));
        }
        rows.push_back(std::move(row));
      }
      p.statement.reset();
      return rows;
    } catch (const SQLite::Exception& error) {
      reset_all();
      fail(error);
    }
  }

  std::int64_t execute(std::string_view sql, std::span<const SqlParam> params) override {
    try {
      Prepared& p = prepare(sql, params);
      while (p.statement.executeStep()) {
      }
      p.statement.reset();
      return sqlite3_changes64(db_.getHandle());
    } catch (const SQLite::Exception& error) {
      reset_all();
      fail(error);
    }
  }

  void execute_script(std::string_view sql) override {
    try {
      db_.exec(std::string(sql));
    } catch (const SQLite::Exception& error) {
      fail(error);
    }
  }

  void begin(bool write) override {
    try {
      db_.exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
    } catch (const SQLite::Exception& error) {
      fail(error);
    }
  }

  void commit() override {
    try {
      db_.exec("COMMIT");
    } catch (const SQLite::Exception& error) {
      fail(error);
    }
  }

  void rollback() override {
    reset_all();
    if (!sqlite3_get_autocommit(db_.getHandle()))
      sqlite3_exec(db_.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

private:
  Prepared& prepare(std::string_view sql, std::span<const SqlParam> params) {
    auto found = cache_.find(std::string(sql));
    if (found == cache_.end() && cache_.size() >= kMaxCachedStatements) {
      cache_.clear(); // filters and batch sizes make many texts; the common ones return soon
    }
    if (found == cache_.end())
      found = cache_.emplace(std::string(sql), std::make_unique<Prepared>(db_, sql, params.size()))
                  .first;
    Prepared& p = *found->second;
    p.statement.clearBindings();
    for (std::size_t n = 0; n < params.size() && n < p.index_of.size(); ++n) {
      int index = p.index_of[n];
      if (index == 0) continue;
      const SqlParam& param = params[n];
      if (auto* i = std::get_if<std::int64_t>(&param))
        p.statement.bind(index, *i);
      else if (auto* s = std::get_if<std::string>(&param))
        p.statement.bindNoCopy(index, *s);
      else
        p.statement.bind(index);
    }
    return p;
  }

  void reset_all() {
    for (auto& entry : cache_) {
      try {
        entry.second->statement.reset();
      } catch (const SQLite::Exception&) {
        // reset() repeats the last step's error; the statement is reset all the same
      }
    }
  }

  SQLite::Database db_;
  std::unordered_map<std::string, std::unique_ptr<Prepared>> cache_;
};

} // namespace

std::unique_ptr<SqlConnection> open_sqlite_connection(const std::string& path) {
  try {
    return std::make_unique<SqliteConnection>(path);
  } catch (const SQLite::Exception& error) {
    throw StoreError(diag::make(DiagId::err_store_open, "", {path, error.what()}));
  }
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path, std::size_t connections) {
  SqlStoreOptions options{Dialect::SQLite, "sqlite", path, connections};
  try {
    return make_sql_store(options, [path] { return open_sqlite_connection(path); });
  } catch (const SQLite::Exception& error) {
    throw StoreError(diag::make(DiagId::err_store_open, "", {path, error.what()}));
  }
}

} // namespace ziping::store
