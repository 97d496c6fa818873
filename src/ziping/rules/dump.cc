#include "ziping/rules/dump.h"

#include "ziping/text/utf8.h"

namespace ziping::rules {
namespace {

std::string quoted(std::string_view text) {
  return text::json_quote(text);
}
std::string dec(const Decimal& value) {
  return quoted(value.to_string());
}
std::string optional_dec(const std::optional<Decimal>& value) {
  return value ? dec(*value) : std::string("\"\"");
}
std::string boolean(bool value) {
  return value ? "true" : "false";
}

std::string severity_key(diag::Severity severity) {
  return std::string(diag::severity_name(severity));
}

// A comment ends at a line break: names and paths go into it with control characters blanked,
// so that a name like "a\nb" (legal in a TOML string) cannot break the file.
std::string comment_safe(std::string text) {
  for (char& ch : text)
    if ((unsigned char)ch < 0x20 || ch == 0x7F) ch = ' ';
  return text;
}

} // namespace

std::string to_toml(const RuleSet& r) {
  std::string out;
  out += "# Resolved rule set " + comment_safe(r.name) + " (";
  for (std::size_t i = 0; i < r.lineage.size(); ++i)
    out += (i ? " → " : "") + comment_safe(r.lineage[i]);
  out += "), from " + comment_safe(r.origin) + ".\n\n";
  out += "[ruleset]\nname = " + quoted(r.name) + "\ntitle = " + quoted(r.title) +
         "\nversion = " + quoted(r.version) + "\ndescription = " + quoted(r.description) + "\n\n";
  out += "[total]\npoints = " + dec(r.total_points) + "\n\n";
  out += "[grades]\nbands = [\n";
  for (const auto& band : r.grades) {
    out += "  { grade = " + quoted(band.grade) + ", min = " + dec(band.min) +
           (band.min_inclusive ? "" : ", min_inclusive = false") + " },\n";
  }
  out += "]\n\n";
  out += "[rounding]\nplaces = " + std::to_string(r.places) +
         "\nmode = " + quoted(r.rounding == num::RoundingMode::Down ? "down" : "half_up") + "\n\n";
  out += "[tolerance]\nscore = " + dec(r.score_tolerance) +
         "\nrate_points = " + dec(r.rate_tolerance_points) + "\n\n";
  out += "[budget]\nweight = " + dec(r.budget_weight) + "\ncap = " + boolean(r.budget_cap) +
         "\nreason_required_below = " + optional_dec(r.budget_reason_below) + "\n\n";
  out += "[consistency]\nexecution_warn_below = " + optional_dec(r.execution_warn_below) +
         "\noutrun_relative = " + optional_dec(r.outrun_relative) + "\n\n";
  if (r.chain.from_file) {
    out += "[chain]\nbehind_share = " + dec(r.chain.behind_share) +
           "\nforecast_gap = " + dec(r.chain.forecast_gap) + "\nweight_scales = [";
    for (std::size_t i = 0; i < r.chain.weight_scales.size(); ++i)
      out += (i ? ", " : "") + dec(r.chain.weight_scales[i]);
    out += "]\n\n";
  }
  out += "[quantitative]\nreverse = " +
         quoted(r.reverse == ReverseFormula::Ratio ? "ratio" : "linear") +
         "\nnegative_actual_as_zero = " + boolean(r.negative_actual_as_zero) + "\nmissed = " +
         quoted(r.missed == MissedTarget::UpToFormula ? "up_to_formula" : "formula") +
         "\nmissed_reason_required = " + boolean(r.missed_reason_required) + "\n\n";
  const auto& d = r.deviation;
  out += "[deviation]\nthreshold = " + optional_dec(d.threshold) +
         "\ninclusive = " + boolean(d.inclusive) + "\nover = " + boolean(d.over) +
         "\nunder_cost = " + boolean(d.under_cost) +
         "\nzero_target_absolute = " + optional_dec(d.zero_target_absolute) +
         "\nreason_required = " + boolean(d.reason_required) +
         "\nmax_deduction_share = " + dec(d.max_deduction_share) + "\n\n";
  out += "[qualitative]\nreason_required = " + boolean(r.qualitative_reason_required) +
         "\nbands = [\n";
  for (const auto& band : r.qualitative) {
    out += "  { tier = " + quoted(value::tier_id(band.tier)) + ", min = " + dec(band.min) +
           ", max = " + dec(band.max) + ", max_inclusive = " + boolean(band.max_inclusive) +
           " },\n";
  }
  out += "]\n\n";
  out += "[scores]\ngranularity = " + optional_dec(r.score_granularity) + "\n\n";
  out += "[framework]\n";
  for (const auto& [level1, children] : r.framework) {
    out += quoted(level1) + " = [";
    for (std::size_t i = 0; i < children.size(); ++i) out += (i ? ", " : "") + quoted(children[i]);
    out += "]\n";
  }
  out += "\n[project_level1_weights]\n";
  for (const auto& [level1, weight] : r.project_level1_weights)
    out += quoted(level1) + " = " + dec(weight) + "\n";
  if (!r.severity.empty()) {
    out += "\n[severity]\n";
    for (const auto& [code, severity] : r.severity)
      out += code + " = " + quoted(severity_key(severity)) + "\n";
  }
  return out;
}

} // namespace ziping::rules
