// Accounts, authorization and the review chain over real HTTP (issue 10), on the backend of
// ZIPING_STORE_BACKEND: a server of its own, with this organisation tree:
//
//   测试市财政局 ─┬─ 授权主管部门一 ── 授权单位一  (own: the filler and the unit head act for it)
//                └─ 授权主管部门二 ── 授权单位二  (other)
//
// The walk sends every route of docs/openapi.yaml as every role (and the public) about a form
// of its own unit, of another unit and a published one, and checks the answer against
// access::decide(). The attacker probes (cross-origin writes, foreign Host, missing CSRF token)
// are on loopback and bounded.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "../contract/backend.h"
#include "harness.h"
#include "ziping/access/policy.h"
#include "ziping/io/xlsx/zip_archive.h"

namespace ziping::testing {
namespace {

using access::EndpointId;
using access::Role;

const std::string kBinary = ZIPING_BINARY;
const std::string kExamples = std::string(ZIPING_SOURCE_DIR) + "/examples/";
constexpr const char* kUnitOne = "授权单位一";
constexpr const char* kUnitTwo = "授权单位二";
constexpr const char* kSupervisorOne = "授权主管部门一";
constexpr const char* kSupervisorTwo = "授权主管部门二";
// Placed by the departments test only.
constexpr const char* kUnitThree = "授权单位三";
constexpr const char* kUnitFour = "授权单位四";
constexpr const char* kUnitFive = "授权单位五";
constexpr const char* kUnitSix = "授权单位六"; // the list cache's test only

Json json_of(const httplib::Result& r) {
  return r ? Json::parse(r->body) : Json();
}

std::string quoted(const std::string& text) {
  return "\"" + text + "\"";
}

std::string seed_as(const std::string& department) {
  std::string text = read_file(kExamples + "tianjin-2022-dept.json");
  std::string from = quoted("天津市人民政府政务服务办公室");
  text.replace(text.find(from), from.size(), quoted(department));
  return text;
}

// The seed's made-up 申报表 (examples/chain/), filed for `department`.
std::string declaration_as(const std::string& department) {
  std::string text = read_file(kExamples + "chain/tianjin-2022-dept-declaration.json");
  std::string from = quoted("天津市人民政府政务服务办公室");
  text.replace(text.find(from), from.size(), quoted(department));
  return text;
}

// The catalogue entry each refusal is told with (docs/api.md's error table).
const std::map<std::string, std::string> kDiagnostic = {
    {"login_required", "ZP0727"},    {"forbidden", "ZP0728"},
    {"csrf_failed", "ZP0729"},       {"origin_refused", "ZP0730"},
    {"login_failed", "ZP0731"},      {"login_locked", "ZP0732"},
    {"too_many_attempts", "ZP0733"}, {"not_editable", "ZP0734"},
    {"state_conflict", "ZP0735"},    {"transition_not_allowed", "ZP0736"},
    {"reason_required", "ZP0737"},   {"not_in_review", "ZP0738"}};

// The API's error shape, with this status and code (and catalogue entry, when given).
void expect_error(const httplib::Result& r, int status, const std::string& code,
                  const std::string& where = "", std::string diagnostic = "") {
  ASSERT_TRUE(r) << where;
  EXPECT_EQ(r->status, status) << where << " " << r->body;
  Json e = json_of(r)["error"];
  EXPECT_EQ(e["code"].str(), code) << where << " " << r->body;
  EXPECT_FALSE(e["message"].str().empty()) << where;
  EXPECT_FALSE(e["message_en"].str().empty()) << where;
  EXPECT_EQ(e["diagnostic"].str().rfind("ZP", 0), 0u) << where;
  if (diagnostic.empty() && kDiagnostic.count(code)) diagnostic = kDiagnostic.at(code);
  if (!diagnostic.empty()) {
    EXPECT_EQ(e["diagnostic"].str(), diagnostic) << where;
  }
  EXPECT_TRUE(e["details"].is_object()) << where;
}

class Auth : public ::testing::Test {
public:
  static void SetUpTestSuite() {
    backend = Backend::fresh().release();
    ASSERT_TRUE(backend);
    accounts = new Accounts(kBinary, backend->url());
    accounts->place(kUnitOne, kSupervisorOne);
    accounts->place(kUnitTwo, kSupervisorTwo);
    server = new ServerProcess(
        kBinary, {"--db", backend->url(), "--static", "/nonexistent/ui", "--login-failures", "8"});
    ASSERT_TRUE(server->started()) << server->output();
  }
  static void TearDownTestSuite() {
    if (server) {
      EXPECT_EQ(server->stop(), 0) << server->output();
    }
    delete server;
    delete accounts;
    delete backend;
    server = nullptr;
  }

  static httplib::Client anonymous() {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(60, 0);
    c.set_url_encode(false);
    return c;
  }
  static httplib::Client as(const std::string& token) {
    auto c = anonymous();
    c.set_bearer_token_auth(token);
    return c;
  }
  static std::string filler() { return accounts->token("auth-filler", "filler", kUnitOne); }
  static std::string head() { return accounts->token("auth-head", "unit_head", kUnitOne); }
  static std::string head_two() { return accounts->token("auth-head-2", "unit_head", kUnitTwo); }
  static std::string supervisor() {
    return accounts->token("auth-supervisor", "supervisor", kSupervisorOne);
  }
  static std::string supervisor_two() {
    return accounts->token("auth-supervisor-2", "supervisor", kSupervisorTwo);
  }
  static std::string finance() {
    return accounts->token("auth-finance", "finance", Accounts::kFinance);
  }
  static std::string admin() { return accounts->token("auth-admin", "admin", ""); }

  static long long create(const std::string& token, const std::string& department) {
    auto r = as(token).Post("/api/forms", "{\"content\": " + seed_as(department) + "}",
                            "application/json");
    EXPECT_TRUE(r);
    if (!r) return -1;
    EXPECT_EQ(r->status, 201) << r->body;
    return json_of(r)["form"]["id"].integer();
  }
  static long long create_plan(const std::string& token, const std::string& department) {
    auto r = as(token).Post("/api/plans?filename=declaration.json", declaration_as(department),
                            "application/json");
    EXPECT_TRUE(r);
    if (!r) return -1;
    EXPECT_EQ(r->status, 201) << r->body;
    return json_of(r)["plan"]["id"].integer();
  }
  static httplib::Result step(const std::string& token, long long id, const std::string& action,
                              const std::string& expected, const std::string& reason = "") {
    std::string body = R"({"action": ")" + action + R"(", "expected_state": ")" + expected + "\"" +
                       (reason.empty() ? "" : R"(, "reason": ")" + reason + "\"") + "}";
    return as(token).Post("/api/forms/" + std::to_string(id) + "/transitions", body,
                          "application/json");
  }
  static void expect_step(const std::string& token, long long id, const std::string& action,
                          const std::string& from, const std::string& to,
                          const std::string& reason = "") {
    auto r = step(token, id, action, from, reason);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << action << " " << r->body;
    EXPECT_EQ(json_of(r)["review_state"].str(), to);
  }

  static Backend* backend;
  static Accounts* accounts;
  static ServerProcess* server;
};
Backend* Auth::backend = nullptr;
Accounts* Auth::accounts = nullptr;
ServerProcess* Auth::server = nullptr;

// ---- the walk -------------------------------------------------------------------------------

struct Route {
  std::string method, path;
  bool operator<(const Route& o) const {
    return std::tie(method, path) < std::tie(o.method, o.path);
  }
};

std::set<Route> openapi_routes() {
  std::ifstream in(std::filesystem::path(ZIPING_SOURCE_DIR) / "docs" / "openapi.yaml");
  std::set<Route> routes;
  std::string line, path;
  static const std::regex path_line(R"(^  (/[^:\s]*):\s*$)");
  static const std::regex method_line(R"(^    (get|post|put|delete|patch):)");
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, path_line)) {
      path = m[1];
    } else if (!line.empty() && line[0] != ' ') {
      path.clear();
    } else if (!path.empty() && std::regex_search(line, m, method_line)) {
      std::string method = m[1];
      for (auto& c : method) c = char(std::toupper(static_cast<unsigned char>(c)));
      routes.insert({method, path});
    }
  }
  return routes;
}

// The departments a caller is told of, and each one's form count, are exactly what the form
// list shows that caller: no name or count of a unit whose forms it may not read.
void expect_departments_as_forms(httplib::Client& client, const std::string& where) {
  Json list = json_of(client.Get("/api/departments"))["departments"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string id = std::to_string(list[i]["id"].integer());
    Json forms = json_of(client.Get("/api/forms?limit=1&department=" + id));
    EXPECT_EQ(list[i]["form_count"].integer(), forms["total"].integer())
        << where << ": " << list[i]["name"].str();
    auto one = client.Get("/api/departments/" + id);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->status, 200) << where << " " << one->body;
  }
}

TEST_F(Auth, EveryRouteAsEveryRoleAboutOwnOtherAndPublishedFormsIsAnsweredAsTheTableSays) {
  // The forms: one of unit one (own for its people), one of unit two (other), and one of unit
  // two taken through the whole chain to 已公开.
  long long own = create(head(), kUnitOne);
  long long other = create(head_two(), kUnitTwo);
  long long published = create(head_two(), kUnitTwo);
  expect_step(head_two(), published, "submit", "draft", "submitted");
  expect_step(supervisor_two(), published, "approve", "submitted", "reviewed");
  expect_step(finance(), published, "approve", "reviewed", "approved");
  expect_step(finance(), published, "publish", "approved", "published");
  // A plan of the chain (issue 14) per unit: the /api/plans/{id} routes are about the plan's unit.
  std::map<long long, long long> plan_of = {{own, create_plan(head(), kUnitOne)},
                                            {other, create_plan(head_two(), kUnitTwo)}};
  plan_of[published] = plan_of[other];

  // Organisation ids, for the principal and target decide() is asked about.
  std::map<std::string, long long> org;
  Json orgs = json_of(as(admin()).Get("/api/orgs"))["orgs"];
  for (std::size_t i = 0; i < orgs.size(); ++i)
    org[orgs[i]["name"].str()] = orgs[i]["id"].integer();
  ASSERT_TRUE(org.count(kUnitOne) && org.count(kUnitTwo)) << orgs.size();
  long long finance_id = org[Accounts::kFinance];
  access::Target target_own{{org[kUnitOne], org[kSupervisorOne], finance_id}, false};
  access::Target target_other{{org[kUnitTwo], org[kSupervisorTwo], finance_id}, false};
  access::Target target_published{{org[kUnitTwo], org[kSupervisorTwo], finance_id}, true};

  struct Who {
    Role role;
    std::string token; // "" for the public
    std::optional<std::int64_t> org;
  };
  std::vector<Who> people = {{Role::Public, "", std::nullopt},
                             {Role::Filler, filler(), org[kUnitOne]},
                             {Role::UnitHead, head(), org[kUnitOne]},
                             {Role::Supervisor, supervisor(), org[kSupervisorOne]},
                             {Role::Finance, finance(), finance_id},
                             {Role::Admin, admin(), std::nullopt}};

  // Every route of the OpenAPI file has a row; every row is walked.
  std::set<Route> described = openapi_routes();
  ASSERT_GE(described.size(), 40u);
  std::set<Route> rows;
  for (const auto& e : access::endpoints())
    rows.insert({std::string(access::method_name(e.method)), std::string(e.path)});
  for (const auto& r : described)
    EXPECT_TRUE(rows.count(r)) << r.method << " " << r.path << " has no row in endpoints.def";

  int requests = 0;
  for (const auto& e : access::endpoints()) {
    std::string method(access::method_name(e.method));
    bool unit = e.scope == access::Scope::Unit;
    struct Case {
      std::string label;
      long long form;
      const access::Target* target;
      std::string department;
    };
    std::vector<Case> cases;
    if (unit) {
      cases = {{"own", own, &target_own, kUnitOne},
               {"other", other, &target_other, kUnitTwo},
               {"published", published, &target_published, kUnitTwo}};
    } else {
      cases = {{"global", own, nullptr, ""}};
    }
    for (const auto& who : people) {
      for (const auto& c : cases) {
        std::string path(e.path);
        auto at = path.find("{id}");
        std::string id = std::to_string(c.form);
        if (e.name == "tokens_delete" || e.name == "users_update") id = "987654321";
        if (std::string_view(e.path).starts_with("/api/plans/{id}"))
          id = std::to_string(plan_of[c.form]);
        if (at != std::string::npos) path.replace(at, 4, id);
        at = path.find("{name}");
        if (at != std::string::npos) path.replace(at, 6, "cn-2020");
        // A body every route can refuse as malformed once it has let the caller in; for the two
        // whose unit is in the body, a real form of that unit (or an upload that saves it).
        std::string body = "{}";
        std::string type = "application/json";
        auto client = who.token.empty() ? anonymous() : as(who.token);
        if (e.name == "forms_create") body = "{\"content\": " + seed_as(c.department) + "}";
        if (e.name == "plans_import") {
          body = declaration_as(c.department);
          path += "?filename=declaration.json";
        }
        if (e.name == "orgs_import") type = "text/csv";
        auto send = [&]() -> httplib::Result {
          if (e.name == "import_save") {
            httplib::MultipartFormDataItems items = {
                {"file", seed_as(c.department), "form.json", "application/json"},
                {"save", "true", "", ""}};
            return client.Post(path, items);
          }
          if (method == "GET") return client.Get(path);
          if (method == "POST") return client.Post(path, body, type);
          if (method == "PUT") return client.Put(path, body, type);
          return client.Delete(path);
        };
        httplib::Result r = send();
        ++requests;
        access::Principal principal{who.role, who.org};
        access::Decision d =
            access::decide(e.id, principal, c.target ? *c.target : access::Target{});
        std::string where = std::string(e.name) + " as " +
                            std::string(access::role_name(who.role)) + " on " + c.label;
        ASSERT_TRUE(r) << where;
        if (d.allowed) {
          EXPECT_NE(r->status, 401) << where << " " << r->body;
          EXPECT_NE(r->status, 403) << where << " " << r->body;
          EXPECT_LT(r->status, 500) << where << " " << r->body;
          if (e.id == EndpointId::departments_list) expect_departments_as_forms(client, where);
        } else if (d.needs_login) {
          expect_error(r, 401, "login_required", where);
        } else {
          expect_error(r, 403, "forbidden", where);
        }
      }
    }
  }
  EXPECT_GT(requests, 300);
}

// ---- the named cases of the issue -------------------------------------------------------------

TEST_F(Auth, AFillerReadingAnotherUnitsFormIsForbidden) {
  long long other = create(head_two(), kUnitTwo);
  expect_error(as(filler()).Get("/api/forms/" + std::to_string(other)), 403, "forbidden");
  // …and the list leaves it out.
  Json list = json_of(as(filler()).Get("/api/forms?limit=500"));
  for (std::size_t i = 0; i < list["forms"].size(); ++i)
    EXPECT_NE(list["forms"][i]["id"].integer(), other);
}

// GET /api/departments is scoped like the form list: a unit's people see their own unit, a
// 主管部门 its units, 财政 every unit of its 财政局, an administrator everything, and everyone
// the departments with published forms, counting only those.
TEST_F(Auth, DepartmentsAndTheirCountsAreShownOnlyToWhoMayReadTheirForms) {
  accounts->place(kUnitThree, kSupervisorTwo);
  std::string head_three = accounts->token("auth-head-3", "unit_head", kUnitThree);
  long long draft = create(head_three, kUnitThree);
  long long published = create(head_three, kUnitThree);
  create(head_three, kUnitThree);
  expect_step(head_three, published, "submit", "draft", "submitted");
  expect_step(supervisor_two(), published, "approve", "submitted", "reviewed");
  expect_step(finance(), published, "approve", "reviewed", "approved");
  expect_step(finance(), published, "publish", "approved", "published");
  (void)draft;
  // What each caller is told of unit three: nothing, or its count.
  auto client = [](const std::string& token) { return token.empty() ? anonymous() : as(token); };
  auto count_of = [&](const std::string& token) -> std::optional<long long> {
    Json list = json_of(client(token).Get("/api/departments"))["departments"];
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i]["name"].str() == kUnitThree) return list[i]["form_count"].integer();
    return std::nullopt;
  };
  EXPECT_EQ(count_of(admin()), 3);
  EXPECT_EQ(count_of(finance()), 3);
  EXPECT_EQ(count_of(supervisor_two()), 3);
  EXPECT_EQ(count_of(head_three), 3);
  // Unit one's people and its 主管部门, and the public: the published form only.
  EXPECT_EQ(count_of(filler()), 1);
  EXPECT_EQ(count_of(supervisor()), 1);
  EXPECT_EQ(count_of(""), 1);
  // A unit with no published form is not named to them at all.
  accounts->place(kUnitFour, kSupervisorTwo);
  create(accounts->token("auth-head-4", "unit_head", kUnitFour), kUnitFour);
  long long four = -1;
  Json all = json_of(as(admin()).Get("/api/departments"))["departments"];
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i]["name"].str() == kUnitFour) four = all[i]["id"].integer();
  ASSERT_GT(four, 0);
  for (const std::string& token : {filler(), head(), supervisor(), std::string()}) {
    auto c = client(token);
    Json list = json_of(c.Get("/api/departments"))["departments"];
    for (std::size_t i = 0; i < list.size(); ++i) EXPECT_NE(list[i]["name"].str(), kUnitFour);
    expect_error(c.Get("/api/departments/" + std::to_string(four)), 404, "not_found", "", "ZP0709");
  }
  auto seen = as(supervisor_two()).Get("/api/departments/" + std::to_string(four));
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->status, 200);
  EXPECT_EQ(json_of(seen)["form_count"].integer(), 1);
  // The organisation tree likewise: above and under one's own organisation only.
  auto org_names = [&](const std::string& token) {
    std::set<std::string> names;
    Json orgs = json_of(as(token).Get("/api/orgs"))["orgs"];
    for (std::size_t i = 0; i < orgs.size(); ++i) names.insert(orgs[i]["name"].str());
    return names;
  };
  EXPECT_EQ(org_names(filler()),
            (std::set<std::string>{kUnitOne, kSupervisorOne, Accounts::kFinance}));
  std::set<std::string> under_two = org_names(supervisor_two());
  EXPECT_TRUE(under_two.count(kUnitFour) && under_two.count(kUnitTwo));
  EXPECT_FALSE(under_two.count(kUnitOne) || under_two.count(kSupervisorOne));
  EXPECT_TRUE(org_names(finance()).count(kUnitOne));
  // A unit's own department is listed even before it files anything.
  accounts->place(kUnitFive, kSupervisorTwo);
  Json own = json_of(as(accounts->token("auth-filler-5", "filler", kUnitFive))
                         .Get("/api/departments"))["departments"];
  bool listed = false;
  for (std::size_t i = 0; i < own.size(); ++i)
    if (own[i]["name"].str() == kUnitFive) listed = own[i]["form_count"].integer() == 0;
  EXPECT_TRUE(listed);
  // (The walk checks every role this way; here the callers whose view changed most.)
  for (const std::string& token : {filler(), std::string(), head_three}) {
    auto c = client(token);
    expect_departments_as_forms(c, "after unit three");
  }
}

// 我的待办 carries each form's deadline (the progress board's, per year): the date, the days
// left and whether the unit is late with it.
TEST_F(Auth, ToDoItemsCarryTheYearsDeadline) {
  long long id = create(head(), kUnitOne);
  auto item_of = [&](const std::string& token, int port) {
    httplib::Client c("127.0.0.1", port);
    c.set_bearer_token_auth(token);
    Json forms = json_of(c.Get("/api/todo"))["forms"];
    for (std::size_t i = 0; i < forms.size(); ++i)
      if (forms[i]["id"].integer() == id) return forms[i];
    return Json();
  };
  // No --deadline: 30 April of the next year, long past for 2022 (the seed's year).
  Json late = item_of(head(), server->port());
  ASSERT_TRUE(late.is_object());
  EXPECT_EQ(late["deadline"].str(), "2023-04-30");
  EXPECT_EQ(late["overdue"].str(), "true");
  EXPECT_LT(late["days_left"].integer(), 0);
  // Submitted, it is no longer the unit's to finish: not overdue for the 主管部门.
  expect_step(head(), id, "submit", "draft", "submitted");
  Json waiting = item_of(supervisor(), server->port());
  ASSERT_TRUE(waiting.is_object());
  EXPECT_EQ(waiting["deadline"].str(), "2023-04-30");
  EXPECT_EQ(waiting["overdue"].str(), "false");
  // A configured deadline in the future: days left, not overdue.
  expect_step(supervisor(), id, "return", "submitted", "returned", "再看看");
  ServerProcess later(kBinary, {"--db", backend->url(), "--static", "/nonexistent/ui", "--deadline",
                                "2022=2999-04-30"});
  ASSERT_TRUE(later.started()) << later.output();
  Json early = item_of(head(), later.port());
  ASSERT_TRUE(early.is_object());
  EXPECT_EQ(early["deadline"].str(), "2999-04-30");
  EXPECT_EQ(early["overdue"].str(), "false");
  EXPECT_GT(early["days_left"].integer(), 300 * 365);
  EXPECT_EQ(later.stop(), 0);
}

TEST_F(Auth, ASupervisorApprovingAUnitOutsideItsSupervisionIsForbidden) {
  long long other = create(head_two(), kUnitTwo);
  expect_step(head_two(), other, "submit", "draft", "submitted");
  expect_error(step(supervisor(), other, "approve", "submitted"), 403, "forbidden");
  // Its own supervisor may.
  expect_step(supervisor_two(), other, "approve", "submitted", "reviewed");
}

TEST_F(Auth, NobodyEditsAnApprovedForm) {
  long long id = create(head(), kUnitOne);
  expect_step(head(), id, "submit", "draft", "submitted");
  expect_step(supervisor(), id, "approve", "submitted", "reviewed");
  expect_step(finance(), id, "approve", "reviewed", "approved");
  std::string path = "/api/forms/" + std::to_string(id);
  std::string save = R"({"base_revision": 1, "content": )" + seed_as(kUnitOne) + "}";
  // Its own unit: the state refuses (409); anyone else: the role refuses (403).
  expect_error(as(head()).Put(path, save, "application/json"), 409, "not_editable");
  expect_error(as(filler()).Put(path, save, "application/json"), 409, "not_editable");
  for (const auto& token : {supervisor(), finance(), admin()})
    expect_error(as(token).Put(path, save, "application/json"), 403, "forbidden");
  // Reopened by the role that approved it, with a reason, it is the unit's again.
  expect_error(step(finance(), id, "reopen", "approved"), 400, "reason_required");
  expect_step(finance(), id, "reopen", "approved", "returned", "复核发现问题");
  auto saved = as(filler()).Put(path, save, "application/json");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 200) << saved->body;
}

TEST_F(Auth, AnUnauthenticatedWriteIsTold401) {
  expect_error(anonymous().Post("/api/forms", "{\"content\": " + seed_as(kUnitOne) + "}",
                                "application/json"),
               401, "login_required");
  expect_error(anonymous().Put("/api/forms/1", "{}", "application/json"), 401, "login_required");
  auto bad = anonymous();
  bad.set_bearer_token_auth("zpt_not-a-token");
  expect_error(bad.Get("/api/forms"), 401, "login_required", "", "ZP0740");
}

TEST_F(Auth, CrossOriginWritesAndForeignHostsAreRefused) {
  std::string body = "{\"content\": " + seed_as(kUnitOne) + "}";
  auto c = as(head());
  c.set_default_headers({{"Origin", "https://attacker.example"}});
  expect_error(c.Post("/api/forms", body, "application/json"), 403, "origin_refused");
  // A page elsewhere can send text/plain without asking: refused whoever is logged in.
  auto plain = as(head());
  expect_error(plain.Post("/api/forms", body, "text/plain"), 403, "origin_refused");
  auto fetch = as(head());
  fetch.set_default_headers({{"Sec-Fetch-Site", "cross-site"}});
  expect_error(fetch.Post("/api/forms", body, "application/json"), 403, "origin_refused");
  // DNS rebinding: a name that resolves to us, in Host.
  auto rebound = as(head());
  rebound.set_default_headers({{"Host", "attacker.example"}});
  expect_error(rebound.Get("/api/forms"), 403, "origin_refused");
  auto page = anonymous();
  page.set_default_headers({{"Host", "attacker.example:" + std::to_string(server->port())}});
  expect_error(page.Get("/"), 403, "origin_refused");
  // Our own origin is fine.
  auto own = as(head());
  own.set_default_headers({{"Origin", "http://127.0.0.1:" + std::to_string(server->port())}});
  auto ok = own.Post("/api/forms", body, "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
}

long long org_id(const std::string& token, const std::string& name) {
  auto c = httplib::Client("127.0.0.1", Auth::server->port());
  c.set_bearer_token_auth(token);
  Json orgs = json_of(c.Get("/api/orgs"))["orgs"];
  for (std::size_t i = 0; i < orgs.size(); ++i)
    if (orgs[i]["name"].str() == name) return orgs[i]["id"].integer();
  return -1;
}

void add_user(const std::string& admin, const std::string& login, const std::string& role,
              long long org, const std::string& password) {
  auto c = httplib::Client("127.0.0.1", Auth::server->port());
  c.set_bearer_token_auth(admin);
  auto r = c.Post("/api/users",
                  R"({"login": ")" + login + R"(", "role": ")" + role + R"(", "org_id": )" +
                      std::to_string(org) + R"(, "password": ")" + password + "\"}",
                  "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(json_of(r)["role_label"].str(), "单位负责人");
}

TEST_F(Auth, SessionsUseAnHttpOnlyStrictCookieAndWritesNeedTheCsrfToken) {
  add_user(admin(), "auth-cookie", "unit_head", org_id(admin(), kUnitOne), "correct horse 1");
  auto c = anonymous();
  auto login = c.Post("/api/session", R"({"login": "auth-cookie", "password": "correct horse 1"})",
                      "application/json");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200) << login->body;
  std::string set_cookie = login->get_header_value("Set-Cookie");
  EXPECT_EQ(set_cookie.rfind("ziping_session=", 0), 0u) << set_cookie;
  for (const char* part : {"HttpOnly", "SameSite=Strict", "Path=/"})
    EXPECT_NE(set_cookie.find(part), std::string::npos) << set_cookie;
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos) << "plain http: not Secure";
  Json session = json_of(login);
  EXPECT_EQ(login->body.find(set_cookie.substr(15, 20)), std::string::npos) << "no cookie in body";
  std::string csrf = session["csrf_token"].str();
  EXPECT_EQ(session["csrf_header"].str(), "X-CSRF-Token");
  c.set_default_headers({{"Cookie", set_cookie.substr(0, set_cookie.find(';'))}});
  Json me = json_of(c.Get("/api/session"));
  EXPECT_EQ(me["authenticated"].str(), "true");
  EXPECT_EQ(me["via"].str(), "session");
  EXPECT_EQ(me["role"].str(), "unit_head");
  EXPECT_EQ(me["user"]["org"]["name"].str(), kUnitOne);
  EXPECT_EQ(me["csrf_token"].str(), csrf);

  std::string body = "{\"content\": " + seed_as(kUnitOne) + "}";
  expect_error(c.Post("/api/forms", body, "application/json"), 403, "csrf_failed");
  httplib::Headers wrong = {{"X-CSRF-Token", "0000"}};
  expect_error(c.Post("/api/forms", wrong, body, "application/json"), 403, "csrf_failed");
  httplib::Headers right = {{"X-CSRF-Token", csrf}};
  auto created = c.Post("/api/forms", right, body, "application/json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(json_of(created)["revision"]["author"].str(), "auth-cookie");

  auto out = c.Delete("/api/session", right);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  Json after = json_of(c.Get("/api/session"));
  EXPECT_EQ(after["authenticated"].str(), "false");
  EXPECT_EQ(after["role"].str(), "public");
  expect_error(c.Post("/api/forms", right, body, "application/json"), 401, "login_required");
}

TEST_F(Auth, TheReviewChainWithACommentAReturnAndAFix) {
  long long id = create(head(), kUnitOne);
  std::string form = "/api/forms/" + std::to_string(id);
  // The filler may edit but not sign off, and no save changes the state.
  expect_error(step(filler(), id, "submit", "draft"), 403, "forbidden");
  expect_error(as(filler()).Put(form,
                                R"({"base_revision": 1, "status": "submitted", "content": )" +
                                    seed_as(kUnitOne) + "}",
                                "application/json"),
               400, "invalid_field", "", "ZP0739");
  expect_step(head(), id, "submit", "draft", "submitted");
  // The state the caller saw is part of the request.
  expect_error(step(supervisor(), id, "approve", "draft"), 409, "state_conflict");
  expect_error(step(supervisor(), id, "publish", "submitted"), 409, "transition_not_allowed");
  expect_error(
      as(finance()).Post(form + "/comments", R"({"path": "", "text": "早了"})", "application/json"),
      409, "not_in_review");
  // 我的待办 of the 主管部门 holds it, with the steps it may take.
  Json todo = json_of(as(supervisor()).Get("/api/todo"));
  bool listed = false;
  for (std::size_t i = 0; i < todo["forms"].size(); ++i)
    if (todo["forms"][i]["id"].integer() == id) {
      listed = true;
      EXPECT_EQ(todo["forms"][i]["review_state_label"].str(), "已提交");
      EXPECT_EQ(todo["forms"][i]["actions"].size(), 2u); // return, approve
    }
  EXPECT_TRUE(listed) << todo["forms"].size();
  auto comment =
      as(supervisor())
          .Post(form + "/comments",
                R"({"path": "goals[0].indicators[0].actual", "text": "实际值与佐证材料不符"})",
                "application/json");
  ASSERT_TRUE(comment);
  ASSERT_EQ(comment->status, 201) << comment->body;
  expect_error(step(supervisor(), id, "return", "submitted"), 400, "reason_required");
  expect_step(supervisor(), id, "return", "submitted", "returned", "请核对实际值");
  // The unit fixes it and submits again.
  auto fixed = as(filler()).Put(
      form, R"({"base_revision": 1, "content": )" + seed_as(kUnitOne) + "}", "application/json");
  ASSERT_TRUE(fixed);
  EXPECT_EQ(fixed->status, 200) << fixed->body;
  expect_step(head(), id, "submit", "returned", "submitted");
  expect_step(supervisor(), id, "approve", "submitted", "reviewed");
  auto scored = as(finance()).Put(
      form + "/review-scores",
      R"({"scores": [{"path": "goals[0].indicators[0]", "reviewer_score": 1.50, "reason": "佐证不足"}]})",
      "application/json");
  ASSERT_TRUE(scored);
  ASSERT_EQ(scored->status, 200) << scored->body;
  expect_error(
      as(finance()).Put(form + "/review-scores",
                        R"({"scores": [{"path": "goals[99].indicators[0]", "reviewer_score": 1}]})",
                        "application/json"),
      400, "invalid_field", "", "ZP0741");
  Json review = json_of(as(finance()).Get(form + "/review"));
  EXPECT_EQ(review["review_state"].str(), "reviewed");
  EXPECT_EQ(review["review_state_label"].str(), "主管已审核");
  EXPECT_EQ(review["may_score"].str(), "true");
  EXPECT_EQ(review["events"].size(), 4u);
  EXPECT_EQ(review["events"][1]["reason"].str(), "请核对实际值");
  EXPECT_EQ(review["comments"][0]["path"].str(), "goals[0].indicators[0].actual");
  EXPECT_EQ(review["scores"][0]["reviewer_score"].str(), "1.50");
  EXPECT_FALSE(review["scores"][0]["self_score"].is_null());
  EXPECT_FALSE(review["scores"][0]["difference"].is_null());
  // The export carries the reviewer's score with its exact digits (复核得分, 复核意见), and a
  // new score is never hidden by the export cache.
  auto xlsx_strings = [&](const std::string& cache) {
    auto got = as(finance()).Get(form + "/export?format=xlsx");
    EXPECT_TRUE(got);
    if (!got) return std::string();
    EXPECT_EQ(got->status, 200);
    EXPECT_EQ(got->get_header_value("X-Ziping-Cache"), cache);
    ziping::io::xlsx::ZipArchive zip(got->body);
    auto status = ziping::io::xlsx::ZipArchive::Status::Ok;
    return zip.read("xl/sharedStrings.xml", status).value_or("");
  };
  std::string strings = xlsx_strings("miss");
  EXPECT_NE(strings.find("<t>复核得分</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>复核意见</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>1.50</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>佐证不足</t>"), std::string::npos);
  xlsx_strings("hit");
  auto rescored = as(finance()).Put(
      form + "/review-scores",
      R"({"scores": [{"path": "goals[0].indicators[0]", "reviewer_score": 1.75, "reason": "补充佐证后"}]})",
      "application/json");
  ASSERT_TRUE(rescored);
  ASSERT_EQ(rescored->status, 200) << rescored->body;
  strings = xlsx_strings("miss");
  EXPECT_NE(strings.find("<t>1.75</t>"), std::string::npos);
  EXPECT_EQ(strings.find("<t>1.50</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>补充佐证后</t>"), std::string::npos);
  // The printed copies carry the 复核意见 pages after the form.
  auto page = as(finance()).Get(form + "/export?format=html");
  ASSERT_TRUE(page);
  auto printed = page->body.find("附：复核意见（财政复核）");
  ASSERT_NE(printed, std::string::npos);
  EXPECT_GT(printed, page->body.find("</main>"));
  EXPECT_NE(page->body.find("1.75", printed), std::string::npos);
  EXPECT_NE(page->body.find("实际值与佐证材料不符", printed), std::string::npos);
  auto pdf = as(finance()).Get(form + "/export?format=pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->status, 200);
  expect_step(finance(), id, "approve", "reviewed", "approved");
  expect_step(finance(), id, "publish", "approved", "published");
  // Now the public reads it.
  auto open = anonymous().Get(form);
  ASSERT_TRUE(open);
  EXPECT_EQ(open->status, 200);

  // The progress board of the 主管部门, and the audit trail has the export.
  Json board = json_of(as(supervisor()).Get("/api/progress?year=2022"));
  EXPECT_EQ(board["year"].integer(), 2022);
  EXPECT_EQ(board["deadline"].str(), "2023-04-30");
  EXPECT_EQ(board["units"].size(), 1u);
  EXPECT_EQ(board["units"][0]["unit"]["name"].str(), kUnitOne);
  ASSERT_TRUE(as(finance()).Get(form + "/export?format=xlsx"));
  Json audit = json_of(as(admin()).Get("/api/audit?limit=500&form=" + std::to_string(id)));
  bool exported = false;
  for (std::size_t i = 0; i < audit["entries"].size(); ++i)
    exported = exported || (audit["entries"][i]["action"].str() == "form.export" &&
                            audit["entries"][i]["actor"].str() == "auth-finance");
  EXPECT_TRUE(exported);
  Json verified = json_of(as(admin()).Get("/api/audit/verify"));
  EXPECT_EQ(verified["ok"].str(), "true") << verified["problem"].str();
  // The most recent entries first (the 审计日志 page): the last one is the chain's head.
  Json recent = json_of(as(admin()).Get("/api/audit?order=newest&limit=2"))["entries"];
  ASSERT_EQ(recent.size(), 2u);
  EXPECT_GT(recent[0]["seq"].integer(), recent[1]["seq"].integer());
  EXPECT_GE(recent[0]["seq"].integer(), verified["entries"].integer());
  expect_error(as(admin()).Get("/api/audit?order=sideways"), 400, "invalid_parameter");
}

// Last in the suite: it uses up this address's allowance of failed logins.
TEST_F(Auth, ZFailedLoginsLockTheAccountAndSlowTheAddressDown) {
  add_user(admin(), "auth-locked", "unit_head", org_id(admin(), kUnitOne), "the right one");
  std::vector<std::string> codes;
  for (int i = 0; i < 12; ++i) {
    auto r = anonymous().Post("/api/session", R"({"login": "auth-locked", "password": "wrong"})",
                              "application/json");
    ASSERT_TRUE(r);
    codes.push_back(json_of(r)["error"]["code"].str());
    if (r->status == 429) {
      EXPECT_FALSE(r->get_header_value("Retry-After").empty());
    }
  }
  for (int i = 0; i < 5; ++i) EXPECT_EQ(codes[i], "login_failed") << i;
  EXPECT_NE(std::find(codes.begin(), codes.end(), "login_locked"), codes.end());
  EXPECT_EQ(codes.back(), "too_many_attempts"); // --login-failures 8
  // Even the right password waits now.
  auto right =
      anonymous().Post("/api/session", R"({"login": "auth-locked", "password": "the right one"})",
                       "application/json");
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 429);
}

TEST_F(Auth, SecurityHeadersOnEveryAnswer) {
  auto page = anonymous().Get("/");
  ASSERT_TRUE(page);
  std::string csp = page->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(page->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_FALSE(page->get_header_value("Referrer-Policy").empty());
  auto api = anonymous().Get("/api/health");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->get_header_value("X-Content-Type-Options"), "nosniff");
}

// GET /api/forms keeps whole responses per version of the data (server/list_cache.h). The same
// URL asked by callers of different scopes, before and after a response was kept, is answered
// to each as its own scope allows; a new form and a new plan (the chain the list shows) are in
// the next answer of everyone who may see them.
TEST_F(Auth, AListKeptForOneCallerIsNeitherGivenToAnotherNorKeptPastAWrite) {
  accounts->place(kUnitSix, kSupervisorTwo);
  std::string head_six = accounts->token("auth-head-6", "unit_head", kUnitSix);
  long long first = create(head_six, kUnitSix);
  Json own = json_of(as(head_six).Get("/api/forms?limit=500"))["forms"];
  std::string department;
  for (std::size_t k = 0; k < own.size(); ++k)
    if (own[k]["id"].integer() == first) department = own[k]["department_id"].str();
  ASSERT_FALSE(department.empty());
  std::string url = "/api/forms?limit=500&department=" + department;
  auto total = [&](const std::string& token) {
    return json_of(token.empty() ? anonymous().Get(url) : as(token).Get(url))["total"].integer();
  };
  for (int round = 0; round < 2; ++round) { // the second round from the kept responses
    EXPECT_EQ(total(finance()), 1) << round;
    EXPECT_EQ(total(head_six), 1) << round;
    EXPECT_EQ(total(supervisor_two()), 1) << round;
    EXPECT_EQ(total(filler()), 0) << round << ": another unit's draft";
    EXPECT_EQ(total(supervisor()), 0) << round << ": a unit it does not supervise";
    EXPECT_EQ(total(""), 0) << round;
  }
  create(head_six, kUnitSix);
  EXPECT_EQ(total(finance()), 2);
  EXPECT_EQ(total(head_six), 2);
  EXPECT_EQ(total(filler()), 0);
  // A 申报表 of the unit is the chain of its 自评表s (both forms: same unit, year and scope).
  EXPECT_EQ(json_of(as(finance()).Get(url))["chains"].size(), 0u);
  create_plan(head_six, kUnitSix);
  Json chains = json_of(as(finance()).Get(url))["chains"];
  EXPECT_EQ(chains.size(), 2u);
  for (const auto& form : chains.keys())
    EXPECT_FALSE(chains[form.c_str()]["declaration"].is_null()) << form;
}

// Linking a plan by hand: a plan that does not exist is 404 (ZP0745); a 部门整体 申报表 linked to a
// project's 自评表 is 409 with the reason (ZP0746), and the plan keeps its automatic link.
TEST_F(Auth, APlanIsLinkedByHandOnlyToAFormOfItsOwnScope) {
  long long plan = create_plan(head(), kUnitOne);
  std::string project = read_file(kExamples + "county-roads-2023-proj.json");
  std::string from = quoted("某县交通运输局");
  project.replace(project.find(from), from.size(), quoted(kUnitOne));
  auto made = as(head()).Post("/api/forms", "{\"content\": " + project + "}", "application/json");
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  long long form = json_of(made)["form"]["id"].integer();
  std::string body = "{\"form_id\": " + std::to_string(form) + "}";
  expect_error(
      as(head()).Put("/api/plans/" + std::to_string(plan) + "/link", body, "application/json"), 409,
      "scope_mismatch", "department plan → project form", "ZP0746");
  expect_error(as(head()).Put("/api/plans/987654/link", "{\"form_id\": null}", "application/json"),
               404, "not_found", "no such plan", "ZP0745");
  Json stored = json_of(as(head()).Get("/api/plans/" + std::to_string(plan)));
  EXPECT_NE(stored["plan"]["link"].str(), "manual");
  EXPECT_NE(stored["plan"]["form_id"].str(), std::to_string(form));
}

// A plan alone, exported like a form (GET /api/plans/{id}/export): every format a plan is
// written in, named in ASCII and Chinese, from the cache the second time, audit-logged; what
// the readable formats give back is imported to the same plan; an unknown format is 400 and a
// missing plan 404.
TEST_F(Auth, APlanIsExportedInEveryFormatAndReadsBack) {
  long long plan = create_plan(head(), kUnitOne);
  std::string base = "/api/plans/" + std::to_string(plan) + "/export";
  std::string canonical; // the JSON export, the first asked for
  struct Expect {
    const char* format;
    const char* type;
    const char* magic;
  };
  for (const Expect& x :
       {Expect{"json", "application/json; charset=utf-8", "{"},
        Expect{"csv", "text/csv; charset=utf-8", "记录"},
        Expect{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"},
        Expect{"html", "text/html; charset=utf-8", "<!DOCTYPE html>"},
        Expect{"pdf", "application/pdf", "%PDF"}}) {
    auto r = as(supervisor()).Get(base + "?format=" + x.format);
    ASSERT_TRUE(r) << x.format;
    ASSERT_EQ(r->status, 200) << x.format << " " << r->body.substr(0, 300);
    EXPECT_EQ(r->get_header_value("Content-Type"), x.type) << x.format;
    EXPECT_EQ(r->body.rfind(x.magic, 0), 0u) << x.format;
    if (canonical.empty()) canonical = r->body;
    std::string disposition = r->get_header_value("Content-Disposition");
    EXPECT_NE(disposition.find("filename=\"plan-" + std::to_string(plan) + "." + x.format + "\""),
              std::string::npos)
        << disposition;
    EXPECT_NE(disposition.find("filename*=UTF-8''"), std::string::npos) << disposition;
    EXPECT_EQ(r->get_header_value("X-Ziping-Cache"), "miss") << x.format;
    auto again = as(head()).Get(base + "?format=" + x.format);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->get_header_value("X-Ziping-Cache"), "hit") << x.format;
    EXPECT_EQ(again->body, r->body) << x.format;
    if (std::string_view(x.format) == "json" || std::string_view(x.format) == "csv" ||
        std::string_view(x.format) == "xlsx") {
      auto back = as(head()).Post("/api/plans?filename=back." + std::string(x.format), r->body,
                                  "application/octet-stream");
      ASSERT_TRUE(back);
      ASSERT_EQ(back->status, 201) << x.format << " " << back->body.substr(0, 300);
      long long copy = json_of(back)["plan"]["id"].integer();
      auto copied = as(head()).Get("/api/plans/" + std::to_string(copy) + "/export");
      ASSERT_TRUE(copied);
      EXPECT_EQ(copied->body, canonical) << x.format;
    }
  }
  auto audit = as(admin()).Get("/api/audit?order=newest&limit=200");
  ASSERT_TRUE(audit);
  const std::string& entries = audit->body;
  EXPECT_NE(entries.find("plan " + std::to_string(plan) + " (declaration) pdf"), std::string::npos)
      << entries.substr(0, 400);
  expect_error(as(head()).Get(base + "?format=docx"), 400, "unknown_format", "plan to docx",
               "ZP0112");
  expect_error(as(head()).Get("/api/plans/987654/export"), 404, "not_found", "no such plan",
               "ZP0745");
}

} // namespace
} // namespace ziping::testing
