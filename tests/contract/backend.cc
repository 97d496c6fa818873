#include "backend.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace ziping::testing {
namespace {

class SqliteBackend final : public Backend {
public:
  SqliteBackend() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "ziping-contract-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    folder_ = pattern;
  }
  ~SqliteBackend() override {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  std::string name() const override { return "sqlite"; }
  std::string url() const override { return (folder_ / "test.db").string(); }
  void execute(const std::string& sql) override {
    SQLite::Database db(url(), SQLite::OPEN_READWRITE);
    db.exec(sql);
  }
  std::string scalar(const std::string& sql) override {
    SQLite::Database db(url(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getString();
  }

private:
  std::filesystem::path folder_;
};

class PostgresBackend final : public Backend {
public:
  explicit PostgresBackend(std::string base) : base_(std::move(base)) {
    static std::atomic<int> counter{0};
    schema_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    pqxx::connection c(base_);
    pqxx::work w(c);
    w.exec0("CREATE SCHEMA " + schema_);
    w.commit();
  }
  ~PostgresBackend() override {
    try {
      pqxx::connection c(base_);
      pqxx::work w(c);
      w.exec0("DROP SCHEMA " + schema_ + " CASCADE");
      w.commit();
    } catch (...) {
      // the throwaway cluster goes away anyway
    }
  }
  std::string name() const override { return "postgresql"; }
  std::string url() const override {
    return base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_;
  }
  void execute(const std::string& sql) override {
    pqxx::connection c(url());
    pqxx::work w(c);
    w.exec(sql);
    w.commit();
  }
  std::string scalar(const std::string& sql) override {
    pqxx::connection c(url());
    pqxx::work w(c);
    return w.exec1(sql)[0].c_str();
  }

private:
  std::string base_;
  std::string schema_;
};

} // namespace

std::string backend_under_test() {
  const char* name = std::getenv("ZIPING_STORE_BACKEND");
  return name && *name ? name : "sqlite";
}

std::unique_ptr<Backend> Backend::fresh() {
  std::string name = backend_under_test();
  if (name == "sqlite") return std::make_unique<SqliteBackend>();
  if (name == "postgresql") {
    const char* url = std::getenv("ZIPING_TEST_PG_URL");
    if (!url || !*url) {
      ADD_FAILURE() << "ZIPING_STORE_BACKEND=postgresql needs ZIPING_TEST_PG_URL: run the test "
                       "through scripts/pg_throwaway.sh";
      return nullptr;
    }
    return std::make_unique<PostgresBackend>(url);
  }
  ADD_FAILURE() << "unknown ZIPING_STORE_BACKEND " << name;
  return nullptr;
}

} // namespace ziping::testing
