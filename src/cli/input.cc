#include "input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>

#include "ziping/rules/load.h"

namespace ziping::cli {
namespace {

using diag::DiagId;

std::string errno_text() {
  return std::strerror(errno);
}

std::optional<std::string> read_stream(std::istream& in, const std::string& name,
                                       std::vector<diag::Diagnostic>& diagnostics) {
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, std::size_t(in.gcount()));
    if (bytes.size() > kMaxInputBytes) {
      diagnostics.push_back(
          diag::make(DiagId::err_input_too_large, "",
                     {"> " + std::to_string(kMaxInputBytes), std::to_string(kMaxInputBytes)}));
      diagnostics.back().where.file = name;
      return std::nullopt;
    }
  }
  return bytes;
}

std::optional<std::string>& standard_input_copy() {
  static std::optional<std::string> copy;
  return copy;
}

} // namespace

std::optional<std::string_view> standard_input_read() {
  const auto& copy = standard_input_copy();
  if (!copy) return std::nullopt;
  return std::string_view(*copy);
}

std::optional<std::string> read_bytes(const std::string& file,
                                      std::vector<diag::Diagnostic>& diagnostics) {
  if (file == "-") {
    auto bytes = read_stream(std::cin, "-", diagnostics);
    if (bytes) standard_input_copy() = *bytes; // a hand-over to ziping-full gives them again
    return bytes;
  }
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) {
    diagnostics.push_back(diag::make(DiagId::err_cannot_read_file, "",
                                     {file, diag::bilingual("是目录", "is a directory")}));
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.push_back(diag::make(DiagId::err_cannot_read_file, "", {file, errno_text()}));
    return std::nullopt;
  }
  return read_stream(in, file, diagnostics);
}

std::optional<model::FormKind> parse_kind(const std::string& kind) {
  if (kind == "dept" || kind == "department") return model::FormKind::Department;
  if (kind == "proj" || kind == "project") return model::FormKind::Project;
  return std::nullopt;
}

LoadedForm load_form(const std::string& file, const std::string& format,
                     std::optional<model::FormKind> kind) {
  LoadedForm loaded;
  const io::Format* chosen = nullptr;
  if (!format.empty())
    chosen = io::find_format(format);
  else if (file == "-")
    chosen = io::find_format("json");
  else
    chosen = io::format_for_path(file);
  if (!chosen || !chosen->read) {
    loaded.read.diagnostics.push_back(
        diag::make(DiagId::err_unknown_format, "",
                   {format.empty() ? file : format, io::readable_format_names()}));
    return loaded;
  }
  auto bytes = read_bytes(file, loaded.read.diagnostics);
  if (!bytes) return loaded;
  loaded.read = chosen->read(*bytes, io::ReadOptions{file, kind});
  loaded.usable = loaded.read.form.has_value();
  return loaded;
}

LoadedRules load_rule_set(const std::string& name_or_path) {
  LoadedRules loaded;
  std::filesystem::path base;
  auto resolve = [&](const std::string& name) -> std::optional<rules::RuleSource> {
    if (auto embedded = rules::embedded_source(name)) return embedded;
    std::filesystem::path path(name);
    if (path.is_relative() && !base.empty() && !std::filesystem::exists(path)) path = base / path;
    if (path.extension() != ".toml") path += ".toml";
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
    std::vector<diag::Diagnostic> ignored;
    auto text = read_bytes(path.string(), ignored);
    if (!text) return std::nullopt;
    if (base.empty()) base = path.parent_path();
    return rules::RuleSource{path.stem().string(), *text, path.string()};
  };
  auto result = rules::load_rules(name_or_path, resolve);
  loaded.rules = std::move(result.rules);
  loaded.diagnostics = std::move(result.diagnostics);
  return loaded;
}

bool write_atomically(const std::string& file, const std::string& bytes,
                      std::vector<diag::Diagnostic>& diagnostics) {
  if (file == "-") {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  std::filesystem::path target(file);
  std::error_code status_error;
  auto status = std::filesystem::status(target, status_error);
  if (std::filesystem::is_directory(status)) {
    diagnostics.push_back(diag::make(DiagId::err_cannot_write_file, "",
                                     {file, diag::bilingual("是一个目录", "is a directory")}));
    return false;
  }
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming a
  // temporary file over it would replace the device node with a regular file.
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    std::ofstream out(target, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.flush();
    if (out) return true;
    diagnostics.push_back(diag::make(DiagId::err_cannot_write_file, "", {file, errno_text()}));
    return false;
  }
  // Through a symbolic link, the file it names is replaced, not the link.
  if (std::filesystem::is_symlink(std::filesystem::symlink_status(target, status_error))) {
    auto resolved = std::filesystem::weakly_canonical(target, status_error);
    if (!status_error) target = resolved;
  }
  std::filesystem::path temporary = target;
  temporary += ".ziping-tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.flush();
    if (!out) {
      diagnostics.push_back(diag::make(DiagId::err_cannot_write_file, "", {file, errno_text()}));
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, target, error);
  if (error) {
    diagnostics.push_back(diag::make(DiagId::err_cannot_write_file, "", {file, error.message()}));
    std::filesystem::remove(temporary, error);
    return false;
  }
  return true;
}

} // namespace ziping::cli
