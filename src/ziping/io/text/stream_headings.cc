// io/text/stream_headings.cc — what the stream reading says about the leaves it hands over: a
// 分值/得分 OCR printed in letters (ZP0830), and the 二级 headings' "(N分)" held against the rows
// under them — a single row's missing 分值 taken from its heading (ZP0831), a 分值 that
// disagrees with it (ZP0832), rows whose 分值 do not add up to it (ZP0819).
#include "ziping/diag/diagnostic.h"
#include "ziping/io/text/stream.h"

namespace ziping::io::text::stream {
namespace {

using diag::DiagId;

diag::SourceLocation where(const StreamLeaf& leaf, const std::string& file) {
  return leaf.page > 0 ? diag::SourceLocation::at_page(file, leaf.page)
                       : diag::SourceLocation::text(file, leaf.line, leaf.column);
}

void say(std::vector<diag::Diagnostic>& out, diag::Diagnostic d, const StreamLeaf& leaf,
         const std::string& file) {
  d.where = where(leaf, file);
  out.push_back(std::move(d));
}

// Leaves [i, j) under one 二级 heading that prints its points.
void check_block(const std::vector<StreamLeaf>& leaves, std::size_t i, std::size_t j,
                 std::vector<model::Indicator>& rows, std::vector<diag::Diagnostic>& out,
                 const std::string& file) {
  const StreamLeaf& first = leaves[i];
  const num::Decimal& points = *first.level2_points;
  const std::string& heading = first.indicator.level2;
  if (j == i + 1) {
    model::Indicator& row = rows[i];
    std::string path = model::indicator_path(0, i);
    if (!row.weight) {
      row.weight = points;
      say(out,
          diag::make(DiagId::note_import_weight_from_heading, path + ".weight",
                     {row.name, heading, points.to_string()}),
          first, file);
    } else if (*row.weight != points) {
      say(out,
          diag::make(DiagId::warn_import_weight_heading_mismatch, path + ".weight",
                     {row.name, row.weight->to_string(), heading, points.to_string()}),
          first, file);
    }
    return;
  }
  num::Decimal sum = num::Decimal::from_int(0);
  for (std::size_t k = i; k < j; ++k) {
    if (!rows[k].weight) return; // a missing 分值 is not guessed from the others
    sum = sum + *rows[k].weight;
  }
  if (sum != points)
    say(out,
        diag::make(DiagId::warn_block_points_mismatch, model::indicator_path(0, i),
                   {heading, points.to_string(), sum.to_string()}),
        first, file);
}

} // namespace

void check_stream_leaves(const std::vector<StreamLeaf>& leaves, std::vector<model::Indicator>& rows,
                         std::vector<diag::Diagnostic>& out, const std::string& file) {
  for (std::size_t i = 0; i < leaves.size() && i < rows.size(); ++i) {
    for (const auto& read : leaves[i].ocr_numbers)
      say(out,
          diag::make(DiagId::note_import_ocr_digits,
                     model::indicator_path(0, i) + (read.field == "分值" ? ".weight" : ".score"),
                     {rows[i].name, read.field, read.printed, read.read}),
          leaves[i], file);
  }
  for (std::size_t i = 0; i < leaves.size() && i < rows.size();) {
    std::size_t j = i + 1;
    while (j < leaves.size() && j < rows.size() &&
           leaves[j].indicator.level1 == leaves[i].indicator.level1 &&
           leaves[j].indicator.level2 == leaves[i].indicator.level2)
      ++j;
    if (leaves[i].level2_points && !leaves[i].indicator.level2.empty())
      check_block(leaves, i, j, rows, out, file);
    i = j;
  }
}

} // namespace ziping::io::text::stream
