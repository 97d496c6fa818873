// Fuzzes the HTTP request handling in process (issue 15): method, target, headers and body →
// the router, the route and its answer, through the entry the transport calls
// (HttpServer::answer, after parse_target), without a socket. The store is SQLite in memory,
// holding the seed form from start-up, so reads, saves, imports, exports and checks all reach
// real data.
//
// The input is a request in HTTP's own text shape, so that seeds can be written by hand:
//
//   [@ROLE LF]                  optional: act as an authenticated principal (below)
//   METHOD SP TARGET LF
//   name: value LF …            headers, until an empty line
//   LF
//   body…                       the rest, as the body
//
// What must hold: no exception leaves the handler and no 500 (a 500 is a bug by the API's own
// definition, docs/api.md); every answer has a status the API documents and a content type;
// every /api/ answer is JSON, and an error is the one error shape with a code.
//
// Principals: accounts are not wired into HTTP on this branch. A leading "@ROLE" line is
// parsed and handed to act_as(), which attaches the API token of a user of that role (made with
// the store at start-up: the seed's unit, its 主管部门 and 财政局, an administrator), so that the
// same corpus reaches the routes both as an anonymous client and as each role.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include <map>

#include "ziping/access/org_csv.h"
#include "ziping/access/role.h"
#include "ziping/crypto/crypto.h"
#include "ziping/server/http_server.h"
#include "ziping/server/http_types.h"
#include "ziping/server/workbench.h"
#include "ziping/store/sqlite/sqlite_store.h"
#include "ziping/text/utf8.h"

// LeakSanitizer: an export as PDF reaches pango and cairo, which keep what fontconfig gives them
// for the life of the process and lose a small array per PDF (see fuzz_print.cc): excused by
// library, as there.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libcairo.so\n";
}

using namespace ziping;

namespace {

[[noreturn]] void fail(const std::string& what, const server::Request& request,
                       const server::Response& response) {
  std::fprintf(stderr, "fuzz_http: %s\n  %s %s → %d\n  %.400s\n", what.c_str(),
               request.method.c_str(), request.target.c_str(), response.status,
               response.body.c_str());
  __builtin_trap();
}

// An API token per role (filler, unit_head, supervisor, finance, admin), made with the store
// each time it is made: the seed's unit, its 主管部门 and 财政局, and an administrator.
std::map<std::string, std::string, std::less<>>& role_tokens() {
  static std::map<std::string, std::string, std::less<>> tokens;
  return tokens;
}

// The principal of an input's "@role" line: that role's API token (an unknown role is nobody).
void act_as(std::string_view role, server::Request& request) {
  auto found = role_tokens().find(role);
  if (found != role_tokens().end())
    request.headers.emplace_back("authorization", "Bearer " + found->second);
}

constexpr const char* kSeedUnit = "天津市人民政府政务服务办公室";

void make_accounts(store::Store& store) {
  crypto::set_hash_cost(crypto::HashCost::Test);
  auto& directory = store.directory();
  store::Actor actor{std::nullopt, "fuzz"};
  std::vector<access::OrgRow> rows = {
      {access::OrgKind::Finance, "模糊测试财政局", "", "", {}},
      {access::OrgKind::Supervisor, "模糊测试主管部门", "", "模糊测试财政局", {}},
      {access::OrgKind::Unit, kSeedUnit, "", "模糊测试主管部门", {}},
      {access::OrgKind::Unit, "模糊测试其他单位", "", "模糊测试主管部门", {}},
  };
  auto imported = directory.import_orgs(rows, actor);
  if (!imported.diagnostics.empty()) __builtin_trap();
  struct Account {
    access::Role role;
    access::OrgKind kind;
    const char* org;
  };
  const Account accounts[] = {
      {access::Role::Filler, access::OrgKind::Unit, kSeedUnit},
      {access::Role::UnitHead, access::OrgKind::Unit, kSeedUnit},
      {access::Role::Supervisor, access::OrgKind::Supervisor, "模糊测试主管部门"},
      {access::Role::Finance, access::OrgKind::Finance, "模糊测试财政局"},
      {access::Role::Admin, access::OrgKind::Unit, nullptr},
  };
  role_tokens().clear();
  for (const auto& a : accounts) {
    store::NewUser user;
    user.login = "fuzz-" + std::string(access::role_name(a.role));
    user.name = user.login;
    user.role = a.role;
    if (a.org) user.org_id = directory.find_org(a.kind, a.org)->id;
    user.password = "fuzz-password-" + user.login;
    auto added = directory.add_user(user, actor);
    if (!added.user) __builtin_trap();
    role_tokens()[std::string(access::role_name(a.role))] =
        directory.create_api_token(added.user->id, "fuzz", std::nullopt, actor).token;
  }
}

// The server and its store, made once: building them per input would measure SQLite's schema
// set-up, not the routes. Remade every kInputsPerStore inputs so that saves and imports cannot
// grow the store without bound (then the log's preceding inputs are a crash's reproducer).
constexpr int kInputsPerStore = 2000;

struct Fixture {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<server::Workbench> workbench;
  std::unique_ptr<server::HttpServer> server;
  int served = 0;

  void make() {
    server.reset();
    workbench.reset();
    store = store::open_sqlite_store(":memory:", 1);
    workbench = std::make_unique<server::Workbench>(*store);
    server::ServerOptions options;
    options.threads = 1;
    server = std::make_unique<server::HttpServer>(*workbench, options);
    make_accounts(*store);
    std::ifstream file(std::string(ZIPING_SOURCE_DIR) + "/examples/tianjin-2022-dept.json");
    std::stringstream example;
    example << file.rdbuf();
    server::Request seed;
    seed.method = "POST";
    seed.target = "/api/forms";
    seed.headers = {{"content-type", "application/json"}};
    seed.body = "{\"content\":" + example.str() + ",\"author\":\"fuzz\"}";
    server::parse_target(seed);
    act_as("unit_head", seed);
    auto created = server->answer(seed);
    if (created.status != 201) fail("the seed form was not stored", seed, created);
    served = 0;
  }

  server::HttpServer& get() {
    if (!server || ++served > kInputsPerStore) make();
    return *server;
  }
};

const std::set<int>& documented_statuses() {
  // 503 is left out: the store is SQLite in memory and the queue is the transport's, so a
  // 503 here is an error the route should have answered as a 4xx.
  static const std::set<int> statuses = {200, 201, 400, 401, 403, 404, 409, 413, 415, 422, 429};
  return statuses;
}

// Splits the input into a request; false when it has no request line.
bool read_request(std::string_view input, std::string& role, server::Request& request) {
  auto next_line = [&input]() {
    std::size_t eol = input.find('\n');
    std::string_view line = input.substr(0, eol);
    input = eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  };
  std::string_view line = next_line();
  if (!line.empty() && line.front() == '@') {
    role = std::string(line.substr(1));
    line = next_line();
  }
  std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return false;
  request.method = std::string(line.substr(0, space));
  request.target = std::string(line.substr(space + 1));
  for (line = next_line(); !line.empty(); line = next_line()) {
    std::size_t colon = line.find(':');
    std::string name(line.substr(0, colon));
    for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    request.headers.emplace_back(std::move(name), std::string(value));
  }
  request.body = std::string(input);
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture fixture;
  std::string role;
  server::Request request;
  if (!read_request(std::string_view(reinterpret_cast<const char*>(data), size), role, request))
    return 0;
  // The transport refuses a target that is not a path (400) before any handler runs.
  if (!server::parse_target(request)) return 0;
  if (!role.empty()) act_as(role, request);
  server::Response response = fixture.get().answer(request);

  if (response.status == 500)
    fail("a 500: an exception the API does not expect", request, response);
  if (!documented_statuses().count(response.status))
    fail("a status docs/api.md does not list", request, response);
  if (response.content_type.empty() && request.method != "HEAD")
    fail("an answer without a content type", request, response);
  bool api = request.path.rfind("/api/", 0) == 0;
  bool json = response.content_type.rfind("application/json", 0) == 0;
  if (api && response.status >= 400) {
    if (!json) fail("an API error that is not JSON", request, response);
    if (request.method != "HEAD" && response.body.find("{\"error\":{\"code\":\"") != 0)
      fail("an API error not in the one error shape", request, response);
  }
  if (json && text::first_invalid_utf8(response.body))
    fail("JSON that is not UTF-8", request, response);
  return 0;
}
