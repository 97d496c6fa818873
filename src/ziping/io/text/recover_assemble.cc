// io/text/recover_assemble.cc — the recovered pieces put together: the form's kind, leaves
// printed before their block's 产出 rows moved to the goal they continue, goal table and
// indicator blocks matched by number, the grade a conclusion states, the points a 一级 heading
// prints checked, what is missing said, and every node's location recorded. A row with a name
// and nothing to score is no leaf (fragments.h).
#include <algorithm>

#include "ziping/io/text/fragments.h"
#include "ziping/io/text/keys.h"
#include "ziping/io/text/recovery.h"
#include "ziping/text/utf8.h"

namespace ziping::io::text::recovery {
namespace {

using namespace std::string_view_literals;
using model::FormKind;

std::string kind_title(FormKind kind) {
  return kind == FormKind::Project ? diag::bilingual("项目支出绩效自评表", "a project form")
                                   : diag::bilingual("部门整体支出绩效自评表", "a department form");
}

FormKind decide_kind(Context& c) {
  std::optional<FormKind> titled;
  if (c.title_project) titled = *c.title_project ? FormKind::Project : FormKind::Department;
  if (titled) {
    if (c.options.kind && *c.options.kind != *titled)
      c.report(DiagId::warn_import_kind_conflict,
               c.map.find("title") ? *c.map.find("title") : diag::SourceLocation{},
               {kind_title(*c.options.kind), kind_title(*titled)}, "kind");
    return *titled;
  }
  if (c.options.kind) return *c.options.kind;
  bool numbered = !c.goal_rows.empty();
  for (const auto& block : c.blocks) numbered = numbered || block.number > 0;
  FormKind guess = FormKind::Project;
  if (c.saw_project_field || c.saw_funding_source)
    guess = FormKind::Project;
  else if (numbered || c.saw_department_field)
    guess = FormKind::Department;
  diag::SourceLocation at;
  at.file = c.options.file_name;
  if (auto* title = c.map.find("title")) at = *title;
  c.report(DiagId::warn_import_kind_unknown, at, {kind_title(guess)}, "kind");
  return guess;
}

// "本次自评等级为优", "自评等级：良好", "评价等级为“优”".
std::optional<std::pair<std::string, std::string>> grade_in(std::string_view text) {
  std::size_t from = 0;
  while (true) {
    auto at = text.find("等级", from);
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t pos = at + "等级"sv.size();
    for (auto skip : {"为"sv, "是"sv, "："sv, ":"sv, "“"sv, "\""sv, "「"sv, "为“"sv}) {
      if (text.substr(pos).starts_with(skip)) pos += skip.size();
    }
    for (auto skip : {"“"sv, "「"sv, "\""sv, " "sv}) {
      if (text.substr(pos).starts_with(skip)) pos += skip.size();
    }
    struct Word {
      std::string_view word, grade;
    };
    for (auto [word, grade] :
         {Word{"优秀", "优"}, Word{"良好", "良"}, Word{"中等", "中"}, Word{"较差", "差"},
          Word{"优", "优"}, Word{"良", "良"}, Word{"中", "中"}, Word{"差", "差"}}) {
      if (text.substr(pos).starts_with(word)) {
        std::string quoted(text.substr(at, pos + word.size() - at));
        return std::pair{std::string(grade), quoted};
      }
    }
    from = pos;
  }
}

// Numbers of other goals a goal-level text names: "年度目标4中：…".
std::vector<std::string> goal_mentions(std::string_view text, int own) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (true) {
    auto at = text.find("目标", from);
    if (at == std::string_view::npos) break;
    std::size_t pos = at + "目标"sv.size();
    std::size_t digits = pos;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits > pos && digits - pos <= 2) {
      int number = std::stoi(std::string(text.substr(pos, digits - pos)));
      // Include the word in front ("年度目标4", "绩效目标4") when there is one.
      std::size_t start = at;
      for (auto prefix : {"年度"sv, "绩效"sv}) {
        if (start >= prefix.size() && text.substr(start - prefix.size(), prefix.size()) == prefix)
          start -= prefix.size();
      }
      if (number != own) out.emplace_back(text.substr(start, digits - start));
    }
    from = pos;
  }
  return out;
}

// 一级 headings that print their points ("产出指标(50分)"): do the leaves under them add up?
void check_level1_points(Context& c) {
  for (const auto& [where, printed] : c.level1_points) {
    const auto& [block_index, stem] = where;
    if (block_index >= c.blocks.size()) continue;
    num::Decimal sum;
    bool any = false;
    for (const auto& leaf : c.blocks[block_index].leaves) {
      if (leaf.level1_stem != stem || !leaf.indicator.weight) continue;
      sum += *leaf.indicator.weight;
      any = true;
    }
    if (any && sum != printed.first) {
      c.report(DiagId::warn_import_level1_points, c.where(*printed.second),
               {level_display(stem), printed.first.to_string(), sum.to_string()});
    }
  }
}

// A 分值/得分 cell merged over several 三级 rows, printed on each of them by a converter that
// expands merged cells. Equal weights on neighbouring rows are common and correct, so a run is
// only collapsed when the weights as printed overshoot the declared total and collapsing
// exactly one choice of runs makes them add up.
void collapse_repeated_scores(Context& c) {
  const auto& form = c.form;
  if (!form.total_weight) return;
  num::Decimal expected = *form.total_weight;
  if (form.budget.weight) expected -= *form.budget.weight;
  num::Decimal printed;
  struct Run {
    std::size_t block, first, length;
    num::Decimal saving;
  };
  std::vector<Run> runs;
  for (std::size_t b = 0; b < c.blocks.size(); ++b) {
    const auto& leaves = c.blocks[b].leaves;
    for (const auto& leaf : leaves) {
      if (leaf.indicator.weight) printed += *leaf.indicator.weight;
    }
    std::size_t i = 0;
    while (i < leaves.size()) {
      std::size_t j = i + 1;
      const auto& a = leaves[i].indicator;
      while (j < leaves.size()) {
        const auto& x = leaves[j].indicator;
        if (!a.weight || !a.score || x.weight != a.weight || x.score != a.score ||
            x.level1 != a.level1 || x.level2 != a.level2 ||
            x.deviation_reason != a.deviation_reason)
          break;
        ++j;
      }
      if (j - i >= 2) {
        num::Decimal saving;
        for (std::size_t k = i + 1; k < j; ++k) saving += *a.weight;
        runs.push_back({b, i, j - i, saving});
      }
      i = j;
    }
  }
  if (runs.empty() || runs.size() > 12 || !(printed > expected)) return;
  num::Decimal excess = printed - expected;
  int found = -1, matches = 0;
  for (int mask = 1; mask < (1 << runs.size()); ++mask) {
    num::Decimal saving;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (mask & (1 << r)) saving += runs[r].saving;
    }
    if (saving == excess) {
      found = mask;
      ++matches;
    }
  }
  if (matches != 1) return;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (!(found & (1 << r))) continue;
    auto& leaves = c.blocks[runs[r].block].leaves;
    auto& first = leaves[runs[r].first];
    c.report(DiagId::warn_import_score_repeated, c.where(*leaves[runs[r].first + 1].row),
             {first.indicator.weight->to_string(), first.indicator.score->to_string(),
              std::to_string(runs[r].length)});
    for (std::size_t k = runs[r].first + 1; k < runs[r].first + runs[r].length; ++k) {
      leaves[k].indicator.weight.reset();
      leaves[k].indicator.score.reset();
      // The repeated cells are spoken for by the diagnostic above.
      for (const char* field : {"weight", "score"}) {
        if (auto it = leaves[k].cells.find(field); it != leaves[k].cells.end()) {
          c.take(it->second);
          leaves[k].cells.erase(it);
        }
      }
    }
  }
}

void locate_leaf(Context& c, const std::string& path, const Leaf& leaf) {
  c.map.set(path, c.where(*leaf.row));
  for (const auto& [field, cell] : leaf.cells) c.locate(path + "." + field, cell);
}

void locate_goal(Context& c, const std::string& path, const GoalRow& goal) {
  if (goal.row) c.map.set(path, c.where(*goal.row));
  for (const auto& [field, cell] : goal.cells) c.locate(path + "." + field, cell);
}

diag::SourceLocation end_of_file(const Context& c) {
  for (auto it = c.grid.rows.rbegin(); it != c.grid.rows.rend(); ++it) {
    if (!it->filled().empty()) return c.where(*it);
  }
  diag::SourceLocation at;
  at.file = c.options.file_name;
  return at;
}

// A project form: one goal, the 年度总体目标, with every block's leaves under it.
void project_goals(Context& c) {
  model::Form& form = c.form;
  model::Goal goal = c.overall.goal;
  goal.number.reset();
  form.goals.push_back(std::move(goal));
  locate_goal(c, model::goal_path(0), c.overall);
  std::size_t index = 0;
  for (auto& block : c.blocks) {
    for (auto& leaf : block.leaves) {
      locate_leaf(c, model::indicator_path(0, index++), leaf);
      form.goals[0].indicators.push_back(std::move(leaf.indicator));
    }
  }
}

// The national department template: one 年度总体目标, no numbered goals.
void overall_as_single_goal(Context& c) {
  if (!c.goal_rows.empty() || !c.saw_overall_goal) return;
  GoalRow overall = c.overall;
  overall.goal.number = 1;
  c.goal_rows.push_back(std::move(overall));
  if (c.overall.row) c.report(DiagId::note_import_single_goal, c.where(*c.overall.row));
  for (auto& block : c.blocks) {
    if (block.number == 0) block.number = 1;
  }
}

// Numbered goals over one indicator table without goal labels (the national 部门整体
// template, its goals numbered in their text): the table is the department's, filed
// under the first goal rather than as a goal of its own.
void table_under_first_goal(Context& c) {
  if (c.goal_rows.empty() || !c.goal_rows.front().goal.number) return;
  std::size_t unlabelled = 0;
  bool labelled = false;
  for (const auto& block : c.blocks) {
    if (block.number > 0)
      labelled = true;
    else if (!block.leaves.empty())
      ++unlabelled;
  }
  if (unlabelled != 1 || labelled) return;
  for (auto& block : c.blocks) {
    if (block.number != 0 || block.leaves.empty()) continue;
    block.number = *c.goal_rows.front().goal.number;
    c.report(DiagId::note_import_table_under_first_goal, c.where(*block.leaves.front().row),
             {std::to_string(block.number)});
  }
}

// Files the first unused block numbered `number` under goal `goal_index`; false when none.
bool take_block(Context& c, std::vector<bool>& used, std::size_t goal_index, int number) {
  for (std::size_t b = 0; b < c.blocks.size(); ++b) {
    if (used[b] || c.blocks[b].number != number) continue;
    used[b] = true;
    auto& goal = c.form.goals[goal_index];
    for (auto& leaf : c.blocks[b].leaves) {
      locate_leaf(c, model::indicator_path(goal_index, goal.indicators.size()), leaf);
      goal.indicators.push_back(std::move(leaf.indicator));
    }
    if (c.blocks[b].weight) {
      goal.weight = c.blocks[b].weight;
      c.locate(model::goal_path(goal_index) + ".weight", c.blocks[b].weight_cell);
    }
    if (c.blocks[b].score) {
      goal.score = c.blocks[b].score;
      c.locate(model::goal_path(goal_index) + ".score", c.blocks[b].score_cell);
    }
    return true;
  }
  return false;
}

// The goal table's goals, each with its numbered block.
void listed_goals(Context& c, std::vector<bool>& used) {
  model::Form& form = c.form;
  for (const auto& row : c.goal_rows) {
    std::size_t index = form.goals.size();
    form.goals.push_back(row.goal);
    locate_goal(c, model::goal_path(index), row);
    bool found = take_block(c, used, index, *row.goal.number);
    if (!found && !c.blocks.empty() && row.goal.number)
      c.report(DiagId::warn_import_goal_without_indicators, c.where(*row.row),
               {std::to_string(*row.goal.number)}, model::goal_path(index));
  }
}

// "目标1：推进…" in the indicator table's first column: the goal's text, where no goal table
// gives it.
void target_from_label(const Block& block, model::Goal& goal) {
  for (auto separator : {"："sv, ":"sv, "、"sv}) {
    auto at = block.printed_label.find(separator);
    if (at != std::string::npos && at <= 18 && goal.target.empty())
      goal.target = std::string(
          ziping::text::trim(std::string_view(block.printed_label).substr(at + separator.size())));
  }
}

// Blocks the goal table does not list (or a form without one): a goal each.
void unlisted_goals(Context& c, std::vector<bool>& used) {
  model::Form& form = c.form;
  for (std::size_t b = 0; b < c.blocks.size(); ++b) {
    if (used[b]) continue;
    Block& block = c.blocks[b];
    if (block.leaves.empty()) continue;
    std::size_t index = form.goals.size();
    model::Goal goal;
    if (block.number > 0) goal.number = block.number;
    target_from_label(block, goal);
    form.goals.push_back(std::move(goal));
    if (!block.leaves.empty())
      c.map.set(model::goal_path(index), c.where(*block.leaves.front().row));
    if (!c.goal_rows.empty() && block.number > 0)
      c.report(DiagId::warn_import_goal_not_in_table, c.where(*block.leaves.front().row),
               {std::to_string(block.number)}, model::goal_path(index));
    used[b] = false;
    for (auto& leaf : block.leaves) {
      locate_leaf(c, model::indicator_path(index, form.goals[index].indicators.size()), leaf);
      form.goals[index].indicators.push_back(std::move(leaf.indicator));
    }
  }
}

// A goal-level reason that talks about another goal stays where it is printed.
void report_goal_mentions(Context& c) {
  const model::Form& form = c.form;
  for (std::size_t g = 0; g < form.goals.size(); ++g) {
    const auto& goal = form.goals[g];
    if (!goal.number) continue;
    for (const auto& mention : goal_mentions(goal.deviation_reason, *goal.number)) {
      const diag::SourceLocation* at = c.map.find(model::goal_path(g) + ".deviation_reason");
      c.report(DiagId::note_import_goal_mentions_other, at ? *at : diag::SourceLocation{},
               {std::to_string(*goal.number), mention}, model::goal_path(g) + ".deviation_reason");
    }
  }
}

// A department form: goal table rows matched to indicator blocks by number.
void department_goals(Context& c) {
  std::vector<bool> used(c.blocks.size(), false);
  overall_as_single_goal(c);
  table_under_first_goal(c);
  listed_goals(c, used);
  unlisted_goals(c, used);
  report_goal_mentions(c);
}

// The words of `text` that `quoted` (found in `simple`, its simplified copy) stands for: the
// same code points of the original text, so the note quotes what the form printed.
std::string printed_words(const std::string& text, const std::string& simple,
                          const std::string& quoted) {
  if (simple == text || code_point_count(simple) != code_point_count(text)) return quoted;
  std::size_t begin_cp = code_point_count(simple.substr(0, simple.find(quoted)));
  std::size_t length = code_point_count(quoted);
  std::size_t pos = 0, cp = 0, begin = 0;
  while (pos < text.size() && cp < begin_cp + length) {
    if (cp == begin_cp) begin = pos;
    ziping::text::next_code_point(text, pos);
    ++cp;
  }
  return text.substr(begin, pos - begin);
}

// The grade a conclusion states, when no 自评等级 cell gives one.
void grade_from_text(Context& c) {
  model::Form& form = c.form;
  if (!form.grade.empty()) return;
  for (std::string* text : {&form.conclusion, &form.problems}) {
    std::string simple = simplified(*text);
    auto grade = grade_in(simple);
    if (!grade) continue;
    form.grade = grade->first;
    grade->second = printed_words(*text, simple, grade->second);
    const diag::SourceLocation* at =
        c.map.find(text == &form.conclusion ? "conclusion" : "problems");
    c.report(DiagId::note_import_grade_from_text, at ? *at : diag::SourceLocation{},
             {grade->first, grade->second}, "grade");
    if (at) c.map.set("grade", *at);
    break;
  }
}

// What a truncated form lacks.
void report_missing_parts(Context& c, bool project) {
  const model::Form& form = c.form;
  diag::SourceLocation end = end_of_file(c);
  auto missing = [&](std::string_view zh, std::string_view en) {
    c.report(DiagId::warn_import_missing_part, end, {diag::bilingual(zh, en)});
  };
  bool any_leaf = false;
  for (const auto& goal : form.goals) any_leaf = any_leaf || !goal.indicators.empty();
  bool anything =
      any_leaf || c.saw_budget || c.saw_title || !c.goal_rows.empty() || c.saw_overall_goal;
  if (!anything) return;
  if (!c.saw_budget)
    missing(project ? "项目资金（预算执行情况）" : "预算执行情况", "budget execution block");
  bool goal_texts = false;
  for (const auto& goal : form.goals) goal_texts = goal_texts || !goal.target.empty();
  if (!project && c.goal_rows.empty() && !c.saw_overall_goal && !goal_texts)
    missing("年度绩效目标", "goal table");
  if (project && !c.saw_overall_goal) missing("年度总体目标", "overall goal");
  if (!any_leaf) missing("绩效指标", "indicator rows");
  if (!c.saw_total) missing("总分", "total row");
}

// Rows that printed a name and nothing to score (fragments.h) are no leaves: each is said.
void drop_fragments(Context& c) {
  for (auto& block : c.blocks) {
    std::erase_if(block.leaves, [&](const Leaf& leaf) {
      if (has_figures(leaf.indicator)) return false;
      c.diagnostics.push_back(row_without_figures(leaf.indicator, c.where(*leaf.row)));
      for (const auto& [field, cell] : leaf.cells) c.take(cell); // said above, not unread
      return true;
    });
  }
}

} // namespace

void assemble(Context& c) {
  c.form.kind = decide_kind(c);
  bool project = c.form.kind == FormKind::Project;
  drop_fragments(c);
  check_level1_points(c);
  collapse_repeated_scores(c);
  if (project)
    project_goals(c);
  else
    department_goals(c);
  grade_from_text(c);
  report_missing_parts(c, project);
}

} // namespace ziping::io::text::recovery
