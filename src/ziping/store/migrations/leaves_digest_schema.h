// store/migrations/leaves_digest_schema.h — migration 13 (branch rescore-speed, issue 13):
// form_facts.leaves_digest, the digest of a form's leaf rows alone, so that a rescore under
// other rules rewrites a form's leaf and series rows only when they change.
#pragma once

#include <string_view>

namespace ziping::store {

std::string_view leaves_digest_schema();

} // namespace ziping::store
