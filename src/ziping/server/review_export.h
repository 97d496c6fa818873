// server/review_export.h — the 财政复核 handed to the writers when a form is exported: the
// store's review log turned into model::Review (declared data, so io/ never sees the store),
// and a fingerprint of it for the export cache's key, so a cached export never hides a newer
// reviewer score or comment.
#pragma once

#include <string>

#include "ziping/model/review.h"
#include "ziping/store/store.h"

namespace ziping::store {
class ReviewLog;
}

namespace ziping::server {

// The form's review state, scores and comments; empty scores and comments when it has none.
model::Review review_for_export(store::ReviewLog& log, store::Id form);

// Changes whenever anything the writers print of the review changes (state, a score, its
// reason, a comment); "" for a review with nothing to print.
std::string review_fingerprint(const model::Review& review);

} // namespace ziping::server
