// The `ziping` front's hand-over to `ziping-full` (ARCHITECTURE.md, "Two programs"). The front
// links only the core, so that a check of a JSON form does not pay for loading poppler, cairo,
// pango, libzip with OpenSSL, libpq, SQLite, libsodium and Boost (~90 shared libraries whose
// symbol resolution was 87% of the 20 ms a check took, issue 13). The functions below are the
// front's definitions of what those parts provide: the XLSX and PDF rows of the format
// registry (io/full_formats.h) and the server, store and account commands (commands.h). Each
// replaces this process with ziping-full, given the same arguments (from /proc/self/cmdline) and
// the same standard input (a memfd holding what the front already read, if it read any), so the
// user sees the one command they typed: same pid, same output, same exit code.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

#include "commands.h"
#include "input.h"
#include "ziping/io/full_formats.h"

namespace ziping::cli {
namespace {

// Beside the front (the build tree), else where `cmake --install` puts it
// (ZIPING_FULL_FROM_BIN is libexec/ziping relative to bin/).
std::filesystem::path full_program() {
  std::error_code error;
  auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) throw std::runtime_error("/proc/self/exe: " + error.message());
  for (auto dir : {self.parent_path(), self.parent_path() / ZIPING_FULL_FROM_BIN}) {
    auto candidate = dir / "ziping-full";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  throw std::runtime_error("找不到 ziping-full，应在 " + self.parent_path().string() + " 或 " +
                           (self.parent_path() / ZIPING_FULL_FROM_BIN).string() +
                           " (ziping-full not found beside ziping nor in libexec)");
}

std::vector<std::string> own_arguments() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> arguments;
  for (std::size_t start = 0; start < all.size();) {
    std::size_t end = all.find('\0', start);
    if (end == std::string::npos) end = all.size();
    arguments.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  if (arguments.empty()) throw std::runtime_error("/proc/self/cmdline is empty");
  return arguments;
}

[[noreturn]] void system_error(const char* what) {
  throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

// What the front took from standard input goes back in front of ziping-full as a file it
// reads from the start, exactly as if it were the pipe.
void give_back_standard_input() {
  auto bytes = standard_input_read();
  if (!bytes) return;
  int fd = ::memfd_create("ziping-stdin", 0);
  if (fd < 0) system_error("memfd_create");
  for (std::size_t done = 0; done < bytes->size();) {
    ssize_t n = ::write(fd, bytes->data() + done, bytes->size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) system_error("write");
    done += std::size_t(n);
  }
  if (::lseek(fd, 0, SEEK_SET) != 0) system_error("lseek");
  if (::dup2(fd, STDIN_FILENO) < 0) system_error("dup2");
  ::close(fd);
}

[[noreturn]] void hand_over() {
  auto program = full_program();
  auto arguments = own_arguments();
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  std::fflush(stdout);
  std::fflush(stderr);
  give_back_standard_input();
  ::execv(program.c_str(), argv.data());
  system_error(("execv " + program.string()).c_str());
}

} // namespace

int run_serve(const ServeOptions&) {
  hand_over();
}
int run_user_add(const UserOptions&) {
  hand_over();
}
int run_user_passwd(const UserOptions&) {
  hand_over();
}
int run_user_disable(const UserOptions&) {
  hand_over();
}
int run_org_import(const OrgImportOptions&) {
  hand_over();
}
int run_audit_verify(const std::string&) {
  hand_over();
}
int run_token_add(const TokenOptions&) {
  hand_over();
}
// The chain reads plans as XLSX as readily as JSON: one program for all of it.
int run_chain_check(const ChainOptions&) {
  hand_over();
}
int run_chain_convert(const std::string&, const std::string&) {
  hand_over();
}
// The batch commands use the store (and generate shares their workers).
int run_generate(const GenerateOptions&) {
  hand_over();
}
int run_load(const LoadOptions&) {
  hand_over();
}
int run_rescore(const RescoreOptions&) {
  hand_over();
}
int run_report(const ReportOptions&) {
  hand_over();
}

} // namespace ziping::cli

namespace ziping::io::full {

model::ReadResult read_xlsx(std::string_view, const ReadOptions&) {
  cli::hand_over();
}
std::string write_xlsx(const model::Form&, const WriteContext&) {
  cli::hand_over();
}
model::ReadResult read_pdf(std::string_view, const ReadOptions&) {
  cli::hand_over();
}
std::string write_pdf(const model::Form&, const WriteContext&) {
  cli::hand_over();
}
std::string write_pdf_review(const model::Form&, const WriteContext&) {
  cli::hand_over();
}

} // namespace ziping::io::full
