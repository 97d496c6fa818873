// io/text/stream_labels.cc — level labels and layout tokens at the start of a row.
#include <tuple>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/stream_dp.h"
#include "ziping/io/text/stream_ocr.h"

namespace ziping::io::text::stream {
namespace {

using namespace std::string_view_literals;

struct LabelWord {
  std::string_view stem;
  LabelLevel level;
  bool bare; // the stem alone (经济效益) is a label too, when a separator follows it
  // The printed word when it is not the stem (项目产出 → 产出); read through OCR look-alikes.
  std::string_view word = {};
  // A 二级 of the 决策/管理 blocks, printed run into the name after it ("财务管理财务管理制度
  // 有效性"): a label only between rows, never where a name could begin with it.
  bool glued = false;
};
constexpr LabelWord kLabels[] = {
    {"产出", LabelLevel::Level1, false},
    {"效益", LabelLevel::Level1, false},
    {"满意度", LabelLevel::Level1, false},
    {"成本", LabelLevel::Either, false},
    {"数量", LabelLevel::Level2, false},
    {"质量", LabelLevel::Level2, false},
    {"时效", LabelLevel::Level2, false},
    {"经济效益", LabelLevel::Level2, true},
    {"社会效益", LabelLevel::Level2, true},
    {"生态效益", LabelLevel::Level2, true},
    {"环境效益", LabelLevel::Level2, true},
    {"可持续影响", LabelLevel::Level2, true},
    {"服务对象满意度", LabelLevel::Level2, true},
    {"社会公众满意度", LabelLevel::Level2, true},
    {"社会公众或服务对象满意度", LabelLevel::Level2, true},
    {"经济成本", LabelLevel::Level2, false},
    {"社会成本", LabelLevel::Level2, false},
    {"生态环境成本", LabelLevel::Level2, false},
    {"生态成本", LabelLevel::Level2, false},
    // The 一级 of the evaluation framework that scores 决策 and 管理 beside the outputs.
    {"决策", LabelLevel::Level1, true, "项目决策"},
    {"管理", LabelLevel::Level1, true, "项目管理"},
    {"过程", LabelLevel::Level1, true, "项目过程"},
    {"产出", LabelLevel::Level1, true, "项目产出"},
    {"效益", LabelLevel::Level1, true, "项目效益"},
    {"绩效", LabelLevel::Level1, true, "项目绩效"},
    // Their 二级.
    {"项目立项", LabelLevel::Level2, true, {}, true},
    {"资金投入", LabelLevel::Level2, true, {}, true},
    {"资金到位", LabelLevel::Level2, true, {}, true},
    {"资金分配", LabelLevel::Level2, true, {}, true},
    {"资金管理", LabelLevel::Level2, true, {}, true},
    {"投入管理", LabelLevel::Level2, true, {}, true},
    {"财务管理", LabelLevel::Level2, true, {}, true},
    {"业务管理", LabelLevel::Level2, true, {}, true},
    {"组织实施", LabelLevel::Level2, true, {}, true},
    {"项目实施", LabelLevel::Level2, true, {}, true},
    {"决策过程", LabelLevel::Level2, true, {}, true},
    // The 二级 of the 四川 2019 项目支出绩效评分表 (科学决策 · 绩效目标 · 资金管理 · 项目执行 ·
    // 项目完成 · 项目效益); 绩效目标 is left out: the 部门整体 schemes name a row 绩效目标合理性.
    {"科学决策", LabelLevel::Level2, true, {}, true},
    {"项目执行", LabelLevel::Level2, true, {}, true},
    {"项目完成", LabelLevel::Level2, true, {}, true},
};

bool is_digit_key(const Atom& a) {
  return a.key.size() == 1 && a.key[0] >= '0' && a.key[0] <= '9';
}

// "(50分)", "(权重50分)" at atom i: the points and the atom after, else {nullopt, 0}.
std::pair<std::optional<num::Decimal>, std::size_t> points_at(const Stream& s, std::size_t i) {
  if (i >= s.size() || s.atoms[i].key != "(") return {std::nullopt, 0};
  std::size_t j = i + 1;
  for (auto prefix : {"权重"sv, "分值"sv, "满分"sv}) {
    if (std::size_t e = s.match(j, prefix)) j = e;
  }
  std::string digits;
  while (j < s.size() && j < i + 10 && (is_digit_key(s.atoms[j]) || s.atoms[j].key == "."))
    digits += s.atoms[j++].key;
  if (digits.empty() || j + 1 >= s.size() + 1) return {std::nullopt, 0};
  if (std::size_t e = s.match(j, "分")) j = e;
  if (j >= s.size() || s.atoms[j].key != ")") return {std::nullopt, 0};
  return {num::Decimal::parse(digits), j + 1};
}

bool is_cjk_key(const Atom& a) {
  return a.key.size() == 3 && static_cast<unsigned char>(a.key[0]) >= 0xE3 &&
         static_cast<unsigned char>(a.key[0]) <= 0xE9;
}

// A template placeholder row "指标2:" with nothing after it but layout: the atom after it, else
// 0. OCR may print its digit as a letter ("指标L"); run-together text prints no separator after
// it when a colon ends it.
std::size_t placeholder_row_end(const Stream& s, std::size_t i, std::size_t end) {
  std::size_t e = s.match(i, "指标");
  if (e == 0) return 0;
  std::size_t k = e;
  while (k < end && is_digit_key(s.atoms[k])) ++k;
  bool letter = k == e && k < end &&
                (s.atoms[k].key == "l" || s.atoms[k].key == "i"); // keys lower-case Latin
  if (letter) ++k;
  bool colon = k > e && k < end && s.atoms[k].key == ":";
  if (colon) ++k;
  if (k == e || (k < end && s.atoms[k].gap == Gap::None && !colon && !letter)) return 0;
  // "指标1:/ / /": the template's row with its cells struck through, nothing read.
  while (colon && k < end &&
         (s.atoms[k].key == "/" || s.atoms[k].key == "—" || s.atoms[k].key == "-"))
    ++k;
  if (k == end || s.match(k, "指标") || s.match(k, "…") || s.match(k, "...") ||
      s.match(k, "总分") || s.match(k, "合计"))
    return k;
  StreamLabel next = label_at(s, k, false);
  return next.end != 0 && !next.glued ? k : 0;
}

// A bare number of at most five characters in a cell of its own at atom i: the atom after
// it, else 0.
std::size_t bare_number_at(const Stream& s, std::size_t i) {
  if (i >= s.size() || (i > 0 && s.atoms[i].gap == Gap::None)) return 0;
  std::size_t k = i;
  while (k < s.size() && k < i + 6 && (is_digit_key(s.atoms[k]) || s.atoms[k].key == ".") &&
         (k == i || s.atoms[k].gap == Gap::None))
    ++k;
  if (k == i || k - i > 5 || (k < s.size() && s.atoms[k].gap == Gap::None)) return 0;
  return k;
}

// Characters in one or more cells (at most `cells`), then a bare number: a level label or a
// row's name followed by its points. The atom after the number, else 0.
std::size_t words_then_points(const Stream& s, std::size_t i, int cells) {
  if (i >= s.size() || !is_cjk_key(s.atoms[i])) return 0;
  std::size_t j = i;
  int n = 1;
  while (j < s.size() && j < i + 20 && is_cjk_key(s.atoms[j])) {
    if (j > i && s.atoms[j].gap != Gap::None && ++n > cells) return 0;
    ++j;
  }
  if (j - i < 2) return 0;
  return bare_number_at(s, j);
}

// "投入 | 16 | 预算配置 | 16 | 在职人员控制率 | 8 | 以100%为标准…": a label in a cell of its own
// with its points in the next, followed by the next label or a row's name with its points
// (a row's 分值 is followed by its standard instead). The points and the atom after them.
std::pair<std::optional<num::Decimal>, std::size_t> bare_points_at(const Stream& s, std::size_t i) {
  std::size_t after = words_then_points(s, i, 1);
  if (after == 0 || words_then_points(s, after, 3) == 0) return {std::nullopt, 0};
  std::size_t number = after - 1;
  while (number > i && s.atoms[number].gap == Gap::None) --number;
  return {num::Decimal::parse(s.key_text(number, after)), after};
}

// "项目决策 2 分": points printed without brackets, in cells of their own, followed by a cell
// end (a standard's "…制度 1 分;" goes on in its cell). The points and the atom after.
std::pair<std::optional<num::Decimal>, std::size_t> spelled_points_at(const Stream& s,
                                                                      std::size_t i) {
  if (i >= s.size() || s.atoms[i].gap == Gap::None) return {std::nullopt, 0};
  std::string digits;
  std::size_t j = i;
  while (j < s.size() && j < i + 5 && (is_digit_key(s.atoms[j]) || s.atoms[j].key == ".") &&
         (j == i || s.atoms[j].gap == Gap::None))
    digits += s.atoms[j++].key;
  std::size_t after = digits.empty() ? 0 : s.match(j, "分");
  if (after == 0 || (after < s.size() && s.atoms[after].gap == Gap::None)) return {std::nullopt, 0};
  return {num::Decimal::parse(digits), after};
}

// One or two CJK characters from atom j, then "(": the end of a label wrapped before its points.
bool short_tail_before_points(const Stream& s, std::size_t j) {
  for (std::size_t k = j; k < s.size() && k < j + 3; ++k) {
    if (s.atoms[k].key == "(") return k > j;
    if (!is_cjk_key(s.atoms[k]) || (k > j && s.atoms[k].gap != Gap::None)) return false;
  }
  return false;
}

// A scheme table's label: two to eight characters in a cell of their own directly followed by
// their points, "决策 (20分)" or "项目决策 2 分" (a scoring standard's "…是否真实(1分);" is
// inside a cell); with `level_points`, "投入 | 16" (bare_points_at).
StreamLabel scheme_label_at(const Stream& s, std::size_t i, bool level_points) {
  StreamLabel best;
  bool wrapped = false; // a tail wrapped before the points ("部门决 策(25 分)")
  if (i > 0 && s.atoms[i].gap == Gap::None) return best;
  for (std::size_t j = i; j < s.size() && j < i + 8 && is_cjk_key(s.atoms[j]); ++j) {
    // A narrow label column wraps a label ("项目 绩效", "部门决 策(25 分)": a tail of one or
    // two characters before its points), never a cell after another.
    if (j > i + 2 && s.atoms[j].gap != Gap::None) {
      if (s.atoms[j].gap != Gap::Space || !short_tail_before_points(s, j)) break;
      wrapped = true;
    }
    if (j + 1 - i < 2) continue;
    auto [points, after] = points_at(s, j + 1);
    if (after != 0 && after < s.size() && s.atoms[after].gap == Gap::None) after = 0;
    if (after == 0) std::tie(points, after) = spelled_points_at(s, j + 1);
    if (after == 0) continue;
    best.level = LabelLevel::Scheme;
    // A wrapped label's line break is layout: "部门决 策" is 部门决策.
    best.name = s.text(i, j + 1);
    if (wrapped) std::erase(best.name, ' ');
    best.points = points;
    best.end = after;
    return best;
  }
  if (!level_points) return best;
  auto [points, after] = bare_points_at(s, i);
  if (after == 0) return best;
  std::size_t name_end = i + 1;
  while (name_end < after && s.atoms[name_end].gap == Gap::None) ++name_end;
  best.level = LabelLevel::Scheme;
  best.name = s.text(i, name_end);
  best.points = points;
  best.end = after;
  return best;
}

// "( 特性指标70 分)": a merged label's points with a piece of its words, broken out of their
// cell — a bracket of at most a dozen characters that ends in a figure and 分. The atom after.
std::size_t worded_points_end(const Stream& s, std::size_t i) {
  if (i >= s.size() || s.atoms[i].key != "(") return 0;
  for (std::size_t k = i + 1; k < s.size() && k < i + 14; ++k) {
    const std::string& key = s.atoms[k].key;
    if (key == "(") return 0;
    if (key != ")") continue;
    bool points = k >= i + 3 && s.atoms[k - 1].key == "分" && is_digit_key(s.atoms[k - 2]);
    return points ? k + 1 : 0;
  }
  return 0;
}

// Points "(10 分)" that end right before atom i.
bool points_end_at(const Stream& s, std::size_t i) {
  if (i == 0 || s.atoms[i - 1].key != ")") return false;
  for (std::size_t k = i - 1; k-- > 0 && k + 8 > i;) {
    if (s.atoms[k].key == "(") return points_at(s, k).second == i;
  }
  return false;
}

// In a scheme table every row prints its 分值 and a label its points: a 决策/管理 二级 word
// with none after it ("资金管理 4 4") is a row's name there — unless its points print just
// before it and a name runs on after it ("(10 分)科学决策必要性"). So is any label word printed
// bare there with its figures on the next line and no points ("服务对象满意度 | 10 10").
bool scheme_row_name(const Stream& s, std::size_t i, const StreamLabel& word, bool framework_level2,
                     bool bare_word) {
  if (word.points) return false;
  if (framework_level2) return !(word.glued && points_end_at(s, i));
  return bare_word && word.end < s.size() && s.atoms[word.end].gap == Gap::Cell &&
         bare_number_at(s, word.end) != 0;
}

// Whether a vocabulary word may begin at atom i; label_at is asked at every atom of a table.
bool may_begin_word(const Stream& s, std::size_t i) {
  static const FirstCharacters firsts = [] {
    std::vector<std::string_view> words;
    for (const auto& word : kLabels) words.push_back(word.word.empty() ? word.stem : word.word);
    return FirstCharacters(words);
  }();
  return firsts.may_begin(s, i);
}

} // namespace

StreamLabel label_at(const Stream& s, std::size_t i, bool scheme, bool level_points) {
  if (!may_begin_word(s, i)) return scheme ? scheme_label_at(s, i, level_points) : StreamLabel{};
  StreamLabel best;
  bool framework_level2 = false, bare_word = false;
  for (const auto& word : kLabels) {
    std::size_t end = match_read(s, i, word.word.empty() ? word.stem : word.word);
    if (end == 0) continue;
    std::size_t full = s.match(end, "指标");
    // Reports that print the goal table word 目标 for 指标 (产出目标 / 数量目标 / 质量目标).
    if (full == 0 && word.word.empty() && !word.glued) full = s.match(end, "目标");
    bool glued = false;
    if (full == 0) {
      if (!word.bare) continue;
      glued = end < s.size() && s.atoms[end].gap == Gap::None && s.atoms[end].key != "(";
      if (glued && !word.glued) continue;
    }
    std::size_t stop = full ? full : end;
    if (stop <= best.end) continue;
    best.level = word.level;
    best.stem = std::string(word.stem);
    best.name = s.key_text(i, stop);
    best.end = stop;
    best.glued = glued;
    framework_level2 = word.glued;
    bare_word = full == 0;
  }
  if (best.end == 0 && scheme) return scheme_label_at(s, i, level_points);
  if (best.end != 0) {
    auto [points, after] = points_at(s, best.end);
    // A scheme table prints a label's points without brackets too ("项目决策 3 分"), as
    // scheme_label_at reads them.
    if (after == 0 && scheme) std::tie(points, after) = spelled_points_at(s, best.end);
    if (after != 0) {
      best.points = points;
      best.end = after;
    }
  }
  if (scheme && scheme_row_name(s, i, best, framework_level2, bare_word))
    return scheme_label_at(s, i, level_points);
  // A vocabulary word of a scheme table with its points printed as the scheme prints them
  // ("项目决策 2 分", not "项目决策(2分)"): the scheme's reading, which keeps the points.
  if (scheme && best.end != 0 && !best.points && !best.glued) {
    StreamLabel spelled = scheme_label_at(s, i, level_points);
    if (spelled.end != 0 && spelled.points) return spelled;
  }
  return best;
}

std::size_t skippable_at(const Stream& s, std::size_t i, std::size_t end,
                         const ColumnModel& model) {
  const Atom& a = s.atoms[i];
  for (auto word : {"……"sv, "…"sv, "/"sv, "—"sv, "-"sv, "绩效指标"sv, "......"sv, "..."sv}) {
    std::size_t e = s.match(i, word);
    if (e == 0) continue;
    // 绩效指标 heads the 项目 template's table in a cell of its own; followed by a space in the
    // same cell it begins a name ("绩效指标 明确性").
    if (word == "绩效指标"sv && e < end && s.atoms[e].gap == Gap::Space && !s.atoms[e].line_start)
      continue;
    if (e == end || s.atoms[e].gap != Gap::None || word.size() > 3) return e;
  }
  if (auto [points, after] = points_at(s, i); after != 0) return after; // an orphan (50分)
  if (std::size_t after = worded_points_end(s, i)) return after;
  // A row number, or a page-chunk marker "2、" at the start of a line.
  std::size_t j = i;
  while (j < end && j < i + 3 && is_digit_key(s.atoms[j])) ++j;
  if (j > i && j < end) {
    if (a.line_start && s.atoms[j].key == "、") return j + 1;
    if (model.numbered_rows && s.atoms[j].gap != Gap::None) return j;
  }
  if (std::size_t k = placeholder_row_end(s, i, end)) return k;
  return 0;
}

} // namespace ziping::io::text::stream
