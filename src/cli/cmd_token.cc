// `ziping token add LOGIN`: an API token for scripts (Authorization: Bearer zpt_…), printed
// once on standard output (the token alone on the last line, so `| tail -1` takes it). The
// store keeps only its SHA-256.
#include <chrono>
#include <cstdio>

#include "accounts_common.h"
#include "commands.h"
#include "ziping/store/directory.h"

namespace ziping::cli {

int run_token_add(const TokenOptions& options) {
  auto store = open_store_or_report(options.db);
  if (!store) return kExitUnusable;
  auto& directory = store->directory();
  auto user = directory.find_user(options.login);
  if (!user || user->disabled) {
    print_diagnostics({diag::make(diag::DiagId::err_user_not_found, "", {options.login})});
    return kExitUnusable;
  }
  std::optional<store::Clock::time_point> expires;
  if (options.days > 0) expires = store::Clock::now() + std::chrono::hours(24 * options.days);
  store::ApiToken token = directory.create_api_token(user->id, options.label, expires, cli_actor());
  std::printf("用户 %s 的 API 令牌（只显示这一次）(API token of %s, shown once):\n%s\n",
              user->login.c_str(), user->login.c_str(), token.token.c_str());
  return kExitOk;
}

} // namespace ziping::cli
