#include "ziping/store/postgres/postgres_store.h"

#include <pqxx/pqxx>
#include <pqxx/tablewriter>

#include <regex>
#include <unordered_map>

#include "ziping/store/sql_store.h"

namespace ziping::store {
namespace {

using diag::DiagId;

constexpr std::size_t kMaxPreparedStatements = 256;

[[noreturn]] void fail(const std::exception& error) {
  std::string what = error.what();
  while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
  throw StoreError(diag::make(DiagId::err_store_failure, "", {what}));
}

// One value in COPY's text format: \\N for NULL, backslash escapes for the characters COPY
// gives a meaning (backslash, tab, newline, carriage return).
void copy_field(std::string& line, const SqlParam& param) {
  if (auto* n = std::get_if<std::int64_t>(&param)) {
    line += std::to_string(*n);
    return;
  }
  const auto* s = std::get_if<std::string>(&param);
  if (!s) {
    line += "\\N";
    return;
  }
  for (char c : *s) {
    switch (c) {
    case '\\':
      line += "\\\\";
      break;
    case '\t':
      line += "\\t";
      break;
    case '\n':
      line += "\\n";
      break;
    case '\r':
      line += "\\r";
      break;
    case '\0':
      throw StoreError(diag::make(DiagId::err_store_failure, "",
                                  {"a text holds U+0000, which PostgreSQL cannot store"}));
    default:
      line += c;
    }
  }
}

class PostgresConnection final : public SqlConnection {
public:
  explicit PostgresConnection(const std::string& url) : connection_(url) {}

  Dialect dialect() const override { return Dialect::PostgreSQL; }

  SqlRows query(std::string_view sql, std::span<const SqlParam> params) override {
    pqxx::result result = run(sql, params);
    SqlRows rows;
    rows.reserve(result.size());
    for (const auto& r : result) {
      SqlRow row;
      row.reserve(r.size());
      for (const auto& field : r) {
        if (field.is_null())
          row.emplace_back(std::nullopt);
        else
          row.emplace_back(std::string(field.c_str(), field.size()));
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, std::span<const SqlParam> params) override {
    return std::int64_t(run(sql, params).affected_rows());
  }

  void execute_script(std::string_view sql) override {
    guard([&] {
      if (transaction_) {
        work().exec(std::string(sql));
        return;
      }
      // Outside a transaction: each statement commits on its own (VACUUM refuses a block).
      pqxx::nontransaction alone(connection_);
      alone.exec(std::string(sql));
    });
  }

  // Few rows: multi-row INSERTs (COPY costs two round trips of its own). Many: one COPY.
  void append_rows(std::string_view table, std::string_view columns, std::size_t width,
                   std::span<const SqlParam> values) override {
    if (width == 0 || values.size() / width <= kRowsPerInsert) {
      insert_values(*this, table, columns, width, values);
      return;
    }
    std::vector<std::string> names;
    for (std::size_t start = 0; start <= columns.size();) {
      std::size_t comma = std::min(columns.find(',', start), columns.size());
      std::string_view name = columns.substr(start, comma - start);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      names.emplace_back(name);
      start = comma + 1;
    }
    // Every line is made (and a U+0000 refused) before the COPY starts.
    std::vector<std::string> lines;
    for (std::size_t row = 0; row * width < values.size(); ++row) {
      std::string& line = lines.emplace_back();
      for (std::size_t c = 0; c < width; ++c) {
        if (c) line += '\t';
        copy_field(line, values[row * width + c]);
      }
    }
    guard([&] {
    // libpqxx 6.4's stream_to writes tuples only; tablewriter takes a line we escape
    // ourselves (its constructor is marked deprecated in 6.4, not removed).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
      pqxx::tablewriter writer(work(), std::string(table), names.begin(), names.end());
#pragma GCC diagnostic pop
      for (const auto& line : lines) writer.write_raw_line(line);
      writer.complete();
    });
  }

  void begin(bool write) override {
    guard([&] {
      // Writes: READ COMMITTED, where a save's conditional UPDATE waits for a concurrent one and
      // then sees its result. Reads: one snapshot, so a page and its count agree.
      if (write)
        transaction_ = std::make_unique<pqxx::work>(connection_);
      else
        transaction_ = std::make_unique<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(
            connection_);
    });
  }

  void commit() override {
    guard([&] {
      work().commit();
      transaction_.reset();
    });
  }

  void rollback() override {
    if (!transaction_) return;
    try {
      transaction_->abort();
    } catch (...) {
      broken_ = true; // the connection state is unknown: let the pool drop it
    }
    transaction_.reset();
  }

  bool healthy() const override {
    return !broken_ && connection_.is_open();
  }

private:
  pqxx::transaction_base& work() {
    if (!transaction_) throw std::logic_error("PostgreSQL statement outside a transaction");
    return *transaction_;
  }

  template <class Body> void guard(Body body) {
    try {
      body();
    } catch (const pqxx::broken_connection& error) {
      broken_ = true;
      fail(error);
    } catch (const pqxx::in_doubt_error& error) {
      broken_ = true;
      fail(error);
    } catch (const pqxx::failure& error) {
      fail(error);
    } catch (const pqxx::usage_error& error) {
      broken_ = true;
      fail(error);
    }
  }

  pqxx::result run(std::string_view sql, std::span<const SqlParam> params) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (auto* n = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*n);
      } else if (auto* s = std::get_if<std::string>(&params[i])) {
        if (s->find('\0') != std::string::npos)
          throw StoreError(diag::make(DiagId::err_store_failure, "",
                                      {"a text holds U+0000, which PostgreSQL cannot store"}));
        texts[i] = *s;
      } else {
        continue; // NULL
      }
      values[i] = texts[i].c_str();
    }
    pqxx::result result;
    guard([&] {
      auto dynamic = pqxx::prepare::make_dynamic_params(values);
      if (const std::string* name = statement_name(sql))
        result = work().exec_prepared(*name, dynamic);
      else
        result = work().exec_params(std::string(sql), dynamic);
    });
    return result;
  }

  // Each distinct text is prepared once per connection (up to a bound); nullptr: run unprepared.
  const std::string* statement_name(std::string_view sql) {
    std::string key(sql);
    auto found = prepared_.find(key);
    if (found != prepared_.end()) return &found->second;
    if (prepared_.size() >= kMaxPreparedStatements) return nullptr;
    std::string name = "z" + std::to_string(prepared_.size());
    connection_.prepare(name, key);
    return &prepared_.emplace(std::move(key), std::move(name)).first->second;
  }

  pqxx::connection connection_;
  std::unique_ptr<pqxx::transaction_base> transaction_;
  std::unordered_map<std::string, std::string> prepared_;
  bool broken_ = false;
};

} // namespace

std::string redact_url(const std::string& url) {
  static const std::regex userinfo(R"(^([a-z]+://[^:/@?]*):[^@/]*@)");
  static const std::regex password_param(R"(([?&]password=)[^&]*)");
  std::string out = std::regex_replace(url, userinfo, "$1:***@");
  return std::regex_replace(out, password_param, "$1***");
}

std::unique_ptr<Store> open_postgres_store(const std::string& url, std::size_t connections) {
  std::string shown = redact_url(url);
  SqlStoreOptions options{Dialect::PostgreSQL, "postgresql", shown, connections};
  return make_sql_store(options, [url, shown]() -> std::unique_ptr<SqlConnection> {
    try {
      return std::make_unique<PostgresConnection>(url);
    } catch (const std::exception& error) {
      std::string what = error.what();
      while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
      throw StoreError(diag::make(DiagId::err_store_open, "", {shown, what}));
    }
  });
}

} // namespace ziping::store
