// `ziping audit verify --db URL`: recomputes the audit trail's hash chain and names the first
// entry that does not fit (exit 1), or says it is intact and prints the last hash (exit 0).
#include <cstdio>

#include "accounts_common.h"
#include "commands.h"
#include "ziping/store/audit_trail.h"

namespace ziping::cli {

int run_audit_verify(const std::string& db) {
  auto store = open_store_or_report(db);
  if (!store) return kExitUnusable;
  auto v = store->audit_trail().verify();
  if (v.ok) {
    auto note =
        diag::make(diag::DiagId::note_audit_intact, "", {std::to_string(v.entries), v.head});
    print_diagnostics({note});
    return kExitOk;
  }
  std::string why;
  switch (v.kind) {
  case store::AuditVerification::Problem::Changed:
    why = diag::bilingual("内容与其哈希不符，记录被改动过", v.problem);
    break;
  case store::AuditVerification::Problem::Unlinked:
    why = diag::bilingual("所记上一条的哈希与上一条不符", v.problem);
    break;
  case store::AuditVerification::Problem::Gap:
  case store::AuditVerification::Problem::None:
    why = diag::bilingual("序号不连续，有记录被删除", v.problem);
    break;
  }
  print_diagnostics({diag::make(diag::DiagId::err_audit_broken, "",
                                {std::to_string(v.broken.value_or(0)), why})});
  return kExitFormErrors;
}

} // namespace ziping::cli
