// value/parse_memo.cc — the per-thread memo of parse_value()'s general path.
#include "ziping/value/parse_memo.h"

namespace ziping::value {

ParseMemo::ParseMemo() = default;
ParseMemo::~ParseMemo() = default;

std::uint32_t ParseMemo::slot_of(std::string_view text, Role role) {
  std::uint32_t h = 2166136261u; // FNV-1a, the role first
  h = (h ^ (role == Role::Target ? 1u : 2u)) * 16777619u;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h & (kSlots - 1);
}

const ParseResult* ParseMemo::find(std::string_view text, Role role) const {
  if (text.size() > kLongest) return nullptr;
  const Slot* slot = slots_[slot_of(text, role)].get();
  if (!slot || slot->role != role || slot->text != text) return nullptr;
  return &slot->result;
}

void ParseMemo::keep(std::string_view text, Role role, const ParseResult& result) {
  if (text.size() > kLongest) return;
  std::unique_ptr<Slot>& slot_pointer = slots_[slot_of(text, role)];
  if (!slot_pointer) slot_pointer = std::make_unique<Slot>();
  Slot& slot = *slot_pointer;
  slot.role = role;
  slot.text.assign(text);
  slot.result = result;
}

ParseMemo& thread_parse_memo() {
  thread_local ParseMemo memo;
  return memo;
}

} // namespace ziping::value
