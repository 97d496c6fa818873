// `ziping user add|passwd|disable`: accounts from the command line. A password never comes
// from the arguments: it is typed at a prompt (twice, without echo), read from standard input
// (--password-stdin, its first line), or generated (--generate-password) and printed once.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "accounts_common.h"
#include "commands.h"
#include "ziping/crypto/crypto.h"
#include "ziping/store/directory.h"

namespace ziping::cli {
namespace {

using diag::DiagId;

void fail(DiagId id, std::vector<std::string> args = {}) {
  print_diagnostics({diag::make(id, "", std::move(args))});
}

std::optional<std::string> prompt(const char* text) {
  FILE* tty = std::fopen("/dev/tty", "r+");
  if (!tty) return std::nullopt;
  std::fputs(text, tty);
  std::fflush(tty);
  termios old{};
  bool hidden = tcgetattr(fileno(tty), &old) == 0;
  if (hidden) {
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
  }
  std::string line;
  for (int c = std::fgetc(tty); c != EOF && c != '\n'; c = std::fgetc(tty)) line += char(c);
  if (hidden) tcsetattr(fileno(tty), TCSAFLUSH, &old);
  std::fputs("\n", tty);
  std::fclose(tty);
  return line;
}

// The new password, or nullopt after saying why not. `generated` tells the caller to print it.
std::optional<std::string> new_password(const UserOptions& options, bool& generated) {
  generated = false;
  if (options.generate_password) {
    generated = true;
    return crypto::random_token(12); // 16 characters, 96 random bits
  }
  std::string password;
  if (options.password_stdin || !isatty(STDIN_FILENO)) {
    if (!std::getline(std::cin, password) && password.empty()) {
      fail(DiagId::err_password_missing);
      return std::nullopt;
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
  } else {
    auto first = prompt("新密码 (new password): ");
    auto second = prompt("再输入一次 (again): ");
    if (!first || !second) {
      fail(DiagId::err_password_missing);
      return std::nullopt;
    }
    if (*first != *second) {
      fail(DiagId::err_password_mismatch);
      return std::nullopt;
    }
    password = *first;
  }
  if (password.size() < store::kMinPasswordBytes) {
    fail(DiagId::err_password_short, {std::to_string(store::kMinPasswordBytes)});
    return std::nullopt;
  }
  return password;
}

void print_generated(const std::string& login, const std::string& password) {
  std::printf("用户 %s 的密码（只显示这一次）(password of %s, shown once): %s\n", login.c_str(),
              login.c_str(), password.c_str());
}

} // namespace

int run_user_add(const UserOptions& options) {
  auto role = access::parse_role(options.role);
  if (!role || *role == access::Role::Public) {
    fail(DiagId::err_role_unknown, {options.role, access::role_names()});
    return kExitUnusable;
  }
  auto store = open_store_or_report(options.db);
  if (!store) return kExitUnusable;
  auto& directory = store->directory();
  std::optional<store::Id> org;
  if (auto kind = access::org_kind_of(*role)) {
    auto bilingual_kind =
        diag::bilingual(access::org_kind_name_zh(*kind), access::org_kind_name(*kind));
    if (options.org.empty()) {
      fail(
          DiagId::err_user_org_required,
          {diag::bilingual(access::role_name_zh(*role), access::role_name(*role)), bilingual_kind});
      return kExitUnusable;
    }
    auto found = directory.find_org(*kind, options.org);
    if (!found) {
      fail(DiagId::err_org_not_found, {bilingual_kind, options.org});
      return kExitUnusable;
    }
    org = found->id;
  } else if (!options.org.empty()) {
    fail(DiagId::err_admin_org);
    return kExitUnusable;
  }
  bool generated = false;
  auto password = new_password(options, generated);
  if (!password) return kExitUnusable;
  store::NewUser user{options.login, options.name.empty() ? options.login : options.name, *role,
                      org, *password};
  auto added = directory.add_user(user, cli_actor());
  using O = store::AddUser::Outcome;
  switch (added.outcome) {
  case O::Added:
    break;
  case O::LoginTaken:
    fail(DiagId::err_user_exists, {options.login});
    return kExitUnusable;
  case O::BadLogin:
    fail(DiagId::err_user_login_invalid, {options.login});
    return kExitUnusable;
  case O::WeakPassword:
    fail(DiagId::err_password_short, {std::to_string(store::kMinPasswordBytes)});
    return kExitUnusable;
  case O::BadOrg:
    fail(DiagId::err_org_not_found, {options.role, options.org});
    return kExitUnusable;
  }
  std::printf("已添加用户 %s（%s）\nuser %s added (%s)\n", options.login.c_str(),
              std::string(access::role_name_zh(*role)).c_str(), options.login.c_str(),
              std::string(access::role_name(*role)).c_str());
  if (generated) print_generated(options.login, *password);
  return kExitOk;
}

int run_user_passwd(const UserOptions& options) {
  auto store = open_store_or_report(options.db);
  if (!store) return kExitUnusable;
  if (!store->directory().find_user(options.login)) {
    fail(DiagId::err_user_not_found, {options.login});
    return kExitUnusable;
  }
  bool generated = false;
  auto password = new_password(options, generated);
  if (!password) return kExitUnusable;
  if (!store->directory().set_password(options.login, *password, cli_actor())) {
    fail(DiagId::err_user_not_found, {options.login});
    return kExitUnusable;
  }
  std::printf("已更改用户 %s 的密码，其登录会话均已结束\npassword of %s changed; their sessions "
              "have ended\n",
              options.login.c_str(), options.login.c_str());
  if (generated) print_generated(options.login, *password);
  return kExitOk;
}

int run_user_disable(const UserOptions& options) {
  auto store = open_store_or_report(options.db);
  if (!store) return kExitUnusable;
  bool disable = !options.enable;
  if (!store->directory().set_disabled(options.login, disable, cli_actor())) {
    fail(DiagId::err_user_not_found, {options.login});
    return kExitUnusable;
  }
  if (disable)
    std::printf("已停用用户 %s，其会话和令牌均已失效\nuser %s disabled; their sessions and "
                "tokens no longer work\n",
                options.login.c_str(), options.login.c_str());
  else
    std::printf("已启用用户 %s\nuser %s enabled\n", options.login.c_str(), options.login.c_str());
  return kExitOk;
}

} // namespace ziping::cli
