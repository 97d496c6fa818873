// Page breaking. Rows are placed top-down; before a row is accepted the page is "settled":
// every merged cell (a section's label, 绩效目标N, 一级, 二级) must get the height its text needs
// over the rows it covers on this page, the shortfall going to its last row there. A row is
// accepted when the settled page still ends above the frame's bottom.
#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "ziping/io/pdf_writer/geometry.h"

namespace ziping::io::pdf_writer {

Pt CellBox::text_height() const {
  return lines_height(0, int(lines.size()));
}

Pt CellBox::lines_height(int first, int end) const {
  if (first >= end) return 0;
  const LineBox& a = lines[std::size_t(first)];
  const LineBox& b = lines[std::size_t(end - 1)];
  return b.top + b.height - a.top;
}

Pt natural_height(const RowBox& row, const PageFrame& frame) {
  Pt height = frame.min_row;
  for (const auto& cell : row.cells)
    if (cell.rows == 1) height = std::max(height, cell.text_height() + 2 * frame.padding);
  return height;
}

namespace {

struct Placed {
  Slice slice;
  Pt base = 0;           // its own height, before merged cells ask for more
  bool repeated = false; // a heading repeated on a continued page
};

// A merged cell that covers a row: where it starts and which cell it is (-1: the label).
struct SpanRef {
  int start = 0;
  int cell = -1;
};

class Paginator {
public:
  Paginator(const std::vector<SectionBox>& sections, const PageFrame& frame)
      : sections_(sections), f_(frame) {
    for (const auto& section : sections) {
      covers_.push_back({spans(section.header), spans(section.body)});
    }
  }

  std::vector<PageBox> run() {
    for (int s = 0; s < int(sections_.size()); ++s) section(s);
    finish_page();
    if (pages_.empty()) pages_.emplace_back();
    return std::move(pages_);
  }

private:
  using Cover = std::vector<std::vector<SpanRef>>; // per row: the merged cells covering it

  static Cover spans(const std::vector<RowBox>& rows) {
    Cover cover(rows.size());
    for (int r = 0; r < int(rows.size()); ++r) {
      const auto& cells = rows[std::size_t(r)].cells;
      for (int c = 0; c < int(cells.size()); ++c) {
        int covered = cells[std::size_t(c)].rows;
        for (int k = r; covered > 1 && k < r + covered && k < int(rows.size()); ++k)
          cover[std::size_t(k)].push_back({r, c});
      }
    }
    return cover;
  }

  const RowBox& row_box(int s, bool header, int r) const {
    const auto& section = sections_[std::size_t(s)];
    return header ? section.header[std::size_t(r)] : section.body[std::size_t(r)];
  }

  Pt top() const { return pages_.empty() ? f_.first_top : f_.top; }

  // Heights after merged cells got their room, y positions from the top; returns the bottom.
  Pt settle(std::vector<Placed>& page) const {
    for (auto& placed : page) placed.slice.height = placed.base;
    // Portions of merged cells on this page: key → slice indices, top to bottom.
    std::map<std::tuple<int, int, int, int>, std::vector<std::size_t>> portions;
    for (std::size_t i = 0; i < page.size(); ++i) {
      const Slice& slice = page[i].slice;
      if (sections_[std::size_t(slice.section)].label)
        portions[{slice.section, -1, 0, -1}].push_back(i);
      const auto& cover = covers_[std::size_t(slice.section)][slice.header ? 0 : 1];
      for (const auto& ref : cover[std::size_t(slice.row)])
        portions[{slice.section, slice.header ? 0 : 1, ref.start, ref.cell}].push_back(i);
    }
    std::vector<std::pair<std::tuple<int, int, int, int>, std::vector<std::size_t>>> ordered(
        portions.begin(), portions.end());
    // Inner merged cells first (二级 inside 一级 inside 绩效目标 inside the section's label).
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
      return a.second.size() < b.second.size();
    });
    for (const auto& [key, members] : ordered) {
      auto [s, part, start, cell] = key;
      const auto& section = sections_[std::size_t(s)];
      const CellBox& box =
          part < 0 ? *section.label : row_box(s, part == 0, start).cells[std::size_t(cell)];
      Pt need = box.text_height() + 2 * f_.padding;
      Pt have = 0;
      for (auto i : members) have += page[i].slice.height;
      if (need > have) page[members.back()].slice.height += need - have;
    }
    Pt y = top();
    for (auto& placed : page) {
      placed.slice.y = y;
      y += placed.slice.height;
    }
    return y;
  }

  bool fits(const Placed& candidate) {
    page_.push_back(candidate);
    bool ok = settle(page_) <= f_.bottom + 1e-6;
    page_.pop_back();
    return ok;
  }

  Placed whole(int s, bool header, int r) const {
    Placed placed;
    placed.slice.section = s;
    placed.slice.header = header;
    placed.slice.row = r;
    placed.base = row_box(s, header, r).height;
    return placed;
  }

  void place(Placed placed) {
    if (!placed.repeated) ++content_;
    page_.push_back(std::move(placed));
  }

  void finish_page() {
    if (page_.empty()) return;
    settle(page_);
    PageBox box;
    for (auto& placed : page_) box.slices.push_back(std::move(placed.slice));
    pages_.push_back(std::move(box));
    page_.clear();
    content_ = 0;
  }

  // A new page; inside a section's body its headings come first again.
  void break_page(int s, bool continuing) {
    finish_page();
    if (!continuing) return;
    const auto& section = sections_[std::size_t(s)];
    for (int r = 0; r < int(section.header.size()); ++r) {
      Placed placed = whole(s, true, r);
      placed.repeated = true;
      place(std::move(placed));
    }
  }

  Pt natural_total(const SectionBox& section) const {
    Pt total = 0;
    for (const auto* rows : {&section.header, &section.body})
      for (const auto& row : *rows) total += row.height;
    if (section.label) total = std::max(total, section.label->text_height() + 2 * f_.padding);
    return total;
  }

  void section(int s) {
    const auto& section = sections_[std::size_t(s)];
    if (section.header.empty() && section.body.empty()) return;
    if (section.new_page && content_ > 0) break_page(s, false);
    if (section.keep_together && content_ > 0) {
      Pt total = natural_total(section);
      Pt bottom = page_.empty() ? top() : settle(page_);
      if (bottom + total > f_.bottom && f_.top + total <= f_.bottom) break_page(s, false);
    }
    for (int r = 0; r < int(section.header.size()); ++r) row(s, true, r);
    for (int r = 0; r < int(section.body.size()); ++r) row(s, false, r);
  }

  void row(int s, bool header, int r) {
    Placed candidate = whole(s, header, r);
    if (fits(candidate)) return place(std::move(candidate));
    const auto& section = sections_[std::size_t(s)];
    int heading_rows = int(section.header.size());
    if (!header && r == 0 && heading_rows > 0) {
      // The section's headings would stay alone at the foot of the page: they move along
      // (unless they head this page already, and the row must be split under them).
      if (content_ > heading_rows) {
        page_.resize(page_.size() - std::size_t(heading_rows));
        content_ -= heading_rows;
        break_page(s, false);
        for (int h = 0; h < heading_rows; ++h) place(whole(s, true, h));
        if (fits(candidate)) return place(std::move(candidate));
      }
    } else if (content_ > 0) {
      break_page(s, !header);
      if (fits(candidate)) return place(std::move(candidate));
    }
    split(s, header, r);
  }

  // A row taller than the room a page offers: as many lines of each cell as fit, the rest on
  // the next page (under the repeated headings), until every line is set.
  void split(int s, bool header, int r) {
    const RowBox& box = row_box(s, header, r);
    std::vector<int> next(box.cells.size(), 0);
    for (;;) {
      Pt bottom = page_.empty() ? top() : settle(page_);
      Pt room = f_.bottom - bottom - 2 * f_.padding;
      Placed part = whole(s, header, r);
      part.base = f_.min_row;
      bool done = true, any = false;
      for (std::size_t c = 0; c < box.cells.size(); ++c) {
        const CellBox& cell = box.cells[c];
        int first = next[c], end = first;
        if (cell.rows == 1) {
          while (end < int(cell.lines.size()) && cell.lines_height(first, end + 1) <= room) ++end;
          if (end == first && end < int(cell.lines.size()) && content_ == 0)
            ++end; // always progress
        } else {
          end = int(cell.lines.size()); // merged cells are drawn whole on every page
        }
        part.slice.lines.emplace_back(first, end);
        if (cell.rows == 1) {
          any = any || end > first;
          done = done && end == int(cell.lines.size());
          part.base = std::max(part.base, cell.lines_height(first, end) + 2 * f_.padding);
          next[c] = end;
        }
      }
      if (!any && !done) {
        break_page(s, !header);
        continue;
      }
      place(std::move(part));
      if (done) return;
      break_page(s, !header);
    }
  }

  const std::vector<SectionBox>& sections_;
  const PageFrame& f_;
  std::vector<std::array<Cover, 2>> covers_;
  std::vector<PageBox> pages_;
  std::vector<Placed> page_;
  int content_ = 0; // slices on the current page other than repeated headings
};

} // namespace

std::vector<PageBox> paginate(const std::vector<SectionBox>& sections, const PageFrame& frame) {
  return Paginator(sections, frame).run();
}

} // namespace ziping::io::pdf_writer
