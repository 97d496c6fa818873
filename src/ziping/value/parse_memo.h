// value/parse_memo.h — what parse_value()'s general path said about the short texts this
// thread has met. Forms repeat a small vocabulary outside the quantities ("合格", "及时",
// "是", "2023年12月底前", "全部达成预期指标"), and reading one of those the general way
// (fold, then the tier, date, comparator, level and quantity readers in turn) costs several
// times copying its answer. parse_value() is pure, so a remembered answer is the answer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ziping/value/value.h"

namespace ziping::value {

class ParseMemo {
public:
  // Longer texts are free text, seldom repeated: never kept, so the memo stays small.
  static constexpr std::size_t kLongest = 48;

  ParseMemo();
  ~ParseMemo();

  // The result kept for exactly this text and role, or null.
  const ParseResult* find(std::string_view text, Role role) const;
  // Keeps `result` for (text, role), in place of whatever shared its slot.
  void keep(std::string_view text, Role role, const ParseResult& result);

private:
  static constexpr std::uint32_t kSlots = 256; // a power of two; direct-mapped
  struct Slot {
    Role role = Role::Target;
    std::string text;
    ParseResult result;
  };
  static std::uint32_t slot_of(std::string_view text, Role role);

  // Each slot made when first used: a process that reads one form (a `ziping check` start)
  // touches a few slots, not the memory of all of them.
  std::unique_ptr<Slot> slots_[kSlots];
};

// This thread's memo (each thread its own: nothing shared, nothing locked).
ParseMemo& thread_parse_memo();

} // namespace ziping::value
