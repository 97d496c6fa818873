#include "ziping/store/sql.h"

#include <algorithm>

namespace ziping::store {

void SqlConnection::append_rows(std::string_view table, std::string_view columns, std::size_t width,
                                std::span<const SqlParam> values) {
  insert_values(*this, table, columns, width, values);
}

void insert_values(SqlConnection& connection, std::string_view table, std::string_view columns,
                   std::size_t width, std::span<const SqlParam> values, std::string_view suffix) {
  if (width == 0) return;
  std::size_t rows = values.size() / width;
  for (std::size_t start = 0; start < rows; start += kRowsPerInsert) {
    std::size_t end = std::min(rows, start + kRowsPerInsert);
    std::string sql =
        "INSERT INTO " + std::string(table) + " (" + std::string(columns) + ") VALUES ";
    std::size_t n = 0;
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "(" : ", (";
      for (std::size_t c = 0; c < width; ++c) sql += (c ? ", $" : "$") + std::to_string(++n);
      sql += ")";
    }
    if (!suffix.empty()) sql += " " + std::string(suffix);
    connection.execute(sql, values.subspan(start * width, (end - start) * width));
  }
}

ConnectionPool::ConnectionPool(ConnectionFactory factory, std::size_t size)
    : factory_(std::move(factory)), size_(size == 0 ? 1 : size) {}

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

ConnectionPool::Lease::~Lease() {
  if (connection_) pool_->give_back(std::move(connection_));
}

ConnectionPool::Lease ConnectionPool::lease() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_; // reserve the slot, then connect without holding the lock
  lock.unlock();
  try {
    return Lease(*this, factory_());
  } catch (...) {
    lock.lock();
    --open_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::give_back(std::unique_ptr<SqlConnection> connection) {
  std::lock_guard lock(mutex_);
  if (connection->healthy())
    idle_.push_back(std::move(connection));
  else
    --open_; // a broken connection is dropped; the next lease opens a new one
  available_.notify_one();
}

Transaction::Transaction(SqlConnection& connection, bool write) : connection_(connection) {
  connection_.begin(write);
}

Transaction::~Transaction() {
  if (open_) connection_.rollback();
}

void Transaction::commit() {
  connection_.commit();
  open_ = false;
}

SqlRows Transaction::query(std::string_view sql, std::initializer_list<SqlParam> params) {
  return connection_.query(sql, std::span<const SqlParam>(params.begin(), params.size()));
}

SqlRows Transaction::query(std::string_view sql, std::span<const SqlParam> params) {
  return connection_.query(sql, params);
}

std::int64_t Transaction::execute(std::string_view sql, std::initializer_list<SqlParam> params) {
  return connection_.execute(sql, std::span<const SqlParam>(params.begin(), params.size()));
}

std::int64_t Transaction::execute(std::string_view sql, std::span<const SqlParam> params) {
  return connection_.execute(sql, params);
}

void Transaction::append_rows(std::string_view table, std::string_view columns, std::size_t width,
                              std::span<const SqlParam> values) {
  connection_.append_rows(table, columns, width, values);
}

void Transaction::insert_values(std::string_view table, std::string_view columns, std::size_t width,
                                std::span<const SqlParam> values, std::string_view suffix) {
  store::insert_values(connection_, table, columns, width, values, suffix);
}

} // namespace ziping::store
