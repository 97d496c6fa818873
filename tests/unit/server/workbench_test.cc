// The server's logic without HTTP: JSON building, request bodies, and the Workbench filing,
// saving, importing and exporting through a SQLite store in a temporary file. (Part of the unit
// tests, so it also runs under AddressSanitizer; tests/e2e covers the same over HTTP.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "ziping/io/json/form_writer.h"
#include "ziping/server/api_error.h"
#include "ziping/server/demo.h"
#include "ziping/server/json_out.h"
#include "ziping/server/request_json.h"
#include "ziping/server/workbench.h"
#include "ziping/store/directory.h"
#include "ziping/store/open/open_store.h"

namespace ziping::server {
namespace {

std::string example(const std::string& name) {
  std::ifstream in(std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / name, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(JsonOut, BuildsCompactJsonAndSplicesRenderedValues) {
  JsonOut out;
  out.begin_object().key("a").integer(1).key("b").begin_array().string("引号\"").null().end_array();
  out.key("c").raw("\n  {\"x\": [1, 2]}\n").key("d").decimal(num::Decimal::of("0.80"));
  out.key("e").decimal(std::nullopt).key("f").boolean(false).end_object();
  EXPECT_EQ(out.take(),
            R"({"a":1,"b":["引号\"",null],"c":{"x": [1, 2]},"d":0.80,"e":null,"f":false})");
}

TEST(RequestJson, ReadsFieldsAndRefusesMisfits) {
  JsonValue body = parse_object_body(R"({"n": 3, "s": "文", "o": {"k": [1.50, true, null]}})");
  EXPECT_EQ(integer_member(body, "n"), 3);
  EXPECT_EQ(string_member(body, "s"), "文");
  EXPECT_NE(object_member(body, "o"), nullptr);
  EXPECT_EQ(string_member(body, "missing"), std::nullopt);
  auto code_of = [](auto call) {
    try {
      call();
    } catch (const ApiError& error) {
      return error.code() + " " + std::string(error.diagnostic().code());
    }
    return std::string("no error");
  };
  EXPECT_EQ(code_of([&] { string_member(body, "n"); }), "invalid_field ZP0711");
  EXPECT_EQ(code_of([&] { integer_member(body, "s"); }), "invalid_field ZP0711");
  EXPECT_EQ(code_of([&] { integer_member(body, "absent", true); }), "missing_field ZP0712");
  EXPECT_EQ(code_of([&] { parse_object_body("{\"a\": }"); }), "invalid_json ZP0710");
  EXPECT_EQ(code_of([&] { parse_object_body("[1]"); }), "invalid_field ZP0711");
}

class WorkbenchTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "ziping-wb-XXXXXX").string();
    ASSERT_TRUE(mkdtemp(pattern.data()));
    folder_ = pattern;
    store_ = store::open_store((folder_ / "t.db").string());
    bench_ = std::make_unique<Workbench>(*store_);
  }
  void TearDown() override {
    bench_.reset();
    store_.reset();
    std::filesystem::remove_all(folder_);
  }

  std::filesystem::path folder_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Workbench> bench_;
};

TEST_F(WorkbenchTest, FilesSavesAndRefusesStaleSaves) {
  FilingOptions options;
  options.rules = "tianjin-2022";
  options.author = "张三";
  auto created =
      bench_->create(Workbench::read_json(example("tianjin-2022-dept.json"), "seed"), options);
  EXPECT_EQ(created.record.summary.total->to_string(), "97.43");
  EXPECT_EQ(created.record.summary.grade, "优");
  EXPECT_EQ(created.record.rule_set, "tianjin-2022");

  FilingOptions save;
  save.author = "李四";
  save.status = store::Status::Submitted;
  auto saved = bench_->save(created.record.id, 1,
                            Workbench::read_json(example("tianjin-2022-dept.json"), "seed"), save);
  ASSERT_EQ(saved.outcome, store::SaveResult::Outcome::Saved);
  EXPECT_EQ(saved.current->record.rule_set, "tianjin-2022"); // kept from the form
  auto stale = bench_->save(created.record.id, 1,
                            Workbench::read_json(example("tianjin-2022-dept.json"), "seed"), save);
  EXPECT_EQ(stale.outcome, store::SaveResult::Outcome::Conflict);
  EXPECT_EQ(stale.current->record.revision, 2);
}

TEST_F(WorkbenchTest, ConvertsThroughTheRegistryInMemory) {
  const io::Format* json = io::find_format("json");
  ASSERT_TRUE(json);
  auto read = Workbench::read(example("county-roads-2023-proj.json"), *json, {"roads.json", {}});
  auto created = bench_->create(read, FilingOptions{});
  auto stored = bench_->stored(created.record.id, std::nullopt);
  EXPECT_EQ(bench_->write(stored, *json, bench_->rule_set("cn-2020"), rules::Mode::Review),
            example("county-roads-2023-proj.json"));
  EXPECT_EQ(media_type(*json), "application/json; charset=utf-8");
  // pdf-review is chosen by name only, but what it writes is still a PDF.
  EXPECT_EQ(media_type(*io::find_format("pdf-review")), "application/pdf");
  EXPECT_EQ(io::file_extension(*io::find_format("pdf-review")), ".pdf");
}

TEST_F(WorkbenchTest, RefusesWhatCannotBeFiled) {
  auto code_of = [](auto call) {
    try {
      call();
    } catch (const ApiError& error) {
      return error.code() + " " + std::to_string(error.status());
    }
    return std::string("no error");
  };
  EXPECT_EQ(code_of([&] { Workbench::read_json("{", "x"); }), "unreadable_form 422");
  EXPECT_EQ(code_of([&] { bench_->rule_set("shanghai"); }), "unknown_rule_set 400");
  EXPECT_EQ(code_of([&] { Workbench::parse_mode("strict"); }), "invalid_parameter 400");
  EXPECT_EQ(code_of([&] { bench_->stored(99, std::nullopt); }), "not_found 404");
  model::ReadResult nameless;
  nameless.form = model::Form{};
  EXPECT_EQ(code_of([&] { bench_->create(nameless, {}); }), "no_department 422");
  model::ReadResult nul;
  nul.form = model::Form{};
  nul.form->department = "部门";
  nul.form->title = std::string("a\0b", 3);
  EXPECT_EQ(code_of([&] { bench_->create(nul, {}); }), "unstorable_text 422");
  EXPECT_EQ(store_->form_count(), 0);
}

TEST_F(WorkbenchTest, TheDemoIsTheSameEveryTimeAndLoadsOnce) {
  auto first = demo_forms(*bench_);
  auto second = demo_forms(*bench_);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i)
    EXPECT_EQ(io::json::write_form_json(first[i].form), io::json::write_form_json(second[i].form));
  DemoResult loaded = seed_demo(*bench_);
  EXPECT_TRUE(loaded.seeded);
  EXPECT_EQ(loaded.forms, first.size());
  EXPECT_GT(loaded.revisions, loaded.forms);
  EXPECT_FALSE(seed_demo(*bench_).seeded);
  EXPECT_EQ(store_->form_count(), std::int64_t(first.size()));
}

// `serve --demo`: one account per role, each able to log in with the password printed at
// start; the next start gives new passwords and the old ones stop working.
TEST_F(WorkbenchTest, TheDemoMakesOneAccountPerRoleWithFreshPasswords) {
  seed_demo(*bench_);
  auto accounts = seed_demo_accounts(*bench_);
  ASSERT_EQ(accounts.size(), 5u);
  auto& directory = store_->directory();
  for (const auto& account : accounts)
    EXPECT_EQ(directory.login(account.login, account.password, store::Clock::now()).outcome,
              store::Login::Outcome::Ok)
        << account.login;
  auto head = directory.find_user("demo-head");
  ASSERT_TRUE(head && head->org_id);
  EXPECT_EQ(directory.org(*head->org_id)->name, "天津市人民政府政务服务办公室");
  auto again = seed_demo_accounts(*bench_);
  ASSERT_EQ(again.size(), 5u);
  EXPECT_NE(again[0].password, accounts[0].password);
  EXPECT_EQ(directory.login(accounts[0].login, accounts[0].password, store::Clock::now()).outcome,
            store::Login::Outcome::Wrong);
  EXPECT_EQ(directory.users().size(), 5u);
}

} // namespace
} // namespace ziping::server
