// The budget family of the chain (ZP0463–ZP0465): the 自评表's 全年预算数 (A) against the
// declared 年度资金总额, and the year-start budget the monitoring form and the 自评表 both print.
#include "ziping/chain/context.h"
#include "ziping/value/value.h"

namespace ziping::chain {
namespace {

using diag::DiagId;

// `amount` in `from` money units expressed in `to` units; as is when either is unknown.
num::Decimal in_unit(const num::Decimal& amount, const std::string& from, const std::string& to) {
  auto a = value::lookup_unit(from);
  auto b = value::lookup_unit(to);
  num::Decimal out = amount;
  if (a && b && !(*a == *b)) value::convert(amount, *a, *b, out);
  return out;
}

// Words that say the budget was adjusted in the year (调整, 调减, 追加 …): an explanation of
// the gap between the declared and the final budget.
bool mentions_adjustment(const std::string& text) {
  for (const char* word : {"调整", "调减", "调增", "追加", "追减", "调剂", "收回"})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

} // namespace

void check_budget_chain(const Emitter& e, const ChainForms& forms) {
  const auto& decl = forms.declaration.plan;
  const auto& self = forms.self.form;
  const auto* mon = forms.monitoring ? &forms.monitoring->plan : nullptr;
  const auto& unit = self.money_unit;

  if (!decl.funding.empty() && decl.funding[0].annual && self.budget.annual) {
    num::Decimal declared = in_unit(*decl.funding[0].annual, decl.money_unit, unit);
    num::Decimal annual = *self.budget.annual;
    const num::Decimal ten_thousand = num::Decimal::from_int(10000);
    bool adjusted_at_monitoring =
        mon && !mon->funding.empty() && mon->funding[0].adjusted &&
        in_unit(*mon->funding[0].adjusted, mon->money_unit, unit) == annual;
    auto locate_declared = [&](diag::Diagnostic& d) {
      e.note(d, DiagId::note_chain_in_declaration, forms.declaration.map, "funding[0].annual",
             {decl.funding[0].annual->to_string() + decl.money_unit});
    };
    if (declared == annual) {
      // as declared
    } else if (declared * ten_thousand == annual || annual * ten_thousand == declared) {
      auto& d = e.emit(DiagId::err_chain_budget_unit_slip, forms.self.map, "budget.annual",
                       {annual.to_string() + unit, declared.to_string() + unit});
      locate_declared(d);
    } else if (!adjusted_at_monitoring && !mentions_adjustment(self.budget.deviation_reason)) {
      auto& d = e.emit(DiagId::warn_chain_budget_differs, forms.self.map, "budget.annual",
                       {annual.to_string() + unit, declared.to_string() + unit,
                        (annual - declared).to_string() + unit});
      locate_declared(d);
      if (mon && !mon->funding.empty() && mon->funding[0].initial)
        e.note(d, DiagId::note_chain_in_monitoring, forms.monitoring->map, "funding[0].initial",
               {diag::bilingual(
                   "年初预算数 " + mon->funding[0].initial->to_string() + mon->money_unit,
                   "year-start budget " + mon->funding[0].initial->to_string() + mon->money_unit)});
    }
  }

  if (mon && !mon->funding.empty() && mon->funding[0].initial && self.budget.initial) {
    num::Decimal watched = in_unit(*mon->funding[0].initial, mon->money_unit, unit);
    if (watched != *self.budget.initial) {
      auto& d =
          e.emit(DiagId::warn_chain_initial_differs, forms.monitoring->map, "funding[0].initial",
                 {mon->funding[0].initial->to_string() + mon->money_unit,
                  self.budget.initial->to_string() + unit});
      e.note(d, DiagId::note_chain_in_self, forms.self.map, "budget.initial",
             {self.budget.initial->to_string() + unit});
    }
  }
}

} // namespace ziping::chain
