// The `ziping` command line: argument parsing and dispatch only. Each subcommand lives in its
// own cmd_*.cc; CLI11 is included here and nowhere else (it costs seconds per translation unit).
// Each add_* below declares one group of subcommands and returns how to run each of them.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
#include <vector>

#include "commands.h"

namespace {

namespace cli = ziping::cli;

// A subcommand as declared: its CLI11 node, and what running it does with the parsed options.
struct Command {
  CLI::App* node;
  std::function<int()> run;
};
using Commands = std::vector<Command>;

// Options live as long as the run closure that reads them after parsing.
template <class Options> std::shared_ptr<Options> options_of() {
  return std::make_shared<Options>();
}

template <class Options>
Command command(CLI::App* node, std::shared_ptr<Options> options, int (*run)(const Options&)) {
  return {node, [options, run] { return run(*options); }};
}

constexpr const char* kKindHelp = "表单类型，标题未表明时使用：dept 部门整体 | proj 项目支出 (form "
                                  "kind when the title does not say)";
const auto kKinds = CLI::IsMember({"dept", "proj", "department", "project"});
constexpr const char* kRulesHelp = "规则集名称或 .toml 路径 (rule set name or path)";
constexpr const char* kChineseOnlyHelp = "只输出中文信息 (Chinese messages only)";

void add_mode(CLI::App* command, std::string& mode, const char* help) {
  command->add_option("--mode", mode, help)
      ->check(CLI::IsMember({"auto", "review"}))
      ->capture_default_str();
}

void add_format(CLI::App* command, std::string& format) {
  command->add_option("--format", format, "输出格式 (output format)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

void add_db(CLI::App* command, std::string& db) {
  command->add_option("--db", db, "数据库 (database)")->capture_default_str();
}

void add_form_options(CLI::App* command, cli::FormOptions& options) {
  command->add_option("FILE", options.file, "表单文件，- 表示标准输入 (form file, - for stdin)")
      ->required();
  command->add_option("--rules", options.rules, kRulesHelp)->capture_default_str();
  add_mode(command, options.mode, "auto：按公式计分；review：审核申报得分");
  add_format(command, options.format);
  command->add_option("--from", options.from,
                      "输入格式，缺省按扩展名 (input format; default by extension)");
  command->add_option("--kind", options.kind, kKindHelp)->check(kKinds);
  command->add_flag("!--no-english", options.english, kChineseOnlyHelp);
}

void add_check_and_score(CLI::App& app, Commands& commands) {
  auto check_options = options_of<cli::FormOptions>();
  auto* check = app.add_subcommand("check", "检查表单，给出编译器式诊断 (check a form)");
  add_form_options(check, *check_options);
  commands.push_back(command(check, check_options, cli::run_check));

  auto score_options = options_of<cli::FormOptions>();
  auto* score = app.add_subcommand("score", "计分并列出每项指标的计算过程 (score a form)");
  add_form_options(score, *score_options);
  commands.push_back(command(score, score_options, cli::run_score));
}

void add_convert(CLI::App& app, Commands& commands) {
  auto options = options_of<cli::ConvertOptions>();
  auto* convert = app.add_subcommand("convert", "在格式之间转换表单 (convert between formats)");
  convert->add_option("IN", options->input, "输入文件 (input)")->required();
  convert->add_option("OUT", options->output, "输出文件，- 表示标准输出 (output)")->required();
  convert->add_option("--from", options->from, "输入格式 (input format)");
  convert->add_option("--to", options->to, "输出格式 (output format)");
  convert->add_option("--kind", options->kind, kKindHelp)->check(kKinds);
  convert
      ->add_option("--rules", options->rules,
                   "输出中计分所用的规则集 (rule set for printed scores)")
      ->capture_default_str();
  add_mode(convert, options->mode, "auto | review");
  commands.push_back(command(convert, options, cli::run_convert));
}

void add_import(CLI::App& app, Commands& commands) {
  auto options = options_of<cli::ImportOptions>();
  auto* import = app.add_subcommand(
      "import", "导入公开发布的自评表（文本、PDF），输出规范 JSON (import a published form)");
  import->add_option("FILE", options->file, "文本或 PDF 文件 (text or PDF file)")->required();
  import->add_option("-o,--output", options->output, "输出的 JSON 文件，缺省为标准输出 (output)")
      ->capture_default_str();
  import->add_option("--kind", options->kind, kKindHelp)->check(kKinds);
  import->add_option("--from", options->from, "输入格式，缺省按扩展名 (input format)");
  import->add_flag("!--no-english", options->english, kChineseOnlyHelp);
  commands.push_back(command(import, options, cli::run_import));
}

void add_chain_check(CLI::App* chain, Commands& commands) {
  auto options = options_of<cli::ChainOptions>();
  auto* check = chain->add_subcommand(
      "check", "对照申报表、监控表检查自评表 (check the three forms against each other)");
  check->add_option("DECL", options->declaration, "绩效目标申报表 (goal declaration)")->required();
  check->add_option("MON", options->monitoring, "绩效运行监控表 (monitoring form)")->required();
  check->add_option("SELF", options->self, "自评表 (self-evaluation form)")->required();
  check->add_option("--rules", options->rules, kRulesHelp)->capture_default_str();
  add_mode(check, options->mode, "auto | review");
  add_format(check, options->format);
  check->add_option("--from", options->from, "自评表的输入格式 (the SELF file's format)");
  check->add_option("--kind", options->kind, kKindHelp)->check(kKinds);
  check->add_flag("!--no-english", options->english, kChineseOnlyHelp);
  commands.push_back(command(check, options, cli::run_chain_check));
}

void add_chain(CLI::App& app, Commands& commands) {
  auto* chain = app.add_subcommand(
      "chain", "申报表 → 监控表 → 自评表 的链式检查 (the year's chain of forms)");
  chain->require_subcommand(1);
  add_chain_check(chain, commands);

  auto paths = std::make_shared<std::pair<std::string, std::string>>();
  auto* convert = chain->add_subcommand(
      "convert", "申报表、监控表在 JSON、CSV、XLSX 之间转换，或写成 HTML、PDF (convert a plan "
                 "between JSON, CSV and XLSX, or write it as HTML or PDF)");
  convert->add_option("IN", paths->first, "输入文件 (input)")->required();
  convert->add_option("OUT", paths->second, "输出文件，- 表示标准输出 (output)")->required();
  commands.push_back(
      {convert, [paths] { return cli::run_chain_convert(paths->first, paths->second); }});
}

void add_rules_and_diagnostics(CLI::App& app, Commands& commands) {
  auto* rules = app.add_subcommand("rules", "规则集 (rule sets)");
  rules->require_subcommand(1);
  auto* list = rules->add_subcommand("list", "列出内置规则集 (list built-in rule sets)");
  commands.push_back({list, [] { return cli::run_rules_list(); }});
  auto name = std::make_shared<std::string>();
  auto* show = rules->add_subcommand("show", "显示规则集的全部取值 (show a resolved rule set)");
  show->add_option("NAME", *name, "规则集名称或路径 (name or path)")->required();
  commands.push_back({show, [name] { return cli::run_rules_show(*name); }});

  auto markdown = std::make_shared<bool>(false);
  auto* diagnostics =
      app.add_subcommand("diagnostics", "列出诊断目录 (list the diagnostic catalogue)");
  diagnostics->add_flag("--markdown", *markdown, "输出 docs/diagnostics.md (write the docs page)");
  commands.push_back({diagnostics, [markdown] { return cli::run_diagnostics(*markdown); }});
}

template <class Value>
void add_bounded(CLI::App* command, const char* name, Value& value, const char* help, int low,
                 int high) {
  command->add_option(name, value, help)->check(CLI::Range(low, high))->capture_default_str();
}

void add_serve_limits(CLI::App* serve, cli::ServeOptions& options) {
  add_bounded(serve, "--threads", options.threads,
              "处理请求的工作线程数 (worker threads for the requests' work)", 1, 256);
  add_bounded(serve, "--connections", options.connections, "数据库连接数 (database connections)", 2,
              256);
  add_bounded(serve, "--max-upload-mb", options.max_upload_mb, "请求体上限 MB (request body limit)",
              1, 1024);
  add_bounded(serve, "--header-timeout", options.header_timeout,
              "请求头须在几秒内收齐 (seconds for a request's whole header)", 1, 600);
  add_bounded(serve, "--body-timeout", options.body_timeout,
              "请求体须在几秒内收齐 (seconds for a request's whole body)", 1, 3600);
  add_bounded(serve, "--max-connections", options.max_connections,
              "同时打开的连接上限 (open connections at most)", 16, 100000);
}

void add_serve(CLI::App& app, Commands& commands) {
  auto options = options_of<cli::ServeOptions>();
  auto* serve =
      app.add_subcommand("serve", "启动工作台：HTTP 接口与网页界面 (run the workbench server)");
  serve->add_option("--db", options->db, "数据库：SQLite 文件路径或 postgresql://… (database)")
      ->capture_default_str();
  serve->add_option("--host", options->host, "监听地址 (address to bind)")->capture_default_str();
  add_bounded(serve, "--port", options->port, "端口，0 表示任选空闲端口 (port; 0: any free)", 0,
              65535);
  serve->add_option("--static", options->static_dir,
                    "网页界面目录，缺省为已构建的 web/dist (web UI directory)");
  serve->add_flag("--demo", options->demo,
                  "数据库中没有表单时载入演示数据 (load demo data into an empty database)");
  add_serve_limits(serve, *options);
  serve->add_flag("--log", options->log, "逐条记录请求 (log every request)");
  serve->add_option("--public-origin", options->public_origins,
                    "反向代理后对外的地址，如 https://ziping.example.gov.cn；https 时会话 Cookie "
                    "加 Secure，可重复 (the origin people use behind a reverse proxy; https marks "
                    "the session cookie Secure; repeatable)");
  serve->add_option("--deadline", options->deadlines,
                    "某年度自评的截止日期，如 2022=2023-04-30，可重复；默认次年 4 月 30 日 "
                    "(a year's deadline, repeatable; default 30 April of the next year)");
  serve
      ->add_option("--login-failures", options->login_failures,
                   "同一地址 10 分钟内允许的登录失败次数，超出后暂停登录 (failed logins per "
                   "client address in 10 minutes before 429)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  commands.push_back(command(serve, options, cli::run_serve));
}

// Accounts (docs/accounts.md): users, the organisation tree, API tokens, the audit trail.
void add_user(CLI::App& app, Commands& commands) {
  auto options = options_of<cli::UserOptions>();
  auto* user = app.add_subcommand("user", "用户账号 (user accounts)")->require_subcommand(1);
  auto* add = user->add_subcommand("add", "添加用户 (add a user)");
  auto* passwd = user->add_subcommand("passwd", "更改密码 (change a password)");
  auto* disable = user->add_subcommand("disable", "停用用户 (disable a user)");
  for (auto* c : {add, passwd, disable}) {
    c->add_option("LOGIN", options->login, "登录名 (login)")->required();
    add_db(c, options->db);
  }
  add->add_option("--role", options->role, "角色 (role): filler unit_head supervisor finance admin")
      ->required();
  add->add_option("--org", options->org, "所属组织名称 (organisation name)");
  add->add_option("--name", options->name, "姓名 (name)");
  for (auto* c : {add, passwd}) {
    c->add_flag("--password-stdin", options->password_stdin, "从标准输入读密码 (read from stdin)");
    c->add_flag("--generate-password", options->generate_password, "生成密码并显示一次 (generate)");
  }
  disable->add_flag("--enable", options->enable, "重新启用 (enable again)");
  commands.push_back(command(add, options, cli::run_user_add));
  commands.push_back(command(passwd, options, cli::run_user_passwd));
  commands.push_back(command(disable, options, cli::run_user_disable));
}

void add_org_token_audit(CLI::App& app, Commands& commands) {
  auto org_options = options_of<cli::OrgImportOptions>();
  auto* org = app.add_subcommand("org", "组织 (organisations)")->require_subcommand(1);
  auto* org_import = org->add_subcommand("import", "从 CSV 导入组织树 (import the tree from CSV)");
  org_import->add_option("FILE", org_options->file, "CSV 文件 (file)")->required();
  add_db(org_import, org_options->db);
  commands.push_back(command(org_import, org_options, cli::run_org_import));

  auto token_options = options_of<cli::TokenOptions>();
  auto* token = app.add_subcommand("token", "API 令牌 (API tokens)")->require_subcommand(1);
  auto* token_add =
      token->add_subcommand("add", "为用户生成 API 令牌，只显示一次 (mint a token, shown once)");
  token_add->add_option("LOGIN", token_options->login, "登录名 (login)")->required();
  add_db(token_add, token_options->db);
  token_add->add_option("--label", token_options->label, "用途说明 (what it is for)");
  token_add->add_option("--days", token_options->days, "有效天数，0 为不过期 (days; 0: never)")
      ->check(CLI::Range(0, 3650));
  commands.push_back(command(token_add, token_options, cli::run_token_add));

  auto audit_db = std::make_shared<std::string>("ziping.db");
  auto* audit = app.add_subcommand("audit", "审计记录 (audit trail)")->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "校验哈希链 (verify the hash chain)");
  add_db(verify, *audit_db);
  commands.push_back({verify, [audit_db] { return cli::run_audit_verify(*audit_db); }});
}

// Batch work over a store (issue 13, docs/batch.md).
void add_generate(CLI::App& app, Commands& commands) {
  auto options = options_of<cli::GenerateOptions>();
  auto* generate = app.add_subcommand(
      "generate", "生成一个省的模拟自评表与组织树 (generate a province's synthetic forms)");
  generate->add_option("-o,--output", options->output, "输出目录 (output folder)")->required();
  generate->add_option("-n,--count", options->count, "表数 (forms)")->capture_default_str();
  generate->add_option("--first-year", options->first_year, "起始年度 (first year)")
      ->capture_default_str();
  generate->add_option("--years", options->years, "年数 (years)")->capture_default_str();
  generate->add_option("--seed", options->seed, "随机种子 (seed)")->capture_default_str();
  generate->add_option("--format", options->format, "文件格式 (file format)")
      ->capture_default_str();
  commands.push_back(command(generate, options, cli::run_generate));
}

void add_load(CLI::App& app, Commands& commands) {
  auto options = options_of<cli::LoadOptions>();
  auto* load = app.add_subcommand(
      "load", "批量载入表单：并行计分、存入数据库，可续传 (load forms in bulk, resumable)");
  load->add_option("INPUT", options->inputs, "目录或文件 (folders or files)")->required();
  add_db(load, options->db);
  load->add_option("--rules", options->rules, "规则集 (rule set)")->capture_default_str();
  load->add_option("--mode", options->mode, "review 或 auto")->capture_default_str();
  load->add_option("--status", options->status, "载入后的状态 (status)")->capture_default_str();
  load->add_option("--kind", options->kind, kKindHelp)->check(kKinds);
  load->add_option("-j,--jobs", options->jobs, "并行数，0 为每核一个 (workers; 0: per core)")
      ->capture_default_str();
  commands.push_back(command(load, options, cli::run_load));
}

void add_rescore_and_report(CLI::App& app, Commands& commands) {
  auto rescore_options = options_of<cli::RescoreOptions>();
  auto* rescore = app.add_subcommand(
      "rescore", "按规则集重新计分全部当前版本 (rescore every current revision)");
  add_db(rescore, rescore_options->db);
  rescore->add_option("--rules", rescore_options->rules,
                      "规则集，缺省为各表自己的 (rule set; default: each form's own)");
  rescore->add_option("--year", rescore_options->year, "只计该年度 (only this year)");
  rescore->add_option("-j,--jobs", rescore_options->jobs, "并行数 (workers)")
      ->capture_default_str();
  rescore->add_flag("--force", rescore_options->force,
                    "规则未变也重新计分 (rescore forms that are up to date too)");
  commands.push_back(command(rescore, rescore_options, cli::run_rescore));

  auto report_options = options_of<cli::ReportOptions>();
  auto* report = app.add_subcommand(
      "report", "年度分析报告：xlsx、csv 或 html (the year's analyses as a report)");
  add_db(report, report_options->db);
  report->add_option("--year", report_options->year, "年度 (year)")->required();
  report->add_option("-o,--output", report_options->output, "report.xlsx|csv|html")->required();
  report->add_flag("--timings", report_options->timings,
                   "在标准错误上列出每项分析的用时 (each analysis's time on stderr)");
  commands.push_back(command(report, report_options, cli::run_report));
}

Commands declare(CLI::App& app) {
  Commands commands;
  add_check_and_score(app, commands);
  add_convert(app, commands);
  add_import(app, commands);
  add_chain(app, commands);
  add_rules_and_diagnostics(app, commands);
  add_serve(app, commands);
  add_user(app, commands);
  add_org_token_audit(app, commands);
  add_generate(app, commands);
  add_load(app, commands);
  add_rescore_and_report(app, commands);
  return commands;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"ziping（自评）：预算绩效自评表的计分、检查与转换\n"
               "ziping: scores, checks and converts budget performance self-evaluation forms"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ziping 0.1.0");
  const Commands commands = declare(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return cli::kExitUnusable;
  }

  try {
    for (const Command& c : commands)
      if (*c.node) return c.run();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ziping: 内部错误 (internal error): %s\n", error.what());
    return cli::kExitInternal;
  }
  return cli::kExitUnusable;
}
