#include "harness.h"

#include <csignal>
#include <fstream>
#include <iterator>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <stdexcept>

#include "ziping/io/json/json_parser.h"

namespace ziping::testing {
namespace {

using io::json::JsonType;
using io::json::JsonValue;

int spawn(const std::string& binary, const std::vector<std::string>& args, int& out_fd) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  int pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  out_fd = pipe_fds[0];
  return pid;
}

// Reads what is available within `timeout_ms`; false at end of file or timeout.
bool read_some(int fd, std::string& into, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return false;
  char buffer[4096];
  ssize_t n = read(fd, buffer, sizeof buffer);
  if (n <= 0) return false;
  into.append(buffer, std::size_t(n));
  return true;
}

int wait_for(int pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

ServerProcess::ServerProcess(const std::string& binary, const std::vector<std::string>& args) {
  std::vector<std::string> all = {"serve", "--port", "0"};
  all.insert(all.end(), args.begin(), args.end());
  pid_ = spawn(binary, all, out_fd_);
  if (pid_ < 0) return;
  static const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    if (std::regex_search(output_, m, listening)) {
      port_ = std::stoi(m[1].str());
      return;
    }
    if (!read_some(out_fd_, output_, 200) && waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1; // exited before listening
      return;
    }
  }
}

int ServerProcess::stop() {
  if (pid_ < 0) return -1;
  kill(pid_, SIGTERM);
  while (read_some(out_fd_, output_, 5000)) {
  }
  int status = wait_for(pid_);
  pid_ = -1;
  close(out_fd_);
  out_fd_ = -1;
  return status;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    wait_for(pid_);
  }
  if (out_fd_ >= 0) close(out_fd_);
}

int run_to_exit(const std::string& binary, const std::vector<std::string>& args,
                std::string& output) {
  int fd = -1;
  int pid = spawn(binary, args, fd);
  if (pid < 0) return -1;
  while (read_some(fd, output, 30000)) {
  }
  close(fd);
  return wait_for(pid);
}

void Accounts::place(const std::string& unit, const std::string& supervisor) {
  std::string file = std::filesystem::temp_directory_path() /
                     ("ziping-e2e-orgs-" + std::to_string(getpid()) + ".csv");
  {
    std::ofstream out(file);
    out << "类型,名称,上级,代码\n财政局," << kFinance << ",,\n主管部门," << supervisor << ","
        << kFinance << ",\n";
    if (!unit.empty()) out << "预算单位," << unit << "," << supervisor << ",\n";
  }
  std::string output;
  int status = run_to_exit(binary_, {"org", "import", file, "--db", db_}, output);
  std::filesystem::remove(file);
  if (status != 0) throw std::runtime_error("org import failed: " + output);
}

std::string Accounts::token(const std::string& login, const std::string& role,
                            const std::string& org) {
  std::lock_guard lock(mutex_);
  auto found = tokens_.find(login);
  if (found != tokens_.end()) return found->second;
  std::string output;
  std::vector<std::string> add = {"user", "add", login, "--role", role, "--generate-password",
                                  "--db", db_};
  if (!org.empty()) {
    add.push_back("--org");
    add.push_back(org);
  }
  if (org == kFinance || org == kSupervisor) place("", kSupervisor);
  if (run_to_exit(binary_, add, output) != 0)
    throw std::runtime_error("user add " + login + " failed: " + output);
  output.clear();
  if (run_to_exit(binary_, {"token", "add", login, "--db", db_}, output) != 0)
    throw std::runtime_error("token add " + login + " failed: " + output);
  static const std::regex token_line(R"((zpt_[A-Za-z0-9_-]+))");
  std::smatch m;
  if (!std::regex_search(output, m, token_line))
    throw std::runtime_error("token add printed no token: " + output);
  return tokens_[login] = m[1].str();
}

std::string Accounts::unit_token(const std::string& department) {
  std::lock_guard lock(mutex_);
  auto found = units_.find(department);
  if (found != units_.end()) return tokens_[found->second];
  std::string login = "e2e-unit-" + std::to_string(units_.size() + 1);
  place(department);
  std::string made = token(login, "unit_head", department);
  units_[department] = login;
  return made;
}

Json Json::parse(const std::string& text) {
  auto parsed = io::json::parse_json(text);
  if (!parsed.value) return Json();
  auto root = std::make_shared<const JsonValue>(std::move(*parsed.value));
  const JsonValue* value = root.get();
  return Json(std::move(root), value);
}

Json Json::operator[](const char* key) const {
  if (!value_ || !value_->is(JsonType::Object)) return Json(root_, nullptr);
  return Json(root_, value_->find(key));
}

Json Json::operator[](std::size_t index) const {
  if (!value_ || !value_->is(JsonType::Array) || index >= value_->items().size())
    return Json(root_, nullptr);
  return Json(root_, &value_->items()[index]);
}

bool Json::is_null() const {
  return !value_ || value_->is(JsonType::Null);
}
bool Json::is_object() const {
  return value_ && value_->is(JsonType::Object);
}
bool Json::is_array() const {
  return value_ && value_->is(JsonType::Array);
}

std::size_t Json::size() const {
  if (!value_) return 0;
  return value_->is(JsonType::Array) ? value_->items().size() : value_->members().size();
}

std::string Json::str() const {
  if (!value_) return "<missing>";
  switch (value_->type()) {
  case JsonType::String:
  case JsonType::Number:
    return value_->text();
  case JsonType::Boolean:
    return value_->boolean_value() ? "true" : "false";
  case JsonType::Null:
    return "null";
  default:
    return "<container>";
  }
}

long long Json::integer() const {
  return value_ && value_->is(JsonType::Number) ? std::stoll(value_->text()) : -1;
}

std::vector<std::string> Json::keys() const {
  std::vector<std::string> out;
  if (value_ && value_->is(JsonType::Object))
    for (const auto& m : value_->members()) out.push_back(m.key);
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace ziping::testing
