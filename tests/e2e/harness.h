// tests/e2e/harness.h — the real `ziping serve` binary as a child process on a free port, an
// HTTP client for it, and a small reader for the JSON it answers.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "ziping/io/json/json_value.h"

namespace ziping::testing {

// `ziping serve --port 0 ARGS…`; waits for the "listening on" line, stops it with SIGTERM.
class ServerProcess {
public:
  ServerProcess(const std::string& binary, const std::vector<std::string>& args);
  ~ServerProcess();
  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  const std::string& output() const { return output_; } // stdout up to the listening line
  // SIGTERM, then the exit status (or -1); also collects the rest of stdout.
  int stop();

private:
  int pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  std::string output_;
};

// Runs the binary to completion (for startup failures); returns the exit status.
int run_to_exit(const std::string& binary, const std::vector<std::string>& args,
                std::string& output);

// Accounts on a test server's database, made the way an operator makes them, through the CLI
// (`ziping org import`, `user add --generate-password`, `token add`): an API token per login,
// made on first use and cached. Safe from several threads.
//
// The tree: finance bureau kFinance → supervisors → units; unit_token(DEPT) places DEPT under
// kSupervisor and gives its 单位负责人's token, so a test can file forms under any department
// name of its own.
class Accounts {
public:
  static constexpr const char* kFinance = "测试市财政局";
  static constexpr const char* kSupervisor = "测试主管部门";

  Accounts(std::string binary, std::string db) : binary_(std::move(binary)), db_(std::move(db)) {}
  // org import of one unit (and its supervisor under kFinance).
  void place(const std::string& unit, const std::string& supervisor = kSupervisor);
  // A user of `role` acting for `org` (of the role's kind; "" for admin) and its token.
  std::string token(const std::string& login, const std::string& role, const std::string& org);
  // The 单位负责人 of unit `department` (placed under kSupervisor on first use).
  std::string unit_token(const std::string& department);
  std::string unit_login(const std::string& department) {
    unit_token(department);
    std::lock_guard lock(mutex_);
    return units_[department];
  }
  std::string finance_token() { return token("e2e-finance", "finance", kFinance); }
  std::string supervisor_token() { return token("e2e-supervisor", "supervisor", kSupervisor); }
  std::string admin_token() { return token("e2e-admin", "admin", ""); }
  const std::string& db() const { return db_; }

private:
  std::string binary_;
  std::string db_;
  std::recursive_mutex mutex_;
  std::map<std::string, std::string> tokens_; // login → token
  std::map<std::string, std::string> units_;  // department → login
};

// A parsed JSON response, navigated with ["key"] and [index]; a missing node is Null.
class Json {
public:
  static Json parse(const std::string& text); // Null with ok() false when not JSON
  Json() = default;
  bool ok() const { return value_ != nullptr; }
  Json operator[](const char* key) const;
  Json operator[](std::size_t index) const;
  Json operator[](int index) const { return (*this)[std::size_t(index)]; }
  bool is_null() const;
  bool is_object() const;
  bool is_array() const;
  std::size_t size() const; // array items or object members
  std::string str() const;  // a string's text, a number's token, "true"/"false", "null"
  long long integer() const;
  std::vector<std::string> keys() const;

private:
  Json(std::shared_ptr<const io::json::JsonValue> root, const io::json::JsonValue* value)
      : root_(std::move(root)), value_(value) {}
  std::shared_ptr<const io::json::JsonValue> root_;
  const io::json::JsonValue* value_ = nullptr;
};

std::string read_file(const std::string& path);

} // namespace ziping::testing
