#include "ziping/store/migrations/leaves_digest_schema.h"

namespace ziping::store {
namespace {

// leaves_digest: SHA-256 of the form's leaf_facts rows' values (store/fact_rows.cc), beside
// form_facts.digest (the form's row and its leaves together). Another rule set mostly changes
// a form's grade, totals and rule columns, not its leaves: a rescore whose leaves come out with
// the stored digest rewrites the form_facts row only, not the ~12 leaf rows per form (each
// ~280 bytes and two index entries) nor their series rows. NULL for facts written before this
// migration: the next rescore writes their leaves once, as before.
constexpr std::string_view kSchema = R"SQL(
ALTER TABLE form_facts ADD COLUMN leaves_digest TEXT;
)SQL";

} // namespace

std::string_view leaves_digest_schema() {
  return kSchema;
}

} // namespace ziping::store
