// Fuzzes the store's Form ↔ rows mapping (store/form_rows.cc, sql_store.cc) on SQLite in
// memory: a form made from the input (form_mutations.h) is created and read back; on half of
// the inputs an unedited base form is then saved over it as revision 2 and both revisions are
// read back again. What must hold:
// - a form with U+0000 in a text, or without a department, is refused; every other form is
//   stored;
// - what comes back is the same form: equal canonical JSON (so decimals keep their scale and
//   every row its order), the same revision metadata and summary;
// - revision 2 does not change what revision 1 reads back.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "form_mutations.h"
#include "ziping/io/json/form_writer.h"
#include "ziping/store/sqlite/sqlite_store.h"
#include "ziping/store/store.h"

namespace {

using namespace ziping;
using store::StoreError;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_store_rows: %s\n", what.c_str());
  __builtin_trap();
}

// One in-memory database, replaced every 256 inputs so that a long run does not grow it
// forever. Not one per input: preparing the store's statements again for every input cost
// 80 % of the time (SQLite looks up each "$n" of a many-row INSERT by a linear scan). Each
// input creates its own form, so a finding replays from its input alone unless it depends
// on the forms stored before it (then the log's preceding inputs are the reproducer).
store::Store& database() {
  static std::unique_ptr<store::Store> db;
  static unsigned uses = 0;
  if (!db || ++uses % 256 == 0) {
    db.reset();
    db = store::open_sqlite_store(":memory:", 1);
  }
  return *db;
}

// The canonical JSON of each base form, written once.
const std::string& base_json(std::size_t index) {
  static const std::vector<std::string> written = [] {
    std::vector<std::string> out;
    for (const auto& form : fuzz::base_forms()) out.push_back(io::json::write_form_json(form));
    return out;
  }();
  return written[index];
}

bool same_summary(const store::Summary& a, const store::Summary& b) {
  auto same = [](const std::optional<num::Decimal>& x, const std::optional<num::Decimal>& y) {
    return x.has_value() == y.has_value() && (!x || x->to_string() == y->to_string());
  };
  return same(a.total, b.total) && a.grade == b.grade && same(a.execution_rate, b.execution_rate) &&
         same(a.indicator_score, b.indicator_score) && a.errors == b.errors &&
         a.warnings == b.warnings && a.notes == b.notes;
}

void expect_form(store::Store& db, store::Id id, std::optional<int> revision,
                 const std::string& json, const char* what) {
  auto stored = db.form(id, revision);
  if (!stored) fail(std::string(what) + ": not found after it was stored");
  if (io::json::write_form_json(stored->form) != json)
    fail(std::string(what) + ": read back differs");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Choices choices(data, size);
  // First byte: whether revision 2 is saved, and which base form it is.
  std::size_t second = choices.below(2 * fuzz::base_forms().size());
  store::NewForm created;
  created.status = store::Status(choices.below(4));
  created.mode = choices.coin() ? "auto" : "review";
  created.rule_set = choices.coin() ? "cn-2020" : fuzz::chosen_text(choices);
  created.summary.total = fuzz::chosen_decimal(choices);
  created.summary.indicator_score = fuzz::chosen_decimal(choices);
  created.summary.execution_rate = fuzz::chosen_decimal(choices);
  created.summary.grade = fuzz::chosen_text(choices);
  created.summary.errors = int(choices.below(300));
  created.author = fuzz::chosen_text(choices);
  created.comment = fuzz::chosen_text(choices);
  created.form = fuzz::mutated_form(choices);
  const model::Form& form = created.form;
  // The store refuses U+0000 in the form's texts (ZP0723) and a form without a department.
  // Its own metadata (author, comment, rule set, grade) is not policed: there a NUL must
  // either be refused or come back as it went in.
  bool refusable = store::unstorable_text(form).has_value() || form.department.empty();
  bool metadata_nul =
      (created.author + created.comment + created.rule_set + created.summary.grade).find('\0') !=
      std::string::npos;
  store::Store& db = database();
  store::FormRecord record;
  try {
    record = db.create_form(created);
  } catch (const StoreError& error) {
    if (refusable || metadata_nul) return 0;
    fail("a storable form was refused: " + std::string(error.diagnostic().code()) + " " +
         error.what());
  } catch (const std::exception& error) {
    fail(std::string("exception: ") + error.what());
  }
  if (refusable) fail("a form with U+0000 or without a department was stored");
  try {
    std::string json = io::json::write_form_json(form);
    auto stored = db.form(record.id);
    if (!stored) fail("the new form is not found");
    if (io::json::write_form_json(stored->form) != json) fail("revision 1 reads back differently");
    const store::Revision& revision = stored->revision;
    if (revision.number != 1 || revision.author != created.author ||
        revision.comment != created.comment || revision.status != created.status ||
        revision.rule_set != created.rule_set || revision.mode != created.mode ||
        !same_summary(revision.summary, created.summary))
      fail("revision 1's metadata or summary reads back differently");
    if (stored->record.kind != form.kind || stored->record.year != form.year ||
        stored->record.title != form.title || stored->record.project != form.project ||
        stored->record.department != form.department)
      fail("the form record differs from the form");
    if (second % 2 == 0) return 0;

    // Revision 2: an unedited base form, which must leave revision 1 as it was.
    store::Save save;
    save.form_id = record.id;
    save.base_revision = 1;
    save.form = fuzz::base_forms()[second / 2];
    save.author = "fuzz";
    auto saved = db.save_form(save);
    if (saved.outcome != store::SaveResult::Outcome::Saved) fail("saving revision 2 did not save");
    expect_form(db, record.id, std::nullopt, base_json(second / 2), "revision 2");
    expect_form(db, record.id, 1, json, "revision 1 after revision 2");
  } catch (const std::exception& error) {
    fail(std::string("exception: ") + error.what());
  }
  return 0;
}
