// `ziping chain check DECL MON SELF`: the year's chain (docs/chain.md) — the 绩效目标申报表, the
// 绩效运行监控表 and the 自评表 checked against each other. Output and exit codes as
// `ziping check`: 0 clean, 1 errors, 2 a form could not be read.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "form_session.h"
#include "input.h"
#include "ziping/chain/chain.h"
#include "ziping/diag/render.h"
#include "ziping/io/json/plan_json.h"
#include "ziping/io/plan_formats.h"
#include "ziping/model/source_map.h"

namespace ziping::cli {
namespace {

using diag::DiagId;

struct LoadedPlan {
  io::json::PlanReadResult read;
  bool usable = false;
};

// A plan file: canonical JSON, the plans' CSV (io/csv/plan_csv.h) or XLSX
// (io/xlsx/plan_xlsx.h), by extension.
LoadedPlan load_plan(const std::string& file, const std::string& slot,
                     std::vector<diag::Diagnostic>& diagnostics) {
  LoadedPlan loaded;
  std::string format = file == "-" ? "json" : io::plan_format_of(file);
  if (format != "json" && format != "csv" && format != "xlsx") {
    auto d =
        diag::make(DiagId::err_unknown_format, "", {file, std::string(io::kReadablePlanFormats)});
    d.where.file = file;
    diagnostics.push_back(std::move(d));
    return loaded;
  }
  std::vector<diag::Diagnostic> read_errors;
  auto bytes = read_bytes(file, read_errors);
  if (!bytes) {
    diagnostics.insert(diagnostics.end(), read_errors.begin(), read_errors.end());
    return loaded;
  }
  // A 自评表 given where a plan belongs is named as such, not as an unknown kind.
  auto kind = format != "json" ? std::string() : io::json::json_form_kind(*bytes);
  if (model::parse_kind(kind)) {
    auto d = diag::make(DiagId::err_chain_wrong_kind, "kind",
                        {slot, diag::bilingual("自评表", "self-evaluation form")});
    d.where.file = file;
    diagnostics.push_back(std::move(d));
    return loaded;
  }
  loaded.read = *io::read_plan(*bytes, format, file);
  model::locate(loaded.read.diagnostics, loaded.read.map);
  diagnostics.insert(diagnostics.end(), loaded.read.diagnostics.begin(),
                     loaded.read.diagnostics.end());
  loaded.usable = loaded.read.plan.has_value();
  return loaded;
}

} // namespace

// `ziping chain convert IN OUT`: a plan between canonical JSON, CSV and XLSX, or to HTML (by
// extension).
int run_chain_convert(const std::string& input, const std::string& output) {
  std::vector<diag::Diagnostic> diagnostics;
  auto plan = load_plan(input, diag::bilingual("输入", "input"), diagnostics);
  bool errors = check::count(diagnostics).errors > 0;
  if (plan.usable && !errors) {
    std::string format = output == "-" ? "json" : io::plan_format_of(output);
    std::string bytes;
    if (auto written = io::write_plan(*plan.read.plan, format))
      bytes = std::move(*written);
    else
      diagnostics.push_back(diag::make(DiagId::err_unknown_format, "",
                                       {output, std::string(io::kWritablePlanFormats)}));
    if (!bytes.empty() && write_atomically(output, bytes, diagnostics)) {
      if (!diagnostics.empty()) {
        std::string out = diag::render_text(diagnostics, {true, true});
        std::fwrite(out.data(), 1, out.size(), stderr);
      }
      return kExitOk;
    }
  }
  std::string out =
      diag::render_text(diagnostics, {true, true}) + diag::render_summary(diagnostics) + "\n";
  std::fwrite(out.data(), 1, out.size(), stderr);
  return kExitUnusable;
}

int run_chain_check(const ChainOptions& options) {
  std::vector<diag::Diagnostic> diagnostics;
  auto declaration =
      load_plan(options.declaration, diag::bilingual("申报表", "declaration"), diagnostics);
  auto monitoring =
      load_plan(options.monitoring, diag::bilingual("监控表", "monitoring form"), diagnostics);
  FormOptions self_options;
  self_options.file = options.self;
  self_options.from = options.from;
  self_options.kind = options.kind;
  self_options.rules = options.rules;
  self_options.mode = options.mode;
  FormSession self = open_session(self_options);
  // The 自评表's reading (and the rule file's) problems count; its own checks belong to
  // `ziping check`.
  for (const auto& d : self.diagnostics)
    if (!self.usable() || d.where.file != options.self || (d.code().substr(0, 4) == "ZP01"))
      diagnostics.push_back(d);

  bool usable = declaration.usable && monitoring.usable && self.usable();
  if (usable) {
    chain::PlanInput decl{*declaration.read.plan, declaration.read.map};
    chain::PlanInput mon{*monitoring.read.plan, monitoring.read.map};
    chain::SelfInput evaluated{self.run->form, self.run->map, self.run->evaluation};
    auto found = chain::check_chain(decl, &mon, evaluated, *self.rules);
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  }
  std::string out = options.format == "json"
                        ? diag::render_json(diagnostics)
                        : diag::render_text(diagnostics, {options.english, true}) +
                              diag::render_summary(diagnostics) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!usable) return kExitUnusable;
  return check::count(diagnostics).errors > 0 ? kExitFormErrors : kExitOk;
}

} // namespace ziping::cli
