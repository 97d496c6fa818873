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

  ziping::cli::ChainOptions chain_options;
  auto* chain = app.add_subcommand(
      "chain", "申报表 → 监控表 → 自评表 的链式检查 (the year's chain of forms)");
  chain->require_subcommand(1);
  auto* chain_check = chain->add_subcommand(
      "check", "对照申报表、监控表检查自评表 (check the three forms against each other)");
  chain_check->add_option("DECL", chain_options.declaration, "绩效目标申报表 (goal declaration)")
      ->required();
  chain_check->add_option("MON", chain_options.monitoring, "绩效运行监控表 (monitoring form)")
      ->required();
  chain_check->add_option("SELF", chain_options.self, "自评表 (self-evaluation form)")->required();
  chain_check
      ->add_option("--rules", chain_options.rules,
                   "规则集名称或 .toml 路径 (rule set name or path)")
      ->capture_default_str();
  chain_check->add_option("--mode", chain_options.mode, "auto | review")
      ->check(CLI::IsMember({"auto", "review"}))
      ->capture_default_str();
  chain_check->add_option("--format", chain_options.format, "输出格式 (output format)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  chain_check->add_option("--from", chain_options.from,
                          "自评表的输入格式 (the SELF file's format)");
  chain_check->add_option("--kind", chain_options.kind, kKindHelp)->check(kKinds);
  chain_check->add_flag("!--no-english", chain_options.english,
                        "只输出中文信息 (Chinese messages only)");

  std::string chain_in, chain_out;
  auto* chain_convert = chain->add_subcommand(
      "convert", "申报表、监控表在 JSON、CSV、XLSX 之间转换，或写成 HTML、PDF (convert a plan "
                 "between JSON, CSV and XLSX, or write it as HTML or PDF)");
  chain_convert->add_option("IN", chain_in, "输入文件 (input)")->required();
  chain_convert->add_option("OUT", chain_out, "输出文件，- 表示标准输出 (output)")->required();

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

  // Batch work over a store (issue 13, docs/batch.md).
  ziping::cli::GenerateOptions generate_options;
  auto* generate = app.add_subcommand(
      "generate", "生成一个省的模拟自评表与组织树 (generate a province's synthetic forms)");
  generate->add_option("-o,--output", generate_options.output, "输出目录 (output folder)")
      ->required();
  generate->add_option("-n,--count", generate_options.count, "表数 (forms)")->capture_default_str();
  generate->add_option("--first-year", generate_options.first_year, "起始年度 (first year)")
      ->capture_default_str();
  generate->add_option("--years", generate_options.years, "年数 (years)")->capture_default_str();
  generate->add_option("--seed", generate_options.seed, "随机种子 (seed)")->capture_default_str();
  generate->add_option("--format", generate_options.format, "文件格式 (file format)")
      ->capture_default_str();
  ziping::cli::LoadOptions load_options;
  auto* load = app.add_subcommand(
      "load", "批量载入表单：并行计分、存入数据库，可续传 (load forms in bulk, resumable)");
  load->add_option("INPUT", load_options.inputs, "目录或文件 (folders or files)")->required();
  load->add_option("--db", load_options.db, "数据库 (database)")->capture_default_str();
  load->add_option("--rules", load_options.rules, "规则集 (rule set)")->capture_default_str();
  load->add_option("--mode", load_options.mode, "review 或 auto")->capture_default_str();
  load->add_option("--status", load_options.status, "载入后的状态 (status)")->capture_default_str();
  load->add_option("--kind", load_options.kind, kKindHelp)->check(kKinds);
  load->add_option("-j,--jobs", load_options.jobs, "并行数，0 为每核一个 (workers; 0: per core)")
      ->capture_default_str();
  ziping::cli::RescoreOptions rescore_options;
  auto* rescore = app.add_subcommand(
      "rescore", "按规则集重新计分全部当前版本 (rescore every current revision)");
  rescore->add_option("--db", rescore_options.db, "数据库 (database)")->capture_default_str();
  rescore->add_option("--rules", rescore_options.rules,
                      "规则集，缺省为各表自己的 (rule set; default: each form's own)");
  rescore->add_option("--year", rescore_options.year, "只计该年度 (only this year)");
  rescore->add_option("-j,--jobs", rescore_options.jobs, "并行数 (workers)")->capture_default_str();
  rescore->add_flag("--force", rescore_options.force,
                    "规则未变也重新计分 (rescore forms that are up to date too)");
  ziping::cli::ReportOptions report_options;
  auto* report = app.add_subcommand(
      "report", "年度分析报告：xlsx、csv 或 html (the year's analyses as a report)");
  report->add_option("--db", report_options.db, "数据库 (database)")->capture_default_str();
  report->add_option("--year", report_options.year, "年度 (year)")->required();
  report->add_option("-o,--output", report_options.output, "report.xlsx|csv|html")->required();
  report->add_flag("--timings", report_options.timings,
                   "在标准错误上列出每项分析的用时 (each analysis's time on stderr)");

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
    if (*chain_check) return ziping::cli::run_chain_check(chain_options);
    if (*chain_convert) return ziping::cli::run_chain_convert(chain_in, chain_out);
    if (*rules_list) return ziping::cli::run_rules_list();
    if (*rules_show) return ziping::cli::run_rules_show(rules_name);
    if (*diagnostics) return ziping::cli::run_diagnostics(markdown);
    if (*serve) return ziping::cli::run_serve(serve_options);
    if (*user_add) return ziping::cli::run_user_add(user_options);
    if (*user_passwd) return ziping::cli::run_user_passwd(user_options);
    if (*user_disable) return ziping::cli::run_user_disable(user_options);
    if (*org_import) return ziping::cli::run_org_import(org_options);
    if (*audit_verify) return ziping::cli::run_audit_verify(audit_db);
    if (*generate) return ziping::cli::run_generate(generate_options);
    if (*load) return ziping::cli::run_load(load_options);
    if (*rescore) return ziping::cli::run_rescore(rescore_options);
    if (*report) return ziping::cli::run_report(report_options);
    if (*token_add) return ziping::cli::run_token_add(token_options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ziping: 内部错误 (internal error): %s\n", error.what());
    return ziping::cli::kExitInternal;
  }
  return ziping::cli::kExitUnusable;
}
