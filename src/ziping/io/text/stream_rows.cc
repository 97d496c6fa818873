// io/text/stream_rows.cc — the rows of an indicator table segmented out of the atom stream by a
// dynamic program. A state is (atom, next field of the column model); a step reads one field
// (a span of atoms, or an empty cell), a level label, or a placeholder. Each step is scored by
// what its text looks like (stream_fields.cc), by the separator evidence at its ends, and by the
// row's own arithmetic (得分 ≤ 分值; the actual's unit is the target's).
#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/stream.h"
#include "ziping/io/text/stream_dp.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text::stream {
namespace {

using namespace std::string_view_literals;

// Words that end the indicator table.
constexpr std::string_view kTableEnds[] = {
    "总分", "合计",  "评价结论",           "自评结论", "存在问题",  "项目负责人",
    "注:",  "备注:", "项目支出绩效自评表", "项目名称", "绩效自评表"};

bool is_digitish(const Atom& a) {
  return !a.key.empty() && ((a.key[0] >= '0' && a.key[0] <= '9') || a.key == "." || a.key == "%");
}

// "总分 100 99.5", "合计100", "总分100100" → the 分值 and 得分 totals.
void read_totals(const Stream& s, std::size_t at, StreamTable& table) {
  std::size_t i = at;
  while (i < s.size() && !is_digitish(s.atoms[i]) && i < at + 4) ++i;
  std::vector<std::string> numbers;
  std::string current;
  for (; i < s.size() && numbers.size() < 3; ++i) {
    const Atom& a = s.atoms[i];
    if (a.gap != Gap::None && !current.empty()) numbers.push_back(std::exchange(current, {}));
    if (!is_digitish(a)) break;
    current += a.key;
  }
  if (!current.empty()) numbers.push_back(current);
  if (numbers.size() == 1 && numbers[0].starts_with("100") && numbers[0].size() > 3 &&
      numbers[0][3] != '.') {
    numbers = {"100", numbers[0].substr(3)};
  }
  if (!numbers.empty()) table.total_weight = num::Decimal::parse(numbers[0]);
  if (numbers.size() > 1) table.total_score = num::Decimal::parse(numbers[1]);
}

// "(二)项目财务管理状况", "(三)存在的问题和原因": the next section heading of a report that
// quotes the table, a bracketed numeral and a few words with 情况/状况/问题/建议 — not a
// numbered label "(一)数量指标".
bool report_heading_at(const Stream& s, std::size_t i) {
  if (i + 4 >= s.size() || s.atoms[i].key != "(" || s.atoms[i + 2].key != ")") return false;
  if (std::string_view("一二三四五六七八九十").find(s.atoms[i + 1].key) == std::string_view::npos ||
      s.atoms[i + 1].key.size() != 3)
    return false;
  if (label_at(s, i + 3, false).end != 0) return false;
  for (std::size_t j = i + 4; j < s.size() && j < i + 20; ++j) {
    if (s.match(j, "情况") || s.match(j, "状况") || s.match(j, "问题") || s.match(j, "建议"))
      return true;
    if (s.atoms[j].key.size() != 3) return false; // CJK only: a heading, not a cell's text
  }
  return false;
}

// "相关性(5 分)" → 5, the name's printed points; nullopt when the name prints none.
std::optional<num::Decimal> name_points(std::string_view k) {
  if (!k.ends_with("分)")) return std::nullopt;
  std::size_t open = k.rfind('(');
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  return num::Decimal::parse(k.substr(open + 1, k.size() - open - 1 - "分)"sv.size()));
}

// A score sheet's rows: the points a name prints are its 分值 (the sheet has no 分值 column),
// written without them as a heading's "(50分)" is (ZP0137), so nothing is lost.
void weights_from_names(std::vector<StreamLeaf>& leaves) {
  for (auto& leaf : leaves) {
    std::string& name = leaf.indicator.name;
    auto points = leaf.indicator.weight ? std::nullopt : name_points(key(name));
    std::size_t open = std::min(name.rfind('('), name.rfind("（"));
    if (!points || open == std::string::npos || open == 0) continue;
    leaf.indicator.weight = points;
    name = std::string(ziping::text::trim(std::string_view(name).substr(0, open)));
  }
}

} // namespace

std::size_t table_end(const Stream& s, std::size_t from) {
  // The words' keys once, not once per atom (key() is a lookup with a copy).
  static const auto keys = [] {
    std::array<std::string, std::size(kTableEnds)> out;
    for (std::size_t w = 0; w < out.size(); ++w) out[w] = key(kTableEnds[w]);
    return out;
  }();
  for (std::size_t i = from; i < s.size(); ++i) {
    for (std::size_t w = 0; w < keys.size(); ++w) {
      std::string_view word = kTableEnds[w];
      std::size_t end = s.match(i, keys[w]);
      if (end == 0) continue;
      bool total = word == "总分" || word == "合计";
      // 总分 / 合计 end the table only with figures (or nothing) after them.
      if (total && end < s.size() && !is_digitish(s.atoms[end]) && s.atoms[end].gap == Gap::None)
        continue;
      return i;
    }
    if (report_heading_at(s, i)) return i;
  }
  return s.size();
}

StreamTable read_rows(const Stream& s, const ColumnModel& model) {
  std::size_t end = std::min(table_end(s, model.header_end), next_header(s, model.header_end));
  std::optional<StreamTable> transposed = read_transposed(s, model);
  if (transposed) end = transposed->end;
  StreamTable table =
      transposed ? std::move(*transposed) : segment(s, model, model.header_end, end);
  if (!transposed) settle_centred_labels(table.leaves);
  if (model.points_in_names) weights_from_names(table.leaves);
  table.end = end;
  if (end < s.size() && !table.total_weight) read_totals(s, end, table);
  return table;
}

} // namespace ziping::io::text::stream
