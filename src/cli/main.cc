// The `ziping` command line: argument parsing and dispatch only. Each subcommand lives in its
// own cmd_*.cc; CLI11 is included here and nowhere else (it costs seconds per translation unit).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "commands.h"

namespace {

using ziping::cli::FormOptions;

constexpr const char* kKindHelp = "表单类型，标题未表明时使用：dept 部门整体 | proj 项目支出 (form "
                                  "kind when the title does not say)";
const auto kKinds = CLI::IsMember({"dept", "proj", "department", "project"});

void add_form_options(CLI::App* command, FormOptions& options) {
  command->add_option("FILE", options.file, "表单文件，- 表示标准输入 (form file, - for stdin)")
      ->required();
  command->add_option("--rules", options.rules, "规则集名称或 .toml 路径 (rule set name or path)")
      ->capture_default_str();
  command->add_option("--mode", options.mode, "auto：按公式计分；review：审核申报得分")
      ->check(CLI::IsMember({"auto", "review"}))
      ->capture_default_str();
  command->add_option("--format", options.format, "输出格式 (output format)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("--from", options.from,
                      "输入格式，缺省按扩展名 (input format; default by extension)");
  command->add_option("--kind", options.kind, kKindHelp)->check(kKinds);
  command->add_flag("!--no-english", options.english, "只输出中文信息 (Chinese messages only)");
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"ziping（自评）：预算绩效自评表的计分、检查与转换\n"
               "ziping: scores, checks and converts budget performance self-evaluation forms"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ziping 0.1.0");

  FormOptions check_options;
  auto* check = app.add_subcommand("check", "检查表单，给出编译器式诊断 (check a form)");
  add_form_options(check, check_options);

  FormOptions score_options;
  auto* score = app.add_subcommand("score", "计分并列出每项指标的计算过程 (score a form)");
  add_form_options(score, score_options);

  ziping::cli::ConvertOptions convert_options;
  auto* convert = app.add_subcommand("convert", "在格式之间转换表单 (convert between formats)");
  convert->add_option("IN", convert_options.input, "输入文件 (input)")->required();
  convert->add_option("OUT", convert_options.output, "输出文件，- 表示标准输出 (output)")
      ->required();
  convert->add_option("--from", convert_options.from, "输入格式 (input format)");
  convert->add_option("--to", convert_options.to, "输出格式 (output format)");
  convert->add_option("--kind", convert_options.kind, kKindHelp)->check(kKinds);
  convert
      ->add_option("--rules", convert_options.rules,
                   "输出中计分所用的规则集 (rule set for printed scores)")
      ->capture_default_str();
  convert->add_option("--mode", convert_options.mode, "auto | review")
      ->check(CLI::IsMember({"auto", "review"}))
      ->capture_default_str();

  ziping::cli::ImportOptions import_options;
  auto* import = app.add_subcommand(
      "import", "导入公开发布的自评表（文本、PDF），输出规范 JSON (import a published form)");
  import->add_option("FILE", import_options.file, "文本或 PDF 文件 (text or PDF file)")->required();
  import
      ->add_option("-o,--output", import_options.output,
                   "输出的 JSON 文件，缺省为标准输出 (output)")
      ->capture_default_str();
  import->add_option("--kind", import_options.kind, kKindHelp)->check(kKinds);
  import->add_option("--from", import_options.from, "输入格式，缺省按扩展名 (input format)");
  import->add_flag("!--no-english", import_options.english,
                   "只输出中文信息 (Chinese messages only)");

  auto* rules = app.add_subcommand("rules", "规则集 (rule sets)");
  rules->require_subcommand(1);
  auto* rules_list = rules->add_subcommand("list", "列出内置规则集 (list built-in rule sets)");
  std::string rules_name;
  auto* rules_show =
      rules->add_subcommand("show", "显示规则集的全部取值 (show a resolved rule set)");
  rules_show->add_option("NAME", rules_name, "规则集名称或路径 (name or path)")->required();

  bool markdown = false;
  auto* diagnostics =
      app.add_subcommand("diagnostics", "列出诊断目录 (list the diagnostic catalogue)");
  diagnostics->add_flag("--markdown", markdown, "输出 docs/diagnostics.md (write the docs page)");

  ziping::cli::ServeOptions serve_options;
  auto* serve =
      app.add_subcommand("serve", "启动工作台：HTTP 接口与网页界面 (run the workbench server)");
  serve->add_option("--db", serve_options.db, "数据库：SQLite 文件路径或 postgresql://… (database)")
      ->capture_default_str();
  serve->add_option("--host", serve_options.host, "监听地址 (address to bind)")
      ->capture_default_str();
  serve->add_option("--port", serve_options.port, "端口，0 表示任选空闲端口 (port; 0: any free)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_option("--static", serve_options.static_dir,
                    "网页界面目录，缺省为已构建的 web/dist (web UI directory)");
  serve->add_flag("--demo", serve_options.demo,
                  "数据库中没有表单时载入演示数据 (load demo data into an empty database)");
  serve
      ->add_option("--threads", serve_options.threads,
                   "处理请求的工作线程数 (worker threads for the requests' work)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve
      ->add_option("--connections", serve_options.connections,
                   "数据库连接数 (database connections)")
      ->check(CLI::Range(2, 256))
      ->capture_default_str();
  serve
      ->add_option("--max-upload-mb", serve_options.max_upload_mb,
                   "请求体上限 MB (request body limit)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  serve
      ->add_option("--header-timeout", serve_options.header_timeout,
                   "请求头须在几秒内收齐 (seconds for a request's whole header)")
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
  serve
      ->add_option("--body-timeout", serve_options.body_timeout,
                   "请求体须在几秒内收齐 (seconds for a request's whole body)")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  serve
      ->add_option("--max-connections", serve_options.max_connections,
                   "同时打开的连接上限 (open connections at most)")
      ->check(CLI::Range(16, 100000))
      ->capture_default_str();
  serve->add_flag("--log", serve_options.log, "逐条记录请求 (log every request)");
  serve->add_option("--public-origin", serve_options.public_origins,
                    "反向代理后对外的地址，如 https://ziping.example.gov.cn；https 时会话 Cookie "
                    "加 Secure，可重复 (the origin people use behind a reverse proxy; https marks "
                    "the session cookie Secure; repeatable)");
  serve->add_option("--deadline", serve_options.deadlines,
                    "某年度自评的截止日期，如 2022=2023-04-30，可重复；默认次年 4 月 30 日 "
                    "(a year's deadline, repeatable; default 30 April of the next year)");
  serve
      ->add_option("--login-failures", serve_options.login_failures,
                   "同一地址 10 分钟内允许的登录失败次数，超出后暂停登录 (failed logins per "
                   "client address in 10 minutes before 429)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));

  // Accounts (docs/accounts.md): users, the organisation tree, the audit trail.
  ziping::cli::UserOptions user_options;
  auto* user = app.add_subcommand("user", "用户账号 (user accounts)")->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "添加用户 (add a user)");
  auto* user_passwd = user->add_subcommand("passwd", "更改密码 (change a password)");
  auto* user_disable = user->add_subcommand("disable", "停用用户 (disable a user)");
  for (auto* c : {user_add, user_passwd, user_disable}) {
    c->add_option("LOGIN", user_options.login, "登录名 (login)")->required();
    c->add_option("--db", user_options.db, "数据库 (database)")->capture_default_str();
  }
  user_add
      ->add_option("--role", user_options.role,
                   "角色 (role): filler unit_head supervisor finance admin")
      ->required();
  user_add->add_option("--org", user_options.org, "所属组织名称 (organisation name)");
  user_add->add_option("--name", user_options.name, "姓名 (name)");
  for (auto* c : {user_add, user_passwd}) {
    c->add_flag("--password-stdin", user_options.password_stdin,
                "从标准输入读密码 (read from stdin)");
    c->add_flag("--generate-password", user_options.generate_password,
                "生成密码并显示一次 (generate)");
  }
  user_disable->add_flag("--enable", user_options.enable, "重新启用 (enable again)");
  ziping::cli::OrgImportOptions org_options;
  auto* org = app.add_subcommand("org", "组织 (organisations)")->require_subcommand(1);
  auto* org_import = org->add_subcommand("import", "从 CSV 导入组织树 (import the tree from CSV)");
  org_import->add_option("FILE", org_options.file, "CSV 文件 (file)")->required();
  org_import->add_option("--db", org_options.db, "数据库 (database)")->capture_default_str();
  ziping::cli::TokenOptions token_options;
  auto* token = app.add_subcommand("token", "API 令牌 (API tokens)")->require_subcommand(1);
  auto* token_add =
      token->add_subcommand("add", "为用户生成 API 令牌，只显示一次 (mint a token, shown once)");
  token_add->add_option("LOGIN", token_options.login, "登录名 (login)")->required();
  token_add->add_option("--db", token_options.db, "数据库 (database)")->capture_default_str();
  token_add->add_option("--label", token_options.label, "用途说明 (what it is for)");
  token_add->add_option("--days", token_options.days, "有效天数，0 为不过期 (days; 0: never)")
      ->check(CLI::Range(0, 3650));
  std::string audit_db = "ziping.db";
  auto* audit = app.add_subcommand("audit", "审计记录 (audit trail)")->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "校验哈希链 (verify the hash chain)");
  audit_verify->add_option("--db", audit_db, "数据库 (database)")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return ziping::cli::kExitUnusable;
  }

  try {
    if (*check) return ziping::cli::run_check(check_options);
    if (*score) return ziping::cli::run_score(score_options);
    if (*convert) return ziping::cli::run_convert(convert_options);
    if (*import) return ziping::cli::run_import(import_options);
    if (*rules_list) return ziping::cli::run_rules_list();
    if (*rules_show) return ziping::cli::run_rules_show(rules_name);
    if (*diagnostics) return ziping::cli::run_diagnostics(markdown);
    if (*serve) return ziping::cli::run_serve(serve_options);
    if (*user_add) return ziping::cli::run_user_add(user_options);
    if (*user_passwd) return ziping::cli::run_user_passwd(user_options);
    if (*user_disable) return ziping::cli::run_user_disable(user_options);
    if (*org_import) return ziping::cli::run_org_import(org_options);
    if (*audit_verify) return ziping::cli::run_audit_verify(audit_db);
    if (*token_add) return ziping::cli::run_token_add(token_options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ziping: 内部错误 (internal error): %s\n", error.what());
    return ziping::cli::kExitInternal;
  }
  return ziping::cli::kExitUnusable;
}
