// io/xlsx/xlsx_writer.h — writes a form as an XLSX workbook in the official layout of its
// kind (部门整体 / 项目支出绩效自评表): title, header block, budget block, goals block, the
// indicator table with merged 绩效目标/一级/二级 cells, subtotals, total and conclusion; A4
// landscape, header rows repeated on every printed page, fit to one page wide.
//
// It writes what the form declares and nothing else, so that read_xlsx() gives the same form
// back (docs/spreadsheets.md says how each field is stored). The execution rate, undeclared
// subtotals and the totals are live formulas whose cached values are exact, wherever the
// formula gives what the form declares. With a WriteContext carrying diagnostics a second
// sheet, 诊断, lists them with links to the cells; with a review carrying scores, two
// columns right of the indicator table, 复核得分 and 复核意见, give the reviewer's score per leaf.
// Never throws for a form a reader made.
#pragma once

#include <string>

#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/model/review.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::io::xlsx {

// The name of the form's sheet and of the diagnostics sheet the writer adds.
inline constexpr const char* kFormSheetName = "自评表";
inline constexpr const char* kDiagnosticsSheetName = "诊断";

// What the writer may show besides the form (io::WriteContext, without depending on io/).
struct SheetExtras {
  const rules::Evaluation* evaluation = nullptr; // cached values of the rate and score formulas
  const rules::RuleSet* rules = nullptr;         // the execution score's formula
  const std::vector<diag::Diagnostic>* diagnostics = nullptr; // the 诊断 sheet
  const model::Review* review = nullptr; // 复核得分, 复核意见 right of the indicator table
};

// The headers of the review columns; the reader knows them and reads nothing from them.
inline constexpr const char* kReviewScoreHeader = "复核得分";
inline constexpr const char* kReviewReasonHeader = "复核意见";

std::string write_xlsx(const model::Form& form, const SheetExtras& extras = {});

} // namespace ziping::io::xlsx
