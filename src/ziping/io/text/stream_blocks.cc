// io/text/stream_blocks.cc — a merged label cell printed among its rows rather than before them.
// A label centred on its block comes out of a PDF after the block's first rows, which then read
// as the end of the block above. The labels' points say where they belong: a block whose rows
// weigh more than its label by exactly what the next block's rows lack hands that tail over.
#include "ziping/io/text/stream_dp.h"

namespace ziping::io::text::stream {
namespace {

struct Block {
  std::size_t begin = 0, end = 0;
  std::optional<num::Decimal> points, sum; // sum: nullopt when a row has no 分值
};

std::vector<Block> blocks_of(const std::vector<StreamLeaf>& leaves) {
  std::vector<Block> out;
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    const StreamLeaf& leaf = leaves[i];
    if (out.empty() || leaf.indicator.level1 != leaves[out.back().begin].indicator.level1) {
      out.push_back({i, i, leaf.level1_points, num::Decimal::from_int(0)});
    }
    Block& block = out.back();
    block.end = i + 1;
    if (block.sum && leaf.indicator.weight)
      block.sum = *block.sum + *leaf.indicator.weight;
    else
      block.sum.reset();
  }
  return out;
}

// How many of the block's last rows weigh exactly `excess` together; 0 when none do.
std::size_t tail_weighing(const std::vector<StreamLeaf>& leaves, const Block& block,
                          const num::Decimal& excess) {
  num::Decimal sum = num::Decimal::from_int(0);
  for (std::size_t i = block.end; i-- > block.begin + 1;) {
    sum = sum + *leaves[i].indicator.weight;
    if (sum == excess) return block.end - i;
    if (sum > excess) return 0;
  }
  return 0;
}

} // namespace

void settle_centred_labels(std::vector<StreamLeaf>& leaves) {
  std::vector<Block> blocks = blocks_of(leaves);
  for (std::size_t b = 0; b + 1 < blocks.size(); ++b) {
    const Block &above = blocks[b], &below = blocks[b + 1];
    if (!above.points || !above.sum || !below.points || !below.sum) continue;
    if (!(*above.sum > *above.points) || *above.sum - *above.points != *below.points - *below.sum)
      continue;
    std::size_t n = tail_weighing(leaves, above, *above.sum - *above.points);
    const StreamLeaf& first = leaves[below.begin];
    for (std::size_t i = above.end - n; i < above.end; ++i) {
      leaves[i].indicator.level1 = first.indicator.level1;
      leaves[i].indicator.level2 = first.indicator.level2;
      leaves[i].level1_points = first.level1_points;
    }
  }
}

} // namespace ziping::io::text::stream
