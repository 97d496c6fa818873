#include "ziping/io/pdf/pdf_table.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "ziping/io/pdf/pdf_table_parts.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/vocabulary.h"
#include "ziping/text/utf8.h"

namespace ziping::io::pdf::table {

// Labels that lay out the table rather than fill it: 项目资金（万元）, 年度总体目标, 绩效指标, …
bool is_layout_label(const Block& block) {
  auto field = text::match_field(block.text).field;
  if (field == text::Field::FundingHeader || field == text::Field::OverallGoal) return true;
  return text::classify_label(block.text).kind == text::LabelKind::Section;
}

text::Cell cell_of(const Block& block) {
  text::Cell cell;
  cell.text = block.text;
  cell.page = block.page;
  cell.x0 = block.x0;
  cell.x1 = block.x1;
  return cell;
}

namespace {

double median(std::vector<double> values, double fallback) {
  if (values.empty()) return fallback;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double percentile(std::vector<double> values, double fraction, double fallback) {
  if (values.empty()) return fallback;
  std::sort(values.begin(), values.end());
  return values[std::size_t(fraction * double(values.size() - 1))];
}

bool has_chinese(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0xE3 && c <= 0xE9) return true; // lead bytes of U+3000..U+9FFF
  }
  return false;
}

// Words on one line, joined where the gap is smaller than a character.
struct Phrase {
  int page = 0;
  double x0 = 0, x1 = 0, y = 0;
  std::string text;
  double height = 0;
};

Metrics measure(const std::vector<Word>& words) {
  Metrics m;
  // The size of a Chinese character is the font size: measure it on words of Chinese text only
  // (digits and Latin letters are narrower).
  std::vector<double> widths, all;
  for (const auto& w : words) {
    std::size_t n = text::code_point_count(w.text);
    if (n == 0 || w.x1 <= w.x0) continue;
    all.push_back((w.x1 - w.x0) / double(n));
    bool chinese = n * 3 <= w.text.size(); // three UTF-8 bytes per character
    if (chinese) widths.push_back((w.x1 - w.x0) / double(n));
  }
  m.char_width = median(widths.empty() ? all : widths, 9);
  m.line_tolerance = std::max(1.0, 0.35 * m.char_width);
  return m;
}

// Words join the phrase whose last word ends just left of them at (nearly) the same height:
// fonts differ in their boxes (digits sit lower than Chinese), so each word is compared with its
// neighbour, not with the first word of a line.
std::vector<Phrase> phrases_of(std::vector<Word> words, const Metrics& m) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    if (a.page != b.page) return a.page < b.page;
    if (a.x0 != b.x0) return a.x0 < b.x0;
    return a.y < b.y;
  });
  struct Open {
    Phrase phrase;
    double last_y = 0;
  };
  std::vector<Phrase> phrases;
  std::vector<Open> open; // phrases of the current page
  int page = 0;
  for (const auto& w : words) {
    if (w.page != page) {
      for (auto& o : open) phrases.push_back(std::move(o.phrase));
      open.clear();
      page = w.page;
    }
    Open* best = nullptr;
    double best_gap = 0;
    for (auto& o : open) {
      double gap = w.x0 - o.phrase.x1;
      if (gap < -0.5 * m.char_width || gap >= 0.6 * m.char_width) continue;
      if (std::abs(w.y - o.last_y) > m.line_tolerance) continue;
      if (best == nullptr || std::abs(gap) < best_gap) {
        best = &o;
        best_gap = std::abs(gap);
      }
    }
    if (best != nullptr) {
      double gap = w.x0 - best->phrase.x1;
      if (gap > 0.25 * m.char_width) best->phrase.text.push_back(' ');
      best->phrase.text += w.text;
      best->phrase.x1 = std::max(best->phrase.x1, w.x1);
      best->phrase.height = std::max(best->phrase.height, w.height);
      best->last_y = w.y;
      continue;
    }
    open.push_back({{w.page, w.x0, w.x1, w.y, w.text, w.height}, w.y});
  }
  for (auto& o : open) phrases.push_back(std::move(o.phrase));
  std::sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
    if (a.page != b.page) return a.page < b.page;
    if (a.y != b.y) return a.y < b.y;
    return a.x0 < b.x0;
  });
  return phrases;
}

double line_pitch(const std::vector<Phrase>& phrases, const Metrics& m) {
  std::vector<double> steps;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    double best = std::numeric_limits<double>::max();
    for (std::size_t j = i + 1; j < phrases.size() && phrases[j].page == phrases[i].page; ++j) {
      double dy = phrases[j].y - phrases[i].y;
      if (dy <= m.line_tolerance) continue;
      if (dy > 4 * m.char_width) break;
      if (overlap(phrases[i].x0, phrases[i].x1, phrases[j].x0, phrases[j].x1) > 0)
        best = std::min(best, dy);
    }
    if (best < std::numeric_limits<double>::max()) steps.push_back(best);
  }
  // Few wrapped cells leave mostly row steps to measure: a line is never taller than about
  // 1.45 times its characters (CSS and office line spacing alike).
  return std::min(percentile(steps, 0.2, 1.3 * m.char_width), 1.45 * m.char_width);
}

std::vector<Block> blocks_of(const std::vector<Phrase>& phrases, const Metrics& m) {
  std::vector<Block> blocks;
  std::size_t page_start = 0;
  for (const auto& p : phrases) {
    while (page_start < blocks.size() && blocks[page_start].page != p.page) ++page_start;
    int best = -1;
    double best_overlap = 0;
    for (std::size_t b = page_start; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      double dy = p.y - block.last_y;
      if (block.page != p.page || dy <= m.line_tolerance || dy > 1.35 * m.pitch) continue;
      double o = overlap(block.x0, block.x1, p.x0, p.x1);
      // A wrapped line starts where the cell's text starts (left-aligned) or shares its centre
      // (centred); a figure of the row above that merely overlaps does neither.
      bool aligned = std::abs(p.x0 - block.x0) <= m.char_width ||
                     std::abs((p.x0 + p.x1) / 2 - (block.x0 + block.x1) / 2) <= m.char_width;
      if (!aligned) continue;
      // Lines of one cell share a font size: a title does not run on into the line under it.
      // Only lines with Chinese text are compared (a digit's box is smaller in many fonts).
      double high = std::max(block.height, p.height), low = std::min(block.height, p.height);
      if (block.chinese && has_chinese(p.text) && low > 0 && high / low > 1.3) continue;
      if (o > best_overlap) {
        best_overlap = o;
        best = int(b);
      }
    }
    if (best >= 0) {
      Block& block = blocks[std::size_t(best)];
      append_wrapped(block.text, p.text);
      if (has_chinese(p.text)) {
        block.height = std::max(block.height, p.height);
        block.chinese = true;
      }
      block.x0 = std::min(block.x0, p.x0);
      block.x1 = std::max(block.x1, p.x1);
      block.last_y = p.y;
    } else {
      bool chinese = has_chinese(p.text);
      blocks.push_back({p.page, p.x0, p.x1, p.y, p.y, p.text, chinese ? p.height : 0, chinese});
    }
  }
  std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) {
    if (a.page != b.page) return a.page < b.page;
    return a.y() < b.y();
  });
  return blocks;
}

bool ends_table(const Block& block) {
  switch (text::match_field(block.text).field) {
  case text::Field::Total:
  case text::Field::Conclusion:
  case text::Field::Grade:
  case text::Field::Problems:
  case text::Field::Improvements:
  case text::Field::ProjectLeader:
  case text::Field::FinanceLeader:
    return true;
  default:
    return false;
  }
}

// Blocks whose centres lie within `tolerance` of the band's first one, in reading order.
std::vector<std::vector<const Block*>> bands(const std::vector<const Block*>& blocks,
                                             double tolerance) {
  std::vector<std::vector<const Block*>> out;
  for (const Block* block : blocks) {
    if (!out.empty() && out.back().front()->page == block->page &&
        block->y() - out.back().front()->y() <= tolerance) {
      out.back().push_back(block);
    } else {
      out.push_back({block});
    }
  }
  for (auto& band : out) {
    std::sort(band.begin(), band.end(),
              [](const Block* a, const Block* b) { return a->x0 < b->x0; });
  }
  return out;
}

bool known_column(Column type) {
  return type != Column::None && type != Column::Other;
}

std::optional<Header> indicator_header(const std::vector<const Block*>& band) {
  Header header;
  bool name = false;
  int known = 0;
  auto add = [&](Column type, double x0, double x1, std::string text) {
    header.texts.push_back(std::move(text));
    header.types.push_back(type);
    header.x0.push_back(x0);
    header.x1.push_back(x1);
    name = name || type == Column::Name;
    if (known_column(type) && type != Column::Goal && type != Column::Name) ++known;
  };
  for (const Block* block : band) {
    Column type = text::indicator_column(text::key(block->text));
    // Narrow columns bring neighbouring header words closer than a character ("分值 得分"
    // from an office suite's PDF), and they join into one phrase; split it back when every
    // part names a column, sharing the extent by characters, so that 20 and 20 below stay
    // in two columns.
    if (block->text.find(' ') != std::string::npos) {
      std::vector<std::string> parts;
      std::size_t start = 0;
      while (start <= block->text.size()) {
        std::size_t space = block->text.find(' ', start);
        if (space == std::string::npos) space = block->text.size();
        if (space > start) parts.push_back(block->text.substr(start, space - start));
        start = space + 1;
      }
      std::vector<Column> types;
      std::size_t characters = 0;
      for (const auto& part : parts) {
        types.push_back(text::indicator_column(text::key(part)));
        characters += text::code_point_count(part);
      }
      bool all_known = parts.size() > 1 && std::all_of(types.begin(), types.end(), known_column);
      if (all_known && characters > 0) {
        double width = (block->x1 - block->x0) / double(characters);
        double x = block->x0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
          double w = width * double(text::code_point_count(parts[i]));
          add(types[i], x, x + w, parts[i]);
          x += w;
        }
        continue;
      }
    }
    add(type, block->x0, block->x1, block->text);
  }
  if (!name || known < 3) return std::nullopt;
  return header;
}

bool other_header(const std::vector<const Block*>& band) {
  int budget = 0, goal = 0;
  for (const Block* block : band) {
    std::string k = text::key(block->text);
    auto b = text::budget_column(k);
    if (b == text::BudgetColumn::Initial || b == text::BudgetColumn::Annual ||
        b == text::BudgetColumn::Executed || b == text::BudgetColumn::Rate)
      ++budget;
    if (text::goal_column(k) != text::GoalColumn::None) ++goal;
  }
  return budget >= 2 || goal >= 2;
}

} // namespace
} // namespace ziping::io::pdf::table

namespace ziping::io::pdf {
namespace {

using namespace table;

OutRow out_row(int page, double y, bool positional) {
  OutRow row;
  row.page = page;
  row.y = y;
  row.row.page = page;
  row.row.positional = positional;
  return row;
}

// The bands of blocks in reading order, as rows: an indicator table's bands are kept until the
// table ends and then rebuilt by indicator_rows(); every other band is a row of its own.
class BandReader {
public:
  explicit BandReader(const Metrics& m) : m_(m) {}
  void band(const std::vector<const Block*>& band);
  std::vector<OutRow> finish() {
    flush_table();
    return std::move(out_);
  }

private:
  void flush_table() {
    if (header_ && !table_.empty()) indicator_rows(*header_, table_, m_, out_);
    table_.clear();
  }
  void header_row(const Header& found, int page, double y);
  void table_band(const std::vector<const Block*>& band, int page);
  void outside_band(const std::vector<const Block*>& band, int page);

  const Metrics& m_;
  std::vector<OutRow> out_;
  std::optional<Header> header_;    // the indicator table being read
  std::vector<const Block*> table_; // its blocks, over all its pages
};

void BandReader::band(const std::vector<const Block*>& band) {
  int page = band.front()->page;
  if (auto found = indicator_header(band)) {
    flush_table();
    header_ = found;
    header_row(*found, page, band.front()->y());
    return;
  }
  bool ends = other_header(band);
  for (const Block* block : band) ends = ends || ends_table(*block);
  if (header_ && !ends) return table_band(band, page);
  if (header_ && ends) {
    flush_table();
    header_.reset();
  }
  outside_band(band, page);
}

void BandReader::header_row(const Header& found, int page, double y) {
  OutRow row;
  row.page = page;
  row.y = y;
  row.row.page = page;
  for (std::size_t c = 0; c < found.texts.size(); ++c) {
    text::Cell cell;
    cell.text = found.texts[c];
    cell.page = page;
    cell.x0 = found.x0[c];
    cell.x1 = found.x1[c];
    row.row.cells.push_back(std::move(cell));
  }
  out_.push_back(std::move(row));
}

void BandReader::table_band(const std::vector<const Block*>& band, int page) {
  for (const Block* block : band) {
    // A page number printed under the table is not one of its rows.
    if (text::looks_like_page_number(block->text, false)) {
      OutRow alone = out_row(page, block->y(), false);
      alone.row.cells.push_back(cell_of(*block));
      out_.push_back(std::move(alone));
      continue;
    }
    table_.push_back(block);
  }
}

// Outside the indicator table: a band is a row, its cells in x order; layout labels that
// merge several rows stand alone where they begin.
void BandReader::outside_band(const std::vector<const Block*>& band, int page) {
  OutRow row = out_row(page, band.front()->y(), false);
  bool header_band = other_header(band);
  for (const Block* block : band) {
    if (!header_band && is_layout_label(*block)) {
      OutRow alone = out_row(page, block->first_y, false);
      alone.row.cells.push_back(cell_of(*block));
      out_.push_back(std::move(alone));
      continue;
    }
    row.row.cells.push_back(cell_of(*block));
  }
  if (!row.row.cells.empty()) out_.push_back(std::move(row));
}

} // namespace

text::Grid table_from_words(std::vector<Word> words, const std::string& file_name) {
  text::Grid grid;
  grid.layout = text::Layout::Pdf;
  if (words.empty()) return grid;
  Metrics m = measure(words);
  auto phrases = phrases_of(std::move(words), m);
  m.pitch = line_pitch(phrases, m);
  auto blocks = blocks_of(phrases, m);

  std::vector<const Block*> all;
  for (const auto& block : blocks) all.push_back(&block);
  BandReader reader(m);
  for (const auto& band : bands(all, 0.6 * m.pitch)) reader.band(band);
  std::vector<OutRow> out = reader.finish();
  std::stable_sort(out.begin(), out.end(), [](const OutRow& a, const OutRow& b) {
    if (a.page != b.page) return a.page < b.page;
    return a.y < b.y;
  });
  for (auto& row : out) {
    if (!grid.rows.empty() && grid.rows.back().page != row.row.page)
      row.row.page_break_before = true;
    grid.rows.push_back(std::move(row.row));
  }
  (void)file_name;
  return grid;
}

} // namespace ziping::io::pdf
