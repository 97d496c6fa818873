#include "ziping/io/pdf/pdf_table.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/vocabulary.h"
#include "ziping/text/utf8.h"

namespace ziping::io::pdf {
namespace {

using text::Column;

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

bool ascii_word_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

void append_wrapped(std::string& text, std::string_view piece) {
  piece = ziping::text::trim(piece);
  if (piece.empty()) return;
  if (!text.empty() && ascii_word_char(text.back()) && ascii_word_char(piece.front()))
    text.push_back(' ');
  text.append(piece);
}

bool has_chinese(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0xE3 && c <= 0xE9) return true; // lead bytes of U+3000..U+9FFF
  }
  return false;
}

double overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

// Words on one line, joined where the gap is smaller than a character.
struct Phrase {
  int page = 0;
  double x0 = 0, x1 = 0, y = 0;
  std::string text;
  double height = 0;
};

// A cell's text: phrases stacked in one column at line pitch (wrapped text).
struct Block {
  int page = 0;
  double x0 = 0, x1 = 0;
  double first_y = 0, last_y = 0;
  std::string text;
  double height = 0; // of its Chinese lines
  bool chinese = false;
  int column = -1; // in the indicator table: its header column
  double y() const { return (first_y + last_y) / 2; }
};

struct Metrics {
  double char_width = 9; // median width of one character
  double line_tolerance = 2;
  double pitch = 12; // distance between the lines of a wrapped cell
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

// Labels that lay out the table rather than fill it: 项目资金（万元）, 年度总体目标, 绩效指标, …
bool is_layout_label(const Block& block) {
  auto field = text::match_field(block.text).field;
  if (field == text::Field::FundingHeader || field == text::Field::OverallGoal) return true;
  return text::classify_label(block.text).kind == text::LabelKind::Section;
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

text::Cell cell_of(const Block& block) {
  text::Cell cell;
  cell.text = block.text;
  cell.page = block.page;
  cell.x0 = block.x0;
  cell.x1 = block.x1;
  return cell;
}

struct OutRow {
  int page = 0;
  double y = 0;
  text::Row row;
};

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

struct Header {
  std::vector<Column> types;
  std::vector<double> x0, x1; // extents of the header texts
  std::vector<std::string> texts;
  bool label_column(std::size_t c) const {
    return types[c] == Column::Goal || types[c] == Column::Level1 || types[c] == Column::Level2;
  }
  // The column a block falls in: the one its extent overlaps most, boundaries halfway between
  // neighbouring header texts.
  int column_of(const Block& block) const {
    int best = 0;
    double best_overlap = -std::numeric_limits<double>::max();
    for (std::size_t c = 0; c < types.size(); ++c) {
      double lo = c == 0 ? -1e9 : (x1[c - 1] + x0[c]) / 2;
      double hi = c + 1 == types.size() ? 1e9 : (x1[c] + x0[c + 1]) / 2;
      double o = overlap(lo, hi, block.x0, block.x1);
      if (o > best_overlap) {
        best_overlap = o;
        best = int(c);
      }
    }
    return best;
  }
};

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

// The rows of one indicator table, over all its pages. The pages' parts are laid end to end
// (flow coordinates) so that a merged cell cut by a page break is one cell again, wrapped text
// cut by it is joined, and a label centred on a span that runs over two pages finds its rows.
// Anchors in the data columns make the rows; the label columns' merged cells are partitioned
// over them by geometry.
void indicator_rows(const Header& header, const std::vector<const Block*>& blocks, const Metrics& m,
                    std::vector<OutRow>& out) {
  struct Flow {
    Block block;
    double first = 0, last = 0; // flow coordinates
    int column = 0;
    bool merged = false;
    double y() const { return (first + last) / 2; }
  };
  std::map<int, std::pair<double, double>> extent;
  for (const Block* b : blocks) {
    auto [it, fresh] = extent.try_emplace(b->page, b->first_y, b->last_y);
    if (!fresh) {
      it->second.first = std::min(it->second.first, b->first_y);
      it->second.second = std::max(it->second.second, b->last_y);
    }
  }
  std::map<int, double> offset;
  double acc = 0;
  for (auto& [page, range] : extent) {
    offset[page] = acc - (range.first - m.pitch);
    acc += range.second - range.first + 2 * m.pitch;
  }
  std::vector<Flow> flows;
  for (const Block* b : blocks) {
    Flow f;
    f.block = *b;
    f.first = b->first_y + offset[b->page];
    f.last = b->last_y + offset[b->page];
    f.column = header.column_of(*b);
    flows.push_back(std::move(f));
  }
  std::sort(flows.begin(), flows.end(),
            [](const Flow& a, const Flow& b) { return a.first < b.first; });
  // A cell cut by a page break: its part at the top of a page continues the part at the bottom
  // of the page before. Only labels (when neither piece is a whole label by itself: "绩效目标" +
  // "2", "产出" + "指标") and long texts standing above the page's first row of figures; the
  // cells of figures never continue (a 三级指标 cut in two is joined by the recovery).
  auto is_anchor = [&](const Flow& f) {
    Column type = header.types[std::size_t(f.column)];
    return !header.label_column(std::size_t(f.column)) && type != Column::Reason &&
           type != Column::Standard && type != Column::Other && type != Column::None;
  };
  std::map<int, double> first_anchor;
  for (const Flow& f : flows) {
    if (!is_anchor(f)) continue;
    auto [it, fresh] = first_anchor.try_emplace(f.block.page, f.block.first_y);
    if (!fresh) it->second = std::min(it->second, f.block.first_y);
  }
  auto whole_label = [](const std::string& t) {
    auto kind = text::classify_label(t).kind;
    return kind != text::LabelKind::None && kind != text::LabelKind::Section;
  };
  for (std::size_t i = 0; i < flows.size(); ++i) {
    Flow& piece = flows[i];
    if (is_anchor(piece)) continue;
    bool label = header.label_column(std::size_t(piece.column));
    if (!label && first_anchor.count(piece.block.page) &&
        piece.block.last_y >= first_anchor[piece.block.page] - 0.25 * m.pitch)
      continue;
    double slack = (label ? 3.0 : 0.5) * m.pitch;
    if (piece.block.first_y - extent[piece.block.page].first > slack) continue;
    for (std::size_t j = i; j-- > 0;) {
      Flow& a = flows[j];
      if (a.merged || a.block.page != piece.block.page - 1 || a.column != piece.column) continue;
      if (extent[a.block.page].second - a.block.last_y > slack) continue;
      if (overlap(a.block.x0, a.block.x1, piece.block.x0, piece.block.x1) <= 0) continue;
      if (label && whole_label(a.block.text) && whole_label(piece.block.text)) break;
      std::string joined = a.block.text;
      append_wrapped(joined, piece.block.text);
      if (label && !whole_label(joined)) break;
      a.block.text = joined;
      a.block.x0 = std::min(a.block.x0, piece.block.x0);
      a.block.x1 = std::max(a.block.x1, piece.block.x1);
      a.last = piece.last;
      piece.merged = true;
      break;
    }
  }
  struct Row {
    double y = 0, top = 0, bottom = 0; // flow coordinates
    int page = 0;
    double page_y = 0, page_top = 0, page_bottom = 0; // on its page
    std::vector<std::vector<const Flow*>> cells;
  };
  std::vector<Row> rows;
  std::vector<std::vector<const Flow*>> labels(header.types.size());
  std::vector<const Flow*> loose; // long texts (偏差原因, 评分标准): placed once the rows stand
  for (const Flow& f : flows) {
    if (f.merged) continue;
    std::size_t column = std::size_t(f.column);
    if (header.label_column(column)) {
      if (!is_layout_label(f.block)) labels[column].push_back(&f);
      continue;
    }
    Column type = header.types[column];
    if (type == Column::Reason || type == Column::Standard || type == Column::Other ||
        type == Column::None) {
      loose.push_back(&f);
      continue;
    }
    Row* row = nullptr;
    for (auto& r : rows) {
      if (std::abs(r.y - f.y()) <= 0.6 * m.pitch) row = &r;
    }
    if (row == nullptr) {
      rows.push_back({f.y(), f.first - m.pitch / 2, f.last + m.pitch / 2, f.block.page, f.block.y(),
                      f.block.first_y - m.pitch / 2, f.block.last_y + m.pitch / 2,
                      std::vector<std::vector<const Flow*>>(header.types.size())});
      row = &rows.back();
    }
    row->top = std::min(row->top, f.first - m.pitch / 2);
    row->bottom = std::max(row->bottom, f.last + m.pitch / 2);
    if (f.block.page == row->page) {
      row->page_top = std::min(row->page_top, f.block.first_y - m.pitch / 2);
      row->page_bottom = std::max(row->page_bottom, f.block.last_y + m.pitch / 2);
    }
    row->cells[column].push_back(&f);
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.y < b.y; });
  const std::size_t n = rows.size();
  // A long text goes to the row it overlaps most (or the nearest one).
  for (const Flow* f : loose) {
    if (rows.empty()) break;
    std::size_t best = 0;
    double best_overlap = -std::numeric_limits<double>::max();
    for (std::size_t r = 0; r < n; ++r) {
      double o =
          overlap(rows[r].top, rows[r].bottom, f->first - m.pitch / 2, f->last + m.pitch / 2);
      if (o <= 0) o = -std::abs(rows[r].y - f->y());
      if (o > best_overlap) {
        best_overlap = o;
        best = r;
      }
    }
    Row& row = rows[best];
    row.cells[std::size_t(f->column)].push_back(f);
    // A row is as tall as its tallest cell: a long reason makes it so.
    row.top = std::min(row.top, f->first - m.pitch / 2);
    row.bottom = std::max(row.bottom, f->last + m.pitch / 2);
    if (f->block.page == row.page) {
      row.page_top = std::min(row.page_top, f->block.first_y - m.pitch / 2);
      row.page_bottom = std::max(row.page_bottom, f->block.last_y + m.pitch / 2);
    }
  }
  // Each label column: labels in order take consecutive spans of rows whose middle is nearest
  // their centre (a dynamic programme over where each span ends).
  // Innermost first (二级, then 一级, then 绩效目标): a label that spans one row makes that row as
  // tall as the label, which places the wider spans around it correctly.
  std::vector<std::size_t> order;
  for (Column type : {Column::Level2, Column::Level1, Column::Goal}) {
    for (std::size_t c = 0; c < labels.size(); ++c) {
      if (header.types[c] == type) order.push_back(c);
    }
  }
  for (std::size_t c : order) {
    if (n == 0) break;
    auto& list = labels[c];
    if (list.empty()) continue;
    const std::size_t k = list.size();
    const double inf = std::numeric_limits<double>::max() / 4;
    std::vector<std::vector<double>> cost(k, std::vector<double>(n, inf));
    std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(n, 0));
    // A label is printed on one page: it is compared with the middle of its span's rows on that
    // page (where a merged cell is cut by a page break, the label stands in one of the pieces).
    auto span_cost = [&](std::size_t j, std::size_t a, std::size_t b) {
      const Block& label = list[j]->block;
      double top = 0, bottom = 0;
      bool here = false, elsewhere = false;
      for (std::size_t r = a; r <= b; ++r) {
        if (rows[r].page != label.page) {
          elsewhere = true;
          continue;
        }
        top = here ? std::min(top, rows[r].page_top) : rows[r].page_top;
        bottom = here ? std::max(bottom, rows[r].page_bottom) : rows[r].page_bottom;
        here = true;
      }
      if (!here) return 1e6;
      double y = label.y();
      double outside = y < top ? top - y : y > bottom ? y - bottom : 0;
      double centre = std::abs((top + bottom) / 2 - y);
      if (!elsewhere) return centre + 10 * outside;
      // A merged cell cut by a page break: browsers print its label at the top of the first
      // piece (its first line on the span's first row); other producers centre it on a piece.
      double first = rows[a].page == label.page
                         ? std::abs(rows[a].page_top + m.pitch / 2 - label.first_y)
                         : std::numeric_limits<double>::max();
      return m.pitch / 4 + std::min(centre, first) + 10 * outside;
    };
    for (std::size_t b = 0; b < n; ++b) cost[0][b] = span_cost(0, 0, b);
    for (std::size_t j = 1; j < k; ++j) {
      for (std::size_t b = j; b < n; ++b) {
        for (std::size_t a = j; a <= b; ++a) {
          if (cost[j - 1][a - 1] >= inf) continue;
          double value = cost[j - 1][a - 1] + span_cost(j, a, b);
          if (value < cost[j][b]) {
            cost[j][b] = value;
            start[j][b] = a;
          }
        }
      }
    }
    std::size_t end = n - 1;
    if (k > n || cost[k - 1][end] >= inf) {
      // More labels than rows: each label goes to the row nearest to it.
      for (const Flow* label : list) {
        std::size_t best = 0;
        for (std::size_t r = 1; r < n; ++r) {
          if (std::abs(rows[r].y - label->y()) < std::abs(rows[best].y - label->y())) best = r;
        }
        rows[best].cells[c].push_back(label);
      }
      continue;
    }
    for (std::size_t j = k; j-- > 0;) {
      std::size_t a = j == 0 ? 0 : start[j][end];
      rows[a].cells[c].push_back(list[j]);
      if (a == end && list[j]->block.page == rows[a].page) {
        rows[a].page_top = std::min(rows[a].page_top, list[j]->block.first_y - m.pitch / 2);
        rows[a].page_bottom = std::max(rows[a].page_bottom, list[j]->block.last_y + m.pitch / 2);
        rows[a].top = std::min(rows[a].top, list[j]->first - m.pitch / 2);
        rows[a].bottom = std::max(rows[a].bottom, list[j]->last + m.pitch / 2);
      }
      if (a == 0) break;
      end = a - 1;
    }
  }
  for (auto& r : rows) {
    OutRow row;
    row.page = r.page;
    row.y = r.page_y;
    row.row.page = r.page;
    row.row.positional = true;
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      std::sort(r.cells[c].begin(), r.cells[c].end(),
                [](const Flow* a, const Flow* b) { return a->y() < b->y(); });
      text::Cell cell;
      for (const Flow* f : r.cells[c]) {
        if (cell.text.empty())
          cell = cell_of(f->block);
        else
          append_wrapped(cell.text, f->block.text);
      }
      row.row.cells.push_back(std::move(cell));
    }
    out.push_back(std::move(row));
  }
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
  auto all_bands = bands(all, 0.6 * m.pitch);

  std::vector<OutRow> out;
  std::optional<Header> header;    // the indicator table being read
  std::vector<const Block*> table; // its blocks, over all its pages
  auto flush_table = [&]() {
    if (header && !table.empty()) indicator_rows(*header, table, m, out);
    table.clear();
  };
  for (const auto& band : all_bands) {
    int page = band.front()->page;
    if (auto found = indicator_header(band)) {
      flush_table();
      header = found;
      OutRow row;
      row.page = page;
      row.y = band.front()->y();
      row.row.page = page;
      for (std::size_t c = 0; c < found->texts.size(); ++c) {
        text::Cell cell;
        cell.text = found->texts[c];
        cell.page = page;
        cell.x0 = found->x0[c];
        cell.x1 = found->x1[c];
        row.row.cells.push_back(std::move(cell));
      }
      out.push_back(std::move(row));
      continue;
    }
    bool ends = other_header(band);
    for (const Block* block : band) ends = ends || ends_table(*block);
    if (header && !ends) {
      for (const Block* block : band) {
        // A page number printed under the table is not one of its rows.
        if (text::looks_like_page_number(block->text, false)) {
          OutRow alone;
          alone.page = page;
          alone.y = block->y();
          alone.row.page = page;
          alone.row.positional = false;
          alone.row.cells.push_back(cell_of(*block));
          out.push_back(std::move(alone));
          continue;
        }
        table.push_back(block);
      }
      continue;
    }
    if (header && ends) {
      flush_table();
      header.reset();
    }
    // Outside the indicator table: a band is a row, its cells in x order; layout labels that
    // merge several rows stand alone where they begin.
    OutRow row;
    row.page = page;
    row.y = band.front()->y();
    row.row.page = page;
    row.row.positional = false;
    bool header_band = other_header(band);
    for (const Block* block : band) {
      if (!header_band && is_layout_label(*block)) {
        OutRow alone;
        alone.page = page;
        alone.y = block->first_y;
        alone.row.page = page;
        alone.row.positional = false;
        alone.row.cells.push_back(cell_of(*block));
        out.push_back(std::move(alone));
        continue;
      }
      row.row.cells.push_back(cell_of(*block));
    }
    if (!row.row.cells.empty()) out.push_back(std::move(row));
  }
  flush_table();
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
