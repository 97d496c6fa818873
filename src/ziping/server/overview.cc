#include "ziping/server/overview.h"

#include "ziping/rules/scorer.h"

namespace ziping::server {

report::YearOverview overview(Workbench& bench, store::FormFilter filter,
                              const rules::RuleSet& rules, int top) {
  report::YearOverviewBuilder builder(rules, filter.year, top);
  filter.limit = store::kMaxPageSize;
  filter.offset = 0;
  filter.after.reset();
  filter.order = store::FormFilter::Order::Created;
  for (;;) {
    store::FormPage page = bench.store().list_forms(filter);
    for (const auto& record : page.items) {
      auto stored = bench.store().form(record.id);
      if (!stored) continue; // deleted between the list and the read
      rules::Evaluation evaluation = rules::score(stored->form, bench.rule_set(record.rule_set),
                                                  Workbench::parse_mode(record.mode));
      builder.add({record.id, record.department_id, record.department, record.kind, record.project},
                  stored->form, evaluation);
    }
    if (!page.next) break;
    filter.after = page.next; // keyset: the next page from the index, not past an offset
  }
  return std::move(builder).finish();
}

} // namespace ziping::server
