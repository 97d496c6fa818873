// server/list_cache.h — whole responses of GET /api/forms, kept per version of the data they
// were made from (store/versioned_cache.h). A list page as a 财政 user cost ~3.4 ms of CPU
// (server and PostgreSQL: the page, its units, the plans of the page's chains, the JSON); the
// same page asked again before any write costs the caller's authentication, the version and a
// copy (docs/scale.md).
//
// Authorisation is not cached: the gate identifies the caller and narrows the filter on every
// request, and the key is the caller (user, role, organisation) with the narrowed filter, so a
// response is only ever given to the caller it was made for, under the same restriction.
#pragma once

#include <memory>
#include <string>

#include "ziping/store/versioned_cache.h"

namespace ziping::server {

using ListBody = std::shared_ptr<const std::string>;

struct BodyBytes {
  std::size_t operator()(const ListBody& body) const { return body->size(); }
};

// Pages × callers between two writes: 64 MB of responses at most.
class ListCache : public store::VersionedCache<ListBody, BodyBytes> {
public:
  ListCache() : VersionedCache(std::size_t(64) << 20) {}
};

} // namespace ziping::server
