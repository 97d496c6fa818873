// Judgement of declared scores: each against the interval the rules allow (review mode) or
// against the formula score (auto mode); large deviations with neither a deduction nor an
// explanation; leaves that no formula can score. Every finding carries the derivation.
#include "ziping/check/context.h"
#include "ziping/rules/display.h"

namespace ziping::check {
namespace {

using diag::DiagId;
using num::Decimal;
using rules::LeafEvaluation;
using rules::plain;

std::string uncomputable_reason(const LeafEvaluation& leaf) {
  return leaf.derivation;
}

// Spending over a cost ceiling scored full is reported by plausibility (ZP0404) instead.
bool overspent_full(const LeafEvaluation& leaf) {
  return leaf.cost && leaf.method == rules::Method::Reverse && leaf.met == false && leaf.declared &&
         leaf.weight && *leaf.declared >= *leaf.weight;
}

void with_derivation(const CheckContext& c, diag::Diagnostic& d, const LeafEvaluation& leaf) {
  if (!leaf.derivation.empty())
    d.notes.push_back(c.note(DiagId::note_derivation, leaf.path, arguments(leaf.derivation)));
}

void judge_interval(const CheckContext& c, const LeafEvaluation& leaf) {
  const Decimal& declared = *leaf.declared;
  const auto& allowed = *leaf.allowed;
  const Decimal& tolerance = c.rules.score_tolerance;
  if (declared > *leaf.weight || declared.is_negative()) return; // ZP0804 says it
  if (declared > allowed.max + tolerance && !overspent_full(leaf)) {
    // A qualitative band is read from words (基本健全 one step below 健全): a finding to
    // review, not an arithmetic error like a number above its formula.
    auto id = leaf.method == rules::Method::Qualitative ? DiagId::warn_score_above_qualitative_band
                                                        : DiagId::err_score_above_allowed;
    auto& d = c.emit_leaf(id, leaf, ".score",
                          arguments(plain(declared), c.score(allowed.max), allowed.basis));
    with_derivation(c, d, leaf);
  } else if (declared < allowed.min - tolerance) {
    auto& d = c.emit_leaf(DiagId::warn_score_below_allowed, leaf, ".score",
                          arguments(plain(declared), c.score(allowed.min), allowed.basis));
    with_derivation(c, d, leaf);
  }
}

void judge_large_deviation(const CheckContext& c, const LeafEvaluation& leaf) {
  const auto& rule = c.rules.deviation;
  std::string deviation = leaf.deviation ? rules::percent_text(*leaf.deviation, true) : "—";
  std::string threshold = rule.threshold ? rules::share_text(*rule.threshold) : "—";
  bool deducted = *leaf.declared < *leaf.weight - c.rules.score_tolerance;
  diag::Diagnostic* d = nullptr;
  if (!leaf.reason_given && rule.reason_required) {
    if (rule.max_deduction_share.is_zero()) {
      d = &c.emit_leaf(DiagId::warn_deviation_reason_required, leaf, ".deviation_reason",
                       {deviation, threshold});
    } else if (deducted) {
      d = &c.emit_leaf(DiagId::warn_deviation_reason_missing, leaf, ".deviation_reason",
                       {deviation, threshold});
    } else {
      d = &c.emit_leaf(DiagId::warn_deviation_unexplained, leaf, ".score", {deviation, threshold});
    }
  } else if (leaf.reason_given && !deducted && !rule.max_deduction_share.is_zero()) {
    d = &c.emit_leaf(DiagId::note_deviation_explained_no_deduction, leaf, ".score",
                     {deviation, threshold});
  }
  if (d) with_derivation(c, *d, leaf);
}

void judge_review(const CheckContext& c, const LeafEvaluation& leaf) {
  if (leaf.allowed) judge_interval(c, leaf);
  if (leaf.large_deviation) judge_large_deviation(c, leaf);
}

void judge_auto(const CheckContext& c, const LeafEvaluation& leaf) {
  if (leaf.formula && (*leaf.declared - *leaf.formula).abs() > c.rules.score_tolerance) {
    auto& d = c.emit_leaf(DiagId::warn_declared_differs, leaf, ".score",
                          {plain(*leaf.declared), c.score(*leaf.formula)});
    with_derivation(c, d, leaf);
  }
  if (leaf.large_deviation && !leaf.reason_given && c.rules.deviation.reason_required) {
    std::string deviation = leaf.deviation ? rules::percent_text(*leaf.deviation, true) : "—";
    std::string threshold =
        c.rules.deviation.threshold ? rules::share_text(*c.rules.deviation.threshold) : "—";
    auto& d = c.emit_leaf(DiagId::warn_deviation_reason_required, leaf, ".deviation_reason",
                          {deviation, threshold});
    with_derivation(c, d, leaf);
  }
}

bool reported_elsewhere(rules::Uncomputable why) {
  using rules::Uncomputable;
  return why == Uncomputable::TargetMissing || why == Uncomputable::ActualMissing ||
         why == Uncomputable::WeightMissing || why == Uncomputable::IncomparableUnits;
}

} // namespace

void check_judgement(const CheckContext& c) {
  c.each_leaf([&](const model::Indicator&, const LeafEvaluation& leaf) {
    if (leaf.method == rules::Method::NotComputable) {
      if (!reported_elsewhere(leaf.uncomputable) && leaf.declared) {
        c.emit_leaf(DiagId::note_not_computable, leaf, ".actual",
                    {uncomputable_reason(leaf), plain(*leaf.declared)});
      }
      return;
    }
    if (!leaf.declared || !leaf.weight) return;
    if (c.evaluation.mode == rules::Mode::Review)
      judge_review(c, leaf);
    else
      judge_auto(c, leaf);
  });
}

} // namespace ziping::check
