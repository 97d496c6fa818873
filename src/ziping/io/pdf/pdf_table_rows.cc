// io/pdf/pdf_table_rows.cc — the rows of one indicator table, over all its pages. The pages'
// parts are laid end to end (flow coordinates) so that a merged cell cut by a page break is one
// cell again, wrapped text cut by it is joined, and a label centred on a span that runs over two
// pages finds its rows. Anchors in the data columns make the rows; long texts go to the row they
// overlap most; the label columns' merged cells are partitioned over the rows by geometry.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "ziping/io/pdf/pdf_table_parts.h"

namespace ziping::io::pdf::table {
namespace {

struct Flow {
  Block block;
  double first = 0, last = 0; // flow coordinates
  int column = 0;
  bool merged = false;
  double y() const { return (first + last) / 2; }
};

struct TableRow {
  double y = 0, top = 0, bottom = 0; // flow coordinates
  int page = 0;
  double page_y = 0, page_top = 0, page_bottom = 0; // on its page
  std::vector<std::vector<const Flow*>> cells;
};

bool whole_label(const std::string& t) {
  auto kind = text::classify_label(t).kind;
  return kind != text::LabelKind::None && kind != text::LabelKind::Section;
}

class IndicatorTable {
public:
  IndicatorTable(const Header& header, const Metrics& m) : header_(header), m_(m) {}
  void read(const std::vector<const Block*>& blocks, std::vector<OutRow>& out);

private:
  void lay_out_flows(const std::vector<const Block*>& blocks);
  bool is_anchor(const Flow& f) const;
  void join_page_pieces();
  void join_piece(std::size_t i, const std::map<int, double>& first_anchor);
  void anchor_rows();
  void add_to_row(const Flow& f, std::size_t column);
  void place_loose();
  void grow(TableRow& row, const Flow& f) const;
  void place_labels(std::size_t c);
  double span_cost(const Block& label, std::size_t a, std::size_t b) const;
  void nearest_rows(std::size_t c);
  void emit(std::vector<OutRow>& out);

  const Header& header_;
  const Metrics& m_;
  std::map<int, std::pair<double, double>> extent_; // per page: first and last y of the table
  std::vector<Flow> flows_;
  std::vector<TableRow> rows_;
  std::vector<std::vector<const Flow*>> labels_;
  std::vector<const Flow*> loose_; // long texts (偏差原因, 评分标准): placed once the rows stand
};

void IndicatorTable::read(const std::vector<const Block*>& blocks, std::vector<OutRow>& out) {
  lay_out_flows(blocks);
  join_page_pieces();
  anchor_rows();
  place_loose();
  // Each label column: labels in order take consecutive spans of rows whose middle is nearest
  // their centre (a dynamic programme over where each span ends).
  // Innermost first (二级, then 一级, then 绩效目标): a label that spans one row makes that row as
  // tall as the label, which places the wider spans around it correctly.
  std::vector<std::size_t> order;
  for (Column type : {Column::Level2, Column::Level1, Column::Goal}) {
    for (std::size_t c = 0; c < labels_.size(); ++c) {
      if (header_.types[c] == type) order.push_back(c);
    }
  }
  for (std::size_t c : order) {
    if (rows_.empty()) break;
    if (!labels_[c].empty()) place_labels(c);
  }
  emit(out);
}

// The pages' parts end to end, each page a pitch apart from the next, in flow order.
void IndicatorTable::lay_out_flows(const std::vector<const Block*>& blocks) {
  for (const Block* b : blocks) {
    auto [it, fresh] = extent_.try_emplace(b->page, b->first_y, b->last_y);
    if (!fresh) {
      it->second.first = std::min(it->second.first, b->first_y);
      it->second.second = std::max(it->second.second, b->last_y);
    }
  }
  std::map<int, double> offset;
  double acc = 0;
  for (auto& [page, range] : extent_) {
    offset[page] = acc - (range.first - m_.pitch);
    acc += range.second - range.first + 2 * m_.pitch;
  }
  for (const Block* b : blocks) {
    Flow f;
    f.block = *b;
    f.first = b->first_y + offset[b->page];
    f.last = b->last_y + offset[b->page];
    f.column = header_.column_of(*b);
    flows_.push_back(std::move(f));
  }
  std::sort(flows_.begin(), flows_.end(),
            [](const Flow& a, const Flow& b) { return a.first < b.first; });
}

bool IndicatorTable::is_anchor(const Flow& f) const {
  Column type = header_.types[std::size_t(f.column)];
  return !header_.label_column(std::size_t(f.column)) && type != Column::Reason &&
         type != Column::Standard && type != Column::Other && type != Column::None;
}

// A cell cut by a page break: its part at the top of a page continues the part at the bottom
// of the page before. Only labels (when neither piece is a whole label by itself: "绩效目标" +
// "2", "产出" + "指标") and long texts standing above the page's first row of figures; the
// cells of figures never continue (a 三级指标 cut in two is joined by the recovery).
void IndicatorTable::join_page_pieces() {
  std::map<int, double> first_anchor;
  for (const Flow& f : flows_) {
    if (!is_anchor(f)) continue;
    auto [it, fresh] = first_anchor.try_emplace(f.block.page, f.block.first_y);
    if (!fresh) it->second = std::min(it->second, f.block.first_y);
  }
  for (std::size_t i = 0; i < flows_.size(); ++i) join_piece(i, first_anchor);
}

void IndicatorTable::join_piece(std::size_t i, const std::map<int, double>& first_anchor) {
  Flow& piece = flows_[i];
  if (is_anchor(piece)) return;
  bool label = header_.label_column(std::size_t(piece.column));
  auto anchor = first_anchor.find(piece.block.page);
  if (!label && anchor != first_anchor.end() &&
      piece.block.last_y >= anchor->second - 0.25 * m_.pitch)
    return;
  double slack = (label ? 3.0 : 0.5) * m_.pitch;
  if (piece.block.first_y - extent_[piece.block.page].first > slack) return;
  for (std::size_t j = i; j-- > 0;) {
    Flow& a = flows_[j];
    if (a.merged || a.block.page != piece.block.page - 1 || a.column != piece.column) continue;
    if (extent_[a.block.page].second - a.block.last_y > slack) continue;
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

// Rows from the cells of figures; labels and long texts are set aside for later.
void IndicatorTable::anchor_rows() {
  labels_.assign(header_.types.size(), {});
  for (const Flow& f : flows_) {
    if (f.merged) continue;
    std::size_t column = std::size_t(f.column);
    if (header_.label_column(column)) {
      if (!is_layout_label(f.block)) labels_[column].push_back(&f);
      continue;
    }
    Column type = header_.types[column];
    if (type == Column::Reason || type == Column::Standard || type == Column::Other ||
        type == Column::None) {
      loose_.push_back(&f);
      continue;
    }
    add_to_row(f, column);
  }
  std::sort(rows_.begin(), rows_.end(),
            [](const TableRow& a, const TableRow& b) { return a.y < b.y; });
}

// A figure joins the last row whose centre is within 0.6 pitch of its own, else opens one.
void IndicatorTable::add_to_row(const Flow& f, std::size_t column) {
  const double half = m_.pitch / 2;
  TableRow* row = nullptr;
  for (auto& r : rows_) {
    if (std::abs(r.y - f.y()) <= 0.6 * m_.pitch) row = &r;
  }
  if (row == nullptr) {
    rows_.push_back({f.y(), f.first - half, f.last + half, f.block.page, f.block.y(),
                     f.block.first_y - half, f.block.last_y + half,
                     std::vector<std::vector<const Flow*>>(header_.types.size())});
    row = &rows_.back();
  }
  grow(*row, f);
  row->cells[column].push_back(&f);
}

// A row is as tall as its tallest cell.
void IndicatorTable::grow(TableRow& row, const Flow& f) const {
  row.top = std::min(row.top, f.first - m_.pitch / 2);
  row.bottom = std::max(row.bottom, f.last + m_.pitch / 2);
  if (f.block.page == row.page) {
    row.page_top = std::min(row.page_top, f.block.first_y - m_.pitch / 2);
    row.page_bottom = std::max(row.page_bottom, f.block.last_y + m_.pitch / 2);
  }
}

// A long text goes to the row it overlaps most (or the nearest one); a long reason makes its
// row as tall.
void IndicatorTable::place_loose() {
  const std::size_t n = rows_.size();
  for (const Flow* f : loose_) {
    if (rows_.empty()) break;
    std::size_t best = 0;
    double best_overlap = -std::numeric_limits<double>::max();
    for (std::size_t r = 0; r < n; ++r) {
      double o =
          overlap(rows_[r].top, rows_[r].bottom, f->first - m_.pitch / 2, f->last + m_.pitch / 2);
      if (o <= 0) o = -std::abs(rows_[r].y - f->y());
      if (o > best_overlap) {
        best_overlap = o;
        best = r;
      }
    }
    TableRow& row = rows_[best];
    row.cells[std::size_t(f->column)].push_back(f);
    grow(row, *f);
  }
}

// A label is printed on one page: it is compared with the middle of its span's rows on that
// page (where a merged cell is cut by a page break, the label stands in one of the pieces).
double IndicatorTable::span_cost(const Block& label, std::size_t a, std::size_t b) const {
  double top = 0, bottom = 0;
  bool here = false, elsewhere = false;
  for (std::size_t r = a; r <= b; ++r) {
    if (rows_[r].page != label.page) {
      elsewhere = true;
      continue;
    }
    top = here ? std::min(top, rows_[r].page_top) : rows_[r].page_top;
    bottom = here ? std::max(bottom, rows_[r].page_bottom) : rows_[r].page_bottom;
    here = true;
  }
  if (!here) return 1e6;
  double y = label.y();
  double outside = y < top ? top - y : y > bottom ? y - bottom : 0;
  double centre = std::abs((top + bottom) / 2 - y);
  if (!elsewhere) return centre + 10 * outside;
  // A merged cell cut by a page break: browsers print its label at the top of the first
  // piece (its first line on the span's first row); other producers centre it on a piece.
  double first = rows_[a].page == label.page
                     ? std::abs(rows_[a].page_top + m_.pitch / 2 - label.first_y)
                     : std::numeric_limits<double>::max();
  return m_.pitch / 4 + std::min(centre, first) + 10 * outside;
}

// More labels than rows: each label goes to the row nearest to it.
void IndicatorTable::nearest_rows(std::size_t c) {
  const std::size_t n = rows_.size();
  for (const Flow* label : labels_[c]) {
    std::size_t best = 0;
    for (std::size_t r = 1; r < n; ++r) {
      if (std::abs(rows_[r].y - label->y()) < std::abs(rows_[best].y - label->y())) best = r;
    }
    rows_[best].cells[c].push_back(label);
  }
}

// Label column `c`: consecutive spans of rows, one per label, chosen by a dynamic programme
// over where each span ends; each label goes to its span's first row.
void IndicatorTable::place_labels(std::size_t c) {
  const auto& list = labels_[c];
  const std::size_t k = list.size(), n = rows_.size();
  const double inf = std::numeric_limits<double>::max() / 4;
  std::vector<std::vector<double>> cost(k, std::vector<double>(n, inf));
  std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(n, 0));
  for (std::size_t b = 0; b < n; ++b) cost[0][b] = span_cost(list[0]->block, 0, b);
  for (std::size_t j = 1; j < k; ++j) {
    for (std::size_t b = j; b < n; ++b) {
      for (std::size_t a = j; a <= b; ++a) {
        if (cost[j - 1][a - 1] >= inf) continue;
        double value = cost[j - 1][a - 1] + span_cost(list[j]->block, a, b);
        if (value < cost[j][b]) {
          cost[j][b] = value;
          start[j][b] = a;
        }
      }
    }
  }
  std::size_t end = n - 1;
  if (k > n || cost[k - 1][end] >= inf) return nearest_rows(c);
  for (std::size_t j = k; j-- > 0;) {
    std::size_t a = j == 0 ? 0 : start[j][end];
    rows_[a].cells[c].push_back(list[j]);
    if (a == end && list[j]->block.page == rows_[a].page) grow(rows_[a], *list[j]);
    if (a == 0) break;
    end = a - 1;
  }
}

void IndicatorTable::emit(std::vector<OutRow>& out) {
  for (auto& r : rows_) {
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

void indicator_rows(const Header& header, const std::vector<const Block*>& blocks, const Metrics& m,
                    std::vector<OutRow>& out) {
  IndicatorTable(header, m).read(blocks, out);
}

} // namespace ziping::io::pdf::table
