// io/text/stream_preamble.cc — the project's name, department and implementing unit read from
// the stream where the row reading found none: a page extracted column by column prints a
// label's value after it ("主管部门 青石区文化和旅游局") or, where the label is followed
// directly by another label, before it ("(2023 年度) 社区文化活动补助 项目名称 主管部门 …",
// sometimes in two fragments: "普陀体育中心与委托运营方结 算费用 项目名称"). Only words are
// taken: a figure, a bracket or another label ends the value (a code "101-" only after the
// label, where the value is unambiguous).
#include <algorithm>
#include <tuple>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/stream.h"

namespace ziping::io::text::stream {
namespace {

using Token = StreamWord;

// A structural word of the form: a field, budget, indicator or level label, or the title.
bool is_label(const std::string& k) {
  return match_field(k).field != Field::None || budget_column(k) != BudgetColumn::None ||
         indicator_column(k) != Column::None || classify_label(k).kind != LabelKind::None ||
         is_title(k);
}

// A name's fragment: words only (no figure, bracket, percentage or punctuation of a list).
bool is_name_word(const std::string& k) {
  if (k.empty() || is_label(k)) return false;
  return std::none_of(k.begin(), k.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || ch == '(' || ch == ')' || ch == '%' || ch == ':' ||
           ch == '|';
  });
}

// A value after its label may carry a code ("101-青石区民政局"); not a bare figure.
bool is_value_word(const std::string& k) {
  if (k.empty() || is_label(k)) return false;
  std::string digits = k.ends_with("%") ? k.substr(0, k.size() - 1) : k;
  if (num::Decimal::parse(digits)) return false;
  return std::none_of(k.begin(), k.end(),
                      [](char ch) { return ch == '(' || ch == ')' || ch == '|' || ch == ':'; });
}

// Up to three name words from token t on, forwards (step +1) or backwards (step -1); [from, to).
// Fragments of one cell come out on one line: a word on another line is another cell (a level
// or column word of the layout), except the first word after its label (one cell per line).
std::pair<std::size_t, std::size_t> name_run(const Stream& s, const std::vector<Token>& tokens,
                                             std::size_t t, int step) {
  std::size_t from = t + 1, to = t, taken = 0;
  for (std::size_t u = t;
       u < tokens.size() && taken < 3 && (step > 0 ? is_value_word : is_name_word)(tokens[u].key);
       u = std::size_t(std::ptrdiff_t(u) + step), ++taken) { // past 0 backwards: wraps, ends
    if (taken > 0 && s.atoms[tokens[u].begin].line != s.atoms[tokens[t].begin].line) break;
    from = std::min(from, u);
    to = std::max(to, u + 1);
  }
  if (taken == 0) return {0, 0};
  return {from, to};
}

// The run's text, a cell repeated by a merged span ("广水市交通运输局 广水市交通运输局") once;
// empty where the fragments join into a label ("项目主管单 位").
std::string run_text(const Stream& s, const std::vector<Token>& tokens, std::size_t from,
                     std::size_t to) {
  std::string value, joined;
  for (std::size_t u = from; u < to; ++u) {
    joined += tokens[u].key;
    if (u > from && tokens[u].key == tokens[u - 1].key) continue;
    value += s.text(tokens[u].begin, tokens[u].end);
  }
  return match_field(joined).field != Field::None ? std::string() : value;
}

} // namespace

std::vector<StreamField> read_preamble(const Stream& s) {
  std::vector<Token> tokens = words_of(s);
  std::vector<StreamField> out;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    FieldMatch match = match_field(tokens[t].key);
    std::string_view path = name_field_path(match.field);
    if (path.empty() || !match.rest.empty()) continue;
    if (std::any_of(out.begin(), out.end(),
                    [&](const auto& f) { return name_field_path(f.field) == path; }))
      continue;
    std::size_t after = t + 1; // 实施单位 (盖章): the stamp note is part of the label
    if (after < tokens.size() && tokens[after].key == "(盖章)") ++after;
    auto [from, to] = after < tokens.size() ? name_run(s, tokens, after, 1)
                                            : std::pair<std::size_t, std::size_t>{0, 0};
    // Before the label only where another label follows it at once (its value is elsewhere).
    if (from == to && t > 0 && after < tokens.size() && is_label(tokens[after].key))
      std::tie(from, to) = name_run(s, tokens, t - 1, -1);
    if (from == to) continue;
    std::string value = run_text(s, tokens, from, to);
    if (!value.empty()) out.push_back({match.field, value, tokens[from].begin});
  }
  return out;
}

} // namespace ziping::io::text::stream
