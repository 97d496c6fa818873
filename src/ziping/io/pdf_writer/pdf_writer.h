// io/pdf_writer/pdf_writer.h — the form as a PDF in the official layout, for publication:
// A4 landscape, the indicator table's headings repeated at the top of every page, merged
// labels (绩效目标N, 一级, 二级) printed again where they continue onto a new page, page numbers
// "第 N 页 共 M 页", the fonts embedded and every text extractable (pango + cairo, Noto Sans CJK
// SC; stack.md §6).
//
// The PDF prints the declared form only, so that importing it gives the same form back. On
// request (`appendix`) the computed scores and the diagnostics follow on pages of their own,
// titled as not being part of the form.
//
// Its cost is bounded (write_budget.h): a form that needs more than `max_pages` pages, or more
// than `max_seconds` to set, throws OverBudget with ZP0192 / ZP0193 and writes nothing.
//
// It must never print a computed figure in place of a declared one, and never produce a PDF
// whose Chinese text would show as boxes: without a Chinese font it throws FontUnavailable.
// It does no file I/O; cairo writes into memory.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "ziping/diag/diagnostic.h"
#include "ziping/io/pdf_writer/write_budget.h"
#include "ziping/model/form.h"
#include "ziping/model/plan.h"
#include "ziping/model/review.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::io::pdf_writer {

struct PdfOptions {
  const rules::Evaluation* evaluation = nullptr;
  const rules::RuleSet* rules = nullptr;
  const std::vector<diag::Diagnostic>* diagnostics = nullptr;
  bool appendix = false; // print the computed scores and diagnostics after the form
  std::string family = "Noto Sans CJK SC";
  // Whether another installed Simplified-Chinese family may stand in when `family` is missing
  // (Source Han Sans SC, Noto Serif CJK SC, WenQuanYi); without one FontUnavailable is thrown.
  bool fallback = true;
  // The cost budget (write_budget.h): past either, OverBudget is thrown and nothing written.
  int max_pages = kMaxPdfWritePages;
  int max_seconds = kMaxPdfWriteSeconds;
  // The 财政复核: its pages follow the form in both copies (publication and review), titled as
  // not part of the unit's form, which the PDF reader stops before.
  const model::Review* review = nullptr;
};

// No font with Chinese glyphs is installed (the fonts-noto-cjk package is missing).
struct FontUnavailable : std::runtime_error {
  explicit FontUnavailable(diag::Diagnostic d);
  diag::Diagnostic diagnostic; // ZP0190
};

std::string write_pdf(const model::Form& form, const PdfOptions& options = {});
// A 绩效目标申报表 or 绩效运行监控表 (docs/chain.md) in the blocks of print/plan_layout.h, through
// the same measuring, pagination and budget (only `family`, `fallback` and the budget of
// `options` apply).
std::string write_plan_pdf(const model::Plan& plan, const PdfOptions& options = {});

} // namespace ziping::io::pdf_writer
