#include "ziping/io/html_reader/table_slots.h"

#include <algorithm>

namespace ziping::io::html_reader {

int parse_span(std::string_view text, int fallback, int low, int high) {
  std::size_t at = 0;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n')) ++at;
  long value = 0;
  std::size_t digits = 0;
  for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits)
    value = std::min<long>(value * 10 + (text[at] - '0'), 1000000);
  if (digits == 0) return fallback;
  return int(std::clamp<long>(value, low, high));
}

std::vector<std::size_t> TableSlots::place_row(const std::vector<Span>& cells) {
  std::vector<std::size_t> columns;
  columns.reserve(cells.size());
  std::size_t column = 0;
  for (const Span& span : cells) {
    while (column < last_row_.size() && last_row_[column] >= row_) ++column;
    columns.push_back(column);
    long last = row_ + (span.rowspan == 0 ? kMaxRowspan : span.rowspan) - 1;
    std::size_t end = column + std::size_t(std::max(span.colspan, 1));
    if (last_row_.size() < end) last_row_.resize(end, -1);
    for (std::size_t x = column; x < end; ++x) last_row_[x] = std::max(last_row_[x], last);
    column = end;
  }
  ++row_;
  return columns;
}

} // namespace ziping::io::html_reader
