#include "ziping/store/migrations/fact_sums_schema.h"

namespace ziping::store {
namespace {

// form_facts gains, per form, over the leaves that have both a declared and a formula score:
// how many (compared_leaves), how many declared above the formula (leaves_over) and
// Σ(declared − formula) in millionths (excess_micro, NULL when none compared), filled here from
// the leaves already stored and by every save after. digest: SHA-256 of the form's fact rows
// (store/fact_rows.cc), NULL until the next save or rescore writes it.
constexpr std::string_view kSchema = R"SQL(
ALTER TABLE form_facts ADD COLUMN compared_leaves INTEGER NOT NULL DEFAULT 0;
ALTER TABLE form_facts ADD COLUMN leaves_over INTEGER NOT NULL DEFAULT 0;
ALTER TABLE form_facts ADD COLUMN excess_micro BIGINT;
ALTER TABLE form_facts ADD COLUMN digest TEXT;
UPDATE form_facts SET
  compared_leaves = (SELECT COUNT(*) FROM leaf_facts l WHERE l.year = form_facts.year AND
    l.form_id = form_facts.form_id AND l.declared_micro IS NOT NULL AND
    l.formula_micro IS NOT NULL),
  leaves_over = (SELECT COUNT(*) FROM leaf_facts l WHERE l.year = form_facts.year AND
    l.form_id = form_facts.form_id AND l.declared_micro > l.formula_micro),
  excess_micro = (SELECT SUM(l.declared_micro - l.formula_micro) FROM leaf_facts l WHERE
    l.year = form_facts.year AND l.form_id = form_facts.form_id);
)SQL";

} // namespace

std::string_view fact_sums_schema() {
  return kSchema;
}

} // namespace ziping::store
