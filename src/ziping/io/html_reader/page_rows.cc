#include "ziping/io/html_reader/page_rows.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "ziping/io/html_reader/page_depth.h"
#include "ziping/io/html_reader/table_slots.h"
#include "ziping/text/utf8.h"

namespace ziping::io::html_reader {
namespace {

using diag::DiagId;
using text::Cell;
using text::Grid;
using text::Row;

bool ascii_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

bool ascii_alnum(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

// The text of a cell or a line as a browser shows it: whitespace runs (and &nbsp;) one space;
// a line break (<br>, a block) joined as the other readers join a wrapped cell: nothing between
// Chinese characters, one space between Latin letters or digits.
class TextRun {
public:
  void append(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      char ch = text[i];
      if (ascii_space(ch) || text.substr(i).starts_with("\u00A0")) {
        if (ch != ' ' && !ascii_space(ch)) ++i; // the second byte of U+00A0
        if (!text_.empty() && text_.back() != ' ' && !pending_break_) text_.push_back(' ');
        continue;
      }
      if (pending_break_) {
        if (!text_.empty() && ascii_alnum(text_.back()) && ascii_alnum(ch)) text_.push_back(' ');
        pending_break_ = false;
      }
      text_.push_back(ch);
    }
  }

  void line_break() {
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (!text_.empty()) pending_break_ = true;
  }

  bool blank() const { return ziping::text::trim(text_).empty(); }

  std::string take() {
    std::string out(ziping::text::trim(text_));
    text_.clear();
    pending_break_ = false;
    return out;
  }

private:
  std::string text_;
  bool pending_break_ = false;
};

GumboVector* children_of(GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

GumboNode* child(GumboVector* children, unsigned i) {
  return static_cast<GumboNode*>(children->data[i]);
}

bool is_element(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

bool is_text(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

// Visits the descendants of `root` in document order without recursion (pages nest deeply):
// `enter(node)` says whether to go into the node's children, `leave(node)` follows them.
template <class Enter, class Leave> void walk(GumboNode* root, Enter enter, Leave leave) {
  struct Frame {
    GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    GumboNode* node = stack.back().node;
    GumboVector* children = children_of(node);
    if (!children || stack.back().next >= children->length) {
      if (node != root) leave(node);
      stack.pop_back();
      continue;
    }
    GumboNode* next = child(children, stack.back().next++);
    if (enter(next)) stack.push_back({next, 0});
  }
}

// Elements whose content is never the form's text.
bool is_skipped(GumboTag tag) {
  switch (tag) {
  case GUMBO_TAG_HEAD:
  case GUMBO_TAG_SCRIPT:
  case GUMBO_TAG_STYLE:
  case GUMBO_TAG_NOSCRIPT:
  case GUMBO_TAG_TEMPLATE:
  case GUMBO_TAG_SVG:
  case GUMBO_TAG_MATH:
  case GUMBO_TAG_OBJECT:
  case GUMBO_TAG_IFRAME:
  case GUMBO_TAG_SELECT:
  case GUMBO_TAG_TEXTAREA:
    return true;
  default:
    return false;
  }
}

// Elements that end a line of text (outside tables) or break a cell's text.
bool is_block(GumboTag tag) {
  switch (tag) {
  case GUMBO_TAG_P:
  case GUMBO_TAG_DIV:
  case GUMBO_TAG_BR:
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_UL:
  case GUMBO_TAG_OL:
  case GUMBO_TAG_HR:
  case GUMBO_TAG_SECTION:
  case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_HEADER:
  case GUMBO_TAG_FOOTER:
  case GUMBO_TAG_CENTER:
  case GUMBO_TAG_BODY:
  case GUMBO_TAG_CAPTION:
  case GUMBO_TAG_DT:
  case GUMBO_TAG_DD:
  case GUMBO_TAG_DL:
  case GUMBO_TAG_BLOCKQUOTE:
  case GUMBO_TAG_PRE:
  case GUMBO_TAG_FORM:
  case GUMBO_TAG_MAIN:
  case GUMBO_TAG_NAV:
  case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_ADDRESS:
  case GUMBO_TAG_FIGURE:
  case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_TR:
  case GUMBO_TAG_TD:
  case GUMBO_TAG_TH:
    return true;
  default:
    return false;
  }
}

bool has_class(const GumboNode* node, std::string_view word) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, "class");
  return attribute && std::string_view(attribute->value).find(word) != std::string_view::npos;
}

// Not the form: our own pages' appendices (class="appendix …": computed scores, diagnostics)
// and the numbered links to them in cells (<span class="marks">).
bool is_own_apparatus(const GumboNode* node) {
  return (is_element(node, GUMBO_TAG_SECTION) && has_class(node, "appendix")) ||
         (is_element(node, GUMBO_TAG_SPAN) && has_class(node, "marks"));
}

bool contains_table(GumboNode* cell) {
  bool found = false;
  walk(
      cell,
      [&](GumboNode* node) {
        if (is_element(node, GUMBO_TAG_TABLE)) found = true;
        return !found && node->type == GUMBO_NODE_ELEMENT;
      },
      [](GumboNode*) {});
  return found;
}

int span_attribute(const GumboNode* cell, const char* name, int low, int high) {
  const GumboAttribute* attribute = gumbo_get_attribute(&cell->v.element.attributes, name);
  return attribute ? parse_span(attribute->value, 1, low, high) : 1;
}

class PageWalker {
public:
  explicit PageWalker(const std::string& file) : file_(file) {}

  Grid read(GumboNode* document) {
    grid_.layout = text::Layout::Pipes;
    read_content(document);
    flush_line();
    return std::move(grid_);
  }

private:
  // Page content outside data cells: text becomes lines, tables rows.
  void read_content(GumboNode* root) {
    walk(
        root,
        [&](GumboNode* node) {
          if (stopped_) return false;
          if (is_text(node)) {
            add_line_text(node);
            return false;
          }
          if (node->type != GUMBO_NODE_ELEMENT) return false; // comments, <template>
          GumboTag tag = node->v.element.tag;
          if (is_skipped(tag) || is_own_apparatus(node)) return false;
          if (tag == GUMBO_TAG_TABLE) {
            flush_line();
            read_table(node);
            return false;
          }
          if (is_block(tag)) flush_line();
          return true;
        },
        [&](GumboNode* node) {
          if (is_block(node->v.element.tag)) flush_line();
        });
  }

  void read_table(GumboNode* table) {
    if (++table_depth_ > kMaxTableDepth) {
      report(DiagId::err_html_too_deep, table->v.element.start_pos,
             {std::to_string(kMaxTableDepth)});
      stopped_ = true;
      return;
    }
    TableSlots slots;
    GumboVector* parts = &table->v.element.children;
    for (unsigned i = 0; i < parts->length && !stopped_; ++i) {
      GumboNode* part = child(parts, i);
      if (is_element(part, GUMBO_TAG_TR)) {
        read_row(part, slots);
      } else if (is_element(part, GUMBO_TAG_THEAD) || is_element(part, GUMBO_TAG_TBODY) ||
                 is_element(part, GUMBO_TAG_TFOOT)) {
        GumboVector* rows = &part->v.element.children;
        for (unsigned r = 0; r < rows->length && !stopped_; ++r)
          if (is_element(child(rows, r), GUMBO_TAG_TR)) read_row(child(rows, r), slots);
      } else if (is_element(part, GUMBO_TAG_CAPTION)) {
        read_content(part);
        flush_line();
      }
    }
    --table_depth_;
  }

  void read_row(GumboNode* tr, TableSlots& slots) {
    std::vector<GumboNode*> cells;
    std::vector<TableSlots::Span> spans;
    bool layout = false;
    GumboVector* children = &tr->v.element.children;
    for (unsigned i = 0; i < children->length; ++i) {
      GumboNode* node = child(children, i);
      if (!is_element(node, GUMBO_TAG_TD) && !is_element(node, GUMBO_TAG_TH)) continue;
      cells.push_back(node);
      spans.push_back({span_attribute(node, "colspan", 1, kMaxColspan),
                       span_attribute(node, "rowspan", 0, kMaxRowspan)});
      layout = layout || contains_table(node);
    }
    std::vector<std::size_t> columns = slots.place_row(spans);
    if (layout) {
      // A layout table (a page's frame around the form): its cells are page content.
      for (GumboNode* cell : cells) {
        flush_line();
        read_content(cell);
        flush_line();
      }
      return;
    }
    Row row;
    row.line = int(tr->v.element.start_pos.line);
    row.may_continue_above = false;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      // Columns only grow along a row: the cell and the covered columns before it.
      std::size_t added = columns[i] - row.cells.size() + 1;
      if (cells_ + added > kMaxCells) {
        const GumboSourcePosition& at = cells[i]->v.element.start_pos;
        report(DiagId::err_html_too_many_cells, at,
               {std::to_string(kMaxCells), std::to_string(kMaxElements)});
        stopped_ = true;
        return;
      }
      cells_ += added;
      // Columns a span from above or from the left covers: empty, at the cell's place.
      while (row.cells.size() < columns[i]) {
        Cell covered;
        covered.line = int(cells[i]->v.element.start_pos.line);
        covered.column = int(cells[i]->v.element.start_pos.column);
        row.cells.push_back(std::move(covered));
      }
      row.cells.push_back(cell_of(cells[i]));
    }
    if (std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return !c.empty(); })) {
      grid_.rows.push_back(std::move(row));
      after_table_row_ = true;
    }
  }

  Cell cell_of(GumboNode* td) {
    TextRun run;
    walk(
        td,
        [&](GumboNode* node) {
          if (is_text(node)) {
            run.append(std::string_view(node->v.text.text));
            return false;
          }
          if (node->type != GUMBO_NODE_ELEMENT) return false;
          GumboTag tag = node->v.element.tag;
          if (is_skipped(tag) || is_own_apparatus(node)) return false;
          if (is_block(tag)) run.line_break();
          return true;
        },
        [&](GumboNode* node) {
          if (is_block(node->v.element.tag)) run.line_break();
        });
    Cell cell;
    cell.text = run.take();
    cell.line = int(td->v.element.start_pos.line);
    cell.column = int(td->v.element.start_pos.column);
    return cell;
  }

  void add_line_text(GumboNode* node) {
    std::string_view text(node->v.text.text);
    if (line_.blank() && !ziping::text::trim(text).empty()) {
      // The line starts at the text's first printed character in the source.
      GumboSourcePosition at = node->v.text.start_pos;
      std::string_view original(node->v.text.original_text.data, node->v.text.original_text.length);
      for (char ch : original) {
        if (!ascii_space(ch)) break;
        if (ch == '\n') {
          ++at.line;
          at.column = 1;
        } else {
          ++at.column;
        }
      }
      line_at_ = at;
    }
    line_.append(text);
  }

  void flush_line() {
    std::string text = line_.take();
    if (text.empty()) return;
    Row row;
    row.line = int(line_at_.line);
    Cell cell;
    cell.text = std::move(text);
    cell.line = int(line_at_.line);
    cell.column = int(line_at_.column);
    row.cells.push_back(std::move(cell));
    row.may_continue_above = !after_table_row_;
    after_table_row_ = false;
    grid_.rows.push_back(std::move(row));
  }

  void report(DiagId id, const GumboSourcePosition& at, std::vector<std::string> args) {
    auto d = diag::make(id, "", std::move(args));
    d.where = diag::SourceLocation::text(file_, int(at.line), int(at.column));
    grid_.diagnostics.push_back(std::move(d));
  }

  const std::string& file_;
  Grid grid_;
  TextRun line_;
  GumboSourcePosition line_at_{1, 1, 0};
  int table_depth_ = 0;
  std::size_t cells_ = 0;
  bool stopped_ = false;
  bool after_table_row_ = false; // the last row was a table's: no line continues its cells
};

} // namespace

Grid page_rows(std::string_view html, const std::string& file) {
  GumboOptions options = kGumboDefaultOptions;
  options.tab_stop = 1;   // columns count code points, as the other readers' do
  options.max_errors = 0; // parse errors are every real page's normal: not recorded
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, html.data(), html.size()),
      [](GumboOutput* out) { gumbo_destroy_output(&kGumboDefaultOptions, out); });
  return PageWalker(file).read(output->document);
}

} // namespace ziping::io::html_reader
