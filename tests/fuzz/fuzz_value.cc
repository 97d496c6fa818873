// Fuzz target for the value notation: parse in both roles, spell canonically, parse again.
// Whatever the bytes, parsing keeps the original, fold() yields valid UTF-8, and every value
// that is not text reads back from its canonical spelling unchanged (value.h).
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "ziping/text/utf8.h"
#include "ziping/value/value.h"

namespace {

using ziping::value::Role;
using ziping::value::ValueKind;

[[noreturn]] void fail(const char* what, std::string_view input) {
  std::fprintf(stderr, "fuzz_value: %s for input of %zu bytes\n", what, input.size());
  __builtin_trap();
}

void check_round_trip(std::string_view input, Role role) {
  ziping::value::ParseResult first = ziping::value::parse_value(input, role);
  if (first.value.original != input) fail("original not kept", input);
  if (first.value.kind == ValueKind::Text) return;
  std::string canonical = ziping::value::format_value(first.value);
  if (ziping::text::first_invalid_utf8(canonical)) fail("canonical spelling is not UTF-8", input);
  ziping::value::ParseResult second = ziping::value::parse_value(canonical, role);
  ziping::value::Value expected = first.value;
  expected.original = canonical;
  if (!(second.value == expected)) fail("parse(format(v)) != v", input);
  if (ziping::value::format_value(second.value) != canonical) fail("canonical not stable", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check_round_trip(input, Role::Target);
  check_round_trip(input, Role::Actual);
  if (ziping::text::first_invalid_utf8(ziping::value::fold(input))) fail("fold not UTF-8", input);
  if (auto unit = ziping::value::lookup_unit(input)) {
    ziping::value::Decimal converted;
    ziping::value::convert(ziping::value::Decimal::from_int(7), *unit, *unit, converted);
  }
  return 0;
}
