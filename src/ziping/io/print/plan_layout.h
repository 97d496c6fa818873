// io/print/plan_layout.h — a 绩效目标申报表 or 绩效运行监控表 (model/plan.h) as a printed Sheet,
// for the PDF writer (docs/chain.md, "Formats"): the blocks of plan_html's page on one column
// grid — the head as label | value rows, the funds table, then per goal its label | value rows
// and its indicator table (a monitoring form's with 136号's two-row header, 偏差原因分析 over
// its five causes). Every label and column is a line of the field catalogue (Decl*/Mon*);
// texts are printed as the plan holds them, every cell carrying its model path.
#pragma once

#include "ziping/io/print/layout.h"
#include "ziping/model/plan.h"

namespace ziping::io::print {

Sheet plan_layout(const model::Plan& plan);

} // namespace ziping::io::print
