// Values: what the value parser said about each 年度指标值 and 实际完成值, empty cells, and
// units that cannot be compared or had to be converted.
#include "ziping/check/context.h"
#include "ziping/rules/display.h"

namespace ziping::check {

using diag::DiagId;

void check_values(const CheckContext& c) {
  c.each_leaf([&](const model::Indicator&, const rules::LeafEvaluation& leaf) {
    for (const auto& parsed : leaf.value_diagnostics) {
      auto& d = c.emit(parsed.id, parsed.path, parsed.args);
      d.subject = c.leaf_label(leaf);
    }
    switch (leaf.uncomputable) {
    case rules::Uncomputable::TargetMissing:
      c.emit_leaf(DiagId::warn_target_empty, leaf, ".target");
      break;
    case rules::Uncomputable::ActualMissing:
      c.emit_leaf(DiagId::warn_actual_empty, leaf, ".actual");
      break;
    case rules::Uncomputable::IncomparableUnits:
      c.emit_leaf(DiagId::warn_unit_mismatch, leaf, ".actual",
                  {leaf.actual.original, leaf.target.original});
      break;
    default:
      break;
    }
    bool converted = leaf.method != rules::Method::NotComputable &&
                     leaf.method != rules::Method::Qualitative &&
                     leaf.actual.unit.dimension != value::Dimension::None &&
                     leaf.target.unit.dimension != value::Dimension::None &&
                     !(leaf.actual.unit == leaf.target.unit);
    if (converted) {
      c.emit_leaf(DiagId::note_unit_converted, leaf, ".actual",
                  {leaf.actual.original, leaf.target.unit.text});
    }
  });
}

} // namespace ziping::check
