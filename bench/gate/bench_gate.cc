// The gate alone (server/gate.h), on the demo data in a SQLite file: what authorization costs
// a request before its route runs, without HTTP or the route's own work. scripts/wrk_auth.sh
// measures the same over HTTP; this splits it into its parts.
//   BM_Decide                   access::decide on the form_put row (the table lookup)
//   BM_GateTokenRead            GET /api/forms/2 with an API token: Host, token lookup,
//                               the form's record and unit chain, the table
//   BM_GateSessionSave          PUT /api/forms/2 with the session cookie: Host/Origin,
//                               session lookup, CSRF, the form's record and unit chain, the table
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "ziping/server/demo.h"
#include "ziping/server/gate.h"
#include "ziping/server/workbench.h"
#include "ziping/store/directory.h"
#include "ziping/store/open/open_store.h"

namespace {

using namespace ziping;

struct World {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<server::Workbench> bench;
  std::unique_ptr<server::Gate> gate;
  std::string session, csrf, token;
  access::Principal head;

  World() {
    dir =
        std::filesystem::temp_directory_path() / ("ziping-bench-gate-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    store = store::open_store((dir / "gate.db").string(), 8);
    bench = std::make_unique<server::Workbench>(*store);
    server::seed_demo(*bench);
    std::string password;
    for (const auto& a : server::seed_demo_accounts(*bench))
      if (a.login == "demo-head") password = a.password;
    auto login = store->directory().login("demo-head", password, store::Clock::now());
    session = login.session->token;
    head = {login.session->user.role, login.session->user.org_id};
    token = store->directory()
                .create_api_token(login.session->user.id, "bench", std::nullopt, {})
                .token;
    gate = std::make_unique<server::Gate>(*store, server::GateOptions{});
    gate->listen_on("127.0.0.1", 8080);
    csrf = gate->csrf_token(session);
  }
  ~World() {
    gate.reset();
    bench.reset();
    store.reset();
    std::error_code error;
    std::filesystem::remove_all(dir, error);
  }
};

World& world() {
  static World w;
  return w;
}

server::Request form_request(const char* method) {
  server::Request req;
  req.method = method;
  req.target = req.path = "/api/forms/2";
  req.matches = {"/api/forms/2", "2"};
  req.endpoint = std::string_view(method) == "PUT" ? access::EndpointId::form_put
                                                   : access::EndpointId::form_get;
  req.headers = {{"host", "127.0.0.1:8080"}};
  return req;
}

void BM_Decide(benchmark::State& state) {
  World& w = world();
  access::Target target = w.gate->target_of_form(*w.store->form_record(2));
  for (auto _ : state)
    benchmark::DoNotOptimize(access::decide(access::EndpointId::form_put, w.head, target));
}
BENCHMARK(BM_Decide);

void BM_GateTokenRead(benchmark::State& state) {
  World& w = world();
  server::Request req = form_request("GET");
  req.headers.push_back({"authorization", "Bearer " + w.token});
  for (auto _ : state) {
    w.gate->check_origin(req);
    req.caller = w.gate->identify(req);
    w.gate->check_csrf(req);
    w.gate->authorize(req);
  }
}
BENCHMARK(BM_GateTokenRead)->Unit(benchmark::kMicrosecond);

void BM_GateSessionSave(benchmark::State& state) {
  World& w = world();
  server::Request req = form_request("PUT");
  req.headers.push_back({"origin", "http://127.0.0.1:8080"});
  req.headers.push_back({"content-type", "application/json"});
  req.headers.push_back({"cookie", std::string(server::kSessionCookie) + "=" + w.session});
  req.headers.push_back({"x-csrf-token", w.csrf});
  for (auto _ : state) {
    w.gate->check_origin(req);
    req.caller = w.gate->identify(req);
    w.gate->check_csrf(req);
    w.gate->authorize(req);
  }
}
BENCHMARK(BM_GateSessionSave)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
