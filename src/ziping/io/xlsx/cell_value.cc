#include "ziping/io/xlsx/cell_value.h"

#include <algorithm>

namespace ziping::io::xlsx {
namespace {

constexpr int kShownDigits = 15; // what Excel and WPS display and let a user type

// Rounds a digit string half up to its first `keep` digits; returns the carry (the
// string may become "1000…", one digit longer, with the caller's exponent unchanged).
bool round_digits(std::string& digits, std::size_t keep) {
  if (digits.size() <= keep) return false;
  bool up = digits[keep] >= '5';
  digits.resize(keep);
  if (!up) return false;
  for (std::size_t i = keep; i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return false;
    }
    digits[i] = '0';
  }
  digits.insert(digits.begin(), '1');
  return true;
}

// A number as written in the XML: value = ±digits × 10^exponent, at most 40 significant digits
// kept (more only move the exponent).
struct Written {
  bool negative = false;
  std::string digits;
  long long exponent = 0;
};

// The sign, digits and decimal point from `pos`; nullopt without a digit.
std::optional<Written> read_mantissa(std::string_view text, std::size_t& pos) {
  Written w;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) w.negative = text[pos++] == '-';
  bool any = false, point = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c >= '0' && c <= '9') {
      any = true;
      if (w.digits.empty() && c == '0') {
        if (point) --w.exponent;
        continue; // leading zeros carry no digit
      }
      if (w.digits.size() < 40) {
        w.digits += c;
        if (point) --w.exponent;
      } else if (!point) {
        ++w.exponent;
      }
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  return w;
}

// "E-5" after the mantissa, to the end of the text; false when anything else follows or the
// exponent is absurd.
bool read_exponent(std::string_view text, std::size_t pos, long long& exponent) {
  if (pos == text.size()) return true;
  if (text[pos] != 'e' && text[pos] != 'E') return false;
  ++pos;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) negative = text[pos++] == '-';
  long long value = 0;
  std::size_t start = pos;
  for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
    value = value * 10 + (text[pos] - '0');
    if (value > 100000) return false;
  }
  if (pos == start || pos != text.size()) return false;
  exponent += negative ? -value : value;
  return true;
}

// Cut to the digits a person sees, then to the decimals a Decimal holds.
void round_written(Written& w) {
  std::size_t length = w.digits.size();
  if (length > std::size_t(kShownDigits)) {
    std::size_t dropped = length - kShownDigits;
    bool carry = round_digits(w.digits, kShownDigits);
    w.exponent += (long long)dropped;
    if (carry) {
      w.digits.pop_back();
      ++w.exponent;
    }
  }
  if (w.exponent >= -num::Decimal::kMaxScale) return;
  long long drop = -num::Decimal::kMaxScale - w.exponent;
  if (drop >= (long long)w.digits.size()) {
    // Everything is below 10^-18: the value shows as zero (or rounds up to one unit).
    bool up = drop == (long long)w.digits.size() && w.digits[0] >= '5';
    w.digits = up ? "1" : "0";
  } else {
    bool carry = round_digits(w.digits, w.digits.size() - std::size_t(drop));
    if (carry) w.digits.pop_back(), ++w.exponent;
  }
  w.exponent = -num::Decimal::kMaxScale;
}

// The digits with their point ("12.50"); nullopt beyond a Decimal's digits.
std::optional<std::string> plain_text(Written w) {
  if (w.exponent >= 0) {
    if (w.digits.size() + std::size_t(w.exponent) > std::size_t(num::Decimal::kMaxDigits))
      return std::nullopt;
    return w.digits + std::string(std::size_t(w.exponent), '0');
  }
  std::size_t scale = std::size_t(-w.exponent);
  if (w.digits.size() <= scale) w.digits.insert(0, scale - w.digits.size() + 1, '0');
  return w.digits.substr(0, w.digits.size() - scale) + "." +
         w.digits.substr(w.digits.size() - scale);
}

} // namespace

std::optional<num::Decimal> xml_number(std::string_view text) {
  std::size_t pos = 0;
  std::optional<Written> written = read_mantissa(text, pos);
  if (!written || !read_exponent(text, pos, written->exponent)) return std::nullopt;
  if (written->digits.empty()) return num::Decimal::from_int(0);
  round_written(*written);
  std::optional<std::string> plain = plain_text(*written);
  if (!plain) return std::nullopt;
  auto parsed = num::Decimal::parse((written->negative ? "-" : "") + *plain);
  if (!parsed) return std::nullopt;
  return parsed->is_zero() ? num::Decimal::from_int(0) : parsed->normalized();
}

std::optional<num::Decimal> shown_number(const Cell& cell) {
  auto value = xml_number(cell.value);
  if (!value) return std::nullopt;
  int decimals = cell.style.decimals;
  if (decimals >= 0 && !cell.style.date) {
    if (cell.style.percent) decimals += 2;
    if (decimals > num::Decimal::kMaxScale) return value;
    auto rounded = value->rounded(decimals, num::RoundingMode::HalfUp).with_min_scale(decimals);
    if (rounded.is_zero()) rounded = num::Decimal::from_int(0).with_min_scale(decimals);
    return rounded;
  }
  return value;
}

std::string serial_date_text(long long serial) {
  // Serial 60 is the fictitious 1900-02-29 (a Lotus bug Excel keeps); 1 is 1900-01-01.
  long long days = serial;
  if (days < 1 || days > 2958465) return std::to_string(serial);
  if (days < 60) days += 1; // 1900-01-01 → day 2 after 1899-12-30
  // Days since 1899-12-30 → civil date (Howard Hinnant's algorithm, shifted to 1970).
  long long z = days - 25569 + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

std::string shown_text(const Cell& cell, bool* was_date) {
  if (was_date) *was_date = false;
  switch (cell.type) {
  case Cell::Type::Blank:
    return {};
  case Cell::Type::Text:
    return cell.value;
  case Cell::Type::Error:
    return cell.value;
  case Cell::Type::Boolean:
    return cell.value == "1" || cell.value == "true" ? "是" : "否";
  case Cell::Type::Number:
    break;
  }
  if (cell.style.date) {
    auto value = xml_number(cell.value);
    if (value && !value->is_negative()) {
      if (was_date) *was_date = true;
      auto whole = value->rounded(0, num::RoundingMode::Down);
      return serial_date_text((long long)whole.coefficient());
    }
  }
  auto shown = shown_number(cell);
  if (!shown) return cell.value;
  if (cell.style.percent) {
    auto percent = *shown * num::Decimal::from_int(100);
    int places = std::max(0, cell.style.decimals);
    return percent.rounded(places, num::RoundingMode::HalfUp).with_min_scale(places).to_string() +
           "%";
  }
  return shown->to_string();
}

sheet::NumberText cell_number(const Cell* cell, std::optional<num::Decimal>& out) {
  if (cell == nullptr) return sheet::NumberText::Blank;
  switch (cell->type) {
  case Cell::Type::Blank:
    return sheet::NumberText::Blank;
  case Cell::Type::Text:
    return sheet::parse_number_text(cell->value, out);
  case Cell::Type::Boolean:
  case Cell::Type::Error:
    return sheet::NumberText::NotANumber;
  case Cell::Type::Number:
    break;
  }
  auto shown = shown_number(*cell);
  if (!shown) return sheet::NumberText::NotANumber;
  out = *shown;
  return sheet::NumberText::Number;
}

} // namespace ziping::io::xlsx
