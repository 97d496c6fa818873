// value/number.cc — Arabic numbers as forms write them: signs, thousands groups, decimals.
#include <string>

#include "ziping/value/number.h"

namespace ziping::value {
namespace {

std::size_t digit_run(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && Cursor::is_digit(text[end])) ++end;
  return end - pos;
}

// "1,030,500": the first group has 1–3 digits, every later group exactly three. Anything else
// ends the number before the comma, so "1,03" leaves ",03" for the caller to reject.
void append_grouped_digits(std::string_view rest, std::size_t& pos, std::string& plain) {
  std::size_t first = digit_run(rest, pos);
  plain.append(rest.substr(pos, first));
  pos += first;
  if (first > 3) return;
  while (pos + 4 <= rest.size() && rest[pos] == ',' && digit_run(rest, pos + 1) == 3) {
    plain.append(rest.substr(pos + 1, 3));
    pos += 4;
  }
}

} // namespace

std::optional<NumberReading> read_arabic_number(Cursor& cursor) {
  std::string_view rest = cursor.rest();
  std::size_t pos = 0;
  std::string plain;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    if (rest[0] == '-') plain.push_back('-');
    pos = 1;
  }
  if (pos >= rest.size() || !Cursor::is_digit(rest[pos])) return std::nullopt;
  append_grouped_digits(rest, pos, plain);
  if (pos + 1 < rest.size() && rest[pos] == '.' && Cursor::is_digit(rest[pos + 1])) {
    std::size_t fraction = digit_run(rest, pos + 1);
    plain.append(rest.substr(pos, fraction + 1));
    pos += fraction + 1;
  }
  for (std::size_t step = 0; step < pos; ++step) cursor.advance();
  NumberReading reading;
  if (auto value = num::Decimal::parse(plain)) {
    reading.value = *value;
  } else {
    reading.out_of_range = true; // the syntax is plain decimal, so only the limits can fail
  }
  return reading;
}

std::optional<NumberReading> read_percent_words(Cursor& cursor) {
  std::size_t start = cursor.position();
  if (!cursor.consume("百分之")) return std::nullopt;
  if (auto arabic = read_arabic_number(cursor)) return arabic;
  if (auto chinese = read_chinese_numeral(cursor, true)) return NumberReading{*chinese, false};
  cursor.rewind(start);
  return std::nullopt;
}

} // namespace ziping::value
