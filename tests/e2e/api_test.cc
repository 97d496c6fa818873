// The HTTP API end to end: the real `ziping serve` binary, real sockets, the database of
// ZIPING_STORE_BACKEND (SQLite file, or PostgreSQL through scripts/pg_throwaway.sh). Every test
// files forms under department names of its own, so tests share one server and one database.
#include <algorithm>
#include <gtest/gtest.h>

#include <barrier>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "../contract/backend.h"
#include "harness.h"

namespace ziping::testing {
namespace {

const std::string kBinary = ZIPING_BINARY;
const std::string kExamples = std::string(ZIPING_SOURCE_DIR) + "/examples/";
constexpr const char* kSeedDepartment = "天津市人民政府政务服务办公室";
constexpr int kMaxUploadMb = 2;

// The server every test talks to, started once.
class ApiServer : public ::testing::Environment {
public:
  static ApiServer* instance;
  void SetUp() override {
    backend = Backend::fresh();
    ASSERT_TRUE(backend);
    // A --static that does not exist: the placeholder page whether or not `make` has built
    // web/dist (which the server would otherwise find and serve).
    accounts = std::make_unique<Accounts>(kBinary, backend->url());
    process = std::make_unique<ServerProcess>(
        kBinary, std::vector<std::string>{"--db", backend->url(), "--threads", "16",
                                          "--max-upload-mb", std::to_string(kMaxUploadMb),
                                          "--static", "/nonexistent/ziping-no-ui"});
    ASSERT_TRUE(process->started()) << process->output();
  }
  void TearDown() override {
    if (process && process->started()) {
      EXPECT_EQ(process->stop(), 0) << process->output();
      EXPECT_NE(process->output().find("已停止 (stopped)"), std::string::npos) << process->output();
    }
    // Now, not in the destructor: gtest destroys environments during exit, after libpqxx's
    // static data is gone.
    process.reset();
    accounts.reset();
    backend.reset();
  }
  std::unique_ptr<Backend> backend;
  std::unique_ptr<Accounts> accounts;
  std::unique_ptr<ServerProcess> process;
};
ApiServer* ApiServer::instance = nullptr;

httplib::Client anonymous_client() {
  httplib::Client c("127.0.0.1", ApiServer::instance->process->port());
  c.set_read_timeout(60, 0);
  c.set_write_timeout(60, 0);
  c.set_url_encode(false); // queries are encoded here, with encoded()
  return c;
}

httplib::Client client_with(const std::string& token) {
  auto c = anonymous_client();
  c.set_bearer_token_auth(token);
  return c;
}

Accounts& accounts() {
  return *ApiServer::instance->accounts;
}

// Reads: the 财政审核人 of the bureau every test department is placed under sees them all.
httplib::Client client() {
  return client_with(accounts().finance_token());
}

// Writes: the 单位负责人 of `department` (made a unit of the test bureau on first use).
httplib::Client client_for(const std::string& department) {
  return client_with(accounts().unit_token(department));
}

std::string encoded(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += char(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

Json json_of(const httplib::Result& r) {
  if (!r) return Json();
  return Json::parse(r->body);
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The seed form filed under another department (so tests do not see each other's forms).
std::string seed_as(const std::string& department) {
  std::string text = read_file(kExamples + "tianjin-2022-dept.json");
  std::string from = quoted(kSeedDepartment);
  text.replace(text.find(from), from.size(), quoted(department));
  return text;
}

std::string project_as(const std::string& department) {
  std::string text = read_file(kExamples + "county-roads-2023-proj.json");
  std::string from = quoted("某县交通运输局");
  text.replace(text.find(from), from.size(), quoted(department));
  return text;
}

std::string envelope(const std::string& content, const std::string& extra = "") {
  return "{\"content\": " + content + (extra.empty() ? "" : ", " + extra) + "}";
}

// POST /api/forms as the form's own unit; returns the new form's id.
long long create(const std::string& content, const std::string& extra = "") {
  auto c = client_for(Json::parse(content)["department"].str());
  auto r = c.Post("/api/forms", envelope(content, extra), "application/json");
  EXPECT_TRUE(r);
  if (!r) return -1;
  EXPECT_EQ(r->status, 201) << r->body;
  return json_of(r)["form"]["id"].integer();
}

// Every error has the documented shape: code, both messages, a catalogue code, details.
void expect_error(const httplib::Result& r, int status, const std::string& code,
                  const std::string& diagnostic) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  Json e = json_of(r)["error"];
  ASSERT_TRUE(e.is_object()) << r->body;
  EXPECT_EQ(e["code"].str(), code) << r->body;
  EXPECT_EQ(e["diagnostic"].str(), diagnostic) << r->body;
  EXPECT_FALSE(e["message"].str().empty());
  EXPECT_FALSE(e["message_en"].str().empty());
  EXPECT_TRUE(e["details"].is_object()) << r->body;
}

TEST(Api, HealthNamesTheBackend) {
  auto c = client();
  auto r = c.Get("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  Json j = json_of(r);
  EXPECT_EQ(j["status"].str(), "ok");
  EXPECT_EQ(j["store"]["backend"].str(), ApiServer::instance->backend->name());
  // 2: 指标解释; 3: accounts (issue 10); 4: facts (issue 13); 5: the chain's plans (issue 14);
  // 6: fact sums, 7: series keys, 8: series facts, 9: list version, 10: unit name order,
  // 11: inflation sums, 12: plans' list version, 13: leaves digest (issue 13)
  EXPECT_EQ(j["store"]["schema_version"].str(), "13");
  EXPECT_EQ(j["store"]["database"].str().find("password"), std::string::npos);
}

TEST(Api, ReferenceData) {
  auto c = client();
  Json vocabulary = json_of(c.Get("/api/vocabulary"));
  EXPECT_EQ(vocabulary["statuses"].size(), 4u);
  EXPECT_EQ(vocabulary["statuses"][0]["name"].str(), "draft");
  EXPECT_EQ(vocabulary["statuses"][0]["label"].str(), "填报中");
  EXPECT_EQ(vocabulary["grades"][0].str(), "优");
  // The editor's columns are the field catalogue's indicator fields, in the official order.
  Json columns = vocabulary["indicator_fields"];
  ASSERT_GE(columns.size(), 10u);
  EXPECT_EQ(columns[0]["key"].str(), "level1");
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < columns.size(); ++i) keys.push_back(columns[i]["key"].str());
  auto at = [&](const char* key) {
    return std::find(keys.begin(), keys.end(), key) - keys.begin();
  };
  EXPECT_LT(at("name"), at("explanation"));
  EXPECT_LT(at("explanation"), at("target"));
  EXPECT_EQ(columns[std::size_t(at("explanation"))]["header"].str(), "指标解释");
  EXPECT_EQ(columns[std::size_t(at("explanation"))]["presence"].str(), "variant");
  EXPECT_EQ(columns[std::size_t(at("weight"))]["kind"].str(), "decimal");

  Json rules = json_of(c.Get("/api/rules"));
  EXPECT_EQ(rules["default"].str(), "cn-2020");
  EXPECT_GE(rules["rule_sets"].size(), 5u);
  Json tianjin = json_of(c.Get("/api/rules/tianjin-2022"));
  EXPECT_EQ(tianjin["name"].str(), "tianjin-2022");
  EXPECT_EQ(tianjin["extends"].str(), "cn-2020");
  EXPECT_EQ(tianjin["grades"][0]["grade"].str(), "优");
  EXPECT_NE(tianjin["toml"].str().find("[grades]"), std::string::npos);
  expect_error(c.Get("/api/rules/shanghai"), 400, "unknown_rule_set", "ZP0602");

  Json formats = json_of(c.Get("/api/formats"));
  ASSERT_GE(formats["formats"].size(), 1u);
  bool json_seen = false;
  for (std::size_t i = 0; i < formats["formats"].size(); ++i) {
    Json f = formats["formats"][i];
    if (f["name"].str() != "json") continue;
    json_seen = true;
    EXPECT_EQ(f["read"].str(), "true");
    EXPECT_EQ(f["write"].str(), "true");
    EXPECT_EQ(f["media_type"].str(), "application/json; charset=utf-8");
  }
  EXPECT_TRUE(json_seen);

  Json catalogue = json_of(c.Get("/api/diagnostics"));
  EXPECT_GT(catalogue["diagnostics"].size(), 50u);
  EXPECT_EQ(catalogue["diagnostics"][0]["code"].str(), "ZP0101");
}

TEST(Api, CreateReadAndExportKeepTheFormExactly) {
  auto c = client_for(kSeedDepartment);
  std::string content = read_file(kExamples + "tianjin-2022-dept.json");
  auto r = c.Post(
      "/api/forms",
      envelope(content, R"("rules": "tianjin-2022", "author": "张三", "comment": "首次录入")"),
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  Json doc = json_of(r);
  long long id = doc["form"]["id"].integer();
  EXPECT_EQ(r->get_header_value("Location"), "/api/forms/" + std::to_string(id));
  EXPECT_EQ(doc["form"]["revision"].integer(), 1);
  EXPECT_EQ(doc["form"]["department"].str(), kSeedDepartment);
  EXPECT_EQ(doc["form"]["status"].str(), "draft");
  EXPECT_EQ(doc["form"]["rules"].str(), "tianjin-2022");
  EXPECT_EQ(doc["form"]["score"]["total"].str(), "97.43");
  EXPECT_EQ(doc["form"]["score"]["grade"].str(), "优");
  EXPECT_EQ(doc["form"]["score"]["execution_rate"].str(), "87.26");
  // The revision names the user who filed it, not what the body says.
  EXPECT_EQ(doc["revision"]["author"].str(), accounts().unit_login(kSeedDepartment));
  EXPECT_EQ(doc["revision"]["comment"].str(), "首次录入");
  EXPECT_EQ(doc["content"]["budget"]["annual"].str(), "22681.6");

  auto read = c.Get("/api/forms/" + std::to_string(id) + "?include=score");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200);
  EXPECT_EQ(read->get_header_value("ETag"), "\"1\"");
  Json got = json_of(read);
  EXPECT_EQ(got["score"]["format"].str(), "ziping-score");
  EXPECT_EQ(got["score"]["total"].str(), "97.43");
  EXPECT_EQ(got["score"]["rules"].str(), "tianjin-2022");
  EXPECT_TRUE(got["score"]["diagnostics"].is_array());

  auto exported = c.Get("/api/forms/" + std::to_string(id) + "/export?format=json");
  ASSERT_TRUE(exported);
  EXPECT_EQ(exported->status, 200);
  EXPECT_EQ(exported->body, content); // byte for byte through the database and back
  EXPECT_EQ(exported->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(exported->get_header_value("Content-Disposition")
                .find("form-" + std::to_string(id) + "-r1.json"),
            std::string::npos);

  auto score = c.Get("/api/forms/" + std::to_string(id) + "/score?rules=cn-2020&mode=auto");
  ASSERT_TRUE(score);
  EXPECT_EQ(json_of(score)["total"].str(), "98.56");
  EXPECT_EQ(json_of(score)["mode"].str(), "auto");
}

TEST(Api, SavesMakeRevisionsWithWhoWhenAndWhy) {
  auto c = client_for("保存测试局");
  const std::string who = accounts().unit_login("保存测试局");
  long long id = create(seed_as("保存测试局"));
  std::string path = "/api/forms/" + std::to_string(id);
  std::string changed = seed_as("保存测试局");
  changed.replace(changed.find("\"conclusion\": \""), 15, "\"conclusion\": \"已修改。");
  auto r = c.Put(
      path,
      R"({"base_revision": 1, "author": "李四", "comment": "修改结论", "status": "draft", "content": )" +
          changed + "}",
      "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json saved = json_of(r);
  EXPECT_EQ(saved["form"]["revision"].integer(), 2);
  EXPECT_EQ(saved["form"]["status"].str(), "draft");
  EXPECT_EQ(saved["form"]["status_label"].str(), "填报中");
  EXPECT_EQ(saved["form"]["review_state"].str(), "draft");
  EXPECT_EQ(saved["form"]["review_state_label"].str(), "填报中");
  EXPECT_EQ(saved["form"]["updated_by"].str(), who);
  EXPECT_EQ(saved["revision"]["comment"].str(), "修改结论");
  EXPECT_EQ(saved["content"]["conclusion"].str().rfind("已修改。", 0), 0u);

  Json history = json_of(c.Get(path + "/revisions"));
  ASSERT_EQ(history["revisions"].size(), 2u);
  EXPECT_EQ(history["revisions"][0]["number"].integer(), 2);
  EXPECT_EQ(history["revisions"][0]["author"].str(), who);
  EXPECT_EQ(history["revisions"][1]["author"].str(), who);
  EXPECT_FALSE(history["revisions"][1]["created_at"].str().empty());

  Json first = json_of(c.Get(path + "?revision=1"));
  EXPECT_EQ(first["revision"]["number"].integer(), 1);
  EXPECT_EQ(first["form"]["revision"].integer(), 2);
  EXPECT_EQ(first["content"]["conclusion"].str().rfind("已修改。", 0), std::string::npos);
  expect_error(c.Get(path + "?revision=9"), 404, "not_found", "ZP0708");
  expect_error(c.Get(path + "/export?format=json&revision=9"), 404, "not_found", "ZP0708");
}

TEST(Api, TwoClientsSavingAtOnceOneWinsTheOtherGetsTheCurrentVersionNothingIsLost) {
  long long id = create(seed_as("并发测试局"));
  std::string path = "/api/forms/" + std::to_string(id);
  auto edit = [](const std::string& who) {
    std::string text = seed_as("并发测试局");
    text.replace(text.find("\"conclusion\": \""), 15, "\"conclusion\": \"" + who + "的修改。");
    return text;
  };
  std::string alice = edit("甲"), bob = edit("乙");
  std::optional<httplib::Result> results[2];
  std::barrier start(2);
  std::thread a([&] {
    auto c = client_for("并发测试局");
    start.arrive_and_wait();
    results[0] = c.Put(path, R"({"base_revision": 1, "author": "甲", "content": )" + alice + "}",
                       "application/json");
  });
  std::thread b([&] {
    auto c = client_for("并发测试局");
    start.arrive_and_wait();
    results[1] = c.Put(path, R"({"base_revision": 1, "author": "乙", "content": )" + bob + "}",
                       "application/json");
  });
  a.join();
  b.join();
  ASSERT_TRUE(*results[0] && *results[1]);
  int winner = (*results[0])->status == 200 ? 0 : 1;
  int loser = 1 - winner;
  ASSERT_EQ((*results[winner])->status, 200) << (*results[winner])->body;
  expect_error(*results[loser], 409, "conflict", "ZP0706");
  Json details = json_of(*results[loser])["error"]["details"];
  EXPECT_EQ(details["base_revision"].integer(), 1);
  EXPECT_EQ(details["current_revision"].integer(), 2);
  std::string won = winner == 0 ? "甲的修改。" : "乙的修改。";
  std::string lost = loser == 0 ? "甲的修改。" : "乙的修改。";
  // The conflict carries the winner's version, content included.
  EXPECT_EQ(details["current"]["form"]["revision"].integer(), 2);
  EXPECT_EQ(details["current"]["content"]["conclusion"].str().rfind(won, 0), 0u);

  // The loser merges its change onto the current version and saves again.
  std::string merged = loser == 0 ? alice : bob;
  merged.replace(merged.find("\"conclusion\": \""), 15 + lost.size(),
                 "\"conclusion\": \"" + won + lost);
  auto c = client_for("并发测试局");
  auto again = c.Put(path, R"({"base_revision": 2, "author": "合并", "content": )" + merged + "}",
                     "application/json");
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 200) << again->body;
  Json current = json_of(c.Get(path));
  EXPECT_EQ(current["form"]["revision"].integer(), 3);
  EXPECT_EQ(current["content"]["conclusion"].str().rfind(won + lost, 0), 0u);
  EXPECT_EQ(json_of(c.Get(path + "/revisions"))["revisions"].size(), 3u);

  // Saving on a stale base again is refused, never applied.
  auto stale = c.Put(path, R"({"base_revision": 1, "content": )" + alice + "}", "application/json");
  expect_error(stale, 409, "conflict", "ZP0706");
  EXPECT_EQ(json_of(c.Get(path))["form"]["revision"].integer(), 3);
}

// Every 200 to a save describes the revision that request wrote, read in its own transaction:
// never a newer revision some other client saved a moment later (issue 9).
TEST(Api, ManyClientsSavingAtOnceEachAnswerNamesTheRevisionThatClientWrote) {
  long long id = create(seed_as("并发应答局"));
  std::string path = "/api/forms/" + std::to_string(id);
  constexpr int kClients = 50, kSavesEach = 2, kAttempts = 40;
  std::vector<std::string> failures[kClients];
  int saved[kClients] = {}, conflicts[kClients] = {};
  std::barrier start(kClients);
  std::vector<std::thread> threads;
  for (int n = 0; n < kClients; ++n) {
    threads.emplace_back([&, n] {
      auto c = client_for("并发应答局");
      start.arrive_and_wait();
      long long base = 1;
      for (int attempt = 0; attempt < kAttempts && saved[n] < kSavesEach; ++attempt) {
        std::string who = "客户" + std::to_string(n) + "-" + std::to_string(attempt);
        std::string text = seed_as("并发应答局");
        text.replace(text.find("\"conclusion\": \""), 15, "\"conclusion\": \"" + who + "。");
        auto r = c.Put(path,
                       R"({"base_revision": )" + std::to_string(base) + R"(, "author": ")" + who +
                           R"(", "comment": ")" + who + R"(", "content": )" + text + "}",
                       "application/json");
        if (!r) {
          failures[n].push_back("no answer");
          return;
        }
        Json answer = json_of(r);
        if (r->status == 409) {
          ++conflicts[n];
          base = answer["error"]["details"]["current_revision"].integer();
          continue;
        }
        if (r->status != 200) {
          failures[n].push_back(std::to_string(r->status) + " " + r->body.substr(0, 200));
          return;
        }
        ++saved[n];
        long long number = answer["revision"]["number"].integer();
        if (number != base + 1)
          failures[n].push_back("saved on " + std::to_string(base) + " but answered revision " +
                                std::to_string(number));
        if (answer["form"]["revision"].integer() != number)
          failures[n].push_back("record says revision " + answer["form"]["revision"].str());
        // (Every client is the same unit's account: the comment tells the saves apart.)
        if (answer["revision"]["comment"].str() != who)
          failures[n].push_back("answered " + answer["revision"]["author"].str() + "'s revision");
        if (answer["content"]["conclusion"].str().rfind(who + "。", 0) != 0)
          failures[n].push_back("answered another client's content");
        base = number;
      }
    });
  }
  for (auto& t : threads) t.join();
  int total = 0, refused = 0;
  for (int n = 0; n < kClients; ++n) {
    EXPECT_TRUE(failures[n].empty()) << "client " << n << ": " << failures[n].front();
    total += saved[n];
    refused += conflicts[n];
  }
  EXPECT_GT(total, 0);
  EXPECT_GT(refused, 0); // the clients really raced: some saved on a base that had moved
  auto c = client();
  EXPECT_EQ(json_of(c.Get(path))["form"]["revision"].integer(), 1 + total);
  EXPECT_EQ(json_of(c.Get(path + "/revisions"))["revisions"].size(), std::size_t(1 + total));
}

// A form in a request envelope is read where it stands: a 422 names the body's own line and
// column, not those of a copy re-printed on one line.
TEST(Api, AnUnreadableFormInAnEnvelopeIsLocatedInTheBody) {
  auto c = client_for("定位测试局");
  std::string body =
      "{\n  \"author\": \"定位\",\n  \"content\": {\n    \"format\": \"ziping-form\",\n"
      "    \"format_version\": 99,\n    \"kind\": \"department\", \"goals\": []\n  }\n}";
  auto r = c.Post("/api/forms", body, "application/json");
  expect_error(r, 422, "unreadable_form", "ZP0715");
  Json d = json_of(r)["error"]["details"]["diagnostics"][0];
  EXPECT_EQ(d["code"].str(), "ZP0108") << r->body;
  EXPECT_EQ(d["path"].str(), "format_version");
  EXPECT_EQ(d["location"]["line"].integer(), 5) << r->body;
  EXPECT_EQ(d["location"]["column"].integer(), 23) << r->body;
}

TEST(Api, ListsFilterByYearKindStatusGradeDepartmentAndText) {
  auto c = client();
  long long a = create(seed_as("筛选测试局"));
  // States change only through transitions: the unit's head submits the first form.
  auto submitted =
      client_for("筛选测试局")
          .Post("/api/forms/" + std::to_string(a) + "/transitions",
                R"({"action": "submit", "expected_state": "draft"})", "application/json");
  ASSERT_TRUE(submitted);
  ASSERT_EQ(submitted->status, 200) << submitted->body;
  long long b = create(project_as("筛选测试局"));
  long long other = create(project_as("筛选对照局"));
  Json page = json_of(c.Get("/api/forms?q=" + encoded("筛选测试局")));
  ASSERT_EQ(page["total"].integer(), 2) << page["total"].str();
  long long department = page["forms"][0]["department_id"].integer();
  EXPECT_EQ(page["forms"][0]["id"].integer(), a);
  EXPECT_EQ(page["forms"][1]["id"].integer(), b);
  EXPECT_EQ(page["limit"].integer(), 50);

  std::string d = "&department=" + std::to_string(department);
  EXPECT_EQ(json_of(c.Get("/api/forms?year=2022" + d))["forms"][0]["id"].integer(), a);
  EXPECT_EQ(json_of(c.Get("/api/forms?kind=project" + d))["forms"][0]["id"].integer(), b);
  EXPECT_EQ(json_of(c.Get("/api/forms?status=submitted" + d))["total"].integer(), 1);
  EXPECT_EQ(json_of(c.Get("/api/forms?status=draft" + d))["forms"][0]["id"].integer(), b);
  EXPECT_EQ(json_of(c.Get("/api/forms?grade=" + encoded("优") + d))["total"].integer(), 2);
  EXPECT_EQ(json_of(c.Get("/api/forms?grade=" + encoded("差") + d))["total"].integer(), 0);
  EXPECT_EQ(json_of(c.Get("/api/forms?q=" + encoded("筛选") + "&kind=project"))["total"].integer(),
            2);
  Json limited = json_of(c.Get("/api/forms?limit=1&offset=1" + d));
  EXPECT_EQ(limited["total"].integer(), 2);
  ASSERT_EQ(limited["forms"].size(), 1u);
  EXPECT_EQ(limited["forms"][0]["id"].integer(), b);
  Json recent = json_of(c.Get("/api/forms?sort=updated&limit=1"));
  EXPECT_EQ(recent["forms"][0]["id"].integer(), other);
  // Keyset paging: each page's next_cursor asks for the page after it, in either order; the
  // last page's is null. Same forms as limit/offset, with the same total on every page.
  for (std::string sort : {"id", "updated"}) {
    std::vector<long long> walked;
    std::string cursor;
    for (int pages = 0; pages < 5; ++pages) {
      Json p = json_of(c.Get("/api/forms?limit=1&sort=" + sort + d +
                             (cursor.empty() ? "" : "&cursor=" + encoded(cursor))));
      EXPECT_EQ(p["total"].integer(), 2);
      for (std::size_t i = 0; i < p["forms"].size(); ++i)
        walked.push_back(p["forms"][i]["id"].integer());
      if (p["next_cursor"].is_null()) break;
      cursor = p["next_cursor"].str();
    }
    Json whole = json_of(c.Get("/api/forms?sort=" + sort + d));
    std::vector<long long> expected;
    for (std::size_t i = 0; i < whole["forms"].size(); ++i)
      expected.push_back(whole["forms"][i]["id"].integer());
    EXPECT_EQ(expected.size(), 2u);
    EXPECT_EQ(walked, expected) << sort;
  }
  EXPECT_TRUE(json_of(c.Get("/api/forms?limit=2" + d))["next_cursor"].is_null());

  Json stats = json_of(c.Get("/api/forms/stats?" + d.substr(1)));
  EXPECT_EQ(stats["total"].integer(), 2);
  EXPECT_EQ(stats["by_kind"]["project"].integer(), 1);
  EXPECT_EQ(stats["by_year"]["2023"].integer(), 1);
  EXPECT_EQ(stats["by_status"]["submitted"].integer(), 1);

  // The review chain's states filter too (the list's 状态 choice): 已提交 is the first form only.
  Json submitted_page =
      json_of(c.Get("/api/forms?review_state=submitted&department=" + std::to_string(department)));
  ASSERT_EQ(submitted_page["total"].integer(), 1) << submitted_page["total"].str();
  EXPECT_EQ(submitted_page["forms"][0]["id"].integer(), a);
  EXPECT_EQ(submitted_page["forms"][0]["review_state_label"].str(), "已提交");
  Json draft_page =
      json_of(c.Get("/api/forms?review_state=draft&department=" + std::to_string(department)));
  ASSERT_EQ(draft_page["total"].integer(), 1);
  EXPECT_EQ(draft_page["forms"][0]["id"].integer(), b);
  EXPECT_EQ(json_of(c.Get("/api/forms?review_state=published&department=" +
                          std::to_string(department)))["total"]
                .integer(),
            0);

  Json department_json = json_of(c.Get("/api/departments/" + std::to_string(department)));
  EXPECT_EQ(department_json["name"].str(), "筛选测试局");
  EXPECT_EQ(department_json["form_count"].integer(), 2);

  for (const char* bad :
       {"year=20x", "year=1", "kind=county", "status=done", "department=0", "review_state=done",
        "review_state=not_started", "limit=0", "limit=501", "offset=-1", "sort=total", "cursor=x",
        "cursor=0", "cursor=-1", "cursor=12~3", "sort=updated&cursor=12",
        "sort=updated&cursor=2026-01-01T00:00:00Z%3Bx~3"})
    expect_error(c.Get(std::string("/api/forms?") + bad), 400, "invalid_parameter", "ZP0713");
}

// The dashboard's year: execution summed per department in 万元 (a form written in 元 is
// converted), the largest deviations first, under each form's own rules.
TEST(Api, OverviewSumsExecutionPerDepartmentAndRanksDeviations) {
  auto c = client();
  create(seed_as("概览测试局"), R"("rules": "tianjin-2022")");
  std::string in_yuan = project_as("概览测试局");
  for (auto [from, to] : {std::pair<std::string, std::string>{"\"万元\"", "\"元\""},
                          {"\"annual\": 1466.5", "\"annual\": 14665000"},
                          {"\"executed\": 1400.46", "\"executed\": 14004600"}}) {
    auto at = in_yuan.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    in_yuan.replace(at, from.size(), to);
  }
  create(in_yuan);
  long long department =
      json_of(c.Get("/api/forms?q=" + encoded("概览测试局")))["forms"][0]["department_id"]
          .integer();
  std::string d = "department=" + std::to_string(department);

  Json o = json_of(c.Get("/api/forms/overview?top=3&" + d));
  EXPECT_EQ(o["forms"].integer(), 2);
  EXPECT_EQ(o["year"].str(), "null");
  ASSERT_EQ(o["departments"].size(), 1u);
  EXPECT_EQ(o["departments"][0]["forms"].integer(), 2);
  EXPECT_EQ(o["departments"][0]["annual"].str(), "24148.1");       // 22681.6 + 1466.5
  EXPECT_EQ(o["departments"][0]["executed"].str(), "21192.66");    // 19792.2 + 1400.46
  EXPECT_EQ(o["departments"][0]["execution_rate"].str(), "87.76"); // 87.7611… half up
  EXPECT_EQ(o["departments"][0]["below_line"].str(), "false");
  EXPECT_EQ(o["rule_set"].str(), "cn-2020");
  EXPECT_EQ(o["execution_line"].str(), "80"); // cn-2020's execution_warn_below = 0.8
  ASSERT_EQ(o["deviations"].size(), 3u);
  EXPECT_EQ(o["deviations"][0]["name"].str(), "营商环境宣传“一图读懂”、动画视频制作数量");
  EXPECT_EQ(o["deviations"][0]["deviation"].str(), "1.9500"); // 118个 against ≥40个
  EXPECT_EQ(o["deviations"][0]["path"].str(), "goals[3].indicators[2]");
  EXPECT_EQ(o["deviations"][0]["goal"].integer(), 4);
  EXPECT_EQ(o["deviations"][0]["reason_given"].str(), "true");

  Json year = json_of(c.Get("/api/forms/overview?year=2023&" + d));
  EXPECT_EQ(year["year"].integer(), 2023);
  EXPECT_EQ(year["forms"].integer(), 1);
  EXPECT_EQ(year["departments"][0]["execution_rate"].str(), "95.50");
  for (const char* bad : {"top=101", "top=x", "year=1"})
    expect_error(c.Get(std::string("/api/forms/overview?") + bad), 400, "invalid_parameter",
                 "ZP0713");
  expect_error(c.Get("/api/forms/overview?rules=shanghai"), 400, "unknown_rule_set", "ZP0602");
}

// The analyses over the facts every save writes (issue 13): a form filed over HTTP is in them
// at once, figures as exact JSON numbers.
TEST(Api, AnalysesAnswerFromTheFactsOfEachSave) {
  auto c = client();
  create(project_as("分析测试局"));
  long long department =
      json_of(c.Get("/api/forms?q=" + encoded("分析测试局")))["forms"][0]["department_id"]
          .integer();
  std::string d = "&department=" + std::to_string(department);
  Json catalogue = json_of(c.Get("/api/analyses"));
  EXPECT_EQ(catalogue["analyses"].size(), 8u);
  EXPECT_EQ(catalogue["analyses"][0]["id"].str(), "inflation");
  Json execution = json_of(c.Get("/api/analyses/execution_units?year=2023" + d));
  EXPECT_EQ(execution["year"].integer(), 2023);
  EXPECT_EQ(execution["total_rows"].integer(), 1);
  ASSERT_EQ(execution["rows"].size(), 1u);
  EXPECT_EQ(execution["rows"][0][1].str(), "分析测试局");
  EXPECT_EQ(execution["rows"][0][3].str(), "1466.50"); // Σ 全年预算数, exact digits
  EXPECT_EQ(execution["rows"][0][4].str(), "1400.46"); // Σ 全年执行数
  EXPECT_EQ(execution["rows"][0][5].str(), "95.50");   // half up
  EXPECT_EQ(execution["rows"][0][6].str(), "80");      // cn-2020's execution line
  EXPECT_EQ(execution["rows"][0][7].str(), "false");
  EXPECT_EQ(execution["columns"][5]["kind"].str(), "decimal");
  Json grades = json_of(c.Get("/api/analyses/grades?year=2023" + d));
  EXPECT_EQ(grades["rows"][0][1].integer(), 1);
  expect_error(c.Get("/api/analyses/no_such"), 400, "invalid_parameter", "ZP0713");
  expect_error(c.Get("/api/analyses/grades?year=1"), 400, "invalid_parameter", "ZP0713");
}

TEST(Api, DraftCheckScoresWithoutSaving) {
  auto c = client();
  std::string content = read_file(kExamples + "tianjin-2022-dept.json");
  long long forms_before = json_of(c.Get("/api/forms/stats"))["total"].integer();
  auto r = c.Post("/api/check?rules=tianjin-2022&mode=review", content, "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json score = json_of(r);
  EXPECT_EQ(score["format"].str(), "ziping-score");
  EXPECT_EQ(score["total"].str(), "97.43");
  EXPECT_EQ(score["grade"].str(), "优");
  ASSERT_GT(score["diagnostics"].size(), 0u);
  Json first = score["diagnostics"][0];
  EXPECT_FALSE(first["code"].str().empty());
  EXPECT_FALSE(first["message"].str().empty());
  EXPECT_FALSE(first["message_en"].str().empty());
  bool pinned = false; // problems point at the node (cell) to fix
  for (std::size_t i = 0; i < score["diagnostics"].size(); ++i)
    pinned = pinned || score["diagnostics"][i]["path"].str().find("goals[") == 0;
  EXPECT_TRUE(pinned);
  EXPECT_EQ(
      json_of(c.Post("/api/check?rules=cn-2020&mode=auto", content, "application/json"))["total"]
          .str(),
      "98.56");

  auto broken = c.Post("/api/check", R"({"format": "ziping-form", )", "application/json");
  expect_error(broken, 422, "unreadable_form", "ZP0715");
  Json diagnostics = json_of(broken)["error"]["details"]["diagnostics"];
  EXPECT_EQ(diagnostics[0]["code"].str(), "ZP0102");
  EXPECT_EQ(diagnostics[0]["location"]["line"].integer(), 1);
  expect_error(c.Post("/api/check?rules=shanghai", content, "application/json"), 400,
               "unknown_rule_set", "ZP0602");
  expect_error(c.Post("/api/check?mode=strict", content, "application/json"), 400,
               "invalid_parameter", "ZP0713");
  // curl --data sends form-encoded: the error says what to do instead.
  expect_error(c.Post("/api/check", content, "application/x-www-form-urlencoded"), 413,
               "payload_too_large", "ZP0722");
  EXPECT_EQ(json_of(c.Get("/api/forms/stats"))["total"].integer(), forms_before); // nothing saved
}

TEST(Api, ImportsUploadsAndOptionallySavesThem) {
  auto c = client_for("导入测试局");
  for (const char* name : {"tianjin-2022-dept.json", "county-roads-2023-proj.json"}) {
    httplib::MultipartFormDataItems items = {
        {"file", read_file(kExamples + name), name, "application/json"}};
    auto r = c.Post("/api/import", items);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    Json j = json_of(r);
    EXPECT_EQ(j["format"].str(), "json");
    EXPECT_EQ(j["file_name"].str(), name);
    EXPECT_TRUE(j["content"]["goals"].is_array());
    EXPECT_EQ(j["score"]["format"].str(), "ziping-score");
    EXPECT_TRUE(j["saved"].is_null());
  }
  httplib::MultipartFormDataItems save = {
      {"file", project_as("导入测试局"), "roads.json", "application/json"},
      {"save", "true", "", ""},
      {"author", "王五", "", ""},
      {"status", "draft", "", ""}};
  auto saved = c.Post("/api/import", save);
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 201) << saved->body;
  Json s = json_of(saved)["saved"];
  EXPECT_EQ(s["form"]["department"].str(), "导入测试局");
  EXPECT_EQ(s["form"]["status"].str(), "draft");
  EXPECT_EQ(s["revision"]["author"].str(), accounts().unit_login("导入测试局"));
  EXPECT_EQ(s["revision"]["comment"].str(), "导入 roads.json");
  EXPECT_EQ(saved->get_header_value("Location"), "/api/forms/" + s["form"]["id"].str());

  // A raw body names its format or file name in the query.
  auto raw =
      c.Post("/api/import?filename=x.json", project_as("导入测试局"), "application/octet-stream");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 200) << raw->body;

  httplib::MultipartFormDataItems unknown = {
      {"file", "abc", "form.xyz", "application/octet-stream"}};
  expect_error(c.Post("/api/import", unknown), 415, "unknown_format", "ZP0112");
  httplib::MultipartFormDataItems no_file = {{"other", "abc", "", ""}};
  expect_error(c.Post("/api/import", no_file), 400, "no_file", "ZP0718");
  httplib::MultipartFormDataItems broken = {{"file", "{", "broken.json", "application/json"}};
  expect_error(c.Post("/api/import", broken), 422, "unreadable_form", "ZP0715");
  // A multipart body that never closes its part is refused as such, not read as empty.
  expect_error(c.Post("/api/import",
                      "--b\r\nContent-Disposition: form-data; name=\"file\"; "
                      "filename=\"x.json\"\r\n\r\n{}",
                      "multipart/form-data; boundary=b"),
               400, "bad_multipart", "ZP0724");
}

// Every format the registry can write is exported; every one it can also read comes back in.
// Formats added by other modules are picked up here without changing this test.
TEST(Api, ExportsEveryWritableFormatAndReimportsTheReadableOnes) {
  auto c = client();
  long long id = create(seed_as("导出测试局"), R"("rules": "tianjin-2022")");
  Json formats = json_of(c.Get("/api/formats"))["formats"];
  int exported = 0;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    Json f = formats[i];
    if (f["write"].str() != "true") continue;
    std::string name = f["name"].str();
    auto r = c.Get("/api/forms/" + std::to_string(id) + "/export?format=" + name);
    ASSERT_TRUE(r) << name;
    ASSERT_EQ(r->status, 200) << name << ": " << r->body.substr(0, 300);
    EXPECT_EQ(r->get_header_value("Content-Type"), f["media_type"].str()) << name;
    EXPECT_FALSE(r->body.empty()) << name;
    EXPECT_NE(r->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
    if (f["media_type"].str() == "application/pdf") {
      EXPECT_TRUE(r->body.starts_with("%PDF-")) << name;
      EXPECT_NE(r->get_header_value("Content-Disposition").find(".pdf\""), std::string::npos)
          << name;
    }
    ++exported;
    if (f["read"].str() != "true") continue;
    std::string file = "exported" + f["extensions"][0].str();
    httplib::MultipartFormDataItems items = {{"file", r->body, file, f["media_type"].str()}};
    auto back = c.Post("/api/import", items);
    ASSERT_TRUE(back) << name;
    EXPECT_EQ(back->status, 200) << name << ": " << back->body.substr(0, 500);
    EXPECT_TRUE(json_of(back)["content"]["goals"].is_array()) << name;
    if (f["lossless"].str() == "true") { // what a lossless format writes, it reads back
      EXPECT_EQ(json_of(back)["content"]["department"].str(), "导出测试局") << name;
    }
  }
  EXPECT_GE(exported, 1);
  expect_error(c.Get("/api/forms/" + std::to_string(id) + "/export?format=docx"), 400,
               "unknown_format", "ZP0112");
}

TEST(Api, RequestErrorsAreJsonAPersonCanRead) {
  auto c = client_for("错误测试局");
  expect_error(c.Get("/api/nothing-here"), 404, "no_such_endpoint", "ZP0716");
  expect_error(c.Delete("/api/forms/1"), 404, "no_such_endpoint", "ZP0716");
  expect_error(c.Get("/api/forms/987654321"), 404, "not_found", "ZP0707");
  expect_error(c.Get("/api/forms/99999999999999999999999"), 404, "not_found", "ZP0707");
  expect_error(c.Get("/api/forms/987654321/revisions"), 404, "not_found", "ZP0707");
  expect_error(c.Get("/api/departments/987654321"), 404, "not_found", "ZP0709");
  expect_error(c.Post("/api/forms", "{\"content\": ", "application/json"), 400, "invalid_json",
               "ZP0710");
  expect_error(c.Post("/api/forms", "[]", "application/json"), 400, "invalid_field", "ZP0711");
  expect_error(c.Post("/api/forms", "{\"content\": 3}", "application/json"), 400, "invalid_field",
               "ZP0711");
  expect_error(c.Post("/api/forms", "{}", "application/json"), 400, "missing_field", "ZP0712");
  expect_error(c.Post("/api/forms", envelope(seed_as("错误测试局"), R"("status": "finished")"),
                      "application/json"),
               400, "invalid_parameter", "ZP0713");
  expect_error(
      c.Post("/api/forms", envelope(seed_as("错误测试局"), R"("rules": "x")"), "application/json"),
      400, "unknown_rule_set", "ZP0602");
  expect_error(c.Post("/api/forms", envelope(seed_as("")), "application/json"), 422,
               "no_department", "ZP0705");
  expect_error(c.Post("/api/forms", envelope(R"({"format": "other"})"), "application/json"), 422,
               "unreadable_form", "ZP0715");
  std::string nul = seed_as("错误测试局");
  nul.replace(nul.find("\"conclusion\": \""), 15, "\"conclusion\": \"\\u0000");
  auto refused = c.Post("/api/forms", envelope(nul), "application/json");
  expect_error(refused, 422, "unstorable_text", "ZP0723");
  EXPECT_EQ(json_of(refused)["error"]["details"]["path"].str(), "conclusion");
  expect_error(c.Put("/api/forms/987654321",
                     R"({"base_revision": 1, "content": )" + seed_as("x") + "}",
                     "application/json"),
               404, "not_found", "ZP0707");
  long long id = create(seed_as("错误测试局"));
  expect_error(c.Put("/api/forms/" + std::to_string(id),
                     "{\"content\": " + seed_as("错误测试局") + "}", "application/json"),
               400, "missing_field", "ZP0712");
  expect_error(c.Put("/api/forms/" + std::to_string(id),
                     R"({"base_revision": "1", "content": )" + seed_as("错误测试局") + "}",
                     "application/json"),
               400, "invalid_field", "ZP0711");
  std::string huge(std::size_t(kMaxUploadMb + 1) << 20, ' ');
  expect_error(c.Post("/api/check", huge, "application/json"), 413, "payload_too_large", "ZP0714");
}

TEST(Api, AMalformedRequestStillGetsJson) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(std::uint16_t(ApiServer::instance->process->port()));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  std::string request = "NOT-HTTP\r\n\r\n";
  ASSERT_EQ(write(fd, request.data(), request.size()), ssize_t(request.size()));
  std::string reply;
  char buffer[4096];
  ssize_t n;
  // Up to the end of the JSON body (the connection may stay open until keep-alive ends).
  while (reply.find("}}}") == std::string::npos && (n = read(fd, buffer, sizeof buffer)) > 0)
    reply.append(buffer, std::size_t(n));
  close(fd);
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_NE(reply.find("\"diagnostic\":\"ZP0721\""), std::string::npos) << reply;
}

TEST(Api, Departments) {
  auto c = client_with(accounts().admin_token()); // creating a department is an administrator's
  auto r = c.Post("/api/departments", R"({"name": "  部门测试局  "})", "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  Json d = json_of(r);
  EXPECT_EQ(d["name"].str(), "部门测试局");
  EXPECT_EQ(d["form_count"].integer(), 0);
  EXPECT_EQ(r->get_header_value("Location"), "/api/departments/" + d["id"].str());
  expect_error(c.Post("/api/departments", R"({"name": "部门测试局"})", "application/json"), 409,
               "department_exists", "ZP0720");
  expect_error(c.Post("/api/departments", R"({"name": " "})", "application/json"), 400,
               "missing_field", "ZP0712");
  Json all = json_of(c.Get("/api/departments"))["departments"];
  bool found = false;
  for (std::size_t i = 0; i < all.size(); ++i)
    found = found || all[i]["name"].str() == "部门测试局";
  EXPECT_TRUE(found);
}

TEST(Api, ServesThePlaceholderPageOutsideTheApi) {
  auto c = client();
  for (const char* path : {"/", "/forms/12", "/index.html"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r);
    if (std::string(path) == "/index.html" && r->status == 404) continue; // no built UI
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_NE(r->body.find("ziping"), std::string::npos);
    EXPECT_NE(r->body.find("尚未构建"), std::string::npos);
  }
  expect_error(c.Get("/api"), 404, "no_such_endpoint", "ZP0716");
}

TEST(Serve, LoadsTheDemoOnceAndNeverTwice) {
  auto backend = Backend::fresh();
  ASSERT_TRUE(backend);
  long long forms = 0;
  for (int run = 0; run < 2; ++run) {
    ServerProcess server(kBinary, {"--db", backend->url(), "--demo"});
    ASSERT_TRUE(server.started()) << server.output();
    httplib::Client c("127.0.0.1", server.port());
    // One account per role, with passwords printed at start (new ones each time).
    std::smatch account;
    std::string out = server.output();
    for (const char* login : {"demo-filler", "demo-head", "demo-supervisor", "demo-admin"})
      EXPECT_NE(out.find(login), std::string::npos) << out;
    ASSERT_TRUE(std::regex_search(out, account, std::regex(R"(demo-finance\s+(\S+))"))) << out;
    // The public sees published forms only; the 财政审核人 sees every unit of the bureau.
    Json public_page = json_of(c.Get("/api/forms?limit=500"));
    for (std::size_t i = 0; i < public_page["forms"].size(); ++i)
      EXPECT_EQ(public_page["forms"][i]["review_state"].str(), "published");
    auto login = c.Post("/api/session",
                        R"({"login": "demo-finance", "password": ")" + account[1].str() + R"("})",
                        "application/json");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 200) << login->body;
    std::string cookie = login->get_header_value("Set-Cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    c.set_default_headers({{"Cookie", cookie}});
    Json page = json_of(c.Get("/api/forms?limit=1"));
    if (run == 0) {
      EXPECT_NE(server.output().find("已载入演示数据"), std::string::npos) << server.output();
      forms = page["total"].integer();
      EXPECT_GE(forms, 30);
      Json stats = json_of(c.Get("/api/forms/stats"));
      EXPECT_GE(stats["by_grade"].size(), 3u); // a spread of grades
      EXPECT_GE(stats["by_status"].size(), 3u);
      EXPECT_EQ(stats["by_kind"].size(), 2u);
      EXPECT_GE(json_of(c.Get("/api/departments"))["departments"].size(), 12u);
    } else {
      EXPECT_NE(server.output().find("未重复载入"), std::string::npos) << server.output();
      EXPECT_EQ(page["total"].integer(), forms);
    }
    EXPECT_EQ(server.stop(), 0);
  }
}

TEST(Serve, ServesABuiltUiAndItsClientSideRoutes) {
  auto backend = Backend::fresh();
  ASSERT_TRUE(backend);
  std::string dist = (std::filesystem::temp_directory_path() / "ziping-dist-XXXXXX").string();
  ASSERT_TRUE(mkdtemp(dist.data()));
  std::filesystem::create_directories(dist + "/assets");
  std::ofstream(dist + "/index.html") << "<!doctype html><title>工作台</title>";
  std::ofstream(dist + "/assets/app.js") << "export {};";
  {
    ServerProcess server(kBinary, {"--db", backend->url(), "--static", dist});
    ASSERT_TRUE(server.started()) << server.output();
    EXPECT_NE(server.output().find(dist), std::string::npos);
    httplib::Client c("127.0.0.1", server.port());
    for (const char* path : {"/", "/forms/12/edit"}) {
      auto r = c.Get(path);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200) << path;
      EXPECT_EQ(r->body, "<!doctype html><title>工作台</title>") << path;
    }
    // A rebuilt UI is served without a restart.
    std::ofstream(dist + "/index.html") << "<!doctype html><title>新版</title>";
    auto rebuilt = c.Get("/forms/3");
    ASSERT_TRUE(rebuilt);
    EXPECT_EQ(rebuilt->body, "<!doctype html><title>新版</title>");
    auto js = c.Get("/assets/app.js");
    ASSERT_TRUE(js);
    EXPECT_EQ(js->status, 200);
    EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    expect_error(c.Get("/api/nothing"), 404, "no_such_endpoint", "ZP0716");
    EXPECT_EQ(server.stop(), 0);
  }
  std::filesystem::remove_all(dist);
}

TEST(Serve, StartupFailuresAreDiagnostics) {
  std::string out;
  EXPECT_EQ(run_to_exit(kBinary, {"serve", "--db", "mysql://x/y"}, out), 2);
  EXPECT_NE(out.find("ZP0702"), std::string::npos) << out;
  out.clear();
  EXPECT_EQ(run_to_exit(kBinary, {"serve", "--db", "/nonexistent-dir/x.db"}, out), 2);
  EXPECT_NE(out.find("ZP0701"), std::string::npos) << out;
  out.clear();
  auto backend = Backend::fresh();
  ASSERT_TRUE(backend);
  EXPECT_EQ(run_to_exit(kBinary,
                        {"serve", "--db", backend->url(), "--port",
                         std::to_string(ApiServer::instance->process->port())},
                        out),
            2);
  EXPECT_NE(out.find("ZP0719"), std::string::npos) << out;
}

} // namespace
} // namespace ziping::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ziping::testing::ApiServer::instance = new ziping::testing::ApiServer;
  ::testing::AddGlobalTestEnvironment(ziping::testing::ApiServer::instance);
  return RUN_ALL_TESTS();
}
