// value/tiers.cc — outcome phrases as tiers: [degree] verb [object] [effect], whole values only.
//
// 全部达成预期指标 = 全部 + 达成 + 预期指标; 部分达成年度指标并具有一定效果 = 部分 + 达成 +
// 年度指标 + 并具有一定效果; 未完成 = 未 + 完成. 基本 counts as achieved: the achieved band
// [80%, 100%] of 财预〔2020〕10号 is where "basically met" scores; Partial needs an explicit 部分.
#include <algorithm>
#include <array>

#include "ziping/value/cursor.h"
#include "ziping/value/qualitative.h"
#include "ziping/value/tier_degrees.h"

namespace ziping::value {
namespace {

using Degree = TierDegree;

constexpr Degree kDegrees[] = {
    {"", Tier::Achieved},        {"全部", Tier::Achieved},      {"已", Tier::Achieved},
    {"均已", Tier::Achieved},    {"均", Tier::Achieved},        {"已全部", Tier::Achieved},
    {"全部已", Tier::Achieved},  {"基本", Tier::Achieved},      {"已基本", Tier::Achieved},
    {"圆满", Tier::Achieved},    {"顺利", Tier::Achieved},      {"按期", Tier::Achieved},
    {"按时", Tier::Achieved},    {"如期", Tier::Achieved},      {"全年", Tier::Achieved},
    {"已按期", Tier::Achieved},  {"已按时", Tier::Achieved},    {"全面", Tier::Achieved},
    {"超额", Tier::Achieved},    {"提前", Tier::Achieved},      {"已提前", Tier::Achieved},
    {"部分", Tier::Partial},     {"已部分", Tier::Partial},     {"未全部", Tier::Partial},
    {"未完全", Tier::Partial},   {"没有全部", Tier::Partial},   {"尚未全部", Tier::Partial},
    {"未", Tier::NotAchieved},   {"未能", Tier::NotAchieved},   {"没有", Tier::NotAchieved},
    {"尚未", Tier::NotAchieved}, {"未按期", Tier::NotAchieved}, {"未按时", Tier::NotAchieved},
};

constexpr std::string_view kVerbs[] = {"达成", "完成", "实现", "达到"};

constexpr std::string_view kObjects[] = {
    "",         "预期",         "预期指标",   "预期目标", "预期效果", "年度指标",
    "年度目标", "年度绩效目标", "绩效目标",   "目标",     "指标",     "目标任务",
    "任务",     "预期指标值",   "年度指标值", "指标值",   "计划",     "年度计划",
    "既定目标", "预期值",       "目标值",
};

constexpr std::string_view kEffects[] = {"", "并具有一定效果", "并取得一定效果", "且效果较差"};

bool is_object_and_effect(std::string_view rest) {
  return std::any_of(std::begin(kObjects), std::end(kObjects), [&](std::string_view object) {
    if (!begins_with(rest, object)) return false;
    std::string_view effect = rest.substr(object.size());
    return std::find(std::begin(kEffects), std::end(kEffects), effect) != std::end(kEffects);
  });
}

// 达到 alone is the comparator "at least"; it is an outcome only with a degree or an object.
bool is_outcome(const Degree& degree, std::string_view verb, std::string_view rest) {
  if (verb == "达到" && degree.spelling.empty() && rest.empty()) return false;
  return is_object_and_effect(rest);
}

// Every tier phrase has a verb right after its degree, so one of the verbs starts at one of
// the degrees' lengths in bytes (0, 3, 6, 9, 12): a text with none there (a level, a
// deadline, most free text) is refused without trying the 33 degrees × 4 verbs.
struct DegreeLengths {
  std::array<std::size_t, std::size(kDegrees)> bytes{};
  std::size_t count = 0;
};

constexpr DegreeLengths kDegreeLengths = [] {
  DegreeLengths lengths;
  for (const Degree& degree : kDegrees) {
    bool known = false;
    for (std::size_t i = 0; i < lengths.count; ++i)
      known = known || lengths.bytes[i] == degree.spelling.size();
    if (!known) lengths.bytes[lengths.count++] = degree.spelling.size();
  }
  return lengths;
}();

bool may_hold_verb(std::string_view compact) {
  for (std::size_t i = 0; i < kDegreeLengths.count; ++i) {
    std::size_t at = kDegreeLengths.bytes[i];
    if (at >= compact.size()) continue;
    std::string_view rest = compact.substr(at);
    for (std::string_view verb : kVerbs)
      if (begins_with(rest, verb)) return true;
  }
  return false;
}

} // namespace

std::span<const TierDegree> tier_degrees() {
  return kDegrees;
}

std::optional<Tier> read_tier(std::string_view compact) {
  if (!begins_with_ideograph(compact)) return std::nullopt; // every degree and verb is one
  if (!may_hold_verb(compact)) return std::nullopt;
  for (const Degree& degree : kDegrees) {
    if (!begins_with(compact, degree.spelling)) continue;
    std::string_view after_degree = compact.substr(degree.spelling.size());
    for (std::string_view verb : kVerbs) {
      if (begins_with(after_degree, verb) &&
          is_outcome(degree, verb, after_degree.substr(verb.size())))
        return degree.tier;
    }
  }
  return std::nullopt;
}

std::string_view tier_phrase(Tier tier) {
  switch (tier) {
  case Tier::Achieved:
    return "全部达成";
  case Tier::Partial:
    return "部分达成";
  case Tier::NotAchieved:
    return "未达成";
  }
  return "";
}

} // namespace ziping::value
