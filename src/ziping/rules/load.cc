#include "ziping/rules/load.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>

// toml++ asserts on some malformed input (`[[[` fails an assertion in parse_key) before its
// parser reports the error; compiled header-only into a Debug build that assertion would abort
// on a hostile rule file. Off, toml++ goes on to report the parse error, as Debian's NDEBUG
// library did (ASan replays the rules corpus through this path).
#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/toml.h>

#include "ziping/rules/embedded.h"
#include "ziping/rules/framework.h"

namespace ziping::rules {
namespace {

using diag::DiagId;

// Reads one parsed TOML file onto a RuleSet that already holds the parent's values. Only keys
// present in the file change anything; tables of names (framework, weights, bands) replace the
// parent's table as a whole, so a child never inherits half a framework.
class FileApplier {
public:
  FileApplier(const RuleSource& source, std::vector<diag::Diagnostic>& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  void apply(const toml::table& root, RuleSet& rules) {
    for (auto&& [key, node] : root) {
      std::string section(key.str());
      const toml::table* table = node.as_table();
      if (!table) {
        unknown(section, node);
        continue;
      }
      if (section == "ruleset")
        apply_ruleset(*table, rules);
      else if (section == "total")
        apply_total(*table, rules);
      else if (section == "grades")
        apply_grades(*table, rules);
      else if (section == "rounding")
        apply_rounding(*table, rules);
      else if (section == "tolerance")
        apply_tolerance(*table, rules);
      else if (section == "budget")
        apply_budget(*table, rules);
      else if (section == "consistency")
        apply_consistency(*table, rules);
      else if (section == "quantitative")
        apply_quantitative(*table, rules);
      else if (section == "deviation")
        apply_deviation(*table, rules);
      else if (section == "qualitative")
        apply_qualitative(*table, rules);
      else if (section == "scores")
        apply_scores(*table, rules);
      else if (section == "framework")
        apply_framework(*table, rules);
      else if (section == "project_level1_weights")
        apply_level1_weights(*table, rules);
      else if (section == "severity")
        apply_severity(*table, rules);
      else if (section == "chain")
        apply_chain(*table, rules);
      else
        unknown(section, node);
    }
  }

private:
  diag::SourceLocation where(const toml::node& node) const {
    const auto& begin = node.source().begin;
    return diag::SourceLocation::text(source_.origin, int(begin.line), int(begin.column));
  }

  void bad(const std::string& key, const toml::node& node, const std::string& why) {
    auto d = diag::make(DiagId::err_rules_bad_value, key, {key, why});
    d.where = where(node);
    diagnostics_.push_back(std::move(d));
  }

  void unknown(const std::string& key, const toml::node& node) {
    auto d = diag::make(DiagId::warn_rules_unknown_key, key, {key});
    d.where = where(node);
    diagnostics_.push_back(std::move(d));
  }

  std::optional<Decimal> decimal(const std::string& key, const toml::node& node) {
    if (auto text = node.value_exact<std::string>()) {
      if (auto value = Decimal::parse(*text)) return value;
      bad(key, node,
          diag::bilingual("\"" + *text + "\" 不是十进制数", "\"" + *text + "\" is not a decimal"));
      return std::nullopt;
    }
    if (auto integer = node.value_exact<int64_t>()) return Decimal::from_int(*integer);
    bad(key, node,
        diag::bilingual("请用字符串写小数以保持精确，如 \"0.005\"",
                        "write decimals as strings to keep them exact, e.g. \"0.005\""));
    return std::nullopt;
  }

  std::optional<bool> boolean(const std::string& key, const toml::node& node) {
    if (auto value = node.value_exact<bool>()) return value;
    bad(key, node, diag::bilingual("应为 true 或 false", "expected a boolean"));
    return std::nullopt;
  }

  std::optional<std::string> string(const std::string& key, const toml::node& node) {
    if (auto value = node.value_exact<std::string>()) return value;
    bad(key, node, diag::bilingual("应为字符串", "expected a string"));
    return std::nullopt;
  }

  // A decimal that may also be "" (meaning: none).
  void optional_decimal(const std::string& key, const toml::node& node,
                        std::optional<Decimal>& out) {
    if (auto text = node.value_exact<std::string>(); text && text->empty()) {
      out.reset();
      return;
    }
    if (auto value = decimal(key, node)) out = value;
  }

  void share(const std::string& key, const toml::node& node, Decimal& out) {
    if (auto value = decimal(key, node)) {
      if (value->is_negative() || *value > Decimal::from_int(1)) {
        bad(key, node, diag::bilingual("应在 0 到 1 之间", "expected a share between 0 and 1"));
        return;
      }
      out = *value;
    }
  }

  template <typename Fn> void each(const toml::table& table, const std::string& section, Fn fn) {
    for (auto&& [key, node] : table) {
      std::string name(key.str());
      if (!fn(name, section + "." + name, node)) unknown(section + "." + name, node);
    }
  }

  void apply_ruleset(const toml::table& table, RuleSet& rules) {
    each(table, "ruleset", [&](const std::string& k, const std::string& path, const toml::node& n) {
      if (k == "name" || k == "extends") return true; // handled by the loader
      if (k == "title") {
        if (auto v = string(path, n)) rules.title = *v;
        return true;
      }
      if (k == "version") {
        if (auto v = string(path, n)) rules.version = *v;
        return true;
      }
      if (k == "description") {
        if (auto v = string(path, n)) rules.description = *v;
        return true;
      }
      return false;
    });
  }

  void apply_total(const toml::table& table, RuleSet& rules) {
    each(table, "total", [&](const std::string& k, const std::string& path, const toml::node& n) {
      if (k != "points") return false;
      if (auto v = decimal(path, n)) rules.total_points = *v;
      return true;
    });
  }

  void apply_grades(const toml::table& table, RuleSet& rules) {
    each(table, "grades", [&](const std::string& k, const std::string& path, const toml::node& n) {
      if (k != "bands") return false;
      const toml::array* array = n.as_array();
      if (!array || array->empty()) {
        bad(path, n, diag::bilingual("应为非空数组", "expected a non-empty array of bands"));
        return true;
      }
      std::vector<GradeBand> bands;
      for (const auto& item : *array) {
        const toml::table* band = item.as_table();
        if (!band) {
          bad(path, item,
              diag::bilingual("每一档应为 { grade, min }", "each band is { grade, min }"));
          return true;
        }
        GradeBand parsed;
        bool ok = true;
        if (auto grade = (*band)["grade"].value_exact<std::string>())
          parsed.grade = *grade;
        else
          ok = false;
        if (const toml::node* min = band->get("min")) {
          if (auto v = decimal(path + ".min", *min))
            parsed.min = *v;
          else
            ok = false;
        } else {
          ok = false;
        }
        if (const toml::node* inclusive = band->get("min_inclusive")) {
          if (auto v = boolean(path + ".min_inclusive", *inclusive)) parsed.min_inclusive = *v;
        }
        if (!ok) {
          bad(path, item,
              diag::bilingual("每一档须有 grade 与 min", "each band needs grade and min"));
          return true;
        }
        bands.push_back(std::move(parsed));
      }
      for (std::size_t i = 1; i < bands.size(); ++i) {
        if (!(bands[i].min < bands[i - 1].min)) {
          bad(path, n,
              diag::bilingual("各档 min 应从高到低排列", "bands must be listed highest first"));
          return true;
        }
      }
      rules.grades = std::move(bands);
      return true;
    });
  }

  void apply_rounding(const toml::table& table, RuleSet& rules) {
    each(table, "rounding",
         [&](const std::string& k, const std::string& path, const toml::node& n) {
           if (k == "places") {
             auto v = n.value_exact<int64_t>();
             if (!v || *v < 0 || *v > 6)
               bad(path, n, diag::bilingual("应为 0 到 6 的整数", "expected an integer 0–6"));
             else
               rules.places = int(*v);
             return true;
           }
           if (k == "mode") {
             auto v = string(path, n);
             if (!v) return true;
             if (*v == "half_up")
               rules.rounding = num::RoundingMode::HalfUp;
             else if (*v == "down")
               rules.rounding = num::RoundingMode::Down;
             else
               bad(path, n, diag::bilingual("应为 half_up 或 down", "expected half_up or down"));
             return true;
           }
           return false;
         });
  }

  void apply_tolerance(const toml::table& table, RuleSet& rules) {
    each(table, "tolerance",
         [&](const std::string& k, const std::string& path, const toml::node& n) {
           if (k == "score") {
             if (auto v = decimal(path, n)) rules.score_tolerance = *v;
             return true;
           }
           if (k == "rate_points") {
             if (auto v = decimal(path, n)) rules.rate_tolerance_points = *v;
             return true;
           }
           return false;
         });
  }

  void apply_budget(const toml::table& table, RuleSet& rules) {
    each(table, "budget", [&](const std::string& k, const std::string& path, const toml::node& n) {
      if (k == "weight") {
        if (auto v = decimal(path, n)) rules.budget_weight = *v;
        return true;
      }
      if (k == "cap") {
        if (auto v = boolean(path, n)) rules.budget_cap = *v;
        return true;
      }
      if (k == "reason_required_below") {
        optional_decimal(path, n, rules.budget_reason_below);
        return true;
      }
      return false;
    });
  }

  void apply_consistency(const toml::table& table, RuleSet& rules) {
    each(table, "consistency",
         [&](const std::string& k, const std::string& path, const toml::node& n) {
           if (k == "execution_warn_below") {
             optional_decimal(path, n, rules.execution_warn_below);
             return true;
           }
           if (k == "outrun_relative") {
             optional_decimal(path, n, rules.outrun_relative);
             return true;
           }
           return false;
         });
  }

  void apply_chain(const toml::table& table, RuleSet& rules) {
    rules.chain.from_file = true;
    each(table, "chain", [&](const std::string& k, const std::string& path, const toml::node& n) {
      if (k == "behind_share") {
        if (auto v = decimal(path, n)) rules.chain.behind_share = *v;
        return true;
      }
      if (k == "forecast_gap") {
        if (auto v = decimal(path, n)) rules.chain.forecast_gap = *v;
        return true;
      }
      if (k == "weight_scales") {
        const auto* array = n.as_array();
        if (array == nullptr) {
          bad(path, n, diag::bilingual("应为数组", "expected an array"));
          return true;
        }
        rules.chain.weight_scales.clear();
        for (const auto& item : *array)
          if (auto v = decimal(path, item)) rules.chain.weight_scales.push_back(*v);
        return true;
      }
      return false;
    });
  }

  void apply_quantitative(const toml::table& table, RuleSet& rules) {
    each(table, "quantitative",
         [&](const std::string& k, const std::string& path, const toml::node& n) {
           if (k == "reverse") {
             auto v = string(path, n);
             if (!v) return true;
             if (*v == "linear")
               rules.reverse = ReverseFormula::Linear;
             else if (*v == "ratio")
               rules.reverse = ReverseFormula::Ratio;
             else
               bad(path, n, diag::bilingual("应为 linear 或 ratio", "expected linear or ratio"));
             return true;
           }
           if (k == "missed") {
             auto v = string(path, n);
             if (!v) return true;
             if (*v == "formula")
               rules.missed = MissedTarget::Formula;
             else if (*v == "up_to_formula")
               rules.missed = MissedTarget::UpToFormula;
             else
               bad(path, n,
                   diag::bilingual("应为 formula 或 up_to_formula",
                                   "expected formula or up_to_formula"));
             return true;
           }
           if (k == "negative_actual_as_zero") {
             if (auto v = boolean(path, n)) rules.negative_actual_as_zero = *v;
             return true;
           }
           if (k == "missed_reason_required") {
             if (auto v = boolean(path, n)) rules.missed_reason_required = *v;
             return true;
           }
           return false;
         });
  }

  void apply_deviation(const toml::table& table, RuleSet& rules) {
    auto& d = rules.deviation;
    each(table, "deviation",
         [&](const std::string& k, const std::string& path, const toml::node& n) {
           if (k == "threshold") {
             optional_decimal(path, n, d.threshold);
             return true;
           }
           if (k == "inclusive") {
             if (auto v = boolean(path, n)) d.inclusive = *v;
             return true;
           }
           if (k == "over") {
             if (auto v = boolean(path, n)) d.over = *v;
             return true;
           }
           if (k == "under_cost") {
             if (auto v = boolean(path, n)) d.under_cost = *v;
             return true;
           }
           if (k == "zero_target_absolute") {
             optional_decimal(path, n, d.zero_target_absolute);
             return true;
           }
           if (k == "reason_required") {
             if (auto v = boolean(path, n)) d.reason_required = *v;
             return true;
           }
           if (k == "max_deduction_share") {
             share(path, n, d.max_deduction_share);
             return true;
           }
           return false;
         });
  }

  void apply_qualitative(const toml::table& table, RuleSet& rules) {
    each(table, "qualitative",
         [&](const std::string& k, const std::string& path, const toml::node& n) {
           if (k == "reason_required") {
             if (auto v = boolean(path, n)) rules.qualitative_reason_required = *v;
             return true;
           }
           if (k != "bands") return false;
           const toml::array* array = n.as_array();
           if (!array || array->size() != 3) {
             bad(path, n,
                 diag::bilingual("应为三档：achieved, partial, not_achieved",
                                 "expected three bands"));
             return true;
           }
           std::vector<QualitativeBand> bands;
           for (const auto& item : *array) {
             const toml::table* band = item.as_table();
             auto tier = band ? (*band)["tier"].value_exact<std::string>() : std::nullopt;
             const toml::node* min = band ? band->get("min") : nullptr;
             const toml::node* max = band ? band->get("max") : nullptr;
             if (!tier || !min || !max) {
               bad(path, item,
                   diag::bilingual("每一档须有 tier, min, max", "each band needs tier, min, max"));
               return true;
             }
             QualitativeBand parsed;
             if (auto known = value::tier_from_id(*tier)) {
               parsed.tier = *known;
             } else {
               bad(path, item,
                   diag::bilingual("tier 应为 achieved / partial / not_achieved",
                                   "tier must be achieved, partial or not_achieved"));
               return true;
             }
             share(path + ".min", *min, parsed.min);
             share(path + ".max", *max, parsed.max);
             if (const toml::node* inclusive = band->get("max_inclusive")) {
               if (auto v = boolean(path + ".max_inclusive", *inclusive)) parsed.max_inclusive = *v;
             }
             bands.push_back(parsed);
           }
           if (bands[0].tier != value::Tier::Achieved || bands[1].tier != value::Tier::Partial ||
               bands[2].tier != value::Tier::NotAchieved) {
             bad(path, n,
                 diag::bilingual("三档须依次为 achieved, partial, not_achieved",
                                 "bands must be in tier order"));
             return true;
           }
           rules.qualitative = std::move(bands);
           return true;
         });
  }

  void apply_scores(const toml::table& table, RuleSet& rules) {
    each(table, "scores", [&](const std::string& k, const std::string& path, const toml::node& n) {
      if (k != "granularity") return false;
      optional_decimal(path, n, rules.score_granularity);
      if (rules.score_granularity && !(Decimal() < *rules.score_granularity)) {
        bad(path, n, diag::bilingual("应大于 0", "must be greater than 0"));
        rules.score_granularity.reset();
      }
      return true;
    });
  }

  void apply_framework(const toml::table& table, RuleSet& rules) {
    std::map<std::string, std::vector<std::string>> framework;
    for (auto&& [key, node] : table) {
      std::string level1(key.str());
      const toml::array* array = node.as_array();
      if (!array) {
        bad("framework." + level1, node,
            diag::bilingual("应为二级指标名称数组", "expected an array of names"));
        continue;
      }
      auto& names = framework[level1];
      for (const auto& item : *array) {
        if (auto name = item.value_exact<std::string>())
          names.push_back(*name);
        else
          bad("framework." + level1, item, diag::bilingual("应为字符串", "expected a string"));
      }
    }
    rules.framework = std::move(framework);
  }

  void apply_level1_weights(const toml::table& table, RuleSet& rules) {
    std::map<std::string, Decimal> weights;
    for (auto&& [key, node] : table) {
      std::string level1(key.str());
      if (auto v = decimal("project_level1_weights." + level1, node)) weights[level1] = *v;
    }
    rules.project_level1_weights = std::move(weights);
  }

  void apply_severity(const toml::table& table, RuleSet& rules) {
    for (auto&& [key, node] : table) {
      std::string code(key.str());
      std::string path = "severity." + code;
      bool known = std::any_of(diag::catalogue().begin(), diag::catalogue().end(),
                               [&](const diag::CatalogueEntry& e) { return e.code == code; });
      if (!known) {
        bad(path, node, diag::bilingual("未知诊断代码", "unknown diagnostic code"));
        continue;
      }
      auto v = string(path, node);
      if (!v) continue;
      if (*v == "error")
        rules.severity[code] = diag::Severity::Error;
      else if (*v == "warning")
        rules.severity[code] = diag::Severity::Warning;
      else if (*v == "note")
        rules.severity[code] = diag::Severity::Note;
      else
        bad(path, node,
            diag::bilingual("应为 error / warning / note", "expected error, warning or note"));
    }
  }

  const RuleSource& source_;
  std::vector<diag::Diagnostic>& diagnostics_;
};

class Loader {
public:
  Loader(const Resolver& resolve, std::vector<diag::Diagnostic>& diagnostics)
      : resolve_(resolve), diagnostics_(diagnostics) {}

  std::optional<RuleSet> load(const std::string& name_or_path) {
    if (std::find(chain_.begin(), chain_.end(), name_or_path) != chain_.end()) {
      std::string cycle;
      for (const auto& link : chain_) cycle += link + " → ";
      diagnostics_.push_back(
          diag::make(DiagId::err_rules_extends_cycle, "", {cycle + name_or_path}));
      return std::nullopt;
    }
    auto source = resolve_(name_or_path);
    if (!source) {
      std::string known;
      for (const auto& name : embedded_names()) known += (known.empty() ? "" : ", ") + name;
      diagnostics_.push_back(diag::make(DiagId::err_rules_unknown, "", {name_or_path, known}));
      return std::nullopt;
    }
    toml::table root;
    try {
      root = toml::parse(source->text, source->origin);
    } catch (const toml::parse_error& error) {
      auto d = diag::make(DiagId::err_rules_syntax, "", {std::string(error.description())});
      const auto& begin = error.source().begin;
      d.where = diag::SourceLocation::text(source->origin, int(begin.line), int(begin.column));
      diagnostics_.push_back(std::move(d));
      return std::nullopt;
    }
    std::string name = source->name;
    if (auto declared = root["ruleset"]["name"].value_exact<std::string>()) name = *declared;

    RuleSet rules;
    if (auto parent = root["ruleset"]["extends"].value_exact<std::string>()) {
      chain_.push_back(name_or_path);
      auto base = load(*parent);
      chain_.pop_back();
      if (!base) return std::nullopt;
      rules = std::move(*base);
    }
    std::size_t errors_before = error_count();
    std::size_t first_new = diagnostics_.size();
    FileApplier(*source, diagnostics_).apply(root, rules);
    // toml++ walks tables in key order; report in the order the lines appear in the file.
    std::stable_sort(diagnostics_.begin() + std::ptrdiff_t(first_new), diagnostics_.end(),
                     [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
                       return a.where.line < b.where.line ||
                              (a.where.line == b.where.line && a.where.column < b.where.column);
                     });
    if (error_count() > errors_before) return std::nullopt;
    rules.name = name;
    rules.origin = source->origin;
    rules.lineage.insert(rules.lineage.begin(), name);
    index_framework(rules);
    return rules;
  }

private:
  std::size_t error_count() const {
    return std::count_if(diagnostics_.begin(), diagnostics_.end(), [](const diag::Diagnostic& d) {
      return d.severity == diag::Severity::Error;
    });
  }

  const Resolver& resolve_;
  std::vector<diag::Diagnostic>& diagnostics_;
  std::vector<std::string> chain_;
};

} // namespace

std::optional<diag::Severity> RuleSet::severity_for(std::string_view code) const {
  if (severity.empty()) return std::nullopt; // most rule sets override nothing
  auto found = severity.find(std::string(code));
  if (found == severity.end()) return std::nullopt;
  return found->second;
}

std::optional<RuleSource> embedded_source(const std::string& name) {
  for (const auto& file : embedded_rule_files()) {
    if (file.name == name) return RuleSource{name, std::string(file.text), "embedded:" + name};
  }
  return std::nullopt;
}

std::vector<std::string> embedded_names() {
  std::vector<std::string> names;
  for (const auto& file : embedded_rule_files()) names.emplace_back(file.name);
  return names;
}

LoadResult load_rules(const std::string& name_or_path, const Resolver& resolve) {
  LoadResult result;
  // Every text the loader resolves (the file and its `extends` ancestors) goes into the digest.
  std::uint64_t digest = 0xcbf29ce484222325ULL; // FNV-1a, 64 bits
  Resolver hashing = [&](const std::string& name) {
    auto source = resolve(name);
    if (source)
      for (unsigned char c : source->text) digest = (digest ^ c) * 0x100000001b3ULL;
    return source;
  };
  Loader loader(hashing, result.diagnostics);
  result.rules = loader.load(name_or_path);
  if (result.rules) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(digest));
    result.rules->digest = hex;
  }
  // A file without `extends` must say everything a form is graded by: without grade bands or
  // the three qualitative bands no form could be graded, and its own dump would not load.
  if (result.rules) {
    auto missing = [&](const char* key, std::string why) {
      auto d = diag::make(DiagId::err_rules_bad_value, key, {key, std::move(why)});
      d.where = diag::SourceLocation{diag::SourceLocation::Kind::None, result.rules->origin};
      result.diagnostics.push_back(std::move(d));
    };
    bool complete = true;
    if (result.rules->grades.empty()) {
      missing("grades.bands",
              diag::bilingual("缺少等级划分；请写明或用 extends 继承（如 cn-2020）",
                              "no grade bands; write them or use extends (e.g. cn-2020)"));
      complete = false;
    }
    if (result.rules->qualitative.size() != 3) {
      missing("qualitative.bands",
              diag::bilingual("缺少三档定性评价；请写明或用 extends 继承",
                              "not three qualitative bands; write them or use extends"));
      complete = false;
    }
    if (!complete) result.rules.reset();
  }
  return result;
}

LoadResult load_embedded(const std::string& name) {
  return load_rules(name, [](const std::string& n) { return embedded_source(n); });
}

} // namespace ziping::rules
