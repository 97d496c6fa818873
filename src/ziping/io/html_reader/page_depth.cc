#include "ziping/io/html_reader/page_depth.h"

#include "ziping/io/html_reader/page_rows.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

namespace ziping::io::html_reader {
namespace {

using namespace std::string_view_literals;

bool name_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == ':' || ch == '_';
}

// Elements that never hold content.
bool is_void(std::string_view name) {
  static constexpr std::string_view kVoid[] = {
      "area", "base",  "br",     "col",   "embed", "hr",     "img",      "input",   "link",
      "meta", "param", "source", "track", "wbr",   "keygen", "basefont", "bgsound", "frame"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// Elements whose start tag closes an open one of the same name (and what it holds).
bool closes_previous(std::string_view name) {
  static constexpr std::string_view kSelfClosing[] = {
      "a",  "p",  "li",    "dt",    "dd",    "option",   "optgroup", "tr",
      "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",  "rb",
      "rt", "rp", "html",  "head",  "body",  "table"};
  return std::find(std::begin(kSelfClosing), std::end(kSelfClosing), name) !=
         std::end(kSelfClosing);
}

// Elements whose content is text up to their end tag: their "tags" are not tags.
bool is_raw_text(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes";
}

class OpenElements {
public:
  void open(std::string name) {
    ++count_[name];
    stack_.push_back(std::move(name));
  }
  // An end tag: closes the innermost open `name` and everything opened inside it; nothing if
  // none is open. Each element is closed once, so the scans add up to the elements opened.
  void close(const std::string& name) {
    if (!is_open(name)) return;
    while (!stack_.empty()) {
      bool found = stack_.back() == name;
      pop();
      if (found) return;
    }
  }
  // A <td>, <tr>, <p> … start tag: closes the previous one, not one outside the current table
  // (a layout table's cell stays open around the form's table).
  void close_implied(const std::string& name) {
    if (!is_open(name)) return;
    // A new <table> closes an unclosed one unless it is inside one of its cells.
    auto boundary = [&](const std::string& open) {
      return name == "table" ? open == "td" || open == "th" : open == "table";
    };
    std::size_t at = stack_.size();
    while (at > 0 && stack_[at - 1] != name && !boundary(stack_[at - 1])) --at;
    if (at == 0 || stack_[at - 1] != name) return;
    while (stack_.size() >= at) pop();
  }
  std::size_t depth() const { return stack_.size(); }

private:
  bool is_open(const std::string& name) const {
    auto found = count_.find(name);
    return found != count_.end() && found->second > 0;
  }
  void pop() {
    --count_[stack_.back()];
    stack_.pop_back();
  }

  std::vector<std::string> stack_;
  std::unordered_map<std::string, std::size_t> count_;
};

std::size_t tag_end(std::string_view html, std::size_t from) {
  char quote = 0;
  for (std::size_t i = from; i < html.size(); ++i) {
    char ch = html[i];
    if (quote) {
      if (ch == quote) quote = 0;
    } else if (ch == '"' || ch == '\'') {
      quote = ch;
    } else if (ch == '>') {
      return i;
    }
  }
  return html.size();
}

// The end tag "</name" (any case) from `from` on.
std::size_t raw_text_end(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t at = html.find("</", from); at != std::string_view::npos;
       at = html.find("</", at + 2)) {
    std::string_view candidate = html.substr(at + 2, name.size());
    if (candidate.size() == name.size() &&
        std::equal(candidate.begin(), candidate.end(), name.begin(),
                   [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
      return at;
  }
  return html.size();
}

} // namespace

PageScan scan_page(std::string_view html) {
  PageScan scan;
  OpenElements open;
  std::size_t pos = html.find('<');
  while (pos != std::string_view::npos && pos < html.size()) {
    if (html.substr(pos, 4) == "<!--"sv) {
      std::size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = html.find('<', end + 3);
      continue;
    }
    bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    std::size_t name_at = pos + (closing ? 2 : 1);
    std::size_t name_end = name_at;
    while (name_end < html.size() && name_char(html[name_end])) ++name_end;
    if (name_end == name_at) {
      pos = html.find('<', pos + 1);
      continue;
    }
    std::string name(html.substr(name_at, name_end - name_at));
    for (char& ch : name) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    std::size_t end = tag_end(html, name_end);
    if (closing) {
      open.close(name);
    } else if (is_raw_text(name)) {
      end = raw_text_end(html, end, name);
    } else if (++scan.elements > kMaxElements) {
      scan.too_many_cells_at = pos;
      return scan;
    } else if (!is_void(name)) {
      if (closes_previous(name)) open.close_implied(name);
      if ((name == "td" || name == "th") && ++scan.cells > kMaxCells) {
        scan.too_many_cells_at = pos;
        return scan;
      }
      open.open(std::move(name));
      if (open.depth() > kMaxOpenElements) {
        scan.too_deep_at = pos;
        return scan;
      }
    }
    pos = end < html.size() ? html.find('<', end) : std::string_view::npos;
  }
  return scan;
}

} // namespace ziping::io::html_reader
