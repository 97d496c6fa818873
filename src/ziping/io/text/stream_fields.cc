// io/text/stream_fields.cc — what a piece of text is worth as each kind of cell: a name, a
// value (comparator + number + unit, percentage, quality word), a 分值/得分 number, free text.
// The dynamic program (stream_rows.cc) adds these up; nothing here decides a row on its own.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/stream.h"
#include "ziping/io/text/stream_ocr.h"
#include "ziping/num/decimal.h"
#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace ziping::io::text::stream {
namespace {

using namespace std::string_view_literals;

// starts_with / ends_with of a literal with its length known to the compiler: the library's
// calls memcmp with a length known only at run time, and the fits ask of every span.
template <std::size_t N> bool starts(std::string_view k, const char (&w)[N]) {
  return k.size() >= N - 1 && std::memcmp(k.data(), w, N - 1) == 0;
}
template <std::size_t N> bool ends(std::string_view k, const char (&w)[N]) {
  return k.size() >= N - 1 && std::memcmp(k.data() + (k.size() - (N - 1)), w, N - 1) == 0;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool has_cjk(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = ziping::text::next_code_point(text, pos);
    if (cp >= 0x3400 && cp <= 0x9FFF) return true;
  }
  return false;
}

std::size_t cjk_count(std::string_view text) {
  std::size_t n = 0, pos = 0;
  while (pos < text.size()) {
    char32_t cp = ziping::text::next_code_point(text, pos);
    n += cp >= 0x3400 && cp <= 0x9FFF;
  }
  return n;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// code_points(text) > n, counting no further than n + 1.
bool more_code_points_than(std::string_view text, std::size_t n) {
  std::size_t seen = 0;
  for (unsigned char c : text) {
    seen += (c & 0xC0) != 0x80;
    if (seen > n) return true;
  }
  return false;
}

// Comparators as folded keys, longest first.
constexpr std::array kComparators = {
    "不少于"sv,   "不低于"sv, "不高于"sv, "不超过"sv, "不大于"sv, "不小于"sv, "大于等于"sv,
    "小于等于"sv, "≥="sv,     "≤="sv,     ">="sv,     "<="sv,     "大于"sv,   "小于"sv,
    "等于"sv,     "达到"sv,   "超过"sv,   "≥"sv,      "≤"sv,      ">"sv,      "<"sv,
    "="sv,        "═"sv,      "≠"sv,      "≈"sv,      "约"sv};

// Words that fill a target or actual cell without a number.
constexpr std::array kQualityWords = {
    "达成预期指标"sv, "达到预期"sv, "明显提升"sv, "显著提升"sv, "明显改善"sv, "效果明显"sv,
    "有所提升"sv,     "提升"sv,     "提高"sv,     "改善"sv,     "明显"sv,     "显著"sv,
    "良好"sv,         "较好"sv,     "好"sv,       "高"sv,       "优"sv,       "良"sv,
    "及时"sv,         "按期"sv,     "按时"sv,     "合格"sv,     "达标"sv,     "有效"sv,
    "完成"sv,         "已完成"sv,   "是"sv,       "否"sv,       "符合"sv,     "符合要求"sv,
    "减少"sv,         "增加"sv,     "公益性"sv,   "全覆盖"sv,   "持续"sv,     "长期"sv,
    "稳定"sv,         "满意"sv,     "基本满意"sv};

// Compared by key: the simplification folds some characters (显著 → 显着).
bool is_quality_word(std::string_view k) {
  struct Words {
    std::vector<std::string> keys;
    std::size_t longest = 0; // a longer key is none of them
  };
  static const Words words = [] {
    Words out;
    for (auto word : kQualityWords) {
      out.keys.push_back(key(word));
      out.longest = std::max(out.longest, out.keys.back().size());
    }
    return out;
  }();
  if (k.size() > words.longest) return false;
  return std::find(words.keys.begin(), words.keys.end(), k) != words.keys.end();
}

// The bytes of the first UTF-8 sequence of `k` (as far as `k` has them) with their count.
std::uint64_t first_sequence(std::string_view k) {
  if (k.empty()) return 0;
  auto lead = static_cast<unsigned char>(k[0]);
  std::size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  length = std::min(length, k.size());
  std::uint64_t out = length;
  for (std::size_t i = 0; i < length; ++i) out = out << 8 | static_cast<unsigned char>(k[i]);
  return out;
}

// A key that starts with a comparator starts with one of their first characters; the fits ask
// of every span, and most start with none, so they are turned away before the word list.
bool may_start_comparator(std::string_view k) {
  static const auto firsts = [] {
    std::array<std::uint64_t, kComparators.size()> out{};
    for (std::size_t i = 0; i < kComparators.size(); ++i) out[i] = first_sequence(kComparators[i]);
    return out;
  }();
  std::uint64_t first = first_sequence(k);
  return std::find(firsts.begin(), firsts.end(), first) != firsts.end();
}

std::string_view strip_comparator(std::string_view k) {
  if (!may_start_comparator(k)) return k;
  for (auto c : kComparators) {
    if (k.starts_with(c)) return k.substr(c.size());
  }
  return k;
}

// Length of the number at the front of `k` ("1,200.5"), 0 when none. A figure has one decimal
// point: "12.512.5" is two figures run together, of which the first is "12.512".
std::size_t number_length(std::string_view k) {
  std::size_t i = 0;
  if (i < k.size() && k[i] == '-' && k.size() > 1 && is_digit(k[1])) ++i;
  std::size_t digits = 0;
  bool point = false;
  while (i < k.size() && (is_digit(k[i]) || (k[i] == ',' && digits > 0 && !point) ||
                          (k[i] == '.' && digits > 0 && !point))) {
    point = point || k[i] == '.';
    digits += is_digit(k[i]);
    ++i;
  }
  if (digits == 0) return 0;
  while (i > 0 && (k[i - 1] == '.' || k[i - 1] == ',')) --i;
  return i;
}

// A unit: "%", "‰", CJK measure words ("个", "万元", "人次/年"), latin units ("TB", "km").
bool is_unit(std::string_view u) {
  if (u.empty()) return true;
  if (u == "%" || u == "‰" || u == "%以上"sv || u == "%以内"sv || u == "%以下"sv) return true;
  if (more_code_points_than(u, 3) && u.find('/') == std::string_view::npos) return false;
  if (u.ends_with("指标")) return false; // "5指标2:": a figure, then a template's placeholder
  // "人IO": a unit, then a number OCR printed in letters.
  if (std::size_t latin = u.find_first_of("IiLlOo");
      latin != std::string_view::npos && latin > 0 && has_cjk(u.substr(0, latin)))
    return false;
  std::size_t pos = 0;
  while (pos < u.size()) {
    char32_t cp = ziping::text::next_code_point(u, pos);
    bool ok = (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 'a' && cp <= 'z') ||
              (cp >= 'A' && cp <= 'Z') || cp == '/' || cp == 0xB2 || cp == 0xB3 || cp == 0x33A1;
    if (!ok) return false;
  }
  return true;
}

bool ends_with_comparator(std::string_view k) {
  if (k.empty()) return false;
  if (k.back() == '=' || k.back() == '>' || k.back() == '<') return true;
  // ≥, ≤ and ═ are E2 xx xx.
  if (k.size() < 3 || k[k.size() - 3] != '\xE2') return false;
  return k.ends_with("≥"sv) || k.ends_with("≤"sv) || k.ends_with("═"sv);
}

// The words after a figure begin with its unit ("12月完成", "3个乡镇"); "2可行性" is a 分值
// run into the name after it.
bool starts_with_unit(std::string_view words) {
  if (words.empty() || !has_cjk(words.substr(0, 3))) return false;
  // "2370人IO": a unit, then a number OCR printed in letters (the next cell).
  for (char c : words)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return false;
  for (std::size_t n : {std::size_t(6), std::size_t(3)}) {
    if (words.size() >= n && value::lookup_unit(words.substr(0, n))) return true;
  }
  return false;
}

constexpr std::array kValueUnits = {"%"sv,    "万元"sv, "元"sv,   "个"sv,     "人"sv, "次"sv,
                                    "人次"sv, "米"sv,   "公里"sv, "平方米"sv, "户"sv, "家"sv,
                                    "项"sv,   "天"sv,   "份"sv,   "篇"sv,     "场"sv, "所"sv};
constexpr std::size_t kLongestValueUnit =
    std::max_element(kValueUnits.begin(), kValueUnits.end(),
                     [](std::string_view a, std::string_view b) { return a.size() < b.size(); })
        ->size();

// The key ends in digits and a unit of measure ("…1020万元", "…95%").
bool ends_with_value(std::string_view k) {
  std::size_t unit = k.size();
  while (unit > 0 && !is_digit(k[unit - 1])) {
    --unit;
    // Already longer than every unit below (most names end in no figure at all).
    if (k.size() - unit > kLongestValueUnit) return false;
  }
  if (unit == 0 || unit == k.size() || !is_unit(k.substr(unit))) return false;
  std::string_view u = k.substr(unit);
  return std::find(kValueUnits.begin(), kValueUnits.end(), u) != kValueUnits.end();
}

// The printed text ends in digits directly after a CJK character (no space between).
bool ends_with_glued_figure(std::string_view text) {
  std::size_t i = text.size();
  while (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == '.')) --i;
  if (i == 0 || text.find_first_of("0123456789", i) == std::string_view::npos) return false;
  std::size_t begin = i - 1; // back to the first byte of the character before the digits
  while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
  return has_cjk(text.substr(begin, i - begin));
}

// Every way this returns true needs a '(', 得, 扣 or 分 in the key: fit_name asks only when
// SpanFacts::scoring says the span has one, so a new wording here needs its character there.
// "得4分", "扣0.5分", "…真实(1分);…", "…是否完整可行(3分)": the wording of a scoring
// standard. (A name may end in its own points, "预算执行率(10分)", but asks no question.)
bool scores_points(std::string_view k) {
  for (std::size_t at = k.find('('); at != std::string_view::npos; at = k.find('(', at + 1)) {
    std::size_t n = number_length(k.substr(at + 1));
    if (n == 0 || !starts(k.substr(at + 1 + n), "分)")) continue;
    std::size_t end = at + 1 + n + std::string_view("分)").size();
    if (end < k.size() || k.find("是否") != std::string_view::npos) return true;
  }
  // "…佐证资料1分。", "…制度1分;": points with the punctuation of a standard's clause.
  for (std::size_t at = k.find("分"); at != std::string_view::npos; at = k.find("分", at + 1)) {
    std::size_t after = at + std::string_view("分").size();
    bool clause =
        after < k.size() && (k.substr(after).starts_with(";") || k.substr(after).starts_with(",") ||
                             k.substr(after).starts_with("。"));
    if (clause && at > 0 && is_digit(k[at - 1])) return true;
  }
  for (std::string_view verb : {"得"sv, "扣"sv}) {
    for (std::size_t at = k.find(verb); at != std::string_view::npos; at = k.find(verb, at + 1)) {
      std::size_t i = at + verb.size();
      std::size_t n = number_length(k.substr(i));
      if (n > 0 && starts(k.substr(i + n), "分")) return true;
    }
  }
  return false;
}

// The key without a leading "指标3:" / "指标3、" / "指标3" numbering.
std::string_view without_numbering(std::string_view k) {
  if (!starts(k, "指标")) return k;
  std::size_t i = std::string_view("指标").size();
  if (i >= k.size() || !is_digit(k[i])) return k.substr(k.size());
  while (i < k.size() && is_digit(k[i])) ++i;
  if (starts(k.substr(i), ":")) return k.substr(i + 1);
  if (starts(k.substr(i), "、")) return k.substr(i + std::string_view("、").size());
  return k.substr(i);
}

bool is_placeholder(std::string_view k) {
  return k == "—" || k == "-" || k == "/" || k == "——" || k == "无" || k == "…" || k == "……";
}

// 定量/定性 (指标), also with its characters permuted: OCR of a two-line cell read column by
// column prints "性标定指" for 定性指标.
bool is_nature_word(std::string_view k) {
  for (auto word : {"定量"sv, "定性"sv, "定量指标"sv, "定性指标"sv}) {
    if (k == word) return true;
    if (k.size() == word.size() && code_points(k) == 4 && is_anagram(k, word)) return true;
  }
  return false;
}

// A 计量单位 cell: a unit the value notation knows (个, 次, 万元, 公里, %), or a short compound
// of measure words it does not. A character no unit table knows ("全" of 资产管理安全, "到" of
// an OCR'd ≥) is more likely the end of a name or the start of a value.
double fit_unit(std::string_view k) {
  if (k.empty() || !is_unit(k) || number_length(k) != 0) return kImpossible;
  if (k == "性" || k == "率") return kImpossible; // the end of a name (合规性, 执行率)
  bool known = value::lookup_unit(k).has_value();
  if (cjk_count(k) <= 1) return known ? 1.0 : -1.0;
  // Two or three characters cut from a name ("合规性") fit too, so they count for less.
  return known ? 0.6 : 0.3;
}

} // namespace

// A date printed as one cell: "2021年12月31日", "2021年12月", "12月31日" (a 时效 row's target
// and actual). Its 年/月 make it read as a figure with words after it, which a cut after 年
// turns into a figure with its unit and a fragment: the whole date is the likelier cell.
bool is_printed_date(std::string_view k) {
  auto digits = [&](std::size_t max) {
    std::size_t n = 0;
    while (n < k.size() && n < max + 1 && is_digit(k[n])) ++n;
    if (n == 0 || n > max) return false;
    k.remove_prefix(n);
    return true;
  };
  auto word = [&](std::string_view w) {
    if (!k.starts_with(w)) return false;
    k.remove_prefix(w.size());
    return true;
  };
  bool year = false;
  if (k.size() > 4 && is_digit(k[3]) && digits(4)) {
    if (!word("年")) return false;
    year = true;
    if (k.empty()) return false; // "2021年" alone is a figure with its unit
  }
  if (!digits(2) || !word("月")) return false;
  if (k.empty()) return year;
  return digits(2) && word("日") && k.empty();
}

bool is_comparator_only(std::string_view k) {
  return !k.empty() && strip_comparator(k).empty();
}

bool is_anagram(std::string_view a, std::string_view b) {
  auto points = [](std::string_view t) {
    std::vector<char32_t> out;
    std::size_t pos = 0;
    while (pos < t.size()) out.push_back(ziping::text::next_code_point(t, pos));
    std::sort(out.begin(), out.end());
    return out;
  };
  return a.size() == b.size() && points(a) == points(b);
}

bool is_known_unit(std::string_view unit) {
  return unit == "%" || unit == "‰" || value::lookup_unit(unit).has_value();
}

bool is_bare_figure(std::string_view k) {
  k = strip_comparator(k);
  std::size_t n = number_length(k);
  return n > 0 && n == k.size();
}

std::string unit_of(std::string_view k) {
  k = strip_comparator(k);
  std::size_t n = number_length(k);
  if (n == 0) return {};
  return std::string(k.substr(n));
}

double fit_value(std::string_view k) {
  return fit_value(k, SpanFacts::of({}, k));
}

double fit_value(std::string_view k, const SpanFacts& facts) {
  if (k.empty() || !facts.balanced() || ends_with_comparator(k)) return kImpossible;
  // A cell never starts with the punctuation that continues a figure or a sentence: ".5",
  // ",记满分": the cut went through one.
  if (starts(k, ".") || starts(k, ",") || starts(k, ";") || starts(k, "、") || starts(k, "。"))
    return kImpossible;
  if (is_placeholder(k) || is_dash_placeholder(k)) return 0.5;
  // "指标1:…" opens a template's row: a name, never a value.
  if (starts(k, "指标") && k.size() > 6 && is_digit(k[6])) return kImpossible;
  std::string_view rest = strip_comparator(k);
  bool comparator = rest.size() < k.size();
  if (rest.empty()) return kImpossible;
  if (std::size_t n = number_length(rest)) {
    // "0100%" is two cells read together ("…20" | "100%"), never a printed figure.
    if (n > 1 && rest[0] == '0' && is_digit(rest[1])) return kImpossible;
    std::string_view unit = rest.substr(n);
    // A figure with words after it ("2021年12月完成"); never a figure run into more figures
    // ("2.512.5完成…": a second decimal point).
    if (!is_unit(unit))
      return facts.key_points <= 20 && starts_with_unit(unit) &&
                     unit.find(':') == std::string_view::npos
                 ? 0.3
                 : kImpossible;
    if (unit == "%" || unit == "‰") return comparator ? 3.0 : 2.6;
    if (!unit.empty()) return comparator ? 3.0 : 2.5;
    return comparator ? 2.2 : 1.0;
  }
  if (comparator && !has_cjk(rest)) return kImpossible;
  // A percent sign with no figure before it ("经费变动率%") ends a name and its unit cell.
  if (ends(rest, "%")) return kImpossible;
  if (is_quality_word(rest)) return 1.8;
  if (facts.key_cjk == 0 || k == "指标") return kImpossible; // "指标" of a placeholder "指标2:"
  std::size_t n = facts.key_points;
  if (n == 1) return kImpossible; // one character of a word cut through ("孕产|妇")
  // Words with a bare figure run onto them ("适当性2"): the next row's 分值 or this one's.
  if (ends_with_glued_figure(k)) return n <= 12 ? -1.2 : -1.7;
  if (n <= 12) return 0.8;
  if (n <= 40) return 0.3;
  return kImpossible;
}

double fit_name(std::string_view text, std::string_view k) {
  return fit_name(text, k, SpanFacts::of(text, k));
}

double fit_name(std::string_view text, std::string_view k, const SpanFacts& facts) {
  if (k.empty() || facts.key_cjk == 0 || !facts.balanced() || ends_with_comparator(k))
    return kImpossible;
  if (starts(k, "(") || starts(k, "…") || starts(k, ".")) return kImpossible; // (50分), ……
  if (strip_comparator(k).size() < k.size()) return kImpossible;
  std::size_t n = number_length(k);
  if (n > 0 && is_unit(k.substr(n))) return kImpossible; // "50个", "100%": a value
  // A numbering alone ("指标9:", "指标") or a numbering's tail (":孕产妇") is no name.
  if (starts(k, ":") || starts(k, "、") || ends(k, ":") || ends(k, "、")) return kImpossible;
  // ",,其中…", ";…": the cut went through a sentence's punctuation (a report's running text).
  if (starts(k, ",") || starts(k, ";") || starts(k, "。")) return kImpossible;
  if (std::string_view rest = without_numbering(k);
      rest.size() < k.size() && (code_points(rest) < 2 || !has_cjk(rest)))
    return kImpossible; // "指标9:0", "指标12:孕": the name was cut inside
  // "37442人 3", "4 4 指标4:…": a value cell is its first word.
  if (std::size_t space = facts.text_space; space != std::string_view::npos) {
    std::string_view first = text.substr(0, space);
    std::size_t m = number_length(first);
    if (m > 0 && is_unit(first.substr(m))) return kImpossible; // "4 4 指标4:…" too
  }
  if (is_quality_word(k)) return 0.2;
  // "绩效指标预决算信息公开性": the table's heading cell run into the first name after it (a
  // name "绩效指标 明确性" keeps its space).
  if (starts(k, "绩效指标") && k.size() > std::string_view("绩效指标").size() &&
      !starts(text, "绩效指标 "))
    return kImpossible;
  std::size_t len = facts.text_points;
  if (len < 2 || len > 80 || facts.key_cjk < 2) return kImpossible;
  double fit = len > 30 ? 1.0 - 0.03 * double(len - 30) : 1.0;
  // A sentence ("…是否合理。") or a scoring rule ("符合得4分", "每低1%扣0.5分") is an
  // explanation or standard cell, not a name.
  if (ends(k, "。") || (facts.scoring && scores_points(k))) fit -= 2.0;
  // The same sentence where the page's full stop came out as "." ("…完成率99.27%.").
  if (ends(k, ".") && facts.key_cjk > 4) fit -= 2.0;
  // "预算完成率=100%,得…;": a formula or a clause of a standard, not a name.
  if (facts.sign) fit -= 2.0;
  // "4、未设置…": an item of an enumerated standard; a name is numbered 指标4:, if at all.
  if (std::size_t d = number_length(k); d > 0 && starts(k.substr(d), "、")) fit -= 2.0;
  // A name that ends in a figure with its unit ("总投资1020万元") has a value cell glued to it;
  // one that ends in a bare figure run onto its CJK ("申报的数量12.512.5"), the 分值 or values.
  if (ends_with_value(k)) return fit - 2.0;
  // "0%當年…": a percentage in front is the last cell of the row before (a 完成率 column).
  if (std::size_t d = number_length(k); d > 0 && starts(k.substr(d), "%")) fit -= 2.5;
  return ends_with_glued_figure(text) ? fit - 3.0 : fit;
}

double fit_number(std::string_view k, double max) {
  if (ends(k, "分")) k.remove_suffix("分"sv.size());
  if (k.empty() || k.size() > 7) return kImpossible;
  // Letters for digits ("IO" for 10) where a number is expected: worth less than digits.
  if (auto digits = ocr_digits(k))
    return fit_number(*digits, max) > kImpossible / 2 ? 1.0 : kImpossible;
  if (k.size() > 1 && k[0] == '0' && k[1] != '.') return kImpossible;
  std::size_t dot = k.find('.');
  if (dot != std::string_view::npos && k.size() - dot - 1 > 2) return kImpossible;
  for (char c : k) {
    if (!is_digit(c) && c != '.') return kImpossible;
  }
  auto value = num::Decimal::parse(k);
  if (!value) return kImpossible;
  if (*value > num::Decimal::from_int(static_cast<long long>(max))) return kImpossible;
  return 2.0;
}

// Free text (reasons, explanations, scoring standards) is cheap to claim, so it pays by length:
// a long run of text with no separator is more likely rows read wrongly than one long remark.
double fit_free_text(std::string_view k) {
  if (k.empty()) return kImpossible;
  return 0.1 - 0.01 * double(code_points(k));
}

double fit_column(Column column, std::string_view text, std::string_view k) {
  return fit_column(column, text, k, SpanFacts::of(text, k));
}

double fit_column(Column column, std::string_view text, std::string_view k,
                  const SpanFacts& facts) {
  switch (column) {
  case Column::Name:
    return fit_name(text, k, facts);
  case Column::Target:
  case Column::Adjusted:
  case Column::Actual:
    return fit_value(k, facts);
  case Column::Weight:
  case Column::Score:
  case Column::Review:
    return fit_number(k, 100);
  case Column::Coefficient:
    // Printed as a percentage (得分系数(%) 100%), as a value cell would be.
    return ends(k, "%") ? fit_number(k.substr(0, k.size() - 1), 200) + 0.6 : fit_number(k, 200);
  case Column::Core:
    return k == "是" || k == "否" ? 1.5 : kImpossible;
  case Column::Rate:
    // "143%", "0%": a figure and its percent sign, nothing else.
    return ends(k, "%") && number_length(k) + 1 == k.size() ? 2.0 : kImpossible;
  case Column::Nature:
    if (is_nature_word(k)) return 1.5;
    return strip_comparator(k).empty() ? 1.5 : kImpossible;
  case Column::Unit:
    return fit_unit(k);
  default:
    // fit_free_text(k) with the count already made.
    if (k.empty()) return kImpossible;
    return 0.1 - 0.01 * double(facts.key_points);
  }
}

void SpanFacts::add_key(std::string_view piece) {
  for (char c : piece) {
    key_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (c == '(') {
      ++depth;
      scoring = true;
    } else if (c == ')') {
      if (--depth < 0) closed_unopened = true;
    } else if (c == '=' || c == ';') {
      sign = true;
    }
  }
  if (piece.size() < 3) return; // every character below is three bytes
  // “ ” ≥ ≤ (E2 …), 得 (E5 BE 97), 分 (E5 88 86), 扣 (E6 89 A3): no two overlap, so one look
  // at each byte counts what a search for each would.
  for (std::size_t i = 0; i + 2 < piece.size(); ++i) {
    auto b0 = static_cast<unsigned char>(piece[i]);
    if (b0 != 0xE2 && b0 != 0xE5 && b0 != 0xE6) continue;
    std::string_view three = piece.substr(i, 3);
    if (three == "“"sv)
      ++open_quotes;
    else if (three == "”"sv)
      ++close_quotes;
    else if (three == "≥"sv || three == "≤"sv)
      sign = true;
    else if (three == "得"sv || three == "扣"sv || three == "分"sv)
      scoring = true;
  }
  key_cjk += cjk_count(piece);
}

void SpanFacts::add_text(std::string_view piece) {
  if (text_space == std::string_view::npos) {
    if (std::size_t at = piece.find(' '); at != std::string_view::npos)
      text_space = text_bytes + at;
  }
  text_bytes += piece.size();
  text_points += code_points(piece);
}

SpanFacts SpanFacts::of(std::string_view text, std::string_view key) {
  SpanFacts facts;
  facts.add_key(key);
  facts.add_text(text);
  return facts;
}

} // namespace ziping::io::text::stream
