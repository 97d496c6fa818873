// cli/commands.h — the subcommands of the `ziping` program, one file each (cmd_*.cc). main.cc
// only parses arguments (CLI11 lives in that one translation unit) and dispatches here.
#pragma once

#include <cstddef>
#include <optional>
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

// `ziping chain check DECL MON SELF` (docs/chain.md).
struct ChainOptions {
  std::string declaration; // 绩效目标申报表
  std::string monitoring;  // 绩效运行监控表
  std::string self;        // 自评表, any readable format
  std::string from;        // the 自评表's format; empty = by extension
  std::string kind;        // --kind dept|proj for the 自评表
  std::string rules = "cn-2020";
  std::string mode = "review";
  std::string format = "text";
  bool english = true;
};
int run_chain_check(const ChainOptions& options);
// `ziping chain convert IN OUT`: a 申报表 or 监控表 between canonical JSON and CSV.
int run_chain_convert(const std::string& input, const std::string& output);

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

// Batch work over a store (issue 13, docs/batch.md).
// `ziping generate -o DIR`: a province's forms (sample::province_forms) as files in
// DIR/forms/, and DIR/orgs.csv, the organisation tree they belong to.
struct GenerateOptions {
  std::string output;
  std::size_t count = 1200;
  int first_year = 2022;
  int years = 3;
  unsigned seed = 2024;
  std::string format = "json";
};
int run_generate(const GenerateOptions& options);

// `ziping load --db URL DIR|FILE…`: every readable form, scored and filed with its facts, in
// parallel; a file whose content (SHA-256) is stored already is skipped.
struct LoadOptions {
  std::string db = "ziping.db";
  std::vector<std::string> inputs;
  std::string rules = "cn-2020";
  std::string mode = "review";
  std::string status = "submitted";
  std::string kind; // --kind for readers that cannot tell
  int jobs = 0;     // 0: one per core
};
int run_load(const LoadOptions& options);

// `ziping rescore --db URL [--rules R] [--year Y]`: every current revision scored again (under
// R, else under each form's own rule set); forms whose facts were computed under the same rule
// text are skipped unless --force.
struct RescoreOptions {
  std::string db = "ziping.db";
  std::string rules; // empty: each form's own
  std::optional<int> year;
  int jobs = 0;
  bool force = false;
};
int run_rescore(const RescoreOptions& options);

// `ziping report --db URL --year Y -o report.xlsx|csv|html`: the analyses as tables.
struct ReportOptions {
  std::string db = "ziping.db";
  int year = 0;
  std::string output;
  bool timings = false; // each analysis's time on standard error (bench/scale.sh)
};
int run_report(const ReportOptions& options);

} // namespace ziping::cli
