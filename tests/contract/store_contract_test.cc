// The store contract: what every Store must do, run unchanged against SQLite and PostgreSQL
// (CTest runs this binary once per backend; ZIPING_STORE_BACKEND says which). Each test starts
// from an empty database.
#include <gtest/gtest.h>

#include <barrier>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <thread>

#include "backend.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/server/demo.h"
#include "ziping/store/migrations/migrations.h"
#include "ziping/store/open/open_store.h"

namespace ziping::store {
namespace {

using model::Form;
using model::FormKind;
using num::Decimal;
using Outcome = SaveResult::Outcome;

Form example(const std::string& name) {
  std::ifstream in(std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / name, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto read = io::json::read_form_json(bytes, name);
  if (!read.form) throw std::runtime_error("cannot read example " + name);
  return *read.form;
}

// A small form with every optional field used and values chosen to catch lossy storage.
Form small_form(const std::string& department, int year, FormKind kind = FormKind::Department) {
  Form f;
  f.kind = kind;
  f.title = kind == FormKind::Project ? "项目支出绩效自评表" : "部门整体支出绩效自评表";
  f.year = year;
  f.department = department;
  f.project = kind == FormKind::Project ? "农村公路养护" : "";
  f.implementing_unit = kind == FormKind::Project ? "县公路段" : "";
  f.money_unit = "元";
  f.budget.initial = Decimal::of("100.00");
  f.budget.annual = Decimal::of("120.50");
  f.budget.executed = Decimal::of("99.999999999999999999");
  f.budget.weight = Decimal::of("10");
  f.budget.score = Decimal::of("8.3");
  f.budget.rate = "82.99%";
  f.budget.deviation_reason = "第一行\n第二行\t\"引号\" 'apostrophe' \\ 反斜杠";
  if (kind == FormKind::Project) {
    f.budget.sources.push_back(
        {"本年财政拨款", Decimal::of("80"), Decimal::of("90.10"), Decimal::of("70"), "77.7%"});
    f.budget.sources.push_back({"其他资金", std::nullopt, Decimal::of("0"), std::nullopt, ""});
  }
  for (int g = 0; g < 2; ++g) {
    model::Goal goal;
    if (kind == FormKind::Department) goal.number = g + 1;
    goal.target = "目标" + std::to_string(g + 1) + "；'; DROP TABLE forms; --";
    goal.actual = "完成 😀 emoji";
    goal.weight = g == 0 ? std::optional(Decimal::of("45.0")) : std::nullopt;
    for (int i = 0; i < 3; ++i) {
      model::Indicator x;
      x.level1 = "产出指标";
      x.level2 = "数量指标";
      x.name = "指标" + std::to_string(g) + "-" + std::to_string(i);
      x.target = "≥5次";
      x.actual = "6次";
      x.weight = Decimal::of("0.80");
      x.score = i == 2 ? std::nullopt : std::optional(Decimal::of("-0.5"));
      x.adjusted_target = i == 1 ? "≥4次" : "";
      x.nature = "定量";
      x.unit = "次";
      x.score_coefficient = Decimal::of("12.3456789012345678");
      x.core = i == 0 ? std::optional(true) : i == 1 ? std::optional(false) : std::nullopt;
      x.scoring_standard = "完成得满分";
      goal.indicators.push_back(x);
    }
    f.goals.push_back(goal);
  }
  f.total_weight = Decimal::of("100");
  f.total_score = Decimal::of("97.43");
  f.grade = "优";
  f.conclusion = "结论";
  f.problems = "问题";
  f.improvements = "措施";
  f.project_leader = "张三";
  f.finance_leader = "李四";
  return f;
}

Summary summary(const char* total, const char* grade, int errors = 0) {
  Summary s;
  s.total = Decimal::of(total);
  s.grade = grade;
  s.execution_rate = Decimal::of("87.26");
  s.indicator_score = Decimal::of("88.70");
  s.errors = errors;
  s.warnings = 2;
  s.notes = 5;
  return s;
}

NewForm new_form(Form form, const char* grade = "优", Status status = Status::Draft) {
  NewForm n;
  n.form = std::move(form);
  n.status = status;
  n.rule_set = "cn-2020";
  n.author = "填报人";
  n.comment = "新建";
  n.summary = summary("95.00", grade);
  return n;
}

std::string canonical(const Form& form) {
  return io::json::write_form_json(form);
}

class StoreContract : public ::testing::Test {
protected:
  void SetUp() override {
    backend_ = testing::Backend::fresh();
    ASSERT_TRUE(backend_);
    store_ = open_store(backend_->url());
  }

  Save save_on(const StoredForm& base, std::string author, std::string comment) {
    Save s;
    s.form_id = base.record.id;
    s.base_revision = base.record.revision;
    s.form = base.form;
    s.author = std::move(author);
    s.comment = std::move(comment);
    s.summary = base.revision.summary;
    return s;
  }

  std::unique_ptr<testing::Backend> backend_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreContract, MigratesAnEmptyDatabaseAndReopensIdempotently) {
  EXPECT_EQ(store_->backend(), backend_->name());
  EXPECT_EQ(store_->schema_version(), latest_schema_version());
  EXPECT_EQ(store_->form_count(), 0);
  store_->create_form(new_form(small_form("甲部门", 2023)));
  store_.reset();
  auto again = open_store(backend_->url());
  EXPECT_EQ(again->schema_version(), latest_schema_version());
  EXPECT_EQ(again->form_count(), 1);
  EXPECT_EQ(backend_->scalar("SELECT COUNT(*) FROM schema_migrations"),
            std::to_string(migrations().size()));
}

// A database written before migration 2 (no 指标解释 column) is brought up to date on open:
// its forms read back with an empty explanation, and new ones keep theirs.
TEST_F(StoreContract, MigratesADatabaseFromBeforeTheExplanationColumn) {
  auto old = store_->create_form(new_form(small_form("甲部门", 2023)));
  store_.reset();
  backend_->execute("ALTER TABLE indicators DROP COLUMN explanation");
  backend_->execute("DELETE FROM schema_migrations WHERE version = 2");
  auto again = open_store(backend_->url());
  EXPECT_EQ(again->schema_version(), latest_schema_version());
  auto read = again->form(old.id);
  ASSERT_TRUE(read);
  ASSERT_FALSE(read->form.goals.empty());
  ASSERT_FALSE(read->form.goals[0].indicators.empty());
  EXPECT_EQ(read->form.goals[0].indicators[0].explanation, "");
  auto form = small_form("甲部门", 2024);
  form.goals[0].indicators[0].explanation = "全年组织的培训";
  auto created = again->create_form(new_form(form));
  EXPECT_EQ(again->form(created.id)->form.goals[0].indicators[0].explanation, "全年组织的培训");
}

TEST_F(StoreContract, RefusesADatabaseFromANewerProgram) {
  backend_->execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, "
                    "'future', '2099-01-01T00:00:00.000Z')");
  store_.reset();
  try {
    open_store(backend_->url());
    FAIL() << "a schema newer than the program must be refused";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.diagnostic().code(), "ZP0703");
    EXPECT_NE(error.diagnostic().message_zh().find("999"), std::string::npos);
  }
}

TEST_F(StoreContract, KeepsEveryExampleFormExactly) {
  for (const char* name : {"tianjin-2022-dept.json", "county-roads-2023-proj.json"}) {
    Form form = example(name);
    FormRecord created = store_->create_form(new_form(form));
    auto stored = store_->form(created.id);
    ASSERT_TRUE(stored) << name;
    EXPECT_EQ(canonical(stored->form), canonical(form)) << name;
    EXPECT_EQ(stored->record.department, form.department);
    EXPECT_EQ(stored->record.kind, form.kind);
    EXPECT_EQ(stored->record.year, form.year);
  }
}

TEST_F(StoreContract, KeepsEveryDemoFormExactly) {
  server::Workbench workbench(*store_);
  auto demos = server::demo_forms(workbench);
  ASSERT_GE(demos.size(), 30u);
  std::vector<NewForm> batch;
  for (const auto& demo : demos) batch.push_back(new_form(demo.form));
  auto created = store_->create_forms(batch);
  ASSERT_EQ(created.size(), demos.size());
  for (std::size_t i = 0; i < demos.size(); ++i)
    EXPECT_EQ(canonical(store_->form(created[i].id)->form), canonical(demos[i].form)) << i;
}

TEST_F(StoreContract, KeepsEveryFieldAndDecimalSpelling) {
  for (auto kind : {FormKind::Department, FormKind::Project}) {
    Form form = small_form("乙部门", 2024, kind);
    FormRecord created = store_->create_form(new_form(form));
    auto stored = store_->form(created.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(canonical(stored->form), canonical(form));
    EXPECT_EQ(stored->form.budget.executed->to_string(), "99.999999999999999999");
    EXPECT_EQ(stored->form.goals[0].indicators[0].weight->to_string(), "0.80");
    EXPECT_EQ(stored->form.goals[0].indicators[0].core, std::optional(true));
    EXPECT_EQ(stored->form.goals[0].indicators[2].core, std::nullopt);
  }
  // A form with nothing optional at all.
  Form bare;
  bare.department = "丙部门";
  bare.money_unit = "";
  bare.goals.resize(1);
  auto stored = store_->form(store_->create_form(new_form(bare)).id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(canonical(stored->form), canonical(bare));
}

TEST_F(StoreContract, RecordsTheSummaryAndMetadataOfTheFirstRevision) {
  NewForm n = new_form(small_form("丁部门", 2023), "良", Status::Submitted);
  n.summary = summary("84.50", "良", 3);
  n.rule_set = "tianjin-2022";
  n.mode = "auto";
  FormRecord r = store_->create_form(n);
  EXPECT_GT(r.id, 0);
  EXPECT_EQ(r.revision, 1);
  EXPECT_EQ(r.status, Status::Submitted);
  EXPECT_EQ(r.rule_set, "tianjin-2022");
  EXPECT_EQ(r.mode, "auto");
  EXPECT_EQ(r.summary.total->to_string(), "84.50");
  EXPECT_EQ(r.summary.grade, "良");
  EXPECT_EQ(r.summary.execution_rate->to_string(), "87.26");
  EXPECT_EQ(r.summary.indicator_score->to_string(), "88.70");
  EXPECT_EQ(r.summary.errors, 3);
  EXPECT_EQ(r.summary.warnings, 2);
  EXPECT_EQ(r.summary.notes, 5);
  EXPECT_EQ(r.updated_by, "填报人");
  EXPECT_EQ(r.created_at.size(), std::string("2026-11-28T16:08:01.123Z").size());
  EXPECT_EQ(r.created_at, r.updated_at);
  auto history = store_->revisions(r.id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].number, 1);
  EXPECT_EQ(history[0].author, "填报人");
  EXPECT_EQ(history[0].comment, "新建");
  EXPECT_EQ(history[0].summary.total->to_string(), "84.50");
}

TEST_F(StoreContract, EverySaveIsANewRevisionAndOldOnesStayReadable) {
  FormRecord r = store_->create_form(new_form(small_form("戊部门", 2023)));
  auto v1 = *store_->form(r.id);
  Save s = save_on(v1, "王五", "改了得分");
  s.form.goals[0].indicators[0].score = Decimal::of("0.40");
  s.form.goals[0].indicators[0].deviation_reason = "原因";
  s.status = Status::Submitted;
  s.summary = summary("91.2", "优", 1);
  SaveResult saved = store_->save_form(s);
  ASSERT_EQ(saved.outcome, Outcome::Saved);
  ASSERT_TRUE(saved.current);
  EXPECT_EQ(saved.current->record.revision, 2);
  EXPECT_EQ(saved.current->revision.number, 2);
  EXPECT_EQ(saved.current->record.status, Status::Submitted);
  EXPECT_EQ(saved.current->record.updated_by, "王五");
  EXPECT_EQ(saved.current->record.summary.total->to_string(), "91.2");
  EXPECT_EQ(saved.current->record.created_at, v1.record.created_at);
  EXPECT_EQ(canonical(saved.current->form), canonical(s.form));

  auto old = store_->form(r.id, 1);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->revision.number, 1);
  EXPECT_EQ(old->record.revision, 2); // the record always describes the current revision
  EXPECT_EQ(canonical(old->form), canonical(v1.form));
  EXPECT_FALSE(store_->form(r.id, 3));

  auto history = store_->revisions(r.id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].number, 2); // newest first
  EXPECT_EQ(history[0].author, "王五");
  EXPECT_EQ(history[0].comment, "改了得分");
  EXPECT_EQ(history[0].status, Status::Submitted);
  EXPECT_EQ(history[1].number, 1);
  EXPECT_EQ(history[1].status, Status::Draft);
}

TEST_F(StoreContract, AStaleSaveIsAConflictAndNeverOverwrites) {
  FormRecord r = store_->create_form(new_form(small_form("己部门", 2023)));
  auto base = *store_->form(r.id);
  Save first = save_on(base, "甲", "第一次");
  first.form.conclusion = "甲的结论";
  ASSERT_EQ(store_->save_form(first).outcome, Outcome::Saved);

  Save stale = save_on(base, "乙", "基于旧版本");
  stale.form.conclusion = "乙的结论";
  SaveResult result = store_->save_form(stale);
  EXPECT_EQ(result.outcome, Outcome::Conflict);
  ASSERT_TRUE(result.current);
  EXPECT_EQ(result.current->record.revision, 2);
  EXPECT_EQ(result.current->form.conclusion, "甲的结论"); // the current version, to merge with
  EXPECT_EQ(store_->form(r.id)->form.conclusion, "甲的结论");
  EXPECT_EQ(store_->revisions(r.id).size(), 2u);

  // The loser merges onto the current version and saves again: nothing is lost.
  Save merged = save_on(*result.current, "乙", "合并后保存");
  merged.form.conclusion = result.current->form.conclusion + "；乙的结论";
  ASSERT_EQ(store_->save_form(merged).outcome, Outcome::Saved);
  EXPECT_EQ(store_->form(r.id)->form.conclusion, "甲的结论；乙的结论");

  Save future = save_on(*store_->form(r.id), "丙", "来自未来");
  future.base_revision = 99;
  EXPECT_EQ(store_->save_form(future).outcome, Outcome::Conflict);
}

TEST_F(StoreContract, OfConcurrentSavesOnOneBaseExactlyOneWins) {
  FormRecord r = store_->create_form(new_form(small_form("庚部门", 2023)));
  auto base = *store_->form(r.id);
  constexpr int kWriters = 6;
  std::vector<SaveResult> results(kWriters);
  std::barrier start(kWriters);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      Save s = save_on(base, "写入者" + std::to_string(i), "并发保存");
      s.form.conclusion = "版本" + std::to_string(i);
      start.arrive_and_wait();
      results[i] = store_->save_form(s);
    });
  }
  for (auto& w : writers) w.join();
  int saved = 0;
  std::string winner;
  for (int i = 0; i < kWriters; ++i) {
    ASSERT_NE(results[i].outcome, Outcome::NotFound);
    ASSERT_TRUE(results[i].current);
    if (results[i].outcome == Outcome::Saved) {
      ++saved;
      winner = "版本" + std::to_string(i);
    }
  }
  EXPECT_EQ(saved, 1);
  for (const auto& result : results) {
    EXPECT_EQ(result.current->record.revision, 2);
    EXPECT_EQ(result.current->form.conclusion, winner);
  }
  auto history = store_->revisions(r.id);
  EXPECT_EQ(history.size(), 2u);
  EXPECT_EQ(store_->form(r.id)->form.conclusion, winner);
}

TEST_F(StoreContract, ConcurrentSavesOnDifferentFormsAllSucceed) {
  std::vector<FormRecord> forms;
  for (int i = 0; i < 4; ++i)
    forms.push_back(store_->create_form(new_form(small_form("辛部门" + std::to_string(i), 2023))));
  std::vector<std::thread> writers;
  std::atomic<int> saved{0};
  for (const auto& f : forms) {
    writers.emplace_back([&, id = f.id] {
      for (int round = 0; round < 3; ++round) {
        auto current = *store_->form(id);
        Save s = save_on(current, "作者", "第" + std::to_string(round) + "轮");
        if (store_->save_form(s).outcome == Outcome::Saved) ++saved;
      }
    });
  }
  for (auto& w : writers) w.join();
  EXPECT_EQ(saved.load(), 12);
  for (const auto& f : forms) EXPECT_EQ(store_->form_record(f.id)->revision, 4);
}

// A save answers with the revision it wrote, and a create with revision 1, never with what
// another writer committed right after (the answer is read inside the writing transaction).
TEST_F(StoreContract, EverySaveAnswersWithTheRevisionItWrote) {
  StoredForm created = store_->create_stored(new_form(small_form("应答部门", 2023)));
  EXPECT_EQ(created.revision.number, 1);
  EXPECT_EQ(created.record.revision, 1);
  constexpr int kWriters = 8, kRounds = 25;
  std::vector<std::string> wrong;
  std::mutex wrong_lock;
  std::barrier start(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      start.arrive_and_wait();
      StoredForm base = created;
      for (int round = 0; round < kRounds; ++round) {
        std::string who = "写者" + std::to_string(w) + "-" + std::to_string(round);
        SaveResult result = store_->save_form(save_on(base, who, who));
        if (result.outcome == Outcome::Conflict) {
          base = *result.current;
          continue;
        }
        const StoredForm& answer = *result.current;
        if (answer.revision.number != base.record.revision + 1 || answer.revision.author != who ||
            answer.record.revision != answer.revision.number) {
          std::lock_guard lock(wrong_lock);
          wrong.push_back(who + " got revision " + std::to_string(answer.revision.number) + " by " +
                          answer.revision.author);
        }
        base = answer;
      }
    });
  }
  for (auto& w : writers) w.join();
  EXPECT_TRUE(wrong.empty()) << wrong.size() << " wrong answers, first: " << wrong.front();
}

TEST_F(StoreContract, MissingFormsAndRevisions) {
  EXPECT_FALSE(store_->form(12345));
  EXPECT_FALSE(store_->form_record(12345));
  EXPECT_TRUE(store_->revisions(12345).empty());
  Save s;
  s.form_id = 12345;
  s.base_revision = 1;
  s.form = small_form("壬部门", 2023);
  SaveResult result = store_->save_form(s);
  EXPECT_EQ(result.outcome, Outcome::NotFound);
  EXPECT_FALSE(result.current);
  EXPECT_FALSE(store_->department(777));
}

TEST_F(StoreContract, DepartmentsAreCreatedOnceByNameAndCountTheirForms) {
  Department a = store_->ensure_department("教育局");
  Department again = store_->ensure_department("教育局");
  EXPECT_EQ(a.id, again.id);
  EXPECT_EQ(a.form_count, 0);
  store_->create_form(new_form(small_form("教育局", 2022)));
  store_->create_form(new_form(small_form("教育局", 2023)));
  store_->create_form(new_form(small_form("卫健委", 2023)));
  auto all = store_->departments();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "教育局"); // in creation order
  EXPECT_EQ(all[0].form_count, 2);
  EXPECT_EQ(all[1].name, "卫健委");
  EXPECT_EQ(all[1].form_count, 1);
  EXPECT_EQ(store_->department(a.id)->form_count, 2);
}

TEST_F(StoreContract, ASaveThatRenamesTheDepartmentMovesTheForm) {
  FormRecord r = store_->create_form(new_form(small_form("旧部门", 2023)));
  auto base = *store_->form(r.id);
  Save s = save_on(base, "作者", "改部门");
  s.form.department = "新部门";
  ASSERT_EQ(store_->save_form(s).outcome, Outcome::Saved);
  auto record = *store_->form_record(r.id);
  EXPECT_EQ(record.department, "新部门");
  EXPECT_NE(record.department_id, r.department_id);
  EXPECT_EQ(store_->department(r.department_id)->form_count, 0);
}

TEST_F(StoreContract, CreatingABatchIsAllOrNothing) {
  std::vector<NewForm> batch = {new_form(small_form("癸部门", 2023)),
                                new_form(small_form("", 2023))};
  try {
    store_->create_forms(batch);
    FAIL() << "a form without a department cannot be filed";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.diagnostic().code(), "ZP0705");
  }
  EXPECT_EQ(store_->form_count(), 0);
  EXPECT_TRUE(store_->departments().empty());
  batch.pop_back();
  batch.push_back(new_form(small_form("癸部门", 2024, FormKind::Project)));
  auto created = store_->create_forms(batch);
  ASSERT_EQ(created.size(), 2u);
  EXPECT_EQ(created[0].department_id, created[1].department_id);
  EXPECT_EQ(store_->form_count(), 2);
}

class StoreFilters : public StoreContract {
protected:
  void SetUp() override {
    StoreContract::SetUp();
    ASSERT_TRUE(store_);
    std::vector<NewForm> batch;
    batch.push_back(new_form(small_form("教育局", 2022), "优", Status::Approved));
    batch.push_back(new_form(small_form("教育局", 2023), "良", Status::Submitted));
    batch.push_back(new_form(small_form("教育局", 2023, FormKind::Project), "中"));
    batch.push_back(new_form(small_form("卫生健康委", 2023), "优", Status::Returned));
    batch.push_back(new_form(small_form("卫生健康委", 2023, FormKind::Project), "差"));
    batch.push_back(new_form(small_form("100%_达标局", 2021), "优"));
    created_ = store_->create_forms(batch);
  }

  std::set<Id> ids(const FormFilter& filter) {
    std::set<Id> out;
    auto page = store_->list_forms(filter);
    for (const auto& r : page.items) out.insert(r.id);
    EXPECT_EQ(page.total, std::int64_t(out.size()));
    return out;
  }
  Id id(int i) { return created_[std::size_t(i)].id; }

  std::vector<FormRecord> created_;
};

TEST_F(StoreFilters, ByEachFieldAndTogether) {
  FormFilter f;
  EXPECT_EQ(ids(f).size(), 6u);
  f.year = 2023;
  EXPECT_EQ(ids(f), (std::set<Id>{id(1), id(2), id(3), id(4)}));
  f.kind = FormKind::Project;
  EXPECT_EQ(ids(f), (std::set<Id>{id(2), id(4)}));
  f.department_id = created_[0].department_id;
  EXPECT_EQ(ids(f), (std::set<Id>{id(2)}));

  FormFilter by_status;
  by_status.status = Status::Draft;
  EXPECT_EQ(ids(by_status), (std::set<Id>{id(2), id(4), id(5)}));
  FormFilter by_grade;
  by_grade.grade = "优";
  EXPECT_EQ(ids(by_grade), (std::set<Id>{id(0), id(3), id(5)}));
  by_grade.grade = "不存在";
  EXPECT_TRUE(ids(by_grade).empty());
}

TEST_F(StoreFilters, TextMatchesTitleProjectOrDepartmentLiterally) {
  FormFilter f;
  f.text = "卫生";
  EXPECT_EQ(ids(f), (std::set<Id>{id(3), id(4)}));
  f.text = "农村公路";
  EXPECT_EQ(ids(f), (std::set<Id>{id(2), id(4)}));
  f.text = "100%_";
  EXPECT_EQ(ids(f), (std::set<Id>{id(5)}));
  f.text = "%";
  EXPECT_EQ(ids(f), (std::set<Id>{id(5)}));
  f.text = "_";
  EXPECT_EQ(ids(f), (std::set<Id>{id(5)}));
  f.text = "'; DROP TABLE forms; --";
  EXPECT_TRUE(ids(f).empty());
  EXPECT_EQ(store_->form_count(), 6);
}

TEST_F(StoreFilters, PagesAndOrders) {
  FormFilter f;
  f.limit = 4;
  auto first = store_->list_forms(f);
  EXPECT_EQ(first.total, 6);
  ASSERT_EQ(first.items.size(), 4u);
  EXPECT_EQ(first.items[0].id, id(0));
  f.offset = 4;
  auto second = store_->list_forms(f);
  ASSERT_EQ(second.items.size(), 2u);
  EXPECT_EQ(second.items[1].id, id(5));
  f.offset = 100;
  EXPECT_TRUE(store_->list_forms(f).items.empty());

  // Times have millisecond resolution: a save in the same millisecond as the last creation
  // would tie with it (and ties go to the higher id), so the save comes a little later.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto base = *store_->form(id(2));
  Save s = save_on(base, "作者", "最近修改");
  ASSERT_EQ(store_->save_form(s).outcome, Outcome::Saved);
  FormFilter recent;
  recent.order = FormFilter::Order::Updated;
  recent.limit = 1;
  auto page = store_->list_forms(recent);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, id(2));
  EXPECT_EQ(page.items[0].revision, 2);
}

// Keyset paging (FormFilter::after, FormPage::next): walking a list page by page from each
// page's `next` gives every form once, in the list's order, whichever order; the last page has
// no `next`, also when it is exactly full. Forms created in one batch share their updated_at,
// so the updated order's pages also cross ties (broken by id, descending).
TEST_F(StoreFilters, PagesByCursorInEitherOrder) {
  for (auto order : {FormFilter::Order::Created, FormFilter::Order::Updated}) {
    FormFilter all;
    all.order = order;
    all.limit = kMaxPageSize;
    auto whole = store_->list_forms(all);
    EXPECT_FALSE(whole.next);
    std::vector<Id> expected;
    for (const auto& r : whole.items) expected.push_back(r.id);
    ASSERT_EQ(expected.size(), 6u);
    for (int limit : {1, 3, 4}) {
      FormFilter f;
      f.order = order;
      f.limit = limit;
      std::vector<Id> walked;
      for (int pages = 0; pages < 10; ++pages) {
        auto page = store_->list_forms(f);
        EXPECT_EQ(page.total, 6);
        for (const auto& r : page.items) walked.push_back(r.id);
        if (!page.next) break;
        ASSERT_FALSE(page.items.empty());
        EXPECT_EQ(page.next->id, page.items.back().id);
        EXPECT_EQ(page.next->updated_at.empty(), order == FormFilter::Order::Created);
        f.after = page.next;
      }
      EXPECT_EQ(walked, expected) << "limit " << limit;
    }
  }
}

// The total is counted once per filter and version of the data (CountCache, migration 9): every
// write that changes what a list selects — through this store, another store on the same
// database (another process), or SQL that bypasses the store — is seen by the next page.
TEST_F(StoreFilters, TotalsFollowEveryWrite) {
  FormFilter f;
  f.year = 2023;
  f.grade = "优";
  EXPECT_EQ(store_->list_forms(f).total, 1);
  EXPECT_EQ(store_->list_forms(f).total, 1);
  store_->create_form(new_form(small_form("教育局", 2023), "优"));
  EXPECT_EQ(store_->list_forms(f).total, 2);

  auto other = open_store(backend_->url());
  auto base = *other->form(id(3));
  Save s = save_on(base, "作者", "改为中");
  s.summary = summary("75.00", "中");
  ASSERT_EQ(other->save_form(s).outcome, Outcome::Saved);
  EXPECT_EQ(store_->list_forms(f).total, 1);

  backend_->execute("UPDATE forms SET grade = '优' WHERE id = " + std::to_string(id(1)));
  EXPECT_EQ(store_->list_forms(f).total, 2);

  FormFilter by_name;
  by_name.text = "卫生健康委";
  EXPECT_EQ(store_->list_forms(by_name).total, 2);
  backend_->execute("UPDATE departments SET name = '卫健委' WHERE name = '卫生健康委'");
  EXPECT_EQ(store_->list_forms(by_name).total, 0);
}

TEST_F(StoreFilters, ListsShowTheCurrentRevisionsSummary) {
  auto base = *store_->form(id(4));
  Save s = save_on(base, "作者", "改进后");
  s.summary = summary("92.00", "优");
  ASSERT_EQ(store_->save_form(s).outcome, Outcome::Saved);
  FormFilter f;
  f.grade = "差";
  EXPECT_TRUE(ids(f).empty());
  f.grade = "优";
  EXPECT_EQ(ids(f), (std::set<Id>{id(0), id(3), id(4), id(5)}));
}

TEST_F(StoreFilters, CountsByGradeStatusKindAndYear) {
  FormFilter f;
  auto counts = store_->count_forms(f);
  EXPECT_EQ(counts.total, 6);
  std::map<std::string, std::int64_t> grades(counts.by_grade.begin(), counts.by_grade.end());
  EXPECT_EQ(grades,
            (std::map<std::string, std::int64_t>{{"优", 3}, {"良", 1}, {"中", 1}, {"差", 1}}));
  std::map<std::string, std::int64_t> statuses(counts.by_status.begin(), counts.by_status.end());
  EXPECT_EQ(statuses, (std::map<std::string, std::int64_t>{
                          {"approved", 1}, {"submitted", 1}, {"returned", 1}, {"draft", 3}}));
  std::map<std::string, std::int64_t> kinds(counts.by_kind.begin(), counts.by_kind.end());
  EXPECT_EQ(kinds, (std::map<std::string, std::int64_t>{{"department", 4}, {"project", 2}}));
  std::map<int, std::int64_t> years(counts.by_year.begin(), counts.by_year.end());
  EXPECT_EQ(years, (std::map<int, std::int64_t>{{2021, 1}, {2022, 1}, {2023, 4}}));
  f.year = 2023;
  f.kind = FormKind::Department;
  EXPECT_EQ(store_->count_forms(f).total, 2);
}

TEST_F(StoreContract, NoBackendStoresTheNulCharacter) {
  Form form = small_form("空字符部门", 2023);
  form.goals[1].indicators[2].name = std::string("前\0后", 7);
  EXPECT_EQ(unstorable_text(form), "goals[1].indicators[2].name");
  try {
    store_->create_form(new_form(form));
    FAIL() << "U+0000 must be refused alike by every backend";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.diagnostic().code(), "ZP0723");
  }
  EXPECT_EQ(store_->form_count(), 0);
  FormRecord r = store_->create_form(new_form(small_form("空字符部门", 2023)));
  Save s = save_on(*store_->form(r.id), "作者", "");
  s.form.conclusion = std::string("a\0b", 3);
  EXPECT_THROW(store_->save_form(s), StoreError);
  EXPECT_EQ(store_->form_record(r.id)->revision, 1);
}

TEST_F(StoreContract, ADamagedDatabaseIsAStoreErrorAndTheStoreRecovers) {
  FormRecord r = store_->create_form(new_form(small_form("损坏部门", 2023)));
  backend_->execute("ALTER TABLE indicators RENAME TO indicators_gone");
  try {
    store_->form(r.id);
    FAIL() << "reading without the indicators table must fail";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.diagnostic().code(), "ZP0704");
    EXPECT_NE(error.diagnostic().message_en().find("indicators"), std::string::npos)
        << error.diagnostic().message_en();
  }
  backend_->execute("ALTER TABLE indicators_gone RENAME TO indicators");
  auto stored = store_->form(r.id); // the same pool serves again after the failure
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->form.indicator_count(), 6u);
}

TEST(StoreAddress, SchemesPickTheBackend) {
  using Backend = StoreAddress::Backend;
  EXPECT_EQ(parse_store_address("ziping.db")->backend, Backend::SQLite);
  EXPECT_EQ(parse_store_address("sqlite:data/x.db")->target, "data/x.db");
  EXPECT_EQ(parse_store_address("sqlite:///tmp/x.db")->target, "/tmp/x.db");
  EXPECT_EQ(parse_store_address("postgresql://u@h/db")->backend, Backend::PostgreSQL);
  EXPECT_EQ(parse_store_address("postgres://u@h/db")->backend, Backend::PostgreSQL);
  EXPECT_FALSE(parse_store_address("mysql://u@h/db"));
  EXPECT_FALSE(parse_store_address(""));
  try {
    open_store("mysql://u@h/db");
    FAIL();
  } catch (const StoreError& error) {
    EXPECT_EQ(error.diagnostic().code(), "ZP0702");
  }
}

TEST(StoreAddress, AnUnreachableDatabaseIsAStoreError) {
  try {
    open_store("/nonexistent-folder/ziping.db");
    FAIL();
  } catch (const StoreError& error) {
    EXPECT_EQ(error.diagnostic().code(), "ZP0701");
  }
  try {
    open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
    FAIL();
  } catch (const StoreError& error) {
    EXPECT_EQ(error.diagnostic().code(), "ZP0701");
    EXPECT_EQ(error.diagnostic().message_en().find("secret"), std::string::npos);
  }
}

} // namespace
} // namespace ziping::store
