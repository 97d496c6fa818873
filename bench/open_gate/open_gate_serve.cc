// ziping-open-gate DB LOGIN — `ziping serve --demo --port 0` on DB with the gate open: every
// request is taken as the account LOGIN without the session or token lookup, CSRF or the
// authorization table (http_server_open_gate.cc). Built for scripts/wrk_auth.sh only, never
// installed: comparing it with `ziping serve` measures what authorization adds to a request.
#include <cstdio>
#include <cstdlib>

#include "ziping/server/demo.h"
#include "ziping/server/http_server.h"
#include "ziping/server/run_until_signal.h"
#include "ziping/store/open/open_store.h"

int main(int argc, char** argv) {
  using namespace ziping;
  if (argc != 3) {
    std::fprintf(stderr, "usage: ziping-open-gate DB LOGIN\n");
    return 2;
  }
  sigset_t signals = server::block_stop_signals();

  // As `ziping serve` does by default: 8 connections, 8 workers, the demo data and accounts.
  auto store = store::open_store(argv[1], 8);
  server::Workbench workbench(*store);
  server::seed_demo(workbench);
  server::seed_demo_accounts(workbench);
  setenv("ZIPING_OPEN_GATE_LOGIN", argv[2], 1);
  server::ServerOptions options;
  options.port = 0;
  server::HttpServer server(workbench, options);
  int port = server.bind();
  if (port < 0) return 1;
  std::printf("open gate as %s: listening on http://127.0.0.1:%d\n", argv[2], port);
  std::fflush(stdout);
  return server::run_until_signal(server, signals) ? 0 : 1;
}
