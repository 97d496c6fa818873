// store/fact_rows.h — a form's facts (facts.h) as rows of form_facts and leaf_facts, written
// inside the caller's transaction (a save's, a creation's or a rescore's). Internal to store/.
#pragma once

#include <optional>
#include <string>

#include "ziping/model/form.h"
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

// Removes the form's facts (of every year: a save may have changed the year), then writes
// `facts` when given. A form just created has none to remove (`fresh`: two statements fewer,
// each of which would visit every partition in PostgreSQL).
void replace_facts(Transaction& tx, const FactsOwner& owner, const Summary& summary,
                   const std::optional<FormFacts>& facts, bool fresh = false);

} // namespace ziping::store
