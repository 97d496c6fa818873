// io/text/stream_segment.cc — the dynamic program over (atom, next field) and the replay of its
// best path into leaves under their 一级/二级 labels.
#include <algorithm>
#include <array>

#include "ziping/io/text/keys.h"
#include "ziping/io/text/stream_dp.h"
#include "ziping/io/text/stream_ocr.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text::stream {
namespace {

enum class Step : unsigned char { None, Label, Skip, Junk, Field, Empty, Block };

struct Levels;

// What the best path into a state carries for the row being read.
struct RowSoFar {
  std::optional<num::Decimal> weight;
  std::optional<num::Decimal> coefficient; // 得分系数 in percent
  // A view into the stream's keys, which outlive the segmentation: a string here grew in the
  // per-thread tables (below) and was never given back, so the fuzzers took every input that
  // grew one for a leak to look for and ran it twice.
  std::string_view target_key;
};

// Two readings whose rows so far weigh the same against the cells still to come: a tie
// between them is a tie of the whole row.
bool same_so_far(const RowSoFar& a, const RowSoFar& b) {
  return a.weight == b.weight && a.coefficient == b.coefficient && a.target_key == b.target_key;
}

struct State {
  double score = kImpossible;
  int prev = -1;
  Step step = Step::None;
  std::size_t from = 0; // first atom of the step
  RowSoFar row;
};

// A CJK ideograph (U+4E00 on), not punctuation such as 、 or ……
bool is_ideograph(const Atom& a) {
  auto lead = a.key.empty() ? 0 : static_cast<unsigned char>(a.key[0]);
  return a.key.size() == 3 && lead >= 0xE4 && lead <= 0xE9;
}

bool is_cell(Step step) {
  return step == Step::Field || step == Step::Empty;
}

int char_class(const Atom& a) {
  if (a.key.empty()) return 0;
  char c = a.key[0];
  if (a.key == "%" || a.key == "‰") return 4;
  if ((c >= '0' && c <= '9') || c == '.' || c == ',') return 1;
  if (a.key == "≥" || a.key == "≤" || a.key == "=" || a.key == "<" || a.key == ">" || a.key == "═")
    return 2;
  return 3;
}

// The characters the segmenter asks about at every end of every span, marked once per atom.
enum Mark : unsigned char {
  kYear = 1,
  kMonth = 2,
  kDay = 4,
  kFen = 8,        // 分
  kDash = 16,      // — or -
  kFullStop = 32,  // 。
  kNumbering = 64, // 、 or :
};

unsigned char mark_of(const Atom& a) {
  const std::string& k = a.key;
  if (k == "年") return kYear;
  if (k == "月") return kMonth;
  if (k == "日") return kDay;
  if (k == "分") return kFen;
  if (k == "—" || k == "-") return kDash;
  if (k == "。") return kFullStop;
  if (k == "、" || k == ":") return kNumbering;
  return 0;
}

// 得分 = 得分系数(%) × 分值, to the score's printed precision (two decimals at most).
bool coefficient_fits(const num::Decimal& percent, const num::Decimal& weight,
                      const num::Decimal& score) {
  num::Decimal product =
      (percent * weight).divide(num::Decimal::from_int(100), 2, num::RoundingMode::HalfUp);
  return product == score;
}

bool is_optional(Column c) {
  return c != Column::Target && c != Column::Actual && c != Column::Weight && c != Column::Score;
}

std::size_t max_length(Column c) {
  switch (c) {
  case Column::Name:
    return 60;
  case Column::Target:
  case Column::Adjusted:
  case Column::Actual:
    return 40; // Segmenter::kValueSpan
  case Column::Weight:
  case Column::Score:
  case Column::Coefficient:
  case Column::Review:
    return 8;
  case Column::Rate:
    return 10;
  case Column::Nature:
  case Column::Core:
    return 4;
  case Column::Unit:
    return 6;
  default:
    // Free text (reasons, standards): each start tries every end up to here and the cost grows
    // with its square; 160 characters hold a published reason cell, and a longer run is cut
    // at a separator the next cell starts from.
    return 160;
  }
}

// The span spans() tries, grown as far as a fit was asked of it: its printed text (as
// Stream::text() prints it, a space where the print had one) and what the fits read of it.
struct GrowingSpan {
  std::size_t begin = 0, grown = 0; // atoms [begin, grown) are in
  std::string text;
  SpanFacts facts;

  void start(std::size_t p) {
    begin = grown = p;
    text.clear();
    facts = {};
  }
  void grow_to(const Stream& s, std::size_t q) {
    for (; grown < q; ++grown) {
      const Atom& a = s.atoms[grown];
      if (grown > begin && a.gap != Gap::None) {
        text += ' ';
        facts.add_text(" ");
      }
      text += a.text;
      facts.add_text(a.text);
      facts.add_key(a.key);
    }
  }
};

// The program's tables, kept per thread from one segmentation to the next. A table is tens of
// thousands of states; made afresh for every read, it cost fresh pages each time (under the
// fuzzers' AddressSanitizer, a page fault per page for every input). One segmentation at a
// time per thread uses them (segment() does not nest).
struct Tables {
  std::vector<State> states;
  std::vector<bool> tied;
  std::vector<bool> labelled;
  std::vector<std::size_t> label_ends;
  std::vector<signed char> classes;
  std::vector<unsigned char> marks;
  // Tables larger than this are given back after use: a text that large is rare.
  static constexpr std::size_t kKeptStates = 1 << 16;
};

Tables& tables() {
  thread_local Tables kept;
  return kept;
}

class Segmenter {
public:
  Segmenter(const Stream& s, const ColumnModel& m, std::size_t begin, std::size_t end)
      : s_(s), begin_(begin), end_(end), states_(tables().states), labelled_(tables().labelled),
        tied_(tables().tied), label_ends_(tables().label_ends), classes_(tables().classes),
        marks_(tables().marks) {
    fields_.push_back(Column::Name);
    fields_.insert(fields_.end(), m.columns.begin(), m.columns.end());
    model_ = &m;
    scheme_ = std::find(m.columns.begin(), m.columns.end(), Column::Target) == m.columns.end();
    states_.assign((end - begin + 1) * fields_.size(), State{});
    tied_.assign(states_.size(), false);
    labelled_.assign(end - begin + 1, false);
    label_ends_.assign(end - begin + 1, 0);
    for (std::size_t p = begin; p < end; ++p) {
      StreamLabel label = label_at(s, p, scheme_, m.level_points);
      // A score sheet's row prints its 分值 as a label does ("相关性(5 分)") and then its 得分:
      // followed by a figure in a cell of its own, it is a row.
      if (m.points_in_names && label.points && label.end < end &&
          s.atoms[label.end].gap != Gap::None && char_class(s.atoms[label.end]) == 1)
        label.end = 0;
      label_ends_[p - begin] = label.end;
      // A label run into the name after it is no reason to stop a name or remark at it.
      labelled_[p - begin] = label.end != 0 && !label.glued;
    }
    classes_.clear();
    classes_.reserve(s.size());
    marks_.clear();
    marks_.reserve(s.size());
    for (const Atom& a : s.atoms) {
      classes_.push_back(char_class(a));
      marks_.push_back(mark_of(a));
      keys_whole_ = keys_whole_ && !ziping::text::first_invalid_utf8(a.key);
    }
  }

  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;
  ~Segmenter() {
    if (states_.size() > Tables::kKeptStates) tables() = Tables{};
  }

  StreamTable run() {
    at(begin_, 0).score = 0;
    for (std::size_t p = begin_; p < end_; ++p) {
      // The fields first: a row whose last cells are empty ends at p itself, and the next row
      // starts there.
      for (std::size_t f = 1; f < fields_.size(); ++f) {
        if (at(p, f).score > kImpossible / 2) field(p, f);
      }
      if (at(p, 0).score > kImpossible / 2) row_start(p);
    }
    for (std::size_t f = 1; f < fields_.size(); ++f) field_at_end(f);
    return replay();
  }

private:
  State& at(std::size_t p, std::size_t f) { return states_[(p - begin_) * fields_.size() + f]; }
  int index(std::size_t p, std::size_t f) const { return int((p - begin_) * fields_.size() + f); }

  // `row` is copied only where it is kept: most offers lose. (It is never `to`'s own: q > p,
  // or q == p with another field.)
  void offer(std::size_t p, std::size_t f, std::size_t q, std::size_t g, double gain, Step step,
             const RowSoFar& row) {
    const State& from = at(p, f);
    double score = from.score + gain;
    State& to = at(q, g);
    if (score > to.score + 1e-9) {
      to.score = score;
      to.prev = index(p, f);
      to.step = step;
      to.from = p;
      to.row = row;
      tied_[std::size_t(index(q, g))] = false;
    } else if (score > to.score - 1e-9 && is_cell(step) && is_cell(to.step) &&
               to.prev != index(p, f) && same_so_far(row, to.row) && !beside_unread(f)) {
      // The same state reached with the row's cells cut or placed otherwise: two readings
      // tie. Said (ZP0818) only where the tie lies on the reading kept.
      tied_[std::size_t(index(q, g))] = true;
    }
  }

  // Where a column the importer does not read (复核分, 备注) ends and the next begins is no
  // question to put to the user: its text is not kept.
  bool beside_unread(std::size_t f) const {
    auto unread = [](Column c) { return c == Column::Other || c == Column::Rate; };
    return unread(fields_[f]) || (f > 0 && unread(fields_[f - 1]));
  }

  double end_bonus(std::size_t q) const {
    if (q >= end_) return 0.5;
    const Atom& a = s_.atoms[q];
    if (a.gap == Gap::None && cuts_date(q)) return -3.0;
    if (a.gap == Gap::Cell) return 0.8;
    if (a.gap == Gap::Space) return 0.5;
    if (a.separated && s_.atoms[q - 1].separated) return kImpossible; // a printed cell stays whole
    // A line that spaces its cells apart rarely runs two of them together.
    double spaced = a.spaced && s_.atoms[q - 1].spaced ? -2.5 : 0.0;
    int before = classes_[q - 1], after = classes_[q];
    if (before != after) return spaced;
    // Cutting a run of digits makes two numbers out of one: only when nothing else fits.
    return spaced * (before == 3 ? 2.0 : 1.0) + (before == 1 ? -3.0 : -1.2);
  }

  // A name that starts inside a run of characters of its own kind ("效|益指标") is a misreading.
  // (After a field of the row before, the cut was charged to that field's end; after a heading
  // word skipped whole, "绩效指标", the word ended there.)
  double start_penalty(std::size_t p, Column c) {
    if (c != Column::Name || p == 0 || s_.atoms[p].gap != Gap::None) return 0;
    if (at(p, 0).step == Step::Field) return 0;
    if (at(p, 0).step == Step::Skip && is_ideograph(s_.atoms[p - 1])) return 0;
    // A label printed run into the name ended where its vocabulary word does.
    if (at(p, 0).step == Step::Label && label_at(s_, at(p, 0).from, scheme_).glued) return 0;
    return classes_[p - 1] == classes_[p] ? -1.5 : 0;
  }

  // The separators inside a cell of column c, one atom's gap at a time: a span's penalty is its
  // atoms' in order, so a span grown by one atom adds that atom's (spans() grows it so); a
  // separator inside a number cell makes the span impossible.
  struct Inside {
    double penalty = 0;
    bool impossible = false;
  };
  static void inside_add(Inside& in, Gap g, Column c) {
    if (g == Gap::None) return;
    bool value = c == Column::Target || c == Column::Actual || c == Column::Adjusted;
    bool number = c == Column::Weight || c == Column::Score || c == Column::Coefficient ||
                  c == Column::Nature || c == Column::Unit || c == Column::Core ||
                  c == Column::Review || c == Column::Rate;
    if (number) {
      in.impossible = true;
      return;
    }
    if (c == Column::Name)
      in.penalty -= g == Gap::Cell ? 0.7 : 0.1;
    else if (value)
      in.penalty -= g == Gap::Cell ? 3.0 : 0.6;
    else
      in.penalty -= g == Gap::Cell ? 1.0 : 0.05;
  }

  // A label run into the name after it (财务管理财务管理制度有效性) stands only between rows,
  // and counts for less than one a separator or its points end.
  double label_gain(std::size_t p, const StreamLabel& label) const {
    if (!label.glued) return 0.6;
    const State& before = states_[std::size_t(index(p, 0))];
    if (is_cell(before.step)) return 0.3;
    // After its own points, skipped as an orphan: "(3 分)项目执行执行规范".
    if (before.step == Step::Skip && p > begin_ && s_.atoms[p - 1].key == ")") return 0.3;
    bool under_level1 = before.step == Step::Label &&
                        label_at(s_, before.from, scheme_).level == LabelLevel::Level1;
    return under_level1 ? 0.3 : kImpossible;
  }

  void row_start(std::size_t p) {
    if (std::size_t label_end = label_ends_[p - begin_]; label_end != 0 && label_end <= end_) {
      double gain = label_gain(p, label_at(s_, p, scheme_, model_->level_points));
      if (gain > kImpossible / 2) offer(p, 0, label_end, 0, gain, Step::Label, {});
    }
    if (std::size_t q = skippable_at(s_, p, end_, *model_); q != 0 && q <= end_)
      offer(p, 0, q, 0, 0.1, Step::Skip, {});
    offer(p, 0, p + 1, 0, -1.0 + std::min(0.0, end_bonus(p + 1)), Step::Junk, {});
    // Names printed in a run with their values after them: whole rows in one step.
    if (auto block = name_block_at(s_, *model_, p, end_))
      offer(p, 0, block->end, 0, block->gain + end_bonus(block->end), Step::Block, {});
    spans(p, 0);
  }

  // A table that numbers its rows prints the number first on the line, the row's labels or
  // name after it: that number is no 分值 or 得分.
  double row_number_penalty(std::size_t p, Column c) const {
    if (!model_->numbered_rows || !s_.atoms[p].line_start) return 0;
    if (c != Column::Weight && c != Column::Score) return 0;
    std::size_t q = p;
    while (q < end_ && classes_[q] == 1) ++q;
    return q < end_ && classes_[q] == 3 ? -2.0 : 0;
  }

  void field(std::size_t p, std::size_t f) {
    Column c = fields_[f];
    // A scheme table's merged label cell, centred on its rows, may print between a row's name
    // and its 分值 ("组织机构 | 项目管理 13 分 | 2 | 2").
    if (scheme_ && f == 1 && labelled_[p - begin_]) {
      StreamLabel label = label_at(s_, p, scheme_, model_->level_points);
      if (label.end <= end_) offer(p, f, label.end, f, 0.3, Step::Label, at(p, f).row);
    }
    // The printed empty cell before p is one cell: it pays for the first empty field only.
    bool printed =
        s_.atoms[p].empty_cell_before && !(at(p, f).step == Step::Empty && at(p, f).from == p);
    // An unfilled form prints its targets and 分值 and leaves the actuals and 得分 empty: of two
    // readings that leave a cell empty, the one that leaves those is the likelier.
    double missing = c == Column::Actual || c == Column::Score ? -1.8 : -2.0;
    // Most forms leave 调整指标值 empty: its empty cell is no evidence against a reading.
    // A template with a 得分系数 column prints it on every row (100% for a full score), one
    // with a 计量单位 column on most (not on a qualitative row's).
    double optional = c == Column::Adjusted      ? -0.05
                      : c == Column::Coefficient ? -2.5
                      : c == Column::Unit        ? -0.5
                                                 : -0.2;
    double empty = printed ? 0.2 : is_optional(c) ? optional : missing;
    // A row that goes on with its 得分 was filled in: its target is likelier the empty cell.
    if (c == Column::Actual && !printed && !at(p, f).row.target_key.empty() && p < end_ &&
        classes_[p] == 1 && next_field(f) == Column::Score)
      empty -= 0.5;
    // An evaluation scheme is its 分值: every row prints one, and a "row" without one is a
    // piece of a standard's text.
    if (!(scheme_ && c == Column::Weight)) land(p, f, p, empty, Step::Empty, at(p, f).row);
    spans(p, f);
  }

  Column next_field(std::size_t f) const {
    return f + 1 < fields_.size() ? fields_[f + 1] : Column::Name;
  }

  // A row cut off by the end of the text: its missing cells are empty.
  void field_at_end(std::size_t f) {
    if (at(end_, f).score <= kImpossible / 2) return;
    Column c = fields_[f];
    // Only a text that stops here cut the row off; a table ended by 总分 printed it whole.
    bool cut_off = end_ >= s_.size();
    double missing = c == Column::Actual || c == Column::Score ? -1.8 : -2.0;
    double empty = is_optional(c) ? -0.2 : cut_off ? -0.5 : missing;
    land(end_, f, end_, empty, Step::Empty, at(end_, f).row);
  }

  // Lands a step from (p, f) at atom q: the next field, or (q, 0) with the row complete.
  void land(std::size_t p, std::size_t f, std::size_t q, double gain, Step step,
            const RowSoFar& row) {
    if (f + 1 == fields_.size())
      offer(p, f, q, 0, gain + 1.0, step, {});
    else
      offer(p, f, q, f + 1, gain, step, row);
  }

  void spans(std::size_t p, std::size_t f) {
    Column c = fields_[f];
    std::size_t limit = std::min(end_, p + max_length(c));
    bool free_text = max_length(c) > 60;
    bool value = c == Column::Target || c == Column::Actual || c == Column::Adjusted;
    if ((free_text || value || c == Column::Name) && labelled_[p - begin_])
      return; // a label is no name or remark
    // The span [p, q) grows one atom at a time; its printed text and what the fits read of it
    // (span_) only as far as a fit is asked for, the separators inside it always.
    span_.start(p);
    Inside inner;
    int labels_inside = 0; // a name that runs over a level label is rows read together
    bool value_memo = value && memo_start_ == p;
    if (value && !value_memo) {
      memo_start_ = p;
      value_fits_known_.fill(false);
    }
    // Neither depends on where the span ends.
    double start = start_penalty(p, c), numbered = row_number_penalty(p, c);
    // After a label run into it, a name of three characters or less is more likely a name's
    // tail than a name (绩效目标 | 合理性).
    std::size_t shortest = c == Column::Name && at(p, 0).step == Step::Label &&
                                   label_at(s_, at(p, 0).from, scheme_).glued
                               ? 4
                               : 0;
    // The most a span of this column can add besides the parts known before its fit.
    double ceiling = at(p, f).score + best_fit(c) + (f + 1 == fields_.size() ? 1.0 : 0.0);
    for (std::size_t q = p + 1; q <= limit; ++q) {
      const auto& last = s_.atoms[q - 1];
      if (q - 1 > p && last.gap != Gap::None) inside_add(inner, last.gap, c);
      if (q > p + 1 && labelled_[q - 1 - begin_]) {
        if (free_text || value) break; // text never runs over a label
        if (c == Column::Name) labels_inside += 1;
      }
      // Free text ends at a separator, or, in text run together, where a sentence gives way to
      // a figure ("…记分。12.5": the 得分 after a scoring standard), or a word to a figure
      // and the next row's name (figure_then_word).
      if (free_text && q < end_ && s_.atoms[q].gap == Gap::None &&
          !((marks_[q - 1] & kFullStop) && classes_[q] == 1) && !figure_then_word(p, q))
        continue;
      if (q - p < shortest) continue;
      if (!own_cell(p, q, c) || splits_points(p, q, c)) continue;
      if (inner.impossible) break;
      double bonus = end_bonus(q), repeat = repeated_figure(p, q);
      double known = inner.penalty + bonus + start + numbered - 2.0 * labels_inside;
      if (cannot_win(ceiling + known + repeat, q, f)) continue;
      span_.grow_to(s_, q);
      std::string_view k = s_.key_view(p, q);
      if (value && ends_in_placeholder_row(p, q)) continue;
      double fit = span_fit(p, q, c, value, k);
      if (fit <= kImpossible / 2) continue;
      // Only 分值, 年度指标值 and 得分系数 change the row; the other columns read it.
      // (For those, arithmetic() is 0.)
      const RowSoFar* row = &at(p, f).row;
      if (updates_row(c)) {
        row_ = *row;
        update_row(c, k, row_);
        row = &row_;
        fit += value_cut(p, q, c) + repeat;
      } else {
        fit += arithmetic(c, k, *row) + value_cut(p, q, c) + repeat;
      }
      if (fit <= kImpossible / 2) continue;
      land(p, f, q, fit + inner.penalty + bonus + start + numbered - 2.0 * labels_inside,
           Step::Field, *row);
    }
  }

  // fit_column() of the span grown to [p, q). The three value columns fit the same span alike:
  // computed once per span.
  double span_fit(std::size_t p, std::size_t q, Column c, bool value, std::string_view k) {
    if (value && value_fits_known_[q - p - 1]) return value_fits_[q - p - 1];
    double fit =
        keys_whole_ ? fit_column(c, span_.text, k, span_.facts) : fit_column(c, span_.text, k);
    // A date reads as a figure with words after it, and a cut after 年 as a figure with its
    // unit and a fragment ("2021年|12月31日"): a date whole is as likely a value as "5处".
    // (Here, not in fit_value: how well a reading filled its leaves is judged as before.)
    if (value && fit < 2.5 && is_printed_date(k)) fit = 2.5;
    if (value) {
      value_fits_[q - p - 1] = fit;
      value_fits_known_[q - p - 1] = true;
    }
    return fit;
  }

  // The most a span of column c gains from its fit and what is added to it (value_cut(),
  // arithmetic(); repeated_figure() is known before the fit): the maxima of fit_column().
  static double best_fit(Column c) {
    switch (c) {
    case Column::Name:
    case Column::Unit:
      return 1.0;
    case Column::Target:
    case Column::Adjusted:
      return 3.0 + 2.0; // fit_value, value_cut
    case Column::Actual:
      return 3.0 + 0.5; // fit_value, the unit agreeing with the target's
    case Column::Score:
      return 2.0 + 2.0; // fit_number, 得分 = 得分系数 × 分值
    case Column::Weight:
    case Column::Review:
    case Column::Rate:
      return 2.0;
    case Column::Coefficient:
      return 2.6;
    case Column::Core:
    case Column::Nature:
      return 1.5;
    default:
      return 0.1; // free text
    }
  }

  // A span landing at q whose score could reach at most `most` loses to what is there already,
  // and always will: a state's score only rises. Such a span's fit need not be asked. (Strictly
  // below, by more than offer()'s tolerance, so that no tie it could make is missed.)
  bool cannot_win(double most, std::size_t q, std::size_t f) {
    const State& to = at(q, f + 1 == fields_.size() ? 0 : f + 1);
    return to.score > kImpossible / 2 && most < to.score - 1e-6;
  }

  // Where a target ends and the actual begins. A whole value printed twice (符合要求符合要求,
  // 2021年12月完成2021年12月完成: met as planned) is the strongest sign the text gives. Short of
  // that, a target ending inside a run of words the actual goes on with is a cut the print gives
  // no sign of, unless the target is a dash placeholder (一, —).
  double value_cut(std::size_t p, std::size_t q, Column c) const {
    if (c != Column::Target && c != Column::Adjusted) return 0;
    if (q >= end_ || s_.atoms[q].gap != Gap::None) return 0;
    std::string_view k = s_.key_view(p, q);
    std::size_t twice = q + (q - p);
    // (Figures alone, "100%100%", part where their kinds change; words need the sign.)
    bool words = std::any_of(s_.atoms.begin() + long(p), s_.atoms.begin() + long(q), is_ideograph);
    if (words && q - p >= 3 && twice <= end_ && s_.key_view(q, twice) == k) return 2.0;
    const Atom& last = s_.atoms[q - 1];
    bool inside_sentence = is_ideograph(last) || last.key == "、" || last.key == ",";
    if (!inside_sentence || !is_ideograph(s_.atoms[q])) return 0;
    return is_dash_placeholder(k) ? 0 : -2.0;
  }

  // "…8指标2:": the value ends before a template's placeholder row "指标2:" begins.
  bool ends_in_placeholder_row(std::size_t p, std::size_t q) const {
    if (q < p + 3 || !s_.key_view(q - 2, q).ends_with("指标")) return false;
    std::size_t after = skippable_at(s_, q - 2, end_, *model_);
    return after != 0 && s_.key_view(q - 2, after).ends_with(":");
  }

  // "12.512.512.5": the same figure printed in cells run together (分值, target and actual of a
  // row met as planned). A cut inside the digits that leaves the same figure after it is no
  // misreading; it takes back the cost end_bonus charged for cutting a run of digits.
  double repeated_figure(std::size_t p, std::size_t q) const {
    if (q >= end_ || q - p < 2 || s_.atoms[q].gap != Gap::None) return 0;
    if (classes_[q - 1] != 1 || classes_[q] != 1) return 0;
    std::size_t twice = q + (q - p);
    return twice <= end_ && s_.key_view(q, twice) == s_.key_view(p, q) ? 3.0 : 0;
  }

  // A date is one cell: "2021年|12月", "12|月" are cuts through one.
  bool cuts_date(std::size_t q) const {
    auto digit = [&](std::size_t i) { return i < end_ && classes_[i] == 1; };
    if (digit(q - 1) && (marks_[q] & (kYear | kMonth | kDay))) return true;
    if (!(marks_[q - 1] & (kYear | kMonth)) || !digit(q)) return false;
    std::size_t i = q;
    while (digit(i)) ++i;
    return i < end_ && (marks_[i] & (kMonth | kDay));
  }

  // A table that prints every level's points in a column of their own prints a row's 分值 and
  // 得分 in cells of their own too: a figure inside its standard ("计8分") is neither.
  bool own_cell(std::size_t p, std::size_t q, Column c) const {
    if (!model_->level_points || (c != Column::Weight && c != Column::Score)) return true;
    return s_.atoms[p].gap != Gap::None && (q >= end_ || s_.atoms[q].gap != Gap::None);
  }

  // In text run together, a word, a bare figure, a word or a bracket: "…吻合程度分析5可行性" is a
  // standard, its 得分 and the next row's name (or the next label's "(10分)"). Not a figure with
  // its unit ("扣0.2分", "计2个") nor a template's numbering ("指标2").
  bool figure_then_word(std::size_t p, std::size_t q) const {
    if (q - p < 4 || !is_ideograph(s_.atoms[q - 1]) || s_.key_view(p, q).ends_with("指标"))
      return false;
    std::size_t r = q;
    while (r < end_ && r < q + 4 && classes_[r] == 1 && s_.atoms[r].gap == Gap::None) ++r;
    if (r == q) return false;
    if (r >= end_) return true; // the table's last 得分
    if (s_.atoms[r].gap != Gap::None) return false;
    if (s_.atoms[r].key == "(") return true; // the next label's "(10分)"
    if (!is_ideograph(s_.atoms[r])) return false;
    static constexpr std::string_view kUnits[] = {"分", "个", "次", "人", "元", "万", "年", "月",
                                                  "日", "天", "项", "倍", "百", "千", "亿", "点",
                                                  "户", "家", "名", "篇", "件", "台", "套", "所"};
    return std::find(std::begin(kUnits), std::end(kUnits), s_.atoms[r].key) == std::end(kUnits);
  }

  // A 分 that opens a line and runs on into a word ("8 | 分配办法"): a name's first character.
  bool starts_word(std::size_t p) const {
    if (s_.atoms[p].gap != Gap::Cell || p + 1 >= end_ || s_.atoms[p + 1].gap != Gap::None)
      return false;
    const std::string& k = s_.atoms[p + 1].key;
    auto lead = k.size() == 3 ? static_cast<unsigned char>(k[0]) : 0;
    auto second = k.size() == 3 ? static_cast<unsigned char>(k[1]) : 0;
    return (lead >= 0xE4 && lead <= 0xE9) || (lead == 0xE3 && second >= 0x90); // U+3400..U+9FFF
  }

  // "计 2 分,没有…": a figure and its 分 printed apart inside a standard's text. A cell that
  // starts at that 分, or a 分值/得分 that stops before it, cut the phrase in two.
  bool splits_points(std::size_t p, std::size_t q, Column c) const {
    auto is_fen = [&](std::size_t i) { return i < end_ && (marks_[i] & kFen); };
    auto is_digit = [&](std::size_t i) { return classes_[i] == 1; };
    if (is_fen(p) && p > begin_ && is_digit(p - 1) && !starts_word(p)) return true;
    if (c != Column::Weight && c != Column::Score) return false;
    // "1、运行监管记录", "1:乡村道路…": an item's number, not a figure of the row.
    bool numbering = q < end_ && s_.atoms[q].gap == Gap::None && (marks_[q] & kNumbering);
    // "— 1 —": a page number printed inside the text.
    auto is_dash = [&](std::size_t i) { return i < end_ && (marks_[i] & kDash); };
    bool page = p > begin_ && is_dash(p - 1) && is_dash(q);
    return (is_fen(q) && !starts_word(q)) || numbering || page;
  }

  static bool updates_row(Column c) {
    return c == Column::Weight || c == Column::Target || c == Column::Coefficient;
  }
  static void update_row(Column c, std::string_view k, RowSoFar& row) {
    if (c == Column::Weight) row.weight = num::Decimal::parse(k);
    if (c == Column::Target) row.target_key = k;
    if (c == Column::Coefficient)
      row.coefficient = num::Decimal::parse(k.ends_with("%") ? k.substr(0, k.size() - 1) : k);
  }

  // 得分 ≤ 分值; 得分 = 得分系数 × 分值; an actual in the target's unit.
  static double arithmetic(Column c, std::string_view k, const RowSoFar& row) {
    if (c == Column::Score && row.weight) {
      auto score = num::Decimal::parse(k);
      if (score && *score > *row.weight) return kImpossible;
      if (score && row.coefficient)
        return coefficient_fits(*row.coefficient, *row.weight, *score) ? 2.0 : -1.0;
    }
    if (c == Column::Actual && !row.target_key.empty()) {
      if (k == row.target_key) return 0.3;
      std::string target_unit = unit_of(row.target_key), actual_unit = unit_of(k);
      if (!target_unit.empty() && !actual_unit.empty())
        return target_unit == actual_unit ? 0.5 : -0.5;
      // A bare figure's actual with words no unit table knows after it ("12.5完成值…"): the
      // words begin the next cell.
      if (is_bare_figure(row.target_key) && !actual_unit.empty() && !is_known_unit(actual_unit))
        return -2.0;
    }
    return 0;
  }

  StreamTable replay();
  void replay_block(std::size_t from, Levels& levels, StreamTable& table) const;

  const Stream& s_;
  std::size_t begin_, end_;
  std::vector<Column> fields_;
  const ColumnModel* model_ = nullptr;
  bool scheme_ = false;
  // In tables(), reused from segmentation to segmentation:
  std::vector<State>& states_;
  std::vector<bool>& labelled_;          // a level label starts at this atom
  std::vector<bool>& tied_;              // a row end reached by two readings of the same score
  std::vector<std::size_t>& label_ends_; // label_at(p).end: atom after a level label at p, or 0
  std::vector<signed char>& classes_;    // char_class of every atom
  std::vector<unsigned char>& marks_;    // mark_of every atom
  GrowingSpan span_;                     // spans()' span, its text buffer kept from span to span
  RowSoFar row_;                         // the row a span updates, its buffers kept too
  bool keys_whole_ = true;               // every atom's key is whole UTF-8 (SpanFacts may add them)
  // fit_value of the spans from memo_start_ on, by length (max_length of a value column).
  static constexpr std::size_t kValueSpan = 40;
  std::size_t memo_start_ = std::size_t(-1);
  std::array<double, kValueSpan> value_fits_{};
  std::array<bool, kValueSpan> value_fits_known_{};
};

struct Levels {
  std::string level1, level2, level1_stem;
  std::optional<num::Decimal> level1_points, level2_points;
  bool last_was_label = false;
};

// A 二级 the framework files under another 一级 than the one above tells the 一级.
void file_level2(Levels& levels, const StreamLabel& label) {
  std::string_view natural = natural_level1(label.stem);
  if (natural.empty() || natural == levels.level1_stem) return;
  levels.level1 = level_display(natural);
  levels.level1_stem = std::string(natural);
  levels.level1_points.reset();
}

// `paired`: another label follows this one before the row (决策 (20分) | 目标设定 (8分)).
void apply_label(Levels& levels, const StreamLabel& label, bool paired) {
  bool level1 = label.level == LabelLevel::Level1;
  if (label.level == LabelLevel::Either)
    level1 = !(levels.level1_stem == "产出" || levels.last_was_label);
  if (label.level == LabelLevel::Level1 && levels.last_was_label &&
      label.stem == levels.level1_stem)
    level1 = false;
  // A scheme table names no level: of two labels before a row the first is the 一级; a label
  // alone after a row is a new 二级 under the same 一级.
  // A label worth more than the 一级 above cannot be under it.
  if (label.level == LabelLevel::Scheme)
    level1 = levels.level1.empty() || (paired && !levels.last_was_label) ||
             (label.points && levels.level1_points && *label.points > *levels.level1_points);
  if (level1) {
    levels.level1 = label.name;
    levels.level1_stem = label.stem;
    levels.level1_points = label.points;
    levels.level2.clear();
    levels.level2_points.reset();
  } else {
    levels.level2 = label.name;
    levels.level2_points = label.points;
    file_level2(levels, label);
  }
  levels.last_was_label = true;
}

// "指标2:", "指标2": a template row's numbering with nothing after it.
bool is_numbering_only(std::string_view k) {
  if (!k.starts_with("指标")) return false;
  k.remove_prefix(std::string_view("指标").size());
  if (k.ends_with(":")) k.remove_suffix(1);
  return !k.empty() && k.find_first_not_of("0123456789") == std::string_view::npos;
}

void put(model::Indicator& leaf, Column c, std::string text, const std::string& k) {
  switch (c) {
  case Column::Name:
    leaf.name = std::move(text);
    break;
  case Column::Target:
    leaf.target = std::move(text);
    break;
  case Column::Adjusted:
    leaf.adjusted_target = std::move(text);
    break;
  case Column::Actual:
    leaf.actual = std::move(text);
    break;
  case Column::Weight:
    leaf.weight = num::Decimal::parse(k.ends_with("分") ? k.substr(0, k.size() - 3) : k);
    break;
  case Column::Score:
    leaf.score = num::Decimal::parse(k.ends_with("分") ? k.substr(0, k.size() - 3) : k);
    break;
  case Column::Reason:
    // "……" and a blank template row's "指标2:" end a table's rows: placeholders, not reasons.
    if (k != "……" && k != "…" && k != "......" && !is_numbering_only(k))
      leaf.deviation_reason = std::move(text);
    break;
  case Column::Nature:
    leaf.nature = std::move(text);
    break;
  case Column::Unit:
    leaf.unit = std::move(text);
    break;
  case Column::Standard:
    leaf.scoring_standard = std::move(text);
    break;
  case Column::Explanation:
    leaf.explanation = std::move(text);
    break;
  case Column::Core:
    leaf.core = k == "是";
    break;
  case Column::Coefficient:
    leaf.score_coefficient = num::Decimal::parse(k.ends_with("%") ? k.substr(0, k.size() - 1) : k);
    break;
  default:
    break;
  }
}

// A 分值/得分 printed with letters for digits is read as the digits, and said.
void note_ocr_number(StreamLeaf& leaf, Column c, const std::string& text, const std::string& k) {
  if (c != Column::Weight && c != Column::Score) return;
  auto digits = ocr_digits(k);
  if (!digits) return;
  auto& slot = c == Column::Weight ? leaf.indicator.weight : leaf.indicator.score;
  slot = num::Decimal::parse(*digits);
  leaf.ocr_numbers.push_back({c == Column::Weight ? "分值" : "得分", text, *digits});
}

// A comparator printed in its own 指标性质 / 符号 cell belongs in front of the target.
void join_nature(model::Indicator& leaf) {
  if (!is_comparator_only(key(leaf.nature))) return;
  leaf.target = leaf.nature + leaf.target;
  leaf.nature.clear();
}

void Segmenter::replay_block(std::size_t from, Levels& levels, StreamTable& table) const {
  auto block = name_block_at(s_, *model_, from, end_);
  if (!block) return;
  for (auto& indicator : block->leaves) {
    StreamLeaf leaf;
    leaf.indicator = std::move(indicator);
    leaf.indicator.level1 = levels.level1;
    leaf.indicator.level2 = levels.level2;
    leaf.level1_points = levels.level1_points;
    const Atom& first = s_.atoms[from];
    leaf.line = first.line;
    leaf.column = first.column;
    leaf.page = first.page;
    table.leaves.push_back(std::move(leaf));
  }
  levels.last_was_label = false;
}

StreamTable Segmenter::replay() {
  StreamTable table;
  std::vector<int> path;
  for (int i = index(end_, 0); i >= 0 && states_[std::size_t(i)].step != Step::None;
       i = states_[std::size_t(i)].prev)
    path.push_back(i);
  std::reverse(path.begin(), path.end());
  Levels levels;
  StreamLeaf leaf;
  std::size_t f = 0;
  for (std::size_t n = 0; n < path.size(); ++n) {
    int i = path[n];
    const State& state = states_[std::size_t(i)];
    std::size_t to = begin_ + std::size_t(i) / fields_.size();
    if (state.step == Step::Label) {
      bool paired = n + 1 < path.size() && states_[std::size_t(path[n + 1])].step == Step::Label;
      apply_label(levels, label_at(s_, state.from, scheme_, model_->level_points), paired);
      if (f != 0) { // a label printed between a row's name and its figures
        leaf.indicator.level1 = levels.level1;
        leaf.indicator.level2 = levels.level2;
        leaf.level1_points = levels.level1_points;
      }
      continue;
    }
    if (state.step == Step::Skip || state.step == Step::Junk) continue;
    if (state.step == Step::Block) {
      replay_block(state.from, levels, table);
      continue;
    }
    bool tied = tied_[std::size_t(i)];
    if (f == 0) {
      leaf = {};
      leaf.indicator.level1 = levels.level1;
      leaf.indicator.level2 = levels.level2;
      leaf.level1_points = levels.level1_points;
      leaf.level2_points = levels.level2_points;
      const Atom& first = s_.atoms[std::min(state.from, s_.size() - 1)];
      leaf.line = first.line;
      leaf.column = first.column;
      leaf.page = first.page;
      levels.last_was_label = false;
    }
    leaf.tied = leaf.tied || tied;
    if (state.step == Step::Field) {
      std::string k = s_.key_text(state.from, to);
      put(leaf.indicator, fields_[f], s_.text(state.from, to), k);
      note_ocr_number(leaf, fields_[f], s_.text(state.from, to), k);
    }
    if (++f == fields_.size()) {
      join_nature(leaf.indicator);
      table.leaves.push_back(std::move(leaf));
      f = 0;
    }
  }
  return table;
}

} // namespace

StreamTable segment(const Stream& s, const ColumnModel& model, std::size_t begin, std::size_t end) {
  // A real indicator table is a few thousand characters; a longer run is not one table, and
  // the program is quadratic in a span's length.
  if (begin >= end || end - begin > 4000) return {};
  return Segmenter(s, model, begin, end).run();
}

} // namespace ziping::io::text::stream
