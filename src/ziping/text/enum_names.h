#pragma once
// Enumerations with two names: the English one the API, the CLI and the store write, and the
// Chinese one people read. One table per enumeration, in the order lists show them; every
// enumerator has a row, so the first row's fallback is never taken for a valid value.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ziping::text {

template <class E> struct EnumName {
  E value;
  std::string_view name;
  std::string_view zh;
};

template <class E, std::size_t N>
constexpr const EnumName<E>& entry_of(const EnumName<E> (&table)[N], E value) {
  for (const auto& e : table)
    if (e.value == value) return e;
  return table[0];
}

enum class AcceptChinese : bool { No, Yes };

template <class E, std::size_t N>
constexpr std::optional<E> parse_enum(const EnumName<E> (&table)[N], std::string_view text,
                                      AcceptChinese zh) {
  for (const auto& e : table)
    if (e.name == text || (zh == AcceptChinese::Yes && e.zh == text)) return e.value;
  return std::nullopt;
}

// "a, b, c": the English names for a usage line or an error message, without `except`.
template <class E, std::size_t N>
std::string joined_names(const EnumName<E> (&table)[N], std::optional<E> except = std::nullopt) {
  std::string out;
  for (const auto& e : table)
    if (!except || e.value != *except) out += (out.empty() ? "" : ", ") + std::string(e.name);
  return out;
}

} // namespace ziping::text
