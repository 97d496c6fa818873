// io/text/split_streams.cc — layouts without row boundaries (placeholder until written).
#include "ziping/io/text/layout.h"

namespace ziping::io::text {

Grid split_one_per_line(const std::vector<Line>& lines) {
  Grid grid = split_tabs(lines);
  grid.layout = Layout::OnePerLine;
  return grid;
}

Grid split_runs(const std::vector<Line>& lines) {
  Grid grid = split_tabs(lines);
  grid.layout = Layout::Runs;
  return grid;
}

} // namespace ziping::io::text
