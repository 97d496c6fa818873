// `ziping generate`: a province's synthetic forms as files, for bench/scale.sh, the batch
// tests and anyone trying `ziping load` (sample::province_forms).
#include <cstdio>
#include <filesystem>
#include <set>

#include "accounts_common.h"
#include "commands.h"
#include "input.h"
#include "ziping/io/registry.h"
#include "ziping/rules/load.h"
#include "ziping/sample/form_generator.h"

namespace ziping::cli {

int run_generate(const GenerateOptions& options) {
  const io::Format* format = io::find_format(options.format);
  if (!format || !format->write) {
    std::fprintf(stderr, "ziping generate: 不能写出的格式 (format cannot be written): %s\n",
                 options.format.c_str());
    return kExitUnusable;
  }
  auto rules = rules::load_embedded(rules::kDefaultRuleSet);
  if (!rules.rules) return kExitInternal;
  sample::ProvinceSpec spec;
  spec.forms = options.count;
  spec.first_year = options.first_year;
  spec.years = std::max(1, options.years);
  spec.seed = options.seed;
  std::filesystem::path root(options.output), forms = root / "forms";
  std::error_code error;
  std::filesystem::create_directories(forms, error);
  if (error) {
    std::fprintf(stderr, "ziping generate: %s: %s\n", forms.c_str(), error.message().c_str());
    return kExitUnusable;
  }
  std::vector<diag::Diagnostic> diagnostics;
  std::size_t n = 0;
  std::string extension = io::file_extension(*format);
  sample::province_forms(spec, *rules.rules, [&](model::Form&& form) {
    char name[32];
    std::snprintf(name, sizeof name, "%07zu", ++n);
    auto path = forms / (std::string(name) + extension);
    write_atomically(path.string(), format->write(form, {}), diagnostics);
  });
  // The organisation tree: a 财政厅, the twelve 主管部门, the units under them.
  std::string csv = "kind,name,parent,code\nfinance,省财政厅,,\n";
  std::set<std::string> supervisors;
  auto units = sample::province_units(spec);
  for (const auto& u : units)
    if (supervisors.insert(u.supervisor).second)
      csv += "supervisor," + u.supervisor + ",省财政厅,\n";
  for (const auto& u : units) csv += "unit," + u.unit + "," + u.supervisor + ",\n";
  write_atomically((root / "orgs.csv").string(), csv, diagnostics);
  if (!diagnostics.empty()) {
    print_diagnostics(diagnostics);
    return kExitUnusable;
  }
  std::printf("已生成 %zu 张表、%zu 个单位 (generated %zu forms of %zu units): %s, %s\n", n,
              units.size(), n, units.size(), forms.c_str(), (root / "orgs.csv").c_str());
  return kExitOk;
}

} // namespace ziping::cli
