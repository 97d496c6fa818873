// Structure-aware fuzzing of forms: the fuzz input is read as a list of edits to a valid form
// (one of the examples), so every input is a form that reaches the scorer, the checker and the
// store instead of stopping in the JSON parser. Bytes choose the base form, then each edit:
// which node, which field, and the new value — a number, a value-notation text (comparator,
// number, unit), a text from the examples, a text made of pieces the value parser and the
// checker care about, or a new array length (removed, duplicated, moved rows and goals).
//
// Used by fuzz_form_check (scoring and checking) and fuzz_store_rows (the store's mapping).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ziping/model/form.h"
#include "ziping/num/decimal.h"

namespace ziping::fuzz {

// The fuzz input as a stream of choices. Past its end every choice is 0, so any input, even
// an empty one, decodes to a form.
class Choices {
public:
  Choices(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool more() const { return position_ < size_; }
  std::uint8_t byte() { return more() ? data_[position_++] : 0; }
  // A number in [0, n); 0 when n is 0. Two bytes when n > 256.
  std::size_t below(std::size_t n);
  bool coin() { return (byte() & 1) != 0; }

private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t position_ = 0;
};

// The base forms (examples/tianjin-2022-dept.json, examples/county-roads-2023-proj.json), read
// once from the source tree; aborts when they cannot be read, since every input needs them.
const std::vector<model::Form>& base_forms();

// A base form chosen by the input, then edited by the rest of it (at most kMaxEdits edits;
// duplication stops at kMaxGoals goals and kMaxIndicators indicators).
inline constexpr std::size_t kMaxEdits = 64;
inline constexpr std::size_t kMaxGoals = 40;
inline constexpr std::size_t kMaxIndicators = 400;
model::Form mutated_form(Choices& choices);

// The pieces edits are made of, exposed for the targets' own choices.
std::optional<num::Decimal> chosen_decimal(Choices& choices);
std::string chosen_value_text(Choices& choices); // a 年度指标值 / 实际完成值 cell
std::string chosen_text(Choices& choices);       // any other text

} // namespace ziping::fuzz
