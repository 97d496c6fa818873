// A save's answer is read inside the transaction that wrote it. The race it closes is narrow
// (another writer committing between this save's commit and a later re-read), so instead of
// hoping a load test hits it, a connection wrapper runs another client's save at exactly that
// moment: right after the commit.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include <unistd.h>

#include "ziping/store/sql_store.h"
#include "ziping/store/sqlite/sqlite_store.h"

namespace ziping::store {
namespace {

// Runs `after_commit` once, after the wrapped connection's next commit.
class CommitHook final : public SqlConnection {
public:
  CommitHook(std::unique_ptr<SqlConnection> inner, std::function<void()>& after_commit)
      : inner_(std::move(inner)), after_commit_(after_commit) {}
  Dialect dialect() const override { return inner_->dialect(); }
  SqlRows query(std::string_view sql, std::span<const SqlParam> params) override {
    return inner_->query(sql, params);
  }
  std::int64_t execute(std::string_view sql, std::span<const SqlParam> params) override {
    return inner_->execute(sql, params);
  }
  void execute_script(std::string_view sql) override { inner_->execute_script(sql); }
  void begin(bool write) override { inner_->begin(write); }
  void commit() override {
    inner_->commit();
    if (after_commit_) std::exchange(after_commit_, nullptr)();
  }
  void rollback() override { inner_->rollback(); }

private:
  std::unique_ptr<SqlConnection> inner_;
  std::function<void()>& after_commit_;
};

model::Form form_of(const std::string& department) {
  model::Form f;
  f.department = department;
  f.year = 2023;
  f.goals.emplace_back();
  return f;
}

Save save_on(const StoredForm& base, const std::string& author) {
  Save s;
  s.form_id = base.record.id;
  s.base_revision = base.record.revision;
  s.form = base.form;
  s.author = author;
  return s;
}

class SaveAnswer : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "ziping-save-XXXXXX").string();
    ASSERT_TRUE(mkdtemp(pattern.data()));
    folder_ = pattern;
    std::string path = (folder_ / "t.db").string();
    other_ = open_sqlite_store(path, 1);
    hooked_ = make_sql_store({Dialect::SQLite, "sqlite", path, 1}, [this, path] {
      return std::make_unique<CommitHook>(open_sqlite_connection(path), after_commit_);
    });
  }
  void TearDown() override {
    hooked_.reset();
    other_.reset();
    std::filesystem::remove_all(folder_);
  }
  // Another client saves on whatever is current, right after the hooked store commits.
  void other_client_saves_after_next_commit(Id id) {
    after_commit_ = [this, id] { other_->save_form(save_on(*other_->form(id), "另一客户")); };
  }

  std::function<void()> after_commit_;
  std::filesystem::path folder_;
  std::unique_ptr<Store> other_, hooked_;
};

TEST_F(SaveAnswer, ASaveAnswersWithItsOwnRevisionEvenWhenAnotherCommitsRightAfter) {
  StoredForm created = other_->create_stored({form_of("应答部门")});
  other_client_saves_after_next_commit(created.record.id);
  SaveResult result = hooked_->save_form(save_on(created, "本客户"));
  ASSERT_EQ(result.outcome, SaveResult::Outcome::Saved);
  EXPECT_EQ(result.current->revision.number, 2);
  EXPECT_EQ(result.current->revision.author, "本客户");
  EXPECT_EQ(result.current->record.revision, 2);
  EXPECT_EQ(other_->form_record(created.record.id)->revision, 3); // the other save happened
}

TEST_F(SaveAnswer, ACreateAnswersWithRevisionOneEvenWhenAnotherSavesRightAfter) {
  // The other client saves on the form just created, as soon as it is committed.
  after_commit_ = [this] {
    auto page = other_->list_forms({});
    other_->save_form(save_on(*other_->form(page.items.at(0).id), "另一客户"));
  };
  NewForm n{form_of("新建部门")};
  n.author = "本客户";
  StoredForm created = hooked_->create_stored(n);
  EXPECT_EQ(created.revision.number, 1);
  EXPECT_EQ(created.record.revision, 1);
  EXPECT_EQ(created.revision.author, "本客户");
  EXPECT_EQ(other_->form_record(created.record.id)->revision, 2);
}

} // namespace
} // namespace ziping::store
