#include "accounts_common.h"

#include <cstdio>
#include <pwd.h>
#include <unistd.h>

#include "ziping/diag/render.h"
#include "ziping/store/open/open_store.h"

namespace ziping::cli {

void print_diagnostics(const std::vector<diag::Diagnostic>& diagnostics) {
  std::string text = diag::render_text(diagnostics) + diag::render_summary(diagnostics) + "\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
}

std::unique_ptr<store::Store> open_store_or_report(const std::string& db) {
  try {
    return store::open_store(db, 2);
  } catch (const store::StoreError& error) {
    print_diagnostics({error.diagnostic()});
    return nullptr;
  }
}

store::Actor cli_actor() {
  const passwd* pw = getpwuid(getuid());
  return {std::nullopt, std::string("cli:") + (pw && pw->pw_name ? pw->pw_name : "?")};
}

} // namespace ziping::cli
