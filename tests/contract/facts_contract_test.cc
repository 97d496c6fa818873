// The facts contract (issue 13): every save writes the per-leaf facts of the revision it
// stores, in its own transaction; the batch calls (known sources, current revisions, rescore)
// and every analysis answer the same on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "backend.h"
#include "ziping/access/org_csv.h"
#include "ziping/facts/evaluation_facts.h"
#include "ziping/rules/load.h"
#include "ziping/server/workbench.h"
#include "ziping/store/analyses.h"
#include "ziping/store/directory.h"
#include "ziping/store/fact_rows.h"
#include "ziping/store/migrations/series_facts_schema.h"
#include "ziping/store/open/open_store.h"

namespace ziping::store {
namespace {

using model::Form;
using num::Decimal;

const rules::RuleSet& cn2020() {
  static const rules::RuleSet rules = *rules::load_embedded("cn-2020").rules;
  return rules;
}

struct LeafSpec {
  const char* name;
  const char* target;
  const char* actual;
  const char* weight;
  const char* declared;
};

// A 部门整体 form of one goal; the budget scores 10 × rate.
Form form_of(const std::string& unit, int year, std::initializer_list<LeafSpec> leaves,
             const char* declared_total, const char* executed = "90") {
  Form f;
  f.kind = model::FormKind::Department;
  f.title = "部门整体支出绩效自评表";
  f.year = year;
  f.department = unit;
  f.budget.annual = Decimal::of("100");
  f.budget.executed = Decimal::of(executed);
  f.budget.weight = Decimal::of("10");
  f.budget.score = Decimal::of("9.00");
  model::Goal goal;
  goal.number = 1;
  goal.target = "目标";
  goal.actual = "完成";
  for (const auto& l : leaves) {
    model::Indicator x;
    x.level1 = "产出指标";
    x.level2 = "数量指标";
    x.name = l.name;
    x.target = l.target;
    x.actual = l.actual;
    x.weight = Decimal::of(l.weight);
    x.score = Decimal::of(l.declared);
    x.deviation_reason = "原因";
    goal.indicators.push_back(x);
  }
  f.goals.push_back(goal);
  f.total_weight = Decimal::of("100");
  f.total_score = Decimal::of(declared_total);
  f.grade = "优";
  return f;
}

NewForm filed(Form form) {
  check::Run run = check::run(std::move(form), cn2020(), rules::Mode::Review);
  NewForm n;
  n.summary = server::Workbench::summary(run);
  n.facts = facts::facts_of(run);
  n.form = std::move(run.form);
  n.rule_set = "cn-2020";
  n.author = "测试";
  return n;
}

using Row = std::vector<std::optional<std::string>>;

class FactsContract : public ::testing::Test {
protected:
  void SetUp() override {
    backend_ = testing::Backend::fresh();
    ASSERT_TRUE(backend_);
    store_ = open_store(backend_->url());
  }
  std::string scalar(const std::string& sql) { return backend_->scalar(sql); }
  std::string count(const std::string& table, Id form) {
    return scalar("SELECT COUNT(*) FROM " + table + " WHERE form_id = " + std::to_string(form));
  }

  std::unique_ptr<testing::Backend> backend_;
  std::unique_ptr<Store> store_;
};

TEST_F(FactsContract, ASaveWritesEachLeafWithExactNumbersAndUnits) {
  Form f = form_of(
      "甲单位", 2023,
      {{"培训次数", "≥10次", "8次", "45", "45"}, {"支出", "≤20万元", "19.5万元", "45", "45"}},
      "99.00");
  Id id = store_->create_forms(std::span<const NewForm>(std::vector{filed(f)})).at(0).id;
  std::string where = " FROM leaf_facts WHERE form_id = " + std::to_string(id) + " AND ordinal = ";
  EXPECT_EQ(count("leaf_facts", id), "2");
  EXPECT_EQ(count("form_facts", id), "1");
  EXPECT_EQ(scalar("SELECT comparator" + where + "0"), ">=");
  EXPECT_EQ(scalar("SELECT target_micro" + where + "0"), "10000000");
  EXPECT_EQ(scalar("SELECT target_unit" + where + "0"), "次");
  EXPECT_EQ(scalar("SELECT actual_micro" + where + "0"), "8000000");
  EXPECT_EQ(scalar("SELECT deviation_micro" + where + "0"), "-200000"); // (8 − 10) / 10
  EXPECT_EQ(scalar("SELECT formula_micro" + where + "0"), "36000000");  // 8 ÷ 10 × 45
  EXPECT_EQ(scalar("SELECT declared_micro" + where + "0"), "45000000");
  EXPECT_EQ(scalar("SELECT met" + where + "0"), "0");
  EXPECT_EQ(scalar("SELECT comparator" + where + "1"), "<=");
  EXPECT_EQ(scalar("SELECT target_unit" + where + "1"), "万元");
  EXPECT_EQ(Decimal::of(scalar("SELECT actual_number" + where + "1")), Decimal::of("19.5"));
  EXPECT_EQ(scalar("SELECT series" + where + "0"), "|产出指标|数量指标|培训次数");
  // Over-declaring a missed target is diagnosed; the code is on the leaf's row.
  EXPECT_NE(scalar("SELECT codes" + where + "0").find(" ZP"), std::string::npos);
  std::string form_where = " FROM form_facts WHERE form_id = " + std::to_string(id);
  EXPECT_EQ(scalar("SELECT declared_total_micro" + form_where), "99000000");
  EXPECT_EQ(scalar("SELECT declared_parts_micro" + form_where), "99000000"); // 9 + 45 + 45
  EXPECT_EQ(scalar("SELECT execution_line_micro" + form_where), "80000000");
  EXPECT_EQ(scalar("SELECT year" + form_where), "2023");
  if (backend_->name() == "postgresql") {
    // The row lives in its year's partition.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM leaf_facts_y2023 WHERE form_id = " + std::to_string(id)),
              "2");
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM pg_inherits WHERE inhparent = 'leaf_facts'::regclass"),
              "31");
  }
}

TEST_F(FactsContract, SavesReplaceTheFactsAndARefusedSaveLeavesThem) {
  Form f = form_of("乙单位", 2023, {{"培训次数", "≥10次", "10次", "90", "90"}}, "99.00");
  Id id = store_->create_forms(std::span<const NewForm>(std::vector{filed(f)})).at(0).id;
  Form next = form_of(
      "乙单位", 2024,
      {{"培训次数", "≥10次", "10次", "45", "45"}, {"覆盖人次", "≥100人次", "90人次", "45", "40.5"}},
      "94.50");
  NewForm n = filed(next);
  Save s{id,           1,  n.form,    std::nullopt, std::nullopt, std::nullopt, "测试",
         std::nullopt, "", n.summary, n.facts};
  ASSERT_EQ(store_->save_form(s).outcome, SaveResult::Outcome::Saved);
  EXPECT_EQ(count("leaf_facts", id), "2");
  EXPECT_EQ(scalar("SELECT year FROM form_facts WHERE form_id = " + std::to_string(id)), "2024");
  EXPECT_EQ(scalar("SELECT revision FROM form_facts WHERE form_id = " + std::to_string(id)), "2");
  // On a stale base nothing is written, facts included.
  s.facts->leaves.pop_back();
  EXPECT_EQ(store_->save_form(s).outcome, SaveResult::Outcome::Conflict);
  EXPECT_EQ(count("leaf_facts", id), "2");
  // A save without facts leaves none rather than stale ones.
  s.base_revision = 2;
  s.facts.reset();
  ASSERT_EQ(store_->save_form(s).outcome, SaveResult::Outcome::Saved);
  EXPECT_EQ(count("leaf_facts", id), "0");
  EXPECT_EQ(count("form_facts", id), "0");
  auto current = store_->current_revisions(std::nullopt);
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0].facts_digest, ""); // so `ziping rescore` fills them in
}

TEST_F(FactsContract, LoadedSourcesAreKnownByTheirHash) {
  NewForm n = filed(form_of("丙单位", 2023, {{"培训次数", "≥10次", "10次", "90", "90"}}, "99.00"));
  n.source_hash = std::string(64, 'a');
  n.source_name = "a.json";
  store_->create_forms(std::span<const NewForm>(&n, 1));
  std::vector<std::string> asked = {std::string(64, 'a'), std::string(64, 'b')};
  EXPECT_EQ(store_->known_sources(asked), std::vector<std::string>{std::string(64, 'a')});
}

TEST_F(FactsContract, ARescoreReplacesSummaryAndFactsOfCurrentRevisionsOnly) {
  std::vector<NewForm> batch = {
      filed(form_of("丁单位", 2023, {{"培训次数", "≥10次", "5次", "90", "90"}}, "99.00")),
      filed(form_of("丁单位", 2022, {{"培训次数", "≥10次", "10次", "90", "90"}}, "99.00"))};
  auto created = store_->create_forms(batch);
  auto current = store_->current_revisions(2023);
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0].facts_digest, cn2020().digest);
  EXPECT_FALSE(cn2020().digest.empty());
  // Under auto mode the formula's score counts: 5 ÷ 10 × 90 = 45, total 9 + 45 = 54.
  auto stored = store_->form(created[0].id);
  check::Run run = check::run(stored->form, cn2020(), rules::Mode::Auto);
  std::vector<Rescore> rescores = {
      {created[0].id, 1, "cn-2020", server::Workbench::summary(run), facts::facts_of(run)},
      {created[1].id, 7, "cn-2020", server::Workbench::summary(run), facts::facts_of(run)}};
  EXPECT_EQ(store_->rescore(rescores), 1u); // revision 7 of the second form is not current
  EXPECT_EQ(
      Decimal::of(scalar("SELECT total FROM forms WHERE id = " + std::to_string(created[0].id))),
      run.evaluation.total);
  EXPECT_EQ(
      scalar("SELECT score_micro FROM leaf_facts WHERE form_id = " + std::to_string(created[0].id)),
      "45000000");
  // The revision row keeps what was computed when it was saved.
  EXPECT_EQ(store_->revisions(created[0].id).at(0).summary.total, batch[0].summary.total);
}

// A load's chunk (issue 13, branch scale-pg): many forms at once, rows appended per table (COPY
// in PostgreSQL beyond kRowsPerInsert rows), read back whole, with one audit entry each, in one
// unbroken chain.
TEST_F(FactsContract, ABatchOfFormsIsFiledWholeAndReadBackInOneGo) {
  std::vector<NewForm> batch;
  for (int i = 0; i < 30; ++i) {
    NewForm n = filed(form_of("单位" + std::to_string(i % 7), 2020 + i % 4,
                              {{"培训次数", "≥10次", "8次", "10", "10"},
                               {"覆盖\t人次\n\\", "≥100人次", "100人次", "10", "9"},
                               {"支出", "≤20万元", "19.5万元", "10", "10"},
                               {"满意度", "≥90%", "95%", "10", "10"},
                               {"完成率", "=100%", "100%", "10", "10"}},
                              "90.00"));
    n.source_hash = std::string(63, 'a') + char('a' + i % 26) + std::to_string(i);
    n.source_name = "f" + std::to_string(i) + ".json";
    batch.push_back(std::move(n));
  }
  auto created = store_->create_forms(batch);
  ASSERT_EQ(created.size(), batch.size());
  std::vector<Id> ids;
  for (std::size_t i = 0; i < created.size(); ++i) {
    EXPECT_EQ(created[i].department, batch[i].form.department);
    EXPECT_EQ(created[i].year, batch[i].form.year);
    ids.push_back(created[i].id);
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM leaf_facts"), "150");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM indicators"), "150");
  EXPECT_EQ(scalar("SELECT COUNT(DISTINCT name) FROM departments"), "7");
  // Read back in one go, in the order asked, a missing id left out; tabs, newlines and
  // backslashes survive COPY's escapes.
  std::vector<Id> asked = {ids[3], 999999, ids[0]};
  auto forms = store_->current_forms(asked);
  ASSERT_EQ(forms.size(), 2u);
  EXPECT_EQ(forms[0].record.id, ids[3]);
  EXPECT_EQ(forms[1].record.id, ids[0]);
  EXPECT_EQ(forms[0].form.goals.at(0).indicators.at(1).name, "覆盖\t人次\n\\");
  EXPECT_EQ(forms[1].form.department, batch[0].form.department);
  EXPECT_EQ(forms[1].form.goals.at(0).indicators.size(), 5u);
  // One entry per form, chained.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'form.create'"), "30");
  EXPECT_TRUE(store_->audit_trail().verify().ok);
  // The per-form sums the inflation analyses read: 5 leaves compared, one declared below.
  EXPECT_EQ(
      scalar("SELECT compared_leaves FROM form_facts WHERE form_id = " + std::to_string(ids[0])),
      "5");
}

TEST_F(FactsContract, ARescoreWritesOnlyTheFormsWhoseFactsChanged) {
  std::vector<NewForm> batch = {
      filed(form_of("戊单位", 2023, {{"培训次数", "≥10次", "5次", "90", "90"}}, "99.00")),
      filed(form_of("戊单位", 2022, {{"培训次数", "≥10次", "10次", "90", "90"}}, "99.00"))};
  auto created = store_->create_forms(batch);
  std::vector<Id> ids = {created[0].id, created[1].id};
  auto stored = store_->current_forms(ids);
  ASSERT_EQ(stored.size(), 2u);
  auto digest = [&](Id id) {
    return scalar("SELECT digest FROM form_facts WHERE form_id = " + std::to_string(id));
  };
  std::string before0 = digest(ids[0]), before1 = digest(ids[1]);
  EXPECT_EQ(before0.size(), 64u);
  // A leaf row marked: a rescore that writes the form's facts replaces it.
  backend_->execute("UPDATE leaf_facts SET codes = 'marked'");
  // The first form under auto mode (its score changes), the second as it was filed.
  check::Run changed = check::run(stored[0].form, cn2020(), rules::Mode::Auto);
  check::Run same = check::run(stored[1].form, cn2020(), rules::Mode::Review);
  std::vector<Rescore> rescores = {
      {ids[0], 1, "cn-2020", server::Workbench::summary(changed), facts::facts_of(changed)},
      {ids[1], 1, "cn-2020", server::Workbench::summary(same), facts::facts_of(same)}};
  EXPECT_EQ(store_->rescore(rescores), 2u);
  EXPECT_NE(digest(ids[0]), before0);
  EXPECT_EQ(digest(ids[1]), before1);
  EXPECT_NE(scalar("SELECT codes FROM leaf_facts WHERE form_id = " + std::to_string(ids[0])),
            "marked");
  EXPECT_EQ(scalar("SELECT codes FROM leaf_facts WHERE form_id = " + std::to_string(ids[1])),
            "marked"); // not written again: its rows came out the same
}

// Another rule set (branch rescore-speed, migration 13): a form whose leaves come out as stored
// keeps its leaf and series rows (form_facts.leaves_digest) and has its form row written
// again; one whose leaves change has them written again. Either way the stored facts are then
// those of a rescore that writes every row.
TEST_F(FactsContract, ARescoreKeepsLeavesThatComeOutAsStoredAndEndsAsAFullRewrite) {
  std::vector<NewForm> batch = {filed(form_of("己单位", 2022,
                                              {{"培训次数", "≥10次", "10次", "45", "45"},
                                               {"覆盖人次", "≥100人次", "90人次", "45", "45"}},
                                              "99.00")),
                                filed(form_of("己单位", 2023,
                                              {{"培训次数", "≥10次", "5次", "45", "45"},
                                               {"覆盖人次", "≥80人次", "80人次", "45", "45"}},
                                              "99.00"))};
  auto created = store_->create_forms(batch);
  std::vector<Id> ids = {created[0].id, created[1].id};
  static const rules::RuleSet hubei = *rules::load_embedded("hubei").rules;
  // The first form as it was filed but under hubei, the second in auto mode (its leaves'
  // scores change).
  auto rescores = [&] {
    auto stored = store_->current_forms(ids);
    check::Run same = check::run(stored.at(0).form, hubei, rules::Mode::Review);
    check::Run changed = check::run(stored.at(1).form, hubei, rules::Mode::Auto);
    return std::vector<Rescore>{
        {ids[0], 1, "hubei", server::Workbench::summary(same), facts::facts_of(same)},
        {ids[1], 1, "hubei", server::Workbench::summary(changed), facts::facts_of(changed)}};
  };
  auto codes = [&](const char* table, Id id) {
    return scalar("SELECT MIN(codes) FROM " + std::string(table) +
                  " WHERE form_id = " + std::to_string(id));
  };
  std::string leaf0 = codes("leaf_facts", ids[0]), leaf1 = codes("leaf_facts", ids[1]);
  backend_->execute("UPDATE leaf_facts SET codes = codes || '#'"); // a mark a rewrite removes
  EXPECT_EQ(store_->rescore(rescores()), 2u);
  EXPECT_EQ(scalar("SELECT rule_set FROM form_facts WHERE form_id = " + std::to_string(ids[0])),
            "hubei");
  EXPECT_EQ(codes("leaf_facts", ids[0]), leaf0 + "#"); // kept
  EXPECT_NE(codes("leaf_facts", ids[1]), leaf1 + "#"); // written again
  backend_->execute("UPDATE leaf_facts SET codes = replace(codes, '#', '')");

  // Every fact row as text, in key order; then the same after a rescore that writes them all.
  bool pg = backend_->name() == "postgresql";
  auto rows_of = [&](const std::string& table, const std::string& columns) {
    std::string row;
    for (std::size_t from = 0; from < columns.size();) {
      std::size_t to = std::min(columns.find(", ", from), columns.size());
      row += (row.empty() ? "" : " || '|' || ") + std::string("COALESCE(CAST(") +
             columns.substr(from, to - from) + " AS TEXT), '-')";
      from = to + 2;
    }
    std::string agg = pg ? "string_agg(t, ';' ORDER BY t)" : "group_concat(t, ';')";
    return scalar("SELECT " + agg + " FROM (SELECT " + row + " AS t FROM " + table +
                  " ORDER BY 1) s");
  };
  auto all = [&] {
    return rows_of("form_facts",
                   "year, form_id, revision, department_id, rule_set, rules_digest, mode, "
                   "grade, total_micro, indicator_score_micro, formula_score_micro, codes, "
                   "compared_leaves, leaves_over, excess_micro, digest, leaves_digest") +
           "\n" +
           rows_of("leaf_facts",
                   "year, form_id, goal_ordinal, ordinal, department_id, series, series_key, "
                   "name, target_number, actual_number, ratio_micro, deviation_micro, met, "
                   "large_deviation, tier, weight_micro, declared_micro, formula_micro, "
                   "score_micro, codes") +
           "\n" +
           rows_of("series_facts",
                   "year, form_id, goal_ordinal, ordinal, department_id, series_key, exact_hit, "
                   "quantity, comparator, target_unit, target_micro, prior_years, prior_first, "
                   "prior_misses, change_rank, prev_form_id, prev_goal_ordinal, prev_ordinal");
  };
  std::string kept = all();
  EXPECT_NE(kept.find("hubei"), std::string::npos);
  backend_->execute("UPDATE form_facts SET digest = NULL, leaves_digest = NULL");
  EXPECT_EQ(store_->rescore(rescores()), 2u);
  EXPECT_EQ(all(), kept);
}

// Two units under one 主管部门 (from the organisation tree) and one without, over two years.
class AnalysesContract : public FactsContract {
protected:
  void SetUp() override {
    FactsContract::SetUp();
    std::vector<access::OrgRow> rows = {{access::OrgKind::Finance, "财政局", "", "", {}},
                                        {access::OrgKind::Supervisor, "教育局", "", "财政局", {}},
                                        {access::OrgKind::Unit, "一中", "", "教育局", {}},
                                        {access::OrgKind::Unit, "二中", "", "教育局", {}}};
    ASSERT_TRUE(store_->directory().import_orgs(rows, {std::nullopt, "测试"}).diagnostics.empty());
    std::vector<NewForm> batch = {
        // 一中: 培训次数 exactly met both years; 覆盖人次's target lowered from 100 to 80; in
        // 2023 it declares 45 for a leaf the formula gives 36, and a total off by 1.
        filed(form_of("一中", 2022,
                      {{"培训次数", "≥10次", "10次", "45", "45"},
                       {"覆盖人次", "≥100人次", "100人次", "45", "45"}},
                      "99.00")),
        filed(form_of("一中", 2023,
                      {{"培训次数", "≥10次", "10次", "45", "45"},
                       {"覆盖人次", "≥80人次", "64人次", "45", "45"}},
                      "100.00", "70")),
        filed(form_of("二中", 2023,
                      {{"培训次数", "≥10次", "12次", "45", "45"},
                       {"覆盖人次", "≥80人次", "80人次", "45", "45"}},
                      "99.00")),
        filed(form_of("三中", 2023,
                      {{"培训次数", "≥10次", "12次", "45", "45"},
                       {"覆盖人次", "≥80人次", "88人次", "45", "45"}},
                      "99.00"))};
    store_->create_forms(batch);
    departments_ = store_->departments();
  }
  AnalysisTable run(const char* id, std::optional<std::vector<Id>> only = std::nullopt) {
    auto t = store_->analyses().run(id, {2023, std::move(only), 0});
    EXPECT_TRUE(t);
    return t ? *t : AnalysisTable{};
  }
  Id department(const std::string& name) {
    for (const auto& d : departments_)
      if (d.name == name) return d.id;
    return 0;
  }
  std::vector<Department> departments_;
};

TEST_F(AnalysesContract, InflationPerUnit) {
  AnalysisTable t = run("inflation");
  ASSERT_EQ(t.rows.size(), 3u);
  // 一中: 45 declared where 64 ÷ 80 × 45 = 36: 9 points over, on one form.
  EXPECT_EQ(t.rows[0], (Row{"教育局", "一中", "1", "2", "1", "9.00", "9.00", "9.00", "0"}));
  EXPECT_EQ(t.rows[1][1], "三中"); // ties at 0 ordered by 主管部门, then unit
  EXPECT_EQ(t.rows[1][0], "三中"); // no 主管部门 in the tree: its own group
  auto dist = run("inflation_distribution");
  EXPECT_EQ(dist.rows[0][1], "2"); // ≤ 0
  EXPECT_EQ(dist.rows[4][1], "1"); // > 5
}

TEST_F(AnalysesContract, IndicatorsMetAtExactlyAHundredPercentEveryYear) {
  AnalysisTable t = run("always_full");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], (Row{"教育局", "一中", "产出指标 / 数量指标 / 培训次数", "≥10次", "10次",
                            "2", "2022"}));
}

TEST_F(AnalysesContract, LoweredTargetsFirst) {
  AnalysisTable t = run("target_changes");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], (Row{"调低 lowered", "教育局", "一中", "产出指标 / 数量指标 / 覆盖人次",
                            "≥100人次", "≥80人次", "100人次"}));
}

TEST_F(AnalysesContract, ExecutionAgainstTheRuleSetsLine) {
  AnalysisTable units = run("execution_units");
  ASSERT_EQ(units.rows.size(), 3u);
  EXPECT_EQ(units.rows[0],
            (Row{"教育局", "一中", "1", "100.00", "70.00", "70.00", "80", "1", "1"}));
  AnalysisTable groups = run("execution_supervisors");
  ASSERT_EQ(groups.rows.size(), 2u);
  EXPECT_EQ(groups.rows[0], (Row{"教育局", "2", "2", "200.00", "160.00", "80.00", "80", "0", "1"}));
}

TEST_F(AnalysesContract, GradesPerSupervisorAndMismatchedTotals) {
  AnalysisTable grades = run("grades");
  ASSERT_EQ(grades.rows.size(), 2u);
  EXPECT_EQ(grades.rows[1][0], "教育局");
  EXPECT_EQ(grades.rows[1][1], "2");
  AnalysisTable mismatch = run("total_mismatch");
  ASSERT_EQ(mismatch.rows.size(), 1u);
  EXPECT_EQ(mismatch.rows[0][2], "一中");
  EXPECT_EQ(mismatch.rows[0][5], "100.00");
  EXPECT_EQ(mismatch.rows[0][6], "99.00");
  EXPECT_EQ(mismatch.rows[0][7], "1.00");
}

TEST_F(AnalysesContract, AFilterKeepsOnlyTheUnitsGiven) {
  AnalysisTable t = run("inflation", std::vector<Id>{department("二中")});
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][1], "二中");
  EXPECT_TRUE(run("grades", std::vector<Id>{}).rows.empty());
  EXPECT_EQ(store_->analyses().years(), (std::vector<int>{2023, 2022}));
  EXPECT_FALSE(store_->analyses().run("no_such_analysis", {2023, std::nullopt, 0}));
}

// Stored keys must read the same in every later version (a changed hash would pair nothing
// with the years stored before): pinned to SHA-256 of "1\n…", first 64 bits, signed.
TEST(SeriesKey, IsTheFirst64BitsOfTheDigestOfDepartmentAndSeries) {
  EXPECT_EQ(series_key(1, "义务教育项目|产出指标|数量指标|培训次数"), 2872470444309184885);
  EXPECT_EQ(series_key(1, "培训次数"), -6749958764850900743);
  EXPECT_EQ(series_key(42, ""), 597986565034204445);
  EXPECT_NE(series_key(2, "培训次数"), series_key(1, "培训次数"));
}

// series_facts (migration 8): what a year's rows say about the other years of their series is
// computed when they are written, so it must follow whichever year is filed or saved last. Here
// 2023 is filed before 2022, and a 2022 form is then saved with a miss.
TEST_F(FactsContract, SeriesFactsFollowTheOtherYearsWhateverTheOrderFiled) {
  std::vector<NewForm> later = {filed(form_of("甲单位", 2023,
                                              {{"培训次数", "≥10次", "10次", "45", "45"},
                                               {"覆盖人次", "≥80人次", "80人次", "45", "45"}},
                                              "99.00")),
                                filed(form_of("乙单位", 2023,
                                              {{"培训次数", "≥12次", "12次", "45", "45"},
                                               {"覆盖人次", "≥50人次", "50人次", "45", "45"}},
                                              "99.00"))};
  store_->create_forms(later);
  AnalysisQuery year{2023, std::nullopt, 0};
  EXPECT_EQ(store_->analyses().run("always_full", year)->total_rows, 0); // no earlier year yet
  std::vector<NewForm> earlier = {filed(form_of("甲单位", 2022,
                                                {{"培训次数", "≥10次", "10次", "45", "45"},
                                                 {"覆盖人次", "≥100人次", "100人次", "45", "45"}},
                                                "99.00")),
                                  filed(form_of("乙单位", 2022,
                                                {{"培训次数", "≥15次", "15次", "45", "45"},
                                                 {"覆盖人次", "≥50人次", "40人次", "45", "36"}},
                                                "90.00"))};
  auto created = store_->create_forms(earlier);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM series_facts"), scalar("SELECT COUNT(*) FROM leaf_facts"));
  // Every 2023 hit whose 2022 row hit too: 乙's 覆盖人次 missed in 2022.
  AnalysisTable full = *store_->analyses().run("always_full", year);
  ASSERT_EQ(full.rows.size(), 3u);
  EXPECT_EQ(full.rows[0], (Row{"乙单位", "乙单位", "产出指标 / 数量指标 / 培训次数", "≥12次",
                               "12次", "2", "2022"}));
  EXPECT_EQ(full.rows[1][1], "甲单位");
  EXPECT_EQ(full.rows[1][2], "产出指标 / 数量指标 / 培训次数"); // the form's order within a unit
  EXPECT_EQ(full.rows[2][2], "产出指标 / 数量指标 / 覆盖人次");
  // Two targets lowered; a page of one carries the total of both, cut in SQL.
  AnalysisTable changes = *store_->analyses().run("target_changes", year);
  ASSERT_EQ(changes.rows.size(), 2u);
  EXPECT_EQ(changes.rows[0], (Row{"调低 lowered", "乙单位", "乙单位",
                                  "产出指标 / 数量指标 / 培训次数", "≥15次", "≥12次", "15次"}));
  EXPECT_EQ(changes.rows[1][2], "甲单位");
  EXPECT_EQ(changes.rows[1][4], "≥100人次");
  AnalysisTable page = *store_->analyses().run("target_changes", {2023, std::nullopt, 1});
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.total_rows, 2);
  EXPECT_EQ(page.rows[0], changes.rows[0]);
  // 甲's 2022 form saved again with 培训次数 missed and 覆盖人次's target as in 2023: the 2023
  // rows of both series change their answers.
  NewForm n = filed(form_of(
      "甲单位", 2022,
      {{"培训次数", "≥10次", "8次", "45", "36"}, {"覆盖人次", "≥80人次", "80人次", "45", "45"}},
      "90.00"));
  Id jia = created[0].id;
  Save s{jia,          1,  n.form,    std::nullopt, std::nullopt, std::nullopt, "测试",
         std::nullopt, "", n.summary, n.facts};
  ASSERT_EQ(store_->save_form(s).outcome, SaveResult::Outcome::Saved);
  full = *store_->analyses().run("always_full", year);
  ASSERT_EQ(full.rows.size(), 2u);
  EXPECT_EQ(full.rows[1][1], "甲单位");
  EXPECT_EQ(full.rows[1][2], "产出指标 / 数量指标 / 覆盖人次");
  changes = *store_->analyses().run("target_changes", year);
  ASSERT_EQ(changes.rows.size(), 1u);
  EXPECT_EQ(changes.rows[0][2], "乙单位");
  // What the writes computed (store/series_rows.cc) is what the migration's SQL computes.
  backend_->execute("CREATE TABLE series_copy AS SELECT * FROM series_facts");
  backend_->execute(std::string(series_refresh_sql()));
  std::string same;
  for (const char* c : {"prior_years", "prior_first", "prior_misses", "change_rank", "prev_form_id",
                        "prev_goal_ordinal", "prev_ordinal"})
    same += std::string(same.empty() ? "" : " AND ") + "COALESCE(s." + c + ", -1) = COALESCE(c." +
            c + ", -1)";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM series_facts s JOIN series_copy c ON c.year = s.year AND "
                   "c.form_id = s.form_id AND c.goal_ordinal = s.goal_ordinal AND c.ordinal = "
                   "s.ordinal WHERE " +
                   same),
            scalar("SELECT COUNT(*) FROM series_facts"));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM series_facts WHERE change_rank IS NOT NULL"), "1");
}

// A 主管部门's or 财政局's scope is joined in SQL (org_scope): every analysis under 教育局 is
// the one of its two units given as a list, and the year-over-year ones still find their series.
TEST_F(AnalysesContract, AnOrganisationsScopeIsItsUnits) {
  Id education = store_->directory().find_org(access::OrgKind::Supervisor, "教育局")->id;
  std::vector<Id> units{department("一中"), department("二中")};
  for (const auto& info : analysis_catalogue()) {
    AnalysisQuery under{2023, std::nullopt, 0, education};
    auto scoped = store_->analyses().run(info.id, under);
    ASSERT_TRUE(scoped);
    EXPECT_EQ(scoped->rows, run(std::string(info.id).c_str(), units).rows) << info.id;
  }
  EXPECT_EQ(run("always_full").rows.size(), 1u);
  AnalysisQuery both{2023, std::vector<Id>{department("三中")}, 0, education};
  EXPECT_TRUE(store_->analyses().run("inflation", both)->rows.empty()); // in neither's scope
  AnalysisQuery none{2023, std::vector<Id>{}, 0, education};
  EXPECT_TRUE(store_->analyses().run("grades", none)->rows.empty());
}

} // namespace
} // namespace ziping::store
