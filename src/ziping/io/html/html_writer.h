// io/html/html_writer.h — the form as one self-contained HTML page in the official layout:
// inline CSS, no external asset, UTF-8, printable on A4 landscape with the indicator table's
// heading repeated on every page. When the writer is given diagnostics, each is listed after
// the form and linked both ways with the cell it concerns (the cell's id is its model path:
// id="goals-3-indicators-2-score"); when given an Evaluation, the computed scores follow in an
// appendix marked as not part of the form.
//
// It must never print a computed figure in place of a declared one, never load anything from
// outside the page, and never emit form text unescaped.
#pragma once

#include <string>
#include <string_view>

#include "ziping/diag/diagnostic.h"
#include "ziping/model/form.h"
#include "ziping/model/review.h"
#include "ziping/rules/evaluation.h"
#include "ziping/rules/rule_set.h"

namespace ziping::io::html {

// What the page shows besides the form; each may be absent (io::WriteContext's fields).
struct HtmlExtras {
  const rules::Evaluation* evaluation = nullptr;
  const rules::RuleSet* rules = nullptr;
  const std::vector<diag::Diagnostic>* diagnostics = nullptr;
  const model::Review* review = nullptr; // the 复核意见 section after the form
};

std::string write_html(const model::Form& form, const HtmlExtras& extras = {});

// Text as HTML character data or a quoted attribute value (& < > " ' escaped).
std::string escape(std::string_view text);

} // namespace ziping::io::html
