// diag/cap.h — a read's cost in diagnostics is bounded: whatever a reader returns, at most
// kMaxReadDiagnostics are kept, then one closing note (ZP0191) says how many more there were.
// Errors are kept before warnings and notes, so a refusal still says why; the kept ones stay in
// the reader's order. io/registry.cc applies it to every reader, for the CLI and the server; a
// reader that already stopped at the limit with its own closing ZP0116 is left as it is.
#pragma once

#include <cstddef>
#include <vector>

#include "ziping/diag/diagnostic.h"

namespace ziping::diag {

inline constexpr std::size_t kMaxReadDiagnostics = 100;

void cap_diagnostics(std::vector<Diagnostic>& diagnostics, std::size_t limit = kMaxReadDiagnostics);

} // namespace ziping::diag
