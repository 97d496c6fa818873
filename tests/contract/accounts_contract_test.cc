// The accounts contract: organisations, users, login, sessions, API tokens, the review chain
// and the audit trail, run unchanged against SQLite and PostgreSQL like the store contract.
// Passwords are hashed at the test cost (crypto::HashCost::Test), never the production one.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "backend.h"
#include "ziping/access/policy.h"
#include "ziping/crypto/crypto.h"
#include "ziping/io/json/form_reader.h"
#include "ziping/store/audit_trail.h"
#include "ziping/store/directory.h"
#include "ziping/store/migrations/migrations.h"
#include "ziping/store/open/open_store.h"
#include "ziping/store/review_log.h"

namespace ziping::store {
namespace {

using access::Action;
using access::OrgKind;
using access::Role;
using std::chrono::minutes;
using std::chrono::seconds;
using Outcome = TransitionResult::Outcome;

const bool kFastHashes = (crypto::set_hash_cost(crypto::HashCost::Test), true);

constexpr const char* kUnitA = "天津市第一中学";
constexpr const char* kUnitB = "天津市第二中学";
constexpr const char* kUnitC = "河西区卫生院";

OrgRow row(OrgKind kind, std::string name, std::string parent, std::string code = "") {
  OrgRow r;
  r.kind = kind;
  r.name = std::move(name);
  r.parent = std::move(parent);
  r.code = std::move(code);
  return r;
}

// 天津市财政局 → {教委 → {一中, 二中}, 卫健委 → {卫生院}}
std::vector<OrgRow> tree() {
  return {row(OrgKind::Finance, "天津市财政局", ""),
          row(OrgKind::Supervisor, "天津市教育委员会", "天津市财政局"),
          row(OrgKind::Supervisor, "天津市卫生健康委员会", "天津市财政局"),
          row(OrgKind::Unit, kUnitA, "天津市教育委员会", "12010001"),
          row(OrgKind::Unit, kUnitB, "天津市教育委员会"),
          row(OrgKind::Unit, kUnitC, "天津市卫生健康委员会")};
}

model::Form seed_form(const std::string& department) {
  std::ifstream in(std::filesystem::path(ZIPING_SOURCE_DIR) / "examples" / "tianjin-2022-dept.json",
                   std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto read = io::json::read_form_json(bytes, "seed");
  if (!read.form) throw std::runtime_error("cannot read the seed form");
  read.form->department = department;
  return *read.form;
}

const Actor kCli{std::nullopt, "cli"};
const Clock::time_point kNoon = Clock::from_time_t(1796212800); // 2026-12-02T12:00:00Z

class AccountsContract : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(kFastHashes);
    backend_ = testing::Backend::fresh();
    ASSERT_TRUE(backend_);
    store_ = open_store(backend_->url());
    auto imported = dir().import_orgs(tree(), kCli);
    ASSERT_TRUE(imported.diagnostics.empty());
    ASSERT_EQ(imported.created, 6);
  }

  Directory& dir() { return store_->directory(); }
  ReviewLog& review() { return store_->review_log(); }
  AuditTrail& audit() { return store_->audit_trail(); }

  Id org_id(OrgKind kind, const std::string& name) { return dir().find_org(kind, name).value().id; }

  User add(const std::string& login, Role role, std::optional<Id> org) {
    auto added = dir().add_user({login, login + " 的名字", role, org, "correct horse"}, kCli);
    EXPECT_EQ(added.outcome, AddUser::Outcome::Added) << login;
    return added.user.value();
  }

  FormRecord create(const std::string& unit) {
    NewForm n;
    n.form = seed_form(unit);
    n.rule_set = "tianjin-2022";
    n.author = "filler";
    n.comment = "新建";
    return store_->create_form(n);
  }

  TransitionResult move(Id form, Action action, ReviewState expected, Role role,
                        std::string reason = "") {
    return review().transition({form, action, expected, role, {std::nullopt, "t"}, reason});
  }

  std::unique_ptr<testing::Backend> backend_;
  std::unique_ptr<Store> store_;
};

// A database made before accounts (schema 1) keeps its forms, which start the review chain in
// the state their status says.
TEST(AccountsMigration, FormsOfASchemaOneDatabaseKeepTheirStatus) {
  auto backend = testing::Backend::fresh();
  ASSERT_TRUE(backend);
  auto dialect = backend->name() == "sqlite" ? Dialect::SQLite : Dialect::PostgreSQL;
  if (dialect == Dialect::SQLite) std::ofstream(backend->url()); // an empty file is an empty DB
  backend->execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
                   "NULL, applied_at TEXT NOT NULL)");
  backend->execute(render(migrations()[0].sql, dialect));
  backend->execute("INSERT INTO schema_migrations VALUES (1, 'initial schema', "
                   "'2026-01-01T00:00:00.000Z')");
  backend->execute("INSERT INTO departments (id, name, created_at) VALUES (1, '甲', 'x')");
  for (const char* status : {"draft", "returned", "approved"})
    backend->execute(std::string("INSERT INTO forms (department_id, kind, year, title, project, "
                                 "status, rule_set, mode, revision, grade, errors, warnings, "
                                 "notes, created_at, updated_at, updated_by) VALUES (1, "
                                 "'department', 2024, 't', '', '") +
                     status + "', 'cn-2020', 'review', 1, '', 0, 0, 0, 'x', 'x', 'x')");
  auto store = open_store(backend->url());
  EXPECT_EQ(store->schema_version(), latest_schema_version());
  EXPECT_EQ(store->review_log().state(1), ReviewState::Draft);
  EXPECT_EQ(store->review_log().state(2), ReviewState::Returned);
  EXPECT_EQ(store->review_log().state(3), ReviewState::Approved);
  EXPECT_TRUE(store->audit_trail().verify().ok);
}

TEST_F(AccountsContract, ImportsTheTreeAndTiesUnitsToTheirDepartments) {
  auto a = dir().find_org(OrgKind::Unit, kUnitA).value();
  EXPECT_EQ(a.code, "12010001");
  ASSERT_TRUE(a.department_id);
  auto form = create(kUnitA);
  EXPECT_EQ(form.department_id, *a.department_id); // a form belongs to the unit of its department
  auto chain = dir().unit_chain(form.department_id);
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[0], a.id);
  EXPECT_EQ(chain[1], org_id(OrgKind::Supervisor, "天津市教育委员会"));
  EXPECT_EQ(chain[2], org_id(OrgKind::Finance, "天津市财政局"));

  auto education = dir().departments_under(org_id(OrgKind::Supervisor, "天津市教育委员会"));
  EXPECT_EQ(education.size(), 2u);
  EXPECT_EQ(dir().departments_under(org_id(OrgKind::Finance, "天津市财政局")).size(), 3u);
  // A department no unit claims is outside every tree.
  EXPECT_TRUE(dir().unit_chain(store_->ensure_department("不在名册的单位").id).empty());

  // Importing again changes nothing; a changed code is an update.
  auto again = tree();
  again[4].code = "12010002";
  auto second = dir().import_orgs(again, kCli);
  EXPECT_EQ(second.created, 0);
  EXPECT_EQ(second.updated, 1);
}

TEST_F(AccountsContract, AnImportWithAnyErrorWritesNothing) {
  std::vector<OrgRow> rows{row(OrgKind::Unit, "新单位", "天津市教育委员会"),
                           row(OrgKind::Unit, "孤儿单位", "不存在的主管部门"),
                           row(OrgKind::Supervisor, "无上级主管", ""),
                           row(OrgKind::Finance, "有上级的财政局", "天津市财政局"),
                           row(OrgKind::Unit, "新单位", "天津市教育委员会")};
  rows[4].where = diag::SourceLocation::text("orgs.csv", 6, 1);
  auto result = dir().import_orgs(rows, kCli);
  ASSERT_EQ(result.diagnostics.size(), 4u);
  EXPECT_EQ(result.diagnostics[0].id, diag::DiagId::err_org_parent_missing);
  EXPECT_EQ(result.diagnostics[1].id, diag::DiagId::err_org_parent_required);
  EXPECT_EQ(result.diagnostics[2].id, diag::DiagId::err_org_parent_forbidden);
  EXPECT_EQ(result.diagnostics[3].id, diag::DiagId::err_org_duplicate);
  EXPECT_EQ(result.diagnostics[3].where.to_string(), "orgs.csv:6:1");
  EXPECT_FALSE(dir().find_org(OrgKind::Unit, "新单位")); // rolled back
}

TEST_F(AccountsContract, UsersNeedAnOrganisationOfTheirRolesKind) {
  Id unit = org_id(OrgKind::Unit, kUnitA);
  Id supervisor = org_id(OrgKind::Supervisor, "天津市教育委员会");
  EXPECT_EQ(dir().user_count(), 0);
  add("admin", Role::Admin, std::nullopt);
  add("filler", Role::Filler, unit);
  using O = AddUser::Outcome;
  EXPECT_EQ(dir().add_user({"filler", "", Role::Filler, unit, "correct horse"}, kCli).outcome,
            O::LoginTaken);
  EXPECT_EQ(dir().add_user({"x", "", Role::Filler, supervisor, "correct horse"}, kCli).outcome,
            O::BadOrg);
  EXPECT_EQ(
      dir().add_user({"y", "", Role::Supervisor, std::nullopt, "correct horse"}, kCli).outcome,
      O::BadOrg);
  EXPECT_EQ(dir().add_user({"z", "", Role::Admin, unit, "correct horse"}, kCli).outcome, O::BadOrg);
  EXPECT_EQ(
      dir().add_user({"has space", "", Role::Admin, std::nullopt, "correct horse"}, kCli).outcome,
      O::BadLogin);
  EXPECT_EQ(dir().add_user({"short", "", Role::Admin, std::nullopt, "1234567"}, kCli).outcome,
            O::WeakPassword);
  EXPECT_EQ(dir().user_count(), 2);
  auto filler = dir().find_user("filler").value();
  EXPECT_EQ(filler.role, Role::Filler);
  EXPECT_EQ(filler.org_id, unit);
  // The password is stored as an argon2id string, never as given.
  EXPECT_EQ(
      backend_->scalar("SELECT substr(password_hash, 1, 10) FROM users WHERE login = 'filler'"),
      "$argon2id$");
}

TEST_F(AccountsContract, LoginMakesASessionStoredOnlyAsHashes) {
  add("head", Role::UnitHead, org_id(OrgKind::Unit, kUnitA));
  auto login = dir().login("head", "correct horse", kNoon);
  ASSERT_EQ(login.outcome, Login::Outcome::Ok);
  const Session& s = login.session.value();
  EXPECT_EQ(s.token.size(), 43u);
  EXPECT_EQ(s.user.login, "head");
  EXPECT_EQ(backend_->scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + s.token + "'"),
            "0");
  EXPECT_EQ(backend_->scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = '" +
                             crypto::sha256_hex(s.token) + "'"),
            "1");
  EXPECT_EQ(dir().session_user(s.token, kNoon + minutes(5)).value().login, "head");
  EXPECT_TRUE(dir().check_csrf(s.token, s.csrf_token));
  EXPECT_FALSE(dir().check_csrf(s.token, s.token));
  EXPECT_FALSE(dir().session_user(s.token, kNoon + std::chrono::hours(9))); // expired
  EXPECT_FALSE(dir().session_user("not a token", kNoon));
  dir().end_session(s.token, {s.user.id, "head"});
  EXPECT_FALSE(dir().session_user(s.token, kNoon + minutes(6)));
}

TEST_F(AccountsContract, FailedLoginsLockTheAccountForAGrowingTime) {
  add("filler", Role::Filler, org_id(OrgKind::Unit, kUnitA));
  LoginPolicy policy; // 5 free attempts, then 30 s, 60 s, … up to 15 min
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(dir().login("filler", "wrong", kNoon + seconds(i), policy).outcome,
              Login::Outcome::Wrong);
  auto sixth = dir().login("filler", "wrong", kNoon + seconds(5), policy);
  EXPECT_EQ(sixth.outcome, Login::Outcome::Locked);
  EXPECT_EQ(sixth.retry_after, utc_text(kNoon + seconds(35)));
  // While locked even the right password is refused, and not checked.
  EXPECT_EQ(dir().login("filler", "correct horse", kNoon + seconds(20), policy).outcome,
            Login::Outcome::Locked);
  auto seventh = dir().login("filler", "wrong", kNoon + seconds(40), policy);
  EXPECT_EQ(seventh.retry_after, utc_text(kNoon + seconds(100))); // doubled
  EXPECT_EQ(dir().login("filler", "correct horse", kNoon + seconds(101), policy).outcome,
            Login::Outcome::Ok);
  EXPECT_EQ(dir().find_user("filler").value().failed_logins, 0);
  // An unknown login is simply wrong (no account to lock, nothing to tell apart).
  EXPECT_EQ(dir().login("nobody", "x", kNoon).outcome, Login::Outcome::Wrong);
}

TEST_F(AccountsContract, DisablingOrChangingThePasswordEndsSessions) {
  add("filler", Role::Filler, org_id(OrgKind::Unit, kUnitA));
  auto s1 = dir().login("filler", "correct horse", kNoon).session.value();
  ASSERT_TRUE(dir().set_password("filler", "new password 1", kCli));
  EXPECT_FALSE(dir().session_user(s1.token, kNoon));
  EXPECT_EQ(dir().login("filler", "correct horse", kNoon).outcome, Login::Outcome::Wrong);
  auto s2 = dir().login("filler", "new password 1", kNoon).session.value();
  auto token = dir().create_api_token(s2.user.id, "nightly export", std::nullopt, kCli);
  ASSERT_TRUE(dir().set_disabled("filler", true, kCli));
  EXPECT_FALSE(dir().session_user(s2.token, kNoon));
  EXPECT_FALSE(dir().api_token_user(token.token, kNoon));
  EXPECT_EQ(dir().login("filler", "new password 1", kNoon).outcome, Login::Outcome::Disabled);
  EXPECT_FALSE(dir().set_password("nobody", "whatever long", kCli));
  EXPECT_FALSE(dir().set_disabled("nobody", true, kCli));
}

TEST_F(AccountsContract, ApiTokensAreHashedExpireAndCanBeRevoked) {
  auto admin = add("admin", Role::Admin, std::nullopt);
  auto t = dir().create_api_token(admin.id, "脚本", kNoon + minutes(10), kCli);
  EXPECT_TRUE(t.token.starts_with("zpt_"));
  EXPECT_EQ(
      backend_->scalar("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + t.token + "'"),
      "0");
  EXPECT_EQ(dir().api_token_user(t.token, kNoon).value().login, "admin");
  EXPECT_FALSE(dir().api_token_user(t.token, kNoon + minutes(11)));
  auto listed = dir().api_tokens(admin.id);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(listed[0].token.empty());
  EXPECT_EQ(listed[0].last_used_at, utc_text(kNoon));
  // The last use is kept to the minute: no write for a second use within it.
  EXPECT_TRUE(dir().api_token_user(t.token, kNoon + std::chrono::seconds(30)));
  EXPECT_EQ(dir().api_tokens(admin.id)[0].last_used_at, utc_text(kNoon));
  EXPECT_TRUE(dir().api_token_user(t.token, kNoon + minutes(2)));
  EXPECT_EQ(dir().api_tokens(admin.id)[0].last_used_at, utc_text(kNoon + minutes(2)));
  EXPECT_TRUE(dir().revoke_api_token(t.id, admin.id, kCli));
  EXPECT_FALSE(dir().api_token_user(t.token, kNoon));
  EXPECT_FALSE(dir().revoke_api_token(t.id, admin.id, kCli));
}

TEST_F(AccountsContract, TheReviewChainRunsOnlyAsItsTableAllows) {
  auto form = create(kUnitA);
  Id id = form.id;
  EXPECT_EQ(review().state(id), ReviewState::Draft);
  // A filler cannot submit (the head signs off); nobody approves a draft.
  EXPECT_EQ(move(id, Action::Submit, ReviewState::Draft, Role::Filler).outcome,
            Outcome::NotAllowed);
  EXPECT_EQ(move(id, Action::Approve, ReviewState::Draft, Role::Supervisor).outcome,
            Outcome::NotAllowed);
  EXPECT_EQ(move(id, Action::Submit, ReviewState::Draft, Role::UnitHead).outcome, Outcome::Done);
  EXPECT_EQ(store_->form_record(id)->status, Status::Submitted);
  // A stale view is a conflict, not a second transition.
  EXPECT_EQ(move(id, Action::Submit, ReviewState::Draft, Role::UnitHead).outcome,
            Outcome::Conflict);
  EXPECT_EQ(move(id, Action::Return, ReviewState::Submitted, Role::Supervisor).outcome,
            Outcome::ReasonRequired);
  auto comment = review().add_comment(id, "goals[0].indicators[2].actual", "实际完成值缺单位",
                                      Role::Supervisor, {std::nullopt, "sup"});
  ASSERT_TRUE(comment);
  EXPECT_EQ(comment->revision, 1);
  EXPECT_EQ(move(id, Action::Return, ReviewState::Submitted, Role::Supervisor, "见批注").outcome,
            Outcome::Done);
  EXPECT_EQ(store_->form_record(id)->status, Status::Returned);
  EXPECT_EQ(move(id, Action::Submit, ReviewState::Returned, Role::UnitHead).outcome, Outcome::Done);
  EXPECT_EQ(move(id, Action::Approve, ReviewState::Submitted, Role::Supervisor).outcome,
            Outcome::Done);
  EXPECT_EQ(store_->form_record(id)->status,
            Status::Submitted); // reviewed is still 已提交 coarsely
  // Only the role that approved may reopen, with a reason.
  EXPECT_EQ(move(id, Action::Reopen, ReviewState::Reviewed, Role::Finance, "x").outcome,
            Outcome::NotAllowed);
  EXPECT_EQ(move(id, Action::Approve, ReviewState::Reviewed, Role::Finance).outcome, Outcome::Done);
  EXPECT_EQ(move(id, Action::Reopen, ReviewState::Approved, Role::Supervisor, "x").outcome,
            Outcome::NotAllowed);
  EXPECT_EQ(move(id, Action::Publish, ReviewState::Approved, Role::Finance).outcome, Outcome::Done);
  EXPECT_EQ(review().state(id), ReviewState::Published);
  EXPECT_EQ(store_->form_record(id)->status, Status::Approved);
  EXPECT_EQ(move(id, Action::Reopen, ReviewState::Published, Role::Finance, "数据有误").outcome,
            Outcome::Done);
  EXPECT_EQ(review().state(id), ReviewState::Returned);

  auto events = review().events(id);
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events[1].action, Action::Return);
  EXPECT_EQ(events[1].reason, "见批注");
  EXPECT_EQ(events[6].from, ReviewState::Published);
  EXPECT_EQ(review().comments(id).at(0).path, "goals[0].indicators[2].actual");
  EXPECT_EQ(move(999999, Action::Submit, ReviewState::Draft, Role::UnitHead).outcome,
            Outcome::NotFound);
}

TEST_F(AccountsContract, ReviewerScoresSitBesideTheSelfScore) {
  Id id = create(kUnitA).id;
  ReviewScore s;
  s.path = "goals[0].indicators[0]";
  s.self_score = num::Decimal::of("2.50");
  s.reviewer_score = num::Decimal::of("2");
  s.reason = "佐证材料不足";
  ASSERT_TRUE(review().set_score(id, s, {std::nullopt, "fin"}));
  s.reviewer_score = num::Decimal::of("1.75"); // a second score for the leaf replaces the first
  ASSERT_TRUE(review().set_score(id, s, {std::nullopt, "fin"}));
  auto scores = review().scores(id);
  ASSERT_EQ(scores.size(), 1u);
  EXPECT_EQ(scores[0].self_score->to_string(), "2.50");
  EXPECT_EQ(scores[0].reviewer_score.to_string(), "1.75");
  EXPECT_EQ(scores[0].difference->to_string(), "-0.75");
  EXPECT_EQ(scores[0].reviewer, "fin");
  EXPECT_FALSE(review().set_score(999999, s, {std::nullopt, "fin"}));
}

TEST_F(AccountsContract, WaitingListsFollowTheStateAndTheTree) {
  Id a = create(kUnitA).id;
  Id b = create(kUnitB).id;
  Id c = create(kUnitC).id;
  for (Id id : {a, b, c})
    ASSERT_EQ(move(id, Action::Submit, ReviewState::Draft, Role::UnitHead).outcome, Outcome::Done);
  auto education = dir().departments_under(org_id(OrgKind::Supervisor, "天津市教育委员会"));
  EXPECT_EQ(review().forms_in(ReviewState::Submitted, education), (std::vector<Id>{a, b}));
  EXPECT_EQ(review().forms_in(ReviewState::Submitted, std::nullopt), (std::vector<Id>{a, b, c}));
  EXPECT_TRUE(review().forms_in(ReviewState::Submitted, std::vector<Id>{}).empty());
}

// A 主管部门's or 财政局's list is a join on the tree (org_scope), not a list of ids: it follows
// the tree when an import moves a unit, and combines with the own-unit list and published forms.
TEST_F(AccountsContract, ListsUnderAnOrganisationFollowTheTree) {
  Id a = create(kUnitA).id;
  Id b = create(kUnitB).id;
  Id c = create(kUnitC).id;
  auto ids = [&](const FormFilter& filter) {
    std::vector<Id> out;
    for (const auto& r : store_->list_forms(filter).items) out.push_back(r.id);
    return out;
  };
  FormFilter education;
  education.visible_under = org_id(OrgKind::Supervisor, "天津市教育委员会");
  EXPECT_EQ(ids(education), (std::vector<Id>{a, b}));
  EXPECT_EQ(store_->list_forms(education).total, 2);
  FormFilter finance;
  finance.visible_under = org_id(OrgKind::Finance, "天津市财政局");
  EXPECT_EQ(ids(finance), (std::vector<Id>{a, b, c}));
  // While the 财政局's scope holds every unit the store skips its test per form; a form of a
  // unit outside the tree (filed before its unit was imported) ends that, at once.
  Id outside = create("树外单位").id;
  EXPECT_EQ(ids(finance), (std::vector<Id>{a, b, c}));
  EXPECT_EQ(store_->list_forms(finance).total, 3);
  EXPECT_EQ(store_->list_forms(FormFilter{}).total, 4);
  FormFilter unit; // a unit's own scope is itself
  unit.visible_under = org_id(OrgKind::Unit, kUnitC);
  EXPECT_EQ(ids(unit), (std::vector<Id>{c}));
  FormFilter either = education; // or a listed department
  either.visible_departments = std::vector<Id>{store_->form(c)->record.department_id};
  EXPECT_EQ(ids(either), (std::vector<Id>{a, b, c}));
  either.visible_departments = std::vector<Id>{store_->form(outside)->record.department_id};
  EXPECT_EQ(ids(either), (std::vector<Id>{a, b, outside}));

  auto moved = tree();
  moved[5].parent = "天津市教育委员会";
  ASSERT_EQ(dir().import_orgs(moved, kCli).updated, 1);
  EXPECT_EQ(ids(education), (std::vector<Id>{a, b, c}));
  EXPECT_EQ(dir().departments_under(*education.visible_under).size(), 3u);
  moved[5].parent = "天津市卫生健康委员会";
  ASSERT_EQ(dir().import_orgs(moved, kCli).updated, 1);
  EXPECT_EQ(ids(education), (std::vector<Id>{a, b}));
}

TEST_F(AccountsContract, EveryActionIsInTheAuditTrailAndTheChainVerifies) {
  auto head = add("head", Role::UnitHead, org_id(OrgKind::Unit, kUnitA));
  dir().login("head", "wrong", kNoon);
  dir().login("head", "correct horse", kNoon);
  auto form = create(kUnitA);
  auto stored = store_->form(form.id).value();
  Save save;
  save.form_id = form.id;
  save.base_revision = 1;
  save.form = stored.form;
  save.author = "head";
  save.author_id = head.id;
  ASSERT_EQ(store_->save_form(save).outcome, SaveResult::Outcome::Saved);
  move(form.id, Action::Submit, ReviewState::Draft, Role::UnitHead);
  audit().append({{head.id, "head"}, "form.export", form.id, 2, "xlsx"});

  auto entries = audit().entries(0, 100);
  std::vector<std::string> actions;
  for (const auto& e : entries) actions.push_back(e.record.action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"org.import", "user.add", "login.failed", "login.ok",
                                      "form.create", "form.save", "review.submit", "form.export"}));
  EXPECT_EQ(entries[0].prev_hash, kGenesisHash);
  for (std::size_t i = 1; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].seq, entries[i - 1].seq + 1);
    EXPECT_EQ(entries[i].prev_hash, entries[i - 1].hash);
  }
  EXPECT_EQ(entries[5].record.actor.user_id, head.id);
  EXPECT_EQ(entries[5].record.revision, 2);
  EXPECT_EQ(audit().entries(0, 100, form.id).size(), 4u);

  auto v = audit().verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, 8);
  EXPECT_EQ(v.head, entries.back().hash);
}

// The CLI on the same database: exit status and everything it printed.
std::pair<int, std::string> run_cli(const std::string& args, const std::string& stdin_text = "") {
  std::string command = std::string(ZIPING_BINARY) + " " + args + " 2>&1";
  if (!stdin_text.empty())
    command = "printf '%s\\n' '" + stdin_text + "' | " + command;
  else
    command += " </dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), int(buffer.size()), pipe)) out += buffer.data();
  int status = pipe ? pclose(pipe) : -1;
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::pair<int, std::string> run_verify(const std::string& url) {
  return run_cli("audit verify --db '" + url + "'");
}

TEST_F(AccountsContract, EditingOneStoredEntryBreaksTheChainThere) {
  add("head", Role::UnitHead, org_id(OrgKind::Unit, kUnitA));
  create(kUnitA);
  create(kUnitB);
  ASSERT_EQ(audit().entries(0, 100).size(), 4u);
  auto [ok_status, ok_out] = run_verify(backend_->url());
  EXPECT_EQ(ok_status, 0) << ok_out;
  EXPECT_NE(ok_out.find("ZP0771"), std::string::npos) << ok_out;

  // Someone with database access rewrites who created the first form.
  backend_->execute("UPDATE audit_entries SET actor = 'someone else' WHERE seq = 3");
  auto v = audit().verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.broken, 3);
  EXPECT_EQ(v.kind, AuditVerification::Problem::Changed);
  auto [status, out] = run_verify(backend_->url());
  EXPECT_EQ(status, 1) << out;
  EXPECT_NE(out.find("ZP0770"), std::string::npos) << out;
  EXPECT_NE(out.find("审计记录第 3 条"), std::string::npos) << out;
}

TEST_F(AccountsContract, RecomputingOneHashStillBreaksTheNextLink) {
  create(kUnitA);
  create(kUnitB);
  auto entries = audit().entries(0, 100);
  ASSERT_EQ(entries.size(), 3u);
  AuditEntry forged = entries[1];
  forged.record.detail = "伪造";
  forged.hash = audit_hash(forged);
  backend_->execute("UPDATE audit_entries SET detail = '伪造', hash = '" + forged.hash +
                    "' WHERE seq = 2");
  auto v = audit().verify();
  EXPECT_EQ(v.broken, 3);
  EXPECT_EQ(v.kind, AuditVerification::Problem::Unlinked);
  backend_->execute("DELETE FROM audit_entries WHERE seq = 2");
  v = audit().verify();
  EXPECT_EQ(v.broken, 3);
  EXPECT_EQ(v.kind, AuditVerification::Problem::Gap);
}

TEST_F(AccountsContract, TheCommandLineManagesUsersAndOrganisations) {
  std::string db = " --db '" + backend_->url() + "'";
  auto folder = std::filesystem::temp_directory_path() /
                ("ziping-orgs-" + std::to_string(::getpid()) + "-" + backend_->name());
  std::filesystem::create_directories(folder);
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(folder / name, std::ios::binary) << text;
    return (folder / name).string();
  };
  auto expect = [](const std::pair<int, std::string>& got, int status, const char* needle) {
    EXPECT_EQ(got.first, status) << got.second;
    EXPECT_NE(got.second.find(needle), std::string::npos) << needle << " in:\n" << got.second;
  };
  expect(
      run_cli("org import " +
              write("good.csv", "类型,名称,上级,代码\n主管部门,天津市交通运输委员会,天津市财政局,\n"
                                "预算单位,天津市公路事业发展服务中心,天津市交通运输委员会,1201\n") +
              db),
      0, "新建 2 个");
  expect(run_cli("org import " + write("noname.csv", "kind,name\nunit,\n") + db), 2, "ZP0752");
  expect(run_cli("org import " + write("badkind.csv", "kind,name\nbureau,x\n") + db), 2,
         "badkind.csv:2:1");

  expect(run_cli("user add root --role admin --password-stdin" + db, "long enough"), 0,
         "user root added (admin)");
  expect(run_cli("user add root --role admin --password-stdin" + db, "long enough"), 2, "ZP0760");
  expect(run_cli("user add x --role king --password-stdin" + db, "long enough"), 2, "ZP0769");
  expect(run_cli("user add x --role filler --password-stdin" + db, "long enough"), 2, "ZP0762");
  expect(run_cli("user add x --role filler --org 不存在 --password-stdin" + db, "long enough"), 2,
         "ZP0763");
  expect(run_cli("user add x --role admin --org 天津市财政局 --password-stdin" + db, "long enough"),
         2, "ZP0768");
  expect(run_cli("user add x --role admin --password-stdin" + db, "short"), 2, "ZP0764");
  expect(run_cli("user add x --role admin --password-stdin" + db), 2, "ZP0766");
  expect(run_cli("user add 'a b' --role admin --password-stdin" + db, "long enough"), 2, "ZP0767");
  auto generated = run_cli("user add 公路填报 --role 填报人 --org 天津市公路事业发展服务中心 "
                           "--generate-password" +
                           db);
  expect(generated, 0, "shown once");
  std::string password = generated.second.substr(generated.second.rfind(": ") + 2, 16);
  EXPECT_EQ(dir().login("公路填报", password, kNoon).outcome, Login::Outcome::Ok);
  EXPECT_EQ(dir().find_user("公路填报")->org_id,
            org_id(OrgKind::Unit, "天津市公路事业发展服务中心"));

  expect(run_cli("user passwd 公路填报 --password-stdin" + db, "another one"), 0, "sessions");
  EXPECT_EQ(dir().login("公路填报", "another one", kNoon).outcome, Login::Outcome::Ok);
  expect(run_cli("user passwd nobody --password-stdin" + db, "another one"), 2, "ZP0761");
  expect(run_cli("user disable 公路填报" + db), 0, "disabled");
  EXPECT_EQ(dir().login("公路填报", "another one", kNoon).outcome, Login::Outcome::Disabled);
  expect(run_cli("user disable 公路填报 --enable" + db), 0, "enabled");
  expect(run_cli("user disable nobody" + db), 2, "ZP0761");
  // Each of these is in the trail, named after the command line's user.
  auto entries = audit().entries(0, 100);
  EXPECT_TRUE(std::any_of(entries.begin(), entries.end(), [](const AuditEntry& e) {
    return e.record.action == "user.disable" && e.record.actor.name.starts_with("cli:");
  }));
  EXPECT_TRUE(audit().verify().ok);
  std::filesystem::remove_all(folder);
}

} // namespace
} // namespace ziping::store
