// io/text/layout.cc — which layout a text is in, by the evidence each layout leaves: tabs,
// "|" columns, one piece per line, several pieces per line, and where the indicator table's
// header words stand (on one line with spaces, on separate lines, or run together).
#include <algorithm>
#include <cstdio>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/layout.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text {
namespace {

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::size_t count_pieces(std::string_view text) {
  std::size_t pieces = 0;
  bool in_piece = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = ziping::text::next_code_point(text, pos);
    bool space = cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
    if (!space && !in_piece) ++pieces;
    in_piece = !space;
  }
  return pieces;
}

std::string two_places(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

// The one splitter per layout; the PDF reader's lines are tab-separated cells.
Grid split_as(const std::vector<Line>& lines, Layout layout) {
  switch (layout) {
  case Layout::Tabs:
  case Layout::Pdf:
    return split_tabs(lines);
  case Layout::Pipes:
    return split_pipes(lines);
  case Layout::Spaces:
    return split_spaces(lines);
  case Layout::OnePerLine:
    return split_one_per_line(lines);
  case Layout::Runs:
    return split_runs(lines);
  }
  return {};
}

} // namespace

std::vector<LayoutScore> score_layouts(const std::vector<Line>& lines) {
  double total = 0, tabs = 0, pipes = 0, several = 0, single = 0;
  bool header_spaced = false, header_runs = false, header_split = false;
  for (const auto& line : lines) {
    std::string_view text = ziping::text::trim(line.text);
    if (text.empty()) continue;
    ++total;
    if (contains(text, "\t")) ++tabs;
    if (std::count(text.begin(), text.end(), '|') >= 2) ++pipes;
    std::size_t pieces = count_pieces(text);
    if (!contains(text, "\t") && std::count(text.begin(), text.end(), '|') < 2) {
      if (pieces >= 2) ++several;
      if (pieces == 1) ++single;
    }
    // Where the header words stand.
    if (contains(text, "级") || contains(text, "級")) {
      std::string simple = simplified(text);
      if (contains(simple, "三级指标")) {
        std::string folded = simple;
        if (contains(folded, "二级指标三级指标") || contains(folded, "三级指标年度"))
          header_runs = true;
        else if (contains(folded, "一级指标") && count_pieces(folded) >= 4)
          header_spaced = true;
        else if (ziping::text::trim(folded) == "三级指标")
          header_split = true;
      }
    }
  }
  std::vector<LayoutScore> scores;
  if (total == 0) return {{Layout::Tabs, 0}};
  scores.push_back({Layout::Tabs, tabs / total});
  scores.push_back({Layout::Pipes, pipes / total});
  scores.push_back({Layout::Spaces, several / total * (header_spaced ? 1.0 : 0.8)});
  scores.push_back({Layout::OnePerLine, single / total * (header_split ? 1.0 : 0.5)});
  scores.push_back({Layout::Runs, single / total * (header_runs ? 1.0 : 0.4)});
  std::stable_sort(scores.begin(), scores.end(),
                   [](const LayoutScore& a, const LayoutScore& b) { return a.score > b.score; });
  return scores;
}

Grid split_text_as(std::string_view text, Layout layout) {
  Grid grid = split_as(split_lines(text), layout);
  grid.source = std::string(text);
  return grid;
}

Grid split_text(std::string_view text, const std::string& file_name) {
  auto lines = split_lines(text);
  auto scores = score_layouts(lines);
  Grid grid = split_as(lines, scores[0].layout);
  std::vector<diag::Diagnostic> diagnostics;
  diagnostics.push_back(diag::make(diag::DiagId::note_import_layout, "",
                                   {layout_name(scores[0].layout), two_places(scores[0].score),
                                    scores.size() > 1 ? layout_name(scores[1].layout) : "-",
                                    scores.size() > 1 ? two_places(scores[1].score) : "-"}));
  diagnostics.back().where = diag::SourceLocation::text(file_name, 1, 1);
  for (auto& d : grid.diagnostics) {
    d.where.file = file_name;
    diagnostics.push_back(std::move(d));
  }
  grid.diagnostics = std::move(diagnostics);
  grid.source = std::string(text);
  return grid;
}

} // namespace ziping::io::text
