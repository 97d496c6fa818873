// value/parse_memo.cc — the per-thread memo of parse_value()'s general path.
#include "ziping/value/parse_memo.h"

namespace ziping::value {

ParseMemo::ParseMemo() : slots_(std::make_unique<Slot[]>(kSlots)) {}
ParseMemo::~ParseMemo() = default;

std::uint32_t ParseMemo::slot_of(std::string_view text, Role role) {
  std::uint32_t h = 2166136261u; // FNV-1a, the role first
  h = (h ^ (role == Role::Target ? 1u : 2u)) * 16777619u;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h & (kSlots - 1);
}

const ParseResult* ParseMemo::find(std::string_view text, Role role) const {
  if (text.size() > kLongest) return nullptr;
  const Slot& slot = slots_[slot_of(text, role)];
  if (!slot.used || slot.role != role || slot.text != text) return nullptr;
  return &slot.result;
}

void ParseMemo::keep(std::string_view text, Role role, const ParseResult& result) {
  if (text.size() > kLongest) return;
  Slot& slot = slots_[slot_of(text, role)];
  slot.used = true;
  slot.role = role;
  slot.text.assign(text);
  slot.result = result;
}

ParseMemo& thread_parse_memo() {
  thread_local ParseMemo memo;
  return memo;
}

} // namespace ziping::value
