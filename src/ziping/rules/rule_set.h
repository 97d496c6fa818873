// rules/rule_set.h — a scoring rule set as data (rules/*.toml, documented in docs/rules.md).
//
// Everything a province or a year may do differently is a field here, loaded from a file; the
// scorer and the checker read these fields and contain no province names. A RuleSet is
// immutable once loaded; `extends` has already been resolved.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/num/decimal.h"
#include "ziping/value/value.h"

namespace ziping::rules {

using num::Decimal;

struct GradeBand {
  std::string grade;         // 优 / 良 / 中 / 差
  Decimal min;               // lowest total in the band
  bool min_inclusive = true; // false for the strict "> 90" variant
};

struct QualitativeBand {
  value::Tier tier;
  Decimal min; // share of the weight, e.g. 0.8
  Decimal max; // share of the weight, e.g. 1
  bool max_inclusive = false;
};

enum class ReverseFormula {
  Linear, // (1 − (B − A) / A) × w, 0 from B ≥ 2A (the 一体化 system's default)
  Ratio,  // A / B × w
};

enum class MissedTarget {
  Formula,     // the declared score must equal the proportional score
  UpToFormula, // the proportional score is a ceiling (Tianjin practice)
};

struct DeviationRule {
  std::optional<Decimal> threshold; // |B − A| / A beyond this is a large deviation
  bool inclusive = false;           // true: reaching the threshold already counts (B ≥ 1.3A)
  bool over = true;                 // over-achievement of ≥, > and = targets counts
  bool under_cost = false;          // spending far under a ≤ cost ceiling counts
  std::optional<Decimal> zero_target_absolute; // A = 0: B ≥ this counts (Guangxi: 30)
  bool reason_required = true;                 // a large deviation must be explained
  Decimal max_deduction_share;                 // a unit may deduct up to this share of w for it
};

// The year's chain (申报表 → 监控表 → 自评表, docs/chain.md): what counts as a slip between
// the forms. The defaults are the chain checks' documented ones; `[chain]` in a rule file
// sets them (and `rules show` prints the table only then, so older dumps stay as they were).
struct ChainRules {
  // A monitoring execution rate below time progress (N/12) × this share is "behind".
  Decimal behind_share = Decimal::from_int(1);
  // |forecast − actual| / forecast beyond this needs a reason in the 自评表 (LINKED-FORMS F3).
  Decimal forecast_gap = Decimal::of("0.1");
  // A 自评表 分值 equal to the declared one times one of these is no change (10号: the
  // indicators share the 90 points left after budget execution, so ×0.9 is a rescale).
  std::vector<Decimal> weight_scales = {Decimal::from_int(1), Decimal::of("0.9")};
  bool from_file = false; // some rule file in the lineage set [chain]
};

struct RuleSet {
  std::string name;    // "tianjin-2022"
  std::string title;   // Chinese title shown to users
  std::string version; // the file's own version string
  std::string description;
  std::vector<std::string> lineage; // this set and every set it extends, nearest first
  std::string origin;               // "embedded" or the file path it was read from
  // FNV-1a of the texts it was loaded from (this file and its ancestors), 16 hex digits: the
  // store's facts record it so that `ziping rescore` skips forms scored under the same text.
  std::string digest;

  Decimal total_points = Decimal::from_int(100);
  std::vector<GradeBand> grades; // highest first

  int places = 2;
  num::RoundingMode rounding = num::RoundingMode::HalfUp;
  Decimal score_tolerance = Decimal::of("0.005");
  Decimal rate_tolerance_points = Decimal::of("0.05"); // percentage points

  Decimal budget_weight = Decimal::from_int(10);
  bool budget_cap = true;                      // min(rate, 1)
  std::optional<Decimal> budget_reason_below;  // rate below this needs 偏差原因
  std::optional<Decimal> execution_warn_below; // consistency warning (一体化: 0.8)
  std::optional<Decimal> outrun_relative;      // consistency warning (一体化: 0.05)

  ReverseFormula reverse = ReverseFormula::Linear;
  bool negative_actual_as_zero = true;
  MissedTarget missed = MissedTarget::Formula;
  bool missed_reason_required = true;
  DeviationRule deviation;

  std::vector<QualitativeBand> qualitative; // achieved, partial, not achieved
  bool qualitative_reason_required = true;  // below the achieved tier needs a reason

  std::optional<Decimal> score_granularity; // note declared scores off this step (0.05)

  // Allowed 一级 → 二级 pairs. Names compare after dropping a trailing "指标".
  std::map<std::string, std::vector<std::string>> framework;
  // The framework by comparable key (level_key): 二级 key → its 一级 as written, and the 一级
  // keys. Derived from `framework` by index_framework(); kept so that checking a leaf does
  // not normalise every framework name again.
  std::map<std::string, std::string> level2_owner;
  std::map<std::string, std::string> level1_by_key;
  std::set<std::pair<std::string, std::string>> level_pairs; // (一级 key, 二级 key)
  // Suggested 一级 weights on project forms (warning only: "原则上").
  std::map<std::string, Decimal> project_level1_weights;

  ChainRules chain;

  // Severity overrides by code ("ZP0304" → Note), like a compiler's -W flags.
  std::map<std::string, diag::Severity> severity;

  std::optional<diag::Severity> severity_for(std::string_view code) const;
};

// One embedded or on-disk rule file, before `extends` is resolved.
struct RuleSource {
  std::string name;
  std::string text;
  std::string origin; // "embedded" or a path
};

} // namespace ziping::rules
