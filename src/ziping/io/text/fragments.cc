// io/text/fragments.cc — rows the recovery reads as no leaf (fragments.h).
#include "ziping/io/text/fragments.h"

#include <algorithm>

namespace ziping::io::text {

using diag::DiagId;

bool has_figures(const model::Indicator& leaf) {
  auto printed = [](const std::string& text) {
    return text.find_first_not_of(" \t\r\n") != std::string::npos;
  };
  return printed(leaf.target) || printed(leaf.actual) || printed(leaf.adjusted_target) ||
         leaf.weight.has_value() || leaf.score.has_value();
}

diag::Diagnostic row_without_figures(const model::Indicator& leaf, diag::SourceLocation at) {
  diag::Diagnostic d = diag::make(DiagId::warn_import_row_without_figures, "", {leaf.name});
  d.where = std::move(at);
  return d;
}

namespace {

// Digits (ASCII or full-width ０–９, U+FF10–U+FF19: EF BC 90–99) in `text`.
std::size_t digits_in(const std::string& text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') ++n;
    if (i + 2 < text.size() && text.compare(i, 2, "\xEF\xBC") == 0) {
      auto third = static_cast<unsigned char>(text[i + 2]);
      n += third >= 0x90 && third <= 0x99;
    }
  }
  return n;
}

} // namespace

bool prints_no_digit(const Grid& grid) {
  // A viewer's own page marker ("1/1") may survive where the form's figures did not: a form
  // prints dozens of digits (its budget alone several), so a handful is none of its own.
  constexpr std::size_t kViewerDigits = 4;
  std::size_t n = 0;
  for (const Row& row : grid.rows) {
    for (const Cell& cell : row.cells) {
      n += digits_in(cell.text);
      if (n > kViewerDigits) return false;
    }
  }
  return true;
}

void drop_leaves_without_digits(model::ReadResult& result) {
  if (!result.form) return;
  const diag::SourceLocation* first = nullptr;
  std::size_t leaves = 0;
  for (std::size_t g = 0; g < result.form->goals.size(); ++g) {
    auto& indicators = result.form->goals[g].indicators;
    if (!first && !indicators.empty()) first = result.map.find(model::indicator_path(g, 0));
    leaves += indicators.size();
  }
  if (leaves == 0) return;
  diag::Diagnostic d = diag::make(DiagId::warn_import_no_figures, "goals", {});
  d.where = first ? *first : diag::SourceLocation{};
  for (auto& goal : result.form->goals) goal.indicators.clear();
  // What was said about the rows no longer in the form would point at nothing.
  std::erase_if(result.diagnostics, [](const diag::Diagnostic& said) {
    return said.path.find(".indicators[") != std::string::npos;
  });
  result.diagnostics.push_back(std::move(d));
}

} // namespace ziping::io::text
