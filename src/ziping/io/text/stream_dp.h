// io/text/stream_dp.h — the pieces of the stream's dynamic program: what may stand at the start
// of a row besides a name (level labels, placeholders, row numbers), and the segmentation itself.
// Internal to io/text.
#pragma once

#include <optional>
#include <string>

#include "ziping/io/text/stream.h"

namespace ziping::io::text::stream {

enum class LabelLevel { Level1, Level2, Either, Scheme };

struct StreamLabel {
  LabelLevel level = LabelLevel::Level1;
  std::string name; // the label as its key prints it, without points
  std::string stem; // 产出, 数量, 社会效益 …; empty for a scheme label (决策, 目标设定)
  std::optional<num::Decimal> points;
  std::size_t end = 0; // atom after the label (0: none here)
  bool glued = false;  // run into the text after it with no separator (a 决策/管理 二级)
};

// A 一级/二级 label at atom i (with its "(50分)"), or a scheme table's "决策 (20分)" when
// `scheme` (tables without target/actual columns); with `level_points` (a header that gives each
// level a 得分 column of its own) also "投入 | 16", the points in the next cell.
StreamLabel label_at(const Stream& s, std::size_t i, bool scheme, bool level_points = false);

// Atom after a placeholder or layout token at i (……, 指标2:, an orphan (50分), a page-chunk
// marker 2、, a row number when the table numbers its rows), 0 when there is none.
std::size_t skippable_at(const Stream& s, std::size_t i, std::size_t end, const ColumnModel& model);

// A few names printed in a run and their value tuples after them ("指标24:… 指标25:… | 14例 14例
// 2 2 | 24694人 22584人 2 1.7"), at atom p: the leaves (name and values only), the atom after
// the last tuple and what the reading is worth; nullopt unless the counts agree
// (stream_transposed.cc). Only for a model of the four value columns.
struct NameBlock {
  std::vector<model::Indicator> leaves;
  std::size_t end = 0;
  double gain = 0;
};
std::optional<NameBlock> name_block_at(const Stream& s, const ColumnModel& model, std::size_t p,
                                       std::size_t end);

// Rows read above a merged label printed among them, handed to it where the labels' points
// say so (stream_blocks.cc).
void settle_centred_labels(std::vector<StreamLeaf>& leaves);

StreamTable segment(const Stream& s, const ColumnModel& model, std::size_t begin, std::size_t end);

} // namespace ziping::io::text::stream
