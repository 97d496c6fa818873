#include "ziping/io/html_reader/html_reader.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "ziping/io/csv/csv_table.h"
#include "ziping/io/text/grid.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/text_reader.h"
#include "ziping/text/utf8.h"

namespace ziping::io::html_reader {
namespace {

using diag::DiagId;
using text::Cell;
using text::Grid;
using text::Row;

// Bounds on hostile pages: far above any form (a few hundred cells), far below what would
// exhaust memory.
constexpr std::size_t kMaxCells = 200000;
constexpr int kMaxTableDepth = 64;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = char(std::tolower((unsigned char)ch));
  return out;
}

bool ascii_alnum(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

// The entities published pages use; an unknown one stays as written.
std::optional<std::string> named_entity(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"nbsp", " "},   {"ensp", " "},   {"emsp", " "},   {"thinsp", " "}, {"amp", "&"},
      {"lt", "<"},     {"gt", ">"},     {"quot", "\""},  {"apos", "'"},   {"middot", "·"},
      {"times", "×"},  {"divide", "÷"}, {"le", "≤"},     {"ge", "≥"},     {"ne", "≠"},
      {"mdash", "—"},  {"ndash", "–"},  {"hellip", "…"}, {"ldquo", "“"},  {"rdquo", "”"},
      {"lsquo", "‘"},  {"rsquo", "’"},  {"permil", "‰"}, {"deg", "°"},    {"yen", "¥"},
      {"plusmn", "±"}, {"laquo", "«"},  {"raquo", "»"},  {"bull", "•"},   {"copy", "©"},
  };
  for (const auto& [entity, text] : kEntities)
    if (entity == name) return std::string(text);
  return std::nullopt;
}

// "&#20013;" "&#x4E2D;" "&nbsp;" at `pos` (which is at '&'): the text and the length read.
std::pair<std::string, std::size_t> entity_at(std::string_view html, std::size_t pos) {
  std::size_t end = html.find(';', pos);
  if (end == std::string_view::npos || end - pos > 12) return {"&", 1};
  std::string_view body = html.substr(pos + 1, end - pos - 1);
  if (body.starts_with("#")) {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return {"&", 1};
    unsigned long code = 0;
    for (char ch : digits) {
      int value = -1;
      if (ch >= '0' && ch <= '9')
        value = ch - '0';
      else if (hex && ch >= 'a' && ch <= 'f')
        value = ch - 'a' + 10;
      else if (hex && ch >= 'A' && ch <= 'F')
        value = ch - 'A' + 10;
      if (value < 0) return {"&", 1};
      code = code * (hex ? 16 : 10) + unsigned(value);
      if (code > 0x10FFFF) return {"&", 1};
    }
    // NUL, surrogates and controls are not text a form prints: a space keeps cells apart.
    if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code < 0x20 || code == 0x7F)
      return {" ", end - pos + 1};
    if (code == 0xA0 || code == 0x3000) return {" ", end - pos + 1};
    std::string out;
    ziping::text::append_utf8(out, char32_t(code));
    return {out, end - pos + 1};
  }
  if (auto text = named_entity(lower(body))) return {*text, end - pos + 1};
  return {"&", 1};
}

bool is_block_tag(std::string_view name) {
  static const std::string_view kBlocks[] = {
      "p",      "div",    "br",   "h1",      "h2",    "h3",      "h4",         "h5",
      "h6",     "li",     "ul",   "ol",      "hr",    "section", "article",    "header",
      "footer", "center", "body", "caption", "dt",    "dd",      "blockquote", "pre",
      "form",   "main",   "nav",  "tbody",   "thead", "tfoot"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

// Elements whose content is never the form's text.
bool is_skipped_tag(std::string_view name) {
  return name == "script" || name == "style" || name == "head" || name == "noscript" ||
         name == "template" || name == "svg" || name == "object" || name == "iframe";
}

class PageReader {
public:
  PageReader(std::string_view html, const std::string& file) : html_(html), file_(file) {}

  Grid read() {
    grid_.layout = text::Layout::Pipes;
    std::size_t pos = 0;
    while (pos < html_.size() && !stopped_) {
      char ch = html_[pos];
      if (ch == '<') {
        pos = tag(pos);
      } else if (ch == '&') {
        auto [text, length] = entity_at(html_, pos);
        add_text(text, pos);
        pos += length;
      } else {
        std::size_t next = html_.find_first_of("<&", pos);
        if (next == std::string_view::npos) next = html_.size();
        add_text(html_.substr(pos, next - pos), pos);
        pos = next;
      }
    }
    end_table_row();
    flush_line();
    return std::move(grid_);
  }

private:
  // Line and code-point column of a byte offset; offsets only grow, so one cursor serves.
  std::pair<int, int> where(std::size_t offset) {
    while (cursor_ < offset && cursor_ < html_.size()) {
      if (html_[cursor_] == '\n') {
        ++source_line_;
        source_column_ = 1;
      } else if ((static_cast<unsigned char>(html_[cursor_]) & 0xC0) != 0x80) {
        ++source_column_;
      }
      ++cursor_;
    }
    return {source_line_, source_column_};
  }

  void add_text(std::string_view text, std::size_t offset) {
    if (skip_depth_ > 0 || appendix_depth_ > 0 || marks_depth_ > 0) return;
    std::string* target = in_cell_ ? &cell_.text : &line_.text;
    for (char ch : text) {
      bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
      if (space) {
        if (!target->empty() && target->back() != ' ' && !(in_cell_ && cell_break_))
          target->push_back(' ');
        continue;
      }
      if (!in_cell_ && line_.text.empty()) {
        auto [l, c] = where(offset);
        line_.line = l;
        line_.column = c;
      }
      if (in_cell_ && cell_break_) {
        if (!cell_.text.empty() && ascii_alnum(cell_.text.back()) && ascii_alnum(ch))
          cell_.text.push_back(' ');
        cell_break_ = false;
      }
      target->push_back(ch);
    }
  }

  // A line break inside a cell: wrapped text of one cell, joined as the other readers join it
  // (no space between Chinese characters, one between Latin letters or digits).
  void break_in_cell() {
    while (!cell_.text.empty() && cell_.text.back() == ' ') cell_.text.pop_back();
    if (!cell_.text.empty()) cell_break_ = true;
  }

  std::size_t tag(std::size_t pos) {
    if (html_.compare(pos, 4, "<!--") == 0) {
      std::size_t end = html_.find("-->", pos + 4);
      return end == std::string_view::npos ? html_.size() : end + 3;
    }
    if (html_.compare(pos, 9, "<![CDATA[") == 0) {
      std::size_t end = html_.find("]]>", pos + 9);
      return end == std::string_view::npos ? html_.size() : end + 3;
    }
    std::size_t end = tag_end(pos);
    std::string_view inside = html_.substr(pos + 1, end - pos - 1);
    bool closing = !inside.empty() && inside.front() == '/';
    if (closing) inside.remove_prefix(1);
    std::size_t name_end = 0;
    while (name_end < inside.size() && (std::isalnum((unsigned char)inside[name_end]) ||
                                        inside[name_end] == '-' || inside[name_end] == ':'))
      ++name_end;
    if (name_end == 0) {
      // "<" that opens no tag ("a < b", "<=5"): text.
      if (!inside.starts_with("!") && !inside.starts_with("?")) add_text("<", pos);
      return inside.starts_with("!") || inside.starts_with("?") ? end + 1 : pos + 1;
    }
    std::string name = lower(inside.substr(0, name_end));
    std::string attributes = lower(inside.substr(name_end));
    std::size_t after = std::min(end + 1, html_.size());
    if (is_skipped_tag(name)) {
      // The content of <script> and <style> is raw text: jump to its end tag.
      if (!closing && (name == "script" || name == "style")) {
        std::size_t close = find_end_tag(after, name);
        if (close == std::string_view::npos) return html_.size();
        return std::min(tag_end(close) + 1, html_.size());
      }
      if (!closing && !attributes.ends_with("/"))
        ++skip_depth_;
      else if (closing && skip_depth_ > 0)
        --skip_depth_;
      return after;
    }
    if (name == "section") {
      // Our own pages' appendices (class="appendix …") hold the computed scores and the
      // diagnostics, not the form.
      if (!closing && (appendix_depth_ > 0 || attributes.find("appendix") != std::string::npos))
        ++appendix_depth_;
      else if (closing && appendix_depth_ > 0)
        --appendix_depth_;
      flush_line();
      return after;
    }
    if (skip_depth_ > 0 || appendix_depth_ > 0) return after;
    if (name == "span") {
      // Our own pages mark a cell's diagnostics with numbered links (<span class="marks">):
      // references to the appendix, not the cell's text.
      if (!closing && (marks_depth_ > 0 || attributes.find("marks") != std::string::npos))
        ++marks_depth_;
      else if (closing && marks_depth_ > 0)
        --marks_depth_;
      return after;
    }
    if (name == "table") {
      end_cell();
      end_table_row();
      flush_line();
      if (!closing) {
        if (++table_depth_ > kMaxTableDepth) {
          report(DiagId::err_html_too_deep, pos, {std::to_string(kMaxTableDepth)});
          stopped_ = true;
        }
      } else if (table_depth_ > 0) {
        --table_depth_;
      }
      return after;
    }
    if (table_depth_ > 0) {
      if (name == "tr") {
        end_cell();
        end_table_row();
        if (!closing) start_row(pos);
        return after;
      }
      if (name == "td" || name == "th") {
        end_cell();
        if (!closing) start_cell(pos);
        return after;
      }
      if (in_cell_ && (name == "br" || name == "p" || name == "div" || name == "li")) {
        break_in_cell();
        return after;
      }
      if (is_block_tag(name) && !in_cell_) flush_line();
      return after;
    }
    if (is_block_tag(name)) flush_line();
    return after;
  }

  // "</script" (any case) from `from` on, without copying the rest of the page.
  std::size_t find_end_tag(std::size_t from, const std::string& name) const {
    for (std::size_t at = html_.find("</", from); at != std::string_view::npos;
         at = html_.find("</", at + 2)) {
      if (at + 2 + name.size() > html_.size()) break;
      if (lower(html_.substr(at + 2, name.size())) == name) return at;
    }
    return std::string_view::npos;
  }

  // The '>' that closes the tag at pos, outside quoted attribute values.
  std::size_t tag_end(std::size_t pos) const {
    char quote = 0;
    for (std::size_t i = pos + 1; i < html_.size(); ++i) {
      char ch = html_[i];
      if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '>') {
        return i;
      }
    }
    return html_.size();
  }

  void start_row(std::size_t pos) {
    in_row_ = true;
    row_ = Row{};
    row_.line = where(pos).first;
  }

  void start_cell(std::size_t pos) {
    if (!in_row_) start_row(pos);
    in_cell_ = true;
    cell_ = Cell{};
    cell_break_ = false;
    auto [l, c] = where(pos);
    cell_.line = l;
    cell_.column = c;
  }

  void end_cell() {
    if (!in_cell_) return;
    in_cell_ = false;
    cell_.text = std::string(ziping::text::trim(cell_.text));
    if (++cells_ > kMaxCells) {
      report_at(DiagId::err_html_too_many_cells, cell_.line, cell_.column,
                {std::to_string(kMaxCells)});
      stopped_ = true;
      return;
    }
    row_.cells.push_back(std::move(cell_));
  }

  void end_table_row() {
    end_cell();
    if (!in_row_) return;
    in_row_ = false;
    bool any = std::any_of(row_.cells.begin(), row_.cells.end(),
                           [](const Cell& cell) { return !cell.text.empty(); });
    if (any) grid_.rows.push_back(std::move(row_));
    row_ = Row{};
  }

  void flush_line() {
    std::string text(ziping::text::trim(line_.text));
    if (!text.empty()) {
      Row row;
      row.line = line_.line;
      Cell cell;
      cell.text = std::move(text);
      cell.line = line_.line;
      cell.column = line_.column;
      row.cells.push_back(std::move(cell));
      grid_.rows.push_back(std::move(row));
    }
    line_ = Line{};
  }

  void report(DiagId id, std::size_t offset, std::vector<std::string> args) {
    auto [l, c] = where(offset);
    report_at(id, l, c, std::move(args));
  }

  void report_at(DiagId id, int l, int c, std::vector<std::string> args) {
    auto d = diag::make(id, "", std::move(args));
    d.where = diag::SourceLocation::text(file_, l, c);
    grid_.diagnostics.push_back(std::move(d));
  }

  struct Line {
    std::string text;
    int line = 0, column = 0;
  };

  std::string_view html_;
  const std::string& file_;
  Grid grid_;
  std::size_t cursor_ = 0;
  int source_line_ = 1, source_column_ = 1;
  Line line_;
  int skip_depth_ = 0, appendix_depth_ = 0, marks_depth_ = 0, table_depth_ = 0;
  bool in_row_ = false, in_cell_ = false, cell_break_ = false, stopped_ = false;
  Row row_;
  Cell cell_;
  std::size_t cells_ = 0;
};

// The charset a page declares in its first kilobytes: <meta charset=gbk>, or the
// http-equiv Content-Type's charset=gb2312.
bool declares_chinese_legacy_charset(std::string_view html) {
  std::string head = lower(html.substr(0, std::min<std::size_t>(html.size(), 4096)));
  for (std::string_view name : {"gb2312", "gbk", "gb18030", "x-gbk"}) {
    std::size_t at = head.find("charset");
    while (at != std::string::npos) {
      std::size_t value = head.find_first_not_of(" =\"'", at + 7);
      if (value != std::string::npos && head.compare(value, name.size(), name) == 0) return true;
      at = head.find("charset", at + 7);
    }
  }
  return false;
}

} // namespace

model::ReadResult read_html(std::string_view bytes, const text::RecoverOptions& options) {
  model::ReadResult result;
  auto fail = [&](DiagId id, std::vector<std::string> args) {
    result.diagnostics.push_back(diag::make(id, "", std::move(args)));
    result.diagnostics.back().where.file = options.file_name;
    return result;
  };
  if (bytes.size() > text::kMaxTextBytes)
    return fail(DiagId::err_input_too_large,
                {std::to_string(bytes.size()), std::to_string(text::kMaxTextBytes)});
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string converted;
  bool from_gb18030 = false;
  if (auto bad = ziping::text::first_invalid_utf8(bytes)) {
    // Many government sites still serve GB2312/GBK pages; the declaration says so, and a
    // page that is not valid in it is refused where its first bad byte is.
    auto gb = declares_chinese_legacy_charset(bytes) ? csv::gb18030_to_utf8(bytes) : std::nullopt;
    if (!gb) return fail(DiagId::err_input_not_utf8, {std::to_string(*bad + 1)});
    converted = std::move(*gb);
    from_gb18030 = true;
  }
  std::string_view html = from_gb18030 ? std::string_view(converted) : bytes;
  if (ziping::text::trim(html).empty()) return fail(DiagId::err_input_empty, {});
  std::size_t radicals = 0;
  std::string unified = text::unify_radicals(html, radicals);
  Grid grid = PageReader(unified, options.file_name).read();
  if (from_gb18030) {
    grid.diagnostics.insert(grid.diagnostics.begin(),
                            diag::make(DiagId::note_csv_converted_gb18030, "", {}));
    grid.diagnostics.front().where = diag::SourceLocation::text(options.file_name, 1, 1);
  }
  if (radicals > 0) {
    grid.diagnostics.push_back(
        diag::make(DiagId::note_import_radicals, "", {std::to_string(radicals)}));
    grid.diagnostics.back().where = diag::SourceLocation::text(options.file_name, 1, 1);
  }
  for (auto& d : grid.diagnostics)
    if (d.where.file.empty()) d.where.file = options.file_name;
  bool fatal =
      std::any_of(grid.diagnostics.begin(), grid.diagnostics.end(),
                  [](const diag::Diagnostic& d) { return d.severity == diag::Severity::Error; });
  if (fatal) {
    result.diagnostics = std::move(grid.diagnostics);
    return result;
  }
  return text::recover_form(grid, options);
}

} // namespace ziping::io::html_reader
