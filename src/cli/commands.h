// cli/commands.h — the subcommands of the `ziping` program, one file each (cmd_*.cc). main.cc
// only parses arguments (CLI11 lives in that one translation unit) and dispatches here.
#pragma once

#include <string>
#include <vector>

namespace ziping::cli {

// Exit codes (docs/cli.md): 0 clean, 1 the form has errors, 2 unusable input or usage,
// 70 internal error.
enum ExitCode : int { kExitOk = 0, kExitFormErrors = 1, kExitUnusable = 2, kExitInternal = 70 };

struct FormOptions {
  std::string file; // path, or "-" for standard input
  std::string from; // format name; empty = by extension (stdin: json)
  std::string kind; // --kind dept|proj: the form kind for readers that cannot tell; empty = unknown
  std::string rules = "cn-2020";
  std::string mode = "review";
  std::string format = "text";
  bool english = true;
};

int run_check(const FormOptions& options);
int run_score(const FormOptions& options);

struct ConvertOptions {
  std::string input;
  std::string output; // path, or "-" for standard output
  std::string from;
  std::string to;
  std::string kind;              // --kind dept|proj
  std::string rules = "cn-2020"; // scores and diagnostics shown by writers that print them
  std::string mode = "review";
};
int run_convert(const ConvertOptions& options);

// `ziping import FILE [-o OUT.json] [--kind dept|proj]`: a published form (text or PDF) to
// the canonical form JSON, with every guess the importer made on standard error.
struct ImportOptions {
  std::string file;
  std::string output = "-";
  std::string from;
  std::string kind;
  bool english = true;
};
int run_import(const ImportOptions& options);

int run_rules_list();
int run_rules_show(const std::string& name_or_path);

int run_diagnostics(bool markdown);

struct ServeOptions {
  std::string db = "ziping.db"; // a SQLite file, sqlite:PATH, or postgresql://…
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string static_dir; // empty: web/dist when built, else a placeholder page
  bool demo = false;      // load the demo data into a store that holds no form
  int threads = 8;
  int connections = 8;
  int max_upload_mb = 16;
  int header_timeout = 10;
  int body_timeout = 60;
  int max_connections = 4000;
  bool log = false;
  std::vector<std::string> public_origins; // --public-origin, behind a reverse proxy
  std::vector<std::string> deadlines;      // --deadline 2022=2023-04-30
  int login_failures = 20;                 // per client address and 10 minutes
};
int run_serve(const ServeOptions& options);

// `ziping token add LOGIN [--label TEXT] [--days N]`: an API token, printed once.
struct TokenOptions {
  std::string db = "ziping.db";
  std::string login;
  std::string label;
  int days = 0; // 0: never expires
};
int run_token_add(const TokenOptions& options);

// `ziping user add|passwd|disable LOGIN` (docs/accounts.md). Passwords never come from argv.
struct UserOptions {
  std::string db = "ziping.db";
  std::string login;
  std::string role; // add: filler, unit_head, supervisor, finance, admin (or the Chinese name)
  std::string org;  // add: the name of the role's organisation (none for admin)
  std::string name; // add: the person's name; default: the login
  bool password_stdin = false;
  bool generate_password = false;
  bool enable = false; // disable --enable: undo
};
int run_user_add(const UserOptions& options);
int run_user_passwd(const UserOptions& options);
int run_user_disable(const UserOptions& options);

struct OrgImportOptions {
  std::string db = "ziping.db";
  std::string file;
};
int run_org_import(const OrgImportOptions& options);

int run_audit_verify(const std::string& db);

} // namespace ziping::cli
