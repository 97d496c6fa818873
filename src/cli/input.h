// cli/input.h — the CLI's file side: reading input files (size-limited, stdin as "-"), loading
// rule sets by name or path, and writing output files atomically (temp file + rename, so a
// failure never leaves a partial file).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/registry.h"
#include "ziping/rules/rule_set.h"

namespace ziping::cli {

// Inputs above this are refused (ZP0111): no real form comes near it.
constexpr std::size_t kMaxInputBytes = 64u << 20;

struct LoadedForm {
  model::ReadResult read;
  bool usable = false; // a form came back
};

// Reads `file` ("-" = stdin) in `format` (empty: by extension, stdin: json); `kind` is the
// user's --kind, if given.
LoadedForm load_form(const std::string& file, const std::string& format,
                     std::optional<model::FormKind> kind = std::nullopt);

// "dept" / "department" → Department, "proj" / "project" → Project, anything else: unknown.
std::optional<model::FormKind> parse_kind(const std::string& kind);

struct LoadedRules {
  std::optional<rules::RuleSet> rules;
  std::vector<diag::Diagnostic> diagnostics;
};
LoadedRules load_rule_set(const std::string& name_or_path);

// Reads a whole file; nullopt with a diagnostic on failure or when above kMaxInputBytes.
std::optional<std::string> read_bytes(const std::string& file,
                                      std::vector<diag::Diagnostic>& diagnostics);
// What read_bytes("-") took from standard input, for a hand-over to ziping-full
// (hand_over.h) that must see it again; nullopt when standard input was not read.
std::optional<std::string_view> standard_input_read();
// Writes via a temporary file in the same directory and rename(); "-" writes to stdout.
bool write_atomically(const std::string& file, const std::string& bytes,
                      std::vector<diag::Diagnostic>& diagnostics);

} // namespace ziping::cli
