// store/count_cache.h — the counts of form lists, kept per version of the data (migration 9's
// data_versions 'lists'). A list page used to count its matches from scratch on every request:
// 80% of PostgreSQL's time for a 财政 list of 3,848 of 100,000 forms (docs/scale.md). The count
// of one filter as one caller sees it (the WHERE clause and its parameters, which carry the
// caller's scope) cannot change until a transaction writes forms, departments or org_scope,
// and every such transaction raises the version.
#pragma once

#include "ziping/store/versioned_cache.h"

namespace ziping::store {

struct OneEntry {
  std::size_t operator()(std::int64_t) const { return 1; }
};

// Filters × callers between two writes: 4,096 counts at most.
class CountCache : public VersionedCache<std::int64_t, OneEntry> {
public:
  CountCache() : VersionedCache(4096) {}
};

} // namespace ziping::store
