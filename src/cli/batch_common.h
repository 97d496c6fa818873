// cli/batch_common.h — what `ziping load` and `ziping rescore` share: the number of worker
// threads, and a form scored and turned into what the store files (summary and facts).
#pragma once

#include <string>

#include "ziping/check/run.h"
#include "ziping/store/store.h"

namespace ziping::cli {

// `jobs` when positive, else one per core (at least 1).
int worker_count(int jobs);

struct Filed {
  store::Summary summary;
  store::FormFacts facts;
};
Filed filed(const check::Run& run);

} // namespace ziping::cli
