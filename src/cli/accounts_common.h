// cli/accounts_common.h — what `ziping user`, `org` and `audit` share: opening the store named
// by --db with its errors as diagnostics, printing diagnostics, and the command line's actor.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/store/audit_trail.h"
#include "ziping/store/store.h"

namespace ziping::cli {

void print_diagnostics(const std::vector<diag::Diagnostic>& diagnostics);
// nullptr after printing why the store could not be opened.
std::unique_ptr<store::Store> open_store_or_report(const std::string& db);
// Who the audit trail names for a command-line action: "cli:<login name>" when known.
store::Actor cli_actor();

} // namespace ziping::cli
