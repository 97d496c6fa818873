// io/print/layout.h — the official printed layout of a 绩效自评表 as a grid of cells, shared
// by the HTML and the PDF writers so that both print the same table.
//
// A Sheet is what a person sees on the published form: the title, then blocks (sections) of
// rows on one column grid, with merged cells (a goal's 绩效目标N, the 一级 and 二级 labels span
// their rows). It holds texts only — every number is the form's declared text, printed with
// the scale the form gave it — plus, for each cell, the model paths it shows, so that a
// diagnostic can be linked to its cell. It knows nothing about pages, fonts or HTML: column
// widths are relative shares, and breaking into pages is the PDF writer's business.
//
// It must never compute a score: the declared form is printed as declared. The computed
// figures of an Evaluation appear only in a separate, labelled appendix (review.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ziping/model/fields.h"
#include "ziping/model/form.h"

namespace ziping::io::print {

// How a cell's text is set: labels are bold on a grey ground; short values and numbers are
// centred; prose is left-aligned.
enum class Style {
  Label,  // 一级指标, 年度指标值, 绩效目标3 …
  Number, // 22681.6, 2, 0.8, 87.3%
  Short,  // ≥5次, 党建活动及培训次数: centred while it fits one line
  Text,   // 年度绩效目标, 偏差原因分析及改进措施, 自评结论: left-aligned prose
};

struct Cell {
  int column = 0; // first grid column
  int span = 1;   // grid columns covered
  int rows = 1;   // rows covered (within its section's header or body, never across)
  std::string text;
  Style style = Style::Short;
  // The model paths this cell prints ("goals[3].indicators[2].score"); the first names its
  // anchor. A merged 一级 cell lists the level1 path of every indicator it covers.
  std::vector<std::string> paths;
};

struct Row {
  std::vector<Cell> cells; // in column order; columns under a cell from an earlier row are absent
};

// A block of the form (header fields, 预算执行情况, 年度绩效目标, 年度指标完成情况, 总分 …).
struct Section {
  std::string name; // "budget", "goals", "indicators", …: a CSS class and a test handle
  // A label merged down the first column over every row of the section (预算执行情况,
  // 年度绩效目标完成情况, 绩效指标); printed again on each page the section continues on.
  std::optional<Cell> label;
  std::vector<Row> header; // column headings, repeated at the top of each continued page
  std::vector<Row> body;
  bool keep_together = false; // a small block that moves to the next page whole
};

// One grid column. `share` is a relative width (layout geometry, not a quantity of the form).
// The indicator table's columns are the catalogue's (model/fields.def): `key` is the field's
// JSON key ("level1", …, "deviation_reason"), "goal" for the 绩效目标 label column.
struct Column {
  std::string_view key;
  int share = 0;
  model::FieldId field = model::FieldId::GoalLabel;
};

struct Sheet {
  std::string title;    // "整体支出绩效自评表" as the form names itself
  std::string subtitle; // "（2022年度）"
  std::string heading;  // title and year on one line, for document metadata
  std::vector<Column> columns;
  std::vector<Section> sections;
};

// The official layout of the form (DOMAIN.md §2): department forms as the Tianjin seed prints
// them, project forms as the 财预〔2020〕10号 template. Optional indicator columns (指标性质,
// 度量单位, 调整指标值, 得分系数, 评(扣)分标准, 是否核心指标) appear when some leaf fills them.
Sheet official_layout(const model::Form& form);

// A model path as an HTML id: "goals[3].indicators[2].score" → "goals-3-indicators-2-score";
// the whole form ("") → "form".
std::string anchor_id(std::string_view path);

// Where each model path is printed, so that a diagnostic about a path finds its cell, or the
// cell of its nearest printed ancestor ("goals[3].indicators[2]" → the 三级指标 cell).
class CellIndex {
public:
  explicit CellIndex(const Sheet& sheet);
  // The anchor id of the cell printing `path` or its nearest ancestor; nullopt when neither
  // the path nor any ancestor is printed (a rule-set path, the whole form).
  std::optional<std::string> anchor_for(const std::string& path) const;
  // The cell carrying `anchor` as its id, for marking it.
  const Cell* cell_with_anchor(const std::string& anchor) const;

private:
  std::unordered_map<std::string, const Cell*> by_path_;
  std::unordered_map<std::string, const Cell*> by_anchor_;
};

// Number of grid columns and the index of a column key, -1 if the sheet lacks it.
int column_index(const Sheet& sheet, std::string_view key);

} // namespace ziping::io::print
