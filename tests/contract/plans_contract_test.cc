// The chain's plans in the store (plan_shelf.h, issue 14), on the backend of
// ZIPING_STORE_BACKEND: filed with their canonical JSON unchanged, listed by department, year
// and form, linked by hand, unlinked and returned to automatic linking, each link change an
// audit entry naming the form.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "backend.h"
#include "ziping/io/json/plan_json.h"
#include "ziping/store/audit_trail.h"
#include "ziping/store/open/open_store.h"
#include "ziping/store/plan_shelf.h"

namespace ziping::store {
namespace {

std::string example_text(const std::string& name) {
  std::ifstream in(std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / "chain" / name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

NewPlan new_plan(const std::string& name) {
  auto read = io::json::read_plan_json(example_text(name), name);
  if (!read.plan) throw std::runtime_error("cannot read example " + name);
  std::string content = io::json::write_plan_json(*read.plan);
  return {std::move(*read.plan), std::move(content), name, {std::nullopt, "测试"}};
}

class PlansContract : public ::testing::Test {
protected:
  void SetUp() override {
    backend_ = testing::Backend::fresh();
    ASSERT_TRUE(backend_);
    store_ = open_store(backend_->url());
  }
  std::unique_ptr<testing::Backend> backend_;
  std::unique_ptr<Store> store_;
};

TEST_F(PlansContract, KeepsAPlanExactlyWithTheColumnsLinkingNeeds) {
  NewPlan declaration = new_plan("tianjin-2022-dept-declaration.json");
  PlanRecord r = store_->plans().add(declaration);
  EXPECT_EQ(r.kind, model::PlanKind::Declaration);
  EXPECT_EQ(r.scope, model::FormKind::Department);
  EXPECT_EQ(r.year, 2022);
  EXPECT_EQ(r.department, "天津市人民政府政务服务办公室");
  EXPECT_EQ(r.link, PlanLink::Auto);
  EXPECT_FALSE(r.form_id);
  EXPECT_EQ(r.created_by, "测试");
  auto stored = store_->plans().plan(r.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->content, declaration.content);
  // The department is the forms' own (created when new).
  auto departments = store_->departments();
  ASSERT_EQ(departments.size(), 1u);
  EXPECT_EQ(departments[0].id, r.department_id);
  EXPECT_FALSE(store_->plans().plan(r.id + 1000));
}

TEST_F(PlansContract, ListsByDepartmentYearAndVisibleDepartmentsNewestFirst) {
  PlanRecord d = store_->plans().add(new_plan("tianjin-2022-dept-declaration.json"));
  PlanRecord m = store_->plans().add(new_plan("tianjin-2022-dept-monitoring.json"));
  PlanFilter all;
  auto listed = store_->plans().plans(all);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, m.id);
  EXPECT_EQ(listed[0].kind, model::PlanKind::Monitoring);
  PlanFilter year;
  year.year = 2023;
  EXPECT_TRUE(store_->plans().plans(year).empty());
  PlanFilter hidden;
  hidden.visible_departments = std::vector<Id>{};
  EXPECT_TRUE(store_->plans().plans(hidden).empty());
  PlanFilter visible;
  visible.visible_departments = std::vector<Id>{d.department_id};
  EXPECT_EQ(store_->plans().plans(visible).size(), 2u);
}

TEST_F(PlansContract, LinksByHandUnlinksAndReturnsToAutomaticWithAnAuditEntryEach) {
  PlanRecord p = store_->plans().add(new_plan("tianjin-2022-dept-declaration.json"));
  NewForm form;
  form.form.kind = model::FormKind::Department;
  form.form.department = "天津市人民政府政务服务办公室";
  form.form.year = 2022;
  form.rule_set = "cn-2020";
  FormRecord f = store_->create_form(form);
  Actor actor{std::nullopt, "填报人"};

  EXPECT_FALSE(store_->plans().set_link(p.id, PlanLink::Manual, f.id + 99, actor)); // no form
  EXPECT_FALSE(store_->plans().set_link(p.id + 99, PlanLink::None, std::nullopt, actor));
  ASSERT_TRUE(store_->plans().set_link(p.id, PlanLink::Manual, f.id, actor));
  auto linked = store_->plans().record(p.id);
  EXPECT_EQ(linked->link, PlanLink::Manual);
  EXPECT_EQ(linked->form_id, f.id);
  EXPECT_EQ(linked->linked_by, "填报人");
  PlanFilter by_form;
  by_form.linked_forms = std::vector<Id>{f.id};
  EXPECT_EQ(store_->plans().plans(by_form).size(), 1u);

  ASSERT_TRUE(store_->plans().set_link(p.id, PlanLink::None, std::nullopt, actor));
  EXPECT_EQ(store_->plans().record(p.id)->link, PlanLink::None);
  EXPECT_FALSE(store_->plans().record(p.id)->form_id);
  ASSERT_TRUE(store_->plans().set_link(p.id, PlanLink::Auto, f.id, actor)); // form_id ignored
  EXPECT_EQ(store_->plans().record(p.id)->link, PlanLink::Auto);
  EXPECT_FALSE(store_->plans().record(p.id)->form_id);

  std::vector<std::string> actions;
  for (const auto& e : store_->audit_trail().entries(0, 100))
    if (e.record.action.starts_with("plan.")) {
      actions.push_back(e.record.action);
      // The form linked, and the form unlinked from.
      if (e.record.action == "plan.link" || e.record.action == "plan.unlink") {
        EXPECT_EQ(e.record.form_id, f.id) << e.record.action;
      }
    }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"plan.import", "plan.link", "plan.unlink", "plan.autolink"}));
  EXPECT_TRUE(store_->audit_trail().verify().ok);
}

TEST_F(PlansContract, RefusesAPlanWithoutADepartment) {
  NewPlan p = new_plan("tianjin-2022-dept-declaration.json");
  p.plan.department.clear();
  EXPECT_THROW(store_->plans().add(p), StoreError);
}

} // namespace
} // namespace ziping::store
