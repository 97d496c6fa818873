// `ziping rules list` and `ziping rules show NAME|PATH`.
#include <cstdio>

#include "commands.h"
#include "input.h"
#include "ziping/diag/render.h"
#include "ziping/rules/dump.h"
#include "ziping/rules/load.h"
#include "ziping/text/utf8.h"

namespace ziping::cli {

int run_rules_list() {
  std::string out =
      text::pad_right("名称 (name)", 16) + text::pad_right("继承 (extends)", 16) + "说明 (title)\n";
  for (const auto& name : rules::embedded_names()) {
    auto loaded = rules::load_embedded(name);
    if (!loaded.rules) {
      out += text::pad_right(name, 16) + "（无法加载 cannot load）\n";
      continue;
    }
    const auto& r = *loaded.rules;
    std::string parent = r.lineage.size() > 1 ? r.lineage[1] : "—";
    out += text::pad_right(name, 16) + text::pad_right(parent, 16) + r.title + "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

int run_rules_show(const std::string& name_or_path) {
  LoadedRules loaded = load_rule_set(name_or_path);
  if (!loaded.rules) {
    std::string text =
        diag::render_text(loaded.diagnostics) + diag::render_summary(loaded.diagnostics) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
    return kExitUnusable;
  }
  std::string out = rules::to_toml(*loaded.rules);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!loaded.diagnostics.empty()) {
    std::string text = diag::render_text(loaded.diagnostics);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  return kExitOk;
}

} // namespace ziping::cli
