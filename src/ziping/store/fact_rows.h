// store/fact_rows.h — a form's facts (facts.h) as rows of form_facts, leaf_facts and series_facts,
// written inside the caller's transaction (a save's, a creation's or a rescore's). Internal to
// store/.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ziping/model/form.h"
#include "ziping/store/series_rows.h"
#include "ziping/store/sql.h"
#include "ziping/store/store.h"

namespace ziping::store {

struct FactsOwner {
  Id form_id = 0;
  int revision = 0;
  Id department_id = 0;
  const model::Form* form = nullptr; // year, kind, project
  std::string rule_set;
  std::string mode;
};

// The fact rows of several forms, written with one append per table. Each form's rows carry
// a digest of their own values (form_facts.digest), so a rescore writes only the forms whose
// facts changed, and the form's sums over its leaves (compared_leaves, leaves_over,
// excess_micro) that the inflation analyses read instead of the leaves.
struct FactDigests {
  std::string form;   // form_facts.digest: the form's row and its leaf rows
  std::string leaves; // form_facts.leaves_digest: the leaf rows alone (migration 13)
};

class FactRows {
public:
  // Returns the digests of the form's rows.
  FactDigests add(const FactsOwner& owner, const Summary& summary, const FormFacts& facts);
  // Takes `other`'s rows after these.
  void append(FactRows&& other);
  // Appends the rows; series_facts' rows with their derived columns, and the derived columns of
  // the stored rows of the series written and of `removed_keys` (what delete_facts removed).
  void write(Transaction& tx, std::vector<std::int64_t> removed_keys = {}) const;
  bool empty() const { return forms_.empty(); }
  const SeriesRows& series() const { return series_; }
  // Leaves the series rows of these forms (sorted ids) out of the write: a rescore whose forms'
  // series rows come out as stored (the rules changed, not the targets) keeps the stored ones.
  void keep_stored_series(std::span<const Id> sorted_form_ids) {
    series_.drop_forms(sorted_form_ids);
  }
  // Leaves the leaf and series rows out of the write, the form rows only: a rescore whose
  // form's leaves come out with the stored leaves_digest keeps the stored ones.
  void keep_stored_leaves();

private:
  std::vector<SqlParam> forms_, leaves_;
  SeriesRows series_; // series_facts (migration 8)
};

// leaf_facts.series_key: the first 64 bits of SHA-256 over the department id and the series
// text, as a signed integer (both backends' BIGINT). The year-over-year analyses join on it
// alone; two different series of one database share a key with probability ~n²/2⁶⁵ (10⁻⁸ for
// a million series), in which case they would be compared as one indicator.
std::int64_t series_key(Id department_id, std::string_view series);

// Serialises the writers of these units' facts (PostgreSQL: transaction-scoped advisory locks,
// taken in ascending order; SQLite has one writer at a time already). A write of facts updates
// the series_facts rows of the unit's other years, so two transactions writing one unit's
// forms of different years (two rescore workers, two saves) would otherwise lock each other's
// rows in opposite orders and deadlock. Call it before delete_facts; FactRows::write takes the
// locks of its own units (a no-op when already held).
void lock_units(Transaction& tx, std::vector<Id> department_ids);

// Removes the facts of these forms (of every year: a save may have changed the year); returns
// the series keys removed, which the caller hands to FactRows::write.
std::vector<std::int64_t> delete_facts(Transaction& tx, std::span<const Id> form_ids);
// The same, except that the series rows of `series_kept` (sorted; a subset of `form_ids`) stay.
std::vector<std::int64_t> delete_facts(Transaction& tx, std::span<const Id> form_ids,
                                       std::span<const Id> series_kept);
// The same, except that the leaf (and series) rows of `leaves_kept` (sorted) stay too: only
// their form_facts rows go.
std::vector<std::int64_t> delete_facts(Transaction& tx, std::span<const Id> form_ids,
                                       std::span<const Id> series_kept,
                                       std::span<const Id> leaves_kept);

// Removes the form's facts, then writes `facts` when given. A form just created has none to
// remove (`fresh`: two statements fewer, each of which would visit every partition in
// PostgreSQL).
void replace_facts(Transaction& tx, const FactsOwner& owner, const Summary& summary,
                   const std::optional<FormFacts>& facts, bool fresh = false);

} // namespace ziping::store
