// server/demo.h — the demo data `make run` starts with (`ziping serve --demo`): the seed form
// and the project example from examples/ (embedded at build time), the seed's 申报表 and 监控表
// from examples/chain/ linked to it, and generated forms of both
// kinds for twelve departments over two years, with a spread of grades, statuses, problems and
// revision histories so that every screen of the workbench has something to show.
//
// Deterministic: the same program always generates the same forms. Seeding only ever happens
// into a store that holds no form, so running it again never duplicates anything.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ziping/access/role.h"
#include "ziping/server/workbench.h"

namespace ziping::server {

struct DemoFile {
  std::string_view name; // "tianjin-2022-dept.json"
  std::string_view text;
};
std::span<const DemoFile> demo_files(); // generated from examples/*.json

struct DemoEdit {
  std::string author;
  std::string comment;
  store::Status status;
  model::Form form; // the content after the edit
};

struct DemoForm {
  model::Form form;
  std::string rules;
  store::Status status = store::Status::Draft;
  std::string author;
  std::string comment;
  std::vector<DemoEdit> edits; // later revisions, in order
};

std::vector<DemoForm> demo_forms(const Workbench& workbench);

struct DemoResult {
  bool seeded = false; // false: the store already held forms; nothing was added
  std::size_t forms = 0;
  std::size_t revisions = 0;
  std::size_t departments = 0;
  std::size_t plans = 0; // the chain's 申报表 and 监控表 (examples/chain/)
};
DemoResult seed_demo(Workbench& workbench);

// The demo's organisation tree and one account per role, so that `make run` can be used at
// once: 演示市财政局 → two 主管部门 → a 预算单位 for every department the demo forms name, and
// demo-filler, demo-head (单位负责人), demo-supervisor, demo-finance, demo-admin, the unit ones
// for the seed form's department. Passwords are generated anew at every start (an account that
// exists gets a fresh one) and returned here to be printed, never written to a file.
struct DemoAccount {
  std::string login;
  access::Role role = access::Role::Filler;
  std::string org; // the organisation's name ("" for the administrator)
  std::string password;
};
std::vector<DemoAccount> seed_demo_accounts(Workbench& workbench);

} // namespace ziping::server
