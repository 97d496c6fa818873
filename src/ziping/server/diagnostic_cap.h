// server/diagnostic_cap.h — a request's cost in diagnostics is bounded: whatever a reader
// returns, at most kMaxReadDiagnostics are kept, then one closing note (ZP0191) says how many
// more there were. Errors are kept before warnings and notes, so a refusal still says why; the
// kept ones stay in the reader's order.
#pragma once

#include <cstddef>
#include <vector>

#include "ziping/diag/diagnostic.h"

namespace ziping::server {

inline constexpr std::size_t kMaxReadDiagnostics = 100;

void cap_diagnostics(std::vector<diag::Diagnostic>& diagnostics,
                     std::size_t limit = kMaxReadDiagnostics);

} // namespace ziping::server
