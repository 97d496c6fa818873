// io/text/lines.cc — lines, columns and the layout note shared by every splitter.
#include "ziping/io/text/layout.h"

namespace ziping::io::text {

std::vector<Line> split_lines(std::string_view text) {
  // Line numbers count \n, \r\n and \r as editors do. A form feed (pdftotext's page end) is
  // not a line break for them: it only marks the text after it as a new page.
  std::vector<Line> lines;
  std::size_t start = 0;
  int number = 1;
  bool page_break = false;
  auto push = [&](std::size_t end) {
    lines.push_back({text.substr(start, end - start), number, page_break});
    page_break = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\f') {
      if (i > start) push(i);
      page_break = true;
      start = i + 1;
    } else if (c == '\n' || c == '\r') {
      push(i);
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++number;
      start = i + 1;
    }
  }
  if (start < text.size()) push(text.size());
  return lines;
}

int column_of(std::string_view line, std::size_t offset) {
  int column = 1;
  for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

std::string layout_name(Layout layout) {
  switch (layout) {
  case Layout::Tabs: return diag::bilingual("制表符分隔", "tab-separated text");
  case Layout::Pipes: return diag::bilingual("竖线分隔的表格", "a |-separated table");
  case Layout::OnePerLine: return diag::bilingual("一格一行", "one cell per line");
  case Layout::Spaces: return diag::bilingual("空格分隔", "space-separated text");
  case Layout::Runs: return diag::bilingual("无分隔符", "text without separators");
  case Layout::Pdf: return diag::bilingual("PDF 文字框", "PDF word boxes");
  }
  return "?";
}

std::vector<const Cell*> Row::filled() const {
  std::vector<const Cell*> out;
  for (const auto& cell : cells) {
    if (!cell.empty()) out.push_back(&cell);
  }
  return out;
}

} // namespace ziping::io::text
