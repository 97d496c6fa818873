// io/print/review.h — the appendix printed after the form when a writer is given an
// Evaluation: what ziping computed under the chosen rule set, beside what the form declares.
//
// The form itself is always printed as declared (layout.h); computed figures never take a
// declared figure's place. This appendix is titled as not being part of the form, and lists
// the execution rate and score, the totals and grade, and every leaf whose declared 得分
// differs from the formula or lies outside the interval the rules allow.
#pragma once

#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/print/layout.h"
#include "ziping/model/review.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::io::print {

// Sections on the sheet's grid; the first row is the appendix title.
std::vector<Section> review_sections(const Sheet& sheet, const model::Form& form,
                                     const rules::Evaluation& evaluation,
                                     const rules::RuleSet& rules);

// The appendix heading, e.g. "附：ziping 复核计算（规则集 tianjin-2022，review 模式）——非申报内容".
std::string review_title(const rules::Evaluation& evaluation, const rules::RuleSet& rules);

// A diagnostics appendix on the sheet's grid (级别 · 代码 | 对象与说明 | 位置), for writers
// that cannot link (the PDF); the HTML writer prints its own linked list.
std::vector<Section> diagnostic_sections(const Sheet& sheet,
                                         const std::vector<diag::Diagnostic>& diagnostics);

// The 财政复核 after the form, when it has one: per scored leaf the self-score, the reviewer's
// score as typed, the difference and the reason; then the reviewers' comments with the cell
// each is pinned to. Titled as not part of the unit's declared form. Empty for an empty review.
std::vector<Section> reviewer_sections(const Sheet& sheet, const model::Form& form,
                                       const model::Review& review);

// Severity and code as printed: "错误 error ZP0301".
std::string severity_code(const diag::Diagnostic& diagnostic);

} // namespace ziping::io::print
