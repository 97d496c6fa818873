#include "ziping/server/demo.h"

#include "ziping/crypto/crypto.h"
#include "ziping/facts/evaluation_facts.h"
#include "ziping/store/directory.h"
#include "ziping/store/review_log.h"

#include "ziping/io/json/form_reader.h"
#include "ziping/io/json/plan_json.h"
#include "ziping/sample/form_generator.h"
#include "ziping/store/plan_shelf.h"

namespace ziping::server {
namespace {

using model::Form;
using model::FormKind;
using sample::Draw;
using store::Status;

constexpr const char* kReviewer = "财政局审核员";

// A revision history that walks the review workflow up to `status`.
void add_history(DemoForm& demo, Status status, Draw& draw) {
  auto edit = [&](std::string author, std::string comment, Status s) {
    demo.edits.push_back(DemoEdit{std::move(author), std::move(comment), s, demo.form});
  };
  demo.status = Status::Draft;
  demo.comment = "新建";
  if (status == Status::Draft) {
    if (draw.chance(40)) edit(demo.author, "修改指标说明", Status::Draft);
    return;
  }
  edit(demo.author, "提交审核", Status::Submitted);
  if (status == Status::Returned)
    edit(kReviewer, "退回：请补充偏差原因分析及改进措施", Status::Returned);
  if (status == Status::Approved) edit(kReviewer, "审核通过", Status::Approved);
}

Status draw_status(Draw& draw, int year) {
  if (year < 2023) return draw.chance(80) ? Status::Approved : Status::Submitted;
  int r = draw.between(0, 99);
  return r < 40   ? Status::Draft
         : r < 75 ? Status::Submitted
         : r < 90 ? Status::Returned
                  : Status::Approved;
}

} // namespace

std::vector<DemoForm> demo_forms(const Workbench& bench) {
  Draw draw(20231231);
  std::vector<DemoForm> out;
  for (const auto& file : demo_files()) {
    if (file.name.starts_with("chain/")) continue; // plans: seed_demo files them
    auto read = io::json::read_form_json(file.text, std::string(file.name));
    if (!read.form) continue;
    DemoForm demo;
    demo.form = std::move(*read.form);
    demo.rules =
        demo.form.department.find("天津") != std::string::npos ? "tianjin-2022" : "cn-2020";
    demo.author = "示例数据";
    // The seed form is back with its unit (已退回: editable, three revisions), so that the
    // demo's unit accounts can fix and resubmit it through the review chain.
    add_history(demo, demo.form.kind == FormKind::Department ? Status::Returned : Status::Submitted,
                draw);
    demo.comment = "导入示例 " + std::string(file.name);
    out.push_back(std::move(demo));
  }
  const rules::RuleSet& rules = bench.rule_set("cn-2020");
  const auto departments = sample::departments();
  for (std::size_t i = 0; i < departments.size(); ++i) {
    const sample::DepartmentSpec& d = departments[i];
    auto add = [&](Form form) {
      DemoForm demo;
      Status status = draw_status(draw, *form.year);
      demo.form = std::move(form);
      demo.rules = "cn-2020";
      demo.author = draw.pick(sample::people());
      add_history(demo, status, draw);
      out.push_back(std::move(demo));
    };
    for (int year : {2022, 2023})
      add(sample::department_form(draw, d, year, sample::draw_quality(draw), rules));
    add(sample::project_form(draw, d, 0, 2023, sample::draw_quality(draw), rules));
    if (i % 3 == 0) add(sample::project_form(draw, d, 1, 2022, sample::draw_quality(draw), rules));
  }
  return out;
}

DemoResult seed_demo(Workbench& bench) {
  DemoResult result;
  if (bench.store().form_count() > 0) return result;
  std::vector<DemoForm> demos = demo_forms(bench);
  std::vector<store::NewForm> batch;
  for (const auto& demo : demos) {
    store::NewForm n;
    check::Run scored = check::run(demo.form, bench.rule_set(demo.rules), rules::Mode::Review);
    n.summary = Workbench::summary(scored);
    n.facts = facts::facts_of(scored);
    n.form = demo.form;
    n.status = demo.status;
    n.rule_set = demo.rules;
    n.mode = "review";
    n.author = demo.author;
    n.comment = demo.comment;
    batch.push_back(std::move(n));
  }
  auto records = bench.store().create_forms(batch);
  result.seeded = true;
  result.forms = records.size();
  result.revisions = records.size();
  for (std::size_t i = 0; i < records.size(); ++i) {
    int base = 1;
    for (const auto& edit : demos[i].edits) {
      model::ReadResult read;
      read.form = edit.form;
      FilingOptions options;
      options.author = edit.author;
      options.comment = edit.comment;
      options.status = edit.status;
      auto saved = bench.save(records[i].id, base++, std::move(read), options);
      if (saved.outcome == store::SaveResult::Outcome::Saved) ++result.revisions;
    }
  }
  // The 2022 forms that ended approved are published, so the public page has something.
  for (const auto& record : records) {
    auto now = bench.store().form_record(record.id);
    if (now && now->review_state == "approved" && now->year == 2022)
      bench.store().review_log().transition({record.id,
                                             access::Action::Publish,
                                             access::ReviewState::Approved,
                                             access::Role::Finance,
                                             {std::nullopt, "demo"},
                                             ""});
  }
  // The seed department's 2022 申报表 and 监控表 (examples/chain/, made up and titled so), linked
  // to the seed form automatically by department, year and scope: the chain view's example,
  // with a lowered target (坐席电话接通率 ≥95% → ≥90%) and a dropped indicator.
  for (const auto& file : demo_files()) {
    if (!file.name.starts_with("chain/")) continue;
    auto read = io::json::read_plan_json(file.text, std::string(file.name));
    if (!read.plan) continue;
    std::string content = io::json::write_plan_json(*read.plan);
    bench.store().plans().add({std::move(*read.plan),
                               std::move(content),
                               std::string(file.name.substr(6)),
                               {std::nullopt, "demo"}});
    ++result.plans;
  }
  result.departments = bench.store().departments().size();
  return result;
}

std::vector<DemoAccount> seed_demo_accounts(Workbench& bench) {
  auto& directory = bench.store().directory();
  const store::Actor actor{std::nullopt, "demo"};
  constexpr const char* kFinance = "演示市财政局";
  const char* kSupervisors[] = {"演示主管部门一", "演示主管部门二"};
  std::vector<access::OrgRow> rows;
  rows.push_back({access::OrgKind::Finance, kFinance, "", "", {}});
  for (const char* s : kSupervisors)
    rows.push_back({access::OrgKind::Supervisor, s, "", kFinance, {}});
  std::vector<std::string> names;
  for (const auto& department : bench.store().departments()) names.push_back(department.name);
  // The unit accounts act for the seed form's department (examples/tianjin-2022-dept.json).
  constexpr const char* kSeedDepartment = "天津市人民政府政务服务办公室";
  std::string seed_department = names.empty() ? "演示预算单位" : names.front();
  for (const auto& name : names)
    if (name == kSeedDepartment) seed_department = name;
  if (names.empty()) names.push_back(seed_department);
  for (std::size_t i = 0; i < names.size(); ++i)
    rows.push_back({access::OrgKind::Unit, names[i], "", kSupervisors[i % 2], {}});
  store::OrgImport imported = directory.import_orgs(rows, actor);
  if (!imported.diagnostics.empty()) return {};

  std::vector<DemoAccount> accounts = {
      {"demo-filler", access::Role::Filler, seed_department, ""},
      {"demo-head", access::Role::UnitHead, seed_department, ""},
      {"demo-supervisor", access::Role::Supervisor, kSupervisors[0], ""},
      {"demo-finance", access::Role::Finance, kFinance, ""},
      {"demo-admin", access::Role::Admin, "", ""},
  };
  for (auto& account : accounts) {
    account.password = crypto::random_token(12);
    if (directory.find_user(account.login)) {
      directory.set_password(account.login, account.password, actor);
      continue;
    }
    store::NewUser user;
    user.login = account.login;
    user.name = std::string(access::role_name_zh(account.role)) + "（演示）";
    user.role = account.role;
    if (auto kind = access::org_kind_of(account.role))
      if (auto org = directory.find_org(*kind, account.org)) user.org_id = org->id;
    user.password = account.password;
    directory.add_user(user, actor);
  }
  return accounts;
}

} // namespace ziping::server
