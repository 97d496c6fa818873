// `ziping serve`: the workbench's HTTP API and web UI on a store (SQLite file by default),
// until Ctrl-C. Prints where it listens, in Chinese and English, on standard output.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "ziping/diag/render.h"
#include "ziping/server/demo.h"
#include "ziping/server/http_server.h"
#include "ziping/server/run_until_signal.h"
#include "ziping/store/directory.h"
#include "ziping/store/open/open_store.h"

namespace ziping::cli {
namespace {

void print_error(const diag::Diagnostic& d) {
  std::string text = diag::render_text({d}) + diag::render_summary({d}) + "\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
}

// The built web UI: web/dist under the working directory, or beside the binary's source tree
// (build/ziping → web/dist), whichever exists first.
std::string default_static_dir() {
  std::error_code error;
  std::vector<std::filesystem::path> candidates = {"web/dist"};
  auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) candidates.push_back(exe.parent_path().parent_path() / "web" / "dist");
  for (const auto& dir : candidates)
    if (std::filesystem::is_regular_file(dir / "index.html", error)) return dir.string();
  return "";
}

} // namespace

int run_serve(const ServeOptions& options) {
  // Before the store's pool starts, so that every thread inherits the blocked mask.
  sigset_t signals = server::block_stop_signals();

  std::unique_ptr<store::Store> store;
  try {
    store = store::open_store(options.db, std::size_t(std::max(2, options.connections)));
  } catch (const store::StoreError& error) {
    print_error(error.diagnostic());
    return kExitUnusable;
  }
  server::Workbench workbench(*store);
  if (options.demo) {
    server::DemoResult demo = server::seed_demo(workbench);
    if (demo.seeded)
      std::printf("已载入演示数据：%zu 个部门，%zu 张表单，%zu 个版本，%zu 张申报表/监控表\n"
                  "demo data loaded: %zu departments, %zu forms, %zu revisions, %zu plans\n",
                  demo.departments, demo.forms, demo.revisions, demo.plans, demo.departments,
                  demo.forms, demo.revisions, demo.plans);
    else
      std::printf("数据库中已有表单，未重复载入演示数据\n"
                  "the database already holds forms; demo data not loaded again\n");
    // Printed to the terminal only: never written to a file (least of all one the server
    // serves). New passwords at every start.
    std::printf("演示账号（密码每次启动重新生成）(demo accounts, new passwords at every start):\n");
    for (const auto& account : server::seed_demo_accounts(workbench))
      std::printf("  %-16s %-8s %s  %s\n", account.login.c_str(), account.password.c_str(),
                  std::string(access::role_name_zh(account.role)).c_str(), account.org.c_str());
  } else if (store->directory().user_count() == 0) {
    std::printf("还没有任何账号：先用 ziping user add admin --role admin 建立管理员\n"
                "no accounts yet: create the first administrator with "
                "ziping user add admin --role admin\n");
  }

  server::ServerOptions server_options;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.static_dir =
      options.static_dir.empty() ? default_static_dir() : options.static_dir;
  server_options.threads = options.threads;
  server_options.max_body = std::size_t(options.max_upload_mb) << 20;
  server_options.header_timeout_seconds = options.header_timeout;
  server_options.body_timeout_seconds = options.body_timeout;
  server_options.max_connections = std::size_t(options.max_connections);
  server_options.log_requests = options.log;
  server_options.public_origins = options.public_origins;
  server_options.login_failures_per_address = options.login_failures;
  for (const auto& deadline : options.deadlines) {
    // "2022=2023-04-30"
    int year = 0, y = 0, m = 0, d = 0;
    char tail = 0;
    if (std::sscanf(deadline.c_str(), "%d=%d-%d-%d%c", &year, &y, &m, &d, &tail) != 4 ||
        year < 1900 || year > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
      print_error(diag::make(diag::DiagId::err_bad_parameter, "",
                             {"--deadline", deadline,
                              diag::bilingual("年度=YYYY-MM-DD，如 2022=2023-04-30",
                                              "YEAR=YYYY-MM-DD, e.g. 2022=2023-04-30")}));
      return kExitUnusable;
    }
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
    server_options.deadlines[year] = date;
  }
  server::HttpServer server(workbench, server_options);
  int port = server.bind();
  if (port < 0) {
    print_error(diag::make(diag::DiagId::err_cannot_listen, "",
                           {options.host, std::to_string(options.port)}));
    return kExitUnusable;
  }
  std::string url = "http://" + options.host + ":" + std::to_string(port);
  std::string ui = server.options().static_dir.empty()
                       ? "网页界面未构建，显示占位页 (web UI not built: placeholder page)"
                       : "网页界面 (web UI): " + server.options().static_dir;
  std::printf("ziping 工作台已启动：%s （按 Ctrl-C 停止）\n"
              "ziping workbench listening on %s (Ctrl-C to stop)\n"
              "数据库 (database): %s %s\n%s\n",
              url.c_str(), url.c_str(), std::string(store->backend()).c_str(),
              store->description().c_str(), ui.c_str());
  std::fflush(stdout);

  bool ok = server::run_until_signal(server, signals);
  std::printf("已停止 (stopped)\n");
  return ok ? kExitOk : kExitUnusable;
}

} // namespace ziping::cli
