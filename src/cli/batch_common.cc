#include "batch_common.h"

#include <thread>

#include "ziping/facts/evaluation_facts.h"
#include "ziping/server/workbench.h"

namespace ziping::cli {

int worker_count(int jobs) {
  if (jobs > 0) return jobs;
  return std::max(1, int(std::thread::hardware_concurrency()));
}

Filed filed(const check::Run& run) {
  return {server::Workbench::summary(run), facts::facts_of(run)};
}

} // namespace ziping::cli
