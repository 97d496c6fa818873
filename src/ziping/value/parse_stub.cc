// Temporary: replaced by the value-notation parser.
#include "ziping/value/value.h"
namespace ziping::value {
ParseResult parse_value(std::string_view text, Role) {
  ParseResult r;
  r.value.original = std::string(text);
  r.value.kind = text.empty() ? ValueKind::Empty : ValueKind::Text;
  r.value.text = std::string(text);
  return r;
}
std::string format_value(const Value& v) { return v.original; }
std::string fold(std::string_view text) { return std::string(text); }
std::optional<Unit> lookup_unit(std::string_view) { return std::nullopt; }
bool convert(const Decimal&, const Unit&, const Unit&, Decimal&) { return false; }
} // namespace ziping::value
