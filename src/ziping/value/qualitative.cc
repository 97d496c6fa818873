// value/qualitative.cc — the ordered scales: each word's scale and rank, higher is better.
//
// The first word listed for a (scale, rank) is its canonical spelling. Where a scale has no
// "better" direction of its own (level: 低…高, presence: 无/有, yes_no: 否/是, trend: 下降…提高),
// the rank orders the magnitude and the indicator decides which way is good
// (docs/value-notation.md).
#include "ziping/value/qualitative.h"

#include "ziping/value/cursor.h"

namespace ziping::value {
namespace {

struct LevelWord {
  std::string_view word;
  std::string_view scale;
  int rank;
};

constexpr LevelWord kLevels[] = {
    {"不合格", "grade", 0},
    {"不及格", "grade", 0},
    {"基本合格", "grade", 1},
    {"合格", "grade", 2},
    {"及格", "grade", 2},
    {"良好", "grade", 3},
    {"优秀", "grade", 4},

    {"差", "rating", 0},
    {"中", "rating", 1},
    {"良", "rating", 2},
    {"优", "rating", 3},

    {"较差", "quality", 0},
    {"一般", "quality", 1},
    {"较好", "quality", 2},
    {"好", "quality", 3},

    {"低", "level", 0},
    {"较低", "level", 1},
    {"中等", "level", 2},
    {"较高", "level", 3},
    {"高", "level", 4},

    {"不及时", "timeliness", 0},
    {"未及时", "timeliness", 0},
    {"不按时", "timeliness", 0},
    {"未按时", "timeliness", 0},
    {"延期", "timeliness", 0},
    {"滞后", "timeliness", 0},
    {"基本及时", "timeliness", 1},
    {"及时", "timeliness", 2},
    {"按时", "timeliness", 2},
    {"准时", "timeliness", 2},
    {"按期", "timeliness", 2},
    {"如期", "timeliness", 2},

    {"否", "yes_no", 0},
    {"是", "yes_no", 1},

    {"无", "presence", 0},
    {"没有", "presence", 0},
    {"有", "presence", 1},

    {"未达标", "standard", 0},
    {"不达标", "standard", 0},
    {"基本达标", "standard", 1},
    {"达标", "standard", 2},

    {"无效", "validity", 0},
    {"基本有效", "validity", 1},
    {"有效", "validity", 2},

    {"不明显", "significance", 0},
    {"较明显", "significance", 1},
    {"明显", "significance", 2},
    {"显著", "significance", 2},
    {"效果明显", "significance", 2},
    {"效果显著", "significance", 2},
    {"成效显著", "significance", 2},

    {"不满意", "satisfaction", 0},
    {"基本满意", "satisfaction", 1},
    {"满意", "satisfaction", 2},
    {"非常满意", "satisfaction", 3},
    {"很满意", "satisfaction", 3},

    // Words of institutions and management that published forms use as targets (健全,
    // 到位, 规范 …), each with its 不/基本 steps, so 基本健全 against 健全 is one step short.
    {"不健全", "soundness", 0},
    {"基本健全", "soundness", 1},
    {"健全", "soundness", 2},
    {"不完善", "completeness", 0},
    {"基本完善", "completeness", 1},
    {"完善", "completeness", 2},
    {"不规范", "regularity", 0},
    {"基本规范", "regularity", 1},
    {"规范", "regularity", 2},
    {"不到位", "in_place", 0},
    {"基本到位", "in_place", 1},
    {"到位", "in_place", 2},
    {"未落实", "implementation", 0},
    {"基本落实", "implementation", 1},
    {"落实", "implementation", 2},
    {"不符合", "conformity", 0},
    {"基本符合", "conformity", 1},
    {"符合", "conformity", 2},
    {"异常", "normality", 0},
    {"不正常", "normality", 0},
    {"基本正常", "normality", 1},
    {"正常", "normality", 2},

    {"下降", "trend", 0},
    {"有所下降", "trend", 0},
    {"降低", "trend", 0},
    {"减少", "trend", 0},
    {"持平", "trend", 1},
    {"基本持平", "trend", 1},
    {"保持稳定", "trend", 1},
    {"稳定", "trend", 1},
    {"有所提高", "trend", 2},
    {"有所提升", "trend", 2},
    {"有所改善", "trend", 2},
    {"有所增加", "trend", 2},
    {"有所增长", "trend", 2},
    {"提高", "trend", 2},
    {"提升", "trend", 2},
    {"改善", "trend", 2},
    {"增加", "trend", 2},
    {"增长", "trend", 2},
    {"持续改善", "trend", 2},
    {"持续提升", "trend", 2},
    {"持续提高", "trend", 2},
    {"稳步提升", "trend", 2},
    {"稳步提高", "trend", 2},
    {"逐步提高", "trend", 2},
    {"逐步提升", "trend", 2},
    {"不断提升", "trend", 2},
    {"不断提高", "trend", 2},
    {"进一步提升", "trend", 2},
    {"进一步提高", "trend", 2},
    {"逐年提高", "trend", 2},
    {"显著提高", "trend", 3},
    {"显著提升", "trend", 3},
    {"明显提高", "trend", 3},
    {"明显提升", "trend", 3},
    {"大幅提升", "trend", 3},
    {"大幅提高", "trend", 3},
    {"显著改善", "trend", 3},
    {"明显改善", "trend", 3},
};

} // namespace

std::optional<Level> read_level(std::string_view compact) {
  if (!begins_with_ideograph(compact)) return std::nullopt; // every word below is Chinese
  for (const LevelWord& entry : kLevels) {
    if (same_bytes(entry.word, compact)) return Level{entry.scale, entry.rank};
  }
  return std::nullopt;
}

std::string_view level_word(std::string_view scale, int rank) {
  for (const LevelWord& entry : kLevels) {
    // The rank first: an int compare rules out most entries before any bytes are compared.
    if (entry.rank == rank && entry.scale == scale) return entry.word;
  }
  return {};
}

} // namespace ziping::value
