// tests/e2e/harness.h — the real `ziping serve` binary as a child process on a free port, an
// HTTP client for it, and a small reader for the JSON it answers.
#pragma once

#include <httplib.h>

#include <memory>
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
