// `ziping org import FILE.csv --db URL`: the organisation tree from a CSV file
// (docs/accounts.md), all or nothing; every problem is reported with its file:line.
#include <cstdio>

#include "accounts_common.h"
#include "commands.h"
#include "input.h"
#include "ziping/access/org_csv.h"
#include "ziping/store/directory.h"

namespace ziping::cli {

int run_org_import(const OrgImportOptions& options) {
  std::vector<diag::Diagnostic> diagnostics;
  auto bytes = read_bytes(options.file, diagnostics);
  if (!bytes) {
    print_diagnostics(diagnostics);
    return kExitUnusable;
  }
  auto csv = access::read_org_csv(*bytes, options.file);
  if (!csv.diagnostics.empty()) {
    print_diagnostics(csv.diagnostics);
    return kExitUnusable;
  }
  auto store = open_store_or_report(options.db);
  if (!store) return kExitUnusable;
  auto result = store->directory().import_orgs(csv.rows, cli_actor());
  if (!result.diagnostics.empty()) {
    print_diagnostics(result.diagnostics);
    std::fprintf(stderr, "未导入任何组织 (nothing was imported)\n");
    return kExitUnusable;
  }
  std::printf(
      "已导入组织：新建 %d 个，更新 %d 个\norganisations imported: %d created, %d updated\n",
      result.created, result.updated, result.created, result.updated);
  return kExitOk;
}

} // namespace ziping::cli
